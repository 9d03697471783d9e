"""The registry of file formats: one entry per format, looked up by name, suffix or content.

Each format module registers a :class:`Format` with a reader (bytes to map) and/or a
writer (map to bytes). An unknown name or suffix is an error listing the known ones:
argmap never guesses. Where several formats share a suffix (``.json``: argmap's own
JSON, AIF and networkx node-link), each has a ``sniff`` test of the file's content; the
one format whose test passes is chosen, and none or several is an error that asks for
the format by name.

Examples
--------
>>> get_format("yaml").suffixes
('.yaml', '.yml')
>>> format_for_path("map.yml").name
'yaml'
>>> detect_format("map.json", b'{"argmap": 1, "title": "T"}').format.name
'json'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from argmap.errors import UnknownFormatError
from argmap.io._jsonutil import sniffed_json
from argmap.limits import Limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument

__all__ = [
    "Detected",
    "Format",
    "Reader",
    "Sniffer",
    "Writer",
    "candidates_for_path",
    "detect_format",
    "format_for_path",
    "formats",
    "get_format",
    "register",
]

Reader = Callable[[bytes, str, "SourceDocument | None", Limits], ArgumentMap]
Writer = Callable[[ArgumentMap], bytes]
Sniffer = Callable[[bytes], bool]


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
        ``reader(data, file_name, source_document, limits) -> ArgumentMap``; it must
        refuse input beyond the :class:`~argmap.limits.Limits` with a ``ParseError``.
    writer : callable, optional
        ``writer(argument_map) -> bytes``.
    sniff : callable, optional
        ``sniff(data) -> bool``: whether the bytes look like this format; used only to
        choose between formats that share a suffix.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Sniffer | None = None


@dataclass(frozen=True)
class Detected:
    """The format chosen for a file, and how: by ``"name"``, by ``"suffix"``, or by ``"content"``."""

    format: Format
    how: Literal["name", "suffix", "content"]


_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format to the registry (a later registration of a name replaces it).

    Examples
    --------
    >>> register(get_format("yaml")).name
    'yaml'
    """
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

    Examples
    --------
    >>> get_format("yml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownFormatError: unknown format 'yml'; known formats: yaml, json, ...
    """
    try:
        return _FORMATS[name]
    except KeyError:
        known = ", ".join(_FORMATS)
        raise UnknownFormatError(f"unknown format {name!r}; known formats: {known}") from None


def _known_suffixes() -> str:
    return ", ".join(dict.fromkeys(s for f in _FORMATS.values() for s in f.suffixes))


def candidates_for_path(path: str | Path) -> list[Format]:
    """Every format whose suffixes include the file's suffix, in registration order.

    Raises
    ------
    UnknownFormatError
        If the suffix is unknown or missing; the message lists the known suffixes.

    Examples
    --------
    >>> [f.name for f in candidates_for_path("m.JSON")][:2]
    ['json', 'aif']
    """
    suffix = Path(path).suffix.lower()
    found = [fmt for fmt in _FORMATS.values() if suffix and suffix in fmt.suffixes]
    if not found:
        what = f"unknown file suffix {suffix!r}" if suffix else "no file suffix"
        raise UnknownFormatError(f"{path}: {what}; known suffixes: {_known_suffixes()} (or name the format)")
    return found


def format_for_path(path: str | Path) -> Format:
    """The format a file's suffix names; for a shared suffix, the first registered (used for writing).

    ``.json`` is written as argmap's own JSON unless another format is named.

    Raises
    ------
    UnknownFormatError
        If the suffix is unknown or missing; the message lists the known suffixes.

    Examples
    --------
    >>> format_for_path("out.json").name
    'json'
    """
    return candidates_for_path(path)[0]


def detect_format(path: str | Path, data: bytes | None = None, format: str | None = None) -> Detected:
    """The format to read a file with: named, else from the suffix, else from the content.

    Parameters
    ----------
    path : str or Path
        The file (its suffix is used; it is read only if ``data`` is not given and the
        suffix is shared by several formats).
    data : bytes, optional
        The file's content, if already read.
    format : str, optional
        A format name; when given, it is the answer.

    Returns
    -------
    Detected
        The format and how it was chosen (``"name"``, ``"suffix"`` or ``"content"``).

    Raises
    ------
    UnknownFormatError
        If the name or suffix is unknown, or the suffix is shared and the content matches
        none or several of its formats (the message lists them: name one).
    ParseError
        If the file must be read to decide and cannot be, or is larger than the
        ``max_bytes`` of :func:`argmap.limits.default_limits`.

    Examples
    --------
    >>> detect_format("m.json", b'{"nodes": [], "edges": [], "locutions": []}').format.name
    'aif'
    >>> detect_format("m.json", b'{"truncated": ').format.name  # no JSON: its reader says where
    'json'
    >>> detect_format("m.json", b'[1, 2]')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownFormatError: m.json: the content matches none of the formats for '.json' (json, ...
    """
    if format is not None:
        return Detected(get_format(format), "name")
    candidates = candidates_for_path(path)
    if len(candidates) == 1:
        return Detected(candidates[0], "suffix")
    if data is None:
        from argmap._files import read_file
        from argmap.limits import default_limits

        data = read_file(path, default_limits())
    matching = [fmt for fmt in candidates if fmt.sniff is not None and fmt.sniff(data)]
    if len(matching) == 1:
        return Detected(matching[0], "content")
    if not matching and sniffed_json(data) is None:
        # The formats sharing a suffix (.json) are all JSON: content that is no JSON at all
        # (empty, truncated, not UTF-8, too deep for the parser) is a parse error with its
        # line, which the suffix's first format reports, not a question of which format.
        return Detected(candidates[0], "suffix")
    names = ", ".join(fmt.name for fmt in candidates)
    suffix = Path(path).suffix.lower()
    what = "none" if not matching else "several (" + ", ".join(f.name for f in matching) + ")"
    raise UnknownFormatError(
        f"{path}: the content matches {what} of the formats for {suffix!r} ({names}); "
        "name one (format=..., --from)"
    )
