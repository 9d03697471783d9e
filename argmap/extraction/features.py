"""Features of units and of unit pairs: lexicon cues, position, punctuation, sentence structure.

Only general features, no words of any particular text: which cue classes a unit opens
with or contains, where it stands, how it ends, whether its neighbours concede or
counter. :func:`unit_features` gives one row per unit, :func:`pair_features` one row per
ordered pair (source, target); the names of the columns are :data:`UNIT_FEATURES` and
:data:`PAIR_FEATURES` (the fitted weights in ``weights.json`` are keyed by them).

Examples
--------
>>> from argmap.extraction.segmentation import segment
>>> units = segment("We should stop. But of course, it is hard.")
>>> row = dict(zip(UNIT_FEATURES, unit_features(units)[1].tolist()))
>>> row["counter_initial"], row["concession_initial"], row["last"]
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from argmap.extraction.lexicon import CUE_CLASSES, CueMatch, load_lexicon, tokenize
from argmap.extraction.segmentation import Unit

__all__ = [
    "PAIR_FEATURES",
    "ROLE_CONTEXT",
    "ROLE_FEATURES",
    "SIMILARITY",
    "UNIT_FEATURES",
    "cues_of",
    "pair_features",
    "role_features",
    "unit_features",
]

SIMILARITY = "similarity"  # the optional pair feature of the embeddings extra (bench/embeddings.py)

_FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us", "i'm", "i'd", "we're", "we'd"})
_NEGATION = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor"})

UNIT_FEATURES: tuple[str, ...] = (
    "first",
    "last",
    "position",
    "opens_sentence",
    "in_first_sentence",
    "in_last_sentence",
    *(f"{c}_initial" for c in CUE_CLASSES),
    *(f"{c}_inside" for c in CUE_CLASSES),
    "joins_with_and",
    "next_gives_reason",
    "modal_answer",
    "modal_share",
    "whole_sentence",
    "previous_concedes",
    "next_counters",
    "previous_counters",
    "question",
    "exclamation",
    "first_person",
    "negation",
    "length",
    "closes_sentence",
    "after_fronted_clause",
)

ROLE_CONTEXT: tuple[str, ...] = (
    "concession_initial",
    "concession_inside",
    "counter_initial",
    "counter_inside",
    "premise_initial",
    "claim_initial",
    "modal_inside",
    "negation",
    "opens_sentence",
    "first_person",
)
"""The unit features of the neighbours that the role and function models also see."""

ROLE_FEATURES: tuple[str, ...] = (
    *UNIT_FEATURES,
    *(f"previous_{name}" for name in ROLE_CONTEXT),
    *(f"next_{name}" for name in ROLE_CONTEXT),
)
"""The columns of :func:`role_features`."""

PAIR_FEATURES: tuple[str, ...] = (
    "distance_back_1",
    "distance_forward_1",
    "distance_back_2",
    "distance_forward_2",
    "distance_back_far",
    "distance_forward_far",
    "distance",
    "same_sentence",
    "target_first",
    "target_last",
    "target_modal",
    "target_claim_cue",
    "target_concedes",
    "target_counters",
    "target_premise_cue",
    "source_premise_to_previous",
    "source_counter_to_concession",
    "source_counter_to_previous",
    "source_concession_to_edge",
    "source_additive_to_edge",
    "source_example_to_previous",
    "target_claim_cue_from_previous",
    "source_modal_to_edge",
    "and_to_previous",
    "same_sentence_to_previous",
    "same_sentence_to_next",
    "target_root",
    "source_concedes_to_root",
    "source_additive_to_root",
    "source_opens_sentence_to_root",
    "source_premise_to_root",
    "source_counter_to_root",
)


def cues_of(unit: Unit) -> list[CueMatch]:
    """The lexicon's cues in one unit.

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> [c.cue for c in cues_of(segment("Because it rains.")[0])]
    ['because']
    """
    return load_lexicon().match(unit.text)


def _has(matches: Sequence[CueMatch], cue_class: str, initial: bool | None = None) -> bool:
    return any(m.cue_class == cue_class and (initial is None or m.initial == initial) for m in matches)


def unit_features(
    units: Sequence[Unit], cues: Sequence[Sequence[CueMatch]] | None = None
) -> npt.NDArray[np.float64]:
    """One row of :data:`UNIT_FEATURES` per unit.

    Parameters
    ----------
    units : sequence of Unit
        The text's units, in order.
    cues : sequence of list of CueMatch, optional
        Each unit's cues (computed when not given).

    Returns
    -------
    numpy.ndarray
        Shape ``(len(units), len(UNIT_FEATURES))``, values in [0, 1].

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> unit_features(segment("It rains. So we stay in.")).shape
    (2, 35)
    """
    n = len(units)
    matches = [cues_of(u) for u in units] if cues is None else cues
    rows = np.zeros((n, len(UNIT_FEATURES)))
    last_sentence = units[-1].sentence if units else 0
    modal_units = sum(1 for found in matches if _has(found, "modal") or _has(found, "claim"))
    sentence_sizes = [unit.sentence for unit in units]
    for i, unit in enumerate(units):
        found = matches[i]
        words = [t for t, _, _ in tokenize(unit.text)]
        values: list[float] = [
            float(i == 0),
            float(i == n - 1),
            i / (n - 1) if n > 1 else 0.0,
            float(unit.opens_sentence),
            float(unit.sentence == 0),
            float(unit.sentence == last_sentence),
        ]
        values += [float(_has(found, c, True)) for c in CUE_CLASSES]
        values += [float(_has(found, c, False)) for c in CUE_CLASSES]
        values += [
            float(bool(words) and words[0] in ("and", "or") and not unit.opens_sentence),
            float(i + 1 < n and _has(matches[i + 1], "premise", True)),
            float(_has(found, "modal") and _has(found, "counter", True)),
            float(_has(found, "modal") or _has(found, "claim")) / max(modal_units, 1),
            float(sentence_sizes.count(unit.sentence) == 1),
            float(i > 0 and _has(matches[i - 1], "concession")),
            float(i + 1 < n and _has(matches[i + 1], "counter", True)),
            float(i > 0 and _has(matches[i - 1], "counter", True)),
            float(unit.text.rstrip().endswith("?")),
            float(unit.text.rstrip().endswith("!")),
            float(any(w in _FIRST_PERSON for w in words)),
            float(any(w in _NEGATION or w.endswith("n't") for w in words)),
            min(len(words), 40) / 40,
            float(i + 1 == n or units[i + 1].sentence != unit.sentence),
            float(
                not unit.opens_sentence
                and i > 0
                and units[i - 1].sentence == unit.sentence
                and (_has(matches[i - 1], "premise", True) or _has(matches[i - 1], "concession", True))
            ),
        ]
        rows[i] = values
    return rows


def pair_features(
    units: Sequence[Unit],
    unit_rows: npt.NDArray[np.float64],
    root: int,
    similarity: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.float64]:
    """One row of :data:`PAIR_FEATURES` per ordered pair of distinct units.

    Parameters
    ----------
    units : sequence of Unit
        The text's units, in order.
    unit_rows : numpy.ndarray
        Their :func:`unit_features`.
    root : int
        The unit taken to be the central claim (the ``*_root`` features depend on it).
    similarity : numpy.ndarray, optional
        An ``(n, n)`` matrix of semantic similarities: appended as a last column,
        :data:`SIMILARITY` (only with the embeddings extra).

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n, len(PAIR_FEATURES))`` (one more with ``similarity``): ``[i, j]``
        describes unit ``i`` attaching to unit ``j``; the diagonal is zero.

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> units = segment("We should go. Because it is late.")
    >>> pairs = pair_features(units, unit_features(units), root=0)
    >>> dict(zip(PAIR_FEATURES, pairs[1, 0].tolist()))["source_premise_to_previous"]
    1.0
    """
    n = len(units)
    column = {name: k for k, name in enumerate(UNIT_FEATURES)}

    def u(name: str) -> npt.NDArray[np.float64]:
        return unit_rows[:, column[name]]

    source = np.arange(n)[:, None]
    target = np.arange(n)[None, :]
    d = np.broadcast_to(target - source, (n, n))
    sentence = np.array([unit.sentence for unit in units])
    target_first, target_last = u("first")[None, :], u("last")[None, :]
    target_edge = np.maximum(target_first, target_last)
    target_concedes = np.maximum(u("concession_initial"), u("concession_inside"))[None, :]
    example = np.maximum(u("example_initial"), u("example_inside"))[:, None]
    modal = np.maximum(u("modal_initial"), u("modal_inside"))
    back_1, forward_1 = (d == -1).astype(float), (d == 1).astype(float)
    is_root = (np.arange(n) == root).astype(float)[None, :]
    same = (sentence[:, None] == sentence[None, :]).astype(float)
    columns = [
        back_1,
        forward_1,
        d == -2,
        d == 2,
        d < -2,
        d > 2,
        np.abs(d) / max(n, 1),
        same,
        target_first,
        target_last,
        modal[None, :],
        np.maximum(u("claim_initial"), u("claim_inside"))[None, :],
        target_concedes,
        u("counter_initial")[None, :],
        u("premise_initial")[None, :],
        u("premise_initial")[:, None] * back_1,
        u("counter_initial")[:, None] * target_concedes,
        u("counter_initial")[:, None] * back_1,
        u("concession_initial")[:, None] * target_edge,
        u("additive_initial")[:, None] * target_edge,
        example * back_1,
        u("claim_initial")[None, :] * forward_1,
        modal[:, None] * target_edge,
        u("joins_with_and")[:, None] * back_1,
        same * back_1,
        same * forward_1,
        is_root,
        np.maximum(u("concession_initial"), u("concession_inside"))[:, None] * is_root,
        u("additive_initial")[:, None] * is_root,
        u("opens_sentence")[:, None] * is_root,
        u("premise_initial")[:, None] * is_root,
        u("counter_initial")[:, None] * is_root,
    ]
    if similarity is not None:
        columns.append(similarity)
    pairs = np.stack([np.broadcast_to(np.asarray(c, dtype=float), (n, n)) for c in columns], axis=-1)
    pairs[np.arange(n), np.arange(n)] = 0.0
    return pairs


def role_features(unit_rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The rows of the role and function models: a unit's own features, then the
    :data:`ROLE_CONTEXT` features of the unit before it and of the unit after it (zeros at
    the text's ends); the columns are :data:`ROLE_FEATURES`.

    An objection and its answer are marked as often on the neighbour as on the unit
    itself ("Admittedly X. But Y": X concedes because Y counters, Y replies because X
    concedes), so the two models see one unit on either side.

    Parameters
    ----------
    unit_rows : numpy.ndarray
        The text's :func:`unit_features`.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(unit_rows), len(ROLE_FEATURES))``.

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> rows = role_features(unit_features(segment("Admittedly it is dear. But it works.")))
    >>> row = dict(zip(ROLE_FEATURES, rows[0].tolist()))
    >>> row["concession_initial"], row["next_counter_initial"], row["previous_counter_initial"]
    (1.0, 1.0, 0.0)
    """
    base = unit_rows[:, [UNIT_FEATURES.index(name) for name in ROLE_CONTEXT]]
    edge = np.zeros((min(1, len(base)), len(ROLE_CONTEXT)))
    previous = np.vstack([edge, base[:-1]])
    following = np.vstack([base[1:], edge])
    return np.hstack([unit_rows, previous, following])
