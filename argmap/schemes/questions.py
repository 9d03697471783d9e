"""A map's schemes against the catalogue: unknown ids, ``answers`` marks, and open critical questions.

A relation that names a ``scheme`` owes the critical questions of that scheme. A
question counts as **addressed** only when some statement or relation of the map carries
an explicit mark for it, ``answers: [{relation: S3, question: expertise}]``: a support
that answers it, or an attack that raises it (whether that attack succeeds is then for
the acceptability analysis). Attacks and supports without a mark address nothing, so the
result never depends on guessing what an attack is about. Every other question is
**open** (``docs/schemes.md``).

Examples
--------
>>> from argmap.model import Answer, ArgumentMap, Relation, Statement
>>> m = ArgumentMap(title="T", statements=[
...     Statement(id="C", kind="claim", text="c"), Statement(id="P", kind="premise", text="p"),
...     Statement(id="Q", kind="premise", text="q", answers=[Answer(relation="S", question="strength")])],
...     relations=[Relation(id="S", type="support", sources="P", to="C", scheme="argument-from-sign")])
>>> [(q.relation, q.question) for q in open_questions(m)]
[('S', 'other-explanations')]
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from argmap.errors import Problem
from argmap.model import ArgumentMap, Relation, Statement, did_you_mean
from argmap.schemes.catalogue import Catalogue, active_catalogue

__all__ = ["OpenQuestion", "addressed_questions", "open_questions", "scheme_problems"]


class OpenQuestion(BaseModel):
    """A critical question of a relation's scheme that nothing in the map takes up."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    relation: str
    scheme: str
    question: str
    text: str


def addressed_questions(argument_map: ArgumentMap) -> dict[tuple[str, str], tuple[str, ...]]:
    """For each ``(relation, question)`` marked by an ``answers`` entry, the ids of the items marking it.

    Examples
    --------
    >>> from argmap.model import Answer, ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c"),
    ...     Statement(id="P", kind="premise", text="p", answers=[Answer(relation="S", question="q")])],
    ...     relations=[Relation(id="S", type="support", sources="P", to="C")])
    >>> addressed_questions(m)
    {('S', 'q'): ('P',)}
    """
    found: dict[tuple[str, str], list[str]] = {}
    items: list[Statement | Relation] = [*argument_map.statements, *argument_map.relations]
    for item in items:
        owner = item.id if isinstance(item, Statement) else item.key
        for answer in item.answers:
            found.setdefault((answer.relation, answer.question), []).append(owner)
    return {key: tuple(owners) for key, owners in found.items()}


def open_questions(argument_map: ArgumentMap, catalogue: Catalogue | None = None) -> tuple[OpenQuestion, ...]:
    """The critical questions of every relation's scheme that no ``answers`` mark takes up.

    Parameters
    ----------
    argument_map : ArgumentMap
    catalogue : Catalogue, optional
        Defaults to the catalogue in force (:func:`argmap.schemes.active_catalogue`).
        A relation whose scheme the catalogue does not know is skipped (reading a file
        reports it as a problem).

    Returns
    -------
    tuple of OpenQuestion
        In relation order, then in the scheme's question order.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c"),
    ...     Statement(id="P", kind="premise", text="p")],
    ...     relations=[Relation(id="S", type="support", sources="P", to="C", scheme="argument-from-sign")])
    >>> [q.question for q in open_questions(m)]
    ['strength', 'other-explanations']
    """
    schemes = catalogue if catalogue is not None else active_catalogue()
    addressed = addressed_questions(argument_map)
    found = []
    for relation in argument_map.relations:
        scheme = schemes.get(relation.scheme) if relation.scheme is not None else None
        if scheme is None:
            continue
        for question in scheme.questions:
            if (relation.key, question.id) not in addressed:
                found.append(  # from a validated map and catalogue: no need to validate again
                    OpenQuestion.model_construct(
                        relation=relation.key, scheme=scheme.id, question=question.id, text=question.text
                    )
                )
    return tuple(found)


