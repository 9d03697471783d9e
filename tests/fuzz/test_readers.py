"""Every reader, fed anything: a map or an ArgmapError (ParseError, MapValidationError), nothing else."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError

READERS = [f.name for f in argmap.formats() if f.reader is not None]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.sampled_from(["I", "RA", "CA", "YA", "1", "2", "", "a b"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "nodes",
                    "edges",
                    "nodeID",
                    "type",
                    "text",
                    "fromID",
                    "toID",
                    "edgeID",
                    "AIF",
                    "id",
                    "source",
                    "target",
                    "element",
                    "kind",
                    "role",
                    "index",
                    "graph",
                    "directed",
                    "title",
                    "text_begin",
                    "text_end",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)
argdown_text = st.text(alphabet=st.sampled_from(list("[]<>+-_#(){}:=/*!@\\ \t\n\rab1.")), max_size=120)
xml_text = st.text(alphabet=st.sampled_from(list("<>/=\"' \nabcdegijrstuxy0123!-[]&;?")), max_size=150)
framework_text = st.text(alphabet=st.sampled_from(list('argt(),.% \n#pf0123ab"')), max_size=100)


def read(data: bytes, fmt: str) -> None:
    try:
        result = argmap.loads(data, format=fmt, name="fuzz")
    except ArgmapError:
        return
    assert isinstance(result, argmap.ArgumentMap)


@FUZZ
@given(st.binary(max_size=200))
@pytest.mark.parametrize("fmt", READERS)
def test_random_bytes(fmt: str, data: bytes) -> None:
    read(data, fmt)


@FUZZ
@given(json_values)
@pytest.mark.parametrize("fmt", ["aif", "node-link", "json"])
def test_random_json_shaped_like_the_formats(fmt: str, value: object) -> None:
    read(json.dumps(value).encode(), fmt)


@FUZZ
@given(argdown_text)
def test_random_argdown(text: str) -> None:
    read(text.encode(), "argdown")


@FUZZ
@given(xml_text, st.sampled_from(["microtexts", "graphml"]))
def test_random_xml(text: str, fmt: str) -> None:
    read(text.encode(), fmt)


@FUZZ
@given(
    st.lists(
        st.sampled_from(
            [
                '<edu id="e1">x</edu>',
                '<edu id="e2">y</edu>',
                '<adu id="a1" type="pro"/>',
                '<adu id="a2" type="opp"/>',
                '<edge id="c1" src="e1" trg="a1" type="seg"/>',
                '<edge id="c2" src="e2" trg="a2" type="seg"/>',
                '<edge id="c3" src="a2" trg="a1" type="reb"/>',
                '<edge id="c4" src="a1" trg="c3" type="und"/>',
                '<edge id="c5" src="a1" trg="c3" type="add"/>',
                '<joint id="j1"/>',
                '<edge id="c6" src="e1" trg="j1" type="seg"/>',
            ]
        ),
        max_size=12,
    )
)
def test_random_microtext_graphs(parts: list[str]) -> None:
    read(("<arggraph id='x'>" + "".join(parts) + "</arggraph>").encode(), "microtexts")


@FUZZ
@given(framework_text, st.sampled_from(["apx", "tgf", "iccma"]))
def test_random_frameworks(text: str, fmt: str) -> None:
    read(text.encode(), fmt)
