"""Batch runs: analyse a whole corpus of map files, one row per map, on all cores or on a Dask cluster.

=============================  ================================================================
:func:`batch`                  the records of a run, yielded as maps complete (a :class:`Batch`;
                               ``.to_dataframe()`` gives a pandas DataFrame of their rows)
:func:`write_batch`            a run written to ``.jsonl``, ``.csv`` or ``.parquet`` as rows
                               complete, resumable (what ``argmap batch`` does)
=============================  ================================================================

The parts: :mod:`argmap.batching.inputs` (files, folders, globs), :mod:`argmap.batching.records`
(one map to one record, the columns), :mod:`argmap.batching.engines` (the local pool, Dask),
:mod:`argmap.batching.outputs` (the writers, resuming). ``docs/batch.md`` has the whole story.

Examples
--------
>>> import argmap
>>> run = argmap.batch(["graphs/ukraine-us-alliance.yaml"], analyses="chains,strength", jobs=1)
>>> [(r.file, r.claim, r.support_chains.count > 0) for r in run]
[('graphs/ukraine-us-alliance.yaml', 'C1', True)]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

from argmap.batching.engines import run_dask, run_local
from argmap.batching.inputs import Inputs, expand_inputs
from argmap.batching.outputs import done_files, journal_path, locked_output, open_writer, output_kind
from argmap.batching.records import ANALYSES, BatchRecord, columns, parse_analyses
from argmap.errors import OutputError, UsageError
from argmap.io import check_output, refuse_overwriting_inputs

__all__ = ["ANALYSES", "Batch", "BatchRecord", "BatchSummary", "batch", "write_batch"]

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called before the first map (``done == 0``) and after each row."""


