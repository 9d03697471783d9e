"""The local pool and Dask: one record per file, crashes and timeouts as rows, the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.batching.engines import run_dask, run_local
from argmap.batching.inputs import expand_inputs
from argmap.errors import UsageError
from tests.batch import workers
from tests.batch.conftest import BAD, CHAINED, GOOD, write


def _rows(records: object) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for record in records:  # type: ignore[attr-defined]
        assert record.file not in out, f"{record.file} twice"
        out[record.file] = {**record.row(), "results": record.results()}
    return out


def test_a_crashed_worker_gives_a_crash_row_and_the_batch_goes_on(tmp_path: Path) -> None:
    files = [write(tmp_path, f"m{i}.yaml", CHAINED) for i in range(3)]
    files.insert(1, write(tmp_path, "crash.yaml", CHAINED))
    rows = _rows(run_local(files, ("chains",), jobs=2, worker=workers.crash_on_crash_files))
    assert set(rows) == set(files)
    crashed = rows[files[1]]
    assert crashed["error_kind"] == "crash" and "exit code" in str(crashed["error_message"])
    assert all(rows[f]["status"] == "ok" for f in files if f != files[1])


def test_a_map_past_its_timeout_gives_a_timeout_row(tmp_path: Path) -> None:
    files = [write(tmp_path, "slow.yaml", CHAINED), write(tmp_path, "quick.yaml", CHAINED)]
    rows = _rows(run_local(files, ("chains",), jobs=2, timeout=1.0, worker=workers.hang_on_slow_files))
    assert rows[files[0]]["error_kind"] == "timeout"
    assert rows[files[0]]["error_message"] == "the analysis took longer than 1 s"
    assert rows[files[1]]["status"] == "ok"


def test_pool_options_are_checked() -> None:
    with pytest.raises(UsageError, match="jobs must be at least 1"):
        run_local([], ("chains",), jobs=0)
    with pytest.raises(UsageError, match="timeout must be positive"):
        run_local([], ("chains",), jobs=1, timeout=0)
    with pytest.raises(UsageError, match="one of them"):
        run_dask([], ("chains",))
    with pytest.raises(UsageError, match="Dask cannot stop a running task"):
        argmap.batch(["graphs"], dask_local=2, timeout=3)
    with pytest.raises(UsageError, match="not both"):
        argmap.batch(["graphs"], scheduler="tcp://127.0.0.1:1", dask_local=2)
    with pytest.raises(UsageError, match="jobs are the local pool's processes"):
        argmap.batch(["graphs"], dask_local=2, jobs=2)


def test_a_local_cluster_of_two_workers_gives_the_local_results(corpus: Path) -> None:
    files = list(expand_inputs([corpus]).files)
    local = _rows(argmap.batch([corpus], jobs=2))
    dask = _rows(argmap.batch([corpus], dask_local=2))
    assert set(local) == set(files) and dask == local
    assert {Path(f).name for f, row in local.items() if row["status"] == "ok"} == GOOD
    assert {Path(f).name: row["error_kind"] for f, row in local.items() if row["status"] == "error"} == BAD


def test_an_existing_scheduler_gives_the_local_results(corpus: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = _rows(argmap.batch([corpus], scheduler=cluster.scheduler_address))
    assert remote == _rows(argmap.batch([corpus], jobs=1))


def test_an_unreachable_scheduler_is_a_usage_error(corpus: Path) -> None:
    import dask

    unreachable = r"cannot reach the Dask scheduler tcp://127\.0\.0\.1:9"
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        pytest.raises(UsageError, match=unreachable),
    ):
        list(argmap.batch([corpus], scheduler="tcp://127.0.0.1:9"))


def test_an_unreadable_file_is_an_error_row_on_both_engines(tmp_path: Path) -> None:
    dangling = tmp_path / "gone.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    files = [str(dangling), write(tmp_path, "m.yaml", CHAINED)]
    local = _rows(run_local(files, ("chains",), jobs=1))
    assert local[str(dangling)]["error_kind"] == "parse"
    assert "cannot read: No such file or directory" in str(local[str(dangling)]["error_message"])
    assert _rows(run_dask(files, ("chains",), workers=1)) == local
