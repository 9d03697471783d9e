"""``argmap extract``: writes yaml or json atomically, never over its input, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap_cli.main import main

TEXT = "Bikes should get their own lanes. Because cyclists are safer there. However, lanes cost parking."


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_writes_yaml_by_default(capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "draft.yaml"
    code, out, err = run(["extract", str(article), "-o", str(out_path)], capsys)
    assert code == 0, err
    assert out.strip() == f"wrote {out_path} (yaml): draft of 3 statements, 2 relations, central claim u1"
    draft = argmap.load(out_path)
    assert draft == argmap.extract(TEXT, source_name=str(article))
    assert draft.meta is not None and draft.meta["draft"] is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "draft.yaml"]  # no temporary left


def test_json_by_suffix_or_by_option(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    by_suffix = tmp_path / "draft.json"
    assert run(["extract", str(article), "-o", str(by_suffix), "--title", "Lanes"], capsys)[0] == 0
    data = json.loads(by_suffix.read_text(encoding="utf-8"))
    assert data["title"] == "Lanes" and data["main_claim"] == "u1"
    by_option = tmp_path / "draft.txt"
    assert run(["extract", str(article), "-o", str(by_option), "--format", "json"], capsys)[0] == 0
    assert json.loads(by_option.read_text(encoding="utf-8"))["statements"] == data["statements"]


def test_refuses_to_write_over_its_input(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run(["extract", str(article), "-o", str(article)], capsys)
    assert code == 3 and out == ""
    assert err.strip() == f"argmap: error: {article}: refusing to write over the input file {article}"
    assert article.read_text(encoding="utf-8") == TEXT


def test_an_unwritable_output_is_exit_3(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path
) -> None:
    code, _, err = run(["extract", str(article), "-o", str(tmp_path / "missing" / "d.yaml")], capsys)
    assert code == 3 and len(err.strip().splitlines()) == 1 and "cannot write" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the text is empty: nothing to extract"),
        (b"\n   \n", "the text is empty: nothing to extract"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "not text: a NUL character at offset 5 (a binary file?)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not UTF-8: undecodable byte at offset 0"),
        ("Caf\u00e9 au lait.".encode("latin-1"), "not UTF-8: undecodable byte at offset 3"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out_path = tmp_path / "draft.yaml"
    code, out, err = run(["extract", str(bad), "-o", str(out_path)], capsys)
    assert code == 1 and out == ""
    assert err.splitlines() == [f"argmap: error: {bad}: {message}"]
    assert not out_path.exists()


def test_a_missing_input_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "d.yaml")], capsys)
    assert code == 1 and len(err.splitlines()) == 1 and "cannot read source" in err


def test_usage_errors_are_exit_2(capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    assert run(["extract", str(article)], capsys)[0] == 2  # -o is required
    code, _, err = run(["extract", str(article), "-o", str(tmp_path / "d.x"), "--format", "xml"], capsys)
    assert code == 2 and "'xml' is not one of 'yaml', 'json'" in err
    code, _, err = run(["extract", str(article), "-o", str(tmp_path / "d.yaml"), "--title", " "], capsys)
    assert code == 2 and err.strip() == "argmap: error: the title is blank"


def test_the_command_is_one_api_call(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str | None]] = []
    real = argmap.extract

    def spy(text: str, title: str | None = None, *, source_name: str | None = None) -> argmap.ArgumentMap:
        calls.append((text, title))
        return real(text, title, source_name=source_name)

    monkeypatch.setattr(argmap, "extract", spy)
    assert run(["extract", str(article), "-o", str(tmp_path / "d.yaml"), "--title", "T"], capsys)[0] == 0
    assert calls == [(TEXT, "T")]
