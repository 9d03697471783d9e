"""Map text from strangers, through every text output: DOT, SVG, HTML, Markdown outline and report.

Each output is parsed by a real parser (pygraphviz for DOT, defusedxml for SVG, html.parser
for HTML, markdown-it for Markdown) and compared with the same map holding harmless text:
hostile text must come out as text, never as structure (no extra node, element, tag, link,
emphasis or table column), and the outputs must stay well-formed. Fixed hostile strings,
then random text over the characters that mean something in these syntaxes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import defusedxml.ElementTree as SafeET
import pygraphviz
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from argmap.analysis import analyze
from argmap.analysis.report import markdown_report
from argmap.model import ArgumentMap, Relation, Statement
from argmap.outline import format_outline, outline
from argmap.render.output import render_bytes

HOSTILE = [
    "<script>alert(1)</script>",
    '"]; evil [label="owned"]; x -> y [',
    'back\\slash \\N \\G \\L \\\\ \\" \\l',
    "a | b | c *bold* __strong__ _it_ [link](http://evil.example) ![img](http://evil.example/x.png) `code`",
    "# heading\n- list\n> quote\n---",
    "line one\nline two\r\nline three\ttab",
    "nul\x00 bell\x07 escape\x1b[31m red \x7f del",
    "rtl \u202egnp.exe\u202c and \u200f marks \u2066isolate\u2069",
    "&amp; &lt; &#x3c; ]]> <![CDATA[ x ]]> <!-- c --> <?php ?>",
    "{{template}} ${var} %s %n <img src=x onerror=alert(1)>",
]
BENIGN = "plain words"


def _map(text: str, title: str | None = None) -> ArgumentMap:
    """A small map with ``text`` in every text field a renderer writes."""
    return ArgumentMap(
        title=title if title is not None else text,
        main_claim="C",
        statements=[
            Statement(id="C", kind="claim", text=text, section=text, tags=(text,), note=text),
            Statement(id="P", kind="premise", text=text + " (premise)", section=text),
            Statement(id="Q", kind="premise", text=text + " (second)"),
            Statement(id="R", kind="rebuttal", text=text + " (rebuttal)"),
            Statement(id="U", kind="rebuttal", text=text + " (undercut)"),
        ],
        relations=[
            Relation(id="S1", type="support", sources=("P", "Q"), to="C", note=text),
            Relation(id="A1", type="attack", sources=("R",), to="P", note=text),
            Relation(id="A2", type="attack", sources=("U",), to="S1"),
        ],
    )


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _no_controls(output: bytes | str) -> None:
    """No control character but tab and line breaks: XML forbids them, Graphviz stops at a NUL."""
    text = output.decode("utf-8") if isinstance(output, bytes) else output
    assert not _CONTROL.search(text), repr(_CONTROL.findall(text)[:5])


def _visible(text: str) -> str:
    """What a reader may fairly expect to find of the text: its words."""
    return " ".join(
        word for word in "".join(c if c.isalnum() else " " for c in text).split() if len(word) > 2
    )


# -- DOT ------------------------------------------------------------------------------------


def _dot_shape(dot: str) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    graph = pygraphviz.AGraph(string=dot)
    nodes = sorted(graph.nodes())
    edges = sorted((str(a), str(b)) for a, b in graph.edges())
    clusters = sorted(sub.name for sub in graph.subgraphs())
    return nodes, edges, clusters


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_dot_keeps_hostile_text_in_its_labels(text: str) -> None:
    dot = render_bytes(_map(text), "dot").decode("utf-8")
    _no_controls(dot)
    assert _dot_shape(dot) == _dot_shape(render_bytes(_map(BENIGN), "dot").decode("utf-8"))
    assert "evil" not in pygraphviz.AGraph(string=dot).nodes()


# -- SVG ------------------------------------------------------------------------------------


def _svg_shape(svg: bytes) -> tuple[Counter[str], list[str]]:
    root = SafeET.fromstring(svg)
    tags = Counter(element.tag.rsplit("}", 1)[-1] for element in root.iter())
    handlers = [name for element in root.iter() for name in element.attrib if name.lower().startswith("on")]
    return tags, handlers


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_svg_is_well_formed_and_hostile_text_stays_text(text: str) -> None:
    svg = render_bytes(_map(text), "svg")
    _no_controls(svg)
    tags, handlers = _svg_shape(svg)
    benign_tags, _ = _svg_shape(render_bytes(_map(BENIGN), "svg"))
    assert not handlers
    assert "script" not in tags and "foreignObject" not in tags
    assert set(tags) == set(benign_tags)
    words = " ".join(t for t in SafeET.fromstring(svg).itertext())
    for word in _visible(text).split()[:3]:
        assert word in words


# -- HTML -----------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.handlers += [name for name, _ in attrs if name.lower().startswith("on")]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _html_shape(page: bytes) -> _Tags:
    parser = _Tags()
    parser.feed(page.decode("utf-8"))
    parser.close()
    for wrapped in ("text", "tspan"):  # longer text wraps onto more lines of the drawing: not structure
        parser.tags.pop(wrapped, None)
    return parser


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_html_has_the_same_elements_whatever_the_text(text: str) -> None:
    rendered = render_bytes(_map(text), "html")
    _no_controls(rendered)
    page = _html_shape(rendered)
    benign = _html_shape(render_bytes(_map(BENIGN), "html"))
    assert page.tags == benign.tags
    assert page.handlers == benign.handlers
    assert len(page.scripts) == len(benign.scripts)
    for script in page.scripts:  # map data embedded for the page's own script must still be data
        for start in (i for i, c in enumerate(script) if c in "{["):
            try:
                json.loads(script[start:])
            except ValueError:
                continue
            break


# -- Markdown -------------------------------------------------------------------------------

_MARKUP = {
    "html_inline",
    "html_block",
    "link_open",
    "image",
    "strong_open",
    "em_open",
    "code_inline",
    "heading_open",
    "blockquote_open",
    "hr",
    "s_open",
}


def _markdown_shape(markdown: str) -> tuple[Counter[str], list[int]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    kinds: Counter[str] = Counter()
    columns: list[int] = []
    row = 0

    def walk(items: list[Any]) -> None:
        nonlocal row
        for token in items:
            kinds[token.type] += 1
            if token.type == "tr_open":
                row = 0
            elif token.type in ("th_open", "td_open"):
                row += 1
            elif token.type == "tr_close":
                columns.append(row)
            if token.children:
                walk(token.children)

    walk(tokens)
    return kinds, columns


def _outputs(argument_map: ArgumentMap) -> dict[str, str]:
    result = analyze(argument_map, "C")
    return {
        "outline": format_outline(outline(argument_map), "markdown"),
        "report": markdown_report(result, argument_map),
    }


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_markdown_outline_and_report_escape_hostile_text(text: str) -> None:
    hostile, benign = _outputs(_map(text, title=BENIGN)), _outputs(_map(BENIGN))
    for name in hostile:
        _no_controls(hostile[name])
        kinds, columns = _markdown_shape(hostile[name])
        benign_kinds, benign_columns = _markdown_shape(benign[name])
        assert {k for k in kinds if k in _MARKUP} <= {k for k in benign_kinds if k in _MARKUP}, name
        assert kinds["bullet_list_open"] == benign_kinds["bullet_list_open"], name
        assert columns == benign_columns, name
        html = MarkdownIt("commonmark").enable("table").render(hostile[name])
        assert "<script" not in html and "<img" not in html and "href=" not in html.replace('href="#', "")


# -- random text -------------------------------------------------------------------------

hostile_text = st.text(
    alphabet=st.sampled_from(list("<>&\"'[]{}()|*_`#\\!-+=:;,. \n\r\t\x00\x01\x1b\u202e\u200f/aZ9")),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(hostile_text)
def test_random_text_never_changes_the_structure_of_any_output(text: str) -> None:
    argument_map = _map(text)
    assert _dot_shape(render_bytes(argument_map, "dot").decode()) == _dot_shape(
        render_bytes(_map(BENIGN), "dot").decode()
    )
    tags, handlers = _svg_shape(render_bytes(argument_map, "svg"))
    assert not handlers and "script" not in tags
    page, benign = (
        _html_shape(render_bytes(argument_map, "html")),
        _html_shape(render_bytes(_map(BENIGN), "html")),
    )
    assert page.tags == benign.tags
    for name, markdown in _outputs(_map(text, title=BENIGN)).items():
        kinds, columns = _markdown_shape(markdown)
        benign_kinds, benign_columns = _markdown_shape(_outputs(_map(BENIGN))[name])
        assert columns == benign_columns, name
        assert {k for k in kinds if k in _MARKUP} <= {k for k in benign_kinds if k in _MARKUP}, name
