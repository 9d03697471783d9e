"""Framework file formats: ASPARTIX ``.apx``, ``.tgf`` and ICCMA'23 ``.af``/``.i23``.

Each format is a pure parser (bytes to :class:`Parsed` arrays) and a pure generator
(arrays to text), registered under a name and its suffixes; file handling lives in
:meth:`AttackFramework.read` and :meth:`AttackFramework.write`. Every malformed input
is a :class:`~argmap.errors.ParseError` naming the file and line.

The ICCMA parser reads in bulk: the bytes are checked and converted with numpy, and
only a malformed file is read again line by line to say where it goes wrong.

Examples
--------
>>> parse_iccma(b"p af 3\\n1 2\\n2 3\\n", "x.af").sources.tolist()
[0, 1]
>>> format_for_path("graph.i23").name
'iccma'
>>> [f.name for f in framework_formats()]
['apx', 'tgf', 'iccma']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, NoReturn

import numpy as np
import numpy.typing as npt

from argmap.errors import ParseError, Problem, UnknownFormatError, UsageError

__all__ = [
    "FrameworkFormat",
    "Parsed",
    "format_for_path",
    "framework_formats",
    "generate_apx",
    "generate_iccma",
    "generate_tgf",
    "get_format",
    "parse_apx",
    "parse_iccma",
    "parse_tgf",
    "register",
]


class Parsed(NamedTuple):
    """What a parser returns: names (or a count, for names ``"1"``..``"n"``) and 0-based attacks."""

    names: tuple[str, ...] | int
    sources: npt.NDArray[np.int64]
    targets: npt.NDArray[np.int64]


Generator = Callable[[Sequence[str], npt.NDArray[np.int32], npt.NDArray[np.int32]], str]


@dataclass(frozen=True)
class FrameworkFormat:
    """A framework file format: its name, suffixes (the first is written), parser and generator."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    parse: Callable[[bytes, str], Parsed]
    generate: Generator


def _fail(message: str, file: str, line: int | None = None) -> NoReturn:
    raise ParseError([Problem(message, file=file, line=line)])


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        _fail(f"not UTF-8 text ({error.reason})", file, data.count(b"\n", 0, error.start) + 1)


def _as_arrays(pairs: list[int]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    flat = np.array(pairs, dtype=np.int64)
    return flat[0::2], flat[1::2]


# -- ASPARTIX (.apx) ----------------------------------------------------------------

_UNQUOTED = r"[^\s(),.\"%']+"
_QUOTED = r'"(?:[^"\\\n]|\\.)*"'
_NAME = f"({_UNQUOTED}|{_QUOTED})"
_FACT = re.compile(rf"(arg)\s*\(\s*{_NAME}\s*\)|(att)\s*\(\s*{_NAME}\s*,\s*{_NAME}\s*\)")
_GAP = re.compile(r"(?:\s+|%[^\n]*)*")
_DOT = re.compile(r"\s*\.")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_]+")


def _unquote(name: str) -> str:
    if name.startswith('"'):
        return re.sub(r"\\(.)", r"\1", name[1:-1])
    return name


def parse_apx(data: bytes, file: str = "<apx>") -> Parsed:
    """Parse ASPARTIX facts ``arg(a).`` and ``att(a,b).`` (any layout; ``%`` starts a comment).

    Names are unquoted constants or double-quoted strings. Repeated facts count once;
    an attack may come before the arguments it names.

    Raises
    ------
    ParseError
        On anything that is not a fact, an unfinished fact, or an attack naming an
        undeclared argument, with its line.

    Examples
    --------
    >>> parse_apx(b"arg(a). arg(b).\\natt(a,b).\\n").names
    ('a', 'b')
    >>> parse_apx(b"arg(a).\\natt(a,b).\\n", "x.apx")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.apx:2: attack names an undeclared argument 'b'
    """
    text = _decode(data, file)
    index: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    position, end = 0, len(text)
    while True:
        position = _GAP.match(text, position).end()  # type: ignore[union-attr]
        if position >= end:
            break
        fact = _FACT.match(text, position)
        if fact is None:
            snippet = text[position : position + 20].split("\n")[0]
            _fail(
                f"expected arg(x). or att(x,y). but found {snippet!r}",
                file,
                text.count("\n", 0, position) + 1,
            )
        dot = _DOT.match(text, fact.end())
        if dot is None:
            _fail("fact not closed by '.'", file, text.count("\n", 0, fact.end()) + 1)
        if fact.group(1):
            index.setdefault(_unquote(fact.group(2)), len(index))
        else:
            attacks.append((_unquote(fact.group(4)), _unquote(fact.group(5)), position))
        position = dot.end()
    pairs: list[int] = []
    for attacker, target, where in attacks:
        for name in (attacker, target):
            if name not in index:
                _fail(f"attack names an undeclared argument {name!r}", file, text.count("\n", 0, where) + 1)
        pairs += (index[attacker], index[target])
    return Parsed(tuple(index), *_as_arrays(pairs))


