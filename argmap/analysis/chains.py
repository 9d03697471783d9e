"""Support chains: the lines of support that lead from a ground to the claim.

At the statement level each source of a support relation supports its target (a
linked relation gives one edge per premise); undercuts and attacks play no part. A
*ground* is a statement with no incoming support. A *chain* is a path along support
edges from a ground to the claim; its depth is its number of edges.

Counting uses dynamic programming over the support graph, so a map with millions of
chains answers at once; listing is best-first and stops at ``max_chains``. Edges that
close a support cycle are left out of both and named in ``ignored_edges``.

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: T
... main_claim: C
... statements:
...   - {id: C, kind: claim, text: c}
...   - {id: P1, kind: premise, text: p1}
...   - {id: P2, kind: premise, text: p2}
...   - {id: E1, kind: evidence, text: e1}
... relations:
...   - {type: support, from: [P1, P2], to: C}
...   - {type: support, from: E1, to: P1}
... ''')
>>> result = support_chains(m)
>>> result.count, result.max_depth, result.chains
(2, 2, (('E1', 'P1', 'C'), ('P2', 'C')))
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.dag import ClaimDag, claim_dag, longest_chains
from argmap.analysis.results import SupportChains
from argmap.errors import UsageError
from argmap.model import ArgumentMap, default_claim

__all__ = ["SupportStructure", "support_chains", "support_structure"]


@dataclass(frozen=True)
class SupportStructure:
    """The claim's support graph, integer-indexed, explored once and shared by the analyzers."""

    names: list[str]
    index: dict[str, int]
    dag: ClaimDag

    def name_path(self, path: tuple[int, ...]) -> tuple[str, ...]:
        """Statement ids for a path of indices."""
        return tuple(self.names[i] for i in path)

    @property
    def tree(self) -> set[str]:
        """The claim and every statement it rests on through support."""
        return {self.names[i] for i in self.dag.order}


def support_structure(argument_map: ArgumentMap, claim: str | None = None) -> SupportStructure:
    """Explore the support graph below ``claim`` (default: the main claim).

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    """
    root = claim if claim is not None else default_claim(argument_map)
    argument_map.statement(root)
    names = [s.id for s in argument_map.statements]
    index = {name: i for i, name in enumerate(names)}
    preds: list[list[int]] = [[] for _ in names]
    seen: list[set[int]] = [set() for _ in names]
    for relation in argument_map.relations:
        if relation.type != "support" or relation.to not in index:
            continue
        target = index[relation.to]
        for source in relation.sources:
            position = index[source]
            if position not in seen[target]:
                seen[target].add(position)
                preds[target].append(position)
    return SupportStructure(names, index, claim_dag(preds, index[root]))


def support_chains(
    argument_map: ArgumentMap, claim: str | None = None, max_chains: int = 50
) -> SupportChains:
    """Count, measure and list the support chains to ``claim``.

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        Defaults to the map's ``main_claim`` (else its first claim).
    max_chains : int
        How many chains to list, longest first (the count is always exact).

    Returns
    -------
    SupportChains

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    UsageError
        If ``max_chains`` is not a whole number of at least 0.
    """
    structure = support_structure(argument_map, claim)
    return chains_of(structure, max_chains).drawn_on(argument_map)


def chains_of(structure: SupportStructure, max_chains: int) -> SupportChains:
    """The :class:`SupportChains` result of an explored structure.

    Raises
    ------
    UsageError
        If ``max_chains`` is not a whole number of at least 0.
    """
    if isinstance(max_chains, bool) or not isinstance(max_chains, int) or max_chains < 0:
        raise UsageError(f"max_chains must be a whole number of at least 0, not {max_chains!r}")
    dag = structure.dag
    listed = tuple(structure.name_path(p) for p in longest_chains(dag, max_chains))
    return SupportChains(
        claim=structure.names[dag.root],
        count=dag.count,
        max_depth=dag.max_depth,
        chains=listed,
        truncated=dag.count > len(listed),
        ignored_edges=tuple((structure.names[s], structure.names[t]) for s, t in dag.back_edges),
    )
