"""Reading and writing argmap's own format: every validation error, with its line; round trips."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import argmap
from argmap.errors import MapValidationError, ParseError, UnknownFormatError
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from tests.strategies import argument_maps

HEADER = "argmap: 1\ntitle: T\n"
GOOD_STATEMENTS = """statements:
  - {id: C, kind: claim, text: The claim.}
  - {id: P, kind: premise, text: A reason.}
"""


def problems_of(text: str, source: SourceDocument | None = None) -> list[str]:
    with pytest.raises(MapValidationError) as caught:
        argmap.loads(text, name="m.yaml", source=source)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            GOOD_STATEMENTS + "  - {id: C, kind: evidence, text: again}\n",
            "m.yaml:6:10: C: duplicate id 'C' (first used by statements[0])",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: C, type: support, from: P, to: C}\n",
            "m.yaml:7:10: C: duplicate id 'C' (first used by statements[0])",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: support, from: Q, to: C}\n",
            "m.yaml:7:35: R1: 'from' names no statement: 'Q'",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: support, from: P, to: CC}\n",
            "m.yaml:7:42: R1: 'to' names no statement or relation: 'CC' (did you mean 'C'?)",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: support, from: [P, X], to: C}\n",
            "m.yaml:7:39: R1: 'from' names no statement: 'X'",
        ),
        (
            "statements:\n  - {id: C, kind: claim, txt: The claim.}\n",
            "m.yaml:4:31: C: unknown key 'txt' (did you mean 'text'?)",
        ),
        (
            "titel: x\n" + GOOD_STATEMENTS,
            "m.yaml:3:8: unknown key 'titel' (did you mean 'title'?)",
        ),
        ("statements:\n  - {id: C, kind: claim, text: '  '}\n", "m.yaml:4:32: C: text is empty"),
        ("statements:\n  - {id: C, kind: claim, text: ''}\n", "m.yaml:4:32: C: text is empty"),
        ("statements:\n  - {id: C, kind: claim}\n", "m.yaml:4:5: C: missing required key 'text'"),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: support, from: P, to: C}\n"
            "  - {id: R2, type: support, from: P, to: R1}\n",
            "m.yaml:8:42: R2: support into a relation ('R1'): only an attack may target a relation "
            "(an undercut)",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: support, from: [P, C], to: C}\n",
            "m.yaml:7:47: R1: statement 'C' supports itself",
        ),
        (
            "statements:\n  - {id: C, kind: claim, text: c, span: {start: 9, end: 9}}\n",
            "m.yaml:4:41: C: span start (9) must be less than end (9)",
        ),
        (
            "statements:\n  - {id: C, kind: claim, text: c, span: {start: -1, end: 9}}\n",
            "m.yaml:4:49: C: start: Input should be greater than or equal to 0 (got -1)",
        ),
        (
            "statements:\n  - {id: C, kind: claim, text: c, weight: 1.5}\n",
            "m.yaml:4:43: C: weight 1.5 is out of range [0, 1]",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: support, from: P, to: C, weight: -0.1}\n",
            "m.yaml:7:53: R1: weight -0.1 is out of range [0, 1]",
        ),
        (
            "statements:\n  - {id: C, kind: clam, text: c}\n",
            "m.yaml:4:19: C: unknown kind 'clam' (did you mean 'claim'?); expected one of: "
            "'claim', 'premise', 'evidence', 'rebuttal'",
        ),
        (
            GOOD_STATEMENTS + "relations:\n  - {id: R1, type: suport, from: P, to: C}\n",
            "m.yaml:7:20: R1: unknown relation type 'suport' (did you mean 'support'?); expected one of: "
            "'support', 'attack'",
        ),
        (
            "statements:\n  - {id: 'C 1', kind: claim, text: c}\n",
            "m.yaml:4:10: C 1: invalid id 'C 1': use letters, digits, '_', '.' and '-' only",
        ),
        (
            "main_claim: Q\n" + GOOD_STATEMENTS,
            "m.yaml:3:13: Q: main_claim names no statement: 'Q'",
        ),
    ],
)
def test_each_validation_error_names_file_line_id_and_problem(body: str, expected: str) -> None:
    assert expected in problems_of(HEADER + body)


def test_every_problem_is_reported_in_one_run() -> None:
    text = HEADER + (
        "main_claim: X\n"
        "statements:\n"
        "  - {id: C, kind: claim, text: c}\n"
        "  - {id: C, kind: premise, txt: p}\n"
        "  - {id: E, kind: evidence, text: e, weight: 2}\n"
        "relations:\n"
        "  - {id: R1, type: support, from: E, to: Z}\n"
        "  - {id: R2, type: attack, from: E, to: R1}\n"
    )
    problems = problems_of(text)
    assert len(problems) == 6
    assert [p.split(":")[1] for p in problems] == ["3", "6", "6", "6", "7", "9"]


def test_unknown_format_version_is_an_error() -> None:
    assert problems_of("argmap: 2\ntitle: T\n") == [
        "m.yaml:1:9: unknown format version 2 (this argmap reads 'argmap: 1')"
    ]


def test_missing_format_version_is_an_error() -> None:
    assert "missing 'argmap: 1'" in problems_of("title: T\n")[0]


def test_a_file_that_is_not_a_mapping_is_an_error() -> None:
    assert "must hold a mapping" in problems_of("- just\n- a list\n")[0]


def test_spans_and_checksum_are_checked_against_the_source() -> None:
    source = SourceDocument.from_text("A short source.", name="src.txt")
    text = HEADER + (
        "source: {sha256: '" + "0" * 64 + "'}\n"
        "statements:\n"
        "  - {id: C, kind: claim, text: c, span: {start: 2, end: 7}}\n"
        "  - {id: P, kind: premise, text: p, span: {start: 10, end: 99}}\n"
    )
    problems = problems_of(text, source)
    assert problems[0].startswith("m.yaml:3:18: source.sha256 does not match src.txt")
    assert problems[1] == "m.yaml:6:43: P: span [10, 99) ends past the end of the source (15 characters)"
    assert len(problems) == 2


def test_matching_source_passes() -> None:
    source = SourceDocument.from_text("A short source.")
    text = (
        HEADER
        + f"source: {{sha256: {source.sha256}}}\n"
        + ("statements:\n  - {id: C, kind: claim, text: c, span: {start: 2, end: 15}}\n")
    )
    assert argmap.loads(text, source=source).statements[0].span is not None


def test_yaml_syntax_error_has_a_line() -> None:
    with pytest.raises(ParseError, match=r"m.yaml:4:1: YAML: .*did not find expected node content"):
        argmap.loads(HEADER + "statements: [\n", name="m.yaml")


def test_yaml_duplicate_key_is_an_error_not_a_silent_overwrite() -> None:
    with pytest.raises(ParseError, match=r"m.yaml:4:35: YAML: duplicate key 'text'"):
        argmap.loads(HEADER + "statements:\n  - {id: C, text: a, kind: claim, text: b}\n", name="m.yaml")


def test_yaml_11_surprises_are_off() -> None:
    m = argmap.loads(
        HEADER.replace("title: T", "title: no")
        + "source: {date: 2021-05-11}\nstatements:\n  - {id: C, kind: claim, text: yes}\n"
    )
    assert (m.title, m.source and m.source.date, m.statements[0].text) == ("no", "2021-05-11", "yes")


def test_json_errors_have_lines() -> None:
    with pytest.raises(ParseError, match=r"m.json:2:1: JSON: "):
        argmap.loads('{"argmap": 1,\n}', format="json", name="m.json")
    with pytest.raises(ParseError, match=r"m.json:3:3: JSON: duplicate key 'title'"):
        argmap.loads('{"argmap": 1,\n  "title": "a",\n  "title": "b"}', format="json", name="m.json")


def test_json_validation_errors_have_lines_even_with_tabs() -> None:
    text = (
        '{\n\t"argmap": 1,\n\t"title": "T",\n\t"statements": [\n'
        '\t\t{"id": "C", "kind": "clam", "text": "c"}\n\t]\n}'
    )
    with pytest.raises(MapValidationError, match=r"m.json:5:\d+: C: unknown kind 'clam'"):
        argmap.loads(text, format="json", name="m.json")


def test_non_utf8_input_is_a_parse_error_with_a_line(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(HEADER.encode() + b"statements: \xff\n")
    with pytest.raises(ParseError, match=r"m.yaml:3: not UTF-8: undecodable byte at offset 31"):
        argmap.load(path)


def test_missing_file_is_a_parse_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read: No such file"):
        argmap.load(tmp_path / "absent.yaml")


def test_unknown_suffix_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(
        UnknownFormatError, match=r"unknown file suffix '.txt'; known suffixes: .yaml, .yml, .json"
    ):
        argmap.load(tmp_path / "m.txt")
    with pytest.raises(UnknownFormatError, match="unknown format 'xml'; known formats: yaml, json"):
        argmap.loads("", format="xml")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_round_trip_through_each_format_is_identity_and_deterministic(m: ArgumentMap) -> None:
    for fmt in ("yaml", "json"):
        data = argmap.dumps(m, fmt)
        again = argmap.loads(data, format=fmt)
        assert again == m
        assert argmap.dumps(again, fmt) == data


def test_save_is_atomic_keeps_permissions_and_is_deterministic(tmp_path: Path) -> None:
    m = argmap.loads(HEADER + GOOD_STATEMENTS)
    path = tmp_path / "m.json"
    argmap.save(m, path)
    first = path.read_bytes()
    path.chmod(0o640)
    argmap.save(m, path)
    assert path.read_bytes() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]
    assert argmap.load(path) == m


def test_yaml_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    with pytest.raises(ParseError, match="alias bomb"):
        argmap.loads(bomb, name="bomb.yaml")


def test_deeply_nested_input_is_a_parse_error_not_a_crash() -> None:
    deep = "argmap: 1\ntitle: T\nmeta: " + "[" * 5000 + "]" * 5000 + "\n"
    with pytest.raises(ParseError, match=r"nested too deeply|YAML"):
        argmap.loads(deep, name="deep.yaml")
    with pytest.raises(ParseError, match=r"<string>:1: nested 100,001 levels deep, above the limit max_dep"):
        argmap.loads('{"argmap": 1, "meta": ' + "[" * 100000 + "]" * 100000 + "}", format="json")
