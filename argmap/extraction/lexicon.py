"""The discourse-indicator lexicon: cue phrases grouped by the function they suggest.

The lexicon is data (``lexicon.yaml`` beside this module), written by the argmap team;
:func:`load_lexicon` reads and checks it once. A cue matches whole tokens,
case-insensitively; an *initial* cue only at the start of a unit (after a leading
conjunction such as "and" and any punctuation), an *anywhere* cue at any place.

Examples
--------
>>> lexicon = load_lexicon()
>>> lexicon.classes
('claim', 'modal', 'premise', 'example', 'additive', 'concession', 'counter')
>>> [(m.cue_class, m.cue, m.initial) for m in lexicon.match("But of course, it rains.")]
[('counter', 'but', True), ('concession', 'of course', True)]
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from argmap.errors import MapValidationError, Problem

__all__ = ["CUE_CLASSES", "CueClass", "CueMatch", "Lexicon", "load_lexicon", "parse_lexicon", "tokenize"]

CUE_CLASSES: tuple[str, ...] = ("claim", "modal", "premise", "example", "additive", "concession", "counter")

_TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[^\w\s]")
# Words that may stand before an initial cue without hiding it ("And yet", "But of course").
_LEADERS = frozenset({"and", "or", "but", "so", "yes", "no", "well", "now", "then"})


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Lower-case word and punctuation tokens of ``text`` with their code-point offsets.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of (str, int, int)
        ``(token, start, end)``; curly apostrophes are read as straight ones.

    Examples
    --------
    >>> tokenize("Isn\u2019t it, e.g., odd?")[:4]
    [("isn't", 0, 5), ('it', 6, 8), (',', 8, 9), ('e', 10, 11)]
    """
    return [(m.group().lower().replace("\u2019", "'"), m.start(), m.end()) for m in _TOKEN.finditer(text)]


class CueClass(BaseModel):
    """One class of cues: what it suggests, its initial and its anywhere phrases."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str = Field(min_length=1)
    initial: tuple[str, ...] = ()
    anywhere: tuple[str, ...] = ()

    @field_validator("initial", "anywhere")
    @classmethod
    def _phrases(cls, phrases: tuple[str, ...]) -> tuple[str, ...]:
        for phrase in phrases:
            if not phrase.strip() or phrase != phrase.lower() or phrase != phrase.strip():
                raise ValueError(f"cue {phrase!r} must be non-empty, lower-case and trimmed")
        twice = sorted({p for p in phrases if phrases.count(p) > 1})
        if twice:
            raise ValueError(f"cue {twice[0]!r} is listed twice in one list")
        return phrases


class CueMatch(BaseModel):
    """A cue found in a text: its class, the phrase, where, and whether it opens the text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cue_class: str
    cue: str
    start: int
    end: int
    initial: bool


