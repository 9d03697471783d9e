"""The scheme catalogue: its shape, its loading and validation, user catalogues and name resolution."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.errors import UnknownIdError
from argmap.model import SCHEME_ID_PATTERN
from argmap.schemes import (
    SCHEMES_ENV,
    Catalogue,
    CatalogueError,
    builtin_catalogue,
    default_catalogue,
    load_catalogue,
    parse_catalogue,
    read_catalogue,
)
from argmap.schemes.catalogue import _normal
from tests.conftest import ARTICLE_MAP

# The schemes issue 8 names, by the ids the issue (and the article's map) uses.
REQUIRED = [
    "argument-from-expert-opinion",
    "argument-from-analogy",
    "argument-from-positive-consequences",
    "argument-from-negative-consequences",
    "argument-from-example",
    "argument-from-cause-to-effect",
    "practical-reasoning",
    "argument-from-sign",
    "argument-from-popular-opinion",
    "argument-from-precedent",
    "ad-hominem",
    "argument-from-commitment",
    "argument-from-established-rule",
    "argument-from-alternatives",
    "argument-from-danger-appeal",
    "argument-from-correlation-to-cause",
    "argument-from-verbal-classification",
    "argument-from-witness-testimony",
    "argument-from-position-to-know",
    "slippery-slope",
    "argument-from-sunk-costs",
    "argument-from-values",
    "argument-from-ignorance",
]

MINE = """\
catalogue: 1
schemes:
  - id: argument-from-sign
    name: Sign reading
    description: A replacement of argmap's scheme.
    premises: [{role: premise, template: "{B} is seen."}]
    conclusion: "{A}."
    questions: [{id: reliable, text: "Is B reliable?"}]
    reference: Ours.
  - id: argument-from-rhyme
    name: Argument from rhyme
    description: It rhymes, so it is true.
    premises: [{role: premise, template: "{A} rhymes."}]
    conclusion: "{A} is true."
    questions: [{id: reason, text: "Is rhyme a reason?"}]
    reference: Ours.
