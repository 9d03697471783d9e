"""The README's promise: every error argmap's public API raises derives from ArgmapError.

Hypothesis drives the entry points with bad input of every shape (wrong types, unknown names,
out-of-range numbers, malformed text and graphs); whatever happens, nothing but an
:class:`~argmap.errors.ArgmapError` may escape: no pydantic ``ValidationError``, ``TypeError``,
``KeyError`` or ``ValueError``. The readers are fuzzed harder in ``tests/fuzz``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import acceptability, analyze, counterarguments, strength, support_chains, weak_links
from argmap.errors import ArgmapError
from argmap.graph import from_networkx
from argmap.limits import Limits
from argmap.semantics import AttackFramework, solve
from tests.conftest import ARTICLE_MAP

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAP = argmap.load(ARTICLE_MAP)

# Anything a caller might pass by mistake.
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.integers(), st.integers(), st.integers()),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
names = st.one_of(st.sampled_from(["grounded", "stable", "none", "deductive", "auto", "df-quad", "C1"]), junk)


def only_argmap_errors(call: Callable[[], Any]) -> None:
    """Run ``call``; an exception other than ArgmapError fails the test (and shows itself)."""
    with contextlib.suppress(ArgmapError):
        call()


@SETTINGS
@given(claim=names, semantics=names, support=names, model=names, max_chains=junk)
def test_analyses_with_bad_options(
    claim: Any, semantics: Any, support: Any, model: Any, max_chains: Any
) -> None:
    only_argmap_errors(
        lambda: analyze(
            MAP, claim, semantics=semantics, support=support, strength_model=model, max_chains=max_chains
        )
    )
    only_argmap_errors(lambda: acceptability(MAP, claim, semantics=semantics, support=support))
    only_argmap_errors(lambda: weak_links(MAP, claim, support=support, strength_model=model))
    only_argmap_errors(lambda: counterarguments(MAP, claim, support=support))
    only_argmap_errors(lambda: support_chains(MAP, claim, max_chains=max_chains))
    only_argmap_errors(lambda: strength(MAP, model))


graph_keys = st.sampled_from(
    [
        "element",
        "kind",
        "text",
        "span",
        "tags",
        "weight",
        "section",
        "note",
        "answers",
        "type",
        "scheme",
        "meta",
    ]
)
graph_values = st.one_of(
    junk,
    st.sampled_from(["statement", "relation", "claim", "premise", "support", "attack"]),
    st.tuples(st.integers(-3, 50), st.integers(-3, 50)),
)
node_ids = st.one_of(st.sampled_from(["A", "B", "C", "R1", "R2"]), st.integers(0, 3), st.text(max_size=3))


@SETTINGS
@given(
    nodes=st.lists(st.tuples(node_ids, st.dictionaries(graph_keys, graph_values, max_size=5)), max_size=6),
    edges=st.lists(
        st.tuples(
            node_ids,
            node_ids,
            st.dictionaries(
                st.sampled_from(["role", "index"]),
                st.one_of(junk, st.sampled_from(["premise", "conclusion"])),
            ),
        ),
        max_size=6,
    ),
    header=st.dictionaries(
        st.sampled_from(["title", "main_claim", "source", "tests", "meta"]), junk, max_size=3
    ),
)
def test_from_networkx_with_any_graph(
    nodes: list[tuple[Any, dict[str, Any]]],
    edges: list[tuple[Any, Any, dict[str, Any]]],
    header: dict[str, Any],
) -> None:
    graph: nx.DiGraph[Any] = nx.DiGraph(**header)
    for node, attrs in nodes:
        graph.add_node(node, **attrs)
    for source, target, attrs in edges:
        graph.add_edge(source, target, **attrs)
    only_argmap_errors(lambda: from_networkx(graph))


@SETTINGS
@given(
    data=st.one_of(st.binary(max_size=60), st.text(max_size=60)),
    fmt=st.one_of(st.sampled_from(["apx", "tgf", "iccma"]), st.text(max_size=5)),
    semantics=names,
)
def test_frameworks_with_bad_text_and_names(data: bytes | str, fmt: str, semantics: Any) -> None:
    only_argmap_errors(lambda: solve(AttackFramework.parse(data, fmt), semantics))


@SETTINGS
@given(
    data=st.one_of(st.binary(max_size=80), st.text(max_size=80)),
    fmt=st.one_of(st.sampled_from([f.name for f in argmap.formats()]), st.text(max_size=5)),
    limit=st.one_of(
        st.none(),
        st.dictionaries(st.sampled_from(["max_bytes", "max_depth", "max_statements"]), junk, max_size=2),
    ),
)
def test_loads_with_bad_text_formats_and_limits(
    data: bytes | str, fmt: str, limit: dict[str, Any] | None
) -> None:
    only_argmap_errors(lambda: argmap.loads(data, fmt, limits=Limits(**limit) if limit is not None else None))
