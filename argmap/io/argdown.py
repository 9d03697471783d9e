"""Argdown: read it as Argdown's own CLI does, and write maps it reads as the same map.

The tests judge both directions with ``argdown json`` (``tests/io/test_argdown_oracle.py``);
where argmap reads what Argdown rejects it warns (:class:`ArgdownWarning`, with file and
line). What is read (``docs/formats.md`` has the full table):

* YAML front matter between ``===`` lines: ``title`` is the map's title, every other key
  goes to the map's ``meta``;
* headings ``# ...`` (any level, indented or not, running on to the next blank line): the
  section of the statements defined below them;
* statements ``[Title]: text`` (a definition), ``[Title]`` (a reference) and untitled
  paragraphs; arguments ``<Title>: description`` and ``<Title>``; list items ``* ...``
  and ``1. ...`` are statements too;
* relations at any nesting, by indentation: ``+``/``<+`` (the child supports its parent),
  ``-``/``<-`` (attacks), ``+>``/``->`` (the parent supports/attacks the child), ``><``
  (contradiction: an attack each way), ``_>``/``<_``/``_`` (undercut: the parent/child attacks
  the other's inference; under an inference line, or under the conclusion it leads to, that
  inference); dedenting to an in-between level attaches to the level above it;
* premise-conclusion structures: numbered lines ``(1) ...`` with inference lines ``----``
  or ``-- rule --`` (or an inference block between two ``--`` lines); each inference is a
  ``support`` from the statements its ``{uses: [...]}`` names, else those since the previous
  one (and its conclusion), to the next; a rule the scheme catalogue knows ("Argument from
  expert opinion") is the relation's ``scheme`` (its id), any other rule ("Modus ponens")
  is kept as ``meta["rule"]`` (as is a known rule worded otherwise than the catalogue), its
  ``{...}`` data the relation's ``meta``;
* ``#tag`` and ``#(tag with spaces)``; trailing ``{...}`` YAML data (the element's ``meta``;
  over several lines, a YAML block); comments ``<!-- -->``, ``/* */`` and ``//`` (a line
  only a comment fills is no blank line); backslash escapes.

How arguments map: an argument **with** a premise-conclusion structure becomes its
inferences (the last one has the argument's title as id, its description as ``note``);
used as a source, it stands for its conclusion (so its support of its own conclusion is
its last inference, not another relation); attacked, its last inference is attacked
(an undercut); supported, its conclusion is. An argument **without** one becomes a
statement (text: its description, else its title; ``meta``: ``{"argdown": "argument"}``);
undercutting it attacks the relations it is the source of. Ids are the titles, made
valid (``No harm, no ban`` becomes ``No-harm-no-ban``); untitled statements get ``s1``,
``s2``... Kinds come from the structure.

``@include(a.argdown, b.argdown)`` on a line of its own splices in the named files (paths
relative to the including file; each file once, the document itself not counted, as in
Argdown's include plugin, so includes that form a cycle end); a
problem in an included file names that file and its line. Statements by number:
``<A>(n): text`` defines, and ``<A>(n)`` refers to, the statement ``(n)`` of argument A's
premise-conclusion structure; where A has no such statement it is a statement of its own
(id ``A-n``). Anything else (a relation without a parent or an element, an unclosed
comment...) is a :class:`~argmap.errors.ParseError` naming the file, line and column.

The writer keeps what Argdown cannot say under the data key ``argmap``; reading its output
gives the map back exactly (see :func:`dumps_argdown`).

Examples
--------
>>> m = loads_argdown('''
... [Umbrella]: Take an umbrella. #decision
...   + [Rain]: It will rain.
...     - <Sunny>: The sky is blue.
... ''')
>>> [(s.id, s.kind, s.tags) for s in m.statements]
[('Umbrella', 'claim', ('decision',)), ('Rain', 'premise', ()), ('Sunny', 'rebuttal', ())]
>>> [(r.type, r.sources, r.to) for r in m.relations]
[('support', ('Rain',), 'Umbrella'), ('attack', ('Sunny',), 'Rain')]
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap._files import include_file
from argmap.errors import ArgmapWarning, MapError, ParseError, Problem
from argmap.io._checks import check_statement_count, check_value_depth
from argmap.io._jsonutil import decode_text
from argmap.io._losses import counted, kinds_not_from_structure, loss_line, set_on
from argmap.io._structure import kinds_from_structure, safe_id, scheme_from_name, scheme_name
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap, Relation
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["ARGDOWN", "RELATION_TOKENS", "ArgdownWarning", "argdown_losses", "dumps_argdown", "loads_argdown"]

RELATION_TOKENS = ("<+", "<-", "+>", "->", "><", "_>", "<_", "+", "-", "_")
_RELATION = re.compile(r"(<\+|<-|\+>|->|><|_>|<_|\+|-|_)(?:\s+|$)(.*)$")
_PCS_ITEM = re.compile(r"\((\d+)\)\s*(.*)$")
_DASHES = re.compile(r"-{2,}$")
_INFERENCE = re.compile(r"(-{2,})(.*?)(-{2,})$")
_HEADING = re.compile(r"(#{1,6})\s+(.*)$")
_LIST_ITEM = re.compile(r"(?:[*]|\d+\.)\s+(.*)$")
_STATEMENT_HEAD = re.compile(r"\[((?:\\.|[^\]\\])+)\](:?)(?=\s|$)\s*(.*)$")
_ARGUMENT_HEAD = re.compile(r"<((?:\\.|[^>\\])+)>(:?)(?=\s|$)\s*(.*)$")
_NUMBERED_HEAD = re.compile(r"<((?:\\.|[^>\\])+)>\((\d+)\)(:?)(?=\s|$)\s*(.*)$")
_DATA_TRIES = 8
_INCLUDE = re.compile(r"@include\s*\(([^()]*)\)")
_COMMENT = re.compile(r"(?<!\\)<!--.*?-->|(?<!\\)/\*.*?\*/|(?<!\S)//[^\n]*", re.S)
_UNCLOSED = re.compile(r"(?<!\\)(<!--|/\*)")
_ESCAPE = re.compile(r"\\(.)")
_MARK = "\x00"
_TAG = re.compile(r"(?<!\x00)#\(((?:\x00.|[^)])*)\)|(?<!\x00)#([^\s#()\[\]<>{}\x00]+)")
_PLAIN_TAG = re.compile(r"[\w-]+")
_WRITE_ESCAPE = re.compile(r"([\\\[\]<>#{}/_*@])")
_TAG_ESCAPE = re.compile(r"([\\\[\]<>#{}/()])")
_EXTRAS = "argmap"  # the data key under which the writer keeps what Argdown cannot say
_UNICODE_ESCAPE = {ord(c): f"\\u{ord(c):04x}" for c in "{}/<"}


class ArgdownWarning(ArgmapWarning):
    """argmap read something Argdown's own parser rejects; the message names the file and line."""


