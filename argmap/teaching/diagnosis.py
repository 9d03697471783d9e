"""Diagnosing a student's map against a key: every difference classified once, as a typed mistake.

:func:`diagnose` works in three steps.

1. **Statements.** The statement alignment of :func:`argmap.comparison.compare` pairs the
   maps' statements one to one. A student's statement whose text is two or more of the
   key's statements run together is *merged*; two or more of the student's statements
   that are the pieces of one of the key's are a *split*. Each pair, merge or split is a *unit*; a
   statement outside every unit is missing (the key's) or extra (the student's).
2. **Relations.** Both maps' relations are read over the units (a relation of the key
   from P1 to C becomes "unit of P1 → unit of C"), and the student's relations are paired
   with the key's, each pairing classified once, in this order: the same relation; the
   same relation with the other type (``wrong-type``); the same premises drawn as
   separate reasons where the key links them (``linked-as-separate``) or the reverse
   (``separate-as-linked``); the direction reversed; an objection aimed at a statement
   where the key aims it at the step into it (``rebut-instead-of-undercut``) or the
   reverse; the same sources with another target (``wrong-target``); the same target
   with partly other sources (``wrong-sources``). What is left is missing or extra.
   Undercuts are paired after the relations they attack, through those relations'
   pairings, so an undercut riding on a reversed or retargeted relation is no mistake of
   its own.
3. **Folding.** A difference that follows from another is folded into it: the relations
   of a missing or extra statement, the undercuts of a missing or extra relation, the
   relations inside a merged or split statement. Each :class:`Mistake` lists what it
   folds.

:mod:`argmap.teaching.grading` turns the mistakes into remarks and a score.

Examples
--------
>>> import argmap
>>> key = argmap.loads('''
... argmap: 1
... title: Key
... statements:
... - {id: C, kind: claim, text: Start school later.}
... - {id: P1, kind: premise, text: Teens need more sleep.}
... - {id: P2, kind: premise, text: Early starts cut their sleep.}
... relations:
... - {type: support, from: [P1, P2], to: C}
... ''')
>>> student = argmap.loads('''
... argmap: 1
... title: Mine
... statements:
... - {id: A, kind: claim, text: Start school later.}
... - {id: B, kind: premise, text: Teens need more sleep.}
... - {id: D, kind: premise, text: Early starts cut their sleep.}
... relations:
... - {type: support, from: B, to: A}
... - {type: support, from: D, to: A}
... ''')
>>> [(m.kind, m.student_statements, m.reference_statements) for m in diagnose(student, key).mistakes]
[('linked-as-separate', ('B', 'D', 'A'), ('P1', 'P2', 'C'))]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, utils

from argmap.comparison import Comparison, compare
from argmap.model import ArgumentMap, Relation, Statement

__all__ = ["LAYER_OF", "MISTAKE_KINDS", "Diagnosis", "Mistake", "diagnose", "relation_sentence"]

MistakeKind = Literal[
    "wrong-main-claim",
    "missing-statement",
    "extra-statement",
    "merged-statements",
    "split-statement",
    "wrong-kind",
    "wrong-type",
    "reversed",
    "wrong-target",
    "missing-relation",
    "extra-relation",
    "linked-as-separate",
    "separate-as-linked",
    "rebut-instead-of-undercut",
    "undercut-instead-of-rebut",
    "wrong-sources",
]
MISTAKE_KINDS: tuple[str, ...] = get_args(MistakeKind)
Layer = Literal["main-claim", "statements", "kinds", "relations"]
LAYER_OF: dict[str, Layer] = {
    **{kind: "relations" for kind in MISTAKE_KINDS},
    "wrong-main-claim": "main-claim",
    "missing-statement": "statements",
    "extra-statement": "statements",
    "merged-statements": "statements",
    "split-statement": "statements",
    "wrong-kind": "kinds",
}
"""The layer of the map each kind of mistake belongs to (its weight is the layer's, see grading)."""

# A part of a statement: its normalised text (at least _PART_LEAST characters) is found, at least
# this similar, inside the whole's, and is at most this share of the whole's length; the parts
# together make up the whole's length give or take 30%.
_PART_LEAST = 8
_PART_SIMILARITY = 85.0
_PART_SHARE = 0.85
_COVER = 0.7


class Mistake(BaseModel):
    """One mistake of the student's map, with the ids of both maps it involves.

    Statement and relation ids are the student's (``student_*``) and the key's
    (``reference_*``); ``folded_*`` are relations whose difference follows from this
    mistake and gets no remark of its own. ``student_has`` and ``reference_has`` say what
    each map has, in the student's letters where the student has the statements (for a
    ``wrong-kind``, the two kinds).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: MistakeKind
    layer: Layer
    student_statements: tuple[str, ...] = ()
    reference_statements: tuple[str, ...] = ()
    student_relations: tuple[str, ...] = ()
    reference_relations: tuple[str, ...] = ()
    folded_student_relations: tuple[str, ...] = ()
    folded_reference_relations: tuple[str, ...] = ()
    student_has: str | None = Field(default=None, description="What the student drew, in letters.")
    reference_has: str | None = Field(default=None, description="What the key has instead, in letters.")


class Diagnosis(BaseModel):
    """The mistakes of a student's map, and how its statements correspond to the key's."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    mistakes: tuple[Mistake, ...]
    counterparts: dict[str, tuple[str, ...]] = Field(
        description="Each key statement the student has, to the student's statement(s) for it."
    )
    relations_matched: int = Field(ge=0, description="Key relations the student drew as the key does.")
    comparison: Comparison


def diagnose(
    student: ArgumentMap, reference: ArgumentMap, *, align: str = "auto", threshold: float | None = None
) -> Diagnosis:
    """The student's mistakes against ``reference``, each difference classified once.

    Parameters
    ----------
    student : ArgumentMap
        The map to diagnose.
    reference : ArgumentMap
        The key.
    align, threshold
        How statements are aligned; see :func:`argmap.comparison.compare`.

    Returns
    -------
    Diagnosis
        ``mistakes`` in the order main claim, statements, kinds, relations (in the key's
        order, the student's extra relations last).

    Raises
    ------
    UsageError
        For an unknown alignment method or a threshold outside [0, 1].

    Examples
    --------
    >>> import argmap
    >>> m = argmap.load("examples/teaching/homework-debate.yaml")
    >>> diagnose(m, m).mistakes
    ()
    """
    comparison = compare(student, reference, align=align, threshold=threshold)
    return _Diagnoser(student, reference, comparison).run()


# -- statements: units ---------------------------------------------------------------------


def _normalised(text: str) -> str:
    return utils.default_process(text) or text


def _is_part(part: Statement, whole: Statement, *, spans: bool) -> bool:
    """Whether ``part`` is a piece of ``whole``: by its text, or by its span when spans align the maps."""
    small, big = _normalised(part.text), _normalised(whole.text)
    if (
        _PART_LEAST <= len(small) <= _PART_SHARE * len(big)
        and fuzz.partial_ratio(small, big) >= _PART_SIMILARITY
    ):
        return True
    if spans and part.span is not None and whole.span is not None:
        inside = min(part.span.end, whole.span.end) - max(part.span.start, whole.span.start)
        return inside >= 0.8 * part.span.length and part.span.length <= _PART_SHARE * whole.span.length
    return False


def _covers(parts: Sequence[Statement], whole: Statement, *, spans: bool) -> bool:
    """Whether the pieces make up most of ``whole`` (by text, or by spans when spans align the maps)."""
    total, length = sum(len(_normalised(p.text)) for p in parts), len(_normalised(whole.text))
    if _COVER * length <= total <= (2 - _COVER) * length:
        return True
    lengths = [p.span.length for p in parts if p.span is not None]
    return (
        spans
        and whole.span is not None
        and len(lengths) == len(parts)
        and sum(lengths) >= _COVER * whole.span.length
    )


# -- relations over units ------------------------------------------------------------------


@dataclass
class _Rel:
    """A relation read over units: sources and target are unit names (or a relation id)."""

    relation: Relation
    sources: frozenset[str]
    target_unit: str | None  # the target statement's unit; None for an undercut
    target_relation: str | None  # the attacked relation's id (canonical), for an undercut
    loose: tuple[str, ...]  # its statements outside every unit

    @property
    def key(self) -> str:
        return self.relation.key

    @property
    def type(self) -> str:
        return self.relation.type

    @property
    def comparable(self) -> bool:
        return bool(self.sources) and (self.target_unit is not None or self.target_relation is not None)


@dataclass
class _Side:
    """One map's relations over the units, and which of them are folded (with what into)."""

    m: ArgumentMap
    unit_of: dict[str, str]
    regrouped: set[str]  # units of merged or split statements
    rels: dict[str, _Rel] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)  # duplicate id -> kept id
    folded_into: dict[str, str] = field(default_factory=dict)  # relation id -> "statement:X" | "relation:Y"

    def build(self) -> None:
        depth: dict[str, int] = {}
        for relation in self.m.relations:
            depth[relation.key] = self._depth(relation)
        seen: dict[tuple[object, ...], str] = {}
        for relation in sorted(self.m.relations, key=lambda r: depth[r.key]):
            sources = frozenset(self.unit_of[s] for s in relation.sources if s in self.unit_of)
            loose = tuple(s for s in relation.sources if s not in self.unit_of)
            if self.m.has_statement(relation.to):
                target_unit, target_relation = self.unit_of.get(relation.to), None
                if target_unit is None:
                    loose += (relation.to,)
            else:
                target_unit, target_relation = None, self.canonical.get(relation.to, relation.to)
            rel = _Rel(relation, sources, target_unit, target_relation, loose)
            if not rel.comparable:
                self.rels[relation.key] = rel
                continue
            if target_unit in sources and target_unit in self.regrouped:
                # a relation between two pieces of one merged or split statement
                self.folded_into[relation.key] = "unit:" + target_unit
                continue
            signature = (rel.sources, rel.target_unit, rel.target_relation, rel.type)
            regrouped = sorted(self.regrouped & {*rel.sources, rel.target_unit or ""})
            if signature in seen and regrouped:
                # two relations that became one when statements were merged or split
                self.canonical[relation.key] = seen[signature]
                self.folded_into[relation.key] = "unit:" + regrouped[0]
                continue
            seen.setdefault(signature, relation.key)
            self.rels[relation.key] = rel

    def _depth(self, relation: Relation) -> int:
        n, current, visited = 0, relation, {relation.key}
        while not self.m.has_statement(current.to):
            current = self.m.relation(current.to)
            if current.key in visited:
                break
            visited.add(current.key)
            n += 1
        return n

    def endpoints(self, relation_id: str) -> set[str]:
        """The units a relation joins (its sources' and its target statement's)."""
        rel = self.rels.get(self.canonical.get(relation_id, relation_id))
        if rel is None:
            return set()
        return set(rel.sources) | ({rel.target_unit} if rel.target_unit else set())


