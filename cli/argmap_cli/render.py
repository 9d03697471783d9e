"""``argmap render``: draw a map as SVG, PNG, PDF, DOT or an interactive HTML page."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

import argmap
from argmap.analysis import analyze, explain, explain_all
from argmap.errors import UsageError
from argmap.io import refuse_overwriting_inputs
from argmap.model import default_claim
from argmap.render import HIGHLIGHTS, THEMES, LayoutWarning, RenderOptions, overlay_for, render
from argmap.render.output import format_for_path
from argmap.source import SourceDocument
from argmap_cli._common import FILE_PATH, map_argument


@click.command("render")
@map_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=FILE_PATH,
    help="The file to write; its suffix picks the format (.svg .png .pdf .dot .html).",
)
@click.option(
    "--highlight", type=click.Choice(HIGHLIGHTS), help="Analyse the claim and draw this over the map."
)
@click.option(
    "--claim", metavar="ID", help="With --highlight: the claim to analyse (default: the main claim)."
)
@click.option(
    "--chain", type=click.IntRange(min=1), help="With --highlight chains: only chain N (longest first)."
)
@click.option("--focus", metavar="ID", help="Draw only the statements near this one (for large maps).")
@click.option(
    "--depth", type=click.IntRange(min=0), help="With --focus: how many relations away to go [default: 1]."
)
@click.option("--theme", type=click.Choice(list(THEMES)), default="default", show_default=True)
@click.option(
    "--rankdir",
    type=click.Choice(["TB", "BT", "LR", "RL"]),
    default="BT",
    show_default=True,
    help="Direction of the layout (BT: reasons below their conclusions).",
)
@click.option(
    "--legend/--no-legend",
    default=True,
    show_default=True,
    help="Draw a legend of kinds, relations and marks.",
)
@click.option(
    "--wrap", type=click.IntRange(min=8), default=28, show_default=True, help="Wrap text at N characters."
)
@click.option("--sections/--no-sections", default=True, show_default=True, help="Draw sections as clusters.")
@click.option(
    "--source",
    "source_path",
    type=FILE_PATH,
    help="The source text: checked against the map, and quoted in the side panel of .html output.",
)
@click.option(
    "--explanations/--no-explanations",
    default=True,
    show_default=True,
    help="In .html output: why each statement has its label, and what would flip it, in the side panel.",
)
@click.option("--format", "format_name", help="The map's format (default: from the suffix).")
def render_command(
    map_path: Path,
    output: Path,
    highlight: str | None,
    claim: str | None,
    chain: int | None,
    focus: str | None,
    depth: int | None,
    theme: str,
    rankdir: str,
    legend: bool,
    wrap: int,
    sections: bool,
    source_path: Path | None,
    explanations: bool,
    format_name: str | None,
) -> None:
    """Draw MAP to the file given by -o; with --highlight, an analysis drawn over it."""
    if (claim is not None or chain is not None) and highlight is None:
        raise UsageError("--claim and --chain go with --highlight")
    if depth is not None and focus is None:
        raise UsageError("--depth goes with --focus")
    document = SourceDocument.read(source_path) if source_path is not None else None
    argument_map = argmap.load(map_path, format_name, source=document)
    refuse_overwriting_inputs(output, [map_path, *([source_path] if source_path is not None else [])])
    overlay = None
    if highlight == "flips":
        if chain is not None:
            raise UsageError("--chain goes with --highlight chains")
        target = claim if claim is not None else default_claim(argument_map)
        overlay = overlay_for(argument_map, explain(argument_map, target, strength_model="none"))
    elif highlight is not None:
        overlay = overlay_for(argument_map, analyze(argument_map, claim), highlight, chain=chain)
    explained = None
    if explanations and format_for_path(output) == "html":
        explained = explain_all(argument_map, strength_model="none")
    options = RenderOptions(
        rankdir=rankdir,
        wrap=wrap,
        legend=legend,
        theme=theme,
        sections=sections,
        focus=focus,
        depth=depth if depth is not None else 1,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LayoutWarning)
        written = render(
            argument_map, output, options=options, overlay=overlay, source=document, explanations=explained
        )
    for warning in caught:
        click.echo(f"argmap: warning: {warning.message}", err=True)
    click.echo(f"wrote {written}")
