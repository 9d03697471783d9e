"""The HTML page, read as text: self-contained, escaped, accessible (the browser tests click it)."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from argmap.model import ArgumentMap, Relation, Span, Statement
from argmap.render import RenderOptions, render_bytes
from argmap.render.html import CONTEXT, page_data, page_data_json
from argmap.render.overlay import overlay_for
from argmap.source import SourceDocument
from tests.render.maps import ANALYSIS, school_map

HOSTILE = "<script>alert(1)</script>"
INJECTION = '"]; a -> b ['


def hostile_map() -> tuple[ArgumentMap, SourceDocument]:
    text = f"Intro {HOSTILE} and then {INJECTION} & \u2028 more </script><!-- end"
    source = SourceDocument.from_text(text)
    start = text.index(HOSTILE)
    m = ArgumentMap(
        title=f"Title {HOSTILE}",
        main_claim="C",
        statements=[
            Statement(id="C", kind="claim", text=HOSTILE, span=Span(start=start, end=start + len(HOSTILE))),
            Statement(
                id="P", kind="premise", text=INJECTION, section="</style><b>x</b>", note="&amp; \u2029"
            ),
        ],
        relations=[Relation(id="R", type="support", sources="P", to="C", scheme="<i>scheme</i>")],
    )
    return m, source


def page(argument_map: ArgumentMap, **kwargs: object) -> str:
    return render_bytes(argument_map, "html", **kwargs).decode("utf-8")  # type: ignore[arg-type]


def test_the_page_is_one_self_contained_file() -> None:
    text = page(school_map())
    assert text.startswith("<!DOCTYPE html>\n") and text.endswith("</html>\n")
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert not re.search(r"<(link|iframe|img|object|embed)\b", text)
    assert not re.search(r"\bsrc=", text)
    assert "<?xml" not in text and "<!DOCTYPE svg" not in text


def test_the_content_security_policy_allows_exactly_the_inline_script_and_style() -> None:
    text = page(school_map())
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert policy is not None
    (script,) = re.findall(r"<script>(.*?)</script>", text, flags=re.DOTALL)
    (style,) = re.findall(r"<style>(.*?)</style>", text, flags=re.DOTALL)

    def digest(body: str) -> str:
        return "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()

    assert policy.group(1).startswith("default-src 'none'; ")
    assert f"script-src '{digest(script)}'" in policy.group(1)
    assert f"style-src '{digest(style)}'" in policy.group(1)


def test_every_statement_node_is_focusable_and_named() -> None:
    text = page(school_map())
    nodes = re.findall(
        r'<g id="s&#45;(\w+)" class="node statement[^"]*" tabindex="0" role="button" aria-label="([^"]*)">',
        text,
    )
    assert [n for n, _ in nodes] == [s.id for s in school_map().statements]
    assert nodes[0][1] == "C1, claim: Schools should ban phones in lessons."


def test_hostile_text_reaches_the_page_only_escaped() -> None:
    m, source = hostile_map()
    text = page(m, source=source)
    assert text.count("<script") == 2 and text.count("</script>") == 2
    assert HOSTILE not in text and "<b>x</b>" not in text and "<i>scheme" not in text
    assert "\u2028" not in text and "\u2029" not in text
    (data,) = re.findall(
        r'<script type="application/json" id="argmap-data">(.*?)</script>', text, flags=re.DOTALL
    )
    assert not set("<>&") & set(data)
    parsed = json.loads(data)
    assert parsed["statements"]["C"]["text"] == HOSTILE
    assert parsed["statements"]["P"]["section"] == "</style><b>x</b>"
    assert parsed["title"] == f"Title {HOSTILE}"
    assert '<h1 id="title">Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>' in text


def test_page_data_json_escapes_what_could_close_or_open_markup() -> None:
    data = {"a": "</script><!--&\u2028\u2029>", "b": ["<"]}
    text = page_data_json(data)
    assert json.loads(text) == data
    assert not re.search("[<>&\u2028\u2029]", text)


def test_the_panel_data_lists_relations_both_ways_with_their_other_ends() -> None:
    data = page_data(school_map(), school_map())
    c1 = data["statements"]["C1"]
    assert [
        (r["direction"], r["verb"], r["relation"], [e["id"] for e in r["ends"]]) for r in c1["relations"]
    ] == [
        ("in", "supported by", "S2", ["C2"]),
        ("in", "supported by", "S3", ["E1"]),
        ("in", "attacked by", "A1", ["R1"]),
    ]
    assert c1["relations"][1]["detail"] == "undercut by U1"
    p1 = data["statements"]["P1"]["relations"]
    assert [(r["verb"], r["detail"]) for r in p1] == [("supports", " (jointly with P2)")]
    r3 = data["statements"]["R3"]["relations"]
    assert [(r["verb"], [e["id"] for e in r["ends"]], r["detail"]) for r in r3] == [
        ("undercuts", ["E1", "C1"], "the inference S3: E1 supports C1")
    ]
    assert data["overlay"] is None and c1["findings"] == [] and c1["source"] is None


def test_the_panel_data_holds_findings_and_the_source_in_context() -> None:
    m, source = hostile_map()
    data = page_data(m, m, overlay_for(school_map(), ANALYSIS, "weak-links"), source)
    assert data["statements"]["C"]["source"] == {
        "before": "Intro ",
        "span": HOSTILE,
        "after": source.text[source.text.index(HOSTILE) + len(HOSTILE) :],
    }
    long = SourceDocument.from_text("x" * 1000 + "SPAN" + "y" * 1000)
    m2 = ArgumentMap(
        title="T", statements=[Statement(id="A", kind="claim", text="a", span=Span(start=1000, end=1004))]
    )
    passage = page_data(m2, m2, source=long)["statements"]["A"]["source"]
    assert passage == {"before": "…" + "x" * CONTEXT, "span": "SPAN", "after": "y" * CONTEXT + "…"}
    findings = page_data(school_map(), school_map(), overlay_for(school_map(), ANALYSIS, "weak-links"))
    assert findings["overlay"] == {
        "title": "Weak links",
        "notes": ["4 weak links; the number on a badge is its severity, from 0 to 1 (higher is worse)"],
    }
    assert "label: out (grounded semantics)" in findings["statements"]["R1"]["findings"]


def test_a_source_is_quoted_in_html_only_and_left_out_of_other_formats() -> None:
    m, source = hostile_map()
    assert render_bytes(m, "svg", source=source) == render_bytes(m, "svg")
    assert render_bytes(m, "html", source=source) != render_bytes(m, "html")


def test_the_page_is_deterministic() -> None:
    overlay = overlay_for(school_map(), ANALYSIS, "strength")
    options = RenderOptions(theme="dark")
    assert page(school_map(), options=options, overlay=overlay) == page(
        school_map(), options=options, overlay=overlay
    )
