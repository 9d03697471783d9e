"""``argmap render``: draw a map as SVG, PNG, PDF or DOT."""

from __future__ import annotations

from pathlib import Path

import click

import argmap
from argmap.render import RenderOptions, render
from argmap_cli._common import guard_output, map_argument


@click.command("render")
@map_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write; its suffix picks the format (.svg .png .pdf .dot).",
)
@click.option(
    "--rankdir",
    type=click.Choice(["TB", "BT", "LR", "RL"]),
    default="BT",
    show_default=True,
    help="Direction of the layout (BT: reasons below their conclusions).",
)
@click.option(
    "--wrap", type=click.IntRange(min=8), default=28, show_default=True, help="Wrap text at N characters."
)
@click.option(
    "--legend/--no-legend", default=True, show_default=True, help="Draw a legend of kinds and relations."
)
@click.option("--format", "format_name", help="The map's format (default: from the suffix).")
def render_command(
    map_path: Path, output: Path, rankdir: str, wrap: int, legend: bool, format_name: str | None
) -> None:
    """Draw MAP to the file given by -o."""
    argument_map = argmap.load(map_path, format_name)
    guard_output(output, map_path)
    written = render(argument_map, output, options=RenderOptions(rankdir=rankdir, wrap=wrap, legend=legend))
    click.echo(f"wrote {written}")
