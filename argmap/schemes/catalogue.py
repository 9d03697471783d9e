"""The catalogue of argumentation schemes: data in the package, validated when it is read.

A scheme (Walton, Reed and Macagno 2008) is a pattern of defeasible inference: named
premises with a template each, a conclusion, and the *critical questions* that probe
where an argument of that pattern can fail. argmap's catalogue lives in
``argmap/schemes/catalogue.yaml``; a user file in the same format adds schemes or
replaces them by id (``docs/schemes.md``). The files listed in the environment variable
``ARGMAP_SCHEMES`` (separated by ``os.pathsep``) extend the catalogue every command and
every reader uses; an explicit catalogue can be put in force for a block with
:func:`using_catalogue`.

Examples
--------
>>> catalogue = builtin_catalogue()
>>> scheme = catalogue.scheme("argument-from-expert-opinion")
>>> scheme.name, scheme.question("expertise").id
('Argument from expert opinion', 'expertise')
>>> catalogue.resolve("Argument From Expert Opinion")
'argument-from-expert-opinion'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from argmap._files import read_file
from argmap.errors import MapError, ParseError, Problem, UnknownIdError
from argmap.limits import Limits, default_limits
from argmap.model import SCHEME_ID_PATTERN, did_you_mean

_COMPOSER: type[yaml.SafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # positions only, after the limits

__all__ = [
    "SCHEMES_ENV",
    "Catalogue",
    "CatalogueError",
    "CriticalQuestion",
    "Premise",
    "Scheme",
    "active_catalogue",
    "builtin_catalogue",
    "default_catalogue",
    "load_catalogue",
    "parse_catalogue",
    "read_catalogue",
    "using_catalogue",
]

SCHEMES_ENV = "ARGMAP_SCHEMES"
"""The environment variable naming user catalogue files (``os.pathsep``-separated)."""

SchemeId = Annotated[str, StringConstraints(pattern=SCHEME_ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


class CatalogueError(MapError):
    """A catalogue file is unreadable or breaks the catalogue format (exit code 1)."""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Premise(_Record):
    """One premise of a scheme: its role (``major premise``...) and a template with ``{X}`` slots."""

    role: Text
    template: Text


class CriticalQuestion(_Record):
    """A question that probes where an argument of the scheme can fail; ``id`` is stable and short."""

    id: SchemeId
    text: Text


class Scheme(_Record):
    """An argumentation scheme: premises, conclusion and critical questions."""

    id: SchemeId = Field(description="Kebab-case id, as a relation's `scheme` names it.")
    name: Text
    aliases: tuple[Text, ...] = Field(
        default=(), description="Other names, e.g. AIFdb's, that readers of other formats map to this id."
    )
    description: Text
    premises: tuple[Premise, ...] = Field(min_length=1)
    conclusion: Text
    questions: tuple[CriticalQuestion, ...] = Field(min_length=1)
    reference: Text

    @field_validator("questions")
    @classmethod
    def _unique_questions(cls, questions: tuple[CriticalQuestion, ...]) -> tuple[CriticalQuestion, ...]:
        seen: set[str] = set()
        for question in questions:
            if question.id in seen:
                raise ValueError(f"duplicate question id {question.id!r}")
            seen.add(question.id)
        return questions

    @property
    def question_ids(self) -> tuple[str, ...]:
        """The ids of the critical questions, in catalogue order."""
        return tuple(q.id for q in self.questions)

    def question(self, question_id: str) -> CriticalQuestion:
        """The critical question with this id.

        Raises
        ------
        UnknownIdError
            If the scheme has no such question; the message suggests the closest id.

        Examples
        --------
        >>> builtin_catalogue().scheme("argument-from-sign").question("strenght")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        argmap.errors.UnknownIdError: scheme 'argument-from-sign' has no ... (did you mean 'strength'?)
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        raise UnknownIdError(
            f"scheme {self.id!r} has no critical question {question_id!r}"
            f"{did_you_mean(question_id, self.question_ids)}"
        )


