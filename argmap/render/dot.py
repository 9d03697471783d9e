"""Argument maps as DOT text, built with the ``graphviz`` package and laid out by nothing.

:func:`to_dot` only writes text; :mod:`argmap.render.output` runs Graphviz on it. The
diagram has

* one node per statement, named by the statement's id, in map order, with the SVG id
  ``s-<id>`` and the SVG classes ``statement`` and its kind (and ``main-claim``);
* one edge per single-source relation, from its source to its target;
* for a linked relation, and for every relation an undercut attacks, a small
  *junction* node named by the relation's id (SVG id ``j-<id>``, class ``junction``):
  one line from each source into it and one arrow from it to the target, so that the
  premises visibly join into one inference and an undercut has an inference to hit;
* a cluster per ``section`` (SVG id ``section-<n>``, class ``section``), in order of
  first use, when ``sections`` is on and the layout is ``dot``;
* when asked, a legend cluster (SVG class ``legend``), not connected to the map, and, with
  an overlay, a second one (SVG id ``overlay-legend``) explaining the overlay's marks.

An :class:`~argmap.render.overlay.Overlay` adds its marks: a marked statement or relation
gets the class ``mark-<mark>`` and the theme's look for that mark, its badges are drawn
under its text, and a fill replaces the kind's fill. With ``focus``, only the
neighbourhood of a statement is drawn (:func:`argmap.render.focus.neighbourhood`), and a
statement with relations left out says how many.

DOT syntax is quoted by the ``graphviz`` package; map text is escaped with
:func:`graphviz.escape` and :func:`html.escape` against Graphviz's own readings of
labels and tooltips, so it is drawn literally and never becomes DOT syntax.
Themes (:mod:`argmap.render.style`) decide every colour, shape and line.

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Statement
>>> m = ArgumentMap(
...     title="Umbrella",
...     main_claim="C",
...     statements=[
...         Statement(id="C", kind="claim", text="Take an umbrella."),
...         Statement(id="P", kind="premise", text="It will rain."),
...     ],
...     relations=[Relation(type="support", sources="P", to="C")],
... )
>>> dot = to_dot(m, RenderOptions(legend=False))
>>> print(dot.splitlines()[0])
digraph argmap {
>>> [line.split(" [")[0].strip() for line in dot.splitlines() if "->" in line]
['P -> C']
"""

from __future__ import annotations

import html
import textwrap
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from itertools import pairwise
from typing import Literal

import graphviz
from pydantic import BaseModel, ConfigDict, Field

from argmap.analysis.stance import stance
from argmap.escape import visible_controls
from argmap.model import STATEMENT_KINDS, ArgumentMap, Relation, Statement, default_claim
from argmap.render.focus import neighbourhood
from argmap.render.layout import FIT_LIMIT, Layout, LayoutWarning, choose_engine
from argmap.render.overlay import Badge, EdgeMark, LegendEntry, NodeMark, Overlay
from argmap.render.style import MarkLook, NodeLook, Theme, get_theme, mix

__all__ = ["DotGraph", "RenderOptions", "dot_graph", "to_dot", "wrap_text"]

_LEGEND = "cluster_legend"
# Legend node names hold a "/", which no statement or relation id may contain.
_LEGEND_PREFIX = "legend/"
_JUNCTION_GLYPH = "&#9679;"  # a black circle, as the junction points are drawn


