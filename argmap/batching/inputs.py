"""The files a batch run reads: INPUTS (files, folders, globs) expanded into a list of map files.

=====================  ======================================================================
input                  what becomes of it
=====================  ======================================================================
a file                 always a task; a suffix no format reads gives an ``unknown-format``
                       error row (you named it, so you hear about it)
a folder               every file below it (recursively, sorted, hidden entries included,
                       symbolic links to folders not followed) whose suffix a format reads;
                       the others are skipped without a row and counted in ``ignored``
a glob (``*?[``)       its matches (``**`` recursive), each file as if found in a folder and
                       each folder walked; a glob that matches nothing is an error
=====================  ======================================================================

A file reached twice (named and inside a named folder) is read once. A path that does not
exist and is not a glob stops the run before it starts (a :class:`UsageError`), so that a
typo does not cost hours.

Examples
--------
>>> found = expand_inputs(["graphs"])
>>> "graphs/ukraine-us-alliance.yaml" in found.files, found.ignored > 0
(True, True)
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import UsageError
from argmap.io import formats

__all__ = ["Inputs", "expand_inputs", "readable_suffixes"]


@dataclass(frozen=True)
class Inputs:
    """The files to read, in order, and how many files in folders were skipped (unknown suffix)."""

    files: tuple[str, ...]
    ignored: int


def readable_suffixes() -> frozenset[str]:
    """The file suffixes (lower case, with the dot) some registered format reads.

    Examples
    --------
    >>> ".yaml" in readable_suffixes(), ".txt" in readable_suffixes()
    (True, False)
    """
    return frozenset(s for fmt in formats() if fmt.reader is not None for s in fmt.suffixes)


def _walk(folder: str) -> list[str]:
    found: list[str] = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories.sort()
        found.extend(os.path.join(directory, name) for name in sorted(names))
    return found


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Inputs:
    """Expand files, folders and globs into the map files to read (see the module's table).

    Parameters
    ----------
    inputs : iterable of str or path
        Files, folders and glob patterns.

    Returns
    -------
    Inputs

    Raises
    ------
    UsageError
        If an input neither exists nor matches anything as a glob, or no input is given.

    Examples
    --------
    >>> expand_inputs(["graphs/*.yaml"]).files[:1]
    ('graphs/ukraine-us-alliance.yaml',)
    >>> expand_inputs(["no/such/place"])
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: no such file or folder: no/such/place
    """
    suffixes = readable_suffixes()
    files: dict[str, str] = {}
    ignored: set[str] = set()
    given = [os.fspath(item) for item in inputs]
    if not given:
        raise UsageError("no input given: name files, folders or globs")

    def add(path: str, *, named: bool) -> None:
        if not named and Path(path).suffix.lower() not in suffixes:
            ignored.add(os.path.realpath(path))
            return
        files.setdefault(os.path.realpath(path), path)

    for item in given:
        if os.path.isdir(item):
            for path in _walk(item):
                add(path, named=False)
        elif os.path.lexists(item):
            add(item, named=True)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise UsageError(f"the glob {item} matches nothing")
            for match in matches:
                if os.path.isdir(match):
                    for path in _walk(match):
                        add(path, named=False)
                else:
                    add(match, named=False)
        else:
            raise UsageError(f"no such file or folder: {item}")
    return Inputs(files=tuple(files.values()), ignored=len(ignored))
