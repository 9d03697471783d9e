"""SADFace: every corpus file, detection beside AIF, and errors with file, line and column."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import argmap
from argmap.errors import MapValidationError, ParseError
from argmap.io.aif import sniff_aif
from argmap.io.sadface import loads_sadface, sniff_sadface
from tests.conftest import CORPORA, require_shared

SADFACE = CORPORA / "sadface"
FILES = sorted(SADFACE.rglob("*.json")) if SADFACE.exists() else []


def test_the_corpus_is_there() -> None:
    require_shared(SADFACE)
    assert [p.name for p in FILES] == ["data.json", "minimal.json"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_every_corpus_file_is_read_as_sadface_with_its_atoms_and_schemes(path: Path) -> None:
    """Counts come from the raw JSON: atoms are statements, each scheme one relation from its premises."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert argmap.io.detect_format(path).format.name == "sadface"
    assert not sniff_aif(path.read_bytes())
    m = argmap.load(path)
    atoms = {n["id"]: n["text"] for n in raw["nodes"] if n["type"] == "atom"}
    assert {s.id: s.text for s in m.statements} == atoms
    schemes = {n["id"]: n["name"] for n in raw["nodes"] if n["type"] == "scheme"}
    expected = Counter(
        (
            {"support": "support", "conflict": "attack"}[schemes[scheme]],
            frozenset(e["source_id"] for e in raw["edges"] if e["target_id"] == scheme),
            next(e["target_id"] for e in raw["edges"] if e["source_id"] == scheme),
        )
        for scheme in schemes
    )
    assert Counter((r.type, frozenset(r.sources), r.to) for r in m.relations) == expected
    assert m.title == raw["metadata"]["core"].get("title", path.stem)
    assert m.meta == {"sadface": {"metadata": raw["metadata"], "resources": raw["resources"]}}


def test_an_empty_sadface_document_is_not_taken_for_aif(tmp_path: Path) -> None:
    empty = (
        b'{"edges": [], "metadata": {"core": {"id": "x", "version": "0.2"}}, "nodes": [], "resources": []}'
    )
    assert sniff_sadface(empty) and not sniff_aif(empty)
    (tmp_path / "empty.json").write_bytes(empty)
    assert argmap.io.detect_format(tmp_path / "empty.json").format.name == "sadface"
    assert sniff_aif(b'{"nodes": [], "edges": [], "locutions": []}')  # an empty AIF document still is AIF


def test_an_attack_on_a_scheme_is_an_undercut() -> None:
    m = loads_sadface(
        json.dumps(
            {
                "nodes": [
                    {"id": "c", "type": "atom", "text": "c"},
                    {"id": "p", "type": "atom", "text": "p"},
                    {"id": "u", "type": "atom", "text": "u"},
                    {"id": "s", "type": "scheme", "name": "support"},
                    {"id": "x", "type": "scheme", "name": "conflict"},
                    {"id": "r", "type": "scheme", "name": "rephrase"},
                ],
                "edges": [
                    {"id": "1", "source_id": "p", "target_id": "s"},
                    {"id": "2", "source_id": "s", "target_id": "c"},
                    {"id": "3", "source_id": "u", "target_id": "x"},
                    {"id": "4", "source_id": "x", "target_id": "s"},
                    {"id": "5", "source_id": "u", "target_id": "r"},
                    {"id": "6", "source_id": "r", "target_id": "c"},
                ],
            }
        )
    )
    undercut = m.relation("x")
    assert (undercut.type, undercut.sources, undercut.to) == ("attack", ("u",), "s")
    assert m.is_undercut(undercut)
    assert [n["id"] for n in m.meta["sadface"]["nodes"]] == ["r"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("[1, 2]", ParseError, r"x\.json:1:1: not SADFace: expected a JSON object"),
        (
            '{"nodes": [\n  {"id": "a", "type": "atom", "text": "a"}],\n "edges": [\n   '
            '{"id": "e", "source_id": "a", "target_id": "z"}]}',
            MapValidationError,
            r"x\.json:4:4: edges\[0\] names no node: 'z'",
        ),
        (
            '{"nodes": [{"id": "a", "type": "atom", "text": "a"},\n  '
            '{"id": "a", "type": "atom", "text": "b"}], "edges": []}',
            MapValidationError,
            r"x\.json:2:3: nodes\[1\] repeats the id 'a'",
        ),
        (
            '{"nodes": [{"id": "a", "type": "atom"}], "edges": []}',
            MapValidationError,
            r"x\.json:1:12: .*without 'text'",
        ),
    ],
)
def test_bad_input_is_one_error_naming_file_line_and_column(
    text: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        loads_sadface(text, name="x.json")