class RenderOptions(BaseModel):
    """What to draw and how, independent of the output format.

    Parameters
    ----------
    rankdir : {"BT", "TB", "LR", "RL"}
        Direction of the arrows. The default, ``"BT"``, puts premises below what they
        support, the usual orientation of an argument map.
    wrap : int
        Statement text is wrapped at this many characters per line.
    theme : str
        A key of :data:`argmap.render.style.THEMES`; checked when the map is drawn.
    legend : bool
        Whether to draw a legend of the kinds and relation types the map uses.
    show_ids : bool
        Whether each statement's id is drawn above its text.
    stance : bool
        Whether each statement's side of the main claim is drawn
        (:func:`argmap.analysis.stance`): a statement arguing against it has a dashed border
        and ``con`` after its id, one that both paths disagree on a dotted border and
        ``pro & con``; a reply to an objection is drawn like any other reason for the claim.
    layout : {"compact", "wide"}
        ``compact`` (the default) fits the picture to a landscape screen: components packed
        in rows and the ranks compressed towards 16:9 (:mod:`argmap.render.layout`);
        ``wide`` is Graphviz's plain layered drawing, sections as clusters side by side.
    sections : bool or None
        Whether the statements of each ``section`` are drawn inside a cluster; ``None``
        (the default) draws them in the ``wide`` layout only, since clusters keep the
        ``compact`` layout from packing the map.
    focus : str or None
        Draw only the statements within ``depth`` relations of this one.
    depth : int
        The radius of ``focus``, in relations.
    engine : {"auto", "dot", "sfdp"}
        The Graphviz layout engine; ``auto`` takes ``dot`` unless the map is too big for
        it (:func:`argmap.render.layout.choose_engine`).

    Examples
    --------
    >>> RenderOptions(rankdir="LR").wrap
    28
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    rankdir: Literal["TB", "BT", "LR", "RL"] = "BT"
    wrap: int = Field(default=28, ge=1)
    theme: str = "default"
    legend: bool = True
    show_ids: bool = True
    stance: bool = True
    layout: Literal["compact", "wide"] = "compact"
    sections: bool | None = None
    focus: str | None = None
    depth: int = Field(default=1, ge=0)
    engine: Literal["auto", "dot", "sfdp"] = "auto"


def wrap_text(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters.

    Line breaks in ``text`` count as spaces; a word longer than ``width`` is split.

    Parameters
    ----------
    text : str
    width : int
        Positive.

    Returns
    -------
    list of str
        At least one line.

    Examples
    --------
    >>> wrap_text("Premises are drawn below the claim they support.", 20)
    ['Premises are drawn', 'below the claim they', 'support.']
    """
    return textwrap.wrap(text, width) or [text.strip()]


@dataclass(frozen=True)
class DotGraph:
    """DOT text and what it draws: the map after any focus, and the layout engine."""

    text: str
    drawn: ArgumentMap
    layout: Layout
    sides: Mapping[str, str] = dataclass_field(default_factory=dict)


def to_dot(
    argument_map: ArgumentMap, options: RenderOptions | None = None, overlay: Overlay | None = None
) -> str:
    """The map as DOT source text, ready for Graphviz.

    The same map, options and overlay always give the same text, byte for byte. The
    graph's ``layout`` attribute names the engine; when ``auto`` chooses ``sfdp`` for a
    big map (:func:`argmap.render.layout.choose_engine`), a
    :class:`~argmap.render.layout.LayoutWarning` says so.

    Parameters
    ----------
    argument_map : ArgumentMap
    options : RenderOptions, optional
        Defaults to ``RenderOptions()``.
    overlay : Overlay, optional
        Findings to draw over the map (:mod:`argmap.render.overlay`); marks on statements
        and relations that ``focus`` leaves out are not drawn.

    Returns
    -------
    str
        A ``digraph`` as the module documentation describes.

    Raises
    ------
    UsageError
        If ``options.theme`` names no theme; the message lists the known ones.
    UnknownIdError
        If ``options.focus`` names no statement.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="Linked",
    ...     statements=[Statement(id=i, kind="premise", text=i) for i in ("A", "B", "C")],
    ...     relations=[Relation(id="R", type="support", sources=["A", "B"], to="C")],
    ... )
    >>> dot = to_dot(m, RenderOptions(legend=False))
    >>> [line.split(" [")[0].strip() for line in dot.splitlines() if "->" in line]
    ['A -> R', 'B -> R', 'R -> C']
    """
    return dot_graph(argument_map, options, overlay).text