@dataclass
class _Element:
    """A statement, argument or PCS item as written, before ids are given."""

    key: tuple[str, str]
    line: int
    text: str = ""
    tags: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    section: str | None = None
    alternatives: list[str] = field(default_factory=list)
    data_line: int | None = None  # where its {data} was first written


@dataclass
class _Inference:
    premises: list[tuple[str, str]]
    conclusion: tuple[str, str]
    rule: str | None
    meta: dict[str, Any] | None
    line: int


@dataclass
class _RelationLine:
    token: str
    parent: tuple[str, str]
    child: tuple[str, str]
    line: int


def _split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _fail_at(message: str, file: str, line: int, column: int | None = None) -> ParseError:
    return ParseError([Problem(message, file=file, line=line, column=column)])


def _expand_includes(text: str, name: str, limits: Limits) -> tuple[list[str], list[tuple[str, int]]]:
    """The document's lines with every ``@include(...)`` replaced by the included files' lines.

    Paths are relative to the including file; each file is included once (as Argdown's
    include plugin: the document itself is not counted, so it may come once more), so
    includes that form a cycle end. Returns the lines
    and, for each, the file and line it comes from.
    """
    root = Path(name)
    real = not name.startswith("<") and root.is_file()
    seen: set[Path] = set()  # as Argdown's include plugin: the root is not counted as included
    lines: list[str] = []
    origins: list[tuple[str, int]] = []
    total = len(text.encode("utf-8"))

    def visit(file: str, file_text: str, depth: int) -> None:
        nonlocal total
        for number, raw in enumerate(_split_lines(file_text), start=1):
            if "@include" not in raw:
                lines.append(raw)
                origins.append((file, number))
                continue
            directive = _INCLUDE.fullmatch(raw.strip())
            if directive is None:
                raise _fail_at(
                    "@include must stand alone on its line as @include(file.argdown) or "
                    "@include(a.argdown, b.argdown)",
                    file,
                    number,
                )
            if not real:
                raise _fail_at(
                    "@include needs the including file's path to resolve it: read the file with "
                    "argmap.load(path) (or pass its real path as name=)",
                    file,
                    number,
                )
            limits.check_depth(depth + 1, file, number)
            for written in (part.strip() for part in directive.group(1).split(",")):
                if not written:
                    raise _fail_at("@include names an empty path", file, number)
                shown = Path(file).parent / written
                if shown.resolve() in seen:
                    continue
                target, data = include_file(written, file, number, name, limits, total)
                seen.add(target)
                total += len(data)
                visit(str(shown), decode_text(data, str(shown)), depth + 1)

    visit(name, text, 0)
    return lines, origins


