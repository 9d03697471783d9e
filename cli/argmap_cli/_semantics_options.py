"""The options ``analyze`` and ``explain`` share: semantics, support mode and gradual strength model.

Kept apart from ``_common`` so that only these two commands import the analyses to build them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from argmap.analysis import STRENGTH_MODELS, SUPPORT_MODES
from argmap.semantics import semantics_names

__all__ = ["semantics_options"]


def semantics_options(strength_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--semantics``, ``--support`` and ``--strength`` (into ``strength_model``), in that order."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(
            (
                click.option(
                    "--semantics", type=click.Choice(semantics_names()), default="grounded", show_default=True
                ),
                click.option(
                    "--support",
                    type=click.Choice(SUPPORT_MODES),
                    default="none",
                    show_default=True,
                    help="Whether supports add derived attacks (bipolar argumentation).",
                ),
                click.option(
                    "--strength",
                    "strength_model",
                    type=click.Choice([*STRENGTH_MODELS, "none"]),
                    default="auto",
                    show_default=True,
                    help=strength_help,
                ),
            )
        ):
            command = option(command)
        return command

    return decorate
