"""``argmap explain``: why a statement stands or falls, and what would change it.

Also what ``argmap render`` draws of explanations: ``--highlight flips`` and the side panel.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

import argmap
from argmap.analysis import Explanation, analyze, explain, explain_all
from argmap.analysis.explanation_report import format_explanation
from argmap.errors import UnknownIdError, UsageError
from argmap.model import ArgumentMap, default_claim
from argmap.render import Overlay, overlay_for
from argmap.render.output import format_for_path
from argmap_cli._common import map_argument
from argmap_cli._semantics_options import semantics_options


@click.command("explain")
@map_argument
@click.argument("statement", metavar="ID")
@semantics_options("Gradual model of the strength sensitivity (none: leave it out).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def explain_command(
    map_path: Path,
    statement: str,
    semantics: str,
    support: str,
    strength_model: str,
    output_format: str,
) -> None:
    """Explain the label of statement ID of MAP: why, and what removals would flip it.

    Why: the accepted statements that defend it (or the accepted attacker that defeats it, or
    the conflict that leaves it undecided); flips: the smallest sets of other statements whose
    removal changes its label; and how much each statement moves its gradual strength.
    """
    argument_map = argmap.load(map_path)
    if not argument_map.has_statement(statement):
        try:
            argument_map.statement(statement)
        except UnknownIdError as error:
            raise UnknownIdError(f"{map_path}: {error}") from None
    result = explain(
        argument_map, statement, semantics=semantics, support=support, strength_model=strength_model
    )
    if output_format == "json":
        click.echo(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        click.echo(format_explanation(result, argument_map, output_format), nl=False)


def highlighted(
    argument_map: ArgumentMap, highlight: str | None, claim: str | None, chain: int | None, top: int | None
) -> Overlay | None:
    """The overlay ``--highlight`` asks for: an analysis of the claim, or (``flips``) its explanation."""
    if highlight is None:
        return None
    if highlight != "flips":
        return overlay_for(argument_map, analyze(argument_map, claim), highlight, chain=chain, top=top)
    if chain is not None:
        raise UsageError("--chain goes with --highlight chains")
    target = claim if claim is not None else default_claim(argument_map)
    return overlay_for(argument_map, explain(argument_map, target, strength_model="none"))


def page_explanations(argument_map: ArgumentMap, output: Path, wanted: bool) -> dict[str, Explanation] | None:
    """For ``.html`` output (unless ``--no-explanations``): every statement explained, for the panel."""
    if not wanted or format_for_path(output) != "html":
        return None
    return explain_all(argument_map, strength_model="none")
