"""Where the maps of a batch are analysed: a local process pool, or a Dask distributed cluster.

Both take a list of files and yield one :class:`~argmap.batching.records.BatchRecord` per
file as it completes (so in completion order, not input order), and neither stops for
one bad file:

- :func:`run_local` uses a ``pebble`` process pool: a worker that dies (a crash, the
  out-of-memory killer) gives a ``crash`` row and is replaced; a map that runs longer
  than ``timeout`` seconds has its worker killed and gives a ``timeout`` row.
- :func:`run_dask` submits the same work to a Dask cluster: an existing one
  (``scheduler="tcp://host:port"``) or a ``LocalCluster`` it starts. The client reads
  each file and sends its bytes, so the workers need argmap installed but not the files.
  A task whose workers keep dying is reported by Dask as ``KilledWorker``: a ``crash``
  row. Dask cannot stop a running task, so a timeout is refused there.

Closing the iterator early (an interruption) stops the workers; results not yet yielded
are lost, those yielded are the caller's.

Examples
--------
>>> records = list(run_local(["graphs/ukraine-us-alliance.yaml", "README.md"], ("chains",), jobs=1))
>>> sorted((r.file, r.ok) for r in records)
[('README.md', False), ('graphs/ukraine-us-alliance.yaml', True)]
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, as_completed
from contextlib import contextmanager, suppress
from typing import Any

from pebble import ProcessExpired, ProcessPool

from argmap._files import read_file
from argmap.batching.records import BatchRecord, analyse_file, error_record
from argmap.errors import ArgmapError, UsageError
from argmap.limits import default_limits

__all__ = ["Worker", "run_dask", "run_local"]

Worker = Callable[[str, Sequence[str]], BatchRecord]
"""The work done for one file: ``worker(file, analyses) -> BatchRecord`` (picklable by name)."""


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _start_worker(parent: int) -> None:
    """In a worker: Ctrl-C is the parent's to handle (it stops the pool), and the worker dies with it.

    A parent killed outright (SIGKILL) cannot stop its pool: on Linux the kernel sends the
    worker SIGKILL when the parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread
    watches the parent's pid. Either way no map runs on past its ``--timeout`` unattended.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the request was made
                os._exit(1)
            return
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _failure(file: str, analyses: Sequence[str], exc: BaseException, timeout: float | None) -> BatchRecord:
    if isinstance(exc, TimeoutError):
        return error_record(file, "timeout", f"the analysis took longer than {timeout:g} s", analyses)
    if isinstance(exc, ProcessExpired):
        return error_record(file, "crash", f"the worker process died (exit code {exc.exitcode})", analyses)
    return error_record(file, "internal", f"{type(exc).__name__}: {exc}", analyses)


def run_local(
    files: Sequence[str],
    analyses: Sequence[str],
    *,
    jobs: int,
    timeout: float | None = None,
    worker: Worker = analyse_file,
) -> Iterator[BatchRecord]:
    """Analyse files in a pool of ``jobs`` processes; yield each record as it completes.

    Parameters
    ----------
    files : sequence of str
        The map files.
    analyses : sequence of str
        Analysis names.
    jobs : int
        Worker processes (at least 1).
    timeout : float, optional
        Seconds one map may take; its worker is then killed and the map gets a
        ``timeout`` row. No limit by default.
    worker : callable
        The work for one file (tests pass one that crashes).

    Returns
    -------
    iterator of BatchRecord

    Raises
    ------
    UsageError
        If ``jobs`` is below 1 or ``timeout`` is not positive.
    """
    if jobs < 1:
        raise UsageError(f"jobs must be at least 1, not {jobs}")
    if timeout is not None and timeout <= 0:
        raise UsageError(f"the timeout must be positive, not {timeout}")
    return _local(files, tuple(analyses), jobs, timeout, worker)


def _local(
    files: Sequence[str], analyses: tuple[str, ...], jobs: int, timeout: float | None, worker: Worker
) -> Iterator[BatchRecord]:
    if not files:
        return
    pool = ProcessPool(max_workers=min(jobs, len(files)), initializer=_start_worker, initargs=(os.getpid(),))
    try:
        pending: dict[Future[BatchRecord], str] = {
            pool.schedule(worker, args=(file, analyses), timeout=timeout): file for file in files
        }
        for future in as_completed(pending):
            file = pending.pop(future)
            try:
                record = future.result()
            except Exception as exc:  # a timeout, a dead worker, or a worker that raised
                record = _failure(file, analyses, exc, timeout)
            yield record
    finally:
        pool.stop()
        pool.join()