def _normal(name: str) -> str:
    return " ".join(re.sub(r"[-_]", " ", name).casefold().split())


class Catalogue(_Record):
    """A set of schemes with unique ids, in order."""

    version: Literal[1] = Field(default=1, alias="catalogue")
    schemes: tuple[Scheme, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", validate_by_name=True, validate_by_alias=True)

    @field_validator("schemes")
    @classmethod
    def _unique_ids(cls, schemes: tuple[Scheme, ...]) -> tuple[Scheme, ...]:
        seen: set[str] = set()
        for scheme in schemes:
            if scheme.id in seen:
                raise ValueError(f"duplicate scheme id {scheme.id!r}")
            seen.add(scheme.id)
        return schemes

    @property
    def ids(self) -> tuple[str, ...]:
        """The scheme ids, in catalogue order."""
        return tuple(s.id for s in self.schemes)

    def __contains__(self, scheme_id: object) -> bool:
        return scheme_id in self._index

    def __len__(self) -> int:
        return len(self.schemes)

    @cached_property
    def _index(self) -> dict[str, Scheme]:
        return {s.id: s for s in self.schemes}

    def get(self, scheme_id: str) -> Scheme | None:
        """The scheme with this id (exactly), or None.

        Examples
        --------
        >>> catalogue = builtin_catalogue()
        >>> catalogue.get("practical-reasoning").name, catalogue.get("Practical reasoning")
        ('Practical reasoning', None)
        """
        return self._index.get(scheme_id)

    def scheme(self, name: str) -> Scheme:
        """The scheme with this id (or, failing that, this name or alias).

        Raises
        ------
        UnknownIdError
            If no scheme has this id or name; the message suggests the closest id.

        Examples
        --------
        >>> builtin_catalogue().scheme("from-analogie")
        Traceback (most recent call last):
        ...
        argmap.errors.UnknownIdError: no scheme 'from-analogie' (did you mean 'argument-from-analogy'?)
        """
        resolved = self.resolve(name)
        if resolved is None:
            raise UnknownIdError(f"no scheme {name!r}{self.suggest(name)}")
        return self._index[resolved]

    def suggest(self, name: str) -> str:
        """A ``" (did you mean 'x'?)"`` suffix for an unknown scheme id or name, or ``""``.

        Examples
        --------
        >>> builtin_catalogue().suggest("Argument from example")
        " (did you mean 'argument-from-example'?)"
        """
        resolved = self.resolve(name)
        if resolved is not None:
            return f" (did you mean {resolved!r}?)"
        return did_you_mean(name, self.ids)

    def resolve(self, name: str) -> str | None:
        """The id of the scheme that ``name`` designates, or None.

        ``name`` matches a scheme's id, name or one of its aliases, ignoring case, hyphens
        and underscores, with or without a leading "argument from" (AIFdb writes
        "Argument From Expert Opinion", or just "Example").

        Examples
        --------
        >>> builtin_catalogue().resolve("Example"), builtin_catalogue().resolve("Default Inference")
        ('argument-from-example', None)
        """
        return self._names.get(_normal(name))

    @cached_property
    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for scheme in self.schemes:
            for form in (scheme.id, scheme.name, *scheme.aliases):
                key = _normal(form)
                for variant in (key, key.removeprefix("argument from ")):
                    names.setdefault(variant, scheme.id)
        return names

    def extended(self, other: Catalogue) -> Catalogue:
        """This catalogue with the schemes of ``other`` added; a scheme with a known id replaces it.

        Parameters
        ----------
        other : Catalogue
            The schemes to add or to put in place of this catalogue's of the same id.

        Returns
        -------
        Catalogue
            This catalogue's schemes in their order (replaced ones in place), then the new ones.

        Examples
        --------
        >>> base = builtin_catalogue()
        >>> mine = base.scheme("argument-from-sign").model_copy(update={"name": "Sign reading"})
        >>> merged = base.extended(Catalogue(schemes=[mine]))
        >>> len(merged) == len(base), merged.scheme("argument-from-sign").name
        (True, 'Sign reading')
        """
        replaced = {s.id: s for s in other.schemes}
        kept = tuple(replaced.pop(s.id, s) for s in self.schemes)
        return Catalogue(schemes=kept + tuple(s for s in other.schemes if s.id in replaced))


def parse_catalogue(text: str, name: str = "<string>", limits: Limits | None = None) -> Catalogue:
    """Parse and validate a catalogue written in YAML (or JSON).

    Parameters
    ----------
    text : str
        The file's content: ``catalogue: 1`` and a list of ``schemes``.
    name : str
        The file name, for messages.
    limits : Limits, optional
        The reader limits (aliases, nesting), as for a map; default
        :func:`~argmap.limits.default_limits`.

    Returns
    -------
    Catalogue

    Raises
    ------
    CatalogueError
        Listing every problem, each with file, line and column, and the scheme's id; or
        the one problem of malformed YAML, or of YAML beyond a limit.

    Examples
    --------
    >>> parse_catalogue("catalogue: 1\\nschemes:\\n- id: Bad Id\\n", name="mine.yaml")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.schemes.catalogue.CatalogueError: mine.yaml:3:7: Bad Id: schemes[0].id: invalid id 'Bad Id': ...
    """
    from argmap.io.native import parse_yaml  # here: argmap.io imports the schemes to validate maps

    try:
        data = parse_yaml(text, name, limits if limits is not None else default_limits())
    except ParseError as exc:  # the limits (an alias bomb, deep nesting) are checked before any walk
        raise CatalogueError(exc.problems) from None
    positions = _positions(yaml.compose(text, Loader=_COMPOSER))
    if not isinstance(data, dict) or data.get("catalogue") != 1:
        raise CatalogueError([Problem("a catalogue file must start with 'catalogue: 1'", file=name, line=1)])
    try:
        return Catalogue.model_validate(data)
    except pydantic.ValidationError as exc:
        raise CatalogueError(_problems(exc, data, positions, name)) from None


def _positions(root: yaml.Node | None) -> dict[tuple[str | int, ...], tuple[int, int]]:
    found: dict[tuple[str | int, ...], tuple[int, int]] = {}
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        found[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            stack.extend(
                (value, (*path, key.value)) for key, value in node.value if isinstance(key, yaml.ScalarNode)
            )
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*path, index)) for index, item in enumerate(node.value))
    return found


