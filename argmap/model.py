"""The argument map: statements, typed relations, and the rules a map obeys.

A map is a frozen pydantic model. Its field names and aliases *are* the file format
(``docs/format.md``): ``ArgumentMap.model_json_schema(by_alias=True)`` is the JSON Schema
of a map file.

The one place where the Python name differs from the file's key is a relation's
``from``, a Python keyword: in Python it is :attr:`Relation.sources` (always a tuple);
in files it is ``from`` (one id, or a list for a linked argument).

Examples
--------
>>> m = ArgumentMap(
...     title="Umbrella",
...     main_claim="C",
...     statements=[
...         Statement(id="C", kind="claim", text="Take an umbrella."),
...         Statement(id="P", kind="premise", text="It will rain."),
...     ],
...     relations=[Relation(type="support", sources="P", to="C")],
... )
>>> m.relations[0].id
'support.P.C'
>>> m.statement("P").text
'It will rain.'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from argmap.errors import Problem, UnknownIdError, UsageError

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FORMAT_VERSION",
    "ID_PATTERN",
    "LABELS",
    "RELATION_TYPES",
    "SCHEME_ID_PATTERN",
    "STATEMENT_KINDS",
    "Answer",
    "ArgumentMap",
    "MapTest",
    "Relation",
    "Source",
    "Span",
    "Statement",
    "assign_relation_ids",
    "check_references",
    "check_tests",
    "default_claim",
    "did_you_mean",
    "duplicate_ids",
    "json_schema",
]

FORMAT_VERSION: Literal[1] = 1
ID_PATTERN = r"^[A-Za-z0-9_.-]+$"
SCHEME_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
STATEMENT_KINDS: tuple[str, ...] = ("claim", "premise", "evidence", "rebuttal")
RELATION_TYPES: tuple[str, ...] = ("support", "attack")
LABELS: tuple[str, ...] = ("in", "out", "undec")

Identifier = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1)]
StatementKind = Literal["claim", "premise", "evidence", "rebuttal"]
RelationType = Literal["support", "attack"]
LabelName = Literal["in", "out", "undec"]
SupportModeName = Literal["none", "deductive", "necessary"]
UnitFloat = Annotated[float, Field(ge=0.0, le=1.0)]


class _Record(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
    )


class Span(_Record):
    """Where a statement is anchored in the source: Unicode code-point offsets.

    ``start`` is inclusive and ``end`` exclusive, exactly as Python string indices, so
    ``source_text[span.start:span.end]`` is the anchored passage.

    Examples
    --------
    >>> Span(start=3, end=8).length
    5
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _start_before_end(self) -> Span:
        if self.start >= self.end:
            raise ValueError(f"span start ({self.start}) must be less than end ({self.end})")
        return self

    @property
    def length(self) -> int:
        """The number of code points the span covers."""
        return self.end - self.start


class Source(_Record):
    """The document a map was drawn from."""

    title: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        default=None, description="SHA-256 of the source document's UTF-8 bytes, lower-case hex."
    )


class Answer(_Record):
    """A mark that a statement or relation takes up a critical question of a relation's scheme.

    ``relation`` names a relation whose ``scheme`` is set; ``question`` is the id of one
    of that scheme's critical questions (see :mod:`argmap.schemes`).

    Examples
    --------
    >>> Answer(relation="S3", question="expertise")
    Answer(relation='S3', question='expertise')
    """

    relation: Identifier = Field(description="The id of a relation that names a scheme.")
    question: Annotated[str, StringConstraints(pattern=SCHEME_ID_PATTERN)] = Field(
        description="The id of a critical question of that relation's scheme."
    )


_ANSWERS_DESCRIPTION = (
    "Critical questions of relations' schemes that this item takes up (answers or raises), "
    "e.g. [{relation: S3, question: expertise}]."
)


class Statement(_Record):
    """A claim, premise, piece of evidence or rebuttal: one node of the map."""

    id: Identifier
    kind: StatementKind = Field(description="The statement's role in this map.")
    text: str = Field(min_length=1, description="The statement, in the map author's words.")
    span: Span | None = None
    weight: UnitFloat | None = Field(default=None, description="Base score in [0, 1].")
    tags: tuple[str, ...] = ()
    section: str | None = None
    note: str | None = None
    answers: tuple[Answer, ...] = Field(default=(), description=_ANSWERS_DESCRIPTION)
    meta: dict[str, Any] | None = Field(
        default=None,
        description="Data argmap does not interpret, kept for round trips (e.g. from AIF or an extractor).",
    )

    @field_validator("text")
    @classmethod
    def _text_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value


