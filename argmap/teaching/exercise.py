"""Exercises from a map: its statements shuffled and lettered, tasks, and an answer key.

:func:`exercise` is pure: a map, what to hide and a seed give a frozen :class:`Exercise`
with the :class:`Worksheet` students get (statements in a shuffled order, lettered A, B,
C..., the tasks) and the :class:`AnswerKey` the teacher keeps. The same seed always gives
the same order. The key holds ``answer_map``, the reference map with its statements
renamed to their letters: a student's map (drawn with letters) is graded against it with
``argmap grade``. ``argmap.teaching.worksheets`` writes both as Markdown, HTML or PDF.

What the worksheet shows depends on ``hide``:

=============  ==========================================  ==================================
``hide``       the sheet shows                             the tasks
=============  ==========================================  ==================================
``relations``  every statement with its kind               draw the relations
``kinds``      statements without kinds, every relation    mark the kinds
``all``        statements only                             draw the relations, mark the kinds
=============  ==========================================  ==================================

Every sheet also asks for the weak link of the argument for the main claim, and, when
relations of the map name argumentation schemes, which critical questions are open.
Both are answered in the key from :func:`argmap.analysis.weak_links` run on the lettered
map (so every kind of weak link, ``open-critical-question`` among them, is listed by
letters).

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: Phones
... main_claim: C
... statements:
...   - {id: C, kind: claim, text: Ban phones in lessons.}
...   - {id: P, kind: premise, text: Phones distract.}
...   - {id: R, kind: rebuttal, text: Phones help in emergencies.}
... relations:
...   - {type: support, from: P, to: C}
...   - {type: attack, from: R, to: C}
... ''')
>>> ex = exercise(m, seed=3)
>>> [(s.letter, s.text) for s in ex.worksheet.statements]
[('A', 'Phones distract.'), ('B', 'Phones help in emergencies.'), ('C', 'Ban phones in lessons.')]
>>> [t.kind for t in ex.worksheet.tasks]
['draw-relations', 'find-weak-link']
>>> [r.sentence for r in ex.key.relations]
['A supports C', 'B attacks C']
>>> [s.id for s in ex.key.answer_map.statements], ex.key.answer_map.main_claim
(['A', 'B', 'C'], 'C')
"""

from __future__ import annotations

import random
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.analysis.results import WeakLink
from argmap.analysis.weak_links import weak_links
from argmap.errors import UsageError
from argmap.model import ArgumentMap, Relation, did_you_mean
from argmap.schemes import Scheme, active_catalogue

__all__ = [
    "HIDE_OPTIONS",
    "AnswerKey",
    "CriticalQuestionItem",
    "Exercise",
    "KeyRow",
    "SheetRelation",
    "SheetStatement",
    "Task",
    "Worksheet",
    "exercise",
    "letter",
    "scheme_placeholders",
]

HIDE_OPTIONS: tuple[str, ...] = ("relations", "kinds", "all")
HideOption = Literal["relations", "kinds", "all"]
TaskKind = Literal["draw-relations", "mark-kinds", "find-weak-link", "open-critical-question"]

