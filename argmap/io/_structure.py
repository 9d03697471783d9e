"""Helpers the interchange readers share: ids that fit argmap's pattern, and kinds from structure.

Formats such as AIF, Argdown and abstract frameworks do not say whether a statement is a
claim, a premise, evidence or a rebuttal; :func:`kinds_from_structure` decides it from the
relations, by one documented rule (``docs/formats.md``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from argmap.schemes import active_catalogue

__all__ = ["kinds_from_structure", "safe_id", "scheme_from_name", "scheme_name"]

_ID = re.compile(r"[A-Za-z0-9_.-]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def safe_id(name: str, taken: set[str], fallback: str = "x") -> str:
    """An id matching argmap's pattern, close to ``name`` and not in ``taken`` (which it joins).

    Examples
    --------
    >>> taken = {"A"}
    >>> safe_id("Über uns", taken), safe_id("A", taken), safe_id("", taken)
    ('Uber-uns', 'A.2', 'x')
    """
    if _ID.fullmatch(name):
        base = name
    else:
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        base = _UNSAFE.sub("-", ascii_name).strip("-") or fallback
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}.{n}"
    taken.add(candidate)
    return candidate


def kinds_from_structure(
    statement_ids: Iterable[str], relations: Sequence[tuple[str, Sequence[str], str]]
) -> dict[str, str]:
    """The kind of each statement, from the relations ``(type, sources, target)`` alone.

    In order, the first rule that applies:

    1. a source of an attack that is a premise of no support: ``rebuttal``;
    2. the target of a support (a conclusion, main or intermediate): ``claim``;
    3. a premise of a support: ``premise``;
    4. anything else (isolated, or only attacked): ``claim``.

    Evidence is never inferred: no structure tells facts from reasons.

    Examples
    --------
    >>> kinds_from_structure("CPR", [("support", ["P"], "C"), ("attack", ["R"], "P")])
    {'C': 'claim', 'P': 'premise', 'R': 'rebuttal'}
    """
    attacking: set[str] = set()
    premises: set[str] = set()
    concluded: set[str] = set()
    for relation_type, sources, target in relations:
        if relation_type == "attack":
            attacking.update(sources)
        else:
            premises.update(sources)
            concluded.add(target)
    kinds = {}
    for sid in statement_ids:
        if sid in attacking and sid not in premises:
            kinds[sid] = "rebuttal"
        elif sid in concluded:
            kinds[sid] = "claim"
        elif sid in premises:
            kinds[sid] = "premise"
        else:
            kinds[sid] = "claim"
    return kinds


def scheme_name(scheme_id: str) -> str:
    """How a scheme is named in formats that write names (AIF, Argdown): its catalogue name, else its id.

    Examples
    --------
    >>> scheme_name("argument-from-expert-opinion"), scheme_name("not-in-the-catalogue")
    ('Argument from expert opinion', 'not-in-the-catalogue')
    """
    scheme = active_catalogue().get(scheme_id)
    return scheme.name if scheme is not None else scheme_id


def scheme_from_name(name: str) -> tuple[str | None, str | None]:
    """A scheme name found in a file, as ``(scheme id, name to keep)``.

    A name the catalogue in force knows becomes its id; the name itself is kept (second
    item) unless :func:`scheme_name` would write it back unchanged, so a round trip
    restores the file's wording. A name it does not know (an inference rule such as
    "Modus ponens") is no scheme id: it is only kept.

    Examples
    --------
    >>> scheme_from_name("Argument From Expert Opinion")
    ('argument-from-expert-opinion', 'Argument From Expert Opinion')
    >>> scheme_from_name("Modus ponens")
    (None, 'Modus ponens')
    """
    resolved = active_catalogue().resolve(name)
    if resolved is None:
        return None, name
    return resolved, (None if scheme_name(resolved) == name else name)
