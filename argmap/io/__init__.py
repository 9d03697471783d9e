"""Reading and writing maps: one entry point, formats chosen by name, suffix or (``.json``) content.

Examples
--------
>>> import tempfile, pathlib
>>> from argmap.model import ArgumentMap, Statement
>>> m = ArgumentMap(title="T", statements=[Statement(id="A", kind="claim", text="a")])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
>>> _ = save(m, path)
>>> load(path) == m
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import OutputError, UsageError
from argmap.io import native as _native  # noqa: F401 - registers yaml and json first: .json writes argmap's JSON

# isort: split
from argmap._files import read_file
from argmap.io import aif as _aif  # noqa: F401 - registers the interchange formats
from argmap.io import argdown as _argdown  # noqa: F401
from argmap.io import frameworks as _frameworks  # noqa: F401
from argmap.io import graphml as _graphml  # noqa: F401
from argmap.io import microtexts as _microtexts  # noqa: F401
from argmap.io import nodelink as _nodelink  # noqa: F401
from argmap.io._jsonutil import forget_sniffed
from argmap.io.registry import (
    Detected,
    Format,
    candidates_for_path,
    detect_format,
    format_for_path,
    formats,
    get_format,
    register,
)
from argmap.io.writing import check_output, write_bytes_atomic, write_files_atomic
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument

__all__ = [
    "Detected",
    "Format",
    "candidates_for_path",
    "check_output",
    "detect_format",
    "dumps",
    "format_for_path",
    "formats",
    "get_format",
    "load",
    "load_detected",
    "loads",
    "refuse_overwriting_inputs",
    "register",
    "save",
    "write_bytes_atomic",
    "write_files_atomic",
]


def _resolve(path: str | Path, format: str | None) -> Format:
    return get_format(format) if format is not None else format_for_path(path)


def load(
    path: str | Path,
    format: str | None = None,
    *,
    source: SourceDocument | str | Path | None = None,
    limits: Limits | None = None,
) -> ArgumentMap:
    """Read a map file.

    Parameters
    ----------
    path : str or Path
        The file to read.
    format : str, optional
        A format name (see :func:`formats`); by default chosen from the suffix, and for
        a suffix several formats share (``.json``) from the content: see
        :func:`detect_format`, which also says which format was chosen.
    source : SourceDocument, str or Path, optional
        The source document (or its path): spans and ``source.sha256`` are checked
        against it too.
    limits : Limits, optional
        What the reader accepts (size, nesting, aliases, entities, statements); by
        default :func:`argmap.limits.default_limits`.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    UnknownFormatError
        If the format or suffix is unknown, or a shared suffix's content matches no
        format or several.
    ParseError
        If the file cannot be read or parsed, or is beyond a limit (the message names
        the limit and how to raise it).
    MapValidationError
        Listing every problem of the map, each with file, line and id.
    """
    return load_detected(path, format, source=source, limits=limits)[0]


def load_detected(
    path: str | Path,
    format: str | None = None,
    *,
    source: SourceDocument | str | Path | None = None,
    limits: Limits | None = None,
) -> tuple[ArgumentMap, Detected]:
    """Read a map file as :func:`load` does, and say which format it was read as, and how.

    The file is read once: for a shared suffix (``.json``) the content that decides the
    format is the content read.

    Returns
    -------
    tuple of ArgumentMap and Detected
        The map, and the format with how it was chosen (``"name"``, ``"suffix"`` or
        ``"content"``).

    Raises
    ------
    ArgmapError
        As :func:`load`.

    Examples
    --------
    >>> m, detected = load_detected("graphs/ukraine-us-alliance.yaml")
    >>> detected.format.name, detected.how
    ('yaml', 'suffix')
    """
    if format is not None:
        get_format(format)
    else:
        candidates_for_path(path)
    if source is not None and not isinstance(source, SourceDocument):
        source = SourceDocument.read(source)
    limits = limits if limits is not None else default_limits()
    data = read_file(path, limits)
    detected = detect_format(path, data, format)
    fmt = detected.format
    if fmt.reader is None:
        raise UsageError(f"argmap cannot read the {fmt.name} format (it only writes it)")
    try:
        return fmt.reader(data, str(path), source, limits), detected
    finally:
        forget_sniffed()


def loads(
    data: str | bytes,
    format: str = "yaml",
    *,
    name: str = "<string>",
    source: SourceDocument | None = None,
    limits: Limits | None = None,
) -> ArgumentMap:
    """Read a map from a string or bytes in the named format.

    Parameters
    ----------
    data : str or bytes
        The content.
    format : str
        A format name (see :func:`formats`).
    name : str
        The file name used in messages (and, for Argdown, to resolve ``@include``
        when it names a real file).
    source : SourceDocument, optional
        The source document, for spans.
    limits : Limits, optional
        What the reader accepts; by default :func:`argmap.limits.default_limits`.

    Returns
    -------
    ArgumentMap

    Raises
    ------
    UnknownFormatError
        If the format is unknown.
    UsageError
        If argmap only writes the format.
    ParseError
        If the content cannot be parsed or is beyond a limit.
    MapValidationError
        Listing every problem of the map.

    Examples
    --------
    >>> loads('{"argmap": 1, "title": "T"}', format="json").title
    'T'
    """
    fmt = get_format(format)
    if fmt.reader is None:
        raise UsageError(f"argmap cannot read the {fmt.name} format (it only writes it)")
    limits = limits if limits is not None else default_limits()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    limits.check_bytes(len(raw), name)
    return fmt.reader(raw, name, source, limits)


def dumps(argument_map: ArgumentMap, format: str = "yaml") -> bytes:
    """The map in the named format, as bytes.

    Examples
    --------
    >>> dumps(ArgumentMap(title="T"), "json")
    b'{\\n  "argmap": 1,\\n  "title": "T"\\n}\\n'
    """
    fmt = get_format(format)
    if fmt.writer is None:
        raise UsageError(f"argmap cannot write the {fmt.name} format (it only reads it)")
    return fmt.writer(argument_map)


def save(argument_map: ArgumentMap, path: str | Path, format: str | None = None) -> Path:
    """Write a map file atomically; the format comes from the suffix unless named.

    The same map always gives the same bytes, and ``load(save(m, p)) == m``.

    Returns
    -------
    Path
        The path written.

    Raises
    ------
    UnknownFormatError
        If the format or suffix is unknown.
    OutputError
        If the file cannot be written (nothing is left half-written).
    """
    fmt = _resolve(path, format)
    return write_bytes_atomic(Path(path), dumps(argument_map, fmt.name))


def refuse_overwriting_inputs(
    output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse to write ``output`` over one of ``inputs`` (the same path, a link to it, or a hard link).

    Raises
    ------
    OutputError
        If ``output`` is the same file as an input.

    Examples
    --------
    >>> refuse_overwriting_inputs("out.svg", ["map.yaml"])
    >>> refuse_overwriting_inputs("./map.yaml", ["map.yaml"])
    Traceback (most recent call last):
    ...
    argmap.errors.OutputError: ./map.yaml: refusing to write over the input file map.yaml
    """
    target = Path(output)
    for source in map(Path, inputs):
        same = target.resolve() == source.resolve()
        if not same and target.exists() and source.exists():
            same = target.samefile(source)
        if same:
            raise OutputError(f"{output}: refusing to write over the input file {source}")
