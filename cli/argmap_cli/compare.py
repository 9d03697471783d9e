"""``argmap compare``: how close one map is to another, layer by layer, with every disagreement."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

import argmap
from argmap.comparison import ALIGN_METHODS, compare
from argmap.comparison.report import rich_report
from argmap_cli._common import FILE_PATH, console

__all__ = ["alignment_options", "compare_command"]

F = TypeVar("F", bound=Callable[..., Any])


def alignment_options(command: F) -> F:
    """``--align`` and ``--threshold``: how statements are paired (compare and grade share them)."""
    command = click.option(
        "--threshold",
        type=click.FloatRange(0.0, 1.0),
        help="Least similarity of aligned statements (default: 0.5 for spans, 0.6 for text).",
    )(command)
    return click.option(
        "--align",
        type=click.Choice(ALIGN_METHODS),
        default="auto",
        show_default=True,
        help="auto: by spans when both maps anchor the same source (same sha256), else by text.",
    )(command)


@click.command("compare")
@click.argument("a_path", metavar="A", type=FILE_PATH)
@click.argument("b_path", metavar="B", type=FILE_PATH)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="The output's format: text (a summary; --details for every disagreement) or json (all).",
)
@click.option(
    "--details", "--all", "details", is_flag=True, help="Text: list every disagreement, not a summary."
)
@alignment_options
def compare_command(
    a_path: Path, b_path: Path, output_format: str, details: bool, align: str, threshold: float | None
) -> None:
    """Compare map A with map B, B taken as the reference (precision on A, recall on B).

    Reports precision, recall and F1 of the statements, their kinds and the relations,
    Cohen's kappa where defined, one combined score in [0, 1] (the first key of the JSON),
    and each disagreement with the ids involved. See docs/compare.md.
    """
    a, b = argmap.load(a_path), argmap.load(b_path)
    result = compare(a, b, align=align, threshold=threshold)
    if output_format == "json":
        click.echo(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        console().print(rich_report(result, a_path.name, b_path.name, details=details))