class _Parser:
    def __init__(self, text: str, name: str, limits: Limits | None = None) -> None:
        self.name = name
        self.limits = limits if limits is not None else default_limits()
        self.lines, self.origins = _expand_includes(text, name, self.limits)
        self.numbered: dict[tuple[tuple[str, str], int], tuple[str, str]] = {}
        self.elements: dict[tuple[str, str], _Element] = {}
        self.relations: list[_RelationLine] = []
        self.pcs: dict[tuple[str, str], list[_Inference]] = {}
        self.untitled = 0
        self.section: str | None = None
        self.frontmatter: dict[str, Any] = {}
        self.comment_only: set[int] = set()
        self.frontmatter_line = 1
        self.inferences: dict[tuple[str, str], tuple[tuple[str, str], int]] = {}

    def origin(self, line: int) -> tuple[str, int]:
        """The file and line an expanded line comes from (``@include`` splices files together)."""
        return self.origins[line - 1] if 1 <= line <= len(self.origins) else (self.name, line)

    def warn(self, message: str, line: int) -> None:
        """Say that argmap reads what Argdown's own parser rejects (argmap is more lenient here)."""
        file, at = self.origin(line)
        warnings.warn(ArgdownWarning(f"{file}:{at}: {message}"), stacklevel=4)

    def inference(self, owner: tuple[str, str] | None, step: int) -> tuple[str, str]:
        """A key for the ``step``-th inference of ``owner``'s structure, for relations written under it."""
        assert owner is not None
        key = ("inference", str(len(self.inferences)))
        self.inferences[key] = (owner, step)
        return key

    def fail(self, message: str, line: int, column: int | None = None) -> ParseError:
        """A one-line error at ``line`` (of the spliced document), by default at its first character."""
        if column is None and 1 <= line <= len(self.lines):
            text = self.lines[line - 1]
            column = len(text) - len(text.lstrip()) + 1
        return _fail_at(message, *self.origin(line), column)

    def check_depth(self, depth: int, line: int) -> None:
        if depth > self.limits.max_depth:
            self.limits.check_depth(depth, *self.origin(line))

    def data(self, text: str, line: int) -> dict[str, Any] | None:
        """YAML data within the nesting limit, else ``None`` if it is not a mapping."""
        value = _parse_data(text)
        if value is not None:
            file, at = self.origin(line)
            check_value_depth(value, file, self.limits, at)
        return value

    def find_data(self, marked: str, line: int) -> int | None:
        """Where trailing data starts; a warning when it looks like data but is not YAML Argdown reads."""
        found = _find_data(marked)
        if found is None and marked.rstrip().endswith("}") and re.search(r"(?<!\x00)\{", marked):
            self.warn(
                "the trailing '{...}' is not YAML data (Argdown rejects it); argmap keeps it as text", line
            )
        return found

    def rule_and_data(self, text: str, line: int) -> tuple[str | None, dict[str, Any] | None]:
        self.find_data(_ESCAPE.sub(lambda m: _MARK + m.group(1), text), line)
        rule, data = _rule_and_data(text)
        if data is not None:
            file, at = self.origin(line)
            check_value_depth(data, file, self.limits, at)
        return rule, data

    # -- front matter and comments --------------------------------------------------

    def strip_frontmatter(self) -> int:
        first = next((i for i, line in enumerate(self.lines) if line.strip()), None)
        if first is None or self.lines[first].strip() != "===":
            return 0
        end = next((i for i in range(first + 1, len(self.lines)) if self.lines[i].strip() == "==="), None)
        if end is None:
            raise self.fail("front matter opened by '===' is never closed", first + 1)
        body = "\n".join(self.lines[first + 1 : end])
        data = self.data(body, first + 2)
        if data is None:
            raise self.fail("front matter is not a YAML mapping (without aliases)", first + 2)
        self.frontmatter = data
        self.frontmatter_line = first + 2
        for i in range(first, end + 1):
            self.lines[i] = ""
        return end + 1

    def strip_comments(self) -> None:
        text = "\n".join(self.lines)

        def blank(match: re.Match[str]) -> str:
            return re.sub(r"[^\n]", " ", match.group(0))

        text = _COMMENT.sub(blank, text)
        unclosed = _UNCLOSED.search(text)
        if unclosed is not None:
            raise self.fail(
                f"comment opened by {unclosed.group(1)!r} is never closed",
                text.count("\n", 0, unclosed.start()) + 1,
                unclosed.start() - text.rfind("\n", 0, unclosed.start()),
            )
        stripped = text.split("\n")
        # A line only a comment filled is no blank line: Argdown skips comments, not the lines around them.
        self.comment_only = {
            i
            for i, (before, after) in enumerate(zip(self.lines, stripped, strict=True))
            if before.strip() and not after.strip()
        }
        self.lines = stripped

    def join_data_blocks(self) -> None:
        """Put data written over several lines (``{`` ending a line ... ``}`` alone) on its first line.

        Argdown reads the lines between the braces as a YAML block (``weight: 2`` on a line of its
        own); the block is written back as one line of JSON so that it is read like inline data.
        """
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if not line.rstrip().endswith("{") or line.rstrip().endswith("\\{"):
                index += 1
                continue
            end = next(
                (
                    i
                    for i in range(index + 1, len(self.lines))
                    if not self.lines[i].strip() or self.lines[i].strip() == "}"
                ),
                None,
            )
            if end is None or self.lines[end].strip() != "}":
                index += 1
                continue
            value = self.data(textwrap.dedent("\n".join(self.lines[index + 1 : end])), index + 2)
            if value is None:
                index += 1
                continue
            self.lines[index] = line.rstrip()[:-1] + _data(value)
            for consumed in range(index + 1, end + 1):
                self.lines[consumed] = ""
                self.comment_only.add(consumed)  # not a blank line: the paragraph goes on
            index = end + 1

    # -- elements ---------------------------------------------------------------------

    def element(self, content: str, line: int, pcs_owner: tuple[str, str] | None = None) -> _Element:
        numbered = _NUMBERED_HEAD.match(content)
        if numbered is not None:
            self.warn("Argdown (1.7) rejects a statement by number ('<Argument>(n)') here", line)
            title = _unescape(_ESCAPE.sub(lambda m: _MARK + m.group(1), numbered.group(1)))
            key = ("numbered", f"{title}\x00{int(numbered.group(2))}")
            existing = self.elements.get(key)
            if existing is None:
                existing = self.elements[key] = _Element(key, line, section=self.section)
            self.add_text(existing, numbered.group(4), line, defining=bool(numbered.group(3)))
            return existing
        for kind, pattern in (("statement", _STATEMENT_HEAD), ("argument", _ARGUMENT_HEAD)):
            head = pattern.match(content)
            if head is not None:
                title = _unescape(_ESCAPE.sub(lambda m: _MARK + m.group(1), head.group(1)))
                key = (kind, title)
                existing = self.elements.get(key)
                if existing is None:
                    existing = self.elements[key] = _Element(key, line, section=self.section)
                self.add_text(existing, head.group(3), line, defining=bool(head.group(2)))
                return existing
        self.untitled += 1
        untitled = self.elements[("untitled", str(self.untitled))] = _Element(
            ("untitled", str(self.untitled)), line, section=self.section
        )
        self.add_text(untitled, content, line, defining=True)
        return untitled

    def add_text(self, element: _Element, raw: str, line: int, defining: bool = True) -> None:
        if not raw.strip():
            return
        marked = _ESCAPE.sub(lambda m: _MARK + m.group(1), raw)
        data_at = self.find_data(marked, line)
        if data_at is not None:
            data = self.data(marked[data_at:].replace(_MARK, "\\"), line)
            assert data is not None
            element.meta.update(data)
            element.data_line = element.data_line or line
            marked = marked[:data_at]
        for match in _TAG.finditer(marked):
            tag = " ".join(
                _unescape(match.group(1) if match.group(1) is not None else match.group(2)).split()
            )
            if tag and tag not in element.tags:
                element.tags.append(tag)
        text = " ".join(_unescape(_TAG.sub(" ", marked)).split())
        if not text:
            return
        if not element.text:
            element.text = text
        elif defining and text != element.text and text not in element.alternatives:
            element.alternatives.append(text)

    def append(self, element: _Element, raw: str, line: int) -> None:
        """A continuation line of ``element``'s text."""
        if element.alternatives:
            element.alternatives[-1] = " ".join(f"{element.alternatives[-1]} {raw}".split())
            return
        holder = _Element(element.key, line)
        self.add_text(holder, raw, line)
        if holder.text:
            element.text = " ".join(f"{element.text} {holder.text}".split())
        element.tags += [t for t in holder.tags if t not in element.tags]
        element.meta.update(holder.meta)

    # -- the document -------------------------------------------------------------------

    def parse(self) -> None:
        self.strip_frontmatter()
        self.strip_comments()
        self.join_data_blocks()
        stack: list[tuple[int, tuple[str, str]]] = []
        current: _Element | None = None
        pcs_owner: tuple[str, str] | None = None
        pcs_open: list[tuple[str, str]] = []
        pcs_steps: list[_Inference] = []
        expect_conclusion: tuple[str | None, dict[str, Any] | None, int] | None = None
        inference_block: list[str] | None = None
        inference_line = 0
        blank_before = True
        previous_listed: int | None = None
        concluded: tuple[str, str] | None = (
            None  # the inference a PCS conclusion on top of the stack concludes
        )

        pcs_start = 0

        def close_pcs() -> None:
            nonlocal pcs_owner, pcs_open, pcs_steps, expect_conclusion
            if pcs_owner is None:
                return
            line = pcs_start
            if expect_conclusion is not None:
                raise self.fail(
                    "an inference line must be followed by a conclusion (n)", expect_conclusion[2]
                )
            if not pcs_steps:
                raise self.fail(
                    "a premise-conclusion structure needs an inference line ('----') and a conclusion", line
                )
            if pcs_open[1:] or (pcs_open and pcs_open[0] != pcs_steps[-1].conclusion):
                raise self.fail("a premise-conclusion structure must end with its conclusion", line)
            self.pcs[pcs_owner] = pcs_steps
            pcs_owner, pcs_open, pcs_steps = None, [], []

        for number, raw in enumerate(self.lines, start=1):
            if inference_block is not None:
                if _DASHES.fullmatch(raw.strip()):
                    rule, data = self.rule_and_data(" ".join(inference_block), inference_line)
                    expect_conclusion = (rule, data, inference_line)
                    inference_block = None
                    stack = [(0, self.inference(pcs_owner, len(pcs_steps)))]
                else:
                    inference_block.append(raw.strip())
                continue
            stripped = raw.strip()
            if not stripped:
                blank_before = blank_before or number - 1 not in self.comment_only
                continue
            indent = (
                len(raw) - len(raw.lstrip(" \t")) + raw[: len(raw) - len(raw.lstrip(" \t"))].count("\t") * 3
            )
            relation = _RELATION.match(stripped)
            pcs_item = _PCS_ITEM.match(stripped)
            if not pcs_item and (heading := _HEADING.match(stripped)) is not None:
                close_pcs()
                parts = [heading.group(2)]
                for ahead in range(number, len(self.lines)):  # a heading runs on to the next blank line
                    if not self.lines[ahead].strip():
                        break
                    parts.append(self.lines[ahead].strip())
                    self.lines[ahead] = ""
                title, _ = _rule_and_data(" ".join(parts))
                self.section = title or None
                stack, current, blank_before = [], None, True
                continue
            if _DASHES.fullmatch(stripped) or _INFERENCE.fullmatch(stripped):
                if pcs_owner is None:
                    raise self.fail("an inference line outside a premise-conclusion structure", number)
                if not pcs_open:
                    raise self.fail("an inference line needs premises above it", number)
                following = next((line.strip() for line in self.lines[number:] if line.strip()), "")
                if _DASHES.fullmatch(stripped) and not _PCS_ITEM.match(following):
                    if stripped != "--":
                        self.warn(
                            f"Argdown opens an inference block only with '--'; it reads {stripped!r} as an "
                            "inference line and rejects the text after it",
                            number,
                        )
                    inference_block, inference_line = [], number
                    continue
                full = _INFERENCE.fullmatch(stripped)
                rule, data = self.rule_and_data(full.group(2).strip() if full else "", number)
                expect_conclusion = (rule, data, number)
                stack, current = [(indent, self.inference(pcs_owner, len(pcs_steps)))], None
                continue
            if pcs_item is not None:
                if pcs_owner is None:
                    pcs_start = number
                    if (
                        current is not None
                        and len(stack) == 1  # Argdown gives a structure only to a top-level argument
                        and current.key[0] == "argument"
                        and current.key not in self.pcs
                    ):
                        pcs_owner = current.key
                    else:
                        self.untitled += 1
                        pcs_owner = ("argument", f"\x00{self.untitled}")
                        self.elements[pcs_owner] = _Element(pcs_owner, number, section=self.section)
                if _ARGUMENT_HEAD.match(pcs_item.group(2)):
                    self.warn(
                        "Argdown rejects an argument as a premise or conclusion (use a statement)", number
                    )
                item = self.element(pcs_item.group(2), number)
                self.numbered.setdefault((pcs_owner, int(pcs_item.group(1))), item.key)
                concluded = None
                if expect_conclusion is not None:
                    rule, data, where = expect_conclusion
                    concluded = self.inference(pcs_owner, len(pcs_steps))
                    pcs_steps.append(_Inference(list(pcs_open), item.key, rule, data, where))
                    pcs_open, expect_conclusion = [item.key], None
                else:
                    pcs_open.append(item.key)
                stack, current, blank_before = [(indent, item.key)], item, False
                continue
            if relation is not None and (indent > 0 or stack) and not (blank_before and indent == 0):
                token, content = relation.group(1), relation.group(2).strip()
                if blank_before:
                    self.warn(
                        f"Argdown rejects a relation ({token!r}) that starts a paragraph after a blank line",
                        number,
                    )
                if token == "><" and (
                    _ARGUMENT_HEAD.match(content)
                    or (stack and stack[-1][1][0] == "argument" and indent > stack[-1][0])
                ):
                    self.warn(
                        "Argdown rejects a contradiction ('><') with an argument: it relates statements",
                        number,
                    )
                popped: int | None = None
                while stack and stack[-1][0] >= indent:
                    popped = stack.pop()[0]
                if popped is not None and popped != indent and len(stack) > 1:
                    stack.pop()  # dedented to an in-between level: Argdown takes the level above it
                if not stack:
                    raise self.fail(
                        f"relation {token!r} has no statement or argument above it to attach to", number
                    )
                if not content:
                    raise self.fail(f"relation {token!r} names no statement or argument", number)
                token = "<_" if token == "_" else token
                parent = stack[-1][1]
                if token == "<_" and len(stack) == 1 and concluded is not None:
                    parent = concluded  # undercut under a conclusion: of the inference concluding it
                if parent[0] == "inference" and token not in ("<_", "_>"):
                    raise self.fail(
                        f"only an undercut ('<_') can stand under an inference line, not {token!r}", number
                    )
                child = self.element(content, number)
                self.relations.append(_RelationLine(token, parent, child.key, number))
                stack.append((indent, child.key))
                self.check_depth(len(stack) - 1, number)
                current, blank_before = child, False
                continue
            if relation is not None:
                raise self.fail(
                    f"relation {relation.group(1)!r} has no statement or argument above it to attach to",
                    number,
                )
            listed = _LIST_ITEM.match(stripped)
            new_element = (
                listed
                or _STATEMENT_HEAD.match(stripped)
                or _ARGUMENT_HEAD.match(stripped)
                or _NUMBERED_HEAD.match(stripped)
            )
            if current is not None and not blank_before and new_element is None:
                self.append(current, stripped, number)
                continue
            if (
                current is not None
                and not blank_before
                and not (listed and previous_listed is not None and previous_listed == indent)
            ):
                self.warn("Argdown needs a blank line before a new statement or argument here", number)
            previous_listed = indent if listed else None
            if pcs_owner is not None and not (blank_before and indent > 0):
                close_pcs()
            element = self.element(listed.group(1) if listed else stripped, number)
            stack, current, blank_before, concluded = [(indent, element.key)], element, False, None
        if inference_block is not None:
            raise self.fail("an inference block opened by a line of dashes is never closed", inference_line)
        close_pcs()


