"""Analysis results as reports for people: rich tables for a terminal, Markdown for notes.

:func:`rich_summary` is what ``argmap analyze`` prints first in a terminal: the claim's
status and strength, the weak links grouped by kind with counts and their most severe
examples, and the counterarguments still standing. The full reports (``--details``) show
the same sections in the same order: the claim, its support chains (as many as were
listed, ``max_chains``),
acceptability, strength, weak links, the open critical questions (weak links of kind
``open-critical-question``, one short row each rather than a sentence; in the terminal one
row per inference, listing its open questions' ids) and
counterarguments. Every piece of map text is escaped (Markdown) or passed to rich as
plain text (never as markup).
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.analysis.results import Analysis, WeakLink
from argmap.escape import markdown_inline
from argmap.model import ArgumentMap
from argmap.schemes import active_catalogue
from argmap.summary import counted

__all__ = ["markdown_report", "rich_report", "rich_summary"]

OPEN_QUESTION = "open-critical-question"
EXAMPLES_SHOWN = 3
"""Weak links shown per kind in the summary (the most severe first)."""


def _question_rows(result: Analysis, argument_map: ArgumentMap) -> list[tuple[str, str, str, str]]:
    """(relation, scheme, question id, question text) per open critical question, in map order."""
    catalogue = active_catalogue()
    place = {r.key: i for i, r in enumerate(argument_map.relations)}
    rows = []
    for link in result.weak_links:
        if link.kind != OPEN_QUESTION or link.scheme is None or link.question is None:
            continue
        scheme = catalogue.get(link.scheme)
        if scheme is not None and link.question in scheme.question_ids:
            order, text = scheme.question_ids.index(link.question), scheme.question(link.question).text
        else:
            order, text = 0, link.explanation
        key = (place.get(link.nodes[-1], len(place)), order)
        rows.append((key, (link.nodes[-1], link.scheme, link.question, text)))
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def _other_links(result: Analysis) -> list[WeakLink]:
    return [link for link in result.weak_links if link.kind != OPEN_QUESTION]


def _summary_lines(result: Analysis, argument_map: ArgumentMap) -> list[tuple[str, str]]:
    chains = result.support_chains
    acceptability = result.acceptability
    label = acceptability.labels.get(result.claim, "undec")
    lines = [
        ("claim", f"{result.claim}: {argument_map.statement(result.claim).text}"),
        ("support chains", f"{chains.count} (longest: {counted(chains.max_depth, 'step')})"),
        (
            f"acceptability ({acceptability.semantics}, support: {acceptability.support})",
            f"{label}; credulously {'accepted' if acceptability.credulous else 'not accepted'}, "
            f"skeptically {'accepted' if acceptability.skeptical else 'not accepted'} "
            f"({counted(acceptability.extensions, 'extension')})",
        ),
    ]
    if result.strength is not None:
        lines.append((f"strength ({result.strength.model})", f"{result.strength.scores[result.claim]:.3f}"))
    if chains.ignored_edges:
        cut = ", ".join(f"{s}->{t}" for s, t in chains.ignored_edges)
        lines.append(("cycle edges ignored", cut))
    return lines


def rich_summary(result: Analysis, argument_map: ArgumentMap) -> RenderableType:
    """The few findings that matter, for ``argmap analyze`` in a terminal (``--details``: all).

    Parameters
    ----------
    result : Analysis
    argument_map : ArgumentMap
        The map ``result`` was computed on.

    Returns
    -------
    rich.console.RenderableType
        The claim with its label and strength; the weak links by kind (a count, what the
        kind means by example, the :data:`EXAMPLES_SHOWN` most severe places); the standing
        counterarguments; and how to see everything. Ids are never cut: long cells wrap.

    Examples
    --------
    >>> import io, argmap, rich.console
    >>> from argmap.analysis import analyze
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> console = rich.console.Console(width=100, file=io.StringIO())
    >>> console.print(rich_summary(analyze(m), m))
    >>> text = console.file.getvalue()
    >>> "weak links by kind" in text, len(text.splitlines()) <= 100
    (True, True)
    """
    parts: list[RenderableType] = []
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold", no_wrap=True)
    head.add_column(overflow="fold")
    for name, value in _summary_lines(result, argument_map):
        head.add_row(Text(name), Text(value))
    parts.append(head)

    groups: dict[str, list[WeakLink]] = {}
    for link in sorted(result.weak_links, key=lambda w: -w.severity):
        groups.setdefault(link.kind, []).append(link)
    weak = Table(
        title=f"weak links by kind ({len(result.weak_links)} in all)", title_justify="left", expand=False
    )
    weak.add_column("kind", overflow="fold")
    weak.add_column("count", justify="right", overflow="fold")
    weak.add_column("worst", justify="right", overflow="fold")
    weak.add_column(f"most severe (up to {EXAMPLES_SHOWN})", overflow="fold")
    for kind, links in sorted(groups.items(), key=lambda item: (-item[1][0].severity, item[0])):
        distinct = list(dict.fromkeys(", ".join(link.nodes) for link in links))
        places = "; ".join(distinct[:EXAMPLES_SHOWN])
        more = f" (+{len(distinct) - EXAMPLES_SHOWN} more places)" if len(distinct) > EXAMPLES_SHOWN else ""
        weak.add_row(Text(kind), str(len(links)), f"{links[0].severity:.2f}", Text(places + more))
    parts.append(weak)

    standing = [c for c in result.counterarguments if c.status == "standing"]
    statuses = {s: sum(c.status == s for c in result.counterarguments) for s in ("answered", "contested")}
    if not standing:
        others = ", ".join(f"{n} {s}" for s, n in statuses.items() if n)
        parts.append(
            Text(
                f"counterarguments: {len(result.counterarguments)}, none standing"
                + (f" ({others})" if others else "")
            )
        )
        parts.append(Text("the full report: argmap analyze MAP --details (or --format markdown, json)"))
        return Group(*parts)
    counter = Table(
        title=f"standing counterarguments ({len(standing)} of {len(result.counterarguments)})",
        title_justify="left",
    )
    for column in ("attacker", "target", "kind", "text"):
        counter.add_column(column, overflow="fold")
    for item in standing:
        text = argument_map.statement(item.attacker).text if argument_map.has_statement(item.attacker) else ""
        counter.add_row(Text(" + ".join(item.attackers)), Text(item.target), item.kind, Text(text))
    parts.append(counter)
    parts.append(Text("the full report: argmap analyze MAP --details (or --format markdown, json)"))
    return Group(*parts)


def rich_report(result: Analysis, argument_map: ArgumentMap) -> RenderableType:
    """A rich renderable of the analysis, for ``argmap analyze --format text``.

    Examples
    --------
    >>> import io, argmap, rich.console
    >>> from argmap.analysis import analyze
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> console = rich.console.Console(width=120, file=io.StringIO())
    >>> console.print(rich_report(analyze(m), m))
    >>> "weak links" in console.file.getvalue()
    True
    """
    parts: list[RenderableType] = []
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold", overflow="fold")
    head.add_column(overflow="fold")
    for name, value in _summary_lines(result, argument_map):
        head.add_row(Text(name), Text(value))
    parts.append(head)

    chains = result.support_chains
    if chains.chains:
        shown = chains.chains
        title = f"longest support chains ({len(shown)} of {chains.count})"
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        for chain in shown:
            table.add_row(Text(" -> ".join(chain)))
        parts.append(table)

    others = _other_links(result)
    weak = Table(title=f"weak links ({len(others)})", title_justify="left", expand=False)
    weak.add_column("severity", justify="right", overflow="fold")
    weak.add_column("kind", overflow="fold")
    weak.add_column("nodes", overflow="fold")
    weak.add_column("explanation", overflow="fold")
    for link in others:
        weak.add_row(f"{link.severity:.2f}", link.kind, Text(", ".join(link.nodes)), Text(link.explanation))
    parts.append(weak)

    rows = _question_rows(result, argument_map)
    if rows:
        # One row per inference in the terminal (the question texts are in `argmap schemes SCHEME`,
        # and row by row in the Markdown and JSON reports): a map owes dozens of questions.
        by_relation: dict[tuple[str, str], list[str]] = {}
        for relation, scheme, question, _ in rows:
            by_relation.setdefault((relation, scheme), []).append(question)
        questions = Table(
            title=f"open critical questions ({len(rows)}, on {counted(len(by_relation), 'inference')}; "
            "their texts: argmap schemes SCHEME, or --format markdown)",
            title_justify="left",
        )
        for column in ("relation", "scheme"):
            questions.add_column(column, overflow="fold")
        questions.add_column("open questions", overflow="fold")
        for (relation, scheme), ids in by_relation.items():
            questions.add_row(Text(relation), Text(scheme), Text(", ".join(ids)))
        parts.append(questions)

    counter = Table(title=f"counterarguments ({len(result.counterarguments)})", title_justify="left")
    for column in ("attacker", "target", "kind", "status", "answered by"):
        counter.add_column(column, overflow="fold")
    for item in result.counterarguments:
        counter.add_row(
            Text(" + ".join(item.attackers)),
            Text(item.target),
            item.kind,
            item.status,
            Text(", ".join(item.answered_by)),
        )
    parts.append(counter)
    return Group(*parts)


def markdown_report(result: Analysis, argument_map: ArgumentMap) -> str:
    """The analysis as Markdown, for notes and issues.

    Examples
    --------
    >>> import argmap
    >>> from argmap.analysis import analyze
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> markdown_report(analyze(m), m).splitlines()[0]
    '# Analysis of C1'
    """
    lines = [f"# Analysis of {markdown_inline(result.claim)}", ""]
    for name, value in _summary_lines(result, argument_map):
        lines.append(f"- **{name}**: {markdown_inline(value)}")
    chains = result.support_chains
    if chains.chains:
        lines += [
            "",
            f"## Longest support chains ({len(chains.chains)} of {chains.count})",
            "",
        ]
        lines += [f"1. {markdown_inline(' -> '.join(c))}" for c in chains.chains]
    others = _other_links(result)
    lines += ["", f"## Weak links ({len(others)})", ""]
    if others:
        lines += ["| severity | kind | nodes | explanation |", "|---:|---|---|---|"]
        lines += [
            f"| {w.severity:.2f} | {w.kind} | {markdown_inline(', '.join(w.nodes))} | "
            f"{markdown_inline(w.explanation)} |"
            for w in others
        ]
    rows = _question_rows(result, argument_map)
    if rows:
        lines += ["", f"## Open critical questions ({len(rows)})", ""]
        lines += ["| relation | scheme | question | text |", "|---|---|---|---|"]
        lines += ["| " + " | ".join(markdown_inline(cell) for cell in row) + " |" for row in rows]
    lines += ["", f"## Counterarguments ({len(result.counterarguments)})", ""]
    if result.counterarguments:
        lines += ["| attacker | target | kind | status | answered by |", "|---|---|---|---|---|"]
        lines += [
            f"| {markdown_inline(' + '.join(c.attackers))} | {markdown_inline(c.target)} | {c.kind} | "
            f"{c.status} | {markdown_inline(', '.join(c.answered_by))} |"
            for c in result.counterarguments
        ]
    return "\n".join(lines) + "\n"
