"""argmap's own file format, in YAML and in JSON (the same structure).

Parsing is strict where silent acceptance would lose data: a duplicate key is an
error, YAML is read with a safe loader, and YAML 1.1's surprises are switched off
(``yes``/``no``/``on``/``off`` stay strings, dates stay strings). Writing is
deterministic: the same map always gives the same bytes.

Examples
--------
>>> m = loads_yaml("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a}\\n")
>>> print(dumps_yaml(m), end="")
argmap: 1
title: T
statements:
- id: A
  kind: claim
  text: a
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from argmap._yaml import parse_yaml
from argmap.errors import ParseError, Problem
from argmap.io._checks import check_statement_count
from argmap.io._jsonutil import json_locator, parse_json, sniffed_json
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["JSON", "YAML", "dumps_json", "dumps_yaml", "loads_json", "loads_yaml"]

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block style, except that spans are written inline: ``span: {start: 3, end: 9}``."""


class _Inline(dict[str, Any]):
    pass


_Dumper.add_representer(
    _Inline, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)


def _decode(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ParseError(
            [Problem(f"not UTF-8: undecodable byte at offset {exc.start}", file=name, line=line)]
        ) from None
    return text.removeprefix("\ufeff")


def _locator(text: str) -> Any:
    """A function from data paths to 1-based (line, column), built lazily from the YAML node tree."""
    table: dict[tuple[str | int, ...], tuple[int, int]] | None = None

    def build() -> dict[tuple[str | int, ...], tuple[int, int]]:
        found: dict[tuple[str | int, ...], tuple[int, int]] = {}
        try:
            # JSON is YAML for this purpose once tabs (legal in JSON only as whitespace) are spaces.
            root = yaml.compose(text.replace("\t", " "), Loader=_BaseLoader)
        except yaml.YAMLError:
            return found

        def walk(node: yaml.Node, path: tuple[str | int, ...]) -> None:
            found[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode):
                        walk(value, (*path, key.value))
            elif isinstance(node, yaml.SequenceNode):
                for index, item in enumerate(node.value):
                    walk(item, (*path, index))

        if root is not None:
            walk(root, ())
        return found

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        nonlocal table
        if table is None:
            table = build()
        return table.get(path)

    return locate


def loads_yaml(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Parse and validate a map written in YAML.

    Parameters
    ----------
    text : str
        The YAML.
    name : str
        The file name, for messages.
    source : SourceDocument, optional
        When given, spans and ``source.sha256`` are checked against it.
    limits : Limits, optional
        Nesting, aliases and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        On a YAML syntax error or duplicate key, with its line; or input beyond a limit.
    MapValidationError
        Listing every problem of the map, with lines.

    Examples
    --------
    >>> loads_yaml("argmap: 1\\ntitle: T\\ntitle: U\\n", name="m.yaml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: m.yaml:3:1: YAML: duplicate key 'title'
    """
    limits = limits if limits is not None else default_limits()
    data = parse_yaml(text, name, limits)
    if data is None:  # no document, or only comments: say where the map was expected
        raise ParseError([Problem("the file holds no YAML document (a map is a mapping)", file=name, line=1)])
    locate = _locator(text)
    check_statement_count(data, name, limits, locate)
    return build_map(data, file=name, locate=locate, source=source)


def loads_json(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Parse and validate a map written in JSON.

    Parameters
    ----------
    text : str
        The JSON.
    name : str
        The file name, for messages.
    source : SourceDocument, optional
        When given, spans and ``source.sha256`` are checked against it.
    limits : Limits, optional
        Nesting and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        On a JSON syntax error or duplicate key, with its line; or input beyond a limit.
    MapValidationError
        Listing every problem of the map, with lines.

    Examples
    --------
    >>> loads_json('{"argmap": 1, "title": "T"}').title
    'T'
    """

    limits = limits if limits is not None else default_limits()
    data = parse_json(text, name, limits)
    locate = json_locator(text)  # from offsets: placing a problem must not cost a second parse
    check_statement_count(data, name, limits, locate)
    return build_map(data, file=name, locate=locate, source=source)


def _file_data(argument_map: ArgumentMap, inline_spans: bool) -> dict[str, Any]:
    data = argument_map.to_data()
    if inline_spans:
        for statement in data.get("statements", ()):
            if "span" in statement:
                statement["span"] = _Inline(statement["span"])
    return data


def dumps_yaml(argument_map: ArgumentMap) -> str:
    """The map as YAML text, deterministic (same map, same text).

    Examples
    --------
    >>> from argmap.model import Statement, Span
    >>> m = ArgumentMap(title="T", statements=[Statement(id="A", kind="claim", text="a",
    ...     span=Span(start=0, end=4))])
    >>> "span: {start: 0, end: 4}" in dumps_yaml(m)
    True
    """
    return yaml.dump(
        _file_data(argument_map, inline_spans=True),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def dumps_json(argument_map: ArgumentMap) -> str:
    """The map as JSON text (two-space indent, UTF-8 characters kept), deterministic.

    Examples
    --------
    >>> print(dumps_json(ArgumentMap(title="T")), end="")
    {
      "argmap": 1,
      "title": "T"
    }
    """
    return json.dumps(_file_data(argument_map, inline_spans=False), indent=2, ensure_ascii=False) + "\n"


YAML = register(
    Format(
        name="yaml",
        suffixes=(".yaml", ".yml"),
        description="argmap's own format in YAML: carries everything",
        reader=lambda data, name, source, limits: loads_yaml(_decode(data, name), name, source, limits),
        writer=lambda argument_map: dumps_yaml(argument_map).encode("utf-8"),
    )
)

JSON = register(
    Format(
        name="json",
        suffixes=(".json",),
        description="argmap's own format in JSON: carries everything",
        reader=lambda data, name, source, limits: loads_json(_decode(data, name), name, source, limits),
        writer=lambda argument_map: dumps_json(argument_map).encode("utf-8"),
        sniff=lambda data: isinstance(obj := sniffed_json(data), dict) and "argmap" in obj,
    )
)
