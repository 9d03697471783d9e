"""XML parsing for the readers: ``defusedxml``, a nesting limit, and errors with their line.

External entities and resources are always refused; entity declarations are refused
unless :attr:`Limits.xml_entities <argmap.limits.Limits>` allows them (then expat's own
guard against exponential expansion still applies).

Examples
--------
>>> parse_xml("<a><b/></a>", "x.xml", Limits()).tag
'a'
>>> parse_xml("<a><b><c/></b></a>", "x.xml", Limits(max_depth=2))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
argmap.errors.ParseError: x.xml:1: nested 3 levels deep, above the limit max_depth=2 ...
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, TreeBuilder
from xml.etree.ElementTree import ParseError as XMLParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from argmap.errors import ParseError, Problem
from argmap.limits import Limits

__all__ = ["parse_xml"]


class _Builder(TreeBuilder):
    """A tree builder that refuses elements nested deeper than the limit, naming the line."""

    def __init__(self, name: str, limits: Limits) -> None:
        super().__init__()
        self.name = name
        self.limits = limits
        self.depth = 0
        self.expat: Any = None

    def start(self, tag: Any, attrs: Any) -> Element:
        self.depth += 1
        if self.depth > self.limits.max_depth:
            self.limits.check_depth(self.depth, self.name, self.expat.CurrentLineNumber)
        return super().start(tag, attrs)

    def end(self, tag: Any) -> Element:
        self.depth -= 1
        return super().end(tag)


def parse_xml(text: str, name: str, limits: Limits) -> Element:
    """The root element of XML text, parsed safely within the limits.

    Raises
    ------
    ParseError
        If the XML is not well-formed, declares entities (unless allowed), refers to
        external resources, or nests deeper than ``limits.max_depth``; with its line.
    """
    builder = _Builder(name, limits)
    parser = DefusedXMLParser(
        target=builder, forbid_dtd=False, forbid_entities=not limits.xml_entities, forbid_external=True
    )
    builder.expat = parser.parser
    try:
        parser.feed(text)
        root: Element = parser.close()
    except XMLParseError as exc:
        line, column = exc.position
        message = str(exc).split(":")[0]
        raise ParseError([Problem(f"XML: {message}", file=name, line=line, column=column + 1)]) from None
    except EntitiesForbidden:
        raise limits.entity_error(name, parser.parser.CurrentLineNumber) from None
    except (DefusedXmlException, ValueError) as exc:
        line = parser.parser.CurrentLineNumber
        raise ParseError([Problem(f"XML: refused: {exc}", file=name, line=line)]) from None
    return root