def dot_graph(
    argument_map: ArgumentMap, options: RenderOptions | None = None, overlay: Overlay | None = None
) -> DotGraph:
    """The DOT text of :func:`to_dot`, with the map it draws and the engine to lay it out.

    Parameters and errors are those of :func:`to_dot`.

    Returns
    -------
    DotGraph

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="Chain",
    ...     statements=[Statement(id=i, kind="premise", text=i) for i in ("A", "B", "C")],
    ...     relations=[
    ...         Relation(type="support", sources="A", to="B"),
    ...         Relation(type="support", sources="B", to="C"),
    ...     ],
    ... )
    >>> graph = dot_graph(m, RenderOptions(focus="A", depth=1))
    >>> [s.id for s in graph.drawn.statements], graph.layout.engine
    (['A', 'B'], 'dot')
    """
    options = options if options is not None else RenderOptions()
    theme = get_theme(options.theme)
    sides: Mapping[str, str] = {}
    if options.stance and argument_map.statements:
        sides = stance(argument_map, default_claim(argument_map)).sides
    hidden: Mapping[str, int] = {}
    if options.focus is not None:
        near = neighbourhood(argument_map, options.focus, options.depth)
        argument_map, hidden = near.map, near.hidden
    layout = choose_engine(argument_map, options.engine)
    size = len(argument_map.statements) + len(argument_map.relations)
    if options.layout == "compact" and layout.engine == "dot" and size <= FIT_LIMIT:
        layout = Layout(layout.engine, layout.reason, fit=True)
    if layout.reason is not None:
        warnings.warn(LayoutWarning(layout.reason), stacklevel=3)
    node_marks = overlay.nodes if overlay is not None else {}
    edge_marks = overlay.edges if overlay is not None else {}
    graph = graphviz.Digraph(
        name="argmap",
        graph_attr=_graph_attributes(argument_map, options, theme, layout),
        node_attr={
            "fontname": theme.fontname,
            "fontsize": _number(theme.fontsize),
            "fontcolor": theme.fontcolor,
            "margin": theme.node_margin,
        },
        edge_attr={"fontname": theme.fontname, "fontsize": _number(theme.legend_fontsize)},
    )
    clusters = options.sections if options.sections is not None else options.layout == "wide"
    sections = _sections(argument_map) if clusters and layout.engine == "dot" else {}
    joined = _junction_ids(argument_map)
    junctions = [r for r in argument_map.relations if r.key in joined]
    # A junction joining statements of one section is drawn inside that section's cluster.
    homes = {r.key: _common_section(argument_map, r) for r in junctions}
    for index, name in enumerate(sections):
        with graph.subgraph(name=f"cluster_section_{index}") as cluster:
            cluster.attr(
                label=_plain_text(name),
                labeljust="l",
                labelloc="b" if options.rankdir == "BT" else "t",  # BT turns cluster labels upside down
                style="rounded,filled",
                color=theme.section_color,
                fillcolor=theme.section_fill,
                fontsize=_number(theme.legend_fontsize + 1),
                fontcolor=theme.id_fontcolor,
                id=f"section-{index}",
                _attributes={"class": "section"},
            )
            for statement in sections[name]:
                _add_statement(cluster, statement, argument_map, options, theme, node_marks, hidden, sides)
            for relation in junctions:
                if homes[relation.key] == name:
                    _add_junction(cluster, relation, theme, edge_marks.get(relation.key))
    for statement in argument_map.statements:
        if statement.section not in sections:
            _add_statement(graph, statement, argument_map, options, theme, node_marks, hidden, sides)
    for relation in junctions:
        if homes[relation.key] not in sections:
            _add_junction(graph, relation, theme, edge_marks.get(relation.key))
    for relation in argument_map.relations:
        _add_relation(
            graph,
            relation,
            relation.key in joined,
            argument_map.is_undercut(relation),
            theme,
            edge_marks.get(relation.key),
        )
    if options.legend and argument_map.statements:
        first = _add_legend(graph, argument_map, options, theme, sides)
        drawn = {s.id for s in argument_map.statements} | {r.key for r in argument_map.relations}
        entries = (
            [e for e in overlay.legend if not e.ids or drawn & set(e.ids)] if overlay is not None else []
        )
        if overlay is not None and (entries or overlay.notes):
            below = _add_overlay_legend(graph, overlay, entries, options, theme)
            # Stack the two legends (two ranks apart, so their clusters cannot share a rank)
            # rather than set them side by side, which would double the drawing's width.
            graph.edge(below, first, _attributes={"style": "invis", "minlen": "2"})
    return DotGraph(text=graph.source, drawn=argument_map, layout=layout, sides=sides)


