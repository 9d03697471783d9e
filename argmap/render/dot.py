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
* when asked, a legend cluster (SVG class ``legend``), not connected to the map.

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
from itertools import pairwise
from typing import Literal

import graphviz
from pydantic import BaseModel, ConfigDict, Field

from argmap.model import STATEMENT_KINDS, ArgumentMap, Relation, Statement
from argmap.render.style import NodeLook, Theme, get_theme

__all__ = ["RenderOptions", "to_dot", "wrap_text"]

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


def to_dot(argument_map: ArgumentMap, options: RenderOptions | None = None) -> str:
    """The map as DOT source text, ready for Graphviz's ``dot`` layout.

    The same map and options always give the same text, byte for byte.

    Parameters
    ----------
    argument_map : ArgumentMap
    options : RenderOptions, optional
        Defaults to ``RenderOptions()``.

    Returns
    -------
    str
        A ``digraph`` as the module documentation describes.

    Raises
    ------
    UsageError
        If ``options.theme`` names no theme; the message lists the known ones.

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
    options = options if options is not None else RenderOptions()
    theme = get_theme(options.theme)
    graph = graphviz.Digraph(
        name="argmap",
        graph_attr=_graph_attributes(argument_map, options, theme),
        node_attr={
            "fontname": theme.fontname,
            "fontsize": _number(theme.fontsize),
            "fontcolor": theme.fontcolor,
            "margin": theme.node_margin,
        },
        edge_attr={"fontname": theme.fontname, "fontsize": _number(theme.legend_fontsize)},
    )
    for statement in argument_map.statements:
        _add_statement(graph, statement, statement.id == argument_map.main_claim, options, theme)
    junctions = _junction_ids(argument_map)
    for relation in argument_map.relations:
        _add_relation(graph, relation, relation.key in junctions, argument_map.is_undercut(relation), theme)
    if options.legend and argument_map.statements:
        _add_legend(graph, argument_map, options, theme)
    source: str = graph.source
    return source


def _graph_attributes(argument_map: ArgumentMap, options: RenderOptions, theme: Theme) -> dict[str, str]:
    attributes = {
        "rankdir": options.rankdir,
        "bgcolor": theme.background,
        "fontname": theme.fontname,
        "fontsize": _number(theme.title_fontsize),
        "fontcolor": theme.fontcolor,
        "nodesep": _number(theme.nodesep),
        "ranksep": _number(theme.ranksep),
        "pad": _number(theme.pad),
    }
    if argument_map.title.strip():
        attributes |= {"label": _plain_text(argument_map.title), "labelloc": "t"}
    return attributes


def _junction_ids(argument_map: ArgumentMap) -> set[str]:
    """Ids of the relations drawn through a junction: linked ones, and those undercut."""
    linked = {r.key for r in argument_map.relations if r.linked}
    undercut = {r.to for r in argument_map.relations if argument_map.is_undercut(r)}
    return linked | undercut


def _add_statement(
    graph: graphviz.Digraph, statement: Statement, is_main: bool, options: RenderOptions, theme: Theme
) -> None:
    look = theme.node(statement.kind)
    classes = ["statement", statement.kind]
    attributes = _node_look(look)
    if is_main:
        classes.append("main-claim")
        attributes |= _emphasis(look, theme)
    attributes |= {
        "tooltip": _tooltip(statement.text),
        "id": graphviz.escape(f"s-{statement.id}"),
        "class": " ".join(classes),
    }
    graph.node(statement.id, label=_statement_label(statement, options, theme), _attributes=attributes)


def _statement_label(statement: Statement, options: RenderOptions, theme: Theme) -> str:
    """An HTML-like label: the id, small and bold, over the wrapped text."""
    lines = [_html_text(line) for line in wrap_text(statement.text, options.wrap)]
    if options.show_ids:
        lines.insert(
            0,
            f'<FONT POINT-SIZE="{_number(theme.id_fontsize)}" COLOR="{html.escape(theme.id_fontcolor)}">'
            f"<B>{_html_text(statement.id)}</B></FONT>",
        )
    return "<" + "<BR/>".join(lines) + ">"


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


def _add_relation(
    graph: graphviz.Digraph, relation: Relation, via_junction: bool, is_undercut: bool, theme: Theme
) -> None:
    look = theme.edge(relation.type)
    line = {"color": look.color, "style": look.style, "penwidth": _number(look.penwidth)}
    tooltip = _tooltip(_describe(relation))
    arrow = line | {
        "arrowhead": look.arrowhead,
        "arrowsize": _number(look.arrowsize),
        "tooltip": tooltip,
        "id": graphviz.escape(f"e-{relation.key}"),
        "class": " ".join(["relation", relation.type, *(["undercut"] if is_undercut else [])]),
    }
    if not via_junction:
        graph.edge(relation.sources[0], relation.to, _attributes=arrow)
        return
    graph.node(
        relation.key,
        label="",
        _attributes={
            "shape": "point",
            "width": _number(theme.junction_size),
            "color": look.color,
            "fillcolor": look.color,
            "tooltip": tooltip,
            "id": graphviz.escape(f"j-{relation.key}"),
            "class": f"junction {relation.type}",
        },
    )
    for index, source in enumerate(relation.sources):
        graph.edge(
            source,
            relation.key,
            _attributes=line
            | {
                "arrowhead": "none",
                "tooltip": tooltip,
                "id": graphviz.escape(f"e-{relation.key}-{index}"),
                "class": f"link {relation.type}",
            },
        )
    graph.edge(relation.key, relation.to, _attributes=arrow)


def _describe(relation: Relation) -> str:
    """A relation in words, for its tooltip."""
    text = f"{' + '.join(relation.sources)} {relation.type}s {relation.to}"
    return f"{text} ({relation.scheme})" if relation.scheme else text


def _add_legend(
    graph: graphviz.Digraph, argument_map: ArgumentMap, options: RenderOptions, theme: Theme
) -> None:
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
        row.extend(_legend_edge(legend, t, theme) for t in theme.edges if t in types)
        if junctions:
            row.append(_legend_junction(legend, theme))
        if options.rankdir in ("LR", "RL"):
            row.reverse()  # there the row is a column, and flat edges point upwards
        with legend.subgraph(name=f"{_LEGEND_PREFIX}row") as same_rank:
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
    """Text for a plain (escString) label, shown literally."""
    escaped: str = graphviz.escape(html.escape(text, quote=False))
    return escaped


def _html_text(text: str) -> str:
    """Text for an HTML-like label, shown literally."""
    return html.escape(graphviz.escape(text))


def _tooltip(text: str) -> str:
    """A tooltip shown literally: Graphviz unescapes tooltips once more than labels."""
    escaped: str = graphviz.escape(_plain_text(text))
    return escaped


def _number(value: float) -> str:
    """A DOT number: no trailing zeros, no exponent for the sizes a theme uses."""
    return f"{value:g}"
