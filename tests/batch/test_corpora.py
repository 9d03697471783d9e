"""Batch runs over the real corpora in ../shared/corpora (skipped where ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import argmap
from tests.conftest import CORPORA, require_shared


def test_the_microtext_corpus_gives_one_ok_row_per_graph() -> None:
    folder = require_shared(CORPORA / "microtexts")
    run = argmap.batch([folder], "chains,acceptability", jobs=2)
    records = list(run)
    # 112 gold graphs (micro_*.xml, per the corpus README); the texts, the DTD and the notes are skipped.
    assert len(records) == 112 and all(r.ok and r.format == "microtexts" for r in records)
    assert run.ignored == sum(1 for p in folder.rglob("*") if p.is_file() and p.suffix != ".xml")
    assert all(r.support_chains is not None and r.acceptability is not None for r in records)


def test_empty_aif_maps_give_rows_without_figures() -> None:
    folder = require_shared(CORPORA / "aif" / "iac")
    records = {Path(r.file).name: r for r in argmap.batch([folder], jobs=2)}
    # aif/SOURCE.md: 50 IAC maps, of which the copy has 2 with "nodes": [].
    assert len(records) == 50 and all(r.ok for r in records.values())
    empty = [r for r in records.values() if r.summary is not None and r.summary.statements == 0]
    assert len(empty) == 2
    assert all(r.claim is None and r.row()["chains"] is None for r in empty)
