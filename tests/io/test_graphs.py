"""GraphML and node-link JSON: the documented encoding, the article's map, and errors with their lines."""

from __future__ import annotations

import json

import networkx as nx
import pytest

import argmap
from argmap.errors import MapValidationError, ParseError
from argmap.graph import from_networkx
from argmap.io.graphml import dumps_graphml, loads_graphml
from argmap.io.nodelink import dumps_node_link, loads_node_link
from tests.conftest import ARTICLE_MAP


def test_the_article_map_round_trips_through_both() -> None:
    m = argmap.load(ARTICLE_MAP)
    assert loads_graphml(dumps_graphml(m)) == m
    assert loads_node_link(dumps_node_link(m)) == m


def test_graphml_encodes_tuples_and_dicts_as_json_text_that_networkx_reads() -> None:
    m = argmap.load(ARTICLE_MAP)
    graph = nx.parse_graphml(dumps_graphml(m))
    statement = graph.nodes[m.statements[0].id]
    assert json.loads(statement["span"]) == [m.statements[0].span.start, m.statements[0].span.end]  # type: ignore[union-attr]
    assert json.loads(graph.graph["source"])["sha256"] == m.source.sha256  # type: ignore[union-attr]
    assert graph.nodes[m.relations[0].key]["element"] == "relation"


def test_node_link_is_networkx_node_link_data() -> None:
    m = argmap.load(ARTICLE_MAP)
    graph = nx.node_link_graph(json.loads(dumps_node_link(m)), edges="edges")
    assert from_networkx(graph) == m
    older = json.loads(dumps_node_link(m))
    older["links"] = older.pop("edges")
    assert loads_node_link(json.dumps(older)) == m


def test_graphml_refuses_entities() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><graphml>&a;</graphml>'
    with pytest.raises(
        ParseError, match=r"g\.graphml:1: XML: the file declares an entity, refused by the limit"
    ):
        loads_graphml(bomb, name="g.graphml")


def test_graphml_errors_name_the_line_of_the_node() -> None:
    text = dumps_graphml(argmap.load(ARTICLE_MAP)).replace(">claim<", ">clam<", 1)
    with pytest.raises(MapValidationError, match=r"g.graphml:\d+:1: C1: unknown kind 'clam'"):
        loads_graphml(text, name="g.graphml")
    with pytest.raises(MapValidationError, match=r"g.graphml:\d+: [A-Z]+\d+: span is not JSON text: '\[x, "):
        loads_graphml(dumps_graphml(argmap.load(ARTICLE_MAP)).replace("[0, ", "[x, ", 1), name="g.graphml")


def test_an_undirected_graph_is_refused() -> None:
    with pytest.raises(ParseError, match="must be directed"):
        loads_graphml(
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<graph edgedefault="undirected"/></graphml>'
        )


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            '{"directed": true, "nodes": [\n{"id": "A", "element": "x"}], "edges": []}',
            MapValidationError,
            r"n.json:2: A: node has element='x'",
        ),
        (
            '{"directed": true, "nodes": [\n{"element": "x"}], "edges": []}',
            MapValidationError,
            r"n.json:2: nodes\[0\]: a node needs an 'id'",
        ),
        (
            '{"nodes": [], "edges": [{"source": "A", "target": "B"}]}',
            MapValidationError,
            r"edges\[0\] names no node: 'A'",
        ),
        ('{"nodes": [{"id": "A"}, {"id": "A"}], "edges": []}', MapValidationError, r"duplicate node id 'A'"),
        ("[]", ParseError, r"n.json:1: not node-link JSON"),
        (
            '{"graph": {"title": "T"}, "nodes": [\n'
            '{"id": "A", "element": "statement", "kind": "claim", "text": "a"},\n'
            '{"id": "R", "element": "relation", "type": "support"}],'
            ' "edges": [{"source": "R", "target": "A", "role": "conclusion"}]}',
            MapValidationError,
            r"n.json:3:1: R: 'from' names no statement \(empty list\)",
        ),
    ],
)
def test_node_link_errors(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        loads_node_link(text, name="n.json")
