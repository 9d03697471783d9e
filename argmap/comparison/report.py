"""A comparison as a report for people: the score, a table of the layers, the disagreements.

Map text never enters the report as rich markup: every piece is a plain ``Text``.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.comparison.results import Agreement, Comparison

__all__ = ["rich_report"]

_LAYERS = (
    ("segments", "statements aligned"),
    ("kinds", "same kind"),
    ("relations", "same relation and type"),
    ("attachment", "same relation, any type"),
)


EXAMPLES_SHOWN = 3
"""Disagreements shown per kind in the summary."""


def rich_report(
    result: Comparison, title_a: str = "A", title_b: str = "B", *, details: bool = True
) -> RenderableType:
    """A rich renderable of a comparison, for ``argmap compare --format text``.

    Parameters
    ----------
    result : Comparison
    title_a, title_b : str
        How to call the two maps in the report (their titles or file names).
    details : bool
        Every disagreement (``True``), or a summary: the disagreements counted by kind,
        with the first :data:`EXAMPLES_SHOWN` of each (``argmap compare`` without
        ``--details``).

    Returns
    -------
    rich.console.RenderableType

    Examples
    --------
    >>> import io, argmap, rich.console
    >>> from argmap.comparison import compare
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> console = rich.console.Console(width=100, file=io.StringIO())
    >>> console.print(rich_report(compare(m, m)))
    >>> console.file.getvalue().splitlines()[0]
    'score 1.000 (A = A, reference B = B; statements aligned by span, threshold 0.50)'
    """
    alignment = result.alignment
    head = Text(
        f"score {result.score:.3f} (A = {title_a}, reference B = {title_b}; statements aligned "
        f"by {alignment.method}, threshold {alignment.threshold:.2f})"
    )
    head.stylize("bold", 0, len(f"score {result.score:.3f}"))
    table = Table(title="agreement (A: the map compared, B: the reference)", title_justify="left")
    for column in ("layer", "matched", "in A", "in B", "precision", "recall", "F1", "kappa"):
        table.add_column(column, justify="left" if column == "layer" else "right", overflow="fold")
    for name, _ in _LAYERS:
        layer: Agreement = getattr(result, name)
        kappa = "-" if layer.kappa is None else f"{layer.kappa:.3f}"
        if layer.kappa is None and name in ("kinds", "relations"):
            kappa = "undefined"
        table.add_row(
            name,
            str(layer.matched),
            str(layer.a_total),
            str(layer.b_total),
            f"{layer.precision:.3f}",
            f"{layer.recall:.3f}",
            f"{layer.f1:.3f}",
            kappa,
        )
    legend = Text("; ".join(f"{name}: {meaning}" for name, meaning in _LAYERS), style="dim")
    parts: list[RenderableType] = [head, table, legend]
    if result.disagreements and not details:
        kinds: dict[str, list[str]] = {}
        for item in result.disagreements:
            kinds.setdefault(item.kind, []).append(item.message)
        listing = Table(
            title=f"disagreements by kind ({len(result.disagreements)} in all; every one: --details)",
            title_justify="left",
        )
        listing.add_column("kind", overflow="fold")
        listing.add_column("count", justify="right", overflow="fold")
        listing.add_column(f"the first {EXAMPLES_SHOWN}", overflow="fold")
        for kind, messages in kinds.items():
            shown = "\n".join(messages[:EXAMPLES_SHOWN])
            more = f"\n(+{len(messages) - EXAMPLES_SHOWN} more)" if len(messages) > EXAMPLES_SHOWN else ""
            listing.add_row(kind, str(len(messages)), Text(shown + more))
        parts.append(listing)
    elif result.disagreements:
        listing = Table(title=f"disagreements ({len(result.disagreements)})", title_justify="left")
        listing.add_column("kind", overflow="fold")
        listing.add_column("what", overflow="fold")
        for item in result.disagreements:
            listing.add_row(item.kind, Text(item.message))
        parts.append(listing)
    else:
        parts.append(Text("no disagreements"))
    return Group(*parts)
