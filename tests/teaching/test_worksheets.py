"""Worksheets and keys as files: Markdown, HTML and PDF, escaped, apart, and through ``argmap exercise``."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import argmap
from argmap.errors import OutputError, UsageError
from argmap.model import ArgumentMap, Relation, Statement
from argmap.teaching.builder import builder_data, builder_page
from argmap.teaching.documents import key_document, markdown, worksheet_document
from argmap.teaching.exercise import exercise
from argmap.teaching.pdf import find_font, pdf_bytes
from argmap.teaching.worksheets import write_exercise
from argmap_cli.main import main
from tests.conftest import ARTICLE_MAP
from tests.render.test_html import HOSTILE

ARTICLE = argmap.load(ARTICLE_MAP)
UKRAINIAN = "\u041a\u0438\u0457\u0432 \u0456 \u041b\u044c\u0432\u0456\u0432"  # Kyiv and Lviv


def hostile() -> ArgumentMap:
    return ArgumentMap(
        title=f"Title {HOSTILE}",
        main_claim="C",
        statements=[
            Statement(id="C", kind="claim", text=HOSTILE),
            Statement(id="P", kind="premise", text="**bold** | [link](http://x) `code`\nnext line"),
        ],
        relations=[Relation(type="support", sources="P", to="C")],
    )


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_markdown_escapes_map_text() -> None:
    ex = exercise(hostile())
    sheet = markdown(worksheet_document(ex.worksheet))
    assert HOSTILE not in sheet and "\\<script\\>alert(1)\\</script\\>" in sheet
    assert "\\*\\*bold\\*\\* \\| \\[link\\](http://x) \\`code\\` next line" in sheet
    assert "<" not in markdown(key_document(ex)).replace("\\<", "")


def test_the_markdown_sheet_gives_away_nothing_it_hides() -> None:
    ex = exercise(ARTICLE, hide="all", seed=2)
    sheet = markdown(worksheet_document(ex.worksheet))
    for row in ex.key.statements:
        assert re.search(rf"\b{re.escape(row.id)}\b", sheet) is None, row.id
    without_schemes = [r for r in ex.key.relations if r.scheme is None]
    assert without_schemes and not any(r.sentence in sheet for r in without_schemes)
    assert "| premise |" not in sheet and "| A | " in sheet
    key = markdown(key_document(ex, "w.key.yaml"))
    assert all(r.sentence in key for r in ex.key.relations)
    assert "argmap grade STUDENT\\_MAP w.key.yaml" in key


def test_the_builder_page_holds_only_what_the_sheet_shows() -> None:
    ex = exercise(ARTICLE, hide="all", seed=2)
    data = builder_data(ex.worksheet)
    assert data["relations"] == [] and all(s["kind"] is None for s in data["statements"])
    page = builder_page(ex.worksheet)
    payload = page.split('id="worksheet-data">')[1].split("</script>")[0]
    assert json.loads(payload) == data
    assert not any(f'"{row.id}"' in page for row in ex.key.statements)
    shown = builder_data(exercise(ARTICLE, hide="kinds", seed=2).worksheet)
    assert len(shown["relations"]) == len(ARTICLE.relations)


def test_pdf_has_the_statements_and_the_key_its_answers() -> None:
    ex = exercise(ARTICLE, seed=4)
    sheet = pdf_text(pdf_bytes(worksheet_document(ex.worksheet)))
    first = ex.worksheet.statements[0]
    assert sheet.startswith("Worksheet: ") and first.text[:30] in " ".join(sheet.split())
    key = " ".join(pdf_text(pdf_bytes(key_document(ex))).split())
    assert key.startswith("Answer key: ") and ex.key.relations[0].sentence.split(" → ")[0] in key


def test_pdf_is_deterministic_and_the_builtin_font_refuses_what_it_cannot_show() -> None:
    document = worksheet_document(exercise(ARTICLE, seed=1).worksheet)
    assert pdf_bytes(document) == pdf_bytes(document)
    latin = worksheet_document(exercise(hostile()).worksheet)
    assert pdf_text(pdf_bytes(latin, builtin_font=True)).count(HOSTILE) == 2  # the title and statement C
    cyrillic = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text=UKRAINIAN)])
    with pytest.raises(OutputError, match=f"cannot show '{UKRAINIAN[0]}'.*ARGMAP_PDF_FONT"):
        pdf_bytes(worksheet_document(exercise(cyrillic).worksheet), builtin_font=True)


def test_a_unicode_font_shows_any_text(tmp_path: Path) -> None:
    font = find_font()
    if font is None:
        pytest.skip("no TrueType font found on this machine (set ARGMAP_PDF_FONT)")
    cyrillic = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text=UKRAINIAN)])
    assert UKRAINIAN in pdf_text(pdf_bytes(worksheet_document(exercise(cyrillic).worksheet), font=font))


def test_pdf_without_fpdf2_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fpdf", None)
    with pytest.raises(UsageError, match=r"pip install 'argmap\[pdf\]'"):
        pdf_bytes(worksheet_document(exercise(hostile()).worksheet))


def test_the_font_can_be_named_by_the_environment(tmp_path: Path) -> None:
    font = tmp_path / "f.ttf"
    font.write_bytes(b"")
    assert find_font({"ARGMAP_PDF_FONT": str(font)}) == font
    with pytest.raises(UsageError, match="names no file"):
        find_font({"ARGMAP_PDF_FONT": str(tmp_path / "missing.ttf")})


@pytest.mark.parametrize("suffix", [".md", ".html", ".pdf"])
def test_write_exercise_writes_sheet_key_and_key_map_apart(tmp_path: Path, suffix: str) -> None:
    files = write_exercise(ARTICLE, tmp_path / f"week{suffix}", seed=9)
    assert [p.name for p in files] == [f"week{suffix}", f"week.key{suffix}", "week.key.yaml"]
    key_map = argmap.load(files.key_map)
    assert key_map == exercise(ARTICLE, seed=9).key.answer_map
    assert argmap.grade(key_map, key_map).score == 1.0
    sheet, key = files.worksheet.read_bytes(), files.key.read_bytes()
    assert sheet != key and len(sheet) > 1000 and len(key) > 1000


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_exercise_command_writes_three_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "sheet.md"
    code, out, err = run(
        ["exercise", str(ARTICLE_MAP), "-o", str(out_path), "--hide", "kinds", "--seed", "3"], capsys
    )
    assert code == 0, err
    assert out.splitlines() == [
        f"worksheet: {out_path}",
        f"answer key: {tmp_path / 'sheet.key.md'}",
        f"key map: {tmp_path / 'sheet.key.yaml'}",
    ]
    expected = markdown(worksheet_document(exercise(ARTICLE, hide="kinds", seed=3).worksheet))
    assert out_path.read_text() == expected


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-o", "{tmp}/sheet.docx"], 2, "unknown worksheet format '.docx'; known: .md, .html, .pdf"),
        (["-o", "{tmp}/s.md", "--hide", "everything"], 2, "Invalid value for '--hide'"),
        (["-o", "{tmp}/missing/s.md"], 3, "cannot write"),
        ([], 2, "Missing option '-o'"),
    ],
)
def test_exercise_command_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    got, out, err = run(["exercise", str(ARTICLE_MAP), *(a.format(tmp=tmp_path) for a in args)], capsys)
    assert got == code and message in err and "Traceback" not in err and out == ""


def test_exercise_never_writes_over_its_map(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "w.key.yaml"
    source.write_bytes(ARTICLE_MAP.read_bytes())
    code, _, err = run(["exercise", str(source), "-o", str(tmp_path / "w.md")], capsys)
    assert code == 3 and "refusing to write over the input file" in err
    assert source.read_bytes() == ARTICLE_MAP.read_bytes() and not (tmp_path / "w.md").exists()


def test_a_pdf_worksheet_without_fpdf2_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "fpdf", None)
    code, _, err = run(["exercise", str(ARTICLE_MAP), "-o", str(tmp_path / "s.pdf")], capsys)
    assert code == 2 and err == "argmap: error: PDF output needs fpdf2: pip install 'argmap[pdf]'\n"
    assert list(tmp_path.iterdir()) == []


def test_an_exercise_is_written_all_or_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.io import writing

    first = write_exercise(ARTICLE, tmp_path / "week.md", seed=1)
    before = {path: path.read_bytes() for path in first}
    filled: list[Path] = []
    real = writing._fill

    def key_map_fails(temporary: Path, data: bytes, mode: int) -> None:
        filled.append(temporary)
        if len(filled) == 3:  # the key map, written last
            raise OSError(28, "No space left on device")
        real(temporary, data, mode)

    monkeypatch.setattr(writing, "_fill", key_map_fails)
    with pytest.raises(OutputError, match=r"week\.key\.yaml.*No space left on device"):
        write_exercise(ARTICLE, tmp_path / "week.md", seed=2)
    assert {path: path.read_bytes() for path in first} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in first)


def test_control_characters_in_the_title_are_shown_not_kept(tmp_path: Path) -> None:
    m = ArgumentMap(
        title="Bell\x07 and \x1b[31mred",
        statements=[Statement(id="C", kind="claim", text="a claim\x1b]0;owned\x07")],
    )
    files = write_exercise(m, tmp_path / "week.html")
    shown = "Bell\u2407 and \u241b[31mred"
    sheet, key = files.worksheet.read_text(encoding="utf-8"), files.key.read_text(encoding="utf-8")
    for page in (sheet, key):
        assert "\x07" not in page and "\x1b" not in page
    assert (
        f"<title>Worksheet: {shown}</title>" in sheet and f'<h1 id="title">Worksheet: {shown}</h1>' in sheet
    )
    assert f"<title>Answer key: {shown}</title>" in key and f"<h1>Answer key: {shown}</h1>" in key
