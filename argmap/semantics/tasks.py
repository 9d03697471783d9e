"""ICCMA reasoning tasks, answered the way ICCMA solvers answer them.

A task is ``PROBLEM-SEMANTICS``: the problems are ``DC`` (is the argument in some
extension?), ``DS`` (in every extension?), ``SE`` (some extension), ``EE`` (every
extension) and ``CE`` (how many); the semantics ``CO`` complete, ``PR`` preferred,
``ST`` stable, ``GR`` grounded, ``SST`` semi-stable, ``STG`` stage and ``ID`` ideal.
:func:`solve_task` answers one, with one of two engines:

- ``native``: the labelling core (:mod:`argmap.semantics.labelling`): grounded by a
  linear-time queue, the rest by enumerating the extensions of the part grounded leaves
  open. Stage semantics is not available natively.
- ``clingo``: one grounded ASP program per question (:mod:`argmap.semantics.asp`), on the
  part grounded leaves open (stage: on the whole framework). ``DC-CO``, ``DC-PR``,
  ``DC-ST`` and ``SE`` are one solver call; ``DS-ST`` one call that must be unsatisfiable;
  ``DS-PR`` a counterexample-guided loop (a complete extension without the argument,
  grown to a preferred one: if it still lacks the argument, that is the answer, else
  every extension inside it is excluded and the loop goes on). ``DS-CO``, ``SE-CO`` and
  every ``GR`` task are answered from the grounded labelling. Nothing is enumerated
  unless ``EE`` or ``CE`` asks for it.

``engine="auto"`` answers natively when grounded decides the task, when the grounded
labelling leaves at most :data:`AUTO_NATIVE_LIMIT` arguments open, or when clingo is
not installed; otherwise (and for stage semantics) with clingo. The result says which.

Examples
--------
>>> from argmap.semantics.framework import AttackFramework
>>> af = AttackFramework.from_edges(3, [0, 1, 1], [1, 0, 2])
>>> result = solve_task(af, "DC-PR", "3")
>>> result.answer, result.witness
(True, ('1', '3'))
>>> print(result.iccma(), end="")
YES
w 1 3
>>> print(solve_task(af, "CE-ST").iccma(), end="")
2
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Literal

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict

from argmap.errors import SolverError, UnknownIdError, UsageError
from argmap.semantics.asp import Program, clingo_available
from argmap.semantics.framework import AttackFramework
from argmap.semantics.labelling import IN, OUT, UNDEC, Labels, SearchMode, grounded_labels, search

__all__ = [
    "AUTO_NATIVE_LIMIT",
    "ENGINES",
    "PROBLEMS",
    "SEMANTICS_CODES",
    "Engine",
    "TaskResult",
    "solve_task",
    "task_names",
]

Engine = Literal["auto", "native", "clingo"]
#: The engine names, for option checking.
ENGINES: tuple[Engine, ...] = ("auto", "native", "clingo")
PROBLEMS = ("DC", "DS", "SE", "EE", "CE")
#: ICCMA's semantics codes and argmap's names for them.
SEMANTICS_CODES = {
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "GR": "grounded",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
}
#: ``auto`` answers natively when the grounded labelling leaves at most this many arguments open.
AUTO_NATIVE_LIMIT = 24

Indices = npt.NDArray[np.int64]
_SEARCHED: dict[str, SearchMode] = {"CO": "complete", "PR": "preferred", "ST": "stable"}


def task_names() -> tuple[str, ...]:
    """Every task :func:`solve_task` answers, as ICCMA spells them.

    Examples
    --------
    >>> task_names()[:4]
    ('DC-CO', 'DC-PR', 'DC-ST', 'DC-GR')
    >>> len(task_names())
    35
    """
    return tuple(f"{problem}-{code}" for problem in PROBLEMS for code in SEMANTICS_CODES)


class TaskResult(BaseModel):
    """The answer to an ICCMA task.

    Attributes
    ----------
    task : str
        The task, e.g. ``"DS-PR"``.
    argument : str or None
        The query argument of a ``DC``/``DS`` task.
    answer : bool or None
        ``DC``/``DS``: whether the argument is accepted; ``SE``: whether an extension
        exists; ``None`` for ``EE``/``CE``.
    witness : tuple of str or None
        Argument names in index order: for ``DC`` an extension containing the argument
        (when the answer is yes), for ``DS`` one without it (when no), for ``SE`` the
        extension found; otherwise ``None``.
    extensions : tuple of tuple of str or None
        ``EE``: every extension, each in index order.
    count : int or None
        ``CE`` and ``EE``: the number of extensions.
    engine : {"native", "clingo"}
        The engine that answered.

    Examples
    --------
    >>> r = TaskResult(task="SE-ST", answer=False, engine="native")
    >>> r.iccma()
    'NO\\n'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    task: str
    argument: str | None = None
    answer: bool | None = None
    witness: tuple[str, ...] | None = None
    extensions: tuple[tuple[str, ...], ...] | None = None
    count: int | None = None
    engine: Literal["native", "clingo"]

    def iccma(self) -> str:
        """The answer in the ICCMA'23 output format.

        ``DC``: ``YES`` and the witness as ``w 1 2 3``, or ``NO``; ``DS``: ``YES``, or ``NO``
        and a counterexample line; ``SE``: the extension's ``w`` line, or ``NO`` when there
        is none; ``EE``: one ``w`` line per extension; ``CE``: the count.
        """
        problem = self.task.split("-")[0]
        if problem == "CE":
            return f"{self.count}\n"
        if problem == "EE":
            return "".join(_w_line(extension) for extension in self.extensions or ())
        if problem == "SE":
            return _w_line(self.witness) if self.witness is not None else "NO\n"
        head = "YES\n" if self.answer else "NO\n"
        return head + (_w_line(self.witness) if self.witness is not None else "")