def _sections(argument_map: ArgumentMap) -> dict[str, list[Statement]]:
    """The statements of each section, sections in order of first use."""
    sections: dict[str, list[Statement]] = {}
    for statement in argument_map.statements:
        if statement.section is not None:
            sections.setdefault(statement.section, []).append(statement)
    return sections


def _common_section(argument_map: ArgumentMap, relation: Relation) -> str | None:
    """The section all the statements a relation joins share, if they do."""
    ends = [*relation.sources, relation.to]
    if not all(argument_map.has_statement(end) for end in ends):
        return None
    found = {argument_map.statement(end).section for end in ends}
    return found.pop() if len(found) == 1 else None


def _graph_attributes(
    argument_map: ArgumentMap, options: RenderOptions, theme: Theme, layout: Layout
) -> dict[str, str]:
    attributes = {
        "layout": layout.engine,
        "rankdir": options.rankdir,
        "bgcolor": theme.background,
        "fontname": theme.fontname,
        "fontsize": _number(theme.title_fontsize),
        "fontcolor": theme.fontcolor,
        "nodesep": _number(theme.nodesep),
        "ranksep": _number(theme.ranksep),
        "pad": _number(theme.pad),
    }
    if layout.engine == "sfdp":
        # The bundled Graphviz lacks the triangulation library of the default overlap removal;
        # scaling is the fast method it has (see argmap.render.layout).
        attributes |= {"overlap": "scale"}
    title = _plain_text(argument_map.title) if argument_map.title.strip() else ""
    if options.focus is not None:
        around = f"around {options.focus}, within {options.depth} relation{'s' if options.depth != 1 else ''}"
        title = f"{title}\\n({_plain_text(around)})" if title else f"({_plain_text(around)})"
    if title:
        attributes |= {"label": title, "labelloc": "t"}
    return attributes


def _junction_ids(argument_map: ArgumentMap) -> set[str]:
    """Ids of the relations drawn through a junction: linked ones, and those undercut."""
    linked = {r.key for r in argument_map.relations if r.linked}
    undercut = {r.to for r in argument_map.relations if argument_map.is_undercut(r)}
    return linked | undercut


def _add_statement(
    graph: graphviz.Digraph,
    statement: Statement,
    argument_map: ArgumentMap,
    options: RenderOptions,
    theme: Theme,
    node_marks: Mapping[str, NodeMark],
    hidden: Mapping[str, int],
    sides: Mapping[str, str],
) -> None:
    look = theme.node(statement.kind)
    side = sides.get(statement.id)
    classes = ["statement", statement.kind, *([f"side-{side}"] if side is not None else [])]
    attributes = _node_look(look)
    if side is not None and side in theme.side_styles:
        attributes["style"] = f"{look.style},{theme.side_styles[side]}"
    if statement.id == argument_map.main_claim:
        classes.append("main-claim")
        attributes |= _emphasis(look, theme)
    if statement.id == options.focus:
        classes.append("focus")
    mark = node_marks.get(statement.id, NodeMark())
    if mark.mark is not None:
        classes.append(f"mark-{mark.mark}")
        attributes |= _marked_node(theme.mark(mark.mark), look, theme)
    if mark.fill is not None:
        attributes["fillcolor"] = mix(theme.strength_low, theme.strength_high, mark.fill)
    attributes |= {
        "tooltip": _tooltip(statement.text),
        "id": graphviz.escape(f"s-{statement.id}"),
        "class": " ".join(classes),
    }
    label = _statement_label(
        statement,
        options,
        theme,
        mark.badges,
        hidden.get(statement.id, 0),
        side if side in theme.side_styles else None,
    )
    graph.node(statement.id, label=label, _attributes=attributes)


