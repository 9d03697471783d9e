"""``argmap schema``: the JSON Schema of the map file format."""

from __future__ import annotations

import json

import click

from argmap.model import json_schema


@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema (draft 2020-12) of argmap's map file format."""
    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))
