"""The registry of file formats: one entry per format, looked up by name or suffix.

Each format module registers a :class:`Format` with a reader (bytes to map) and/or a
writer (map to bytes). An unknown name or suffix is an error listing the known ones:
argmap never guesses.

Examples
--------
>>> get_format("yaml").suffixes
('.yaml', '.yml')
>>> format_for_path("map.yml").name
'yaml'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import UnknownFormatError
from argmap.model import ArgumentMap
from argmap.source import SourceDocument

__all__ = ["Format", "Reader", "Writer", "format_for_path", "formats", "get_format", "register"]

Reader = Callable[[bytes, str, "SourceDocument | None"], ArgumentMap]
Writer = Callable[[ArgumentMap], bytes]


@dataclass(frozen=True)
class Format:
    """A file format argmap reads and/or writes.

    Parameters
    ----------
    name : str
        The name used by ``format=`` and ``--from``/``--to``.
    suffixes : tuple of str
        File suffixes (lower case, with the dot); the first is the one written.
    description : str
        What the format carries, one line.
    reader : callable, optional
        ``reader(data, file_name, source_document) -> ArgumentMap``.
    writer : callable, optional
        ``writer(argument_map) -> bytes``.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Reader | None = None
    writer: Writer | None = None


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format to the registry (a later registration of a name replaces it)."""
    _FORMATS[fmt.name] = fmt
    return fmt


def formats() -> list[Format]:
    """Every registered format, in registration order.

    Examples
    --------
    >>> [f.name for f in formats()][:2]
    ['yaml', 'json']
    """
    return list(_FORMATS.values())


def get_format(name: str) -> Format:
    """The format with this name.

    Raises
    ------
    UnknownFormatError
        If no format has this name; the message lists the known ones.
    """
    try:
        return _FORMATS[name]
    except KeyError:
        known = ", ".join(_FORMATS)
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}") from None


def format_for_path(path: str | Path) -> Format:
    """The format a file's suffix names.

    Raises
    ------
    UnknownFormatError
        If the suffix is unknown or missing; the message lists the known suffixes.
    """
    suffix = Path(path).suffix.lower()
    for fmt in _FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(s for f in _FORMATS.values() for s in f.suffixes)
    what = f"unknown file suffix {suffix!r}" if suffix else "no file suffix"
    raise UnknownFormatError(f"{path}: {what}; known suffixes: {known} (or name the format)")