def _marked_node(mark: MarkLook, look: NodeLook, theme: Theme) -> dict[str, str]:
    if mark.faded:
        return {"color": theme.faded_color, "fillcolor": theme.faded_fill, "fontcolor": theme.faded_fontcolor}
    return {"color": mark.color, "penwidth": _number(max(look.penwidth, mark.penwidth))}


def _statement_label(
    statement: Statement,
    options: RenderOptions,
    theme: Theme,
    badges: tuple[Badge, ...],
    hidden: int,
    side: str | None = None,
) -> str:
    """An HTML-like label: the id, small and bold (with the side, when it is not pro), over
    the wrapped text; then badges and the count of relations not shown, if any."""
    lines = [_html_text(line) for line in wrap_text(statement.text, options.wrap)]
    if options.show_ids or side is not None:
        head = _html_text(statement.id) if options.show_ids else ""
        if side is not None:
            name = theme.side_names[side].split(":")[0]
            head = f"{head} · {_html_text(name)}" if head else _html_text(name)
        lines.insert(
            0,
            f'<FONT POINT-SIZE="{_number(theme.id_fontsize)}" COLOR="{html.escape(theme.id_fontcolor)}">'
            f"<B>{head}</B></FONT>",
        )
    text = "<BR/>".join(lines)
    if not badges and not hidden:
        return f"<{text}>"
    rows = [text, *(_badge(badge.text, theme.mark(badge.mark), theme) for badge in badges)]
    if hidden:
        more = f"+{hidden} relation{'s' if hidden != 1 else ''} not shown"
        rows.append(
            f'<FONT POINT-SIZE="{_number(theme.id_fontsize)}" COLOR="{html.escape(theme.id_fontcolor)}">'
            f"<I>{_html_text(more)}</I></FONT>"
        )
    return _table(rows)


def _table(cells: list[str]) -> str:
    """An HTML-like label of one column: each cell a row (a cell starting with <TD is taken as is)."""
    rows = "".join(f"<TR>{c if c.startswith('<TD') else f'<TD>{c}</TD>'}</TR>" for c in cells)
    return f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="0">{rows}</TABLE>>'


def _badge(text: str, mark: MarkLook, theme: Theme) -> str:
    """A table cell drawn as a small box of bold text in the mark's badge look."""
    return (
        f'<TD BORDER="1" STYLE="{mark.badge_style}" COLOR="{html.escape(mark.color)}" '
        f'BGCOLOR="{html.escape(mark.badge_fill)}" CELLPADDING="3">'
        f'<FONT POINT-SIZE="{_number(theme.id_fontsize)}" COLOR="{html.escape(mark.badge_fontcolor)}">'
        f"<B>{_html_text(text)}</B></FONT></TD>"
    )


def _node_look(look: NodeLook) -> dict[str, str]:
    return {
        "shape": look.shape,
        "style": look.style,
        "color": look.color,
        "fillcolor": look.fillcolor,
        "penwidth": _number(look.penwidth),
    }


def _emphasis(look: NodeLook, theme: Theme) -> dict[str, str]:
    emphasis = theme.main_claim
    return {
        "peripheries": str(emphasis.peripheries),
        "penwidth": _number(max(look.penwidth, emphasis.penwidth)),
        "fontsize": _number(emphasis.fontsize),
    }


def _add_junction(graph: graphviz.Digraph, relation: Relation, theme: Theme, mark: EdgeMark | None) -> None:
    """The dot where a linked relation's premises meet, and where undercuts of it strike."""
    look = theme.edge(relation.type)
    color = _marked_line(mark, look.penwidth, theme).get("color", look.color)
    graph.node(
        relation.key,
        label="",
        _attributes={
            "shape": "point",
            "width": _number(theme.junction_size),
            "color": color,
            "fillcolor": color,
            "tooltip": _tooltip(_describe(relation)),
            "id": graphviz.escape(f"j-{relation.key}"),
            "class": " ".join(["junction", relation.type, *_mark_class(mark)]),
        },
    )


