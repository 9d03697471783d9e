"""The checks of :class:`~argmap.limits.Limits` that several readers share: nesting depth, statement count.

Each runs before the data can cost much (a walk of a deeply nested value, the validation
of a million statements) and reports the line where the limit is crossed when the text
tells it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from argmap.errors import ParseError, Problem
from argmap.limits import Limits

__all__ = [
    "check_json_text_depth",
    "check_statement_count",
    "check_value_depth",
    "depth_of_json_text",
    "too_deep_for_the_parser",
    "value_depth",
]

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')

Locate = Callable[[tuple[str | int, ...]], "tuple[int, int] | None"]


def value_depth(value: Any, stop: int) -> int:
    """How deeply lists and mappings nest in ``value`` (a scalar is 0); past ``stop``, some depth above it.

    Level by level, looking only at the types of values (parsed JSON and YAML hold plain
    ``dict`` and ``list``): about a fifth of the time ``json.loads`` took to build them.

    Examples
    --------
    >>> value_depth({"a": [1, {"b": "x"}]}, 100)
    3
    """
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > stop:
            return depth
        below: list[Any] = []
        for item in level:
            for child in item.values() if type(item) is dict else item:
                if type(child) is dict or type(child) is list:
                    below.append(child)
        level = below
    return depth


def depth_of_json_text(text: str, stop: int | None = None) -> tuple[int, int | None]:
    """The deepest nesting of brackets in JSON text, and the line where it first passes ``stop``.

    Examples
    --------
    >>> depth_of_json_text('{"a": "[[[", "b":\\n [[1]]}', stop=2)
    (3, 2)
    """
    depth = deepest = 0
    line: int | None = None
    for match in _JSON_TOKEN.finditer(text):
        token = match.group(0)
        if token in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if stop is not None and line is None and depth > stop:
                    line = text.count("\n", 0, match.start()) + 1
        elif token in ("]", "}"):
            depth -= 1
    return deepest, line


def check_value_depth(value: Any, name: str, limits: Limits, line: int | None = None) -> None:
    """Refuse a parsed value nested deeper than ``limits.max_depth``.

    Raises
    ------
    ParseError
        Naming the file, ``line`` and the limit.

    Examples
    --------
    >>> check_value_depth([[[]]], "x.json", Limits(max_depth=2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.json: nested 3 levels deep, above the limit max_depth=2 ...
    """
    if value_depth(value, limits.max_depth) > limits.max_depth:
        limits.check_depth(value_depth(value, sys.maxsize), name, line)


def check_json_text_depth(value: Any, text: str, name: str, limits: Limits) -> None:
    """Refuse parsed JSON nested deeper than ``limits.max_depth``, naming the line where it passes the limit.

    Raises
    ------
    ParseError
        Naming the file, the line and the limit.

    Examples
    --------
    >>> check_json_text_depth([[[]]], "[\\n[\\n[]]]", "x.json", Limits(max_depth=2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.json:3: nested 3 levels deep, above the limit max_depth=2 ...
    """
    if text.count("[") + text.count("{") <= limits.max_depth:
        return  # too few brackets to nest that deep: no need to walk the value
    if value_depth(value, limits.max_depth) > limits.max_depth:
        deepest, line = depth_of_json_text(text, stop=limits.max_depth)
        limits.check_depth(deepest, name, line)


def too_deep_for_the_parser(text: str, name: str, limits: Limits, what: str) -> ParseError:
    """The error for JSON the parser itself found too deep: the limit's, if it is below the parser's."""
    deepest, line = depth_of_json_text(text, stop=limits.max_depth)
    try:
        limits.check_depth(deepest, name, line)
    except ParseError as exc:
        return exc
    _, line = depth_of_json_text(text, stop=deepest - 1)
    return ParseError(
        [Problem(f"{what}: nested too deeply for the parser ({deepest:,} levels)", file=name, line=line)]
    )


def check_statement_count(data: Any, name: str, limits: Limits, locate: Locate | None = None) -> None:
    """Refuse map data with more than ``limits.max_statements`` statements, naming the first one beyond.

    Raises
    ------
    ParseError
        Naming the file, the line of the first statement beyond the limit (where ``locate``
        knows it) and the limit.

    Examples
    --------
    >>> data = {"statements": [{}, {}]}
    >>> check_statement_count(data, "m.yaml", Limits(max_statements=1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: m.yaml: 2 statements, above the limit max_statements=1 ...
    """
    statements = data.get("statements") if isinstance(data, dict) else None
    if not isinstance(statements, list) or len(statements) <= limits.max_statements:
        return
    where = locate(("statements", limits.max_statements)) if locate is not None else None
    limits.check_statements(len(statements), name, where[0] if where else None)
