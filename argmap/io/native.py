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
import re
from collections.abc import Hashable
from typing import Any, ClassVar

import yaml

from argmap.errors import ParseError, Problem
from argmap.io._checks import check_json_text_depth, check_statement_count, too_deep_for_the_parser
from argmap.io._jsonutil import json_locator, line_of, sniffed_json
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["JSON", "YAML", "dumps_json", "dumps_yaml", "loads_json", "loads_yaml", "parse_yaml"]

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _too_deep(root: yaml.Node, limit: int) -> yaml.Node | None:
    """The first node nested deeper than ``limit`` in a tree without aliases, if any."""
    containers = (yaml.MappingNode, yaml.SequenceNode)
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return node
        if isinstance(node, yaml.MappingNode):
            stack.extend(
                (part, depth + 1) for pair in node.value for part in pair if isinstance(part, containers)
            )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value if isinstance(item, containers))
    return None


def _unfolded_shape(root: yaml.Node) -> tuple[int, int, yaml.Node]:
    """The tree as every alias would unfold: its number of nodes, its depth, and its deepest node.

    Memoised over shared nodes, so linear in the file; a recursive alias counts once.
    """
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    deepest: dict[int, yaml.Node] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            sizes[key], depths[key], deepest[key] = 1, 0, node
            continue
        if children_done:
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in children)
            below = max(children, key=lambda child: depths.get(id(child), 0), default=None)
            depths[key] = 1 + (depths.get(id(below), 0) if below is not None else 0)
            deepest[key] = (
                deepest.get(id(below), node) if below is not None and depths.get(id(below)) else node
            )
        elif key not in sizes:
            sizes[key], depths[key], deepest[key] = 1, 1, node  # provisional: a recursive alias meets itself
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)], depths[id(root)], deepest[id(root)]


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loading with YAML 1.2 booleans, dates as strings, duplicate keys refused."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_BOOL_TAG, _TIMESTAMP_TAG)]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    limits: Limits
    name: str
    may_alias: bool

    def construct_document(self, node: yaml.Node) -> Any:
        # Aliases share nodes, so a small file can stand for a huge tree ("billion laughs") that
        # explodes whenever it is walked or written: measure the tree as it would unfold (memoised,
        # so in linear time) and refuse a bomb, or nesting deeper than the limit, before building it.
        # Without a '*' the file has no alias: a plain walk for the depth is enough (and cheaper).
        if self.may_alias:
            size, depth, deepest = _unfolded_shape(node)
            self.limits.check_yaml_nodes(size, self.name, node.start_mark.line + 1)
            self.limits.check_depth(depth, self.name, deepest.start_mark.line + 1)
        elif (deep := _too_deep(node, self.limits.max_depth)) is not None:
            _, depth, _ = _unfolded_shape(node)
            self.limits.check_depth(depth, self.name, deep.start_mark.line + 1)
        return super().construct_document(node)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


for _first in ("t", "T", "f", "F"):
    _Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(
        0, (_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


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


def parse_yaml(text: str, name: str, limits: Limits) -> Any:
    """YAML text parsed safely within ``limits`` (aliases, nesting), duplicate keys refused.

    YAML 1.2's booleans only (``yes``/``no`` stay strings) and dates as strings; every
    YAML file argmap reads (maps, scheme catalogues) goes through here.

    Returns
    -------
    Any
        The data, ``None`` for a file with no document.

    Raises
    ------
    ParseError
        On a syntax error, a duplicate key, a character YAML does not allow (each with
        its line), or an alias bomb or nesting beyond the limits.

    Examples
    --------
    >>> parse_yaml("a: [1, yes]\\n", "x.yaml", Limits())
    {'a': [1, 'yes']}
    >>> parse_yaml("a: [[[1]]]\\n", "x.yaml", Limits(max_depth=2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: x.yaml:1: nested 4 levels deep, above the limit max_depth=2 (raise it ...
    """
    loader = _Loader(text)
    loader.limits, loader.name, loader.may_alias = limits, name, "*" in text
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        raise ParseError([Problem(f"YAML: {message}", file=name, line=line, column=column)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: its line, in one line
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        character = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"YAML: unacceptable character #x{character:04x}: {exc.reason}"
        raise ParseError([Problem(message, file=name, line=line, column=column)]) from None
    except yaml.YAMLError as exc:
        raise ParseError([Problem(f"YAML: {' '.join(str(exc).split())}", file=name, line=1)]) from None
    except RecursionError:
        raise ParseError([Problem("YAML: nested too deeply for the parser", file=name)]) from None
    finally:
        loader.dispose()
    return data


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

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise _DuplicateKeyError(key)
            result[key] = value
        return result

    limits = limits if limits is not None else default_limits()
    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise ParseError(
            [Problem(f"JSON: {exc.msg}", file=name, line=exc.lineno, column=exc.colno)]
        ) from None
    except _DuplicateKeyError as exc:
        second = line_of(text, rf'"{re.escape(exc.key)}"\s*:', occurrence=2)  # when YAML cannot tell
        line, column = _duplicate_key_position(text, exc.key) or (second or 1, None)
        raise ParseError(
            [Problem(f"JSON: duplicate key {exc.key!r}", file=name, line=line, column=column)]
        ) from None
    except RecursionError:
        raise too_deep_for_the_parser(text, name, limits, "JSON") from None
    check_json_text_depth(data, text, name, limits)
    locate = json_locator(text)  # from offsets: placing a problem must not cost a second parse
    check_statement_count(data, name, limits, locate)
    return build_map(data, file=name, locate=locate, source=source)


def _duplicate_key_position(text: str, key: str) -> tuple[int, int] | None:
    """Where ``key`` first appears twice in one mapping (JSON's parser does not say)."""
    try:
        root = yaml.compose(text.replace("\t", " "), Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, value in node.value:
                stack.append(value)
                if not isinstance(key_node, yaml.ScalarNode):  # "? [a]: b" in text that is no JSON
                    continue
                if key_node.value == key and key in seen:
                    return key_node.start_mark.line + 1, key_node.start_mark.column + 1
                seen.add(key_node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


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
