"""argmap: typed argument maps, their analysis and their diagrams.

The public API in one place:

>>> import argmap
>>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
>>> m.statement("C").kind
'claim'
"""

from argmap.analysis import explain
from argmap.batching import batch
from argmap.checks import check
from argmap.comparison import compare
from argmap.errors import (
    ArgmapError,
    MapError,
    MapValidationError,
    OutputError,
    ParseError,
    Problem,
    UnknownFormatError,
    UnknownIdError,
    UsageError,
)
from argmap.extraction import extract
from argmap.io import dumps, formats, load, loads, save
from argmap.limits import Limits
from argmap.model import ArgumentMap, Relation, Source, Span, Statement
from argmap.source import SourceDocument
from argmap.teaching import grade

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Limits",
    "MapError",
    "MapValidationError",
    "OutputError",
    "ParseError",
    "Problem",
    "Relation",
    "Source",
    "SourceDocument",
    "Span",
    "Statement",
    "UnknownFormatError",
    "UnknownIdError",
    "UsageError",
    "batch",
    "check",
    "compare",
    "dumps",
    "explain",
    "extract",
    "formats",
    "grade",
    "load",
    "loads",
    "save",
]
__version__ = "0.1.0"
