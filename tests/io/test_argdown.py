"""Argdown: the corpus (Argdown's own examples and parser tests), the subset's syntax, and its errors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.errors import MapValidationError, ParseError
from argmap.io._structure import safe_id
from argmap.io.argdown import dumps_argdown, loads_argdown
from tests.conftest import CORPORA, require_shared

ARGDOWN = CORPORA / "argdown"
FILES = sorted(p for p in ARGDOWN.rglob("*") if p.suffix in (".argdown", ".ad")) if ARGDOWN.exists() else []
OUTSIDE_THE_SUBSET = {
    "_partial1.argdown": (3, "@include is outside the supported subset"),
    "_partial2.argdown": (3, "@include is outside the supported subset"),
    "include-test.argdown": (3, "@include is outside the supported subset"),
    "lexer-relations.argdown": (1, "relation '\\+' has no statement or argument above it"),
    "lexer-statements-by-number.argdown": (1, r"statement references by number \(<A>\(1\)\)"),
}


def test_the_corpus_is_there() -> None:
    require_shared(ARGDOWN)
    assert len(FILES) == 38


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_imports_or_names_the_line_outside_the_subset(path: Path) -> None:
    if path.name in OUTSIDE_THE_SUBSET:
        line, message = OUTSIDE_THE_SUBSET[path.name]
        with pytest.raises(ParseError, match=rf"{path.name}:{line}: {message}"):
            argmap.load(path)
        return
    m = argmap.load(path)
    assert m.statements


EXAMPLES = sorted((ARGDOWN / "examples").glob("*.argdown")) if ARGDOWN.exists() else []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_example_debates_agree_with_argdowns_own_json_export(path: Path) -> None:
    """Every titled statement, and every argument without a premise-conclusion structure, is a statement.

    Arguments with one become inferences (supports), so the statements are the equivalence classes plus the
    arguments without a structure, exactly as Argdown's JSON export counts them.
    """
    export = json.loads((ARGDOWN / "json-export-arguebase" / f"{path.stem}.json").read_text())
    m = argmap.load(path)
    with_pcs = {
        title for title, a in export["arguments"].items() if any(member.get("pcs") for member in a["members"])
    }
    titled = [t for t in export["statements"] if not t.startswith("Untitled")]
    ids = {s.id for s in m.statements}
    taken: set[str] = set()
    assert {safe_id(t, taken) for t in titled} <= ids
    taken = set()
    arguments = {safe_id(t, taken) for t in export["arguments"] if t not in with_pcs}
    assert arguments <= ids
    assert {m.statement(a).meta["argdown"] for a in arguments} <= {"argument"}  # type: ignore[index]
    relation_ids = {r.key for r in m.relations}
    taken = set(ids)
    assert {safe_id(t, set()) for t in with_pcs} <= relation_ids
    if path.stem not in ("semmelweis_betz",):  # Argdown merges some untitled paragraphs there
        assert len(m.statements) == len(export["statements"]) + len(export["arguments"]) - len(with_pcs)


def test_relations_in_every_direction_and_nesting() -> None:
    m = loads_argdown(
        """[A]: a
  + [B]: b
    - [C]: c
  <- [D]: d
  +> [E]: e
  -> [F]: f
  >< [G]: g
"""
    )
    got = Counter((r.type, r.sources[0], r.to) for r in m.relations)
    assert got == Counter(
        {
            ("support", "B", "A"): 1,
            ("attack", "C", "B"): 1,
            ("attack", "D", "A"): 1,
            ("support", "A", "E"): 1,
            ("attack", "A", "F"): 1,
            ("attack", "G", "A"): 1,
            ("attack", "A", "G"): 1,
        }
    )
    assert [s.kind for s in m.statements] == [
        "claim",
        "premise",
        "rebuttal",
        "rebuttal",
        "claim",
        "claim",
        "rebuttal",
    ]


def test_premise_conclusion_structures_become_linked_supports() -> None:
    m = loads_argdown(
        """<Umbrella>: Why to take one.

(1) [Rain]: It will rain.
(2) [Out]: We will be out.
-- Practical reasoning {confidence: 0.8} --
(3) [Wet]: We would get wet.
(4) Wet is bad.
----
(5) [Take]: Take an umbrella.

