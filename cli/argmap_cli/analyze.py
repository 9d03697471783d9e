"""``argmap analyze``: support chains, weak links, counterarguments, acceptability and strength."""

from __future__ import annotations

from pathlib import Path

import click

import argmap
from argmap.analysis import analyze
from argmap.analysis.report import markdown_report, rich_report, rich_summary
from argmap.schemes import default_catalogue, using_catalogue
from argmap_cli._common import console, map_argument
from argmap_cli._semantics_options import semantics_options
from argmap_cli.schemes import schemes_option


@click.command("analyze")
@map_argument
@click.option("--claim", help="The claim to analyse (default: the map's main_claim).")
@semantics_options("Gradual model (auto: df-quad if the map is acyclic, else quadratic-energy).")
@click.option(
    "--max-chains",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Chains to list (in every format; the count is always exact).",
)
@click.option(
    "--details",
    "--all",
    "details",
    is_flag=True,
    help="Text: the full report (every chain listed, weak link, open question and counterargument) "
    "rather than the summary.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="The output's format: text (a summary; --details for all), json or markdown (all).",
)
@schemes_option
def analyze_command(
    map_path: Path,
    claim: str | None,
    semantics: str,
    support: str,
    strength_model: str,
    max_chains: int,
    details: bool,
    output_format: str,
    schemes_files: tuple[Path, ...],
) -> None:
    """Analyse the argument for a claim of MAP.

    Reports the support chains (counted exactly, the longest listed), weak links by severity
    (among them the critical questions of relations' schemes that the map leaves open),
    counterarguments with their status, Dung acceptability and gradual strength.
    """
    with using_catalogue(default_catalogue(*schemes_files)):
        argument_map = argmap.load(map_path)
        result = analyze(
            argument_map,
            claim,
            semantics=semantics,
            support=support,
            strength_model=strength_model,
            max_chains=max_chains,
        )
    if output_format == "json":
        click.echo(result.model_dump_json(indent=2))  # in Rust: a 10⁵-statement chain's result is 100 MB
    elif output_format == "markdown":
        click.echo(markdown_report(result, argument_map), nl=False)
    elif details:
        console().print(rich_report(result, argument_map))
    else:
        console().print(rich_summary(result, argument_map))
