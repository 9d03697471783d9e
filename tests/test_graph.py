"""networkx conversion: relations as nodes, and an exact round trip."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap.errors import MapValidationError
from argmap.graph import from_networkx, statement_graph, to_networkx
from argmap.model import ArgumentMap
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps


@given(argument_maps())
def test_networkx_round_trip_is_exact(m: ArgumentMap) -> None:
    assert from_networkx(to_networkx(m)) == m


def test_article_map_round_trips_through_networkx() -> None:
    m = argmap.load(ARTICLE_MAP)
    g = to_networkx(m)
    assert g.number_of_nodes() == len(m.statements) + len(m.relations)
    assert from_networkx(g) == m


def test_linked_premises_and_undercuts_survive_as_relation_nodes() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  - {id: A, kind: premise, text: a}\n  - {id: B, kind: premise, text: b}\n"
        "  - {id: C, kind: claim, text: c}\n  - {id: U, kind: rebuttal, text: u}\n"
        "relations:\n  - {id: R1, type: support, from: [B, A], to: C}\n"
        "  - {id: R2, type: attack, from: U, to: R1}\n"
    )
    g = to_networkx(m)
    assert g.nodes["R1"] == {"element": "relation", "type": "support"}
    assert [(s, g.edges[s, "R1"]["index"]) for s in ("B", "A")] == [("B", 0), ("A", 1)]
    assert g.edges["R2", "R1"]["role"] == "conclusion"
    assert from_networkx(g).relation("R1").sources == ("B", "A")


def test_from_networkx_rejects_nodes_it_cannot_read() -> None:
    g = nx.DiGraph(title="T")
    g.add_node("X", kind="claim")
    with pytest.raises(MapValidationError, match="X: node has element=None"):
        from_networkx(g)


def test_statement_graph_has_one_edge_per_source() -> None:
    m = argmap.load(ARTICLE_MAP)
    g = statement_graph(m)
    expected = sum(len(r.sources) for r in m.relations if r.type == "support")
    assert g.number_of_edges() <= expected
    assert set(g.nodes) == {s.id for s in m.statements}


@pytest.mark.parametrize(
    ("node", "attrs", "message"),
    [
        (3, {"element": "statement", "kind": "claim", "text": "b"}, "id"),
        ("B", {"element": "statement", "kind": "claim", "text": 7}, "text"),
        ("B", {"element": "statement", "kind": "clam", "text": "b"}, "kind"),
        ("B", {"element": "statement", "kind": "claim", "text": "b", "span": "x"}, "span"),
        ("B", {"element": "statement", "kind": "claim", "text": "b", "span": (1, 2, 3)}, "span"),
        ("B", {"element": "statement", "kind": "claim", "text": "b", "colour": "red"}, "colour"),
    ],
)
def test_from_networkx_reports_bad_attributes_as_map_errors(
    node: object, attrs: dict[str, object], message: str
) -> None:
    """The one decoder validates like a map file: no pydantic ValidationError or TypeError escapes."""
    g = nx.DiGraph(title="T")
    g.add_node("A", element="statement", kind="claim", text="a")
    g.add_node(node, **attrs)
    with pytest.raises(MapValidationError, match=message):
        from_networkx(g)


def test_from_networkx_names_the_file_and_line_it_is_told() -> None:
    g = nx.DiGraph(title="T")
    g.add_node("A", element="statement", kind="claim", text=5)
    with pytest.raises(MapValidationError, match=r"^g\.graphml:7:1: A: text"):
        from_networkx(g, name="g.graphml", locate_node={"A": 7}.get)
