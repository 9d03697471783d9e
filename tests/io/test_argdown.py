"""Argdown: the corpus (Argdown's own examples and parser tests), the subset's syntax, and its errors."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.errors import MapValidationError, ParseError
from argmap.io._structure import safe_id
from argmap.io.argdown import dumps_argdown, loads_argdown
from argmap.limits import Limits
from tests.conftest import CORPORA, require_shared

ARGDOWN = CORPORA / "argdown"
FILES = sorted(p for p in ARGDOWN.rglob("*") if p.suffix in (".argdown", ".ad")) if ARGDOWN.exists() else []
NOT_A_DOCUMENT = {
    # Argdown's lexer test input: the nine relation symbols, each alone on its line, with no
    # statement or argument above them to attach to and none after them to relate. Argdown's
    # own parser has no rule that accepts a relation outside an element's indented children or
    # without an element after the symbol, so there is nothing a map could hold (docs/formats.md).
    "lexer-relations.argdown": (1, "relation '\\+' has no statement or argument above it"),
}
INCLUDING = {"include-test.argdown", "_partial1.argdown", "_partial2.argdown"}
_DIRECTIVE = re.compile(r"\s*@include\((.*)\)\s*$")


def test_the_corpus_is_there() -> None:
    require_shared(ARGDOWN)
    assert len(FILES) == 38


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_imports_except_the_one_that_is_no_document(path: Path) -> None:
    if path.name in NOT_A_DOCUMENT:
        line, message = NOT_A_DOCUMENT[path.name]
        with pytest.raises(ParseError, match=rf"{path.name}:{line}: {message}"):
            argmap.load(path)
        return
    m = argmap.load(path)
    assert m.statements


def _paragraphs_with_includes(path: Path, seen: set[Path]) -> list[str]:
    """The test's own reading of the include files: plain-text lines, each included file once."""
    seen.add(path.resolve())
    lines: list[str] = []
    for line in path.read_text().splitlines():
        directive = _DIRECTIVE.match(line)
        if directive is None:
            if line.strip():
                lines.append(line.strip())
            continue
        for name in directive.group(1).split(","):
            target = path.parent / name.strip()
            if target.resolve() not in seen:
                lines += _paragraphs_with_includes(target, seen)
    return lines


@pytest.mark.parametrize("name", sorted(INCLUDING))
def test_includes_splice_each_file_once_though_the_partials_include_each_other(name: str) -> None:
    path = require_shared(ARGDOWN / "packages" / "argdown-cli" / "test" / name)
    expected = _paragraphs_with_includes(path, set())
    m = argmap.load(path)
    assert [s.text for s in m.statements] == expected
    assert len(m.statements) == {"include-test.argdown": 6}.get(name, 4)
    assert not m.relations


def test_statements_by_number_are_one_statement_defined_and_referred_to() -> None:
    path = require_shared(
        ARGDOWN / "packages" / "argdown-core" / "test" / "lexer-statements-by-number.argdown"
    )
    m = argmap.load(path)
    assert [(s.id, s.text.split()[0]) for s in m.statements] == [("A-1", "Text")]
    assert not m.relations


def test_a_statement_by_number_is_the_numbered_statement_of_the_arguments_structure() -> None:
    m = loads_argdown(
        """<A>: An argument.

(1) [P]: First premise.
(2) Second premise.
----
(3) [C]: Conclusion.

<A>(2): Second premise, reworded.
  - [R]: A rebuttal of premise 2.
"""
    )
    assert [s.id for s in m.statements] == ["P", "s1", "C", "R"]
    assert m.statement("s1").meta == {"equivalent": ["Second premise, reworded."]}
    attack = next(r for r in m.relations if r.type == "attack")
    assert (attack.sources, attack.to) == (("R",), "s1")


