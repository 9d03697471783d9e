"""``argmap extract``: draft an argument map of a text, to correct by hand."""

from __future__ import annotations

from pathlib import Path

import click

import argmap
from argmap.io import dumps, refuse_overwriting_inputs, write_bytes_atomic
from argmap.source import SourceDocument
from argmap.summary import counted
from argmap_cli._common import FILE_PATH, OUTPUT_PATH


@click.command("extract")
@click.argument("text_path", metavar="ARTICLE.txt", type=FILE_PATH)
@click.option(
    "-o",
    "--output",
    "output_path",
    metavar="OUTPUT",
    type=OUTPUT_PATH,
    required=True,
    help="The draft map to write.",
)
@click.option("--title", help="The map's title (default: \"Draft: \" and the central claim's first words).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["yaml", "json"]),
    help="The output's format (default: json for a .json OUTPUT, else yaml).",
)
def extract_command(text_path: Path, output_path: Path, title: str | None, output_format: str | None) -> None:
    """Draft an argument map of the UTF-8 text ARTICLE.txt and write it to OUTPUT.

    Each statement is a unit of the text (its span points into the text); statements and
    relations carry a confidence and the cue that decided them in `meta`; the map's
    `meta` says it is a draft. OUTPUT is written atomically and never over the text.
    See docs/extraction.md.

    Exit codes: 0 written, 1 the text is unreadable, empty, binary or not UTF-8,
    2 usage error, 3 cannot write OUTPUT (or it is the input).
    """
    refuse_overwriting_inputs(output_path, [text_path])
    document = SourceDocument.read(text_path)
    draft = argmap.extract(document.text, title, source_name=str(text_path))
    chosen = output_format or ("json" if output_path.suffix.lower() == ".json" else "yaml")
    write_bytes_atomic(output_path, dumps(draft, chosen))
    click.echo(
        f"wrote {output_path} ({chosen}): draft of {counted(len(draft.statements), 'statement')}, "
        f"{counted(len(draft.relations), 'relation')}, central claim {draft.main_claim}"
    )
