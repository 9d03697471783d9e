"""How maps and results show in Jupyter: a registry that the renderer fills in.

The model and the analyses sit below :mod:`argmap.render` in the layers
(docs/architecture.md), so they cannot import it. Their ``_repr_svg_`` and
``_repr_mimebundle_`` ask this registry instead. :mod:`argmap.render.notebook` registers
how a map and a result are drawn when it is imported; the package root, which sits above
every layer, registers a loader that imports it on the first display. With nothing
registered, an object shows as plain text.

Examples
--------
>>> register_display("example", lambda obj: {"text/plain": f"<{obj}>"})
>>> mimebundle("example", 3)
{'text/plain': '<3>'}
>>> mimebundle("nothing registered", 3)
{'text/plain': '3'}
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Displayer", "mimebundle", "register_display", "register_loader"]

Displayer = Callable[[Any], dict[str, str]]
"""Turns an object into a MIME bundle: ``{"image/svg+xml": ..., "text/plain": ...}``."""

_DISPLAYERS: dict[str, Displayer] = {}
_LOADERS: list[Callable[[], object]] = []


def register_display(kind: str, displayer: Displayer) -> None:
    """Show objects of ``kind`` (``"map"``, ``"result"``) with ``displayer``; replaces an earlier one.

    Examples
    --------
    >>> register_display("shout", lambda obj: {"text/plain": str(obj).upper()})
    >>> mimebundle("shout", "hi")
    {'text/plain': 'HI'}
    """
    _DISPLAYERS[kind] = displayer


def register_loader(loader: Callable[[], object]) -> None:
    """Call ``loader`` (once) before the first display that finds no displayer for its kind.

    The package root registers one that imports :mod:`argmap.render.notebook`, so that
    ``import argmap`` stays light and a notebook still draws maps.

    Examples
    --------
    >>> register_loader(lambda: register_display("late", lambda obj: {"text/plain": "drawn"}))
    >>> mimebundle("late", object())
    {'text/plain': 'drawn'}
    """
    _LOADERS.append(loader)


def mimebundle(kind: str, obj: object) -> dict[str, str]:
    """The MIME bundle of ``obj`` as the displayer registered for ``kind`` makes it.

    Pending loaders run first when no displayer is registered for ``kind``; without one,
    the bundle is the object's ``repr`` as plain text.

    Examples
    --------
    >>> mimebundle("no such kind", [1, 2])
    {'text/plain': '[1, 2]'}
    """
    while kind not in _DISPLAYERS and _LOADERS:
        _LOADERS.pop(0)()
    displayer = _DISPLAYERS.get(kind)
    return displayer(obj) if displayer is not None else {"text/plain": repr(obj)}
