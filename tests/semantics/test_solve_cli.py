"""``argmap solve``: the ICCMA'23 output, the corpus reference answers by both engines, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.semantics import AttackFramework, solve_task
from argmap_cli.main import main
from tests.conftest import require_shared
from tests.semantics._corpus import (
    MEDIUM,
    MEDIUM_REFERENCE,
    PROBO,
    TRUNCATED_APX,
    read_answer,
    read_extensions,
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out, err = capsys.readouterr()
    return int(exit_info.value.code or 0), out, err


@pytest.fixture
def two_cycle(tmp_path: Path) -> Path:
    path = tmp_path / "two.af"
    path.write_text("p af 3\n# 1 and 2 attack each other; 3 is unattacked\n1 2\n2 1\n")
    return path


@pytest.mark.parametrize(
    ("task", "argument", "expected"),
    [
        ("DC-PR", "1", "YES\nw 1 3\n"),
        ("DS-PR", "1", "NO\nw 2 3\n"),
        ("DS-ST", "3", "YES\n"),
        ("DC-GR", "2", "NO\n"),
        ("SE-GR", None, "w 3\n"),
        ("EE-ST", None, "w 1 3\nw 2 3\n"),
        ("CE-CO", None, "3\n"),
    ],
)
@pytest.mark.parametrize("engine", ["auto", "native", "clingo"])
def test_iccma_answers(
    two_cycle: Path,
    task: str,
    argument: str | None,
    expected: str,
    engine: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["solve", str(two_cycle), "-p", task, "--engine", engine]
    code, out, err = run([*args, "-a", argument] if argument else args, capsys)
    assert (code, out, err) == (0, expected, "")


def test_clingo_on_a_framework_grounded_decides_says_nothing_else(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """clasp writes its warnings to file descriptor 2 itself: capfd sees them, capsys would not."""
    path = tmp_path / "chain.af"
    path.write_text("p af 2\n1 2\n")
    assert run(["solve", str(path), "-p", "DS-PR", "-a", "2", "--engine", "clingo"], capfd) == (
        0,
        "NO\nw 1\n",
        "",
    )


def test_truncated_apx_is_one_parse_error_at_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    path = require_shared(TRUNCATED_APX)
    last_line = path.read_bytes().count(b"\n") + 1
    code, out, err = run(["solve", str(path), "-p", "DS-PR", "-a", "a1"], capsys)
    assert (code, out) == (1, "")
    assert (
        err.startswith(f"argmap: error: {path}:{last_line}: ")
        and err.count("\n") == 1
        and "Traceback" not in err
    )


def test_timeout_is_one_line_naming_the_task(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cycles.af"
    path.write_text("p af 90\n" + "".join(f"{i} {i % 90 + 1}\n" for i in range(1, 91)))
    code, out, err = run(["solve", str(path), "-p", "EE-STG", "--timeout", "0"], capsys)
    assert (code, out) == (4, "")
    assert err == "argmap: error: EE-STG: no answer within the time limit\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "DC-CO"], "argmap: error: DC-CO needs a query argument\n"),
        (["-p", "DC-CO", "-a", "7"], "argmap: error: no argument '7' in the framework\n"),
        (["-p", "DC-STG", "-a", "1", "--engine", "native"], "stage semantics has no native solver"),
        (["-p", "DC-XY", "-a", "1"], "argmap: error: Invalid value for '-p'"),
    ],
)
def test_usage_errors(
    two_cycle: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["solve", str(two_cycle), *args], capsys)
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1


@pytest.mark.parametrize("engine", ["native", "clingo"])
@pytest.mark.parametrize("example", ["ex1", "ex2", "ex3"])
@pytest.mark.parametrize("code", ["CO", "GR", "PR", "ST"])
def test_probo_references_by_both_engines(engine: str, example: str, code: str) -> None:
    reference = read_extensions(require_shared(PROBO / f"solutions/{example}.apx.EE-{code}"))
    af = AttackFramework.read(require_shared(PROBO / f"{example}.apx"))
    result = solve_task(af, f"EE-{code}", engine=engine)
    assert {frozenset(e) for e in result.extensions or ()} == set(reference)
    assert solve_task(af, f"CE-{code}", engine=engine).count == len(reference)


@pytest.mark.parametrize("task", ["DC-CO", "DC-GR", "DS-CO"])
def test_medium_reference_decisions_by_clingo(task: str) -> None:
    af = AttackFramework.read(require_shared(MEDIUM / "Medium-result-b1.apx"))
    query = (MEDIUM / "Medium-result-b1.arg").read_text().strip()
    expected = read_answer(require_shared(MEDIUM_REFERENCE / f"iccma-2019-Medium-result-b1.apx-{task}.out"))
    assert solve_task(af, task, query, engine="clingo").answer is expected


def test_medium_reference_counts_by_clingo() -> None:
    af = AttackFramework.read(require_shared(MEDIUM / "Medium-result-b1.apx"))
    for code, count in (("CO", 24), ("ST", 15)):
        reference = read_extensions(MEDIUM_REFERENCE / f"iccma-2019-Medium-result-b1.apx-EE-{code}.out")
        assert len(reference) == count
        assert solve_task(af, f"CE-{code}", engine="clingo").count == count
    (some,) = read_extensions(MEDIUM_REFERENCE / "iccma-2019-Medium-result-b1.apx-SE-CO.out")
    assert frozenset(solve_task(af, "SE-CO", engine="clingo").witness or ()) == some  # the grounded one: []