def _w_line(extension: tuple[str, ...]) -> str:
    return " ".join(("w", *extension)) + "\n"


def solve_task(
    af: AttackFramework,
    task: str,
    argument: str | None = None,
    *,
    engine: Engine | str = "auto",
    timeout: float | None = None,
) -> TaskResult:
    """Answer an ICCMA task on a framework.

    Parameters
    ----------
    af : AttackFramework
    task : str
        ``PROBLEM-SEMANTICS`` as ICCMA spells it, e.g. ``"DC-PR"`` (see :func:`task_names`).
    argument : str, optional
        The query argument, by name; required for ``DC`` and ``DS``.
    engine : {"auto", "native", "clingo"}
        Which engine answers (see the module's description of ``auto``).
    timeout : float, optional
        Seconds the search may take.

    Returns
    -------
    TaskResult

    Raises
    ------
    UsageError
        If the task or engine is unknown, an argument is missing or given where none is
        asked for, the engine cannot answer the task (stage natively), or clingo is asked
        for but not installed.
    UnknownIdError
        If the framework has no such argument.
    SolverError
        If the engine fails or the time runs out; the message names the task.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> odd = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> solve_task(odd, "SE-ST").answer, solve_task(odd, "DS-ST", "a").answer
    (False, True)
    >>> solve_task(odd, "XX-CO")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown task 'XX-CO'; known tasks: DC-CO, DC-PR, ...
    """
    if not isinstance(af, AttackFramework):
        raise UsageError(f"solve_task() needs an AttackFramework, not {type(af).__name__}")
    problem, code = _parse_task(task)
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; known engines: {', '.join(ENGINES)}")
    if problem in ("DC", "DS"):
        if argument is None:
            raise UsageError(f"{task} needs a query argument")
        query = af.index(argument) if argument in af else _no_argument(argument)
    elif argument is not None:
        raise UsageError(f"{task} takes no query argument")
    else:
        query = -1
    deadline = None if timeout is None else time.monotonic() + timeout
    job = _Job(af, task, problem, code, query, deadline)
    chosen = job.choose(engine)
    try:
        members: _Answer = job.run_clingo() if chosen == "clingo" else job.run_native()
    except SolverError as error:
        message = str(error)
        raise SolverError(message if message.startswith(task) else f"{task}: {message}") from None
    return job.result(members, chosen, argument)


def _no_argument(argument: str) -> int:
    raise UnknownIdError(f"no argument {argument!r} in the framework")


def _parse_task(task: str) -> tuple[str, str]:
    problem, _, code = task.partition("-")
    if problem not in PROBLEMS or code not in SEMANTICS_CODES:
        raise UsageError(f"unknown task {task!r}; known tasks: {', '.join(task_names())}")
    return problem, code


# What an engine returns: DC/DS/SE (answer, witness indices or None); EE a list of extensions; CE a count.
_Answer = tuple[bool, Indices | None] | list[Indices] | int


