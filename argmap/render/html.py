"""A map as one self-contained HTML page: the SVG, pan and zoom, and a side panel.

The page needs no network: its script and style are inline (``viewer.js`` and
``viewer.css`` beside this module), and a Content-Security-Policy allows exactly those two
and nothing else, so even text that escaped escaping could run nothing. Statement nodes are
focusable (``tabindex``, ``role="button"``, ``aria-label``): clicking one, or tabbing to it,
shows in the panel its full text, kind and section, its relations in and out with the
statements at their other ends, the findings of the overlay's analysis, and the passage of
the source it is anchored to, in context.

All data reaches the page as JSON in a ``<script type="application/json">`` element, with
``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\u`` escapes, and the script puts text
into the page with ``textContent`` only. Statement text in the SVG is escaped by Graphviz.

Examples
--------
>>> page_data_json({"text": "</script><b>&"})
'{"text":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from argmap.errors import OutputError
from argmap.escape import visible_controls
from argmap.model import ArgumentMap, Relation
from argmap.render.overlay import Overlay
from argmap.render.style import Theme
from argmap.source import SourceDocument

if TYPE_CHECKING:
    from argmap.analysis.results import Explanation

__all__ = ["CONTEXT", "html_page", "page_data", "page_data_json"]

CONTEXT = 240
"""Characters of the source shown before and after a statement's span."""

# Graphviz writes a statement node's id "s-<id>" with the hyphen as "&#45;".
_STATEMENT_NODE = re.compile(r'<g id="s(?:-|&#45;)([^"]+)" class="node statement(?: [^"]*)?">')
# ... and a relation's arrow "e-<id>", a linked premise's line into its junction "e-<id>-<n>".
_RELATION_EDGE = re.compile(r'<g id="e(?:-|&#45;)([^"]+)" class="edge (?:relation|link)(?: [^"]*)?">')
_MEANINGS = {
    "support": "if the premises hold, they are a reason to accept the conclusion",
    "attack": "if the attacker holds, it is a reason to reject the conclusion",
    "undercut": "if the attacker holds, the inference it attacks no longer carries its premises "
    "to its conclusion (the premises themselves are not denied)",
}
_VERBS = {
    ("support", "in"): "supported by",
    ("attack", "in"): "attacked by",
    ("support", "out"): "supports",
    ("attack", "out"): "attacks",
}


