"""An explanation in plain words: an indented tree of sentences, as text or as Markdown.

:func:`explanation_lines` gives the sentences with their depth (the HTML side panel shows the
same); :func:`format_explanation` joins them into a report. Map text is escaped for Markdown.

Examples
--------
>>> import argmap
>>> from argmap.analysis import explain
>>> m = argmap.loads('''
... argmap: 1
... title: T
... statements:
...   - {id: C, kind: claim, text: c}
...   - {id: B, kind: rebuttal, text: b}
...   - {id: A, kind: rebuttal, text: a}
... relations:
...   - {id: R1, type: attack, from: B, to: C}
...   - {id: R2, type: attack, from: A, to: B}
... ''')
>>> print(format_explanation(explain(m, "C", strength_model="none"), m), end="")
C is in (grounded semantics): c
Why:
  C is accepted: every attack on it fails
    B attacks C (R1): B is rejected, defeated by
      A attacks B (R2): A is accepted, and nothing attacks it
What would flip it:
  removing 1 statement changes the label:
    remove A: C becomes out
"""

from __future__ import annotations

from argmap.analysis.results import Explanation, Reason
from argmap.errors import UsageError
from argmap.escape import markdown_inline
from argmap.model import ArgumentMap

__all__ = ["EXPLANATION_FORMATS", "explanation_lines", "flip_lines", "format_explanation", "why_lines"]

EXPLANATION_FORMATS = ("text", "markdown")
_WORDS = {"in": "accepted", "out": "rejected", "undec": "undecided"}
_ROOT_REASONS = {
    "in": "every attack on it fails",
    "out": "an accepted statement attacks it",
    "undec": "it is caught in an unresolved conflict",
}

Line = tuple[int, str]


def why_lines(explanation: Explanation, argument_map: ArgumentMap) -> list[Line]:
    """The ``why`` tree as sentences, each with its depth (0 for the statement explained).

    Examples
    --------
    >>> import argmap
    >>> from argmap.analysis import explain
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a}\\n")
    >>> why_lines(explain(m, "A"), m)
    [(0, 'A is accepted: nothing attacks it')]
    """
    lines: list[Line] = []
    root = explanation.why
    _lines_of(root, explanation, argument_map, lines)
    return lines


def _lines_of(root: Reason, explanation: Explanation, argument_map: ArgumentMap, lines: list[Line]) -> None:
    if explanation.semantics != "grounded":
        lines.append(
            (0, f"{root.statement} is {root.label} under {explanation.semantics} semantics (skeptically)")
        )
        if not root.because:
            lines.append((1, "there is no extension"))
        for branch in root.because:
            members = ", ".join(branch.extension or ()) or "nothing"
            lines.append((1, f"in the extension {{{members}}}:"))
            _walk(branch, argument_map, 2, [], lines)
        return
    _walk(root, argument_map, 0, [], lines)


def flip_lines(explanation: Explanation) -> list[Line]:
    """What would change the label, and the strength sensitivity, as sentences with depths.

    Examples
    --------
    >>> import argmap
    >>> from argmap.analysis import explain
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a}\\n")
    >>> flip_lines(explain(m, "A", strength_model="none"))
    [(0, 'nothing can reach it: no removal of other statements changes its label')]
    """
    flips = explanation.flips
    lines: list[Line] = []
    if flips.size is None:
        if flips.candidates == 0:
            lines.append((0, "nothing can reach it: no removal of other statements changes its label"))
        elif flips.exact:
            lines.append((0, "no removal of other statements changes its label"))
        else:
            lines.append((0, "no removal found that changes its label (the search was not exhaustive)"))
    else:
        plural = "s" if flips.size != 1 else ""
        lead = f"removing {flips.size} statement{plural} changes the label"
        if not flips.exact:
            lead = f"removing these {flips.size} statement{plural} changes the label (none can be spared; "
            lead += "a smaller set may exist: the search was not exhaustive)"
        lines.append((0, lead + ":"))
        for removed, label in zip(flips.sets, flips.labels, strict=True):
            lines.append((1, f"remove {', '.join(removed)}: {explanation.statement} becomes {label}"))
        if flips.truncated:
            lines.append((1, "and more sets of this size"))
    return lines


def _sensitivity_lines(explanation: Explanation) -> list[Line]:
    sensitivity = explanation.sensitivity
    if sensitivity is None:
        return []
    lines: list[Line] = [
        (0, f"strength {sensitivity.strength:.3f} ({sensitivity.model}); without each statement:")
    ]
    moving = [e for e in sensitivity.effects if abs(e.effect) >= 0.0005]
    for effect in moving:
        lines.append((1, f"{effect.statement}: {effect.without:.3f} ({-effect.effect:+.3f})"))
    others = len(sensitivity.effects) - len(moving)
    if others:
        lines.append(
            (1, f"{'no other' if moving else 'no'} statement changes it by 0.001 or more ({others} checked)")
        )
    elif not moving:
        lines.append((1, "no statement can reach it"))
    return lines


