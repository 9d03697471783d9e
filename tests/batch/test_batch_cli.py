"""``argmap batch``: exit codes, one-line errors, and a thin command (one call of write_batch)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import argmap_cli.batch
from argmap.batching import BatchSummary
from argmap_cli.main import main
from tests.batch.conftest import BAD, GOOD


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


def test_all_maps_fine_exits_0(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ok.jsonl"
    code, err = _run(["batch", str(corpus / "chained.yaml"), "-o", str(out), "-j", "1"], capsys)
    assert code == 0, err
    assert err.strip().endswith(f"1 maps: 1 ok, 0 failed -> {out}")
    assert json.loads(out.read_text(encoding="utf-8"))["claim"] == "C"


def test_a_failed_map_exits_1_and_the_rest_is_written(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rows.csv"
    code, err = _run(["batch", str(corpus), "-o", str(out), "--analyses", "chains"], capsys)
    total = len(GOOD) + len(BAD)
    assert code == 1
    assert f"{total} maps: {len(GOOD)} ok, {len(BAD)} failed; 2 files of no map format skipped" in err
    with out.open(newline="", encoding="utf-8") as stream:
        assert len(list(csv.reader(stream))) == total + 1
    code, err = _run(["batch", str(corpus), "-o", str(out), "--analyses", "chains", "--resume"], capsys)
    assert code == 0 and f"0 maps: 0 ok, 0 failed; {total} already in the output" in err


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--analyses", "chain"], 2, "argmap: error: unknown analysis 'chain'"),
        (["--jobs", "0"], 2, "argmap: error: Invalid value for '-j' / '--jobs'"),
        (["--timeout", "5", "--dask-local", "2"], 2, "argmap: error: a timeout needs the local pool"),
        (["--scheduler", "tcp://x:1", "--dask-local", "2"], 2, "argmap: error: choose one of"),
        (["--resume", "--force"], 2, "argmap: error: resume or overwrite an output, not both"),
    ],
)
def test_usage_errors_exit_2_in_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    got, err = _run(["batch", str(corpus), "-o", str(tmp_path / "r.jsonl"), *args], capsys)
    assert (got, err.count("\n")) == (code, 1) and err.startswith(message), err
    assert "Traceback" not in err and not (tmp_path / "r.jsonl").exists()


def test_a_missing_input_and_a_bad_output_suffix_exit_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _run(["batch", str(corpus / "nope"), "-o", str(tmp_path / "r.csv")], capsys)
    assert code == 2 and err == f"argmap: error: no such file or folder: {corpus / 'nope'}\n"
    code, err = _run(["batch", str(corpus), "-o", str(tmp_path / "r.xlsx")], capsys)
    assert code == 2 and "must end in .jsonl, .csv or .parquet" in err


def test_an_existing_output_exits_3(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.jsonl"
    out.write_text("keep me\n")
    code, err = _run(["batch", str(corpus), "-o", str(out)], capsys)
    assert (
        code == 3 and err == f"argmap: error: {out} exists: --resume to continue it, --force to replace it\n"
    )
    assert out.read_text() == "keep me\n"


def test_the_command_is_one_call_of_write_batch(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def fake(*args: object, **kwargs: object) -> BatchSummary:
        calls.append((args, kwargs))
        return BatchSummary(output="o.csv", written=3, failed=0, resumed=0, ignored=0)

    monkeypatch.setattr(argmap_cli.batch, "write_batch", fake)
    code, _ = _run(
        ["batch", "a", "b", "-o", "o.csv", "--analyses", "strength", "--dask-local", "3", "--resume"], capsys
    )
    assert code == 0 and len(calls) == 1
    args, kwargs = calls[0]
    assert args == (["a", "b"], Path("o.csv"), "strength")
    assert (kwargs["dask_local"], kwargs["resume"], kwargs["overwrite"], kwargs["jobs"]) == (
        3,
        True,
        False,
        None,
    )
