"""Writing batch rows as they complete, to JSONL, CSV or Parquet, and reading them back to resume.

=========  ===========================================================================
output     how rows reach the disk, and what an interruption leaves
=========  ===========================================================================
.jsonl     one JSON object per line (the row's columns plus ``results``), appended and
           flushed per row. A killed run leaves every row written before; a last line
           cut short is dropped by ``--resume`` (and that file is done again).
.csv       the columns of :func:`~argmap.batching.records.columns`, a header first; one row
           appended and flushed at a time; text cells pass through
           :func:`argmap.escape.csv_cell` (no formula injection). A cut last row is
           dropped by ``--resume`` as for JSONL.
.parquet   row groups written with ``pyarrow.parquet.ParquetWriter`` to a temporary file
           beside the output, renamed over it when the run ends, interrupted or not
           (Ctrl-C, SIGTERM): the output is always a complete, readable Parquet file or
           absent. Each row is also appended and flushed to ``<output>.journal.jsonl``
           until then, so a run killed outright (SIGKILL, power loss) loses nothing:
           ``--resume`` takes the rows back from the journal.
=========  ===========================================================================

Rows are flushed to the operating system, not synced to the disk: a killed process loses
nothing, a machine that loses power may lose its last rows.

Examples
--------
>>> import tempfile, pathlib
>>> from argmap.batching.records import analyse_file
>>> out = pathlib.Path(tempfile.mkdtemp()) / "rows.csv"
>>> with open_writer(out, ("chains",)) as writer:
...     writer.write(analyse_file("graphs/ukraine-us-alliance.yaml", ("chains",)))
>>> done_files(out, ("chains",))
['graphs/ukraine-us-alliance.yaml']
"""

from __future__ import annotations

import csv
import errno
import fcntl
import io
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from argmap.batching.records import BatchRecord, Cell, analyses_of_columns, columns
from argmap.errors import OutputError, UsageError
from argmap.escape import csv_cell, csv_cell_value
from argmap.io.writing import check_output, output_mode, process_alive, temporary_beside

__all__ = [
    "OUTPUT_SUFFIXES",
    "RowWriter",
    "done_files",
    "journal_path",
    "lock_path",
    "locked_output",
    "open_writer",
    "output_kind",
]

OUTPUT_SUFFIXES: tuple[str, ...] = (".jsonl", ".csv", ".parquet")

_ROW_GROUP = 1000


def output_kind(path: str | Path) -> str:
    """The output format named by the suffix: ``jsonl``, ``csv`` or ``parquet``.

    Raises
    ------
    UsageError
        For any other suffix.

    Examples
    --------
    >>> output_kind("out.JSONL"), output_kind("x/results.parquet")
    ('jsonl', 'parquet')
    >>> output_kind("out.json")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: out.json: a batch output must end in .jsonl, .csv or .parquet
    """
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise UsageError(f"{path}: a batch output must end in .jsonl, .csv or .parquet")
    return suffix[1:]


def journal_path(path: str | Path) -> Path:
    """Where a Parquet output's rows are journaled until the run ends.

    Examples
    --------
    >>> journal_path("out/results.parquet").name
    'results.parquet.journal.jsonl'
    """
    path = Path(path)
    return path.with_name(path.name + ".journal.jsonl")


def lock_path(path: str | Path) -> Path:
    """The lock file of an output while a run writes it.

    Examples
    --------
    >>> lock_path("out/results.csv").name
    'results.csv.lock'
    """
    path = Path(path)
    return path.with_name(path.name + ".lock")


