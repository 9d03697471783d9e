"""``argmap formats``: the file formats argmap reads and writes."""

from __future__ import annotations

import click
from rich.table import Table

from argmap.io import formats
from argmap_cli._common import console


@click.command("formats")
def formats_command() -> None:
    """List the formats: name (for --from/--to), suffixes, read/write, and what each carries.

    .json is shared by json, aif and node-link: reading picks one from the content, writing
    uses argmap's own JSON unless --to names another.
    """
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for column in ("format", "suffixes", "reads", "writes", "carries"):
        table.add_column(column, overflow="fold")
    for fmt in formats():
        table.add_row(
            fmt.name,
            " ".join(fmt.suffixes),
            "yes" if fmt.reader is not None else "no",
            "yes" if fmt.writer is not None else "no",
            fmt.description,
        )
    console().print(table)