def generate_apx(names: Sequence[str], sources: npt.NDArray[np.int32], targets: npt.NDArray[np.int32]) -> str:
    """ASPARTIX facts, one per line; a name that is not ``[A-Za-z0-9_]+`` is written quoted.

    Examples
    --------
    >>> print(generate_apx(["a", "b.1"], np.array([0]), np.array([1])), end="")
    arg(a).
    arg("b.1").
    att(a,"b.1").
    """
    quoted = [
        name if _PLAIN_NAME.fullmatch(name) else '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        for name in names
    ]
    lines = [f"arg({name})." for name in quoted]
    lines += [
        f"att({quoted[s]},{quoted[t]})." for s, t in zip(sources.tolist(), targets.tolist(), strict=True)
    ]
    return "".join(line + "\n" for line in lines)


# -- Trivial Graph Format (.tgf) ----------------------------------------------------


def parse_tgf(data: bytes, file: str = "<tgf>") -> Parsed:
    """Parse TGF: one argument per line (its first field; the rest is a label), ``#``, then ``a b`` lines.

    Raises
    ------
    ParseError
        On an attack line without two fields or naming an unknown argument, with its line.

    Examples
    --------
    >>> parsed = parse_tgf(b"a\\nb\\n#\\nb a\\n")
    >>> parsed.names, parsed.sources.tolist(), parsed.targets.tolist()
    (('a', 'b'), [1], [0])
    """
    text = _decode(data, file)
    index: dict[str, int] = {}
    pairs: list[int] = []
    in_edges = False
    for number, line in enumerate(text.splitlines(), start=1):
        fields = line.split()
        if not fields:
            continue
        if not in_edges:
            if fields[0] == "#" and len(fields) == 1:
                in_edges = True
            else:
                index.setdefault(fields[0], len(index))
            continue
        if len(fields) < 2:
            _fail(f"expected an attack 'source target' but found {line.strip()!r}", file, number)
        for name in fields[:2]:
            if name not in index:
                _fail(f"attack names an undeclared argument {name!r}", file, number)
        pairs += (index[fields[0]], index[fields[1]])
    return Parsed(tuple(index), *_as_arrays(pairs))


def generate_tgf(names: Sequence[str], sources: npt.NDArray[np.int32], targets: npt.NDArray[np.int32]) -> str:
    """TGF text: the names, a ``#`` line, then one ``source target`` line per attack.

    Raises
    ------
    UsageError
        If a name is empty, is ``#``, or contains whitespace.

    Examples
    --------
    >>> print(generate_tgf(["a", "b"], np.array([0]), np.array([1])), end="")
    a
    b
    #
    a b
    """
    for name in names:
        if not name or name == "#" or len(name.split()) != 1 or name.split()[0] != name:
            raise UsageError(f"argument name {name!r} cannot be written as TGF (empty, '#' or whitespace)")
    lines = [*names, "#"]
    lines += [f"{names[s]} {names[t]}" for s, t in zip(sources.tolist(), targets.tolist(), strict=True)]
    return "".join(line + "\n" for line in lines)


# -- ICCMA'23 (.af, .i23) ----------------------------------------------------------

