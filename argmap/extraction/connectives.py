"""Links that a text's own connectives decide: which unit supports or attacks which.

Some connectives fix the direction and the function of a link between neighbouring units
whatever the models would say, and the decoder keeps these links (docs/extraction.md):

- a **conclusion marker** opening a unit ("so", "therefore", "thus", "hence",
  "consequently", "which shows"...) makes the unit before it *support* it;
- a **premise marker** opening a unit ("because", "since", "as", "given that"...) makes
  it *support* the unit before it in its sentence ("X, since Y"), or, when it opens a
  sentence that goes on ("Because Y, X"), the unit after it; a sentence of its own
  ("Because Y.") supports the unit before it;
- a **concession** ("although", "admittedly", "of course"...) and the **reply** to it
  attack each other: the reply attacks the conceded unit, as the microtexts draw it
  (the proponent's answer to an objection). The reply is the main clause of a sentence
  with a concessive clause ("Although Y, X" and "X, although Y": X attacks Y), or a unit
  opening with a **contrast marker** ("but", "however", "yet"...) after a concession;
  when the reply is the central claim, the concession attacks it instead.

Every unit has at most one such link, from the first marker it opens with; a link that
would close a cycle with another is dropped. The source of a link is not the central
claim, except a reply's (the decoder then reverses it), and neither is a conceded unit
(:func:`not_central`).

Examples
--------
>>> from argmap.extraction.segmentation import segment
>>> units = segment("We should leave now, so we will catch the train.")
>>> explicit_links(units)
{0: Link(source=0, target=1, function='support', cue='so', marker='conclusion')}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from argmap.extraction.lexicon import CueMatch, load_lexicon
from argmap.extraction.segmentation import Unit

__all__ = [
    "CONCESSION_MARKERS",
    "CONCLUSION_MARKERS",
    "CONTRAST_MARKERS",
    "PREMISE_MARKERS",
    "Link",
    "explicit_links",
    "not_central",
]

CONCLUSION_MARKERS: frozenset[str] = frozenset(
    {
        "so", "therefore", "thus", "hence", "consequently", "accordingly", "as a result",
        "for this reason", "for these reasons", "that is why", "this is why", "which is why",
        "that's why", "it follows that", "which shows", "this shows", "which means", "which proves",
        "in conclusion", "to conclude",
    }
)  # fmt: skip
PREMISE_MARKERS: frozenset[str] = frozenset(
    {
        "because", "since", "as", "for", "given that", "seeing that", "considering that",
        "this is because", "that is because", "not least because", "especially as",
        "particularly as", "especially since", "if only because",
    }
)  # fmt: skip
CONCESSION_MARKERS: frozenset[str] = frozenset(
    {
        "although", "though", "even though", "even if", "while", "whilst", "admittedly", "granted",
        "of course", "it is true that", "it's true that", "true,", "sure,", "no doubt",
        "undoubtedly", "it may be that", "it might be that", "it may well be",
    }
)  # fmt: skip
CONTRAST_MARKERS: frozenset[str] = frozenset(
    {
        "but", "however", "yet", "nevertheless", "nonetheless", "still", "but still", "even so",
        "that said", "having said that", "all the same", "on the other hand",
    }
)  # fmt: skip
# "as" opens no reason in "as well", "as such", "as opposed to", "as if"...
_NOT_AFTER_AS = frozenset({"well", "such", "opposed", "regards", "usual", "if", "though"})
_SUBORDINATE_CONCESSIONS = frozenset({"although", "though", "even though", "even if", "while", "whilst"})


Marker = Literal["conclusion", "premise", "concession", "reply"]


class Link(NamedTuple):
    """A link decided by a connective: ``source`` supports or attacks ``target``."""

    source: int
    target: int
    function: Literal["support", "attack"]
    cue: str
    marker: Marker


def _opening(unit: Unit, matches: Sequence[CueMatch], markers: frozenset[str]) -> str | None:
    for match in matches:
        if match.initial and match.cue in markers:
            if match.cue == "as" and unit.text[match.end :].split()[:1] in ([w] for w in _NOT_AFTER_AS):
                return None
            return match.cue
    return None


def _joined(unit: Unit) -> bool:
    return unit.text.lower().startswith(("and ", "or "))


def _concedes(matches: Sequence[CueMatch]) -> bool:
    return any(m.cue_class == "concession" for m in matches)


def explicit_links(
    units: Sequence[Unit], cues: Sequence[Sequence[CueMatch]] | None = None
) -> dict[int, Link]:
    """The links the connectives of a text decide, keyed by their source unit.

    Parameters
    ----------
    units : sequence of Unit
        The text's units, in order.
    cues : sequence of sequence of CueMatch, optional
        Each unit's lexicon cues (matched when not given).

    Returns
    -------
    dict of int to Link
        At most one link per source unit, between neighbouring units, without cycles.

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> explicit_links(segment("Critics say trains are late, since the line is old."))
    {1: Link(source=1, target=0, function='support', cue='since', marker='premise')}
    >>> explicit_links(segment("Although it is expensive, the plan is sound."))
    {1: Link(source=1, target=0, function='attack', cue='although', marker='reply')}
    """
    lexicon = load_lexicon()
    matches = [lexicon.match(u.text) for u in units] if cues is None else cues
    n = len(units)
    links: dict[int, Link] = {}

    def add(
        source: int, target: int, function: Literal["support", "attack"], cue: str, marker: Marker
    ) -> None:
        if source in links or not 0 <= target < n or source == target:
            return
        if target in links and links[target].target == source:
            return  # the reverse link is already there: no cycle
        links[source] = Link(source, target, function, cue, marker)

    for i, unit in enumerate(units):
        same_sentence_before = i > 0 and units[i - 1].sentence == unit.sentence
        same_sentence_after = i + 1 < n and units[i + 1].sentence == unit.sentence
        conclusion = _opening(unit, matches[i], CONCLUSION_MARKERS)
        premise = _opening(unit, matches[i], PREMISE_MARKERS)
        concession = _opening(unit, matches[i], CONCESSION_MARKERS)
        contrast = _opening(unit, matches[i], CONTRAST_MARKERS)
        if conclusion is not None and i > 0:
            add(i - 1, i, "support", conclusion, "conclusion")
        elif premise is not None:
            if unit.opens_sentence and same_sentence_after and not _joined(units[i + 1]):
                add(i, i + 1, "support", premise, "premise")
            elif i > 0:
                add(i, i - 1, "support", premise, "premise")
        elif concession is not None:
            if unit.opens_sentence and same_sentence_after and not _joined(units[i + 1]):
                add(i + 1, i, "attack", concession, "reply")
            elif same_sentence_before and concession in _SUBORDINATE_CONCESSIONS:
                add(i, i - 1, "attack", concession, "concession")
        elif contrast is not None and i > 0 and _concedes(matches[i - 1]):
            add(i, i - 1, "attack", contrast, "reply")
    return links


def not_central(links: dict[int, Link]) -> list[int]:
    """The units the links rule out as the central claim: those a link attaches to another
    (but a reply, which may be the thesis), and the conceded units.

    Examples
    --------
    >>> from argmap.extraction.segmentation import segment
    >>> units = segment("The sky is grey, so we stay inside. Although it is late, we talk on.")
    >>> not_central(explicit_links(units))
    [0, 2]
    """
    bound = [source for source, link in links.items() if link.marker != "reply"]
    return bound + [
        link.target for link in links.values() if link.marker == "reply" and link.target not in bound
    ]
