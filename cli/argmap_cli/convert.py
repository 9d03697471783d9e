"""``argmap convert``: read a map in one format, write it in another."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.io import (
    dumps,
    format_for_path,
    get_format,
    load_detected,
    refuse_overwriting_inputs,
    write_bytes_atomic,
)
from argmap.summary import counted
from argmap_cli._common import FILE_PATH, OUTPUT_PATH


@click.command("convert")
@click.argument("input_path", metavar="IN", type=FILE_PATH)
@click.argument("output_path", metavar="OUT", type=OUTPUT_PATH)
@click.option("--from", "from_format", help="IN's format (default: from its suffix; .json from its content).")
@click.option("--to", "to_format", help="OUT's format (default: from its suffix; .json is argmap's JSON).")
def convert_command(
    input_path: Path, output_path: Path, from_format: str | None, to_format: str | None
) -> None:
    """Convert the map IN to OUT; `argmap formats` lists the formats and what each carries.

    OUT is written atomically and never over IN. A .json IN is read as argmap's JSON, AIF
    or node-link JSON according to its content (a note says which); name it with --from
    when the content does not tell.
    """
    target = get_format(to_format) if to_format is not None else format_for_path(output_path)
    refuse_overwriting_inputs(output_path, [input_path])
    argument_map, detected = load_detected(input_path, from_format)
    if detected.how == "content":
        click.echo(f"argmap: note: read {input_path} as {detected.format.name} (from its content)", err=True)
    write_bytes_atomic(output_path, dumps(argument_map, target.name))
    click.echo(
        f"wrote {output_path} ({target.name}): {counted(len(argument_map.statements), 'statement')}, "
        f"{counted(len(argument_map.relations), 'relation')}"
    )
