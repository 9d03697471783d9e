"""Drawing a map to bytes or to a file: SVG, PNG and PDF laid out in-process, DOT text, or HTML.

Layout runs Graphviz inside this process through ``pygraphviz``, so no ``dot``
program is needed. Graphviz (and Fontconfig under it) write warnings straight to the
process's standard error; :func:`render_bytes` captures that stream during layout,
drops it when layout succeeds and puts it in the :class:`~argmap.errors.OutputError`
when layout fails.

SVG, PNG, DOT and HTML output are the same bytes for the same map, options, overlay and
Graphviz version. PDF is not: cairo stamps each file with its creation time. HTML is the
SVG in a self-contained page (:mod:`argmap.render.html`).

Capturing standard error redirects file descriptor 2 of the whole process for the
duration of a layout, so layouts should not run in several threads at once.

Examples
--------
>>> from argmap.model import ArgumentMap, Statement
>>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
>>> render_bytes(m, "svg")[:5]
b'<?xml'
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pygraphviz

from argmap.errors import OutputError, UnknownFormatError
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions, dot_graph
from argmap.render.html import html_page
from argmap.render.layout import SCREEN
from argmap.render.overlay import Overlay
from argmap.render.style import get_theme
from argmap.source import SourceDocument
from argmap.writing import write_bytes_atomic

if TYPE_CHECKING:
    from argmap.analysis.results import Explanation

__all__ = ["FORMATS", "SUFFIXES", "format_for_path", "render", "render_bytes"]

FORMATS: tuple[str, ...] = ("svg", "png", "pdf", "dot", "html")
"""The output formats, by name."""

SUFFIXES: tuple[str, ...] = tuple(f".{name}" for name in FORMATS)
"""The file suffixes :func:`render` recognises (in any case)."""


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The output format a file name asks for, from its suffix (in any case).

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    str
        One of :data:`FORMATS`.

    Raises
    ------
    UnknownFormatError
        If the suffix is none of :data:`SUFFIXES`; the message lists them.

    Examples
    --------
    >>> format_for_path("map.SVG")
    'svg'
    >>> try:
    ...     format_for_path("map.jpeg")
    ... except UnknownFormatError as error:
    ...     print(error)
    unknown suffix '.jpeg' of 'map.jpeg'; known suffixes: .svg, .png, .pdf, .dot, .html
    """
    suffix = Path(path).suffix
    if suffix.lower() not in SUFFIXES:
        problem = f"unknown suffix {suffix!r} of" if suffix else "no suffix in"
        raise UnknownFormatError(f"{problem} {os.fspath(path)!r}; known suffixes: {', '.join(SUFFIXES)}")
    return suffix.lower()[1:]


def render_bytes(
    argument_map: ArgumentMap,
    format: str,
    options: RenderOptions | None = None,
    overlay: Overlay | None = None,
    source: SourceDocument | None = None,
    *,
    reload: float | None = None,
    explanations: Mapping[str, Explanation] | None = None,
) -> bytes:
    """The map drawn in ``format``.

    Parameters
    ----------
    argument_map : ArgumentMap
    format : str
        One of :data:`FORMATS`; ``"dot"`` gives the DOT text of
        :func:`argmap.render.to_dot` in UTF-8, ``"html"`` a self-contained page around the
        SVG (:mod:`argmap.render.html`), the others run Graphviz's layout.
    options : RenderOptions, optional
        Defaults to ``RenderOptions()``.
    overlay : Overlay, optional
        Findings of an analysis to draw over the map (:mod:`argmap.render.overlay`).
    source : SourceDocument, optional
        The document the spans point into: quoted in the side panel of ``"html"``; the
        other formats cannot show it and leave it out (check it against the map with
        :func:`argmap.load`).
    reload : float, optional
        For ``"html"``: the page reloads itself every ``reload`` seconds, keeping its view.
    explanations : mapping, optional
        For ``"html"``: explanations by statement id (:func:`argmap.analysis.explain_all`),
        shown in the side panel; the other formats leave them out.

    Returns
    -------
    bytes

    Raises
    ------
    UnknownFormatError
        If ``format`` is not one of :data:`FORMATS`; the message lists them.
    UsageError
        If ``options.theme`` names no theme.
    UnknownIdError
        If ``options.focus`` names no statement.
    OutputError
        If Graphviz fails; the message holds Graphviz's own, on one line.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
    >>> render_bytes(m, "png")[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    >>> render_bytes(m, "gif")
    Traceback (most recent call last):
    ...
    argmap.errors.UnknownFormatError: unknown format 'gif'; known formats: svg, png, pdf, dot, html
    """
    if format not in FORMATS:
        raise UnknownFormatError(f"unknown format {format!r}; known formats: {', '.join(FORMATS)}")
    options = options if options is not None else RenderOptions()
    graph = dot_graph(argument_map, options, overlay)
    if format == "dot":
        return graph.text.encode("utf-8")
    # Resolution matters only for raster output; in SVG and PDF it would rescale the drawing.
    dpi = get_theme(options.theme).raster_dpi if format == "png" else None
    drawing = _layout(
        graph.text, "svg" if format == "html" else format, dpi, graph.layout.engine, graph.layout.fit
    )
    if format != "html":
        return drawing
    svg = drawing.decode("utf-8")
    page = html_page(
        argument_map,
        graph.drawn,
        svg,
        get_theme(options.theme),
        overlay,
        source,
        graph.sides,
        reload,
        explanations,
    )
    return page.encode("utf-8")


