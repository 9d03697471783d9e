"""JSON helpers the interchange readers share: strict parsing with lines, cheap sniffing, positions.

Parsing refuses duplicate keys (never a silent overwrite) and reports syntax errors with
their line and column. Sniffing parses a file once however many formats ask about it.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argmap.errors import ParseError, Problem
from argmap.io._checks import check_json_text_depth, too_deep_for_the_parser
from argmap.limits import Limits

__all__ = [
    "decode_text",
    "forget_sniffed",
    "item_lines",
    "json_locator",
    "line_of",
    "parse_json",
    "sniffed_json",
]


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text without a byte-order mark; undecodable bytes are a ParseError with their line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            [Problem(f"not UTF-8: undecodable byte at offset {exc.start}", file=name, line=line)]
        ) from None
    return text.removeprefix("\ufeff")


def parse_json(text: str, name: str, limits: Limits | None = None) -> Any:
    """Parse JSON text strictly, within ``limits.max_depth`` (when limits are given).

    Raises
    ------
    ParseError
        On a syntax error (with line and column), a duplicate key (with its line), or
        nesting deeper than the limit or too deep for the parser (with the line).

    Examples
    --------
    >>> parse_json('{"a": 1, "a": 2}', "x.json")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.json:1: JSON: duplicate key 'a'
    """
    sniffed = _SNIFFED[0] if _SNIFFED else None
    if sniffed is not None and sniffed.strict and sniffed.text == text:
        value = sniffed.value  # parsed already, as strictly, while the formats sniffed it
        _SNIFFED.clear()  # the reader owns it now; the cache must not keep a large map alive
        if limits is not None:
            check_json_text_depth(value, text, name, limits)
        return value
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise ParseError(
            [Problem(f"JSON: {exc.msg}", file=name, line=exc.lineno, column=exc.colno)]
        ) from None
    except _DuplicateKeyError as exc:
        line = line_of(text, rf'"{re.escape(exc.key)}"\s*:', occurrence=2)
        raise ParseError([Problem(f"JSON: duplicate key {exc.key!r}", file=name, line=line)]) from None
    except RecursionError:
        raise too_deep_for_the_parser(text, name, limits or Limits(), "JSON") from None
    if limits is not None:
        check_json_text_depth(value, text, name, limits)
    return value


@dataclass(frozen=True)
class _Sniffed:
    data: bytes
    text: str | None
    value: Any
    strict: bool  # parsed without a duplicate key: parse_json may give this value again


_SNIFFED: list[_Sniffed] = []


def sniffed_json(data: bytes) -> Any:
    """The parsed JSON of ``data``, or ``None`` if it is not JSON; the last answer is remembered.

    Several formats share ``.json``; each sniffs the same bytes, and this parses them once.
    The reader chosen then gets the same value from :func:`parse_json` without parsing
    again, unless the text repeats a key (then ``parse_json`` parses it to say where).
    """
    if _SNIFFED and _SNIFFED[0].data is data:
        return _SNIFFED[0].value
    duplicates: list[str] = []

    def keep_last(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            duplicates.append("")
        return result

    text: str | None = None
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
        parsed: Any = json.loads(text, object_pairs_hook=keep_last)
    except (UnicodeDecodeError, ValueError, RecursionError):
        parsed = None
    _SNIFFED[:] = [_Sniffed(data, text, parsed, strict=parsed is not None and not duplicates)]
    return parsed


def forget_sniffed() -> None:
    """Drop the remembered parse of the last sniffed bytes (once the file has been read)."""
    _SNIFFED.clear()


def line_of(text: str, pattern: str, occurrence: int = 1) -> int | None:
    """The 1-based line of the ``occurrence``-th match of a regular expression, if any.

    Examples
    --------
    >>> line_of('{\\n "a": 1,\\n "b": 2}', r'"b"')
    3
    """
    for count, match in enumerate(re.finditer(pattern, text), start=1):
        if count == occurrence:
            return text.count("\n", 0, match.start()) + 1
    return None


def item_lines(text: str, key: str) -> list[int]:
    """The 1-based line of each item of the first JSON array under ``key`` (for messages about items).

    Examples
    --------
    >>> item_lines('{"nodes": [\\n {"a": 1},\\n {"b": [2, 3]}]}', "nodes")
    [2, 3]
    """
    found = re.search(rf'"{re.escape(key)}"\s*:\s*\[', text)
    if found is None:
        return []
    decoder = json.JSONDecoder()
    lines: list[int] = []
    position = found.end()
    whitespace = re.compile(r"[\s,]*")
    while True:
        position = whitespace.match(text, position).end()  # type: ignore[union-attr]
        if position >= len(text) or text[position] == "]":
            return lines
        lines.append(text.count("\n", 0, position) + 1)
        try:
            _, position = decoder.raw_decode(text, position)
        except (ValueError, RecursionError):
            return lines


def json_locator(text: str) -> Callable[[tuple[str | int, ...]], tuple[int, int] | None]:
    """A function from data paths to 1-based (line, column) in JSON text, cheap for a few paths.

    Only the containers on a path asked for are scanned, each once (its members' offsets
    are kept), and lines come from a table of line starts: placing one problem in a
    map of a million statements costs about one more parse of the part of the text it
    walks through, never a rebuild of the whole document as a tree of positions.

    Examples
    --------
    >>> locate = json_locator('{"a": 1,\\n "b": [10,\\n  {"c": true}]}')
    >>> locate(("b", 1, "c")), locate(("b", 0)), locate(("x",))
    ((3, 9), (2, 8), None)
    """
    decoder = json.JSONDecoder()
    space = re.compile(r"[ \t\n\r]*")
    members: dict[int, dict[str | int, int]] = {}
    starts: list[int] = []

    def skip(position: int) -> int:
        return space.match(text, position).end()  # type: ignore[union-attr]

    def scan(position: int) -> dict[str | int, int]:
        """The offset of each member's value in the object or array at ``position``."""
        found: dict[str | int, int] = {}
        is_object = text[position] == "{"
        position = skip(position + 1)
        index = 0
        while position < len(text) and text[position] not in "]}":
            if is_object:
                key, position = decoder.raw_decode(text, position)
                position = skip(skip(position) + 1)  # past the colon
            else:
                key, index = index, index + 1
            found.setdefault(key, position)
            _, position = decoder.raw_decode(text, position)
            position = skip(position)
            if position < len(text) and text[position] == ",":
                position = skip(position + 1)
        return found

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        try:
            position = skip(0)
            for part in path:
                if position >= len(text) or text[position] not in "[{":
                    return None
                if position not in members:
                    members[position] = scan(position)
                if part not in members[position]:
                    return None
                position = members[position][part]
        except (ValueError, RecursionError):
            return None
        if not starts:
            starts.extend([0, *(match.end() for match in re.finditer("\\n", text))])
        line = bisect.bisect_right(starts, position)
        return line, position - starts[line - 1] + 1

    return locate
