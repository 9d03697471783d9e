"""How a diagram looks: the one place where statement kinds and relation types map to looks.

A :class:`Theme` holds a :class:`NodeLook` for every statement kind, an :class:`EdgeLook`
for every relation type, the emphasis given to the main claim and the look of the
junctions that join linked premises. :mod:`argmap.render.dot` reads nothing else, so a
new theme is a new entry in :data:`THEMES`.

The default theme uses the palette of Okabe and Ito, which colour-blind readers can tell apart,
and never relies on colour alone: every kind also has its own shape or border, and
support and attack differ in line style and arrowhead, so a grayscale print still reads.

Examples
--------
>>> theme = get_theme("default")
>>> theme.node("evidence").shape
'note'
>>> theme.edge("attack").arrowhead
'tee'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.errors import UsageError
from argmap.model import RELATION_TYPES, STATEMENT_KINDS

__all__ = ["OKABE_ITO", "THEMES", "EdgeLook", "Emphasis", "NodeLook", "Theme", "get_theme"]

OKABE_ITO: Mapping[str, str] = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky blue": "#56B4E9",
        "bluish green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish purple": "#CC79A7",
    }
)
"""The eight colours of Okabe & Ito (2008), *Color Universal Design*, by name."""


@dataclass(frozen=True)
class NodeLook:
    """How the statements of one kind are drawn (Graphviz node attributes).

    ``style`` is a Graphviz style list such as ``"rounded,filled"``; ``name`` is what
    the legend calls the kind.
    """

    name: str
    shape: str
    style: str
    color: str
    fillcolor: str
    penwidth: float = 1.5


@dataclass(frozen=True)
class EdgeLook:
    """How the relations of one type are drawn (Graphviz edge attributes).

    ``name`` is what the legend calls the type, a verb such as ``"supports"``.
    """

    name: str
    color: str
    style: str
    arrowhead: str
    penwidth: float = 1.5
    arrowsize: float = 1.0


@dataclass(frozen=True)
class Emphasis:
    """What sets the main claim apart from the other statements of its kind."""

    name: str
    peripheries: int = 2
    penwidth: float = 2.5
    fontsize: float = 16.0


@dataclass(frozen=True)
class Theme:
    """Everything that decides how a map looks.

    Parameters
    ----------
    name : str
        The name the theme is registered under in :data:`THEMES`.
    nodes : Mapping
        A :class:`NodeLook` for every statement kind of :data:`argmap.model.STATEMENT_KINDS`.
    edges : Mapping
        An :class:`EdgeLook` for every relation type of :data:`argmap.model.RELATION_TYPES`.
    main_claim : Emphasis
        Laid over the main claim's kind look.
    junction_size : float
        Diameter, in inches, of the dot joining the premises of a linked argument or
        carrying an undercut; it takes the colour of its relation type.
    junction_name : str
        What the legend calls such a dot.
    raster_dpi : float
        Resolution of PNG output (SVG and PDF are drawn in points).

    The other fields are the Graphviz attributes they are named after: font sizes in
    points; ``pad``, ``nodesep`` and ``ranksep`` in inches; margins as Graphviz's
    ``"x,y"`` inches; colours as ``#RRGGBB``.

    Raises
    ------
    ValueError
        If a statement kind or relation type has no look.
    """

    name: str
    nodes: Mapping[str, NodeLook]
    edges: Mapping[str, EdgeLook]
    main_claim: Emphasis
    fontname: str = "Helvetica,Arial,sans-serif"
    fontsize: float = 13.0
    fontcolor: str = "#1A1A1A"
    id_fontsize: float = 10.0
    id_fontcolor: str = "#4D4D4D"
    title_fontsize: float = 20.0
    background: str = "#FFFFFF"
    junction_size: float = 0.14
    junction_name: str = "inference step"
    legend_color: str = "#8C8C8C"
    legend_fontsize: float = 11.0
    legend_node_margin: str = "0.1,0.04"
    raster_dpi: float = 150.0
    node_margin: str = "0.15,0.08"
    pad: float = 0.3
    nodesep: float = 0.35
    ranksep: float = 0.55

    def __post_init__(self) -> None:
        missing = [k for k in STATEMENT_KINDS if k not in self.nodes] + [
            t for t in RELATION_TYPES if t not in self.edges
        ]
        if missing:
            raise ValueError(f"theme {self.name!r} has no look for: {', '.join(missing)}")
        # Read-only views, so that a registered theme cannot be changed by a caller.
        object.__setattr__(self, "nodes", MappingProxyType(dict(self.nodes)))
        object.__setattr__(self, "edges", MappingProxyType(dict(self.edges)))

    def node(self, kind: str) -> NodeLook:
        """The look of the statements of ``kind``.

        Parameters
        ----------
        kind : str
            One of :data:`argmap.model.STATEMENT_KINDS`.

        Returns
        -------
        NodeLook

        Raises
        ------
        KeyError
            If ``kind`` is not a statement kind.

        Examples
        --------
        >>> THEMES["default"].node("claim").style
        'rounded,filled'
        """
        return self.nodes[kind]

    def edge(self, relation_type: str) -> EdgeLook:
        """The look of the relations of ``relation_type``.

        Parameters
        ----------
        relation_type : str
            One of :data:`argmap.model.RELATION_TYPES`.

        Returns
        -------
        EdgeLook

        Raises
        ------
        KeyError
            If ``relation_type`` is not a relation type.

        Examples
        --------
        >>> THEMES["default"].edge("support").style
        'solid'
        """
        return self.edges[relation_type]


_DEFAULT = Theme(
    name="default",
    nodes={
        "claim": NodeLook(
            "claim",
            shape="box",
            style="rounded,filled",
            color=OKABE_ITO["blue"],
            fillcolor="#D9EAF3",
            penwidth=2.0,
        ),
        "premise": NodeLook(
            "premise", shape="box", style="filled", color=OKABE_ITO["bluish green"], fillcolor="#D9F0EA"
        ),
        "evidence": NodeLook(
            "evidence",
            shape="note",
            style="filled",
            color=OKABE_ITO["orange"],
            fillcolor="#FBF1D9",
            penwidth=2.0,
        ),
        "rebuttal": NodeLook(
            "rebuttal",
            shape="box",
            style="filled,dashed",
            color=OKABE_ITO["vermillion"],
            fillcolor="#F9E7D9",
            penwidth=2.0,
        ),
    },
    edges={
        "support": EdgeLook("supports", color=OKABE_ITO["bluish green"], style="solid", arrowhead="normal"),
        "attack": EdgeLook(
            "attacks",
            color=OKABE_ITO["vermillion"],
            style="dashed",
            arrowhead="tee",
            penwidth=2.0,
            arrowsize=1.2,
        ),
    },
    main_claim=Emphasis("main claim"),
)

THEMES: Mapping[str, Theme] = MappingProxyType({"default": _DEFAULT})
"""The registered themes, by name."""


def get_theme(name: str) -> Theme:
    """The theme registered under ``name``.

    Parameters
    ----------
    name : str
        A key of :data:`THEMES`.

    Returns
    -------
    Theme

    Raises
    ------
    UsageError
        If no theme has this name; the message lists the known ones.

    Examples
    --------
    >>> get_theme("default").name
    'default'
    >>> get_theme("neon")
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown theme 'neon'; known themes: default
    """
    try:
        return THEMES[name]
    except KeyError:
        raise UsageError(f"unknown theme {name!r}; known themes: {', '.join(THEMES)}") from None
