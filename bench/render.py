"""Rendering benchmark: Graphviz's dot and sfdp side by side on synthetic maps of growing size.

Run ``python bench/render.py`` from the project folder; it prints a Markdown table (and,
with ``--write``, puts it in the ``## Rendering`` section of ``docs/benchmarks.md``). Each
layout runs in a child process with a time limit, so one slow layout cannot stall the run.
The maps are random but seeded: a tree of supports and attacks (each statement answers an
earlier one) plus ``extra`` cross relations per statement, with texts of 5 to 14 words.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (250, 500, 1000, 2000, 3000)
EXTRAS = (0.0, 0.3, 1.0)
ENGINES = ("dot", "sfdp")
WORDS = ("argument", "reason", "because", "evidence", "shows", "the", "policy", "would", "cost", "more")


def synthetic_map(statements: int, extra: float, seed: int = 0) -> object:
    """A seeded random map: a support/attack tree plus ``extra`` cross relations per statement."""
    from argmap.model import ArgumentMap, Relation, Statement

    rng = random.Random(seed)
    kinds = ("premise", "evidence", "rebuttal", "claim")
    nodes = [Statement(id="S0", kind="claim", text="The main claim of a large synthetic map.")]
    relations = []
    for i in range(1, statements):
        kind = rng.choice(kinds)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14)))
        nodes.append(Statement(id=f"S{i}", kind=kind, text=text, section=f"part {i * 8 // statements}"))
        relation_type = "attack" if kind == "rebuttal" else "support"
        relations.append(Relation(id=f"R{i}", type=relation_type, sources=f"S{i}", to=f"S{rng.randrange(i)}"))
    for j in range(int(statements * extra)):
        source = rng.randrange(1, statements)
        relations.append(
            Relation(
                id=f"X{j}",
                type=rng.choice(("support", "attack")),
                sources=f"S{source}",
                to=f"S{rng.randrange(source)}",
            )
        )
    return ArgumentMap(
        title=f"synthetic {statements}", main_claim="S0", statements=nodes, relations=relations
    )


_CHILD = """
import json, sys, time
sys.path.insert(0, {bench!r})
from render import synthetic_map
from argmap.render import RenderOptions, render_bytes
m = synthetic_map({statements}, {extra})
start = time.perf_counter()
svg = render_bytes(m, "svg", RenderOptions(engine={engine!r}))
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "nodes": svg.count(b'class="node statement'), "bytes": len(svg)}}))
"""


def measure(statements: int, extra: float, engine: str, limit: float) -> dict[str, float] | None:
    """One layout to SVG in a child process; ``None`` if it took longer than ``limit`` seconds."""
    code = _CHILD.format(bench=str(Path(__file__).parent), statements=statements, extra=extra, engine=engine)
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=limit, check=False, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"{engine} on {statements} statements failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def table(limit: float) -> str:
    """The benchmark as a Markdown table, one row per map."""
    lines = [
        "| statements | relations | statements + relations | dot (s) | sfdp (s) | statements drawn |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for statements in SIZES:
        for extra in EXTRAS:
            relations = statements - 1 + int(statements * extra)
            cells = []
            drawn = set()
            for engine in ENGINES:
                result = measure(statements, extra, engine, limit)
                cells.append(f"> {limit:g}" if result is None else f"{result['seconds']:.2f}")
                if result is not None:
                    drawn.add(int(result["nodes"]))
            lines.append(
                f"| {statements} | {relations} | {statements + relations} | {cells[0]} | {cells[1]} | "
                f"{', '.join(str(d) for d in sorted(drawn))} |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def write_section(path: Path, body: str) -> None:
    """Replace (or add) the ``## Rendering`` section of ``path``, leaving the other sections alone."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = f"## Rendering\n\n{body.strip()}\n"
    pattern = re.compile(r"^## Rendering\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=60.0, help="Seconds before a layout is given up.")
    parser.add_argument("--write", action="store_true", help="Write the table into docs/benchmarks.md.")
    args = parser.parse_args()
    from argmap.render.layout import DOT_LIMIT

    started = time.strftime("%Y-%m-%d")
    machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    result = table(args.limit)
    body = (
        "`python bench/render.py --write` (one run, both engines side by side; SVG output, default "
        f"options; {started}, {machine}). Synthetic maps from `bench/render.py`: a tree of supports "
        "and attacks plus cross relations. `argmap render` lays a map out with `sfdp` instead of "
        f"`dot` above {DOT_LIMIT} statements + relations (`argmap.render.layout.DOT_LIMIT`).\n\n" + result
    )
    print(body)
    if args.write:
        write_section(ROOT / "docs" / "benchmarks.md", body)


if __name__ == "__main__":
    main()
