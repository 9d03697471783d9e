"""Benchmark: importing the AIF corpus with argmap and with arguebuf, side by side.

Run by hand (not by the test suite); arguebuf is a bench-only dependency:

    .venv/bin/pip install "arguebuf<3"     # or: pip install -e ".[bench]"
    .venv/bin/python bench/interchange.py [--rounds 5]

Both libraries read the same files from ``../shared/corpora/aif``: argmap with
``argmap.load(path)`` (format sniffed from the content, AIF parsed, the map validated),
arguebuf with ``arguebuf.load.io`` on an open file (parsed, graph built; it validates
nothing and drops what it cannot place). The two xAIF fixtures are left out of the
side-by-side rows because arguebuf's JSON loader does not read xAIF. Each row is the best
of ``--rounds`` runs, in one process, interleaved so that both see the same machine state.
Prints a Markdown table for docs/benchmarks.md (section "Interchange").
"""

from __future__ import annotations

import argparse
import logging
import platform
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argmap

ROOT = Path(__file__).resolve().parent.parent
AIF = ROOT.parent / "shared" / "corpora" / "aif"
LARGEST = AIF / "qt30" / "nodeset25445.json"


def best_of(rounds: int, function: Callable[[], Any]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    try:
        import arguebuf
    except ImportError:
        raise SystemExit('arguebuf is not installed: .venv/bin/pip install "arguebuf<3"') from None
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")

    def with_arguebuf(path: Path) -> Any:
        with path.open(encoding="utf-8") as stream:
            return arguebuf.load.io(stream, path.suffix, path.stem)

    every = sorted(p for p in AIF.glob("*/*.json") if p.name != "aif2arggraph.json")
    plain = [p for p in every if not p.name.startswith("xaif")]
    nodes = sum(len(argmap.load(p, "aif").statements) for p in plain)
    rows = [
        (f"all AIFdb maps ({len(plain)} files, {nodes} I-nodes)", plain, rounds),
        (f"largest map ({LARGEST.name}, 1,378 nodes)", [LARGEST], rounds * 4),
    ]
    print(f"CPython {platform.python_version()}, {platform.machine()}, best of the rounds given per row\n")
    print("| files | argmap.load (s) | arguebuf.load.io (s) | argmap / arguebuf |")
    print("|---|---:|---:|---:|")
    for label, paths, n in rows:
        ours = theirs = float("inf")
        for _ in range(n):  # interleaved: both see the same machine state
            ours = min(ours, best_of(1, lambda paths=paths: [argmap.load(p) for p in paths]))
            theirs = min(theirs, best_of(1, lambda paths=paths: [with_arguebuf(p) for p in paths]))
        print(f"| {label} | {ours:.4f} | {theirs:.4f} | {ours / theirs:.2f} |")
    total = best_of(rounds, lambda: [argmap.load(p) for p in every])
    print(f"\nargmap alone, all {len(every)} files including the xAIF fixtures: {total:.4f} s")


if __name__ == "__main__":
    main()
