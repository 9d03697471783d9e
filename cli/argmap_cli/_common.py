"""Pieces the commands share: arguments, the console, and the output guard."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from argmap.io import check_output
from argmap_cli._group import INPUTS

__all__ = ["FILE_PATH", "OUTPUT_PATH", "console", "input_format_option", "map_argument"]


# A file argument. Readability is left to argmap, which reports an unreadable input in one
# line with exit code 1; click's own check would make it a usage error (exit 2).
class _InputPath(click.Path):
    """A file argmap reads; recorded so that an error found later can name it (``argmap_cli._group``)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(os.fsdecode(super().convert(value, param, ctx)))
        if ctx is not None:
            ctx.meta.setdefault(INPUTS, []).append(path)
        return path


FILE_PATH = _InputPath(dir_okay=False, readable=False, path_type=Path)

map_argument = click.argument("map_path", metavar="MAP", type=FILE_PATH)

# The input's format. Everywhere else --format is the output's; --from says which way round.
input_format_option = click.option(
    "--from",
    "--format",
    "format_name",
    metavar="FMT",
    help="MAP's format, the input's (default: from its suffix); --format is its older name.",
)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """A closed standard output ends the command quietly (rich would exit 1): see ``main``."""
        raise BrokenPipeError


def console() -> Console:
    """A rich console on standard output (plain text when it is not a terminal)."""
    return _Console(highlight=False, soft_wrap=False)


class _OutputPath(click.Path):
    """A file argmap writes: refused at once if it is a directory, device, FIFO, link or read-only."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Path:
        path = Path(os.fsdecode(super().convert(value, param, ctx)))
        if not path.is_symlink():  # a link is refused when written, after the check that it is no input
            check_output(path)  # an OutputError: exit 3, as for any output refused
        return path


# An output file: what may be replaced is argmap's to decide (argmap.io.writing), with exit 3
OUTPUT_PATH = _OutputPath(path_type=Path)