class Relation(_Record):
    """A support or attack from one or more statements to a statement or relation.

    ``sources`` (``from`` in files) holds one id for a simple argument and several for
    a *linked* argument, whose premises only work jointly. ``to`` names a statement, or,
    for an attack, a relation: that attack is an *undercut*.

    Examples
    --------
    >>> r = Relation(type="support", **{"from": ["P1", "P2"]}, to="C")
    >>> r.sources, r.linked
    (('P1', 'P2'), True)
    """

    id: Identifier | None = Field(
        default=None, description="Optional in files; generated stably from the content when absent."
    )
    type: RelationType
    sources: tuple[Identifier, ...] = Field(
        alias="from",
        min_length=1,
        description="One statement id, or a list of them for a linked argument.",
    )
    to: Identifier = Field(description="A statement id, or (for an attack) a relation id.")
    weight: UnitFloat | None = None
    scheme: str | None = Field(
        default=None,
        description="The id of the argumentation scheme the inference follows, e.g. "
        "argument-from-expert-opinion (see argmap schemes).",
    )
    note: str | None = None
    answers: tuple[Answer, ...] = Field(default=(), description=_ANSWERS_DESCRIPTION)
    meta: dict[str, Any] | None = Field(
        default=None,
        description="Data argmap does not interpret, kept for round trips (e.g. from AIF or an extractor).",
    )

    @field_validator("sources", mode="before", json_schema_input_type=Identifier | list[Identifier])
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return (value,) if isinstance(value, str) else value

    @property
    def linked(self) -> bool:
        """True when several premises support or attack only jointly."""
        return len(self.sources) > 1

    @property
    def key(self) -> str:
        """The relation's id (always set once it is part of a map)."""
        if self.id is None:
            raise ValueError("relation has no id outside a map")
        return self.id


