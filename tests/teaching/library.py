"""A key map written by hand for the grading tests, and the mistakes a student can make on it.

The key argues that a town should build a new library: ten statements, nine relations, one
linked argument, attacks on statements and an undercut. Each mutation below makes one
known mistake on a copy of the key (as plain data: statements and relations by id); the
tests say, by hand, which remark each must get.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argmap.model import ArgumentMap

Data = dict[str, Any]

STATEMENTS = [
    ("C", "claim", "The town should build a new library."),
    ("P1", "premise", "The old library is too small for the school classes that visit it."),
    ("E1", "evidence", "Forty classes were turned away from the old library last year."),
    ("P2", "premise", "Children who can borrow books freely read more."),
    ("E2", "evidence", "A study of ten towns found that borrowing doubled reading time."),
    ("P3", "premise", "The town has money left over from the road budget."),
    ("P4", "premise", "Money left over should go to projects the council has promised."),
    ("R1", "rebuttal", "A new building would cost more than the town can spend."),
    ("R2", "rebuttal", "By law the road surplus must go back to the taxpayers."),
    ("U1", "rebuttal", "Keen readers borrow more, so borrowing may not be what makes readers."),
]
RELATIONS: list[tuple[str, str, list[str], str]] = [
    ("s1", "support", ["P1"], "C"),
    ("s2", "support", ["E1"], "P1"),
    ("s3", "support", ["P2"], "C"),
    ("s4", "support", ["E2"], "P2"),
    ("s5", "support", ["P3", "P4"], "C"),
    ("a1", "attack", ["R1"], "C"),
    ("a2", "attack", ["P3"], "R1"),
    ("a3", "attack", ["R2"], "P3"),
    ("u1", "attack", ["U1"], "s4"),
]


def key_data() -> Data:
    return {
        "title": "A new library",
        "main_claim": "C",
        "statements": [{"id": i, "kind": k, "text": t} for i, k, t in STATEMENTS],
        "relations": [{"id": i, "type": t, "from": list(f), "to": to} for i, t, f, to in RELATIONS],
    }


def key() -> ArgumentMap:
    return ArgumentMap.model_validate(key_data())


def to_map(data: Data) -> ArgumentMap:
    return ArgumentMap.model_validate({**data, "title": "My map"})


# -- mutations: each makes one mistake on the data, in place ---------------------------------


def relation(data: Data, rid: str) -> dict[str, Any]:
    return next(r for r in data["relations"] if r["id"] == rid)


def statement(data: Data, sid: str) -> dict[str, Any]:
    return next(s for s in data["statements"] if s["id"] == sid)


def drop_relation(data: Data, rid: str) -> None:
    """Remove a relation and the undercuts that ride on it (a map cannot keep them)."""
    gone = {rid}
    while True:
        more = {r["id"] for r in data["relations"] if r["to"] in gone} - gone
        if not more:
            break
        gone |= more
    data["relations"] = [r for r in data["relations"] if r["id"] not in gone]


@dataclass(frozen=True)
class Mutation:
    """One known mistake: its kind, the statements the remark must name, and what it touches."""

    name: str
    kind: str
    names: tuple[str, ...]
    touches: frozenset[str]
    apply: Callable[[Data], None]

    def __call__(self, data: Data) -> Data:
        changed = copy.deepcopy(data)
        self.apply(changed)
        return changed


def _set(rid: str, **fields: Any) -> Callable[[Data], None]:
    def apply(data: Data) -> None:
        relation(data, rid).update(fields)

    return apply


def _separate_s5(data: Data) -> None:
    data["relations"] = [r for r in data["relations"] if r["id"] != "s5"]
    data["relations"] += [
        {"id": "s5a", "type": "support", "from": ["P3"], "to": "C"},
        {"id": "s5b", "type": "support", "from": ["P4"], "to": "C"},
    ]


def _link_s1_s3(data: Data) -> None:
    data["relations"] = [r for r in data["relations"] if r["id"] not in ("s1", "s3")]
    data["relations"].append({"id": "s13", "type": "support", "from": ["P1", "P2"], "to": "C"})


def _drop_statement(sid: str) -> Callable[[Data], None]:
    def apply(data: Data) -> None:
        for r in [r for r in data["relations"] if sid in r["from"] or r["to"] == sid]:
            if r["id"] in {x["id"] for x in data["relations"]}:
                if len(r["from"]) > 1 and sid in r["from"]:
                    r["from"] = [s for s in r["from"] if s != sid]
                else:
                    drop_relation(data, r["id"])
        data["statements"] = [s for s in data["statements"] if s["id"] != sid]

    return apply


def _extra_statement(data: Data) -> None:
    data["statements"].append({"id": "G", "kind": "premise", "text": "Blue is a calm colour for walls."})
    data["relations"].append({"id": "sg", "type": "support", "from": ["G"], "to": "C"})


def _merge_p3_p4(data: Data) -> None:
    text = statement(data, "P3")["text"] + " " + statement(data, "P4")["text"]
    data["statements"] = [s for s in data["statements"] if s["id"] not in ("P3", "P4")]
    data["statements"].append({"id": "P34", "kind": "premise", "text": text})
    for r in data["relations"]:
        r["from"] = list(dict.fromkeys("P34" if s in ("P3", "P4") else s for s in r["from"]))
        r["to"] = "P34" if r["to"] in ("P3", "P4") else r["to"]


def _split_p1(data: Data) -> None:
    data["statements"] = [s for s in data["statements"] if s["id"] != "P1"]
    data["statements"] += [
        {"id": "P1a", "kind": "premise", "text": "The old library is too small"},
        {"id": "P1b", "kind": "premise", "text": "for the school classes that visit it."},
    ]
    relation(data, "s1")["from"] = ["P1a"]
    relation(data, "s2")["to"] = "P1a"
    data["relations"].append({"id": "s1b", "type": "support", "from": ["P1b"], "to": "C"})


def _kind(sid: str, kind: str) -> Callable[[Data], None]:
    def apply(data: Data) -> None:
        statement(data, sid)["kind"] = kind

    return apply


def _main_claim(data: Data) -> None:
    data["main_claim"] = "P1"


def _add(rid: str, rtype: str, sources: list[str], to: str) -> Callable[[Data], None]:
    def apply(data: Data) -> None:
        data["relations"].append({"id": rid, "type": rtype, "from": sources, "to": to})

    return apply


def _reverse_with_undercut(data: Data) -> None:
    relation(data, "s4").update({"from": ["P2"], "to": "E2"})


def _t(*ids: str) -> frozenset[str]:
    return frozenset(ids)


MUTATIONS: tuple[Mutation, ...] = (
    Mutation(
        "linked drawn as separate reasons", "linked-as-separate", ("P3", "P4", "C"), _t("s5"), _separate_s5
    ),
    Mutation(
        "separate reasons drawn as linked",
        "separate-as-linked",
        ("P1", "P2", "C"),
        _t("s1", "s3"),
        _link_s1_s3,
    ),
    Mutation(
        "support reversed", "reversed", ("E1", "P1"), _t("s2"), _set("s2", **{"from": ["P1"], "to": "E1"})
    ),
    Mutation("reversed under an undercut", "reversed", ("E2", "P2"), _t("s4", "u1"), _reverse_with_undercut),
    Mutation("objection drawn as support", "wrong-type", ("P3", "R1"), _t("a2"), _set("a2", type="support")),
    Mutation("support drawn as objection", "wrong-type", ("P1", "C"), _t("s1"), _set("s1", type="attack")),
    Mutation("support to the wrong statement", "wrong-target", ("E1", "C"), _t("s2"), _set("s2", to="C")),
    Mutation(
        "undercut drawn as rebuttal", "rebut-instead-of-undercut", ("U1", "P2"), _t("u1"), _set("u1", to="P2")
    ),
    Mutation(
        "rebuttal drawn as undercut",
        "undercut-instead-of-rebut",
        ("R2", "P3"),
        _t("a3", "s5", "a2"),
        _set("a3", to="a2"),
    ),
    Mutation("objection missed", "missing-relation", ("R1", "C"), _t("a1"), lambda d: drop_relation(d, "a1")),
    Mutation(
        "support missed, with its undercut",
        "missing-relation",
        ("E2", "P2"),
        _t("s4", "u1"),
        lambda d: drop_relation(d, "s4"),
    ),
    Mutation(
        "support that is not there",
        "extra-relation",
        ("E1", "P2"),
        _t("s2", "s3", "s4", "x1"),
        _add("x1", "support", ["E1"], "P2"),
    ),
    Mutation("statement left out", "missing-statement", ("R2",), _t("a3", "R2"), _drop_statement("R2")),
    Mutation("statement not in the key", "extra-statement", ("G",), _t("G"), _extra_statement),
    Mutation(
        "two statements merged",
        "merged-statements",
        ("P3", "P4"),
        _t("s5", "a2", "a3", "P3", "P4"),
        _merge_p3_p4,
    ),
    Mutation("a statement split in two", "split-statement", ("P1",), _t("s1", "s2", "P1"), _split_p1),
    Mutation("evidence called a premise", "wrong-kind", ("E1",), _t("kind:E1"), _kind("E1", "premise")),
    Mutation("rebuttal called a premise", "wrong-kind", ("R1",), _t("kind:R1"), _kind("R1", "premise")),
    Mutation("wrong main claim", "wrong-main-claim", ("P1", "C"), _t("main", "P1"), _main_claim),
)
BY_NAME = {m.name: m for m in MUTATIONS}
