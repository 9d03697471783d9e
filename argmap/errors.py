"""The one exception hierarchy of argmap.

Every error the library raises on purpose derives from :class:`ArgmapError`, so a
caller (the command line among them) can catch them all in one place. Errors
about a map's content carry a list of :class:`Problem`, each naming the file, the
place (line, column, id) and what is wrong, so that every problem of a file is
reported in one run.

Each class has an ``exit_code``: the command line exits with it.

========  ==========================================================
exit code meaning
========  ==========================================================
0         success
1         the input map (or source text) is invalid or unreadable
2         usage error: a bad option, an unknown format or id
3         output error: cannot write, or refused to overwrite input
70        internal error (a bug: please report it)
========  ==========================================================
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ArgmapError",
    "LimitError",
    "MapError",
    "MapValidationError",
    "OutputError",
    "ParseError",
    "Problem",
    "UnknownFormatError",
    "UnknownIdError",
    "UsageError",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a map, and where.

    Parameters
    ----------
    message : str
        What is wrong, in one sentence.
    file : str or None
        The file the map was read from, if any.
    line, column : int or None
        1-based position in that file, where it is known.
    id : str or None
        The id of the statement or relation concerned, where there is one.
    path : tuple
        Where in the map's data the problem lies, e.g. ``("relations", 3, "to")``.

    Examples
    --------
    >>> print(Problem("unknown key 'txt'", file="m.yaml", line=4, column=5, id="P1"))
    m.yaml:4:5: P1: unknown key 'txt'
    """

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    id: str | None = None
    path: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        place = [self.file or "<map>"]
        if self.line is not None:
            place.append(str(self.line))
            if self.column is not None:
                place.append(str(self.column))
        head = ":".join(place)
        who = f" {self.id}:" if self.id else ""
        return f"{head}:{who} {self.message}"


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""

    exit_code = 1


class MapError(ArgmapError):
    """A map (or its source text) could not be read or is not valid.

    ``problems`` lists everything found, one :class:`Problem` each; ``str()`` gives
    one line per problem.
    """

    exit_code = 1

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ParseError(MapError):
    """The file is not well-formed (bad YAML/JSON syntax, wrong encoding...)."""


class MapValidationError(MapError):
    """The file is well-formed but the map breaks the format's rules."""


class UsageError(ArgmapError):
    """The caller asked for something that does not exist or cannot be done."""

    exit_code = 2


class UnknownFormatError(UsageError):
    """A file suffix or format name argmap does not know."""


class UnknownIdError(UsageError):
    """An id given by the caller names no statement or relation of the map."""


class OutputError(ArgmapError):
    """An output could not be written, or writing it would destroy an input."""

    exit_code = 3


class LimitError(ArgmapError):
    """A map within the reader limits would grow beyond a limit when analysed (e.g. ``max_attacks``).

    Checked before the memory is spent; the message names the file where known, the limit
    and how to raise it. Exit code 1, as for a map refused when read.
    """

    exit_code = 1
