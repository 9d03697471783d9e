"""Worksheets and answer keys as PDF, typeset in pure Python with fpdf2 (no browser, no system tool).

fpdf2 is an optional dependency: ``pip install 'argmap[pdf]'``; without it
:func:`pdf_bytes` raises a :class:`~argmap.errors.UsageError` saying so.

Text is set in a Unicode TrueType font when one is found: the file named by the
environment variable ``ARGMAP_PDF_FONT``, else DejaVu Sans or Liberation Sans where Linux
distributions install them, else Arial or Helvetica from macOS and Windows. Without one,
fpdf2's built-in Helvetica is used, which shows only the Windows-1252 characters (Western
European letters, curly quotes, dashes); any other character is then an
:class:`~argmap.errors.OutputError` that says how to set a font. The output is
deterministic: the same document gives the same bytes.

Examples
--------
>>> from argmap.teaching.documents import Document, Paragraph
>>> pdf_bytes(Document("T", (Paragraph("Hello."),)))[:5]
b'%PDF-'
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argmap.errors import OutputError, UsageError
from argmap.teaching.documents import Document, Heading, Items, Paragraph, Table

__all__ = ["FONT_ENV", "find_font", "pdf_bytes"]

FONT_ENV = "ARGMAP_PDF_FONT"
_FONT_PLACES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
_BOLD = {"DejaVuSans.ttf": "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf": "LiberationSans-Bold.ttf"}
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_MARGIN = 18.0


def find_font(environ: dict[str, str] | None = None) -> Path | None:
    """The TrueType font PDF text is set in, or None for fpdf2's built-in Helvetica.

    Parameters
    ----------
    environ : dict, optional
        The environment to read ``ARGMAP_PDF_FONT`` from (default: ``os.environ``).

    Raises
    ------
    UsageError
        If ``ARGMAP_PDF_FONT`` names a file that does not exist.

    Examples
    --------
    >>> find_font({"ARGMAP_PDF_FONT": "/no/such/font.ttf"})
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: ARGMAP_PDF_FONT names no file: /no/such/font.ttf
    """
    variables = os.environ if environ is None else environ
    named = variables.get(FONT_ENV)
    if named:
        if not Path(named).is_file():
            raise UsageError(f"{FONT_ENV} names no file: {named}")
        return Path(named)
    return next((Path(p) for p in _FONT_PLACES if Path(p).is_file()), None)


def pdf_bytes(document: Document, *, font: Path | None = None, builtin_font: bool = False) -> bytes:
    """The document typeset as an A4 PDF.

    Parameters
    ----------
    document : Document
    font : Path, optional
        A TrueType font; by default :func:`find_font` chooses.
    builtin_font : bool
        Use fpdf2's built-in Helvetica even when a TrueType font is found.

    Returns
    -------
    bytes

    Raises
    ------
    UsageError
        If fpdf2 is not installed.
    OutputError
        If the built-in font is used and the text has a character it cannot show.

    Examples
    --------
    >>> from argmap.teaching.documents import Document, Paragraph
    >>> pdf_bytes(Document("T", (Paragraph("Zoë"),)), builtin_font=True) == pdf_bytes(
    ...     Document("T", (Paragraph("Zoë"),)), builtin_font=True)
    True
    >>> try:
    ...     pdf_bytes(Document("T", (Paragraph("Kyiv → Lviv"),)), builtin_font=True)
    ... except OutputError as exc:
    ...     print(str(exc).split(":")[0])
    the built-in PDF font cannot show '→' (in 'Kyiv → Lviv')
    """
    try:
        from fpdf import FPDF
        from fpdf.fonts import FontFace
    except ImportError:
        raise UsageError("PDF output needs fpdf2: pip install 'argmap[pdf]'") from None
    chosen = None if builtin_font else (font if font is not None else find_font())
    pdf = FPDF(format="A4")
    pdf.set_creation_date(_EPOCH)
    pdf.set_margins(_MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    if chosen is not None:
        family = "body"
        pdf.add_font(family, "", str(chosen))
        bold = chosen.with_name(_BOLD.get(chosen.name, chosen.name))
        pdf.add_font(family, "B", str(bold if bold.is_file() else chosen))
    else:
        family = "helvetica"
        pdf.core_fonts_encoding = "windows-1252"
        _check_encodable(document)
    pdf.set_title(document.title)
    pdf.add_page()
    writer = _Writer(pdf, family, FontFace)
    writer.heading(document.title, 1)
    for block in document.blocks:
        writer.block(block)
    return bytes(pdf.output())


class _Writer:
    def __init__(self, pdf: Any, family: str, font_face: Any) -> None:
        self.pdf = pdf
        self.family = family
        self.font_face = font_face

    def heading(self, text: str, level: int) -> None:
        size = {1: 17, 2: 13.5, 3: 12}.get(level, 12)
        self.pdf.ln(2 if level > 1 else 0)
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1.5)

    def block(self, block: Heading | Paragraph | Items | Table) -> None:
        pdf = self.pdf
        if isinstance(block, Heading):
            self.heading(block.text, block.level)
        elif isinstance(block, Paragraph):
            pdf.set_font(self.family, "", 10.5)
            if block.emphasis:
                pdf.set_text_color(70, 70, 80)
            pdf.multi_cell(0, 5.2, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(2)
        elif isinstance(block, Items):
            pdf.set_font(self.family, "", 10.5)
            for number, item in enumerate(block.items, start=block.start):
                marker = f"{number}." if block.ordered else "\u2022" if self.family != "helvetica" else "-"
                pdf.cell(8, 5.2, marker)
                pdf.multi_cell(0, 5.2, item, align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
            pdf.ln(1.5)
        else:
            pdf.set_font(self.family, "", 9.5)
            width = pdf.epw
            heading_style = self.font_face(emphasis="BOLD", fill_color=(236, 236, 242))
            with pdf.table(
                col_widths=tuple(w * width for w in block.widths),
                headings_style=heading_style,
                line_height=4.8,
                text_align="LEFT",
                first_row_as_headings=True,
            ) as table:
                table.row(block.header)
                for cells in block.rows:
                    table.row(cells)
            pdf.ln(2)


def _check_encodable(document: Document) -> None:
    texts = [document.title]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            texts.append(block.text)
        elif isinstance(block, Items):
            texts.extend(block.items)
        else:
            texts.extend(block.header)
            texts.extend(cell for row in block.rows for cell in row)
    for text in texts:
        for char in text:
            try:
                char.encode("windows-1252")
            except UnicodeEncodeError:
                raise OutputError(
                    f"the built-in PDF font cannot show {char!r} (in {text[:40]!r}): set {FONT_ENV} to a "
                    "TrueType font that can, e.g. DejaVuSans.ttf"
                ) from None
