"""Benchmarks of argmap compare: text against span alignment, on real and on look-alike texts.

Run by hand (not by the test suite), side by side in one run so that the ratios hold on a
noisy machine:

    .venv/bin/python bench/compare.py [--rounds 3]

Each case compares a map with a copy under other ids, its statements in reverse order and
every tenth relation dropped: once aligned by text, once by span (both maps then name the
same source checksum). "real" texts are the statements of the 112 microtexts
(../shared/corpora/microtexts/, 576 distinct texts, repeated with a number when more are
needed); "look-alike" texts are 8 words drawn from a 17-word vocabulary, so that every
statement resembles many others: the hard case for the matching. Prints a Markdown table;
the numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import argmap
from argmap.comparison import compare
from argmap.model import ArgumentMap, Relation, Source, Span, Statement

ROOT = Path(__file__).resolve().parent.parent
MICROTEXTS = ROOT.parent / "shared" / "corpora" / "microtexts"
WORDS = [
    "tax",
    "school",
    "rain",
    "city",
    "cars",
    "trees",
    "money",
    "health",
    "law",
    "vote",
    "price",
    "work",
    "time",
    "road",
    "water",
    "food",
    "energy",
]
SHA = "0" * 64


def real_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(MICROTEXTS.glob("micro_*.xml")):
        texts += [s.text for s in argmap.load(path).statements]
    return list(dict.fromkeys(texts))


def look_alike_texts(n: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(8)) for _ in range(n)]


def pair_of_maps(texts: list[str], n: int, seed: int = 1) -> tuple[ArgumentMap, ArgumentMap]:
    rng = random.Random(seed)
    chosen = [texts[i % len(texts)] + (f" ({i // len(texts)})" if i >= len(texts) else "") for i in range(n)]
    offsets, start = [], 0
    for text in chosen:
        offsets.append((start, start + len(text)))
        start += len(text) + 1
    targets = [rng.randrange(i) for i in range(1, n)]

    def build(prefix: str, order: list[int], drop_every: int) -> ArgumentMap:
        statements = [
            Statement(
                id=f"{prefix}{i}",
                kind="claim" if i == 0 else "premise",
                text=chosen[i],
                span=Span(start=offsets[i][0], end=offsets[i][1]),
            )
            for i in order
        ]
        relations = [
            Relation(
                id=f"{prefix}r{i}", type="support", sources=f"{prefix}{i}", to=f"{prefix}{targets[i - 1]}"
            )
            for i in range(1, n)
            if not drop_every or i % drop_every
        ]
        return ArgumentMap(
            title=prefix, source=Source(sha256=SHA), statements=statements, relations=relations
        )

    return build("a", list(range(n)), 10), build("b", list(reversed(range(n))), 0)


def best_of(rounds: int, a: ArgumentMap, b: ArgumentMap, align: str) -> tuple[float, float]:
    times, score = [], 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        score = compare(a, b, align=align).score
        times.append(time.perf_counter() - start)
    return min(times), score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    real = real_texts()
    print("| texts | statements | relations | by text (s) | by span (s) | text / span | score (text) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, sizes in (("real", (100, 300, 1000)), ("look-alike", (100, 300, 1000))):
        for n in sizes:
            texts = real if name == "real" else look_alike_texts(n)
            a, b = pair_of_maps(texts, n)
            by_text, score = best_of(args.rounds, a, b, "text")
            by_span, _ = best_of(args.rounds, a, b, "span")
            print(
                f"| {name} | {n} | {len(a.relations)} / {len(b.relations)} | {by_text:.3f} | "
                f"{by_span:.3f} | {by_text / by_span:.1f} | {score:.3f} |"
            )


if __name__ == "__main__":
    main()
