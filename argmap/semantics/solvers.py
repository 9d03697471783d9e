"""The registry of semantics and the one result type every semantics returns.

Each semantics is a solver ``AttackFramework -> Solution`` registered under its name;
:func:`solve` looks it up (an unknown name is a :class:`~argmap.errors.UsageError`
listing the known ones), and :func:`credulous` and :func:`skeptical` are written once,
over whatever semantics is asked for.

Examples
--------
>>> from argmap.semantics.framework import AttackFramework
>>> nixon = AttackFramework(["quaker", "republican"], [("quaker", "republican"), ("republican", "quaker")])
>>> solve(nixon, "grounded").labels
{'quaker': 'undec', 'republican': 'undec'}
>>> [sorted(e) for e in solve(nixon, "preferred").extensions]
[['quaker'], ['republican']]
>>> credulous(nixon, "stable", "quaker"), skeptical(nixon, "stable", "quaker")
(True, False)
>>> semantics_names()
('grounded', 'complete', 'preferred', 'stable')
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from argmap.errors import UnknownIdError, UsageError
from argmap.model import LabelName
from argmap.semantics.framework import AttackFramework
from argmap.semantics.labelling import (
    IN,
    LABEL_NAMES,
    OUT,
    UNDEC,
    Labels,
    SearchMode,
    grounded_labels,
    labels_of_extension,
    search,
)
from argmap.semantics.tasks import solve_task

__all__ = [
    "Label",
    "Solution",
    "Solver",
    "credulous",
    "get_solver",
    "register_semantics",
    "semantics_names",
    "skeptical",
    "solve",
]

Label = LabelName
# The built-in semantics that credulous() and skeptical() decide as ICCMA tasks.
_TASK_CODES = {"grounded": "GR", "complete": "CO", "preferred": "PR", "stable": "ST"}


class Solution(BaseModel):
    """What a semantics says about a framework.

    Attributes
    ----------
    semantics : str
        The semantics' name.
    labels : dict or None
        Argument name to ``"in"``/``"out"``/``"undec"``: the grounded labelling for
        ``grounded``; for the others the *skeptical* labelling, where an argument is
        ``in`` (``out``) when every extension labels it so, and ``undec`` otherwise.
        ``None`` when there is no extension (stable semantics may have none).
    extensions : tuple of frozenset of str
        Every extension (one for grounded), ordered by size, then by sorted names.

    Examples
    --------
    >>> s = Solution(semantics="stable", labels=None, extensions=())
    >>> s.accepted_by_all, s.accepted_by_some
    (None, frozenset())
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    semantics: str
    labels: dict[str, Label] | None
    extensions: tuple[frozenset[str], ...]

    @property
    def accepted_by_some(self) -> frozenset[str]:
        """The credulously accepted arguments: members of at least one extension."""
        return frozenset().union(*self.extensions)

    @property
    def accepted_by_all(self) -> frozenset[str] | None:
        """The skeptically accepted arguments (``None`` when there is no extension)."""
        if not self.extensions:
            return None
        return frozenset.intersection(*self.extensions)


Solver = Callable[[AttackFramework], Solution]
_SOLVERS: dict[str, Solver] = {}


def register_semantics(name: str, solver: Solver) -> Solver:
    """Add a semantics to the registry (a later registration of the name replaces it).

    Examples
    --------
    >>> register_semantics("grounded", get_solver("grounded")) is get_solver("grounded")
    True
    """
    _SOLVERS[name] = solver
    return solver


def semantics_names() -> tuple[str, ...]:
    """The names of every registered semantics, in registration order.

    Examples
    --------
    >>> "stable" in semantics_names()
    True
    """
    return tuple(_SOLVERS)


def get_solver(name: str) -> Solver:
    """The solver registered under ``name``.

    Raises
    ------
    UsageError
        If no semantics has this name; the message lists the known ones.

    Examples
    --------
    >>> get_solver("ideal")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown semantics 'ideal'; known semantics: grounded, complete, ...
    """
    try:
        return _SOLVERS[name]
    except (KeyError, TypeError):  # TypeError: a name that is not even hashable
        raise UsageError(f"unknown semantics {name!r}; known semantics: {', '.join(_SOLVERS)}") from None


