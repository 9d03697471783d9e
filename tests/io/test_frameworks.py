"""Abstract frameworks (.apx, .tgf, ICCMA'23 .af) as maps: counts from the files, grounded answers, errors."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

import argmap
from argmap.analysis.acceptability import grounded_labels
from argmap.errors import ParseError
from argmap.io.frameworks import loads_framework
from argmap.model import ArgumentMap
from tests.conftest import CORPORA, require_shared

ICCMA = CORPORA / "iccma"
TRUNCATED = "n512p5q2_vh.apx"
FILES = (
    sorted(p for p in ICCMA.rglob("*") if p.suffix in (".apx", ".tgf", ".af", ".i23") and p.name != TRUNCATED)
    if ICCMA.exists()
    else []
)


@functools.cache
def load(path: Path) -> ArgumentMap:
    """Each framework is imported once for all the tests here (the largest take most of a second)."""
    return argmap.load(path)


def raw_counts(path: Path) -> tuple[int, int]:
    """Arguments and distinct attacks, read from the file with plain string handling."""
    text = path.read_text()
    if path.suffix == ".apx":
        arguments = set(re.findall(r"arg\(\s*([^)\s]+)\s*\)", text))
        attacks = set(re.findall(r"att\(\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)", text))
        return len(arguments), len(attacks)
    lines = [line.split() for line in text.splitlines() if line.strip()]
    if path.suffix == ".tgf":
        split = lines.index(["#"])
        return len({fields[0] for fields in lines[:split]}), len({tuple(f[:2]) for f in lines[split + 1 :]})
    body = [fields for fields in lines if not fields[0].startswith("#")]
    return int(body[0][2]), len({tuple(fields) for fields in body[1:]})


def test_the_corpus_is_there() -> None:
    require_shared(ICCMA)
    assert len(FILES) == 47


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_framework_imports_as_claims_and_attacks(path: Path) -> None:
    m = load(path)
    arguments, attacks = raw_counts(path)
    assert len(m.statements) == arguments
    assert len(m.relations) == attacks
    assert {s.kind for s in m.statements} == {"claim"}
    assert {r.type for r in m.relations} <= {"attack"}
    assert not any(r.linked or m.is_undercut(r) for r in m.relations)


def test_the_truncated_apx_is_a_clean_error_with_its_line() -> None:
    path = require_shared(
        ICCMA
        / "dl-abstract-argumentation/src/data/generators/vendor/AFGenBenchmarkGenerator/samples/APX"
        / TRUNCATED
    )
    with pytest.raises(
        ParseError, match=rf"{TRUNCATED}:30331: expected arg\(x\)\. or att\(x,y\)\. but found 'att\(a194,a2'"
    ):
        argmap.load(path)


def test_statement_ids_come_from_names_and_texts_keep_them() -> None:
    m = loads_framework('arg("a b").\narg(c).\natt("a b",c).\n', "apx")
    assert [(s.id, s.text) for s in m.statements] == [("a-b", "a b"), ("c", "c")]
    assert [(r.id, r.sources, r.to) for r in m.relations] == [("attack.a-b.c", ("a-b",), "c")]


def test_iccma_arguments_are_numbered() -> None:
    m = loads_framework("p af 3\n# a comment\n1 2\n3 3\n", "iccma")
    assert [s.id for s in m.statements] == ["1", "2", "3"]
    assert [(r.sources, r.to) for r in m.relations] == [(("1",), "2"), (("3",), "3")]


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ("arg(a).\natt(a,b).\n", "apx", r"x:2: attack names an undeclared argument 'b'"),
        ("a\n#\na\n", "tgf", r"x:3: expected an attack"),
        ("p af 2\n1 x\n", "iccma", r"x:2: expected an attack 'i j'"),
        ("1 2\n", "iccma", r"x:1: expected the header 'p af <n>'"),
    ],
)
def test_malformed_frameworks_are_errors_with_their_line(text: str, fmt: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        loads_framework(text, fmt, name="x")


def grounded_of_map(m: ArgumentMap) -> set[str]:
    """The grounded extension of the map's attack relations (least fixed point), as argument names.

    Linear time: an argument is accepted once all its attackers are defeated, and defeats what it attacks.
    """
    targets: dict[str, set[str]] = {s.id: set() for s in m.statements}
    live = dict.fromkeys(targets, 0)
    for relation in m.relations:
        for source in relation.sources:
            if relation.to not in targets[source]:
                targets[source].add(relation.to)
                live[relation.to] += 1
    accepted = [a for a, count in live.items() if count == 0]
    defeated: set[str] = set()
    for argument in accepted:
        for target in targets[argument] - defeated:
            defeated.add(target)
            for attacked in targets[target]:
                live[attacked] -= 1
                if live[attacked] == 0 and attacked not in defeated:
                    accepted.append(attacked)
    return {m.statement(a).text for a in accepted}


def test_grounded_extensions_of_imported_maps_agree_with_the_references() -> None:
    """probo's EE-GR solutions and ICCMA'19 Medium-result-b1 (external), then the derived table."""
    probo = require_shared(ICCMA / "dl-abstract-argumentation/src/data/generators/vendor/probo/examples")
    for number in (1, 2, 3):
        solution = (probo / "solutions" / f"ex{number}.apx.EE-GR").read_text().strip()
        expected = set(re.findall(r"\w+", solution))
        for suffix in (".apx", ".tgf"):
            assert grounded_of_map(load(probo / f"ex{number}{suffix}")) == expected
    medium = ICCMA / "probo2" / "test" / "Medium-result-b1.apx"
    assert grounded_of_map(load(medium)) == set()  # SE-CO gives [], so grounded is empty
    derived = json.loads((ICCMA / "_derived" / "grounded.json").read_text())["instances"]
    for relative, answer in derived.items():
        if relative.endswith(TRUNCATED):
            continue
        assert grounded_of_map(load(ICCMA / relative)) == set(answer["grounded"]), relative


def test_acceptability_of_imported_maps_agrees_with_the_references() -> None:
    """The map imported from each format gives the reference grounded extension through argmap.analysis."""
    probo = require_shared(ICCMA / "dl-abstract-argumentation/src/data/generators/vendor/probo/examples")
    cases: list[tuple[Path, set[str]]] = []
    for number in (1, 2, 3):
        solution = (probo / "solutions" / f"ex{number}.apx.EE-GR").read_text().strip()
        cases += [
            (probo / f"ex{number}{suffix}", set(re.findall(r"\w+", solution))) for suffix in (".apx", ".tgf")
        ]
    derived = json.loads((ICCMA / "_derived" / "grounded.json").read_text())["instances"]
    for relative in (
        "argument_solver/inputs/competition/4_B-1-BA_40_30_3.af",
        "probo2/solver_test_data/a.i23",
    ):
        cases.append((ICCMA / relative, set(derived[relative]["grounded"])))
    for path, expected in cases:
        m = load(path)
        labels = grounded_labels(m)
        assert {s.text for s in m.statements if labels[s.id] == "in"} == expected, path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_framework_written_back_is_the_same_framework(path: Path) -> None:
    from argmap.semantics import AttackFramework

    fmt = argmap.io.format_for_path(path).name
    written = argmap.dumps(load(path), fmt)
    assert AttackFramework.parse(written, fmt) == AttackFramework.read(path)
