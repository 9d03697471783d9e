"""The ``argmap`` command and its one error boundary.

Every command turns its options into one call of argmap's public API and formats the
result. Errors end here: an :class:`argmap.ArgmapError` or a pydantic validation
error becomes one line per problem on standard error and the error's exit code (see
``argmap.errors``); any other exception is a bug, reported in one line with exit code
70. ``--debug`` (or ``ARGMAP_DEBUG=1``) shows the traceback instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click
import pydantic

from argmap import __version__
from argmap.errors import ArgmapError, MapError
from argmap.limits import ENVIRONMENT_VARIABLE, Limits, set_default_limits
from argmap_cli.analyze import analyze_command
from argmap_cli.batch import batch_command
from argmap_cli.check import check_command
from argmap_cli.compare import compare_command
from argmap_cli.convert import convert_command
from argmap_cli.exercise import exercise_command
from argmap_cli.explain import explain_command
from argmap_cli.extract import extract_command
from argmap_cli.formats import formats_command
from argmap_cli.grade import grade_command
from argmap_cli.outline import outline_command
from argmap_cli.render import render_command
from argmap_cli.schema import schema_command
from argmap_cli.schemes import schemes_command
from argmap_cli.show import show_command
from argmap_cli.validate import validate_command

__all__ = ["cli", "main"]

INTERNAL_ERROR = 70


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="argmap")
@click.option("--debug", is_flag=True, help="Show the full traceback when something fails.")
@click.option(
    "--limits",
    "limits",
    metavar="NAME=VALUE,...",
    help="What readers accept, e.g. max_bytes=1e9,max_statements=5e6 (also max_depth, max_yaml_nodes, "
    "xml_entities=yes); the environment variable ARGMAP_LIMITS takes the same text.",
)
def cli(debug: bool, limits: str | None) -> None:
    """Turn argumentative texts into typed argument maps; validate, summarise and draw them.

    Exit codes: 0 success, 1 invalid or unreadable input, 2 usage error, 3 output error,
    70 internal error.
    """
    if limits:
        set_default_limits(Limits.parse(limits, base=Limits.from_environment()))
        # worker processes (argmap batch) read the variable: they get the same limits
        inherited = os.environ.get(ENVIRONMENT_VARIABLE, "")
        os.environ[ENVIRONMENT_VARIABLE] = f"{inherited},{limits}" if inherited else limits


cli.add_command(validate_command)
cli.add_command(show_command)
cli.add_command(render_command)
cli.add_command(outline_command)
cli.add_command(analyze_command)
cli.add_command(explain_command)
cli.add_command(batch_command)
cli.add_command(schema_command)
cli.add_command(schemes_command)
cli.add_command(convert_command)
cli.add_command(formats_command)
cli.add_command(compare_command)
cli.add_command(grade_command)
cli.add_command(check_command)
cli.add_command(exercise_command)
cli.add_command(extract_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and exit."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("ARGMAP_DEBUG") == "1"
    try:
        result = cli.main(args=args, prog_name="argmap", standalone_mode=False)
    except click.ClickException as exc:  # a bad option or argument: one line, as for every error
        if debug:
            raise
        command = exc.ctx.command_path if isinstance(exc, click.UsageError) and exc.ctx else "argmap"
        message = " ".join(exc.format_message().split())
        click.echo(f"argmap: error: {message} (see '{command} --help')", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("argmap: aborted", err=True)
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
            click.echo(f"argmap: error: {where}: {error['msg']}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # the boundary: anything else is a bug, said in one line
        if debug:
            raise
        click.echo(
            f"argmap: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
            err=True,
        )
        sys.exit(INTERNAL_ERROR)
    sys.exit(result if isinstance(result, int) else 0)


def _report_error(exc: ArgmapError) -> None:
    if isinstance(exc, MapError):
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        if len(exc.problems) > 1:
            click.echo(f"argmap: {len(exc.problems)} problems", err=True)
    else:
        click.echo(f"argmap: error: {exc}", err=True)
