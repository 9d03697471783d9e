"""What a researcher or a debate teacher asks of a map: pure functions returning frozen results.

=============================  ==============================================================
function                       result
=============================  ==============================================================
:func:`support_chains`         how many lines of support reach the claim, how deep, which
:func:`weak_links`             where the argument is fragile, with severity and explanation
:func:`counterarguments`       attacks on the claim, its premises and inferences; answered?
:func:`acceptability`          Dung labels of statements and relations under a semantics
:func:`strength`               gradual strength (DF-QuAD or quadratic energy)
:func:`analyze`                all of the above for one claim, each computed once
:func:`explain`                why a statement has its label, and what would change it
=============================  ==============================================================

Definitions and references: ``docs/analysis.md``.

Examples
--------
>>> import argmap
>>> from argmap.analysis import analyze
>>> result = analyze(argmap.load("graphs/ukraine-us-alliance.yaml"))
>>> result.claim, result.acceptability.labels["C1"]
('C1', 'in')
"""

from __future__ import annotations

from argmap.analysis.acceptability import SUPPORT_MODES, acceptability, grounded_labels
from argmap.analysis.chains import chains_of, support_chains, support_structure
from argmap.analysis.counterarguments import _counterarguments_from, counterarguments
from argmap.analysis.explanation import explain, explain_all
from argmap.analysis.results import (
    WEAK_LINK_KINDS,
    Acceptability,
    Analysis,
    Counterargument,
    Effect,
    Explanation,
    Flips,
    Reason,
    Sensitivity,
    Side,
    Stance,
    Strength,
    SupportChains,
    WeakLink,
)
from argmap.analysis.stance import stance
from argmap.analysis.strength import STRENGTH_MODELS, strength
from argmap.analysis.weak_links import _weak_links_from, weak_links
from argmap.model import ArgumentMap
from argmap.schemes import Catalogue

__all__ = [
    "STRENGTH_MODELS",
    "SUPPORT_MODES",
    "WEAK_LINK_KINDS",
    "Acceptability",
    "Analysis",
    "Counterargument",
    "Effect",
    "Explanation",
    "Flips",
    "Reason",
    "Sensitivity",
    "Side",
    "Stance",
    "Strength",
    "SupportChains",
    "WeakLink",
    "acceptability",
    "analyze",
    "counterarguments",
    "explain",
    "explain_all",
    "stance",
    "strength",
    "support_chains",
    "weak_links",
]


def analyze(
    argument_map: ArgumentMap,
    claim: str | None = None,
    *,
    semantics: str = "grounded",
    support: str = "none",
    strength_model: str = "auto",
    max_chains: int = 50,
    schemes: Catalogue | None = None,
) -> Analysis:
    """Run every analysis for one claim, sharing the work between them.

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        Defaults to the map's ``main_claim`` (else its first claim).
    semantics : {"grounded", "complete", "preferred", "stable"}
        The Dung semantics of ``acceptability``.
    support : {"none", "deductive", "necessary"}
        Whether supports add derived attacks (bipolar argumentation).
    strength_model : {"auto", "df-quad", "quadratic-energy", "none"}
        The gradual model; ``none`` leaves ``strength`` out.
    max_chains : int
        How many support chains to list (the count is always exact).
    schemes : Catalogue, optional
        The scheme catalogue for ``open-critical-question`` weak links; by default the
        one in force (:func:`argmap.schemes.active_catalogue`).

    Returns
    -------
    Analysis

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    UsageError
        For an unknown semantics, support mode or strength model.
    """
    structure = support_structure(argument_map, claim)
    claim_id = structure.names[structure.dag.root]
    accepted = acceptability(argument_map, claim_id, semantics=semantics, support=support)
    # Counterarguments and unanswered attacks are judged by grounded labels: reuse them when
    # the chosen semantics is grounded rather than solving the same framework twice.
    labels = accepted.labels if semantics == "grounded" else grounded_labels(argument_map, support=support)
    scores = strength(argument_map, strength_model) if strength_model != "none" else None
    return Analysis(
        claim=claim_id,
        support_chains=chains_of(structure, max_chains),
        weak_links=_weak_links_from(
            argument_map, structure, labels, scores.scores if scores else {}, schemes=schemes
        ),
        counterarguments=_counterarguments_from(argument_map, structure, labels),
        acceptability=accepted,
        strength=scores,
    ).drawn_on(argument_map)
