"""Phrasing what a conversion loses: counts in words, one line per kind of loss.

Each writer's module computes its own losses (``Format.losses``); this module only words them.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.io._structure import kinds_from_structure
from argmap.model import ArgumentMap

__all__ = ["counted", "kinds_not_from_structure", "listed", "loss_line", "set_on"]


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` things in words.

    Examples
    --------
    >>> counted(1, "span"), counted(68, "span"), counted(2, "answers mark", "answers marks")
    ('1 span', '68 spans', '2 answers marks')
    """
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def listed(items: Sequence[str]) -> str:
    """Items joined as English does.

    Examples
    --------
    >>> listed(["main claim"]), listed(["main claim", "68 spans"]), listed(["a", "b", "c"])
    ('main claim', 'main claim and 68 spans', 'a, b and c')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def loss_line(format_name: str, items: Sequence[str], what: str) -> tuple[str, ...]:
    """One line ``"<format>: <items> <what>"``, or none when there are no items.

    Examples
    --------
    >>> loss_line("argdown", ["main claim", "68 spans"], "kept in data blocks")
    ('argdown: main claim and 68 spans kept in data blocks',)
    >>> loss_line("aif", [], "lost")
    ()
    """
    return (f"{format_name}: {listed(items)} {what}",) if items else ()


def kinds_not_from_structure(argument_map: ArgumentMap) -> int:
    """How many statements have a kind other than the one a reader decides from the structure.

    Examples
    --------
    >>> from argmap.model import Statement
    >>> kinds_not_from_structure(ArgumentMap(title="T", statements=[
    ...     Statement(id="E", kind="evidence", text="e")]))
    1
    """
    kinds = kinds_from_structure(
        [s.id for s in argument_map.statements], [(r.type, r.sources, r.to) for r in argument_map.relations]
    )
    return sum(1 for s in argument_map.statements if kinds[s.id] != s.kind)


def set_on(argument_map: ArgumentMap, name: str) -> int:
    """How many statements and relations set the field ``name``; for ``answers``, how many marks.

    Examples
    --------
    >>> from argmap.model import Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="A", kind="claim", text="a", weight=0.0)])
    >>> set_on(m, "weight")
    1
    """
    values = [getattr(x, name, None) for x in (*argument_map.statements, *argument_map.relations)]
    if name == "answers":
        return sum(len(value) for value in values if value)
    return sum(1 for value in values if value is not None)