def _add_relation(
    graph: graphviz.Digraph,
    relation: Relation,
    via_junction: bool,
    is_undercut: bool,
    theme: Theme,
    mark: EdgeMark | None,
) -> None:
    """The lines of a relation: one arrow, or a line from each source into its junction and an arrow out."""
    look = theme.edge(relation.type)
    plain = {"color": look.color, "style": look.style, "penwidth": _number(look.penwidth)}
    marked = plain | _marked_line(mark, look.penwidth, theme)
    extra = _mark_class(mark)
    tooltip = _tooltip(_describe(relation))
    arrow = marked | {
        "arrowhead": look.arrowhead,
        "arrowsize": _number(look.arrowsize),
        "tooltip": tooltip,
        "id": graphviz.escape(f"e-{relation.key}"),
        "class": " ".join(["relation", relation.type, *(["undercut"] if is_undercut else []), *extra]),
    }
    if mark is not None and mark.label:
        arrow |= {"label": _plain_text(mark.label), "fontcolor": marked["color"]}
    if not via_junction:
        graph.edge(relation.sources[0], relation.to, _attributes=arrow)
        return
    other = EdgeMark(mark=mark.other_links) if mark is not None and mark.other_links else None
    for index, source in enumerate(relation.sources):
        on = mark is not None and (mark.links is None or source in mark.links)
        link_mark = mark if on else other
        graph.edge(
            source,
            relation.key,
            _attributes=plain
            | _marked_line(link_mark, look.penwidth, theme)
            | {
                "arrowhead": "none",
                "tooltip": tooltip,
                "id": graphviz.escape(f"e-{relation.key}-{index}"),
                "class": " ".join(["link", relation.type, *_mark_class(link_mark)]),
            },
        )
    graph.edge(relation.key, relation.to, _attributes=arrow)


def _mark_class(mark: EdgeMark | None) -> list[str]:
    return [f"mark-{mark.mark}"] if mark is not None and mark.mark is not None else []


def _marked_line(mark: EdgeMark | None, penwidth: float, theme: Theme) -> dict[str, str]:
    """Colour and width of a relation's lines under an overlay mark."""
    attributes: dict[str, str] = {}
    if mark is None:
        return attributes
    if mark.mark is not None:
        look = theme.mark(mark.mark)
        color, width = (theme.faded_color, 1.0) if look.faded else (look.color, max(penwidth, look.penwidth))
        attributes |= {"color": color, "penwidth": _number(width)}
    if mark.width is not None:
        attributes["penwidth"] = _number(round(0.5 + 4.5 * mark.width, 2))
    return attributes


def _describe(relation: Relation) -> str:
    """A relation in words, for its tooltip."""
    text = f"{' + '.join(relation.sources)} {relation.type}s {relation.to}"
    return f"{text} ({relation.scheme})" if relation.scheme else text


