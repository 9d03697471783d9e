"""Counts that describe a map at a glance (what ``argmap show`` prints).

Examples
--------
>>> from argmap.model import ArgumentMap, Statement, Relation
>>> m = ArgumentMap(title="T", main_claim="C", statements=[
...     Statement(id="C", kind="claim", text="c"), Statement(id="P", kind="premise", text="p"),
...     Statement(id="Q", kind="premise", text="q")],
...     relations=[Relation(id="R", type="support", sources=["P", "Q"], to="C")])
>>> s = summarize(m)
>>> s.statements_by_kind, s.linked, s.undercuts
({'claim': 1, 'premise': 2}, 1, 0)
"""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict

from argmap.model import RELATION_TYPES, STATEMENT_KINDS, ArgumentMap

__all__ = ["MapSummary", "counted", "summarize"]


class MapSummary(BaseModel):
    """Headline counts of a map."""

    model_config = ConfigDict(frozen=True)

    title: str
    main_claim: str | None
    statements: int
    relations: int
    statements_by_kind: dict[str, int]
    relations_by_type: dict[str, int]
    linked: int
    undercuts: int
    sections: tuple[str, ...]
    anchored: int


def summarize(argument_map: ArgumentMap) -> MapSummary:
    """Count statements by kind, relations by type, linked arguments, undercuts and sections.

    Kinds and types appear in the format's order, only those present. ``anchored`` is
    the number of statements with a span.

    Parameters
    ----------
    argument_map : ArgumentMap

    Returns
    -------
    MapSummary
    """
    kinds: Counter[str] = Counter(s.kind for s in argument_map.statements)
    types: Counter[str] = Counter(r.type for r in argument_map.relations)
    sections = dict.fromkeys(s.section for s in argument_map.statements if s.section is not None)
    return MapSummary(
        title=argument_map.title,
        main_claim=argument_map.main_claim,
        statements=len(argument_map.statements),
        relations=len(argument_map.relations),
        statements_by_kind={k: kinds[k] for k in STATEMENT_KINDS if kinds[k]},
        relations_by_type={t: types[t] for t in RELATION_TYPES if types[t]},
        linked=sum(1 for r in argument_map.relations if r.linked),
        undercuts=sum(1 for r in argument_map.relations if argument_map.is_undercut(r)),
        sections=tuple(sections),
        anchored=sum(1 for s in argument_map.statements if s.span is not None),
    )


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``count`` and ``word``, in the plural unless the count is one: how argmap says a count.

    Parameters
    ----------
    count : int
    word : str
        The singular.
    plural : str, optional
        Defaults to ``word + "s"``.

    Returns
    -------
    str

    Examples
    --------
    >>> counted(1, "step"), counted(5, "step"), counted(0, "inference"), counted(2, "analysis", "analyses")
    ('1 step', '5 steps', '0 inferences', '2 analyses')
    """
    return f"{count} {word if count == 1 else plural or word + 's'}"