def _problems(
    exc: pydantic.ValidationError,
    data: dict[str, Any],
    positions: dict[tuple[str | int, ...], tuple[int, int]],
    name: str,
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        path = tuple(error["loc"])
        scheme_id = None
        if len(path) >= 2 and path[0] == "schemes" and isinstance(path[1], int):
            schemes = data.get("schemes")
            item = schemes[path[1]] if isinstance(schemes, list) and path[1] < len(schemes) else None
            scheme_id = item.get("id") if isinstance(item, dict) else None
        place = next(
            (positions[path[:end]] for end in range(len(path), -1, -1) if path[:end] in positions), None
        )
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
        message = _message(error)
        problems.append(
            Problem(
                f"{where}: {message}" if where else message,
                file=name,
                line=place[0] if place else None,
                column=place[1] if place else None,
                id=str(scheme_id) if isinstance(scheme_id, str) else None,
            )
        )
    return problems


def _message(error: Any) -> str:
    key = next((part for part in reversed(error["loc"]) if isinstance(part, str)), "value")
    if error["type"] == "missing":
        return f"missing required key {key!r}"
    if error["type"] == "extra_forbidden":
        return f"unknown key {key!r}"
    if error["type"] == "too_short":
        return f"{key!r} must list at least one item"
    if error["type"] == "string_pattern_mismatch":
        return f"invalid id {error['input']!r}: use kebab-case (lower-case letters and digits, joined by '-')"
    return str(error["msg"]).removeprefix("Value error, ")


def read_catalogue(path: str | Path, limits: Limits | None = None) -> Catalogue:
    """Read one catalogue file, on its own (not merged with argmap's).

    Parameters
    ----------
    path : str or Path
        A YAML (or JSON) file in the catalogue format (``docs/schemes.md``).
    limits : Limits, optional
        The reader limits (size, aliases, nesting), as for a map; default
        :func:`~argmap.limits.default_limits`.

    Returns
    -------
    Catalogue

    Raises
    ------
    CatalogueError
        If the file cannot be read or is not a valid catalogue.

    Examples
    --------
    >>> read_catalogue("argmap/schemes/catalogue.yaml") == builtin_catalogue()
    True
    """
    limits = limits if limits is not None else default_limits()
    try:
        data = read_file(path, limits, what="cannot read the catalogue")
        text = data.decode("utf-8")
    except ParseError as exc:
        raise CatalogueError(exc.problems) from None
    except UnicodeDecodeError:
        raise CatalogueError([Problem("cannot read the catalogue: not UTF-8", file=str(path))]) from None
    return parse_catalogue(text, str(path), limits)


@cache
def builtin_catalogue() -> Catalogue:
    """argmap's own catalogue (``argmap/schemes/catalogue.yaml``).

    Examples
    --------
    >>> len(builtin_catalogue()) >= 20
    True
    """
    text = resources.files("argmap.schemes").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return parse_catalogue(text, "argmap/schemes/catalogue.yaml")


def load_catalogue(*paths: str | Path) -> Catalogue:
    """argmap's catalogue extended by the user files ``paths``, in order (later files win).

    Parameters
    ----------
    *paths : str or Path
        Catalogue files; each adds schemes or replaces schemes of the same id.

    Returns
    -------
    Catalogue

    Raises
    ------
    CatalogueError
        If a file cannot be read or is not a valid catalogue.

    Examples
    --------
    >>> load_catalogue() == builtin_catalogue()
    True
    """
    catalogue = builtin_catalogue()
    for path in paths:
        catalogue = catalogue.extended(read_catalogue(path))
    return catalogue


def default_catalogue(*paths: str | Path) -> Catalogue:
    """argmap's catalogue extended by the files ``ARGMAP_SCHEMES`` lists, then by ``paths``.

    This is the catalogue the commands use: ``--schemes FILE`` gives ``paths``.

    Parameters
    ----------
    *paths : str or Path
        Further catalogue files (later files win).

    Returns
    -------
    Catalogue

    Raises
    ------
    CatalogueError
        If a file cannot be read or is not a valid catalogue.

    Examples
    --------
    >>> "practical-reasoning" in default_catalogue()
    True
    """
    catalogue = _catalogue_for(os.environ.get(SCHEMES_ENV, ""))
    for path in paths:
        catalogue = catalogue.extended(read_catalogue(path))
    return catalogue


@cache
def _catalogue_for(setting: str) -> Catalogue:
    return load_catalogue(*(part for part in setting.split(os.pathsep) if part))


_ACTIVE: ContextVar[Catalogue | None] = ContextVar("argmap_catalogue", default=None)


def active_catalogue() -> Catalogue:
    """The catalogue in force: the one :func:`using_catalogue` set, else :func:`default_catalogue`.

    Examples
    --------
    >>> active_catalogue() == default_catalogue()
    True
    """
    return _ACTIVE.get() or default_catalogue()


@contextmanager
def using_catalogue(catalogue: Catalogue | None) -> Iterator[Catalogue]:
    """Put ``catalogue`` in force for the block (None: keep the one in force).

    Readers check scheme ids, and map other formats' scheme names, against the
    catalogue in force.

    Examples
    --------
    >>> mine = Catalogue(schemes=[builtin_catalogue().scheme("argument-from-sign")])
    >>> with using_catalogue(mine):
    ...     len(active_catalogue())
    1
    """
    if catalogue is None:
        yield active_catalogue()
        return
    token = _ACTIVE.set(catalogue)
    try:
        yield catalogue
    finally:
        _ACTIVE.reset(token)
