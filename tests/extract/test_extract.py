"""argmap.extract: the draft is an ordinary, valid map, a tree anchored in the text."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ParseError, UsageError
from argmap.model import ArgumentMap
from argmap.render.dot import to_dot
from tests.conftest import require_shared

TEXT = (
    "The city should ban cars from the old town. "
    "Because exhaust fumes damage the medieval buildings. "
    "For example, the cathedral's facade had to be cleaned twice this decade. "
    "Admittedly, shop owners fear losing customers. "
    "But most visitors already arrive on foot or by tram."
)
SENTENCES = [
    "Taxes on sugar should rise.",
    "Because sugar causes obesity.",
    "Of course, some say the poor pay more.",
    "However, the revenue can fund free school meals.",
    "Moreover, dentists support the plan.",
    "For instance, Mexico cut consumption this way.",
    "The price of soda went up, but sales fell only a little.",
    "Therefore the tax works.",
    "It is true that industry lobbies against it.",
    "Children drink less soda now.",
]


def assert_tree(draft: ArgumentMap, text: str) -> None:
    """Every non-central statement has exactly one outgoing relation; no cycles; spans slice back."""
    assert draft.main_claim is not None
    ids = [s.id for s in draft.statements]
    outgoing = {i: [r for r in draft.relations if i in r.sources] for i in ids}
    assert outgoing[draft.main_claim] == []
    for statement_id in ids:
        if statement_id != draft.main_claim:
            assert len(outgoing[statement_id]) == 1, statement_id
    graph = nx.DiGraph([(r.sources[0], r.to) for r in draft.relations])
    graph.add_nodes_from(ids)
    assert nx.is_directed_acyclic_graph(graph)
    assert nx.is_weakly_connected(graph)
    for statement in draft.statements:
        assert statement.span is not None
        assert text[statement.span.start : statement.span.end] == statement.text


def test_the_draft_is_a_valid_tree_anchored_in_the_text() -> None:
    draft = argmap.extract(TEXT)
    assert_tree(draft, TEXT)
    # it survives the file format: written and read back, it is the same map
    assert argmap.loads(argmap.dumps(draft, "yaml").decode()) == draft


def test_kinds_follow_the_roles_and_cues() -> None:
    draft = argmap.extract(TEXT)
    kinds = {s.text.split()[0]: s.kind for s in draft.statements}
    assert kinds["The"] == "claim" and draft.statement(draft.main_claim or "").text.startswith("The city")
    assert kinds["Because"] == "premise"
    assert kinds["For"] == "evidence"  # supports with an example cue
    assert kinds["Admittedly,"] == "rebuttal"  # voices the opponent
    assert kinds["But"] == "premise"  # the proponent's answer


def test_the_opponent_attacks_and_the_answer_attacks_the_opponent() -> None:
    draft = argmap.extract(TEXT)
    by_start = {s.text.split()[0]: s.id for s in draft.statements}
    relation_of = {r.sources[0]: r for r in draft.relations}
    concession, answer = relation_of[by_start["Admittedly,"]], relation_of[by_start["But"]]
    assert concession.type == "attack" and concession.meta == {
        "confidence": concession.meta["confidence"],
        "cue": "admittedly",
    }
    assert answer.type == "attack" and answer.to == by_start["Admittedly,"]
    assert answer.meta is not None and answer.meta["cue"] == "but"
    assert relation_of[by_start["Because"]].type == "support"


def test_meta_records_confidence_cue_and_that_it_is_a_draft() -> None:
    draft = argmap.extract(TEXT)
    assert draft.meta == {"draft": True, "extractor": f"argmap.extract {argmap.__version__}", "units": 5}
    for item in (*draft.statements, *draft.relations):
        assert item.meta is not None
        assert 0.0 <= item.meta["confidence"] <= 1.0
        assert isinstance(item.meta["cue"], str) and item.meta["cue"]
    for statement in draft.statements:
        assert statement.meta is not None and statement.meta["role"] in ("proponent", "opponent")
    premise = next(s for s in draft.statements if s.text.startswith("Because"))
    assert premise.meta is not None and premise.meta["cue"] == "because"


def test_the_source_checksum_pins_the_text() -> None:
    import hashlib

    draft = argmap.extract(TEXT, source_name="/tmp/town/article.txt")
    assert draft.source is not None
    assert draft.source.sha256 == hashlib.sha256(TEXT.encode()).hexdigest()
    assert draft.source.title == "article.txt"


def test_title_given_or_from_the_central_claim() -> None:
    assert argmap.extract(TEXT, title="Cars in the old town").title == "Cars in the old town"
    assert argmap.extract(TEXT).title == "Draft: The city should ban cars from the old town."


def test_the_draft_renders() -> None:
    dot = to_dot(argmap.extract(TEXT))
    assert dot.startswith("digraph") and dot.count("->") >= 4


def test_one_sentence_is_a_map_of_one_claim() -> None:
    draft = argmap.extract("Libraries matter.")
    assert [(s.id, s.kind) for s in draft.statements] == [("u1", "claim")] and draft.relations == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the text is empty: nothing to extract"),
        ("   \n\n  ", "the text is empty: nothing to extract"),
        ("PK\x03\x04\x00\x00binary", "not text: a NUL character at offset 4"),
    ],
)
def test_empty_or_binary_text_is_a_parse_error(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        argmap.extract(text, source_name="in.txt")


def test_wrong_argument_types_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="takes the text as a str, not bytes"):
        argmap.extract(b"Bytes are not text.")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="the title is blank"):
        argmap.extract(TEXT, title=" ")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=14))
def test_any_text_gives_a_valid_tree(sentences: list[str]) -> None:
    text = " ".join(sentences)
    assert_tree(argmap.extract(text), text)


def test_a_microtext_gives_a_valid_tree() -> None:
    path = require_shared(
        Path(__file__).parents[2] / ".." / "shared" / "corpora" / "microtexts" / "micro_b001.txt"
    )
    text = path.read_text(encoding="utf-8")
    assert_tree(argmap.extract(text), text)


def test_paragraphs_are_decoded_one_by_one_then_joined_by_their_claims() -> None:
    text = (
        "Our town should build a new library. Because the old one is far too small.\n\n"
        "Moreover, a library helps the young. For example, pupils need quiet rooms to study.\n\n"
        "Admittedly, it will cost a lot. But the council has the money."
    )
    draft = argmap.extract(text)
    assert_tree(draft, text)
    paragraph_of = {s.id: text.count("\n\n", 0, s.span.start) for s in draft.statements if s.span}
    crossing = [r for r in draft.relations if paragraph_of[r.sources[0]] != paragraph_of[r.to]]
    # only one unit per paragraph (its own claim) links across paragraphs: the other two paragraphs'
    assert len(crossing) == 2
    assert len({paragraph_of[r.sources[0]] for r in crossing}) == 2
    assert paragraph_of[draft.main_claim or ""] not in {paragraph_of[r.sources[0]] for r in crossing}


def test_the_function_and_the_package_have_different_names() -> None:
    # argmap.extract is the function; its package is argmap.extraction (as compare / comparison),
    # and no module of the package is named like a function it exports
    import argmap.extraction.decoder
    import argmap.extraction.segmentation

    assert argmap.extract is argmap.extraction.extract
    assert argmap.extraction.decode is argmap.extraction.decoder.decode
    assert argmap.extraction.segment is argmap.extraction.segmentation.segment
    assert argmap.extract("Parks should stay open. They are cool.").main_claim == "u1"


def test_the_tree_is_chosen_again_once_the_roles_are_known() -> None:
    """Decoder step 4, with hand-set models: the last unit surely attacks (P = 0.98) and is
    surely the proponent's (P(opponent) = 0.007), and every unit slightly prefers the claim as
    target. Chosen alone, the tree hangs it on the claim, where the roles can only make it a
    support; chosen again knowing that the middle unit is the opponent's, it attacks that."""
    from argmap.extraction.decoder import LinearModel, Weights, decode
    from argmap.extraction.features import PAIR_FEATURES, ROLE_FEATURES, UNIT_FEATURES
    from argmap.extraction.segmentation import segment

    def model(names: tuple[str, ...], intercept: float, **coefficients: float) -> LinearModel:
        return LinearModel(intercept=intercept, coefficients={n: coefficients.get(n, 0.0) for n in names})

    weights = Weights(
        central=model(UNIT_FEATURES, 0.0, first=10.0),
        opponent=model(ROLE_FEATURES, 3.0, last=-8.0),
        attack=model(ROLE_FEATURES, 0.0, last=4.0),
        attach=model(PAIR_FEATURES, 0.0, target_root=1.0),
    )
    parse = decode(segment("Zoos should close. Zoos teach children. Films teach them better."), weights)
    assert parse.roles == ("proponent", "opponent", "proponent")
    assert parse.heads == (None, 0, 1)
    assert parse.functions == (None, "attack", "attack")
