"""The array-backed framework: construction, look-ups, equality, errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from argmap.errors import ParseError, UnknownIdError, UsageError
from argmap.limits import Limits
from argmap.semantics import AttackFramework


def test_arrays_and_adjacency() -> None:
    af = AttackFramework(["a", "b", "c", "d"], [("c", "a"), ("a", "b"), ("c", "b"), ("a", "b"), ("d", "d")])
    assert len(af) == 4
    assert af.n_attacks == 4  # the repeated attack counts once
    assert af.sources.dtype == np.int32 and af.targets.dtype == np.int32
    assert af.attackers(af.index("b")).tolist() == [0, 2]
    assert af.attacked_by(af.index("c")).tolist() == [0, 1]
    assert af.attackers(af.index("d")).tolist() == [3]
    assert af.out_pointers.tolist() == [0, 1, 1, 3, 4]
    assert "a" in af and "z" not in af


def test_arrays_are_read_only() -> None:
    af = AttackFramework(["a", "b"], [("a", "b")])
    with pytest.raises(ValueError, match="read-only"):
        af.sources[0] = 1


def test_from_edges_names_and_count() -> None:
    assert AttackFramework.from_edges(3, [0], [2]).names == ("1", "2", "3")
    af = AttackFramework.from_edges(["x", "y"], np.array([1]), np.array([0]))
    assert list(af.attack_pairs()) == [("y", "x")]


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: AttackFramework(["a", "a"]), UsageError, "named twice"),
        (lambda: AttackFramework(["a"], [("a", "b")]), UnknownIdError, "names no argument 'b'"),
        (lambda: AttackFramework.from_edges(2, [0, 1], [1]), UsageError, "2 attack sources but 1 targets"),
        (lambda: AttackFramework.from_edges(2, [0], [2]), UsageError, "outside 0..1"),
        (lambda: AttackFramework.from_edges(-1, [], []), UsageError, "cannot have -1"),
        (lambda: AttackFramework.from_edges(["a", "a"], [], []), UsageError, "named twice"),
        (lambda: AttackFramework(["a"]).index("b"), UnknownIdError, "no argument 'b'"),
        (lambda: AttackFramework(["a"]).relabel(["x", "y"]), UsageError, "2 names for 1 arguments"),
    ],
)
def test_errors(call: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        call()  # type: ignore[operator]


def test_equality_ignores_order() -> None:
    one = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    two = AttackFramework(["c", "b", "a"], [("b", "c"), ("a", "b")])
    assert one == two
    assert one != AttackFramework(["a", "b", "c"], [("a", "b"), ("c", "b")])
    assert one != AttackFramework(["a", "b", "d"], [("a", "b"), ("b", "d")])
    assert one.__eq__("framework") is NotImplemented


def test_restrict_and_relabel() -> None:
    af = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    sub = af.restrict([0, 2])
    assert sub.names == ("a", "c") and list(sub.attack_pairs()) == [("c", "a")]
    assert af.relabel(["x", "y", "z"]) == AttackFramework(
        ["x", "y", "z"], [("x", "y"), ("y", "z"), ("z", "x")]
    )


def test_empty_framework() -> None:
    af = AttackFramework([])
    assert len(af) == 0 and af.n_attacks == 0
    assert af.to_iccma() == "p af 0\n"
    assert repr(af) == "<AttackFramework: 0 arguments, 0 attacks>"


def test_read_honours_the_limits(tmp_path: Path) -> None:
    header = tmp_path / "big.af"
    header.write_text("p af 5\n1 2\n")
    with pytest.raises(ParseError, match=r"big\.af:1: .*max_statements=3"):
        AttackFramework.read(header, limits=Limits(max_statements=3))
    names = tmp_path / "names.tgf"
    names.write_text("a\nb\nc\nd\n#\na b\n")
    with pytest.raises(ParseError, match=r"names\.tgf: .*max_statements=3"):
        AttackFramework.read(names, limits=Limits(max_statements=3))
    with pytest.raises(ParseError, match=r"names\.tgf: .*max_bytes=5"):
        AttackFramework.read(names, limits=Limits(max_bytes=5))
    assert len(AttackFramework.read(names, limits=Limits(max_statements=4))) == 4
