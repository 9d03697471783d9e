"""``argmap convert`` and ``argmap formats``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import argmap
from tests.conftest import ARTICLE_MAP, CORPORA, require_shared


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    from argmap_cli.main import main

    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_formats_lists_every_format_with_suffixes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["formats"], capsys)
    assert code == 0
    for name in ("yaml", "aif", "argdown", "microtexts", "iccma", "graphml", "node-link"):
        assert name in out
    assert ".i23" in out and ".argdown" in out


def test_convert_aif_to_yaml_notes_the_sniffed_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = require_shared(CORPORA / "aif" / "microtexts" / "nodeset6361.json")
    out_path = tmp_path / "m.yaml"
    code, out, err = run(["convert", str(source), str(out_path)], capsys)
    assert code == 0, err
    assert f"argmap: note: read {source} as aif (from its content)" in err
    assert "wrote" in out and "5 statements, 3 relations" in out
    assert argmap.load(out_path) == argmap.load(source)


def test_convert_with_from_and_to(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "map.json"
    code, _, err = run(["convert", str(ARTICLE_MAP), str(out_path), "--to", "node-link"], capsys)
    assert code == 0, err
    assert json.loads(out_path.read_text())["directed"] is True
    back = tmp_path / "back.yaml"
    code, _, err = run(["convert", str(out_path), str(back), "--from", "node-link"], capsys)
    assert code == 0 and "note" not in err
    assert argmap.load(back) == argmap.load(ARTICLE_MAP)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["convert", "IN", "IN"], 3, "refusing to write over the input file"),
        (["convert", "IN", "out.docx"], 2, "unknown file suffix '.docx'; known suffixes: .yaml"),
        (["convert", "IN", "out.xml"], 2, "argmap cannot write the microtexts format"),
        (
            ["convert", "IN", "out.yaml", "--from", "nope"],
            2,
            "unknown format 'nope'; known formats: yaml, json",
        ),
    ],
)
def test_convert_errors(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "in.yaml"
    source.write_bytes(ARTICLE_MAP.read_bytes())
    args = [str(source) if a == "IN" else (str(tmp_path / a) if a.startswith("out") else a) for a in args]
    got, _, err = run(args, capsys)
    assert got == code
    assert message in err and "Traceback" not in err
    assert not list(tmp_path.glob("out*"))


def test_convert_an_unknown_json_asks_for_from(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text('{"x": 1}')
    code, _, err = run(["convert", str(source), str(tmp_path / "o.yaml")], capsys)
    assert code == 2 and "name one (format=..., --from)" in err


def _raw_article() -> dict[str, Any]:
    """The article's map as plain YAML data: the counts below come from the file, not from argmap."""
    loaded: dict[str, Any] = yaml.safe_load(ARTICLE_MAP.read_text(encoding="utf-8"))
    return loaded


def test_convert_says_what_the_target_format_cannot_carry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    raw = _raw_article()
    statements, relations = raw["statements"], raw["relations"]
    spans = sum(1 for s in statements if "span" in s)
    answers = sum(len(x.get("answers", [])) for x in (*statements, *relations))
    code, out, err = run(["convert", str(ARTICLE_MAP), str(tmp_path / "m.argdown")], capsys)
    assert code == 0, err
    kept = next(line for line in out.splitlines() if line.startswith("argdown: "))
    assert kept.startswith(f"argdown: main claim, source, {spans} spans, ")
    assert kept.endswith(f"and {answers} answers marks kept in data blocks")
    code, out, err = run(["convert", str(ARTICLE_MAP), str(tmp_path / "m.apx")], capsys)
    assert code == 0, err
    total = len(statements) + len(relations)
    assert f"apx: {len(relations)} relations became arguments, {total} arguments in all" in out.splitlines()
    code, out, err = run(["convert", "--quiet", str(ARTICLE_MAP), str(tmp_path / "q.apx")], capsys)
    assert code == 0 and out.splitlines() == [
        f"wrote {tmp_path / 'q.apx'} (apx): 68 statements, 68 relations"
    ]
    code, out, err = run(["convert", str(ARTICLE_MAP), str(tmp_path / "m.json")], capsys)
    assert code == 0 and len(out.splitlines()) == 1  # argmap's JSON carries everything


@pytest.mark.parametrize(
    "fmt", ["yaml", "json", "node-link", "graphml", "aif", "argdown", "apx", "tgf", "iccma"]
)
def test_every_writable_format_words_its_losses_in_lines_naming_it(fmt: str) -> None:
    lines = argmap.io.conversion_losses(argmap.load(ARTICLE_MAP), fmt)
    assert all(line.startswith(f"{fmt}: ") for line in lines)
    assert bool(lines) == (fmt not in ("yaml", "json", "node-link", "graphml"))


def test_argmap_says_where_it_reads_what_argdown_rejects(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "m.argdown"
    path.write_text("[A]: a\n[B]: b\n", encoding="utf-8")
    code, _, err = run(["convert", "--quiet", str(path), str(tmp_path / "m.yaml")], capsys)
    assert code == 0
    assert err.splitlines() == [
        f"argmap: warning: {path}:2: Argdown needs a blank line before a new statement or argument here"
    ]
