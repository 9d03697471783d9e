"""Known mistakes made at random on any key map: each mutation says which kind of remark it must get.

Used by the property tests of tests/teaching/test_grading.py on the lesson's debate map and on
the article's map. A mutation also says which statements and relations it touches, so that a
test can pick mutations that do not interact (no shared statement or relation).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argmap.model import ArgumentMap

Data = dict[str, Any]
_STATEMENT_OPS = ("left-out", "added", "merge", "split")


@dataclass(frozen=True)
class RandomMutation:
    kind: str
    statements: frozenset[str]
    relations: frozenset[str]
    apply: Callable[[Data], None]


def key_data(key: ArgumentMap) -> Data:
    data = key.to_data()
    data.pop("tests", None)
    for r in data.get("relations", ()):
        r["from"] = [r["from"]] if isinstance(r["from"], str) else list(r["from"])
    return data


def _relation(data: Data, rid: str) -> dict[str, Any]:
    return next(r for r in data["relations"] if r["id"] == rid)


def _drop(data: Data, rid: str) -> None:
    gone = {rid}
    while more := {r["id"] for r in data["relations"] if r["to"] in gone} - gone:
        gone |= more
    data["relations"] = [r for r in data["relations"] if r["id"] not in gone]


def _riders(data: Data, rid: str) -> frozenset[str]:
    """The undercuts of a relation, and theirs, and so on."""
    found: set[str] = set()
    while more := {r["id"] for r in data["relations"] if r["to"] in found | {rid}} - found:
        found |= more
    return frozenset(found)


def _statements_of(rels: dict[str, Any], relation: dict[str, Any]) -> set[str]:
    found, target = set(relation["from"]), relation["to"]
    while target in rels:
        found |= set(rels[target]["from"])
        target = rels[target]["to"]
    return found | {target}


def random_mutation(data: Data, rng: random.Random) -> RandomMutation | None:
    """One known mistake on ``data`` (not applied), or None if the draw found none that fits.

    Relations: wrong kind, extra, wrong type, reversed, wrong target, missing, linked drawn as
    separate reasons, an undercut aimed at the statement; statements: left out, added, merged, split.
    """
    rels = {r["id"]: r for r in data["relations"]}
    ids = [s["id"] for s in data["statements"]]
    op = rng.choice(
        ["kind", "extra", "type", "reverse", "target", "missing", "separate", "rebut", *_STATEMENT_OPS]
    )
    if op in _STATEMENT_OPS:
        return _statement_mutation(data, rng, op)
    if op == "kind":
        s = rng.choice(data["statements"])
        kind = rng.choice([k for k in ("claim", "premise", "evidence", "rebuttal") if k != s["kind"]])
        return RandomMutation(
            "wrong-kind", frozenset({s["id"]}), frozenset(), lambda d: _kind(d, s["id"], kind)
        )
    if op == "extra":
        a, b = rng.sample(ids, 2)
        if any({a, b} & set(r["from"]) and r["to"] in (a, b) for r in data["relations"]):
            return None
        relation = {"id": f"extra.{a}.{b}", "type": rng.choice(["support", "attack"]), "from": [a], "to": b}
        return RandomMutation(
            "extra-relation", frozenset({a, b}), frozenset(), lambda d: d["relations"].append(relation)
        )
    if not data["relations"]:
        return None
    r = rng.choice(data["relations"])
    rid, into_statement = r["id"], r["to"] not in rels
    undercuts = _riders(data, rid)
    riders = [rels[u] for u in undercuts]
    touched = frozenset(_statements_of(rels, r).union(*(u["from"] for u in riders)))
    touched_r = frozenset({rid}) | undercuts
    if op == "type" and into_statement:
        flipped = "support" if r["type"] == "attack" else "attack"
        return RandomMutation(
            "wrong-type", touched, touched_r, lambda d: _relation(d, rid).update(type=flipped)
        )
    if op == "reverse" and into_statement and len(r["from"]) == 1:
        a, b = r["from"][0], r["to"]
        if any(x["from"] == [b] and x["to"] == a for x in data["relations"]):
            return None
        return RandomMutation(
            "reversed", touched, touched_r, lambda d: _relation(d, rid).update({"from": [b], "to": a})
        )
    if op == "target" and into_statement:
        free = [
            s
            for s in ids
            if s not in r["from"] and s != r["to"] and not any(x["to"] == s for x in data["relations"])
        ]
        if not free:
            return None
        to = rng.choice(free)
        return RandomMutation(
            "wrong-target", touched | {to}, touched_r, lambda d: _relation(d, rid).update(to=to)
        )
    if op == "missing":
        return RandomMutation("missing-relation", touched, touched_r, lambda d: _drop(d, rid))
    if op == "separate" and len(r["from"]) > 1 and not undercuts:

        def separate(d: Data) -> None:
            old = _relation(d, rid)
            d["relations"].remove(old)
            d["relations"] += [{**old, "id": f"{rid}.{n}", "from": [s]} for n, s in enumerate(old["from"])]

        return RandomMutation("linked-as-separate", touched, touched_r, separate)
    if op == "rebut" and not into_statement and r["type"] == "attack" and rels[r["to"]]["to"] not in rels:
        to = rels[r["to"]]["to"]
        return RandomMutation(
            "rebut-instead-of-undercut", touched, touched_r, lambda d: _relation(d, rid).update(to=to)
        )
    return None


def _kind(data: Data, sid: str, kind: str) -> None:
    next(s for s in data["statements"] if s["id"] == sid)["kind"] = kind


def independent_mutations(data: Data, k: int, rng: random.Random) -> list[RandomMutation]:
    """Up to ``k`` mutations that share no statement and no relation."""
    chosen: list[RandomMutation] = []
    for _ in range(200):
        if len(chosen) == k:
            break
        m = random_mutation(data, rng)
        if m is None or any(m.statements & c.statements or m.relations & c.relations for c in chosen):
            continue
        chosen.append(m)
    return chosen


def mutated(data: Data, mutations: list[RandomMutation]) -> ArgumentMap:
    changed = copy.deepcopy(data)
    for mutation in mutations:
        mutation.apply(changed)
    return ArgumentMap.model_validate({**changed, "title": "A student's map"})


def _around(data: Data, sids: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The statements and relations a change to these statements touches: every relation at them,
    with its undercuts, and all their statements."""
    rels = {r["id"]: r for r in data["relations"]}
    statements, relations = set(sids), set()
    for r in data["relations"]:
        if sids & set(r["from"]) or r["to"] in sids:
            for rid in {r["id"]} | _riders(data, r["id"]):
                relations.add(rid)
                statements |= _statements_of(rels, rels[rid])
    return frozenset(statements), frozenset(relations | {f"statement:{s}" for s in sids})


