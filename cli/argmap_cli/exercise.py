"""``argmap exercise``: a worksheet from a map, with its answer key and key map apart."""

from __future__ import annotations

from pathlib import Path

import click

import argmap
from argmap.io import refuse_overwriting_inputs
from argmap.teaching.exercise import HIDE_OPTIONS
from argmap.teaching.worksheets import exercise_paths, write_exercise
from argmap_cli._common import OUTPUT_PATH, map_argument


@click.command("exercise")
@map_argument
@click.option(
    "-o",
    "--output",
    required=True,
    type=OUTPUT_PATH,
    help="The worksheet: .md, .html (students build the map by clicking) or .pdf.",
)
@click.option(
    "--hide",
    type=click.Choice(HIDE_OPTIONS),
    default="relations",
    show_default=True,
    help="What students are to find: the relations, the statements' kinds, or both.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seeds the order of the statements.")
def exercise_command(map_path: Path, output: Path, hide: str, seed: int) -> None:
    """Write a worksheet of MAP's statements, shuffled and lettered, with tasks.

    The answer key goes to a separate file beside it (OUTPUT with .key before the suffix), and
    the map in letters to OUTPUT.key.yaml, to grade with `argmap grade STUDENT KEY.yaml`.
    Exit codes: 0 written, 1 invalid map, 2 usage error, 3 cannot write (or would overwrite MAP).
    """
    for path in exercise_paths(output):
        refuse_overwriting_inputs(path, [map_path])
    files = write_exercise(argmap.load(map_path), output, hide=hide, seed=seed)
    click.echo(f"worksheet: {files.worksheet}\nanswer key: {files.key}\nkey map: {files.key_map}")
