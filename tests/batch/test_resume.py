"""Interrupted runs lose nothing written, and --resume does every file exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pyarrow_parquet
import pytest

from argmap.batching import write_batch
from argmap.batching.outputs import done_files, journal_path
from tests.batch.conftest import write

ROOT = Path(__file__).resolve().parents[2]


def _many(folder: Path, count: int, size: int = 1) -> list[str]:
    """``count`` maps, each a chain of ``size`` copies of CHAINED's shape hung under one claim."""
    lines = ["argmap: 1", "title: Many", "main_claim: C", "statements:", "  - {id: C, kind: claim, text: c}"]
    relations = ["relations:"]
    for i in range(size):
        lines += [
            f"  - {{id: P{i}, kind: premise, text: p{i}}}",
            f"  - {{id: B{i}, kind: rebuttal, text: b{i}}}",
        ]
        relations += [
            f"  - {{type: support, from: P{i}, to: {'C' if i == 0 else f'P{i - 1}'}}}",
            f"  - {{type: attack, from: B{i}, to: P{i}}}",
        ]
    text = "\n".join(lines + relations) + "\n"
    return [write(folder, f"map{i:04}.yaml", text) for i in range(count)]


def _files(out: Path) -> list[str]:
    if out.suffix == ".parquet":
        return list(pyarrow_parquet.read_table(out).column("file").to_pylist())
    if out.suffix == ".jsonl":
        return [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()]
    return done_files(out, ("chains",))


class _Stop(Exception):
    pass


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_run_stopped_after_k_rows_resumes_with_each_file_once(tmp_path: Path, suffix: str) -> None:
    files = _many(tmp_path / "maps", 12)
    out = tmp_path / f"results{suffix}"

    def stop_after_five(done: int, total: int) -> None:
        if done == 5:
            raise _Stop

    with pytest.raises(_Stop):
        write_batch(files, out, "chains", jobs=2, progress=stop_after_five)
    assert len(_files(out)) == 5  # what was written before the stop is there, readable
    summary = write_batch(files, out, "chains", jobs=2, resume=True)
    assert (summary.resumed, summary.written) == (5, 7)
    assert Counter(_files(out)) == Counter(files)


def test_a_last_line_cut_short_is_dropped_and_its_file_done_again(tmp_path: Path) -> None:
    files = _many(tmp_path / "maps", 3)
    out = tmp_path / "results.jsonl"
    write_batch(files[:2], out, "chains", jobs=1)
    with out.open("a", encoding="utf-8") as stream:
        stream.write(json.dumps({"file": files[2], "chains": 1})[:20])  # a row cut by a kill
    summary = write_batch(files, out, "chains", jobs=1, resume=True)
    assert (summary.resumed, summary.written) == (2, 1)
    assert Counter(_files(out)) == Counter(files)


def test_a_csv_row_cut_inside_a_quoted_newline_is_dropped(tmp_path: Path) -> None:
    files = _many(tmp_path / "maps", 2)
    out = tmp_path / "results.csv"
    write_batch(files[:1], out, "chains", jobs=1)
    with out.open("a", encoding="utf-8", newline="") as stream:
        stream.write(f'{files[1]},yaml,error,parse,"first line\n')
    assert done_files(out, ("chains",)) == files[:1]
    assert out.read_bytes().endswith(b"\r\n")
    write_batch(files, out, "chains", jobs=1, resume=True)
    assert Counter(_files(out)) == Counter(files)


def _start(args: list[str]) -> subprocess.Popen[bytes]:
    code = "import sys; from argmap_cli.main import main; main(sys.argv[1:])"
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _stop_when(process: subprocess.Popen[bytes], written: Path, rows: int, sig: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if written.exists() and written.read_bytes().count(b"\n") >= rows:
            os.kill(process.pid, sig)
            break
        time.sleep(0.01)
    process.wait(timeout=60)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_killed_command_loses_nothing_and_resumes(tmp_path: Path, suffix: str) -> None:
    files = _many(tmp_path / "maps", 60, size=40)
    out = tmp_path / f"results{suffix}"
    watched = journal_path(out) if suffix == ".parquet" else out
    process = _start(["batch", str(tmp_path / "maps"), "-o", str(out), "--analyses", "chains", "--jobs", "1"])
    _stop_when(process, watched, 3, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    if suffix == ".parquet":
        assert not out.exists()  # never a Parquet file without its footer
    assert 3 <= len(done_files(out, ("chains",))) < len(files)
    summary = write_batch([tmp_path / "maps"], out, "chains", jobs=2, resume=True)
    assert summary.resumed >= 3
    assert Counter(_files(out)) == Counter(files)
    assert not journal_path(out).exists()


def test_sigterm_leaves_a_complete_parquet_file(tmp_path: Path) -> None:
    files = _many(tmp_path / "maps", 60, size=40)
    out = tmp_path / "results.parquet"
    process = _start(["batch", str(tmp_path / "maps"), "-o", str(out), "--analyses", "chains", "--jobs", "1"])
    _stop_when(process, journal_path(out), 3, signal.SIGTERM)
    assert process.returncode == 128 + signal.SIGTERM, process.stderr.read() if process.stderr else ""
    written = _files(out)
    assert 3 <= len(written) < len(files) and not journal_path(out).exists()
    write_batch([tmp_path / "maps"], out, "chains", jobs=2, resume=True)
    assert Counter(_files(out)) == Counter(files)