def _unescape(text: str) -> str:
    return re.sub(r"\x00(.)", r"\1", text, flags=re.S).replace(_MARK, "")


def _find_data(marked: str) -> int | None:
    """Where a trailing ``{...}`` data block starts (an unescaped brace whose rest parses as a mapping).

    The first few unescaped braces from the left are tried, then the one that balances the
    last brace: each try parses the rest of the line, so trying every brace of a long line
    would take quadratic time.
    """
    stripped = marked.rstrip()
    if not stripped.endswith("}"):
        return None
    for tries, match in enumerate(re.finditer(r"(?<!\x00)\{", stripped)):
        if tries == _DATA_TRIES:
            break
        if _parse_data(stripped[match.start() :].replace(_MARK, "\\")) is not None:
            return match.start()
    else:
        return None
    depth = 0
    for position in range(len(stripped) - 1, -1, -1):
        if position and stripped[position - 1] == _MARK:
            continue
        depth += {"}": 1, "{": -1}.get(stripped[position], 0)
        if depth == 0:
            return position if _parse_data(stripped[position:].replace(_MARK, "\\")) is not None else None
    return None


def _parse_data(text: str) -> dict[str, Any] | None:
    """A mapping from JSON (as argmap writes it) or YAML flow/block text, else ``None``."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        try:
            if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
                return None  # aliases can expand exponentially ("billion laughs"): not data argmap keeps
            value = yaml.safe_load(text)
        except (yaml.YAMLError, RecursionError, ValueError):
            return None
    if value is None and not text.strip():
        return {}
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        return None
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return json.loads(json.dumps(value, default=str))  # type: ignore[no-any-return]
    return value


def _rule_and_data(text: str) -> tuple[str | None, dict[str, Any] | None]:
    """A rule or heading's text and its trailing ``{...}`` data, with escapes resolved."""
    marked = _ESCAPE.sub(lambda m: _MARK + m.group(1), text)
    data_at = _find_data(marked)
    data = None
    if data_at is not None:
        data = _parse_data(marked[data_at:].replace(_MARK, "\\"))
        marked = marked[:data_at]
    rule = " ".join(_unescape(marked).split())
    return rule or None, data


