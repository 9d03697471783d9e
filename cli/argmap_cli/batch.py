"""``argmap batch``: analyse a corpus, one row per map, to JSONL, CSV or Parquet."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from argmap.batching import ANALYSES, BatchSummary, write_batch
from argmap_cli._common import OUTPUT_PATH

__all__ = ["batch_command"]


class _RateColumn(ProgressColumn):
    """Maps per second, as rich measures them over the last moments."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} maps/s" if speed else "- maps/s", style="progress.data.speed")


@contextmanager
def _terminated_like_interrupted() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C: outputs are finished (a Parquet file gets its footer)."""

    def stop(number: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + number)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _summary_line(summary: BatchSummary) -> str:
    parts = [f"{summary.written} maps: {summary.ok} ok, {summary.failed} failed"]
    if summary.resumed:
        parts.append(f"{summary.resumed} already in the output")
    if summary.ignored:
        parts.append(f"{summary.ignored} files of no map format skipped")
    return f"argmap: {'; '.join(parts)} -> {summary.output}"


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUTS...")
@click.option(
    "-o",
    "--output",
    required=True,
    type=OUTPUT_PATH,
    help="results.jsonl, results.csv or results.parquet (rows written as maps complete).",
)
@click.option(
    "--analyses",
    default=",".join(ANALYSES),
    show_default=True,
    help="Comma-separated analyses to run on each map's claim.",
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Local worker processes [default: all cores].")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Run on this Dask cluster (argmap[dask]).")
@click.option(
    "--dask-local", type=click.IntRange(min=1), metavar="N", help="Run on a Dask LocalCluster of N workers."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop a map after this long: a timeout row (local pool only) [default: no limit].",
)
@click.option(
    "--resume", is_flag=True, help="Continue OUTPUT: skip the files it has a row for (by path or by content)."
)
@click.option(
    "--retry-errors",
    is_flag=True,
    help="With --resume: analyse again the files whose rows are error rows, replacing those rows.",
)
@click.option("--force", is_flag=True, help="Replace an existing OUTPUT.")
def batch_command(
    inputs: tuple[str, ...],
    output: Path,
    analyses: str,
    jobs: int | None,
    scheduler: str | None,
    dask_local: int | None,
    timeout: float | None,
    resume: bool,
    retry_errors: bool,
    force: bool,
) -> int:
    """Analyse every map of INPUTS (files, folders, globs): one row per map in OUTPUT.

    Folders are walked recursively; their files of no map format are skipped and counted.
    A file that fails becomes an error row and the batch goes on. An existing OUTPUT is
    refused unless --resume (continue it) or --force (replace it).

    Exit codes: 0 every map analysed, 1 some rows are error rows, 2 usage error,
    3 output error, 130 interrupted (rows written so far are kept).
    """
    stderr = Console(stderr=True)
    columns: tuple[ProgressColumn, ...] = (
        TextColumn("batch"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
    )
    columns += (TimeElapsedColumn(), TimeRemainingColumn())
    bar = Progress(*columns, console=stderr, transient=True, disable=not stderr.is_terminal)
    task = bar.add_task("batch", total=None)

    def progress(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with _terminated_like_interrupted(), bar:
        summary = write_batch(
            list(inputs),
            output,
            analyses,
            jobs=jobs,
            scheduler=scheduler,
            dask_local=dask_local,
            timeout=timeout,
            resume=resume,
            overwrite=force,
            progress=progress,
            retry_errors=retry_errors,
        )
    click.echo(_summary_line(summary), err=True)
    return 1 if summary.failed else 0