def scheme_problems(
    statements: Sequence[Statement],
    relations: Sequence[Relation],
    catalogue: Catalogue | None = None,
    *,
    statement_indices: Sequence[int] | None = None,
    relation_indices: Sequence[int] | None = None,
) -> list[Problem]:
    """A problem for each unknown scheme id and each ``answers`` mark that names no question.

    ``relations`` must carry their ids (as a map's do). An ``answers`` entry must name a
    relation of the map that has a scheme, and a critical question of that scheme.

    Returns
    -------
    list of Problem
        With ``path`` (e.g. ``("relations", 2, "scheme")``) and ``id`` set; file and line
        are left to the caller.

    Examples
    --------
    >>> from argmap.model import Answer, Relation, Statement
    >>> s = [Statement(id="C", kind="claim", text="c"),
    ...      Statement(id="P", kind="premise", text="p", answers=[Answer(relation="S", question="strenght")])]
    >>> r = [Relation(id="S", type="support", sources="P", to="C", scheme="argument-from-sing")]
    >>> for p in scheme_problems(s, r):
    ...     print(p.path, p.message)
    ('relations', 0, 'scheme') unknown scheme 'argument-from-sing' (did you mean 'argument-from-sign'?)
    >>> r = [Relation(id="S", type="support", sources="P", to="C", scheme="argument-from-sign")]
    >>> for p in scheme_problems(s, r):
    ...     print(p.path)
    ...     print(p.message)
    ('statements', 1, 'answers', 0, 'question')
    scheme 'argument-from-sign' of S has no critical question 'strenght' (did you mean 'strength'?)
    """
    schemes = catalogue if catalogue is not None else active_catalogue()
    named = {r.scheme for r in relations} - {None}
    if (
        all(scheme in schemes for scheme in named)
        and not any(s.answers for s in statements)
        and not any(r.answers for r in relations)
    ):
        return []  # the common case, in a few passes: every scheme known, no answers mark to check
    s_index = list(statement_indices) if statement_indices is not None else list(range(len(statements)))
    r_index = list(relation_indices) if relation_indices is not None else list(range(len(relations)))
    by_id = {r.id: r for r in relations if r.id is not None}
    statement_ids = {s.id for s in statements}
    problems: list[Problem] = []
    for relation, index in zip(relations, r_index, strict=True):
        if relation.scheme is not None and relation.scheme not in schemes:
            problems.append(
                Problem(
                    f"unknown scheme {relation.scheme!r}{schemes.suggest(relation.scheme)}",
                    id=relation.id,
                    path=("relations", index, "scheme"),
                )
            )
    marked: list[tuple[str, int, Statement | Relation]] = [
        *(("statements", i, s) for s, i in zip(statements, s_index, strict=True) if s.answers),
        *(("relations", i, r) for r, i in zip(relations, r_index, strict=True) if r.answers),
    ]
    for key, index, item in marked:
        for position, answer in enumerate(item.answers):
            where = (key, index, "answers", position)
            target = by_id.get(answer.relation)
            if target is None:
                what = "a statement, not a relation" if answer.relation in statement_ids else "no relation"
                hint = (
                    "" if answer.relation in statement_ids else did_you_mean(answer.relation, sorted(by_id))
                )
                problems.append(
                    Problem(
                        f"answers names {what}: {answer.relation!r}{hint}",
                        id=item.id,
                        path=(*where, "relation"),
                    )
                )
                continue
            if target.scheme is None:
                problems.append(
                    Problem(
                        f"answers a question of {answer.relation}, which names no scheme",
                        id=item.id,
                        path=(*where, "relation"),
                    )
                )
                continue
            scheme = schemes.get(target.scheme)
            if scheme is not None and answer.question not in scheme.question_ids:
                problems.append(
                    Problem(
                        f"scheme {scheme.id!r} of {answer.relation} has no critical question "
                        f"{answer.question!r}{did_you_mean(answer.question, scheme.question_ids)}",
                        id=item.id,
                        path=(*where, "question"),
                    )
                )
    return problems
