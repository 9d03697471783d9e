"""From argumentative text to a draft argument map.

:func:`extract` segments the text into units, decodes their structure
(:mod:`argmap.extraction.decoder`) and writes an ordinary map: one statement per unit
(its text, its ``span`` in the input), one relation per non-central unit, the central
claim as ``main_claim``. Kinds: the central claim is a ``claim``, a unit voicing the
opponent a ``rebuttal``, a supporting unit with an example cue ``evidence``, every
other unit a ``premise``.

Every statement and relation records in ``meta`` why it is there (the keys are
documented in docs/extraction.md): ``confidence`` (a probability in [0, 1]) and
``cue`` (the lexicon cue that decided it, or ``"position"``/``"adjacency"`` when no
cue did); statements also record ``role`` (proponent or opponent). The map's ``meta``
says it is a draft: ``{"draft": true, "extractor": "argmap.extract <version>"}``.

Examples
--------
>>> m = extract("We should ban cars from the centre. Because the air is bad. "
...     "Admittedly, shops fear losing clients. But most clients come on foot.")
>>> m.main_claim, [s.kind for s in m.statements]
('u1', ['claim', 'premise', 'rebuttal', 'premise'])
>>> [(r.sources[0], r.type, r.to) for r in m.relations]
[('u2', 'support', 'u1'), ('u3', 'attack', 'u1'), ('u4', 'attack', 'u3')]
>>> m.relations[2].meta["cue"], m.meta["draft"]
('but', True)
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from argmap.errors import ParseError, Problem, UsageError
from argmap.extraction.decoder import Parse, decode
from argmap.extraction.lexicon import CueMatch
from argmap.extraction.segmentation import segment
from argmap.model import ArgumentMap, Relation, Source, Span, Statement

__all__ = ["EXTRACTOR", "draft_map", "extract", "parse_text"]

EXTRACTOR = "argmap.extract"
_TITLE_WORDS = 10
# Which cue classes can explain each decision, strongest first.
_STATEMENT_CUES = {
    "claim": ("claim", "modal", "counter"),
    "rebuttal": ("concession",),
    "evidence": ("example",),
    "premise": ("premise", "additive", "counter", "example"),
}
_RELATION_CUES = ("counter", "concession", "premise", "example", "additive", "claim")


def _version() -> str:
    from argmap import __version__

    return __version__


def parse_text(text: str, name: str | None = None) -> Parse:
    """Segment ``text`` and decode its structure (the step before the map is written).

    Parameters
    ----------
    text : str
        Plain text.
    name : str, optional
        The text's file name, for messages.

    Returns
    -------
    Parse

    Raises
    ------
    ParseError
        If the text has no sentence (it is empty or blank) or contains NUL characters.

    Examples
    --------
    >>> p = parse_text("Cities should plant trees. After all, trees cool the streets.")
    >>> p.central, p.heads
    (0, (None, 0))
    """
    if "\x00" in text:
        offset = text.index("\x00")
        raise ParseError(
            [Problem(f"not text: a NUL character at offset {offset} (a binary file?)", file=name)]
        )
    units = segment(text)
    if not units:
        raise ParseError([Problem("the text is empty: nothing to extract", file=name)])
    return decode(units)


def _cue(cues: tuple[CueMatch, ...], classes: tuple[str, ...], initial_only: bool = False) -> str | None:
    """The cue of the first class in ``classes`` that the unit has, an opening cue before any other."""
    for initial in (True, False) if not initial_only else (True,):
        for cue_class in classes:
            for match in cues:
                if match.cue_class == cue_class and match.initial == initial:
                    return match.cue
    return None


def extract(text: str, title: str | None = None, *, source_name: str | None = None) -> ArgumentMap:
    """Draft an argument map of an argumentative text.

    Parameters
    ----------
    text : str
        The text (e.g. an article), as plain text.
    title : str, optional
        The map's title; by default "Draft: " and the first words of the central claim.
    source_name : str, optional
        The text's file path: named in error messages; its last part is recorded as
        ``source.title``.

    Returns
    -------
    ArgumentMap
        A valid map with ``main_claim`` set; each statement's ``span`` gives its code-point
        offsets in ``text``; ``meta`` records confidences and cues (see the module).

    Raises
    ------
    ParseError
        If the text is empty or blank, or is not text (NUL characters).
    UsageError
        If ``text`` is not a string or ``title`` is blank.

    Examples
    --------
    >>> m = extract("Smoking should be banned in bars. It harms the staff.", title="Bars")
    >>> m.title, m.statement("u2").span.start, m.relations[0].type
    ('Bars', 34, 'support')
    """
    if not isinstance(text, str):
        raise UsageError(f"extract() takes the text as a str, not {type(text).__name__}")
    if title is not None and not title.strip():
        raise UsageError("the title is blank")
    return draft_map(parse_text(text, source_name), text, title, source_name=source_name)


def draft_map(
    parse: Parse, text: str, title: str | None = None, *, source_name: str | None = None
) -> ArgumentMap:
    """The draft map of a decoded text (the last step of :func:`extract`).

    Parameters
    ----------
    parse : Parse
        The decoded structure of ``text`` (from :func:`parse_text`, or a baseline's).
    text : str
        The text the parse's units come from.
    title : str, optional
        As for :func:`extract`.
    source_name : str, optional
        As for :func:`extract`.

    Returns
    -------
    ArgumentMap

    Examples
    --------
    >>> text = "Parks should stay open at night. They are safe."
    >>> draft_map(parse_text(text), text).main_claim
    'u1'
    """
    statements = []
    ids = [f"u{k + 1}" for k in range(len(parse.units))]
    for k, unit in enumerate(parse.units):
        cues = parse.cues[k]
        if k == parse.central:
            kind = "claim"
            confidence = parse.central_confidence
        elif parse.roles[k] == "opponent":
            kind = "rebuttal"
            confidence = parse.role_confidence[k]
        elif _cue(cues, ("example",)) is not None:
            kind = "evidence"
            confidence = parse.role_confidence[k]
        else:
            kind = "premise"
            confidence = parse.role_confidence[k]
        cue = _cue(cues, _STATEMENT_CUES[kind]) or "position"
        statements.append(
            Statement(
                id=ids[k],
                kind=kind,
                text=unit.text,
                span=Span(start=unit.start, end=unit.end),
                meta={"confidence": round(confidence, 3), "cue": cue, "role": parse.roles[k]},
            )
        )
    joined: dict[int, list[int]] = {}  # a linked argument's first premise -> its further premises
    first = 0
    for k in range(len(parse.units)):
        if parse.linked and parse.linked[k]:
            joined.setdefault(first, []).append(k)
        else:
            first = k
    relations = []
    for k, head in enumerate(parse.heads):
        function = parse.functions[k]
        if head is None or function is None or (parse.linked and parse.linked[k]):
            continue
        cue = _cue(parse.cues[k], _RELATION_CUES, initial_only=True) or (
            "adjacency" if abs(head - k) == 1 else "position"
        )
        confidence = parse.attach_confidence[k] * parse.function_confidence[k]
        relations.append(
            Relation(
                type=function,
                sources=tuple(ids[m] for m in (k, *joined.get(k, ()))),
                to=ids[head],
                meta={"confidence": round(confidence, 3), "cue": cue},
            )
        )
    central_text = parse.units[parse.central].text
    words = central_text.split()
    default_title = "Draft: " + " ".join(words[:_TITLE_WORDS]) + (" ..." if len(words) > _TITLE_WORDS else "")
    return ArgumentMap(
        title=title if title is not None else default_title,
        main_claim=ids[parse.central],
        source=Source(
            title=PurePath(source_name).name if source_name else None,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        ),
        statements=tuple(statements),
        relations=tuple(relations),
        meta={"draft": True, "extractor": f"{EXTRACTOR} {_version()}", "units": len(parse.units)},
    )