class Lexicon(BaseModel):
    """The checked lexicon, with its phrases compiled into token sequences."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    entries: dict[str, CueClass]
    _by_first_word: dict[str, tuple[tuple[int, str, str, tuple[str, ...], bool], ...]] = PrivateAttr(
        default_factory=dict
    )

    @field_validator("entries")
    @classmethod
    def _known_classes(cls, entries: dict[str, CueClass]) -> dict[str, CueClass]:
        if tuple(entries) != CUE_CLASSES:
            raise ValueError(f"classes must be, in this order: {', '.join(CUE_CLASSES)}")
        return entries

    def model_post_init(self, context: Any, /) -> None:
        """Compile every phrase into a token sequence, longest first."""
        flags: dict[tuple[str, str], bool] = {}
        for cue_class, entry in self.entries.items():
            for phrase, initial_only in [(p, True) for p in entry.initial] + [
                (p, False) for p in entry.anywhere
            ]:
                flags[(cue_class, phrase)] = flags.get((cue_class, phrase), True) and initial_only
        compiled = []
        for (cue_class, phrase), only in flags.items():
            words = tuple(t for t, _, _ in tokenize(phrase))
            compiled.append((len(words), cue_class, phrase, words, only))
        compiled.sort(key=lambda item: -item[0])
        by_first: dict[str, list[tuple[int, str, str, tuple[str, ...], bool]]] = {}
        for compiled_phrase in compiled:
            by_first.setdefault(compiled_phrase[3][0], []).append(compiled_phrase)
        self._by_first_word = {word: tuple(entries) for word, entries in by_first.items()}

    @property
    def classes(self) -> tuple[str, ...]:
        """The class names, in the lexicon's order."""
        return tuple(self.entries)

    def match(self, text: str) -> list[CueMatch]:
        """Every cue of the lexicon in ``text``, longest phrase first where they overlap.

        Parameters
        ----------
        text : str
            One unit (a clause or a sentence).

        Returns
        -------
        list of CueMatch
            Sorted by position; an initial cue has ``initial=True``.

        Examples
        --------
        >>> [m.cue for m in load_lexicon().match("Admittedly, it is true that dogs bark.")]
        ['admittedly', 'it is true']
        """
        tokens = tokenize(text)
        words = [t for t, _, _ in tokens]
        opening = _opening_index(words)
        found: list[CueMatch] = []
        taken: set[int] = set()
        candidates = sorted(
            (
                (-entry[0], i, entry)
                for i, word in enumerate(words)
                for entry in self._by_first_word.get(word, ())
            ),
            key=lambda item: (item[0], item[1]),
        )
        for _, i, (length, cue_class, phrase, phrase_words, initial_only) in candidates:
            if tuple(words[i : i + length]) != phrase_words:
                continue
            at_start = i in (0, opening) or (0 < opening < i <= opening + 1 and words[i - 1] in _LEADERS)
            if initial_only and not at_start:
                continue
            span = set(range(i, i + length))
            if span & taken:
                continue
            taken |= span
            found.append(
                CueMatch(
                    cue_class=cue_class,
                    cue=phrase,
                    start=tokens[i][1],
                    end=tokens[i + length - 1][2],
                    initial=at_start,
                )
            )
        found.sort(key=lambda m: (m.start, m.cue_class))
        return found


def _opening_index(words: list[str]) -> int:
    """The index of the first word after leading punctuation and leader words."""
    i = 0
    while i < len(words) and (not words[i][0].isalnum() or words[i] in _LEADERS) and i < 3:
        i += 1
    return i if i < len(words) else 0


def parse_lexicon(data: Any, name: str = "<lexicon>") -> Lexicon:
    """Check lexicon data (as read from YAML) and build a :class:`Lexicon`.

    Parameters
    ----------
    data : Any
        A mapping with ``version`` and ``classes``.
    name : str
        A name for messages.

    Returns
    -------
    Lexicon

    Raises
    ------
    MapValidationError
        If a class is missing or unknown, a cue is not lower-case, or a key is unknown.

    Examples
    --------
    >>> parse_lexicon({"version": 1, "classes": {"claim": {"description": "c"}}}, "x.yaml")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.MapValidationError: x.yaml: classes must be, in this order: claim, modal, ...
    """
    if not isinstance(data, dict) or set(data) != {"version", "classes"}:
        raise MapValidationError([Problem("a lexicon is a mapping with keys version and classes", file=name)])
    try:
        return Lexicon(version=data["version"], entries=data["classes"])
    except ValidationError as exc:
        problems = [
            Problem(str(error["msg"]).removeprefix("Value error, "), file=name) for error in exc.errors()
        ]
        raise MapValidationError(problems) from None


@cache
def load_lexicon() -> Lexicon:
    """The lexicon shipped with argmap (``argmap/extraction/lexicon.yaml``), read once.

    Returns
    -------
    Lexicon

    Raises
    ------
    MapValidationError
        If the shipped file is broken (a packaging bug).

    Examples
    --------
    >>> "because" in load_lexicon().entries["premise"].initial
    True
    """
    text = resources.files("argmap.extraction").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text), "argmap/extraction/lexicon.yaml")
