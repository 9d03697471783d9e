"""From plain data (a parsed map file) to a valid map, or every problem at once.

A valid file takes the fast path: one pydantic validation of the whole map. Only when
that fails is the data diagnosed item by item, so that one run reports every problem
(structure, cross-references and, given the source document, spans), each with the
path of the offending value and the id of its statement or relation. Readers attach
the file name and line.

Examples
--------
>>> data = {"argmap": 1, "title": "T", "statements": [
...     {"id": "C", "kind": "claim", "text": "c"},
...     {"id": "P", "kind": "premis", "txt": "p"}]}
>>> for p in diagnose(data):
...     print(p.path, p.message.split(";")[0])
('statements', 1, 'kind') unknown kind 'premis' (did you mean 'premise'?)
('statements', 1, 'text') missing required key 'text'
('statements', 1, 'txt') unknown key 'txt' (did you mean 'text'?)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pydantic
from pydantic import TypeAdapter

from argmap.errors import MapValidationError, Problem
from argmap.model import (
    FORMAT_VERSION,
    ArgumentMap,
    MapTest,
    Relation,
    Source,
    Statement,
    assign_relation_ids,
    check_references,
    check_tests,
    did_you_mean,
    duplicate_ids,
)
from argmap.schemes import Catalogue, scheme_problems
from argmap.semantics import semantics_names
from argmap.source import SourceDocument, check_source

__all__ = ["build_map", "diagnose", "semantics_problems"]

Locate = Callable[[tuple[str | int, ...]], tuple[int, int] | None]

_STATEMENT = TypeAdapter(Statement)
_RELATION = TypeAdapter(Relation)
_TEST = TypeAdapter(MapTest)
_LISTS = ("statements", "relations")


def build_map(
    data: Any,
    *,
    file: str | None = None,
    locate: Locate | None = None,
    source: SourceDocument | None = None,
    schemes: Catalogue | None = None,
) -> ArgumentMap:
    """Validate parsed file data into an :class:`ArgumentMap`.

    Parameters
    ----------
    data : object
        What a YAML or JSON parser gave for the file.
    file : str, optional
        The file name, for messages.
    locate : callable, optional
        Maps a data path such as ``("relations", 2, "to")`` to a 1-based
        ``(line, column)``; called only when there are problems.
    source : SourceDocument, optional
        When given, spans and ``source.sha256`` are checked against it too.
    schemes : Catalogue, optional
        The catalogue that relations' ``scheme`` ids and ``answers`` marks are checked
        against; by default the one in force (:func:`argmap.schemes.active_catalogue`).

    Returns
    -------
    ArgumentMap

    Raises
    ------
    MapValidationError
        Listing every problem, each with file, line (where ``locate`` knows it) and id.

    Examples
    --------
    >>> build_map({"argmap": 1, "title": "T"}).title
    'T'
    >>> build_map({"argmap": 2, "title": "T"}, file="m.yaml")
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: m.yaml: unknown format version 2 (this argmap reads 'argmap: 1')
    """
    problems: list[Problem] | None = None
    if isinstance(data, Mapping) and data.get("argmap") == FORMAT_VERSION:
        try:
            argument_map = ArgumentMap.model_validate(data)
        except pydantic.ValidationError:
            pass
        else:
            problems = scheme_problems(argument_map.statements, argument_map.relations, schemes)
            problems += semantics_problems(argument_map.tests)
            if source is not None:
                problems += check_source(enumerate(argument_map.statements), argument_map.source, source)
            if not problems:
                return argument_map
    problems = diagnose(data, source=source, schemes=schemes)
    placed = []
    for problem in problems:
        position = _position(problem.path, locate) if locate is not None else None
        line, column = position if position is not None else (None, None)
        placed.append(
            Problem(problem.message, file=file, line=line, column=column, id=problem.id, path=problem.path)
        )
    placed.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
    raise MapValidationError(placed)


def diagnose(
    data: Any, *, source: SourceDocument | None = None, schemes: Catalogue | None = None
) -> list[Problem]:
    """Every problem of a map's data, in file order within each kind of check.

    Returns an empty list for valid data. Problems carry ``path`` and ``id`` but no
    file or line (see :func:`build_map`).
    """
    if not isinstance(data, Mapping):
        return [Problem("a map file must hold a mapping with the keys 'argmap', 'title' and 'statements'")]
    version = data.get("argmap")
    if version is None:
        return [Problem("missing 'argmap: 1' (the format version) at the top of the file", path=())]
    if version != FORMAT_VERSION:
        return [
            Problem(
                f"unknown format version {version!r} (this argmap reads 'argmap: {FORMAT_VERSION}')",
                path=("argmap",),
            )
        ]
    problems: list[Problem] = []
    header = {key: value for key, value in data.items() if key not in (*_LISTS, "tests")}
    try:
        ArgumentMap.model_validate(header, context={"partial": True})
    except pydantic.ValidationError as exc:
        problems.extend(_translate(exc, (), data))

    statements, statement_indices, dropped = _validate_items(data, "statements", _STATEMENT, problems)
    relations, relation_indices, dropped_relations = _validate_items(data, "relations", _RELATION, problems)
    dropped |= dropped_relations
    _validate_items(data, "tests", _TEST, problems)
    problems.extend(
        duplicate_ids(
            (item["id"], (key, index))
            for key in _LISTS
            if isinstance(data.get(key), list)
            for index, item in enumerate(data[key])
            if isinstance(item, Mapping) and isinstance(item.get("id"), str)
        )
    )
    main_claim = header.get("main_claim") if isinstance(header.get("main_claim"), str) else None
    named = assign_relation_ids(relations, {s.id for s in statements} | dropped)
    problems.extend(
        check_references(
            statements,
            named,
            main_claim,
            statement_indices=statement_indices,
            relation_indices=relation_indices,
            other_ids=dropped,
            check_duplicates=False,
        )
    )
    problems.extend(
        scheme_problems(
            statements,
            named,
            schemes,
            statement_indices=statement_indices,
            relation_indices=relation_indices,
        )
    )
    ids = [s.id for s in statements] + [r.key for r in named]
    tests, test_indices = _expectations(data)
    problems.extend(check_tests(tests, ids, test_indices=test_indices, other_ids=dropped))
    problems.extend(semantics_problems(_named_semantics(data)))
    if source is not None:
        declared = header.get("source")
        try:
            declared_source = Source.model_validate(declared) if declared is not None else None
        except pydantic.ValidationError:
            declared_source = None
        anchored = zip(statement_indices, statements, strict=True)
        problems.extend(check_source(anchored, declared_source, source))
    return problems


def semantics_problems(tests: Iterable[MapTest | tuple[int, str | None, str]]) -> list[Problem]:
    """A problem for each test whose semantics no solver has (:func:`argmap.semantics.semantics_names`).

    Parameters
    ----------
    tests : iterable
        A map's tests, or ``(index, name, semantics)`` triples read from a file's data.

    Returns
    -------
    list of Problem
        With ``path`` (``("tests", i, "semantics")``) set, and ``id`` the test's name.

    Examples
    --------
    >>> [p.message for p in semantics_problems([MapTest(semantics="groundd", expect={"C": "in"})])]
    ["unknown semantics 'groundd' (did you mean 'grounded'?); expected one of: grounded, complete, ..."]
    """
    known = semantics_names()
    problems = []
    for index, test in enumerate(tests):
        position, name, semantics = (index, test.name, test.semantics) if isinstance(test, MapTest) else test
        if semantics not in known:
            problems.append(
                Problem(
                    f"unknown semantics {semantics!r}{did_you_mean(semantics, known)}; "
                    f"expected one of: {', '.join(known)}",
                    id=name,
                    path=("tests", position, "semantics"),
                )
            )
    return problems


def _named_semantics(data: Mapping[str, Any]) -> list[tuple[int, str | None, str]]:
    """``(index, name, semantics)`` of each test in the data that names its semantics by a string."""
    tests = data.get("tests")
    named = []
    for index, item in enumerate(tests if isinstance(tests, list) else ()):
        if isinstance(item, Mapping) and isinstance(item.get("semantics"), str):
            name = item.get("name")
            named.append((index, name if isinstance(name, str) else None, item["semantics"]))
    return named


def _expectations(data: Mapping[str, Any]) -> tuple[list[MapTest], list[int]]:
    """The ids each test expects labels for, even of a test that is otherwise invalid."""
    tests = data.get("tests")
    found: list[MapTest] = []
    indices: list[int] = []
    for index, item in enumerate(tests if isinstance(tests, list) else ()):
        expect = item.get("expect") if isinstance(item, Mapping) else None
        if isinstance(expect, Mapping):
            name = item.get("name")
            keys: dict[str, Any] = {key: "in" for key in expect if isinstance(key, str)}
            found.append(MapTest.model_construct(name=name if isinstance(name, str) else None, expect=keys))
            indices.append(index)
    return found, indices


def _validate_items(
    data: Mapping[str, Any],
    key: str,
    adapter: TypeAdapter[Any],
    problems: list[Problem],
) -> tuple[list[Any], list[int], set[str]]:
    items = data.get(key, [])
    if items is None:
        items = []
    if not isinstance(items, list):
        problems.append(Problem(f"'{key}' must be a list", path=(key,)))
        return [], [], set()
    valid: list[Any] = []
    indices: list[int] = []
    dropped: set[str] = set()
    for index, item in enumerate(items):
        try:
            valid.append(adapter.validate_python(item))
        except pydantic.ValidationError as exc:
            problems.extend(_translate(exc, (key, index), item))
            raw_id = item.get("id") if isinstance(item, Mapping) else None
            if isinstance(raw_id, str):
                dropped.add(raw_id)
        else:
            indices.append(index)
    return valid, indices, dropped


def _translate(exc: pydantic.ValidationError, prefix: tuple[str | int, ...], item: Any) -> list[Problem]:
    """Pydantic's errors as Problems with readable messages."""
    item_id = item.get("id") if isinstance(item, Mapping) and prefix else None
    problems = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        path = prefix + loc
        problems.append(
            Problem(
                _message(error, path),
                id=item_id if isinstance(item_id, str) else None,
                path=path,
            )
        )
    return problems


