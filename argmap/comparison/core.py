"""Comparing two maps: aligned statements, matched relations, scores and disagreements.

Map B plays the reference: precision is measured on A, recall on B. The definitions,
the combined score and the JSON keys are in ``docs/compare.md``.

Examples
--------
>>> import argmap
>>> gold = argmap.loads('''
... argmap: 1
... title: Gold
... statements:
... - {id: C, kind: claim, text: We should cycle to work.}
... - {id: P, kind: premise, text: Cycling keeps you fit.}
... relations:
... - {type: support, from: P, to: C}
... ''')
>>> draft = argmap.loads('''
... argmap: 1
... title: Draft
... statements:
... - {id: a, kind: claim, text: We should cycle to work}
... - {id: b, kind: premise, text: cycling keeps you fit}
... relations:
... - {type: attack, from: b, to: a}
... ''')
>>> result = compare(draft, gold)
>>> result.segments.f1, result.attachment.f1, result.relations.f1, result.score
(1.0, 1.0, 0.0, 0.75)
>>> [d.kind for d in result.disagreements]
['type-mismatch']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

from argmap.comparison.align import align_statements
from argmap.comparison.results import Comparison, Disagreement
from argmap.comparison.scores import agreement, cohen_kappa
from argmap.model import ArgumentMap, Relation

__all__ = ["combined_score", "compare"]

_Key = tuple[frozenset[str], str]
_KIND_PHRASE = {"claim": "a claim", "premise": "a premise", "evidence": "evidence", "rebuttal": "a rebuttal"}


def combined_score(segments_f1: float, kinds_f1: float, relations_f1: float) -> float:
    """The combined score of a comparison, in the spirit of CASS (Duthie et al. 2016).

    CASS averages a segmentation score with the mean of the scores of the structure
    built on the segments. Here the segmentation score is the F1 of the statement
    alignment and the structure is scored by the F1 of kinds and of labelled relations:
    ``(segments + (kinds + relations) / 2) / 2``.

    Parameters
    ----------
    segments_f1, kinds_f1, relations_f1 : float
        F1 of the three layers, each in [0, 1].

    Returns
    -------
    float
        In [0, 1]; 1 exactly when all three are 1.

    Examples
    --------
    >>> combined_score(1.0, 0.5, 0.5)
    0.75
    """
    return (segments_f1 + (kinds_f1 + relations_f1) / 2.0) / 2.0


def compare(
    a: ArgumentMap, b: ArgumentMap, *, align: str = "auto", threshold: float | None = None
) -> Comparison:
    """How close map A is to map B, B playing the reference.

    Statements are aligned one to one (see :mod:`argmap.comparison.align`). A relation
    of A *attaches* like one of B when its sources align with B's sources (as a set) and
    its target with B's target (a statement, or for an undercut a relation paired
    before); it *matches* when, in addition, the types agree. Each relation is paired
    at most once.

    Parameters
    ----------
    a : ArgumentMap
        The map under evaluation (a student's, a draft, a second annotator's).
    b : ArgumentMap
        The reference map.
    align : {"auto", "span", "text"}
        How to align statements (see :func:`argmap.comparison.align_statements`).
    threshold : float or None
        Least similarity of an aligned pair; the method's default when None.

    Returns
    -------
    Comparison
        Scores per layer, the combined ``score``, the alignment and every disagreement.

    Raises
    ------
    UsageError
        For an unknown alignment method or a threshold outside [0, 1].

    Examples
    --------
    >>> import argmap
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> same = compare(m, m)
    >>> same.score, same.disagreements
    (1.0, ())
    """
    alignment = align_statements(a, b, method=align, threshold=threshold)
    a_to_b = {p.a: p.b for p in alignment.pairs}
    b_to_a = {p.b: p.a for p in alignment.pairs}
    disagreements: list[Disagreement] = []

    disagreements.extend(_main_claim(a, b, a_to_b))
    disagreements.extend(
        Disagreement(
            kind="statement-only-in-a",
            statements_a=(s.id,),
            message=f"statement {s.id} of A has no counterpart in B",
        )
        for s in a.statements
        if s.id not in a_to_b
    )
    disagreements.extend(
        Disagreement(
            kind="statement-only-in-b",
            statements_b=(s.id,),
            message=f"statement {s.id} of B has no counterpart in A",
        )
        for s in b.statements
        if s.id not in b_to_a
    )
    kind_pairs = [(a.statement(p.a).kind, b.statement(p.b).kind) for p in alignment.pairs]
    disagreements.extend(
        Disagreement(
            kind="kind-mismatch",
            statements_a=(p.a,),
            statements_b=(p.b,),
            label_a=ka,
            label_b=kb,
            message=f"{p.a} is {_KIND_PHRASE[ka]} in A; its counterpart {p.b} is {_KIND_PHRASE[kb]} in B",
        )
        for p, (ka, kb) in zip(alignment.pairs, kind_pairs, strict=True)
        if ka != kb
    )

    paired = _pair_relations(a, b, a_to_b)
    type_pairs = [(a.relation(ra).type, b.relation(rb).type) for ra, rb in paired.items()]
    disagreements.extend(
        Disagreement(
            kind="type-mismatch",
            statements_a=a.relation(ra).sources,
            statements_b=b.relation(rb).sources,
            relations_a=(ra,),
            relations_b=(rb,),
            label_a=ta,
            label_b=tb,
            message=f"relation {ra} of A ({_describe(a.relation(ra))}) is {ta}; "
            f"its counterpart {rb} in B is {tb}",
        )
        for (ra, rb), (ta, tb) in zip(paired.items(), type_pairs, strict=True)
        if ta != tb
    )
    disagreements.extend(_unpaired_relations(a, b, a_to_b, b_to_a, paired))

    segments = agreement(len(alignment.pairs), len(a.statements), len(b.statements))
    kinds = agreement(
        sum(ka == kb for ka, kb in kind_pairs),
        len(a.statements),
        len(b.statements),
        kappa=cohen_kappa([ka for ka, _ in kind_pairs], [kb for _, kb in kind_pairs]),
    )
    relations = agreement(
        sum(ta == tb for ta, tb in type_pairs),
        len(a.relations),
        len(b.relations),
        kappa=cohen_kappa([ta for ta, _ in type_pairs], [tb for _, tb in type_pairs]),
    )
    attachment = agreement(len(paired), len(a.relations), len(b.relations))
    return Comparison(
        score=combined_score(segments.f1, kinds.f1, relations.f1),
        segments=segments,
        kinds=kinds,
        relations=relations,
        attachment=attachment,
        alignment=alignment,
        disagreements=tuple(disagreements),
    )


def _describe(relation: Relation) -> str:
    return f"{' + '.join(relation.sources)} -> {relation.to}"


def _main_claim(a: ArgumentMap, b: ArgumentMap, a_to_b: Mapping[str, str]) -> list[Disagreement]:
    if a.main_claim is None or b.main_claim is None or a_to_b.get(a.main_claim) == b.main_claim:
        return []
    counterpart = a_to_b.get(a.main_claim)
    where = f"is aligned with {counterpart}" if counterpart else "has no counterpart"
    return [
        Disagreement(
            kind="main-claim-mismatch",
            statements_a=(a.main_claim,),
            statements_b=(b.main_claim,),
            message=f"A's main claim {a.main_claim} {where} in B, whose main claim is {b.main_claim}",
        )
    ]


def _mapped_key(
    relation: Relation, a: ArgumentMap, a_to_b: Mapping[str, str], rel_ab: Mapping[str, str]
) -> _Key | None:
    sources = [a_to_b.get(s) for s in relation.sources]
    target = a_to_b.get(relation.to) if a.has_statement(relation.to) else rel_ab.get(relation.to)
    if target is None or any(s is None for s in sources):
        return None
    return frozenset(s for s in sources if s is not None), target


def _pair_relations(a: ArgumentMap, b: ArgumentMap, a_to_b: Mapping[str, str]) -> dict[str, str]:
    """A's relation ids paired with B's that attach alike, same types paired first.

    Relations into statements are paired first, then undercuts of relations already
    paired, round by round; within a group of relations with the same key, ids are
    paired in sorted order, so that swapping A and B gives the mirror pairing.
    """
    b_by_key: dict[_Key, list[Relation]] = defaultdict(list)
    for relation in b.relations:
        b_by_key[(frozenset(relation.sources), relation.to)].append(relation)
    paired: dict[str, str] = {}
    taken_b: set[str] = set()
    pending = list(a.relations)
    while pending:
        groups: dict[_Key, list[Relation]] = defaultdict(list)
        waiting = []
        for relation in pending:
            if not a.has_statement(relation.to) and relation.to not in paired:
                waiting.append(relation)
                continue
            key = _mapped_key(relation, a, a_to_b, paired)
            if key is not None:
                groups[key].append(relation)
        if not groups:
            break
        for key, group in groups.items():
            candidates = [r for r in b_by_key.get(key, ()) if r.key not in taken_b]
            for ra, rb in _pair_group(group, candidates):
                paired[ra] = rb
                taken_b.add(rb)
        pending = waiting
    return paired


def _pair_group(group: list[Relation], candidates: list[Relation]) -> Iterable[tuple[str, str]]:
    left = sorted(group, key=lambda r: r.key)
    right = sorted(candidates, key=lambda r: r.key)
    for relation_type in ("support", "attack"):
        same_a = [r for r in left if r.type == relation_type]
        same_b = [r for r in right if r.type == relation_type]
        for x, y in zip(same_a, same_b, strict=False):
            left.remove(x)
            right.remove(y)
            yield x.key, y.key
    yield from ((x.key, y.key) for x, y in zip(left, right, strict=False))


def _unpaired_relations(
    a: ArgumentMap,
    b: ArgumentMap,
    a_to_b: Mapping[str, str],
    b_to_a: Mapping[str, str],
    paired: Mapping[str, str],
) -> list[Disagreement]:
    """Disagreements about the relations left unpaired: reversed, retargeted, or one-sided."""
    paired_b = set(paired.values())
    left_a = [r for r in a.relations if r.key not in paired]
    left_b = [r for r in b.relations if r.key not in paired_b]

    def reversed_in_b(ra: Relation, rb: Relation) -> bool:
        source = a_to_b.get(ra.sources[0])
        return (
            not ra.linked
            and not rb.linked
            and source is not None
            and a.has_statement(ra.to)
            and a_to_b.get(ra.to) == rb.sources[0]
            and rb.to == source
        )

    def same_sources(ra: Relation, rb: Relation) -> bool:
        sources = {a_to_b.get(s) for s in ra.sources}
        return None not in sources and sources == set(rb.sources)

    found = [_reversal(ra, rb) for ra, rb in _take(left_a, left_b, reversed_in_b)]
    found += [_retarget(a, b, ra, rb) for ra, rb in _take(left_a, left_b, same_sources)]
    found += [_one_sided("a", a, a_to_b, r) for r in left_a]
    found += [_one_sided("b", b, b_to_a, r) for r in left_b]
    return found


def _take(
    left_a: list[Relation], left_b: list[Relation], fits: Callable[[Relation, Relation], bool]
) -> list[tuple[Relation, Relation]]:
    """Pair (and remove) each relation of ``left_a`` with the first of ``left_b`` that fits."""
    pairs = []
    for ra in list(left_a):
        rb = next((r for r in left_b if fits(ra, r)), None)
        if rb is not None:
            left_a.remove(ra)
            left_b.remove(rb)
            pairs.append((ra, rb))
    return pairs


def _reversal(ra: Relation, rb: Relation) -> Disagreement:
    return Disagreement(
        kind="direction-reversed",
        statements_a=(*ra.sources, ra.to),
        statements_b=(*rb.sources, rb.to),
        relations_a=(ra.key,),
        relations_b=(rb.key,),
        label_a=ra.type,
        label_b=rb.type,
        message=f"relation {ra.key} of A runs {_describe(ra)}; "
        f"its counterpart {rb.key} in B runs the other way ({_describe(rb)})",
    )


def _retarget(a: ArgumentMap, b: ArgumentMap, ra: Relation, rb: Relation) -> Disagreement:
    return Disagreement(
        kind="wrong-target",
        statements_a=(*ra.sources, *((ra.to,) if a.has_statement(ra.to) else ())),
        statements_b=(*rb.sources, *((rb.to,) if b.has_statement(rb.to) else ())),
        relations_a=(ra.key,),
        relations_b=(rb.key,),
        label_a=ra.type,
        label_b=rb.type,
        message=f"relation {ra.key} of A ({_describe(ra)}) targets {ra.to}; "
        f"from the same statements, {rb.key} in B targets {rb.to}",
    )


def _one_sided(side: str, m: ArgumentMap, aligned: Mapping[str, str], relation: Relation) -> Disagreement:
    into_statement = m.has_statement(relation.to)
    statements = (*relation.sources, *((relation.to,) if into_statement else ()))
    relations = (relation.key, *(() if into_statement else (relation.to,)))
    unaligned = [s for s in statements if s not in aligned]
    why = f" ({', '.join(unaligned)} not aligned)" if unaligned else ""
    other = "B" if side == "a" else "A"
    message = (
        f"{relation.type} {relation.key} of {side.upper()} ({_describe(relation)}) "
        f"has no counterpart in {other}{why}"
    )
    if side == "a":
        return Disagreement(
            kind="relation-only-in-a",
            statements_a=statements,
            relations_a=relations,
            label_a=relation.type,
            message=message,
        )
    return Disagreement(
        kind="relation-only-in-b",
        statements_b=statements,
        relations_b=relations,
        label_b=relation.type,
        message=message,
    )
