"""Grading a student's map against a reference map, with feedback a student understands.

:func:`grade` diagnoses the student's map with :func:`argmap.teaching.diagnosis.diagnose`
(statements aligned, relations paired, each difference classified once as a
:class:`~argmap.teaching.diagnosis.Mistake`) and turns every mistake into one sentence
addressed to the student, naming statements by their ids and their text, shortened: "You
linked B ('...') to A ('...') as support; the reference has it as an objection." The score
is computed from the same mistakes, each weighed by its layer (:data:`WEIGHTS`).

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
['missing-statement', 'wrong-type']
>>> print(result.feedback[0].message)  # doctest: +NORMALIZE_WHITESPACE
You left out the reference's rebuttal O ('Buses cost more.'). In the reference, O attacks A.
>>> print(result.feedback[1].message)  # doctest: +NORMALIZE_WHITESPACE
You linked B ('Teens need sleep.') to A ('Start school later.') as an objection;
the reference has it as support.
>>> round(result.score, 3)  # two mistakes of weight 1, each 1 / (2 + 2) of the score
0.5
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence

from pydantic import BaseModel, ConfigDict, Field

from argmap.comparison import Comparison
from argmap.model import ArgumentMap, Relation
from argmap.teaching.diagnosis import (
    MISTAKE_KINDS,
    Diagnosis,
    Mistake,
    MistakeKind,
    diagnose,
    relation_sentence,
)

__all__ = [
    "FEEDBACK_KINDS",
    "PARTIAL_CREDIT",
    "WEIGHTS",
    "Feedback",
    "Grade",
    "grade",
    "grade_score",
    "mistake_weight",
]

FeedbackKind = MistakeKind
FEEDBACK_KINDS: tuple[str, ...] = MISTAKE_KINDS

WEIGHTS: dict[str, float] = {"main-claim": 1.0, "statements": 1.0, "kinds": 0.8, "relations": 1.0}
"""What one mistake of each layer costs, in units of ``1 / (size + 2)`` (see :func:`grade_score`)."""

PARTIAL_CREDIT: dict[str, float] = {
    "linked-as-separate": 0.8,
    "separate-as-linked": 0.8,
    "rebut-instead-of-undercut": 0.8,
    "undercut-instead-of-rebut": 0.8,
    "merged-statements": 0.8,
    "split-statement": 0.8,
}
"""Mistakes that get the idea right and the structure wrong cost this share of their layer's weight."""

_RELATION_NOUN = {"support": "support", "attack": "objection"}
_RELATION_AS = {"support": "support", "attack": "an objection"}
_KIND_PHRASE = {"claim": "a claim", "premise": "a premise", "evidence": "evidence", "rebuttal": "a rebuttal"}
TEXT_WIDTH = 60


class Feedback(BaseModel):
    """One remark to the student about one mistake."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: FeedbackKind
    message: str = Field(description="The remark, addressed to the student.")
    student_ids: tuple[str, ...] = Field(
        description="Ids of the student's statements and relations involved."
    )
    reference_ids: tuple[str, ...] = Field(
        description="Ids of the reference's statements and relations involved."
    )
    weight: float = Field(default=1.0, ge=0.0, description="What the mistake costs, in score units.")


class Grade(BaseModel):
    """A student's map graded against a reference (``argmap grade``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    score: float = Field(
        ge=0.0, le=1.0, description="1 less the mistakes' weights over (size + 2); see docs/teaching.md."
    )
    summary: str = Field(description="What the student got right, in one or two sentences.")
    feedback: tuple[Feedback, ...]
    comparison: Comparison
    mistakes: tuple[Mistake, ...] = Field(default=(), description="The diagnosis: one per remark, in order.")
    size: int = Field(default=0, ge=0, description="The size of the reference the score is scaled by.")