class MapTest(_Record):
    """An expectation a map states about itself: these labels under this semantics.

    A map's ``tests:`` list holds them (as Carneades' test blocks do); ``argmap check``
    and :func:`argmap.check` evaluate them. ``expect`` names statements or relations
    (both are arguments of the map's attack framework).

    Examples
    --------
    >>> t = MapTest(semantics="preferred", expect={"C": "in", "R1": "out"})
    >>> t.support, sorted(t.expect.items())
    ('none', [('C', 'in'), ('R1', 'out')])
    >>> import pydantic
    >>> try:
    ...     MapTest(semantics="groundd", expect={"C": "in"})
    ... except pydantic.ValidationError as exc:
    ...     print(exc.errors()[0]["msg"].split(";")[0])
    Value error, unknown semantics 'groundd' (did you mean 'grounded'?)
    """

    name: str | None = Field(default=None, description="A short name for the test, shown by argmap check.")
    semantics: str = Field(
        default="grounded",
        description="A Dung semantics: grounded, complete, preferred or stable. For those with several "
        "extensions the label is the skeptical one.",
    )
    support: SupportModeName = Field(
        default="none", description="Whether supports add derived attacks: none, deductive or necessary."
    )
    expect: dict[Identifier, LabelName] = Field(
        min_length=1, description="Statement or relation id to its expected label: in, out or undec."
    )
    note: str | None = None

    @field_validator("semantics")
    @classmethod
    def _known_semantics(cls, value: str) -> str:
        from argmap.semantics.solvers import semantics_names

        known = semantics_names()
        if value not in known:
            hint = did_you_mean(value, known)
            raise ValueError(f"unknown semantics {value!r}{hint}; expected one of: {', '.join(known)}")
        return value


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a map file, as ``argmap schema`` prints it.

    It describes the structure; the cross-reference rules (unique ids, references that
    resolve, ``start < end``...) are beyond JSON Schema and checked by :func:`argmap.load`.

    Examples
    --------
    >>> sorted(json_schema()["properties"])
    ['argmap', 'main_claim', 'meta', 'relations', 'source', 'statements', 'tests', 'title']
    """
    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "argmap map file, format version 1",
    }


def default_claim(argument_map: ArgumentMap) -> str:
    """The map's main claim, else its first claim, else its first statement.

    Raises
    ------
    UsageError
        If the map has no statements.

    Examples
    --------
    >>> default_claim(ArgumentMap(title="T", statements=[Statement(id="A", kind="premise", text="a"),
    ...     Statement(id="B", kind="claim", text="b")]))
    'B'
    """
    if argument_map.main_claim is not None:
        return argument_map.main_claim
    for statement in argument_map.statements:
        if statement.kind == "claim":
            return statement.id
    if argument_map.statements:
        return argument_map.statements[0].id
    raise UsageError("the map has no statements")


def generated_relation_id(relation: Relation) -> str:
    """The id given to a relation whose file does not name one: its content, spelled out.

    Examples
    --------
    >>> generated_relation_id(Relation(type="attack", sources="R1", to="C"))
    'attack.R1.C'
    """
    return ".".join((relation.type, *relation.sources, relation.to))


class ArgumentMap(_Record):
    """A whole argument map, as read from or written to a map file.

    The model checks, on construction, everything that can be checked without the
    source text: unique ids, references that resolve, no support into a relation, no
    statement supporting itself. Use :func:`argmap.load` to read a file with every
    problem reported at once, with its line.
    """

    version: Literal[1] = Field(default=FORMAT_VERSION, alias="argmap", description="File format version.")
    title: str
    main_claim: Identifier | None = None
    source: Source | None = None
    statements: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    tests: tuple[MapTest, ...] = Field(
        default=(), description="Expected acceptability labels, checked by argmap check."
    )
    meta: dict[str, Any] | None = Field(
        default=None,
        description="Data argmap does not interpret, kept for round trips (e.g. from AIF or an extractor).",
    )

    @field_validator("relations")
    @classmethod
    def _name_relations(cls, relations: tuple[Relation, ...], info: ValidationInfo) -> tuple[Relation, ...]:
        statements = info.data.get("statements", ())
        return assign_relation_ids(relations, {s.id for s in statements})

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> ArgumentMap:
        if info.context and info.context.get("partial"):
            return self
        problems = check_references(self.statements, self.relations, self.main_claim)
        problems += check_tests(self.tests, [s.id for s in self.statements] + [r.key for r in self.relations])
        if problems:
            raise ValueError("; ".join(f"{p.id}: {p.message}" if p.id else p.message for p in problems))
        return self

    # -- look-ups -----------------------------------------------------------------

    @cached_property
    def _statement_index(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}

    @cached_property
    def _relation_index(self) -> dict[str, Relation]:
        return {r.key: r for r in self.relations}

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id.

        Raises
        ------
        UnknownIdError
            If no statement has this id; the message suggests close ids.
        """
        try:
            return self._statement_index[statement_id]
        except KeyError:
            raise UnknownIdError(
                f"no statement {statement_id!r}{did_you_mean(statement_id, self._statement_index)}"
            ) from None

    def relation(self, relation_id: str) -> Relation:
        """The relation with this id.

        Raises
        ------
        UnknownIdError
            If no relation has this id.
        """
        try:
            return self._relation_index[relation_id]
        except KeyError:
            raise UnknownIdError(
                f"no relation {relation_id!r}{did_you_mean(relation_id, self._relation_index)}"
            ) from None

    def has_statement(self, statement_id: str) -> bool:
        """Whether a statement has this id."""
        return statement_id in self._statement_index

    def is_undercut(self, relation: Relation) -> bool:
        """Whether ``relation`` is an attack on another relation."""
        return relation.to in self._relation_index

    def relations_into(self, target: str) -> Iterator[Relation]:
        """The relations whose ``to`` is ``target`` (a statement or relation id)."""
        return (r for r in self.relations if r.to == target)

    # -- conversions --------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """The map as plain data in file form (keys and order of the file format).

        Empty and absent fields are left out; a relation with one source writes ``from``
        as a single id.

        Examples
        --------
        >>> m = ArgumentMap(title="T", statements=[Statement(id="A", kind="claim", text="a")])
        >>> m.to_data()
        {'argmap': 1, 'title': 'T', 'statements': [{'id': 'A', 'kind': 'claim', 'text': 'a'}]}
        """
        data: dict[str, Any] = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        for statement in data.get("statements", ()):
            if not statement.get("tags"):
                statement.pop("tags", None)
            if not statement.get("answers"):
                statement.pop("answers", None)
        for relation in data.get("relations", ()):
            if not relation.get("answers"):
                relation.pop("answers", None)
            if len(relation["from"]) == 1:
                relation["from"] = relation["from"][0]
        if not data.get("relations"):
            data.pop("relations", None)
        if not data.get("statements"):
            data.pop("statements", None)
        if not data.get("tests"):
            data.pop("tests", None)
        return data

    def to_networkx(self) -> nx.DiGraph[str]:
        """This map as a networkx graph; see :func:`argmap.graph.to_networkx`."""
        from argmap.graph import to_networkx

        return to_networkx(self)

    @classmethod
    def from_networkx(cls, graph: nx.DiGraph[str]) -> ArgumentMap:
        """The map a graph from :meth:`to_networkx` encodes; see :func:`argmap.graph.from_networkx`."""
        from argmap.graph import from_networkx

        return from_networkx(graph)

    def _repr_svg_(self) -> str:
        """The diagram, for Jupyter; see :func:`argmap.render.notebook.map_svg`."""
        from argmap.render.notebook import map_svg

        return map_svg(self)


def assign_relation_ids(relations: Sequence[Relation], taken: Iterable[str] = ()) -> tuple[Relation, ...]:
    """Give every relation without an id a stable one, derived from its content.

    Explicit ids are kept. A generated id that collides with a taken id gets a numeric
    suffix (``.2``, ``.3``...), in file order, so the same map always gets the same ids.
    """
    if all(r.id is not None for r in relations):
        return tuple(relations)
    used = set(taken) | {r.id for r in relations if r.id is not None}
    named = []
    for relation in relations:
        if relation.id is None:
            base = generated_relation_id(relation)
            candidate, n = base, 1
            while candidate in used:
                n += 1
                candidate = f"{base}.{n}"
            used.add(candidate)
            relation = relation.model_copy(update={"id": candidate})
        named.append(relation)
    return tuple(named)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A ``" (did you mean 'x'?)"`` suffix naming the closest candidate, or ``""``.

    A candidate that differs only in case comes first; then the closest spelling (case
    ignored); then, for a word of three letters or more, the candidates that contain it
    (up to three, as ``'x' or 'y'``).

    Examples
    --------
    >>> did_you_mean("P11", ["P1", "C"])
    " (did you mean 'P1'?)"
    >>> did_you_mean("c1", ["C10", "C1", "P1"])
    " (did you mean 'C1'?)"
    >>> did_you_mean("expert", ["argument-from-expert-opinion", "argument-from-sign"])
    " (did you mean 'argument-from-expert-opinion'?)"
    >>> did_you_mean("zzz", ["P1"])
    ''
    """
    names = list(dict.fromkeys(candidates))
    folded = word.casefold()
    same = [name for name in names if name.casefold() == folded]
    if same:
        return f" (did you mean {same[0]!r}?)"
    by_folded = {name.casefold(): name for name in reversed(names)}
    close = difflib.get_close_matches(folded, list(by_folded), n=1, cutoff=0.6)
    if close:
        return f" (did you mean {by_folded[close[0]]!r}?)"
    containing = [name for name in names if len(folded) >= 3 and folded in name.casefold()]
    if containing:
        return f" (did you mean {' or '.join(repr(name) for name in containing[:3])}?)"
    return ""


