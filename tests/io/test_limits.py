"""Every limit in every reader it concerns: refused, naming the file, the limit and how to raise it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.errors import ParseError, UsageError
from argmap.limits import Limits, default_limits, set_default_limits

HOW = r"\(raise it with --limits {0}=N, ARGMAP_LIMITS or Limits\({0}=\.\.\.\)\)"


def _yaml_map(statements: int, meta: str = "") -> str:
    lines = ["argmap: 1", "title: T", "statements:"]
    lines += [f"- {{id: S{i}, kind: claim, text: s{i}}}" for i in range(statements)]
    return "\n".join(lines) + (f"\nmeta: {meta}" if meta else "") + "\n"


def _nested_json(depth: int) -> str:
    return "[" * depth + "]" * depth


def _maps_with_statements(count: int) -> dict[str, str]:
    """The same ``count`` unrelated statements in every format that carries statements."""
    m = argmap.loads(_yaml_map(count))
    texts = {
        fmt: argmap.dumps(m, fmt).decode()
        for fmt in ("yaml", "json", "aif", "graphml", "node-link", "argdown")
    }
    edus = "".join(f'<edu id="e{i}">s{i}</edu>' for i in range(count))
    adus = "".join(f'<adu id="a{i}" type="pro"/>' for i in range(count))
    segs = "".join(f'<edge id="c{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(count))
    texts["microtexts"] = f'<arggraph id="m">{edus}{adus}{segs}</arggraph>'
    texts["apx"] = "".join(f"arg(a{i}).\n" for i in range(count))
    texts["tgf"] = "".join(f"a{i}\n" for i in range(count)) + "#\n"
    texts["iccma"] = f"p af {count}\n"
    return texts


@pytest.mark.parametrize("fmt", sorted(_maps_with_statements(1)))
def test_max_statements_in_every_reader(fmt: str) -> None:
    text = _maps_with_statements(3)[fmt]
    assert len(argmap.loads(text, format=fmt, name="m").statements) == 3
    assert len(argmap.loads(text, format=fmt, name="m", limits=Limits(max_statements=3)).statements) == 3
    with pytest.raises(
        ParseError,
        match=r"^m(:\d+)?: 3 statements, above the limit max_statements=2 " + HOW.format("max_statements"),
    ):
        argmap.loads(text, format=fmt, name="m", limits=Limits(max_statements=2))


def test_an_iccma_header_is_checked_before_anything_is_built() -> None:
    """``p af 10^12`` would ask for a trillion arguments: refused at its line, at once."""
    with pytest.raises(
        ParseError, match=r"^x\.af:2: 1,000,000,000,000 statements, above the limit max_statements=1000000"
    ):
        argmap.loads("# a comment\np af 1000000000000\n1 2\n", format="iccma", name="x.af")


def test_max_statements_names_the_line_of_the_first_statement_beyond() -> None:
    with pytest.raises(ParseError, match=r"^m\.yaml:6: 3 statements"):
        argmap.loads(_yaml_map(3), name="m.yaml", limits=Limits(max_statements=2))


def test_max_bytes_for_load_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_yaml_map(2))
    size = path.stat().st_size
    assert argmap.load(path, limits=Limits(max_bytes=size)).statements
    message = rf"^{path}: the file has {size} bytes, above the limit max_bytes={size - 1} " + HOW.format(
        "max_bytes"
    )
    with pytest.raises(ParseError, match=message):
        argmap.load(path, limits=Limits(max_bytes=size - 1))
    with pytest.raises(ParseError, match=r"^s: the file has \d+ bytes, above the limit max_bytes=10 "):
        argmap.loads(_yaml_map(2), name="s", limits=Limits(max_bytes=10))


DEEP = 30


@pytest.mark.parametrize(
    ("fmt", "text", "line"),
    [
        ("yaml", _yaml_map(1, meta="\n  " + _nested_json(DEEP)), 6),
        ("json", '{"argmap": 1, "title": "T",\n "meta": {"x":\n' + _nested_json(DEEP) + "}}", 3),
        ("aif", '{"nodes": [], "edges": [],\n "x": ' + _nested_json(DEEP) + "}", 2),
        ("node-link", '{"nodes": [], "edges": [],\n "x": ' + _nested_json(DEEP) + "}", 2),
        ("microtexts", "<arggraph>\n" + "<x>" * DEEP + "</x>" * DEEP + "</arggraph>", 2),
        ("graphml", "<graphml>\n" + "<x>" * DEEP + "</x>" * DEEP + "</graphml>", 2),
        ("argdown", "[A]: a\n" + "".join(f"{'  ' * (i + 1)}+ [B{i}]: b\n" for i in range(DEEP)), 22),
        ("argdown", "[A]: a " + json.dumps({"d": json.loads(_nested_json(DEEP))}) + "\n", 1),
    ],
    ids=["yaml", "json", "aif", "node-link", "microtexts", "graphml", "argdown-relations", "argdown-data"],
)
def test_max_depth_in_every_reader(fmt: str, text: str, line: int) -> None:
    limits = Limits(max_depth=20)
    with pytest.raises(
        ParseError,
        match=rf"^m:{line}: nested \d+ levels deep, above the limit max_depth=20 " + HOW.format("max_depth"),
    ):
        argmap.loads(text, format=fmt, name="m", limits=limits)
    try:
        argmap.loads(text, format=fmt, name="m", limits=Limits(max_depth=DEEP + 5))
    except ParseError as error:
        assert "max_depth" not in str(error)
    except argmap.MapValidationError:
        pass  # deep enough, but not a valid map of that format: the depth was no longer the problem


def test_graphml_json_attributes_count_towards_the_depth() -> None:
    m = argmap.ArgumentMap(
        title="T",
        statements=[
            argmap.Statement(id="A", kind="claim", text="a", meta={"d": json.loads(_nested_json(25))})
        ],
    )
    text = argmap.dumps(m, "graphml")
    assert argmap.loads(text, format="graphml") == m
    with pytest.raises(ParseError, match=r"^m:\d+: nested 26 levels deep, above the limit max_depth=20"):
        argmap.loads(text, format="graphml", name="m", limits=Limits(max_depth=20))


def _alias_bomb(levels: int) -> str:
    bomb = "argmap: 1\ntitle: T\nmeta:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefghi"[:levels]:
        previous = chr(ord(level) - 1)
        bomb += f"  {level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    return bomb


def test_max_yaml_nodes_refuses_an_alias_bomb_and_allows_modest_aliases() -> None:
    with pytest.raises(
        ParseError,
        match=r"^bomb\.yaml:1: YAML aliases unfold to [\d,]+ values \(an alias bomb\?\), above the limit "
        r"max_yaml_nodes=5000000",
    ):
        argmap.loads(_alias_bomb(8), name="bomb.yaml")
    assert argmap.loads(_alias_bomb(2), name="ok.yaml").meta["c"][0][0] == ["x"] * 10  # type: ignore[index]
    with pytest.raises(ParseError, match="max_yaml_nodes=100 "):
        argmap.loads(_alias_bomb(2), name="ok.yaml", limits=Limits(max_yaml_nodes=100))


ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE arggraph [<!ENTITY who "the city">]>\n<arggraph id="m">'
    '<edu id="e1">&who; should act</edu><adu id="a1" type="pro"/><edge id="c1" src="e1" trg="a1" type="seg"/>'
    "</arggraph>"
)


def test_xml_entities_are_refused_unless_allowed() -> None:
    with pytest.raises(
        ParseError,
        match=r"^m\.xml:2: XML: the file declares an entity, refused by the limit xml_entities=no "
        r"\(allow it with --limits xml_entities=yes",
    ):
        argmap.loads(ENTITY, format="microtexts", name="m.xml")
    m = argmap.loads(ENTITY, format="microtexts", name="m.xml", limits=Limits(xml_entities=True))
    assert m.statement("a1").text == "the city should act"


def test_external_entities_are_refused_even_when_entities_are_allowed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    xml = f'<!DOCTYPE a [<!ENTITY s SYSTEM "file://{secret}">]>\n<arggraph id="m"><edu>&s;</edu></arggraph>'
    for fmt in ("microtexts", "graphml"):
        with pytest.raises(ParseError, match=r"^m:\d+: XML: refused: ExternalReferenceForbidden"):
            argmap.loads(xml, format=fmt, name="m", limits=Limits(xml_entities=True))


def test_limits_parse_and_check_their_values() -> None:
    assert Limits.parse("max_bytes=1e9, max_statements=5_000_000,xml_entities=yes") == Limits(
        max_bytes=1_000_000_000, max_statements=5_000_000, xml_entities=True
    )
    assert Limits.parse("") == Limits()
    for text, message in [
        (
            "max_size=1",
            r"unknown limit 'max_size'; known limits: max_bytes, max_depth, max_yaml_nodes, max_statements, "
            "xml_entities",
        ),
        ("max_depth", r"limit max_depth needs a value: max_depth=VALUE"),
        ("max_depth=0", r"limit max_depth must be a positive integer, not '0'"),
        ("max_depth=1.5", r"limit max_depth must be a positive integer, not '1.5'"),
        ("xml_entities=maybe", r"limit xml_entities must be yes or no, not 'maybe'"),
    ]:
        with pytest.raises(UsageError, match=message):
            Limits.parse(text)
    with pytest.raises(UsageError, match="limit max_bytes must be a positive integer, not -1"):
        Limits(max_bytes=-1)


def test_the_default_limits_come_from_the_environment_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_LIMITS", "max_statements=2")
    assert default_limits().max_statements == 2
    with pytest.raises(ParseError, match="max_statements=2 "):
        argmap.loads(_yaml_map(3))
    set_default_limits(Limits(max_statements=10))
    try:
        assert len(argmap.loads(_yaml_map(3)).statements) == 3
    finally:
        set_default_limits(None)
    monkeypatch.setenv("ARGMAP_LIMITS", "max_statements=two")
    with pytest.raises(UsageError, match=r"^ARGMAP_LIMITS: limit max_statements must be a positive integer"):
        default_limits()


def _argmap(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "ARGMAP_LIMITS"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "argmap_cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_the_command_line_raises_limits_with_an_option_or_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_yaml_map(3))
    refused = _argmap("--limits", "max_statements=2", "validate", str(path))
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"argmap: error: {path}:6: 3 statements, above the limit max_statements=2 "
        "(raise it with --limits max_statements=N, ARGMAP_LIMITS or Limits(max_statements=...))"
    ]
    assert _argmap("validate", str(path), env={"ARGMAP_LIMITS": "max_statements=2"}).returncode == 1
    raised = _argmap(
        "--limits", "max_statements=3", "validate", str(path), env={"ARGMAP_LIMITS": "max_statements=2"}
    )
    assert raised.returncode == 0, raised.stderr
    bad = _argmap("--limits", "max_size=3", "validate", str(path))
    assert (bad.returncode, bad.stderr.count("\n"), "Traceback" in bad.stderr) == (2, 1, False)
    assert "unknown limit 'max_size'" in bad.stderr


def test_a_json_file_is_not_read_whole_to_choose_its_format_when_it_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(argmap.dumps(argmap.loads(_yaml_map(50)), "aif").decode())
    assert argmap.io.detect_format(path).format.name == "aif"
    set_default_limits(Limits(max_bytes=100))
    try:
        with pytest.raises(
            ParseError, match=rf"^{path}: the file has [\d,]+ bytes, above the limit max_bytes=100 "
        ):
            argmap.io.detect_format(path)
    finally:
        set_default_limits(None)
    converted = _argmap("--limits", "max_bytes=100", "convert", str(path), str(tmp_path / "m.yaml"))
    assert (converted.returncode, len(converted.stderr.splitlines())) == (1, 1)
    assert not (tmp_path / "m.yaml").exists()
