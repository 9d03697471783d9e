"""Maps and results in Jupyter: what displays how.

=======================================  ==================================================
object                                   displays as
=======================================  ==================================================
:class:`~argmap.ArgumentMap`             its diagram, SVG (``_repr_svg_``)
``show(m)``, ``show(m, result, ...)``    a :class:`Diagram`: the map's SVG, with the result
                                         drawn over it as an overlay (and a legend)
an analysis result (``Analysis``,        an HTML table of what it holds, and plain text
``SupportChains``, ``WeakLink``...)      (``_repr_mimebundle_``): a result does not hold
                                         the map it was computed on, so it cannot draw it;
                                         ``show(m, result)`` does
=======================================  ==================================================

Examples
--------
>>> from argmap.model import ArgumentMap, Statement
>>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
>>> show(m)._repr_svg_()[:4]
'<svg'
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from argmap.display import register_display
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.output import render, render_bytes
from argmap.render.overlay import Overlay, overlay_for

if TYPE_CHECKING:
    from argmap.render.overlay import Result

__all__ = ["Diagram", "map_svg", "result_bundle", "show"]


@dataclass(frozen=True)
class Diagram:
    """A map drawn with its options and overlay, shown as SVG by Jupyter.

    Attributes
    ----------
    map : ArgumentMap
    options : RenderOptions
    overlay : Overlay or None
    """

    map: ArgumentMap
    options: RenderOptions
    overlay: Overlay | None = None

    def svg(self) -> str:
        """The SVG element of the drawing (no XML declaration), as Jupyter embeds it."""
        return _svg_element(render_bytes(self.map, "svg", self.options, self.overlay))

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the drawing to ``path`` in the format its suffix names (:func:`argmap.render.render`)."""
        return render(self.map, path, options=self.options, overlay=self.overlay)

    def _repr_svg_(self) -> str:
        return self.svg()

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None, **kwargs: object
    ) -> dict[str, str]:
        return {"image/svg+xml": self.svg(), "text/plain": repr(self)}

    def __repr__(self) -> str:
        over = f", highlight={self.overlay.highlight!r}" if self.overlay is not None else ""
        return f"<Diagram of {self.map.title!r}: {len(self.map.statements)} statements{over}>"


def show(
    argument_map: ArgumentMap,
    result: Result | None = None,
    highlight: str | None = None,
    *,
    chain: int | None = None,
    **options: Any,
) -> Diagram:
    """A map, with a result drawn over it, ready to display in a notebook or save.

    Parameters
    ----------
    argument_map : ArgumentMap
    result : optional
        An analysis result about ``argument_map`` (see :func:`argmap.render.overlay.overlay_for`).
    highlight : str, optional
        What of the result to draw; required for an ``Analysis``.
    chain : int, optional
        For ``chains``: only this chain.
    **options
        Fields of :class:`~argmap.render.RenderOptions`, such as ``rankdir="LR"`` or ``focus="C3"``.

    Returns
    -------
    Diagram

    Raises
    ------
    UsageError
        If ``highlight`` does not fit ``result`` (see :func:`~argmap.render.overlay.overlay_for`).
    pydantic.ValidationError
        If ``options`` holds an unknown field or a bad value.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement
    >>> from argmap.analysis.results import Strength
    >>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
    >>> diagram = show(m, Strength(model="df-quad", scores={"C": 0.5}), rankdir="LR")
    >>> diagram
    <Diagram of 'One': 1 statements, highlight='strength'>
    >>> "0.50" in diagram.svg()
    True
    """
    overlay = overlay_for(argument_map, result, highlight, chain=chain) if result is not None else None
    return Diagram(argument_map, RenderOptions.model_validate(options), overlay)


def map_svg(argument_map: ArgumentMap) -> str:
    """The map's diagram with default options, as an SVG element: what a notebook shows for a map.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement
    >>> map_svg(ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="c")]))[:4]
    '<svg'
    """
    return Diagram(argument_map, RenderOptions()).svg()


def result_bundle(result: BaseModel) -> dict[str, str]:
    """How a notebook shows an analysis result: an HTML table of its fields, and plain text.

    Every value is escaped; lists of records become nested tables.

    Parameters
    ----------
    result : pydantic.BaseModel
        An analysis result.

    Returns
    -------
    dict
        ``{"text/html": ..., "text/plain": ...}``.

    Examples
    --------
    >>> from argmap.analysis.results import Strength
    >>> bundle = result_bundle(Strength(model="<df-quad>", scores={"C": 0.5}))
    >>> "&lt;df-quad&gt;" in bundle["text/html"], bundle["text/plain"][:8]
    (True, 'Strength')
    """
    body = _html_value(result.model_dump(mode="json"))
    caption = f"<caption>{html.escape(type(result).__name__)}</caption>"
    table = body.replace("<table>", f"<table>{caption}", 1)
    bundle = {"text/html": table, "text/plain": repr(result)}
    argument_map = getattr(result, "_argument_map", None)
    highlight = _DRAWN_AS.get(type(result).__name__)
    if argument_map is not None and highlight is not None:
        svg = show(argument_map, result, highlight).svg()  # type: ignore[arg-type]
        bundle["image/svg+xml"] = svg
        bundle["text/html"] = svg + table
    return bundle


# How a result that knows its map is drawn over it (an Analysis shows its weak links).
_DRAWN_AS = {
    "Analysis": "weak-links",
    "SupportChains": "chains",
    "Acceptability": "acceptability",
    "Strength": "strength",
    "Explanation": "flips",
}


def _html_value(value: Any) -> str:
    if isinstance(value, dict):
        rows = "".join(
            f"<tr><th>{html.escape(str(k))}</th><td>{_html_value(v)}</td></tr>" for k, v in value.items()
        )
        return f"<table>{rows}</table>"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        keys = list(dict.fromkeys(k for v in value for k in v))
        head = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
        rows = "".join(
            "<tr>" + "".join(f"<td>{_html_value(v.get(k, ''))}</td>" for k in keys) + "</tr>" for v in value
        )
        return f"<table><tr>{head}</tr>{rows}</table>"
    if isinstance(value, list):
        return html.escape("; ".join(_plain(v) for v in value))
    return html.escape(_plain(value))


def _plain(value: Any) -> str:
    """A value in words: a list inside a list (a chain, an edge) is joined by arrows."""
    if isinstance(value, list):
        return " → ".join(_plain(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _svg_element(svg: bytes) -> str:
    text = svg.decode("utf-8")
    return text[text.find("<svg") :]


register_display("map", lambda argument_map: {"image/svg+xml": map_svg(argument_map)})
register_display("result", result_bundle)
