"""Segmentation: a text into sentences (pysbd), sentences into argumentative units.

A sentence is cut before a clause-opening connective that follows a comma, semicolon,
colon or dash ("..., because ...", "...; but ..."), and after a fronted subordinate
clause ("Although ..., ..."), as long as both sides keep a few words. Every unit keeps
its code-point offsets in the text, trimmed of surrounding white space, so that
``text[unit.start:unit.end] == unit.text``.

Examples
--------
>>> [u.text for u in segment("We should act now, because time is short. Some disagree.")]
['We should act now,', 'because time is short.', 'Some disagree.']
"""

from __future__ import annotations

import itertools
import re
from functools import cache

import pysbd  # type: ignore[import-untyped]
from pydantic import BaseModel, ConfigDict, Field

from argmap.extraction.lexicon import tokenize

__all__ = [
    "BARE_OPENERS",
    "CLAUSE_OPENERS",
    "FRONTED_OPENERS",
    "PHRASE_OPENERS",
    "Unit",
    "paragraphs",
    "segment",
    "sentences",
]

# Connectives that open a new argumentative unit when they follow clause punctuation.
CLAUSE_OPENERS: frozenset[str] = frozenset(
    {
        "and", "but", "as", "because", "since", "for", "so", "yet", "although", "though", "whereas",
        "while", "unless", "even", "otherwise", "however", "therefore", "thus", "hence", "not",
        "instead", "rather", "despite", "after",
    }
)  # fmt: skip
# Connectives that open a new unit even without punctuation before them ("... but ...").
BARE_OPENERS: frozenset[str] = frozenset({"but", "although", "unless", "whereas", "because"})
# Words after which an opener is no clause boundary ("for instance", "however, ...").
_NOT_AFTER_OPENER = frozenset({",", "instance", "example", "some", "others", "well", "far", "long", "soon"})
# Subordinators whose clause, when it opens a sentence, is a unit of its own up to the comma.
FRONTED_OPENERS: frozenset[str] = frozenset(
    {"although", "though", "while", "whilst", "even", "since", "because"}
)
# Two-word openers of a clause after clause punctuation ("..., which shows that ...").
PHRASE_OPENERS: frozenset[tuple[str, str]] = frozenset(
    {("which", "shows"), ("which", "means"), ("which", "proves"), ("given", "that"), ("seeing", "that")}
)
_BREAKS = frozenset({",", ";", ":", "\u2013", "\u2014"})  # and the en and em dashes
_MIN_WORDS = 3  # the fewest words either side of a cut keeps
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n")


class Unit(BaseModel):
    """One argumentative unit: its text, its offsets and the sentence it belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0, description="0-based index of the unit's sentence in the text.")
    opens_sentence: bool = Field(description="Whether the unit is the first of its sentence.")
    paragraph: int = Field(default=0, ge=0, description="0-based index of the unit's paragraph.")


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[tuple[int, int]]:
    r"""The sentences of ``text`` as ``(start, end)`` code-point offsets, trimmed of white space.

    Parameters
    ----------
    text : str
        Plain text. A sentence never spans two paragraphs: paragraphs are separated by
        blank lines when the text has any (single line breaks are then wrapping), else by
        line breaks (one paragraph a line).

    Returns
    -------
    list of (int, int)

    Examples
    --------
    >>> text = "Dr. Smith came at 5 p.m. on Monday. He left."
    >>> [text[s:e] for s, e in sentences(text)]
    ['Dr. Smith came at 5 p.m. on Monday.', 'He left.']
    >>> wrapped = "A long sentence\nwrapped here. Next one.\n\nA new paragraph"
    >>> [wrapped[s:e] for s, e in sentences(wrapped)]
    ['A long sentence\nwrapped here.', 'Next one.', 'A new paragraph']
    """
    found: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        block = text[start:end]
        for span in _segmenter().segment(block.replace("\n", " ")):
            found.extend(_trimmed(text, start + span.start, start + span.end))
    return found


def paragraphs(text: str) -> list[tuple[int, int]]:
    r"""The paragraphs of ``text`` as ``(start, end)`` offsets, trimmed, blank ones left out.

    Paragraphs are separated by blank lines when the text has any, else by line breaks.

    Examples
    --------
    >>> paragraphs("One.\nTwo.")
    [(0, 4), (5, 9)]
    >>> paragraphs("One\nstill one.\n\n  Two.")
    [(0, 14), (18, 22)]
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK
    found: list[tuple[int, int]] = []
    start = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match is not None else len(text)
        found.extend(_trimmed(text, start, end))
        start = match.end() if match is not None else len(text)
    return found


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _cuts(sentence: str) -> list[int]:
    """Offsets (in the sentence) where a new unit begins."""
    tokens = tokenize(sentence)
    words = [t for t, _, _ in tokens]
    word_positions = [i for i, w in enumerate(words) if w[0].isalnum()]
    cuts: list[int] = []
    last = 0

    def words_between(a: int, b: int) -> int:
        return sum(1 for i in word_positions if a <= i < b)

    if words and words[0] in FRONTED_OPENERS:
        for i, word in enumerate(words):
            if (
                word == ","
                and words_between(0, i) >= _MIN_WORDS
                and words_between(i, len(words)) >= _MIN_WORDS
            ):
                cuts.append(tokens[i + 1][1])
                last = i + 1
                break
    for i in range(max(1, last), len(words)):
        follower = words[i + 1] if i + 1 < len(words) else ""
        if follower in _NOT_AFTER_OPENER:
            continue
        punctuated = words[i - 1] in _BREAKS and (
            words[i] in CLAUSE_OPENERS or (words[i], follower) in PHRASE_OPENERS
        )
        bare = words[i] in BARE_OPENERS and words[i - 1][0].isalnum()
        if punctuated or bare:
            if words_between(last, i) >= _MIN_WORDS and words_between(i, len(words)) >= _MIN_WORDS:
                cuts.append(tokens[i][1])
                last = i
        elif (
            words[i] == ";"
            and i + 1 < len(words)
            and words_between(last, i) >= _MIN_WORDS
            and words_between(i, len(words)) >= _MIN_WORDS
        ):
            cuts.append(tokens[i + 1][1])
            last = i + 1
    return cuts


def segment(text: str) -> list[Unit]:
    """Split ``text`` into argumentative units, in text order.

    Parameters
    ----------
    text : str
        Plain text.

    Returns
    -------
    list of Unit
        Covering every sentence of the text; an empty list for a blank text.

    Examples
    --------
    >>> [u.text for u in segment("Although it costs money, it pays off; the town grows.")]
    ['Although it costs money,', 'it pays off;', 'the town grows.']
    >>> segment("Rain.")[0].model_dump()
    {'text': 'Rain.', 'start': 0, 'end': 5, 'sentence': 0, 'opens_sentence': True, 'paragraph': 0}
    """
    units: list[Unit] = []
    paragraph_starts = [start for start, _ in paragraphs(text)]
    paragraph = 0
    for index, (start, end) in enumerate(sentences(text)):
        while paragraph + 1 < len(paragraph_starts) and paragraph_starts[paragraph + 1] <= start:
            paragraph += 1
        bounds = [start, *(start + cut for cut in _cuts(text[start:end])), end]
        for position, (a, b) in enumerate(itertools.pairwise(bounds)):
            for s, e in _trimmed(text, a, b):
                units.append(
                    Unit(
                        text=text[s:e],
                        start=s,
                        end=e,
                        sentence=index,
                        opens_sentence=position == 0,
                        paragraph=paragraph,
                    )
                )
    return units