def _message(error: Any, path: tuple[str | int, ...]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    field = str(next((part for part in reversed(path) if isinstance(part, str)), "value"))
    value = error.get("input")
    if kind == "extra_forbidden":
        return f"unknown key {field!r}{did_you_mean(field, _known_keys(path[:-1]))}"
    if kind == "missing":
        return f"missing required key {field!r}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = [part.strip(" '") for part in expected.replace(" or ", ",").split(",") if part.strip()]
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        if len(path) >= 2 and path[-2] == "expect":
            return f"unknown label {value!r} for {field!r}{hint}; expected one of: in, out, undec"
        label = {"type": "relation type"}.get(field, field)
        return f"unknown {label} {value!r}{hint}; expected one of: {expected.replace(' or ', ', ')}"
    if kind == "string_pattern_mismatch" and field in ("id", "main_claim", "to", "from"):
        return f"invalid id {value!r}: use letters, digits, '_', '.' and '-' only"
    if kind == "string_pattern_mismatch" and field == "text":
        return "text is empty"
    if kind == "string_pattern_mismatch" and field == "question":
        return f"invalid question id {value!r}: critical question ids are kebab-case (see argmap schemes)"
    if kind == "string_pattern_mismatch" and field == "sha256":
        return f"sha256 must be 64 lower-case hex digits, got {value!r}"
    if (kind == "string_too_short" and field == "text") or (kind == "value_error" and field == "text"):
        return "text is empty"
    if kind in ("greater_than_equal", "less_than_equal") and field == "weight":
        return f"weight {value!r} is out of range [0, 1]"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind == "too_short" and field == "from":
        return "'from' names no statement (empty list)"
    shown = "" if isinstance(value, Mapping | list) else f" (got {value!r})"
    del loc
    return f"{field}: {error['msg']}{shown}"


def _known_keys(path: tuple[str | int, ...]) -> list[str]:
    """The keys the format allows at a path, for "did you mean" hints."""
    model: type[pydantic.BaseModel] | None = ArgumentMap
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = next(
            (f for name, f in model.model_fields.items() if part in (name, f.alias)),
            None,
        )
        model = _model_of(field.annotation) if field is not None else None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_of(annotation: Any) -> type[pydantic.BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_of(argument)
        if found is not None:
            return found
    return None


def _position(path: tuple[str | int, ...], locate: Locate) -> tuple[int, int] | None:
    """The position of the deepest part of ``path`` the file has (a missing key: its parent)."""
    for end in range(len(path), -1, -1):
        position = locate(path[:end])
        if position is not None:
            return position
    return None
