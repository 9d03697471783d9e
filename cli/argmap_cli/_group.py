"""The command group: its commands, imported when used, what every command shares when it fails,
and how it warns.

The commands are listed in :data:`COMMANDS` and each module is imported only when its command
runs (or ``--help`` lists them all), so that ``argmap --version`` imports none of them.

A :class:`~argmap.errors.LimitError` raised while a map is analysed does not know the map's
file: the group names the command's input files in it (they are recorded as file arguments
are parsed, :data:`INPUTS`).

Standard output that fails: ``argmap show m.yaml | head`` closes the pipe early: that is
not an error, so the command ends quietly with exit code 0 (click and rich would exit 1).
Writing to a full disk (or ``/dev/full``) is an output error, exit 3, in one line. Either
way standard output is pointed at the null device, so that Python's last flush cannot fail
again.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
import warnings

import click

from argmap.errors import ArgmapWarning, LimitError
from argmap.escape import terminal_line

__all__ = [
    "COMMANDS",
    "INPUTS",
    "WRITE_ERRORS",
    "ArgmapGroup",
    "StdoutClosed",
    "discard_stdout",
    "warn_in_one_line",
]

# Each command and the module that defines it as ``<name>_command``.
COMMANDS: dict[str, str] = {
    "analyze": "argmap_cli.analyze",
    "batch": "argmap_cli.batch",
    "check": "argmap_cli.check",
    "compare": "argmap_cli.compare",
    "convert": "argmap_cli.convert",
    "exercise": "argmap_cli.exercise",
    "explain": "argmap_cli.explain",
    "extract": "argmap_cli.extract",
    "formats": "argmap_cli.formats",
    "grade": "argmap_cli.grade",
    "outline": "argmap_cli.outline",
    "render": "argmap_cli.render",
    "schema": "argmap_cli.schema",
    "schemes": "argmap_cli.schemes",
    "show": "argmap_cli.show",
    "solve": "argmap_cli.solve",
    "validate": "argmap_cli.validate",
}

INPUTS = "argmap_cli.inputs"
"""The key of ``ctx.meta`` (shared by every context of a command) listing its input files."""

WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
"""Errors writing standard output (a full disk, a quota, a file too large): exit 3."""


class StdoutClosed(Exception):
    """The reader of standard output went away (``argmap show m.yaml | head``)."""


class ArgmapGroup(click.Group):
    """A command group whose commands are imported from :data:`COMMANDS` when first asked for, end
    with :class:`StdoutClosed` when the pipe closes (not exit 1), and whose limit errors name the
    input files."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = importlib.import_module(COMMANDS[cmd_name])
            command: click.Command = getattr(module, f"{cmd_name}_command")
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise StdoutClosed from None
        except LimitError as exc:
            inputs = ctx.meta.get(INPUTS, [])
            if not inputs:
                raise
            raise LimitError(f"{', '.join(map(str, inputs))}: {exc}") from None


def discard_stdout() -> None:
    """Point standard output at the null device."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def warn_in_one_line() -> None:
    """argmap's warnings (an Argdown file Argdown would reject...) as one line each on standard error."""
    warnings.simplefilter("always", ArgmapWarning)
    warnings.showwarning = _show_warning


def _show_warning(message: Warning | str, *_: object, **__: object) -> None:
    click.echo(terminal_line(f"argmap: warning: {message}"), err=True)
