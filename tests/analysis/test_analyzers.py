"""The analyzers on small maps with known answers, and on the article's map."""

from __future__ import annotations

import pytest

import argmap
from argmap.analysis import (
    acceptability,
    analyze,
    counterarguments,
    support_chains,
    weak_links,
)
from argmap.errors import UnknownIdError, UsageError
from tests.conftest import ARTICLE_MAP


def load(body: str) -> argmap.ArgumentMap:
    return argmap.loads("argmap: 1\ntitle: T\nmain_claim: C\n" + body)


DEBATE = load(
    "statements:\n"
    "  - {id: C, kind: claim, text: We should build the bridge.}\n"
    "  - {id: P1, kind: premise, text: Traffic would fall.}\n"
    "  - {id: P2, kind: premise, text: The town can afford it.}\n"
    "  - {id: P3, kind: premise, text: The budget has a surplus.}\n"
    "  - {id: E1, kind: evidence, text: A study predicts 30% less traffic.}\n"
    "  - {id: R1, kind: rebuttal, text: Bridges attract more traffic.}\n"
    "  - {id: D1, kind: evidence, text: The study already counts induced traffic.}\n"
    "  - {id: R2, kind: rebuttal, text: The surplus is earmarked for schools.}\n"
    "  - {id: R3, kind: rebuttal, text: The study was paid for by the builder.}\n"
    "relations:\n"
    "  - {id: S1, type: support, from: [P1, P2], to: C}\n"
    "  - {id: S2, type: support, from: E1, to: P1}\n"
    "  - {id: S3, type: support, from: P3, to: P2}\n"
    "  - {id: A1, type: attack, from: R1, to: P1}\n"
    "  - {id: A2, type: attack, from: D1, to: R1}\n"
    "  - {id: A3, type: attack, from: R2, to: P3}\n"
    "  - {id: A4, type: attack, from: R3, to: S2}\n"
)


def test_support_chains_count_depth_and_order() -> None:
    chains = support_chains(DEBATE)
    assert (chains.count, chains.max_depth) == (2, 2)
    assert chains.chains == (("E1", "P1", "C"), ("P3", "P2", "C"))
    assert not chains.truncated and chains.ignored_edges == ()


def test_support_chains_for_another_claim_and_unknown_claim() -> None:
    assert support_chains(DEBATE, "P1").chains == (("E1", "P1"),)
    with pytest.raises(UnknownIdError, match="no statement 'X'"):
        support_chains(DEBATE, "X")


def test_a_support_cycle_is_cut_reported_and_flagged() -> None:
    m = load(
        "statements:\n"
        "  - {id: C, kind: claim, text: c}\n  - {id: A, kind: premise, text: a}\n"
        "  - {id: B, kind: premise, text: b}\n  - {id: E, kind: evidence, text: e}\n"
        "relations:\n"
        "  - {type: support, from: A, to: C}\n  - {type: support, from: B, to: A}\n"
        "  - {type: support, from: A, to: B}\n  - {type: support, from: E, to: A}\n"
    )
    chains = support_chains(m)
    assert chains.count == 1 and chains.chains == (("E", "A", "C"),)
    assert chains.ignored_edges == (("A", "B"),)
    kinds = {w.kind: w for w in weak_links(m)}
    assert kinds["circular-support"].nodes == ("A", "B")


def test_counterarguments_kinds_and_statuses() -> None:
    found = {c.relation: c for c in counterarguments(DEBATE)}
    assert set(found) == {"A1", "A3", "A4"}, "A2 defends: it is not a counterargument"
    assert (found["A1"].kind, found["A1"].status, found["A1"].answered_by) == (
        "undermine",
        "answered",
        ("D1",),
    )
    assert (found["A3"].kind, found["A3"].status) == ("undermine", "standing")
    assert (found["A4"].kind, found["A4"].status) == ("undercut", "standing")


def test_weak_links_cover_the_vocabulary_and_are_sorted() -> None:
    links = weak_links(DEBATE)
    kinds = [w.kind for w in links]
    assert {"unanswered-attack", "linked-premise", "unsupported-premise"} <= set(kinds)
    assert [w.severity for w in links] == sorted((w.severity for w in links), reverse=True)
    unanswered = {w.nodes[-1] for w in links if w.kind == "unanswered-attack"}
    assert unanswered == {"A3", "A4"}
    assert all(w.explanation.endswith(".") for w in links)


