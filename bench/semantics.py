"""Benchmarks of argmap.semantics: reading and grounded at 10^6, extensions, the ICCMA corpus.

Run by hand (not by the test suite), everything side by side in one run so that ratios hold
on a noisy machine. afsolver is a bench-only comparison; its metadata asks for Python 3.13
but the code runs on 3.11, so install it without that check:

    .venv/bin/pip download --no-deps --ignore-requires-python -d /tmp/afsolver afsolver==0.1.1
    .venv/bin/pip install --no-deps --ignore-requires-python /tmp/afsolver/afsolver-0.1.1-py3-none-any.whl
    .venv/bin/python bench/semantics.py [--write] [--timeout 30]

Every timed call that may run long runs in a child process that is stopped at the timeout.
With ``--write`` the tables replace the ``## Semantics`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from argmap.semantics import AttackFramework, grounded_labels, solve

ROOT = Path(__file__).resolve().parent.parent
ICCMA = ROOT.parent / "shared" / "corpora" / "iccma"
SEMANTICS = ("grounded", "complete", "preferred", "stable")


# -- running with a timeout -----------------------------------------------------------


def _child(queue: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    start = time.perf_counter()
    result = function(*args)
    queue.put((time.perf_counter() - start, result))


def timed(function: Callable[..., Any], *args: Any, timeout: float) -> tuple[float | None, Any]:
    """(seconds, result) of ``function(*args)`` in a child process, or (None, None) past the timeout."""
    context = mp.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue, function, args))
    process.start()
    process.join(timeout)
    if process.is_alive():
        process.terminate()
        process.join()
        return None, None
    return queue.get() if not queue.empty() else (None, None)


def seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:g}" if value is None else f"{value:.3f}"


# -- frameworks -----------------------------------------------------------------------


def random_edges(n: int, m: int, seed: int, acyclic: bool) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    if acyclic:
        a, b = np.minimum(a, b), np.maximum(a, b)
        keep = a != b
        a, b = a[keep], b[keep]
    return a, b


def random_framework(n: int, p: float, seed: int) -> AttackFramework:
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(n)]
    return AttackFramework(names, [(x, y) for x in names for y in names if rng.random() < p])


# -- competitors ----------------------------------------------------------------------


def afsolver_run(af: AttackFramework, semantics: str) -> int:
    from afsolver import ArgumentationFramework

    other = ArgumentationFramework(af.names, list(af.attack_pairs()))
    result = other.extension(semantics)
    return 1 if isinstance(result, frozenset) else len(result)


def py_arg_run(af: AttackFramework, semantics: str) -> int:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    arguments = {name: Argument(name) for name in af.names}
    framework = AbstractArgumentationFramework(
        "af", list(arguments.values()), [Defeat(arguments[a], arguments[b]) for a, b in af.attack_pairs()]
    )
    if semantics == "grounded":
        get_grounded_extension(framework)
        return 1
    compute = {"preferred": get_preferred_extensions, "stable": get_stable_extensions}[semantics]
    return len(compute(framework))


def argmap_run(af: AttackFramework, semantics: str) -> int:
    return len(solve(af, semantics).extensions)


def available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


# -- the sections ---------------------------------------------------------------------


def bench_grounded_vs_afsolver(timeout: float) -> list[str]:
    n = 10_000
    a, b = random_edges(n, 3 * n, seed=1, acyclic=True)
    af = AttackFramework.from_edges([f"a{i}" for i in range(n)], a, b)
    ours, _ = timed(argmap_run, af, "grounded", timeout=timeout)
    theirs, _ = (
        timed(afsolver_run, af, "grounded", timeout=timeout) if available("afsolver") else (None, None)
    )
    ratio = f"{theirs / ours:.0f}x" if ours and theirs else "n/a"
    return [
        f"### Grounded on an acyclic framework of {n:,} arguments, {af.n_attacks:,} attacks",
        "",
        "| argmap `solve(af, 'grounded')` (s) | afsolver `grounded()` (s) | ratio |",
        "|---:|---:|---:|",
        f"| {seconds(ours, timeout)} | {seconds(theirs, timeout)} | {ratio} |",
    ]


def _read_and_solve(path: Path) -> tuple[float, float, float, int]:
    start = time.perf_counter()
    af = AttackFramework.read(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    labels = grounded_labels(af)
    labelling = time.perf_counter() - start
    start = time.perf_counter()
    solve(af, "grounded")
    full = time.perf_counter() - start
    return read, labelling, full, int((labels == 1).sum())


def bench_million(timeout: float) -> list[str]:
    n, m = 1_000_000, 3_000_000
    rows = [
        f"### {n:,} arguments: reading an ICCMA'23 `.af` file and the grounded labelling",
        "",
        "`grounded_labels` is the array path (labels by index); `solve` adds the `Solution` "
        "(a dict of a million names and the extension as a frozenset).",
        "",
        "| shape | attacks | file (MB) | read (s) | `grounded_labels` (s) | `solve` (s) | in |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    shapes = {
        "random": random_edges(n, m, seed=2, acyclic=False),
        "acyclic": random_edges(n, m, seed=3, acyclic=True),
        "one chain": (np.arange(n - 1), np.arange(1, n)),
    }
    with tempfile.TemporaryDirectory() as folder:
        for shape, (a, b) in shapes.items():
            path = Path(folder) / f"{shape.replace(' ', '_')}.af"
            AttackFramework.from_edges(n, a, b).write(path)
            result = timed(_read_and_solve, path, timeout=timeout * 4)[1]
            size = path.stat().st_size / 1e6
            if result is None:
                rows.append(f"| {shape} | {len(a):,} | {size:.0f} | timeout | | | |")
                continue
            read, labelling, full, accepted = result
            cells = (shape, f"{len(a):,}", f"{size:.0f}", f"{read:.2f}", f"{labelling:.2f}", f"{full:.2f}")
            rows.append("| " + " | ".join(cells) + f" | {accepted:,} |")
    return rows


def bench_extensions(timeout: float) -> list[str]:
    rows = [
        f"### Preferred and stable on random frameworks (timeout {timeout:g} s)",
        "",
        "Attack probability `p` per ordered pair; times in seconds; `n ext` is argmap's count.",
        "",
        "| arguments | p | semantics | n ext | argmap | python-argumentation | afsolver |",
        "|---:|---:|---|---:|---:|---:|---:|",
    ]
    for n, p in ((30, 0.1), (40, 0.1), (200, 0.05), (200, 0.02)):
        af = random_framework(n, p, seed=n)
        for semantics in ("preferred", "stable"):
            ours, count = timed(argmap_run, af, semantics, timeout=timeout)
            py_arg = timed(py_arg_run, af, semantics, timeout=timeout)[0] if available("py_arg") else None
            afs = timed(afsolver_run, af, semantics, timeout=timeout)[0] if available("afsolver") else None
            found = count if count is not None else "?"
            times = " | ".join(seconds(t, timeout) for t in (ours, py_arg, afs))
            rows.append(f"| {n} | {p} | {semantics} | {found} | {times} |")
    return rows


def corpus_files() -> list[Path]:
    """One file per ICCMA instance (the .apx where it is whole, else the .tgf; .af for a.i23)."""
    files: list[Path] = []
    for path in sorted(ICCMA.rglob("*")):
        if path.suffix == ".apx" and path.name != "n512p5q2_vh.apx":
            files.append(path)
    afgen = ICCMA / "dl-abstract-argumentation/src/data/generators/vendor/AFGenBenchmarkGenerator/samples"
    files.append(afgen / "TGF/n512p5q2_vh.tgf")
    files.append(ICCMA / "probo2/solver_test_data/a.i23")
    return files


def _solve_file(path: Path, semantics: str) -> int:
    return len(solve(AttackFramework.read(path), semantics).extensions)


def bench_corpus(timeout: float) -> list[str]:
    rows = [
        f"### Every ICCMA corpus instance under the four semantics (timeout {timeout:g} s)",
        "",
        "Seconds to read the file and enumerate every extension (cell: time / number of extensions).",
        "",
        "| instance | arguments | attacks | " + " | ".join(SEMANTICS) + " |",
        "|---|---:|---:|" + "---:|" * len(SEMANTICS),
    ]
    for path in corpus_files():
        af = AttackFramework.read(path)
        cells = []
        for semantics in SEMANTICS:
            spent, count = timed(_solve_file, path, semantics, timeout=timeout)
            cells.append(f"> {timeout:g}" if spent is None else f"{spent:.2f} / {count}")
        rows.append(f"| {path.name} | {len(af):,} | {af.n_attacks:,} | " + " | ".join(cells) + " |")
        print(rows[-1], flush=True)
    return rows


def write_section(text: str) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    current = path.read_text() if path.exists() else "# Benchmarks\n"
    section = "## Semantics\n\n" + text.strip() + "\n"
    start = current.find("\n## Semantics\n")
    if start < 0:
        updated = current.rstrip("\n") + "\n\n" + section
    else:
        following = current.find("\n## ", start + 1)
        rest = current[following:] if following >= 0 else "\n"
        updated = current[: start + 1] + section + rest
    path.write_text(updated)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per timed call (default 30)")
    parser.add_argument(
        "--write", action="store_true", help="replace the Semantics section of docs/benchmarks.md"
    )
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=["grounded", "million", "extensions", "corpus"]
    )
    options = parser.parse_args()
    header = [
        f"`python bench/semantics.py --write` ({date.today()}, {platform.machine()}, "
        f"CPython {platform.python_version()}, {mp.cpu_count()} cores; one run, competitors side by side).",
    ]
    sections: list[list[str]] = [header]
    steps = {
        "grounded": bench_grounded_vs_afsolver,
        "million": bench_million,
        "extensions": bench_extensions,
        "corpus": bench_corpus,
    }
    for name, step in steps.items():
        if name in options.skip:
            continue
        rows = step(options.timeout)
        print("\n".join(rows) + "\n", flush=True)
        sections.append(rows)
    text = "\n\n".join("\n".join(rows) for rows in sections)
    if options.write:
        write_section(text)
        print("wrote docs/benchmarks.md", file=sys.stderr)


if __name__ == "__main__":
    main()
