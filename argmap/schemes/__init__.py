"""Argumentation schemes and their critical questions: the catalogue, and a map's schemes checked against it.

See ``docs/schemes.md``.

Examples
--------
>>> from argmap.schemes import builtin_catalogue
>>> len(builtin_catalogue()) >= 20
True
"""

from argmap.schemes.catalogue import (
    SCHEMES_ENV,
    Catalogue,
    CatalogueError,
    CriticalQuestion,
    Premise,
    Scheme,
    active_catalogue,
    builtin_catalogue,
    default_catalogue,
    load_catalogue,
    parse_catalogue,
    read_catalogue,
    using_catalogue,
)
from argmap.schemes.questions import OpenQuestion, addressed_questions, open_questions, scheme_problems

__all__ = [
    "SCHEMES_ENV",
    "Catalogue",
    "CatalogueError",
    "CriticalQuestion",
    "OpenQuestion",
    "Premise",
    "Scheme",
    "active_catalogue",
    "addressed_questions",
    "builtin_catalogue",
    "default_catalogue",
    "load_catalogue",
    "open_questions",
    "parse_catalogue",
    "read_catalogue",
    "scheme_problems",
    "using_catalogue",
]
