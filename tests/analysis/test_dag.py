"""Chain counting, longest chains and dominators, checked against brute force on random graphs."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.dag import claim_dag, dominators, longest_chains


@st.composite
def support_graphs(draw: st.DrawFn, acyclic: bool = True) -> tuple[list[list[int]], int]:
    """Random support graphs on up to 9 statements; node 0 is the claim."""
    n = draw(st.integers(min_value=1, max_value=9))
    preds: list[list[int]] = [[] for _ in range(n)]
    for target, source in itertools.permutations(range(n), 2):
        if (not acyclic or source > target) and draw(st.booleans()):
            preds[target].append(source)
    return preds, 0


def brute_force_chains(preds: list[list[int]], root: int) -> list[tuple[int, ...]]:
    """Every simple path from a ground to the root, by exhaustive search."""
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(range(len(preds)))
    graph.add_edges_from((s, t) for t, sources in enumerate(preds) for s in sources)
    grounds = [v for v in graph if not preds[v] and v != root]
    return [tuple(p) for g in grounds for p in nx.all_simple_paths(graph, g, root)]


@settings(max_examples=300)
@given(support_graphs())
def test_count_and_depth_match_brute_force_on_dags(case: tuple[list[list[int]], int]) -> None:
    preds, root = case
    dag = claim_dag(preds, root)
    chains = brute_force_chains(preds, root)
    assert dag.count == len(chains)
    assert dag.max_depth == max((len(c) - 1 for c in chains), default=0)


@settings(max_examples=300)
@given(support_graphs(), st.integers(min_value=1, max_value=20))
def test_longest_chains_are_real_distinct_and_longest_first(
    case: tuple[list[list[int]], int], limit: int
) -> None:
    preds, root = case
    dag = claim_dag(preds, root)
    listed = longest_chains(dag, limit)
    every = brute_force_chains(preds, root)
    assert len(listed) == min(limit, len(every))
    assert len(set(listed)) == len(listed) and set(listed) <= set(every)
    lengths = [len(c) for c in listed]
    assert lengths == sorted(lengths, reverse=True)
    if listed:
        assert lengths[0] == max(len(c) for c in every)
        shortest_listed = lengths[-1]
        assert all(len(c) <= shortest_listed for c in set(every) - set(listed))


@settings(max_examples=300)
@given(support_graphs())
def test_dominators_are_exactly_the_nodes_on_every_chain(case: tuple[list[list[int]], int]) -> None:
    preds, root = case
    chains = brute_force_chains(preds, root)
    expected = set.intersection(*(set(c) for c in chains)) - {root} if chains else set()
    assert set(dominators(claim_dag(preds, root))) == expected


@settings(max_examples=200)
@given(support_graphs(acyclic=False))
def test_cycles_are_cut_and_reported(case: tuple[list[list[int]], int]) -> None:
    preds, root = case
    dag = claim_dag(preds, root)
    kept: nx.DiGraph[int] = nx.DiGraph()
    kept.add_nodes_from(dag.order)
    kept.add_edges_from((s, t) for t in dag.order for s in dag.kept[t])
    assert nx.is_directed_acyclic_graph(kept)
    for source, target in dag.back_edges:
        assert source in preds[target]
        assert nx.has_path(kept, target, source), "a back edge closes a cycle of kept edges"
    # counting on the kept edges agrees with brute force on them
    kept_preds = [list(dag.kept[v]) if v in set(dag.order) else [] for v in range(len(preds))]
    grounds = {v for v in range(len(preds)) if not preds[v]}
    brute = [c for c in brute_force_chains(kept_preds, root) if c[0] in grounds]
    assert dag.count == (len(brute) if preds[root] else 0)


def test_a_long_line_of_support_is_counted_without_recursion_limits() -> None:
    n = 200_000
    preds = [[i + 1] for i in range(n - 1)] + [[]]
    dag = claim_dag(preds, 0)
    assert (dag.count, dag.max_depth) == (1, n - 1)
    assert len(dominators(dag)) == n - 1


def test_exponentially_many_chains_are_counted_not_enumerated() -> None:
    # a ladder: each level has two statements, each supported by both of the level below
    levels = 200
    preds: list[list[int]] = [[1, 2]]
    for level in range(levels):
        below = [2 * level + 3, 2 * level + 4] if level < levels - 1 else []
        preds += [below, list(below)]
    dag = claim_dag(preds, 0)
    assert dag.count == 2**levels
    assert len(longest_chains(dag, 50)) == 50


def test_listing_a_very_long_chain_is_linear() -> None:
    n = 300_000
    preds = [[i + 1] for i in range(n - 1)] + [[]]
    (chain,) = longest_chains(claim_dag(preds, 0), 5)
    assert chain == tuple(range(n - 1, -1, -1))
