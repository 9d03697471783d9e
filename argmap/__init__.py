"""argmap: typed argument maps, their analysis and their diagrams.

The public API in one place:

>>> import argmap
>>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
>>> m.statement("C").kind
'claim'
>>> argmap.analyze(m).claim
'C'

``import argmap`` is light: each public name is imported from its module the first time it
is used (PEP 562), so a script or ``argmap --version`` that needs little pays for little.
The subpackages (``argmap.analysis``, ``argmap.render``, ...) are reached the same way.

``argmap.draw`` is the function behind ``argmap render`` (:func:`argmap.render.render`): it
cannot be called ``argmap.render``, because that is the subpackage, and Python sets a
package's attribute to its subpackage whenever the subpackage is imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from argmap import display as _display
from argmap._version import __version__ as __version__

# The table of public names: each and where it lives, "module" (same name there) or
# "module:name". To add one, add its line here, and its import under TYPE_CHECKING below, which
# is what type checkers read (tests/test_package.py checks that the two agree).
_EXPORTS: dict[str, str] = {
    "ArgmapError": "argmap.errors",
    "ArgumentMap": "argmap.model",
    "Limits": "argmap.limits",
    "MapError": "argmap.errors",
    "MapValidationError": "argmap.errors",
    "OutputError": "argmap.errors",
    "ParseError": "argmap.errors",
    "Problem": "argmap.errors",
    "Relation": "argmap.model",
    "Source": "argmap.model",
    "SourceDocument": "argmap.source",
    "Span": "argmap.model",
    "Statement": "argmap.model",
    "UnknownFormatError": "argmap.errors",
    "UnknownIdError": "argmap.errors",
    "UsageError": "argmap.errors",
    "analyze": "argmap.analysis",
    "batch": "argmap.batching",
    "check": "argmap.checks",
    "compare": "argmap.comparison",
    "draw": "argmap.render:render",
    "dumps": "argmap.io",
    "explain": "argmap.analysis",
    "extract": "argmap.extraction",
    "formats": "argmap.io",
    "grade": "argmap.teaching",
    "load": "argmap.io",
    "loads": "argmap.io",
    "save": "argmap.io",
}

__all__ = [*_EXPORTS]

if TYPE_CHECKING:
    from argmap.analysis import analyze as analyze
    from argmap.analysis import explain as explain
    from argmap.batching import batch as batch
    from argmap.checks import check as check
    from argmap.comparison import compare as compare
    from argmap.errors import ArgmapError as ArgmapError
    from argmap.errors import MapError as MapError
    from argmap.errors import MapValidationError as MapValidationError
    from argmap.errors import OutputError as OutputError
    from argmap.errors import ParseError as ParseError
    from argmap.errors import Problem as Problem
    from argmap.errors import UnknownFormatError as UnknownFormatError
    from argmap.errors import UnknownIdError as UnknownIdError
    from argmap.errors import UsageError as UsageError
    from argmap.extraction import extract as extract
    from argmap.io import dumps as dumps
    from argmap.io import formats as formats
    from argmap.io import load as load
    from argmap.io import loads as loads
    from argmap.io import save as save
    from argmap.limits import Limits as Limits
    from argmap.model import ArgumentMap as ArgumentMap
    from argmap.model import Relation as Relation
    from argmap.model import Source as Source
    from argmap.model import Span as Span
    from argmap.model import Statement as Statement
    from argmap.render import render as _render
    from argmap.source import SourceDocument as SourceDocument
    from argmap.teaching import grade as grade

    draw = _render


def _load_the_renderer() -> None:
    """Import the renderer, which registers how maps and results display (argmap.display)."""
    import argmap.render.notebook  # noqa: F401


# The model and the results display through argmap.display; the renderer fills it in on first use.
_display.register_loader(_load_the_renderer)


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use; or a subpackage, imported."""
    target = _EXPORTS.get(name)
    if target is not None:
        module_name, _, attribute = target.partition(":")
        value = getattr(importlib.import_module(module_name), attribute or name)
        globals()[name] = value
        return value
    if not name.startswith("_"):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
