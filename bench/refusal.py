"""Benchmark: refusing a large JSON map against accepting it (issue 17, item 5).

Run by hand (not by the test suite):

    .venv/bin/python bench/refusal.py [--statements 200000] [--rounds 1]

Builds, in memory, a valid JSON map of a support chain of N statements, the same map with
one typo (an unknown kind in the last statement), and reads each with ``argmap.loads``:
the valid map, the typo (one problem to place on its line), and the valid map under
``max_statements=N-1`` (refused, naming the line of the first statement beyond the limit).
Refusing must not cost more than accepting: the lines of problems come from the parser's
offsets, not from a second parse of the whole document. Prints a Markdown table for
docs/benchmarks.md (section "Refusing large maps"), times and the ratio to accepting.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import time
from collections.abc import Callable
from typing import Any

import argmap
from argmap.errors import MapError
from argmap.io._jsonutil import json_locator
from argmap.io.native import _locator


def chain(n: int, typo: bool = False) -> str:
    statements = [
        {"id": f"S{i}", "kind": "claim" if i == 0 else "premise", "text": f"Statement number {i}."}
        for i in range(n)
    ]
    if typo:
        statements[-1]["kind"] = "premis"
    relations = [{"id": f"R{i}", "type": "support", "from": f"S{i}", "to": f"S{i - 1}"} for i in range(1, n)]
    data = {
        "argmap": 1,
        "title": "chain",
        "main_claim": "S0",
        "statements": statements,
        "relations": relations,
    }
    return json.dumps(data, indent=1)


def timed(rounds: int, function: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.suppress(MapError):
            function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    n = args.statements
    valid, typo = chain(n), chain(n, typo=True)
    tight = argmap.Limits(max_statements=n - 1)
    accept = timed(args.rounds, lambda: argmap.loads(valid, "json", name="m.json"))
    rows = [
        ("accept the valid map", accept),
        (
            "refuse the map with one typo",
            timed(args.rounds, lambda: argmap.loads(typo, "json", name="m.json")),
        ),
        (
            f"refuse the valid map under max_statements={n - 1:,}",
            timed(args.rounds, lambda: argmap.loads(valid, "json", name="m.json", limits=tight)),
        ),
        (
            "place one problem as before the fix (compose the document as YAML), for comparison",
            timed(args.rounds, lambda: _locator(typo)(("statements", n - 1, "kind"))),
        ),
        (
            "place one problem from the parser's offsets (json_locator)",
            timed(args.rounds, lambda: json_locator(typo)(("statements", n - 1, "kind"))),
        ),
    ]
    print(f"{n:,} statements, {len(valid) / 1e6:.0f} MB of JSON; Python {platform.python_version()}\n")
    print("| reading | seconds | ratio to accepting |")
    print("|---|---:|---:|")
    for what, seconds in rows:
        print(f"| {what} | {seconds:.2f} | {seconds / accept:.2f} |")


if __name__ == "__main__":
    main()
