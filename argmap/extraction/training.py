"""Fitting the decoder's four logistic models on gold structures, and cross-validation.

Needs scikit-learn (the ``bench`` and ``test`` extras); extraction itself does not. The
models see only the general features of :mod:`argmap.extraction.features`, so what is
fitted is one coefficient per feature name and an intercept for three of the models: 3
intercepts, 35 unit coefficients for the central claim, 2 x 55 role-feature coefficients
(:data:`~argmap.extraction.features.ROLE_FEATURES`) and 32 pair coefficients (180 in all). The
central-claim model is a conditional logit (one central claim per text: the softmax of
the units' scores, fitted by maximum likelihood with scipy), which needs no intercept;
the three others are binary logistic regressions (scikit-learn). All have the same L2
penalty, :data:`REGULARISATION`.

Examples
--------
>>> from argmap.extraction.evaluation import Gold
>>> g = Gold(name="t", text="We must act. Because it is late. Yet some doubt it.",
...     spans=((0, 12), (13, 32), (33, 51)), heads=(None, 0, 0),
...     functions=(None, "support", "attack"), roles=("proponent", "proponent", "opponent"))
>>> weights = fit([g, g])
>>> sorted(weights.central.coefficients)[:2]
['additive_initial', 'additive_inside']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from argmap.extraction.decoder import LinearModel, Parse, Weights, decode
from argmap.extraction.evaluation import Gold, Scores, gold_units, score
from argmap.extraction.features import (
    PAIR_FEATURES,
    ROLE_FEATURES,
    SIMILARITY,
    UNIT_FEATURES,
    pair_features,
    role_features,
    unit_features,
)
from argmap.extraction.segmentation import Unit

__all__ = ["BALANCED", "REGULARISATION", "cross_validate", "fit", "folds", "group_folds"]

REGULARISATION = 1.0  # scikit-learn's C: the inverse strength of the L2 penalty, left at its default
# (0.1, 0.3, 3 and 10 were all worse in cross-validation: docs/extraction.md)
BALANCED = True  # P(opponent) and P(attack) weigh their rarer class up (chosen leaving authors out)


def _logistic(
    x: npt.NDArray[np.float64], y: npt.NDArray[np.int64], names: Sequence[str], balanced: bool = False
) -> LinearModel:
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    if len(set(y.tolist())) < 2:  # one class only: a constant model
        p = 0.999 if y.size and y[0] else 0.001
        return LinearModel(intercept=float(np.log(p / (1 - p))), coefficients=dict.fromkeys(names, 0.0))
    model = LogisticRegression(C=REGULARISATION, max_iter=2000, class_weight="balanced" if balanced else None)
    model.fit(x, y)
    return LinearModel(
        intercept=float(model.intercept_[0]),
        coefficients={name: round(float(c), 6) for name, c in zip(names, model.coef_[0], strict=True)},
    )


def _conditional_logit(
    texts: Sequence[tuple[npt.NDArray[np.float64], int]], names: Sequence[str]
) -> LinearModel:
    """Which unit of a text is its central claim: maximise sum log softmax(X w)[claim] - |w|^2 / (2 C)."""
    from scipy.optimize import minimize  # type: ignore[import-untyped]

    def loss(w: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        value, gradient = 0.5 * float(w @ w) / REGULARISATION, w / REGULARISATION
        for x, claim in texts:
            scores = x @ w
            top = scores.max()
            exp = np.exp(scores - top)
            p = exp / exp.sum()
            value -= float(scores[claim] - top - np.log(exp.sum()))
            gradient = gradient - (x[claim] - p @ x)
        return value, gradient

    found = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B")
    return LinearModel(
        intercept=0.0,
        coefficients={name: round(float(c), 6) for name, c in zip(names, found.x, strict=True)},
    )


Similarity = Callable[[Sequence[Unit]], npt.NDArray[np.float64]]


def fit(golds: Sequence[Gold], provenance: str = "", similarity: Similarity | None = None) -> Weights:
    """Fit the four models on gold texts (their ADUs as units).

    Parameters
    ----------
    golds : sequence of Gold
    provenance : str
        Recorded as ``trained_on``.
    similarity : callable, optional
        Units -> their ``(n, n)`` semantic similarities, to fit the attachment model with
        the :data:`~argmap.extraction.features.SIMILARITY` feature.

    Returns
    -------
    Weights

    Raises
    ------
    ImportError
        If scikit-learn (or scipy, which it needs) is not installed.
    """
    unit_x, opponent_y, attack_x, attack_y, pair_x, pair_y = [], [], [], [], [], []
    texts: list[tuple[npt.NDArray[np.float64], int]] = []
    for gold in golds:
        units, rows, pairs = _features(gold)
        if similarity is not None:
            pairs = pair_features(units, rows, gold.central, similarity(units))
        n = len(units)
        texts.append((rows, gold.central))
        role_rows = role_features(rows)
        for i in range(n):
            unit_x.append(role_rows[i])
            opponent_y.append(int(gold.roles[i] == "opponent"))
            if gold.heads[i] is None:
                continue
            attack_x.append(role_rows[i])
            attack_y.append(int(gold.functions[i] == "attack"))
            for j in range(n):
                if j != i:
                    pair_x.append(pairs[i, j])
                    pair_y.append(int(gold.heads[i] == j))
    ux = np.array(unit_x)
    return Weights(
        central=_conditional_logit(texts, UNIT_FEATURES),
        opponent=_logistic(ux, np.array(opponent_y), ROLE_FEATURES, BALANCED),
        attack=_logistic(np.array(attack_x), np.array(attack_y), ROLE_FEATURES, BALANCED),
        attach=_logistic(
            np.array(pair_x),
            np.array(pair_y),
            PAIR_FEATURES if similarity is None else (*PAIR_FEATURES, SIMILARITY),
        ),
        trained_on=provenance,
    )


@lru_cache(maxsize=4096)
def _features(gold: Gold) -> tuple[list[Unit], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """A gold text's units and features, computed once (cross-validation fits each text k - 1 times)."""
    units = gold_units(gold)
    rows = unit_features(units)
    return units, rows, pair_features(units, rows, gold.central)