_KIND_HELP = (
    "claim (a conclusion argued for), premise (a reason given for a claim), evidence (facts, data, "
    "examples or testimony) or rebuttal (an objection, or a reply to one)"
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SheetStatement(_Frozen):
    """A statement as the worksheet shows it: its letter, its text, and its kind unless hidden."""

    letter: str
    text: str
    kind: str | None = Field(description="None when the sheet hides kinds.")


class SheetRelation(_Frozen):
    """A relation between lettered statements (``to`` is a letter, or a relation id for an undercut)."""

    id: str = Field(description="The relation's id in the lettered map, e.g. 'support.B.A'.")
    type: Literal["support", "attack"]
    sources: tuple[str, ...]
    to: str
    scheme: str | None = None
    sentence: str = Field(description="The relation in words: 'B supports A', 'C attacks the step B → A'.")


class Task(_Frozen):
    """One task of the worksheet."""

    kind: TaskKind
    prompt: str


class CriticalQuestionItem(_Frozen):
    """A step that follows a scheme (or, when the sheet hides relations, a scheme and how many
    steps follow it), with the scheme's critical questions to choose from."""

    relation: str | None = Field(
        description="The relation's id in the lettered map; None on a sheet that hides relations."
    )
    step: str | None = Field(
        description="The step in words, e.g. 'B supports A'; None on a sheet that hides relations."
    )
    scheme: str
    scheme_name: str
    questions: tuple[str, ...] = Field(
        description="The scheme's critical questions, in catalogue order, its placeholders in lower case "
        "(see scheme_placeholders) so that none reads as a statement's letter."
    )
    question_ids: tuple[str, ...]
    steps: int = Field(default=1, ge=1, description="How many steps of the map follow the scheme.")


class Worksheet(_Frozen):
    """What students get: nothing on it gives away what it asks."""

    title: str
    seed: int
    hide: HideOption
    main_claim: str | None = Field(description="The letter of the main claim, if the map names one.")
    statements: tuple[SheetStatement, ...] = Field(description="In letter order (the shuffled order).")
    relations: tuple[SheetRelation, ...] = Field(description="Empty when the sheet hides relations.")
    tasks: tuple[Task, ...]
    critical_questions: tuple[CriticalQuestionItem, ...] = ()


class KeyRow(_Frozen):
    """A statement in the key: its letter and what the original map says of it."""

    letter: str
    id: str = Field(description="The statement's id in the original map.")
    kind: str
    text: str


class AnswerKey(_Frozen):
    """What the teacher keeps: every answer, by letter."""

    statements: tuple[KeyRow, ...]
    relations: tuple[SheetRelation, ...]
    weak_links: tuple[WeakLink, ...] = Field(description="Of the lettered map, most severe first.")
    open_questions: dict[str, tuple[str, ...]] = Field(
        description="Lettered relation id to the ids of its open critical questions."
    )
    answer_map: ArgumentMap = Field(description="The reference map with statements renamed to their letters.")
    critical_questions: tuple[CriticalQuestionItem, ...] = Field(
        default=(), description="Every step that follows a scheme, named, with its questions."
    )


class Exercise(_Frozen):
    """A worksheet and its answer key."""

    worksheet: Worksheet
    key: AnswerKey


def letter(index: int) -> str:
    """The letter of the statement at ``index`` (from 0): A..Z, then AA, AB... as spreadsheets count.

    Examples
    --------
    >>> [letter(i) for i in (0, 25, 26, 27, 701, 702)]
    ['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']
    """
    if index < 0:
        raise ValueError("index must be >= 0")
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def exercise(argument_map: ArgumentMap, *, hide: str = "relations", seed: int = 0) -> Exercise:
    """A worksheet of the map's statements, shuffled by ``seed``, and its answer key.

    Parameters
    ----------
    argument_map : ArgumentMap
        The reference map.
    hide : {"relations", "kinds", "all"}
        What the students are to find: the relations, the statements' kinds, or both.
    seed : int
        Seeds the shuffle; the same seed gives the same order.

    Returns
    -------
    Exercise

    Raises
    ------
    UsageError
        For an unknown ``hide`` option, or a map without statements.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> sheet = exercise(m, hide="kinds", seed=1).worksheet
    >>> len(sheet.statements), sheet.statements[0].kind, len(sheet.relations) == len(m.relations)
    (68, None, True)
    >>> exercise(m, hide="everything")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown hide option 'everything'; expected one of: relations, kinds, all
    """
    if hide not in HIDE_OPTIONS:
        raise UsageError(
            f"unknown hide option {hide!r}{did_you_mean(hide, HIDE_OPTIONS)}; "
            f"expected one of: {', '.join(HIDE_OPTIONS)}"
        )
    if not argument_map.statements:
        raise UsageError("the map has no statements to make an exercise of")
    order = list(argument_map.statements)
    random.Random(seed).shuffle(order)
    letters = {statement.id: letter(i) for i, statement in enumerate(order)}
    lettered = _lettered_map(argument_map, letters)
    relations = tuple(_sheet_relation(lettered, r) for r in lettered.relations)
    show_kinds = hide == "relations"
    show_relations = hide == "kinds"
    items = _critical_question_items(lettered)
    main = lettered.main_claim
    # A sheet that hides relations names no step: it lists the schemes, and how many steps follow each.
    sheet_items = items if show_relations else _by_scheme(items)
    links = weak_links(lettered)
    worksheet = Worksheet(
        title=argument_map.title,
        seed=seed,
        hide=hide,
        main_claim=main,
        statements=tuple(
            SheetStatement(letter=s.id, text=s.text, kind=s.kind if show_kinds else None)
            for s in lettered.statements
        ),
        relations=relations if show_relations else (),
        tasks=_tasks(hide, main, bool(items)),
        critical_questions=sheet_items,
    )
    key = AnswerKey(
        statements=tuple(KeyRow(letter=letters[s.id], id=s.id, kind=s.kind, text=s.text) for s in order),
        relations=relations,
        weak_links=links,
        open_questions=_open_questions(links),
        answer_map=lettered,
        critical_questions=items,
    )
    return Exercise(worksheet=worksheet, key=key)


def _lettered_map(argument_map: ArgumentMap, letters: dict[str, str]) -> ArgumentMap:
    """The map with statements renamed to their letters and listed in letter order."""
    relation_ids = _lettered_relation_ids(argument_map, letters)
    names = {**letters, **relation_ids}
    data = argument_map.to_data()
    for statement in data.get("statements", ()):
        statement["id"] = names[statement["id"]]
        _rename_answers(statement, names)
    data["statements"] = sorted(data.get("statements", ()), key=lambda s: (len(s["id"]), s["id"]))
    for relation, original in zip(data.get("relations", ()), argument_map.relations, strict=True):
        relation["id"] = names[original.key]
        relation["from"] = [names[s] for s in original.sources]
        relation["to"] = names[original.to]
        _rename_answers(relation, names)
    if "main_claim" in data:
        data["main_claim"] = names[data["main_claim"]]
    for test in data.get("tests", ()):
        test["expect"] = {names[k]: v for k, v in test["expect"].items()}
    return ArgumentMap.model_validate(data)


def _rename_answers(item: dict[str, Any], names: dict[str, str]) -> None:
    """Rename the relations critical-question marks point to; drop marks on relations not in the map."""
    if "answers" in item:
        kept = [{**a, "relation": names[a["relation"]]} for a in item["answers"] if a["relation"] in names]
        if kept:
            item["answers"] = kept
        else:
            del item["answers"]


def _lettered_relation_ids(argument_map: ArgumentMap, letters: dict[str, str]) -> dict[str, str]:
    """New relation ids spelled from the letters (``support.B.A``), unique, in map order.

    An undercut's id spells its target's new id (``attack.C.support.B.A``), so targets are
    named first, walking each chain of undercuts without recursion. An undercut on a cycle
    of undercuts (the format allows one) is spelled ``attack.C.step`` instead.
    """
    names: dict[str, str] = {}
    used = set(letters.values())

    def assign(relation: Relation, target: str) -> None:
        base = ".".join((relation.type, *(letters[s] for s in relation.sources), target))
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}.{n}"
        used.add(candidate)
        names[relation.key] = candidate

    for relation in argument_map.relations:
        chain: list[Relation] = []
        on_chain: set[str] = set()
        current = relation
        while current.key not in names and current.to not in letters and current.key not in on_chain:
            chain.append(current)
            on_chain.add(current.key)
            current = argument_map.relation(current.to)
        if current.key not in names and current.key not in on_chain:
            assign(current, letters[current.to])
        elif current.key not in names:
            assign(current, "step")
        for undercut in reversed(chain):
            if undercut.key not in names:
                assign(undercut, names[undercut.to])
    return names


