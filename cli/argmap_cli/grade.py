"""``argmap grade``: a student's map against the reference, with feedback for the student."""

from __future__ import annotations

import json
from pathlib import Path

import click

import argmap
from argmap.comparison import ALIGN_METHODS
from argmap.teaching import grade
from argmap.teaching.grade_report import rich_grade
from argmap_cli._common import console

_path = click.Path(dir_okay=False, readable=False, path_type=Path)


@click.command("grade")
@click.argument("student_path", metavar="STUDENT_MAP", type=_path)
@click.argument("reference_path", metavar="REFERENCE_MAP", type=_path)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--align",
    type=click.Choice(ALIGN_METHODS),
    default="auto",
    show_default=True,
    help="How statements are paired (see argmap compare).",
)
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), help="Least similarity of paired statements.")
def grade_command(
    student_path: Path, reference_path: Path, output_format: str, align: str, threshold: float | None
) -> None:
    """Grade STUDENT_MAP against REFERENCE_MAP: a score in [0, 1] and one remark per difference.

    Exits 0 whenever the maps could be graded, whatever the score; 1 if a map is
    unreadable or invalid, 2 for a usage error.
    """
    student, reference = argmap.load(student_path), argmap.load(reference_path)
    result = grade(student, reference, align=align, threshold=threshold)
    if output_format == "json":
        click.echo(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        console().print(rich_grade(result))
