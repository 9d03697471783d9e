"""Benchmark of what schemes add to reading and analysing a map, side by side in one run.

Run by hand (not by the test suite):

    .venv/bin/python bench/schemes.py [--size 100000]

A random support tree of SIZE statements whose every relation names a scheme of the
catalogue, and every tenth statement marks a critical question. Measured: the pydantic
validation of the map's data alone, the scheme checks (``scheme_problems``) on the same
map, ``open_questions``, and ``weak_links`` of the whole map. Prints a Markdown table; the
numbers go to docs/benchmarks.md. ``weak_links`` runs twice, with the catalogue and with an
empty one, so that the difference is what the open critical questions cost.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import Any

from argmap.analysis import weak_links
from argmap.model import ArgumentMap
from argmap.schemes import Catalogue, builtin_catalogue, open_questions, scheme_problems


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def map_data(size: int, seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    schemes = builtin_catalogue().schemes
    statements: list[dict[str, Any]] = [{"id": "S0", "kind": "claim", "text": "claim"}]
    relations: list[dict[str, Any]] = []
    for n in range(1, size):
        scheme = rng.choice(schemes)
        relations.append(
            {
                "id": f"R{n}",
                "type": "support",
                "from": f"S{n}",
                "to": f"S{rng.randrange(n)}",
                "scheme": scheme.id,
            }
        )
        statement: dict[str, Any] = {"id": f"S{n}", "kind": "premise", "text": f"statement {n}"}
        if n % 10 == 0 and n > 1:
            target = relations[rng.randrange(len(relations) - 1)]
            question = rng.choice(builtin_catalogue().scheme(target["scheme"]).question_ids)
            statement["answers"] = [{"relation": target["id"], "question": question}]
        statements.append(statement)
    return {
        "argmap": 1,
        "title": "bench",
        "main_claim": "S0",
        "statements": statements,
        "relations": relations,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    size = parser.parse_args().size
    data = map_data(size)
    validate, argument_map = timed(lambda: ArgumentMap.model_validate(data))
    check, problems = timed(lambda: scheme_problems(argument_map.statements, argument_map.relations))
    assert problems == []
    questions, found = timed(lambda: open_questions(argument_map))
    links, _ = timed(lambda: weak_links(argument_map, strength_model="none"))
    without, _ = timed(lambda: weak_links(argument_map, strength_model="none", schemes=Catalogue()))
    print(f"| measurement ({size:,} statements, {size - 1:,} relations with a scheme) | time | ratio |")
    print("|---|---:|---|")
    print(f"| pydantic validation of the map's data | {validate:.2f} s | 1 |")
    print(f"| scheme ids and answers marks checked | {check:.2f} s | {check / validate:.2f} of validation |")
    print(f"| open critical questions ({len(found):,}) | {questions:.2f} s | {questions / validate:.2f} |")
    print(f"| all weak links, open questions included | {links:.2f} s | {links / validate:.2f} |")
    print(f"| the same, empty catalogue (no open questions) | {without:.2f} s | {without / validate:.2f} |")


if __name__ == "__main__":
    main()
