"""One map of a batch run: read it, analyse it, and give one record (a row) whatever happens.

:func:`analyse_file` is the unit of work the local pool and Dask run. It never raises:
a file that cannot be read or analysed gives a record with an ``error_kind`` and an
``error_message`` instead. :meth:`BatchRecord.row` flattens a record into the columns
written to CSV and Parquet (:func:`columns` lists them, in order, for a choice of
analyses); JSONL rows add :meth:`BatchRecord.results`, the full results.

Examples
--------
>>> record = analyse_file("graphs/ukraine-us-alliance.yaml", ("chains",))
>>> record.ok, record.format, record.claim
(True, 'yaml', 'C1')
>>> row = record.row()
>>> row["chains"] > 0, "claim_strength" in row
(True, False)
>>> analyse_file("README.md").row()["error_kind"]
'unknown-format'
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Literal, get_args

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from argmap._files import read_file
from argmap.analysis import (
    WEAK_LINK_KINDS,
    Acceptability,
    Counterargument,
    Strength,
    SupportChains,
    WeakLink,
    acceptability,
    analyze,
    counterarguments,
    strength,
    support_chains,
)
from argmap.errors import (
    ArgmapError,
    LimitError,
    MapValidationError,
    ParseError,
    UnknownFormatError,
    UsageError,
)
from argmap.io import detect_format, loads
from argmap.limits import default_limits
from argmap.model import RELATION_TYPES, STATEMENT_KINDS, ArgumentMap, default_claim
from argmap.summary import MapSummary, summarize

__all__ = [
    "ANALYSES",
    "ERROR_KINDS",
    "BatchRecord",
    "Cell",
    "ErrorKind",
    "analyse_file",
    "analyses_of_columns",
    "columns",
    "error_record",
    "parse_analyses",
]

ANALYSES: tuple[str, ...] = ("chains", "weak-links", "counterarguments", "acceptability", "strength")
"""The analysis names of ``--analyses``, in the order their columns appear."""

ErrorKind = Literal["parse", "invalid", "unknown-format", "usage", "timeout", "crash", "internal", "limit"]
ERROR_KINDS: tuple[str, ...] = get_args(ErrorKind)

Cell = str | int | float | None
"""The value of one column of a row."""

_COUNTER_STATUSES = ("answered", "standing", "contested")
_LABELS = ("in", "out", "undec")

_BASE_COLUMNS: tuple[tuple[str, type], ...] = (
    ("file", str),
    ("format", str),
    ("status", str),
    ("error_kind", str),
    ("error_message", str),
    ("statements", int),
    *((f"statements_{kind}", int) for kind in STATEMENT_KINDS),
    ("relations", int),
    *((f"relations_{kind}", int) for kind in RELATION_TYPES),
    ("undercuts", int),
    ("linked", int),
    ("claim", str),
)
_ANALYSIS_COLUMNS: dict[str, tuple[tuple[str, type], ...]] = {
    "chains": (("chains", int), ("chain_depth", int)),
    "weak-links": (
        ("weak_links", int),
        *((f"weak_links_{kind.replace('-', '_')}", int) for kind in WEAK_LINK_KINDS),
    ),
    "counterarguments": (
        ("counterarguments", int),
        *((f"counterarguments_{status}", int) for status in _COUNTER_STATUSES),
    ),
    "acceptability": (
        ("claim_label", str),
        *((f"labels_{label}", int) for label in _LABELS),
    ),
    "strength": (("strength_model", str), ("claim_strength", float)),
}


def parse_analyses(names: str | Iterable[str] | None) -> tuple[str, ...]:
    """The analyses asked for, checked and in the canonical order; ``None`` means all of them.

    Parameters
    ----------
    names : str, iterable of str or None
        Analysis names, or one comma-separated string of them (as ``--analyses`` takes).

    Returns
    -------
    tuple of str
        The names, without repeats, in the order of :data:`ANALYSES`.

    Raises
    ------
    UsageError
        For an unknown name (the message lists the known ones) or an empty choice.

    Examples
    --------
    >>> parse_analyses("strength,chains")
    ('chains', 'strength')
    >>> parse_analyses(["chain"])
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: unknown analysis 'chain'; known: chains, weak-links, counterarguments, \
acceptability, strength
    """
    if names is None:
        return ANALYSES
    wanted = [n.strip() for n in names.split(",")] if isinstance(names, str) else [n.strip() for n in names]
    wanted = [n for n in wanted if n]
    for name in wanted:
        if name not in ANALYSES:
            raise UsageError(f"unknown analysis {name!r}; known: {', '.join(ANALYSES)}")
    if not wanted:
        raise UsageError(f"no analysis chosen; known: {', '.join(ANALYSES)}")
    return tuple(name for name in ANALYSES if name in wanted)


def columns(analyses: Sequence[str] = ANALYSES) -> tuple[tuple[str, type], ...]:
    """The columns of a row, in order, as ``(name, type)`` with type ``str``, ``int`` or ``float``.

    Every row has every column; a figure that does not apply (an error row, a map with no
    claim) is ``None``.

    Parameters
    ----------
    analyses : sequence of str
        Analysis names (see :func:`parse_analyses`).

    Returns
    -------
    tuple of (str, type)

    Examples
    --------
    >>> [name for name, _ in columns(("chains",))][-3:]
    ['claim', 'chains', 'chain_depth']
    """
    chosen = parse_analyses(analyses)
    return _BASE_COLUMNS + tuple(col for name in chosen for col in _ANALYSIS_COLUMNS[name])


def analyses_of_columns(names: Iterable[str]) -> tuple[str, ...]:
    """Which analyses a set of column names was written for (to explain a resume refused).

    Examples
    --------
    >>> analyses_of_columns(["file", "chains", "chain_depth", "claim_strength"])
    ('chains', 'strength')
    """
    present = set(names)
    return tuple(name for name in ANALYSES if _ANALYSIS_COLUMNS[name][-1][0] in present)


class BatchRecord(BaseModel):
    """What a batch run says about one file: its counts and results, or why it failed.

    ``summary`` holds the counts (:class:`argmap.summary.MapSummary`); the result fields hold
    the chosen analyses' results (``None`` when not chosen, on an error, or when the map has
    no statements and so no claim).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    analyses: tuple[str, ...] = ANALYSES
    format: str | None = None
    error_kind: ErrorKind | None = None
    error_message: str | None = None
    summary: MapSummary | None = None
    claim: str | None = None
    support_chains: SupportChains | None = None
    weak_links: tuple[WeakLink, ...] | None = None
    counterarguments: tuple[Counterargument, ...] | None = None
    acceptability: Acceptability | None = None
    strength: Strength | None = None
    statement_labels: dict[str, int] = Field(
        default_factory=dict,
        description="How many statements (not relations) acceptability labels in/out/undec.",
    )

    @property
    def ok(self) -> bool:
        """Whether the file was read and analysed."""
        return self.error_kind is None

    def row(self) -> dict[str, Cell]:
        """The record as one flat row: every column of :func:`columns` for its analyses.

        Examples
        --------
        >>> error_record("x.yaml", "parse", "bad", ("strength",)).row()["status"]
        'error'
        """
        row: dict[str, Cell] = dict.fromkeys(name for name, _ in columns(self.analyses))
        row.update(file=self.file, format=self.format, status="ok" if self.ok else "error")
        row.update(error_kind=self.error_kind, error_message=self.error_message)
        if self.summary is not None:
            counts = self.summary
            row["statements"] = counts.statements
            row["relations"] = counts.relations
            for kind in STATEMENT_KINDS:
                row[f"statements_{kind}"] = counts.statements_by_kind.get(kind, 0)
            for kind in RELATION_TYPES:
                row[f"relations_{kind}"] = counts.relations_by_type.get(kind, 0)
            row.update(undercuts=counts.undercuts, linked=counts.linked, claim=self.claim)
        if self.support_chains is not None:
            row.update(chains=self.support_chains.count, chain_depth=self.support_chains.max_depth)
        if self.weak_links is not None:
            kinds = Counter[str](w.kind for w in self.weak_links)
            row["weak_links"] = len(self.weak_links)
            for kind in WEAK_LINK_KINDS:
                row[f"weak_links_{kind.replace('-', '_')}"] = kinds[kind]
        if self.counterarguments is not None:
            statuses = Counter[str](c.status for c in self.counterarguments)
            row["counterarguments"] = len(self.counterarguments)
            for status in _COUNTER_STATUSES:
                row[f"counterarguments_{status}"] = statuses[status]
        if self.acceptability is not None:
            row["claim_label"] = self.acceptability.labels.get(self.acceptability.claim)
            for label in _LABELS:
                row[f"labels_{label}"] = self.statement_labels.get(label, 0)
        if self.strength is not None:
            row["strength_model"] = self.strength.model
            row["claim_strength"] = self.strength.scores.get(self.claim) if self.claim else None
        return row

    def results(self) -> dict[str, Any]:
        """The full results of the chosen analyses, as JSON data keyed by analysis name.

        ``None`` for an analysis that gave no result (an error row, a map without a claim).

        Examples
        --------
        >>> sorted(analyse_file("graphs/ukraine-us-alliance.yaml", ("chains", "strength")).results())
        ['chains', 'strength']
        """
        fields = {
            "chains": self.support_chains,
            "weak-links": self.weak_links,
            "counterarguments": self.counterarguments,
            "acceptability": self.acceptability,
            "strength": self.strength,
        }
        out: dict[str, Any] = {}
        for name in self.analyses:
            value = fields[name]
            if value is None:
                out[name] = None
            elif isinstance(value, tuple):
                out[name] = [item.model_dump(mode="json") for item in value]
            else:
                out[name] = value.model_dump(mode="json")
        return out


