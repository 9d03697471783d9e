"""Analysis results as reports for people: rich tables for a terminal, Markdown for notes.

Both show the same sections in the same order: the claim, its support chains,
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

__all__ = ["markdown_report", "rich_report"]

CHAINS_SHOWN = 10
OPEN_QUESTION = "open-critical-question"
TABLE_ROWS = 200
"""Above this many rows a section is printed as plain lines: rich measures every cell of a table
to size its columns, which takes minutes for the 10⁵ weak links of a long chain."""


def _section(title: str, headers: list[str], rows: list[list[Text | str]]) -> RenderableType:
    """A titled table, or past :data:`TABLE_ROWS` rows one plain line per row (cells joined by two spaces)."""
    if len(rows) > TABLE_ROWS:
        lines = Text(title, style="italic")
        for row in rows:
            lines.append("\n")
            lines.append(Text("  ").join(cell if isinstance(cell, Text) else Text(cell) for cell in row))
        return lines
    table = Table(title=title, title_justify="left", expand=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


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
        ("support chains", f"{chains.count} (longest: {chains.max_depth} steps)"),
        (
            f"acceptability ({acceptability.semantics}, support: {acceptability.support})",
            f"{label}; credulously {'accepted' if acceptability.credulous else 'not accepted'}, "
            f"skeptically {'accepted' if acceptability.skeptical else 'not accepted'} "
            f"({acceptability.extensions} extension{'s' if acceptability.extensions != 1 else ''})",
        ),
    ]
    if result.strength is not None:
        lines.append((f"strength ({result.strength.model})", f"{result.strength.scores[result.claim]:.3f}"))
    if chains.ignored_edges:
        cut = ", ".join(f"{s}->{t}" for s, t in chains.ignored_edges)
        lines.append(("cycle edges ignored", cut))
    return lines


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
    head.add_column(style="bold")
    head.add_column()
    for name, value in _summary_lines(result, argument_map):
        head.add_row(Text(name), Text(value))
    parts.append(head)

    chains = result.support_chains
    if chains.chains:
        shown = chains.chains[:CHAINS_SHOWN]
        title = f"longest support chains ({len(shown)} of {chains.count})"
        table = Table(title=title, title_justify="left", show_header=False, box=None)
        for chain in shown:
            table.add_row(Text(" -> ".join(chain)))
        parts.append(table)

    others = _other_links(result)
    parts.append(
        _section(
            f"weak links ({len(others)})",
            ["severity", "kind", "nodes", "explanation"],
            [
                [f"{link.severity:.2f}", link.kind, Text(", ".join(link.nodes)), Text(link.explanation)]
                for link in others
            ],
        )
    )

    rows = _question_rows(result, argument_map)
    if rows:
        # One row per inference in the terminal (the question texts are in `argmap schemes SCHEME`,
        # and row by row in the Markdown and JSON reports): a map owes dozens of questions.
        by_relation: dict[tuple[str, str], list[str]] = {}
        for relation, scheme, question, _ in rows:
            by_relation.setdefault((relation, scheme), []).append(question)
        parts.append(
            _section(
                f"open critical questions ({len(rows)}, on {len(by_relation)} inferences; "
                "their texts: argmap schemes SCHEME, or --format markdown)",
                ["relation", "scheme", "open questions"],
                [
                    [Text(relation), Text(scheme), Text(", ".join(ids))]
                    for (relation, scheme), ids in by_relation.items()
                ],
            )
        )

    parts.append(
        _section(
            f"counterarguments ({len(result.counterarguments)})",
            ["attacker", "target", "kind", "status", "answered by"],
            [
                [
                    Text(" + ".join(item.attackers)),
                    Text(item.target),
                    item.kind,
                    item.status,
                    Text(", ".join(item.answered_by)),
                ]
                for item in result.counterarguments
            ],
        )
    )
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
            f"## Longest support chains ({min(len(chains.chains), CHAINS_SHOWN)} of {chains.count})",
            "",
        ]
        lines += [f"1. {markdown_inline(' -> '.join(c))}" for c in chains.chains[:CHAINS_SHOWN]]
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
