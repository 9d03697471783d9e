"""Drawing argument maps: DOT text; SVG, PNG or PDF laid out by Graphviz; a self-contained HTML page.

:mod:`~argmap.render.style` decides how each kind of statement and relation looks (and
each overlay mark), :mod:`~argmap.render.dot` turns a map into DOT text,
:mod:`~argmap.render.output` lays it out and writes files, :mod:`~argmap.render.html`
wraps the SVG in an interactive page. :mod:`~argmap.render.overlay` turns analysis
results into overlays, :mod:`~argmap.render.focus` cuts the neighbourhood of a statement
out of a large map, :mod:`~argmap.render.layout` chooses the layout engine, and
:mod:`~argmap.render.notebook` shows maps and results in Jupyter.

Examples
--------
>>> from argmap.model import ArgumentMap, Statement
>>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
>>> "digraph argmap" in to_dot(m)
True
>>> sorted(THEMES), FORMATS
(['dark', 'default', 'print'], ('svg', 'png', 'pdf', 'dot', 'html'))
"""

from argmap.render.dot import RenderOptions, to_dot
from argmap.render.layout import LayoutWarning
from argmap.render.notebook import Diagram, show
from argmap.render.output import FORMATS, render, render_bytes
from argmap.render.overlay import HIGHLIGHTS, Overlay, overlay_for
from argmap.render.style import THEMES

__all__ = [
    "FORMATS",
    "HIGHLIGHTS",
    "THEMES",
    "Diagram",
    "LayoutWarning",
    "Overlay",
    "RenderOptions",
    "overlay_for",
    "render",
    "render_bytes",
    "show",
    "to_dot",
]
