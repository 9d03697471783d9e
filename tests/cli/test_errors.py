"""Every command's error paths: one line on standard error, the documented exit code, no traceback.

Exit codes (``argmap --help``, ``argmap.errors``): 1 an input that is missing, unreadable or
invalid; 2 a usage error (a bad option, an unknown format, a folder given where a file is
expected, which the command line refuses before reading anything); 3 an output that cannot
be written or would overwrite an input. ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap_cli.main import COMMANDS as REGISTERED
from argmap_cli.main import main
from tests.conftest import ARTICLE_MAP


@dataclass(frozen=True)
class Files:
    good: Path
    bad: Path
    text: Path
    folder: Path

    def missing(self, suffix: str = ".yaml") -> Path:
        return self.folder / f"missing{suffix}"


Command = Callable[[Files, Path, Path], list[str]]

# How each command is called: (files, the input under test, the output) -> argv. The input under
# test takes the place of the map (of the text, for extract); the other inputs are good.
COMMANDS: dict[str, Command] = {
    "validate": lambda f, i, o: ["validate", str(i)],
    "show": lambda f, i, o: ["show", str(i)],
    "outline": lambda f, i, o: ["outline", str(i)],
    "analyze": lambda f, i, o: ["analyze", str(i)],
    "explain": lambda f, i, o: ["explain", str(i), "C1"],
    "check": lambda f, i, o: ["check", str(i)],
    "render": lambda f, i, o: ["render", str(i), "-o", str(o)],
    "exercise": lambda f, i, o: ["exercise", str(i), "-o", str(o)],
    "convert": lambda f, i, o: ["convert", str(i), str(o)],
    "compare": lambda f, i, o: ["compare", str(i), str(f.good)],
    "grade": lambda f, i, o: ["grade", str(i), str(f.good)],
    "schemes": lambda f, i, o: ["schemes", "--schemes", str(i)],
    "extract": lambda f, i, o: ["extract", str(i), "-o", str(o)],
    "solve": lambda f, i, o: ["solve", str(i), "-p", "SE-PR"],
}
WITHOUT_INPUT = {"schema": ["schema"], "formats": ["formats"]}
OUTPUT_SUFFIX = {"render": ".svg", "exercise": ".md", "convert": ".json", "extract": ".yaml"}
TEXT_INPUT = {"extract"}
OWNED_ELSEWHERE = {"batch"}  # its error rows and exit codes are its own (issue 6, batch)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.fixture
def files(tmp_path: Path) -> Files:
    good = tmp_path / "good.yaml"
    shutil.copyfile(ARTICLE_MAP, good)
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\ntitle: [unclosed\n")
    text = tmp_path / "article.txt"
    text.write_text("We should act now. The costs of waiting are high. Acting is cheap.\n")
    return Files(good=good, bad=bad, text=text, folder=tmp_path)


def assert_one_line(err: str, code: int, expected: int, *fragments: str) -> None:
    assert code == expected, err
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_every_command_is_covered() -> None:
    assert set(REGISTERED) - OWNED_ELSEWHERE == set(COMMANDS) | set(WITHOUT_INPUT)


def _input(files: Files, command: str, case: str) -> Path:
    suffix = ".txt" if command in TEXT_INPUT else ".yaml"
    if case == "missing":
        return files.missing(suffix)
    if case == "directory":
        folder = files.folder / f"folder{suffix}"
        folder.mkdir()
        return folder
    if case == "below a file":
        return (files.text if command in TEXT_INPUT else files.good) / f"x{suffix}"
    raise AssertionError(case)


@pytest.mark.parametrize("case", ["missing", "directory", "below a file"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_input_that_cannot_be_read(
    command: str, case: str, files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _input(files, command, case)
    output = files.folder / f"out{OUTPUT_SUFFIX.get(command, '.txt')}"
    code, _, err = run(COMMANDS[command](files, source, output), capsys)
    if case == "directory":
        assert_one_line(err, code, 2, str(source), "is a directory")
    else:
        assert_one_line(err, code, 1, str(source), "cannot read")
    assert not output.exists()


# Root reads a file whatever its mode; the kernel still refuses it a write-only proc file.
WRITE_ONLY = Path("/proc/sys/vm/compact_memory")
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(AS_ROOT and not WRITE_ONLY.exists(), reason="root, and no write-only file to point at")
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_unreadable_input(command: str, files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    source = files.folder / ("locked.txt" if command in TEXT_INPUT else "locked.yaml")
    if AS_ROOT:
        source.symlink_to(WRITE_ONLY)
    else:
        shutil.copyfile(files.text if command in TEXT_INPUT else files.good, source)
        source.chmod(0)
    code, _, err = run(
        COMMANDS[command](files, source, files.folder / f"o{OUTPUT_SUFFIX.get(command, '')}"), capsys
    )
    assert_one_line(err, code, 1, str(source), "Permission denied")


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - TEXT_INPUT))
def test_an_input_in_a_bad_format(command: str, files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    output = files.folder / f"out{OUTPUT_SUFFIX.get(command, '.txt')}"
    code, _, err = run(COMMANDS[command](files, files.bad, output), capsys)
    assert_one_line(err, code, 1, f"{files.bad}:3:1: YAML: while parsing a flow sequence")
    assert not output.exists()


def test_a_text_that_is_not_utf8(files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    latin = files.folder / "latin.txt"
    latin.write_bytes("Café au lait.".encode("latin-1"))
    code, _, err = run(COMMANDS["extract"](files, latin, files.folder / "out.yaml"), capsys)
    assert_one_line(err, code, 1, str(latin))


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - TEXT_INPUT - {"schemes"}))
def test_an_input_of_an_unknown_format(
    command: str, files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = files.folder / "map.xyz"
    shutil.copyfile(files.good, odd)
    code, _, err = run(
        COMMANDS[command](files, odd, files.folder / f"o{OUTPUT_SUFFIX.get(command, '')}"), capsys
    )
    assert_one_line(err, code, 2, "unknown file suffix '.xyz'; known suffixes:")


@pytest.mark.parametrize("command", sorted(COMMANDS) + sorted(WITHOUT_INPUT))
def test_a_bad_option(command: str, files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    args = WITHOUT_INPUT.get(command) or COMMANDS[command](files, files.good, files.folder / "o.svg")
    code, _, err = run([*args, "--no-such-option"], capsys)
    assert_one_line(err, code, 2, "No such option '--no-such-option'", f"argmap {command} --help")


@pytest.mark.parametrize("command", sorted(OUTPUT_SUFFIX))
def test_an_output_in_a_folder_that_does_not_exist(
    command: str, files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    source = files.text if command in TEXT_INPUT else files.good
    output = files.folder / "no-such-folder" / f"out{OUTPUT_SUFFIX[command]}"
    code, _, err = run(COMMANDS[command](files, source, output), capsys)
    assert_one_line(err, code, 3, "cannot write", str(output.parent))


@pytest.mark.parametrize("command", sorted(OUTPUT_SUFFIX))
def test_an_output_below_a_file(command: str, files: Files, capsys: pytest.CaptureFixture[str]) -> None:
    source = files.text if command in TEXT_INPUT else files.good
    output = files.text / f"out{OUTPUT_SUFFIX[command]}"
    code, _, err = run(COMMANDS[command](files, source, output), capsys)
    assert_one_line(err, code, 3, "cannot write")


@pytest.mark.parametrize("command", sorted(set(OUTPUT_SUFFIX) - {"exercise"}))
def test_an_output_that_is_the_input_is_refused_and_the_input_kept(
    command: str, files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    source = files.text if command in TEXT_INPUT else files.good
    alias = files.folder / f"same{source.suffix}"
    alias.symlink_to(source)
    before = source.read_bytes()
    for output in (source, alias):
        code, _, err = run(COMMANDS[command](files, source, output), capsys)
        assert_one_line(err, code, 3, "refusing to write over the input file")
    assert source.read_bytes() == before


def test_exercise_refuses_to_write_its_key_map_over_the_map(
    files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    """The worksheet w.md comes with w.key.md and w.key.yaml: a map named w.key.yaml is kept."""
    source = files.folder / "w.key.yaml"
    shutil.copyfile(files.good, source)
    code, _, err = run(["exercise", str(source), "-o", str(files.folder / "w.md")], capsys)
    assert_one_line(err, code, 3, "refusing to write over the input file")
    assert source.read_bytes() == files.good.read_bytes() and not (files.folder / "w.md").exists()


def test_render_refuses_to_write_over_its_source_text(
    files: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    small = files.folder / "small.yaml"
    small.write_text("argmap: 1\ntitle: T\nstatements:\n- {id: C, kind: claim, text: c}\n")
    text = files.folder / "text.svg"  # a source text that happens to have a drawing's suffix
    text.write_text("c\n")
    code, _, err = run(["render", str(small), "-o", str(text), "--source", str(text)], capsys)
    assert_one_line(err, code, 3, "refusing to write over the input file")
    assert text.read_text() == "c\n"


def _argmap(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "ARGMAP_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "argmap_cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_debug_shows_the_traceback_and_only_then(files: Files) -> None:
    plain = _argmap("validate", str(files.bad))
    assert plain.returncode == 1 and "Traceback" not in plain.stderr and len(plain.stderr.splitlines()) == 1
    debug = _argmap("--debug", "validate", str(files.bad))
    assert debug.returncode != 0 and "Traceback (most recent call last)" in debug.stderr
    assert "argmap.errors.ParseError" in debug.stderr
    usage = _argmap("--debug", "render", str(files.good))
    assert "Traceback (most recent call last)" in usage.stderr and "MissingParameter" in usage.stderr