def test_single_point_of_failure_is_a_dominator() -> None:
    m = load(
        "statements:\n"
        "  - {id: C, kind: claim, text: c}\n  - {id: H, kind: premise, text: hub}\n"
        "  - {id: E1, kind: evidence, text: e1}\n  - {id: E2, kind: evidence, text: e2}\n"
        "relations:\n"
        "  - {type: support, from: H, to: C}\n  - {type: support, from: E1, to: H}\n"
        "  - {type: support, from: E2, to: H}\n"
    )
    spof = [w for w in weak_links(m) if w.kind == "single-point-of-failure"]
    assert [w.nodes for w in spof] == [("H",)]
    assert spof[0].severity == 1.0


def test_long_chain_and_weak_inference() -> None:
    statements = "".join(f"  - {{id: S{i}, kind: premise, text: s{i}}}\n" for i in range(8))
    relations = "".join(f"  - {{type: support, from: S{i + 1}, to: S{i}}}\n" for i in range(7))
    m = argmap.loads(
        "argmap: 1\ntitle: T\nmain_claim: S0\nstatements:\n"
        + statements
        + "relations:\n"
        + relations
        + "  - {type: support, from: S7, to: S6, weight: 0.1}\n"
    )
    kinds = {w.kind: w for w in weak_links(m)}
    assert kinds["long-chain"].nodes == tuple(f"S{i}" for i in range(7, -1, -1))
    assert kinds["weak-inference"].nodes[-1] == "support.S7.S6.2"


def test_acceptability_grounded_and_preferred_on_the_debate() -> None:
    grounded = acceptability(DEBATE)
    # D1 defeats R1, so A1 is out and P1 stands; R2 defeats P3, and the undercut R3 defeats S2.
    assert grounded.labels["R1"] == "out" and grounded.labels["A1"] == "out"
    assert grounded.labels["P3"] == "out" and grounded.labels["A3"] == "in"
    assert grounded.labels["S2"] == "out" and grounded.labels["S1"] == "in"
    assert grounded.labels["C"] == "in" and grounded.credulous and grounded.skeptical
    preferred = acceptability(DEBATE, semantics="preferred")
    assert preferred.extensions == 1 and preferred.labels == grounded.labels


def test_unknown_semantics_and_support_mode() -> None:
    with pytest.raises(UsageError, match="grounded"):
        acceptability(DEBATE, semantics="ideal")
    with pytest.raises(UsageError, match="known: none, deductive, necessary"):
        acceptability(DEBATE, support="abstract")


@pytest.mark.parametrize("semantics", ["grounded", "complete", "preferred", "stable"])
@pytest.mark.parametrize("support", ["none", "deductive", "necessary"])
def test_analyze_the_article_map_every_way(semantics: str, support: str) -> None:
    m = argmap.load(ARTICLE_MAP)
    result = analyze(m, semantics=semantics, support=support)
    data = result.model_dump(mode="json")
    assert set(data) >= {
        "claim",
        "support_chains",
        "weak_links",
        "counterarguments",
        "acceptability",
        "strength",
    }
    assert data["claim"] == "C1"
    assert set(data["acceptability"]["labels"]) == {s.id for s in m.statements} | {r.key for r in m.relations}
    assert data["support_chains"]["count"] >= len(data["support_chains"]["chains"]) > 0


def test_the_article_claim_stands_and_its_counterarguments_are_answered() -> None:
    result = analyze(argmap.load(ARTICLE_MAP))
    assert result.acceptability.labels["C1"] == "in"
    rebuts = [c for c in result.counterarguments if c.kind == "rebut"]
    assert rebuts and all(c.status == "answered" and c.answered_by for c in rebuts)


def test_results_from_the_analyzers_display_over_their_map_in_notebooks() -> None:
    m = argmap.load(ARTICLE_MAP)
    for result in (analyze(m), support_chains(m), acceptability(m)):
        bundle = result._repr_mimebundle_()
        assert bundle["image/svg+xml"].startswith("<svg"), type(result).__name__
        assert bundle["text/html"].count('class="node statement') == 68, type(result).__name__
    by_hand = type(support_chains(m)).model_validate(support_chains(m).model_dump())
    assert "image/svg+xml" not in by_hand._repr_mimebundle_()
