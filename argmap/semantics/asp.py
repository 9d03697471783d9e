"""clingo as the engine for the hard semantics: encodings, grounding and solver calls.

The encodings are the ``.lp`` files in ``argmap/semantics/encodings/``, one idea per file,
combined per semantics (:data:`ENCODINGS`). A framework becomes the facts ``arg(0..n-1).``
and ``att(i,j).`` over argument indices; the models' ``in/1`` atoms are read back as
indices. clingo is an optional dependency (``pip install 'argmap[asp]'``, installed by
``scripts/setup.sh``); :func:`clingo_available` says whether it is there.

:class:`Program` is one grounded clingo control: :meth:`Program.first` answers one
question (one solver call), :meth:`Program.models` enumerates, :meth:`Program.forbid_within`
adds a clause between calls (for counterexample-guided search), and every call honours a
deadline: past it the search is interrupted and :class:`~argmap.errors.SolverError` raised.

Examples
--------
>>> from argmap.semantics.framework import AttackFramework
>>> af = AttackFramework.from_edges(3, [0, 1], [1, 0])
>>> program = Program(af, "stable", task="EE-ST")
>>> sorted(sorted(model) for model in program.models())
[[0, 2], [1, 2]]
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from argmap.errors import SolverError, UsageError
from argmap.semantics.framework import AttackFramework

if TYPE_CHECKING:
    import clingo

__all__ = ["ENCODINGS", "Program", "clingo_available", "encoding_text", "facts"]

#: The encoding files each semantics combines, and whether it needs clingo's domain heuristic.
ENCODINGS: dict[str, tuple[tuple[str, ...], bool]] = {
    "conflict-free": (("conflict_free",), False),
    "admissible": (("conflict_free", "admissible"), False),
    "complete": (("conflict_free", "admissible", "complete"), False),
    "stable": (("conflict_free", "stable"), False),
    "preferred": (("conflict_free", "admissible", "complete", "maximal_in"), True),
    "semi-stable": (("conflict_free", "admissible", "complete", "maximal_range"), True),
    "semi-stable-ranges": (("conflict_free", "admissible", "complete", "maximal_range"), False),
    "stage": (("conflict_free", "maximal_range"), True),
    "stage-ranges": (("conflict_free", "maximal_range"), False),
}
_MISSING = "the clingo engine needs clingo: pip install 'argmap[asp]'"


def clingo_available() -> bool:
    """Whether the clingo package can be imported.

    Examples
    --------
    >>> isinstance(clingo_available(), bool)
    True
    """
    try:
        import clingo  # noqa: F401
    except ImportError:
        return False
    return True


def encoding_text(semantics: str) -> str:
    """The ASP program of a semantics: its encoding files, concatenated.

    Raises
    ------
    UsageError
        If no encoding has this name; the message lists the known ones.

    Examples
    --------
    >>> "#heuristic in(X)" in encoding_text("preferred")
    True
    """
    try:
        parts, _ = ENCODINGS[semantics]
    except KeyError:
        raise UsageError(f"no encoding {semantics!r}; known encodings: {', '.join(ENCODINGS)}") from None
    folder = resources.files("argmap.semantics") / "encodings"
    return "\n".join((folder / f"{part}.lp").read_text(encoding="utf-8") for part in parts)


def facts(af: AttackFramework) -> str:
    """The framework as ASP facts over argument indices.

    Examples
    --------
    >>> facts(AttackFramework.from_edges(2, [0], [1]))
    'arg(0..1).\\natt(0,1).\\n'
    """
    head = f"arg(0..{len(af) - 1}).\n" if len(af) else ""
    sources, targets = af.sources.tolist(), af.targets.tolist()
    return head + "".join(map("att({},{}).\n".format, sources, targets))


def _clingo() -> Any:
    try:
        import clingo
    except ImportError:
        raise UsageError(_MISSING) from None
    return clingo


class Program:
    """A grounded clingo program: one semantics' encoding over one framework.

    Parameters
    ----------
    af : AttackFramework
    semantics : str
        A key of :data:`ENCODINGS`.
    task : str
        Named in errors (``"DC-PR"``).
    deadline : float, optional
        A :func:`time.monotonic` time after which a solver call raises :class:`SolverError`.

    Raises
    ------
    UsageError
        If clingo is not installed.
    SolverError
        If clingo fails.
    """

    def __init__(
        self, af: AttackFramework, semantics: str, *, task: str, deadline: float | None = None
    ) -> None:
        module = _clingo()
        _, heuristic = ENCODINGS[semantics]
        # (clasp warns on standard error about domRec without any argument to maximise)
        arguments = ["--heuristic=Domain", "--enum-mode=domRec"] if heuristic and len(af) else []
        self.task = task
        self.deadline = deadline
        self._n = len(af)
        try:
            self._control: clingo.Control = module.Control([*arguments, "--warn=none"])
            self._control.add("base", [], encoding_text(semantics) + facts(af))
            self._control.ground([("base", [])])
        except RuntimeError as error:
            raise SolverError(f"{task}: clingo failed: {error}") from None
        self._literals: dict[tuple[str, int], int] = {}
        for name in ("in", "in_range"):
            for atom in self._control.symbolic_atoms.by_signature(name, 1):
                self._literals[name, atom.symbol.arguments[0].number] = atom.literal

    def literal(self, atom: str, index: int) -> int | None:
        """The program literal of ``atom(index)`` (``None`` when grounding found it always false)."""
        return self._literals.get((atom, index))

    def _assumptions(self, assume: Sequence[tuple[str, int, bool]]) -> list[int] | None:
        result: list[int] = []
        for atom, index, value in assume:
            literal = self.literal(atom, index)
            if literal is None:
                if value:
                    return None  # the atom can never hold: no model
                continue
            result.append(literal if value else -literal)
        return result

    def models(self, assume: Sequence[tuple[str, int, bool]] = (), limit: int = 0) -> Iterator[list[int]]:
        """The models' members (``in`` indices), at most ``limit`` of them (0: all).

        ``assume`` holds ``(atom, index, value)`` triples: ``("in", 3, False)`` asks for
        models without argument 3.
        """
        assumptions = self._assumptions(assume)
        if assumptions is None:
            return
        self._control.configuration.solve.models = limit  # type: ignore[union-attr]
        try:
            with self._control.solve(assumptions=assumptions, yield_=True, async_=True) as handle:
                while True:
                    handle.resume()
                    if not self._wait(handle):
                        handle.cancel()
                        raise SolverError(f"{self.task}: no answer within the time limit")
                    model = handle.model()
                    if model is None:
                        break
                    yield [symbol.arguments[0].number for symbol in model.symbols(shown=True)]
        except RuntimeError as error:
            raise SolverError(f"{self.task}: clingo failed: {error}") from None

    def _wait(self, handle: clingo.SolveHandle) -> bool:
        if self.deadline is None:
            handle.wait()
            return True
        left = self.deadline - time.monotonic()
        # Past the deadline there is no answer, however fast the search was: a timeout of 0 always
        # times out, on a quiet machine as on a loaded one.
        return left > 0 and bool(handle.wait(left)) and time.monotonic() <= self.deadline

    def first(self, assume: Sequence[tuple[str, int, bool]] = ()) -> list[int] | None:
        """One model's members, or ``None`` when there is none (one solver call)."""
        for model in self.models(assume, limit=1):
            return model
        return None

    def count(self, assume: Sequence[tuple[str, int, bool]] = ()) -> int:
        """The number of models."""
        return sum(1 for _ in self.models(assume))

    def forbid_within(self, allowed: Sequence[int]) -> None:
        """Add the clause "some member lies outside ``allowed``" for every later call."""
        outside = np.ones(self._n, dtype=bool)
        outside[np.asarray(allowed, dtype=np.int64)] = False
        body = []
        for index in np.flatnonzero(outside).tolist():
            literal = self.literal("in", index)
            if literal is not None:
                body.append(-literal)
        with self._control.backend() as backend:
            backend.add_rule([], body)
