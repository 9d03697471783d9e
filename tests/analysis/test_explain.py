"""Explanations: hand-worked answers from the literature and hand-made maps, and flips by brute force.

Sources:
- Dung, P. M. (1995). On the acceptability of arguments ... Artificial Intelligence 77(2).
- Modgil, S. & Caminada, M. (2009). Proof theories and algorithms for abstract argumentation
  frameworks. In Argumentation in Artificial Intelligence, Springer.
- Baroni, P., Caminada, M. & Giacomin, M. (2011). An introduction to argumentation semantics.
  Knowledge Engineering Review 26(4) (floating reinstatement).

Every expected answer below was worked out by hand; the comment beside it says how.
"""

from __future__ import annotations

from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import acceptability, explain, explain_all
from argmap.analysis.results import Reason
from argmap.errors import UnknownIdError, UsageError
from argmap.model import ArgumentMap, Relation, Statement
from argmap.semantics import AttackFramework, framework_of_map, grounded_labels, grounded_rounds
from argmap.semantics.labelling import LABEL_NAMES
from tests.conftest import ARTICLE_MAP


def attack_map(names: str, attacks: list[str], undercuts: list[tuple[str, str]] = ()) -> ArgumentMap:
    """A map of statements named by letters and attacks ``"ab"`` (a attacks b, relation ``ab``);
    an undercut ``(u, "ab")`` attacks the relation ``ab`` from ``u``."""
    relations = [Relation(id=f"{a}{b}", type="attack", sources=a, to=b) for a, b in attacks]
    relations += [Relation(id=f"{u}x{r}", type="attack", sources=u, to=r) for u, r in undercuts]
    return ArgumentMap(
        title="T",
        statements=[Statement(id=n, kind="claim", text=f"statement {n}") for n in names],
        relations=relations,
    )


def named(reason: Reason) -> set[str]:
    """Every statement a why tree names."""
    return {reason.statement}.union(*(named(child) for child in reason.because))


def shape(reason: Reason) -> tuple[object, ...]:
    """A tree as nested tuples (statement, label, children), for exact comparisons."""
    return (reason.statement, reason.label, tuple(shape(c) for c in reason.because))


# -- why, grounded ------------------------------------------------------------------------


def test_reinstatement_dung_1995() -> None:
    # a -> b -> c: a is unattacked (in), b is out, c is reinstated (in). c's defence: its one
    # attacker b, defeated by a. Removing a leaves b unattacked, so c goes out; removing b
    # leaves c unattacked, still in.
    e = explain(attack_map("abc", ["ab", "bc"]), "c")
    assert e.label == "in"
    assert shape(e.why) == ("c", "in", (("b", "out", (("a", "in", ()),)),))
    assert e.why.because[0].relation == "bc" and e.why.because[0].because[0].relation == "ab"
    assert (e.flips.size, e.flips.sets, e.flips.labels, e.flips.exact) == (1, (("a",),), ("out",), True)


def test_out_names_an_accepted_attacker() -> None:
    # Same chain, b: out because a (unattacked, in) attacks it. Removing a makes b in.
    e = explain(attack_map("abc", ["ab", "bc"]), "b")
    assert shape(e.why) == ("b", "out", (("a", "in", ()),))
    assert e.flips.sets == (("a",),) and e.flips.labels == ("in",)


def test_nixon_diamond_dung_1995() -> None:
    # a <-> b: both undecided; the conflict is the 2-cycle a <- b <- a. Removing b frees a.
    e = explain(attack_map("ab", ["ab", "ba"]), "a")
    assert e.label == "undec"
    assert shape(e.why) == ("a", "undec", (("b", "undec", (("a", "undec", ()),)),))
    assert e.why.because[0].because[0].repeat
    assert e.flips.sets == (("b",),) and e.flips.labels == ("in",)


def test_odd_cycle_dung_1995() -> None:
    # a -> b -> c -> a: all undecided; a's attacker is c, c's is b, b's is a (the cycle).
    # Removing c: a is unattacked, in. Removing b: c is unattacked, in, so a is out.
    e = explain(attack_map("abc", ["ab", "bc", "ca"]), "a")
    assert named(e.why) == {"a", "b", "c"}
    assert shape(e.why) == ("a", "undec", (("c", "undec", (("b", "undec", (("a", "undec", ()),)),)),))
    assert set(zip(e.flips.sets, e.flips.labels, strict=True)) == {(("b",), "out"), (("c",), "in")}


