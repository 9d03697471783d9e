"""Worksheets and answer keys as documents: headings, paragraphs, lists and tables.

:func:`worksheet_document` and :func:`key_document` lay out an
:class:`~argmap.teaching.exercise.Exercise` once, as a :class:`Document` of plain blocks;
:func:`markdown` and :func:`html_page` write a document as text (every piece of map text
escaped: :func:`argmap.escape.markdown_inline`, :func:`html.escape`), and
:func:`argmap.teaching.pdf.pdf_bytes` typesets it.

Examples
--------
>>> doc = Document(title="T <1>", blocks=(Paragraph("a *b*"), Items(("x", "y"), ordered=True)))
>>> print(markdown(doc), end="")
# T \\<1\\>
<BLANKLINE>
a \\*b\\*
<BLANKLINE>
1. x
2. y
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass

from argmap.analysis.results import WeakLink
from argmap.escape import markdown_inline, visible_controls
from argmap.teaching.exercise import CriticalQuestionItem, Exercise, Worksheet

__all__ = [
    "Block",
    "Document",
    "Heading",
    "Items",
    "Paragraph",
    "Table",
    "html_page",
    "item_heading",
    "key_document",
    "markdown",
    "sheet_intro",
    "worksheet_document",
]

KEY_WEAK_LINKS = 10
"""How many weak links (other than open critical questions) the key lists."""

PLACEHOLDER_NOTE = (
    "Lower-case letters inside a critical question (p, e, d...) stand for the parts of the scheme; "
    "the statements are lettered in capitals."
)


@dataclass(frozen=True)
class Heading:
    """A heading of level 2 or 3 (the document's title is level 1)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; ``emphasis`` sets it apart (a note, a warning)."""

    text: str
    emphasis: bool = False


@dataclass(frozen=True)
class Items:
    """A list, numbered when ``ordered``; ``start`` numbers the first item."""

    items: tuple[str, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Table:
    """A table with a header row; ``widths`` are the columns' shares of the page width."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


Block = Heading | Paragraph | Items | Table


@dataclass(frozen=True)
class Document:
    """A title and blocks, in reading order."""

    title: str
    blocks: tuple[Block, ...]


def sheet_intro(sheet: Worksheet) -> str:
    """The sentence that opens a worksheet: what the letters are, and which is the main claim.

    Examples
    --------
    >>> import argmap
    >>> from argmap.teaching.exercise import exercise
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nmain_claim: C\\nstatements: [{id: C, kind: claim, text: c}]")
    >>> intro = sheet_intro(exercise(m, seed=4).worksheet)
    >>> "(seed 4)" in intro, intro.endswith("the letters are only names. The main claim is A.")
    (True, True)
    """
    main = f" The main claim is {sheet.main_claim}." if sheet.main_claim is not None else ""
    order = f"in a shuffled order (seed {sheet.seed})"
    return f"The statements of an argument, {order}: the letters are only names.{main}"


def worksheet_document(sheet: Worksheet) -> Document:
    """The worksheet students get: the lettered statements, the relations if shown, the tasks.

    Parameters
    ----------
    sheet : Worksheet

    Returns
    -------
    Document

    Examples
    --------
    >>> import argmap
    >>> from argmap.teaching.exercise import exercise
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
    >>> [type(b).__name__ for b in worksheet_document(exercise(m).worksheet).blocks]
    ['Paragraph', 'Heading', 'Table', 'Heading', 'Items']
    """
    blocks: list[Block] = [Paragraph(sheet_intro(sheet)), Heading("Statements")]
    if sheet.hide == "relations":
        rows = tuple((s.letter, s.text, s.kind or "") for s in sheet.statements)
        blocks.append(Table(("", "statement", "kind"), rows, (0.07, 0.75, 0.18)))
    else:
        rows = tuple((s.letter, s.text, "") for s in sheet.statements)
        blocks.append(Table(("", "statement", "kind?"), rows, (0.07, 0.75, 0.18)))
    if sheet.relations:
        blocks += [Heading("Relations"), Items(tuple(r.sentence for r in sheet.relations))]
    blocks += [Heading("Tasks"), Items(tuple(t.prompt for t in sheet.tasks), ordered=True)]
    if sheet.critical_questions:
        heading = "Steps that follow a scheme" if sheet.hide == "kinds" else "Patterns of argument in the map"
        blocks += [Heading(heading, 3), Paragraph(PLACEHOLDER_NOTE, emphasis=True)]
        for item in sheet.critical_questions:
            blocks.append(Paragraph(item_heading(item)))
            blocks.append(Items(item.questions, ordered=True))
    return Document(f"Worksheet: {sheet.title}", tuple(blocks))


def item_heading(item: CriticalQuestionItem) -> str:
    """What a critical-question item is about: its step, or (relations hidden) its scheme and count.

    Examples
    --------
    >>> from argmap.teaching.exercise import CriticalQuestionItem
    >>> item = CriticalQuestionItem(relation=None, step=None, scheme="argument-from-example",
    ...     scheme_name="Argument from example", questions=("Is it true?",), question_ids=("truth",), steps=2)
    >>> item_heading(item)
    'Argument from example: 2 steps of the argument follow this pattern.'
    >>> item_heading(item.model_copy(update={"step": "B supports A", "steps": 1}))
    'B supports A: argument from example.'
    """
    if item.step is not None:
        return f"{item.step}: {item.scheme_name.lower()}."
    steps = (
        "1 step of the argument follows" if item.steps == 1 else f"{item.steps} steps of the argument follow"
    )
    return f"{item.scheme_name}: {steps} this pattern."


def key_document(ex: Exercise, key_map_name: str = "the key map") -> Document:
    """The answer key: every statement's kind and original id, the relations, weak links, open questions.

    Parameters
    ----------
    ex : Exercise
    key_map_name : str
        How to name the file of ``ex.key.answer_map`` in the grading hint.

    Returns
    -------
    Document

    Examples
    --------
    >>> import argmap
    >>> from argmap.teaching.exercise import exercise
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
    >>> key_document(exercise(m)).blocks[2].rows
    (('A', 'claim', 'C', 'c'),)
    """
    sheet, key = ex.worksheet, ex.key
    blocks: list[Block] = [
        Paragraph(
            "For the teacher: keep this apart from the worksheet. A student's map, drawn with the "
            f"letters, is graded with: argmap grade STUDENT_MAP {key_map_name}",
            emphasis=True,
        ),
        Heading("Statements"),
        Table(
            ("", "kind", "id", "statement"),
            tuple((row.letter, row.kind, row.id, row.text) for row in sorted(key.statements, key=_by_letter)),
            (0.07, 0.13, 0.12, 0.68),
        ),
        Heading("Relations"),
        Items(tuple(_with_scheme(r.sentence, r.scheme) for r in key.relations) or ("(none)",)),
        Heading("Weak links"),
    ]
    links = [w for w in key.weak_links if w.kind != "open-critical-question"]
    if links:
        blocks.append(
            Table(
                ("kind", "where", "why", "severity"),
                tuple(_weak_link_row(w) for w in links[:KEY_WEAK_LINKS]),
                (0.2, 0.12, 0.56, 0.12),
            )
        )
        if len(links) > KEY_WEAK_LINKS:
            blocks.append(
                Paragraph(f"{len(links) - KEY_WEAK_LINKS} more: run argmap analyze on {key_map_name}.")
            )
    else:
        blocks.append(Paragraph("argmap finds no weak link in the argument for the main claim."))
    if key.critical_questions:
        blocks += [Heading("Open critical questions"), Paragraph(PLACEHOLDER_NOTE, emphasis=True)]
        for item in key.critical_questions:
            open_ids = set(key.open_questions.get(item.relation or "", ()))
            blocks.append(Paragraph(item_heading(item)))
            blocks.append(
                Items(
                    tuple(
                        f"{'OPEN' if qid in open_ids else 'answered'}: {text}"
                        for qid, text in zip(item.question_ids, item.questions, strict=True)
                    ),
                    ordered=True,
                )
            )
    return Document(f"Answer key: {sheet.title}", tuple(blocks))


def _by_letter(row: object) -> tuple[int, str]:
    letter = getattr(row, "letter", "")
    return len(letter), letter


def _with_scheme(sentence: str, scheme: str | None) -> str:
    return f"{sentence} ({scheme})" if scheme else sentence


def _weak_link_row(link: WeakLink) -> tuple[str, str, str, str]:
    where = ", ".join(node for node in link.nodes if "." not in node) or link.nodes[-1]
    return link.kind.replace("-", " "), where, link.explanation, f"{link.severity:.2f}"


def markdown(document: Document) -> str:
    """The document as Markdown, every piece of text escaped.

    Examples
    --------
    >>> print(markdown(Document("T", (Table(("a", "b"), (("x|y", "z"),), (0.5, 0.5)),))), end="")
    # T
    <BLANKLINE>
    | a | b |
    |---|---|
    | x\\|y | z |
    """
    out = [f"# {markdown_inline(document.title)}"]
    for block in document.blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {markdown_inline(block.text)}")
        elif isinstance(block, Paragraph):
            text = markdown_inline(block.text)
            out.append(f"*{text}*" if block.emphasis else text)
        elif isinstance(block, Items):
            out.append(
                "\n".join(
                    (f"{block.start + i}. " if block.ordered else "- ") + markdown_inline(item)
                    for i, item in enumerate(block.items)
                )
            )
        else:
            lines = [
                "| " + " | ".join(markdown_inline(cell) for cell in block.header) + " |",
                "|" + "---|" * len(block.header),
            ]
            lines += [
                "| " + " | ".join(markdown_inline(cell) or " " for cell in row) + " |" for row in block.rows
            ]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


_STYLE = """body { font: 16px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
  padding: 0 1rem; color: #1d1d1f; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #c8c8cc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f1f1f4; }
.note { font-style: italic; color: #4a4a50; }
@media print { body { margin: 0; max-width: none; } }
"""


def html_page(document: Document) -> str:
    """The document as a self-contained HTML page (no script; a policy that allows only its style).

    Examples
    --------
    >>> page = html_page(Document("<T>", (Paragraph("<script>x</script>"),)))
    >>> "<script>" in page, "&lt;script&gt;x&lt;/script&gt;" in page
    (False, True)
    """
    policy = f"default-src 'none'; style-src '{_sha256(_STYLE)}'; base-uri 'none'; form-action 'none'"
    title = _html_text(document.title)
    body = [f"<h1>{title}</h1>"]
    for block in document.blocks:
        body.append(html_block(block))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def html_block(block: Block) -> str:
    """One block as HTML, its text escaped.

    Examples
    --------
    >>> html_block(Items(("a & b",), ordered=True, start=3))
    '<ol start="3"><li>a &amp; b</li></ol>'
    """
    if isinstance(block, Heading):
        return f"<h{block.level}>{_html_text(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        opening = '<p class="note">' if block.emphasis else "<p>"
        return f"{opening}{_html_text(block.text)}</p>"
    if isinstance(block, Items):
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = "".join(f"<li>{_html_text(item)}</li>" for item in block.items)
        return f"<{tag}{start}>{items}</{tag}>"
    head = "".join(f"<th>{_html_text(cell)}</th>" for cell in block.header)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_html_text(cell)}</td>" for cell in row) + "</tr>" for row in block.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _html_text(text: str) -> str:
    """Map text as HTML: markup escaped, control characters shown (XML 1.0 forbids them)."""
    return html.escape(visible_controls(text))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
