"""Small maps written by hand for the comparison and grading tests."""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap, Relation, Source, Span, Statement

Row = tuple[str, str, str]


def build(
    statements: list[Row],
    relations: list[tuple[str, str, str | list[str], str]] | None = None,
    *,
    title: str = "T",
    main_claim: str | None = None,
    spans: dict[str, tuple[int, int]] | None = None,
    sha256: str | None = None,
) -> ArgumentMap:
    """A map from (id, kind, text) rows and (id, type, from, to) rows."""
    spans = spans or {}
    data: dict[str, Any] = {
        "title": title,
        "main_claim": main_claim,
        "statements": [
            Statement(
                id=i,
                kind=k,  # type: ignore[arg-type]
                text=t,
                span=Span(start=spans[i][0], end=spans[i][1]) if i in spans else None,
            )
            for i, k, t in statements
        ],
        "relations": [
            Relation(id=rid, type=rtype, sources=src, to=to)  # type: ignore[arg-type]
            for rid, rtype, src, to in relations or []
        ],
    }
    if sha256 is not None:
        data["source"] = Source(title="source.txt", sha256=sha256)
    return ArgumentMap(**data)


# A reference map on school uniforms: a claim, two reasons (one with evidence), an objection
# and an undercut of one reason.
REFERENCE_ROWS: list[Row] = [
    ("C", "claim", "Schools should require uniforms."),
    ("P1", "premise", "Uniforms reduce bullying about clothes."),
    ("E1", "evidence", "A survey of 40 schools found fewer reports of teasing after uniforms came in."),
    ("P2", "premise", "Uniforms save families money."),
    ("R1", "rebuttal", "Uniforms limit how students express themselves."),
    ("U1", "rebuttal", "Good uniforms cost more than ordinary clothes."),
]
REFERENCE_RELATIONS: list[tuple[str, str, str | list[str], str]] = [
    ("s1", "support", "P1", "C"),
    ("s2", "support", "E1", "P1"),
    ("s3", "support", "P2", "C"),
    ("a1", "attack", "R1", "C"),
    ("a2", "attack", "U1", "s3"),
]


def reference() -> ArgumentMap:
    return build(REFERENCE_ROWS, REFERENCE_RELATIONS, title="Uniforms", main_claim="C")
