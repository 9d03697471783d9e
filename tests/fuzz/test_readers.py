"""Every reader, fed anything: a map, or a MapError whose every problem says where; never another exception.

Three kinds of input per reader: random bytes; random text shaped like the format (its
alphabet, its keys); and mutations of valid files of the format (slices deleted,
duplicated or swapped, bytes inserted or flipped, the file truncated), which reach deep
into the parsers where random bytes never get.

CI runs ``ARGMAP_FUZZ_EXAMPLES`` (default 200) examples per test; a longer campaign sets it
higher, e.g. ``ARGMAP_FUZZ_EXAMPLES=20000 pytest tests/fuzz`` (see docs/reliability.md;
``tests/fuzz/atheris_readers.py`` runs a coverage-guided campaign).
"""

from __future__ import annotations

import json
import os
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.errors import ArgmapError, MapError
from tests.conftest import ARTICLE_MAP

READERS = [f.name for f in argmap.formats() if f.reader is not None]
EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
NAME = "fuzz.input"


def read(data: bytes, fmt: str) -> None:
    """Read ``data``; an error must be a MapError whose every problem names the file and a line or an id."""
    try:
        result = argmap.loads(data, format=fmt, name=NAME)
    except MapError as error:
        assert error.problems, "a MapError without problems"
        for problem in error.problems:
            assert problem.file == NAME, f"problem without its file: {problem}"
            assert problem.line is not None or problem.id is not None, (
                f"problem without a position: {problem}"
            )
        return
    except ArgmapError as error:  # pragma: no cover - reported as a failure with the input
        raise AssertionError(f"bad input must be a MapError, not {type(error).__name__}: {error}") from error
    assert isinstance(result, argmap.ArgumentMap)


@cache
def _valid_inputs() -> dict[str, list[bytes]]:
    """Valid files of each readable format: argmap's own map written in each, and small hand-made ones."""
    article = argmap.load(ARTICLE_MAP)
    inputs: dict[str, list[bytes]] = {fmt: [] for fmt in READERS}
    for fmt in ("yaml", "json", "aif", "graphml", "node-link", "argdown", "apx", "tgf", "iccma"):
        inputs[fmt].append(argmap.dumps(article, fmt))
    inputs["argdown"].append(
        b"===\ntitle: T\n===\n# Part {a: 1}\n<A>: an argument #tag\n\n(1) [P]: p\n(2) q\n-- Modus ponens --\n"
        b"(3) [C]: c\n\n[C]\n  - [R]: r\n    <_ <U>: u\n  >< [D]: d // comment\n<A>(1): again /* c */\n"
    )
    inputs["sadface"].append(
        json.dumps(
            {
                "edges": [
                    {"id": "e1", "source_id": "p", "target_id": "s"},
                    {"id": "e2", "source_id": "s", "target_id": "c"},
                    {"id": "e3", "source_id": "r", "target_id": "x"},
                    {"id": "e4", "source_id": "x", "target_id": "s"},
                ],
                "metadata": {"core": {"id": "d", "title": "T", "version": "0.2"}},
                "nodes": [
                    {"id": "c", "type": "atom", "text": "c", "sources": [], "metadata": {}},
                    {"id": "p", "type": "atom", "text": "p", "sources": [], "metadata": {}},
                    {"id": "r", "type": "atom", "text": "r", "sources": [], "metadata": {}},
                    {"id": "s", "type": "scheme", "name": "support", "metadata": {}},
                    {"id": "x", "type": "scheme", "name": "conflict", "metadata": {}},
                ],
                "resources": [],
            },
            indent=1,
        ).encode()
    )
    inputs["microtexts"].append(
        b'<?xml version="1.0"?>\n<arggraph id="m" topic_id="t" stance="pro">\n'
        b'<edu id="e1">A.</edu>\n<edu id="e2">B.</edu>\n<edu id="e3">C.</edu>\n'
        b'<joint id="j1"/>\n<adu id="a1" type="pro"/>\n<adu id="a2" type="opp"/>\n<adu id="a3" type="pro"/>\n'
        b'<edge id="c1" src="e1" trg="a1" type="seg"/>\n<edge id="c2" src="e2" trg="a2" type="seg"/>\n'
        b'<edge id="c3" src="e3" trg="a3" type="seg"/>\n<edge id="c4" src="a2" trg="a1" type="reb"/>\n'
        b'<edge id="c5" src="a3" trg="c4" type="und"/>\n</arggraph>\n'
    )
    inputs["aif"].append(
        json.dumps(
            {
                "AIF": {
                    "nodes": [
                        {"nodeID": "1", "text": "c", "type": "I", "text_begin": 0, "text_end": 1},
                        {"nodeID": "2", "text": "p", "type": "I"},
                        {"nodeID": "3", "text": "Argument From Expert Opinion", "type": "RA"},
                        {"nodeID": "4", "text": "r", "type": "I"},
                        {"nodeID": "5", "text": "Default Conflict", "type": "CA"},
                        {"nodeID": "6", "text": "says", "type": "L"},
                        {"nodeID": "7", "text": "Asserting", "type": "YA"},
                    ],
                    "edges": [
                        {"edgeID": "1", "fromID": "2", "toID": "3"},
                        {"edgeID": "2", "fromID": "3", "toID": "1"},
                        {"edgeID": "3", "fromID": "4", "toID": "5"},
                        {"edgeID": "4", "fromID": "5", "toID": "3"},
                        {"edgeID": "5", "fromID": "6", "toID": "7"},
                    ],
                    "locutions": [{"nodeID": "6", "personID": "1"}],
                },
                "text": "c p r",
            }
        ).encode()
    )
    inputs["iccma"].append(b"# a framework\np af 4\n1 2\n2 3\n3 1\n4 4\n")
    inputs["apx"].append(b'arg(a). arg("b c").\n% comment\natt(a,"b c"). att("b c",a).\n')
    inputs["tgf"].append(b"a first\nb second\n#\na b\nb a\n")
    return inputs


