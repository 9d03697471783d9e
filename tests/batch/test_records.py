"""One map, one record: counts, headline figures, error rows, and maps without a claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import WEAK_LINK_KINDS
from argmap.batching.records import ANALYSES, analyses_of_columns, analyze_file, columns, parse_analyses
from argmap.errors import UsageError
from tests.batch.conftest import CHAINED, EMPTY, FRAMEWORK_TGF, LINKED, write


def test_counts_and_figures_of_a_map_built_for_them(tmp_path: Path) -> None:
    row = analyze_file(write(tmp_path, "m.yaml", CHAINED)).row()
    assert row["status"] == "ok" and row["format"] == "yaml" and row["error_kind"] is None
    assert (row["statements"], row["statements_claim"], row["statements_premise"]) == (6, 1, 3)
    assert (row["statements_evidence"], row["statements_rebuttal"]) == (1, 1)
    assert (row["relations"], row["relations_support"], row["relations_attack"]) == (5, 3, 2)
    assert (row["undercuts"], row["linked"], row["claim"]) == (0, 0, "C")
    # P3 -> P1 -> C and P2 -> C
    assert (row["chains"], row["chain_depth"]) == (2, 2)
    # B attacks C, E (unattacked) attacks B: grounded labels E, C, P1-P3 in, B out.
    assert (row["counterarguments"], row["counterarguments_answered"]) == (1, 1)
    assert row["claim_label"] == "in"
    assert (row["labels_in"], row["labels_out"], row["labels_undec"]) == (5, 1, 0)
    assert isinstance(row["claim_strength"], float) and 0.0 < row["claim_strength"] <= 1.0


def test_linked_support_and_undercut(tmp_path: Path) -> None:
    record = analyze_file(write(tmp_path, "m.yaml", LINKED))
    row = record.row()
    assert (row["linked"], row["undercuts"]) == (1, 1)
    # U is unattacked, so its undercut of S1 stands.
    assert (row["counterarguments"], row["counterarguments_standing"]) == (1, 1)
    assert record.weak_links is not None
    for kind in WEAK_LINK_KINDS:
        expected = sum(1 for w in record.weak_links if w.kind == kind)
        assert row[f"weak_links_{kind.replace('-', '_')}"] == expected
    assert row["weak_links"] == len(record.weak_links) >= row["weak_links_linked_premise"] >= 1


def test_a_framework_without_a_named_claim_gives_a_row(tmp_path: Path) -> None:
    row = analyze_file(write(tmp_path, "af.tgf", FRAMEWORK_TGF)).row()
    # a -> b -> c: grounded labels a in, b out, c in; the claim is the first argument.
    assert row["status"] == "ok" and row["format"] == "tgf" and row["claim"] == "a"
    assert (row["labels_in"], row["labels_out"], row["claim_label"]) == (2, 1, "in")
    assert (row["chains"], row["relations_attack"]) == (0, 2)


def test_a_map_with_no_statements_gives_counts_and_no_figures(tmp_path: Path) -> None:
    record = analyze_file(write(tmp_path, "e.yaml", EMPTY))
    row = record.row()
    assert record.ok and row["statements"] == 0 and row["relations"] == 0
    assert row["claim"] is None and row["chains"] is None and row["claim_strength"] is None
    assert record.results() == dict.fromkeys(ANALYSES)


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("bad.yaml", "argmap: 1\ntitle: [unclosed\n", "parse"),
        ("bad.yaml", "argmap: 1\ntitle: T\nmain_claim: Z\n", "invalid"),
        ("bad.json", "[1, 2, 3]", "unknown-format"),
        ("bad.txt", "hello", "unknown-format"),
        ("bad.tgf", b"\xff\xfe", "parse"),
    ],
)
def test_a_bad_file_is_an_error_row_never_an_exception(
    tmp_path: Path, name: str, text: str | bytes, kind: str
) -> None:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    record = analyze_file(str(path))
    row = record.row()
    assert not record.ok and row["status"] == "error" and row["error_kind"] == kind
    assert isinstance(row["error_message"], str) and row["error_message"]
    assert row["statements"] is None and row["chains"] is None
    assert row["format"] == {"bad.yaml": "yaml", "bad.tgf": "tgf"}.get(name)


def test_an_unreadable_path_is_a_parse_row(tmp_path: Path) -> None:
    record = analyze_file(str(tmp_path))  # a folder, not a file
    assert record.error_kind == "parse" and "cannot read" in (record.error_message or "")


def test_a_subset_of_analyses_gives_only_their_columns_and_results(tmp_path: Path) -> None:
    record = analyze_file(write(tmp_path, "m.yaml", CHAINED), ("acceptability", "chains"))
    row = record.row()
    assert list(row) == [name for name, _ in columns(("chains", "acceptability"))]
    assert "claim_strength" not in row and "weak_links" not in row
    assert set(record.results()) == {"chains", "acceptability"}
    assert record.results()["chains"]["count"] == 2


def test_the_same_figures_with_all_analyses_or_one_at_a_time(tmp_path: Path) -> None:
    path = write(tmp_path, "m.yaml", CHAINED)
    everything = analyze_file(path).row()
    for name in ANALYSES:
        alone = analyze_file(path, (name,)).row()
        assert all(everything[key] == value for key, value in alone.items()), name


def test_analysis_names_are_checked() -> None:
    assert parse_analyses(None) == ANALYSES
    assert parse_analyses(" strength , chains,chains") == ("chains", "strength")
    with pytest.raises(UsageError, match="unknown analysis 'weak_links'; known: chains, weak-links"):
        parse_analyses("weak_links")
    with pytest.raises(UsageError, match="no analysis chosen"):
        parse_analyses(",")


def test_columns_tell_which_analyses_wrote_them() -> None:
    for chosen in [("chains",), ("weak-links", "strength"), ANALYSES]:
        assert analyses_of_columns(name for name, _ in columns(chosen)) == chosen


def test_a_file_beyond_the_size_limit_is_an_error_row_naming_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "m.yaml", CHAINED)
    monkeypatch.setenv("ARGMAP_LIMITS", "max_bytes=20")
    record = analyze_file(path)
    assert record.error_kind == "parse"
    assert "max_bytes" in (record.error_message or "")
