"""Benchmark of explanations: every statement of the article's map, under each setting.

Run by hand (not by the test suite), side by side in one run so that the ratios hold on a
noisy machine:

    .venv/bin/python bench/explain.py [--repeat 3]

Prints a Markdown table (best of ``--repeat`` runs); the numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import argmap
from argmap.analysis import explain_all

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = [
    ("grounded", "none", "auto"),
    ("grounded", "none", "none"),
    ("preferred", "none", "none"),
    ("grounded", "deductive", "none"),
    ("grounded", "necessary", "none"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    argument_map = argmap.load(ROOT / "graphs" / "ukraine-us-alliance.yaml")
    count = len(argument_map.statements)
    print(f"| every statement of the article's map ({count}) | time | flips exact |")
    print("|---|---:|---:|")
    baseline = None
    for semantics, support, strength_model in SETTINGS:
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = explain_all(
                argument_map, semantics=semantics, support=support, strength_model=strength_model
            )
            best = min(best, time.perf_counter() - start)
        baseline = baseline or best
        exact = sum(e.flips.exact for e in result.values())
        label = f"{semantics}, support {support}, strength {strength_model}"
        print(f"| {label} | {best:.3f} s ({best / baseline:.1f}x) | {exact} of {count} |")


if __name__ == "__main__":
    main()
