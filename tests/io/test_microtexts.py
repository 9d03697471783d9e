"""The Argumentative Microtext Corpus: every text imports with the counts of its XML, spans in its .txt."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

import argmap
from argmap.errors import MapValidationError, ParseError
from argmap.io.microtexts import loads_microtext
from tests.conftest import CORPORA, require_shared

MICRO = CORPORA / "microtexts"
XML_FILES = sorted(MICRO.glob("micro_*.xml")) if MICRO.exists() else []


def test_the_corpus_is_there() -> None:
    require_shared(MICRO)
    assert len(XML_FILES) == 112


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: p.name)
def test_every_text_imports_with_the_counts_of_its_xml(path: Path) -> None:
    root = SafeET.parse(path).getroot()
    edges = Counter(edge.get("type") for edge in root.iter("edge"))
    add_targets = Counter(edge.get("trg") for edge in root.iter("edge") if edge.get("type") == "add")
    adus = [adu.get("id") for adu in root.iter("adu")]

    m = argmap.load(path)
    by_type = Counter(r.type for r in m.relations)
    assert len(m.statements) == len(adus)
    assert by_type["support"] == edges["sup"] + edges["exa"]
    assert by_type["attack"] == edges["reb"] + edges["und"]
    assert sum(m.is_undercut(r) for r in m.relations) == edges["und"]
    assert sum(r.linked for r in m.relations) == len(add_targets)
    assert sum(len(r.sources) - 1 for r in m.relations) == edges["add"]
    assert m.main_claim is not None and m.statement(m.main_claim).kind == "claim"
    assert {s.meta["adu_type"] for s in m.statements} <= {"pro", "opp"}  # type: ignore[index]


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: p.name)
def test_spans_point_at_the_edu_text_in_the_txt_beside_it(path: Path) -> None:
    source = argmap.SourceDocument.read(path.with_suffix(".txt"))
    m = argmap.load(path, source=source)
    assert m.source is not None and m.source.sha256 == source.sha256
    for statement in m.statements:
        assert statement.span is not None
        assert source.excerpt(statement.span.start, statement.span.end) == statement.text


def test_b001_as_documented() -> None:
    """The corpus's own example: a3 and a4 jointly undercut the rebuttal c1 of the central claim."""
    m = argmap.load(require_shared(MICRO / "micro_b001.xml"))
    assert m.title == "micro_b001" and m.main_claim == "a5"
    assert m.meta == {"topic_id": "waste_separation", "stance": "pro"}
    assert m.relation("c1").to == "a5" and m.relation("c1").type == "attack"
    assert m.relation("c3").sources == ("a3", "a4") and m.relation("c3").to == "c1"
    assert [(s.id, s.kind) for s in m.statements] == [
        ("a1", "rebuttal"),
        ("a2", "premise"),
        ("a3", "rebuttal"),
        ("a4", "rebuttal"),
        ("a5", "claim"),
    ]


def test_an_example_edge_makes_evidence() -> None:
    xml = """<arggraph id="x"><edu id="e1">Claim.</edu><edu id="e2">For example.</edu>
    <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
    <edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" trg="a2" type="seg"/>
    <edge id="c3" src="a2" trg="a1" type="exa"/></arggraph>"""
    m = loads_microtext(xml)
    assert m.statement("a2").kind == "evidence"
    assert m.relation("c3").scheme == "argument-from-example"


@pytest.mark.parametrize(
    ("xml", "error", "message"),
    [
        ("<arggraph id='x'>\n<edu id='e1'>", ParseError, r"x.xml:2:\d+: XML: "),
        ("<graph/>", ParseError, r"x.xml:1: not a microtext graph: the root is <graph>"),
        (
            "<arggraph>\n<adu id='a1' type='pro'/>\n<edge id='c1' src='a1' trg='a9' type='sup'/></arggraph>",
            MapValidationError,
            r"x.xml:3: c1: sup edge: trg 'a9' names no ADU",
        ),
        (
            "<arggraph>\n<edge id='c1' src='a1' trg='a2' type='xyz'/></arggraph>",
            MapValidationError,
            r"x.xml:2: c1: edge type 'xyz'",
        ),
        (
            '<!DOCTYPE x [<!ENTITY a "aaaa">]><arggraph>&a;</arggraph>',
            ParseError,
            r"x.xml:1: XML: the file declares an entity, refused by the limit xml_entities=no",
        ),
    ],
)
def test_malformed_xml_is_an_error_with_its_line(xml: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        loads_microtext(xml, name="x.xml")
