"""Benchmarks of ``argmap batch``: maps per second, 1 vs 2 local processes, and Dask's overhead.

Run by hand (not by the test suite). Every dataset is run by every engine back to back, so
that the ratios hold on a shared, noisy machine:

    .venv/bin/python bench/batch.py [--generated 10000] [--iccma-timeout 10] [--rounds 2]

Datasets: the corpora in ../shared/corpora (aif, microtexts, argdown, iccma; all analyses)
and ``--generated`` maps written into a temporary folder, of sizes drawn like the AIFdb
corpus's (a long tail: most maps 5-40 statements, a few hundred). Engines: the local pool
with 1 and 2 processes, and a Dask LocalCluster of 2 worker processes. Times include
starting the workers (a row measures that alone); each is the best of ``--rounds`` runs, the
engines interleaved. Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import argmap
from argmap.batching.inputs import expand_inputs

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis import synthetic_map_yaml  # noqa: E402 - bench/ is not a package

Engine = tuple[str, dict[str, object]]
ENGINES: list[Engine] = [
    ("pool, 1 process", {"jobs": 1}),
    ("pool, 2 processes", {"jobs": 2}),
    ("Dask LocalCluster, 2 workers", {"dask_local": 2}),
]


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run(paths: list[str], options: dict[str, object]) -> tuple[float, int, int, float, float]:
    """Seconds for the whole batch, rows, failed rows, CPU seconds of this process and of the workers.

    The workers' CPU time is that of child processes ended and waited for (the pool's and a
    LocalCluster's workers are, when the batch closes): it shows what the work costs whatever
    else the machine runs.
    """
    start = time.perf_counter()
    own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    rows = failed = 0
    with argmap.batch(paths, **options) as records:  # type: ignore[arg-type]
        for record in records:
            rows += 1
            failed += not record.ok
    seconds = time.perf_counter() - start
    return seconds, rows, failed, _cpu(resource.RUSAGE_SELF) - own, _cpu(resource.RUSAGE_CHILDREN) - children


def generate(folder: Path, count: int, seed: int = 6) -> list[str]:
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        size = max(3, min(400, int(rng.lognormvariate(2.6, 0.8))))  # median ~13, mean ~19
        path = folder / f"gen{i:05}.yaml"
        path.write_text(synthetic_map_yaml(size, seed=i))
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--generated", type=int, default=10_000)
    parser.add_argument("--iccma-timeout", type=float, default=10.0)
    parser.add_argument("--corpora", default="aif,microtexts,argdown,iccma")
    parser.add_argument("--rounds", type=int, default=2, help="best of this many runs of each engine")
    args = parser.parse_args()

    print(f"cpu_count={os.cpu_count()}, load average at start {os.getloadavg()}", file=sys.stderr)
    lines = [
        "| dataset | maps | engine | seconds | maps/s | vs 1 process | error rows "
        "| CPU s: parent | CPU s: workers |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]

    def measure(name: str, paths: list[str], engines: list[Engine], extra: dict[str, object]) -> None:
        best: dict[str, tuple[float, int, int, float, float]] = {}
        for _ in range(args.rounds):  # the engines interleaved, round after round; the best kept
            for engine, options in engines:
                result = run(paths, {**options, **extra})
                best[engine] = min(best.get(engine, result), result)
        base = None
        for engine, _ in engines:
            seconds, rows, failed, own, workers = best[engine]
            base = base or seconds
            lines.append(
                f"| {name} | {rows:,} | {engine} | {seconds:.1f} | {rows / seconds:.1f} "
                f"| {base / seconds:.2f}x | {failed} | {own:.1f} | {workers:.1f} |"
            )
            print(lines[-1], file=sys.stderr, flush=True)

    tiny = [str(ROOT / "graphs" / "ukraine-us-alliance.yaml")]
    measure("start-up: one map", tiny, ENGINES, {})
    for corpus in filter(None, args.corpora.split(",")):
        folder = CORPORA / corpus
        if not folder.exists():
            print(f"{folder} is absent: skipped", file=sys.stderr)
            continue
        paths = list(expand_inputs([folder]).files)
        if corpus == "iccma":  # Dask cannot stop a running task: the frameworks that run long need a timeout
            measure(
                f"corpora/{corpus} (timeout {args.iccma_timeout:g} s)",
                paths,
                ENGINES[:2],
                {"timeout": args.iccma_timeout},
            )
        else:
            measure(f"corpora/{corpus}", paths, ENGINES, {})
    with tempfile.TemporaryDirectory() as folder:
        generated = generate(Path(folder), args.generated)
        measure(f"{args.generated:,} generated maps", generated, ENGINES, {})
    print(f"load average at end {os.getloadavg()}", file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
