"""GraphML: the graph of :func:`argmap.graph.to_networkx`, written by networkx, read with defusedxml.

GraphML attributes hold only strings, numbers and booleans, so the values that are not
are written as **JSON text** and decoded on reading: a statement's ``span`` (``"[3, 9]"``),
``tags`` (``'["a", "b"]'``), ``answers`` and ``meta``, a relation's ``answers`` and ``meta``, and the graph's
``source``, ``tests`` and ``meta``. Everything else is a plain GraphML attribute, as in
``docs/format.md`` (section "As a networkx graph"). Everything is carried, except
characters XML 1.0 cannot hold at all (control characters other than tab, line feed and
carriage return; U+FFFE, U+FFFF) in plain text attributes: they are written as U+FFFD.
A carriage return is written as ``&#13;`` so that it survives.

The XML is parsed with ``defusedxml`` (no entity expansion, no external resources); the
parsed tree is handed to networkx's GraphML reader.

Examples
--------
>>> from argmap.model import ArgumentMap, Relation, Span, Statement
>>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c", tags=("x",),
...     span=Span(start=0, end=1)), Statement(id="P", kind="premise", text="p")],
...     relations=[Relation(id="S1", type="support", sources="P", to="C")])
>>> '<data key="d4">[0, 1]</data>' in dumps_graphml(m)
True
>>> loads_graphml(dumps_graphml(m)) == m
True
"""

from __future__ import annotations

import json
import re
import warnings
from typing import Any

import networkx as nx
from networkx.readwrite.graphml import GraphMLReader, GraphMLWriter

from argmap.errors import MapValidationError, ParseError, Problem
from argmap.graph import from_networkx, to_networkx
from argmap.io._checks import check_value_depth
from argmap.io._jsonutil import decode_text, line_of
from argmap.io._losses import counted, loss_line
from argmap.io._xml import parse_xml
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["GRAPHML", "JSON_NODE_ATTRIBUTES", "dumps_graphml", "graphml_losses", "loads_graphml"]

JSON_NODE_ATTRIBUTES = ("span", "tags", "answers", "meta")
_JSON_GRAPH_ATTRIBUTES = ("source", "tests", "meta")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def graphml_losses(argument_map: ArgumentMap) -> tuple[str, ...]:
    """What writing ``argument_map`` as GraphML loses: values with characters XML 1.0 cannot hold.

    Examples
    --------
    >>> from argmap.model import Statement
    >>> graphml_losses(ArgumentMap(title="T", statements=[Statement(id="A", kind="claim", text="a\x07")]))
    ('graphml: 1 value with characters XML 1.0 cannot hold (written as U+FFFD) lost',)
    """
    m = argument_map
    values = [m.title, *(x for s in m.statements for x in (s.text, s.section, s.note))]
    values += [x for r in m.relations for x in (r.scheme, r.note)]
    count = sum(1 for value in values if value is not None and _NOT_XML.search(value))
    what = counted(count, "value") + " with characters XML 1.0 cannot hold (written as U+FFFD)"
    return loss_line("graphml", [what] if count else [], "lost")


def dumps_graphml(argument_map: ArgumentMap) -> str:
    """The map's graph as GraphML text, with tuples and dicts as JSON text; deterministic.

    Examples
    --------
    >>> print(dumps_graphml(ArgumentMap(title="T")).splitlines()[1])  # doctest: +ELLIPSIS
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns" ...
    """
    graph = to_networkx(argument_map)
    for _, attrs in graph.nodes(data=True):
        for key, value in attrs.items():
            if key in JSON_NODE_ATTRIBUTES:
                attrs[key] = json.dumps(list(value) if key != "meta" else value, ensure_ascii=False)
            elif isinstance(value, str):
                attrs[key] = _NOT_XML.sub("\ufffd", value)
    for key, value in graph.graph.items():
        if key in _JSON_GRAPH_ATTRIBUTES:
            graph.graph[key] = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, str):
            graph.graph[key] = _NOT_XML.sub("\ufffd", value)
    text = str(GraphMLWriter(graph, encoding="utf-8", prettyprint=True))
    return "<?xml version='1.0' encoding='utf-8'?>\n" + text.replace("\r", "&#13;").rstrip("\n") + "\n"


