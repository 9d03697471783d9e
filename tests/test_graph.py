"""networkx conversion: relations as nodes, and an exact round trip."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap.errors import MapValidationError
from argmap.graph import statement_graph
from argmap.model import ArgumentMap
from tests.conftest import ARTICLE_MAP
from tests.strategies import argument_maps


@given(argument_maps())
def test_networkx_round_trip_is_exact(m: ArgumentMap) -> None:
    assert ArgumentMap.from_networkx(m.to_networkx()) == m


def test_article_map_round_trips_through_networkx() -> None:
    m = argmap.load(ARTICLE_MAP)
    g = m.to_networkx()
    assert g.number_of_nodes() == len(m.statements) + len(m.relations)
    assert ArgumentMap.from_networkx(g) == m


def test_linked_premises_and_undercuts_survive_as_relation_nodes() -> None:
    m = argmap.loads(
        "argmap: 1\ntitle: T\nstatements:\n"
        "  - {id: A, kind: premise, text: a}\n  - {id: B, kind: premise, text: b}\n"
        "  - {id: C, kind: claim, text: c}\n  - {id: U, kind: rebuttal, text: u}\n"
        "relations:\n  - {id: R1, type: support, from: [B, A], to: C}\n"
        "  - {id: R2, type: attack, from: U, to: R1}\n"
    )
    g = m.to_networkx()
    assert g.nodes["R1"] == {"element": "relation", "type": "support"}
    assert [(s, g.edges[s, "R1"]["index"]) for s in ("B", "A")] == [("B", 0), ("A", 1)]
    assert g.edges["R2", "R1"]["role"] == "conclusion"
    assert ArgumentMap.from_networkx(g).relation("R1").sources == ("B", "A")


def test_from_networkx_rejects_nodes_it_cannot_read() -> None:
    g = nx.DiGraph(title="T")
    g.add_node("X", kind="claim")
    with pytest.raises(MapValidationError, match="X: node has element=None"):
        ArgumentMap.from_networkx(g)


def test_statement_graph_has_one_edge_per_source() -> None:
    m = argmap.load(ARTICLE_MAP)
    g = statement_graph(m)
    expected = sum(len(r.sources) for r in m.relations if r.type == "support")
    assert g.number_of_edges() <= expected
    assert set(g.nodes) == {s.id for s in m.statements}
