"""Path algorithms on integer-indexed support graphs, linear in their size.

These are the engines behind support chains and single points of failure. They work on
plain lists of predecessor indices (``preds[v]`` = the statements that support ``v``)
so that a support graph of millions of statements is counted without enumerating a
single path and without a per-edge Python object beyond an int.

One depth-first pass from the claim over the predecessors (:func:`claim_dag`) yields
everything else: the statements the claim rests on, a topological order, the edges
that close cycles (left out, and reported), the number of chains ending in each
statement and the length of the longest. :func:`longest_chains` lists the k longest
chains best-first, :func:`dominators` finds the statements every chain passes through.

Examples
--------
>>> # 0 and 1 are grounds; 0 -> 2, 1 -> 2, 2 -> 3 (the claim)
>>> dag = claim_dag([[], [], [0, 1], [2]], root=3)
>>> dag.count, dag.max_depth
(2, 2)
>>> longest_chains(dag, 5)
[(0, 2, 3), (1, 2, 3)]
>>> dominators(dag)
[2]
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ClaimDag", "claim_dag", "dominator_tree", "dominators", "longest_chains"]

_UNREACHABLE = -1


@dataclass(frozen=True)
class ClaimDag:
    """What one depth-first pass from the claim learns about its support graph.

    Attributes
    ----------
    root : int
        The claim.
    preds : sequence of sequences of int
        The graph: the statements supporting each statement.
    order : list of int
        The statements the claim rests on (its ancestors and itself), each after all
        of its kept predecessors: a topological order, the claim last.
    kept : list of lists of int
        For each statement, its predecessors less the edges closing a cycle (meaningful
        for the statements of ``order``).
    back_edges : list of (int, int)
        The support edges ``(source, target)`` left out because they close a cycle.
    paths : list of int
        The number of chains from a ground to each statement (1 for a ground; 0 when
        every way down ends in a cycle, or for a statement the claim does not rest on).
    depth : list of int
        The number of edges of the longest chain ending in each statement (-1: none).
    """

    root: int
    preds: Sequence[Sequence[int]]
    order: list[int]
    kept: Sequence[Sequence[int]]
    back_edges: list[tuple[int, int]]
    paths: list[int]
    depth: list[int]

    @property
    def count(self) -> int:
        """Chains from any ground to the claim (0 if the claim has no support)."""
        return self.paths[self.root] if self.preds[self.root] else 0

    @property
    def max_depth(self) -> int:
        """Edges on the longest chain to the claim (0 if there is none)."""
        return max(self.depth[self.root], 0) if self.count else 0

    def is_ground(self, node: int) -> bool:
        """Whether a statement has no incoming support at all."""
        return not self.preds[node]


def claim_dag(preds: Sequence[Sequence[int]], root: int) -> ClaimDag:
    """Explore the statements ``root`` rests on, in one iterative depth-first pass.

    An edge into a statement still on the depth-first stack closes a cycle: it is left
    out of the counts and listed in ``back_edges``. Which edge closes a cycle depends only
    on the order of ``preds``, so the result is deterministic.

    Parameters
    ----------
    preds : sequence of sequences of int
        ``preds[v]``: the statements that support statement ``v`` (each listed once).
    root : int
        The claim.

    Returns
    -------
    ClaimDag

    Examples
    --------
    >>> dag = claim_dag([[1], [0], [0]], root=2)   # 0 and 1 support each other; 0 -> 2
    >>> dag.back_edges, dag.count
    ([(0, 1)], 0)
    """
    count = len(preds)
    state = bytearray(count)  # 0: not seen, 1: on the depth-first stack, 2: done
    order: list[int] = []
    back_edges: list[tuple[int, int]] = []
    stack_nodes = [root]
    stack_next = [0]
    state[root] = 1
    while stack_nodes:
        node = stack_nodes[-1]
        position = stack_next[-1]
        node_preds = preds[node]
        if position < len(node_preds):
            stack_next[-1] = position + 1
            source = node_preds[position]
            seen = state[source]
            if seen == 0:
                state[source] = 1
                stack_nodes.append(source)
                stack_next.append(0)
            elif seen == 1:
                back_edges.append((source, node))
        else:
            stack_nodes.pop()
            stack_next.pop()
            state[node] = 2
            order.append(node)
    kept: list[Sequence[int]] = list(preds)
    for source, target in back_edges:
        kept[target] = [s for s in kept[target] if s != source]
    paths = [0] * count
    depth = [_UNREACHABLE] * count
    for node in order:
        node_kept = kept[node]
        if not preds[node]:
            paths[node] = 1
            depth[node] = 0
            continue
        total, longest = 0, _UNREACHABLE
        for source in node_kept:
            total += paths[source]
            below = depth[source]
            if below != _UNREACHABLE and below >= longest:
                longest = below + 1
        paths[node] = total
        depth[node] = longest
    return ClaimDag(root, preds, order, kept, back_edges, paths, depth)


def longest_chains(dag: ClaimDag, limit: int) -> list[tuple[int, ...]]:
    """Up to ``limit`` chains, from ground to claim, longest first (ties in graph order).

    A best-first search from the claim downwards, guided by the exact length of the
    longest way down from each statement, so each chain is found without enumerating
    the others: the work grows with ``limit`` times the chain length, not with the
    number of chains.

    Examples
    --------
    >>> dag = claim_dag([[], [0], [1], [2, 0]], root=3)
    >>> longest_chains(dag, 1)
    [(0, 1, 2, 3)]
    """
    if limit <= 0 or dag.count == 0:
        return []
    found: list[tuple[int, ...]] = []
    tie = 0
    # A partial path is a linked list (head, walked edges, rest) so that extending it costs O(1).
    # Heap entries: (-(edges walked + longest way down from the head), tie-breaker, path).
    Path = tuple[int, int, Any]
    start: Path = (dag.root, 0, None)
    heap: list[tuple[int, int, Path]] = [(-dag.depth[dag.root], tie, start)]
    while heap and len(found) < limit:
        _, _, path = heapq.heappop(heap)
        head, walked, _ = path
        if dag.is_ground(head):
            chain: list[int] = []
            link: Path | None = path
            while link is not None:
                chain.append(link[0])
                link = link[2]
            found.append(tuple(chain))
            continue
        # Among equal potentials the newest path goes first (depth-first), so a chain is reached
        # in as many steps as it is long; children are pushed in reverse to keep graph order.
        for source in reversed(dag.kept[head]):
            if dag.paths[source] > 0:
                tie -= 1
                heapq.heappush(heap, (-(walked + 1 + dag.depth[source]), tie, (source, walked + 1, path)))
    return found


def _meet(idom: list[int], number: list[int], a: int, b: int) -> int:
    """The nearest common dominator of ``a`` and ``b`` (``number``: topological position)."""
    while a != b:
        while number[a] > number[b]:
            a = idom[a]
        while number[b] > number[a]:
            b = idom[b]
    return a


def _immediate_dominators(dag: ClaimDag) -> tuple[list[int], list[int]]:
    """Immediate dominators and topological numbers as flat lists (-1: not on any chain).

    Statements are visited from the claim down (reverse postorder); each passes itself to
    its supporters as a candidate dominator, intersected with what they already hold, so
    a statement's immediate dominator is final before it is visited (Cooper, Harvey &
    Kennedy's intersection over a topological order).
    """
    count = len(dag.preds)
    number = [-1] * count
    idom = [-1] * count
    paths = dag.paths
    position = 0
    for node in reversed(dag.order):
        if paths[node] > 0:
            number[node] = position
            position += 1
    idom[dag.root] = dag.root
    for node in reversed(dag.order):
        if number[node] < 0:
            continue
        for source in dag.kept[node]:
            if paths[source] == 0:
                continue
            current = idom[source]
            if current < 0:
                idom[source] = node
                continue
            idom[source] = _meet(idom, number, current, node)
    return idom, number


def dominator_tree(dag: ClaimDag) -> dict[int, int]:
    """Immediate dominators, in the graph read from the claim down to the grounds.

    ``tree[v]`` is the statement nearest ``v`` that every path from the claim down to
    ``v`` passes through (the claim maps to itself). Only statements on some chain
    (``paths > 0``) appear.

    Examples
    --------
    >>> dominator_tree(claim_dag([[], [], [0, 1], [2]], root=3))
    {3: 3, 2: 3, 1: 2, 0: 2}
    """
    idom, number = _immediate_dominators(dag)
    return {node: idom[node] for node in reversed(dag.order) if number[node] >= 0}


def dominators(dag: ClaimDag) -> list[int]:
    """The statements other than the claim that every chain passes through, nearest the claim first.

    They are the dominators of a virtual statement below every ground: the nearest
    common dominator of all grounds on a chain, and every dominator above it.

    Examples
    --------
    >>> dominators(claim_dag([[], [0], [1], [2]], root=3))   # a single line of support
    [2, 1, 0]
    """
    if dag.count == 0:
        return []
    idom, number = _immediate_dominators(dag)
    sink = -1
    for node in dag.order:
        if number[node] < 0 or dag.preds[node]:
            continue
        if sink < 0:
            sink = node
            continue
        sink = _meet(idom, number, sink, node)
    result = []
    while sink != dag.root:
        result.append(sink)
        sink = idom[sink]
    return result[::-1]
