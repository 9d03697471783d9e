"""``argmap render``: draw a map as SVG, PNG, PDF, DOT or an interactive HTML page."""

from __future__ import annotations

import warnings
from pathlib import Path

import click

import argmap
from argmap.errors import UsageError
from argmap.io import refuse_overwriting_inputs
from argmap.render import HIGHLIGHTS, THEMES, LayoutWarning, RenderOptions, render
from argmap.source import SourceDocument
from argmap_cli._common import FILE_PATH, OUTPUT_PATH, input_format_option, map_argument
from argmap_cli.explain import highlighted, page_explanations
from argmap_cli.watching import RELOAD, watch_files


@click.command("render")
@map_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=OUTPUT_PATH,
    help="The file to write; its suffix picks the format (.svg .png .pdf .dot .html).",
)
@click.option(
    "--highlight", type=click.Choice(HIGHLIGHTS), help="Analyse the claim and draw this over the map."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="With --highlight weak-links or counterarguments: draw only the N that matter most "
    "(the legend says how many are left out).",
)
@click.option("--all", "show_all", is_flag=True, help="With --highlight: draw every finding (no --top).")
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
@click.option("--legend/--no-legend", default=True, show_default=True, help="Draw legends.")
@click.option(
    "--wrap", type=click.IntRange(min=8), default=28, show_default=True, help="Wrap text at N characters."
)
@click.option(
    "--layout",
    type=click.Choice(["compact", "wide"]),
    default="compact",
    show_default=True,
    help="compact: fitted to a landscape screen; wide: one row per rank, sections side by side.",
)
@click.option("--sections/--no-sections", default=None, help="Sections as clusters [default: if wide].")
@click.option(
    "--source",
    "source_path",
    type=FILE_PATH,
    help="The source text: checked against the map, and quoted in the side panel of .html output.",
)
@click.option("--explanations/--no-explanations", default=True, help="In .html: why, and what would flip it.")
@input_format_option
@click.option("--watch", is_flag=True, help="Draw again on every save of MAP or --source; Ctrl-C stops.")
def render_command(
    map_path: Path,
    output: Path,
    highlight: str | None,
    top: int,
    show_all: bool,
    claim: str | None,
    chain: int | None,
    focus: str | None,
    depth: int | None,
    theme: str,
    rankdir: str,
    legend: bool,
    wrap: int,
    layout: str,
    sections: bool | None,
    source_path: Path | None,
    explanations: bool,
    format_name: str | None,
    watch: bool,
) -> None:
    """Draw MAP to the file given by -o; with --highlight, an analysis drawn over it."""
    if (claim is not None or chain is not None) and highlight is None:
        raise UsageError("--claim and --chain go with --highlight")
    if depth is not None and focus is None:
        raise UsageError("--depth goes with --focus")

    def draw() -> None:
        document = SourceDocument.read(source_path) if source_path is not None else None
        argument_map = argmap.load(map_path, format_name, source=document)
        refuse_overwriting_inputs(output, [map_path, *([source_path] if source_path is not None else [])])
        overlay = highlighted(argument_map, highlight, claim, chain, None if show_all else top)
        options = RenderOptions(
            rankdir=rankdir,
            wrap=wrap,
            legend=legend,
            theme=theme,
            layout=layout,
            sections=sections,
            focus=focus,
            depth=depth if depth is not None else 1,
        )
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", LayoutWarning)
            written = render(
                argument_map,
                output,
                options=options,
                overlay=overlay,
                source=document,
                reload=RELOAD if watch else None,
                explanations=page_explanations(argument_map, output, explanations),
            )
        for warning in caught:
            click.echo(f"argmap: warning: {warning.message}", err=True)
        click.echo(f"wrote {written}")

    if not watch:
        draw()
        return
    watch_files([map_path, *([source_path] if source_path is not None else [])], draw)
