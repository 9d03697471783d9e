"""Drawing argument maps: DOT text, and SVG, PNG or PDF laid out by Graphviz.

:mod:`~argmap.render.style` decides how each kind of statement and relation looks,
:mod:`~argmap.render.dot` turns a map into DOT text, and :mod:`~argmap.render.output`
lays it out and writes files.

Examples
--------
>>> from argmap.model import ArgumentMap, Statement
>>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
>>> "digraph argmap" in to_dot(m)
True
>>> sorted(THEMES), FORMATS
(['default'], ('svg', 'png', 'pdf', 'dot'))
"""

from argmap.render.dot import RenderOptions, to_dot
from argmap.render.output import FORMATS, render, render_bytes
from argmap.render.style import THEMES

__all__ = ["FORMATS", "THEMES", "RenderOptions", "render", "render_bytes", "to_dot"]
