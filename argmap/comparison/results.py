"""The result of comparing two maps: frozen pydantic models.

Their JSON form (``model_dump(mode="json")``) is what ``argmap compare --format json``
prints; the keys, and the meaning of every number, are the contract documented in
``docs/compare.md``. ``score`` is the first key.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DISAGREEMENT_KINDS",
    "Agreement",
    "Alignment",
    "Comparison",
    "Disagreement",
    "StatementPair",
]

DisagreementKind = Literal[
    "main-claim-mismatch",
    "statement-only-in-a",
    "statement-only-in-b",
    "kind-mismatch",
    "type-mismatch",
    "direction-reversed",
    "wrong-target",
    "relation-only-in-a",
    "relation-only-in-b",
]
DISAGREEMENT_KINDS: tuple[str, ...] = get_args(DisagreementKind)


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Agreement(_Result):
    """Precision, recall and F1 of one layer of the maps, with B taken as the reference.

    ``precision`` is ``matched / a_total`` and ``recall`` ``matched / b_total``; a layer
    empty in both maps agrees perfectly (all three are 1), a layer empty in only one
    scores 0. ``kappa`` is Cohen's kappa over the matched items where it applies (kinds
    and relation types) and is defined; otherwise ``None`` (see ``docs/compare.md``).
    """

    matched: int = Field(ge=0, description="Items of A paired with an item of B that agrees.")
    a_total: int = Field(ge=0, description="Items in map A.")
    b_total: int = Field(ge=0, description="Items in map B.")
    precision: float = Field(ge=0.0, le=1.0)
    recall: float = Field(ge=0.0, le=1.0)
    f1: float = Field(ge=0.0, le=1.0)
    kappa: float | None = Field(
        default=None, description="Cohen's kappa over the paired items; None if not applicable or undefined."
    )


class StatementPair(_Result):
    """A statement of A aligned with one of B."""

    a: str = Field(description="The statement's id in A.")
    b: str = Field(description="The statement's id in B.")
    similarity: float = Field(ge=0.0, le=1.0, description="Span overlap or text similarity of the pair.")


class Alignment(_Result):
    """How the statements of the two maps were paired, one to one."""

    method: Literal["span", "text"] = Field(
        description="span: by overlap of spans over the same source; text: by similarity of the texts."
    )
    threshold: float = Field(ge=0.0, le=1.0, description="Pairs less similar than this are not aligned.")
    pairs: tuple[StatementPair, ...] = Field(description="The aligned pairs, in A's order.")


class Disagreement(_Result):
    """One place where the maps differ, naming the statements and relations involved."""

    kind: DisagreementKind
    statements_a: tuple[str, ...] = Field(default=(), description="Ids of A's statements involved.")
    statements_b: tuple[str, ...] = Field(default=(), description="Ids of B's statements involved.")
    relations_a: tuple[str, ...] = Field(default=(), description="Ids of A's relations involved.")
    relations_b: tuple[str, ...] = Field(default=(), description="Ids of B's relations involved.")
    label_a: str | None = Field(default=None, description="A's kind or relation type, where they differ.")
    label_b: str | None = Field(default=None, description="B's kind or relation type, where they differ.")
    message: str = Field(description="The disagreement in one sentence.")


class Comparison(_Result):
    """How close map A is to map B (``argmap compare A B``); B plays the reference."""

    score: float = Field(
        ge=0.0,
        le=1.0,
        description="In the spirit of CASS: (segments.f1 + (kinds.f1 + relations.f1) / 2) / 2.",
    )
    segments: Agreement = Field(description="Statements aligned one to one.")
    kinds: Agreement = Field(description="Aligned statements of the same kind; kappa over aligned kinds.")
    relations: Agreement = Field(
        description="Relations with aligned sources and target and the same type; kappa over their types."
    )
    attachment: Agreement = Field(description="Relations with aligned sources and target, type ignored.")
    alignment: Alignment
    disagreements: tuple[Disagreement, ...]