class _Job:
    """One task on one framework: the grounded labelling, the open part, and both engines."""

    def __init__(
        self, af: AttackFramework, task: str, problem: str, code: str, query: int, deadline: float | None
    ) -> None:
        self.af, self.task, self.problem, self.code = af, task, problem, code
        self.query, self.deadline = query, deadline
        self.grounded: Labels = grounded_labels(af)
        self.accepted = np.flatnonzero(self.grounded == IN)
        self.open = np.flatnonzero(self.grounded == UNDEC)

    # -- choosing -----------------------------------------------------------------

    def decided_by_grounded(self) -> bool:
        if self.code == "GR" or (self.problem == "SE" and self.code == "CO"):
            return True
        if self.problem == "DS" and self.code == "CO":
            return True
        return self.open.size == 0 and self.code != "STG"

    def choose(self, engine: str) -> Literal["native", "clingo"]:
        if engine == "clingo":
            if not clingo_available():
                raise UsageError(f"{self.task}: the clingo engine needs clingo: pip install 'argmap[asp]'")
            return "native" if self.code == "GR" else "clingo"
        if engine == "native":
            if self.code == "STG":
                raise UsageError(
                    f"{self.task}: stage semantics has no native solver; use --engine clingo or auto"
                )
            return "native"
        if self.decided_by_grounded():
            return "native"
        if not clingo_available():
            if self.code == "STG":
                raise UsageError(f"{self.task}: stage semantics needs clingo: pip install 'argmap[asp]'")
            return "native"
        if self.code != "STG" and self.open.size <= AUTO_NATIVE_LIMIT:
            return "native"
        return "clingo"

    def result(
        self, answer: _Answer, engine: Literal["native", "clingo"], argument: str | None
    ) -> TaskResult:
        names_of = self.af.names_of
        if isinstance(answer, int):
            return TaskResult(task=self.task, count=answer, engine=engine)
        if isinstance(answer, list):
            extensions = tuple(names_of(e) for e in _ordered(answer))
            return TaskResult(task=self.task, extensions=extensions, count=len(extensions), engine=engine)
        accepted, witness = answer
        # Built without re-validation: every name comes from the framework.
        return TaskResult.model_construct(
            task=self.task,
            argument=argument,
            answer=accepted,
            witness=None if witness is None else names_of(np.sort(witness)),
            extensions=None,
            count=None,
            engine=engine,
        )

    # -- native ---------------------------------------------------------------------

    def run_native(self) -> _Answer:
        if self.code == "GR" or self.decided_by_grounded():
            return _answer_from(self, [self.accepted])
        _check_time(self.deadline, self.task)
        if self.code in _SEARCHED:
            return _answer_from(
                self, search(self.af, _SEARCHED[self.code], grounded=self.grounded, deadline=self.deadline)
            )
        if self.code == "SST":
            complete = search(self.af, "complete", grounded=self.grounded, deadline=self.deadline)
            return _answer_from(self, _maximal_range(self.af, complete))
        credulous = np.zeros(len(self.af), dtype=bool)
        for extension in search(self.af, "preferred", grounded=self.grounded, deadline=self.deadline):
            credulous[extension] = True
        return _answer_from(self, [_ideal(self.af, credulous)])

    # -- clingo -----------------------------------------------------------------------

    def run_clingo(self) -> _Answer:
        """One program (two for semi-stable and stage), asked as few questions as the task needs."""
        local: int | None
        if self.code == "STG":  # stage extensions need not contain the grounded one: the whole framework
            af, local, lift = self.af, self.query, _sorted
        else:
            af = self.af.restrict(self.open) if self.open.size < len(self.af) else self.af
            local, lift = self._local_query(), self._lift
        if self.code == "ID":
            return _answer_from(self, [lift(self._clingo_ideal(af))])
        decided = None if self.query < 0 or local is not None else int(self.grounded[self.query])
        if (self.problem == "DC" and decided == OUT) or (self.problem == "DS" and decided == IN):
            return (self.problem == "DS", None)
        program, groups = self._programs(af)
        if self.problem in ("EE", "CE"):
            models = (lift(model) for assume in groups for model in program.models(assume))
            return list(models) if self.problem == "EE" else sum(1 for _ in models)
        if self.problem == "DS" and self.code == "PR" and local is not None:
            return self._skeptical_preferred(af, local)
        extra = [] if local is None or local < 0 else [("in", local, self.problem == "DC")]
        for assume in groups:
            model = program.first([*assume, *extra])
            if model is not None:
                return (self.problem != "DS", lift(model))
        return (self.problem == "DS", None)

    def _program(self, af: AttackFramework, semantics: str) -> Program:
        return Program(af, semantics, task=self.task, deadline=self.deadline)

    def _programs(self, af: AttackFramework) -> tuple[Program, Iterator[list[tuple[str, int, bool]]]]:
        """The program to ask, and the groups of assumptions to ask it under (one, but for ranges)."""
        semantics = SEMANTICS_CODES[self.code]
        if semantics in ("complete", "preferred", "stable"):
            return self._program(af, semantics), iter([[]])
        # semi-stable and stage: the stable extensions when there are any (Caminada 2006)
        stable = self._program(af, "stable")
        if stable.first() is not None:
            return stable, iter([[]])
        return self._program(af, f"{semantics}-ranges"), self._maximal_ranges(af, semantics)

    def _maximal_ranges(self, af: AttackFramework, semantics: str) -> Iterator[list[tuple[str, int, bool]]]:
        """Each maximal range once (the domain heuristic), as assumptions fixing every ``in_range``."""
        n = len(af)
        for model in self._program(af, semantics).models():
            in_range = np.zeros(n, dtype=bool)
            in_range[model] = True
            in_range[_attacked(af, np.asarray(model, dtype=np.int64))] = True
            yield [("in_range", i, bool(in_range[i])) for i in range(n)]

    def _local_query(self) -> int | None:
        """The query's index in the open part; ``None`` when grounded decides it (or there is none)."""
        if self.query < 0:
            return -1
        if self.grounded[self.query] != UNDEC:
            return None
        return int(np.searchsorted(self.open, self.query))

    def _lift(self, members: list[int] | Indices) -> Indices:
        """An extension of the open part, as an extension of the whole framework."""
        local = np.asarray(members, dtype=np.int64)
        return np.sort(np.concatenate((self.accepted, self.open[local])))

    def _skeptical_preferred(self, af: AttackFramework, local: int) -> _Answer:
        """DS-PR, counterexample-guided, in one program with the preferred heuristic.

        A complete extension without the query, maximal among those (one call), is grown to
        a preferred extension (one call assuming its members). If that lacks the query it is
        the counterexample; otherwise every later candidate must leave it (a clause), and the
        loop goes on until there is no candidate: then every preferred extension has the query.
        """
        program = self._program(af, "preferred")
        while (start := program.first([("in", local, False)])) is not None:
            preferred = program.first([("in", i, True) for i in start])
            if preferred is None:
                raise SolverError(f"{self.task}: clingo found no preferred extension around a complete one")
            if local not in preferred:
                return (False, self._lift(preferred))
            program.forbid_within(preferred)
        return (True, None)

    def _clingo_ideal(self, af: AttackFramework) -> Indices:
        """The credulously accepted arguments, one solver call per growth, then the native fixpoint."""
        program = self._program(af, "preferred")
        credulous = np.zeros(len(af), dtype=bool)
        while (model := program.first()) is not None:
            credulous[model] = True
            program.forbid_within(np.flatnonzero(credulous).tolist())
        return _ideal(af, credulous)