class Batch(Iterator[BatchRecord]):
    """The records of a batch run, one per file, yielded in the order the maps complete.

    Nothing runs until the first record is asked for. ``files`` are the files the run
    reads, ``ignored`` the files in folders skipped for a suffix no format reads, and
    ``skipped`` the files left out because the caller had them already (``skip=``).
    Closing the batch (or leaving a ``with`` block) stops its workers.
    """

    def __init__(
        self, records: Iterator[BatchRecord], inputs: Inputs, skipped: int, analyses: tuple[str, ...]
    ):
        self._records = records
        self.files = inputs.files
        self.ignored = inputs.ignored
        self.skipped = skipped
        self.analyses = analyses

    def __next__(self) -> BatchRecord:
        return next(self._records)

    def __iter__(self) -> Self:
        return self

    def close(self) -> None:
        """Stop the run: workers are stopped, records not yet yielded are dropped."""
        close = getattr(self._records, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def to_dataframe(self) -> Any:
        """The rows of the records not yet consumed, as a pandas DataFrame (one row per map).

        The columns are those of :func:`argmap.batching.records.columns` (the CSV's), with
        pandas' nullable dtypes: a figure that does not apply is ``<NA>``.

        Returns
        -------
        pandas.DataFrame

        Raises
        ------
        UsageError
            If pandas is not installed (``pip install 'argmap[pandas]'``).

        Examples
        --------
        >>> import argmap
        >>> run = argmap.batch(["graphs/ukraine-us-alliance.yaml"], analyses="chains", jobs=1)
        >>> frame = run.to_dataframe()
        >>> frame.loc[0, "claim"], int(frame.loc[0, "chain_depth"]) > 0
        ('C1', True)
        """
        try:
            import pandas
        except ImportError:
            raise UsageError("a DataFrame needs pandas: pip install 'argmap[pandas]'") from None
        names = [name for name, _ in columns(self.analyses)]
        with self:
            rows = [record.row() for record in self]
        return pandas.DataFrame(rows, columns=names).convert_dtypes()


def batch(
    paths: Iterable[str | os.PathLike[str]],
    analyses: str | Sequence[str] | None = None,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    dask_local: int | None = None,
    timeout: float | None = None,
    skip: Iterable[str] = (),
) -> Batch:
    """Analyse every map file of ``paths``; the records come as the maps complete.

    Parameters
    ----------
    paths : iterable of str or path
        Files, folders (walked recursively) and globs: see :mod:`argmap.batching.inputs`.
    analyses : str or sequence of str, optional
        Names from :data:`ANALYSES` (or one comma-separated string); all by default.
    jobs : int, optional
        Local worker processes; default ``os.cpu_count()``.
    scheduler : str, optional
        Run on the Dask cluster of this scheduler (``tcp://host:port``) instead.
    dask_local : int, optional
        Run on a Dask ``LocalCluster`` of this many worker processes instead.
    timeout : float, optional
        Seconds one map may take in the local pool (then a ``timeout`` row); no limit by
        default; not available with Dask.
    skip : iterable of str
        Files to leave out (by path, as :func:`done_files` gives them): a resumed run.

    Returns
    -------
    Batch
        An iterator of :class:`BatchRecord` (frozen pydantic models), one per file, in
        completion order; ``to_dataframe()`` collects their rows.

    Raises
    ------
    UsageError
        For an unknown analysis, an input that does not exist, both ``scheduler`` and
        ``dask_local``, a timeout or jobs with Dask, or Dask not installed.
    """
    chosen = parse_analyses(analyses)
    if scheduler is not None and dask_local is not None:
        raise UsageError("choose one of a Dask scheduler and a local Dask cluster, not both")
    dask = scheduler is not None or dask_local is not None
    if dask and timeout is not None:
        raise UsageError("a timeout needs the local pool: Dask cannot stop a running task")
    if dask and jobs is not None:
        raise UsageError("jobs are the local pool's processes: on Dask the cluster's workers run the maps")
    found = expand_inputs(paths)
    done = {os.path.realpath(file) for file in skip}
    files = [file for file in found.files if os.path.realpath(file) not in done]
    if dask:
        records = run_dask(files, chosen, scheduler=scheduler, workers=dask_local)
    else:
        records = run_local(files, chosen, jobs=jobs or os.cpu_count() or 1, timeout=timeout)
    return Batch(records, Inputs(tuple(files), found.ignored), len(found.files) - len(files), chosen)


class BatchSummary(BaseModel):
    """What a written batch run did: rows written (ok and failed), files skipped and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    output: str
    written: int
    failed: int
    resumed: int
    ignored: int

    @property
    def ok(self) -> int:
        """Rows of maps read and analysed."""
        return self.written - self.failed


def write_batch(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    analyses: str | Sequence[str] | None = None,
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    dask_local: int | None = None,
    timeout: float | None = None,
    resume: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> BatchSummary:
    """Run a batch and write its rows to ``output`` as they complete (``argmap batch``).

    An existing output is never destroyed silently: without ``resume`` or ``overwrite`` it
    is an error. With ``resume``, files that already have a row (ok or error) are skipped
    and new rows are added; the output must have been written for the same analyses.
    With ``overwrite``, it is replaced. An absent output with ``resume`` is simply begun.

    Parameters
    ----------
    paths, analyses, jobs, scheduler, dask_local, timeout
        As for :func:`batch`.
    output : str or path
        ``.jsonl``, ``.csv`` or ``.parquet`` (see :mod:`argmap.batching.outputs`).
    resume : bool
        Continue an existing output.
    overwrite : bool
        Replace an existing output.
    progress : callable, optional
        ``progress(done, total)``, called before the first map and after each row.

    Returns
    -------
    BatchSummary

    Raises
    ------
    UsageError
        As :func:`batch`; also for another output suffix, ``resume`` with ``overwrite``,
        an output of other analyses, or Parquet without pyarrow.
    OutputError
        If the output exists (neither resume nor overwrite), is one of the inputs, is not a
        batch output, or cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib, json
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "rows.jsonl"
    >>> write_batch(["graphs/ukraine-us-alliance.yaml"], out, "chains", jobs=1).written
    1
    >>> json.loads(out.read_text())["results"]["chains"]["claim"]
    'C1'
    >>> write_batch(["graphs"], out, "chains", jobs=1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.OutputError: ...rows.jsonl exists: --resume to continue it, --force to replace it
    """
    out = Path(output)
    output_kind(out)
    chosen = parse_analyses(analyses)
    if resume and overwrite:
        raise UsageError("resume or overwrite an output, not both")
    for path in (out, journal_path(out)):
        check_output(path)
    with locked_output(out):
        return _write_locked(
            paths, out, chosen, jobs, scheduler, dask_local, timeout, resume, overwrite, progress
        )


def _write_locked(
    paths: Iterable[str | os.PathLike[str]],
    out: Path,
    chosen: tuple[str, ...],
    jobs: int | None,
    scheduler: str | None,
    dask_local: int | None,
    timeout: float | None,
    resume: bool,
    overwrite: bool,
    progress: Progress | None,
) -> BatchSummary:
    exists = out.exists() or journal_path(out).exists()
    if exists and not (resume or overwrite):
        raise OutputError(f"{out} exists: --resume to continue it, --force to replace it")
    done = done_files(out, chosen) if resume else []
    run = batch(
        paths, chosen, jobs=jobs, scheduler=scheduler, dask_local=dask_local, timeout=timeout, skip=done
    )
    refuse_overwriting_inputs(out, run.files)
    if overwrite:
        for path in (out, journal_path(out)):
            path.unlink(missing_ok=True)
    written = failed = 0
    total = len(run.files)
    with run, open_writer(out, chosen) as writer:
        if progress is not None:
            progress(0, total)
        for record in run:
            writer.write(record)
            written += 1
            failed += not record.ok
            if progress is not None:
                progress(written, total)
    return BatchSummary(
        output=str(out), written=written, failed=failed, resumed=run.skipped, ignored=run.ignored
    )
