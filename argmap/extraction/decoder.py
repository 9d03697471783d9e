"""The decoder: central claim, one target per unit (a tree), and roles and functions.

Four small logistic models score the units (:class:`Weights`): how likely a unit is the
central claim, voices the opponent, attacks its target; and how likely unit ``i``
attaches to unit ``j``. The decoder then picks, in turn:

1. the central claim ``c``: the unit the central-claim model finds most likely, a
   conditional logit over the text's units (weighing in the tree's score as well, as
   Peldszus & Stede's joint decoding does, did worse in cross-validation:
   docs/extraction.md);
2. the tree: the maximum spanning arborescence rooted at ``c`` over the log attachment
   probabilities (Edmonds' algorithm, :func:`networkx.maximum_spanning_arborescence`),
   the attachment model knowing which unit is ``c``;
3. the roles on that tree by dynamic programming, the central claim being the
   proponent's: a unit whose role differs from its target's attacks it, one with the
   same role supports it (the dialectical reading of Peldszus & Stede's scheme), each
   choice weighed by the opponent and attack probabilities;
4. the tree again, each unit's attachment now also weighed by the function it implies
   given the roles (an answer that probably attacks prefers a target of the other side),
   then the roles again, until nothing changes (at most three rounds): coordinate ascent
   on the sum of the three models' log-probabilities, so that attachment and function are
   decided jointly. Only for a text of one paragraph (all the microtexts).

A text of several paragraphs is decoded in two levels: each paragraph as a text of its
own (steps 1 and 2), then the paragraphs' central claims as one more text, whose
central claim is the whole text's; step 3 then runs on the whole tree. The models were
fitted on one-paragraph texts of a few units, and an article is a sequence of such
paragraphs.

Examples
--------
>>> from argmap.extraction.segmentation import segment
>>> parse = decode(segment("We should ban cars in the centre. Because the air is bad."))
>>> parse.central, parse.heads, parse.functions
(0, (None, 0), (None, 'support'))
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Literal, NamedTuple

import networkx as nx
import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from argmap.extraction.connectives import explicit_links, not_central
from argmap.extraction.features import (
    PAIR_FEATURES,
    ROLE_FEATURES,
    SIMILARITY,
    UNIT_FEATURES,
    cues_of,
    pair_features,
    role_features,
    unit_features,
)
from argmap.extraction.lexicon import CueMatch
from argmap.extraction.segmentation import Unit

__all__ = ["LinearModel", "Parse", "Weights", "decode", "load_weights"]

Function = Literal["support", "attack"]
Role = Literal["proponent", "opponent"]
_WINDOW = 12  # the farthest attachment considered, in units, besides the central claim
_EPSILON = 1e-6
_EXCLUDED = -1e9  # the log-score of a choice a connective rules out
_ROUNDS = 3  # the most rounds of choosing the tree and the roles in turn (step 4)


class LinearModel(BaseModel):
    """A logistic model: an intercept and one coefficient per named feature."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    intercept: float
    coefficients: dict[str, float]

    def score(self, rows: npt.NDArray[np.float64], names: Sequence[str]) -> npt.NDArray[np.float64]:
        """The model's linear score (log-odds) for each row.

        Examples
        --------
        >>> LinearModel(intercept=1.0, coefficients={"a": 2.0}).score(np.array([[1.0]]), ["a"]).tolist()
        [3.0]
        """
        weights = np.array([self.coefficients.get(name, 0.0) for name in names])
        return np.asarray(rows @ weights + self.intercept, dtype=np.float64)

    def probability(self, rows: npt.NDArray[np.float64], names: Sequence[str]) -> npt.NDArray[np.float64]:
        """The model's probability for each row (the last axis holds the features ``names``).

        Examples
        --------
        >>> m = LinearModel(intercept=0.0, coefficients={"a": 2.0})
        >>> m.probability(np.array([[0.0], [1.0]]), ["a"]).round(3).tolist()
        [0.5, 0.881]
        """
        return np.asarray(1.0 / (1.0 + np.exp(-self.score(rows, names))), dtype=np.float64)