def _mutate(seed: bytes, operations: list[tuple[int, float, float, bytes]]) -> bytes:
    data = bytearray(seed)
    for operation, where, span, payload in operations:
        if not data:
            data.extend(payload)
            continue
        start = int(where * len(data)) % len(data)
        end = min(len(data), start + 1 + int(span * min(len(data), 64)))
        if operation == 0:
            del data[start:end]
        elif operation == 1:
            data[start:start] = payload
        elif operation == 2:
            data[start:start] = data[start:end]
        elif operation == 3:
            data[start] ^= 1 << (payload[0] % 8) if payload else 0x20
        elif operation == 4:
            other = int(span * len(data)) % len(data)
            data[start], data[other] = data[other], data[start]
        else:
            del data[start:]
    return bytes(data)


operations = st.lists(
    st.tuples(
        st.integers(0, 5),
        st.floats(0, 1, allow_nan=False),
        st.floats(0, 1, allow_nan=False),
        st.binary(max_size=8)
        | st.sampled_from([b"[", b"{", b"<", b'"', b"\\", b"&", b"\n  ", b"-", b"\x00", b"\xff"]),
    ),
    min_size=1,
    max_size=6,
)


@FUZZ
@given(st.binary(max_size=400))
@pytest.mark.parametrize("fmt", READERS)
def test_random_bytes(fmt: str, data: bytes) -> None:
    read(data, fmt)


@FUZZ
@given(st.data(), operations)
@pytest.mark.parametrize("fmt", READERS)
def test_mutations_of_valid_files(
    fmt: str, data: st.DataObject, changes: list[tuple[int, float, float, bytes]]
) -> None:
    seed = data.draw(st.sampled_from(_valid_inputs()[fmt]), label="seed")
    read(_mutate(seed, changes), fmt)


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        # atheris: a duplicate key found before a syntax error, in text YAML reads with a complex key
        ("json", b'{"a": {"b": 1, "b": 2}, ? {"c": 1}: 2}'),
        # hypothesis: an empty file, a control character, an AIF object without nodes
        ("yaml", b""),
        ("yaml", b"\x00"),
        ("aif", b"{}"),
        # hypothesis, 4,000 mutations: an element whose name ends in '-'
        ("microtexts", b'<arggraph id="m">\n<edu id="e1">A.</edu>\n<edge- id="c1"/>\n</arggraph>'),
    ],
)
def test_inputs_that_once_crashed_or_lost_their_place(fmt: str, data: bytes) -> None:
    read(data, fmt)


def test_the_valid_inputs_are_valid() -> None:
    """The mutations start from files that read: otherwise they would test only the first error."""
    for fmt, seeds in _valid_inputs().items():
        assert seeds, fmt
        for seed in seeds:
            assert argmap.loads(seed, format=fmt, name=NAME).statements, fmt


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=True)
    | st.sampled_from(["I", "RA", "CA", "MA", "PA", "YA", "L", "1", "2", "", "a b", "statement", "relation"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "argmap",
                    "nodes",
                    "edges",
                    "links",
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
                    "multigraph",
                    "title",
                    "text_begin",
                    "text_end",
                    "statements",
                    "relations",
                    "from",
                    "to",
                    "span",
                    "start",
                    "end",
                    "meta",
                    "tests",
                    "answers",
                    "scheme",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)
argdown_text = st.text(alphabet=st.sampled_from(list("[]<>+-_#(){}:=/*!@\\ \t\n\rab1.,'\"&|")), max_size=200)
xml_text = st.text(alphabet=st.sampled_from(list("<>/=\"' \nabcdegijrstuxy0123!-[]&;?#%")), max_size=200)
framework_text = st.text(alphabet=st.sampled_from(list('argt(),.% \n#pf0123ab"\\')), max_size=150)
yaml_text = st.text(alphabet=st.sampled_from(list("argmp:1 \n-{}[]&*!|>'\"#,?idkntsx")), max_size=200)


@FUZZ
@given(json_values)
@pytest.mark.parametrize("fmt", ["aif", "node-link", "json", "yaml"])
def test_random_json_shaped_like_the_formats(fmt: str, value: object) -> None:
    read(json.dumps(value).encode(), fmt)


@FUZZ
@given(argdown_text)
def test_random_argdown(text: str) -> None:
    read(text.encode(), "argdown")


@FUZZ
@given(yaml_text)
def test_random_yaml(text: str) -> None:
    read(text.encode(), "yaml")


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
                '<edge id="c7" src="a2" trg="a1" type="sup"/>',
                '<edge id="c8" src="a2" trg="c7" type="exa"/>',
                '<joint id="j1"/>',
                '<edge id="c6" src="e1" trg="j1" type="seg"/>',
            ]
        ),
        max_size=14,
    )
)
def test_random_microtext_graphs(parts: list[str]) -> None:
    read(("<arggraph id='x'>" + "".join(parts) + "</arggraph>").encode(), "microtexts")


@FUZZ
@given(framework_text, st.sampled_from(["apx", "tgf", "iccma"]))
def test_random_frameworks(text: str, fmt: str) -> None:
    read(text.encode(), fmt)
