"""The one reader of inputs (``argmap._files``) and the ``@include`` policy: issue 17, items 1-3, 5, 11.

Each test names the finding of the second attack it guards against. A FIFO that blocked
would hang the test: ``no_hang`` turns that into a failure after 30 seconds.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import argmap
from argmap._files import include_file, read_file
from argmap.batching.records import analyse_file
from argmap.errors import ParseError, UnknownFormatError
from argmap.limits import Limits
from argmap.schemes import CatalogueError, parse_catalogue, read_catalogue
from argmap.semantics.framework import AttackFramework
from argmap.source import SourceDocument

SECRET = "s3cret-outside-the-folder"


@pytest.fixture
def no_hang() -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("the read blocked: a FIFO was opened for reading")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


@pytest.fixture
def sparse(tmp_path: Path) -> Path:
    """A 10 GB file that takes no disk: reading it whole would exhaust memory."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(10_000_000_000)
    return path


# -- item 2: reads that hang or skip the size limit ------------------------------------------


@pytest.mark.usefixtures("no_hang")
def test_a_fifo_is_refused_without_blocking(fifo: Path) -> None:
    with pytest.raises(ParseError, match=r"pipe\.yaml: cannot read: not a regular file \(a FIFO\)"):
        read_file(fifo, Limits())


def test_a_device_is_refused_not_read_until_memory_runs_out() -> None:
    with pytest.raises(
        ParseError, match=r"/dev/zero: cannot read: not a regular file \(a character device\)"
    ):
        read_file("/dev/zero", Limits())


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"cannot read: it is a directory"):
        read_file(tmp_path, Limits())


def test_a_large_file_is_refused_before_it_is_read(sparse: Path) -> None:
    with pytest.raises(ParseError, match=r"huge\.yaml: the file has 10,000,000,000 bytes, above the limit"):
        read_file(sparse, Limits())


def test_a_special_file_asked_for_is_read_within_the_limit() -> None:
    with pytest.raises(ParseError, match=r"/dev/zero: the file has more than 1,000 bytes, above the limit"):
        read_file("/dev/zero", Limits(max_bytes=1000), special=True)


def test_a_budget_below_max_bytes_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"x" * 100)
    assert read_file(path, Limits(), budget=100) == b"x" * 100
    with pytest.raises(ParseError, match=r"more than the 99 bytes left within the limit max_bytes"):
        read_file(path, Limits(), budget=99)


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_every_reader_refuses_fifos_and_devices(special: str, fifo: Path, tmp_path: Path) -> None:
    path = fifo if special == "fifo" else Path(special)
    for read in (
        lambda: argmap.load(path, "yaml"),
        lambda: SourceDocument.read(path),
        lambda: AttackFramework.read(path, "apx"),
        lambda: analyse_file(str(path)).error_message and _raise(analyse_file(str(path)).error_message),
    ):
        with pytest.raises(ParseError, match=r"not a regular file"):
            read()
    with pytest.raises(CatalogueError, match=r"cannot read the catalogue: not a regular file"):
        read_catalogue(path)


def _raise(message: str | None) -> None:
    raise ParseError([argmap.errors.Problem(message or "no error row")])


# -- item 1: @include reads any file -----------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A map folder inside ``tmp_path``, and a secret file beside it (outside the folder)."""
    (tmp_path / "secret.txt").write_text(SECRET + "\n")
    inside = tmp_path / "maps"
    (inside / "sub").mkdir(parents=True)
    (inside / "b.argdown").write_text("[B]: an included claim.\n")
    (inside / "sub" / "c.argdown").write_text("[C]: a claim in a subfolder.\n")
    (inside / "escape.argdown").symlink_to(tmp_path / "secret.txt")
    (inside / "inside-link.argdown").symlink_to(inside / "b.argdown")
    os.mkfifo(inside / "pipe.argdown")
    (inside / "folder.argdown").mkdir()
    return inside


def _main(folder: Path, directive: str) -> Path:
    path = folder / "main.argdown"
    path.write_text(f"[Main]: A claim.\n{directive}\n")
    return path


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ("@include(/etc/shadow)", "outside the folder of"),
        ("@include(/etc/passwd)", "outside the folder of"),
        ("@include(../../../../../../etc/passwd)", "outside the folder of"),
        ("@include(../secret.txt)", "outside the folder of"),
        ("@include(/proc/self/environ)", "outside the folder of"),
        ("@include(escape.argdown)", "outside the folder of"),
        ("@include(pipe.argdown)", r"not a regular file \(a FIFO\)"),
        ("@include(folder.argdown)", "it is a directory"),
    ],
)
def test_an_include_outside_the_folder_or_not_a_regular_file_is_refused_at_its_line(
    folder: Path, directive: str, problem: str
) -> None:
    path = _main(folder, directive)
    with pytest.raises(ParseError, match=rf"main\.argdown:2: @include\(.*\): .*{problem}") as caught:
        argmap.load(path)
    assert len(caught.value.problems) == 1
    assert SECRET not in str(caught.value) and "root:" not in str(caught.value)


def test_includes_inside_the_folder_are_read(folder: Path) -> None:
    path = _main(folder, "@include(b.argdown, sub/c.argdown, inside-link.argdown)")
    assert {s.text for s in argmap.load(path).statements} == {
        "A claim.",
        "an included claim.",
        "a claim in a subfolder.",
    }


