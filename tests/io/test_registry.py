"""Choosing a format: by name, by suffix, and for .json by content; never a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.errors import UnknownFormatError, UsageError
from argmap.io import candidates_for_path, detect_format, format_for_path, formats
from tests.conftest import ARTICLE_MAP

NAMES = [
    "yaml",
    "json",
    "aif",
    "argdown",
    "microtexts",
    "apx",
    "tgf",
    "iccma",
    "graphml",
    "node-link",
    "sadface",
]


def test_the_issues_format_names_are_registered() -> None:
    assert sorted(f.name for f in formats()) == sorted(NAMES)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("m.argdown", "argdown"),
        ("m.ad", "argdown"),
        ("m.xml", "microtexts"),
        ("m.apx", "apx"),
        ("m.TGF", "tgf"),
        ("m.af", "iccma"),
        ("m.i23", "iccma"),
        ("m.graphml", "graphml"),
        ("m.json", "json"),
    ],
)
def test_suffixes(name: str, fmt: str) -> None:
    assert format_for_path(name).name == fmt


def test_json_is_shared_and_sniffed(tmp_path: Path) -> None:
    assert [f.name for f in candidates_for_path("m.json")] == ["json", "aif", "node-link", "sadface"]
    m = argmap.load(ARTICLE_MAP)
    for fmt in ("json", "aif", "node-link"):
        path = tmp_path / f"{fmt}.json"
        argmap.save(m, path, fmt)
        detected = detect_format(path)
        assert (detected.format.name, detected.how) == (fmt, "content")
        assert argmap.load(path).statements[0].text == m.statements[0].text


def test_writing_json_means_argmaps_own_json(tmp_path: Path) -> None:
    path = argmap.save(argmap.load(ARTICLE_MAP), tmp_path / "m.json")
    assert path.read_text().startswith('{\n  "argmap": 1,')


def test_json_of_no_known_shape_is_an_error_listing_the_formats(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text('{"hello": "world"}')
    with pytest.raises(
        UnknownFormatError, match=r"matches none of the formats for '.json' \(json, aif, node-link, sadface\)"
    ):
        argmap.load(path)
    with pytest.raises(argmap.MapValidationError, match="missing 'argmap: 1'"):
        argmap.load(path, "json")


def test_a_named_format_wins_over_the_suffix() -> None:
    assert detect_format("m.json", format="aif").how == "name"
    assert detect_format("m.yaml").how == "suffix"


def test_unknown_suffix_lists_every_known_suffix_once() -> None:
    with pytest.raises(UnknownFormatError) as caught:
        format_for_path("m.docx")
    message = str(caught.value)
    assert "unknown file suffix '.docx'; known suffixes: .yaml, .yml, .json, " in message
    assert message.count(".json") == 1 and ".argdown" in message and ".graphml" in message


def test_microtexts_are_read_only() -> None:
    with pytest.raises(UsageError, match="cannot write the microtexts format"):
        argmap.dumps(argmap.load(ARTICLE_MAP), "microtexts")