def page_data_json(data: Mapping[str, Any]) -> str:
    """JSON safe to put inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028 or U+2029.

    Parameters
    ----------
    data : mapping
        JSON-serialisable data.

    Returns
    -------
    str
        Compact JSON that parses back to ``data``; the characters that could end the
        element or start markup are ``\\u`` escapes.

    Examples
    --------
    >>> import json
    >>> text = page_data_json({"a": "<!-- \\u2028 -->"})
    >>> "<" in text or "\\u2028" in text, json.loads(text)["a"] == "<!-- \\u2028 -->"
    (False, True)
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
        ("\x7f", "\\u007f"),  # DEL: json.dumps escapes the other controls, HTML forbids this one too
    ):
        text = text.replace(char, escape)
    return text


def page_data(
    argument_map: ArgumentMap,
    drawn: ArgumentMap,
    overlay: Overlay | None = None,
    source: SourceDocument | None = None,
    sides: Mapping[str, str] | None = None,
    explanations: Mapping[str, Explanation] | None = None,
) -> dict[str, Any]:
    """What the side panel shows about each drawn statement, as plain data.

    Parameters
    ----------
    argument_map : ArgumentMap
        The whole map: relations are listed even where their other end is not drawn.
    drawn : ArgumentMap
        The map as drawn (``argument_map`` itself, or a focus neighbourhood of it).
    overlay : Overlay, optional
        Its title, notes and findings are shown.
    source : SourceDocument, optional
        The document the spans point into; each anchored statement gets its passage with
        :data:`CONTEXT` characters either side.
    sides : mapping, optional
        Each statement's side of the main claim (:func:`argmap.analysis.stance`), shown
        in the panel.
    explanations : mapping, optional
        An :class:`~argmap.analysis.Explanation` by statement id (:func:`argmap.analysis.explain_all`):
        the panel shows why the statement has its label and what would flip it.

    Returns
    -------
    dict
        ``title``, ``main`` (the main claim's id or ``None``), ``overlay`` (``None`` or its
        title and notes), ``relations`` (by id, for each drawn relation: ``id``, ``type``,
        ``sentence``, ``meaning``, ``sources``, ``target``, ``scheme``, ``note``) and
        ``statements``: by id,
        ``id``, ``kind``, ``text``, ``section``, ``note``, ``main``, ``side``, ``relations`` (each
        with ``direction``, ``verb``, ``relation``, ``ends`` and ``detail``), ``findings``
        ``source`` (``None`` or ``before``, ``span``, ``after``) and ``explanation`` (``None``
        or ``why`` and ``flips``, each a list of ``[depth, sentence]``).

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Relation, Statement
    >>> m = ArgumentMap(
    ...     title="T",
    ...     statements=[
    ...         Statement(id="C", kind="claim", text="c"), Statement(id="P", kind="premise", text="p")
    ...     ],
    ...     relations=[Relation(id="S", type="support", sources="P", to="C")],
    ... )
    >>> [(r["verb"], r["ends"]) for r in page_data(m, m)["statements"]["C"]["relations"]]
    [('supported by', [{'id': 'P', 'text': 'p'}])]
    """
    findings = overlay.findings if overlay is not None else {}
    explained = _explained(argument_map, explanations or {})
    index = _Index(argument_map)
    statements = {}
    for statement in drawn.statements:
        statements[statement.id] = {
            "id": statement.id,
            "kind": statement.kind,
            "text": statement.text,
            "section": statement.section,
            "note": statement.note,
            "main": statement.id == argument_map.main_claim,
            "side": (sides or {}).get(statement.id),
            "relations": _relations_of(index, statement.id),
            "findings": list(findings.get(statement.id, ())),
            "source": _passage(source, statement.span.start, statement.span.end)
            if source is not None and statement.span is not None
            else None,
            "explanation": explained.get(statement.id),
        }
    drawn_ids = {r.key for r in drawn.relations}
    return {
        "title": argument_map.title,
        "main": argument_map.main_claim,
        "overlay": None if overlay is None else {"title": overlay.title, "notes": list(overlay.notes)},
        "statements": statements,
        "relations": {
            r.key: _relation_entry(argument_map, r) for r in argument_map.relations if r.key in drawn_ids
        },
    }


def html_page(
    argument_map: ArgumentMap,
    drawn: ArgumentMap,
    svg: str,
    theme: Theme,
    overlay: Overlay | None = None,
    source: SourceDocument | None = None,
    sides: Mapping[str, str] | None = None,
    reload: float | None = None,
    explanations: Mapping[str, Explanation] | None = None,
) -> str:
    """The HTML page around an SVG drawing of the map.

    Parameters
    ----------
    argument_map : ArgumentMap
        The whole map.
    drawn : ArgumentMap
        The map as drawn in ``svg`` (the whole map, or a focus neighbourhood of it).
    svg : str
        Graphviz's SVG of ``drawn`` (see :func:`argmap.render.render_bytes`).
    theme : Theme
        Gives the page its background and text colours.
    overlay : Overlay, optional
        The overlay drawn in ``svg``: its findings go into the side panel.
    source : SourceDocument, optional
        The document the spans point into.
    sides : mapping, optional
        Each statement's side of the main claim, shown in the panel.
    reload : float, optional
        The page reloads itself every ``reload`` seconds and keeps its view and selection
        (``argmap render --watch``).
    explanations : mapping, optional
        Explanations by statement id, shown in the side panel.

    Returns
    -------
    str
        A complete HTML5 document.

    Raises
    ------
    OutputError
        If a drawn statement has no node in ``svg``.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Statement
    >>> from argmap.render import render_bytes
    >>> from argmap.render.style import get_theme
    >>> m = ArgumentMap(title="One", statements=[Statement(id="C", kind="claim", text="<b>c</b>")])
    >>> page = html_page(m, m, render_bytes(m, "svg").decode(), get_theme("default"))
    >>> page.startswith("<!DOCTYPE html>"), 'tabindex="0"' in page, "<b>c" in page
    (True, True, False)
    """
    body_svg = _accessible(_bare_svg(svg), drawn)
    script = resources.files("argmap.render").joinpath("viewer.js").read_text(encoding="utf-8")
    style = (
        f":root {{ --background: {theme.background}; --text: {theme.fontcolor}; "
        f"--muted: {theme.id_fontcolor}; --rule: {theme.legend_color}; }}\n"
        + resources.files("argmap.render").joinpath("viewer.css").read_text(encoding="utf-8")
    )
    policy = (
        f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    data = page_data_json(
        page_data(argument_map, drawn, overlay, source, sides, explanations) | {"reload": reload}
    )
    refresh = f'<meta http-equiv="refresh" content="{reload:g}">\n' if reload is not None else ""
    title = html.escape(visible_controls(argument_map.title or "argument map"))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{refresh}"
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<header><h1 id="title">{title}</h1><div class="controls" role="toolbar" aria-label="zoom">'
        '<button type="button" id="zoom-in" aria-label="zoom in">+</button>'
        '<button type="button" id="zoom-out" aria-label="zoom out">&#8722;</button>'
        '<button type="button" id="zoom-fit" title="the whole map (key 0)">fit all</button>'
        '<button type="button" id="zoom-claim" title="the main claim, readable (key 1)">claim</button>'
        "</div>"
        '<div class="search" role="search"><input type="search" id="search" '
        'placeholder="find a statement: id or words" aria-label="find a statement by id or text" '
        'autocomplete="off"><ul id="search-results" aria-label="statements found"></ul></div>'
        '<p class="hint">Drag to pan, wheel or +/&#8722; to zoom; click a statement or a line, or Tab '
        "to a statement, for its details.</p></header>\n"
        '<main><div id="viewport" tabindex="-1"><div id="canvas">\n'
        f"{body_svg}\n</div></div>\n"
        '<aside id="panel" aria-live="polite" aria-label="statement details">'
        '<p class="hint">Select a statement.</p></aside></main>\n'
        f'<script type="application/json" id="argmap-data">{data}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _explained(
    argument_map: ArgumentMap, explanations: Mapping[str, Explanation]
) -> dict[str, dict[str, list[tuple[int, str]]]]:
    """Each explanation's "why" and "flips" as sentences with depths (formatted, not computed)."""
    if not explanations:
        return {}
    from argmap.analysis.explanation_report import flip_lines, why_lines

    return {i: {"why": why_lines(e, argument_map), "flips": flip_lines(e)} for i, e in explanations.items()}


