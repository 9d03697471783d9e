"""The command line: exit codes, one-line errors without tracebacks, outputs, and its thinness."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap_cli.main import main
from tests.conftest import ARTICLE_MAP, ROOT

BAD_MAP = """argmap: 1
title: Bad
statements:
  - {id: C, kind: claim, text: c}
  - {id: P, kind: premis, text: p}
relations:
  - {id: R1, type: support, from: Q, to: C}
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


def test_validate_ok(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run(["validate", str(ARTICLE_MAP), "--source", str(article)], capsys)
    assert code == 0, err
    assert "valid: 68 statements" in out and "spans and checksum match" in out


def test_validate_reports_every_problem_one_line_each(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_MAP)
    code, out, err = run(["validate", str(bad)], capsys)
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == (
        f"argmap: error: {bad}:5:19: P: unknown kind 'premis' (did you mean 'premise'?); "
        "expected one of: 'claim', 'premise', 'evidence', 'rebuttal'"
    )
    assert lines[1] == f"argmap: error: {bad}:7:35: R1: 'from' names no statement: 'Q'"
    assert lines[2] == "argmap: 2 problems"
    assert "Traceback" not in err


def test_validate_with_a_wrong_source_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Not the article.")
    code, _, err = run(["validate", str(ARTICLE_MAP), "--source", str(other)], capsys)
    assert code == 1
    assert "source.sha256 does not match" in err
    assert "ends past the end of the source" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["validate", "no/such/map.yaml"], 1, "no/such/map.yaml: cannot read: No such file or directory"),
        (["validate", "map.xyz"], 2, "argmap: error: map.xyz: unknown file suffix '.xyz'; known suffixes:"),
        (["outline", str(ARTICLE_MAP), "--claim", "C99"], 2, "argmap: error: no statement 'C99'"),
        (["render", str(ARTICLE_MAP), "-o", "map.gif"], 2, "unknown"),
        (["render", str(ARTICLE_MAP), "-o", str(ARTICLE_MAP)], 3, "refusing to write over the input"),
        (["nosuchcommand"], 2, "No such command"),
        (["render", str(ARTICLE_MAP)], 2, "Missing option '-o'"),
    ],
)
def test_errors_are_one_line_with_a_documented_exit_code(
    args: list[str], code: int, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    got, _, err = run(args, capsys)
    assert got == code
    assert message in err
    assert "Traceback" not in err


def test_render_writes_svg_with_one_node_per_statement(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out_path = tmp_path / "map.svg"
    code, out, err = run(["render", str(ARTICLE_MAP), "-o", str(out_path)], capsys)
    assert code == 0, err
    svg = out_path.read_text()
    assert svg.count('class="node statement') == 68
    assert f"wrote {out_path}" in out


@pytest.mark.parametrize("suffix", [".svg", ".png", ".pdf", ".dot"])
def test_render_every_format(suffix: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / f"map{suffix}"
    code, _, err = run(["render", str(ARTICLE_MAP), "-o", str(out_path)], capsys)
    assert code == 0, err
    magic = {".svg": b"<?xml", ".png": b"\x89PNG", ".pdf": b"%PDF", ".dot": b"digraph"}[suffix]
    assert out_path.read_bytes().startswith(magic)


def test_show_summarises_the_article_map(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["show", str(ARTICLE_MAP)], capsys)
    assert code == 0
    assert "claim" in out and "rebuttal" in out and "undercuts" in out
    assert "[C1]" in out and "  + [" in out


def test_outline_prints_the_whole_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["outline", str(ARTICLE_MAP)], capsys)
    assert code == 0
    assert out.startswith("[C1] ")
    assert "\n  - [O6]" in out and "x [A1]" in out


def test_schema_is_json_schema_of_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(schema["required"]) >= {"title"}


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "argmap_cli", "--debug", "validate", str(tmp_path / "absent.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_installed_command_runs_without_traceback(tmp_path: Path) -> None:
    argmap_exe = Path(sys.executable).parent / "argmap"
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_MAP)
    result = subprocess.run(
        [str(argmap_exe), "validate", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "unknown kind 'premis'" in result.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_the_cli_is_thin() -> None:
    """Commands call argmap's public API: no private names, no heavy logic (STYLE habit 10)."""
    for module in sorted((ROOT / "cli" / "argmap_cli").glob("*.py")):
        for name in _imports(module):
            if name.startswith("argmap."):
                private = [part for part in name.split(".") if part.startswith("_") and part != "__version__"]
                assert not private, (module.name, name)
        assert len(module.read_text().splitlines()) < 150, module.name


def test_the_library_never_imports_click() -> None:
    for module in (ROOT / "argmap").rglob("*.py"):
        assert not any(name == "click" or name.startswith("click.") for name in _imports(module)), module


def test_validate_says_which_format_a_json_file_was_read_as(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    aif = tmp_path / "map.json"
    aif.write_text(
        json.dumps(
            {
                "nodes": [
                    {"nodeID": "1", "text": "We should go.", "type": "I"},
                    {"nodeID": "2", "text": "It is sunny.", "type": "I"},
                    {"nodeID": "3", "text": "Default Inference", "type": "RA"},
                ],
                "edges": [
                    {"edgeID": "1", "fromID": "2", "toID": "3"},
                    {"edgeID": "2", "fromID": "3", "toID": "1"},
                ],
            }
        )
    )
    code, out, _ = run(["validate", str(aif)], capsys)
    assert code == 0 and "read as aif, from its content" in out
    code, out, _ = run(["validate", str(aif), "--format", "aif"], capsys)
    assert code == 0 and "from its content" not in out