def _add_legend(
    graph: graphviz.Digraph,
    argument_map: ArgumentMap,
    options: RenderOptions,
    theme: Theme,
    sides: Mapping[str, str],
) -> str:
    """A cluster explaining the kinds, relation types and junctions the map uses.

    The entries stand in one row (one rank, a column when the arrows run sideways); the
    name of each relation type is reached by an arrow of its look from the next rank.
    """
    kinds = {s.kind for s in argument_map.statements}
    types = {r.type for r in argument_map.relations}
    junctions = any(r.linked or argument_map.is_undercut(r) for r in argument_map.relations)
    main = argument_map.statement(argument_map.main_claim) if argument_map.main_claim else None
    with graph.subgraph(name=_LEGEND) as legend:
        legend.attr(
            label="Legend",
            labelloc="b" if options.rankdir == "BT" else "t",  # BT turns cluster labels upside down
            style="rounded",
            color=theme.legend_color,
            fontsize=_number(theme.legend_fontsize + 1),
            id="legend",
            _attributes={"class": "legend"},
        )
        legend.attr("node", fontsize=_number(theme.legend_fontsize), margin=theme.legend_node_margin)
        row: list[str] = []
        if main is not None:
            look = theme.node(main.kind)
            row.append(
                _legend_node(
                    legend, "main-claim", theme.main_claim.name, _node_look(look) | _emphasis(look, theme)
                )
            )
        for kind in (k for k in STATEMENT_KINDS if k in kinds):
            look = theme.node(kind)
            row.append(_legend_node(legend, kind, look.name, _node_look(look)))
        drawn_sides = {sides.get(s.id) for s in argument_map.statements}
        for side in (s for s in theme.side_styles if s in drawn_sides):
            look = theme.node("premise")
            side_look = _node_look(look) | {
                "style": f"{theme.side_styles[side]}",
                "color": theme.fontcolor,
                "fillcolor": theme.background,
            }
            row.append(_legend_node(legend, f"side-{side}", theme.side_names[side], side_look))
        row.extend(_legend_edge(legend, t, theme) for t in theme.edges if t in types)
        if junctions:
            row.append(_legend_junction(legend, theme))
        _legend_row(legend, "row", row, options)
    return row[0]


def _add_overlay_legend(
    graph: graphviz.Digraph,
    overlay: Overlay,
    entries: list[LegendEntry],
    options: RenderOptions,
    theme: Theme,
) -> str:
    """A cluster titled by the overlay: its ``entries`` (those drawn) and notes; there is one or more.

    Returns the name of its first entry.
    """
    with graph.subgraph(name=f"{_LEGEND}_overlay") as legend:
        legend.attr(
            label=_plain_text(overlay.title),
            labelloc="b" if options.rankdir == "BT" else "t",
            style="rounded",
            color=theme.legend_color,
            fontsize=_number(theme.legend_fontsize + 1),
            id="overlay-legend",
            _attributes={"class": "legend overlay-legend"},
        )
        legend.attr("node", fontsize=_number(theme.legend_fontsize), margin=theme.legend_node_margin)
        row = [
            _overlay_legend_entry(legend, index, entry, options, theme) for index, entry in enumerate(entries)
        ]
        notes = list(overlay.notes)
        if notes and options.focus is not None:
            notes.append("(the analysis covers the whole map)")
        if notes:
            name = f"{_LEGEND_PREFIX}overlay/notes"
            lines = [line for note in notes for line in wrap_text(note, max(options.wrap, 40))]
            legend.node(
                name,
                label="<" + "<BR/>".join(_html_text(line) for line in lines) + ">",
                _attributes={"shape": "plaintext", "id": "overlay-legend-notes", "class": "legend"},
            )
            row.append(name)
        _legend_row(legend, "overlay/row", row, options)
    return row[0]


def _overlay_legend_entry(
    legend: graphviz.Digraph, index: int, entry: LegendEntry, options: RenderOptions, theme: Theme
) -> str:
    name = f"{_LEGEND_PREFIX}overlay/{index}"
    text = "<BR/>".join(_html_text(line) for line in wrap_text(entry.text, options.wrap))
    attributes = {"id": f"overlay-legend-{index}", "class": "legend", "tooltip": _tooltip(entry.text)}
    if entry.mark is None and entry.fill is None:
        legend.node(name, label=f"<{text}>", _attributes=attributes | {"shape": "plaintext"})
        return name
    look: dict[str, str] = {
        "shape": "box",
        "style": "rounded,filled",
        "color": theme.legend_color,
        "fillcolor": theme.background,
    }
    if entry.mark is not None:
        look |= _marked_node(theme.mark(entry.mark), theme.node("premise"), theme)
    if entry.fill is not None:
        look["fillcolor"] = mix(theme.strength_low, theme.strength_high, entry.fill)
    cells = (
        [text]
        if entry.badge is None
        else [_badge(entry.badge, theme.mark(entry.mark or "strength"), theme), text]
    )
    legend.node(name, label=_table(cells), _attributes=attributes | look)
    return name