def _bare_svg(svg: str) -> str:
    """The ``<svg>`` element alone: no XML declaration, doctype or comments."""
    start = svg.find("<svg")
    if start < 0:
        raise OutputError("Graphviz gave no SVG to put in the page")
    return re.sub(r"<!--.*?-->\n?", "", svg[start:], flags=re.DOTALL).strip()


def _accessible(svg: str, drawn: ArgumentMap) -> str:
    """Make every statement node focusable and named, for keyboards and screen readers."""
    found: list[str] = []

    def named(match: re.Match[str]) -> str:
        identifier = html.unescape(match.group(1))
        found.append(identifier)
        statement = drawn.statement(identifier)
        label = html.escape(
            visible_controls(f"{statement.id}, {statement.kind}: {statement.text}"), quote=True
        )
        return f'{match.group(0)[:-1]} tabindex="0" role="button" aria-label="{label}">'

    result = _STATEMENT_NODE.sub(named, svg)
    keys = {r.key for r in drawn.relations}

    def edge(match: re.Match[str]) -> str:
        identifier = html.unescape(match.group(1))
        key = identifier if identifier in keys else identifier.rsplit("-", 1)[0]
        if key not in keys:
            return match.group(0)
        label = html.escape(visible_controls(f"relation {_sentence(drawn.relation(key))}"), quote=True)
        # Focusable by click and from the panel, not by Tab: Tab walks the statements.
        return (
            f'{match.group(0)[:-1]} tabindex="-1" role="button" '
            f'data-relation="{html.escape(key, quote=True)}" aria-label="{label}">'
        )

    result = _RELATION_EDGE.sub(edge, result)
    seen = set(found)
    missing = [s.id for s in drawn.statements if s.id not in seen]
    if missing:
        raise OutputError(f"the drawing has no node for: {', '.join(missing)}")
    return result


