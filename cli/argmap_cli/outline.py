"""``argmap outline``: the pro/con tree of a map, as text or Markdown."""

from __future__ import annotations

from pathlib import Path

import click

import argmap
from argmap.outline import OUTLINE_FORMATS, format_outline, outline
from argmap_cli._common import map_argument


@click.command("outline")
@map_argument
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTLINE_FORMATS),
    default="text",
    show_default=True,
    help="text: + reasons, - objections, & joint premises, x undercuts; markdown: nested bullets.",
)
@click.option("--claim", help="Root the tree at this statement (default: the main claim).")
@click.option("--depth", type=click.IntRange(min=0), help="Levels of reasons to show (default: all).")
def outline_command(map_path: Path, output_format: str, claim: str | None, depth: int | None) -> None:
    """Print the claim of MAP with its reasons and objections, nested, as debate classes draw it."""
    argument_map = argmap.load(map_path)
    click.echo(format_outline(outline(argument_map, claim=claim, depth=depth), output_format))
