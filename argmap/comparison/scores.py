"""Agreement measures: precision, recall and F1 of a matching, and Cohen's kappa.

Both are a few lines of arithmetic over counts, written here rather than pulled from a
statistics package; ``tests/compare/test_scores.py`` checks kappa against scikit-learn's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from argmap.comparison.results import Agreement
from argmap.errors import UsageError

__all__ = ["agreement", "cohen_kappa"]


def agreement(matched: int, a_total: int, b_total: int, *, kappa: float | None = None) -> Agreement:
    """Precision, recall and F1 of ``matched`` pairs between ``a_total`` and ``b_total`` items.

    B is the reference: precision is ``matched / a_total``, recall ``matched / b_total``.
    When both sides are empty the agreement is perfect (1, 1, 1); when only one is, the
    empty side's ratio is 0, and so is F1.

    Parameters
    ----------
    matched : int
        Pairs of an item of A with an item of B that agree (at most each total).
    a_total, b_total : int
        How many items each map has.
    kappa : float or None
        Cohen's kappa to report with the counts, if it applies.

    Returns
    -------
    Agreement

    Raises
    ------
    UsageError
        If a count is negative or ``matched`` exceeds a total.

    Examples
    --------
    >>> a = agreement(3, 4, 6)
    >>> a.precision, a.recall, a.f1
    (0.75, 0.5, 0.6)
    >>> agreement(0, 0, 0).f1
    1.0
    """
    if min(matched, a_total, b_total) < 0 or matched > min(a_total, b_total):
        raise UsageError(f"cannot have {matched} matches between {a_total} and {b_total} items")
    if a_total == 0 and b_total == 0:
        return Agreement(matched=0, a_total=0, b_total=0, precision=1.0, recall=1.0, f1=1.0, kappa=kappa)
    precision = matched / a_total if a_total else 0.0
    recall = matched / b_total if b_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Agreement(
        matched=matched,
        a_total=a_total,
        b_total=b_total,
        precision=precision,
        recall=recall,
        f1=f1,
        kappa=kappa,
    )


def cohen_kappa(labels_a: Sequence[str], labels_b: Sequence[str]) -> float | None:
    """Cohen's kappa of two annotators' labels for the same items, or None when undefined.

    ``kappa = (p_o - p_e) / (1 - p_e)``, with ``p_o`` the observed share of items given
    the same label and ``p_e`` the agreement expected by chance from each annotator's
    label frequencies (Cohen 1960). It is undefined when there are no items, or when
    ``p_e == 1``: both annotators gave every item one and the same label, so chance
    already explains all agreement.

    Parameters
    ----------
    labels_a, labels_b : sequence of str
        The labels, item by item.

    Returns
    -------
    float or None

    Raises
    ------
    UsageError
        If the two sequences differ in length.

    Examples
    --------
    >>> cohen_kappa(["support", "attack", "support"], ["support", "attack", "attack"])
    0.4
    >>> cohen_kappa(["premise", "premise"], ["premise", "premise"]) is None
    True
    """
    if len(labels_a) != len(labels_b):
        raise UsageError(f"kappa needs two labels per item: got {len(labels_a)} and {len(labels_b)}")
    n = len(labels_a)
    if n == 0:
        return None
    # In whole numbers, scaled by n * n, so that kappa is one exact division.
    observed = n * sum(x == y for x, y in zip(labels_a, labels_b, strict=True))
    count_a, count_b = Counter(labels_a), Counter(labels_b)
    expected = sum(count_a[label] * count_b[label] for label in count_a)
    if expected == n * n:
        return None
    return (observed - expected) / (n * n - expected)
