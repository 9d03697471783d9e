"""Grading a student's map against a reference map, with feedback a student understands.

:func:`grade` compares the maps with :func:`argmap.comparison.compare` (the reference
plays map B) and turns every disagreement into one sentence addressed to the student,
naming statements by their ids and their text, shortened: "You linked B ('...') to A
('...') as support; the reference has it as an objection."

Examples
--------
>>> import argmap
>>> reference = argmap.loads('''
... argmap: 1
... title: Reference
... main_claim: C
... statements:
... - {id: C, kind: claim, text: Start school later.}
... - {id: P, kind: premise, text: Teens need sleep.}
... - {id: O, kind: rebuttal, text: Buses cost more.}
... relations:
... - {type: support, from: P, to: C}
... - {type: attack, from: O, to: C}
... ''')
>>> student = argmap.loads('''
... argmap: 1
... title: My map
... main_claim: A
... statements:
... - {id: A, kind: claim, text: Start school later.}
... - {id: B, kind: premise, text: Teens need sleep.}
... relations:
... - {type: attack, from: B, to: A}
... ''')
>>> result = grade(student, reference)
>>> [item.kind for item in result.feedback]
['missing-statement', 'wrong-type', 'missing-relation']
>>> print(result.feedback[1].message)  # doctest: +NORMALIZE_WHITESPACE
You linked B ('Teens need sleep.') to A ('Start school later.') as an objection;
the reference has it as support.
>>> print(result.feedback[2].message)  # doctest: +NORMALIZE_WHITESPACE
You missed the objection from 'Buses cost more.' (reference O, not in your map)
to your claim A ('Start school later.').
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from argmap.comparison import Comparison, Disagreement, compare
from argmap.model import ArgumentMap

__all__ = ["FEEDBACK_KINDS", "Feedback", "Grade", "grade"]

FeedbackKind = Literal[
    "wrong-main-claim",
    "missing-statement",
    "extra-statement",
    "wrong-kind",
    "wrong-type",
    "reversed",
    "wrong-target",
    "missing-relation",
    "extra-relation",
]
FEEDBACK_KINDS: tuple[str, ...] = get_args(FeedbackKind)

_FEEDBACK_OF: dict[str, FeedbackKind] = {
    "main-claim-mismatch": "wrong-main-claim",
    "statement-only-in-b": "missing-statement",
    "statement-only-in-a": "extra-statement",
    "kind-mismatch": "wrong-kind",
    "type-mismatch": "wrong-type",
    "direction-reversed": "reversed",
    "wrong-target": "wrong-target",
    "relation-only-in-b": "missing-relation",
    "relation-only-in-a": "extra-relation",
}
_RELATION_NOUN = {"support": "support", "attack": "objection"}
_RELATION_AS = {"support": "support", "attack": "an objection"}
_KIND_PHRASE = {"claim": "a claim", "premise": "a premise", "evidence": "evidence", "rebuttal": "a rebuttal"}
TEXT_WIDTH = 60


class Feedback(BaseModel):
    """One remark to the student about one difference from the reference."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: FeedbackKind
    message: str = Field(description="The remark, addressed to the student, in one sentence.")
    student_ids: tuple[str, ...] = Field(
        description="Ids of the student's statements and relations involved."
    )
    reference_ids: tuple[str, ...] = Field(
        description="Ids of the reference's statements and relations involved."
    )