def test_the_shortest_winning_strategy_modgil_caminada_2009() -> None:
    # A hand-made framework in the style of Modgil & Caminada's grounded game: x is attacked
    # by b; b is attacked by d (unattacked: round 1) and by f, which is in only at round 2
    # (f <- g <- h). The winning strategy of least depth answers b with d, not with f.
    # x loses its defence only when d goes and f is gone or out: removing d and f, or d and h
    # (then g is unattacked, f out, b in). Removing g instead leaves f unattacked: x stays in.
    m = attack_map("xbdfgh", ["bx", "db", "fb", "gf", "hg"])
    e = explain(m, "x")
    assert shape(e.why) == ("x", "in", (("b", "out", (("d", "in", ()),)),))
    assert e.flips.size == 2 and e.flips.sets == (("d", "f"), ("d", "h"))
    # Without d, the proponent must use f, whose defence goes h against g.
    e2 = explain(attack_map("xbfgh", ["bx", "fb", "gf", "hg"]), "x")
    assert shape(e2.why) == ("x", "in", (("b", "out", (("f", "in", (("g", "out", (("h", "in", ()),)),)),)),))


def test_rounds_follow_the_characteristic_function() -> None:
    # F^1 = {h, d}; then g out (1), b out (1); F^2 adds f (all its attackers out after round 1)
    # and x (b out after round 1).
    af = framework_of_map(attack_map("xbdfgh", ["bx", "db", "fb", "gf", "hg"]))
    rounds = dict(zip(af.names, grounded_rounds(af).tolist(), strict=True))
    assert {n: rounds[n] for n in "xbdfgh"} == {"x": 2, "b": 1, "d": 1, "f": 2, "g": 1, "h": 1}


def test_undercut_is_named() -> None:
    # r attacks c through "rc"; u undercuts that attack. r itself stands (in), the attack is
    # out, c is in. The tree names c, the attacker r (accepted) and the undercutter u.
    # Removing u lets the attack through (c out); removing r also leaves c in.
    m = attack_map("cru", ["rc"], undercuts=[("u", "rc")])
    e = explain(m, "c")
    assert e.label == "in"
    assert shape(e.why) == ("c", "in", (("r", "in", (("u", "in", ()),)),))
    assert e.why.because[0].because[0].relation == "uxrc"
    assert e.flips.sets == (("u",),) and e.flips.labels == ("out",)


def test_linked_attack_is_defeated_through_either_premise() -> None:
    # p + q jointly attack c; d attacks q. The joint attack fails because q is out.
    m = ArgumentMap(
        title="T",
        statements=[Statement(id=i, kind="claim", text=i) for i in ("c", "p", "q", "d")],
        relations=[
            Relation(id="J", type="attack", sources=("p", "q"), to="c"),
            Relation(id="D", type="attack", sources="d", to="q"),
        ],
    )
    e = explain(m, "c")
    assert shape(e.why) == ("c", "in", (("q", "out", (("d", "in", ()),)),))
    assert e.flips.sets == (("d",),)


# -- credulous and skeptical semantics --------------------------------------------------


def test_floating_reinstatement_preferred() -> None:
    # a <-> b, both attack c, c attacks d (Baroni, Caminada & Giacomin 2011). Grounded: all
    # undecided. Preferred extensions {a, d} and {b, d}: d is in every one, defended in {a, d}
    # by a against c. No extension lacks d.
    m = attack_map("abcd", ["ab", "ba", "ac", "bc", "cd"])
    assert explain(m, "d").label == "undec"
    e = explain(m, "d", semantics="preferred")
    assert e.label == "in"
    (branch,) = e.why.because
    assert branch.extension == ("a", "d")
    assert shape(branch) == ("d", "in", (("c", "out", (("a", "in", (("b", "out", (("a", "in", ()),)),)),)),))


def test_credulous_both_branches() -> None:
    # Nixon under preferred: a is in {a} and out in {b} (b attacks it).
    e = explain(attack_map("ab", ["ab", "ba"]), "a", semantics="preferred")
    assert [(b.extension, shape(b)) for b in e.why.because] == [
        (("a",), ("a", "in", (("b", "out", (("a", "in", ()),)),))),
        (("b",), ("a", "out", (("b", "in", (("a", "out", ()),)),))),
    ]


def test_stable_without_extension() -> None:
    # The odd cycle has no stable extension: every label undec and no branch.
    e = explain(attack_map("abc", ["ab", "bc", "ca"]), "a", semantics="stable")
    assert e.label == "undec" and e.why.because == ()


# -- flips, exactly, against a brute force --------------------------------------------


