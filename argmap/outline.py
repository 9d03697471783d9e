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

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from argmap.analysis.stance import stance
from argmap.errors import UsageError
from argmap.escape import markdown_inline, terminal_line
from argmap.model import ArgumentMap, Relation, default_claim

__all__ = ["OUTLINE_FORMATS", "OutlineItem", "Reason", "format_outline", "outline"]

OUTLINE_FORMATS = ("text", "markdown")
_MAX_INDENT = 40


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
    argument_map.statement(root)
    sides = stance(argument_map, root).sides
    into: dict[str, list[Relation]] = {}
    for relation in argument_map.relations:
        into.setdefault(relation.to, []).append(relation)
    # An explicit stack, not recursion: a chain of 100,000 supports is as deep as the tree gets.
    # A task is a statement or relation to expand, or the closing of one whose parts are built.
    on_path: set[str] = set()
    built: list[Any] = []
    tasks: list[tuple[str, Any, int]] = [("item", root, 0)]
    while tasks:
        task, subject, level = tasks.pop()
        if task == "item":
            statement = argument_map.statement(subject)
            repeated = subject in on_path
            relations = into.get(subject, []) if not repeated and (depth is None or level < depth) else []
            if not relations:
                built.append(
                    OutlineItem(
                        id=statement.id,
                        kind=statement.kind,
                        text=statement.text,
                        repeated=repeated,
                        side=sides[statement.id],
                    )
                )
                continue
            on_path.add(subject)
            tasks.append(("close-item", subject, len(relations)))
            tasks.extend(("reason", relation, level) for relation in reversed(relations))
        elif task == "reason":
            undercuts = into.get(subject.key, [])
            tasks.append(("close-reason", subject, len(undercuts)))
            tasks.extend(("reason", undercut, level) for undercut in reversed(undercuts))
            tasks.extend(("item", source, level + 1) for source in reversed(subject.sources))
        elif task == "close-item":
            on_path.discard(subject)
            statement = argument_map.statement(subject)
            reasons = tuple(built[len(built) - level :])
            del built[len(built) - level :]
            built.append(
                OutlineItem(
                    id=statement.id,
                    kind=statement.kind,
                    text=statement.text,
                    reasons=reasons,
                    side=sides[statement.id],
                )
            )
        else:
            parts = len(subject.sources) + level
            premises = tuple(built[len(built) - parts : len(built) - level])
            undercut_reasons = tuple(built[len(built) - level :])
            del built[len(built) - parts :]
            built.append(
                Reason(relation=subject.key, type=subject.type, premises=premises, undercuts=undercut_reasons)
            )
    result: OutlineItem = built[0]
    return result


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
        return f"[{terminal_line(node.id)}]{tag} " + (
            "(see above)" if node.repeated else terminal_line(node.text)
        )

    def pad(indent: int) -> str:
        # Beyond _MAX_INDENT levels the line says its level instead of indenting further:
        # a chain of 100,000 statements would otherwise need gigabytes of spaces.
        deeper = f"({indent}) " if indent > _MAX_INDENT else ""
        return "  " * min(indent, _MAX_INDENT) + deeper

    # An explicit stack, the next thing to emit on top (no recursion): a line, the reasons
    # under a statement, or a reason (its premises' lines, each followed by what is under it).
    stack: list[tuple[str, Any, int, str]] = [("reasons", tree, 1, "")]
    lines.append(f"- {label(tree)}" if markdown else label(tree))
    while stack:
        task, subject, indent, marker = stack.pop()
        if task == "line":
            lines.append(subject)
        elif task == "reasons":
            stack.extend(
                ("reason", r, indent, "+" if r.type == "support" else "-") for r in reversed(subject.reasons)
            )
        else:
            stack.extend(("reason", undercut, indent + 1, "x") for undercut in reversed(subject.undercuts))
            for position in reversed(range(len(subject.premises))):
                premise = subject.premises[position]
                if markdown:
                    tag = {"+": "pro", "-": "con", "x": "undercut"}[marker]
                    last = position == len(subject.premises) - 1
                    joint = " *(jointly with the next)*" if subject.linked and not last else ""
                    line = f"{pad(indent)}- {tag}: {label(premise)}{joint}"
                else:
                    line = f"{pad(indent)}{marker if position == 0 else '&'} {label(premise)}"
                stack.append(("reasons", premise, indent + 1, ""))
                stack.append(("line", line, indent, ""))
    return "\n".join(lines)


OutlineItem.model_rebuild()
