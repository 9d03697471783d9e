"""Pairing the statements of two maps one to one, by span overlap or by text similarity.

Two maps drawn from the same source document (both name the same ``source.sha256``)
are aligned by where their statements sit in it: the similarity of two statements is
the overlap of their spans, intersection over union (a statement without a span falls
back on its text). Otherwise spans mean nothing across the maps, and the similarity is
that of the texts: rapidfuzz's normalised Indel similarity (``fuzz.ratio``) of the texts
lower-cased with punctuation removed (a text of punctuation only is compared as it is).

Of all pairs at least ``threshold`` similar, the pairing kept is a maximum-weight
matching (networkx), so each statement is aligned with at most one statement of the
other map and the sum of similarities is as large as it can be. Only each statement's
:data:`CANDIDATES` (8) most similar partners enter the matching: this keeps large maps
fast and changes nothing unless a statement resembles more than eight others closely.

Examples
--------
>>> import argmap
>>> a = argmap.loads("argmap: 1\\ntitle: A\\nstatements:\\n- {id: C, kind: claim, text: Cats purr.}\\n")
>>> b = argmap.loads("argmap: 1\\ntitle: B\\nstatements:\\n- {id: X, kind: claim, text: cats purr}\\n")
>>> [(p.a, p.b, p.similarity) for p in align_statements(a, b).pairs]
[('C', 'X', 1.0)]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

import networkx as nx
import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process, utils

from argmap.comparison.results import Alignment, StatementPair
from argmap.errors import UsageError
from argmap.model import ArgumentMap, Statement

__all__ = ["ALIGN_METHODS", "SPAN_THRESHOLD", "TEXT_THRESHOLD", "align_statements", "alignment_method"]

ALIGN_METHODS: tuple[str, ...] = ("auto", "span", "text")
TEXT_THRESHOLD = 0.6
SPAN_THRESHOLD = 0.5

# Integer weights keep the matching exact; the +1 for equal ids breaks ties between equal
# texts in favour of the pairing a map has with itself.
_SCALE = 2_000_000
# Each statement is offered to the matching with its few most similar partners only: the
# matching then stays fast on large maps whose statements all resemble one another.
CANDIDATES = 8


def alignment_method(a: ArgumentMap, b: ArgumentMap) -> Literal["span", "text"]:
    """``"span"`` when both maps have spans over the same source document, else ``"text"``.

    The same source means the same ``source.sha256``: without a checksum, two maps may
    anchor their spans in different versions of a text, so their spans are not compared.

    Parameters
    ----------
    a, b : ArgumentMap

    Returns
    -------
    str
        ``"span"`` or ``"text"``.

    Examples
    --------
    >>> from argmap.model import ArgumentMap
    >>> alignment_method(ArgumentMap(title="A"), ArgumentMap(title="B"))
    'text'
    """
    same_source = (
        a.source is not None
        and b.source is not None
        and a.source.sha256 is not None
        and a.source.sha256 == b.source.sha256
    )
    if same_source and any(s.span for s in a.statements) and any(s.span for s in b.statements):
        return "span"
    return "text"


def align_statements(
    a: ArgumentMap,
    b: ArgumentMap,
    *,
    method: str = "auto",
    threshold: float | None = None,
) -> Alignment:
    """The one-to-one pairing of A's statements with B's.

    Parameters
    ----------
    a, b : ArgumentMap
        The maps to align.
    method : {"auto", "span", "text"}
        ``auto`` chooses with :func:`alignment_method`; ``span`` insists on spans (the
        caller vouches that both maps anchor the same text); ``text`` ignores spans.
    threshold : float or None
        The least similarity of an aligned pair, in [0, 1]; default
        :data:`SPAN_THRESHOLD` (0.5) for spans, :data:`TEXT_THRESHOLD` (0.6) for texts.

    Returns
    -------
    Alignment
        The pairs in A's statement order.

    Raises
    ------
    UsageError
        For an unknown method, a threshold outside [0, 1], ``span`` when a map has no spans,
        or maps too large to align (more than 50,000,000 pairs of statements).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Span, Statement
    >>> a = ArgumentMap(title="A", statements=[Statement(id="P", kind="premise", text="x",
    ...     span=Span(start=0, end=10))])
    >>> b = ArgumentMap(title="B", statements=[Statement(id="Q", kind="premise", text="y",
    ...     span=Span(start=5, end=10))])
    >>> align_statements(a, b, method="span").pairs[0].similarity
    0.5
    """
    if method not in ALIGN_METHODS:
        raise UsageError(f"unknown alignment method {method!r}: use one of {', '.join(ALIGN_METHODS)}")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise UsageError(f"the alignment threshold must lie in [0, 1], not {threshold}")
    if method == "span":
        for name, m in (("A", a), ("B", b)):
            if not any(s.span for s in m.statements):
                raise UsageError(f"map {name} ({m.title!r}) has no spans to align by")
    use_spans = method == "span" or (method == "auto" and alignment_method(a, b) == "span")
    cutoff = threshold if threshold is not None else (SPAN_THRESHOLD if use_spans else TEXT_THRESHOLD)
    # Ties between equally good pairings are broken the same way whichever map comes first,
    # so that aligning B with A gives the mirror image of aligning A with B.
    if _canonical(b) < _canonical(a):
        position = {s.id: n for n, s in enumerate(a.statements)}
        mirrored = _best_pairs(
            b.statements, a.statements, _similarities(b.statements, a.statements, use_spans=use_spans), cutoff
        )
        pairs = tuple(
            sorted(
                (StatementPair(a=p.b, b=p.a, similarity=p.similarity) for p in mirrored),
                key=lambda p: position[p.a],
            )
        )
    else:
        pairs = _best_pairs(
            a.statements, b.statements, _similarities(a.statements, b.statements, use_spans=use_spans), cutoff
        )
    return Alignment(method="span" if use_spans else "text", threshold=cutoff, pairs=pairs)


def _canonical(argument_map: ArgumentMap) -> str:
    return json.dumps(argument_map.to_data(), sort_keys=True, ensure_ascii=True)


# The similarity table is dense (8 bytes a pair): 50 million pairs are 400 MB. Beyond that,
# a clear refusal rather than a MemoryError (two chains of 100,000 statements would need 80 GB).
_MAX_PAIRS = 50_000_000


def _similarities(a: Sequence[Statement], b: Sequence[Statement], *, use_spans: bool) -> NDArray[np.float64]:
    if not a or not b:
        return np.zeros((len(a), len(b)))
    if len(a) * len(b) > _MAX_PAIRS:
        raise UsageError(
            f"cannot align {len(a):,} with {len(b):,} statements: {len(a) * len(b):,} pairs to score, "
            f"above the {_MAX_PAIRS:,} argmap aligns (compare smaller maps)"
        )
    matrix: NDArray[np.float64] = (
        process.cdist(
            [s.text for s in a],
            [s.text for s in b],
            scorer=fuzz.ratio,
            processor=_normalise,
            dtype=np.float64,
        )
        / 100.0
    )
    if use_spans:
        a_spans = [(i, s.span) for i, s in enumerate(a) if s.span is not None]
        b_spans = [(j, s.span) for j, s in enumerate(b) if s.span is not None]
        if a_spans and b_spans:
            rows = np.array([i for i, _ in a_spans])
            cols = np.array([j for j, _ in b_spans])
            a_start, a_end = (
                np.array([getattr(sp, k) for _, sp in a_spans])[:, None] for k in ("start", "end")
            )
            b_start, b_end = (
                np.array([getattr(sp, k) for _, sp in b_spans])[None, :] for k in ("start", "end")
            )
            overlap = np.clip(np.minimum(a_end, b_end) - np.maximum(a_start, b_start), 0, None)
            union = np.maximum(a_end, b_end) - np.minimum(a_start, b_start)
            matrix[np.ix_(rows, cols)] = overlap / union
    return matrix


def _candidates(weights: NDArray[np.int64]) -> NDArray[np.bool_]:
    """The pairs worth matching: each statement's CANDIDATES best partners above the threshold."""
    rows, cols = weights.shape
    keep = np.zeros(weights.shape, dtype=bool)
    if weights.size == 0:
        return keep
    k = min(CANDIDATES, rows)
    keep[np.argpartition(-weights, k - 1, axis=0)[:k, :], np.arange(cols)[None, :]] = True
    k = min(CANDIDATES, cols)
    keep[np.arange(rows)[:, None], np.argpartition(-weights, k - 1, axis=1)[:, :k]] = True
    return keep & (weights >= 0)


