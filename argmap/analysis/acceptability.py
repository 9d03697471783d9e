"""Dung acceptability of a map's statements and relations.

The map becomes an attack framework in which statements and relations are arguments
(:meth:`argmap.semantics.AttackFramework.from_map`); one labelling core solves every
semantics (:func:`argmap.semantics.solve`). See ``docs/analysis.md``.

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: Nixon
... statements:
...   - {id: Q, kind: claim, text: Nixon is a pacifist.}
...   - {id: R, kind: claim, text: Nixon is not a pacifist.}
... relations:
...   - {id: A1, type: attack, from: Q, to: R}
...   - {id: A2, type: attack, from: R, to: Q}
... ''')
>>> grounded = acceptability(m, "Q")
>>> grounded.labels["Q"], grounded.credulous
('undec', False)
>>> preferred = acceptability(m, "Q", semantics="preferred")
>>> preferred.extensions, preferred.credulous, preferred.skeptical
(2, True, False)
"""

from __future__ import annotations

from argmap.analysis.results import Acceptability, Label
from argmap.errors import UsageError
from argmap.model import ArgumentMap, default_claim
from argmap.semantics import SUPPORT_MODES, AttackFramework, solve

__all__ = ["SUPPORT_MODES", "acceptability", "grounded_labels"]


def _framework(argument_map: ArgumentMap, support: str) -> AttackFramework:
    if support not in SUPPORT_MODES:
        raise UsageError(f"unknown support mode {support!r}; known: {', '.join(SUPPORT_MODES)}")
    return AttackFramework.from_map(argument_map, support=support)


def grounded_labels(argument_map: ArgumentMap, *, support: str = "none") -> dict[str, Label]:
    """The grounded label (in/out/undec) of every statement and relation.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: A, kind: claim, text: a}\\n")
    >>> grounded_labels(m)
    {'A': 'in'}
    """
    solution = solve(_framework(argument_map, support), "grounded")
    assert solution.labels is not None
    return dict(solution.labels)


def acceptability(
    argument_map: ArgumentMap,
    claim: str | None = None,
    *,
    semantics: str = "grounded",
    support: str = "none",
) -> Acceptability:
    """Label every statement and relation under a Dung semantics; is the claim accepted?

    Parameters
    ----------
    argument_map : ArgumentMap
    claim : str, optional
        Defaults to the map's main claim.
    semantics : {"grounded", "complete", "preferred", "stable"}
    support : {"none", "deductive", "necessary"}
        Whether supports add the derived attacks of bipolar argumentation.

    Returns
    -------
    Acceptability
        For grounded, its labelling; otherwise the skeptical labels: ``in`` when in every
        extension, ``out`` when attacked by every extension, else ``undec``.

    Raises
    ------
    UnknownIdError
        If ``claim`` names no statement.
    UsageError
        For an unknown semantics or support mode.
    """
    claim_id = claim if claim is not None else default_claim(argument_map)
    argument_map.statement(claim_id)
    framework = _framework(argument_map, support)
    solution = solve(framework, semantics)
    extensions = solution.extensions
    labels: dict[str, Label] = (
        dict(solution.labels) if solution.labels is not None else dict.fromkeys(framework.names, "undec")
    )
    return Acceptability(
        semantics=semantics,
        support=support,
        labels=labels,
        claim=claim_id,
        credulous=any(claim_id in e for e in extensions),
        skeptical=bool(extensions) and all(claim_id in e for e in extensions),
        extensions=len(extensions),
    ).drawn_on(argument_map)