@contextmanager
def locked_output(path: str | Path) -> Iterator[None]:
    """Hold the output's lock file for a run: a second run on the same output is refused.

    The lock is ``<output>.lock``, holding the holder's pid, locked with a POSIX record lock
    (``lockf``; it works over NFS too, and the processes a run starts do not inherit it). A lock
    left by a process killed outright is released by the kernel with it, so it is taken
    over; on a file system without record locks a lock whose pid no longer runs is taken over.
    The file is removed when the run ends.

    Raises
    ------
    OutputError
        If another run holds the lock (naming its pid), or the lock cannot be made.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "rows.csv"
    >>> with locked_output(out):
    ...     with locked_output(out):  # doctest: +ELLIPSIS
    ...         pass
    Traceback (most recent call last):
    ...
    argmap.errors.OutputError: ...rows.csv: another argmap run (pid ...) is writing it; ...
    """
    lock = lock_path(path)
    check_output(lock)
    key = os.path.realpath(lock)
    if key in _HELD:  # record locks do not exclude their own process: a run of this one holds it
        raise _held(path, str(os.getpid()))
    while True:
        try:
            handle = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise OutputError(f"{lock}: cannot make the lock file: {exc.strerror}") from None
        holder = os.read(handle, 32).decode("ascii", errors="replace").strip()
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            held = exc.errno in (errno.EACCES, errno.EAGAIN)
            # without record locks, the pid tells whether the holder still runs
            if held or (holder.isdigit() and int(holder) != os.getpid() and process_alive(int(holder))):
                os.close(handle)
                raise _held(path, holder) from None
        try:
            current = os.stat(lock, follow_symlinks=False).st_ino
        except FileNotFoundError:
            current = -1
        if current == os.fstat(handle).st_ino:
            break
        os.close(handle)  # the holder removed the file as it finished: lock the new one
    _HELD.add(key)
    try:
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        _HELD.discard(key)
        with suppress(OSError):
            os.unlink(lock)
        os.close(handle)


_HELD: set[str] = set()
"""The lock files this process holds."""


def _held(path: str | Path, holder: str) -> OutputError:
    who = f"pid {holder}" if holder.isdigit() else "pid unknown"
    return OutputError(
        f"{path}: another argmap run ({who}) is writing it; wait for it to end, or write to another output"
    )


def _require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise UsageError("Parquet output needs pyarrow: pip install 'argmap[parquet]'") from None
    return pyarrow


def _mismatch(path: Path, found: Iterable[str], analyses: Sequence[str]) -> UsageError:
    was = ", ".join(analyses_of_columns(found)) or "none"
    return UsageError(
        f"{path} holds the columns of other analyses ({was}), not of {', '.join(analyses)}: "
        "resume with the same --analyses, or write to another file"
    )


def _jsonl_rows(path: Path, names: list[str], analyses: Sequence[str]) -> list[dict[str, Any]]:
    """The rows of a JSONL output or journal, checked to have the columns ``names`` (``results`` dropped)."""
    # A row is written in one call, its newline last: a kill can only leave a last line
    # without its newline, which is cut off the file here. Anything else is not our file.
    rows: list[dict[str, Any]] = []
    with path.open("r+b") as stream:
        for number, line in enumerate(iter(stream.readline, b""), 1):
            if not line.endswith(b"\n"):
                stream.truncate(stream.tell() - len(line))
                break
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise OutputError(f"{path}:{number}: not a batch row (not JSON)") from None
            if not isinstance(row, dict) or "file" not in row:
                raise OutputError(f"{path}:{number}: not a batch row (no 'file')")
            row.pop("results", None)
            if list(row) != names:
                raise _mismatch(path, row, analyses)
            rows.append(row)
    return rows


def _csv_done(path: Path, names: list[str], analyses: Sequence[str]) -> list[str]:
    text = path.read_bytes().decode("utf-8", errors="strict")
    offset = 0
    complete = 0

    def lines() -> Iterable[str]:
        nonlocal offset
        for line in io.StringIO(text, newline=""):
            offset += len(line)
            yield line

    reader = csv.reader(lines(), strict=True)
    files: list[str] = []
    try:
        header = next(reader, None)
        if header is None:
            return []
        if header[:1] != ["file"]:
            raise OutputError(f"{path}: not a batch output (its first column is not 'file')")
        if header != names:
            raise _mismatch(path, header, analyses)
        complete = offset
        for row in reader:
            if len(row) != len(names) or not text[:offset].endswith("\n"):
                break
            files.append(csv_cell_value(row[0]))
            complete = offset
    except csv.Error:
        pass
    if complete < len(text):
        with path.open("r+b") as stream:
            stream.truncate(len(text[:complete].encode("utf-8")))
    return files