def test_an_include_cycle_ends_and_problems_name_the_included_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "main.argdown").write_text("[A]: a\n\n@include(sub/part.argdown)\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "part.argdown").write_text("[B]: b\n\n@include(../main.argdown, more.ad)\n")
    (tmp_path / "sub" / "more.ad").write_text("[C]: c\n  + [C]\n")
    with pytest.raises(
        MapValidationError, match=r"sub/more\.ad:2:1: support\.C\.C: statement 'C' supports itself"
    ):
        argmap.load(tmp_path / "main.argdown")
    (tmp_path / "sub" / "more.ad").write_text("[C]: c\n  +\n")
    with pytest.raises(ParseError, match=r"sub/more\.ad:2: relation '\+' names no statement"):
        argmap.load(tmp_path / "main.argdown")
    (tmp_path / "sub" / "more.ad").write_text("[C]: c\n  + [A]\n")
    m = argmap.load(tmp_path / "main.argdown")
    assert [s.id for s in m.statements] == ["A", "B", "C"]
    assert [(r.sources, r.to) for r in m.relations] == [(("A",), "C")]


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        (
            "@include(missing.argdown)",
            r"main\.argdown:2: @include\(missing\.argdown\): cannot read .*missing",
        ),
        ("@include missing.argdown", r"main\.argdown:2: @include must stand alone on its line as @include\("),
        ("@include(a.ad, )", r"main\.argdown:2: @include names an empty path"),
        ("[B]: b @include(a.ad)", r"main\.argdown:2: @include must stand alone on its line"),
    ],
)
def test_a_bad_include_is_an_error_naming_file_and_line(tmp_path: Path, directive: str, message: str) -> None:
    (tmp_path / "a.ad").write_text("[A2]: a2\n")
    (tmp_path / "main.argdown").write_text(f"[A]: a\n{directive}\n")
    with pytest.raises(ParseError, match=message):
        argmap.load(tmp_path / "main.argdown")


def test_an_include_without_a_real_file_is_a_clear_error() -> None:
    with pytest.raises(ParseError, match=r"<string>:2: @include needs the including file's path"):
        argmap.loads("[A]: a\n@include(b.argdown)\n", format="argdown")


def test_includes_count_towards_the_size_and_depth_limits(tmp_path: Path) -> None:
    for index in range(5):
        (tmp_path / f"{index}.ad").write_text(f"[S{index}]: {'x' * 50}\n@include({index + 1}.ad)\n")
    (tmp_path / "5.ad").write_text("[S5]: end\n")
    assert len(argmap.load(tmp_path / "0.ad").statements) == 6
    with pytest.raises(ParseError, match=r"3\.ad:2: nested 4 levels deep, above the limit max_depth=3"):
        argmap.load(tmp_path / "0.ad", limits=Limits(max_depth=3))
    with pytest.raises(ParseError, match=r"\d\.ad:2: @include\(\d\.ad\): .* above the limit max_bytes=200"):
        argmap.load(tmp_path / "0.ad", limits=Limits(max_bytes=200))


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
        "practical-reasoning",
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
        ("[A]: a\n@include(b.argdown)\n", r"x.ad:2: @include needs the including file's path"),
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


@pytest.mark.parametrize(
    ("rule", "scheme", "meta"),
    [
        ("Modus ponens", None, {"rule": "Modus ponens"}),
        ("Practical reasoning", "practical-reasoning", None),
        ("practical reasoning", "practical-reasoning", {"rule": "practical reasoning"}),
    ],
)
def test_inference_rules_the_catalogue_knows_are_schemes_and_every_rule_is_written_back(
    rule: str, scheme: str | None, meta: dict[str, str] | None
) -> None:
    m = loads_argdown(f"<A>\n\n(1) [P]: p\n-- {rule} --\n(2) [C]: c\n")
    (relation,) = m.relations
    assert (relation.scheme, relation.meta) == (scheme, meta)
    assert f"-- {rule} --" in dumps_argdown(m)
    assert loads_argdown(dumps_argdown(m)).relations == m.relations
