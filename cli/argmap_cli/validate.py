"""``argmap validate``: check a map file, and its spans against the source text."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.io import load_detected
from argmap.schemes import default_catalogue, using_catalogue
from argmap.summary import counted
from argmap_cli._common import FILE_PATH, input_format_option, map_argument
from argmap_cli.schemes import schemes_option


@click.command("validate")
@map_argument
@click.option(
    "--source",
    "source_path",
    type=FILE_PATH,
    help="The source document: spans and source.sha256 are checked against it.",
)
@input_format_option
@schemes_option
def validate_command(
    map_path: Path, source_path: Path | None, format_name: str | None, schemes_files: tuple[Path, ...]
) -> None:
    """Check MAP and report every problem, one line each (file:line:column: id: problem).

    Scheme ids and answers marks are checked against argmap's scheme catalogue and any
    --schemes files. Exits 0 if the map is valid, 1 if not.
    """
    with using_catalogue(default_catalogue(*schemes_files)):
        argument_map, detected = load_detected(map_path, format_name, source=source_path)
    checked = f"; spans and checksum match {source_path}" if source_path is not None else ""
    read_as = f" (read as {detected.format.name}, from its content)" if detected.how == "content" else ""
    click.echo(
        f"{map_path}: valid{read_as}: {counted(len(argument_map.statements), 'statement')}, "
        f"{counted(len(argument_map.relations), 'relation')}{checked}"
    )