def solve(af: AttackFramework, semantics: str) -> Solution:
    """The extensions (and labelling) of a framework under a semantics.

    Parameters
    ----------
    af : AttackFramework
    semantics : str
        A registered name: ``grounded``, ``complete``, ``preferred`` or ``stable``.

    Returns
    -------
    Solution

    Raises
    ------
    UsageError
        If the semantics is unknown.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> odd = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> solve(odd, "stable").extensions, solve(odd, "preferred").extensions
    ((), (frozenset(),))
    """
    if not isinstance(af, AttackFramework):
        raise UsageError(f"solve() needs an AttackFramework, not {type(af).__name__}")
    return get_solver(semantics)(af)


def _argument_check(af: AttackFramework, argument: str) -> None:
    if argument not in af:
        raise UnknownIdError(f"no argument {argument!r} in the framework")


def credulous(af: AttackFramework, semantics: str, argument: str, *, engine: str = "auto") -> bool:
    """Whether ``argument`` belongs to at least one extension of the semantics.

    The four built-in semantics are decided as the ICCMA task ``DC-<code>`` by
    :func:`~argmap.semantics.tasks.solve_task` with ``engine`` (``auto``, ``native`` or
    ``clingo``), without listing every extension; any other registered semantics by its
    solver's extensions.

    Raises
    ------
    UsageError
        If the semantics is unknown.
    UnknownIdError
        If the framework has no such argument.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> af = AttackFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> credulous(af, "preferred", "a"), credulous(af, "grounded", "a")
    (True, False)
    """
    _argument_check(af, argument)
    if semantics in _TASK_CODES:
        return bool(solve_task(af, f"DC-{_TASK_CODES[semantics]}", argument, engine=engine).answer)
    return any(argument in extension for extension in solve(af, semantics).extensions)


def skeptical(af: AttackFramework, semantics: str, argument: str, *, engine: str = "auto") -> bool:
    """Whether ``argument`` belongs to every extension (vacuously true when there is none).

    The four built-in semantics are decided as the ICCMA task ``DS-<code>`` (see :func:`credulous`).

    Raises
    ------
    UsageError
        If the semantics is unknown.
    UnknownIdError
        If the framework has no such argument.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> af = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")])
    >>> skeptical(af, "preferred", "c"), skeptical(af, "preferred", "a")
    (False, False)
    """
    _argument_check(af, argument)
    if semantics in _TASK_CODES:
        return bool(solve_task(af, f"DS-{_TASK_CODES[semantics]}", argument, engine=engine).answer)
    return all(argument in extension for extension in solve(af, semantics).extensions)


# -- the solvers ----------------------------------------------------------------------


def _named_labels(af: AttackFramework, labels: Labels) -> dict[str, Label]:
    table: tuple[Label, ...] = LABEL_NAMES
    return dict(zip(af.names, (table[label] for label in labels.tolist()), strict=True))


def _solution(
    af: AttackFramework, semantics: str, labels: Labels | None, members: list[npt.NDArray[np.int64]]
) -> Solution:
    names = af.names
    extensions = sorted(
        (frozenset(names[i] for i in m.tolist()) for m in members), key=lambda e: (len(e), sorted(e))
    )
    # Built without re-validation: every value comes from the framework and the label table.
    return Solution.model_construct(
        semantics=semantics,
        labels=None if labels is None else _named_labels(af, labels),
        extensions=tuple(extensions),
    )


def _grounded(af: AttackFramework) -> Solution:
    labels = grounded_labels(af)
    return _solution(af, "grounded", labels, [np.flatnonzero(labels == IN)])


def _skeptical_labels(af: AttackFramework, members: list[npt.NDArray[np.int64]]) -> Labels | None:
    if not members:
        return None
    all_in = np.ones(len(af), dtype=bool)
    all_out = np.ones(len(af), dtype=bool)
    for extension in members:
        labels = labels_of_extension(af, extension)
        all_in &= labels == IN
        all_out &= labels == OUT
    result = np.full(len(af), UNDEC, dtype=np.int8)
    result[all_in] = IN
    result[all_out] = OUT
    return result


def _searching(mode: SearchMode) -> Solver:
    def solver(af: AttackFramework) -> Solution:
        members = search(af, mode)
        return _solution(af, mode, _skeptical_labels(af, members), members)

    solver.__name__ = f"_{mode}"
    solver.__doc__ = f"Every {mode} extension, by the labelling search."
    return solver


register_semantics("grounded", _grounded)
_SEARCH_MODES: tuple[SearchMode, ...] = ("complete", "preferred", "stable")
for _mode in _SEARCH_MODES:
    register_semantics(_mode, _searching(_mode))
