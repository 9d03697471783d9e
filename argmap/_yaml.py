"""YAML text parsed safely within :class:`~argmap.limits.Limits`: the one YAML reader of argmap.

Maps (:mod:`argmap.io.native`) and scheme catalogues (:mod:`argmap.schemes`) are read
through :func:`parse_yaml`; it sits at the bottom of the layers (docs/architecture.md) so
that both can use it without the schemes importing :mod:`argmap.io`.

Examples
--------
>>> parse_yaml("on: off\\n", "x.yaml", Limits())
{'on': 'off'}
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any, ClassVar

import yaml

from argmap.errors import ParseError, Problem
from argmap.limits import Limits

__all__ = ["parse_yaml"]

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
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
