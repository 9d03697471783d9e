"""All quoting of map text for the formats argmap writes as text, in one place.

Map text comes from people argmap does not know: a statement may read
``<script>alert(1)</script>`` or ``=HYPERLINK(...)``. Whatever writes it into Markdown or
a table cell (a CSV cell among them) passes it through here. (DOT and HTML are quoted by the ``graphviz``
package and :mod:`html`; see ``argmap.render``.)

Examples
--------
>>> markdown_inline("a *bold* <b>claim</b>\\nover two lines")
'a \\\\*bold\\\\* \\\\<b\\\\>claim\\\\</b\\\\> over two lines'
"""

from __future__ import annotations

__all__ = [
    "CSV_FORMULA_TRIGGERS",
    "csv_cell",
    "csv_cell_value",
    "markdown_inline",
    "terminal_line",
    "visible_controls",
]

_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>|~#")

CSV_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV Injection")."""


_CONTROLS = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n\r"} | {0x7F: 0x2421}
_CONTROLS |= {code: 0xFFFD for code in range(0x80, 0xA0)}


def visible_controls(text: str) -> str:
    """Control characters shown as symbols: a NUL as ``␀``, an escape as ``␛`` (tabs and line breaks kept).

    C0 controls and DEL become their Unicode "control pictures"; C1 controls (U+0080 to
    U+009F), which no text means, the replacement character. Graphviz's parser stops at a
    NUL and XML 1.0 forbids the C0 controls, so text passes through here before it is
    written into DOT, SVG, HTML or Markdown; the map itself keeps the text as it was.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The text, every control character but tab, line feed and carriage return replaced.

    Examples
    --------
    >>> visible_controls("nul\\x00 bell\\x07 esc\\x1b tab\\t")
    'nul␀ bell␇ esc␛ tab\\t'
    """
    return text.translate(_CONTROLS)


def terminal_line(text: str) -> str:
    """Text made inert on a terminal, on one line: controls shown, line breaks and tabs as spaces.

    An escape (``ESC [ 2 J``, an OSC title or hyperlink), a bell or a carriage return in a
    statement, a title or a file name would otherwise be acted on by the terminal that
    prints it: ``show``, ``outline`` and every error line pass text through here.

    Examples
    --------
    >>> terminal_line("a\\x1b]0;owned\\x07 b\\r\\nc")
    'a␛]0;owned␇ b c'
    """
    return visible_controls(text).replace("\r\n", " ").translate(_LINE_BREAKS)


_LINE_BREAKS = {ord("\r"): " ", ord("\n"): " ", ord("\t"): " ", 0x2028: " ", 0x2029: " "}


def markdown_inline(text: str) -> str:
    """Text made inert inside a Markdown line or table cell: markup escaped, controls shown, one line.

    Examples
    --------
    >>> markdown_inline("x | y")
    'x \\\\| y'
    """
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in visible_controls(text))
    return " ".join(escaped.split())


def csv_cell(text: str) -> str:
    """Text made inert as a CSV cell: a spreadsheet shows it, never runs it as a formula.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    (:data:`CSV_FORMULA_TRIGGERS`) is what Excel, LibreOffice and Google Sheets read as a
    formula (``=HYPERLINK(...)``, ``@SUM(...)``, ``-2+3``): such a cell gets a leading
    ``'``, which spreadsheets take as "this is text" and do not show. A cell that already
    starts with ``'`` gets one more, so that :func:`csv_cell_value` gives back the exact
    text. Quoting of commas, quotes and newlines is the :mod:`csv` module's job, not this
    function's. Apply it to text cells only: numbers are written as numbers.

    Parameters
    ----------
    text : str
        The cell's text.

    Returns
    -------
    str
        The text, prefixed with ``'`` if it starts with a trigger or a ``'``.

    Examples
    --------
    >>> print(csv_cell('=HYPERLINK("http://evil.example","click")'))
    '=HYPERLINK("http://evil.example","click")
    >>> csv_cell("-2+3"), csv_cell("'quoted"), csv_cell("plain text")
    ("'-2+3", "''quoted", 'plain text')
    """
    if text.startswith(CSV_FORMULA_TRIGGERS) or text.startswith("'"):
        return "'" + text
    return text


def csv_cell_value(cell: str) -> str:
    """The text a cell written by :func:`csv_cell` holds (its inverse).

    Examples
    --------
    >>> csv_cell_value(csv_cell("=1+1")), csv_cell_value(csv_cell("'x")), csv_cell_value("a")
    ('=1+1', "'x", 'a')
    """
    return cell[1:] if cell.startswith("'") else cell
