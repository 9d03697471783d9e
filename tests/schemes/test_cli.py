"""``argmap schemes``, and ``--schemes`` on validate and analyze."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.schemes import SCHEMES_ENV, builtin_catalogue, open_questions, read_catalogue
from tests.cli.test_cli import run
from tests.conftest import ARTICLE_MAP
from tests.schemes.test_catalogue import MINE
from tests.schemes.test_questions import MAP


def test_the_list_names_every_scheme_with_its_number_of_questions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["schemes", "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert [s["id"] for s in data["schemes"]] == list(builtin_catalogue().ids)
    code, out, _ = run(["schemes"], capsys)
    assert code == 0
    assert (
        "argument-from-expert-opinion" in out and f"argumentation schemes ({len(builtin_catalogue())})" in out
    )


def test_one_scheme_shows_premises_and_questions(capsys: pytest.CaptureFixture[str]) -> None:
    scheme = builtin_catalogue().scheme("practical-reasoning")
    code, out, _ = run(["schemes", "practical-reasoning"], capsys)
    assert code == 0
    for premise in scheme.premises:
        assert f"{premise.role}: {premise.template}" in out
    for question in scheme.questions:
        assert f"{question.id}: {question.text}" in out
    code, out, _ = run(["schemes", "Practical reasoning", "--format", "markdown"], capsys)
    assert code == 0 and out.startswith("## Practical reasoning (`practical-reasoning`)")
    code, out, _ = run(["schemes", "practical-reasoning", "--format", "json"], capsys)
    assert json.loads(out)["questions"][0]["id"] == scheme.questions[0].id


def test_an_unknown_scheme_is_a_usage_error_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["schemes", "argument-from-anology"], capsys)
    assert (code, out) == (2, "")
    assert err == "argmap: error: no scheme 'argument-from-anology' (did you mean 'argument-from-analogy'?)\n"


def test_a_malformed_user_catalogue_exits_1_with_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINE.replace("    reference: Ours.\n", "", 1), encoding="utf-8")
    code, _, err = run(["schemes", "--schemes", str(bad)], capsys)
    assert code == 1
    assert err.startswith(
        f"argmap: error: {bad}:3:5: argument-from-sign: schemes[0].reference: missing required key"
    )


def test_schemes_validate_and_analyze_take_user_catalogues(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    map_path = tmp_path / "m.yaml"
    map_path.write_text(MAP.replace("argument-from-expert-opinion", "argument-from-rhyme"), encoding="utf-8")
    code, out, _ = run(["schemes", "argument-from-rhyme", "--schemes", str(mine)], capsys)
    assert code == 0 and "reason: Is rhyme a reason?" in out
    code, _, err = run(["validate", str(map_path)], capsys)
    assert code == 1 and "S1: unknown scheme 'argument-from-rhyme'" in err
    code, out, err = run(["validate", str(map_path), "--schemes", str(mine)], capsys)
    assert code == 0, err
    code, out, err = run(["analyze", str(map_path), "--schemes", str(mine), "--format", "json"], capsys)
    assert code == 0, err
    opened = [w["question"] for w in json.loads(out)["weak_links"] if w["kind"] == "open-critical-question"]
    assert opened == ["reason"]


def test_analyze_lists_the_article_maps_open_questions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", str(ARTICLE_MAP), "--format", "markdown"], capsys)
    assert code == 0
    section = out.split("## Open critical questions (")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| R")]
    m = argmap.load(ARTICLE_MAP)
    assert len(rows) == len(open_questions(m)) and section.startswith(f"{len(rows)})")
    sign = builtin_catalogue().scheme("argument-from-sign")
    assert rows[0] == f"| R1 | argument-from-sign | strength | {sign.question('strength').text} |"
    assert not any(
        line.startswith("| R1 | argument-from-sign | other-explanations") for line in rows
    )  # P1 answers it
    assert "| open-critical-question |" not in out  # listed in their own section, not among the weak links
    code, out, _ = run(["analyze", str(ARTICLE_MAP), "--details"], capsys)
    inferences = {row.split(" | ")[0].removeprefix("| ") for row in rows}
    assert code == 0 and f"open critical questions ({len(rows)}, on {len(inferences)} inferences" in out
    r1 = next(line for line in out.splitlines() if line.startswith("│ R1 "))
    assert "strength" in r1 and "other-explanations" not in r1  # one row per inference, ids only


def test_the_json_listing_is_a_catalogue_file_a_user_can_start_from(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(["schemes", "--format", "json"], capsys)
    assert code == 0
    copy = tmp_path / "copy.json"
    copy.write_text(out, encoding="utf-8")
    assert read_catalogue(copy) == builtin_catalogue()


def test_the_environment_variable_reaches_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE, encoding="utf-8")
    map_path = tmp_path / "m.yaml"
    map_path.write_text(MAP.replace("argument-from-expert-opinion", "argument-from-rhyme"), encoding="utf-8")
    monkeypatch.setenv(SCHEMES_ENV, str(mine))
    assert run(["validate", str(map_path)], capsys)[0] == 0
    assert run(["render", str(map_path), "-o", str(tmp_path / "m.svg")], capsys)[0] == 0
    code, out, _ = run(["schemes", "argument-from-rhyme"], capsys)
    assert code == 0 and "Argument from rhyme" in out
    other = tmp_path / "other.yaml"
    other.write_text(
        MINE.replace("Argument from rhyme", "Rhyme, again").replace("argument-from-sign", "x-sign")
    )
    code, out, _ = run(["schemes", "argument-from-rhyme", "--schemes", str(other)], capsys)
    assert code == 0 and "Rhyme, again" in out  # --schemes files come after the environment's
