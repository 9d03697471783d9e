"""The model: construction rules, generated ids, look-ups, the JSON Schema."""

from __future__ import annotations

import jsonschema
import pydantic
import pytest
import yaml
from hypothesis import given

from argmap.errors import UnknownIdError
from argmap.model import ArgumentMap, Relation, Span, Statement, json_schema
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps


def _statements(*ids: str) -> list[Statement]:
    return [Statement(id=i, kind="premise", text=f"text of {i}") for i in ids]


def test_relation_from_accepts_one_id_or_a_list() -> None:
    assert Relation(type="support", sources="A", to="B").sources == ("A",)
    linked = Relation.model_validate({"type": "support", "from": ["A", "B"], "to": "C"})
    assert linked.sources == ("A", "B") and linked.linked


def test_missing_relation_ids_are_generated_stably_and_uniquely() -> None:
    relations = [
        Relation(type="support", sources="A", to="C"),
        Relation(type="support", sources="A", to="C"),
        Relation(type="attack", sources=["A", "B"], to="C"),
    ]
    first = ArgumentMap(title="T", statements=_statements("A", "B", "C"), relations=relations)
    second = ArgumentMap(title="T", statements=_statements("A", "B", "C"), relations=relations)
    assert [r.id for r in first.relations] == ["support.A.C", "support.A.C.2", "attack.A.B.C"]
    assert [r.id for r in second.relations] == [r.id for r in first.relations]


def test_generated_id_avoids_a_statement_with_the_same_id() -> None:
    statements = [*_statements("A", "C"), Statement(id="support.A.C", kind="claim", text="odd id")]
    m = ArgumentMap(
        title="T", statements=statements, relations=[Relation(type="support", sources="A", to="C")]
    )
    assert m.relations[0].id == "support.A.C.2"


@pytest.mark.parametrize(
    ("relations", "message"),
    [
        ([Relation(id="R", type="support", sources="A", to="X")], "'to' names no statement"),
        ([Relation(id="R", type="support", sources="A", to="A")], "supports itself"),
        (
            [
                Relation(id="R1", type="support", sources="A", to="B"),
                Relation(id="R2", type="support", sources="B", to="R1"),
            ],
            "support into a relation",
        ),
        ([Relation(id="A", type="support", sources="A", to="B")], "duplicate id 'A'"),
    ],
)
def test_invalid_maps_cannot_be_constructed(relations: list[Relation], message: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=message):
        ArgumentMap(title="T", statements=_statements("A", "B"), relations=relations)


def test_undercut_is_an_attack_on_a_relation() -> None:
    m = ArgumentMap(
        title="T",
        statements=_statements("A", "B", "U"),
        relations=[
            Relation(id="R1", type="support", sources="A", to="B"),
            Relation(id="R2", type="attack", sources="U", to="R1"),
        ],
    )
    assert m.is_undercut(m.relation("R2")) and not m.is_undercut(m.relation("R1"))


def test_models_are_frozen() -> None:
    statement = Statement(id="A", kind="claim", text="a")
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        statement.text = "b"  # type: ignore[misc]


def test_span_must_start_before_it_ends() -> None:
    with pytest.raises(pydantic.ValidationError, match="must be less than end"):
        Span(start=4, end=4)


def test_unknown_ids_suggest_a_close_one() -> None:
    m = ArgumentMap(title="T", statements=_statements("claim", "premise"))
    with pytest.raises(UnknownIdError, match=r"no statement 'clam' \(did you mean 'claim'\?\)"):
        m.statement("clam")


def test_article_map_satisfies_the_json_schema() -> None:
    data = yaml.safe_load(ARTICLE_MAP.read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema())


def test_json_schema_rejects_unknown_keys() -> None:
    data = {"argmap": 1, "title": "T", "statements": [{"id": "A", "kind": "claim", "text": "a", "txt": "b"}]}
    with pytest.raises(jsonschema.ValidationError, match="txt"):
        jsonschema.validate(data, json_schema())


SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(json_schema())  # the schema itself checked once, below


def test_the_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


@given(argument_maps())
def test_generated_maps_satisfy_the_json_schema(m: ArgumentMap) -> None:
    SCHEMA_VALIDATOR.validate(m.to_data())