def error_record(
    file: str, kind: ErrorKind, message: str, analyses: Sequence[str] = ANALYSES, format: str | None = None
) -> BatchRecord:
    """The record of a file that failed: its name, the kind of failure and the message.

    Examples
    --------
    >>> error_record("m.yaml", "timeout", "took longer than 5 s").row()["error_message"]
    'took longer than 5 s'
    """
    return BatchRecord(
        file=file, analyses=tuple(analyses), format=format, error_kind=kind, error_message=message
    )


def _error_kind(exc: Exception) -> ErrorKind:
    if isinstance(exc, ParseError):
        return "parse"
    if isinstance(exc, MapValidationError | pydantic.ValidationError):
        return "invalid"
    if isinstance(exc, UnknownFormatError):
        return "unknown-format"
    if isinstance(exc, LimitError):
        return "limit"
    if isinstance(exc, ArgmapError):
        return "usage"
    return "internal"


def _message(exc: Exception) -> str:
    if isinstance(exc, pydantic.ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    if isinstance(exc, ArgmapError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _analysed(file: str, fmt: str, argument_map: ArgumentMap, analyses: tuple[str, ...]) -> BatchRecord:
    fields: dict[str, Any] = {}
    claim = default_claim(argument_map) if argument_map.statements else None
    if claim is not None:
        if "weak-links" in analyses or len(analyses) == len(ANALYSES):
            # analyze() shares the support structure, labels and scores between the analyses.
            result = analyze(argument_map, claim)
            chosen = {
                "chains": ("support_chains", result.support_chains),
                "weak-links": ("weak_links", result.weak_links),
                "counterarguments": ("counterarguments", result.counterarguments),
                "acceptability": ("acceptability", result.acceptability),
                "strength": ("strength", result.strength),
            }
            fields = dict(chosen[name] for name in analyses)
        else:
            if "chains" in analyses:
                fields["support_chains"] = support_chains(argument_map, claim)
            if "counterarguments" in analyses:
                fields["counterarguments"] = counterarguments(argument_map, claim)
            if "acceptability" in analyses:
                fields["acceptability"] = acceptability(argument_map, claim)
            if "strength" in analyses:
                fields["strength"] = strength(argument_map)
        if "acceptability" in fields:
            labels = fields["acceptability"].labels
            counted = Counter(labels[s.id] for s in argument_map.statements if s.id in labels)
            fields["statement_labels"] = {label: counted[label] for label in _LABELS}
    return BatchRecord(
        file=file, analyses=analyses, format=fmt, summary=summarize(argument_map), claim=claim, **fields
    )


def analyse_file(file: str, analyses: Sequence[str] = ANALYSES, data: bytes | None = None) -> BatchRecord:
    """Read one map file and run the chosen analyses on its default claim; never raises.

    The claim is the one ``argmap analyze`` picks: the map's ``main_claim``, else its
    first claim, else its first statement (a Dung framework's statements are all claims,
    so its first argument). A map with no statements gives its counts and no figures.

    Parameters
    ----------
    file : str
        The file's path (and its name in the record).
    analyses : sequence of str
        Analysis names (see :data:`ANALYSES`).
    data : bytes, optional
        The file's content, when the caller has read it (a Dask client does, so that
        workers need not see the file); otherwise the file is read here. With ``data``,
        an Argdown ``@include`` is refused (the limit ``includes`` off): it would be
        resolved on this machine's disk, not beside the file.

    Returns
    -------
    BatchRecord
        With the counts and results, or with ``error_kind`` and ``error_message`` if the
        file could not be read, its format is unknown, or it is not a valid map.

    Examples
    --------
    >>> analyse_file("no/such/file.yaml").error_message
    'no/such/file.yaml: cannot read: No such file or directory'
    """
    chosen = tuple(analyses)
    fmt: str | None = None
    limits = default_limits()
    if data is None:
        try:
            data = read_file(file, limits)  # a regular file, refused before it is read when too large
        except ArgmapError as exc:
            return error_record(file, "parse", _message(exc), chosen)
    else:  # read elsewhere (a Dask client): this machine's disk is not the file's folder
        limits = dataclasses.replace(limits, includes=False)
    try:
        fmt = detect_format(file, data).format.name
        return _analysed(file, fmt, loads(data, fmt, name=file, limits=limits), chosen)
    except RecursionError:
        return error_record(file, "internal", "RecursionError: the map nests too deeply", chosen, fmt)
    except Exception as exc:  # one bad file never stops a batch: it becomes an error row
        return error_record(file, _error_kind(exc), _message(exc), chosen, fmt)
