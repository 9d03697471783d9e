"""Watching files: do something again whenever one of them is saved (``argmap render --watch``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import click

from argmap.errors import ArgmapError

__all__ = ["INTERVAL", "RELOAD", "watch_files"]

RELOAD = 1.5
"""Seconds between two reloads of an HTML page drawn with ``--watch``."""

INTERVAL = 0.5
"""Seconds between two looks at the watched files' modification times."""


def watch_files(paths: list[Path], draw: Callable[[], None]) -> None:
    """Call ``draw`` whenever one of ``paths`` changes, until Ctrl-C; a failed draw is reported
    in the usual one line per problem, and the watch goes on (a file half-edited is normal)."""
    from argmap_cli.main import _report_error  # the one place errors are worded; main imports us

    def stamps() -> list[tuple[int, int] | None]:
        found: list[tuple[int, int] | None] = []
        for path in paths:
            try:
                status = path.stat()
            except OSError:
                found.append(None)
            else:
                found.append((status.st_mtime_ns, status.st_size))
        return found

    def attempt() -> None:
        try:
            draw()
        except ArgmapError as exc:
            _report_error(exc)

    seen = stamps()
    attempt()
    click.echo(f"watching {', '.join(map(str, paths))} (Ctrl-C stops)", err=True)
    try:
        while True:
            time.sleep(INTERVAL)
            now = stamps()
            if now != seen:
                seen = now
                attempt()
    except KeyboardInterrupt:
        click.echo("argmap: stopped watching", err=True)
