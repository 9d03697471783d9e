"""All quoting of map text for the formats argmap writes as text, in one place.

Map text comes from people argmap does not know: a statement may read
``<script>alert(1)</script>`` or ``=HYPERLINK(...)``. Whatever writes it into Markdown or
a table cell passes it through here. (DOT and HTML are quoted by the ``graphviz``
package and :mod:`html`; see ``argmap.render``.)

Examples
--------
>>> markdown_inline("a *bold* <b>claim</b>\\nover two lines")
'a \\\\*bold\\\\* \\\\<b\\\\>claim\\\\</b\\\\> over two lines'
"""

from __future__ import annotations

__all__ = ["markdown_inline"]

_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~#")


def markdown_inline(text: str) -> str:
    """Text made inert inside a Markdown line or table cell: markup escaped, one line.

    Examples
    --------
    >>> markdown_inline("x | y")
    'x \\\\| y'
    """
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)
    return " ".join(escaped.split())
