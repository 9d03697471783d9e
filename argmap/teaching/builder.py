"""The HTML worksheet: students build the map by clicking, and download it as an argmap file.

One self-contained page (``builder.js`` and ``builder.css`` beside this module, inline; a
Content-Security-Policy that allows exactly them and nothing else, so the page makes no
request). It lists the lettered statements and the tasks; a student clicks the statement
an arrow starts from (Shift-click adds more, for a linked argument), then the statement it
goes to (or a drawn relation, for an attack on a step), and chooses *supports* or
*attacks*. Kinds, when hidden, are chosen per statement. The drawn relations are listed
and drawn in a small diagram, each can be deleted, and *undo* takes back the last change.
*Download* writes the map as YAML or JSON, with the letters as ids: ``argmap validate``
reads it and ``argmap grade`` grades it against the key map. The steps of the critical-question
task, which name relations, wait at the end of the page in a closed ``<details>`` box.

The page holds only what the worksheet shows (never the hidden kinds or relations), as
JSON in a ``<script type="application/json">`` element with ``<``, ``>`` and ``&``
escaped; the script puts text into the page with ``textContent`` only.

Examples
--------
>>> import argmap
>>> from argmap.teaching.exercise import exercise
>>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: </script>}\\n")
>>> page = builder_page(exercise(m).worksheet)
>>> page.count("</script>"), "\\\\u003c/script\\\\u003e" in page
(2, True)
"""

from __future__ import annotations

import base64
import hashlib
import html
from importlib import resources
from typing import Any

from argmap.escape import visible_controls
from argmap.model import STATEMENT_KINDS
from argmap.render.html import page_data_json
from argmap.teaching.documents import PLACEHOLDER_NOTE, item_heading, sheet_intro
from argmap.teaching.exercise import Worksheet

__all__ = ["builder_data", "builder_page"]


def builder_data(sheet: Worksheet) -> dict[str, Any]:
    """What the page knows: the worksheet, and nothing it hides.

    Parameters
    ----------
    sheet : Worksheet

    Returns
    -------
    dict
        ``title``, ``intro`` and ``placeholder_note`` (sentences of the sheet), ``seed``, ``hide``,
        ``main_claim``, ``kinds`` (the kinds to choose from),
        ``statements`` (``letter``, ``text``, ``kind`` or None), ``relations`` (those the
        sheet shows), ``tasks`` (prompts) and ``critical_questions``.

    Examples
    --------
    >>> import argmap
    >>> from argmap.teaching.exercise import exercise
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
    >>> builder_data(exercise(m, hide="kinds").worksheet)["statements"]
    [{'letter': 'A', 'text': 'c', 'kind': None}]
    """
    return {
        "title": sheet.title,
        "intro": sheet_intro(sheet),
        "placeholder_note": PLACEHOLDER_NOTE,
        "seed": sheet.seed,
        "hide": sheet.hide,
        "main_claim": sheet.main_claim,
        "kinds": list(STATEMENT_KINDS),
        "statements": [s.model_dump(mode="json") for s in sheet.statements],
        "relations": [
            {"id": r.id, "type": r.type, "from": list(r.sources), "to": r.to, "sentence": r.sentence}
            for r in sheet.relations
        ],
        "tasks": [t.prompt for t in sheet.tasks],
        "critical_questions": [
            {
                "step": item.step,
                "scheme": item.scheme_name,
                "heading": item_heading(item),
                "questions": list(item.questions),
            }
            for item in sheet.critical_questions
        ],
    }


def builder_page(sheet: Worksheet) -> str:
    """The worksheet as an HTML page on which students build and download their map.

    Parameters
    ----------
    sheet : Worksheet

    Returns
    -------
    str
        A complete HTML5 document.

    Examples
    --------
    >>> import argmap
    >>> from argmap.teaching.exercise import exercise
    >>> m = argmap.loads("argmap: 1\\ntitle: <T>\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
    >>> page = builder_page(exercise(m).worksheet)
    >>> page.startswith("<!DOCTYPE html>"), "<title>Worksheet: &lt;T&gt;</title>" in page
    (True, True)
    """
    folder = resources.files("argmap.teaching")
    script = folder.joinpath("builder.js").read_text(encoding="utf-8")
    style = folder.joinpath("builder.css").read_text(encoding="utf-8")
    policy = (
        f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    title = html.escape(visible_controls(f"Worksheet: {sheet.title}"))
    data = page_data_json(builder_data(sheet))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<header><h1 id="title">{title}</h1><p id="intro"></p></header>\n'
        '<section aria-labelledby="tasks-heading"><h2 id="tasks-heading">Tasks</h2><ol id="tasks"></ol>'
        "</section>\n"
        '<main>\n<section aria-labelledby="statements-heading"><h2 id="statements-heading">Statements</h2>'
        '<p class="hint">Click the statement an arrow starts from (Shift-click to add more, for statements '
        "that work only together), then the statement it goes to, then choose <em>supports</em> or "
        "<em>attacks</em>. To attack a step, choose a drawn relation as the target.</p>"
        '<ol id="statements"></ol></section>\n'
        '<section id="builder" aria-labelledby="builder-heading"><h2 id="builder-heading">Your map</h2>'
        '<p id="status" role="status" aria-live="polite"></p>'
        '<div class="buttons"><button type="button" id="as-support" disabled>supports</button>'
        '<button type="button" id="as-attack" disabled>attacks</button>'
        '<button type="button" id="clear">clear selection</button>'
        '<button type="button" id="undo" disabled>undo</button></div>'
        '<h3>Relations you drew</h3><ol id="drawn"></ol>'
        '<ul id="given"></ul>'
        '<svg id="diagram" role="img" aria-label="diagram of your map" viewBox="0 0 400 400"></svg>'
        '<p><label for="student">Your name</label> <input id="student" type="text" autocomplete="name"></p>'
        '<div class="buttons"><button type="button" id="download-yaml">download YAML</button>'
        '<button type="button" id="download-json">download JSON</button></div>'
        "</section>\n</main>\n"
        '<details id="questions" hidden><summary>Patterns of argument and their critical questions: '
        "open this after drawing the map</summary></details>\n"
        f'<script type="application/json" id="worksheet-data">{data}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
