"""AIF import and export: every corpus map, counted from the raw JSON; exact round trips; errors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.errors import MapValidationError, ParseError
from argmap.io.aif import dumps_aif, loads_aif
from tests.conftest import CORPORA, require_shared

AIF = CORPORA / "aif"
AIF_FILES = sorted(p for p in AIF.glob("*/*.json") if p.name != "aif2arggraph.json") if AIF.exists() else []


def expected_counts(raw: dict[str, Any]) -> dict[str, int]:
    """Statements, supports, attacks, undercuts and linked relations, counted from the node and edge types.

    An I-node with text is a statement. An RA/CA node is a relation when it has I-node premises (each
    once) and exactly one outgoing edge, to an I-node (not one of an RA's own premises) or, for a CA
    node, to another such S-node (an undercut).
    """
    doc = raw.get("AIF", raw)
    types = {str(n["nodeID"]): n["type"] for n in doc["nodes"]}
    texts = {str(n["nodeID"]): n.get("text", "") for n in doc["nodes"]}
    statements = {k for k, t in types.items() if t == "I" and texts[k].strip()}
    premises: dict[str, list[str]] = {}
    targets: dict[str, list[str]] = {}
    for edge in doc["edges"]:
        source, target = str(edge["fromID"]), str(edge["toID"])
        if types[target] in ("RA", "CA") and source in statements:
            premises.setdefault(target, []).append(source)
        if types[source] in ("RA", "CA"):
            targets.setdefault(source, []).append(target)
    relations = {
        k
        for k, t in types.items()
        if t in ("RA", "CA")
        and premises.get(k)
        and len(set(premises[k])) == len(premises[k])
        and len(targets.get(k, [])) == 1
    }
    while True:
        keep = {
            k
            for k in relations
            if (targets[k][0] in statements and not (types[k] == "RA" and targets[k][0] in premises[k]))
            or (types[k] == "CA" and targets[k][0] in relations and targets[k][0] != k)
        }
        if keep == relations:
            break
        relations = keep
    return {
        "statements": len(statements),
        "support": sum(types[k] == "RA" for k in relations),
        "attack": sum(types[k] == "CA" for k in relations),
        "undercuts": sum(targets[k][0] in relations for k in relations),
        "linked": sum(len(premises[k]) > 1 for k in relations),
        "kept nodes": len(types) - len(statements) - len(relations),
    }


def test_the_corpus_is_there() -> None:
    require_shared(AIF)
    assert len(AIF_FILES) == 313


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_corpus_map_imports_with_the_counts_of_its_source(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)
    expected = expected_counts(raw)
    by_type = Counter(r.type for r in m.relations)
    kept = (m.meta or {}).get("aif", {}).get("nodes", [])
    assert {
        "statements": len(m.statements),
        "support": by_type["support"],
        "attack": by_type["attack"],
        "undercuts": sum(m.is_undercut(r) for r in m.relations),
        "linked": sum(r.linked for r in m.relations),
        "kept nodes": len(kept),
    } == expected


def _normal(document: dict[str, Any]) -> dict[str, Any]:
    if "AIF" in document:
        return {**document, "AIF": _normal(document["AIF"])}
    return {
        **document,
        "nodes": sorted(document["nodes"], key=lambda n: str(n["nodeID"])),
        "edges": sorted(
            document["edges"], key=lambda e: (str(e.get("edgeID")), str(e["fromID"]), str(e["toID"]))
        ),
    }


@pytest.mark.parametrize("path", AIF_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_writing_an_imported_map_back_gives_the_same_aif(path: Path) -> None:
    """Every node (L, YA, TA, MA too) and edge, with every key, comes back; only the order may differ."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path, "aif")
    assert _normal(json.loads(dumps_aif(m))) == _normal(raw)
    assert loads_aif(dumps_aif(m), name=str(path)) == m


def test_the_largest_map_keeps_its_dialogue_layer() -> None:
    path = require_shared(AIF / "qt30" / "nodeset25445.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    m = argmap.load(path)
    kept = Counter(node["type"] for node in m.meta["aif"]["nodes"])  # type: ignore[index]
    raw_types = Counter(node["type"] for node in raw["nodes"])
    for layer in ("L", "YA", "TA", "MA"):
        assert kept[layer] == raw_types[layer] > 0
    assert m.meta["aif"]["document"]["locutions"] == raw["locutions"]  # type: ignore[index]


def test_microtext_maps_in_aif_match_the_arggraph_xml() -> None:
    """The same 110 texts in two formats give the same counts (AIF loses only pro/opp and segmentation)."""
    pairs = json.loads(require_shared(AIF / "microtexts" / "aif2arggraph.json").read_text())
    for nodeset, micro in pairs.items():
        aif_path = AIF / "microtexts" / f"{nodeset}.json"
        if not aif_path.exists():
            continue
        from_aif = argmap.load(aif_path)
        from_xml = argmap.load(CORPORA / "microtexts" / f"{micro}.xml")
        for m in (from_aif, from_xml):
            assert m.statements
        assert len(from_aif.statements) == len(from_xml.statements), micro
        assert Counter(r.type for r in from_aif.relations) == Counter(r.type for r in from_xml.relations), (
            micro
        )
        assert sum(r.linked for r in from_aif.relations) == sum(r.linked for r in from_xml.relations), micro


def test_xaif_is_read_and_written_back_as_xaif() -> None:
    path = require_shared(AIF / "fixtures" / "xaif.json")
    m = argmap.load(path)
    assert [s.text for s in m.statements] == ["A", "B"]
    assert [(r.type, r.sources, r.to) for r in m.relations] == [
        ("support", ("15_164926162804546033",), "2_164926129380455983")
    ]
    out = json.loads(dumps_aif(m))
    assert set(out) == {"AIF", "text", "OVA"}


SMALL = {
    "nodes": [
        {"nodeID": "1", "text": "Take an umbrella.", "type": "I"},
        {"nodeID": "2", "text": "It will rain.", "type": "I"},
        {"nodeID": "3", "text": "The forecast says so.", "type": "I"},
        {"nodeID": "4", "text": "Argument From Authority", "type": "RA"},
        {"nodeID": "5", "text": "The forecast was wrong.", "type": "I"},
        {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
        {"nodeID": "7", "text": "Default Rephrase", "type": "MA"},
        {"nodeID": "8", "text": "Rain is coming.", "type": "I", "text_begin": 4, "text_end": 19},
    ],
    "edges": [
        {"edgeID": "1", "fromID": "2", "toID": "4"},
        {"edgeID": "2", "fromID": "3", "toID": "4"},
        {"edgeID": "3", "fromID": "4", "toID": "1"},
        {"edgeID": "4", "fromID": "5", "toID": "6"},
        {"edgeID": "5", "fromID": "6", "toID": "4"},
        {"edgeID": "6", "fromID": "8", "toID": "7"},
        {"edgeID": "7", "fromID": "7", "toID": "2"},
    ],
    "locutions": [],
}


def test_linked_premises_undercuts_schemes_spans_and_kinds() -> None:
    m = loads_aif(json.dumps(SMALL))
    support, undercut = m.relations
    assert (support.type, support.sources, support.to, support.scheme) == ("support", ("2", "3"), "1", None)
    assert support.meta == {"text": "Argument From Authority"}  # no scheme of the catalogue: kept as written
    assert (undercut.type, undercut.to, undercut.scheme) == ("attack", "4", None)
    assert m.is_undercut(undercut)
    assert [(s.id, s.kind) for s in m.statements] == [
        ("1", "claim"),
        ("2", "premise"),
        ("3", "premise"),
        ("5", "rebuttal"),
        ("8", "claim"),
    ]
    assert m.statement("8").span == argmap.Span(start=4, end=19)
    assert [n["type"] for n in m.meta["aif"]["nodes"]] == ["MA"]  # type: ignore[index]
    assert _normal(json.loads(dumps_aif(m))) == _normal(SMALL)


@pytest.mark.parametrize(
    ("text", "scheme", "meta"),
    [
        (
            "Argument From Expert Opinion",
            "argument-from-expert-opinion",
            {"text": "Argument From Expert Opinion"},
        ),
        ("Argument from expert opinion", "argument-from-expert-opinion", None),
        ("Modus Ponens", None, {"text": "Modus Ponens"}),
    ],
)
def test_scheme_names_the_catalogue_knows_become_scheme_ids_and_the_wording_is_kept(
    text: str, scheme: str | None, meta: dict[str, str] | None
) -> None:
    doc = {
        "nodes": [
            {"nodeID": "1", "text": "c", "type": "I"},
            {"nodeID": "2", "text": "p", "type": "I"},
            {"nodeID": "3", "text": text, "type": "RA"},
        ],
        "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
        "locutions": [],
    }
    (relation,) = loads_aif(json.dumps(doc)).relations
    assert (relation.scheme, relation.meta) == (scheme, meta)
    assert json.loads(dumps_aif(loads_aif(json.dumps(doc))))["nodes"][2]["text"] == text


def test_integer_ids_stay_integers() -> None:
    doc = {
        "nodes": [{"nodeID": 1, "text": "a", "type": "I"}, {"nodeID": 2, "text": "b", "type": "I"}],
        "edges": [],
    }
    m = loads_aif(json.dumps(doc))
    assert [s.id for s in m.statements] == ["1", "2"]
    out = json.loads(dumps_aif(m))
    assert [n["nodeID"] for n in out["nodes"]] == [1, 2]


def test_maps_written_by_argmap_come_back_without_extra_meta() -> None:
    m = loads_aif(json.dumps(SMALL))
    plain = m.model_copy(update={"meta": None})
    again = loads_aif(dumps_aif(plain))
    assert again.meta is None
    assert again.relations == plain.relations


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("[1, 2]", ParseError, r"m.json:1: not AIF: expected a JSON object"),
        ('{"nodes": {}, "edges": []}', ParseError, r"m.json:1: not AIF: 'nodes' must be a list"),
        (
            '{"nodes": [],\n "edges": [\n {"fromID": "9", "toID": "9"}]}',
            MapValidationError,
            r"m.json:3: edges\[0\] names no node: '9'",
        ),
        (
            '{"nodes": [\n{"nodeID": "1", "type": "I", "text": "a"},\n'
            '{"nodeID": "1", "type": "I", "text": "b"}],\n"edges": []}',
            MapValidationError,
            r"m.json:3: duplicate nodeID '1'",
        ),
        (
            '{"nodes": [\n{"text": "a"}], "edges": []}',
            MapValidationError,
            r"m.json:2: nodes\[0\]: a node needs a 'nodeID'",
        ),
        ('{"nodes": [], "edges": [], "edges": []}', ParseError, r"m.json:1:28: JSON: duplicate key 'edges'"),
        ('{"nodes": [\n}', ParseError, r"m.json:2:1: JSON: "),
    ],
)
def test_malformed_aif_is_an_error_with_its_line(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        loads_aif(text, name="m.json")


def test_a_duplicate_key_is_found_after_the_json_was_sniffed(tmp_path: Path) -> None:
    # Sniffing .json parses the text once and the reader reuses it, except when a key repeats.
    path = tmp_path / "m.json"
    path.write_text('{"nodes": [],\n "edges": [],\n "edges": [], "locutions": []}')
    with pytest.raises(ParseError, match=r"m.json:3:2: JSON: duplicate key 'edges'"):
        argmap.load(path)
    path.write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": [], "locutions": []}')
    assert [s.text for s in argmap.load(path).statements] == ["a"]


def test_a_loaded_json_file_is_not_kept_in_memory_by_the_sniff(tmp_path: Path) -> None:
    from argmap.io import _jsonutil

    for content in ('{"argmap": 1, "title": "T"}', '{"nodes": [], "edges": [], "locutions": []}'):
        path = tmp_path / "m.json"
        path.write_text(content)
        argmap.load(path)
        assert _jsonutil._SNIFFED == []  # a 100 MB map must not stay alive until the next sniff