def _client(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("Dask runs need the dask extra: pip install 'argmap[dask]'") from None
    if workers is not None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.DEBUG if _verbose() else logging.CRITICAL,
        )
        return Client(cluster), cluster
    try:
        # How long to try is Dask's setting (distributed.comm.timeouts.connect).
        return Client(scheduler), None
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None


_DASK_LOGGERS = ("distributed", "dask", "tornado", "asyncio", "bokeh")


def _verbose() -> bool:
    """Whether Dask may speak: only when argmap's logger is at DEBUG (``argmap --debug``)."""
    return logging.getLogger("argmap").isEnabledFor(logging.DEBUG)


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's warnings and log lines (many lines each) kept off standard error, unless verbose.

    A failed map is its error row; the command line's one line per error holds only if
    Dask's scheduler and worker chatter does not reach standard error.
    """
    if _verbose():
        yield
        return
    with suppress(ImportError):  # distributed sets its loggers' levels when imported: first
        import distributed  # noqa: F401
    loggers = [logging.getLogger(name) for name in _DASK_LOGGERS]
    levels = [logger.level for logger in loggers]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for logger in loggers:
            logger.setLevel(logging.CRITICAL + 1)
        try:
            yield
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)


def run_dask(
    files: Sequence[str],
    analyses: Sequence[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Iterator[BatchRecord]:
    """Analyse files on a Dask cluster; yield each record as it completes.

    Parameters
    ----------
    files : sequence of str
        The map files, read here and sent to the workers as bytes.
    analyses : sequence of str
        Analysis names.
    scheduler : str, optional
        The address of a running scheduler (``tcp://host:port``).
    workers : int, optional
        Start a ``LocalCluster`` with this many worker processes instead (one thread each).

    Returns
    -------
    iterator of BatchRecord

    Raises
    ------
    UsageError
        If neither or both of ``scheduler`` and ``workers`` are given, ``workers`` is below
        1, the ``dask`` extra is not installed, or the scheduler cannot be reached.
    """
    if (scheduler is None) == (workers is None):
        raise UsageError("name a Dask scheduler or a number of local Dask workers (one of them)")
    if workers is not None and workers < 1:
        raise UsageError(f"a LocalCluster needs at least 1 worker, not {workers}")
    return _dask(files, tuple(analyses), scheduler, workers)


def _dask(
    files: Sequence[str], analyses: tuple[str, ...], scheduler: str | None, workers: int | None
) -> Iterator[BatchRecord]:
    if not files:
        return
    with _quiet_dask():
        yield from _dask_records(files, analyses, scheduler, workers)


def _dask_records(
    files: Sequence[str], analyses: tuple[str, ...], scheduler: str | None, workers: int | None
) -> Iterator[BatchRecord]:
    from distributed import as_completed as dask_completed

    client, cluster = _client(scheduler, workers)
    try:
        # A bounded window of tasks in flight: the client holds a few files' bytes at a time.
        window = 4 * max(1, sum(client.nthreads().values()))
        queue = iter(files)
        running = dask_completed()
        names: dict[str, str] = {}

        def refill() -> Iterator[BatchRecord]:
            """Submit the next file; an unreadable one gives its error row and the next is tried."""
            for file in queue:
                try:
                    data = read_file(file, default_limits())
                except ArgmapError as exc:
                    yield error_record(file, "parse", str(exc), analyses)
                    continue
                future = client.submit(analyse_file, file, analyses, data, pure=False)
                names[future.key] = file
                running.add(future)
                return

        for _ in range(window):
            yield from refill()
        for future in running:
            file = names.pop(future.key)
            try:
                record = future.result()
            except Exception as exc:  # KilledWorker: every worker that ran the task died
                if type(exc).__name__ == "KilledWorker":
                    record = error_record(file, "crash", f"the Dask workers running it died: {exc}", analyses)
                else:
                    record = _failure(file, analyses, exc, None)
            future.release()
            yield record
            yield from refill()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