class _Diagnoser:
    def __init__(self, student: ArgumentMap, reference: ArgumentMap, comparison: Comparison) -> None:
        self.student, self.reference, self.comparison = student, reference, comparison
        self.unit_of_student: dict[str, str] = {}
        self.unit_of_key: dict[str, str] = {}
        self.units: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # unit -> (key ids, student ids)
        self.regrouped: set[str] = set()  # units of merged or split statements
        self.corr: dict[str, set[str]] = {}  # student relation -> key relations it stands for
        self.done_s: set[str] = set()
        self.done_k: set[str] = set()
        self.exact = 0
        self.relation_mistakes: list[tuple[tuple[int, int], Mistake]] = []

    # -- step 1: statements ----------------------------------------------------------------

    def run(self) -> Diagnosis:
        self._units()
        statement_mistakes = self._statement_mistakes()
        self.s = _Side(self.student, self.unit_of_student, self.regrouped)
        self.k = _Side(self.reference, self.unit_of_key, self.regrouped)
        self.s.build()
        self.k.build()
        self._pair_relations()
        folded = self._leftovers(statement_mistakes)
        ordered = sorted(self.relation_mistakes, key=lambda item: item[0])
        mistakes = [*self._main_claim(), *folded, *self._kinds(), *(m for _, m in ordered)]
        counterparts = {k: students for keys, students in self.units.values() for k in keys}
        return Diagnosis(
            mistakes=tuple(mistakes),
            counterparts=counterparts,
            relations_matched=self.exact,
            comparison=self.comparison,
        )

    def _units(self) -> None:
        student, key = self.student, self.reference
        pairs = {p.a: p.b for p in self.comparison.alignment.pairs}
        spans = self.comparison.alignment.method == "span"
        key_of: dict[str, set[str]] = {a: {b} for a, b in pairs.items()}
        students_of: dict[str, set[str]] = {b: {a} for a, b in pairs.items()}
        # Merges: one student statement holding two or more key statements (free or its own).
        for whole in student.statements:
            parts = [
                k
                for k in key.statements
                if students_of.get(k.id, {whole.id}) == {whole.id} and _is_part(k, whole, spans=spans)
            ]
            own = key_of.get(whole.id, set())  # a statement aligned as a whole keeps its pair
            if len(parts) >= 2 and own <= {k.id for k in parts} and _covers(parts, whole, spans=spans):
                for kid in own:
                    students_of.pop(kid, None)
                key_of[whole.id] = {k.id for k in parts}
                for k in parts:
                    students_of[k.id] = {whole.id}
        # Splits: one key statement whose text two or more student statements share out.
        for whole in key.statements:
            if len(students_of.get(whole.id, ())) > 1:
                continue
            pieces = [
                s
                for s in student.statements
                if key_of.get(s.id, {whole.id}) == {whole.id} and _is_part(s, whole, spans=spans)
            ]
            own = students_of.get(whole.id, set())
            if len(pieces) >= 2 and own <= {s.id for s in pieces} and _covers(pieces, whole, spans=spans):
                for sid in own:
                    key_of.pop(sid, None)
                students_of[whole.id] = {s.id for s in pieces}
                for s in pieces:
                    key_of[s.id] = {whole.id}
        graph: nx.Graph[str] = nx.Graph()
        for sid, kids in key_of.items():
            for kid in kids:
                graph.add_edge("s:" + sid, "k:" + kid)
        key_order = {st.id: n for n, st in enumerate(key.statements)}
        student_order = {st.id: n for n, st in enumerate(student.statements)}
        for component in nx.connected_components(graph):
            keys = tuple(sorted((n[2:] for n in component if n[0] == "k"), key=key_order.__getitem__))
            students = tuple(sorted((n[2:] for n in component if n[0] == "s"), key=student_order.__getitem__))
            name = "+".join(keys)
            self.units[name] = (keys, students)
            for kid in keys:
                self.unit_of_key[kid] = name
            for sid in students:
                self.unit_of_student[sid] = name

    def _statement_mistakes(self) -> list[Mistake]:
        found: list[Mistake] = []
        for s in self.reference.statements:
            if s.id not in self.unit_of_key:
                found.append(
                    Mistake(kind="missing-statement", layer="statements", reference_statements=(s.id,))
                )
        for s in self.student.statements:
            if s.id not in self.unit_of_student:
                found.append(Mistake(kind="extra-statement", layer="statements", student_statements=(s.id,)))
        for name, (keys, students) in self.units.items():
            if len(keys) > 1 or len(students) > 1:
                kind: MistakeKind = "merged-statements" if len(keys) > 1 else "split-statement"
                mistake = Mistake(
                    kind=kind, layer="statements", student_statements=students, reference_statements=keys
                )
                self.regrouped.add(name)
                found.append(mistake)
        return found

    def _main_claim(self) -> list[Mistake]:
        mine, theirs = self.student.main_claim, self.reference.main_claim
        if mine is None or theirs is None:
            return []
        unit = self.unit_of_student.get(mine)
        if unit is not None and theirs in self.units[unit][0]:
            return []
        return [
            Mistake(
                kind="wrong-main-claim",
                layer="main-claim",
                student_statements=(mine,),
                reference_statements=(theirs,),
                reference_has=self._unit_name(self.unit_of_key.get(theirs), theirs),
            )
        ]

    def _kinds(self) -> list[Mistake]:
        found = []
        for keys, students in self.units.values():
            key_kinds = {self.reference.statement(k).kind for k in keys}
            for s in students:
                kind = self.student.statement(s).kind
                if kind not in key_kinds and len(key_kinds) == 1:
                    found.append(
                        Mistake(
                            kind="wrong-kind",
                            layer="kinds",
                            student_statements=(s,),
                            reference_statements=keys,
                            student_has=kind,
                            reference_has=next(iter(key_kinds)),
                        )
                    )
        order = {st.id: n for n, st in enumerate(self.student.statements)}
        return sorted(found, key=lambda m: order[m.student_statements[0]])

    # -- step 2: relations -----------------------------------------------------------------

    def _pair_relations(self) -> None:
        s_top = [r for r in self.s.rels.values() if r.comparable and r.target_unit is not None]
        k_top = [r for r in self.k.rels.values() if r.comparable and r.target_unit is not None]
        self._round(s_top, k_top)
        self._pass(s_top, self._k_undercuts(), self._rebut_for_undercut, "rebut-instead-of-undercut")
        self._pass(s_top, k_top, self._wrong_target, "wrong-target")
        self._pass(s_top, k_top, self._wrong_sources, "wrong-sources")
        while True:
            before = len(self.done_s) + len(self.done_k)
            s_under = [r for r in self.s.rels.values() if r.comparable and r.target_relation is not None]
            k_under = self._k_undercuts()
            resolvable = [r for r in s_under if r.target_relation in self.corr]
            self._round(resolvable, k_under)
            k_top_left = [r for r in k_top if r.key not in self.done_k]
            self._pass(s_under, k_top_left, self._undercut_for_rebut, "undercut-instead-of-rebut")
            self._pass(
                resolvable, [r for r in k_under if self._anchored(r)], self._wrong_target, "wrong-target"
            )
            if len(self.done_s) + len(self.done_k) == before:
                break
        # Last, an objection to a statement where the key objects to an unrelated step, or back.
        s_left = [r for r in self.s.rels.values() if r.comparable and r.key not in self.done_s]
        k_left = [r for r in self.k.rels.values() if r.comparable and r.key not in self.done_k]
        self._pass(
            [r for r in s_left if r.target_relation is None or r.target_relation in self.corr],
            [r for r in k_left if self._anchored(r)],
            self._wrong_target,
            "wrong-target",
        )

    def _anchored(self, rel: _Rel) -> bool:
        """Whether a key relation's target is a statement or a relation the student has drawn.

        An undercut of a step the student left out is folded into that step's remark, so it
        is never paired with another of the student's relations.
        """
        return rel.target_relation is None or rel.target_relation in self.done_k

    def _k_undercuts(self) -> list[_Rel]:
        return [r for r in self.k.rels.values() if r.comparable and r.target_relation is not None]

    def _round(self, s_rels: list[_Rel], k_rels: list[_Rel]) -> None:
        self._pass(s_rels, k_rels, lambda a, b: self._same(a, b) and a.type == b.type, None)
        self._pass(s_rels, k_rels, lambda a, b: self._same(a, b) and a.type != b.type, "wrong-type")
        self._grouping(s_rels, k_rels)
        self._pass(s_rels, k_rels, self._reversed, "reversed")

    def _target_matches(self, a: _Rel, b: _Rel) -> bool:
        if a.target_unit is not None:
            return a.target_unit == b.target_unit
        return b.target_relation is not None and b.target_relation in self.corr.get(
            a.target_relation or "", ()
        )

    def _same(self, a: _Rel, b: _Rel) -> bool:
        return a.sources == b.sources and self._target_matches(a, b)

    def _reversed(self, a: _Rel, b: _Rel) -> bool:
        return (
            a.type == b.type
            and len(a.sources) == len(b.sources) == 1
            and a.target_unit is not None
            and b.target_unit is not None
            and a.sources == {b.target_unit}
            and b.sources == {a.target_unit}
        )

    def _rebut_for_undercut(self, a: _Rel, b: _Rel) -> bool:
        if a.type != "attack" or b.type != "attack" or a.sources != b.sources or a.target_unit is None:
            return False
        if any(r.sources == a.sources and r.key not in self.done_s for r in self._s_undercuts()):
            return False
        return a.target_unit in self.k.endpoints(b.target_relation or "")

    def _s_undercuts(self) -> list[_Rel]:
        return [r for r in self.s.rels.values() if r.comparable and r.target_relation is not None]

    def _undercut_for_rebut(self, a: _Rel, b: _Rel) -> bool:
        if a.type != "attack" or b.type != "attack" or a.sources != b.sources or b.target_unit is None:
            return False
        if any(r.sources == a.sources and r.key not in self.done_k for r in self._k_undercuts()):
            return False
        return b.target_unit in self.s.endpoints(a.target_relation or "")

    def _wrong_target(self, a: _Rel, b: _Rel) -> bool:
        return a.type == b.type and a.sources == b.sources and not self._target_matches(a, b)

    def _wrong_sources(self, a: _Rel, b: _Rel) -> bool:
        return (
            a.type == b.type
            and a.sources != b.sources
            and bool(a.sources & b.sources)
            and self._target_matches(a, b)
        )

    def _pass(
        self,
        s_rels: Iterable[_Rel],
        k_rels: Sequence[_Rel],
        fits: Callable[[_Rel, _Rel], bool],
        kind: MistakeKind | None,
    ) -> None:
        for a in s_rels:
            if a.key in self.done_s:
                continue
            b = next((r for r in k_rels if r.key not in self.done_k and fits(a, r)), None)
            if b is None:
                continue
            self._pair([a], [b], kind)

    def _grouping(self, s_rels: list[_Rel], k_rels: list[_Rel]) -> None:
        """Premises linked in one map and drawn as separate reasons in the other (or regrouped)."""
        graph: nx.Graph[tuple[str, str]] = nx.Graph()
        left_s = [r for r in s_rels if r.key not in self.done_s]
        left_k = [r for r in k_rels if r.key not in self.done_k]
        for a in left_s:
            for b in left_k:
                if a.type == b.type and a.sources & b.sources and self._target_matches(a, b):
                    graph.add_edge(("s", a.key), ("k", b.key))
        for component in nx.connected_components(graph):
            group_s = [self.s.rels[key] for side, key in component if side == "s"]
            group_k = [self.k.rels[key] for side, key in component if side == "k"]
            union_s = frozenset().union(*(r.sources for r in group_s))
            union_k = frozenset().union(*(r.sources for r in group_k))
            if union_s != union_k or (len(group_s) == 1 and len(group_k) == 1):
                continue
            kind: MistakeKind = "linked-as-separate" if len(group_s) > len(group_k) else "separate-as-linked"
            self._pair(group_s, group_k, kind)

    def _pair(self, group_s: list[_Rel], group_k: list[_Rel], kind: MistakeKind | None) -> None:
        group_s = sorted(group_s, key=lambda r: self._position(self.student, r.key))
        group_k = sorted(group_k, key=lambda r: self._position(self.reference, r.key))
        for a in group_s:
            self.done_s.add(a.key)
            self.corr.setdefault(a.key, set()).update(b.key for b in group_k)
        for b in group_k:
            self.done_k.add(b.key)
        if kind is None:
            self.exact += len(group_k)
            return
        s_statements = _sources_first(self._statements(self.student, r.relation) for r in group_s)
        k_statements = _sources_first(self._statements(self.reference, r.relation) for r in group_k)
        mistake = Mistake(
            kind=kind,
            layer=LAYER_OF[kind],
            student_statements=s_statements,
            reference_statements=k_statements,
            student_relations=tuple(r.key for r in group_s),
            reference_relations=tuple(r.key for r in group_k),
            student_has="; ".join(self._describe_student(r.relation) for r in group_s),
            reference_has="; ".join(self._describe_key(r.relation) for r in group_k),
        )
        where = (0, self._position(self.reference, group_k[0].key))
        self.relation_mistakes.append((where, mistake))

    @staticmethod
    def _position(m: ArgumentMap, relation_id: str) -> int:
        return next(n for n, r in enumerate(m.relations) if r.key == relation_id)

    @staticmethod
    def _statements(m: ArgumentMap, relation: Relation) -> tuple[str, ...]:
        """A relation's statements: its sources and its target, or the statements of the step it attacks."""
        if m.has_statement(relation.to):
            return (*relation.sources, relation.to)
        inner = m.relation(relation.to)
        while not m.has_statement(inner.to):
            inner = m.relation(inner.to)
        return (*relation.sources, *inner.sources, inner.to)

    # -- step 3: what is left, folded ------------------------------------------------------

    def _leftovers(self, statement_mistakes: list[Mistake]) -> list[Mistake]:
        """Missing and extra relations, each with what follows from it; statement mistakes with theirs."""
        folded_k: dict[str, list[str]] = {}  # owner ("statement:X", "relation:Y", "unit:Z") -> key relations
        folded_s: dict[str, list[str]] = {}
        for side, done, folded in ((self.k, self.done_k, folded_k), (self.s, self.done_s, folded_s)):
            for relation in side.m.relations:
                rid = relation.key
                if rid in done:
                    continue
                owner = self._owner(side, rid, done)
                if owner is not None:
                    folded.setdefault(owner, []).append(rid)
        # Relations of the key that lost a source to a missing statement, but were still paired,
        # are named by the statement's remark too (it says what the statement did in the key).
        for rel in self.k.rels.values():
            for loose in rel.loose:
                if rel.key in self.done_k:
                    folded_k.setdefault("statement:" + loose, []).append(rel.key)
        for rel in self.s.rels.values():
            for loose in rel.loose:
                if rel.key in self.done_s:
                    folded_s.setdefault("statement:" + loose, []).append(rel.key)

        def fold(mistake: Mistake, owner_s: Iterable[str], owner_k: Iterable[str]) -> Mistake:
            extra_s = _unique(r for o in owner_s for r in _closure(folded_s, o))
            extra_k = _unique(r for o in owner_k for r in _closure(folded_k, o))
            return mistake.model_copy(
                update={
                    "folded_student_relations": _unique((*mistake.folded_student_relations, *extra_s)),
                    "folded_reference_relations": _unique((*mistake.folded_reference_relations, *extra_k)),
                }
            )

        out = []
        for mistake in statement_mistakes:
            owners_s = [f"statement:{s}" for s in mistake.student_statements]
            owners_k = [f"statement:{k}" for k in mistake.reference_statements]
            if mistake.kind in ("merged-statements", "split-statement"):
                unit = self.unit_of_key[mistake.reference_statements[0]]
                owners_s, owners_k = [f"unit:{unit}"], [f"unit:{unit}"]
            mistake = fold(mistake, owners_s, owners_k)
            if mistake.kind == "missing-statement" and mistake.folded_reference_relations:
                roles = (self.reference.relation(r) for r in mistake.folded_reference_relations)
                mistake = mistake.model_copy(
                    update={"reference_has": "; ".join(self._describe_key(r) for r in roles)}
                )
            out.append(mistake)
        self.relation_mistakes = [
            (
                where,
                fold(
                    m,
                    [f"relation:{r}" for r in m.student_relations],
                    [f"relation:{r}" for r in m.reference_relations],
                ),
            )
            for where, m in self.relation_mistakes
        ]
        for rel in self.k.rels.values():
            if rel.key in self.done_k or not rel.comparable or self._owner(self.k, rel.key, self.done_k):
                continue
            statements = self._statements(self.reference, rel.relation)
            mistake = Mistake(
                kind="missing-relation",
                layer="relations",
                student_statements=_unique(
                    s for k in statements if k in self.unit_of_key for s in self.units[self.unit_of_key[k]][1]
                ),
                reference_statements=statements,
                reference_relations=(rel.key,),
                reference_has=self._describe_key(rel.relation),
            )
            where = (0, self._position(self.reference, rel.key))
            self.relation_mistakes.append((where, fold(mistake, [], [f"relation:{rel.key}"])))
        for rel in self.s.rels.values():
            if rel.key in self.done_s or not rel.comparable or self._owner(self.s, rel.key, self.done_s):
                continue
            statements = self._statements(self.student, rel.relation)
            mistake = Mistake(
                kind="extra-relation",
                layer="relations",
                student_statements=statements,
                reference_statements=_unique(
                    k
                    for s in statements
                    if s in self.unit_of_student
                    for k in self.units[self.unit_of_student[s]][0]
                ),
                student_relations=(rel.key,),
                student_has=self._describe_student(rel.relation),
                reference_has=self._between(rel) or None,
            )
            where = (1, self._position(self.student, rel.key))
            self.relation_mistakes.append((where, fold(mistake, [f"relation:{rel.key}"], [])))
        return out

    def _owner(self, side: _Side, rid: str, done: set[str]) -> str | None:
        """What an unpaired relation's difference follows from, or None if it is a mistake of its own."""
        if rid in side.folded_into:
            return side.folded_into[rid]
        rel = side.rels[rid]
        if rel.loose:
            # it lost a statement the other map lacks: without it, the relation cannot be drawn
            return "statement:" + rel.loose[0]
        if rel.target_relation is not None:
            target = side.canonical.get(rel.target_relation, rel.target_relation)
            if target not in done:
                return "relation:" + target
        return None

    def _between(self, rel: _Rel) -> str:
        """What the key draws between the units an extra relation joins, if anything."""
        ends = set(rel.sources) | ({rel.target_unit} if rel.target_unit else set())
        found = [
            self._describe_key(k.relation)
            for k in self.k.rels.values()
            if k.comparable and len(ends & self.k.endpoints(k.key)) >= 2
        ]
        return "; ".join(found)

    # -- describing, in the student's letters ---------------------------------------------

    def _unit_name(self, unit: str | None, key_id: str) -> str:
        if unit is None:
            return key_id
        return " + ".join(self.units[unit][1])

    def _describe_key(self, relation: Relation) -> str:
        def name(sid: str) -> str:
            return self._unit_name(self.unit_of_key.get(sid), sid)

        return relation_sentence(self.reference, relation, name)

    def _describe_student(self, relation: Relation) -> str:
        return relation_sentence(self.student, relation)