def _sheet_relation(lettered: ArgumentMap, relation: Relation) -> SheetRelation:
    return SheetRelation(
        id=relation.key,
        type=relation.type,
        sources=relation.sources,
        to=relation.to,
        scheme=relation.scheme,
        sentence=_sentence(lettered, relation),
    )


def _sentence(lettered: ArgumentMap, relation: Relation) -> str:
    """'B supports A', 'B and C together support A', 'D attacks the step B → A'."""
    sources = relation.sources
    who = sources[0] if len(sources) == 1 else f"{', '.join(sources[:-1])} and {sources[-1]} together"
    verb = relation.type + ("s" if len(sources) == 1 else "")
    if lettered.is_undercut(relation):
        return f"{who} {verb} the step {_step(lettered, lettered.relation(relation.to))}"
    return f"{who} {verb} {relation.to}"


def _step(lettered: ArgumentMap, relation: Relation) -> str:
    """'B → A' for a support, 'C ⇥ A' for an attack; an undercut's target is named by its id."""
    target = f"({relation.to})" if lettered.is_undercut(relation) else relation.to
    arrow = "→" if relation.type == "support" else "⇥"
    return f"{' + '.join(relation.sources)} {arrow} {target}"


def _tasks(hide: str, main: str | None, has_schemes: bool) -> tuple[Task, ...]:
    tasks = []
    if hide in ("relations", "all"):
        tasks.append(
            Task(
                kind="draw-relations",
                prompt="Draw the relations. For each statement given as a reason for another, draw an "
                "arrow from it to the statement it supports; for each statement that objects to "
                "another, draw an arrow marked with a minus sign (an attack). When statements work "
                "only together, join their arrows into one. An objection can also attack a step "
                "(an arrow) rather than a statement: draw it to that arrow.",
            )
        )
    if hide in ("kinds", "all"):
        tasks.append(Task(kind="mark-kinds", prompt=f"Mark each statement's kind: {_KIND_HELP}."))
    target = f"the main claim, {main}" if main is not None else "the main claim"
    tasks.append(
        Task(
            kind="find-weak-link",
            prompt=f"Find the weak link: which statement or step is the most fragile part of the "
            f"argument for {target}? Say why: does everything hang on it, is it unsupported, is an "
            "objection to it left unanswered?",
        )
    )
    if has_schemes and hide == "kinds":
        tasks.append(
            Task(
                kind="open-critical-question",
                prompt="Some steps follow a known pattern of argument (a scheme), which comes with "
                "critical questions. For each step listed at the end of the sheet, which of its "
                "critical questions does the text leave open (nothing in it answers or raises the "
                "question)? The list names some steps of the argument: do the tasks above first.",
            )
        )
    elif has_schemes:
        tasks.append(
            Task(
                kind="open-critical-question",
                prompt="Some steps follow a known pattern of argument (a scheme), which comes with "
                "critical questions. The patterns are listed at the end of the sheet, with how many "
                "steps follow each. When your map is drawn, find those steps in it, and for each say "
                "which of the pattern's critical questions the text leaves open (nothing in it answers "
                "or raises the question).",
            )
        )
    return tuple(tasks)


