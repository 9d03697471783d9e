"""``argmap check``: evaluate the expectations of a map's ``tests:`` block."""

from __future__ import annotations

import json
from pathlib import Path

import click

import argmap
from argmap_cli._common import map_argument

FAILED = 1


@click.command("check")
@map_argument
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def check_command(map_path: Path, output_format: str) -> int:
    """Check the expected labels in MAP's tests: block, one line per expectation.

    Each line says whether the expectation holds, naming the statement (or relation), its
    label, the semantics and, when it fails, the expected label. Exits 0 when every
    expectation holds (also when the map has no tests, which it says), 1 when one fails or
    the map is invalid, 2 for a usage error.
    """
    report = argmap.check(argmap.load(map_path))
    if output_format == "json":
        click.echo(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False))
    elif report.tests == 0:
        click.echo(f"{map_path}: no tests: block; nothing to check")
    else:
        for result in report.results:
            test = f"test {result.test + 1}" + (f" ({result.name})" if result.name else "")
            click.echo(f"{test}: {result.sentence()}")
        click.echo(
            f"{map_path}: {report.passed} of {len(report.results)} expectations hold"
            + (f", {report.failed} fail" if report.failed else "")
        )
    return 0 if report.ok else FAILED