def _numbered_title(key: tuple[str, str]) -> str:
    title, number = key[1].split("\x00")
    return f"{title}({number})"


def _resolve_numbered(parser: _Parser) -> None:
    """Make ``<A>(n)`` the statement ``(n)`` of argument A's premise-conclusion structure, if it has one."""
    alias: dict[tuple[str, str], tuple[str, str]] = {}
    for key in [k for k in parser.elements if k[0] == "numbered"]:
        title, number = key[1].split("\x00")
        target = parser.numbered.get((("argument", title), int(number)))
        if target is None:
            continue
        alias[key] = target
        element, into = parser.elements.pop(key), parser.elements[target]
        for text in (element.text, *element.alternatives):
            if text and not into.text:
                into.text = text
            elif text and text != into.text and text not in into.alternatives:
                into.alternatives.append(text)
        into.tags += [t for t in element.tags if t not in into.tags]
        into.meta.update(element.meta)
    if not alias:
        return
    for relation in parser.relations:
        relation.parent = alias.get(relation.parent, relation.parent)
        relation.child = alias.get(relation.child, relation.child)
    for steps in parser.pcs.values():
        for step in steps:
            step.premises = [alias.get(p, p) for p in step.premises]
            step.conclusion = alias.get(step.conclusion, step.conclusion)


def _build(parser: _Parser) -> dict[str, Any]:
    _resolve_numbered(parser)
    taken: set[str] = set()
    ids: dict[tuple[str, str], str] = {}
    pcs = parser.pcs
    for key in parser.elements:
        if key[0] == "statement" or (key[0] == "argument" and key not in pcs):
            ids[key] = safe_id(key[1], taken)
        elif key[0] == "numbered":
            ids[key] = safe_id(_numbered_title(key), taken)
    for key in pcs:
        if not key[1].startswith("\x00"):
            ids[key] = safe_id(key[1], taken)
    written = {key: extras for key, extras in _relation_arguments(parser).items() if key not in pcs}
    for key in parser.elements:
        if key[0] == "untitled":
            ids[key] = safe_id(f"s{key[1]}", taken)
    for key in pcs:
        if key[1].startswith("\x00"):
            ids[key] = safe_id(f"argument{key[1][1:]}", taken)

    lines: dict[str, int] = {}
    relations: list[dict[str, Any]] = []
    step_ids: dict[tuple[tuple[str, str], int], str] = {}
    for owner, steps in pcs.items():
        element = parser.elements[owner]
        for index, step in enumerate(steps, start=1):
            uses = (step.meta or {}).get("uses")
            if isinstance(uses, list) and uses and all(type(n) is int for n in uses):
                used = [parser.numbered.get((owner, n)) for n in uses]
                step.premises = [key for key in used if key is not None] or step.premises
            rid = ids[owner] if index == len(steps) else safe_id(f"{ids[owner]}.step{index}", taken)
            step_ids[(owner, index - 1)] = rid
            item: dict[str, Any] = {
                "id": rid,
                "type": "support",
                "from": [ids[p] for p in dict.fromkeys(step.premises)],
                "to": ids[step.conclusion],
            }
            meta = dict(step.meta or {})
            extras = meta.pop(_EXTRAS, None)
            if step.rule:
                scheme, kept = scheme_from_name(step.rule)
                if scheme is not None:
                    item["scheme"] = scheme
                if kept is not None:
                    meta["rule"] = kept
            if index == len(steps) and element.text:
                item["note"] = element.text
            if index == len(steps):
                meta.update(element.meta)
                if element.tags:
                    meta["tags"] = element.tags
            if meta:
                item["meta"] = meta
            if isinstance(extras, dict):
                _apply_extras(item, extras)
            relations.append(item)
            lines[rid] = step.line

    def node(key: tuple[str, str]) -> str:
        if key in pcs:
            return ids[pcs[key][-1].conclusion]
        return ids[key]

    def add(relation_type: str, source: str, target: str, line: int, meta: dict[str, Any] | None) -> None:
        rid = safe_id(".".join((relation_type, source, target)), taken)
        item: dict[str, Any] = {"id": rid, "type": relation_type, "from": source, "to": target}
        if meta:
            item["meta"] = meta
        relations.append(item)
        lines[rid] = line

    def target(key: tuple[str, str]) -> str:
        """What attacking ``key`` attacks: an argument's (or the marked) inference, else the statement."""
        if key[0] == "inference":
            return step_ids[parser.inferences[key]]
        return ids[key] if key in pcs or key in written else node(key)

    contradictory = {
        (node(a), node(b))
        for r in parser.relations
        if r.token == "><"
        for a, b in ((r.parent, r.child), (r.child, r.parent))
    }

    def undermines(by: tuple[str, str], of: tuple[str, str]) -> bool:
        """Whether ``by`` contradicts a premise of argument ``of`` (Argdown keeps the contradiction only)."""
        premises = {p for step in pcs.get(of, []) for p in step.premises}
        return any((node(by), node(p)) in contradictory for p in premises)

    sources: dict[tuple[str, str], list[str]] = {key: [] for key in written}
    targets: dict[tuple[str, str], tuple[str, tuple[str, str]]] = {}
    later: list[tuple[tuple[str, str], tuple[str, str], int]] = []
    for rel in parser.relations:
        parent, child, token = rel.parent, rel.child, rel.token
        if parent in written and token in ("+", "<+"):
            sources[parent].append(node(child))
            continue
        if parent in written and token in ("+>", "->", "_>") and parent not in targets:
            targets[parent] = (token, child)
            continue
        marker: dict[str, Any] | None = {"argdown": "contradictory"} if token == "><" else None
        own_conclusion = (child in pcs or parent in pcs) and node(child) == node(parent)
        if own_conclusion and token in ("+", "<+", "+>"):
            continue  # an argument supporting its own conclusion: that is its last inference
        if token in ("+", "<+"):
            add("support", node(child), node(parent), rel.line, None)
        elif token in ("-", "<-", "><") and not undermines(child, parent):
            add("attack", node(child), target(parent), rel.line, marker)
        if token in ("+>", "->", "><") and not (token == "->" and undermines(parent, child)):
            relation_type = "support" if token == "+>" else "attack"
            target_id = target(child) if relation_type == "attack" else node(child)
            add(relation_type, node(parent), target_id, rel.line, marker)
        elif token in ("_>", "<_"):
            by, of = (parent, child) if token == "_>" else (child, parent)
            if of in pcs or of in written or of[0] == "inference":
                add("attack", node(by), target(of), rel.line, None)
            else:
                later.append((by, of, rel.line))
    for by, of, line in later:
        undercut = [
            r["id"]
            for r in list(relations)
            if node(of) in (r["from"] if isinstance(r["from"], list) else [r["from"]])
        ]
        for target_id in undercut:
            add("attack", node(by), target_id, line, None)
        if not undercut:
            add("attack", node(by), node(of), line, {"argdown": "undercut"})

    for key, extras in written.items():
        element = parser.elements[key]
        if not sources[key] or key not in targets:
            raise parser.fail(
                f"argument <{key[1]}> carries argmap's relation data but no '<+' source and no '+>', '->' "
                "or '_>' target",
                element.line,
            )
        token, child = targets[key]
        item = {
            "id": ids[key],
            "type": "support" if token == "+>" else "attack",
            "from": sources[key],
            "to": node(child) if token == "+>" else target(child),
        }
        _apply_extras(item, {k: v for k, v in extras.items() if k != "type"})
        relations.append(item)
        lines[ids[key]] = element.data_line or element.line
    order = {id(item): index for index, item in enumerate(relations)}
    relations.sort(key=lambda item: (lines.get(item["id"], 0), order[id(item)]))

    statements: list[dict[str, Any]] = []
    extras_of: dict[str, dict[str, Any]] = {}
    for key, element in parser.elements.items():
        if key not in ids or key in pcs or key in written:
            continue
        meta = dict(element.meta)
        extras = meta.pop(_EXTRAS, None)
        if isinstance(extras, dict):
            extras_of[ids[key]] = extras
        elif extras is not None:
            meta[_EXTRAS] = extras
        if key[0] == "argument":
            meta["argdown"] = "argument"
        if element.alternatives:
            meta["equivalent"] = element.alternatives
        fallback = _numbered_title(key) if key[0] == "numbered" else key[1]
        item = {"id": ids[key], "kind": "claim", "text": element.text or fallback or ids[key]}
        if element.tags:
            item["tags"] = element.tags
        if element.section:
            item["section"] = element.section
        if meta:
            item["meta"] = meta
        statements.append(item)
        lines[ids[key]] = element.line
    kinds = kinds_from_structure(
        [s["id"] for s in statements],
        [(r["type"], r["from"] if isinstance(r["from"], list) else [r["from"]], r["to"]) for r in relations],
    )
    for statement in statements:
        statement["kind"] = kinds[statement["id"]]
        if statement["id"] in extras_of:
            _apply_extras(statement, extras_of[statement["id"]])
    front = dict(parser.frontmatter)
    extras = front.pop(_EXTRAS, None) if isinstance(front.get(_EXTRAS), dict) else {}
    title = front.pop("title", None)
    data: dict[str, Any] = {
        "argmap": 1,
        "title": " ".join(str(title).split()) if title is not None else "Argdown map",
        "statements": statements,
        "relations": relations,
        "_lines": lines,
    }
    if front:
        data["meta"] = front
    _apply_extras(data, extras)
    return data