def test_an_include_from_a_subfolder_may_not_leave_the_documents_folder(folder: Path) -> None:
    (folder / "sub" / "d.argdown").write_text("[D]: d.\n@include(../../secret.txt)\n")
    path = _main(folder, "@include(sub/d.argdown)")
    with pytest.raises(
        ParseError, match=r"d\.argdown:2: @include\(\.\./\.\./secret\.txt\): outside the folder"
    ):
        argmap.load(path)


def test_includes_can_be_refused_altogether(folder: Path) -> None:
    path = _main(folder, "@include(b.argdown)")
    with pytest.raises(
        ParseError, match=r"main\.argdown:2: @include\(b\.argdown\), refused by the limit includes=no"
    ):
        argmap.load(path, limits=Limits(includes=False))
    assert Limits.parse("includes=no").includes is False


def test_an_include_counts_against_max_bytes_before_it_is_read(folder: Path, sparse: Path) -> None:
    sparse.rename(folder / "huge.argdown")
    path = _main(folder, "@include(huge.argdown)")
    with pytest.raises(
        ParseError, match=r"main\.argdown:2: @include\(huge\.argdown\): .*10,000,000,\d+ bytes, above"
    ):
        argmap.load(path)


def test_include_file_refuses_an_absolute_path_directly() -> None:
    with pytest.raises(ParseError, match=r"m\.argdown:3: @include\(/etc/passwd\): outside the folder"):
        include_file("/etc/passwd", "m.argdown", 3, "m.argdown", Limits(), 0)


def test_a_batch_worker_given_the_bytes_refuses_includes(folder: Path) -> None:
    path = _main(folder, "@include(b.argdown)")
    assert analyse_file(str(path)).ok  # read here: the folder is this machine's
    record = analyse_file(str(path), data=path.read_bytes())  # as a Dask worker gets it
    assert record.error_kind == "parse"
    assert "refused by the limit includes=no" in (record.error_message or "")


# -- item 3: scheme catalogues go through the reader limits ------------------------------------


def test_a_catalogue_alias_bomb_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]" for i in range(9)]
    with pytest.raises(CatalogueError, match=r"bomb\.yaml:\d+: YAML aliases unfold to .* above the limit"):
        parse_catalogue("catalogue: 1\n" + "\n".join(lines) + "\n", "bomb.yaml")


def test_a_deeply_nested_catalogue_is_a_parse_error_not_a_recursion_error() -> None:
    with pytest.raises(CatalogueError, match=r"deep\.yaml:1:.* nest"):
        parse_catalogue("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "deep.yaml")


def test_a_large_catalogue_is_refused_before_it_is_read(sparse: Path) -> None:
    with pytest.raises(CatalogueError, match=r"huge\.yaml: the file has 10,000,000,000 bytes"):
        read_catalogue(sparse)


# -- item 11: a malformed .json is a parse error with its line ----------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"argmap": 1, "title": ', r"m\.json:1:24: JSON: Expecting value"),
        (b"", r"m\.json:1:1: JSON: Expecting value"),
        (b"\x00", r"m\.json:1:1: JSON: Expecting value"),
        (b'{"argmap": 1,\n "title": "\xff"}', r"m\.json:2: not UTF-8"),
        ('{"argmap": 1}'.encode("utf-16"), r"m\.json:1: not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, r"m\.json:1: nested 100,000 levels deep"),
    ],
    ids=["truncated", "empty", "nul", "invalid-utf8", "utf16", "too-deep"],
)
def test_a_malformed_json_file_is_a_parse_error_with_its_line(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "m.json"
    path.write_bytes(content)
    with pytest.raises(ParseError, match=problem):
        argmap.load(path)
    record = analyse_file(str(path))
    assert record.error_kind == "parse", record.error_message


def test_well_formed_json_of_no_known_format_is_still_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text("[1, 2]")
    with pytest.raises(UnknownFormatError, match="matches none of the formats"):
        argmap.load(path)


# -- item 5: placing a problem in a JSON map costs no second parse -------------------------------


def test_a_json_problem_is_placed_without_composing_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    statements = ",\n".join(f'  {{"id": "S{i}", "kind": "premise", "text": "s {i}"}}' for i in range(1, 500))
    text = (
        '{"argmap": 1, "title": "t",\n "statements": [\n  {"id": "S0", "kind": "claim", "text": "c"},\n'
        + statements
        + ',\n  {"id": "X", "kind": "premis", "text": "typo"}\n]}\n'
    )

    def composed(*args: object, **kwargs: object) -> None:
        raise AssertionError("the JSON document was composed again as YAML to find a line")

    monkeypatch.setattr(yaml, "compose", composed)
    with pytest.raises(argmap.MapValidationError) as caught:
        argmap.loads(text, "json", name="m.json")
    (problem,) = caught.value.problems
    assert (problem.line, problem.id) == (text[: text.index('"premis"')].count("\n") + 1, "X")
    with pytest.raises(ParseError, match=r"m\.json:503: 501 statements, above the limit max_statements=500"):
        argmap.loads(text, "json", name="m.json", limits=Limits(max_statements=500))
