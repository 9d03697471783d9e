"""Reading files from people argmap does not know: the one reader every input goes through.

A map, an Argdown ``@include``, a ``--source`` text, an article to extract from, a scheme
catalogue, a framework file and each file of a batch run are all read by :func:`read_file`:

- only a regular file is opened for reading, unless the caller asks for another kind
  (``special=True``); the file is opened with ``O_NONBLOCK``, so a FIFO never blocks the
  open, and its kind is checked on the open descriptor (``fstat``), so a FIFO, a device
  (``/dev/zero``), a socket or a directory is a one-line :class:`~argmap.errors.ParseError`;
- the size is checked against the budget before anything is read, and at most one byte
  beyond it is read, so a file that grows (or reports no size, as ``/proc`` files do) is
  refused too, never read whole.

:func:`include_file` adds the policy of ``@include``: the ``includes`` limit, a target that
must stay inside the including document's folder after symbolic links are resolved, a
regular file, and the bytes of every file included counted against ``max_bytes`` before it
is read. Its errors name the file and line of the ``@include``.

Examples
--------
>>> read_file("no/such/file.yaml", Limits())
Traceback (most recent call last):
...
argmap.errors.ParseError: no/such/file.yaml: cannot read: No such file or directory
>>> read_file("/dev/zero", Limits())
Traceback (most recent call last):
...
argmap.errors.ParseError: /dev/zero: cannot read: not a regular file (a character device)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from argmap.errors import ParseError, Problem
from argmap.limits import Limits

__all__ = ["include_file", "read_file"]

_KINDS = (
    (stat.S_ISDIR, "it is a directory"),
    (stat.S_ISFIFO, "not a regular file (a FIFO)"),
    (stat.S_ISCHR, "not a regular file (a character device)"),
    (stat.S_ISBLK, "not a regular file (a block device)"),
    (stat.S_ISSOCK, "not a regular file (a socket)"),
)
_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


def _kind_problem(mode: int) -> str:
    return next((problem for test, problem in _KINDS if test(mode)), "not a regular file")


def read_file(
    path: str | os.PathLike[str],
    limits: Limits,
    *,
    budget: int | None = None,
    special: bool = False,
    what: str = "cannot read",
) -> bytes:
    """A file's bytes, read through the size limit; only a regular file unless ``special``.

    Parameters
    ----------
    path : str or PathLike
        The file.
    limits : Limits
        Its ``max_bytes`` bounds the read (unless ``budget`` is given).
    budget : int, optional
        The most bytes to accept, when less than ``max_bytes`` is left (an include counts
        against what its document has used).
    special : bool
        Read a FIFO, a device or another file that is not regular too (blocking, still
        bounded by the budget); for an input the user names explicitly as such.
    what : str
        The start of the message when the file cannot be opened or read.

    Returns
    -------
    bytes

    Raises
    ------
    ParseError
        If the file cannot be opened, is not a regular file (and ``special`` is false), is
        a directory, or is larger than the budget; one line naming the file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
    >>> _ = p.write_bytes(b"argmap: 1\\n")
    >>> read_file(p, Limits())
    b'argmap: 1\\n'
    >>> read_file(p, Limits(max_bytes=5))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: ...m.yaml: the file has 10 bytes, above the limit max_bytes=5 (raise it ...
    """
    name = os.fspath(path)
    cap = limits.max_bytes if budget is None else min(budget, limits.max_bytes)
    try:
        descriptor = os.open(name, _OPEN_FLAGS)
    except OSError as exc:
        problem = "it is a directory" if isinstance(exc, IsADirectoryError) else exc.strerror
        raise ParseError([Problem(f"{what}: {problem}", file=name)]) from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode) and (not special or stat.S_ISDIR(status.st_mode)):
        os.close(descriptor)
        raise ParseError([Problem(f"{what}: {_kind_problem(status.st_mode)}", file=name)])
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        if stat.S_ISREG(status.st_mode):
            _check_size(status.st_size, cap, limits, name)
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        size = 0
        try:
            while size <= cap and (chunk := stream.read(min(cap + 1 - size, 1 << 22))):
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise ParseError([Problem(f"{what}: {exc.strerror}", file=name)]) from None
    _check_size(size, cap, limits, name, read=True)  # a file that grew, or one that reports no size
    return b"".join(chunks)


def _check_size(size: int, cap: int, limits: Limits, name: str, *, read: bool = False) -> None:
    if size <= cap:
        return
    if cap >= limits.max_bytes:
        limits.check_bytes(size, name, more=read)
    raise ParseError(
        [
            Problem(
                f"more than the {cap:,} bytes left within the limit max_bytes={limits.max_bytes}", file=name
            )
        ]
    )


def include_file(
    written: str, including: str, line: int, document: str, limits: Limits, used: int
) -> tuple[Path, bytes]:
    """Resolve and read the file an ``@include`` names, under the include policy.

    Parameters
    ----------
    written : str
        The path as the ``@include`` writes it (relative to the including file).
    including : str
        The file holding the ``@include``.
    line : int
        The line of the ``@include`` in that file.
    document : str
        The file argmap was asked to read: every include, at any depth, must resolve
        (symbolic links followed) inside its folder.
    limits : Limits
        ``includes`` must be on; the included bytes count against ``max_bytes``.
    used : int
        The bytes of the document and the files included so far.

    Returns
    -------
    tuple of Path and bytes
        The resolved path (to include each file once) and the file's bytes.

    Raises
    ------
    ParseError
        At ``including:line``, if includes are refused, the path leaves the folder, is not
        a regular file, cannot be read, or would take the document past ``max_bytes``.

    Examples
    --------
    >>> include_file("/etc/passwd", "m.argdown", 3, "m.argdown", Limits(), 0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: m.argdown:3: @include(/etc/passwd): outside the folder of m.argdown ...
    >>> include_file("b.argdown", "m.argdown", 3, "m.argdown", Limits(includes=False), 0)
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: m.argdown:3: @include(b.argdown), refused by the limit includes=no (allow ...
    """
    if not limits.includes:
        raise limits.include_error(written, including, line)

    def fail(problem: str) -> ParseError:
        return ParseError([Problem(f"@include({written}): {problem}", file=including, line=line)])

    folder = Path(document).parent.resolve()
    shown = Path(including).parent / written
    target = shown.resolve()
    if not target.is_relative_to(folder):
        raise fail(f"outside the folder of {document} (an include must stay in the including file's folder)")
    try:
        status = target.stat()
    except OSError as exc:
        raise fail(f"cannot read {shown}: {exc.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        raise fail(f"cannot read {shown}: {_kind_problem(status.st_mode)}")
    if used + status.st_size > limits.max_bytes:
        raise fail(
            f"the document with its includes would have {used + status.st_size:,} bytes, above the limit "
            f"max_bytes={limits.max_bytes} (raise it with --limits max_bytes=N)"
        )
    try:
        data = read_file(target, limits, budget=limits.max_bytes - used, what=f"cannot read {shown}")
    except ParseError as exc:
        raise fail(exc.problems[0].message) from None
    return target, data
