"""Hypothesis strategies for valid argument maps."""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import LABELS, STATEMENT_KINDS, Answer, ArgumentMap, MapTest, Relation, Span, Statement
from argmap.schemes import builtin_catalogue
from argmap.semantics import SUPPORT_MODES, semantics_names

# Statement ids start upper-case; relation ids are "rel<n>", so the two never collide.
# The language of the regex [A-Z][A-Za-z0-9_.-]{0,6}, drawn without a regex engine (much cheaper).
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ids = st.builds(
    str.__add__,
    st.sampled_from(_UPPER),
    st.text(alphabet=_UPPER + _UPPER.lower() + "0123456789_.-", max_size=6),
)
kinds = st.sampled_from(STATEMENT_KINDS)
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")
optional_text = st.none() | texts
unit = st.none() | st.floats(min_value=0, max_value=1, allow_nan=False)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)
metas = st.none() | st.dictionaries(texts, json_values, min_size=1, max_size=2)
SCHEMES = ("argument-from-example", "practical-reasoning")
# read once, here, so that no example's time includes loading the catalogue (hypothesis deadlines)
QUESTIONS = {scheme: builtin_catalogue().scheme(scheme).question_ids for scheme in SCHEMES}


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(min_value=0, max_value=10_000))
    return Span(start=start, end=start + draw(st.integers(min_value=1, max_value=500)))


@st.composite
def argument_maps(
    draw: st.DrawFn,
    max_statements: int = 8,
    *,
    relation_types: tuple[str, ...] = ("support", "attack"),
    max_sources: int = 3,
    undercuts: bool = True,
    structure_only: bool = False,
) -> ArgumentMap:
    """A valid map: unique ids, relations between its statements, some linked, some undercuts, tests,
    schemes and marks of the critical questions statements and relations answer.

    ``relation_types``, ``max_sources`` (1: no linked relations) and ``undercuts`` narrow the
    relations drawn. ``structure_only`` draws only what a semantics or a gradual model reads (ids,
    kinds, weights, relations, the main claim): texts are one letter, and there are no spans, tags,
    sections, notes, meta, schemes, answers or tests, which makes an example several times cheaper.
    """
    # Strategies are built once per map, not per draw: building one costs more than drawing from it.
    text = st.sampled_from("abc") if structure_only else texts
    nothing: st.SearchStrategy[None] = st.none()
    statement_ids = draw(st.lists(ids, min_size=1, max_size=max_statements, unique=True))
    types = st.sampled_from(relation_types)
    some_sources = st.lists(st.sampled_from(statement_ids), min_size=1, max_size=max_sources, unique=True)
    statements = [
        Statement(
            id=sid,
            kind=draw(kinds),
            text=draw(text),
            span=draw(nothing if structure_only else st.none() | spans()),
            weight=draw(unit),
            tags=() if structure_only else tuple(draw(st.lists(texts, max_size=2))),
            section=draw(nothing if structure_only else optional_text),
            note=draw(nothing if structure_only else optional_text),
            meta=draw(nothing if structure_only else metas),
        )
        for sid in statement_ids
    ]
    relations: list[Relation] = []
    for number in range(draw(st.integers(min_value=0, max_value=2 * len(statement_ids)))):
        rtype = draw(types)
        sources = draw(some_sources)
        targets = [s for s in statement_ids if rtype == "attack" or s not in sources]
        if rtype == "attack" and relations and undercuts:
            targets += [r.key for r in relations]
        if not targets:
            continue
        relations.append(
            Relation(
                id=f"rel{number}",
                type=rtype,
                sources=sources,
                to=targets[draw(st.integers(min_value=0, max_value=len(targets) - 1))],
                weight=draw(unit),
                scheme=draw(nothing if structure_only else st.none() | st.sampled_from(SCHEMES)),
                note=draw(nothing if structure_only else optional_text),
                meta=draw(nothing if structure_only else metas),
            )
        )
    if structure_only:
        return ArgumentMap(
            title="T",
            main_claim=draw(st.none() | st.sampled_from(statement_ids)),
            statements=statements,
            relations=relations,
        )
    answerable = [
        (r.key, question) for r in relations if r.scheme is not None for question in QUESTIONS[r.scheme]
    ]
    if answerable:
        marks = st.lists(st.sampled_from(answerable), max_size=2, unique=True).map(
            lambda pairs: tuple(Answer(relation=relation, question=question) for relation, question in pairs)
        )
        statements = [s.model_copy(update={"answers": draw(marks)}) for s in statements]
        relations = [r.model_copy(update={"answers": draw(marks)}) for r in relations]
    labelled = statement_ids + [r.key for r in relations]
    tests = [
        MapTest(
            name=draw(optional_text),
            semantics=draw(st.sampled_from(semantics_names())),
            support=draw(st.sampled_from(SUPPORT_MODES)),
            expect=draw(
                st.dictionaries(st.sampled_from(labelled), st.sampled_from(LABELS), min_size=1, max_size=3)
            ),
            note=draw(optional_text),
        )
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    return ArgumentMap(
        title=draw(texts),
        main_claim=draw(st.none() | st.sampled_from(statement_ids)),
        statements=statements,
        relations=relations,
        tests=tests,
        meta=draw(metas),
    )