def grade_score(weights: Iterable[float], size: int) -> float:
    """The score of a map with mistakes of these ``weights`` against a reference of ``size``.

    ``score = max(0, 1 - sum(weights) / (size + 2))``, where ``size`` is the number of the
    reference's relations or, if larger, half its number of statements (rounded up: a map
    with few relations is graded mostly on its statements). Each mistake thus costs the same share of
    the score whatever its layer, scaled by its weight (:data:`WEIGHTS`,
    :data:`PARTIAL_CREDIT`): more mistakes always cost more, and three wrong relations of
    nine cost three times what one does.

    Parameters
    ----------
    weights : iterable of float
        One per mistake.
    size : int
        The reference's size, as above.

    Returns
    -------
    float
        In [0, 1], rounded to 6 places.

    Examples
    --------
    >>> grade_score([1.0], 9), grade_score([1.0, 1.0, 1.0], 9), grade_score([], 9)
    (0.909091, 0.727273, 1.0)
    """
    return round(max(0.0, 1.0 - sum(weights) / (size + 2)), 6)


def mistake_weight(mistake: Mistake) -> float:
    """What one mistake costs: its layer's weight, less partial credit.

    Examples
    --------
    >>> from argmap.teaching.diagnosis import Mistake
    >>> mistake_weight(Mistake(kind="linked-as-separate", layer="relations"))
    0.8
    """
    return WEIGHTS[mistake.layer] * PARTIAL_CREDIT.get(mistake.kind, 1.0)


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
        ``feedback`` has one remark per mistake of the diagnosis, in its order: main
        claim, statements, kinds, relations; ``score`` is :func:`grade_score` of their weights.

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
    diagnosis = diagnose(student, reference, align=align, threshold=threshold)
    names = _Names(student, reference, diagnosis)
    feedback = tuple(names.feedback(m) for m in diagnosis.mistakes)
    size = max(len(reference.relations), (len(reference.statements) + 1) // 2)
    return Grade(
        score=grade_score((f.weight for f in feedback), size),
        summary=_summary(student, reference, diagnosis),
        feedback=feedback,
        comparison=diagnosis.comparison,
        mistakes=diagnosis.mistakes,
        size=size,
    )


def _summary(student: ArgumentMap, reference: ArgumentMap, diagnosis: Diagnosis) -> str:
    counterparts = diagnosis.counterparts
    found_n = len(counterparts)
    same_kind = sum(
        all(student.statement(s).kind == reference.statement(k).kind for s in mine)
        for k, mine in counterparts.items()
    )
    found = f"You found {found_n} of the reference's {len(reference.statements)} statements"
    if found_n:
        found += f" and gave {same_kind} of them the reference's kind"
    drawn = (
        f"You drew {diagnosis.relations_matched} of its {len(reference.relations)} relations "
        "as the reference does"
    )
    placed = {s for mine in counterparts.values() for s in mine}
    extra = sum(s.id not in placed for s in student.statements)
    tail = f"; {extra} of your statements {'is' if extra == 1 else 'are'} not in it" if extra else ""
    return f"{found}. {drawn}{tail}."


def _shorten(text: str) -> str:
    return textwrap.shorten(text, width=TEXT_WIDTH, placeholder="...")


class _Names:
    """Remarks from mistakes, naming statements and relations as the student should read them."""

    def __init__(self, student: ArgumentMap, reference: ArgumentMap, diagnosis: Diagnosis) -> None:
        self.student = student
        self.reference = reference
        self.to_student = diagnosis.counterparts

    def mine(self, statement_id: str) -> str:
        return f"{statement_id} ('{_shorten(self.student.statement(statement_id).text)}')"

    def theirs(self, statement_id: str) -> str:
        """A reference statement, named by the student's counterpart(s) when there are some."""
        mine = self.to_student.get(statement_id, ())
        if len(mine) == 1:
            return self.mine(mine[0])
        text = _shorten(self.reference.statement(statement_id).text)
        if mine:
            return f"{' + '.join(mine)} ('{text}')"
        return f"'{text}' (reference {statement_id}, not in your map)"

    def sources(self, ids: Sequence[str], name: Callable[[str], str]) -> str:
        named = list(dict.fromkeys(name(i) for i in ids))
        return named[0] if len(named) == 1 else " and ".join(named) + " together"

    def target(self, target: str, *, student_side: bool) -> str:
        m = self.student if student_side else self.reference
        if m.has_statement(target):
            return self.mine(target) if student_side else self.theirs(target)
        relation = m.relation(target)
        name = self.mine if student_side else self.theirs
        into = self.target(relation.to, student_side=student_side)
        return f"the link from {self.sources(relation.sources, name)} to {into}"

    def feedback(self, mistake: Mistake) -> Feedback:
        message = getattr(self, "_" + mistake.kind.replace("-", "_"))(mistake)
        return Feedback(
            kind=mistake.kind,
            message=message,
            student_ids=_unique(
                (*mistake.student_statements, *mistake.student_relations, *mistake.folded_student_relations)
            ),
            reference_ids=_unique(
                (
                    *mistake.reference_statements,
                    *mistake.reference_relations,
                    *mistake.folded_reference_relations,
                )
            ),
            weight=mistake_weight(mistake),
        )

    def _linked(self, relation_id: str) -> str:
        relation = self.student.relation(relation_id)
        return (
            f"You linked {self.sources(relation.sources, self.mine)} to "
            f"{self.target(relation.to, student_side=True)} as {_RELATION_AS[relation.type]}"
        )

    def _wrong_main_claim(self, m: Mistake) -> str:
        (mine,), (theirs,) = m.student_statements, m.reference_statements
        return (
            f"You chose {self.mine(mine)} as the main claim; "
            f"the reference's main claim is {self.theirs(theirs)}."
        )

    def _missing_statement(self, m: Mistake) -> str:
        (sid,) = m.reference_statements
        statement = self.reference.statement(sid)
        said = f"You left out the reference's {statement.kind} {sid} ('{_shorten(statement.text)}')."
        return f"{said} In the reference, {m.reference_has}." if m.reference_has else said

    def _extra_statement(self, m: Mistake) -> str:
        (sid,) = m.student_statements
        said = f"Your statement {self.mine(sid)} is not in the reference map"
        return said + (", nor are the links you drew with it." if m.folded_student_relations else ".")

    def _merged_statements(self, m: Mistake) -> str:
        (sid,) = m.student_statements
        parts = " and ".join(
            f"'{_shorten(self.reference.statement(k).text)}' (reference {k})" for k in m.reference_statements
        )
        return (
            f"You wrote {self.mine(sid)} as one statement; the reference has it as "
            f"{len(m.reference_statements)} statements: {parts}."
        )

    def _split_statement(self, m: Mistake) -> str:
        (kid,) = m.reference_statements
        text = _shorten(self.reference.statement(kid).text)
        parts = " and ".join(self.mine(s) for s in m.student_statements)
        return (
            f"You split the reference's statement '{text}' (reference {kid}) into {parts}; "
            "the reference keeps it as one statement."
        )

    def _wrong_kind(self, m: Mistake) -> str:
        (sid,) = m.student_statements
        return (
            f"You called {self.mine(sid)} {_KIND_PHRASE[m.student_has or '']}; "
            f"the reference treats it as {_KIND_PHRASE[m.reference_has or '']}."
        )

    def _wrong_type(self, m: Mistake) -> str:
        relation = self.reference.relation(m.reference_relations[0])
        return (
            f"{self._linked(m.student_relations[0])}; the reference has it as {_RELATION_AS[relation.type]}."
        )

    def _reversed(self, m: Mistake) -> str:
        relation = self.reference.relation(m.reference_relations[0])
        return (
            f"{self._linked(m.student_relations[0])}; the reference has the {_RELATION_NOUN[relation.type]} "
            f"the other way round, from {self.theirs(relation.sources[0])} to {self.theirs(relation.to)}."
        )

    def _wrong_target(self, m: Mistake) -> str:
        relation = self.reference.relation(m.reference_relations[0])
        return (
            f"{self._linked(m.student_relations[0])}; the reference links it to "
            f"{self.target(relation.to, student_side=False)} as {_RELATION_AS[relation.type]}."
        )

    def _wrong_sources(self, m: Mistake) -> str:
        relation = self.reference.relation(m.reference_relations[0])
        return (
            f"{self._linked(m.student_relations[0])}; in the reference this "
            f"{_RELATION_NOUN[relation.type]} comes from {self.sources(relation.sources, self.theirs)}."
        )

    def _linked_as_separate(self, m: Mistake) -> str:
        first = self.student.relation(m.student_relations[0])
        sources = _unique(s for r in m.student_relations for s in self.student.relation(r).sources)
        target = self.target(first.to, student_side=True)
        noun = "reasons for" if first.type == "support" else "objections to"
        linked = "; ".join(self._key_sentence(self.reference.relation(r)) for r in m.reference_relations)
        return (
            f"You drew {' and '.join(self.mine(s) for s in sources)} as separate {noun} {target}; "
            f"in the reference they work only together, as one: {linked}."
        )

    def _separate_as_linked(self, m: Mistake) -> str:
        first = self.student.relation(m.student_relations[0])
        sources = _unique(s for r in m.student_relations for s in self.student.relation(r).sources)
        target = self.target(first.to, student_side=True)
        noun = "reason for" if first.type == "support" else "objection to"
        apart = "; ".join(self._key_sentence(self.reference.relation(r)) for r in m.reference_relations)
        return (
            f"You joined {' and '.join(self.mine(s) for s in sources)} into one linked {noun} {target}; "
            f"in the reference they work on their own: {apart}."
        )

    def _rebut_instead_of_undercut(self, m: Mistake) -> str:
        mine = self.student.relation(m.student_relations[0])
        theirs = self.reference.relation(m.reference_relations[0])
        return (
            f"You aimed the objection from {self.sources(mine.sources, self.mine)} at "
            f"{self.target(mine.to, student_side=True)}; the reference aims it at "
            f"{self.target(theirs.to, student_side=False)}: it questions that step, not the statement."
        )

    def _undercut_instead_of_rebut(self, m: Mistake) -> str:
        mine = self.student.relation(m.student_relations[0])
        theirs = self.reference.relation(m.reference_relations[0])
        return (
            f"You aimed the objection from {self.sources(mine.sources, self.mine)} at "
            f"{self.target(mine.to, student_side=True)}; the reference aims it at "
            f"{self.target(theirs.to, student_side=False)} itself, not at a step."
        )

    def _missing_relation(self, m: Mistake) -> str:
        relation = self.reference.relation(m.reference_relations[0])
        target = self.target(relation.to, student_side=False)
        mine = self.to_student.get(relation.to, ())
        if self.reference.has_statement(relation.to) and len(mine) == 1:
            target = f"your {self.student.statement(mine[0]).kind} {target}"
        said = (
            f"You missed the {_RELATION_NOUN[relation.type]} from "
            f"{self.sources(relation.sources, self.theirs)} to {target}"
        )
        riders = [
            f"the {_RELATION_NOUN[r.type]} from {self.sources(r.sources, self.theirs)} to that link"
            for r in map(self.reference.relation, m.folded_reference_relations)
        ]
        return f"{said}, and with it {' and '.join(riders)}." if riders else f"{said}."

    def _extra_relation(self, m: Mistake) -> str:
        said = self._linked(m.student_relations[0])
        if m.reference_has:
            said += (
                f"; the reference does not draw this link (between these statements it has: {m.reference_has}"
            )
            said += ")"
        else:
            said += "; the reference has no such link"
        if m.folded_student_relations:
            said += ", nor the objections you aimed at it"
        return said + "."

    def _key_sentence(self, relation: Relation) -> str:
        """A relation of the reference in letters: the student's where they have one, else the reference's."""

        def name(sid: str) -> str:
            mine = self.to_student.get(sid, ())
            return " + ".join(mine) if mine else sid

        return relation_sentence(self.reference, relation, name)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