def _legend_row(legend: graphviz.Digraph, key: str, row: list[str], options: RenderOptions) -> None:
    """Keep the legend entries ``row`` on one rank, in this order (a column when arrows run sideways)."""
    if options.rankdir in ("LR", "RL"):
        row = row[::-1]  # there the row is a column, and flat edges point upwards
    with legend.subgraph(name=f"{_LEGEND_PREFIX}{key}") as same_rank:
        same_rank.attr(rank="same")
        for name in row:
            same_rank.node(name)
        for left, right in pairwise(row):
            # Flat invisible edges keep the entries in this order, left to right.
            same_rank.edge(left, right, _attributes={"style": "invis"})


def _legend_node(legend: graphviz.Digraph, key: str, text: str, look: dict[str, str]) -> str:
    name = _LEGEND_PREFIX + key
    legend.node(
        name,
        label=_plain_text(text),
        _attributes={k: v for k, v in look.items() if k != "fontsize"}
        | {"tooltip": _tooltip(text), "id": f"legend-{key}", "class": "legend"},
    )
    return name


def _legend_junction(legend: graphviz.Digraph, theme: Theme) -> str:
    """The junction dot, in words: where linked premises meet and undercuts strike."""
    name = f"{_LEGEND_PREFIX}junction"
    dot = f'<FONT COLOR="{html.escape(theme.fontcolor)}">{_JUNCTION_GLYPH}</FONT>'
    legend.node(
        name,
        label=f"<{dot} {html.escape(theme.junction_name)}>",
        _attributes={
            "shape": "plaintext",
            "id": "legend-junction",
            "class": "legend",
            "tooltip": _tooltip(theme.junction_name),
        },
    )
    return name


def _legend_edge(legend: graphviz.Digraph, relation_type: str, theme: Theme) -> str:
    """An arrow of ``relation_type``'s look from an invisible point into its name; returns the name."""
    look = theme.edge(relation_type)
    head, tail = (f"{_LEGEND_PREFIX}{relation_type}{end}" for end in ("", "/from"))
    group = {"group": head, "class": "legend"}  # one group per arrow keeps it straight
    legend.node(
        head,
        label=_plain_text(look.name),
        _attributes=group
        | {"shape": "plaintext", "id": f"legend-{relation_type}", "tooltip": _tooltip(look.name)},
    )
    legend.node(tail, label="", _attributes=group | {"shape": "point", "style": "invis", "width": "0.01"})
    legend.edge(
        tail,
        head,
        _attributes={
            "color": look.color,
            "style": look.style,
            "penwidth": _number(look.penwidth),
            "arrowhead": look.arrowhead,
            "arrowsize": _number(look.arrowsize),
            "tooltip": _tooltip(look.name),
            "id": f"legend-{relation_type}-edge",
            "class": "legend",
        },
    )
    return head


# Graphviz reads more than DOT syntax into a string: it expands backslash sequences
# (``\\N`` becomes the node's name, ``\\l`` a line break) and decodes HTML entities, in
# plain labels, in HTML-like labels and, twice over, in tooltips. Text from a map is
# escaped against each reading, with the ``graphviz`` package and :mod:`html`.


def _plain_text(text: str) -> str:
    """Text for a plain (escString) label, shown literally, on one line.

    Line breaks become spaces: the Graphviz of the pygraphviz 2.0.4 wheel crashes laying
    out a cluster, edge or external label that starts with one (docs/reliability.md).
    """
    escaped: str = graphviz.escape(html.escape(" ".join(visible_controls(text).split()), quote=False))
    return escaped


def _html_text(text: str) -> str:
    """Text for an HTML-like label, shown literally."""
    return html.escape(graphviz.escape(visible_controls(text)))


def _tooltip(text: str) -> str:
    """A tooltip shown literally: Graphviz unescapes tooltips once more than labels."""
    escaped: str = graphviz.escape(_plain_text(text))
    return escaped


def _number(value: float) -> str:
    """A DOT number: no trailing zeros, no exponent for the sizes a theme uses."""
    return f"{value:g}"