def _normalise(text: str) -> str:
    # Lower case, punctuation removed; a text of punctuation only is compared as written.
    return utils.default_process(text) or text


def _best_pairs(
    a: Sequence[Statement], b: Sequence[Statement], similarity: NDArray[np.float64], cutoff: float
) -> tuple[StatementPair, ...]:
    weights = np.rint(similarity * _SCALE).astype(np.int64) * 2
    weights += np.equal.outer(
        np.array([s.id for s in a], dtype=object), np.array([s.id for s in b], dtype=object)
    )
    weights[(similarity < cutoff) | (similarity <= 0.0)] = -1
    graph: nx.Graph[tuple[str, int]] = nx.Graph()
    for i, j in zip(*np.nonzero(_candidates(weights)), strict=True):
        graph.add_edge(("a", int(i)), ("b", int(j)), weight=int(weights[i, j]))
    chosen: dict[int, int] = {}
    # Matched component by component: the blossom algorithm's cost grows with the whole graph.
    matching: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for component in nx.connected_components(graph):
        if len(component) == 2:
            u, v = component
            matching.add((u, v))
        else:
            matching |= nx.max_weight_matching(graph.subgraph(component))
    for u, v in matching:
        (_, i), (_, j) = (u, v) if u[0] == "a" else (v, u)
        chosen[i] = j
    return tuple(
        StatementPair(a=a[i].id, b=b[j].id, similarity=round(float(similarity[i, j]), 6))
        for i, j in sorted(chosen.items())
    )
