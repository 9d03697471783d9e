"""The ``tests:`` block of a map file: validated with lines, kept by every writer that carries everything."""

from __future__ import annotations

import jsonschema
import pytest

import argmap
from argmap.errors import MapValidationError
from argmap.graph import from_networkx, to_networkx
from argmap.model import ArgumentMap, MapTest, json_schema

HEAD = """argmap: 1
title: T
statements:
  - {id: C, kind: claim, text: c}
  - {id: R1, kind: rebuttal, text: r}
relations:
  - {id: A1, type: attack, from: R1, to: C}
"""


def problems(tests_block: str) -> list[str]:
    with pytest.raises(MapValidationError) as raised:
        argmap.loads(HEAD + tests_block, name="m.yaml")
    return [str(p) for p in raised.value.problems]


def test_a_valid_block_is_read_with_its_defaults() -> None:
    m = argmap.loads(
        HEAD + "tests:\n  - {semantics: preferred, expect: {C: out, A1: in}}\n  - expect: {R1: in}\n"
    )
    assert m.tests == (
        MapTest(semantics="preferred", support="none", expect={"C": "out", "A1": "in"}),
        MapTest(semantics="grounded", expect={"R1": "in"}),
    )


def test_an_unknown_id_is_reported_at_its_line_with_did_you_mean() -> None:
    assert problems("tests:\n  - semantics: grounded\n    expect:\n      C: in\n      R11: out\n") == [
        "m.yaml:12:12: expect names no statement or relation: 'R11' (did you mean 'R1'?)"
    ]


def test_an_unknown_semantics_lists_the_known_ones() -> None:
    assert problems("tests:\n  - {semantics: groundd, expect: {C: in}}\n") == [
        "m.yaml:9:17: unknown semantics 'groundd' (did you mean 'grounded'?); "
        "expected one of: grounded, complete, preferred, stable"
    ]


def test_a_bad_label_and_an_unknown_id_in_one_test_are_both_reported() -> None:
    assert problems("tests:\n  - expect: {C1: in, R1: outt}\n") == [
        "m.yaml:9:18: expect names no statement or relation: 'C1' (did you mean 'C'?)",
        "m.yaml:9:26: unknown label 'outt' for 'R1' (did you mean 'out'?); expected one of: in, out, undec",
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("tests:\n  - {semantics: grounded}\n", "m.yaml:9:5: missing required key 'expect'"),
        ("tests:\n  - {expect: {}}\n", "m.yaml:9:14: expect: Dictionary should have at least 1 item"),
        ("tests:\n  - {expekt: {C: in}, expect: {C: in}}\n", "unknown key 'expekt' (did you mean 'expect'?)"),
        ("tests:\n  - {support: deductiv, expect: {C: in}}\n", "unknown support 'deductiv'"),
        ("tests: {C: in}\n", "m.yaml:8:8: 'tests' must be a list"),
    ],
)
def test_malformed_tests_are_problems(block: str, expected: str) -> None:
    found = problems(block)
    assert len(found) == 1 and expected in found[0], found


def test_the_model_refuses_an_expectation_on_a_missing_id() -> None:
    with pytest.raises(ValueError, match="expect names no statement or relation: 'X'"):
        ArgumentMap(title="T", tests=[MapTest(expect={"X": "in"})])


def test_yaml_json_and_networkx_keep_the_block() -> None:
    m = argmap.loads(HEAD + "tests:\n  - {name: n, note: why, support: necessary, expect: {C: undec}}\n")
    for fmt in ("yaml", "json", "node-link", "graphml"):
        assert argmap.loads(argmap.dumps(m, fmt), format=fmt) == m, fmt
    assert to_networkx(m).graph["tests"] == [
        {
            "name": "n",
            "semantics": "grounded",
            "support": "necessary",
            "expect": {"C": "undec"},
            "note": "why",
        }
    ]
    assert from_networkx(to_networkx(m)) == m
    assert "tests:\n- name: n\n  semantics: grounded\n" in argmap.dumps(m, "yaml").decode()


def test_a_map_without_tests_writes_no_tests_key() -> None:
    assert b"tests" not in argmap.dumps(argmap.loads(HEAD), "yaml")


def test_the_json_schema_describes_the_block() -> None:
    schema = json_schema()
    data = {"argmap": 1, "title": "T", "statements": [{"id": "C", "kind": "claim", "text": "c"}]}
    jsonschema.validate({**data, "tests": [{"semantics": "stable", "expect": {"C": "in"}}]}, schema)
    for bad in (
        {"expect": {"C": "maybe"}},
        {"expect": {}},
        {"semantics": "grounded"},
        {"expect": {"C": "in"}, "x": 1},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, "tests": [bad]}, schema)
