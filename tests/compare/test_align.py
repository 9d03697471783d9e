"""Aligning statements: by spans over the same source, else by text; one to one; its errors."""

from __future__ import annotations

import pytest

from argmap.comparison import align_statements, alignment_method
from argmap.errors import UsageError
from tests.compare.maps import build

SHA = "ab" * 32
OTHER_SHA = "cd" * 32


def test_text_alignment_ignores_case_punctuation_and_ids() -> None:
    a = build([("x", "claim", "Cats purr when happy!"), ("y", "premise", "Dogs bark.")])
    b = build([("1", "premise", "dogs bark"), ("2", "claim", "cats purr when happy")])
    pairs = align_statements(a, b).pairs
    assert [(p.a, p.b) for p in pairs] == [("x", "2"), ("y", "1")]
    assert all(p.similarity == 1.0 for p in pairs)


def test_dissimilar_texts_stay_unaligned() -> None:
    a = build([("x", "claim", "Cats purr when happy.")])
    b = build([("y", "claim", "Taxes on sugar reduce obesity.")])
    assert align_statements(a, b).pairs == ()


def test_threshold_decides() -> None:
    a = build([("x", "claim", "abcdefghij")])
    b = build([("y", "claim", "abcdefgxyz")])  # Indel similarity 14/20 = 0.7
    assert align_statements(a, b, threshold=0.7).pairs[0].similarity == pytest.approx(0.7)
    assert align_statements(a, b, threshold=0.71).pairs == ()


def test_one_to_one_keeps_the_best_total() -> None:
    # y resembles both x1 and x2; the matching gives it to x1 and pairs x2 with its twin z.
    a = build([("x1", "premise", "the river floods every spring"), ("x2", "premise", "the river floods")])
    b = build([("y", "premise", "the river floods every spring"), ("z", "premise", "the river floods!")])
    assert {(p.a, p.b) for p in align_statements(a, b).pairs} == {("x1", "y"), ("x2", "z")}


def test_same_source_aligns_by_span_overlap_whatever_the_text() -> None:
    a = build([("x", "claim", "We should act now.")], spans={"x": (0, 20)}, sha256=SHA)
    b = build([("y", "claim", "Act immediately (paraphrased)")], spans={"y": (10, 20)}, sha256=SHA)
    assert alignment_method(a, b) == "span"
    result = align_statements(a, b)
    assert result.method == "span" and result.threshold == 0.5
    assert [(p.a, p.b, p.similarity) for p in result.pairs] == [("x", "y", 0.5)]


@pytest.mark.parametrize(("sha_a", "sha_b"), [(SHA, OTHER_SHA), (None, None), (SHA, None)])
def test_spans_are_not_compared_across_unknown_or_different_sources(
    sha_a: str | None, sha_b: str | None
) -> None:
    a = build([("x", "claim", "We should act now.")], spans={"x": (0, 20)}, sha256=sha_a)
    b = build([("y", "claim", "we should act now")], spans={"y": (100, 120)}, sha256=sha_b)
    assert alignment_method(a, b) == "text"
    assert [(p.a, p.b) for p in align_statements(a, b).pairs] == [("x", "y")]


def test_a_statement_without_span_falls_back_on_its_text() -> None:
    a = build(
        [("x", "claim", "Act now."), ("w", "premise", "Time is short.")], spans={"x": (0, 8)}, sha256=SHA
    )
    b = build(
        [("y", "claim", "Act now."), ("v", "premise", "time is short")], spans={"y": (0, 8)}, sha256=SHA
    )
    assert {(p.a, p.b) for p in align_statements(a, b).pairs} == {("x", "y"), ("w", "v")}


def test_forced_span_alignment_needs_spans() -> None:
    a = build([("x", "claim", "Act now.")])
    with pytest.raises(UsageError, match="has no spans to align by"):
        align_statements(a, a, method="span")


def test_forced_text_alignment_ignores_spans() -> None:
    a = build([("x", "claim", "Act now.")], spans={"x": (0, 8)}, sha256=SHA)
    b = build([("y", "claim", "Act now.")], spans={"y": (50, 58)}, sha256=SHA)
    assert align_statements(a, b).pairs == ()
    assert [p.b for p in align_statements(a, b, method="text").pairs] == ["y"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"method": "fuzzy"}, "unknown alignment method 'fuzzy'"),
        ({"threshold": 1.5}, r"must lie in \[0, 1\]"),
    ],
)
def test_bad_options_are_usage_errors(options: dict[str, object], message: str) -> None:
    a = build([("x", "claim", "Act now.")])
    with pytest.raises(UsageError, match=message):
        align_statements(a, a, **options)  # type: ignore[arg-type]


def test_equal_texts_pair_with_their_own_ids() -> None:
    a = build([("x", "premise", "same words"), ("y", "premise", "same words")])
    assert {(p.a, p.b) for p in align_statements(a, a).pairs} == {("x", "x"), ("y", "y")}
