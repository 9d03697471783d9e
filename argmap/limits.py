"""Limits on what a reader accepts: file size, nesting depth, YAML aliases, XML entities, statements.

A map may come from anyone, so every reader checks its input against one :class:`Limits`
before the input can cost much: a file too large, nested too deep, a YAML alias bomb, an
XML entity declaration, or more statements than asked for is a
:class:`~argmap.errors.ParseError` that names the file, the limit and how to raise it,
never a hang or an exhausted memory.

The limits in force are those passed to :func:`argmap.load`/:func:`argmap.loads`
(``limits=``); without them, those set with :func:`set_default_limits` (the command line's
``--limits``), else those in the environment variable ``ARGMAP_LIMITS``
(``"max_bytes=1e9,max_statements=5000000"``), else the defaults below. A worker process
of a batch run reads the same variable, so one setting covers every process.

=====================  ============  =======================================================
limit                  default       what it bounds
=====================  ============  =======================================================
``max_bytes``          100,000,000   the size of a file (with everything it includes)
``max_depth``          200           nesting: JSON/YAML containers, XML elements, Argdown
                                     relation levels and ``@include`` chains
``max_yaml_nodes``     5,000,000     the values a YAML file unfolds to when it uses aliases
``max_statements``     1,000,000     statements (arguments of a framework) in one map
``xml_entities``       False         whether an XML file may declare entities (external
                                     entities and resources are refused always)
``includes``           True          whether an Argdown ``@include`` is followed (only to a
                                     regular file inside the including file's folder; a
                                     Dask batch run refuses them: see ``argmap.batching``)
``max_attacks``        5,000,000     attacks the semantics derive from one map (a relation
                                     inherits its sources' attackers, support adds more):
                                     checked before they are built
=====================  ============  =======================================================

Examples
--------
>>> Limits().max_statements
1000000
>>> Limits.parse("max_statements=10, xml_entities=yes").max_statements
10
>>> Limits(max_depth=3).check_depth(4, "m.json", line=2)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.errors.ParseError: m.json:2: nested 4 levels deep, above the limit max_depth=3 (raise it ...)
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from argmap.errors import LimitError, ParseError, Problem, UsageError

__all__ = ["ENVIRONMENT_VARIABLE", "Limits", "default_limits", "set_default_limits"]

ENVIRONMENT_VARIABLE = "ARGMAP_LIMITS"
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class Limits:
    """What a reader accepts; see the module documentation for each limit and its default.

    Parameters
    ----------
    max_bytes : int
        The largest file, in bytes (an Argdown file with its ``@include`` files counts whole).
    max_depth : int
        The deepest nesting of containers, elements, relation levels or includes.
    max_yaml_nodes : int
        The most values a YAML file that uses aliases may unfold to.
    max_statements : int
        The most statements in one map.
    xml_entities : bool
        Whether XML files may declare entities.
    includes : bool
        Whether an Argdown ``@include`` is followed (inside the including file's folder only).
    max_attacks : int
        The most attacks an analysis may derive from one map (its attack framework).

    Raises
    ------
    UsageError
        If a number is not positive.

    Examples
    --------
    >>> Limits(max_bytes=0)
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: limit max_bytes must be a positive integer, not 0
    """

    max_bytes: int = 100_000_000
    max_depth: int = 200
    max_yaml_nodes: int = 5_000_000
    max_statements: int = 1_000_000
    xml_entities: bool = False
    includes: bool = True
    max_attacks: int = 5_000_000

    def __post_init__(self) -> None:
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.type in (int, "int") and (
                isinstance(value, bool) or not isinstance(value, int) or value < 1
            ):
                raise UsageError(f"limit {item.name} must be a positive integer, not {value!r}")
            if item.type in (bool, "bool") and not isinstance(value, bool):
                raise UsageError(f"limit {item.name} must be true or false, not {value!r}")

    @classmethod
    def parse(cls, text: str, base: Limits | None = None) -> Limits:
        """Limits from ``"name=value,name=value"`` text (the form of ``--limits`` and ``ARGMAP_LIMITS``).

        Numbers may be written ``1000000``, ``1_000_000`` or ``1e6``; switches ``yes``/``no``.
        Unnamed limits keep their value in ``base`` (default: the defaults).

        Raises
        ------
        UsageError
            On an unknown name (the message lists the known ones) or a bad value.

        Examples
        --------
        >>> Limits.parse("max_bytes=2e9").max_bytes
        2000000000
        >>> Limits.parse("max_size=1")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.UsageError: unknown limit 'max_size'; known limits: max_bytes, max_depth, ...
        """
        values: dict[str, int | bool] = {}
        types = {item.name: item.type for item in dataclasses.fields(cls)}
        for part in text.split(","):
            if not part.strip():
                continue
            name, equals, raw = (piece.strip() for piece in part.partition("="))
            if name not in types:
                raise UsageError(f"unknown limit {name!r}; known limits: {', '.join(types)}")
            if not equals or not raw:
                raise UsageError(f"limit {name} needs a value: {name}=VALUE")
            values[name] = _switch(name, raw) if types[name] in (bool, "bool") else _number(name, raw)
        return dataclasses.replace(base or cls(), **values)  # type: ignore[arg-type]

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> Limits:
        """The defaults, changed by ``ARGMAP_LIMITS`` where it is set.

        Raises
        ------
        UsageError
            If the variable names an unknown limit or a bad value.

        Examples
        --------
        >>> Limits.from_environment({"ARGMAP_LIMITS": "max_depth=50"}).max_depth
        50
        """
        text = (os.environ if environment is None else environment).get(ENVIRONMENT_VARIABLE, "")
        return _parsed_environment(text) if cls is Limits else _parse_environment(cls, text)

    def _exceeded(self, what: str, limit: str, file: str, line: int | None) -> ParseError:
        value = getattr(self, limit)
        if isinstance(value, bool):
            how = f"allow it with --limits {limit}=yes, {ENVIRONMENT_VARIABLE} or Limits({limit}=True)"
            message = f"{what}, refused by the limit {limit}=no ({how})"
        else:
            how = f"raise it with --limits {limit}=N, {ENVIRONMENT_VARIABLE} or Limits({limit}=...)"
            message = f"{what}, above the limit {limit}={value} ({how})"
        return ParseError([Problem(message, file=file, line=line)])

    def check_bytes(self, size: int, file: str, *, more: bool = False) -> None:
        """Refuse a file larger than ``max_bytes``.

        Raises
        ------
        ParseError
            Naming the file, its size and the limit.

        Examples
        --------
        >>> Limits(max_bytes=10).check_bytes(11, "m.yaml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.ParseError: m.yaml: the file has 11 bytes, above the limit max_bytes=10 (raise it ...
        """
        if size > self.max_bytes:
            what = f"more than {self.max_bytes:,}" if more else f"{size:,}"
            raise self._exceeded(f"the file has {what} bytes", "max_bytes", file, None)

    def check_depth(self, depth: int, file: str, line: int | None = None) -> None:
        """Refuse nesting deeper than ``max_depth``.

        Raises
        ------
        ParseError
            Naming the file, the line where the nesting crosses the limit (where known) and the limit.
        """
        if depth > self.max_depth:
            raise self._exceeded(f"nested {depth:,} levels deep", "max_depth", file, line)

    def check_yaml_nodes(self, nodes: int, file: str, line: int | None = None) -> None:
        """Refuse YAML whose aliases unfold to more than ``max_yaml_nodes`` values.

        Raises
        ------
        ParseError
            Naming the file, the line of the document and the limit.

        Examples
        --------
        >>> Limits(max_yaml_nodes=9).check_yaml_nodes(10, "m.yaml", 1)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.ParseError: m.yaml:1: YAML aliases unfold to 10 values (an alias bomb?), above ...
        """
        if nodes > self.max_yaml_nodes:
            raise self._exceeded(
                f"YAML aliases unfold to {nodes:,} values (an alias bomb?)", "max_yaml_nodes", file, line
            )

    def check_statements(self, count: int, file: str, line: int | None = None) -> None:
        """Refuse a map with more than ``max_statements`` statements.

        Raises
        ------
        ParseError
            Naming the file, the line of the first statement beyond the limit (where known) and the limit.

        Examples
        --------
        >>> Limits(max_statements=2).check_statements(3, "m.af", 1)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.ParseError: m.af:1: 3 statements, above the limit max_statements=2 (raise it ...
        """
        if count > self.max_statements:
            raise self._exceeded(f"{count:,} statements", "max_statements", file, line)

    def check_attacks(self, count: int, file: str | None = None) -> None:
        """Refuse an attack framework with more than ``max_attacks`` attacks, before it is built.

        Raises
        ------
        LimitError
            Naming the file (where known), the count (or a lower bound) and the limit.

        Examples
        --------
        >>> Limits(max_attacks=10).check_attacks(11, "m.apx")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.LimitError: m.apx: the map's attack framework has at least 11 attacks, above ...
        """
        if count > self.max_attacks:
            how = f"raise it with --limits max_attacks=N, {ENVIRONMENT_VARIABLE} or Limits(max_attacks=...)"
            where = f"{file}: " if file else ""
            raise LimitError(
                f"{where}the map's attack framework has at least {count:,} attacks, "
                f"above the limit max_attacks={self.max_attacks:,} ({how})"
            )

    def entity_error(self, file: str, line: int | None = None) -> ParseError:
        """The error for an XML entity declaration while ``xml_entities`` is off.

        Examples
        --------
        >>> print(Limits().entity_error("m.xml", 2))  # doctest: +ELLIPSIS
        m.xml:2: XML: the file declares an entity, refused by the limit xml_entities=no (allow it with ...
        """
        return self._exceeded("XML: the file declares an entity", "xml_entities", file, line)

    def include_error(self, written: str, file: str, line: int | None = None) -> ParseError:
        """The error for an Argdown ``@include`` while ``includes`` is off.

        Examples
        --------
        >>> print(Limits(includes=False).include_error("b.argdown", "m.argdown", 2))  # doctest: +ELLIPSIS
        m.argdown:2: @include(b.argdown), refused by the limit includes=no (allow it with ...
        """
        return self._exceeded(f"@include({written})", "includes", file, line)


def _parse_environment(cls: type[Limits], text: str) -> Limits:
    try:
        return cls.parse(text)
    except UsageError as exc:
        raise UsageError(f"{ENVIRONMENT_VARIABLE}: {exc}") from None


@cache
def _parsed_environment(text: str) -> Limits:
    """``ARGMAP_LIMITS`` parsed once per value: readers ask for the defaults on every file."""
    return _parse_environment(Limits, text)


def _number(name: str, raw: str) -> int:
    try:
        value = float(raw.replace("_", "")) if any(c in raw for c in ".eE") else int(raw.replace("_", ""))
    except ValueError:
        raise UsageError(f"limit {name} must be a positive integer, not {raw!r}") from None
    if not math.isfinite(value) or value != int(value) or value < 1:
        raise UsageError(f"limit {name} must be a positive integer, not {raw!r}")
    return int(value)


def _switch(name: str, raw: str) -> bool:
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise UsageError(f"limit {name} must be yes or no, not {raw!r}")


_DEFAULT: list[Limits] = []


def default_limits() -> Limits:
    """The limits readers use when none are passed: set ones, else ``ARGMAP_LIMITS``, else the defaults.

    Raises
    ------
    UsageError
        If ``ARGMAP_LIMITS`` is malformed.

    Examples
    --------
    >>> set_default_limits(Limits(max_depth=20))
    >>> default_limits().max_depth
    20
    >>> set_default_limits(None)
    """
    return _DEFAULT[0] if _DEFAULT else Limits.from_environment()


def set_default_limits(limits: Limits | None) -> None:
    """Set the limits used when none are passed, for this process; ``None`` goes back to the environment's.

    Examples
    --------
    >>> set_default_limits(None)
    >>> default_limits() == Limits.from_environment()
    True
    """
    _DEFAULT[:] = [limits] if limits is not None else []
