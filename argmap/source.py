"""The source document a map is anchored in, and the checks of spans against it.

Spans are Unicode code-point offsets (Python string indices) into the document
decoded as UTF-8; ``source.sha256`` is the SHA-256 of the document's bytes.

Examples
--------
>>> doc = SourceDocument.from_text("Rain is coming. Take an umbrella.", name="memo.txt")
>>> doc.excerpt(16, 33)
'Take an umbrella.'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from argmap._files import read_file
from argmap.errors import ParseError, Problem
from argmap.limits import Limits, default_limits
from argmap.model import Source, Statement

__all__ = ["SourceDocument", "check_source"]


@dataclass(frozen=True)
class SourceDocument:
    """A source text with its checksum and a name for messages."""

    text: str
    sha256: str
    name: str = "<source>"

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<source>") -> SourceDocument:
        """Decode UTF-8 bytes; the checksum is of the bytes as given.

        Raises
        ------
        ParseError
            If the bytes are not UTF-8, naming the offset of the first bad byte.

        Examples
        --------
        >>> SourceDocument.from_bytes(b"abc").sha256[:12]
        'ba7816bf8f01'
        """
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(
                [Problem(f"not UTF-8: undecodable byte at offset {exc.start}", file=name)]
            ) from None
        return cls(text=text, sha256=hashlib.sha256(data).hexdigest(), name=name)

    @classmethod
    def from_text(cls, text: str, name: str = "<source>") -> SourceDocument:
        """A document from a string (its checksum is that of its UTF-8 encoding)."""
        return cls.from_bytes(text.encode("utf-8"), name=name)

    @classmethod
    def read(cls, path: str | Path, limits: Limits | None = None) -> SourceDocument:
        """Read a UTF-8 text file (a regular file, within ``limits.max_bytes``).

        Raises
        ------
        ParseError
            If the file cannot be read, is not a regular file, is larger than the limit
            (default :func:`~argmap.limits.default_limits`) or is not UTF-8.

        Examples
        --------
        >>> SourceDocument.read("/dev/zero")
        Traceback (most recent call last):
        ...
        argmap.errors.ParseError: /dev/zero: cannot read source: not a regular file (a character device)
        """
        limits = limits if limits is not None else default_limits()
        data = read_file(path, limits, what="cannot read source")
        return cls.from_bytes(data, name=str(path))

    def excerpt(self, start: int, end: int) -> str:
        """The text between two code-point offsets."""
        return self.text[start:end]


def check_source(
    statements: Iterable[tuple[int, Statement]],
    source: Source | None,
    document: SourceDocument,
) -> list[Problem]:
    """Problems of spans and checksum against the source document.

    Parameters
    ----------
    statements : iterable of (index, Statement)
        Each statement with its position in the file's ``statements`` list.
    source : Source or None
        The map's ``source`` block; its ``sha256``, if set, must match the document.
    document : SourceDocument

    Returns
    -------
    list of Problem

    Examples
    --------
    >>> from argmap.model import Span
    >>> doc = SourceDocument.from_text("short")
    >>> s = Statement(id="A", kind="claim", text="a", span=Span(start=2, end=9))
    >>> [p.message for p in check_source([(0, s)], None, doc)]
    ['span [2, 9) ends past the end of the source (5 characters)']
    """
    problems: list[Problem] = []
    if source is not None and source.sha256 is not None and source.sha256 != document.sha256:
        problems.append(
            Problem(
                f"source.sha256 does not match {document.name} (whose SHA-256 is {document.sha256})",
                path=("source", "sha256"),
            )
        )
    length = len(document.text)
    for index, statement in statements:
        span = statement.span
        if span is not None and span.end > length:
            problems.append(
                Problem(
                    f"span [{span.start}, {span.end}) ends past the end of the source ({length} characters)",
                    id=statement.id,
                    path=("statements", index, "span"),
                )
            )
    return problems