class Weights(BaseModel):
    """The four models of the decoder, as shipped in ``weights.json``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    central: LinearModel = Field(
        description="Scores for the central claim, on unit features: P(unit i is the text's central claim) "
        "is the softmax of the scores over the text's units (a conditional logit; its intercept cancels)."
    )
    opponent: LinearModel = Field(description="P(unit voices the opponent), on unit features.")
    attack: LinearModel = Field(description="P(unit attacks its target), on unit features.")
    attach: LinearModel = Field(description="P(unit i attaches to unit j), on pair features.")
    trained_on: str = Field(default="", description="Where the weights were fitted (provenance).")


class Parse(BaseModel):
    """The decoded structure of one text: its units and, per unit, target, function, role."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    units: tuple[Unit, ...]
    central: int = Field(ge=0, description="Index of the central claim.")
    heads: tuple[int | None, ...] = Field(description="Each unit's target (None for the central claim).")
    functions: tuple[Function | None, ...]
    roles: tuple[Role, ...]
    central_confidence: float
    attach_confidence: tuple[float, ...] = Field(description="P(target) among the unit's candidates.")
    function_confidence: tuple[float, ...]
    role_confidence: tuple[float, ...]
    cues: tuple[tuple[CueMatch, ...], ...]
    linked: tuple[bool, ...] = Field(
        default=(),
        description="Per unit: a further premise joined to the unit before it ('X, and Y'), both "
        "supporting one target: the map draws them as one linked argument.",
    )


@cache
def load_weights() -> Weights:
    """The shipped weights (``argmap/extraction/weights.json``), read once.

    Examples
    --------
    >>> sorted(load_weights().attach.coefficients) == sorted(PAIR_FEATURES)
    True
    """
    text = resources.files("argmap.extraction").joinpath("weights.json").read_text(encoding="utf-8")
    return Weights.model_validate(json.loads(text))


