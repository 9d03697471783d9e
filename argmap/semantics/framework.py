"""The abstract argumentation framework: arguments and attacks, stored as arrays.

An :class:`AttackFramework` holds its attacks as two ``int32`` arrays (attacker and
target index per attack, sorted, without duplicates) and a compressed sparse row
(CSR) index over them, so that a framework of a million arguments and several million
attacks costs tens of megabytes, not gigabytes of Python objects. Arguments have names
(``af.names[i]``); an index of names is built on first use.

Examples
--------
>>> af = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> len(af), af.n_attacks
(3, 2)
>>> [af.names[i] for i in af.attacked_by(af.index("a"))]
['b']
>>> print(af.to_apx(), end="")
arg(a).
arg(b).
arg(c).
att(a,b).
att(b,c).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from argmap._files import read_file
from argmap.errors import UnknownIdError, UsageError
from argmap.limits import default_limits
from argmap.semantics import formats

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["AttackFramework", "IndexArray", "SupportMode"]

IndexArray = npt.NDArray[np.int32]
SupportMode = Literal["none", "deductive", "necessary"]


class AttackFramework:
    """A Dung argumentation framework ``(A, R)`` with named arguments.

    Parameters
    ----------
    names : iterable of str
        The arguments, in index order; names must be unique.
    attacks : iterable of (str, str)
        ``(attacker, target)`` pairs of names. Repeated attacks count once;
        self-attacks are allowed.

    Raises
    ------
    UsageError
        If a name is repeated.
    UnknownIdError
        If an attack names an argument that is not in ``names``.

    Examples
    --------
    >>> af = AttackFramework(["a", "b"], [("a", "b"), ("a", "b"), ("b", "b")])
    >>> af.n_attacks, sorted(af.attack_pairs())
    (2, [('a', 'b'), ('b', 'b')])
    """

    def __init__(self, names: Iterable[str], attacks: Iterable[tuple[str, str]] = ()) -> None:
        name_tuple = tuple(names)
        index = _name_index(name_tuple)
        sources: list[int] = []
        targets: list[int] = []
        for attacker, target in attacks:
            for name in (attacker, target):
                if name not in index:
                    raise UnknownIdError(f"attack ({attacker!r}, {target!r}) names no argument {name!r}")
            sources.append(index[attacker])
            targets.append(index[target])
        self._setup(name_tuple, np.array(sources, dtype=np.int64), np.array(targets, dtype=np.int64))
        self.__dict__["_index"] = index

    @classmethod
    def from_edges(
        cls,
        names: Sequence[str] | int,
        sources: npt.ArrayLike,
        targets: npt.ArrayLike,
    ) -> AttackFramework:
        """A framework from index arrays: attack ``k`` is ``sources[k] -> targets[k]``.

        Parameters
        ----------
        names : sequence of str, or int
            The argument names in index order, or a count ``n`` for names ``"1"`` .. ``"n"``
            (the ICCMA convention).
        sources, targets : array-like of int
            0-based argument indices, of equal length.

        Returns
        -------
        AttackFramework

        Raises
        ------
        UsageError
            If the arrays differ in length, an index is out of range, or a name repeats.

        Examples
        --------
        >>> af = AttackFramework.from_edges(3, [0, 1], [1, 2])
        >>> af.names, sorted(af.attack_pairs())
        (('1', '2', '3'), [('1', '2'), ('2', '3')])
        """
        if isinstance(names, int):
            if names < 0:
                raise UsageError(f"a framework cannot have {names} arguments")
            name_tuple: tuple[str, ...] = tuple(map(str, range(1, names + 1)))
        else:
            name_tuple = tuple(names)
            if len(set(name_tuple)) != len(name_tuple):
                _name_index(name_tuple)
        src = np.asarray(sources, dtype=np.int64).ravel()
        tgt = np.asarray(targets, dtype=np.int64).ravel()
        if src.shape != tgt.shape:
            raise UsageError(f"{src.size} attack sources but {tgt.size} targets")
        n = len(name_tuple)
        if src.size and (min(src.min(), tgt.min()) < 0 or max(src.max(), tgt.max()) >= n):
            raise UsageError(f"an attack index is outside 0..{n - 1}")
        framework = cls.__new__(cls)
        framework._setup(name_tuple, src, tgt)
        return framework

    def _setup(
        self, names: tuple[str, ...], sources: npt.NDArray[np.int64], targets: npt.NDArray[np.int64]
    ) -> None:
        n = len(names)
        if n >= 2**31 - 1:
            raise UsageError("a framework is limited to 2**31 - 2 arguments")
        keys = np.unique(sources * n + targets) if sources.size else np.zeros(0, dtype=np.int64)
        self._names = names
        self._sources: IndexArray = (keys // max(n, 1)).astype(np.int32)
        self._targets: IndexArray = (keys % max(n, 1)).astype(np.int32)
        self._out_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(self._sources, minlength=n), out=self._out_ptr[1:])

    # -- constructors from files and maps -----------------------------------------

    @classmethod
    def read(cls, path: str | Path, format: str | None = None) -> AttackFramework:
        """Read a framework file: ASPARTIX ``.apx``, ``.tgf``, or ICCMA'23 ``.af``/``.i23``.

        Parameters
        ----------
        path : str or Path
            The file.
        format : {"apx", "tgf", "iccma"}, optional
            By default chosen from the suffix.

        Returns
        -------
        AttackFramework

        Raises
        ------
        UnknownFormatError
            If the suffix (or ``format``) is not one of the known ones; the message lists them.
        ParseError
            If the file cannot be read or is malformed; the problem names the file and line.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "two.af"
        >>> _ = path.write_text("p af 2\\n# a comment\\n1 2\\n")
        >>> sorted(AttackFramework.read(path).attack_pairs())
        [('1', '2')]
        """
        fmt = formats.get_format(format) if format is not None else formats.format_for_path(path)
        data = read_file(path, default_limits(), what="cannot read the file")
        parsed = fmt.parse(data, str(path))
        framework = cls.from_edges(parsed.names, parsed.sources, parsed.targets)
        return framework

    @classmethod
    def parse(cls, data: bytes | str, format: str, *, file: str = "<string>") -> AttackFramework:
        """A framework from the text of a file in the named format.

        Parameters
        ----------
        data : bytes or str
            The file's content.
        format : {"apx", "tgf", "iccma"}
            The format's name.
        file : str
            The name used in error messages.

        Returns
        -------
        AttackFramework

        Raises
        ------
        UnknownFormatError
            If the format is unknown.
        ParseError
            If the text is malformed.

        Examples
        --------
        >>> AttackFramework.parse("a\\nb\\n#\\na b\\n", "tgf").names
        ('a', 'b')
        """
        fmt = formats.get_format(format)
        parsed = fmt.parse(data.encode() if isinstance(data, str) else data, file)
        return cls.from_edges(parsed.names, parsed.sources, parsed.targets)

    @classmethod
    def from_map(cls, argument_map: ArgumentMap, support: SupportMode | str = "none") -> AttackFramework:
        """The framework of an argument map; see :func:`argmap.semantics.from_map.framework_of_map`.

        Examples
        --------
        >>> from argmap.model import ArgumentMap, Relation, Statement
        >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c"),
        ...     Statement(id="R", kind="rebuttal", text="r")],
        ...     relations=[Relation(id="r1", type="attack", sources="R", to="C")])
        >>> sorted(AttackFramework.from_map(m).attack_pairs())
        [('r1', 'C')]
        """
        from argmap.semantics.from_map import framework_of_map

        return framework_of_map(argument_map, support=support)

    # -- the arrays ---------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        """The argument names, in index order."""
        return self._names

    @property
    def sources(self) -> IndexArray:
        """Attacker index of every attack (sorted by attacker, then target; read-only view)."""
        view = self._sources.view()
        view.flags.writeable = False
        return view

    @property
    def targets(self) -> IndexArray:
        """Target index of every attack, aligned with :attr:`sources` (read-only view)."""
        view = self._targets.view()
        view.flags.writeable = False
        return view

    @property
    def out_pointers(self) -> npt.NDArray[np.int64]:
        """CSR row pointers: the attacks of argument ``i`` are ``out_pointers[i]:out_pointers[i + 1]``."""
        view = self._out_ptr.view()
        view.flags.writeable = False
        return view

    @cached_property
    def _in_csr(self) -> tuple[npt.NDArray[np.int64], IndexArray]:
        order = np.argsort(self._targets, kind="stable")
        pointers = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(np.bincount(self._targets, minlength=len(self)), out=pointers[1:])
        return pointers, self._sources[order]

    @cached_property
    def _index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self._names)}

    def __len__(self) -> int:
        return len(self._names)

    @property
    def n_attacks(self) -> int:
        """The number of (distinct) attacks."""
        return int(self._sources.size)

    def attackers(self, i: int) -> IndexArray:
        """The indices of the arguments attacking argument ``i``, ascending.

        Examples
        --------
        >>> af = AttackFramework(["a", "b", "c"], [("a", "c"), ("b", "c")])
        >>> af.attackers(2).tolist()
        [0, 1]
        """
        pointers, attackers = self._in_csr
        return attackers[pointers[i] : pointers[i + 1]]

    def attacked_by(self, i: int) -> IndexArray:
        """The indices of the arguments that argument ``i`` attacks, ascending.

        Examples
        --------
        >>> af = AttackFramework(["a", "b", "c"], [("a", "c"), ("a", "b")])
        >>> af.attacked_by(0).tolist()
        [1, 2]
        """
        return self._targets[self._out_ptr[i] : self._out_ptr[i + 1]]

    def index(self, name: str) -> int:
        """The index of the argument with this name.

        Raises
        ------
        UnknownIdError
            If no argument has this name.

        Examples
        --------
        >>> AttackFramework(["a", "b"]).index("b")
        1
        """
        try:
            return self._index[name]
        except KeyError:
            raise UnknownIdError(f"no argument {name!r} in the framework") from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self._index

    def attack_pairs(self) -> Iterator[tuple[str, str]]:
        """Every attack as a pair of names (one Python tuple per attack: for small frameworks).

        Examples
        --------
        >>> list(AttackFramework(["a", "b"], [("b", "a")]).attack_pairs())
        [('b', 'a')]
        """
        names = self._names
        for s, t in zip(self._sources.tolist(), self._targets.tolist(), strict=True):
            yield names[s], names[t]

    def relabel(self, names: Sequence[str]) -> AttackFramework:
        """The same framework with new names (``names[i]`` for argument ``i``).

        Raises
        ------
        UsageError
            If the number of names differs or a name repeats.

        Examples
        --------
        >>> AttackFramework.from_edges(2, [0], [1]).relabel(["x", "y"]).names
        ('x', 'y')
        """
        if len(names) != len(self):
            raise UsageError(f"{len(names)} names for {len(self)} arguments")
        return AttackFramework.from_edges(list(names), self._sources, self._targets)

    def restrict(self, keep: npt.ArrayLike) -> AttackFramework:
        """The sub-framework on the arguments with these indices (and the attacks among them).

        Examples
        --------
        >>> af = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
        >>> sorted(af.restrict([1, 2]).attack_pairs())
        [('b', 'c')]
        """
        kept = np.unique(np.asarray(keep, dtype=np.int64))
        position = np.full(len(self), -1, dtype=np.int64)
        position[kept] = np.arange(kept.size)
        src, tgt = position[self._sources], position[self._targets]
        both = (src >= 0) & (tgt >= 0)
        return AttackFramework.from_edges([self._names[i] for i in kept.tolist()], src[both], tgt[both])

    def __eq__(self, other: object) -> bool:
        """Equal when the argument names and the named attacks are the same sets (order aside)."""
        if not isinstance(other, AttackFramework):
            return NotImplemented
        if len(self) != len(other) or self.n_attacks != other.n_attacks:
            return False
        if set(self._names) != set(other._names):
            return False
        mapping = np.array([other._index[name] for name in self._names], dtype=np.int64)
        mine = np.sort(mapping[self._sources] * len(self) + mapping[self._targets])
        theirs = other._sources.astype(np.int64) * len(other) + other._targets
        return bool(np.array_equal(mine, theirs))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<AttackFramework: {len(self)} arguments, {self.n_attacks} attacks>"

    # -- writers ------------------------------------------------------------------

    def to_apx(self) -> str:
        """The framework as ASPARTIX facts, one per line; names that are not plain identifiers are quoted."""
        return formats.generate_apx(self._names, self._sources, self._targets)

    def to_tgf(self) -> str:
        """The framework in Trivial Graph Format.

        Raises
        ------
        UsageError
            If a name is empty or contains whitespace (TGF separates fields by whitespace).
        """
        return formats.generate_tgf(self._names, self._sources, self._targets)

    def to_iccma(self) -> str:
        """The framework in the ICCMA'23 format (``p af n``; arguments are 1-based indices).

        Examples
        --------
        >>> print(AttackFramework(["x", "y"], [("y", "x")]).to_iccma(), end="")
        p af 2
        2 1
        """
        return formats.generate_iccma(self._names, self._sources, self._targets)

    def write(self, path: str | Path, format: str | None = None) -> Path:
        """Write the framework to a file in the format its suffix (or ``format``) names.

        Returns
        -------
        Path
            The path written.

        Raises
        ------
        UnknownFormatError
            If the suffix or format is unknown.
        OutputError
            If the file cannot be written.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> af = AttackFramework(["a", "b"], [("a", "b")])
        >>> path = AttackFramework(["a", "b"], [("a", "b")]).write(pathlib.Path(tempfile.mkdtemp()) / "x.tgf")
        >>> AttackFramework.read(path) == af
        True
        """
        fmt = formats.get_format(format) if format is not None else formats.format_for_path(path)
        text = fmt.generate(self._names, self._sources, self._targets)
        from argmap.io import write_bytes_atomic  # the io package reads frameworks through this module

        return write_bytes_atomic(Path(path), text.encode("utf-8"))


def _name_index(names: tuple[str, ...]) -> dict[str, int]:
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise UsageError(f"argument names must be strings, not {type(name).__name__}")
        if index.setdefault(name, i) != i:
            raise UsageError(f"argument {name!r} is named twice")
    return index
