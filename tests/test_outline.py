"""The outline: each statement's reasons listed once; later occurrences are ``(see above)``."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.model import ArgumentMap, Relation, Statement
from argmap.outline import format_outline, outline
from argmap_cli.main import cli


def statement(sid: str, kind: str = "premise") -> Statement:
    return Statement(id=sid, kind=kind, text=f"Text {sid}.")


def test_a_tree_prints_every_statement_in_full() -> None:
    m = ArgumentMap(
        title="T",
        main_claim="C",
        statements=[statement("C", "claim"), statement("P"), statement("Q"), statement("U", "rebuttal")],
        relations=[
            Relation(id="R1", type="support", sources=("P", "Q"), to="C"),
            Relation(id="R2", type="attack", sources="U", to="R1"),
        ],
    )
    assert format_outline(outline(m)) == (
        "[C] Text C.\n  + [P] Text P.\n  & [Q] Text Q.\n    x [U] (con) Text U."
    )


def test_a_statement_with_reasons_met_again_is_a_reference() -> None:
    # P supports both C and Q; its own reason E is listed under its first occurrence only.
    m = ArgumentMap(
        title="T",
        main_claim="C",
        statements=[statement("C", "claim"), statement("Q"), statement("P"), statement("E", "evidence")],
        relations=[
            Relation(id="R1", type="support", sources="Q", to="C"),
            Relation(id="R2", type="support", sources="P", to="Q"),
            Relation(id="R3", type="support", sources="P", to="C"),
            Relation(id="R4", type="support", sources="E", to="P"),
        ],
    )
    assert format_outline(outline(m)) == (
        "[C] Text C.\n  + [Q] Text Q.\n    + [P] Text P.\n      + [E] Text E.\n  + [P] (see above)"
    )
    assert format_outline(outline(m), "markdown").splitlines()[-1] == (
        "  - pro: **P** (premise): Text P. *(see above)*"
    )


def test_a_leaf_met_again_is_printed_in_full() -> None:
    m = ArgumentMap(
        title="T",
        main_claim="C",
        statements=[statement("C", "claim"), statement("Q"), statement("E", "evidence")],
        relations=[
            Relation(id="R1", type="support", sources="Q", to="C"),
            Relation(id="R2", type="support", sources="E", to="Q"),
            Relation(id="R3", type="support", sources="E", to="C"),
        ],
    )
    assert format_outline(outline(m)) == "[C] Text C.\n  + [Q] Text Q.\n    + [E] Text E.\n  + [E] Text E."


# -- dense maps: the outline grows with the relations, not with the paths -----------------------


@pytest.fixture
def no_hang() -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("a command on a dense map ran past 120 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def dense_tgf(n: int, k: int) -> str:
    """``n`` arguments, each attacked by the ``k`` after it (wrapping round): 10^k paths per level."""
    attacks = [f"S{(i + j) % n} S{i}" for i in range(n) for j in range(1, k + 1)]
    return "\n".join([*(f"S{i}" for i in range(n)), "#", *attacks]) + "\n"


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize(("n", "k"), [(40, 10), (200, 20)])
@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_the_outline_of_a_dense_framework_lists_each_attack_once(
    n: int, k: int, output_format: str, tmp_path: Path
) -> None:
    path = tmp_path / "dense.tgf"
    path.write_text(dense_tgf(n, k))
    result = CliRunner().invoke(cli, ["outline", str(path), "--format", output_format])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1 + n * k  # the root, then one line per attack
    # every argument is reachable and attacked: printed in full once, referred to otherwise
    assert sum("(see above)" not in line for line in lines) == n
    assert sum("(see above)" in line for line in lines) == n * k + 1 - n
