"""Benchmarks of one large map: ``argmap.load`` and ``weak_links`` beside the parsing floor.

Run by hand (not by the test suite); every figure is CPU seconds of this process, measured
back to back in one run, so that the ratios hold on a shared machine:

    .venv/bin/python bench/scale.py [--statements 100000] [--rounds 3]

The map is a random support tree of ``--statements`` statements (a quarter of the
relations attacks, one support in ten linked); ``cyclic`` adds a support from a leaf back
to the claim every 1,000 statements, so that support cycles make ``auto`` strength fall back
to the quadratic-energy model. Each figure is the best of ``--rounds``. Prints Markdown for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import yaml

import argmap
from argmap.analysis import weak_links
from argmap.model import ArgumentMap


def map_data(n: int, *, cyclic: bool, seed: int = 3) -> dict[str, Any]:
    """A map of ``n`` statements as file data."""
    rng = random.Random(seed)
    kinds = ["premise", "evidence", "premise", "rebuttal"]
    statements = [
        {"id": f"S{i}", "kind": "claim" if i == 0 else kinds[i % 4], "text": f"Statement number {i}."}
        for i in range(n)
    ]
    relations: list[dict[str, Any]] = []
    for i in range(1, n):
        target = rng.randrange(max(0, i // 2 - 1), i)
        kind = "attack" if i % 4 == 3 else "support"
        linked = kind == "support" and i % 10 == 0 and target < i - 1
        relations.append({"id": f"R{i}", "type": kind, "from": [f"S{i}", f"S{i - 1}"] if linked else f"S{i}"})
        relations[-1]["to"] = f"S{target}"
    if cyclic:
        for i in range(1000, n, 1000):
            relations.append({"id": f"B{i}", "type": "support", "from": "S0", "to": f"S{i}"})
    return {
        "argmap": 1,
        "title": "scale",
        "main_claim": "S0",
        "statements": statements,
        "relations": relations,
    }


def cpu(function: Callable[[], Any], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


def measure(name: str, data: dict[str, Any], folder: Path, rounds: int) -> None:
    """Print one row per measure of the map ``data``, each beside ``json.loads`` of its file."""
    as_json = folder / f"{name}.json"
    as_json.write_text(json.dumps(data, indent=1))
    as_yaml = folder / f"{name}.yaml"
    as_yaml.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False))
    text, raw, yaml_text = as_json.read_text(), as_json.read_bytes(), as_yaml.read_text()
    loaded = argmap.load(as_json)
    floor = cpu(lambda: json.loads(text), rounds)
    rows: list[tuple[str, float]] = [
        ("`json.loads`", floor),
        ("`orjson.loads`", cpu(lambda: orjson.loads(raw), rounds)),
        (
            "pydantic `ArgumentMap.model_validate_json`",
            cpu(lambda: ArgumentMap.model_validate_json(raw), rounds),
        ),
        ("`argmap.load` (JSON)", cpu(lambda: argmap.load(as_json), rounds)),
        ("`yaml.load` (CSafeLoader)", cpu(lambda: yaml.load(yaml_text, Loader=yaml.CSafeLoader), rounds)),
        ("`argmap.load` (YAML)", cpu(lambda: argmap.load(as_yaml), rounds)),
        ("`weak_links`", cpu(lambda: weak_links(loaded), rounds)),
    ]
    for what, seconds in rows:
        print(f"| {name} | {what} | {seconds:.3f} | {seconds / floor:.2f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    print(f"| map ({options.statements:,} statements) | what | CPU s | ratio to `json.loads` |")
    print("|---|---|---:|---:|")
    for cyclic in (False, True):
        data = map_data(options.statements, cyclic=cyclic)
        measure("cyclic" if cyclic else "acyclic", data, folder, options.rounds)


if __name__ == "__main__":
    main()
