"""``argmap render`` end to end: overlays from a real analysis, focus, themes, HTML, warnings, errors."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import argmap
from argmap.render.focus import neighbourhood
from argmap_cli.main import main
from tests.conftest import ARTICLE_MAP
from tests.render.test_layout import big_map


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.mark.parametrize(
    ("highlight", "mark"),
    [
        ("weak-links", "mark-weak"),
        ("chains", "mark-chain"),
        ("counterarguments", "mark-answered"),
        ("acceptability", "mark-in"),
        ("strength", "overlay-legend"),
    ],
)
def test_highlight_draws_the_analysis_over_the_map(
    highlight: str, mark: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "map.svg"
    code, out, err = run(["render", str(ARTICLE_MAP), "-o", str(out_path), "--highlight", highlight], capsys)
    assert code == 0, err
    assert err == "" and out == f"wrote {out_path}\n"
    svg = html.unescape(out_path.read_text())  # Graphviz writes the "-" of ids and classes as "&#45;"
    assert mark in svg and 'id="overlay-legend"' in svg
    assert svg.count('class="node statement') == 68


def test_focus_theme_rankdir_and_chain_reach_the_drawing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "map.dot"
    args = ["--focus", "C3", "--depth", "1", "--theme", "print", "--rankdir", "LR", "--highlight", "chains"]
    code, _, err = run(["render", str(ARTICLE_MAP), "-o", str(out_path), *args, "--chain", "1"], capsys)
    assert code == 0, err
    dot = out_path.read_text()
    near = neighbourhood(argmap.load(ARTICLE_MAP), "C3", 1)
    assert dot.count('class="statement') == len(near.map.statements)
    assert "rankdir=LR" in dot
    assert 'color="#000000"' in dot and "#0072B2" not in dot  # the print theme
    assert "mark-off-chain" in dot and "A support chain" in dot


def test_html_with_the_source_quotes_each_statement(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    out_path = tmp_path / "map.html"
    code, _, err = run(
        [
            "render",
            str(ARTICLE_MAP),
            "-o",
            str(out_path),
            "--source",
            str(article),
            "--highlight",
            "weak-links",
        ],
        capsys,
    )
    assert code == 0, err
    page = out_path.read_text()
    assert (
        page.count('tabindex="0" role="button"') == 68
        and '"source":{"before":' in page
        and "weak link (" in page
    )


def test_a_big_map_is_drawn_whole_with_a_warning_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    big = tmp_path / "big.json"
    argmap.save(big_map(2000), big)
    out_path = tmp_path / "big.svg"
    code, _, err = run(["render", str(big), "-o", str(out_path)], capsys)
    assert code == 0
    (line,) = err.splitlines()
    assert line.startswith("argmap: warning: the map has 2000 statements and 2199 relations")
    assert "sfdp" in line
    assert out_path.read_text().count('class="node statement') == 2000


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--claim", "C1"], 2, "--claim and --chain go with --highlight"),
        (["--depth", "2"], 2, "--depth goes with --focus"),
        (["--focus", "C33"], 2, "no statement 'C33' (did you mean 'C3'?)"),
        (["--highlight", "chains", "--chain", "999"], 2, "there is no chain 999"),
        (
            ["--highlight", "strength", "--chain", "1"],
            2,
            "a chain can be chosen only when highlighting chains",
        ),
        (["--highlight", "glow"], 2, "Invalid value for '--highlight'"),
        (["--theme", "neon"], 2, "Invalid value for '--theme'"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    got, _, err = run(["render", str(ARTICLE_MAP), "-o", str(tmp_path / "m.svg"), *args], capsys)
    assert got == code
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "m.svg").exists()


def test_a_source_goes_with_every_format_and_an_output_over_the_source_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    for suffix in ("svg", "dot", "png"):
        args = ["render", str(ARTICLE_MAP), "-o", str(tmp_path / f"m.{suffix}"), "--source", str(article)]
        code, _, err = run(args, capsys)
        assert code == 0, err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Another text altogether.")
    code, _, err = run(
        ["render", str(ARTICLE_MAP), "-o", str(tmp_path / "w.svg"), "--source", str(wrong)], capsys
    )
    assert code == 1 and "source.sha256 does not match" in err and not (tmp_path / "w.svg").exists()
    copy = tmp_path / "article.html"
    copy.write_bytes(article.read_bytes())
    code, _, err = run(["render", str(ARTICLE_MAP), "-o", str(copy), "--source", str(copy)], capsys)
    assert code == 3 and "refusing to write over the input file" in err
