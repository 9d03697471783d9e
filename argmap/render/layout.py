"""Which Graphviz layout engine draws a map: ``dot`` while it is quick, ``sfdp`` beyond.

``dot`` draws argument maps best (layered, reasons below their conclusions, sections as
clusters), but its time grows faster than the map: on the synthetic maps of
``bench/render.py`` (``docs/benchmarks.md``) a map to SVG takes about 1 s at 2,000
statements plus relations, 3.4 s at 3,000, 5 s at 4,600 and 17 s at 6,000, where ``sfdp``
(force-directed, multilevel) takes 1 to 2 s. So above :data:`DOT_LIMIT` statements plus relations,
``engine="auto"`` picks ``sfdp`` and says so with a :class:`LayoutWarning`. The
bundled Graphviz has no triangulation library, so ``sfdp`` removes node overlaps by
scaling the layout (``overlap=scale``): slower alternatives take minutes. ``sfdp`` knows no
ranks or clusters: ``rankdir`` and sections are not used there, and the warning says so.
Every statement is drawn either way.

The ``compact`` layout (the default of :class:`~argmap.render.RenderOptions`) fits a map of
an article's size to a landscape screen. ``dot`` alone draws each rank in one row, so a claim
with many reasons, or a map of many small components (dialogue maps), becomes a strip many
times wider than tall. :func:`argmap.render.output.render_bytes` lays such a map out twice
more and keeps whichever fits a :data:`SCREEN` best at the same scale: with its components
packed in rows (``pack``, ``packmode=array_u``), or with its ranks compressed towards the
screen's aspect (``ratio=compress`` with a ``size`` of the first layout's height), which
moves nodes sideways and between ranks rather than shrinking text. Section clusters stop
both, so the compact layout draws no clusters unless asked. Beyond :data:`FIT_LIMIT`
statements plus relations no screen shows text readably, and the map is drawn as ``dot``
lays it out. The measurements that chose this are in ``docs/benchmarks.md``.

Examples
--------
>>> from argmap.model import ArgumentMap, Statement
>>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="c")])
>>> choose_engine(m, "auto")
Layout(engine='dot', reason=None, fit=False)
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import UsageError
from argmap.model import ArgumentMap

__all__ = ["DOT_LIMIT", "ENGINES", "FIT_LIMIT", "SCREEN", "Layout", "LayoutWarning", "choose_engine"]

ENGINES: tuple[str, ...] = ("auto", "dot", "sfdp")
"""The layout engines :class:`~argmap.render.RenderOptions` accepts."""

DOT_LIMIT = 3000
"""Statements plus relations above which ``auto`` lays out with ``sfdp`` (see ``docs/benchmarks.md``)."""


FIT_LIMIT = 600
"""Statements plus relations up to which the ``compact`` layout fits the map to :data:`SCREEN`."""

SCREEN: tuple[float, float] = (1920.0, 1080.0)
"""The landscape screen, in pixels, that the ``compact`` layout fits a map to."""


class LayoutWarning(UserWarning):
    """A map was laid out differently from what was asked, and the diagram shows it."""


@dataclass(frozen=True)
class Layout:
    """The engine chosen, and why, when it is not the one asked for; ``fit``: fit it to :data:`SCREEN`."""

    engine: str
    reason: str | None = None
    fit: bool = False


def choose_engine(argument_map: ArgumentMap, engine: str = "auto") -> Layout:
    """The Graphviz engine to lay ``argument_map`` out with.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map as it will be drawn (after any focus).
    engine : {"auto", "dot", "sfdp"}
        ``auto`` takes ``dot`` up to :data:`DOT_LIMIT` statements plus relations, ``sfdp``
        above; the others are taken as given.

    Returns
    -------
    Layout
        ``reason`` is set when ``auto`` chose ``sfdp``: a sentence for a warning.

    Raises
    ------
    UsageError
        If ``engine`` is none of :data:`ENGINES`.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement
    >>> big = ArgumentMap(title="Big", statements=[
    ...     Statement(id=f"S{i}", kind="premise", text="p") for i in range(DOT_LIMIT + 1)])
    >>> layout = choose_engine(big)
    >>> layout.engine, layout.reason.split(":")[0]
    ('sfdp', 'the map has 3001 statements and 0 relations')
    >>> choose_engine(big, "dot").engine
    'dot'
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown layout engine {engine!r}; known engines: {', '.join(ENGINES)}")
    if engine != "auto":
        return Layout(engine)
    statements, relations = len(argument_map.statements), len(argument_map.relations)
    if statements + relations <= DOT_LIMIT:
        return Layout("dot")
    return Layout(
        "sfdp",
        f"the map has {statements} statements and {relations} relations: more than {DOT_LIMIT} "
        "together, so it is laid out with sfdp instead of dot (which would take too long); "
        "sfdp ignores rankdir and does not draw sections",
    )
