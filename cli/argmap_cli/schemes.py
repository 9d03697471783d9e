"""``argmap schemes``: the catalogue of argumentation schemes, or one scheme with its critical questions.

``schemes_option`` is the ``--schemes FILE`` option the commands that read schemes share.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.table import Table
from rich.text import Text

from argmap.schemes import SCHEMES_ENV, default_catalogue
from argmap.schemes.report import catalogue_markdown, scheme_markdown, scheme_text
from argmap_cli._common import FILE_PATH, console

__all__ = ["schemes_command", "schemes_option"]

F = TypeVar("F", bound=Callable[..., Any])


def schemes_option(command: F) -> F:
    """The ``--schemes FILE`` option (repeatable): user catalogues over argmap's, later files winning."""
    return click.option(
        "--schemes",
        "schemes_files",
        multiple=True,
        type=FILE_PATH,
        help=f"A scheme catalogue of your own: adds or replaces schemes (repeatable; also ${SCHEMES_ENV}).",
    )(command)


@click.command("schemes")
@click.argument("name", required=False)
@schemes_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def schemes_command(name: str | None, schemes_files: tuple[Path, ...], output_format: str) -> None:
    """List the argumentation schemes (id, name, number of critical questions), or show scheme NAME.

    NAME is a scheme id or name (e.g. argument-from-expert-opinion); shown with its premises,
    conclusion and critical questions. An unknown NAME is a usage error (exit code 2).
    """
    catalogue = default_catalogue(*schemes_files)
    if name is not None:
        scheme = catalogue.scheme(name)
        if output_format == "json":
            click.echo(json.dumps(scheme.model_dump(mode="json"), indent=2, ensure_ascii=False))
        elif output_format == "markdown":
            click.echo(scheme_markdown(scheme), nl=False)
        else:
            click.echo(scheme_text(scheme))
        return
    if output_format == "json":
        click.echo(json.dumps(catalogue.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo(catalogue_markdown(catalogue), nl=False)
    else:
        table = Table(title=f"argumentation schemes ({len(catalogue)})", title_justify="left")
        table.add_column("id", overflow="fold")
        table.add_column("name", overflow="fold")
        table.add_column("questions", justify="right", overflow="fold")
        for scheme in catalogue.schemes:
            table.add_row(scheme.id, Text(scheme.name), str(len(scheme.questions)))
        console().print(table)