def duplicate_ids(entries: Iterable[tuple[str, tuple[str, int]]]) -> list[Problem]:
    """A problem for each id used again, given ``(id, (list_name, index))`` in file order.

    Examples
    --------
    >>> [p.message for p in duplicate_ids([("A", ("statements", 0)), ("A", ("relations", 2))])]
    ["duplicate id 'A' (first used by statements[0])"]
    """
    problems = []
    first_seen: dict[str, tuple[str, int]] = {}
    for identifier, where in entries:
        if identifier in first_seen:
            kind, index = first_seen[identifier]
            problems.append(
                Problem(
                    f"duplicate id {identifier!r} (first used by {kind}[{index}])",
                    id=identifier,
                    path=(*where, "id"),
                )
            )
        else:
            first_seen[identifier] = where
    return problems


def check_references(
    statements: Sequence[Statement],
    relations: Sequence[Relation],
    main_claim: str | None,
    *,
    statement_indices: Sequence[int] | None = None,
    relation_indices: Sequence[int] | None = None,
    other_ids: Iterable[str] = (),
    check_duplicates: bool = True,
) -> list[Problem]:
    """Every cross-reference problem of a map, in file order.

    Checks unique ids (statements and relations share one namespace), that
    ``main_claim`` and every ``from`` name a statement, that every ``to`` names a
    statement or relation, that no support targets a relation, that no statement
    supports itself, and that no relation targets itself or repeats a source.

    ``statement_indices``/``relation_indices`` give each item's position in its file
    list (when some items were dropped as invalid), and ``other_ids`` the ids of
    dropped items, so that references to them are not reported as dangling.

    Returns
    -------
    list of Problem
        With ``path`` and ``id`` set; ``file`` and ``line`` are left for the caller.

    Examples
    --------
    >>> s = [Statement(id="C", kind="claim", text="c")]
    >>> r = [Relation(id="R1", type="support", sources="D", to="C")]
    >>> [p.message for p in check_references(s, r, "C")]
    ["'from' names no statement: 'D'"]
    """
    s_index = list(statement_indices) if statement_indices is not None else list(range(len(statements)))
    r_index = list(relation_indices) if relation_indices is not None else list(range(len(relations)))
    problems: list[Problem] = []
    if check_duplicates:
        problems.extend(
            duplicate_ids(
                [(s.id, ("statements", i)) for s, i in zip(statements, s_index, strict=True)]
                + [
                    (r.id, ("relations", i))
                    for r, i in zip(relations, r_index, strict=True)
                    if r.id is not None
                ]
            )
        )

    statement_ids = {s.id for s in statements}
    relation_ids = {r.id for r in relations if r.id is not None}
    dropped = set(other_ids)

    def unknown(identifier: str, pool: set[str]) -> str:
        return f"{identifier!r}{did_you_mean(identifier, sorted(pool))}"

    if main_claim is not None and main_claim not in statement_ids and main_claim not in dropped:
        what = "is a relation, not a statement" if main_claim in relation_ids else "names no statement"
        problems.append(
            Problem(
                f"main_claim {what}: {unknown(main_claim, statement_ids)}",
                id=main_claim,
                path=("main_claim",),
            )
        )

    for relation, index in zip(relations, r_index, strict=True):
        where = ("relations", index)
        rid = relation.id
        seen_sources: set[str] = set()
        for position, source in enumerate(relation.sources):
            source_path = (*where, "from", position) if relation.linked else (*where, "from")
            if source in seen_sources:
                problems.append(Problem(f"'from' lists {source!r} twice", id=rid, path=source_path))
            seen_sources.add(source)
            if source in relation_ids and source not in statement_ids:
                problems.append(
                    Problem(
                        f"'from' must name statements; {source!r} is a relation", id=rid, path=source_path
                    )
                )
            elif source not in statement_ids and source not in dropped:
                problems.append(
                    Problem(
                        f"'from' names no statement: {unknown(source, statement_ids)}",
                        id=rid,
                        path=source_path,
                    )
                )
        target = relation.to
        to_path = (*where, "to")
        if target in statement_ids:
            pass
        elif target == rid:
            problems.append(Problem("a relation cannot target itself", id=rid, path=to_path))
        elif target in relation_ids:
            if relation.type == "support":
                problems.append(
                    Problem(
                        f"support into a relation ({target!r}): only an attack may target a "
                        "relation (an undercut)",
                        id=rid,
                        path=to_path,
                    )
                )
        elif target not in statement_ids and target not in dropped:
            problems.append(
                Problem(
                    f"'to' names no statement or relation: {unknown(target, statement_ids | relation_ids)}",
                    id=rid,
                    path=to_path,
                )
            )
        if relation.type == "support" and target in relation.sources:
            problems.append(Problem(f"statement {target!r} supports itself", id=rid, path=to_path))
    return problems


