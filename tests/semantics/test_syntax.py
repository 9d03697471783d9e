"""Reading and writing .apx, .tgf and ICCMA'23 .af: round trips, corpus files, malformed input."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import ArgmapError, OutputError, ParseError, UnknownFormatError, UsageError
from argmap.semantics import AttackFramework
from argmap.semantics.syntax import _parse_iccma_lines, parse_iccma
from tests.conftest import require_shared
from tests.semantics._corpus import (
    AFGEN,
    AFGEN_INSTANCES,
    COMPETITION,
    COMPETITION_INSTANCES,
    ICCMA,
    STORAGE,
    TRUNCATED_APX,
)

FORMATS = ("apx", "tgf", "iccma")
PLAIN_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,4}", fullmatch=True)


@st.composite
def frameworks(draw: st.DrawFn, names: st.SearchStrategy[str] | None = None) -> AttackFramework:
    names = names if names is not None else PLAIN_NAMES
    arguments = draw(st.lists(names, min_size=0, max_size=8, unique=True))
    if not arguments:
        return AttackFramework([])
    pairs = st.tuples(st.sampled_from(arguments), st.sampled_from(arguments))
    return AttackFramework(arguments, draw(st.lists(pairs, max_size=20)))


@given(frameworks())
@settings(max_examples=60, deadline=None)
def test_round_trip_every_format(af: AttackFramework) -> None:
    assert AttackFramework.parse(af.to_apx(), "apx") == af
    assert AttackFramework.parse(af.to_tgf(), "tgf") == af
    numbered = af.relabel([str(i + 1) for i in range(len(af))])
    assert AttackFramework.parse(af.to_iccma(), "iccma") == numbered


@given(frameworks(names=st.text(min_size=1, max_size=5).filter(lambda s: "\n" not in s and "\r" not in s)))
@settings(max_examples=60, deadline=None)
def test_apx_quotes_any_name(af: AttackFramework) -> None:
    """Names that are not plain identifiers (map ids such as ``support.P.C``) are quoted."""
    assert AttackFramework.parse(af.to_apx(), "apx") == af


def test_write_and_read_files(tmp_path: Path) -> None:
    af = AttackFramework(["a", "support.P.C", "c"], [("a", "support.P.C"), ("c", "c")])
    assert AttackFramework.read(af.write(tmp_path / "x.apx")) == af
    assert AttackFramework.read(af.write(tmp_path / "x.TGF")) == af
    assert AttackFramework.read(af.write(tmp_path / "x.af")) == af.relabel(["1", "2", "3"])
    assert AttackFramework.read(af.write(tmp_path / "x.txt", format="iccma"), format="iccma").n_attacks == 2


def test_unknown_suffix_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(
        UnknownFormatError,
        match=r"unknown framework file suffix '\.gml'; known suffixes: \.apx, \.tgf, \.af, \.i23",
    ):
        AttackFramework.read(tmp_path / "x.gml")
    with pytest.raises(UnknownFormatError, match="no file suffix"):
        AttackFramework(["a"]).write(tmp_path / "x")
    with pytest.raises(UnknownFormatError, match="known formats: apx, tgf, iccma"):
        AttackFramework.parse("", "dot")


def test_unreadable_and_unwritable(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match=r"missing\.af: cannot read the file"):
        AttackFramework.read(tmp_path / "missing.af")
    with pytest.raises(OutputError, match="cannot write"):
        AttackFramework(["a"]).write(tmp_path / "no" / "such" / "dir.apx")


def test_tgf_refuses_names_it_cannot_hold() -> None:
    with pytest.raises(UsageError, match="cannot be written as TGF"):
        AttackFramework(["a b"]).to_tgf()


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("apx", b"arg(a).\natt(a,b).\n", "x:2: attack names an undeclared argument 'b'"),
        ("apx", b"arg(a).\nfoo(b).\n", "x:2: expected arg(x). or att(x,y). but found 'foo(b).'"),
        ("apx", b"arg(a)\narg(b).\n", "x:1: fact not closed by '.'"),
        ("apx", b"arg(a).\natt(a,a", "x:2: expected arg(x). or att(x,y). but found 'att(a,a'"),
        ("apx", b"arg(a).\narg(\xff).\n", "x:2: not UTF-8 text (invalid start byte)"),
        ("tgf", b"a\n#\na\n", "x:3: expected an attack 'source target' but found 'a'"),
        ("tgf", b"a\n#\na b\n", "x:3: attack names an undeclared argument 'b'"),
        ("iccma", b"", "x:1: no 'p af <n>' header"),
        ("iccma", b"1 2\n", "x:1: expected the header 'p af <n>' but found '1 2'"),
        ("iccma", b"p af 2\n1 3\n", "x:2: argument 3 is outside 1..2"),
        ("iccma", b"p af 2\n0 1\n", "x:2: argument 0 is outside 1..2"),
        (
            "iccma",
            b"p af 2\n# note\n1 2 1\n",
            "x:3: expected an attack 'i j' (two argument numbers) but found '1 2 1'",
        ),
        ("iccma", b"p af 2\n1 -2\n", "x:2: expected an attack 'i j'"),
        ("iccma", b"p af 2\n1 2 # no\n", "x:2: expected an attack 'i j'"),
        ("iccma", b"p af 2\n1 99999999999\n", "x:2: expected an attack 'i j'"),
        ("iccma", b"p af 2\n1\n2\n", "x:2: expected an attack 'i j'"),
        ("iccma", b"p af 2\n1 2\np af 2\n", "x:3: expected an attack 'i j'"),
    ],
)
def test_malformed_input_names_the_line(fmt: str, text: bytes, expected: str) -> None:
    with pytest.raises(ParseError) as caught:
        AttackFramework.parse(text, fmt, file="x")
    assert str(caught.value).startswith(expected)
    assert caught.value.problems[0].line is not None


def test_truncated_corpus_file_is_a_parse_error() -> None:
    """``n512p5q2_vh.apx`` ends mid-fact at ``att(a194,a2`` (SOURCE.md keeps it as a malformed input)."""
    path = require_shared(TRUNCATED_APX)
    last_line = path.read_bytes().count(b"\n") + 1
    with pytest.raises(
        ParseError, match=rf"n512p5q2_vh\.apx:{last_line}: expected arg\(x\)\. or att\(x,y\)\."
    ):
        AttackFramework.read(path)


@given(st.binary(max_size=200), st.sampled_from(FORMATS))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_random_bytes_never_raise_anything_else(data: bytes, fmt: str) -> None:
    with contextlib.suppress(ArgmapError):
        AttackFramework.parse(data, fmt)


@given(frameworks(), st.sampled_from(FORMATS), st.data())
@settings(max_examples=200, deadline=None)
def test_damaged_files_never_raise_anything_else(af: AttackFramework, fmt: str, data: st.DataObject) -> None:
    text = bytearray({"apx": af.to_apx, "tgf": af.to_tgf, "iccma": af.to_iccma}[fmt]().encode())
    for _ in range(data.draw(st.integers(1, 3))):
        if not text:
            break
        position = data.draw(st.integers(0, len(text) - 1))
        text[position : position + 1] = data.draw(
            st.sampled_from([b"", b"#", b" ", b"\n", b"(", b"9", b"-", b"\xff", b"x"])
        )
    with contextlib.suppress(ArgmapError):
        AttackFramework.parse(bytes(text), fmt)


@given(
    st.lists(
        st.sampled_from([b"p af 3", b"1 2", b"3 3", b"# c", b"", b"  2\t1 ", b"4 1", b"1", b"p af 2"]),
        max_size=8,
    )
)
def test_bulk_and_line_parsers_agree(lines: list[bytes]) -> None:
    data = b"\n".join(lines)
    try:
        expected = _parse_iccma_lines(data, "x")
    except ParseError:
        with pytest.raises(ParseError):
            parse_iccma(data, "x")
        return
    got = parse_iccma(data, "x")
    assert got.names == expected.names
    assert got.sources.tolist() == expected.sources.tolist()
    assert got.targets.tolist() == expected.targets.tolist()


# -- the corpus ---------------------------------------------------------------------


@pytest.mark.parametrize("instance", COMPETITION_INSTANCES)
def test_three_formats_give_one_framework(instance: str) -> None:
    """The .apx, .tgf and ICCMA'23 .af of an instance are one framework (.af index = TGF position)."""
    name = instance.split("_", 1)[1]
    folder = require_shared(STORAGE / instance)
    apx = AttackFramework.read(folder / f"{name}.apx")
    tgf = AttackFramework.read(folder / f"{name}.tgf")
    iccma = AttackFramework.read(require_shared(COMPETITION / f"{instance}.af"))
    assert apx == tgf
    assert iccma.relabel(tgf.names) == tgf


def test_medium_instance_in_three_formats() -> None:
    folder = require_shared(ICCMA / "probo2/test")
    tgf = AttackFramework.read(folder / "Medium-result-b1.tgf")
    assert (len(tgf), tgf.n_attacks) == (438, 77717)
    assert AttackFramework.read(folder / "Medium-result-b1.apx") == tgf
    assert AttackFramework.read(require_shared(COMPETITION / "Medium-result-b1.af")).relabel(tgf.names) == tgf


@pytest.mark.parametrize("instance", AFGEN_INSTANCES[:-1])
def test_afgen_apx_and_tgf_agree(instance: str) -> None:
    """AFGen names arguments ``a1..an`` in APX but ``1..n`` in TGF (SOURCE.md)."""
    apx = AttackFramework.read(require_shared(AFGEN / f"APX/{instance}.apx"))
    tgf = AttackFramework.read(require_shared(AFGEN / f"TGF/{instance}.tgf"))
    assert apx.relabel([name.removeprefix("a") for name in apx.names]) == tgf


def test_probo2_fixtures() -> None:
    """``a.i23`` is not the same framework as ``a.apx``/``a.tgf`` (SOURCE.md)."""
    folder = require_shared(ICCMA / "probo2/solver_test_data")
    apx = AttackFramework.read(folder / "a.apx")
    assert apx == AttackFramework.read(folder / "a.tgf") == AttackFramework(["a", "b"], [("a", "a")])
    assert sorted(AttackFramework.read(folder / "a.i23").attack_pairs()) == [("1", "1"), ("2", "1")]


@pytest.mark.parametrize(
    "body",
    [
        b"1 2\n2 3\n3 1\n",  # the canonical layout (the fastest path)
        b"1 2\n2 3\n3 1",  # no final line break
        b"1\t2\n2 3\r\n3  1\n",  # tabs, CRLF, two spaces: the general bulk path
        b"1 2\n\n2 3\n# a comment\n3 1\n",  # blank and comment lines
        b" 1 2\n2 3 \n3 1\n",  # blanks at either end of a line
    ],
)
def test_every_layout_of_the_same_attacks_reads_the_same(body: bytes) -> None:
    parsed = parse_iccma(b"p af 3\n" + body, "x.af")
    assert (parsed.sources.tolist(), parsed.targets.tolist()) == ([0, 1, 2], [1, 2, 0])


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        (b"1 2\n2 3 1\n", 3, "expected an attack 'i j'"),
        (b"1 2\n2\n3 1\n", 3, "expected an attack 'i j'"),
        (b"1 2\n2 4\n", 3, "argument 4 is outside 1..3"),
        (b"1 2\n1234567890 1\n", 3, "expected an attack 'i j'"),
    ],
)
def test_a_line_off_the_canonical_layout_is_reported_at_its_line(
    body: bytes, line: int, problem: str
) -> None:
    with pytest.raises(ParseError, match=rf"^x\.af:{line}: {re.escape(problem)}"):
        parse_iccma(b"p af 3\n" + body, "x.af")
