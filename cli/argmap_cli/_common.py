"""Pieces the commands share: arguments, the console, and the output guard."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from argmap.errors import OutputError

__all__ = ["FILE_PATH", "console", "guard_output", "map_argument"]

# A file argument. Readability is left to argmap, which reports an unreadable input in one
# line with exit code 1; click's own check would make it a usage error (exit 2).
FILE_PATH = click.Path(dir_okay=False, readable=False, path_type=Path)

map_argument = click.argument("map_path", metavar="MAP", type=FILE_PATH)


def console() -> Console:
    """A rich console on standard output (plain text when it is not a terminal)."""
    return Console(highlight=False, soft_wrap=False)


def guard_output(output: Path, *inputs: Path) -> None:
    """Refuse to write ``output`` over one of the command's inputs.

    Raises
    ------
    OutputError
        If ``output`` is the same file as an input.
    """
    for source in inputs:
        same = output.resolve() == source.resolve()
        if not same and output.exists() and source.exists():
            same = output.samefile(source)
        if same:
            raise OutputError(f"{output}: refusing to write over the input file {source}")
