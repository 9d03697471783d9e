"""Fitting the decoder's models and cross-validation by text."""

from __future__ import annotations

import numpy as np
import pytest

from argmap.extraction import decode, segment
from argmap.extraction.connectives import explicit_links, not_central
from argmap.extraction.evaluation import Gold, gold_units
from argmap.extraction.features import (
    PAIR_FEATURES,
    ROLE_FEATURES,
    SIMILARITY,
    UNIT_FEATURES,
    role_features,
    unit_features,
)
from argmap.extraction.segmentation import Unit
from argmap.extraction.training import cross_validate, fit, folds

TEXTS = [
    ("Zoos should close. Because animals suffer in cages. Admittedly, zoos teach children. "
     "But films teach them too.", (None, 0, 0, 2), ("support", "attack", "attack")),
    ("Cities need more trees. After all, trees cool the streets. Moreover, they clean the air.",
     (None, 0, 0), ("support", "support")),
    ("Some say homework is useless. However, practice builds skill. Therefore homework should stay.",
     (2, 2, None), ("attack", "support")),
    ("We must ban plastic bags. Because they choke the sea. For example, turtles eat them.",
     (None, 0, 1), ("support", "support")),
]  # fmt: skip


def make_gold(k: int, text: str, heads: tuple[int | None, ...], functions: tuple[str, ...]) -> Gold:
    units = [u for u in segment(text)]
    assert len(units) == len(heads)
    labels = iter(functions)
    all_functions = tuple(None if h is None else next(labels) for h in heads)
    roles = ["proponent"] * len(heads)
    for i, head in enumerate(heads):  # roles follow from the functions, from the claim down
        if head is not None and all_functions[i] == "attack":
            roles[i] = "opponent"
    if k == 0:
        roles[3] = "proponent"  # "But films ..." answers the opponent: the proponent's again
    if k == 2:
        roles[0] = "opponent"
    return Gold(
        name=f"t{k}",
        text=text,
        spans=tuple((u.start, u.end) for u in units),
        heads=heads,
        functions=all_functions,  # type: ignore[arg-type]
        roles=tuple(roles),  # type: ignore[arg-type]
    )


GOLDS = [make_gold(k, *entry) for k, entry in enumerate(TEXTS)]


def test_fit_gives_one_coefficient_per_feature() -> None:
    weights = fit(GOLDS, "four hand-written texts")
    assert weights.trained_on == "four hand-written texts"
    assert sorted(weights.central.coefficients) == sorted(UNIT_FEATURES)
    for model in (weights.opponent, weights.attack):  # the unit's features and its neighbours'
        assert sorted(model.coefficients) == sorted(ROLE_FEATURES)
    assert sorted(weights.attach.coefficients) == sorted(PAIR_FEATURES)


def test_a_premise_cue_learned_from_the_examples_points_back() -> None:
    weights = fit(GOLDS)
    assert weights.attach.coefficients["source_premise_to_previous"] > 0
    assert weights.opponent.coefficients["concession_initial"] > 0


def test_folds_are_by_text_and_cover_every_text_once() -> None:
    split = folds(list(range(23)), 10)
    assert len(split) == 10
    assert sorted(i for fold in split for i in fold) == list(range(23))


def test_cross_validation_decodes_each_text_with_a_model_that_never_saw_it() -> None:
    scores, parses = cross_validate(GOLDS, 4)
    assert scores.texts == 4 and len(parses) == 4
    assert [len(p.units) for p in parses] == [len(g.spans) for g in GOLDS]


def test_a_similarity_feature_is_fitted_and_used_when_given() -> None:
    def similar(units: list[Unit] | tuple[Unit, ...]) -> np.ndarray:  # type: ignore[type-arg]
        return np.eye(len(units))

    weights = fit(GOLDS, similarity=similar)
    assert SIMILARITY in weights.attach.coefficients
    units = gold_units(GOLDS[1])
    parse = decode(units, weights, similar(units))
    assert parse.central == 0 and parse.heads == (None, 0, 0)


def test_the_central_claim_model_is_a_conditional_logit_over_the_units_of_a_text() -> None:
    weights = fit(GOLDS)
    assert weights.central.intercept == 0.0  # it cancels in the softmax over a text's units
    log_likelihood = 0.0
    for gold in GOLDS:
        units = gold_units(gold)
        scores = weights.central.score(unit_features(units), UNIT_FEATURES)
        scores[
            not_central(explicit_links(units))
        ] = -1e9  # a unit a connective attaches elsewhere is no central claim
        p = np.exp(scores - scores.max()) / np.exp(scores - scores.max()).sum()
        log_likelihood += float(np.log(p[gold.central]))
        parse = decode(units, weights)
        assert parse.central_confidence == pytest.approx(float(p.max()))
    # maximum likelihood (penalised) does better than the uniform choice it starts from
    assert log_likelihood > sum(np.log(1 / len(g.spans)) for g in GOLDS)


def test_role_features_add_the_neighbours_cues_with_zeros_at_the_ends() -> None:
    units = segment("Some say zoos teach. But films teach too. So zoos should close.")
    rows = role_features(unit_features(units))
    assert rows.shape == (3, len(ROLE_FEATURES))
    column = {name: k for k, name in enumerate(ROLE_FEATURES)}
    assert rows[0, column["next_counter_initial"]] == 1.0
    assert rows[1, column["previous_concession_initial"]] == 1.0
    assert rows[2, column["previous_counter_initial"]] == 1.0
    assert rows[0, column["previous_opens_sentence"]] == 0.0  # nothing before the first unit
    assert rows[2, column["next_opens_sentence"]] == 0.0  # nor after the last
