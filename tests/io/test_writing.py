"""Issue #17, writing side: what may be replaced, sets written all or none, temporaries, exit codes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.errors import OutputError
from argmap.io import check_output, write_bytes_atomic, write_files_atomic, writing
from argmap.io.writing import remove_stale_temporaries, temporary_beside

MAP = Path("graphs/ukraine-us-alliance.yaml").resolve()


def _argmap(
    *args: str, cwd: Path | None = None, stdout: object = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "argmap_cli", *args],
        cwd=cwd,
        stdout=stdout,
        stderr=subprocess.PIPE,
        check=False,
    )


def test_a_device_is_refused_and_stays_a_device(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="/dev/null: is a device"):
        write_bytes_atomic(Path("/dev/null"), b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_a_directory_and_a_link_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="is a FIFO"):
        write_bytes_atomic(fifo, b"x")
    with pytest.raises(OutputError, match="is a directory"):
        write_bytes_atomic(tmp_path, b"x")
    target = tmp_path / "target.yaml"
    target.write_bytes(b"old")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="is a symbolic link"):
        write_bytes_atomic(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"old"


def test_a_read_only_output_is_refused_even_for_root(tmp_path: Path) -> None:
    output = tmp_path / "m.yaml"
    output.write_bytes(b"old")
    output.chmod(0o444)
    with pytest.raises(OutputError, match="is read-only"):
        write_bytes_atomic(output, b"new")
    assert output.read_bytes() == b"old"


def test_a_set_fails_whole_when_its_third_temporary_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {tmp_path / name: b"new" for name in ("a", "b", "c")}
    (tmp_path / "a").write_bytes(b"old a")
    calls = []
    real = writing._fill

    def fail_third(temporary: Path, data: bytes, mode: int) -> None:
        calls.append(temporary)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(temporary, data, mode)

    monkeypatch.setattr(writing, "_fill", fail_third)
    with pytest.raises(OutputError, match="No space left on device"):
        write_files_atomic(files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]
    assert (tmp_path / "a").read_bytes() == b"old a"


def test_a_set_is_put_back_when_its_third_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / name).write_bytes(f"old {name}".encode())
    renames = []
    real = os.replace

    def fail_third(source: str | Path, target: str | Path) -> None:
        if Path(target).name in ("a", "b", "c"):
            renames.append(target)
            if len(renames) == 3:
                raise OSError(5, "Input/output error")
        real(source, target)

    monkeypatch.setattr(writing.os, "replace", fail_third)
    with pytest.raises(OutputError, match=r"'.*c'"):
        write_files_atomic({tmp_path / name: b"new" for name in ("a", "b", "c")})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        "a": b"old a",
        "b": b"old b",
        "c": b"old c",
    }


def test_a_new_set_leaves_nothing_when_it_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def fail_on_c(source: str | Path, target: str | Path) -> None:
        if Path(target).name == "c":
            raise OSError(28, "No space left on device")
        real(source, target)

    monkeypatch.setattr(writing.os, "replace", fail_on_c)
    with pytest.raises(OutputError):
        write_files_atomic({tmp_path / name: b"new" for name in ("a", "b", "c")})
    assert list(tmp_path.iterdir()) == []


def test_stale_temporaries_of_dead_processes_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    stale = tmp_path / f".m.yaml.argmap-{int(dead.stdout)}-abc.tmp"
    stale.write_bytes(b"half")
    live = temporary_beside(tmp_path / "m.yaml")
    other = tmp_path / ".n.yaml.argmap-1-abc.tmp"
    other.write_bytes(b"another output's")
    write_bytes_atomic(tmp_path / "m.yaml", b"whole")
    assert not stale.exists() and live.exists() and other.exists()
    assert remove_stale_temporaries(tmp_path / "m.yaml") == []


def test_a_new_file_gets_0666_less_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_bytes_atomic(tmp_path / "m.yaml", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "m.yaml").stat().st_mode) == 0o640


def test_check_output_accepts_an_absent_or_a_writable_file(tmp_path: Path) -> None:
    check_output(tmp_path / "absent.yaml")
    (tmp_path / "present.yaml").write_bytes(b"")
    check_output(tmp_path / "present.yaml")


WRITERS = {
    "convert": ("convert", str(MAP), "{out}"),
    "render": ("render", str(MAP), "-o", "{out}"),
    "exercise": ("exercise", str(MAP), "-o", "{out}"),
    "batch": ("batch", str(MAP), "--resume", "-o", "{out}"),
}
SUFFIXES = {"convert": ".json", "render": ".svg", "exercise": ".md", "batch": ".jsonl"}


@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("kind", ["directory", "device", "link", "read-only"])
def test_every_writing_command_refuses_what_it_must_not_replace(
    tmp_path: Path, command: str, kind: str
) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"kept")
    if kind == "directory":
        out, expected = str(tmp_path), "is a directory"
    elif kind == "device":
        out, expected = "/dev/null", "is a device"
    elif kind == "link":
        out, expected = str(tmp_path / f"out{SUFFIXES[command]}"), "is a symbolic link"
        Path(out).symlink_to(elsewhere)
    else:
        out, expected = str(elsewhere.rename(tmp_path / f"out{SUFFIXES[command]}")), "is read-only"
        Path(out).chmod(0o444)
    result = _argmap(*(arg.format(out=out) for arg in WRITERS[command]))
    assert result.returncode == 3, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and expected in lines[0], lines
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert Path(out).is_dir() or Path(out).read_bytes() in (b"kept", b"")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "args",
    [("schema",), ("outline", str(MAP)), ("analyze", str(MAP)), ("validate", str(MAP))],
    ids=lambda a: a[0],
)
def test_a_full_standard_output_is_an_output_error(args: tuple[str, ...]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "wb") as full:
        result = _argmap(*args, stdout=full)
    assert result.returncode == 3, result.stderr
    assert result.stderr.decode().splitlines() == [
        "argmap: error: cannot write standard output: No space left on device"
    ]


def test_an_infinite_limit_is_a_usage_error() -> None:
    result = _argmap("--limits", "max_bytes=1e400", "validate", str(MAP))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "argmap: error: limit max_bytes must be a positive integer, not '1e400'"
    ]


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"  # its listing is far larger than a pipe's buffer
    lines = [f"  - {{id: S{i}, kind: premise, text: statement number {i} {'x' * 60}}}" for i in range(3000)]
    big.write_text("argmap: 1\ntitle: Big\nstatements:\n" + "\n".join(lines) + "\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap_cli", "show", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait() == 0
    assert error == b""