def _softmax(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    exp = np.exp(scores - scores.max())
    return np.asarray(exp / exp.sum(), dtype=np.float64)


def _log(p: npt.NDArray[np.float64] | float) -> npt.NDArray[np.float64]:
    return np.asarray(np.log(np.clip(p, _EPSILON, 1.0 - _EPSILON)), dtype=np.float64)


def _tree(
    n: int, root: int, log_attach: npt.NDArray[np.float64], allowed: npt.NDArray[np.bool_]
) -> list[int | None]:
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(range(n))
    for i in range(n):
        if i == root:
            continue
        for j in range(n):
            if j != i and allowed[i, j]:
                graph.add_edge(j, i, weight=float(log_attach[i, j]))
    tree = nx.maximum_spanning_arborescence(graph, attr="weight", preserve_attrs=True)
    heads: list[int | None] = [None] * n
    for j, i in tree.edges():
        heads[i] = j
    return heads


def _roles(
    n: int,
    central: int,
    heads: Sequence[int | None],
    p_opponent: npt.NDArray[np.float64],
    p_attack: npt.NDArray[np.float64],
    forced: dict[int, Function],
) -> list[Role]:
    children: dict[int, list[int]] = {i: [] for i in range(n)}
    for i, head in enumerate(heads):
        if head is not None:
            children[head].append(i)
    log_role = {0: _log(1 - p_opponent), 1: _log(p_opponent)}
    log_fun = {0: _log(1 - p_attack), 1: _log(p_attack)}
    # best[i][r]: the best score of i's subtree given that i has role r (0 proponent, 1 opponent)
    best: dict[int, list[float]] = {}
    choice: dict[tuple[int, int], int] = {}
    order = (
        list(
            nx.dfs_postorder_nodes(
                nx.DiGraph([(h, i) for i, h in enumerate(heads) if h is not None]), central
            )
        )
        if n > 1
        else [central]
    )
    for node in order:
        best[node] = []
        for r in (0, 1):
            score = float(log_role[r][node])
            for child in children[node]:
                options = [
                    best[child][rc]
                    + (
                        _EXCLUDED
                        if child in forced and (forced[child] == "attack") != (rc != r)
                        else float(log_fun[int(rc != r)][child])
                    )
                    for rc in (0, 1)
                ]
                pick = int(options[1] > options[0])
                choice[(child, r)] = pick
                score += options[pick]
            best[node].append(score)
    roles = [0] * n
    stack = [(central, 0)]
    while stack:
        node, r = stack.pop()
        roles[node] = r
        stack.extend((child, choice[(child, r)]) for child in children[node])
    return ["opponent" if r else "proponent" for r in roles]


def decode(
    units: Sequence[Unit], weights: Weights | None = None, similarity: npt.NDArray[np.float64] | None = None
) -> Parse:
    """Decode the argumentative structure of a text's units.

    Parameters
    ----------
    units : sequence of Unit
        The units, in text order (from :func:`argmap.extraction.segmentation.segment`, or given).
    weights : Weights, optional
        The models; the shipped ones (:func:`load_weights`) by default.
    similarity : numpy.ndarray, optional
        Semantic similarities of the units, ``(n, n)``, for weights fitted with them
        (``bench/embeddings.py``).

    Returns
    -------
    Parse

    Raises
    ------
    ValueError
        If there are no units.

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> text = "Cities should ban cars. Admittedly, shops fear losing clients. But most come on foot."
    >>> decode(segment(text)).roles
    ('proponent', 'opponent', 'proponent')
    """
    if not units:
        raise ValueError("no units to decode")
    weights = load_weights() if weights is None else weights
    n = len(units)
    cues = [tuple(cues_of(u)) for u in units]
    paragraphs: dict[int, list[int]] = {}
    for i, unit in enumerate(units):
        paragraphs.setdefault(unit.paragraph, []).append(i)
    if len(paragraphs) == 1:
        level = _decode_level(units, cues, weights, similarity)
        central, heads = level.central, level.heads
        p_central, p_opponent, p_attack = level.p_central, level.p_opponent, level.p_attack
        attach_confidence = level.attach_confidence
        forced = dict(level.forced)
    else:  # each paragraph as a text of its own, then the paragraphs' claims as one more text
        heads = [None] * n
        p_central, p_opponent, p_attack = np.zeros(n), np.zeros(n), np.zeros(n)
        attach_confidence = [0.0] * n
        forced = {}
        local_claims: list[int] = []
        for members in paragraphs.values():
            level = _decode_level([units[i] for i in members], [cues[i] for i in members], weights, None)
            for k, i in enumerate(members):
                local = level.heads[k]
                heads[i] = None if local is None else members[local]
                p_central[i], p_opponent[i], p_attack[i] = (
                    level.p_central[k],
                    level.p_opponent[k],
                    level.p_attack[k],
                )
                attach_confidence[i] = level.attach_confidence[k]
            forced.update({members[k]: f for k, f in level.forced.items()})
            local_claims.append(members[level.central])
        top = _decode_level([units[i] for i in local_claims], [cues[i] for i in local_claims], weights, None)
        central = local_claims[top.central]
        for k, i in enumerate(local_claims):
            local = top.heads[k]
            heads[i] = None if local is None else local_claims[local]
            p_central[i], p_opponent[i], p_attack[i] = top.p_central[k], top.p_opponent[k], top.p_attack[k]
            attach_confidence[i] = top.attach_confidence[k]
        forced.update({local_claims[k]: f for k, f in top.forced.items()})
    roles = _roles(n, central, heads, p_opponent, p_attack, forced)
    if len(paragraphs) == 1 and n > 2:  # step 4: the tree again, knowing the roles, and so on
        for _ in range(_ROUNDS):
            opponent = np.array([r == "opponent" for r in roles])
            log_function = np.where(
                opponent[:, None] != opponent[None, :], _log(p_attack)[:, None], _log(1 - p_attack)[:, None]
            )
            again = _tree(n, central, level.log_attach + log_function, level.allowed)
            if again == heads:
                break
            heads = again
            roles = _roles(n, central, heads, p_opponent, p_attack, forced)
    functions: list[Function | None] = []
    function_confidence: list[float] = []
    for i, head in enumerate(heads):
        if head is None:
            functions.append(None)
            function_confidence.append(float(p_central[i]))
            continue
        attack = roles[i] != roles[head]
        functions.append("attack" if attack else "support")
        function_confidence.append(float(p_attack[i] if attack else 1 - p_attack[i]))
    linked = [
        i > 0
        and units[i - 1].sentence == units[i].sentence
        and heads[i - 1] is not None
        and head in (i - 1, heads[i - 1])
        and functions[i] == functions[i - 1] == "support"
        and _joins(units[i], cues[i])
        for i, head in enumerate(heads)
    ]
    role_confidence = [
        float(p_opponent[i] if r == "opponent" else 1 - p_opponent[i]) for i, r in enumerate(roles)
    ]
    return Parse(
        units=tuple(units),
        central=central,
        heads=tuple(heads),
        functions=tuple(functions),
        roles=tuple(roles),
        central_confidence=float(p_central[central]),
        attach_confidence=tuple(attach_confidence),
        function_confidence=tuple(function_confidence),
        role_confidence=tuple(role_confidence),
        cues=tuple(cues),
        linked=tuple(linked),
    )


_JOINERS = ("and", "together with", "along with", "combined with", "coupled with", "plus")


def _joins(unit: Unit, cues: Sequence[CueMatch]) -> bool:
    """Whether the unit joins the one before it as a further premise ("..., and ...")."""
    words = unit.text.lower().split()
    opening = " ".join(words[:2])
    joined = not unit.opens_sentence and any(opening == j or opening.startswith(j + " ") for j in _JOINERS)
    return joined and not any(c.cue_class in ("counter", "concession", "claim") for c in cues)


class _Level(NamedTuple):
    central: int
    heads: list[int | None]
    p_central: npt.NDArray[np.float64]
    p_opponent: npt.NDArray[np.float64]
    p_attack: npt.NDArray[np.float64]
    attach_confidence: list[float]
    forced: dict[int, Function]  # units whose function a connective decided
    log_attach: npt.NDArray[np.float64]
    allowed: npt.NDArray[np.bool_]


def _decode_level(
    units: Sequence[Unit],
    cues: Sequence[tuple[CueMatch, ...]],
    weights: Weights,
    similarity: npt.NDArray[np.float64] | None,
) -> _Level:
    """Central claim and tree of one text (or paragraph), with the unit probabilities."""
    n = len(units)
    rows = unit_features(units, cues)
    links = explicit_links(units, cues)
    central_scores = weights.central.score(rows, UNIT_FEATURES)
    attached = not_central(links)
    if len(attached) < n:  # a unit a connective attaches elsewhere is no central claim
        central_scores[attached] = _EXCLUDED
    p_central = _softmax(central_scores)
    central = int(np.argmax(p_central))
    names = (*PAIR_FEATURES, SIMILARITY) if similarity is not None else PAIR_FEATURES
    p_attach = weights.attach.probability(pair_features(units, rows, central, similarity), names)
    index = np.arange(n)
    allowed = np.abs(index[:, None] - index[None, :]) <= _WINDOW
    allowed[:, central] = True
    if central in links and links[central].target not in links:  # a reply that is the central claim
        reply = links.pop(central)  # is attacked by the concession
        links[reply.target] = reply._replace(source=reply.target, target=central)
    links.pop(central, None)
    for source, link in links.items():
        allowed[source] = False
        allowed[source, link.target] = True
    heads: list[int | None] = [None] if n == 1 else _tree(n, central, _log(p_attach), allowed)
    role_rows = role_features(rows)
    attach_confidence = []
    for i, head in enumerate(heads):
        if head is None:
            attach_confidence.append(float(p_central[i]))
        else:
            candidates = np.where(allowed[i] & (index != i), p_attach[i], 0.0)
            attach_confidence.append(float(p_attach[i, head] / candidates.sum()))
    return _Level(
        central,
        heads,
        p_central,
        weights.opponent.probability(role_rows, ROLE_FEATURES),
        weights.attack.probability(role_rows, ROLE_FEATURES),
        attach_confidence,
        {source: link.function for source, link in links.items()},
        _log(p_attach),
        allowed,
    )