def render(
    argument_map: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    options: RenderOptions | None = None,
    overlay: Overlay | None = None,
    source: SourceDocument | None = None,
    reload: float | None = None,
    explanations: Mapping[str, Explanation] | None = None,
) -> Path:
    """Draw the map into a file, replacing it atomically.

    The drawing goes to a temporary file in the same directory, which then replaces
    ``path``, so a reader never sees half a file and a failure leaves ``path`` as it was.

    Parameters
    ----------
    argument_map : ArgumentMap
    path : str or path-like
        The file to write.
    format : str, optional
        One of :data:`FORMATS`; by default taken from the suffix of ``path``.
    options : RenderOptions, optional
        Defaults to ``RenderOptions()``.
    overlay : Overlay, optional
        Findings of an analysis to draw over the map.
    source : SourceDocument, optional
        The document the spans point into, quoted in HTML only.
    reload : float, optional
        For HTML: the page reloads itself every ``reload`` seconds, keeping its view.
    explanations : mapping, optional
        For HTML: explanations by statement id, shown in the side panel.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    UnknownFormatError
        If ``format`` is not given and the suffix of ``path`` is none of
        :data:`SUFFIXES`, or ``format`` is not one of :data:`FORMATS`.
    UsageError
        If ``options.theme`` names no theme.
    UnknownIdError
        If ``options.focus`` names no statement.
    OutputError
        If Graphviz fails or the file cannot be written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from argmap.model import ArgumentMap, Statement
    >>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="A claim.")])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = render(m, pathlib.Path(tmp) / "map.svg")
    ...     out.name, out.read_bytes()[:5]
    ('map.svg', b'<?xml')
    """
    target = Path(path)
    chosen = format if format is not None else format_for_path(target)
    data = render_bytes(
        argument_map, chosen, options, overlay, source, reload=reload, explanations=explanations
    )
    write_bytes_atomic(target, data)
    return target


def _layout(dot: str, format: str, dpi: float | None, engine: str, fit: bool = False) -> bytes:
    """Run a Graphviz layout in-process, with its standard-error chatter captured.

    With ``fit``, the compact layout of :mod:`argmap.render.layout`: the best fit to the screen
    of the plain layout, the components packed, and the ranks compressed.
    """
    error: ValueError | None = None
    data = b""
    sys.stderr.flush()
    # pygraphviz itself writes to sys.stderr (a "layout may take a long time" note on big maps).
    chatter = io.StringIO()
    with tempfile.TemporaryFile() as captured, contextlib.redirect_stderr(chatter):
        saved = os.dup(2)
        try:
            os.dup2(captured.fileno(), 2)
            try:
                graph = _fitted(dot, engine) if fit else pygraphviz.AGraph(string=dot)
                if dpi is not None:
                    graph.graph_attr["dpi"] = f"{dpi:g}"
                data = graph.draw(format=format, prog=None if fit else engine)
            except ValueError as exc:  # pygraphviz's DotError and layout/render failures
                error = exc
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        captured.seek(0)
        messages = captured.read().decode("utf-8", errors="replace")
    if error is not None or not data:
        detail = " ".join(messages.split()) or str(error) or "no output"
        raise OutputError(f"Graphviz could not draw the map as {format}: {detail}") from error
    return bytes(data)


def _fitted(dot: str, engine: str) -> pygraphviz.AGraph:
    """The layout of ``dot`` that shows its text largest when fitted to :data:`SCREEN`, laid out.

    The candidates are the plain layout, the components packed in rows, and (when the plain
    layout is wider than the screen) the ranks compressed to the screen's aspect at the plain
    layout's height; ties go to the earlier one, so the choice is deterministic.
    """
    width, height = SCREEN
    plain = pygraphviz.AGraph(string=dot)
    plain.layout(prog=engine)
    best, best_scale = plain, _fit_scale(plain)
    candidates = []
    for mode in ("node", "graph"):
        packed = pygraphviz.AGraph(string=dot)
        packed.graph_attr.update(pack="true", packmode=mode)
        candidates.append(packed)
    left, bottom, right, top = (float(v) for v in plain.graph_attr["bb"].split(","))
    if (right - left) * height > (top - bottom) * width:
        tall = (top - bottom) / 72  # inches
        compressed = pygraphviz.AGraph(string=dot)
        compressed.graph_attr.update(ratio="compress", size=f"{tall * width / height:.3f},{tall:.3f}")
        candidates.append(compressed)
    for candidate in candidates:
        candidate.layout(prog=engine)
        scale = _fit_scale(candidate)
        if scale > best_scale:
            best, best_scale = candidate, scale
    return best


def _fit_scale(graph: pygraphviz.AGraph) -> float:
    """How much a laid-out graph's drawing is scaled to fit :data:`SCREEN` (its ``size`` included)."""
    left, bottom, right, top = (float(v) for v in graph.graph_attr["bb"].split(","))
    drawn_width, drawn_height = max(right - left, 1.0), max(top - bottom, 1.0)
    shrink = 1.0
    size = graph.graph_attr.get("size")
    if size:
        limit_width, limit_height = (float(v) * 72 for v in size.rstrip("!").split(","))
        shrink = min(1.0, limit_width / drawn_width, limit_height / drawn_height)
    width, height = SCREEN
    return shrink * min(width / drawn_width, height / drawn_height)