def done_files(path: str | Path, analyses: Sequence[str]) -> list[str]:
    """The files an existing output already has a row for (to resume it), as written.

    A last row cut short by an interruption is removed from the file (its map is then
    analysed again). For Parquet, the rows of the journal of a run killed outright count too.

    Parameters
    ----------
    path : str or Path
        The output (``.jsonl``, ``.csv`` or ``.parquet``); absent means no rows.
    analyses : sequence of str
        The analyses of the run to resume: the output's columns must be theirs.

    Returns
    -------
    list of str

    Raises
    ------
    UsageError
        If the output was written for other analyses, or Parquet needs pyarrow.
    OutputError
        If the file is not a batch output of its suffix's format.
    """
    path = Path(path)
    kind = output_kind(path)
    names = [name for name, _ in columns(analyses)]
    files: list[str] = []
    if kind == "parquet":
        journal = journal_path(path)
        if path.exists():
            files.extend(_parquet_table(path, names, analyses).column("file").to_pylist())
        if journal.exists():
            files.extend(row["file"] for row in _jsonl_rows(journal, names, analyses))
        return files
    if not path.exists():
        return []
    if kind == "jsonl":
        return [row["file"] for row in _jsonl_rows(path, names, analyses)]
    try:
        return _csv_done(path, names, analyses)
    except UnicodeDecodeError:
        raise OutputError(f"{path}: not a batch output (not UTF-8 text)") from None


def _parquet_table(path: Path, names: list[str], analyses: Sequence[str]) -> Any:
    pyarrow = _require_pyarrow()
    try:
        table = pyarrow.parquet.read_table(path)
    except (pyarrow.ArrowException, OSError) as exc:
        raise OutputError(f"{path}: not a readable Parquet file: {exc}") from None
    if table.column_names != names:
        raise _mismatch(path, table.column_names, analyses)
    return table