_COMMENT_LINE = re.compile(rb"(?m)^[ \t]*#[^\n]*")
_HEADER = re.compile(rb"\s*p[ \t]+af[ \t]+([0-9]{1,10})[ \t]*\r?(?:\n|\Z)")
_MAX_DIGITS = 10


def parse_iccma(data: bytes, file: str = "<af>") -> Parsed:
    """Parse the ICCMA'23 format: ``p af n``, then one ``i j`` line per attack (1-based).

    Lines starting with ``#`` are comments; blank lines are ignored. Arguments are named
    ``"1"`` .. ``"n"``.

    Raises
    ------
    ParseError
        On a missing or malformed header, a line that is not two integers, or an
        argument outside ``1..n``, with its line.

    Examples
    --------
    >>> parse_iccma(b"p af 2\\n1 3\\n", "x.af")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.af:2: argument 3 is outside 1..2
    """
    parsed = _parse_iccma_bulk(data)
    return parsed if parsed is not None else _parse_iccma_lines(data, file)


def _parse_iccma_bulk(data: bytes) -> Parsed | None:
    """The fast path: ``None`` when anything is off (the line-by-line parser then says what)."""
    if b"#" in data:
        data = _COMMENT_LINE.sub(b"", data)
    header = _HEADER.match(data)
    if header is None:
        return None
    n = int(header.group(1))
    canonical = _parse_iccma_canonical(data[header.end() :], n)
    if canonical is not None:
        return canonical
    body = np.frombuffer(data, dtype=np.uint8)[header.end() :]
    if body.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Parsed(n, empty, empty)
    digit = (body >= ord("0")) & (body <= ord("9"))
    newline = body == ord("\n")
    if not np.all(digit | newline | (body == ord(" ")) | (body == ord("\t")) | (body == ord("\r"))):
        return None
    starts = np.flatnonzero(digit & ~np.concatenate(([False], digit[:-1])))
    ends = np.flatnonzero(digit & ~np.concatenate((digit[1:], [False])))
    if starts.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Parsed(n, empty, empty)
    if int((ends - starts).max()) >= _MAX_DIGITS:
        return None
    line_breaks = np.flatnonzero(newline)
    tokens_before = np.searchsorted(starts, np.append(line_breaks, body.size))
    per_line = np.diff(tokens_before, prepend=0)
    if np.any((per_line != 0) & (per_line != 2)):
        return None
    values = np.fromstring(body.tobytes(), dtype=np.int64, sep=" ")
    if values.size != starts.size or (values.size and (values.min() < 1 or values.max() > n)):
        return None
    return Parsed(n, values[0::2] - 1, values[1::2] - 1)


def _parse_iccma_canonical(body: bytes, n: int) -> Parsed | None:
    """The fastest path, for files written as ``i j\\n`` lines only (as ICCMA's are).

    Each check is one pass in C: only digits, spaces and newlines; no blank line, no space
    next to a line break or another space; the spaces and line breaks alternate (so every line
    is two numbers); no number longer than nine digits. ``None`` when any fails.
    """
    if not body or body.translate(None, b"0123456789 \n"):
        return None
    if not body.endswith(b"\n"):
        body += b"\n"
    if body[0] in b" \n" or any(pair in body for pair in (b"  ", b"\n ", b" \n", b"\n\n")):
        return None
    raw = np.frombuffer(body, dtype=np.uint8)
    spaces = np.flatnonzero(raw == ord(" "))
    breaks = np.flatnonzero(raw == ord("\n"))
    if spaces.size != breaks.size:
        return None
    line_starts = np.concatenate(([0], breaks[:-1] + 1))
    if not (np.all(line_starts < spaces) and np.all(spaces < breaks)):
        return None
    if max(int((spaces - line_starts).max()), int((breaks - spaces).max()) - 1) >= _MAX_DIGITS:
        return None
    values = np.fromstring(body, dtype=np.int64, sep=" ")
    if values.size != 2 * spaces.size or values.min() < 1 or values.max() > n:
        return None
    return Parsed(n, values[0::2] - 1, values[1::2] - 1)


