"""The pro/con outline of a map: the claim, then its reasons and objections, nested.

This is the view debate classes use. Under each statement come the relations into it:
supports (``+``) and attacks (``-``), each with its premises (a linked argument lists
its premises together, as one reason), and under a relation the undercuts that
attack it. A statement met again further down is shown once more by id only, so
cycles end. A statement that argues against the root (:func:`argmap.analysis.stance`:
an objection, or a reason for one) says ``(con)`` after its id, one that paths disagree
on ``(pro & con)``; a reply to an objection says nothing, as every reason for the root.

Examples
--------
>>> from argmap.model import ArgumentMap, Statement, Relation
>>> m = ArgumentMap(title="T", main_claim="C", statements=[
...     Statement(id="C", kind="claim", text="Take an umbrella."),
...     Statement(id="P", kind="premise", text="It will rain."),
...     Statement(id="R", kind="rebuttal", text="The sky is clear."),
...     Statement(id="E", kind="evidence", text="The forecast says rain.")],
...     relations=[Relation(id="R1", type="support", sources="P", to="C"),
...                Relation(id="R2", type="attack", sources="R", to="P"),
...                Relation(id="R3", type="attack", sources="E", to="R")])
>>> print(format_outline(outline(m)))
[C] Take an umbrella.
  + [P] It will rain.
    - [R] (con) The sky is clear.
      - [E] The forecast says rain.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from argmap.analysis.stance import stance
from argmap.errors import UsageError
from argmap.escape import markdown_inline
from argmap.model import ArgumentMap, Relation, default_claim

__all__ = ["OUTLINE_FORMATS", "OutlineItem", "Reason", "format_outline", "outline"]

OUTLINE_FORMATS = ("text", "markdown")


class OutlineItem(BaseModel):
    """A statement in the outline and the reasons given for and against it."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: str
    text: str
    repeated: bool = False
    reasons: tuple[Reason, ...] = ()
    side: Literal["pro", "con", "both", "none"] = "pro"


class Reason(BaseModel):
    """One relation into a statement (or relation): its premises and what attacks it."""

    model_config = ConfigDict(frozen=True)

    relation: str
    type: Literal["support", "attack"]
    premises: tuple[OutlineItem, ...]
    undercuts: tuple[Reason, ...] = ()

    @property
    def linked(self) -> bool:
        """Whether the premises only work jointly."""
        return len(self.premises) > 1


def outline(argument_map: ArgumentMap, claim: str | None = None, depth: int | None = None) -> OutlineItem:
    """The outline tree rooted at ``claim`` (default: the map's main claim).

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        The root statement's id; defaults to ``main_claim``, else the first claim.
    depth : int, optional
        How many levels of reasons to include (``None``: all).

    Returns
    -------
    OutlineItem

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    UsageError
        If no claim is given and the map has no statements.
    """
    root = claim if claim is not None else default_claim(argument_map)
    sides = stance(argument_map, root).sides
    into: dict[str, list[Relation]] = {}
    for relation in argument_map.relations:
        into.setdefault(relation.to, []).append(relation)

    def item(statement_id: str, level: int, path: frozenset[str]) -> OutlineItem:
        statement = argument_map.statement(statement_id)
        repeated = statement_id in path
        reasons: tuple[Reason, ...] = ()
        if not repeated and (depth is None or level < depth):
            inner = path | {statement_id}
            reasons = tuple(reason(r, level, inner) for r in into.get(statement_id, ()))
        return OutlineItem(
            id=statement.id,
            kind=statement.kind,
            text=statement.text,
            repeated=repeated,
            reasons=reasons,
            side=sides[statement.id],
        )

    def reason(relation: Relation, level: int, path: frozenset[str]) -> Reason:
        return Reason(
            relation=relation.key,
            type=relation.type,
            premises=tuple(item(source, level + 1, path) for source in relation.sources),
            undercuts=tuple(reason(u, level, path) for u in into.get(relation.key, ())),
        )

    return item(root, 0, frozenset())


def format_outline(tree: OutlineItem, format: str = "text") -> str:
    """The outline as indented plain text or as a Markdown list.

    In text, ``+`` marks a reason for and ``-`` an objection; premises of a linked
    argument are joined by ``&`` under one marker; ``x`` marks an undercut (an
    objection to the inference itself). Markdown uses nested bullets with **pro** /
    **con** labels.

    Raises
    ------
    UsageError
        If ``format`` is not ``text`` or ``markdown``.
    """
    if format not in OUTLINE_FORMATS:
        raise UsageError(f"unknown outline format {format!r}; known: {', '.join(OUTLINE_FORMATS)}")
    lines: list[str] = []
    markdown = format == "markdown"

    def label(node: OutlineItem) -> str:
        side = {"con": "con", "both": "pro & con"}.get(node.side)
        if markdown:
            text = markdown_inline(node.text)
            kind = f"{node.kind}, {side}" if side else node.kind
            return f"**{node.id}** ({kind}): {text}" + (" *(see above)*" if node.repeated else "")
        tag = f" ({side})" if side else ""
        return f"[{node.id}]{tag} " + ("(see above)" if node.repeated else node.text)

    def emit_item(node: OutlineItem, indent: int) -> None:
        for r in node.reasons:
            emit_reason(r, indent, "+" if r.type == "support" else "-")

    def emit_reason(r: Reason, indent: int, marker: str) -> None:
        pad = "  " * indent
        for position, premise in enumerate(r.premises):
            if markdown:
                tag = {"+": "pro", "-": "con", "x": "undercut"}[marker]
                joint = " *(jointly with the next)*" if r.linked and position < len(r.premises) - 1 else ""
                lines.append(f"{pad}- {tag}: {label(premise)}{joint}")
            else:
                lead = marker if position == 0 else "&"
                lines.append(f"{pad}{lead} {label(premise)}")
            emit_item(premise, indent + 1)
        for undercut in r.undercuts:
            emit_reason(undercut, indent + 1, "x")

    if markdown:
        lines.append(f"- {label(tree)}")
        emit_item(tree, 1)
    else:
        lines.append(label(tree))
        emit_item(tree, 1)
    return "\n".join(lines)


OutlineItem.model_rebuild()