def _statement_mutation(data: Data, rng: random.Random, op: str) -> RandomMutation | None:
    main = data.get("main_claim")
    s = rng.choice(data["statements"])
    sid = s["id"]
    if op == "added":
        new = f"Z{rng.randrange(10**6)}"
        to = rng.choice([x["id"] for x in data["statements"]])

        def add(d: Data) -> None:
            d["statements"].append(
                {"id": new, "kind": "premise", "text": f"Zebras in zone {new} are purple."}
            )
            d["relations"].append({"id": f"z.{new}", "type": "support", "from": [new], "to": to})

        return RandomMutation("extra-statement", frozenset({new, to}), frozenset({f"statement:{new}"}), add)
    if sid == main:
        return None
    if op == "left-out":
        statements, relations = _around(data, {sid})

        def leave_out(d: Data) -> None:
            for r in [r for r in d["relations"] if sid in r["from"] or r["to"] == sid]:
                _drop(d, r["id"])
            d["statements"] = [x for x in d["statements"] if x["id"] != sid]

        return RandomMutation("missing-statement", statements, relations, leave_out)
    if op == "split":
        words = s["text"].split()
        if len(words) < 6:
            return None
        half = len(words) // 2

        def split(d: Data) -> None:
            whole = next(x for x in d["statements"] if x["id"] == sid)
            whole["text"] = " ".join(words[:half])
            d["statements"].append({"id": f"{sid}.2", "kind": whole["kind"], "text": " ".join(words[half:])})

        return RandomMutation("split-statement", frozenset({sid}), frozenset({f"statement:{sid}"}), split)
    other = rng.choice([x for x in data["statements"] if x["id"] not in (sid, main)])
    oid = other["id"]
    statements, relations = _around(data, {sid, oid})

    def merge(d: Data) -> None:
        first = next(x for x in d["statements"] if x["id"] == sid)
        first["text"] = f"{first['text']} {other['text']}"
        d["statements"] = [x for x in d["statements"] if x["id"] != oid]
        for r in d["relations"]:
            r["from"] = list(dict.fromkeys(sid if x == oid else x for x in r["from"]))
            r["to"] = sid if r["to"] == oid else r["to"]
        d["relations"] = [r for r in d["relations"] if not (r["to"] == sid and sid in r["from"])]

    return RandomMutation("merged-statements", statements, relations, merge)