def explanation_lines(explanation: Explanation, argument_map: ArgumentMap) -> dict[str, list[Line]]:
    """Every section of the report: ``why``, ``flips`` and ``sensitivity``, as sentences with depths.

    Examples
    --------
    >>> import argmap
    >>> from argmap.analysis import explain
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a}\\n")
    >>> sorted(explanation_lines(explain(m, "A"), m))
    ['flips', 'sensitivity', 'why']
    """
    return {
        "why": why_lines(explanation, argument_map),
        "flips": flip_lines(explanation),
        "sensitivity": _sensitivity_lines(explanation),
    }


def format_explanation(explanation: Explanation, argument_map: ArgumentMap, format: str = "text") -> str:
    """The explanation as an indented report, in ``text`` or ``markdown``.

    Raises
    ------
    UsageError
        For another format.

    Examples
    --------
    >>> import argmap
    >>> from argmap.analysis import explain
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a *b*}\\n")
    >>> print(format_explanation(explain(m, "A", strength_model="none"), m, "markdown"), end="")
    # A is in (grounded semantics)
    <BLANKLINE>
    a \\*b\\*
    <BLANKLINE>
    ## Why
    <BLANKLINE>
    - A is accepted: nothing attacks it
    <BLANKLINE>
    ## What would flip it
    <BLANKLINE>
    - nothing can reach it: no removal of other statements changes its label
    """
    if format not in EXPLANATION_FORMATS:
        raise UsageError(f"unknown format {format!r}; known formats: {', '.join(EXPLANATION_FORMATS)}")
    sections = explanation_lines(explanation, argument_map)
    text = argument_map.statement(explanation.statement).text
    head = f"{explanation.statement} is {explanation.label} ({explanation.semantics} semantics)"
    titles = {"why": "Why", "flips": "What would flip it", "sensitivity": "Strength sensitivity"}
    if format == "text":
        out = [f"{head}: {' '.join(text.split())}"]
        for key, title in titles.items():
            if sections[key]:
                out.append(f"{title}:")
                out.extend("  " * (depth + 1) + sentence for depth, sentence in sections[key])
        return "\n".join(out) + "\n"
    parts = [f"# {head}", markdown_inline(text)]
    for key, title in titles.items():
        if sections[key]:
            bullets = "\n".join("  " * depth + "- " + markdown_inline(s) for depth, s in sections[key])
            parts += [f"## {title}", bullets]
    return "\n\n".join(parts) + "\n"


def _walk(node: Reason, argument_map: ArgumentMap, depth: int, path: list[str], lines: list[Line]) -> None:
    lines.append((depth, _sentence(node, argument_map, path, depth == 0 or node.extension is not None)))
    path.append(node.statement)
    for child in node.because:
        _walk(child, argument_map, depth + 1, path, lines)
    path.pop()


def _sentence(node: Reason, argument_map: ArgumentMap, path: list[str], root: bool) -> str:
    word = _WORDS[node.label]
    if root:
        reason = _ROOT_REASONS[node.label] if node.because or node.label != "in" else "nothing attacks it"
        return f"{node.statement} is {word}: {reason}"
    sentence = f"{_acting(node, argument_map)}: {node.statement} is {word}"
    if node.cut:
        return sentence + " (and so on: the tree is cut here)"
    if node.repeat:
        return sentence + (" (back to it: a cycle)" if node.statement in path else " (explained above)")
    if node.label == "in" and not node.because:
        return sentence + ", and nothing attacks it"
    if node.label == "out":
        return sentence + ", defeated by"
    return sentence


def _acting(node: Reason, argument_map: ArgumentMap) -> str:
    """How the node's statement acts on the one above it, through its relation."""
    if node.relation is None:
        return f"{node.statement} attacks it (an attack derived from supports)"
    relation = argument_map.relation(node.relation)
    if relation.type == "support":
        return (
            f"{node.statement}, through its support {relation.key} of {relation.to}, attacks it "
            "(derived from supports)"
        )
    if argument_map.is_undercut(relation):
        inference = argument_map.relation(relation.to)
        return (
            f"{node.statement} undercuts {inference.key} ({relation.key}), the inference from "
            f"{' + '.join(inference.sources)} to {inference.to}"
        )
    return f"{node.statement} attacks {relation.to} ({relation.key})"