class RowWriter:
    """Writes rows to an output as they come; a context manager (closing finishes the file)."""

    def __init__(self, path: Path, analyses: Sequence[str]) -> None:
        self.path = path
        self.analyses = tuple(analyses)
        self.columns = columns(self.analyses)
        self.names = [name for name, _ in self.columns]

    def write(self, record: BatchRecord) -> None:
        """Write one record's row (and flush it)."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class _Appender(RowWriter):
    def __init__(self, path: Path, analyses: Sequence[str]) -> None:
        super().__init__(path, analyses)
        try:  # not through a link planted after the output was checked
            handle = os.open(
                path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666
            )
            self._stream = open(handle, "a", encoding="utf-8", newline="")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        self._fresh = self._stream.tell() == 0

    def _append(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except OSError as exc:
            raise OutputError(f"{self.path}: cannot write: {exc.strerror}") from None

    def close(self) -> None:
        self._stream.close()


def _json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False) + "\n"


class _JsonlWriter(_Appender):
    def write(self, record: BatchRecord) -> None:
        self._append(_json_line({**record.row(), "results": record.results()}))


def _csv_text(cell: Cell) -> str:
    if cell is None:
        return ""
    return csv_cell(cell) if isinstance(cell, str) else repr(cell)


class _CsvWriter(_Appender):
    def _line(self, cells: list[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(cells)
        return buffer.getvalue()

    def write(self, record: BatchRecord) -> None:
        text = self._line([_csv_text(cell) for cell in record.row().values()])
        if self._fresh:
            text = self._line(self.names) + text
            self._fresh = False
        self._append(text)

    def close(self) -> None:
        if self._fresh:
            self._append(self._line(self.names))
        super().close()


class _ParquetWriter(RowWriter):
    def __init__(self, path: Path, analyses: Sequence[str]) -> None:
        super().__init__(path, analyses)
        pa = _require_pyarrow()
        self._pa = pa
        types = {str: pa.string(), int: pa.int64(), float: pa.float64()}
        self._schema = pa.schema([(name, types[kind]) for name, kind in self.columns])
        self._pending: list[dict[str, Cell]] = []
        earlier = [*self._previous_rows()]
        self._temporary = temporary_beside(path)
        try:
            self._journal = journal_path(path).open("a", encoding="utf-8")
        except OSError as exc:
            self._temporary.unlink(missing_ok=True)
            raise OutputError(f"{journal_path(path)}: cannot write: {exc.strerror}") from None
        self._writer: Any = None
        with self._failing():
            self._writer = pa.parquet.ParquetWriter(self._temporary, self._schema)
            if path.exists():
                for group in pa.parquet.ParquetFile(path).iter_batches(batch_size=_ROW_GROUP):
                    self._writer.write_table(pa.Table.from_batches([group]).cast(self._schema))
        self._pending.extend(earlier)

    @contextmanager
    def _failing(self) -> Iterator[None]:
        """A failure to write (a full disk) ends the run: the temporary goes, the journal keeps the rows."""
        try:
            yield
        except (OSError, self._pa.ArrowException) as exc:
            self._abandon()
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise OutputError(f"{self.path}: cannot write: {reason}") from None

    def _abandon(self) -> None:
        if self._writer is not None:
            with suppress(OSError, self._pa.ArrowException):
                self._writer.close()
            self._writer = None
        self._journal.close()
        self._temporary.unlink(missing_ok=True)

    def _previous_rows(self) -> list[dict[str, Cell]]:
        """Rows of a run killed outright: in the journal and not in the output (the journal stays)."""
        journal = journal_path(self.path)
        if not journal.exists():
            return []
        rows = _jsonl_rows(journal, self.names, self.analyses)
        if self.path.exists():
            written = set(_parquet_table(self.path, self.names, self.analyses).column("file").to_pylist())
            rows = [row for row in rows if row["file"] not in written]
        return rows

    def _flush_group(self) -> None:
        if self._pending:
            table = self._pa.Table.from_pylist(self._pending, schema=self._schema)
            with self._failing():
                self._writer.write_table(table)
            self._pending.clear()

    def write(self, record: BatchRecord) -> None:
        if self._writer is None:
            raise OutputError(f"{self.path}: cannot write: the output was abandoned after a failure")
        row = record.row()
        try:
            self._journal.write(_json_line(row))
            self._journal.flush()
        except OSError as exc:
            raise OutputError(f"{journal_path(self.path)}: cannot write: {exc.strerror}") from None
        self._pending.append(row)
        if len(self._pending) >= _ROW_GROUP:
            self._flush_group()

    def close(self) -> None:
        if self._writer is None:  # abandoned after a failure: nothing more to finish
            return
        self._flush_group()
        with self._failing():
            self._writer.close()
            self._writer = None
            # ParquetWriter creates its file 0600: give the output the permissions of any other
            os.chmod(self._temporary, output_mode(self.path))
            os.replace(self._temporary, self.path)
        self._journal.close()
        journal_path(self.path).unlink(missing_ok=True)


def open_writer(path: str | Path, analyses: Sequence[str]) -> RowWriter:
    """A writer that appends rows to ``path`` (created if absent) in the suffix's format.

    An existing output is continued, not replaced: the caller decides beforehand whether
    that is wanted (see :func:`argmap.batching.write_batch`), and checks it with
    :func:`done_files`.

    Parameters
    ----------
    path : str or Path
        ``.jsonl``, ``.csv`` or ``.parquet``.
    analyses : sequence of str
        The analyses whose columns the rows have.

    Returns
    -------
    RowWriter

    Raises
    ------
    UsageError
        For another suffix, or Parquet without pyarrow.
    OutputError
        If the file cannot be written.
    """
    path = Path(path)
    kind = output_kind(path)
    if kind == "parquet":
        return _ParquetWriter(path, analyses)
    return _JsonlWriter(path, analyses) if kind == "jsonl" else _CsvWriter(path, analyses)