def folds(golds: Sequence[Gold], k: int = 10) -> list[list[int]]:
    """``k`` folds of text indices, by text: text ``i`` goes to fold ``i mod k`` (by sorted name).

    Examples
    --------
    >>> folds([None] * 5, 2)
    [[0, 2, 4], [1, 3]]
    """
    return [list(range(f, len(golds), k)) for f in range(k)]


def group_folds(groups: Sequence[str]) -> list[list[int]]:
    """One fold per group label (e.g. a question, an author, a corpus), in order of first appearance.

    Examples
    --------
    >>> group_folds(["b", "k", "b", "d"])
    [[0, 2], [1], [3]]
    """
    found: dict[str, list[int]] = {}
    for i, label in enumerate(groups):
        found.setdefault(label, []).append(i)
    return list(found.values())


def cross_validate(
    golds: Sequence[Gold],
    k: int = 10,
    units_of: Callable[[Gold], Sequence[Unit]] = gold_units,
    similarity: Similarity | None = None,
    groups: Sequence[str] | None = None,
) -> tuple[Scores, list[Parse]]:
    """Fit on ``k - 1`` folds, decode the held-out fold, for each fold; score all predictions.

    Parameters
    ----------
    golds : sequence of Gold
    k : int
        The number of folds (by text).
    units_of : callable
        The units to decode a held-out text with: its gold ADUs (default) or, e.g.,
        ``lambda g: segment(g.text)`` for raw text.
    similarity : callable, optional
        As for :func:`fit`: fit and decode with semantic similarity.
    groups : sequence of str, optional
        One label per text: then each group is held out in turn (:func:`group_folds`,
        e.g. leave-one-question-out) and ``k`` is ignored.

    Returns
    -------
    (Scores, list of Parse)
        The scores of all held-out predictions together, and the predictions in the order
        of ``golds``.

    Raises
    ------
    ImportError
        If scikit-learn is not installed.
    """
    parses: list[Parse | None] = [None] * len(golds)
    for held_out in folds(golds, k) if groups is None else group_folds(groups):
        keep = set(held_out)
        weights = fit([g for i, g in enumerate(golds) if i not in keep], similarity=similarity)
        for i in held_out:
            units = units_of(golds[i])
            parses[i] = decode(units, weights, None if similarity is None else similarity(units))
    done = [p for p in parses if p is not None]
    raw = units_of is not gold_units
    return score(golds, done, raw=raw), done