def _answer_from(job: _Job, extensions: list[Indices]) -> _Answer:
    """The answer of ``job`` from the list of all its extensions."""
    if job.problem == "EE":
        return extensions
    if job.problem == "CE":
        return len(extensions)
    if job.problem == "SE":
        return (bool(extensions), extensions[0] if extensions else None)
    wanted = job.problem == "DC"
    for extension in extensions:
        if bool(np.isin(job.query, extension)) == wanted:
            return (wanted, extension)
    return (not wanted, None)


def _sorted(members: list[int] | Indices) -> Indices:
    return np.sort(np.asarray(members, dtype=np.int64))


def _attacked(af: AttackFramework, members: Indices) -> Indices:
    chosen = np.zeros(len(af), dtype=bool)
    chosen[members] = True
    return np.unique(af.targets[chosen[af.sources]]).astype(np.int64)


def _maximal_range(af: AttackFramework, extensions: list[Indices]) -> list[Indices]:
    """The extensions whose range (members and what they attack) is subset-maximal."""
    ranges = []
    for extension in extensions:
        covered = np.zeros(len(af), dtype=bool)
        covered[extension] = True
        covered[_attacked(af, extension)] = True
        ranges.append(int.from_bytes(np.packbits(covered, bitorder="little").tobytes(), "little"))
    return [
        e for e, r in zip(extensions, ranges, strict=True) if not any(r & o == r and o != r for o in ranges)
    ]


def _ideal(af: AttackFramework, credulous: npt.NDArray[np.bool_]) -> Indices:
    """The ideal extension from the credulously accepted arguments (Dunne 2009).

    The ideal extension is the greatest admissible set whose members no admissible set
    attacks: start from the credulously accepted arguments that no credulously accepted
    argument attacks (a conflict-free set) and drop, until nothing changes, every member
    with an attacker the set does not attack.
    """
    n = len(af)
    sources, targets = af.sources, af.targets
    attacked_by_credulous = np.zeros(n, dtype=bool)
    attacked_by_credulous[targets[credulous[sources]]] = True
    members = credulous & ~attacked_by_credulous
    while True:
        defeated = np.zeros(n, dtype=bool)
        defeated[targets[members[sources]]] = True
        undefended = np.zeros(n, dtype=bool)
        undefended[targets[~defeated[sources]]] = True
        keep = members & ~undefended
        if np.array_equal(keep, members):
            return np.flatnonzero(members).astype(np.int64)
        members = keep


def _ordered(extensions: list[Indices]) -> list[Indices]:
    return sorted(extensions, key=lambda e: (e.size, e.tolist()))


def _check_time(deadline: float | None, task: str) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise SolverError(f"{task}: no answer within the time limit")
