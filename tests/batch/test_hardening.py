"""Issue #17, running side: one run per output, bounded derived sizes, workers die with it, quiet Dask."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import argmap
from argmap.batching import write_batch
from argmap.batching.outputs import lock_path, locked_output
from argmap.batching.records import analyse_file
from argmap.errors import LimitError, OutputError
from argmap.limits import Limits, set_default_limits
from argmap.semantics import framework_of_map

from .conftest import CHAINED

MAP = Path("graphs/ukraine-us-alliance.yaml").resolve()


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    return int(done.stdout)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_second_run_on_a_locked_output_is_refused_and_writes_nothing(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"rows{suffix}"
    with locked_output(out):
        with pytest.raises(OutputError, match=rf"another argmap run \(pid {os.getpid()}\) is writing it"):
            write_batch([MAP], out, "chains", jobs=1, resume=True)
        assert not out.exists()
    assert not lock_path(out).exists()
    assert write_batch([MAP], out, "chains", jobs=1, resume=True).written == 1


def test_the_command_exits_3_while_another_run_holds_the_output(tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    with locked_output(out):
        result = subprocess.run(
            [sys.executable, "-m", "argmap_cli", "batch", str(MAP), "-o", str(out), "--resume", "-j", "1"],
            capture_output=True,
            check=False,
        )
    assert result.returncode == 3
    assert len(result.stderr.decode().splitlines()) == 1
    assert b"another argmap run" in result.stderr


def test_a_lock_left_by_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    lock_path(out).write_text(f"{_dead_pid()}\n")
    assert write_batch([MAP], out, "chains", jobs=1).written == 1
    assert not lock_path(out).exists()


def test_two_concurrent_resumed_runs_never_duplicate_rows(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    for i in range(6):
        (maps / f"m{i}.yaml").write_text(CHAINED)
    out = tmp_path / "rows.csv"
    command = [sys.executable, "-m", "argmap_cli", "batch", str(maps), "-o", str(out), "--resume", "-j", "1"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE) for _ in range(2)]
    codes = sorted(run.wait() for run in runs)
    assert codes[0] == 0 and codes[1] in (0, 3)
    lines = out.read_text().splitlines()
    assert lines.count(lines[0]) == 1  # one header
    assert len(lines) == 1 + 6


def _attacked_map(statements: int, attacks_each: int) -> argmap.ArgumentMap:
    """Every statement attacked by ``attacks_each`` others: relations inherit their sources' attackers."""
    lines = [f"{i}" for i in range(statements)] + ["#"]
    lines += [f"{(i + k + 1) % statements} {i}" for i in range(statements) for k in range(attacks_each)]
    return argmap.loads("\n".join(lines) + "\n", "tgf")


def test_the_attacks_a_map_derives_are_bounded_before_they_are_built() -> None:
    m = _attacked_map(40, 10)  # 400 attack relations, each inheriting 10 attackers: 4,400 attacks
    assert len(list(framework_of_map(m, limits=Limits(max_attacks=4400)).attack_pairs())) == 4400
    with pytest.raises(LimitError, match=r"at least 4,400 attacks, above the limit max_attacks=4,399"):
        framework_of_map(m, limits=Limits(max_attacks=4399))


def test_support_reaches_count_against_the_limit() -> None:
    m = argmap.loads(CHAINED)
    with pytest.raises(LimitError, match="max_attacks=1 "):
        framework_of_map(m, support="deductive", limits=Limits(max_attacks=1))


def test_a_map_beyond_max_attacks_is_a_limit_row(tmp_path: Path) -> None:
    path = tmp_path / "dense.tgf"
    path.write_text(argmap.dumps(_attacked_map(40, 10), "tgf").decode())
    set_default_limits(Limits(max_attacks=1000))
    try:
        record = analyse_file(str(path), ("acceptability",))
    finally:
        set_default_limits(None)
    assert record.error_kind == "limit"
    assert "max_attacks=1,000" in (record.error_message or "")


def test_the_command_names_the_file_beyond_max_attacks(tmp_path: Path) -> None:
    path = tmp_path / "dense.tgf"
    path.write_text(argmap.dumps(_attacked_map(40, 10), "tgf").decode())
    result = subprocess.run(
        [sys.executable, "-m", "argmap_cli", "--limits", "max_attacks=1000", "analyze", str(path)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        f"argmap: error: {path}: the map's attack framework has at least 4,400 attacks, above the limit "
        "max_attacks=1,000 (raise it with --limits max_attacks=N, ARGMAP_LIMITS or Limits(max_attacks=...))"
    ]


def test_a_full_disk_under_parquet_is_an_output_error_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra is part of .[test]")

    def full(self: object, table: object, row_group_size: object = None) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    out = tmp_path / "rows.parquet"
    with pytest.raises(OutputError, match=r"rows\.parquet: cannot write: No space left on device"):
        write_batch([MAP], out, "chains", jobs=1)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["rows.parquet.journal.jsonl"]  # the rows, for --resume; no temporary


def test_parquet_output_gets_0666_less_the_umask(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the parquet extra is part of .[test]")
    old = os.umask(0o022)
    try:
        write_batch([MAP], tmp_path / "rows.parquet", "chains", jobs=1)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "rows.parquet").stat().st_mode) == 0o644


def test_pool_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()
    (tmp_path / "slow.yaml").write_text(CHAINED)
    script = textwrap.dedent(
        f"""
        import os, sys, time
        from pathlib import Path
        sys.path.insert(0, {str(Path.cwd())!r})
        from argmap.batching.engines import run_local
        from tests.batch import workers
        for record in run_local([{str(tmp_path / "slow.yaml")!r}], ("chains",), jobs=1, timeout=60,
                                worker=workers.record_pid_and_hang):
            pass
        """
    )
    env = {**os.environ, "ARGMAP_TEST_PID_FOLDER": str(pids)}
    parent = subprocess.Popen([sys.executable, "-c", script], env=env)
    deadline = time.monotonic() + 60
    while not list(pids.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    worker = int(next(pids.iterdir()).name)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(worker):
        time.sleep(0.1)
    assert not _running(worker)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_dask_speaks_only_in_the_debug_view(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the dask extra is part of .[test]")
    (tmp_path / "bad.yaml").write_text("argmap: 1\ntitle: [unclosed\n")
    # Dask's port taken: its scheduler warns, over three lines, that it hosts elsewhere
    with socket.socket() as taken:
        with contextlib.suppress(OSError):  # already taken: the warning comes all the same
            taken.bind(("127.0.0.1", 8787))
            taken.listen()
        quiet = _dask_batch(tmp_path, tmp_path / "quiet.jsonl")
        debug = _dask_batch(tmp_path, tmp_path / "debug.jsonl", "--debug")
    assert quiet.returncode == 1
    assert quiet.stderr.decode().splitlines() == [
        f"argmap: 2 maps: 1 ok, 1 failed -> {tmp_path / 'quiet.jsonl'}"
    ]
    assert debug.returncode == 1
    assert "distributed" in debug.stderr.decode()


def _dask_batch(tmp_path: Path, out: Path, *options: str) -> subprocess.CompletedProcess[bytes]:
    inputs = [str(MAP), str(tmp_path / "bad.yaml"), "-o", str(out), "--dask-local", "1"]
    return subprocess.run(
        [sys.executable, "-W", "always", "-m", "argmap_cli", *options, "batch", *inputs],
        capture_output=True,
        check=False,
    )