def _parse_iccma_lines(data: bytes, file: str) -> Parsed:
    text = _decode(data, file)
    n: int | None = None
    pairs: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if n is None:
            if len(fields) != 3 or fields[:2] != ["p", "af"] or not _is_count(fields[2]):
                _fail(f"expected the header 'p af <n>' but found {line.strip()!r}", file, number)
            n = int(fields[2])
            continue
        if len(fields) != 2 or not all(_is_count(field) for field in fields):
            _fail(f"expected an attack 'i j' (two argument numbers) but found {line.strip()!r}", file, number)
        for field in fields:
            if not 1 <= int(field) <= n:
                _fail(f"argument {int(field)} is outside 1..{n}", file, number)
        pairs += (int(fields[0]) - 1, int(fields[1]) - 1)
    if n is None:
        _fail("no 'p af <n>' header", file, 1)
    return Parsed(n, *_as_arrays(pairs))


def _is_count(field: str) -> bool:
    return field.isascii() and field.isdigit() and len(field) < _MAX_DIGITS


def generate_iccma(
    names: Sequence[str], sources: npt.NDArray[np.int32], targets: npt.NDArray[np.int32]
) -> str:
    """ICCMA'23 text: ``p af n`` and 1-based ``i j`` lines (names are dropped: ``i`` is ``names[i-1]``).

    Examples
    --------
    >>> print(generate_iccma(["a", "b"], np.array([1]), np.array([0])), end="")
    p af 2
    2 1
    """
    lines = [f"p af {len(names)}"]
    lines += map(
        "{} {}".format, (sources.astype(np.int64) + 1).tolist(), (targets.astype(np.int64) + 1).tolist()
    )
    return "\n".join(lines) + "\n"


# -- the registry -------------------------------------------------------------------

_FORMATS: dict[str, FrameworkFormat] = {}


def register(fmt: FrameworkFormat) -> FrameworkFormat:
    """Add a framework format (a later registration of the same name replaces it).

    Examples
    --------
    >>> register(get_format("tgf")).name
    'tgf'
    """
    _FORMATS[fmt.name] = fmt
    return fmt


def framework_formats() -> list[FrameworkFormat]:
    """Every registered framework format, in registration order.

    Examples
    --------
    >>> [f.suffixes for f in framework_formats()][-1]
    ('.af', '.i23')
    """
    return list(_FORMATS.values())


def get_format(name: str) -> FrameworkFormat:
    """The framework format with this name.

    Raises
    ------
    UnknownFormatError
        If no format has this name; the message lists the known ones.

    Examples
    --------
    >>> get_format("gml")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownFormatError: unknown framework format 'gml'; known formats: apx, tgf, iccma
    """
    try:
        return _FORMATS[name]
    except KeyError:
        raise UnknownFormatError(
            f"unknown framework format {name!r}; known formats: {', '.join(_FORMATS)}"
        ) from None


def format_for_path(path: str | Path) -> FrameworkFormat:
    """The framework format a file's suffix names.

    Raises
    ------
    UnknownFormatError
        If the suffix is unknown or missing; the message lists the known suffixes.

    Examples
    --------
    >>> format_for_path("x.apx").name
    'apx'
    >>> format_for_path("x.dot")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownFormatError: x.dot: unknown framework file suffix '.dot'; known suffixes: .apx, ...
    """
    suffix = Path(path).suffix.lower()
    for fmt in _FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    known = ", ".join(s for f in _FORMATS.values() for s in f.suffixes)
    what = f"unknown framework file suffix {suffix!r}" if suffix else "no file suffix"
    raise UnknownFormatError(f"{path}: {what}; known suffixes: {known}")


register(FrameworkFormat("apx", (".apx",), "ASPARTIX facts arg(a). att(a,b).", parse_apx, generate_apx))
register(
    FrameworkFormat("tgf", (".tgf",), "Trivial Graph Format: names, '#', edges", parse_tgf, generate_tgf)
)
register(
    FrameworkFormat(
        "iccma", (".af", ".i23"), "ICCMA'23: 'p af n' and 1-based 'i j' lines", parse_iccma, generate_iccma
    )
)
