"""``argmap show``: a map at a glance."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

import argmap
from argmap.escape import terminal_line
from argmap.outline import format_outline, outline
from argmap.summary import summarize
from argmap_cli._common import console, input_format_option, map_argument


@click.command("show")
@map_argument
@click.option(
    "--depth", default=1, show_default=True, type=click.IntRange(min=0), help="Outline levels shown."
)
@input_format_option
def show_command(map_path: Path, depth: int, format_name: str | None) -> None:
    """Summarise MAP: counts by kind and type, the main claim, and the head of its outline."""
    argument_map = argmap.load(map_path, format_name)
    summary = summarize(argument_map)
    out = console()
    out.print(Text(terminal_line(summary.title), style="bold"))
    if argument_map.source is not None and argument_map.source.title:
        out.print(
            Text(f"source: {terminal_line(argument_map.source.title)}"), no_wrap=True, overflow="ellipsis"
        )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("statements")
    table.add_column("count", justify="right")
    for kind, count in summary.statements_by_kind.items():
        table.add_row(kind, str(count))
    table.add_row("total", str(summary.statements), style="bold")
    relations = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    relations.add_column("relations")
    relations.add_column("count", justify="right")
    for kind, count in summary.relations_by_type.items():
        relations.add_row(kind, str(count))
    relations.add_row("linked", str(summary.linked))
    relations.add_row("undercuts", str(summary.undercuts))
    relations.add_row("total", str(summary.relations), style="bold")
    grid = Table.grid(padding=(0, 4))
    grid.add_row(table, relations)
    out.print(grid)
    if summary.sections:
        out.print(
            Text("sections: " + "; ".join(map(terminal_line, summary.sections))),
            no_wrap=True,
            overflow="ellipsis",
        )
    out.print(Text(f"anchored in the source: {summary.anchored} of {summary.statements} statements"))
    if argument_map.statements:
        tree = outline(argument_map, depth=depth)
        out.print(
            Text(
                f"\nthe claim and {depth} level(s) of reasons (all of them: argmap outline MAP):",
                style="bold",
            )
        )
        for line in format_outline(tree).splitlines():
            out.print(Text(line), no_wrap=True, overflow="ellipsis")
