"""Every reference answer in the ICCMA corpus (shared/corpora/iccma, see its SOURCE.md).

- probo examples ex1-ex3 (ICCMA'15 benchmark suite by Cerutti, Oren, Strass, Thimm, Vallati):
  ``EE-CO``, ``EE-GR``, ``EE-PR``, ``EE-ST``;
- ICCMA 2019 Medium-result-b1 (438 arguments, 77,717 attacks): ``EE-CO``, ``EE-ST``, ``SE-CO``,
  ``DC-CO``, ``DC-GR``, ``DS-CO`` for the query argument in ``Medium-result-b1.arg``;
- ICCMA 2019 dynamic track, Small-result-b2: ``DC-CO``, ``DC-ST``, ``DS-CO``, ``DS-ST`` for the query
  ``a3_2`` on the initial framework and after each cumulative change of the ``.apxm`` file;
- ``_derived/grounded.json`` (computed beside the corpus, not external gold) as a cross-check of
  the grounded extension of every instance file.

The larger instances are solved under all four semantics by ``bench/semantics.py`` (timed there,
results in docs/benchmarks.md); here they are solved where the suite stays fast.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from argmap.errors import ParseError
from argmap.semantics import AttackFramework, credulous, semantics_names, skeptical, solve
from tests.conftest import require_shared
from tests.semantics._corpus import (
    COMPETITION_INSTANCES,
    ICCMA,
    MEDIUM,
    MEDIUM_REFERENCE,
    PROBO,
    STORAGE,
    TRUNCATED_APX,
    read_answer,
    read_extensions,
)

TASKS = {"CO": "complete", "GR": "grounded", "PR": "preferred", "ST": "stable"}


@pytest.mark.parametrize("example", ["ex1", "ex2", "ex3"])
@pytest.mark.parametrize("task", ["CO", "GR", "PR", "ST"])
def test_probo_reference_extensions(example: str, task: str) -> None:
    reference = read_extensions(require_shared(PROBO / f"solutions/{example}.apx.EE-{task}"))
    for fmt in ("apx", "tgf"):
        af = AttackFramework.read(require_shared(PROBO / f"{example}.{fmt}"))
        assert sorted(solve(af, TASKS[task]).extensions, key=sorted) == sorted(reference, key=sorted)


@pytest.fixture(scope="module")
def medium() -> AttackFramework:
    return AttackFramework.read(require_shared(MEDIUM / "Medium-result-b1.apx"))


@pytest.fixture(scope="module")
def medium_query() -> str:
    return require_shared(MEDIUM / "Medium-result-b1.arg").read_text().strip()


@pytest.mark.parametrize("task", ["CO", "ST"])
def test_medium_reference_extensions(medium: AttackFramework, task: str) -> None:
    reference = read_extensions(
        require_shared(MEDIUM_REFERENCE / f"iccma-2019-Medium-result-b1.apx-EE-{task}.out")
    )
    assert len(reference) == {"CO": 24, "ST": 15}[task]
    assert set(solve(medium, TASKS[task]).extensions) == set(reference)


def test_medium_some_extension(medium: AttackFramework) -> None:
    """SE-CO asks for one complete extension: the reference's must be one of ours."""
    (reference,) = read_extensions(
        require_shared(MEDIUM_REFERENCE / "iccma-2019-Medium-result-b1.apx-SE-CO.out")
    )
    assert reference in solve(medium, "complete").extensions


@pytest.mark.parametrize(
    ("task", "semantics"), [("DC-CO", "complete"), ("DC-GR", "grounded"), ("DS-CO", "complete")]
)
def test_medium_reference_decisions(
    medium: AttackFramework, medium_query: str, task: str, semantics: str
) -> None:
    expected = read_answer(require_shared(MEDIUM_REFERENCE / f"iccma-2019-Medium-result-b1.apx-{task}.out"))
    decide = credulous if task.startswith("DC") else skeptical
    assert decide(medium, semantics, medium_query) is expected


def test_medium_preferred_is_consistent(medium: AttackFramework) -> None:
    """No preferred reference exists: check against the complete reference instead (maximal elements)."""
    complete = set(
        read_extensions(require_shared(MEDIUM_REFERENCE / "iccma-2019-Medium-result-b1.apx-EE-CO.out"))
    )
    maximal = {e for e in complete if not any(e < other for other in complete)}
    assert set(solve(medium, "preferred").extensions) == maximal


def _apply_changes(af: AttackFramework, changes: Path) -> list[AttackFramework]:
    attacks = set(af.attack_pairs())
    states = [af]
    for number, line in enumerate(changes.read_text().splitlines(), start=1):
        change = re.fullmatch(r"([+-])att\((\w+),(\w+)\)\.", line.strip())
        assert change is not None, f"{changes}:{number}"
        pair = (change.group(2), change.group(3))
        attacks = attacks | {pair} if change.group(1) == "+" else attacks - {pair}
        states.append(AttackFramework(af.names, sorted(attacks)))
    return states


@pytest.mark.parametrize("task", ["DC-CO", "DC-ST", "DS-CO", "DS-ST"])
def test_dynamic_small_result_b2(task: str) -> None:
    """ICCMA 2019 dynamic track: one answer per state; the query is a3_2 (SOURCE.md)."""
    folder = require_shared(STORAGE / "1_Small-result-b2")
    states = _apply_changes(
        AttackFramework.read(folder / "Small-result-b2.apx"), folder / "Small-result-b2.apxm"
    )
    lines = (folder / f"iccma-2019-Small-result-b2.apxm-{task}-D.out").read_text().split()
    assert lines[0] == f"{task}-D"
    expected = [answer == "YES" for answer in lines[1:]]
    assert len(expected) == len(states) == 9
    decide = credulous if task.startswith("DC") else skeptical
    assert [decide(state, TASKS[task[3:]], "a3_2") for state in states] == expected


def _derived() -> dict[str, Any]:
    path = ICCMA / "_derived/grounded.json"
    return json.loads(path.read_text())["instances"] if path.exists() else {}


@pytest.mark.parametrize("relative", sorted(_derived()) or ["_derived/grounded.json"])
def test_grounded_cross_check(relative: str) -> None:
    path = require_shared(ICCMA / relative)
    expected = _derived()[relative]
    if path == TRUNCATED_APX:
        with pytest.raises(ParseError):
            AttackFramework.read(path)
        return
    af = AttackFramework.read(path)
    assert (len(af), af.n_attacks) == (expected["n_args"], expected["n_attacks"])
    assert solve(af, "grounded").extensions == (frozenset(expected["grounded"]),)


# Instances whose complete/preferred/stable enumeration takes seconds to minutes: timed in the bench.
_HEAVY = {"8_A-2-WS_300_16_90_30"}


@pytest.mark.parametrize("instance", [i for i in COMPETITION_INSTANCES if i not in _HEAVY])
def test_competition_instances_under_every_semantics(instance: str) -> None:
    """Every semantics on the p4s3r0 instances; the answers must hang together."""
    af = AttackFramework.read(require_shared(STORAGE / instance / (instance.split("_", 1)[1] + ".apx")))
    solutions = {name: solve(af, name) for name in semantics_names()}
    complete = set(solutions["complete"].extensions)
    (grounded,) = solutions["grounded"].extensions
    assert grounded in complete and all(grounded <= e for e in complete)
    assert set(solutions["preferred"].extensions) == {e for e in complete if not any(e < o for o in complete)}
    assert set(solutions["stable"].extensions) <= set(solutions["preferred"].extensions)
    assert solutions["complete"].labels == solutions["grounded"].labels
