"""ICCMA decision tasks: argmap's ``solve_task`` against clingo running the plain encodings.

Every DC/DS/SE task under CO, PR and ST on every ICCMA corpus instance and on generated
Watts-Strogatz, grid and random frameworks of 1,000 and
10,000 arguments, side by side in one run:

- argmap: ``AttackFramework.read(FILE.af)`` then ``solve_task(af, TASK, ARG)`` (engine ``auto``);
- clingo: the same ``.lp`` files loaded into one in-process ``clingo.Control`` with the
  instance as ``.apx`` facts (``ctl.load``), grounded and solved with the plain method of each
  task: DC one call with ``:- not in(a).``, DS one call with ``:- in(a).`` (a model is a
  counterexample), DS-PR enumerating preferred extensions until one lacks the argument, SE one
  call. No argmap code runs on that side.

Both answers must agree (the run counts disagreements). Run by hand:

    .venv/bin/python bench/iccma.py [--timeout 20] [--sizes 1000,10000] [--write]
    .venv/bin/python bench/iccma.py --million

With ``--write`` the tables replace the ``## ICCMA tasks`` section of docs/benchmarks.md.
``--million`` instead times grounded on a chain of 10^6 arguments, read from an ``.af`` file:
``read`` + ``solve_task(af, "SE-GR")`` against a plain numpy reader (``np.fromstring`` of the
body) plus the same queue (``grounded_labels``), best of five, side by side.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import clingo
import networkx as nx
import numpy as np

from argmap.errors import SolverError
from argmap.semantics import AttackFramework, solve_task
from argmap.semantics.asp import encoding_text

ROOT = Path(__file__).resolve().parent.parent
ICCMA = ROOT.parent / "shared" / "corpora" / "iccma"
AFGEN = ICCMA / "dl-abstract-argumentation/src/data/generators/vendor/AFGenBenchmarkGenerator/samples"
STORAGE = ICCMA / "argument_solver/inputs/competition/storage"
# The plain one-call methods below are right for these three only (semi-stable, stage and ideal
# need more than one call even for clingo), so the baseline covers them.
SEMANTICS = {"CO": "complete", "PR": "preferred", "ST": "stable"}


# -- instances ------------------------------------------------------------------------


def corpus() -> list[tuple[str, AttackFramework, str | None]]:
    """(name, framework, query name) of every corpus instance (n512p5q2_vh from its complete .tgf)."""
    found: list[tuple[str, AttackFramework, str | None]] = []
    for folder in sorted(STORAGE.iterdir()):
        (apx,) = folder.glob("*.apx")
        query_file = apx.with_suffix(".apx.arg")
        query = query_file.read_text().strip() if query_file.exists() else None
        found.append((apx.stem, AttackFramework.read(apx), query))
    medium = ICCMA / "probo2/test/Medium-result-b1.apx"
    found.append((medium.stem, AttackFramework.read(medium), medium.with_suffix(".arg").read_text().strip()))
    for tgf in sorted((AFGEN / "TGF").glob("*.tgf")):
        found.append((tgf.stem, AttackFramework.read(tgf), None))
    return found


def _directed(edges: list[tuple[int, int]], seed: int) -> tuple[list[int], list[int]]:
    """Each undirected edge as one attack (either way) or, one time in five, as two."""
    rng = random.Random(seed)
    sources: list[int] = []
    targets: list[int] = []
    for a, b in edges:
        roll = rng.random()
        if roll < 0.2:
            sources += (a, b)
            targets += (b, a)
        elif roll < 0.6:
            sources.append(a)
            targets.append(b)
        else:
            sources.append(b)
            targets.append(a)
    return sources, targets


def generated(sizes: list[int]) -> list[tuple[str, AttackFramework, str | None]]:
    found: list[tuple[str, AttackFramework, str | None]] = []
    for n in sizes:
        ws = nx.watts_strogatz_graph(n, 6, 0.2, seed=n)
        side = round(math.sqrt(n))
        grid = nx.convert_node_labels_to_integers(nx.grid_2d_graph(side, side))
        rng = np.random.default_rng(n)
        m = 3 * n
        shapes = {
            f"ws_{n}": _directed(list(ws.edges()), n),
            f"grid_{side * side}": _directed(list(grid.edges()), n),
            f"random_{n}": (rng.integers(0, n, m).tolist(), rng.integers(0, n, m).tolist()),
        }
        for name, (sources, targets) in shapes.items():
            size = side * side if name.startswith("grid") else n
            found.append((name, AttackFramework.from_edges(size, sources, targets), None))
    return found


# -- the two sides --------------------------------------------------------------------


def run_argmap(path: Path, task: str, query: str | None, timeout: float) -> tuple[float | None, object]:
    start = time.perf_counter()
    try:
        af = AttackFramework.read(path)
        result = solve_task(af, task, query, timeout=timeout)
    except SolverError:
        return None, None
    return time.perf_counter() - start, (result.answer, result.engine)


def run_clingo(apx: Path, task: str, query: str | None, timeout: float) -> tuple[float | None, object]:
    problem, code = task.split("-")
    semantics = SEMANTICS[code]
    heuristic = semantics in ("preferred", "semi-stable", "stage")
    start = time.perf_counter()
    control = clingo.Control(["--heuristic=Domain", "--enum-mode=domRec"] if heuristic else [])
    control.add("base", [], encoding_text(semantics))
    control.load(str(apx))
    enumerate_all = problem == "DS" and semantics != "stable" and semantics != "complete"
    if problem == "DC":
        control.add("base", [], f":- not in({query}).")
    elif problem == "DS" and not enumerate_all:
        control.add("base", [], f":- in({query}).")
    control.ground([("base", [])])
    control.configuration.solve.models = 0 if enumerate_all else 1  # type: ignore[union-attr]
    answer: bool | None = None
    deadline = time.monotonic() + timeout
    with control.solve(yield_=True, async_=True) as handle:
        while True:
            handle.resume()
            if not handle.wait(max(0.0, deadline - time.monotonic())):
                handle.cancel()
                return None, None
            model = handle.model()
            if model is None:
                break
            if enumerate_all:
                if not model.contains(clingo.Function("in", [clingo.parse_term(query or "")])):
                    answer = False
                    break
                continue
            answer = problem != "DS"
            break
    if answer is None:
        answer = problem == "DS"
    return time.perf_counter() - start, answer


# -- grounded at a million arguments ----------------------------------------------------


def million() -> None:
    from argmap.semantics import grounded_labels

    n = 10**6

    def best(function: object) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            function()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chain.af"
        path.write_text(f"p af {n}\n" + "".join(f"{i} {i + 1}\n" for i in range(1, n)))

        def plain() -> None:
            data = path.read_bytes()
            pairs = np.fromstring(data[data.index(b"\n") + 1 :], dtype=np.int64, sep=" ").reshape(-1, 2) - 1
            grounded_labels(AttackFramework.from_edges(n, pairs[:, 0], pairs[:, 1]))

        rows = {
            "plain numpy read + queue": best(plain),
            "`AttackFramework.read` + `grounded_labels`": best(
                lambda: grounded_labels(AttackFramework.read(path))
            ),
            "`AttackFramework.read` + `solve_task(af, 'SE-GR')`": best(
                lambda: solve_task(AttackFramework.read(path), "SE-GR")
            ),
            "`AttackFramework.read` + `solve_task(af, 'DC-GR', '1')`": best(
                lambda: solve_task(AttackFramework.read(path), "DC-GR", "1")
            ),
        }
    base = rows["plain numpy read + queue"]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print("| chain of 10^6 arguments | best of 5 (s) | ratio |\n|---|---:|---:|")
    for name, seconds in rows.items():
        print(f"| {name} | {seconds:.3f} | {seconds / base:.2f} |")


# -- the run ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=20.0)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--semantics", default="CO,PR,ST")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--million", action="store_true")
    options = parser.parse_args()
    if options.million:
        million()
        return
    codes = [code for code in options.semantics.split(",") if code in SEMANTICS]
    tasks = [f"{problem}-{code}" for code in codes for problem in ("DC", "DS", "SE")]
    instances = corpus() + generated([int(s) for s in options.sizes.split(",")])
    rows: list[str] = []
    per_task: dict[str, list[tuple[float, float]]] = {task: [] for task in tasks}
    disagreements: list[str] = []
    timeouts: list[str] = []
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        for name, af, query in instances:
            rng = random.Random(name)
            query = query if query is not None else af.names[rng.randrange(len(af))]
            apx, iccma = Path(folder) / f"{name}.apx", Path(folder) / f"{name}.af"
            af.write(apx)
            af.write(iccma)
            number = str(af.index(query) + 1)  # the query's name in the .af file
            total_ours = total_theirs = 0.0
            worst = (0.0, "")
            engines: set[str] = set()
            for task in tasks:
                argument = number if task[:2] in ("DC", "DS") else None
                ours, (answer, engine) = _unpack(run_argmap(iccma, task, argument, options.timeout))
                theirs, expected = run_clingo(apx, task, query, options.timeout)
                if ours is None or theirs is None:
                    timeouts.append(f"{name} {task}: argmap {_s(ours)}, clingo {_s(theirs)}")
                    continue
                if answer is not expected:
                    disagreements.append(f"{name} {task}: argmap {answer}, clingo {expected}")
                engines.add(str(engine))
                total_ours += ours
                total_theirs += theirs
                per_task[task].append((ours, theirs))
                if ours / theirs > worst[0]:
                    worst = (ours / theirs, task)
            rows.append(
                f"| {name} | {len(af):,} / {af.n_attacks:,} | {total_ours:.2f} | {total_theirs:.2f} | "
                f"{total_ours / max(total_theirs, 1e-9):.2f} | {worst[0]:.2f} ({worst[1]}) | "
                f"{', '.join(sorted(engines))} |"
            )
            print(rows[-1], flush=True)
    lines = [
        "## ICCMA tasks",
        "",
        f"`python bench/iccma.py --timeout {options.timeout:g} --sizes {options.sizes} --semantics "
        f"{options.semantics}` ({date.today()}, {platform.machine()}, CPython {platform.python_version()}, "
        f"clingo {clingo.__version__}, {os.cpu_count()} cores shared with other jobs: load average "
        f"{load:.1f} at the start; one run, both sides side by side).",
        "",
        "argmap = `AttackFramework.read(.af)` + `solve_task(af, task, arg)` (engine `auto`); clingo = the "
        "same `.lp` files and the `.apx` file in one in-process `clingo.Control`, the plain method per "
        "task (see the script). Times are sums over the tasks in seconds; ratio = argmap / clingo.",
        "",
        "| instance | arguments / attacks | argmap (s) | clingo (s) | ratio | worst task ratio "
        "| argmap engines |",
        "|---|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
        "| task | argmap (s) | clingo (s) | ratio of sums | geometric mean of ratios | max ratio |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for task, pairs in per_task.items():
        if not pairs:
            continue
        ours_sum, theirs_sum = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
        ratios = [p[0] / p[1] for p in pairs]
        geometric = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        lines.append(
            f"| {task} | {ours_sum:.2f} | {theirs_sum:.2f} | {ours_sum / theirs_sum:.2f} | "
            f"{geometric:.2f} | {max(ratios):.2f} |"
        )
    lines += [
        "",
        f"Disagreements: {len(disagreements)}" + "".join(f"; {d}" for d in disagreements) + ".",
        f"Timeouts ({options.timeout:g} s): {len(timeouts)}" + "".join(f"; {t}" for t in timeouts) + ".",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if options.write:
        write_section(text)


def _unpack(pair: tuple[float | None, object]) -> tuple[float | None, tuple[object, object]]:
    seconds, result = pair
    return seconds, result if isinstance(result, tuple) else (None, None)


def _s(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.2f} s"


def write_section(text: str) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    current = path.read_text()
    heading = "## ICCMA tasks"
    if heading in current:
        start = current.index(heading)
        end = current.find("\n## ", start + len(heading))
        current = current[:start] + text.rstrip("\n") + "\n" + (current[end:] if end >= 0 else "")
    else:
        current = current.rstrip("\n") + "\n\n" + text
    path.write_text(current)


if __name__ == "__main__":
    sys.exit(main())