def _critical_question_items(lettered: ArgumentMap) -> tuple[CriticalQuestionItem, ...]:
    with_scheme = [r for r in lettered.relations if r.scheme is not None]
    if not with_scheme:
        return ()
    catalogue = active_catalogue()
    items = []
    for relation in with_scheme:
        assert relation.scheme is not None
        scheme = catalogue.scheme(relation.scheme)
        names = scheme_placeholders(scheme)
        items.append(
            CriticalQuestionItem(
                relation=relation.key,
                step=_sentence(lettered, relation),
                scheme=scheme.id,
                scheme_name=scheme.name,
                questions=tuple(_renamed(q.text, names) for q in scheme.questions),
                question_ids=scheme.question_ids,
            )
        )
    return tuple(items)


def _by_scheme(items: tuple[CriticalQuestionItem, ...]) -> tuple[CriticalQuestionItem, ...]:
    """One item per scheme, in the order the schemes first appear, naming no step."""
    grouped: dict[str, list[CriticalQuestionItem]] = {}
    for item in items:
        grouped.setdefault(item.scheme, []).append(item)
    return tuple(
        group[0].model_copy(update={"relation": None, "step": None, "steps": len(group)})
        for group in grouped.values()
    )


_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
# Lower-case names a placeholder in capitals may take when its own lower case is taken (or is an
# English word, like "a" and "i").
_SPARE_NAMES = tuple("pqrstuvwxyzmnkhj")


def scheme_placeholders(scheme: Scheme) -> dict[str, str]:
    """The scheme's placeholders in capitals (``A``, ``E``, ``C1``), each with a lower-case name.

    A worksheet letters its statements in capitals (A, B, C...), and a critical question
    that says "Is A actually a question of E's field?" would seem to speak of statements
    A and E. On worksheets and keys the placeholders a scheme declares in its templates
    (``{A}``) are written in lower case instead: their own letter in lower case, unless
    the scheme already has that lower-case placeholder or it is an English word ("a",
    "i"), then the first free of p, q, r...

    Parameters
    ----------
    scheme : Scheme

    Returns
    -------
    dict
        Placeholder to its lower-case name; placeholders already in lower case are left out.

    Examples
    --------
    >>> from argmap.schemes import builtin_catalogue
    >>> scheme_placeholders(builtin_catalogue().scheme("argument-from-position-to-know"))
    {'A': 'p'}
    >>> scheme_placeholders(builtin_catalogue().scheme("argument-from-expert-opinion"))
    {'A': 'p', 'D': 'd', 'E': 'e'}
    """
    texts = [p.template for p in scheme.premises] + [scheme.conclusion]
    declared = sorted({name for text in texts for name in _PLACEHOLDER.findall(text)})
    taken = {name for name in declared if name == name.lower()}
    names: dict[str, str] = {}
    for name in declared:
        if name == name.lower():
            continue
        lower = name.lower()
        if lower in taken or lower in ("a", "i"):
            spare = [n for n in _SPARE_NAMES if n not in taken]
            lower = spare[0] if spare else f"{lower}{len(taken)}"
        taken.add(lower)
        names[name] = lower
    return names


def _renamed(question: str, names: dict[str, str]) -> str:
    if not names:
        return question
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
    return pattern.sub(lambda m: names[m.group(1)], question)


def _open_questions(links: tuple[WeakLink, ...]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for link in links:
        if link.kind == "open-critical-question" and link.question is not None:
            found.setdefault(link.nodes[-1], []).append(link.question)
    return {relation: tuple(questions) for relation, questions in found.items()}