<Umbrella>
  - [Sun]: The sun shines.
"""
    )
    first, last, undercut = m.relations
    assert (first.sources, first.to, first.scheme, first.meta) == (
        ("Rain", "Out"),
        "Wet",
        "Practical reasoning",
        {"confidence": 0.8},
    )
    assert (last.id, last.sources, last.to, last.note) == (
        "Umbrella",
        ("Wet", "s1"),
        "Take",
        "Why to take one.",
    )
    assert (undercut.type, undercut.sources, undercut.to) == ("attack", ("Sun",), "Umbrella")
    assert m.is_undercut(undercut)


def test_undercuts_of_arguments_without_a_structure_attack_their_relations() -> None:
    m = loads_argdown(
        """[Claim]: c
  + <Analogy>: a is like b.
    <_ <Poor>: The analogy fails.
"""
    )
    support, undercut = m.relations
    assert (support.sources, support.to) == (("Analogy",), "Claim")
    assert (undercut.sources, undercut.to) == (("Poor",), support.key)
    assert m.statement("Analogy").meta == {"argdown": "argument"}


def test_front_matter_headings_tags_data_comments_and_escapes() -> None:
    m = loads_argdown(
        """===
title: A debate
author: Someone
===

# Part one {isGroup: false}

[A]: First \\#1 statement, see [a link](http://example.org). #pro #(big idea) {weight: 2}
<!-- a comment
spanning lines -->
B continues here // a line comment
over two lines. /* block */
"""
    )
    assert m.title == "A debate" and m.meta == {"author": "Someone"}
    a, b = m.statements
    assert (a.text, a.tags, a.section, a.meta) == (
        "First #1 statement, see [a link](http://example.org).",
        ("pro", "big idea"),
        "Part one",
        {"weight": 2},
    )
    assert (b.id, b.text, b.section) == ("s1", "B continues here over two lines.", "Part one")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[A]: a\n<!-- never closed\n", r"x.ad:2: comment opened by '<!--' is never closed"),
        ("===\ntitle: T\n", r"x.ad:1: front matter opened by '===' is never closed"),
        (
            "===\na: &a [x, x]\nb: [*a, *a]\n===\n",
            r"x.ad:2: front matter is not a YAML mapping \(without aliases\)",
        ),
        ("+ [B]: b\n", r"x.ad:1: relation '\+' has no statement or argument above it"),
        ("[A]: a\n  +\n", r"x.ad:2: relation '\+' names no statement or argument"),
        ("(1) a\n(2) b\n", r"x.ad:1: a premise-conclusion structure needs an inference line"),
        ("(1) a\n----\n", r"x.ad:2: an inference block opened by a line of dashes is never closed"),
        ("(1) a\n-- rule --\n", r"x.ad:2: an inference line must be followed by a conclusion"),
        ("[A]: a\n----\n", r"x.ad:2: an inference line outside a premise-conclusion structure"),
        ("[A]: a\n@include(b.argdown)\n", r"x.ad:2: @include is outside the supported subset"),
    ],
)
def test_outside_the_subset_is_an_error_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        loads_argdown(text, name="x.ad")


def test_an_invalid_map_is_reported_with_the_line_of_the_relation() -> None:
    with pytest.raises(MapValidationError, match=r"x.ad:4:1: support.A.A: statement 'A' supports itself"):
        loads_argdown("[A]: a\n\n[A]\n  + [A]\n", name="x.ad")


def test_writing_escapes_what_argdown_would_read_as_syntax() -> None:
    m = argmap.ArgumentMap(
        title="T",
        statements=[
            argmap.Statement(id="A", kind="claim", text="a [b] <c> #d {e} // f /* g */ <!-- h --> \\ i"),
        ],
    )
    again = loads_argdown(dumps_argdown(m))
    assert again.statement("A").text == m.statement("A").text


def test_the_primer_round_trips_through_the_writer() -> None:
    m = argmap.load(require_shared(ARGDOWN / "examples" / "argdown-primer.argdown"))
    again = loads_argdown(dumps_argdown(m))
    assert [s.id for s in again.statements] == [s.id for s in m.statements]
    assert Counter(r.type for r in again.relations) == Counter(r.type for r in m.relations)
