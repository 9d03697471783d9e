"""INPUTS: files, folders and globs, and what happens to files of no map format."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.batching.inputs import expand_inputs
from argmap.errors import UsageError
from tests.batch.conftest import BAD, GOOD


def test_a_folder_is_walked_and_files_of_no_format_are_counted(corpus: Path) -> None:
    found = expand_inputs([corpus])
    assert {Path(f).name for f in found.files} == GOOD | set(BAD)
    assert found.ignored == 2  # notes.txt and nested/README.md
    order = found.files
    assert order.index(str(corpus / "broken.yaml")) < order.index(str(corpus / "nested/linked.yaml"))


def test_a_named_file_of_no_format_is_kept_for_an_error_row(corpus: Path) -> None:
    found = expand_inputs([corpus / "notes.txt"])
    assert found.files == (str(corpus / "notes.txt"),) and found.ignored == 0


def test_globs_match_recursively_and_skip_files_of_no_format(corpus: Path) -> None:
    found = expand_inputs([f"{corpus}/**/*"])
    assert {Path(f).name for f in found.files} == GOOD | set(BAD)
    assert found.ignored == 2
    assert {Path(f).name for f in expand_inputs([f"{corpus}/*.yaml"]).files} == {
        "chained.yaml",
        "broken.yaml",
        "invalid.yaml",
    }


def test_a_file_reached_twice_is_read_once(corpus: Path) -> None:
    found = expand_inputs([corpus / "chained.yaml", corpus, f"{corpus}/*.yaml"])
    assert len(found.files) == len(GOOD | set(BAD))
    assert found.files[0] == str(corpus / "chained.yaml")


@pytest.mark.parametrize("given", ["missing.yaml", "missing/*.yaml"])
def test_an_input_that_names_nothing_stops_the_run(corpus: Path, given: str) -> None:
    with pytest.raises(UsageError, match=r"no such file or folder|matches nothing"):
        expand_inputs([corpus, corpus / given])


def test_no_input_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="no input given"):
        expand_inputs([])