def _relation_arguments(parser: _Parser) -> dict[tuple[str, str], dict[str, Any]]:
    """Arguments argmap wrote for relations: their data holds ``{argmap: {relation: {...}}}``."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for key, element in parser.elements.items():
        extras = element.meta.get(_EXTRAS)
        if key[0] == "argument" and isinstance(extras, dict) and isinstance(extras.get("relation"), dict):
            found[key] = extras["relation"]
    return found


def _apply_extras(item: dict[str, Any], extras: dict[str, Any]) -> None:
    """Put back what argmap kept under the ``argmap`` data key: a value replaces, ``None`` removes."""
    for name, value in extras.items():
        if value is None:
            item.pop(name, None)
        else:
            item[name] = value


def loads_argdown(
    text: str, name: str = "<string>", source: SourceDocument | None = None, limits: Limits | None = None
) -> ArgumentMap:
    """Read Argdown text (the subset in the module documentation) into a map.

    Parameters
    ----------
    text : str
        The Argdown document.
    name : str
        The file name, for messages; when it is a real file, ``@include`` paths are
        resolved relative to its folder.
    source : SourceDocument, optional
        Unused (Argdown carries no spans); accepted for the reader interface.
    limits : Limits, optional
        Size (with included files), relation nesting, include depth, data nesting and
        statement count allowed (default :func:`~argmap.limits.default_limits`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    ParseError
        For anything outside the subset, an ``@include`` that cannot be resolved or read,
        or input beyond a limit; with its file and line.
    MapValidationError
        If the relations make an invalid map (e.g. a statement supporting itself), with
        the file and line of each.

    Examples
    --------
    >>> loads_argdown("[A]: a\\n@include(other.argdown)\\n", name="<string>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.ParseError: <string>:2: @include needs the including file's path to resolve it: ...
    """
    parser = _Parser(text, name, limits)
    parser.parse()
    data = _build(parser)
    lines: dict[str, int] = data.pop("_lines")

    def locate(path: tuple[str | int, ...]) -> tuple[int, int] | None:
        if len(path) >= 2 and path[0] in ("statements", "relations") and isinstance(path[1], int):
            items = data[str(path[0])]
            if path[1] < len(items):
                item = items[path[1]]
                line = lines.get(item["id"])
                return (line, 1) if line is not None else None
        if path and path[0] not in ("statements", "relations"):
            return (parser.frontmatter_line, 1)  # the map's own fields come from the front matter
        return None

    try:
        check_statement_count(data, name, parser.limits, locate)
        return build_map(data, file=name, locate=locate, source=source)
    except MapError as exc:
        # Lines count the document with its includes spliced in: name each problem's own file and line.
        problems = []
        for problem in exc.problems:
            if problem.line is not None and problem.file == name:
                file, line = parser.origin(problem.line)
                problem = dataclasses.replace(problem, file=file, line=line)
            problems.append(problem)
        raise type(exc)(problems) from None


def _normal(text: str) -> str:
    return " ".join(text.split())


def _escape(text: str) -> str:
    return _WRITE_ESCAPE.sub(r"\\\1", _normal(text))


def _json(value: Any) -> str:
    """JSON with braces (Argdown ends data at the first unbalanced one), `/` and `<` escaped in strings."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_json(str(k))}: {_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_UNICODE_ESCAPE)
    return json.dumps(value)


def _data(value: dict[str, Any]) -> str:
    return _json(value)


def _tag(tag: str) -> str:
    tag = _normal(tag)
    if _PLAIN_TAG.fullmatch(tag):
        return f"#{tag}"
    return "#(" + _TAG_ESCAPE.sub(r"\\\1", tag) + ")"


def _read_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """The tags the reader finds in what :func:`_tag` writes for ``tags``."""
    return tuple(dict.fromkeys(t for t in (_normal(tag) for tag in tags) if t))


def _with_extras(meta: dict[str, Any] | None, extras: dict[str, Any]) -> dict[str, Any]:
    """An element's data block: its meta, and what Argdown cannot say under the reserved key."""
    meta = dict(meta or {})
    if _EXTRAS in meta:
        extras = {**extras, "meta": meta}
        meta = {}
    if extras:
        meta[_EXTRAS] = extras
    return meta


def _rule_for(relation: Relation) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The inference rule written for a support, its data, and the extras the reader needs besides."""
    meta = dict(relation.meta or {})
    written = meta.pop("rule", None)
    if not isinstance(written, str) or not written.strip():
        if written is not None:
            meta["rule"] = written
        written = scheme_name(relation.scheme) if relation.scheme else None
    rule = _normal(written) if written else ""
    extras: dict[str, Any] = {}
    scheme, kept = scheme_from_name(rule) if rule else (None, None)
    read_meta = dict(meta)
    if kept is not None:
        read_meta["rule"] = kept
    if scheme != relation.scheme or (read_meta or None) != relation.meta:
        extras["scheme"] = relation.scheme
        extras["meta"] = relation.meta
    if relation.weight is not None:
        extras["weight"] = relation.weight
    if relation.answers:
        extras["answers"] = [a.model_dump() for a in relation.answers]
    if relation.note is not None and _normal(relation.note) != relation.note:
        extras["note"] = relation.note
    return rule, meta, extras


def _relation_extras(relation: Relation) -> dict[str, Any]:
    """Everything of a relation written as a relation argument but its sources and target."""
    extras: dict[str, Any] = {"type": relation.type}
    for name in ("weight", "scheme", "note", "meta"):
        value = getattr(relation, name)
        if value is not None:
            extras[name] = value
    if relation.answers:
        extras["answers"] = [a.model_dump() for a in relation.answers]
    return extras


def _plain(relation: Relation, undercut: set[str], meta: dict[str, Any] | None = None) -> bool:
    """Whether a relation line says all of it: one source, the id the reader generates, no extras."""
    return (
        not relation.linked
        and relation.key == f"{relation.type}.{relation.sources[0]}.{relation.to}"
        and relation.key not in undercut
        and relation.weight is None
        and relation.scheme is None
        and relation.note is None
        and not relation.answers
        and relation.meta == meta
    )


def _relation_forms(argument_map: ArgumentMap) -> list[str]:
    """How each relation is written: ``line``, ``contradiction`` (with its ``partner``, the next
    relation), ``structure`` (an argument with a premise-conclusion structure) or ``argument``
    (an argument its sources support, relating to the target)."""
    relations = argument_map.relations
    relation_ids = {r.key for r in relations}
    undercut = {r.to for r in relations if r.to in relation_ids}
    as_argument = {s.id for s in argument_map.statements if (s.meta or {}).get("argdown") == "argument"}
    contradictory = {"argdown": "contradictory"}
    forms: list[str] = []
    while len(forms) < len(relations):
        relation = relations[len(forms)]
        partner = relations[len(forms) + 1] if len(forms) + 1 < len(relations) else None
        if (
            partner is not None
            and _plain(relation, undercut, contradictory)
            and _plain(partner, undercut, contradictory)
            and partner.sources == (relation.to,)
            and partner.to == relation.sources[0]
        ):
            forms += ["contradiction", "partner"]
        elif _plain(relation, undercut):
            forms.append("line")
        elif relation.type == "support" and not any(
            i in as_argument for i in (*relation.sources, relation.to)
        ):
            forms.append("structure")
        else:
            forms.append("argument")
    return forms


def argdown_losses(argument_map: ArgumentMap) -> tuple[str, ...]:
    """What Argdown itself does not see of ``argument_map``: kept in data blocks, or written as arguments.

    Reading argmap's Argdown back gives the map exactly; Argdown's own tools see the rest.

    Examples
    --------
    >>> from argmap.model import Relation, Span, Statement
    >>> m = ArgumentMap(title="T", main_claim="C", statements=[
    ...     Statement(id="C", kind="claim", text="c", span=Span(start=0, end=1)),
    ...     Statement(id="R", kind="rebuttal", text="r")],
    ...     relations=[Relation(id="A1", type="attack", sources="R", to="C")])
    >>> for line in argdown_losses(m):
    ...     print(line)
    argdown: main claim and 1 span kept in data blocks
    argdown: 1 attack written as an argument (its premises support it)
    """
    m = argument_map
    statements, relations = m.statements, m.relations
    items = ["main claim"] if m.main_claim is not None else []
    items += ["source"] if m.source is not None else []
    items += [counted(len(m.tests), "test")] if m.tests else []
    for name, count in (
        ("span", sum(1 for s in statements if s.span is not None)),
        ("kind", kinds_not_from_structure(m)),
        ("weight", set_on(m, "weight")),
        ("note", sum(1 for s in statements if s.note is not None)),
        ("answers mark", set_on(m, "answers")),
    ):
        items += [counted(count, name)] if count else []
    lines = list(loss_line("argdown", items, "kept in data blocks"))
    forms = _relation_forms(m)
    for relation_type in ("attack", "support"):
        count = sum(
            1
            for r, form in zip(relations, forms, strict=True)
            if form == "argument" and r.type == relation_type
        )
        if count:
            noun = (
                f"{relation_type} written as an argument"
                if count == 1
                else f"{relation_type}s written as arguments"
            )
            whose = "its premises support it" if count == 1 else "their premises support them"
            lines.append(f"argdown: {count} {noun} ({whose})")
    return tuple(lines)


def dumps_argdown(argument_map: ArgumentMap) -> str:
    """The map as Argdown that Argdown's own CLI reads as the same structure; deterministic.

    Statements are definitions ``[id]: text #tags {data}``, each its own paragraph, under
    headings for their sections (a statement read from an Argdown argument without a
    premise-conclusion structure is written as that argument, ``<id>: text``). A support
    from statements to a statement that is linked or carries a scheme, note, weight or
    meta, or is undercut, is an argument ``<id>`` with a premise-conclusion structure;
    a plain support or attack is a relation line under its target (a contradiction read
    from Argdown as ``><``); any other relation (an attack with an id of its own or
    data, a linked attack, an undercut attack) is an argument ``<id>`` its sources
    support (``<+``) that supports (``+>``), attacks (``->``) or undercuts (``_>``) its
    target. What Argdown cannot say (main claim, source, tests, spans, weights, kinds
    that differ from the structure's, notes, answers marks, relation ids and data) is
    kept under the key ``argmap`` of the element's ``{...}`` data, so reading the
    result gives the map back exactly. See ``docs/formats.md``.

    Parameters
    ----------
    argument_map : ArgumentMap
        The map to write.

    Returns
    -------
    str
        The Argdown document.

    Examples
    --------
    >>> from argmap.model import Relation, Statement
    >>> m = ArgumentMap(title="Umbrella", statements=[Statement(id="C", kind="claim", text="Take it."),
    ...     Statement(id="P", kind="premise", text="Rain #1 *now*")],
    ...     relations=[Relation(id="support.P.C", type="support", sources="P", to="C")])
    >>> print(dumps_argdown(m), end="")
    ===
    {"title": "Umbrella"}
    ===
    <BLANKLINE>
    [C]: Take it.
    <BLANKLINE>
    [P]: Rain \\#1 \\*now\\*
    <BLANKLINE>
    [C]
      + [P]
    >>> loads_argdown(dumps_argdown(m)) == m
    True
    """
    relation_ids = {r.key for r in argument_map.relations}
    as_argument = {s.id for s in argument_map.statements if (s.meta or {}).get("argdown") == "argument"}
    kinds = kinds_from_structure(
        [s.id for s in argument_map.statements],
        [(r.type, r.sources, r.to) for r in argument_map.relations],
    )

    def ref(identifier: str) -> str:
        return (
            f"<{identifier}>"
            if identifier in as_argument or identifier in relation_ids
            else f"[{identifier}]"
        )

    front: dict[str, Any] = {"title": _normal(argument_map.title)}
    extras: dict[str, Any] = {}
    if front["title"] != argument_map.title:
        extras["title"] = argument_map.title
    meta = argument_map.meta or {}
    if "title" in meta or _EXTRAS in meta:
        extras["meta"] = meta
    else:
        front.update(meta)
    if argument_map.main_claim is not None:
        extras["main_claim"] = argument_map.main_claim
    if argument_map.source is not None:
        extras["source"] = argument_map.source.model_dump(exclude_none=True)
    if argument_map.tests:
        extras["tests"] = [t.model_dump(exclude_defaults=True) for t in argument_map.tests]
    if extras:
        front[_EXTRAS] = extras
    out = ["===", _json(front), "===", ""]
    if not argument_map.statements:
        out.append(f"# {_escape(argument_map.title) or 'map'}")  # Argdown wants something after front matter

    section: str | None = None
    for statement in argument_map.statements:
        extras = {}
        if statement.section is not None and statement.section != section:
            section = statement.section
            heading = _escape(section)
            out += [f"# {heading}" if heading else "# section", ""]
        if (
            statement.section != section
            or (section is not None and _normal(section) != section)
            or (section is not None and not _escape(section))
        ):
            extras["section"] = statement.section
        text = _escape(statement.text)
        if not text or text != _escape(statement.text.strip()) or _normal(statement.text) != statement.text:
            extras["text"] = statement.text
        if not text:
            text = _escape(statement.id)
        if kinds[statement.id] != statement.kind:
            extras["kind"] = statement.kind
        if statement.span is not None:
            extras["span"] = statement.span.model_dump()
        if statement.weight is not None:
            extras["weight"] = statement.weight
        if statement.note is not None:
            extras["note"] = statement.note
        if statement.answers:
            extras["answers"] = [a.model_dump() for a in statement.answers]
        if _read_tags(statement.tags) != statement.tags:
            extras["tags"] = list(statement.tags)
        meta = dict(statement.meta or {})
        if statement.id in as_argument:
            del meta["argdown"]
        line = f"{ref(statement.id)}: {text}"
        line += "".join(f" {_tag(tag)}" for tag in statement.tags if _normal(tag))
        data = _with_extras(meta, extras)
        if data:
            line += f" {_data(data)}"
        out += [line, ""]

    for relation, form in zip(argument_map.relations, _relation_forms(argument_map), strict=True):
        if form == "partner":
            continue
        if form == "contradiction":
            out += [ref(relation.to), f"  >< {ref(relation.sources[0])}", ""]
        elif form == "line":
            token = "+" if relation.type == "support" else "<_" if relation.to in relation_ids else "-"
            out += [ref(relation.to), f"  {token} {ref(relation.sources[0])}", ""]
        elif form == "structure":
            head = f"<{relation.key}>" + (
                f": {_escape(relation.note)}" if relation.note and _escape(relation.note) else ""
            )
            out += [head, ""]
            out += [f"({i}) [{source}]" for i, source in enumerate(relation.sources, start=1)]
            rule, meta, extras = _rule_for(relation)
            if relation.note is not None and not _escape(relation.note):
                extras["note"] = relation.note
            data = _with_extras(meta, extras)
            inner = " ".join(part for part in (_escape(rule), _data(data) if data else "") if part)
            out.append(f"-- {inner} --" if inner else "----")
            out += [f"({len(relation.sources) + 1}) [{relation.to}]", ""]
        else:
            token = "+>" if relation.type == "support" else "_>" if relation.to in relation_ids else "->"
            out.append(f"<{relation.key}> {_data({_EXTRAS: {'relation': _relation_extras(relation)}})}")
            out += [f"  <+ {ref(source)}" for source in relation.sources]
            out += [f"  {token} {ref(relation.to)}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


ARGDOWN = register(
    Format(
        name="argdown",
        suffixes=(".argdown", ".ad"),
        description="Argdown, as Argdown's CLI reads it: statements, arguments, relations, undercuts, "
        "premise-conclusion structures, tags, sections, data; what it cannot say kept in data",
        reader=lambda data, name, source, limits: loads_argdown(
            decode_text(data, name), name, source, limits
        ),
        writer=lambda argument_map: dumps_argdown(argument_map).encode("utf-8"),
        losses=argdown_losses,
    )
)
