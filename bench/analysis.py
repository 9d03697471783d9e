"""Benchmarks of the analyzers: chains and dominators at 10^6, analyze at 10^5, the article's map.

Run by hand (not by the test suite), side by side in one run so that the ratios hold on a
noisy machine:

    .venv/bin/python bench/analysis.py [--size 1000000] [--map-size 100000]

Prints a Markdown table; the numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

import argmap
from argmap.analysis import analyze
from argmap.analysis.dag import claim_dag, dominators

ROOT = Path(__file__).resolve().parent.parent


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def random_support_dag(n: int, seed: int = 1) -> list[list[int]]:
    """Statement 0 is the claim; every other statement supports 1-2 statements nearer the claim."""
    rng = random.Random(seed)
    preds: list[list[int]] = [[] for _ in range(n)]
    for node in range(1, n):
        targets = {rng.randrange(max(1, node // 2), node) if node > 2 else 0}
        if rng.random() < 0.3:
            targets.add(rng.randrange(0, node))
        for target in targets:
            preds[target].append(node)
    return preds


def networkx_count(preds: list[list[int]], root: int) -> int:
    """The networkx way: build the graph, topologically sort, count paths."""
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(range(len(preds)))
    graph.add_edges_from((s, t) for t, sources in enumerate(preds) for s in sources)
    paths = {}
    for node in nx.topological_sort(graph):
        incoming = list(graph.predecessors(node))
        paths[node] = sum(paths[p] for p in incoming) if incoming else 1
    return paths[root]


def synthetic_map_yaml(n: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    lines = ["argmap: 1", "title: synthetic", "main_claim: S0", "statements:"]
    kinds = ["premise", "evidence", "premise", "rebuttal"]
    for i in range(n):
        kind = "claim" if i == 0 else kinds[i % 4]
        lines.append(f"  - {{id: S{i}, kind: {kind}, text: statement number {i}}}")
    lines.append("relations:")
    for i in range(1, n):
        target = rng.randrange(max(0, i // 2 - 1), i)
        relation_type = "attack" if i % 4 == 3 else "support"
        linked = relation_type == "support" and i % 10 == 0 and target < i - 1
        sources = f"[S{i}, S{i - 1}]" if linked else f"S{i}"
        lines.append(f"  - {{id: R{i}, type: {relation_type}, from: {sources}, to: S{target}}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--map-size", type=int, default=100_000)
    parser.add_argument("--skip-networkx", action="store_true")
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    preds = random_support_dag(args.size)
    edges = sum(len(p) for p in preds)
    seconds, dag = timed(lambda: claim_dag(preds, 0))
    rows.append((f"count chains, {args.size:,} statements / {edges:,} supports", f"{seconds:.2f} s", "< 3 s"))
    seconds_dom, spof = timed(lambda: dominators(dag))  # recomputes nothing of the count
    rows.append((f"single points of failure ({len(spof)} found)", f"{seconds_dom:.2f} s", "< 5 s"))
    line = [[i + 1] for i in range(args.size - 1)] + [[]]
    seconds_line, line_dag = timed(lambda: claim_dag(line, 0))
    seconds_line_dom, line_spof = timed(lambda: dominators(line_dag))
    rows.append((f"a single line of {args.size:,}: count chains", f"{seconds_line:.2f} s", "< 3 s"))
    rows.append(
        (
            f"a single line: single points of failure ({len(line_spof):,} found)",
            f"{seconds_line_dom:.2f} s",
            "< 5 s",
        )
    )
    if not args.skip_networkx:
        seconds_nx, count_nx = timed(lambda: networkx_count(preds, 0))
        assert count_nx == dag.count
        rows.append(
            (
                "the same count with networkx topological sort",
                f"{seconds_nx:.2f} s",
                f"{seconds_nx / seconds:.1f}x ours",
            )
        )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(synthetic_map_yaml(args.map_size))
        seconds_load, big = timed(lambda: argmap.load(path))
        rows.append((f"load + validate a {args.map_size:,}-statement YAML map", f"{seconds_load:.2f} s", ""))
        seconds_an, _ = timed(lambda: analyze(big, strength_model="auto"))
        rows.append(("analyze it (all analyses, grounded)", f"{seconds_an:.2f} s", ""))
        rows.append(("load + analyze together", f"{seconds_load + seconds_an:.2f} s", "well under 60 s"))

    article = ROOT / "graphs" / "ukraine-us-alliance.yaml"
    seconds_article, _ = timed(lambda: analyze(argmap.load(article)))
    rows.append(("load + analyze the article's map, in process", f"{seconds_article:.3f} s", "< 0.5 s"))
    python = sys.executable
    start = [python, "-c", "import argmap_cli.main"]
    command = [python, "-m", "argmap_cli", "analyze", str(article), "--format", "json"]
    seconds_import, _ = timed(lambda: subprocess.run(start, check=True, capture_output=True))
    seconds_cli, _ = timed(lambda: subprocess.run(command, check=True, capture_output=True))
    rows.append(
        (
            "`argmap analyze` on the article's map, beyond start-up",
            f"{seconds_cli - seconds_import:.2f} s",
            "< 0.5 s",
        )
    )

    print("| measurement | time | target / ratio |")
    print("|---|---:|---|")
    for name, value, note in rows:
        print(f"| {name} | {value} | {note} |")


if __name__ == "__main__":
    main()
