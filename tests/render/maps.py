"""Maps and hand-made analysis results shared by the render tests.

The results are written out by hand (not computed), so that these tests do not depend on
the analyzers: they check how a given result is drawn.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from argmap.analysis.results import (
    Acceptability,
    Analysis,
    Counterargument,
    Strength,
    SupportChains,
    WeakLink,
)
from argmap.model import ArgumentMap, Relation, Statement

SVG = "{http://www.w3.org/2000/svg}"


def school_map(sections: bool = False) -> ArgumentMap:
    """All kinds, a linked support, an undercut, a rebuttal answered; optionally in two sections."""

    def section(name: str) -> str | None:
        return name if sections else None

    return ArgumentMap(
        title="Should schools ban phones in lessons?",
        main_claim="C1",
        statements=[
            Statement(
                id="C1", kind="claim", text="Schools should ban phones in lessons.", section=section("Case")
            ),
            Statement(id="C2", kind="claim", text="Phones in class harm learning.", section=section("Case")),
            Statement(id="P1", kind="premise", text="Phones pull attention away.", section=section("Case")),
            Statement(id="P2", kind="premise", text="Attention is needed to learn.", section=section("Case")),
            Statement(id="E1", kind="evidence", text="Scores rose 6% after bans.", section=section("Case")),
            Statement(
                id="R1",
                kind="rebuttal",
                text="Students need phones in emergencies.",
                section=section("Objections"),
            ),
            Statement(
                id="P4",
                kind="premise",
                text="The office can reach any parent.",
                section=section("Objections"),
            ),
            Statement(
                id="R3",
                kind="rebuttal",
                text="Scores rose as much without a ban.",
                section=section("Objections"),
            ),
        ],
        relations=[
            Relation(id="S1", type="support", sources=["P1", "P2"], to="C2"),
            Relation(id="S2", type="support", sources="C2", to="C1"),
            Relation(id="S3", type="support", sources="E1", to="C1"),
            Relation(id="U1", type="attack", sources="R3", to="S3"),
            Relation(id="A1", type="attack", sources="R1", to="C1"),
            Relation(id="A2", type="attack", sources="P4", to="R1"),
        ],
    )


CHAINS = SupportChains(
    claim="C1",
    count=3,
    max_depth=2,
    chains=(("P1", "C2", "C1"), ("P2", "C2", "C1"), ("E1", "C1")),
    truncated=False,
)
WEAK_LINKS = (
    WeakLink(
        kind="unanswered-attack", nodes=("R3", "S3", "U1"), severity=0.75, explanation="R3 undercuts S3."
    ),
    WeakLink(kind="weak-inference", nodes=("E1", "C1", "S3"), severity=0.6, explanation="S3 is weak."),
    WeakLink(kind="unsupported-premise", nodes=("P1",), severity=0.5, explanation="Nothing supports P1."),
    WeakLink(kind="linked-premise", nodes=("P1", "S1", "C2"), severity=0.4, explanation="P1 works jointly."),
)
COUNTERARGUMENTS = (
    Counterargument(
        attacker="R1",
        attackers=("R1",),
        target="C1",
        relation="A1",
        kind="rebut",
        status="answered",
        answered_by=("P4",),
    ),
    Counterargument(
        attacker="R3", attackers=("R3",), target="S3", relation="U1", kind="undercut", status="standing"
    ),
)
LABELS = {
    **dict.fromkeys(("C1", "C2", "P1", "P2", "E1", "P4", "R3", "S1", "S2", "U1", "A2"), "in"),
    **dict.fromkeys(("R1", "S3", "A1"), "out"),
}
ACCEPTABILITY = Acceptability(
    semantics="grounded",
    support="none",
    labels=LABELS,  # type: ignore[arg-type]
    claim="C1",
    credulous=True,
    skeptical=True,
    extensions=1,
)
STRENGTH = Strength(
    model="df-quad",
    scores={
        "C1": 0.8,
        "C2": 0.75,
        "P1": 0.5,
        "P2": 0.5,
        "E1": 0.5,
        "R1": 0.25,
        "P4": 0.5,
        "R3": 0.5,
        "S1": 0.5,
        "S2": 0.75,
        "S3": 0.25,
        "U1": 0.5,
        "A1": 0.25,
        "A2": 0.5,
    },
)
ANALYSIS = Analysis(
    claim="C1",
    support_chains=CHAINS,
    weak_links=WEAK_LINKS,
    counterarguments=COUNTERARGUMENTS,
    acceptability=ACCEPTABILITY,
    strength=STRENGTH,
)


def groups(root: ET.Element, css_class: str) -> list[ET.Element]:
    """The SVG groups whose class list holds ``css_class``."""
    return [g for g in root.iter(f"{SVG}g") if css_class in g.get("class", "").split()]


def by_id(root: ET.Element, identifier: str) -> ET.Element:
    """The SVG group with this id."""
    (found,) = (g for g in root.iter(f"{SVG}g") if g.get("id") == identifier)
    return found


def classes(group: ET.Element) -> set[str]:
    return set(group.get("class", "").split())


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def shape_colours(group: ET.Element) -> list[tuple[str, str]]:
    """(fill, stroke) of the outline shapes of a node or edge group, upper-case."""
    return [
        (shape.get("fill", "").upper(), shape.get("stroke", "").upper())
        for shape in group.iter()
        if shape.tag in (f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse")
    ]