def removed(argument_map: ArgumentMap, gone: set[str]) -> ArgumentMap:
    """The map without some statements, every relation they take part in, and undercuts of those,
    rebuilt through validation (an independent route from the explainer's)."""
    relations = [r for r in argument_map.relations if not gone & {*r.sources, r.to}]
    while True:
        keys = {r.key for r in relations}
        kept = [r for r in relations if r.to in keys or argument_map.has_statement(r.to)]
        if len(kept) == len(relations):
            break
        relations = kept
    return ArgumentMap(
        title="T",
        statements=[s for s in argument_map.statements if s.id not in gone],
        relations=relations,
    )


def brute_force_flips(argument_map: ArgumentMap, target: str, support: str) -> set[tuple[str, ...]]:
    before = acceptability(argument_map, target, support=support).labels[target]
    others = [s.id for s in argument_map.statements if s.id != target]
    for size in range(1, len(others) + 1):
        found = {
            combo
            for combo in combinations(others, size)
            if acceptability(removed(argument_map, set(combo)), target, support=support).labels[target]
            != before
        }
        if found:
            return found
    return set()


@st.composite
def small_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(2, 6))
    names = [f"s{i}" for i in range(n)]
    relations: list[Relation] = []
    for k in range(draw(st.integers(0, 9))):
        sources = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        kind = draw(st.sampled_from(["attack", "attack", "support"]))
        targets = [x for x in names if x not in sources]
        undercut = kind == "attack" and relations and draw(st.booleans())
        if undercut:
            to = draw(st.sampled_from([r.key for r in relations]))
        elif targets:
            to = draw(st.sampled_from(targets))
        else:
            continue
        relations.append(Relation(id=f"r{k}", type=kind, sources=tuple(sources), to=to))
    return ArgumentMap(
        title="T", statements=[Statement(id=x, kind="claim", text=x) for x in names], relations=relations
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(small_maps(), st.sampled_from(["none", "deductive", "necessary"]), st.data())
def test_flips_match_brute_force(m: ArgumentMap, support: str, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from([s.id for s in m.statements]))
    e = explain(m, target, support=support, strength_model="none", max_flips=100)
    expected = brute_force_flips(m, target, support)
    assert e.flips.exact
    assert set(e.flips.sets) == expected
    assert e.flips.size == (len(next(iter(expected))) if expected else None)
    for combo, label in zip(e.flips.sets, e.flips.labels, strict=True):
        assert acceptability(removed(m, set(combo)), target, support=support).labels[target] == label


@settings(max_examples=150, deadline=None)
@given(small_maps())
def test_why_tree_is_a_winning_strategy(m: ArgumentMap) -> None:
    # Grounded: every in node's statement is in, every out node's is out, and an out node is
    # answered by exactly one accepted statement; rounds agree with the labelling core.
    af = framework_of_map(m)
    labels = [LABEL_NAMES[x] for x in grounded_labels(af).tolist()]
    assert [r == 0 for r in grounded_rounds(af).tolist()] == [lab == "undec" for lab in labels]
    label_of = dict(zip(af.names, labels, strict=True))
    for statement in m.statements:
        e = explain(m, statement.id, strength_model="none")
        assert e.label == label_of[statement.id]

        def check(node: Reason, depth: int) -> None:
            if depth and node.relation is not None:
                assert node.relation in label_of
            if node.label == "out" and not node.repeat:
                assert len(node.because) == 1 and node.because[0].label == "in"
            for child in node.because:
                check(child, depth + 1)

        check(e.why, 0)


def test_restriction_equals_rebuilding() -> None:
    # Why the explainer may restrict the framework instead of rebuilding it (support none).
    m = attack_map("cru", ["rc", "cu"], undercuts=[("u", "rc")])
    smaller = removed(m, {"u"})
    af = framework_of_map(m)
    keep = [i for i, n in enumerate(af.names) if n not in {"u", "uxrc", "cu"}]
    assert af.restrict(keep) == framework_of_map(smaller)
    assert isinstance(af, AttackFramework)


def test_budget_beyond_which_flips_are_not_exact() -> None:
    # x is out, attacked by six unattacked statements: only removing all six frees it. With a
    # budget of 10 removals, sets of size 2 (15) are not tried: the shrinking search finds the
    # six, flagged not exact.
    attackers = "abcdef"
    m = attack_map("x" + attackers, [f"{a}x" for a in attackers])
    exact = explain(m, "x", strength_model="none")
    assert (exact.flips.size, exact.flips.exact) == (6, True)
    rough = explain(m, "x", strength_model="none", budget=10)
    assert (rough.flips.size, rough.flips.sets, rough.flips.exact) == (6, (tuple(attackers),), False)


def test_cap_truncates() -> None:
    # c is attacked by b, which five statements attack: removing any one of them... leaves four.
    # Instead: c attacked by five attackers each answered by its own defender; removing any one
    # defender flips c, five sets of size 1; a cap of 2 lists two and says there are more.
    attacks = [f"{a}c" for a in "abdeg"] + [f"{d}{a}" for a, d in zip("abdeg", "hijkl", strict=True)]
    m = attack_map("cabdeghijkl", attacks)
    e = explain(m, "c", strength_model="none", max_flips=2)
    assert e.flips.size == 1 and e.flips.sets == (("h",), ("i",)) and e.flips.truncated


# -- sensitivity --------------------------------------------------------------------


def test_sensitivity_by_hand() -> None:
    # DF-QuAD, C (base 0.5) supported by P (0.8), attacked by R (0.4): C = 0.5 + 0.5 * 0.4 = 0.7.
    # Without P: 0.5 - 0.5 * 0.4 = 0.3 (effect +0.4). Without R: 0.5 + 0.5 * 0.8 = 0.9 (-0.2).
    m = argmap.loads(
        "argmap: 1\ntitle: T\nstatements:\n- {id: C, kind: claim, text: c}\n"
        "- {id: P, kind: premise, text: p, weight: 0.8}\n- {id: R, kind: rebuttal, text: r, weight: 0.4}\n"
        "relations:\n- {id: S, type: support, from: P, to: C}\n- {id: A, type: attack, from: R, to: C}\n"
    )
    s = explain(m, "C").sensitivity
    assert s is not None and s.model == "df-quad" and s.strength == pytest.approx(0.7)
    assert [(x.statement, round(x.without, 6), round(x.effect, 6)) for x in s.effects] == [
        ("P", 0.3, 0.4),
        ("R", 0.9, -0.2),
    ]
    assert explain(m, "C", strength_model="none").sensitivity is None


# -- the article, and errors ----------------------------------------------------------


def test_article_main_claim() -> None:
    # docs/analysis.md: O6 and O7 rebut C1 and are answered by A1 and A3; nothing answers A1
    # or A3. So C1 is in, defended by A1 against O6 and A3 against O7; removing either
    # answer lets its objection stand and C1 goes out.
    m = argmap.load(ARTICLE_MAP)
    e = explain(m, "C1")
    assert e.label == "in"
    assert named(e.why) == {"C1", "O6", "O7", "A1", "A3"}
    assert set(e.flips.sets) == {("A1",), ("A3",)} and e.flips.exact
    everything = explain_all(m)
    assert set(everything) == {s.id for s in m.statements}
    assert all(x.flips.exact for x in everything.values())


def test_json_contract() -> None:
    m = attack_map("ab", ["ab"])
    data = explain(m, "b").model_dump(mode="json")
    assert set(data) == {"statement", "label", "semantics", "why", "flips", "sensitivity"}
    assert {"statement", "label", "because"} <= set(data["why"])


def test_errors() -> None:
    m = attack_map("ab", ["ab"])
    with pytest.raises(UnknownIdError, match="no statement 'z'"):
        explain(m, "z")
    with pytest.raises(UsageError, match="unknown semantics 'ideal'"):
        explain(m, "a", semantics="ideal")
    with pytest.raises(UsageError, match="unknown support mode"):
        explain(m, "a", support="strong")
    with pytest.raises(UsageError, match="at least 1"):
        explain(m, "a", budget=0)


def test_a_deep_tree_is_cut() -> None:
    # A chain of 150 attacks s149 -> ... -> s0: s0's defence runs 149 levels down; the tree
    # stops at MAX_DEPTH (100) with the last node marked cut, and it still serialises.
    n = 150
    m = ArgumentMap(
        title="T",
        statements=[Statement(id=f"s{i}", kind="claim", text="x") for i in range(n)],
        relations=[
            Relation(id=f"r{i}", type="attack", sources=f"s{i + 1}", to=f"s{i}") for i in range(n - 1)
        ],
    )
    e = explain(m, "s0", strength_model="none", budget=200)
    node, depth = e.why, 0
    while node.because:
        node, depth = node.because[0], depth + 1
    assert (depth, node.statement, node.cut) == (100, "s100", True)
    assert e.model_dump(mode="json")["statement"] == "s0"
