"""``argmap grade``: a student's map against the reference, with feedback for the student."""

from __future__ import annotations

import json
from pathlib import Path

import click

import argmap
from argmap.teaching import grade
from argmap.teaching.grade_report import rich_grade
from argmap_cli._common import FILE_PATH, console
from argmap_cli.compare import alignment_options


@click.command("grade")
@click.argument("student_path", metavar="STUDENT_MAP", type=FILE_PATH)
@click.argument("reference_path", metavar="REFERENCE_MAP", type=FILE_PATH)
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@alignment_options
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
