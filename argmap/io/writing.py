"""Writing files: atomically, as a set, and only onto what may be replaced.

Every file argmap writes goes through here (batch rows, which are appended, go through
:func:`check_output` and :func:`temporary_beside`). The policy, for every command:

* an output that is a **directory**, a **device**, a **FIFO** or a **socket** is refused
  (``/dev/null`` is not turned into a regular file);
* an output that is a **symbolic link** is refused, not followed: write to its target, or
  remove the link (a link planted where argmap writes cannot redirect the write);
* an output that is **read-only** (no write permission for its owner) is refused, even for
  root: make it writable or remove it first;
* anything else is replaced atomically: the new bytes go to a temporary file beside the
  output, are flushed to disk, and the temporary is renamed over the output, so a failure
  leaves the old file whole and no temporary behind.

Temporaries are named ``.<name>.argmap-<pid>-<random>.tmp``. One left by a process killed
outright (whose pid no longer runs) is removed by the next write of the same output.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_files_atomic({folder / "a.txt": b"a", folder / "b.txt": b"b"})
>>> sorted(p.name for p in folder.iterdir())
['a.txt', 'b.txt']
>>> check_output(folder)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.errors.OutputError: ...: is a directory, not a file
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from argmap.errors import OutputError

__all__ = [
    "check_output",
    "output_mode",
    "process_alive",
    "remove_stale_temporaries",
    "temporary_beside",
    "write_bytes_atomic",
    "write_files_atomic",
]

_TAG = ".argmap-"
_OWNER = re.compile(r"\.argmap-(\d+)-[^.]*\.tmp\Z")


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_output(path: str | os.PathLike[str]) -> None:
    """Refuse an output argmap must not replace (see the module's policy); an absent one is fine.

    Raises
    ------
    OutputError
        If ``path`` is a directory, a device, a FIFO, a socket, a symbolic link or read-only.

    Examples
    --------
    >>> check_output("no/such/output.svg")
    >>> check_output("/dev/null")
    Traceback (most recent call last):
    ...
    argmap.errors.OutputError: /dev/null: is a device, not a regular file; refusing to replace it
    """
    name = os.fspath(path)
    try:
        info = os.lstat(name)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror}") from None
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        raise OutputError(
            f"{name}: is a symbolic link; argmap does not write through links (name its target, or remove it)"
        )
    if stat.S_ISDIR(mode):
        raise OutputError(f"{name}: is a directory, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise OutputError(f"{name}: is a device, not a regular file; refusing to replace it")
    if not stat.S_ISREG(mode):
        what = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file"
        raise OutputError(f"{name}: is {what}, not a regular file; refusing to replace it")
    if not mode & stat.S_IWUSR:
        raise OutputError(f"{name}: is read-only; refusing to replace it (make it writable or remove it)")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine.

    Examples
    --------
    >>> process_alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    except OverflowError:
        return False
    return True


def remove_stale_temporaries(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporaries of ``path`` left by argmap processes that no longer run.

    Returns
    -------
    list of Path
        The files removed.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / ".m.svg.argmap-999999999-x.tmp").write_bytes(b"half")
    >>> [p.name for p in remove_stale_temporaries(folder / "m.svg")]
    ['.m.svg.argmap-999999999-x.tmp']
    """
    target = Path(path)
    removed: list[Path] = []
    pattern = os.path.join(glob.escape(os.fspath(_folder(target))), f".{glob.escape(target.name)}{_TAG}*.tmp")
    for name in glob.glob(pattern, include_hidden=True):
        owner = _OWNER.search(name)
        if owner is None or process_alive(int(owner.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(name)
            removed.append(Path(name))
    return removed


def temporary_beside(path: Path) -> Path:
    """A new empty temporary file beside ``path``, named as this process's (stale ones are removed first).

    Raises
    ------
    OutputError
        If the folder does not exist or cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> t = temporary_beside(pathlib.Path(tempfile.mkdtemp()) / "m.svg")
    >>> t.name.startswith(f".m.svg.argmap-{os.getpid()}-"), t.suffix
    (True, '.tmp')
    """
    remove_stale_temporaries(path)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.name}{_TAG}{os.getpid()}-", suffix=".tmp", dir=_folder(path)
        )
    except OSError as exc:
        raise OutputError(f"cannot write {os.fspath(path)!r}: {exc.strerror}") from None
    os.close(handle)
    return Path(name)


def output_mode(path: Path) -> int:
    """The permissions to write ``path`` with: an existing file's own, else 0666 less the umask.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile() as existing:
    ...     os.chmod(existing.name, 0o640)
    ...     oct(output_mode(Path(existing.name)))
    '0o640'
    """
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fill(temporary: Path, data: bytes, mode: int) -> None:
    with temporary.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(temporary, mode)


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write bytes to a temporary file beside ``path``, flush it to disk, then rename it over ``path``.

    A failure (a full disk, an interruption, a crash) never leaves a half-written file:
    ``path`` holds either its old content or the new, and the temporary is removed. An
    existing file keeps its permissions; a new one gets 0666 less the umask.

    Parameters
    ----------
    path : Path
        The file to write.
    data : bytes
        Its new content.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    OutputError
        If the folder does not exist or cannot be written, or ``path`` is refused by
        :func:`check_output` (a directory, device, FIFO, socket, link or read-only file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = write_bytes_atomic(pathlib.Path(tempfile.mkdtemp()) / "x.txt", b"hi")
    >>> p.read_bytes()
    b'hi'
    """
    write_files_atomic({path: data})
    return path


def write_files_atomic(files: Mapping[Path, bytes]) -> list[Path]:
    """Write several files as one set: all of them, or none (the old ones stay as they were).

    Every file's bytes go to a temporary first; only when all are on disk are they renamed
    over their outputs. If a rename fails, the outputs already replaced get their old
    content back (kept as hard links until the end) and new ones are removed.

    Parameters
    ----------
    files : mapping of Path to bytes
        Each output and its new content.

    Returns
    -------
    list of Path
        The outputs, in the order given.

    Raises
    ------
    OutputError
        As :func:`write_bytes_atomic`, for the first output that fails; nothing is written then.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in write_files_atomic({folder / "a": b"1", folder / "b": b"2"})]
    ['a', 'b']
    """
    targets = [Path(path) for path in files]
    for target in targets:
        check_output(target)
    temporaries: dict[Path, Path] = {}
    backups: dict[Path, Path | None] = {}
    replaced: list[Path] = []
    current = targets[0] if targets else Path(".")
    try:
        for current, data in zip(targets, files.values(), strict=True):
            temporaries[current] = temporary_beside(current)
            _fill(temporaries[current], data, output_mode(current))
        if len(targets) > 1:
            for current in targets:
                backups[current] = _backup(current)
        for current in targets:
            os.replace(temporaries[current], current)
            del temporaries[current]
            replaced.append(current)
    except BaseException as exc:  # an interruption too: all or none
        for target in replaced:
            _restore(target, backups.get(target))
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {os.fspath(current)!r}: {exc.strerror}") from None
        raise
    finally:
        for temporary in [*temporaries.values(), *(b for b in backups.values() if b is not None)]:
            temporary.unlink(missing_ok=True)
    return targets


def _backup(target: Path) -> Path | None:
    """A hard link to ``target``'s present content (``None`` if it does not exist)."""
    if not target.exists():
        return None
    backup = temporary_beside(target)
    backup.unlink()
    try:
        try:
            os.link(target, backup)
        except OSError:  # a file system without hard links
            shutil.copy2(target, backup)
    except OSError as exc:
        raise OutputError(f"cannot write {os.fspath(target)!r}: {exc.strerror}") from None
    return backup


def _restore(target: Path, backup: Path | None) -> None:
    with contextlib.suppress(OSError):
        if backup is None:
            target.unlink()
        else:
            os.replace(backup, target)