class Grade(BaseModel):
    """A student's map graded against a reference (``argmap grade``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    score: float = Field(ge=0.0, le=1.0, description="The comparison's combined score.")
    summary: str = Field(description="What the student got right, in one or two sentences.")
    feedback: tuple[Feedback, ...]
    comparison: Comparison


def grade(
    student: ArgumentMap, reference: ArgumentMap, *, align: str = "auto", threshold: float | None = None
) -> Grade:
    """Grade ``student`` against ``reference``: a score, a summary and one remark per mistake.

    Parameters
    ----------
    student : ArgumentMap
        The map to grade.
    reference : ArgumentMap
        The teacher's map.
    align, threshold
        How statements are aligned; see :func:`argmap.comparison.compare`.

    Returns
    -------
    Grade
        ``score`` is the comparison's; ``feedback`` follows the order of the comparison's
        disagreements: main claim, statements, kinds, relations.

    Raises
    ------
    UsageError
        For an unknown alignment method or a threshold outside [0, 1].

    Examples
    --------
    >>> import argmap
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> perfect = grade(m, m)
    >>> perfect.score, perfect.feedback
    (1.0, ())
    """
    comparison = compare(student, reference, align=align, threshold=threshold)
    names = _Names(student, reference, comparison)
    feedback = tuple(names.feedback(d) for d in comparison.disagreements)
    return Grade(
        score=comparison.score,
        summary=_summary(comparison),
        feedback=feedback,
        comparison=comparison,
    )


def _summary(comparison: Comparison) -> str:
    segments, kinds, relations = comparison.segments, comparison.kinds, comparison.relations
    found = f"You found {segments.matched} of the reference's {segments.b_total} statements"
    if segments.matched:
        found += f" and gave {kinds.matched} of them the reference's kind"
    drawn = f"You drew {relations.matched} of its {relations.b_total} relations as the reference does"
    extra = segments.a_total - segments.matched
    tail = f"; {extra} of your statements {'is' if extra == 1 else 'are'} not in it" if extra else ""
    return f"{found}. {drawn}{tail}."


def _shorten(text: str) -> str:
    return textwrap.shorten(text, width=TEXT_WIDTH, placeholder="...")


class _Names:
    """Names of statements and relations as the student should read them."""

    def __init__(self, student: ArgumentMap, reference: ArgumentMap, comparison: Comparison) -> None:
        self.student = student
        self.reference = reference
        self.to_student = {p.b: p.a for p in comparison.alignment.pairs}

    def mine(self, statement_id: str) -> str:
        return f"{statement_id} ('{_shorten(self.student.statement(statement_id).text)}')"

    def theirs(self, statement_id: str) -> str:
        """A reference statement, named by the student's counterpart when there is one."""
        if statement_id in self.to_student:
            return self.mine(self.to_student[statement_id])
        text = _shorten(self.reference.statement(statement_id).text)
        return f"'{text}' (reference {statement_id}, not in your map)"

    def sources(self, ids: Sequence[str], name: Callable[[str], str]) -> str:
        named = [name(i) for i in ids]
        return named[0] if len(named) == 1 else " and ".join(named) + " together"

    def target(self, target: str, *, student_side: bool) -> str:
        m = self.student if student_side else self.reference
        if m.has_statement(target):
            return self.mine(target) if student_side else self.theirs(target)
        relation = m.relation(target)
        name = self.mine if student_side else self.theirs
        into = self.target(relation.to, student_side=student_side)
        return f"the link from {self.sources(relation.sources, name)} to {into}"

    def feedback(self, d: Disagreement) -> Feedback:
        kind = _FEEDBACK_OF[d.kind]
        message = getattr(self, "_" + kind.replace("-", "_"))(d)
        return Feedback(
            kind=kind,
            message=message,
            student_ids=_unique((*d.statements_a, *d.relations_a)),
            reference_ids=_unique((*d.statements_b, *d.relations_b)),
        )

    def _linked(self, relation_id: str) -> str:
        relation = self.student.relation(relation_id)
        return (
            f"You linked {self.sources(relation.sources, self.mine)} to "
            f"{self.target(relation.to, student_side=True)} as {_RELATION_AS[relation.type]}"
        )

    def _wrong_main_claim(self, d: Disagreement) -> str:
        (mine,), (theirs,) = d.statements_a, d.statements_b
        return (
            f"You chose {self.mine(mine)} as the main claim; "
            f"the reference's main claim is {self.theirs(theirs)}."
        )

    def _missing_statement(self, d: Disagreement) -> str:
        (sid,) = d.statements_b
        statement = self.reference.statement(sid)
        return f"You left out the reference's {statement.kind} {sid} ('{_shorten(statement.text)}')."

    def _extra_statement(self, d: Disagreement) -> str:
        (sid,) = d.statements_a
        return f"Your statement {self.mine(sid)} is not in the reference map."

    def _wrong_kind(self, d: Disagreement) -> str:
        (sid,) = d.statements_a
        return (
            f"You called {self.mine(sid)} {_KIND_PHRASE[d.label_a or '']}; "
            f"the reference treats it as {_KIND_PHRASE[d.label_b or '']}."
        )

    def _wrong_type(self, d: Disagreement) -> str:
        return f"{self._linked(d.relations_a[0])}; the reference has it as {_RELATION_AS[d.label_b or '']}."

    def _reversed(self, d: Disagreement) -> str:
        relation = self.reference.relation(d.relations_b[0])
        return (
            f"{self._linked(d.relations_a[0])}; the reference has the {_RELATION_NOUN[relation.type]} "
            f"the other way round, from {self.theirs(relation.sources[0])} to {self.theirs(relation.to)}."
        )

    def _wrong_target(self, d: Disagreement) -> str:
        relation = self.reference.relation(d.relations_b[0])
        return (
            f"{self._linked(d.relations_a[0])}; the reference links it to "
            f"{self.target(relation.to, student_side=False)} as {_RELATION_AS[relation.type]}."
        )

    def _missing_relation(self, d: Disagreement) -> str:
        relation = self.reference.relation(d.relations_b[0])
        target = self.target(relation.to, student_side=False)
        if self.reference.has_statement(relation.to) and relation.to in self.to_student:
            kind = self.student.statement(self.to_student[relation.to]).kind
            target = f"your {kind} {target}"
        return (
            f"You missed the {_RELATION_NOUN[relation.type]} from "
            f"{self.sources(relation.sources, self.theirs)} to {target}."
        )

    def _extra_relation(self, d: Disagreement) -> str:
        return f"{self._linked(d.relations_a[0])}; the reference has no such link."


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
