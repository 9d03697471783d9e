"""``argmap.check`` and ``argmap check``: a map's expected labels, evaluated.

The expected labels are those of the literature, not of argmap: Dung (1995), "On the
acceptability of arguments...", Artificial Intelligence 77, examples of a chain
(a attacks b attacks c: grounded {a, c}), the Nixon diamond (two preferred extensions, grounded
empty) and an odd cycle (no stable extension; the grounded extension is empty).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
import argmap.checks
from argmap.checks import CheckReport, check
from argmap.model import ArgumentMap, MapTest, Relation, Statement
from argmap_cli.main import main


def framework_map(attacks: list[tuple[str, str]], tests: list[MapTest]) -> ArgumentMap:
    names = sorted({name for pair in attacks for name in pair})
    return ArgumentMap(
        title="framework",
        statements=[Statement(id=n, kind="claim", text=f"statement {n}") for n in names],
        relations=[Relation(id=f"{a}-{b}", type="attack", sources=a, to=b) for a, b in attacks],
        tests=tests,
    )


CHAIN = [("a", "b"), ("b", "c")]
NIXON = [("q", "r"), ("r", "q")]
ODD_CYCLE = [("x", "y"), ("y", "z"), ("z", "x")]


@pytest.mark.parametrize(
    ("attacks", "semantics", "expected"),
    [
        (CHAIN, "grounded", {"a": "in", "b": "out", "c": "in"}),
        (CHAIN, "stable", {"a": "in", "b": "out", "c": "in"}),
        (NIXON, "grounded", {"q": "undec", "r": "undec"}),
        # two preferred extensions, {q} and {r}: skeptically neither is in, nor out
        (NIXON, "preferred", {"q": "undec", "r": "undec"}),
        (ODD_CYCLE, "grounded", {"x": "undec", "y": "undec", "z": "undec"}),
        (ODD_CYCLE, "stable", {"x": "undec", "y": "undec", "z": "undec"}),
    ],
)
def test_labels_from_the_literature_hold(
    attacks: list[tuple[str, str]], semantics: str, expected: dict[str, str]
) -> None:
    m = framework_map(attacks, [MapTest(semantics=semantics, expect=expected)])  # type: ignore[arg-type]
    report = check(m)
    assert report.ok and report.passed == len(expected) and report.failed == 0
    assert [r.actual for r in report.results] == list(expected.values())


def test_a_wrong_expectation_fails_and_says_what_was_found() -> None:
    m = framework_map(CHAIN, [MapTest(name="chain", expect={"a": "in", "c": "out"})])
    report = check(m)
    assert not report.ok and (report.passed, report.failed) == (1, 1)
    failed = report.results[1]
    assert (failed.id, failed.expected, failed.actual, failed.holds) == ("c", "out", "in", False)
    assert failed.sentence() == 'FAILS: c "statement c" is in under grounded semantics; expected out'


def test_relations_are_labelled_too_and_support_modes_change_the_labels() -> None:
    m = argmap.loads(
        """argmap: 1
title: T
statements:
  - {id: C, kind: claim, text: c}
  - {id: P, kind: premise, text: p}
  - {id: R, kind: rebuttal, text: r}
relations:
  - {id: S, type: support, from: P, to: C}
  - {id: A, type: attack, from: R, to: P}
tests:
  - {semantics: grounded, expect: {S: out, A: in, P: out, C: in}}
  - {semantics: grounded, support: necessary, expect: {C: out}}
"""
    )
    # docs/semantics.md, maps to frameworks: S inherits A's attack on its source P (rule 2); with
    # necessary support, A's attack on P passes to what P supports (a secondary attack on C).
    report = check(m)
    assert [(r.id, r.element, r.holds) for r in report.results] == [
        ("S", "relation", True),
        ("A", "relation", True),
        ("P", "statement", True),
        ("C", "statement", True),
        ("C", "statement", True),
    ]
    assert report.results[0].text is None and report.results[0].sentence().startswith("holds: the relation S")


def test_each_semantics_and_support_pair_is_solved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real = argmap.checks.acceptability

    def counting(m: ArgumentMap, *, semantics: str, support: str) -> object:
        calls.append((semantics, support))
        return real(m, semantics=semantics, support=support)

    monkeypatch.setattr(argmap.checks, "acceptability", counting)
    tests = [
        MapTest(expect={"a": "in"}),
        MapTest(expect={"b": "out"}),
        MapTest(semantics="stable", expect={"c": "in"}),
    ]
    assert check(framework_map(CHAIN, tests)).ok
    assert calls == [("grounded", "none"), ("stable", "none")]


def test_the_report_is_frozen_and_a_map_without_tests_is_ok() -> None:
    report = check(ArgumentMap(title="T"))
    assert isinstance(report, CheckReport) and report.ok and report.results == () and report.tests == 0
    with pytest.raises(ValueError, match="frozen"):
        report.failed = 3  # type: ignore[misc]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


def write(tmp_path: Path, m: ArgumentMap) -> Path:
    return argmap.save(m, tmp_path / "map.yaml")


def test_check_exits_1_naming_each_failing_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path,
        framework_map(
            NIXON, [MapTest(name="nixon", semantics="preferred", expect={"q": "in", "r": "undec"})]
        ),
    )
    code, out, err = run(["check", str(path)], capsys)
    assert code == 1 and err == ""
    assert out.splitlines() == [
        'test 1 (nixon): FAILS: q "statement q" is undec under preferred semantics; expected in',
        'test 1 (nixon): holds: r "statement r" is undec under preferred semantics',
        f"{path}: 1 of 2 expectations hold, 1 fail",
    ]


def test_check_exits_0_when_all_hold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, framework_map(CHAIN, [MapTest(expect={"a": "in", "b": "out"})]))
    code, out, _ = run(["check", str(path)], capsys)
    assert code == 0 and out.endswith(": 2 of 2 expectations hold\n")


def test_check_says_when_there_is_nothing_to_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, framework_map(CHAIN, []))
    code, out, _ = run(["check", str(path)], capsys)
    assert (code, out) == (0, f"{path}: no tests: block; nothing to check\n")


def test_check_json_is_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, framework_map(CHAIN, [MapTest(expect={"c": "out"})]))
    code, out, _ = run(["check", str(path), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and data["failed"] == 1 and data["results"][0]["actual"] == "in"
    assert CheckReport.model_validate(data) == check(argmap.load(path))


def test_an_invalid_tests_block_is_one_line_per_problem_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nstatements:\n  - {id: C, kind: claim, text: c}\n"
        "tests:\n  - {semantics: stabel, expect: {D: in}}\n"
    )
    code, out, err = run(["check", str(path)], capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f"argmap: error: {path}:6:17: unknown semantics 'stabel' (did you mean 'stable'?); "
        "expected one of: grounded, complete, preferred, stable",
        f"argmap: error: {path}:6:37: expect names no statement or relation: 'D'",
        "argmap: 2 problems",
    ]