def relation_sentence(m: ArgumentMap, relation: Relation, name: Callable[[str], str] = str) -> str:
    """A relation of ``m`` in words, its statements called by ``name``.

    Parameters
    ----------
    m : ArgumentMap
        The map the relation belongs to.
    relation : Relation
    name : callable
        How to call a statement, given its id (default: by its id).

    Returns
    -------
    str
        'B supports A', 'B and C together support A', 'D attacks the step B → A'.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads(
    ...     "argmap: 1\\ntitle: T\\nstatements: [{id: A, kind: claim, text: a},"
    ...     " {id: B, kind: premise, text: b}, {id: C, kind: premise, text: c},"
    ...     " {id: D, kind: rebuttal, text: d}]\\nrelations:"
    ...     " [{id: s, type: support, from: [B, C], to: A}, {type: attack, from: D, to: s}]"
    ... )
    >>> [relation_sentence(m, r) for r in m.relations]
    ['B and C together support A', 'D attacks the step B + C → A']
    """
    sources = [name(s) for s in relation.sources]
    who = sources[0] if len(sources) == 1 else f"{', '.join(sources[:-1])} and {sources[-1]} together"
    verb = relation.type + ("s" if len(sources) == 1 else "")
    if m.has_statement(relation.to):
        return f"{who} {verb} {name(relation.to)}"
    inner = m.relation(relation.to)
    return f"{who} {verb} the step {_step(m, inner, name)}"


def _step(m: ArgumentMap, relation: Relation, name: Callable[[str], str]) -> str:
    arrow = "→" if relation.type == "support" else "⇥"
    target = (
        name(relation.to) if m.has_statement(relation.to) else f"({_step(m, m.relation(relation.to), name)})"
    )
    return f"{' + '.join(name(s) for s in relation.sources)} {arrow} {target}"


def _closure(folded: dict[str, list[str]], owner: str) -> list[str]:
    """The relations folded into ``owner``, and those folded into them, and so on."""
    out: list[str] = []
    stack = list(folded.get(owner, ()))
    while stack:
        rid = stack.pop(0)
        if rid in out:
            continue
        out.append(rid)
        stack.extend(folded.get("relation:" + rid, ()))
    return out


def _sources_first(statements: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    """The statements of a group of relations (each its sources, then its target), sources first."""
    rows = list(statements)
    return _unique((*(s for row in rows for s in row[:-1]), *(row[-1] for row in rows)))


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
