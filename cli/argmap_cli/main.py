"""The ``argmap`` command and its one error boundary.

Every command turns its options into one call of argmap's public API and formats the result. Errors end
here: an :class:`argmap.ArgmapError` or a pydantic validation error becomes one line per problem on standard
error and the error's exit code (see ``argmap.errors``); any other exception is a bug, reported in one line
with exit code 70. ``--debug`` (or ``ARGMAP_DEBUG=1``) shows the traceback instead.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

import click
import pydantic

from argmap import __version__
from argmap.errors import ArgmapError, MapError, OutputError
from argmap.escape import terminal_line
from argmap.limits import ENVIRONMENT_VARIABLE, Limits, set_default_limits
from argmap_cli._group import (
    COMMANDS,
    WRITE_ERRORS,
    ArgmapGroup,
    StdoutClosed,
    discard_stdout,
    warn_in_one_line,
)

__all__ = ["COMMANDS", "cli", "main"]

INTERNAL_ERROR = 70


@click.group(
    cls=ArgmapGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="argmap")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.option(
    "--limits",
    "limits",
    metavar="NAME=VALUE,...",
    help="What readers accept, e.g. max_bytes=1e9,max_statements=5e6 (also max_depth, max_yaml_nodes, "
    "xml_entities=yes, max_attacks); the environment variable ARGMAP_LIMITS takes the same text.",
)
def cli(debug: bool, limits: str | None) -> None:
    """Turn argumentative texts into typed argument maps; validate, summarise and draw them.

    Exit codes: 0 success, 1 bad input, 2 usage error, 3 output error, 4 solver failure, 70 internal error.
    """
    if debug or os.environ.get("ARGMAP_DEBUG") == "1":  # Dask's warnings and logs are shown only then
        logging.getLogger("argmap").setLevel(logging.DEBUG)
    if limits:
        set_default_limits(Limits.parse(limits, base=Limits.from_environment()))
        # worker processes (argmap batch) read the variable: they get the same limits
        inherited = os.environ.get(ENVIRONMENT_VARIABLE, "")
        os.environ[ENVIRONMENT_VARIABLE] = f"{inherited},{limits}" if inherited else limits


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and exit."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("ARGMAP_DEBUG") == "1"
    warn_in_one_line()
    try:
        result = cli.main(args=args, prog_name="argmap", standalone_mode=False)
        sys.stdout.flush()  # a full disk or a closed pipe is reported here, not at exit
    except click.ClickException as exc:  # a bad option or argument: one line, as for every error
        if debug:
            raise
        command = exc.ctx.command_path if isinstance(exc, click.UsageError) and exc.ctx else "argmap"
        message = " ".join(exc.format_message().split())
        _say(f"argmap: error: {message} (see '{command} --help')")
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _say("argmap: aborted")
        sys.exit(130)
    except ArgmapError as exc:
        if debug:
            raise
        _report_error(exc)
        sys.exit(exc.exit_code)
    except pydantic.ValidationError as exc:
        if debug:
            raise
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            _say(f"argmap: error: {where}: {error['msg']}")
        sys.exit(1)
    except (BrokenPipeError, StdoutClosed):
        discard_stdout()
        sys.exit(0)
    except OSError as exc:
        if debug or exc.errno not in WRITE_ERRORS:
            raise
        discard_stdout()
        click.echo(f"argmap: error: cannot write standard output: {exc.strerror}", err=True)
        sys.exit(OutputError.exit_code)
    except Exception as exc:  # the boundary: anything else is a bug, said in one line
        if debug:
            raise
        _say(f"argmap: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
        sys.exit(INTERNAL_ERROR)
    sys.exit(result if isinstance(result, int) else 0)


def _report_error(exc: ArgmapError) -> None:
    if isinstance(exc, MapError):
        for problem in exc.problems:
            _say(f"argmap: error: {problem}")
        if len(exc.problems) > 1:
            _say(f"argmap: {len(exc.problems)} problems")
    else:
        _say(f"argmap: error: {exc}")


def _say(line: str) -> None:
    """One line on standard error, inert on a terminal (file names and map text may hold escapes)."""
    click.echo(terminal_line(line), err=True)