def check_tests(
    tests: Sequence[MapTest],
    ids: Iterable[str],
    *,
    test_indices: Sequence[int] | None = None,
    other_ids: Iterable[str] = (),
) -> list[Problem]:
    """A problem for each id in a test's ``expect`` that names no statement or relation.

    ``ids`` are the map's statement and relation ids; ``test_indices`` give each test's
    position in the file's list, and ``other_ids`` the ids of items dropped as invalid
    (not reported again).

    Returns
    -------
    list of Problem
        With ``path`` (``("tests", i, "expect", id)``) set, and ``id`` the test's name.

    Examples
    --------
    >>> [p.message for p in check_tests([MapTest(expect={"C1": "in"})], ["C", "P"])]
    ["expect names no statement or relation: 'C1' (did you mean 'C'?)"]
    """
    known = set(ids)
    dropped = set(other_ids)
    indices = list(test_indices) if test_indices is not None else list(range(len(tests)))
    problems = []
    for test, index in zip(tests, indices, strict=True):
        for identifier in test.expect:
            if identifier not in known and identifier not in dropped:
                problems.append(
                    Problem(
                        f"expect names no statement or relation: {identifier!r}"
                        f"{did_you_mean(identifier, sorted(known))}",
                        id=test.name,
                        path=("tests", index, "expect", identifier),
                    )
                )
    return problems
