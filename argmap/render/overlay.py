"""Overlays: what an analysis found, in the form a diagram draws it.

Renderers never compute analyses. The caller runs :mod:`argmap.analysis`, turns a result
into an :class:`Overlay` with one of the builders below, and hands the overlay to
:func:`argmap.render.render`. An overlay names *marks* (keys of
:data:`argmap.render.style.MARKS`; the theme decides how each looks), *badges* (short words
drawn in a statement), a fill intensity, the legend entries that explain them, and the
findings the HTML side panel lists per statement.

==========================  =====================================================================
highlight                   what the diagram shows
==========================  =====================================================================
``weak-links``              each weak link's place: a badge with its kind and severity, a border
``chains``                  the support chains to the claim (all, or a chosen one); the rest faded
``counterarguments``        attackers and their attacks by status: standing, contested, answered
``acceptability``           the label of every statement: in, out (faded) or undec
``strength``                each statement's strength as a number and a fill; relations by width
``flips``                   the statements of the smallest set whose removal flips a statement's
                            label (from :func:`argmap.explain`, not from an analysis)
==========================  =====================================================================

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Statement
>>> from argmap.analysis.results import Strength
>>> m = ArgumentMap(
...     title="T",
...     statements=[Statement(id="C", kind="claim", text="c"), Statement(id="P", kind="premise", text="p")],
...     relations=[Relation(id="S", type="support", sources="P", to="C")],
... )
>>> overlay = strength_overlay(m, Strength(model="df-quad", scores={"C": 0.75, "P": 0.5, "S": 0.5}))
>>> overlay.nodes["C"].fill, overlay.nodes["C"].badges[0].text
(0.75, '0.75')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Annotated, Any, NamedTuple, TypeAlias

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from argmap.analysis.results import (
    ANALYSIS_NAMES,
    Acceptability,
    Analysis,
    Counterargument,
    Explanation,
    Strength,
    SupportChains,
    WeakLink,
)
from argmap.errors import UnknownIdError, UsageError
from argmap.model import ArgumentMap, did_you_mean
from argmap.render.style import MARKS

Result: TypeAlias = (
    Analysis
    | SupportChains
    | Acceptability
    | Strength
    | Explanation
    | Sequence[WeakLink]
    | Sequence[Counterargument]
)

__all__ = [
    "HIGHLIGHTS",
    "Badge",
    "EdgeMark",
    "LegendEntry",
    "NodeMark",
    "Overlay",
    "acceptability_overlay",
    "analysis_findings",
    "chains_overlay",
    "counterarguments_overlay",
    "flips_overlay",
    "overlay_for",
    "strength_overlay",
    "weak_links_overlay",
]

HIGHLIGHTS: tuple[str, ...] = (*ANALYSIS_NAMES, "flips")  # flips: from an explanation (argmap.explain)
"""What an overlay can show, by the name ``argmap render --highlight`` takes."""

_STATUS_ORDER = ("standing", "contested", "answered")
_WEAK_LINK_MEANINGS = {
    "single-point-of-failure": "every support chain to the claim runs through it",
    "unsupported-premise": "nothing in the map supports it",
    "linked-premise": "it works only jointly with other premises: if it falls, the inference falls",
    "unanswered-attack": "it attacks, and nothing in the map defeats the attack",
    "circular-support": "it supports itself, through others, in a circle",
    "weak-inference": "the step on this line lends little support",
    "long-chain": "the ground of a long chain that carries little of its support",
    "open-critical-question": "the inference on this line follows a scheme whose critical questions "
    "the map leaves open (the label says how many)",
}
_VERBS = {"rebut": "rebuts", "undermine": "undermines", "undercut": "undercuts"}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_mark(mark: str) -> str:
    if mark not in MARKS:
        raise ValueError(f"unknown mark {mark!r}; known marks: {', '.join(MARKS)}")
    return mark


Mark = Annotated[str, AfterValidator(_check_mark)]


class Badge(_Frozen):
    """A few words drawn in a small box inside a statement, in the look of ``mark``."""

    text: str = Field(min_length=1)
    mark: Mark


class NodeMark(_Frozen):
    """What an overlay puts on one statement.

    ``mark`` sets the border (or fades the statement); ``badges`` are drawn under its
    text; ``fill`` in [0, 1] replaces the kind's fill by the theme's strength ramp.
    """

    mark: Mark | None = None
    badges: tuple[Badge, ...] = ()
    fill: float | None = Field(default=None, ge=0.0, le=1.0)


class EdgeMark(_Frozen):
    """What an overlay puts on one relation.

    ``mark`` sets the line's colour and width (or fades it); ``label`` is written beside
    it; ``width`` in [0, 1] sets the line width on a scale. For a relation drawn through
    a junction, ``links`` names the sources whose lines into the junction are marked
    too (``None``: all of them), and the lines from the other sources take
    ``other_links`` (``None``: drawn as usual); the arrow out of the junction takes ``mark``.
    """

    mark: Mark | None = None
    label: str | None = None
    width: float | None = Field(default=None, ge=0.0, le=1.0)
    links: tuple[str, ...] | None = None
    other_links: Mark | None = None


class LegendEntry(_Frozen):
    """One entry of an overlay's legend: a sample in the look of ``mark`` (with ``badge``
    and ``fill``, if given) and the ``text`` that says what it means.

    ``ids`` names the statements and relations drawn so; a diagram that draws none of
    them (a focus elsewhere) leaves the entry out. An entry without ``ids`` is always shown.
    """

    text: str
    mark: Mark | None = None
    badge: str | None = None
    fill: float | None = Field(default=None, ge=0.0, le=1.0)
    ids: tuple[str, ...] = ()


class Overlay(_Frozen):
    """Findings to draw over a map: marks by statement and relation id, and their legend.

    Parameters
    ----------
    highlight : str
        One of :data:`HIGHLIGHTS`.
    title : str
        The legend's heading.
    claim : str or None
        The claim the analysis was about.
    nodes, edges : dict
        A :class:`NodeMark` by statement id, an :class:`EdgeMark` by relation id.
    legend : tuple of LegendEntry
        What each mark used means.
    notes : tuple of str
        Lines of summary drawn in the legend (counts, the semantics...).
    findings : dict
        Sentences about a statement, by its id, for the HTML side panel.
    """

    highlight: str
    title: str
    claim: str | None = None
    nodes: dict[str, NodeMark] = {}
    edges: dict[str, EdgeMark] = {}
    legend: tuple[LegendEntry, ...] = ()
    notes: tuple[str, ...] = ()
    findings: dict[str, tuple[str, ...]] = {}

    @field_validator("highlight")
    @classmethod
    def _known_highlight(cls, value: str) -> str:
        if value not in HIGHLIGHTS:
            raise ValueError(f"unknown highlight {value!r}; known highlights: {', '.join(HIGHLIGHTS)}")
        return value


_COUNTERARGUMENT_LEGEND = (
    LegendEntry(mark="standing", badge="standing", text="nothing in the map defeats this attack"),
    LegendEntry(
        mark="contested", badge="contested", text="undecided: the map neither defeats nor accepts it"
    ),
    LegendEntry(mark="answered", badge="answered", text="defeated by an accepted attack"),
    LegendEntry(mark="answers", badge="answers X", text="its attack answers counterargument X"),
)


# -- the builders -----------------------------------------------------------------------


def weak_links_overlay(argument_map: ArgumentMap, weak_links: Sequence[WeakLink]) -> Overlay:
    """Weak links, each on its place: a badge naming its kind and severity, and a border.

    The badge goes where the weakness is: on the statement that is a single point of
    failure, the unsupported premise, each premise of a linked argument, each member of a
    circle, the attackers of an unanswered attack and the ground of a long chain; a weak
    inference is labelled on its line, as is the number of a scheme's critical questions
    an inference leaves open, and lines concerned are marked too.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map the weak links were found in.
    weak_links : sequence of WeakLink

    Returns
    -------
    Overlay

    Raises
    ------
    UnknownIdError
        If a weak link names no statement or relation of the map.

    Examples
    --------
    >>> from argmap.analysis.results import WeakLink
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c")])
    >>> link = WeakLink(kind="unsupported-premise", nodes=("C",), severity=0.8, explanation="No support.")
    >>> weak_links_overlay(m, [link]).nodes["C"].badges[0].text
    'unsupported premise 0.80'
    """
    _check_ids(argument_map, (i for link in weak_links for i in link.nodes))
    badges: dict[str, list[Badge]] = defaultdict(list)
    edges: dict[str, EdgeMark] = {}
    open_questions: Counter[str] = Counter()
    for link in weak_links:
        statements = [i for i in link.nodes if argument_map.has_statement(i)]
        relations = [i for i in link.nodes if not argument_map.has_statement(i)]
        if link.kind == "open-critical-question":
            open_questions.update(relations)
            continue
        badge = Badge(text=f"{link.kind.replace('-', ' ')} {link.severity:.2f}", mark="weak")
        if link.kind == "weak-inference":
            for relation in relations:
                edges[relation] = EdgeMark(mark="weak", label=badge.text)
            continue
        where = statements
        if link.kind in ("linked-premise", "long-chain"):
            where = statements[:1]
        elif link.kind == "unanswered-attack":
            where = [s for r in relations for s in argument_map.relation(r).sources]
        for statement in where:
            badges[statement].append(badge)
        for relation in relations:
            linked = statements[:1] if link.kind == "linked-premise" else None
            edges[relation] = _merge_links(edges.get(relation), EdgeMark(mark="weak", links=linked))
        if link.kind == "long-chain":
            for relation, source in _chain_relations(argument_map, statements):
                edges[relation] = _merge_links(edges.get(relation), EdgeMark(mark="weak", links=(source,)))
    for relation, number in open_questions.items():
        label = f"{number} open critical question{'s' if number != 1 else ''}"
        old = edges.get(relation)
        edges[relation] = (
            EdgeMark(mark="weak", label=label)
            if old is None
            else old.model_copy(
                update={"mark": "weak", "label": f"{old.label}; {label}" if old.label else label}
            )
        )
    kinds = list(dict.fromkeys(link.kind for link in weak_links))
    count = f"{len(weak_links)} weak link{'s' if len(weak_links) != 1 else ''}"
    return Overlay(
        highlight="weak-links",
        title="Weak links",
        nodes={i: NodeMark(mark="weak", badges=tuple(b)) for i, b in badges.items()},
        edges=edges,
        legend=tuple(
            LegendEntry(
                mark="weak",
                badge=kind.replace("-", " "),
                text=_WEAK_LINK_MEANINGS.get(kind, kind),
                ids=tuple(dict.fromkeys(i for link in weak_links if link.kind == kind for i in link.nodes)),
            )
            for kind in kinds
        ),
        notes=(f"{count}; the number on a badge is its severity, from 0 to 1 (higher is worse)",),
        findings=_weak_link_findings(argument_map, weak_links),
    )


def chains_overlay(argument_map: ArgumentMap, chains: SupportChains, *, chain: int | None = None) -> Overlay:
    """The support chains to the claim, or one of them, over a faded map.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map the chains were found in.
    chains : SupportChains
    chain : int, optional
        Show only this chain: its 1-based position among ``chains.chains`` (longest first).
        By default every listed chain is shown, each statement badged with the number of
        listed chains through it.

    Returns
    -------
    Overlay

    Raises
    ------
    UsageError
        If ``chain`` is not the position of a listed chain.
    UnknownIdError
        If a chain names no statement of the map.

    Examples
    --------
    >>> from argmap.analysis.results import SupportChains
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="T",
    ...     statements=[Statement(id=i, kind="premise", text=i) for i in ("C", "P", "Q")],
    ...     relations=[Relation(id="S", type="support", sources="P", to="C")],
    ... )
    >>> result = SupportChains(claim="C", count=1, max_depth=1, chains=(("P", "C"),), truncated=False)
    >>> overlay = chains_overlay(m, result, chain=1)
    >>> overlay.nodes["P"].badges[0].text, overlay.nodes["Q"].mark, overlay.edges["S"].mark
    ('ground', 'off-chain', 'chain')
    """
    _check_ids(argument_map, (i for c in chains.chains for i in c))
    listed = len(chains.chains)
    if chain is not None and not 1 <= chain <= listed:
        where = f"1 to {listed}" if listed else "none"
        raise UsageError(f"there is no chain {chain}: the analysis lists {listed} chains ({where})")
    shown = chains.chains if chain is None else (chains.chains[chain - 1],)
    through = Counter(i for c in shown for i in dict.fromkeys(c))
    nodes: dict[str, NodeMark] = {}
    for statement in argument_map.statements:
        if statement.id not in through and statement.id != chains.claim:
            nodes[statement.id] = NodeMark(mark="off-chain")
    if chain is not None:
        (path,) = shown
        for step, statement_id in enumerate(path):
            nodes[statement_id] = NodeMark(
                mark="chain", badges=(Badge(text="ground" if step == 0 else f"step {step}", mark="chain"),)
            )
    else:
        for statement_id, count in through.items():
            text = f"on {count} chain{'s' if count != 1 else ''}"
            nodes[statement_id] = NodeMark(mark="chain", badges=(Badge(text=text, mark="chain"),))
    if not through:
        nodes[chains.claim] = NodeMark(mark="chain")
    edges = {r.key: EdgeMark(mark="off-chain") for r in argument_map.relations}
    used: dict[str, set[str]] = defaultdict(set)
    for path in shown:
        for relation, source in _chain_relations(argument_map, path):
            used[relation].add(source)
    for relation, sources in used.items():
        edges[relation] = EdgeMark(mark="chain", links=tuple(sorted(sources)), other_links="off-chain")
    on = [i for i, m in nodes.items() if m.mark == "chain"] + sorted(used)
    off = [i for i, m in nodes.items() if m.mark == "off-chain"] + [i for i in edges if i not in used]
    notes: tuple[str, ...]
    if chain is not None:
        notes = (f"chain {chain} of {chains.count} to {chains.claim}: {' > '.join(shown[0])}",)
    else:
        notes = (
            f"{chains.count} support chain{'s' if chains.count != 1 else ''} reach {chains.claim}; "
            f"the longest has {chains.max_depth} step{'s' if chains.max_depth != 1 else ''}",
        )
        if chains.truncated:
            notes += (f"shown: the {listed} longest",)
    return Overlay(
        highlight="chains",
        title="Support chains" if chain is None else "A support chain",
        claim=chains.claim,
        nodes=nodes,
        edges=edges,
        legend=(
            LegendEntry(
                mark="chain",
                badge="step 1" if chain is not None else "on 3 chains",
                text="on the chain, and its step from the ground"
                if chain is not None
                else "on a chain to the claim, and how many pass through it",
                ids=tuple(on),
            ),
            *([LegendEntry(mark="off-chain", text="not on a chain shown", ids=tuple(off))] if off else []),
        ),
        notes=notes,
        findings=_chain_findings(chains),
    )


def counterarguments_overlay(
    argument_map: ArgumentMap, counterarguments: Sequence[Counterargument]
) -> Overlay:
    """Counterarguments by status: their attackers badged, their attacks marked.

    A statement that attacks in several counterarguments takes the mark of the most
    serious status (standing, then contested, then answered) and a badge for each; the
    statements whose attacks answer a counterargument are badged ``answers ...``.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map the counterarguments were found in.
    counterarguments : sequence of Counterargument

    Returns
    -------
    Overlay

    Raises
    ------
    UnknownIdError
        If a counterargument names no statement or relation of the map.

    Examples
    --------
    >>> from argmap.analysis.results import Counterargument
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="T",
    ...     statements=[
    ...         Statement(id="C", kind="claim", text="c"), Statement(id="R", kind="rebuttal", text="r")
    ...     ],
    ...     relations=[Relation(id="A", type="attack", sources="R", to="C")],
    ... )
    >>> found = Counterargument(
    ...     attacker="R", attackers=("R",), target="C", relation="A", kind="rebut", status="standing"
    ... )
    >>> overlay = counterarguments_overlay(m, [found])
    >>> overlay.nodes["R"].badges[0].text, overlay.edges["A"].mark
    ('standing: rebuts C', 'standing')
    """
    _check_ids(
        argument_map,
        (i for c in counterarguments for i in (*c.attackers, c.target, c.relation, *c.answered_by)),
    )
    badges: dict[str, list[Badge]] = defaultdict(list)
    statuses: dict[str, set[str]] = defaultdict(set)
    edges: dict[str, EdgeMark] = {}
    answers: dict[str, list[Badge]] = defaultdict(list)
    for found in counterarguments:
        badge = Badge(text=f"{found.status}: {_VERBS[found.kind]} {found.target}", mark=found.status)
        for attacker in found.attackers:
            badges[attacker].append(badge)
            statuses[attacker].add(found.status)
        edges[found.relation] = EdgeMark(mark=found.status)
        for defender in found.answered_by:
            answers[defender].append(Badge(text=f"answers {found.attacker}", mark="answers"))
    nodes = {
        i: NodeMark(mark=next(s for s in _STATUS_ORDER if s in statuses[i]), badges=tuple(b))
        for i, b in badges.items()
    }
    for defender, more in answers.items():
        mark = nodes[defender].mark if defender in nodes else "answers"
        nodes[defender] = NodeMark(mark=mark, badges=(*nodes.get(defender, NodeMark()).badges, *more))
    carriers: dict[str, list[str]] = defaultdict(list)
    for identifier, node in nodes.items():
        for mark in dict.fromkeys(b.mark for b in node.badges):
            carriers[mark].append(identifier)
    for identifier, edge in edges.items():
        carriers[edge.mark or ""].append(identifier)
    counts: Counter[str] = Counter(c.status for c in counterarguments)
    summary = ", ".join(f"{counts[s]} {s}" for s in _STATUS_ORDER if counts[s])
    return Overlay(
        highlight="counterarguments",
        title="Counterarguments",
        nodes=nodes,
        edges=edges,
        legend=tuple(
            entry.model_copy(update={"ids": tuple(carriers[entry.mark or ""])})
            for entry in _COUNTERARGUMENT_LEGEND
            if carriers.get(entry.mark or "")
        ),
        notes=(
            f"{len(counterarguments)} counterargument{'s' if len(counterarguments) != 1 else ''}"
            + (f": {summary}" if summary else ""),
        ),
        findings=_counterargument_findings(counterarguments),
    )


def acceptability_overlay(argument_map: ArgumentMap, acceptability: Acceptability) -> Overlay:
    """Every statement labelled ``in``, ``out`` (faded) or ``undec``; relations out faded.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map the labels were computed for.
    acceptability : Acceptability

    Returns
    -------
    Overlay

    Raises
    ------
    UnknownIdError
        If a label names no statement or relation of the map.

    Examples
    --------
    >>> from argmap.analysis.results import Acceptability
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c")])
    >>> result = Acceptability(semantics="grounded", support="none", labels={"C": "in"}, claim="C",
    ...     credulous=True, skeptical=True, extensions=1)
    >>> acceptability_overlay(m, result).nodes["C"].badges[0].text
    'IN'
    """
    _check_ids(argument_map, acceptability.labels)
    nodes: dict[str, NodeMark] = {}
    edges: dict[str, EdgeMark] = {}
    for identifier, label in acceptability.labels.items():
        if argument_map.has_statement(identifier):
            nodes[identifier] = NodeMark(mark=label, badges=(Badge(text=label.upper(), mark=label),))
        elif label != "in":
            edges[identifier] = EdgeMark(mark=label)
    grounded = acceptability.semantics == "grounded"
    view = "in the grounded labelling" if grounded else "in every extension"
    support = f", supports: {acceptability.support}" if acceptability.support != "none" else ""
    verdict = "accepted" if acceptability.skeptical else "not accepted"
    extensions = (
        ""
        if grounded
        else f" ({acceptability.extensions} extensions; credulously "
        + ("accepted)" if acceptability.credulous else "not accepted)")
    )
    return Overlay(
        highlight="acceptability",
        title=f"Acceptability ({acceptability.semantics} semantics{support})",
        claim=acceptability.claim,
        nodes=nodes,
        edges=edges,
        legend=tuple(
            entry.model_copy(
                update={"ids": tuple(i for i, lab in acceptability.labels.items() if lab == entry.mark)}
            )
            for entry in (
                LegendEntry(mark="in", badge="IN", text=f"accepted: {view}"),
                LegendEntry(
                    mark="out",
                    badge="OUT",
                    text="rejected: attacked by an accepted argument"
                    + ("" if grounded else " in every extension"),
                ),
                LegendEntry(mark="undec", badge="UNDEC", text="undecided: neither in nor out"),
            )
            if entry.mark in set(acceptability.labels.values())
        ),
        notes=(f"{acceptability.claim} is {verdict}{extensions}",),
        findings=_label_findings(argument_map, acceptability),
    )


def strength_overlay(argument_map: ArgumentMap, strength: Strength) -> Overlay:
    """Each statement's strength as a number and a fill; each relation's as a line width.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map the strengths were computed for.
    strength : Strength

    Returns
    -------
    Overlay

    Raises
    ------
    UnknownIdError
        If a score names no statement or relation of the map.

    Examples
    --------
    >>> from argmap.analysis.results import Strength
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c")])
    >>> strength_overlay(m, Strength(model="df-quad", scores={"C": 0.25})).nodes["C"].fill
    0.25
    """
    _check_ids(argument_map, strength.scores)
    nodes: dict[str, NodeMark] = {}
    edges: dict[str, EdgeMark] = {}
    for identifier, score in strength.scores.items():
        value = min(1.0, max(0.0, score))
        if argument_map.has_statement(identifier):
            nodes[identifier] = NodeMark(fill=value, badges=(Badge(text=f"{value:.2f}", mark="strength"),))
        else:
            edges[identifier] = EdgeMark(width=value)
    return Overlay(
        highlight="strength",
        title=f"Strength ({strength.model})",
        nodes=nodes,
        edges=edges,
        legend=(
            LegendEntry(mark="strength", badge="0.00", fill=0.0, text="weakest"),
            LegendEntry(mark="strength", badge="0.50", fill=0.5, text="middling"),
            LegendEntry(mark="strength", badge="1.00", fill=1.0, text="strongest"),
            LegendEntry(text="the wider a line, the stronger the relation"),
        ),
        notes=("gradual strength in [0, 1]: the number, and the darker the fill, the stronger",),
        findings=_strength_findings(argument_map, strength),
    )


def flips_overlay(argument_map: ArgumentMap, explanation: Explanation) -> Overlay:
    """The statements of the smallest flip set of an explanation, and the statement it flips.

    The first listed set of minimum size is marked (``flip``), each of its statements badged
    with what removing the set does; the statement explained is badged with its label.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map explained.
    explanation : Explanation
        From :func:`argmap.explain`.

    Returns
    -------
    Overlay

    Raises
    ------
    UnknownIdError
        If the explanation names no statement of the map.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads('''
    ... argmap: 1
    ... title: T
    ... statements:
    ...   - {id: C, kind: claim, text: c}
    ...   - {id: B, kind: rebuttal, text: b}
    ...   - {id: A, kind: rebuttal, text: a}
    ... relations:
    ...   - {id: R1, type: attack, from: B, to: C}
    ...   - {id: R2, type: attack, from: A, to: B}
    ... ''')
    >>> overlay = flips_overlay(m, argmap.explain(m, "C"))
    >>> overlay.nodes["A"].mark, overlay.nodes["A"].badges[0].text, overlay.nodes["C"].badges[0].text
    ('flip', 'remove: C becomes out', 'IN')
    """
    flips = explanation.flips
    target = explanation.statement
    _check_ids(argument_map, (target, *(i for chosen in flips.sets for i in chosen)))
    nodes = {
        target: NodeMark(
            mark=explanation.label,
            badges=(Badge(text=explanation.label.upper(), mark=explanation.label),),
        )
    }
    chosen = flips.sets[0] if flips.sets else ()
    new_label = flips.labels[0] if flips.labels else explanation.label
    for statement in chosen:
        nodes[statement] = NodeMark(
            mark="flip", badges=(Badge(text=f"remove: {target} becomes {new_label}", mark="flip"),)
        )
    if flips.size is None:
        note = f"no removal of other statements changes the label of {target}"
    else:
        count = len(flips.sets)
        exact = "" if flips.exact else " (smallest found: the search was not exhaustive)"
        more = "+" if flips.truncated else ""
        note = (
            f"removing {', '.join(chosen)} makes {target} {new_label}; "
            f"{count}{more} set{'s' if count != 1 else ''} of size {flips.size}{exact}"
        )
    legend = (
        LegendEntry(
            mark="flip",
            badge="remove",
            text=f"removing these together changes the label of {target}",
            ids=chosen,
        ),
        LegendEntry(
            mark=explanation.label,
            badge=explanation.label.upper(),
            text="the statement explained, and its label now",
            ids=(target,),
        ),
    )
    return Overlay(
        highlight="flips",
        title=f"What would flip {target} ({explanation.semantics} semantics)",
        claim=target,
        nodes=nodes,
        legend=tuple(entry for entry in legend if entry.ids),
        notes=(note,),
    )


def overlay_for(
    argument_map: ArgumentMap,
    result: Result,
    highlight: str | None = None,
    *,
    chain: int | None = None,
    top: int | None = None,
) -> Overlay:
    """The overlay that shows ``result``: the one entry point for callers and the command line.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map ``result`` is about.
    result : Analysis, SupportChains, Acceptability, Strength, Explanation, or a sequence of WeakLink
        or Counterargument
        What to show (an Explanation shows as ``flips``).
    highlight : str, optional
        One of :data:`HIGHLIGHTS`; required for an :class:`~argmap.analysis.Analysis` (which
        holds them all) and an empty sequence, else taken from the result's type (and then,
        if given, it must agree).
    chain : int, optional
        For ``chains``: show only this chain (1-based, longest first).
    top : int, optional
        For ``weak-links`` and ``counterarguments``: draw only the ``top`` findings that
        matter most (weak links by severity, counterarguments standing first, then
        contested, then answered; ties in the result's order), and say in the legend how
        many are left out. ``None`` (the default) draws them all.

    Returns
    -------
    Overlay
        For an :class:`~argmap.analysis.Analysis`, its findings cover the whole analysis
        (weak links, label, strength and counterarguments of each statement), whatever
        the highlight.

    Raises
    ------
    UsageError
        If ``highlight`` is unknown, missing where it is needed, or does not fit the result;
        if ``chain`` is given for another highlight than ``chains``; if the analysis has no
        strength and ``strength`` is asked for.
    UnknownIdError
        If the result names ids the map does not have.

    Examples
    --------
    >>> from argmap.analysis.results import Strength
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c")])
    >>> overlay_for(m, Strength(model="df-quad", scores={"C": 0.5})).highlight
    'strength'
    >>> overlay_for(m, [], "glow")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown highlight 'glow'; known highlights: chains, weak-links, \
counterarguments, acceptability, strength, flips
    """
    if highlight is not None and highlight not in HIGHLIGHTS:
        raise UsageError(f"unknown highlight {highlight!r}; known highlights: {', '.join(HIGHLIGHTS)}")
    if chain is not None and (highlight or _highlight_of(result)) != "chains":
        raise UsageError("a chain can be chosen only when highlighting chains")
    if isinstance(result, Analysis):
        if highlight is None:
            raise UsageError(f"say what to highlight of the analysis: one of {', '.join(HIGHLIGHTS)}")
        overlay = _overlay_of_analysis(argument_map, result, highlight, chain, top)
        return overlay.model_copy(
            update={"claim": result.claim, "findings": analysis_findings(argument_map, result)}
        )
    found = _highlight_of(result)
    if found is None and highlight is None:
        raise UsageError(f"say what to highlight: one of {', '.join(HIGHLIGHTS)}")
    if found is not None and highlight is not None and found != highlight:
        raise UsageError(f"a {type(result).__name__} result cannot be highlighted as {highlight!r}")
    chosen = found or highlight
    drawing = _DRAWINGS[chosen] if chosen is not None else None
    empty = isinstance(result, Sequence) and not result
    if drawing is None or (found is None and not (empty and drawing.many)):
        raise UsageError(f"a {type(result).__name__} result cannot be highlighted as {chosen!r}")
    return drawing.draw(argument_map, result, chain, top)


def analysis_findings(argument_map: ArgumentMap, analysis: Analysis) -> dict[str, tuple[str, ...]]:
    """What an analysis says about each statement, in sentences, by statement id.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map analysed.
    analysis : Analysis

    Returns
    -------
    dict
        Statement id to sentences: its label, its strength, the weak links and the
        counterarguments that name it, the support chains through it.

    Examples
    --------
    >>> from argmap.analysis.results import Acceptability, Analysis, SupportChains
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c")])
    >>> analysis = Analysis(
    ...     claim="C",
    ...     support_chains=SupportChains(claim="C", count=0, max_depth=0, chains=(), truncated=False),
    ...     weak_links=(), counterarguments=(),
    ...     acceptability=Acceptability(semantics="grounded", support="none", labels={"C": "in"},
    ...         claim="C", credulous=True, skeptical=True, extensions=1),
    ...     strength=None,
    ... )
    >>> analysis_findings(m, analysis)["C"]
    ('label: in (grounded semantics)', 'support chains to it: 0, the longest 0 steps')
    """
    parts = [
        _label_findings(argument_map, analysis.acceptability),
        _strength_findings(argument_map, analysis.strength) if analysis.strength is not None else {},
        _chain_findings(analysis.support_chains),
        _weak_link_findings(argument_map, analysis.weak_links),
        _counterargument_findings(analysis.counterarguments),
    ]
    merged: dict[str, list[str]] = defaultdict(list)
    for part in parts:
        for identifier, sentences in part.items():
            merged[identifier].extend(sentences)
    return {s.id: tuple(merged[s.id]) for s in argument_map.statements if merged.get(s.id)}


# -- helpers ----------------------------------------------------------------------------


def _top_weak_links(argument_map: ArgumentMap, links: Sequence[WeakLink], top: int | None) -> Overlay:
    """The overlay of the ``top`` most severe weak links, saying how many are left out."""
    if top is None or top >= len(links):
        return weak_links_overlay(argument_map, links)
    ranked = sorted(range(len(links)), key=lambda i: -links[i].severity)[:top]
    shown = [links[i] for i in sorted(ranked)]
    overlay = weak_links_overlay(argument_map, shown)
    note = f"the {top} most severe of {len(links)} weak links drawn; {len(links) - top} left out"
    return overlay.model_copy(update={"notes": (note, *overlay.notes[1:]) if overlay.notes else (note,)})


def _top_counterarguments(
    argument_map: ArgumentMap, found: Sequence[Counterargument], top: int | None
) -> Overlay:
    """The overlay of the ``top`` counterarguments that matter most, saying how many are left out."""
    if top is None or top >= len(found):
        return counterarguments_overlay(argument_map, found)
    ranked = sorted(range(len(found)), key=lambda i: _STATUS_ORDER.index(found[i].status))[:top]
    overlay = counterarguments_overlay(argument_map, [found[i] for i in sorted(ranked)])
    note = f"the {top} most serious of {len(found)} counterarguments drawn; {len(found) - top} left out"
    return overlay.model_copy(update={"notes": (*overlay.notes, note)})


class _Drawing(NamedTuple):
    """How one kind of result is drawn: the type it is keyed by, its field in an Analysis, its overlay."""

    kind: type[BaseModel]
    many: bool  # drawn from a sequence of results of the kind (weak links, counterarguments)
    field: str  # where an Analysis holds it
    draw: Callable[[ArgumentMap, Any, int | None, int | None], Overlay]  # (map, result, chain, top)


# One entry per highlight: the result type each is keyed by, and the overlay that draws it.
_DRAWINGS: dict[str, _Drawing] = {
    "weak-links": _Drawing(WeakLink, True, "weak_links", lambda m, r, _, top: _top_weak_links(m, r, top)),
    "chains": _Drawing(
        SupportChains, False, "support_chains", lambda m, r, c, _: chains_overlay(m, r, chain=c)
    ),
    "counterarguments": _Drawing(
        Counterargument, True, "counterarguments", lambda m, r, _, top: _top_counterarguments(m, r, top)
    ),
    "acceptability": _Drawing(
        Acceptability, False, "acceptability", lambda m, r, *_: acceptability_overlay(m, r)
    ),
    "strength": _Drawing(Strength, False, "strength", lambda m, r, *_: strength_overlay(m, r)),
    "flips": _Drawing(Explanation, False, "", lambda m, r, *_: flips_overlay(m, r)),
}
_HIGHLIGHT_OF_TYPE: dict[type[BaseModel], str] = {drawing.kind: name for name, drawing in _DRAWINGS.items()}


def _overlay_of_analysis(
    argument_map: ArgumentMap, analysis: Analysis, highlight: str, chain: int | None, top: int | None
) -> Overlay:
    if highlight == "flips":
        raise UsageError("flips come from an explanation (argmap.explain), not from an analysis")
    part = getattr(analysis, _DRAWINGS[highlight].field)
    if part is None:
        raise UsageError("the analysis has no strength to highlight (it ran with strength_model='none')")
    return _DRAWINGS[highlight].draw(argument_map, part, chain, top)


def _highlight_of(result: Result) -> str | None:
    """The highlight a result's type is drawn as (a sequence: its items' type), or None."""
    if isinstance(result, Sequence):
        found = {_HIGHLIGHT_OF_TYPE.get(type(item)) for item in result}
        if len(found) > 1 or None in found or any(not _DRAWINGS[h].many for h in found if h is not None):
            raise UsageError("a sequence of results must hold only weak links or only counterarguments")
        return found.pop() if found else None
    highlight = _HIGHLIGHT_OF_TYPE.get(type(result))
    return highlight if highlight is not None and not _DRAWINGS[highlight].many else None


def _check_ids(argument_map: ArgumentMap, ids: Iterable[str]) -> None:
    for identifier in ids:
        if not argument_map.has_statement(identifier) and not _has_relation(argument_map, identifier):
            known = [s.id for s in argument_map.statements] + [r.key for r in argument_map.relations]
            raise UnknownIdError(
                f"the result names {identifier!r}, which is no statement or relation of the map "
                f"{argument_map.title!r}{did_you_mean(identifier, known)}"
            )


def _has_relation(argument_map: ArgumentMap, identifier: str) -> bool:
    try:
        argument_map.relation(identifier)
    except UnknownIdError:
        return False
    return True


def _chain_relations(argument_map: ArgumentMap, path: Sequence[str]) -> list[tuple[str, str]]:
    """(relation id, source) of the supports that carry each step of ``path``."""
    steps = []
    for source, target in pairwise(path):
        for relation in argument_map.relations_into(target):
            if relation.type == "support" and source in relation.sources:
                steps.append((relation.key, source))
    return steps


def _merge_links(old: EdgeMark | None, new: EdgeMark) -> EdgeMark:
    if old is None or old.links is None or new.links is None:
        return new if old is None else old.model_copy(update={"links": None})
    return old.model_copy(update={"links": tuple(dict.fromkeys((*old.links, *new.links)))})


def _weak_link_findings(
    argument_map: ArgumentMap, weak_links: Sequence[WeakLink]
) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    open_questions: dict[str, list[str]] = defaultdict(list)
    for link in weak_links:
        if link.kind == "open-critical-question" and link.question is not None:
            open_questions[link.nodes[-1]].append(link.question)
            continue
        sentence = f"weak link ({link.kind}, severity {link.severity:.2f}): {link.explanation}"
        for identifier in dict.fromkeys(link.nodes):
            if argument_map.has_statement(identifier):
                found[identifier].append(sentence)
    # One sentence per inference, on its premises: its conclusion may close dozens of inferences.
    for relation_id, questions in open_questions.items():
        relation = argument_map.relation(relation_id)
        sentence = (
            f"open critical questions of {relation_id} ({relation.scheme}, to {relation.to}): "
            f"{', '.join(questions)}"
        )
        for source in relation.sources:
            found[source].append(sentence)
    return {k: tuple(v) for k, v in found.items()}


def _chain_findings(chains: SupportChains) -> dict[str, tuple[str, ...]]:
    steps = f"{chains.max_depth} step{'s' if chains.max_depth != 1 else ''}"
    found: dict[str, tuple[str, ...]] = {
        chains.claim: (f"support chains to it: {chains.count}, the longest {steps}",)
    }
    through = Counter(i for c in chains.chains for i in dict.fromkeys(c) if i != chains.claim)
    for identifier, count in through.items():
        found[identifier] = (
            f"on {count} of the {len(chains.chains)} listed support chains to {chains.claim}",
        )
    return found


def _counterargument_findings(counterarguments: Sequence[Counterargument]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for c in counterarguments:
        answered = f", answered by {', '.join(c.answered_by)}" if c.answered_by else ""
        attackers = " + ".join(c.attackers)
        found[c.target].append(
            f"counterargument: {attackers} {_VERBS[c.kind]} it ({c.relation}): {c.status}{answered}"
        )
        for attacker in c.attackers:
            found[attacker].append(
                f"counterargument: {_VERBS[c.kind]} {c.target} ({c.relation}): {c.status}{answered}"
            )
        for defender in c.answered_by:
            found[defender].append(f"answers the counterargument {c.relation} of {c.attacker}")
    return {k: tuple(v) for k, v in found.items()}


def _label_findings(argument_map: ArgumentMap, acceptability: Acceptability) -> dict[str, tuple[str, ...]]:
    return {
        i: (f"label: {label} ({acceptability.semantics} semantics)",)
        for i, label in acceptability.labels.items()
        if argument_map.has_statement(i)
    }


def _strength_findings(argument_map: ArgumentMap, strength: Strength) -> dict[str, tuple[str, ...]]:
    return {
        i: (f"strength: {score:.2f} ({strength.model})",)
        for i, score in strength.scores.items()
        if argument_map.has_statement(i)
    }
