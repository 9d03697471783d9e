"""Benchmarks of exercises and checks: what a worksheet costs next to the analysis it contains.

An exercise runs the weak-link analysis on the lettered map, so its cost is measured as a ratio
to ``analyze`` of the same map, side by side in one run (the ratios hold on a noisy machine):
the article's map, and random maps of 100 to 5,000 statements. ``check`` is measured against
one ``acceptability`` call per (semantics, support) pair.

    .venv/bin/python bench/teaching.py [--sizes 100,1000,5000] [--repeat 3]

Prints a Markdown table; the numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argmap
from argmap.analysis import acceptability, analyze
from argmap.model import ArgumentMap, MapTest, Relation, Statement
from argmap.teaching.exercise import exercise
from argmap.teaching.worksheets import render_exercise

ROOT = Path(__file__).resolve().parent.parent


def best(function: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def random_map(n: int, seed: int = 1) -> ArgumentMap:
    """A claim, supports towards it, one attack in five, and a tests: block of three semantics."""
    rng = random.Random(seed)
    statements = [Statement(id="C", kind="claim", text="the claim")]
    relations = []
    for i in range(1, n):
        kind = "rebuttal" if rng.random() < 0.2 else "premise"
        statements.append(Statement(id=f"S{i}", kind=kind, text=f"statement number {i}, in a few words"))
        target = "C" if i < 4 else f"S{rng.randrange(max(1, i // 2), i)}"
        relations.append(
            Relation(type="attack" if kind == "rebuttal" else "support", sources=f"S{i}", to=target)
        )
    tests = [
        MapTest(semantics=s, expect={"C": "in", "S1": "in"}) for s in ("grounded", "preferred", "complete")
    ]
    return ArgumentMap(
        title=f"random {n}", main_claim="C", statements=statements, relations=relations, tests=tests
    )


def measure(m: ArgumentMap, repeat: int) -> list[str]:
    """One table row: analyze, exercise and their ratio, rendering each format, check and its solves."""
    ex = exercise(m)
    pairs = {(t.semantics, t.support) for t in m.tests}
    analysed = best(lambda: analyze(m), repeat)
    made = best(lambda: exercise(m), repeat)
    cells = [f"{analysed:.3f} s", f"{made:.3f} s", f"{made / analysed:.2f}"]
    cells += [
        f"{best(lambda suffix=suffix: render_exercise(ex, suffix), repeat):.3f} s"
        for suffix in (".md", ".html", ".pdf")
    ]
    if m.tests:
        cells.append(f"{best(lambda: argmap.check(m), repeat):.3f} s")
        solves = best(lambda: [acceptability(m, semantics=s, support=p) for s, p in pairs], repeat)
        cells.append(f"{solves:.3f} s")
    else:
        cells += ["-", "-"]
    return cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    maps = [("the article's map", argmap.load(ROOT / "graphs" / "ukraine-us-alliance.yaml"))]
    maps += [(f"random, {n:,} statements", random_map(n)) for n in map(int, args.sizes.split(","))]
    print("| map | analyze | exercise | exercise / analyze | Markdown | HTML | PDF | check | acceptability |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name, m in maps:
        print(f"| {name} | " + " | ".join(measure(m, args.repeat)) + " |")


if __name__ == "__main__":
    main()
