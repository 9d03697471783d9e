"""Worked examples from the literature, under all four semantics.

Sources:
- Dung, P. M. (1995). On the acceptability of arguments and its fundamental role in nonmonotonic
  reasoning, logic programming and n-person games. Artificial Intelligence 77(2), 321-357.
- Caminada, M. (2006). On the issue of reinstatement in argumentation. JELIA 2006, LNCS 4160.
- Caminada, M. (2006). Semi-stable semantics. COMMA 2006.
- Baroni, P., Caminada, M. & Giacomin, M. (2011). An introduction to argumentation semantics.
  Knowledge Engineering Review 26(4), 365-410.
"""

from __future__ import annotations

import pytest

from argmap.semantics import AttackFramework, solve

Sets = set[frozenset[str]]


def sets(*groups: str) -> Sets:
    return {frozenset(group) for group in groups}


# (source, arguments, attacks, grounded, complete, preferred, stable); a set is written as a string of names.
CASES = [
    pytest.param(
        "ab",
        ["ab", "ba"],
        "",
        sets("", "a", "b"),
        sets("a", "b"),
        sets("a", "b"),
        id="Dung 1995, Nixon diamond: quaker a and republican b attack each other",
    ),
    pytest.param(
        "abc",
        ["ab", "bc", "ca"],
        "",
        sets(""),
        sets(""),
        sets(),
        id="Dung 1995, odd cycle of three: no stable extension, preferred is the empty set",
    ),
    pytest.param(
        "abcd",
        ["ab", "bc", "cd", "da"],
        "",
        sets("", "ac", "bd"),
        sets("ac", "bd"),
        sets("ac", "bd"),
        id="Baroni-Caminada-Giacomin 2011, even cycle of four",
    ),
    pytest.param(
        "ab",
        ["aa"],
        "b",
        sets("b"),
        sets("b"),
        sets(),
        id="self-attacking a and an unattacked b: no stable extension (Dung 1995 notes self-attack)",
    ),
    pytest.param(
        "ab",
        ["aa", "ab"],
        "",
        sets(""),
        sets(""),
        sets(),
        id="constructed, checked by hand: self-attacker a attacking b; b stays undec",
    ),
    pytest.param(
        "abc",
        ["ab", "bc"],
        "ac",
        sets("ac"),
        sets("ac"),
        sets("ac"),
        id="Caminada 2006 (reinstatement), a reinstates c against b",
    ),
    pytest.param(
        "abcd",
        ["ab", "ba", "ac", "bc", "cd"],
        "",
        sets("", "ad", "bd"),
        sets("ad", "bd"),
        sets("ad", "bd"),
        id="Baroni-Caminada-Giacomin 2011, floating reinstatement of d",
    ),
    pytest.param(
        "abc",
        ["ab", "ba", "bc", "cc"],
        "",
        sets("", "a", "b"),
        sets("a", "b"),
        sets("b"),
        id="Caminada 2006 (semi-stable), preferred {a} is not stable: it does not attack self-attacking c",
    ),
    pytest.param(
        "abcde",
        ["ab", "bc", "cd", "de"],
        "ace",
        sets("ace"),
        sets("ace"),
        sets("ace"),
        id="Dung 1995, well-founded chain: all semantics coincide",
    ),
    pytest.param(
        "abcde",
        ["ab", "ba", "bc", "cd", "de", "ec"],
        "",
        sets("", "a", "bd"),
        sets("a", "bd"),
        sets("bd"),
        id="constructed, checked by hand: even cycle feeding an odd one; {b} is not complete (defends d)",
    ),
]


def framework(arguments: str, attacks: list[str]) -> AttackFramework:
    return AttackFramework(list(arguments), [(pair[0], pair[1]) for pair in attacks])


@pytest.mark.parametrize(("arguments", "attacks", "grounded", "complete", "preferred", "stable"), CASES)
def test_extensions(
    arguments: str, attacks: list[str], grounded: str, complete: Sets, preferred: Sets, stable: Sets
) -> None:
    af = framework(arguments, attacks)
    assert set(solve(af, "grounded").extensions) == {frozenset(grounded)}
    assert set(solve(af, "complete").extensions) == complete
    assert set(solve(af, "preferred").extensions) == preferred
    assert set(solve(af, "stable").extensions) == stable


def test_nixon_labels() -> None:
    """Caminada 2006: grounded leaves both Nixon arguments undec, and so does the skeptical preferred view."""
    af = framework("ab", ["ab", "ba"])
    assert solve(af, "grounded").labels == {"a": "undec", "b": "undec"}
    assert solve(af, "preferred").labels == {"a": "undec", "b": "undec"}


def test_floating_reinstatement_labels() -> None:
    """BCG 2011: d is in in both preferred labellings (skeptically accepted) but not grounded."""
    af = framework("abcd", ["ab", "ba", "ac", "bc", "cd"])
    assert solve(af, "preferred").labels == {"a": "undec", "b": "undec", "c": "out", "d": "in"}
    assert solve(af, "grounded").labels == {"a": "undec", "b": "undec", "c": "undec", "d": "undec"}
    assert solve(af, "stable").labels == {"a": "undec", "b": "undec", "c": "out", "d": "in"}


def test_no_stable_extension_has_no_labels() -> None:
    solution = solve(framework("abc", ["ab", "bc", "ca"]), "stable")
    assert solution.extensions == () and solution.labels is None