def loads_graphml(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Read GraphML in argmap's graph layout.

    Parameters
    ----------
    text : str
        The GraphML.
    name : str
        The file name, for messages.
    source : SourceDocument, optional
        When given, spans and ``source.sha256`` are checked against it.
    limits : Limits, optional
        Nesting, entities and statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        If the XML is malformed or refused (entities, external references), is beyond a
        limit, or is not one directed GraphML graph.
    MapValidationError
        If an encoded value is not JSON, a node or edge breaks the layout, or the map is
        invalid; with lines.

    Examples
    --------
    >>> loads_graphml("<graphml><graph", name="g.graphml")
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: g.graphml:1:10: XML: unclosed token
    """
    limits = limits if limits is not None else default_limits()
    root = parse_xml(text, name, limits)
    reader = GraphMLReader(node_type=str)
    graphs = root.findall(f"{{{reader.NS_GRAPHML}}}graph")
    if len(graphs) != 1:
        raise ParseError([Problem(f"GraphML: expected one <graph>, found {len(graphs)}", file=name, line=1)])
    try:
        with warnings.catch_warnings():
            # "No key type for id d2. Using string": networkx reads such values as strings, which is
            # what argmap expects of them; the warning would print two lines on the command line.
            warnings.simplefilter("ignore", UserWarning)
            keys, defaults = reader.find_graphml_keys(root)  # type: ignore[no-untyped-call]
            graph: Any = reader.make_graph(graphs[0], keys, defaults)  # type: ignore[no-untyped-call]
    except (nx.NetworkXError, KeyError, ValueError, TypeError, AttributeError) as exc:
        # networkx does not say where: name the line of the <key> or <graph> element at fault
        quoted = re.search(r"key '?([^\s']+)'?", str(exc))
        line = line_of(text, rf'<key\b[^>]*\bid\s*=\s*"{re.escape(quoted.group(1))}"') if quoted else None
        line = line or line_of(text, r"<graph\b") or 1
        raise ParseError([Problem(f"GraphML: {' '.join(str(exc).split())}", file=name, line=line)]) from None
    if not graph.is_directed():
        message = "GraphML: the graph must be directed (edgedefault='directed')"
        raise ParseError([Problem(message, file=name, line=line_of(text, r"<graph\b") or 1)])

    def locate_node(key: str) -> int | None:
        return line_of(text, rf'<node\b[^>]*\bid\s*=\s*"{re.escape(key)}"')

    problems: list[Problem] = []

    def decode(value: Any, what: str, key: str | None) -> Any:
        if not isinstance(value, str):
            return value
        line = locate_node(key) if key is not None else None
        try:
            decoded = json.loads(value)
        except (ValueError, RecursionError):
            problems.append(Problem(f"{what} is not JSON text: {value[:40]!r}", file=name, line=line, id=key))
            return None
        check_value_depth(decoded, name, limits, line)
        return decoded

    for node, attrs in graph.nodes(data=True):
        for attribute in JSON_NODE_ATTRIBUTES:
            if attribute in attrs:
                attrs[attribute] = decode(attrs[attribute], attribute, str(node))
    for attribute in _JSON_GRAPH_ATTRIBUTES:
        if attribute in graph.graph:
            graph.graph[attribute] = decode(graph.graph[attribute], f"graph {attribute}", None)
    if problems:
        raise MapValidationError(problems)
    limits.check_statements(
        sum(1 for _, attrs in graph.nodes(data=True) if attrs.get("element") == "statement"), name
    )
    argument_map = from_networkx(
        graph, name=name, locate_node=locate_node, graph_line=line_of(text, r"<graph\b") or 1
    )
    if source is not None:
        return build_map(argument_map.to_data(), file=name, source=source)
    return argument_map


GRAPHML = register(
    Format(
        name="graphml",
        suffixes=(".graphml",),
        description="GraphML of the map's graph (relations as nodes); spans, tags, meta, source as "
        "JSON text: carries everything",
        reader=lambda data, name, source, limits: loads_graphml(
            decode_text(data, name), name, source, limits
        ),
        writer=lambda argument_map: dumps_graphml(argument_map).encode("utf-8"),
        losses=graphml_losses,
    )
)
