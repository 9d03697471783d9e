"""How a diagram looks: the one place where statement kinds and relation types map to looks.

A :class:`Theme` holds a :class:`NodeLook` for every statement kind, an :class:`EdgeLook`
for every relation type, the emphasis given to the main claim and the look of the
junctions that join linked premises. :mod:`argmap.render.dot` reads nothing else, so a
new theme is a new entry in :data:`THEMES`.

The themes also hold the :class:`MarkLook` of every mark an overlay
(:mod:`argmap.render.overlay`) can put on a statement or relation, the look of section
clusters and the colour ramp of strength.

``default`` uses the palette of Okabe and Ito, which colour-blind readers can tell apart;
``print`` is black on white, for papers; ``dark`` has light text on a dark background.
None relies on colour alone: every kind also has its own shape or border, support and attack
differ in line style and arrowhead, and every overlay mark carries a badge (a word in a small
box with its own border style) and a border width, so a grayscale print still reads.

Examples
--------
>>> theme = get_theme("default")
>>> theme.node("evidence").shape
'note'
>>> theme.edge("attack").arrowhead
'tee'
>>> theme.mark("standing").badge_style
'rounded'
>>> sorted(THEMES)
['dark', 'default', 'print']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from argmap.errors import UsageError
from argmap.model import RELATION_TYPES, STATEMENT_KINDS

__all__ = [
    "MARKS",
    "OKABE_ITO",
    "THEMES",
    "EdgeLook",
    "Emphasis",
    "MarkLook",
    "NodeLook",
    "Theme",
    "get_theme",
    "mix",
]

MARKS: tuple[str, ...] = (
    "weak",
    "chain",
    "off-chain",
    "standing",
    "answered",
    "contested",
    "answers",
    "in",
    "out",
    "undec",
    "strength",
    "flip",
)
"""The marks an overlay may put on a statement, a relation or a badge; every theme has a look for each."""

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
class MarkLook:
    """How an overlay mark is drawn, on a statement, on a relation and as a badge.

    A marked statement keeps its kind's shape, style and fill and takes ``color`` and
    ``penwidth`` for its border; a marked relation keeps its type's line style and
    arrowhead and takes ``color`` and ``penwidth``. A ``faded`` mark draws statements
    and relations in the theme's faded colours instead (what is *not* the point).
    A badge is a small box of text in the statement: ``badge_fill`` behind
    ``badge_fontcolor``, a ``color`` border in ``badge_style`` (``"rounded"``,
    ``"rounded,dashed"`` or ``"rounded,dotted"``), so marks differ in grayscale too.
    """

    color: str
    penwidth: float = 3.0
    badge_fill: str = "#FFFFFF"
    badge_fontcolor: str = "#1A1A1A"
    badge_style: str = "rounded"
    faded: bool = False


def _marks(
    palette: Mapping[str, str], tints: Mapping[str, str], text: str, *, faded_badge: str
) -> dict[str, MarkLook]:
    """The marks of a theme, from a colour per role and a light tint of each for badges."""
    return {
        "weak": MarkLook(palette["weak"], 3.5, tints["weak"], text),
        "chain": MarkLook(palette["chain"], 3.5, tints["chain"], text),
        "off-chain": MarkLook(palette["faded"], 1.0, faded_badge, text, faded=True),
        "standing": MarkLook(palette["standing"], 3.5, tints["standing"], text),
        "answered": MarkLook(palette["answered"], 2.5, tints["answered"], text, "rounded,dotted"),
        "contested": MarkLook(palette["contested"], 3.0, tints["contested"], text, "rounded,dashed"),
        "answers": MarkLook(palette["answered"], 2.5, tints["answered"], text),
        "in": MarkLook(palette["in"], 3.5, tints["in"], text),
        "out": MarkLook(palette["faded"], 1.0, faded_badge, text, "rounded,dotted", faded=True),
        "undec": MarkLook(palette["contested"], 3.0, tints["contested"], text, "rounded,dashed"),
        "strength": MarkLook(palette["neutral"], 1.5, faded_badge, text),
        "flip": MarkLook(palette["weak"], 4.0, tints["weak"], text, "rounded,dashed"),
    }


_OKABE_ITO_MARKS = _marks(
    {
        "weak": OKABE_ITO["reddish purple"],
        "chain": OKABE_ITO["blue"],
        "standing": OKABE_ITO["vermillion"],
        "answered": OKABE_ITO["bluish green"],
        "contested": OKABE_ITO["orange"],
        "in": OKABE_ITO["blue"],
        "faded": "#BDBDBD",
        "neutral": "#4D4D4D",
    },
    {
        "weak": "#F5E4EE",
        "chain": "#D9EAF3",
        "standing": "#F9E0CC",
        "answered": "#D9F0EA",
        "contested": "#FBEBC7",
        "in": "#D9EAF3",
    },
    "#1A1A1A",
    faded_badge="#FFFFFF",
)


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
    marks : Mapping
        A :class:`MarkLook` for every mark of :data:`MARKS`.
    strength_low, strength_high : str
        The fill of a statement of strength 0 and of strength 1; strengths between are
        mixed linearly (:func:`mix`). Text must stay readable on both.
    faded_color, faded_fill, faded_fontcolor : str
        Border, fill and text of a statement (and line of a relation) that a faded mark
        puts in the background.
    section_color, section_fill : str
        Border and background of the cluster of a section.
    side_styles, side_names : Mapping
        The border style (added to the kind's) and the legend text of a statement on the
        ``con`` side of the main claim, or on ``both`` (:func:`argmap.analysis.stance`); its
        id is drawn with the side's name too, so the side reads without colour.

    The other fields are the Graphviz attributes they are named after: font sizes in
    points; ``pad``, ``nodesep`` and ``ranksep`` in inches; margins as Graphviz's
    ``"x,y"`` inches; colours as ``#RRGGBB``.

    Raises
    ------
    ValueError
        If a statement kind, relation type or mark has no look.
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
    marks: Mapping[str, MarkLook] = field(default_factory=lambda: _OKABE_ITO_MARKS)
    strength_low: str = "#FFFFFF"
    strength_high: str = OKABE_ITO["sky blue"]
    faded_color: str = "#BDBDBD"
    faded_fill: str = "#F4F4F4"
    faded_fontcolor: str = "#8A8A8A"
    section_color: str = "#B3B3B3"
    section_fill: str = "#FAFAFA"
    side_styles: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({"con": "dashed", "both": "dotted"})
    )
    side_names: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType(
            {"con": "con: argues against the main claim", "both": "pro & con: paths disagree"}
        )
    )

    def __post_init__(self) -> None:
        missing = (
            [k for k in STATEMENT_KINDS if k not in self.nodes]
            + [t for t in RELATION_TYPES if t not in self.edges]
            + [m for m in MARKS if m not in self.marks]
        )
        if missing:
            raise ValueError(f"theme {self.name!r} has no look for: {', '.join(missing)}")
        # Read-only views, so that a registered theme cannot be changed by a caller.
        object.__setattr__(self, "nodes", MappingProxyType(dict(self.nodes)))
        object.__setattr__(self, "edges", MappingProxyType(dict(self.edges)))
        object.__setattr__(self, "marks", MappingProxyType(dict(self.marks)))

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

    def mark(self, name: str) -> MarkLook:
        """The look of the overlay mark ``name``.

        Parameters
        ----------
        name : str
            One of :data:`MARKS`.

        Returns
        -------
        MarkLook

        Raises
        ------
        KeyError
            If ``name`` is not a mark.

        Examples
        --------
        >>> THEMES["print"].mark("out").faded
        True
        """
        return self.marks[name]


def mix(low: str, high: str, share: float) -> str:
    """The colour ``share`` of the way from ``low`` to ``high`` (both ``#RRGGBB``).

    Parameters
    ----------
    low, high : str
        Colours as ``#RRGGBB``.
    share : float
        Clamped to [0, 1].

    Returns
    -------
    str
        ``#RRGGBB``, upper-case.

    Examples
    --------
    >>> mix("#FFFFFF", "#000000", 0.5)
    '#808080'
    >>> mix("#FFFFFF", "#56B4E9", 1.0)
    '#56B4E9'
    """
    share = min(1.0, max(0.0, share))
    channels = (
        round(int(low[i : i + 2], 16) * (1 - share) + int(high[i : i + 2], 16) * share) for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02X}" for c in channels)


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
            style="filled,diagonals",
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

_BLACK = "#000000"
_PRINT = Theme(
    name="print",
    nodes={
        "claim": NodeLook("claim", shape="box", style="rounded,filled", color=_BLACK, fillcolor="#EBEBEB"),
        "premise": NodeLook("premise", shape="box", style="filled", color=_BLACK, fillcolor="#FFFFFF"),
        "evidence": NodeLook("evidence", shape="note", style="filled", color=_BLACK, fillcolor="#FFFFFF"),
        "rebuttal": NodeLook(
            "rebuttal", shape="box", style="filled,diagonals", color=_BLACK, fillcolor="#FFFFFF", penwidth=2.0
        ),
    },
    edges={
        "support": EdgeLook("supports", color=_BLACK, style="solid", arrowhead="normal"),
        "attack": EdgeLook(
            "attacks", color=_BLACK, style="dashed", arrowhead="tee", penwidth=2.0, arrowsize=1.2
        ),
    },
    main_claim=Emphasis("main claim"),
    fontcolor=_BLACK,
    id_fontcolor="#404040",
    legend_color="#808080",
    marks={
        **_marks(
            dict.fromkeys(("weak", "chain", "standing", "answered", "contested", "in", "neutral"), _BLACK)
            | {"faded": "#A6A6A6"},
            dict.fromkeys(("weak", "chain", "answered", "contested", "in"), "#FFFFFF")
            | {"standing": "#D9D9D9"},
            _BLACK,
            faded_badge="#FFFFFF",
        ),
        # In black and white, the badges and the border widths carry the overlay alone.
        "weak": MarkLook(_BLACK, 4.0, "#D9D9D9", _BLACK),
        "in": MarkLook(_BLACK, 4.0, _BLACK, "#FFFFFF"),
    },
    strength_low="#FFFFFF",
    strength_high="#9E9E9E",
    faded_color="#A6A6A6",
    faded_fill="#FFFFFF",
    faded_fontcolor="#707070",
    section_color="#808080",
    section_fill="#FFFFFF",
)

_DARK_TEXT = "#EDEDED"
# The dark theme keeps the default's shapes, borders and edges (so kinds still differ in more
# than colour) and changes only the fills, and the claim's border to a blue that reads on dark.
_DARK_FILLS = {"claim": "#173447", "premise": "#123A30", "evidence": "#3D3212", "rebuttal": "#47240E"}
_DARK = Theme(
    name="dark",
    nodes={
        kind: replace(
            look,
            fillcolor=_DARK_FILLS[kind],
            color=OKABE_ITO["sky blue"] if kind == "claim" else look.color,
        )
        for kind, look in _DEFAULT.nodes.items()
    },
    edges=dict(_DEFAULT.edges),
    main_claim=Emphasis("main claim"),
    fontcolor=_DARK_TEXT,
    id_fontcolor="#B8B8B8",
    background="#1E1E1E",
    legend_color="#8C8C8C",
    marks=_marks(
        {
            "weak": OKABE_ITO["reddish purple"],
            "chain": OKABE_ITO["sky blue"],
            "standing": OKABE_ITO["vermillion"],
            "answered": OKABE_ITO["bluish green"],
            "contested": OKABE_ITO["yellow"],
            "in": OKABE_ITO["sky blue"],
            "faded": "#5C5C5C",
            "neutral": "#B8B8B8",
        },
        {
            "weak": "#4A2A3C",
            "chain": "#173447",
            "standing": "#5A2A0A",
            "answered": "#123A30",
            "contested": "#4A4410",
            "in": "#173447",
        },
        _DARK_TEXT,
        faded_badge="#2A2A2A",
    ),
    strength_low="#1E1E1E",
    strength_high="#2F6F99",
    faded_color="#5C5C5C",
    faded_fill="#262626",
    faded_fontcolor="#8A8A8A",
    section_color="#5C5C5C",
    section_fill="#242424",
)

THEMES: Mapping[str, Theme] = MappingProxyType({"default": _DEFAULT, "print": _PRINT, "dark": _DARK})
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
    argmap.errors.UsageError: unknown theme 'neon'; known themes: default, print, dark
    """
    try:
        return THEMES[name]
    except KeyError:
        raise UsageError(f"unknown theme {name!r}; known themes: {', '.join(THEMES)}") from None