class _Index:
    """Relations by target and by source, so that listing a statement's relations stays linear."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.into: dict[str, list[Relation]] = {}
        self.out_of: dict[str, list[Relation]] = {}
        for relation in argument_map.relations:
            self.into.setdefault(relation.to, []).append(relation)
            for source in dict.fromkeys(relation.sources):
                self.out_of.setdefault(source, []).append(relation)


def _relations_of(index: _Index, statement_id: str) -> list[dict[str, Any]]:
    """The relations into and out of a statement, each with the statements at its other end."""
    argument_map = index.map
    entries = [
        _entry(index, relation, "in", _VERBS[relation.type, "in"], list(relation.sources))
        for relation in index.into.get(statement_id, ())
    ]
    for relation in index.out_of.get(statement_id, ()):
        others = [s for s in relation.sources if s != statement_id]
        if argument_map.is_undercut(relation):
            attacked = argument_map.relation(relation.to)
            entry = _entry(index, relation, "out", "undercuts", [*attacked.sources, attacked.to])
            entry["detail"] = f"the inference {attacked.key}: {_sentence(attacked)}" + _jointly(others)
        else:
            entry = _entry(index, relation, "out", _VERBS[relation.type, "out"], [relation.to])
            entry["detail"] += _jointly(others)
        entries.append(entry)
    return entries


def _entry(index: _Index, relation: Relation, direction: str, verb: str, ends: list[str]) -> dict[str, Any]:
    argument_map = index.map
    undercuts = [r.key for r in index.into.get(relation.key, ())]
    detail = f"undercut by {', '.join(undercuts)}" if undercuts else ""
    if relation.scheme:
        detail = f"{relation.scheme}; {detail}" if detail else relation.scheme
    return {
        "direction": direction,
        "verb": verb,
        "relation": relation.key,
        "ends": [
            {"id": end, "text": argument_map.statement(end).text}
            for end in ends
            if argument_map.has_statement(end)
        ],
        "detail": detail,
    }


def _relation_entry(argument_map: ArgumentMap, relation: Relation) -> dict[str, Any]:
    """What the side panel says about a relation: its ends and what it means."""

    def end(identifier: str) -> dict[str, str]:
        if argument_map.has_statement(identifier):
            return {"id": identifier, "text": argument_map.statement(identifier).text}
        return {"id": identifier, "text": f"the inference {_sentence(argument_map.relation(identifier))}"}

    kind = "undercut" if argument_map.is_undercut(relation) else relation.type
    return {
        "id": relation.key,
        "type": kind,
        "sentence": _sentence(relation),
        "meaning": _MEANINGS[kind],
        "sources": [end(s) for s in relation.sources],
        "target": end(relation.to),
        "scheme": relation.scheme,
        "note": relation.note,
    }


def _sentence(relation: Relation) -> str:
    return f"{' + '.join(relation.sources)} {relation.type}s {relation.to}"


def _jointly(others: list[str]) -> str:
    return f" (jointly with {', '.join(others)})" if others else ""


def _passage(source: SourceDocument, start: int, end: int) -> dict[str, str]:
    before = source.text[max(0, start - CONTEXT) : start]
    after = source.text[end : end + CONTEXT]
    return {
        "before": ("…" if start > CONTEXT else "") + before,
        "span": source.text[start:end],
        "after": after + ("…" if end + CONTEXT < len(source.text) else ""),
    }


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
