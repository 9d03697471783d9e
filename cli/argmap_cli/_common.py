"""Pieces the commands share: arguments, the console, and the output guard."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

__all__ = ["FILE_PATH", "console", "input_format_option", "map_argument"]

# A file argument. Readability is left to argmap, which reports an unreadable input in one
# line with exit code 1; click's own check would make it a usage error (exit 2).
FILE_PATH = click.Path(dir_okay=False, readable=False, path_type=Path)

map_argument = click.argument("map_path", metavar="MAP", type=FILE_PATH)

# The input's format. Everywhere else --format is the output's; --from says which way round.
input_format_option = click.option(
    "--from",
    "--format",
    "format_name",
    metavar="FMT",
    help="MAP's format, the input's (default: from its suffix); --format is its older name.",
)


def console() -> Console:
    """A rich console on standard output (plain text when it is not a terminal)."""
    return Console(highlight=False, soft_wrap=False)
