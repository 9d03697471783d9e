"""ICCMA tasks: the native and the clingo engine against Dung's definitions (tests/semantics/brute.py).

Every task (DC, DS, SE, EE, CE under CO, PR, ST, GR, SST, STG, ID) on seeded random frameworks
of every shape in ``brute.SHAPES``; DC and DS for every argument. A witness must be an
extension that contains (DC) or lacks (DS) the argument.
"""

from __future__ import annotations

import pytest

from argmap.errors import SolverError, UnknownIdError, UsageError
from argmap.semantics import AttackFramework
from argmap.semantics.tasks import SEMANTICS_CODES, TaskResult, solve_task, task_names
from tests.semantics.brute import SHAPES, brute_extensions, random_framework

ENGINES = ("native", "clingo")


def _names(af: AttackFramework, extension: frozenset[int]) -> frozenset[str]:
    return frozenset(af.names[i] for i in extension)


def _check_framework(af: AttackFramework, engine: str) -> None:
    for code, semantics in SEMANTICS_CODES.items():
        if engine == "native" and code == "STG":
            continue
        expected = {_names(af, e) for e in brute_extensions(af, semantics)}
        enumerated = solve_task(af, f"EE-{code}", engine=engine)
        assert {frozenset(e) for e in enumerated.extensions or ()} == expected, code
        assert len(enumerated.extensions or ()) == len(expected), code  # each extension once
        assert solve_task(af, f"CE-{code}", engine=engine).count == len(expected), code
        some = solve_task(af, f"SE-{code}", engine=engine)
        assert some.answer is bool(expected), code
        assert (some.witness is None) if not expected else frozenset(some.witness or ()) in expected
        for argument in af.names:
            credulous = solve_task(af, f"DC-{code}", argument, engine=engine)
            assert credulous.answer is any(argument in e for e in expected), (code, argument)
            if credulous.answer:
                witness = frozenset(credulous.witness or ())
                assert witness in expected and argument in witness, (code, argument)
            skeptical = solve_task(af, f"DS-{code}", argument, engine=engine)
            assert skeptical.answer is all(argument in e for e in expected), (code, argument)
            if not skeptical.answer:
                witness = frozenset(skeptical.witness or ())
                assert witness in expected and argument not in witness, (code, argument)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("shape", SHAPES)
def test_every_task_agrees_with_the_definitions(engine: str, shape: str) -> None:
    for seed in range(8):
        af = (
            random_framework(seed, shape)
            if shape != "empty"
            else AttackFramework.from_edges(seed % 3, [], [])
        )
        _check_framework(af, engine)


def test_auto_reports_the_engine_it_chose() -> None:
    chain = AttackFramework.from_edges(3, [0, 1], [1, 2])
    assert solve_task(chain, "DS-PR", "1").engine == "native"  # grounded decides everything
    cycles = AttackFramework.from_edges(60, list(range(60)), [i ^ 1 for i in range(60)])
    result = solve_task(cycles, "DS-PR", "1")
    assert (result.engine, result.answer) == ("clingo", False)
    small = AttackFramework.from_edges(4, [0, 1, 2, 3], [1, 0, 3, 2])
    assert solve_task(small, "DS-PR", "1", engine="native").engine == "native"
    assert solve_task(cycles, "DC-GR", "1", engine="clingo").engine == "native"  # grounded is always native


def test_iccma_output_format() -> None:
    af = AttackFramework.from_edges(3, [0, 1], [1, 0])  # 1 <-> 2, and 3 unattacked
    assert solve_task(af, "DC-ST", "1").iccma() == "YES\nw 1 3\n"
    assert solve_task(af, "DC-GR", "1").iccma() == "NO\n"
    assert solve_task(af, "DS-PR", "1").iccma() == "NO\nw 2 3\n"
    assert solve_task(af, "DS-PR", "3").iccma() == "YES\n"
    assert solve_task(af, "EE-PR").iccma() == "w 1 3\nw 2 3\n"
    assert solve_task(af, "CE-CO").iccma() == "3\n"
    assert solve_task(AttackFramework.from_edges(1, [0], [0]), "SE-ST").iccma() == "NO\n"
    assert solve_task(AttackFramework.from_edges(1, [0], [0]), "SE-PR").iccma() == "w\n"


def test_result_is_frozen() -> None:
    result = solve_task(AttackFramework.from_edges(1, [], []), "SE-GR")
    assert isinstance(result, TaskResult)
    with pytest.raises(ValueError, match="frozen"):
        result.count = 3  # type: ignore[misc]


def test_every_task_name_is_answered() -> None:
    af = AttackFramework.from_edges(2, [0], [1])
    for task in task_names():
        argument = "1" if task[:2] in ("DC", "DS") else None
        assert solve_task(af, task, argument).task == task


@pytest.mark.parametrize(
    ("task", "argument", "engine", "error", "match"),
    [
        ("DC-XX", "1", "auto", UsageError, "unknown task 'DC-XX'; known tasks: DC-CO"),
        ("DC-CO", None, "auto", UsageError, "DC-CO needs a query argument"),
        ("SE-CO", "1", "auto", UsageError, "SE-CO takes no query argument"),
        ("DC-CO", "9", "auto", UnknownIdError, "no argument '9'"),
        ("DC-CO", "1", "fast", UsageError, "unknown engine 'fast'; known engines: auto, native, clingo"),
        ("DC-STG", "1", "native", UsageError, "DC-STG: stage semantics has no native solver"),
    ],
)
def test_bad_requests(task: str, argument: str | None, engine: str, error: type, match: str) -> None:
    af = AttackFramework.from_edges(2, [0, 1], [1, 0])
    with pytest.raises(error, match=match):
        solve_task(af, task, argument, engine=engine)


def test_timeout_names_the_task() -> None:
    # 40 disjoint odd cycles with a link each: many maximal ranges, no stable extension
    n = 120
    sources = [i for i in range(n)]
    targets = [i - 2 if i % 3 == 2 else i + 1 for i in range(n)]
    af = AttackFramework.from_edges(n, sources, targets)
    with pytest.raises(SolverError, match=r"^EE-STG: no answer within the time limit"):
        solve_task(af, "EE-STG", engine="clingo", timeout=0.0)


def test_native_timeout_names_the_task() -> None:
    # 20 disjoint two-cycles: 3**20 complete extensions for the native search to list
    af = AttackFramework.from_edges(40, list(range(40)), [i ^ 1 for i in range(40)])
    with pytest.raises(SolverError, match=r"^CE-CO: no answer within the time limit$"):
        solve_task(af, "CE-CO", engine="native", timeout=0.5)