"""


def test_the_catalogue_has_at_least_20_schemes_with_the_required_ids() -> None:
    catalogue = builtin_catalogue()
    assert len(catalogue) >= 20
    assert [i for i in REQUIRED if i not in catalogue] == []


def test_ids_are_kebab_case_and_unique() -> None:
    ids = builtin_catalogue().ids
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids
    assert re.fullmatch(SCHEME_ID_PATTERN, "argument-from-example")
    assert not re.fullmatch(SCHEME_ID_PATTERN, "Argument-From-Example")


@pytest.mark.parametrize("scheme", builtin_catalogue().schemes, ids=lambda s: s.id)
def test_every_scheme_is_complete(scheme: object) -> None:
    from argmap.schemes import Scheme

    assert isinstance(scheme, Scheme)
    assert scheme.name and scheme.description and scheme.conclusion and scheme.reference
    assert scheme.premises and all(p.role and p.template for p in scheme.premises)
    assert scheme.questions and all(q.text.endswith("?") for q in scheme.questions)
    assert len(set(scheme.question_ids)) == len(scheme.question_ids)
    assert all(re.fullmatch(SCHEME_ID_PATTERN, q) for q in scheme.question_ids)


def test_every_name_and_alias_designates_one_scheme_only() -> None:
    """Readers map names to ids: no two schemes share a name or alias, with or without 'argument from'."""
    owner: dict[str, str] = {}
    for scheme in builtin_catalogue().schemes:
        forms = {_normal(f) for f in (scheme.id, scheme.name, *scheme.aliases)}
        for form in forms | {f.removeprefix("argument from ") for f in forms}:
            assert owner.setdefault(form, scheme.id) == scheme.id, (form, scheme.id, owner[form])


def test_the_article_map_uses_only_catalogue_ids() -> None:
    used = set(re.findall(r"scheme: (\S+)", ARTICLE_MAP.read_text(encoding="utf-8")))
    assert used and used <= set(builtin_catalogue().ids)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("argument-from-expert-opinion", "argument-from-expert-opinion"),
        ("Argument From Expert Opinion", "argument-from-expert-opinion"),  # AIFdb's spelling
        ("Expert Opinion", "argument-from-expert-opinion"),  # AIFdb, without "argument from"
        ("Example", "argument-from-example"),
        ("Ad hominem", "ad-hominem"),
        ("argument_from_sunk_costs", "argument-from-sunk-costs"),
        ("Argument from waste", "argument-from-sunk-costs"),  # an alias
        ("Default Inference", None),
        ("Argument From Authority", None),  # ambiguous (expert? position to know?): not guessed
    ],
)
def test_names_resolve_to_ids(name: str, expected: str | None) -> None:
    assert builtin_catalogue().resolve(name) == expected


def test_unknown_scheme_or_question_suggests_the_closest() -> None:
    catalogue = builtin_catalogue()
    with pytest.raises(
        UnknownIdError, match=r"no scheme 'argument-from-exmple' \(did you mean 'argument-from-example'\?\)"
    ):
        catalogue.scheme("argument-from-exmple")
    with pytest.raises(
        UnknownIdError, match=r"no critical question 'expertice' \(did you mean 'expertise'\?\)"
    ):
        catalogue.scheme("argument-from-expert-opinion").question("expertice")


def test_a_user_catalogue_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    merged = load_catalogue(path)
    base = builtin_catalogue()
    assert len(merged) == len(base) + 1
    assert merged.ids[: len(base)] == base.ids  # an override keeps its place
    assert merged.scheme("argument-from-sign").question_ids == ("reliable",)
    assert merged.scheme("argument-from-rhyme").name == "Argument from rhyme"
    assert len(read_catalogue(path)) == 2


def test_the_environment_variable_extends_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    monkeypatch.setenv(SCHEMES_ENV, str(path))
    assert "argument-from-rhyme" in default_catalogue()
    monkeypatch.delenv(SCHEMES_ENV)
    assert "argument-from-rhyme" not in default_catalogue()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("schemes: []\n", r"mine.yaml:1: a catalogue file must start with 'catalogue: 1'"),
        ("catalogue: 1\nschemes: [\n", r"mine.yaml:3:1: YAML: "),
        (
            MINE.replace("id: argument-from-rhyme", "id: Argument From Rhyme"),
            r"mine.yaml:10:9: Argument From Rhyme: schemes\[1\].id: invalid id 'Argument From Rhyme'",
        ),
        (
            MINE.replace("    reference: Ours.\n", "", 1),
            r"mine.yaml:3:5: argument-from-sign: schemes\[0\].reference: missing required key 'reference'",
        ),
        (
            MINE.replace("questions: [{id: reason,", "questions: []  #", 1),
            r"mine.yaml:15:16: argument-from-rhyme: schemes\[1\].questions: 'questions' must list",
        ),
        (
            MINE.replace(
                '[{id: reliable, text: "Is B reliable?"}]', '[{id: q, text: "a?"}, {id: q, text: "b?"}]'
            ),
            r"mine.yaml:8:16: argument-from-sign: schemes\[0\].questions: duplicate question id 'q'",
        ),
        (
            MINE.replace("argument-from-rhyme", "argument-from-sign"),
            r"mine.yaml:3:3: schemes: duplicate scheme id 'argument-from-sign'",
        ),
        (
            MINE.replace("    reference: Ours.\n", "    reference: Ours.\n    reference: Again.\n", 1),
            r"mine.yaml:10:5: YAML: duplicate key 'reference'",
        ),
        (
            MINE.replace('    conclusion: "{A}."\n', '    conclusion: "{A}."\n    conclsion: x\n', 1),
            r"unknown key 'conclsion'",
        ),
    ],
)
def test_a_malformed_catalogue_is_a_clear_error_with_its_line(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(text, "mine.yaml")


def test_an_unreadable_catalogue_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"missing\.yaml: cannot read the catalogue"):
        read_catalogue(tmp_path / "missing.yaml")


def test_a_catalogue_round_trips_through_its_data() -> None:
    catalogue = builtin_catalogue()
    assert Catalogue.model_validate(catalogue.model_dump(by_alias=True)) == catalogue


def test_the_docs_list_the_catalogue() -> None:
    doc = (ARTICLE_MAP.parents[1] / "docs" / "schemes.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| [^|]+ \| (.+) \|$", doc, flags=re.MULTILINE)
    assert [row[0] for row in rows] == list(builtin_catalogue().ids)
    for scheme_id, questions in rows:
        assert re.findall(r"`([a-z0-9-]+)`", questions) == list(
            builtin_catalogue().scheme(scheme_id).question_ids
        )
    assert f"It holds {len(builtin_catalogue())} schemes." in doc
