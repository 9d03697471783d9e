"""Comparing two argument maps: alignment, agreement per layer, a combined score, disagreements.

=================================  ==========================================================
name                               what
=================================  ==========================================================
:func:`compare`                    how close map A is to reference map B (``argmap compare``)
:func:`align_statements`           the one-to-one pairing of statements, by spans or by text
:func:`agreement`                  precision, recall and F1 from counts
:func:`cohen_kappa`                chance-corrected agreement of two labellings
:class:`Comparison`                the frozen result; its JSON is the contract of ``docs/compare.md``
=================================  ==========================================================

Examples
--------
>>> import argmap
>>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
>>> compare(m, m).score
1.0
"""

from __future__ import annotations

from argmap.comparison.align import (
    ALIGN_METHODS,
    SPAN_THRESHOLD,
    TEXT_THRESHOLD,
    align_statements,
    alignment_method,
)
from argmap.comparison.core import combined_score, compare
from argmap.comparison.results import (
    DISAGREEMENT_KINDS,
    Agreement,
    Alignment,
    Comparison,
    Disagreement,
    StatementPair,
)
from argmap.comparison.scores import agreement, cohen_kappa

__all__ = [
    "ALIGN_METHODS",
    "DISAGREEMENT_KINDS",
    "SPAN_THRESHOLD",
    "TEXT_THRESHOLD",
    "Agreement",
    "Alignment",
    "Comparison",
    "Disagreement",
    "StatementPair",
    "agreement",
    "align_statements",
    "alignment_method",
    "cohen_kappa",
    "combined_score",
    "compare",
]
