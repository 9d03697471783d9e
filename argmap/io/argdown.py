"""Argdown: read a documented subset, and write maps in it.

The subset (``docs/formats.md`` has the full table):

* YAML front matter between ``===`` lines: ``title`` is the map's title, every other key
  goes to the map's ``meta``;
* headings ``# ...`` (any level): the section of the statements defined below them;
* statements ``[Title]: text`` (a definition), ``[Title]`` (a reference) and untitled
  paragraphs; arguments ``<Title>: description`` and ``<Title>``; list items ``* ...``
  and ``1. ...`` are statements too;
* relations at any nesting, by indentation: ``+``/``<+`` (the child supports its parent),
  ``-``/``<-`` (attacks), ``+>``/``->`` (the parent supports/attacks the child), ``><``
  (contradiction: an attack each way), ``_>``/``<_`` (undercut: the parent/child attacks
  the other's inference);
* premise-conclusion structures: numbered lines ``(1) ...`` with inference lines ``----``
  or ``-- rule --`` (or an inference block between two ``--`` lines); each inference is a
  ``support`` from the statements since the previous one (and its conclusion) to the
  next; a rule the scheme catalogue knows ("Argument from expert opinion") is the relation's
  ``scheme`` (its id), any other rule ("Modus ponens") is kept as ``meta["rule"]`` (as is a
  known rule worded otherwise than the catalogue), its ``{...}`` data the relation's ``meta``;
* ``#tag`` and ``#(tag with spaces)``; trailing ``{...}`` YAML data (the element's ``meta``);
  comments ``<!-- -->``, ``/* */`` and ``//``; backslash escapes.

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
relative to the including file; each file once, so includes that form a cycle end); a
problem in an included file names that file and its line. Statements by number:
``<A>(n): text`` defines, and ``<A>(n)`` refers to, the statement ``(n)`` of argument A's
premise-conclusion structure; where A has no such statement it is a statement of its own
(id ``A-n``). Anything else (a relation without a parent or an element, an unclosed
comment...) is a :class:`~argmap.errors.ParseError` naming the file and line.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from argmap._files import include_file
from argmap.errors import MapError, ParseError, Problem, UsageError
from argmap.io._checks import check_statement_count, check_value_depth
from argmap.io._jsonutil import decode_text
from argmap.io._structure import kinds_from_structure, safe_id, scheme_from_name, scheme_name
from argmap.io.registry import Format, register
from argmap.limits import Limits, default_limits
from argmap.model import ArgumentMap
from argmap.source import SourceDocument
from argmap.validation import build_map

__all__ = ["ARGDOWN", "RELATION_TOKENS", "dumps_argdown", "loads_argdown"]

RELATION_TOKENS = ("<+", "<-", "+>", "->", "><", "_>", "<_", "+", "-")
_RELATION = re.compile(r"(<\+|<-|\+>|->|><|_>|<_|\+|-)(?:\s+|$)(.*)$")
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
_WRITE_ESCAPE = re.compile(r"([\\\[\]<>#{}/])")
_TAG_ESCAPE = re.compile(r"([\\\[\]<>#{}/()])")


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


def _fail_at(message: str, file: str, line: int) -> ParseError:
    return ParseError([Problem(message, file=file, line=line)])


def _expand_includes(text: str, name: str, limits: Limits) -> tuple[list[str], list[tuple[str, int]]]:
    """The document's lines with every ``@include(...)`` replaced by the included files' lines.

    Paths are relative to the including file; each file is included once (the document
    itself counts as included), so includes that form a cycle end. Returns the lines
    and, for each, the file and line it comes from.
    """
    root = Path(name)
    real = not name.startswith("<") and root.is_file()
    seen = {root.resolve()} if real else set()
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

    def origin(self, line: int) -> tuple[str, int]:
        """The file and line an expanded line comes from (``@include`` splices files together)."""
        return self.origins[line - 1] if 1 <= line <= len(self.origins) else (self.name, line)

    def fail(self, message: str, line: int) -> ParseError:
        return _fail_at(message, *self.origin(line))

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

    def rule_and_data(self, text: str, line: int) -> tuple[str | None, dict[str, Any] | None]:
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
            )
        self.lines = text.split("\n")

    # -- elements ---------------------------------------------------------------------

    def element(self, content: str, line: int, pcs_owner: tuple[str, str] | None = None) -> _Element:
        numbered = _NUMBERED_HEAD.match(content)
        if numbered is not None:
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
        data_at = _find_data(marked)
        if data_at is not None:
            data = self.data(marked[data_at:].replace(_MARK, "\\"), line)
            assert data is not None
            element.meta.update(data)
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
        stack: list[tuple[int, tuple[str, str]]] = []
        current: _Element | None = None
        pcs_owner: tuple[str, str] | None = None
        pcs_open: list[tuple[str, str]] = []
        pcs_steps: list[_Inference] = []
        expect_conclusion: tuple[str | None, dict[str, Any] | None, int] | None = None
        inference_block: list[str] | None = None
        inference_line = 0
        blank_before = True

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
                else:
                    inference_block.append(raw.strip())
                continue
            stripped = raw.strip()
            if not stripped:
                blank_before = True
                continue
            indent = (
                len(raw) - len(raw.lstrip(" \t")) + raw[: len(raw) - len(raw.lstrip(" \t"))].count("\t") * 3
            )
            relation = _RELATION.match(stripped)
            pcs_item = _PCS_ITEM.match(stripped)
            if indent == 0 and not pcs_item and (heading := _HEADING.match(stripped)) is not None:
                close_pcs()
                title, _ = _rule_and_data(heading.group(2))
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
                    inference_block, inference_line = [], number
                    continue
                full = _INFERENCE.fullmatch(stripped)
                rule, data = self.rule_and_data(full.group(2).strip() if full else "", number)
                expect_conclusion = (rule, data, number)
                stack, current = [], None
                continue
            if pcs_item is not None:
                if pcs_owner is None:
                    pcs_start = number
                    if current is not None and current.key[0] == "argument" and current.key not in self.pcs:
                        pcs_owner = current.key
                    else:
                        self.untitled += 1
                        pcs_owner = ("argument", f"\x00{self.untitled}")
                        self.elements[pcs_owner] = _Element(pcs_owner, number, section=self.section)
                item = self.element(pcs_item.group(2), number)
                self.numbered.setdefault((pcs_owner, int(pcs_item.group(1))), item.key)
                if expect_conclusion is not None:
                    rule, data, where = expect_conclusion
                    pcs_steps.append(_Inference(list(pcs_open), item.key, rule, data, where))
                    pcs_open, expect_conclusion = [item.key], None
                else:
                    pcs_open.append(item.key)
                stack, current, blank_before = [(indent, item.key)], item, False
                continue
            if relation is not None and (indent > 0 or stack) and not (blank_before and indent == 0):
                token, content = relation.group(1), relation.group(2).strip()
                while stack and stack[-1][0] >= indent:
                    stack.pop()
                if not stack:
                    raise self.fail(
                        f"relation {token!r} has no statement or argument above it to attach to", number
                    )
                if not content:
                    raise self.fail(f"relation {token!r} names no statement or argument", number)
                child = self.element(content, number)
                self.relations.append(_RelationLine(token, stack[-1][1], child.key, number))
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
            if pcs_owner is not None and not (blank_before and indent > 0):
                close_pcs()
            element = self.element(listed.group(1) if listed else stripped, number)
            stack, current, blank_before = [(indent, element.key)], element, False
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
    for key in parser.elements:
        if key[0] == "untitled":
            ids[key] = safe_id(f"s{key[1]}", taken)
    for key in pcs:
        if key[1].startswith("\x00"):
            ids[key] = safe_id(f"argument{key[1][1:]}", taken)

    lines: dict[str, int] = {}
    relations: list[dict[str, Any]] = []
    for owner, steps in pcs.items():
        element = parser.elements[owner]
        for index, step in enumerate(steps, start=1):
            rid = ids[owner] if index == len(steps) else safe_id(f"{ids[owner]}.step{index}", taken)
            item: dict[str, Any] = {
                "id": rid,
                "type": "support",
                "from": [ids[p] for p in dict.fromkeys(step.premises)],
                "to": ids[step.conclusion],
            }
            meta = dict(step.meta or {})
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

    later: list[tuple[tuple[str, str], tuple[str, str], int]] = []
    for rel in parser.relations:
        parent, child, token = rel.parent, rel.child, rel.token
        marker: dict[str, Any] | None = {"argdown": "contradictory"} if token == "><" else None
        own_conclusion = (child in pcs or parent in pcs) and node(child) == node(parent)
        if own_conclusion and token in ("+", "<+", "+>"):
            continue  # an argument supporting its own conclusion: that is its last inference
        if token in ("+", "<+"):
            add("support", node(child), node(parent), rel.line, None)
        elif token in ("-", "<-", "><"):
            add("attack", node(child), ids[parent] if parent in pcs else node(parent), rel.line, marker)
        if token in ("+>", "->", "><"):
            relation_type = "support" if token == "+>" else "attack"
            target_id = ids[child] if child in pcs and relation_type == "attack" else node(child)
            add(relation_type, node(parent), target_id, rel.line, marker)
        elif token in ("_>", "<_"):
            by, of = (parent, child) if token == "_>" else (child, parent)
            if of in pcs:
                add("attack", node(by), ids[of], rel.line, None)
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

    statements: list[dict[str, Any]] = []
    for key, element in parser.elements.items():
        if key not in ids or key in pcs:
            continue
        meta = dict(element.meta)
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
    front = dict(parser.frontmatter)
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
    return data


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


def _escape(text: str) -> str:
    return _WRITE_ESCAPE.sub(r"\\\1", " ".join(text.split()))


def _data(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False).replace("/", "\\/").replace("<", "\\u003c")


def _tag(tag: str) -> str:
    tag = " ".join(tag.split())
    if _PLAIN_TAG.fullmatch(tag):
        return f"#{tag}"
    return "#(" + _TAG_ESCAPE.sub(r"\\\1", tag) + ")"


def dumps_argdown(argument_map: ArgumentMap) -> str:
    """The map as Argdown, deterministic.

    Statements are written as ``[id]: text #tags {meta}`` under headings for their
    sections; a support that is linked, has a scheme, note or meta, or is undercut, as an
    argument ``<id>`` with a premise-conclusion structure; any other relation as a
    relation line under its target. A linked attack is written as one attack per
    premise; the undercut of an attack as ``<_`` under the attack's premise (which
    must attack nothing else). See ``docs/formats.md`` for what is lost.

    Raises
    ------
    UsageError
        If an attack is undercut and is linked, or its premise is the source of other
        relations too: Argdown cannot say which inference is undercut.

    Examples
    --------
    >>> from argmap.model import Relation, Statement
    >>> m = ArgumentMap(title="Umbrella", statements=[Statement(id="C", kind="claim", text="Take it."),
    ...     Statement(id="P", kind="premise", text="Rain #1")],
    ...     relations=[Relation(type="support", sources="P", to="C")])
    >>> print(dumps_argdown(m), end="")
    ===
    {
      "title": "Umbrella"
    }
    ===
    <BLANKLINE>
    [C]: Take it.
    [P]: Rain \\#1
    <BLANKLINE>
    [C]
      + [P]
    """
    relation_types = {r.key: r.type for r in argument_map.relations}
    undercut = {r.to for r in argument_map.relations if r.to in relation_types}
    outgoing: dict[str, int] = {}
    for relation in argument_map.relations:
        for source in relation.sources:
            outgoing[source] = outgoing.get(source, 0) + 1
    for target in sorted(undercut):
        attacked = argument_map.relation(target)
        if attacked.type == "attack" and (attacked.linked or outgoing[attacked.sources[0]] != 1):
            raise UsageError(
                f"Argdown cannot express the undercut of the attack {target!r}: it can undercut an argument, "
                "or an attack whose single premise attacks nothing else"
            )
    front = {"title": argument_map.title, **(argument_map.meta or {})}
    out = ["===", json.dumps(front, ensure_ascii=False, indent=2), "===", ""]
    sections: dict[str | None, list[str]] = {}
    for statement in argument_map.statements:
        line = f"[{statement.id}]: {_escape(statement.text)}"
        line += "".join(f" {_tag(tag)}" for tag in statement.tags if tag.split())
        if statement.meta:
            line += f" {_data(statement.meta)}"
        sections.setdefault(statement.section, []).append(line)
    for section, lines in sorted(sections.items(), key=lambda item: item[0] is not None):
        if section is not None:
            out += [f"# {_escape(section)}", ""]
        out += [*lines, ""]
    for relation in argument_map.relations:
        as_argument = relation.type == "support" and (
            relation.linked or relation.scheme or relation.note or relation.meta or relation.key in undercut
        )
        if as_argument:
            head = f"<{relation.key}>" + (f": {_escape(relation.note)}" if relation.note else "")
            out += [head, ""]
            out += [f"({i}) [{source}]" for i, source in enumerate(relation.sources, start=1)]
            meta = dict(relation.meta or {})
            written = meta.pop("rule", None)
            if not isinstance(written, str) or not written.strip():
                if written is not None:
                    meta["rule"] = written
                written = scheme_name(relation.scheme) if relation.scheme else None
            rule = _escape(written) if written else ""
            data = _data(meta) if meta else ""
            inner = " ".join(part for part in (rule, data) if part)
            out.append(f"-- {inner} --" if inner else "----")
            out += [f"({len(relation.sources) + 1}) [{relation.to}]", ""]
        elif relation.to in relation_types:
            attacked = argument_map.relation(relation.to)
            out.append(f"<{relation.to}>" if attacked.type == "support" else f"[{attacked.sources[0]}]")
            out += [f"  <_ [{source}]" for source in relation.sources]
            out.append("")
        else:
            token = "+" if relation.type == "support" else "-"
            out.append(f"[{relation.to}]")
            out += [f"  {token} [{source}]" for source in relation.sources]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


ARGDOWN = register(
    Format(
        name="argdown",
        suffixes=(".argdown", ".ad"),
        description="Argdown (a documented subset): statements, arguments, relations, premise-conclusion "
        "structures, tags, sections, YAML data",
        reader=lambda data, name, source, limits: loads_argdown(
            decode_text(data, name), name, source, limits
        ),
        writer=lambda argument_map: dumps_argdown(argument_map).encode("utf-8"),
    )
)
