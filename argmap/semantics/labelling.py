"""The one labelling core behind every Dung semantics.

A labelling gives every argument ``in``, ``out`` or ``undec`` (Caminada 2006). Two
procedures share the rules of a *complete* labelling (an argument is ``in`` iff all
its attackers are ``out``, and ``out`` iff some attacker is ``in``):

* :func:`grounded_labels` computes the least fixed point of Dung's characteristic
  function in linear time: it counts each argument's attackers that are not yet
  ``out``; an argument whose count drops to zero becomes ``in``, its targets ``out``,
  and their targets' counts drop in turn. Each attack is looked at most twice, so a
  chain of a million attacks costs the same as a million separate ones.
* :func:`search` enumerates the complete, preferred or stable labellings by
  backtracking on what the grounded labelling leaves ``undec`` (the other arguments
  have the same label in every complete labelling). Sets of arguments are Python
  integers used as bit sets; one propagation routine (:class:`_Search`) derives
  forced labels after every choice, and the three semantics differ only in what is a
  solution and what is branched on.

Labels are small integers in numpy ``int8`` arrays: ``UNDEC``, ``IN``, ``OUT``.

Examples
--------
>>> from argmap.semantics.framework import AttackFramework
>>> af = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> [LABEL_NAMES[label] for label in grounded_labels(af)]
['in', 'out', 'in']
>>> nixon = AttackFramework(["q", "r"], [("q", "r"), ("r", "q")])
>>> sorted(sorted(nixon.names[i] for i in e) for e in search(nixon, "preferred"))
[['q'], ['r']]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import Literal

import numpy as np
import numpy.typing as npt

from argmap.errors import SolverError, UsageError
from argmap.semantics.framework import AttackFramework

__all__ = [
    "IN",
    "LABEL_NAMES",
    "OUT",
    "UNDEC",
    "Labels",
    "SearchMode",
    "grounded_labels",
    "grounded_rounds",
    "labels_of_extension",
    "search",
]

UNDEC, IN, OUT = 0, 1, 2
LABEL_NAMES: tuple[Literal["undec"], Literal["in"], Literal["out"]] = ("undec", "in", "out")
Labels = npt.NDArray[np.int8]
SearchMode = Literal["complete", "preferred", "stable"]
_MODES = ("complete", "preferred", "stable")
_UNION_LIMIT = 12


def grounded_labels(af: AttackFramework) -> Labels:
    """The grounded labelling, as an array of ``IN``/``OUT``/``UNDEC`` per argument index.

    Linear in the number of arguments and attacks (a queue, not rounds of the
    characteristic function).

    Parameters
    ----------
    af : AttackFramework

    Returns
    -------
    numpy.ndarray of int8
        ``labels[i]`` is the label of argument ``i``.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> chain = AttackFramework.from_edges(4, [0, 1, 2], [1, 2, 3])
    >>> grounded_labels(chain).tolist() == [IN, OUT, IN, OUT]
    True
    >>> grounded_labels(AttackFramework(["s"], [("s", "s")])).tolist() == [UNDEC]
    True
    """
    n = len(af)
    if n == 0:
        return np.zeros(0, dtype=np.int8)
    live_counts = np.bincount(af.targets, minlength=n)
    ready = np.flatnonzero(live_counts == 0).tolist()
    pointers = af.out_pointers.tolist()
    targets = af.targets.tolist()
    live = live_counts.tolist()
    labels = bytearray(n)
    for a in ready:
        labels[a] = IN
    # ``ready`` holds arguments labelled IN whose targets are still to be labelled OUT.
    while ready:
        a = ready.pop()
        for b in targets[pointers[a] : pointers[a + 1]]:
            if labels[b] == UNDEC:
                labels[b] = OUT
                for c in targets[pointers[b] : pointers[b + 1]]:
                    live[c] -= 1
                    if live[c] == 0 and labels[c] == UNDEC:
                        labels[c] = IN
                        ready.append(c)
    return np.frombuffer(bytes(labels), dtype=np.int8).copy()


def grounded_rounds(af: AttackFramework) -> npt.NDArray[np.int64]:
    """When each argument gets its grounded label, counting rounds of the characteristic function.

    Dung's characteristic function ``F`` applied ``k`` times to the empty set gives ``F^k``;
    an ``in`` argument's round is the least ``k`` with the argument in ``F^k`` (1 for an
    unattacked argument); an ``out`` argument's round is the least round of the ``in``
    arguments attacking it. An ``in`` argument's round is one more than the largest round of
    its attackers, so following, from an ``out`` argument, the attacker of least round always
    reaches unattacked arguments: the grounded game's shortest winning strategy (Modgil &
    Caminada 2009). Computed in waves, linear in the arguments and attacks; the labels agree
    with :func:`grounded_labels`.

    Parameters
    ----------
    af : AttackFramework

    Returns
    -------
    numpy.ndarray of int64
        ``rounds[i]`` for argument ``i``: 1, 2, ... for ``in`` and ``out``, 0 for ``undec``.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> chain = AttackFramework.from_edges(4, [0, 1, 2], [1, 2, 3])
    >>> grounded_rounds(chain).tolist()
    [1, 1, 2, 2]
    >>> grounded_rounds(AttackFramework(["a", "b"], [("a", "b"), ("b", "a")])).tolist()
    [0, 0]
    """
    n = len(af)
    rounds = [0] * n
    pointers = af.out_pointers.tolist()
    targets = af.targets.tolist()
    live = np.bincount(af.targets, minlength=n).tolist() if n else []
    labels = bytearray(n)
    frontier = [a for a in range(n) if live[a] == 0]
    for a in frontier:
        labels[a], rounds[a] = IN, 1
    step = 1
    while frontier:
        following: list[int] = []
        for a in frontier:
            for b in targets[pointers[a] : pointers[a + 1]]:
                if labels[b] == UNDEC:
                    labels[b], rounds[b] = OUT, step
                    for c in targets[pointers[b] : pointers[b + 1]]:
                        live[c] -= 1
                        if live[c] == 0 and labels[c] == UNDEC:
                            labels[c], rounds[c] = IN, step + 1
                            following.append(c)
        frontier = following
        step += 1
    return np.array(rounds, dtype=np.int64)


def labels_of_extension(af: AttackFramework, members: npt.ArrayLike) -> Labels:
    """The labelling of a set of arguments: ``in`` for members, ``out`` for what they attack.

    Parameters
    ----------
    af : AttackFramework
    members : array-like of int
        Argument indices.

    Returns
    -------
    numpy.ndarray of int8

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> af = AttackFramework(["a", "b", "c"], [("a", "b")])
    >>> labels_of_extension(af, [0]).tolist() == [IN, OUT, UNDEC]
    True
    """
    labels = np.zeros(len(af), dtype=np.int8)
    chosen = np.zeros(len(af), dtype=bool)
    chosen[np.asarray(members, dtype=np.int64)] = True
    labels[af.targets[chosen[af.sources]]] = OUT
    labels[chosen] = IN
    return labels


def search(
    af: AttackFramework, mode: SearchMode, grounded: Labels | None = None, *, deadline: float | None = None
) -> list[npt.NDArray[np.int64]]:
    """Every complete, preferred or stable extension, as sorted arrays of argument indices.

    The search runs on the arguments the grounded labelling leaves ``undec``; the
    grounded ``in`` arguments are added to every extension.

    Parameters
    ----------
    af : AttackFramework
    mode : {"complete", "preferred", "stable"}
    grounded : numpy.ndarray, optional
        The grounded labelling, if already computed.
    deadline : float, optional
        A :func:`time.monotonic` time; past it the search stops with :class:`SolverError`.

    Returns
    -------
    list of numpy.ndarray
        One array per extension (stable: possibly none), in a deterministic order.

    Raises
    ------
    UsageError
        If ``mode`` is not one of the three.
    SolverError
        If the deadline passes.

    Examples
    --------
    >>> from argmap.semantics.framework import AttackFramework
    >>> odd = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> search(odd, "stable"), [e.tolist() for e in search(odd, "preferred")]
    ([], [[]])
    """
    if mode not in _MODES:
        raise UsageError(f"unknown search mode {mode!r}; known: {', '.join(_MODES)}")
    labels = grounded_labels(af) if grounded is None else grounded
    accepted = np.flatnonzero(labels == IN)
    open_args = np.flatnonzero(labels == UNDEC)
    if open_args.size == 0:
        return [accepted]
    engine = _Search(af, open_args)
    engine.deadline = deadline
    found = engine.run(mode)
    extensions = [np.sort(np.concatenate((accepted, open_args[list(_bits(mask))]))) for mask in found]
    return extensions


def _bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class _Conflict(Exception):
    """A branch of the search has no solution."""


class _Search:
    """Backtracking over the open arguments, with bit sets for sets of arguments.

    A search state is four sets: ``inside`` (labelled in), ``excluded`` (may not be in),
    ``attacked`` (attacked by ``inside``: labelled out) and ``attacking`` (attackers
    of ``inside``: they must end up out, so they may not be in). An argument is a
    *candidate* when it is in none of them.
    """

    def __init__(self, af: AttackFramework, open_args: npt.NDArray[np.int64]) -> None:
        m = int(open_args.size)
        local = np.full(len(af), -1, dtype=np.int64)
        local[open_args] = np.arange(m)
        src, tgt = local[af.sources], local[af.targets]
        keep = (src >= 0) & (tgt >= 0)
        src, tgt = src[keep], tgt[keep]
        self.m = m
        self.everything = (1 << m) - 1
        self.attackers_of = _bitsets(m, tgt, src)
        self.targets_of = _bitsets(m, src, tgt)
        self.self_attacking = 0
        for i in np.unique(src[src == tgt]).tolist():
            self.self_attacking |= 1 << i
        self.stable = False
        self.found: list[int] = []
        self.deadline: float | None = None

    # -- propagation ----------------------------------------------------------------

    def _propagate(self, state: list[int], dirty: int) -> None:
        """Derive forced labels until nothing changes; raise :class:`_Conflict` on a dead end.

        ``dirty`` holds the arguments whose rules may now fire. The rules, for an argument
        ``y`` that is neither in nor out: if all its attackers are out, it must be in (an
        argument defended by a complete extension belongs to it); if none of its
        attackers can still be in, nothing it attacks can be in, and if it attacks the
        extension there is no way to defend against it; if it must be attacked and only
        one attacker can be, that attacker is in. Under stable semantics every argument
        must be in or attacked, which forces more.
        """
        attackers_of, targets_of, stable = self.attackers_of, self.targets_of, self.stable
        inside, excluded, attacked, attacking = state
        candidates = self.everything & ~(inside | excluded | attacked | attacking)
        dirty &= ~(inside | attacked)
        while dirty:
            low = dirty & -dirty
            dirty ^= low
            y = low.bit_length() - 1
            y_attackers = attackers_of[y]
            options = y_attackers & candidates
            if y_attackers & ~attacked == 0:
                x = y
            elif options == 0:
                if low & attacking:
                    raise _Conflict
                if stable:
                    if not low & candidates:
                        raise _Conflict
                    x = y
                else:
                    newly_excluded = targets_of[y] & candidates
                    if newly_excluded:
                        excluded |= newly_excluded
                        candidates &= ~newly_excluded
                        dirty |= (newly_excluded | self._targets_of_all(newly_excluded)) & ~(
                            inside | attacked
                        )
                    continue
            elif options & (options - 1) == 0 and (low & attacking or (stable and not low & candidates)):
                x = options.bit_length() - 1
            else:
                continue
            # Label x in (inlined _add_in: this loop is the hot spot of the search).
            bit = 1 << x
            if bit & (excluded | attacked | attacking):
                raise _Conflict
            new_attacked = targets_of[x] & ~attacked
            new_attacking = attackers_of[x] & ~attacking
            if (new_attacked | new_attacking) & (inside | bit):
                raise _Conflict
            removed = (bit | new_attacked | new_attacking) & candidates
            inside |= bit
            attacked |= new_attacked
            attacking |= new_attacking
            candidates &= ~removed
            dirty |= removed | new_attacking | self._targets_of_all(new_attacked | removed)
            dirty &= ~(inside | attacked)
        state[:] = inside, excluded, attacked, attacking

    def _add_in(self, state: list[int], x: int) -> int:
        """Label ``x`` in; return the arguments whose rules may now fire."""
        inside, excluded, attacked, attacking = state
        bit = 1 << x
        if bit & (excluded | attacked | attacking):
            raise _Conflict
        candidates = self.everything & ~(inside | excluded | attacked | attacking)
        new_attacked = self.targets_of[x] & ~attacked
        new_attacking = self.attackers_of[x] & ~attacking
        if (new_attacked | new_attacking) & (inside | bit):
            raise _Conflict
        state[:] = inside | bit, excluded, attacked | new_attacked, attacking | new_attacking
        removed = (bit | new_attacked | new_attacking) & candidates
        return removed | new_attacking | self._targets_of_all(new_attacked | removed)

    def _targets_of_all(self, mask: int) -> int:
        if mask.bit_count() > _UNION_LIMIT:
            # Cheaper to look at every argument again than to build a large union.
            return self.everything
        targets_of, union = self.targets_of, 0
        for i in _bits(mask):
            union |= targets_of[i]
        return union

    def _child(self, state: list[int], x: int, excluded: int) -> list[int] | None:
        """The state after labelling ``x`` in and excluding ``excluded``, propagated (None: dead end)."""
        child = list(state)
        try:
            before = child[0] | child[1] | child[2] | child[3]
            newly = excluded & self.everything & ~before
            child[1] |= newly
            dirty = newly | self._targets_of_all(newly) | self._add_in(child, x)
            self._propagate(child, dirty)
        except _Conflict:
            return None
        return child

    # -- the search -----------------------------------------------------------------

    def run(self, mode: SearchMode) -> list[int]:
        """Every solution of ``mode`` as a bit set of open-argument positions."""
        self.stable = mode == "stable"
        root = [0, self.self_attacking, 0, 0]
        try:
            self._propagate(root, self.everything)
        except _Conflict:
            return []
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, self.m + 1000))
        try:
            self._visit(root, mode)
        finally:
            sys.setrecursionlimit(limit)
        if mode == "preferred":
            return _maximal(self.found)
        return self.found

    def _visit(self, state: list[int], mode: SearchMode) -> bool:
        """Search below ``state``; return whether any solution was recorded there."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise SolverError("no answer within the time limit")
        inside, excluded, attacked, attacking = state
        candidates = self.everything & ~(inside | excluded | attacked | attacking)
        undefended = attacking & ~attacked
        if undefended:
            return self._branch(state, self._fewest_options(undefended, candidates, 0), mode)
        if mode == "stable":
            uncovered = self.everything & ~(inside | attacked)
            if not uncovered:
                self.found.append(inside)
                return True
            return self._branch(state, self._fewest_options(uncovered, candidates, 1), mode)
        # ``inside`` is a complete extension of the open part: record it, then look for larger ones.
        if mode == "complete":
            self.found.append(inside)
        grew = self._branch(state, candidates, mode)
        if mode == "preferred" and not grew:
            self.found.append(inside)
        return True

    def _fewest_options(self, arguments: int, candidates: int, itself: int) -> int:
        """The candidates that could attack (or, with ``itself``, be) the neediest of ``arguments``."""
        best, best_count = 0, self.m + 2
        attackers_of = self.attackers_of
        for y in _bits(arguments):
            options = (attackers_of[y] | (itself << y)) & candidates
            count = options.bit_count()
            if count < best_count:
                best, best_count = options, count
                if count <= 1:
                    break
        return best

    def _branch(self, state: list[int], options: int, mode: SearchMode) -> bool:
        """Try each option in turn as ``in``, excluding the ones tried before it."""
        any_found, tried = False, 0
        for x in _bits(options):
            child = self._child(state, x, tried)
            if child is not None and self._visit(child, mode):
                any_found = True
            tried |= 1 << x
        return any_found


def _bitsets(m: int, keys: npt.NDArray[np.int64], values: npt.NDArray[np.int64]) -> list[int]:
    """``result[k]`` is the bit set of ``values[j]`` over all ``j`` with ``keys[j] == k``."""
    result = [0] * m
    order = np.argsort(keys, kind="stable")
    keys_sorted, values_sorted = keys[order].tolist(), values[order].tolist()
    for k, v in zip(keys_sorted, values_sorted, strict=True):
        result[k] |= 1 << v
    return result


def _maximal(sets: list[int]) -> list[int]:
    """The members of ``sets`` that are not strict subsets of another, largest first."""
    kept: list[int] = []
    for candidate in sorted(set(sets), key=lambda s: -s.bit_count()):
        if not any(candidate & other == candidate for other in kept):
            kept.append(candidate)
    return kept
