"""``argmap solve``: answer an ICCMA task on a framework, in the ICCMA'23 output format."""

from __future__ import annotations

from pathlib import Path

import click

import argmap
from argmap.errors import UnknownFormatError
from argmap.semantics import AttackFramework
from argmap.semantics.syntax import format_for_path
from argmap.semantics.tasks import ENGINES, solve_task, task_names
from argmap_cli._common import FILE_PATH


@click.command("solve")
@click.argument("file_path", metavar="FILE", type=FILE_PATH)
@click.option(
    "-p",
    "--problem",
    "task",
    required=True,
    type=click.Choice(task_names()),
    metavar="TASK",
    help="The ICCMA task PROBLEM-SEMANTICS: DC, DS, SE, EE or CE with CO, PR, ST, GR, SST, STG or ID.",
)
@click.option(
    "-a", "--argument", help="The query argument of a DC or DS task (its name; in .af files a number)."
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    help="native: argmap's labelling search; clingo: ASP (argmap[asp]); auto: by the framework's open part.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0), metavar="SECONDS", help="Give up after this long (exit 4)."
)
@click.option("--from", "from_format", help="FILE's framework format (apx, tgf, iccma; default: its suffix).")
def solve_command(
    file_path: Path,
    task: str,
    argument: str | None,
    engine: str,
    timeout: float | None,
    from_format: str | None,
) -> None:
    """Answer TASK on the framework in FILE, as an ICCMA solver prints it.

    FILE is an ICCMA'23 .af/.i23, ASPARTIX .apx or .tgf framework, or an argument map (its
    statements and relations become arguments). DC prints YES and a witness extension
    `w 1 2 3`, or NO; DS prints YES, or NO and a counterexample; SE an extension's `w` line
    or NO; EE one `w` line per extension; CE the count.
    """
    try:
        framework_format = from_format or format_for_path(file_path).name
    except UnknownFormatError:
        framework = AttackFramework.from_map(argmap.load(file_path))
    else:
        framework = AttackFramework.read(file_path, framework_format)
    result = solve_task(framework, task, argument, engine=engine, timeout=timeout)
    click.echo(result.iccma(), nl=False)
