"""Evaluation and speed of argmap.extract on the Argumentative Microtexts (their XML is the gold).

Run by hand (not by the test suite); needs scikit-learn (the ``bench`` extra) to fit the
folds:

    .venv/bin/python bench/extraction.py [--corpus DIR] [--folds 10] [--seeds 5] [--article FILE]
    .venv/bin/python bench/extraction.py --write-weights   # refit argmap/extraction/weights.json
    .venv/bin/python bench/extraction.py --embeddings      # also: with embedding similarity

Prints Markdown tables: with the gold units (ADUs as given) and from raw text, the
10-fold cross-validated extractor (folds by text; the headline), the shipped weights
(in-sample, fitted on all texts), and the two baselines; then the time to extract the
article. With ``--seeds N`` (default 5), the cross-validation is repeated over N fold
assignments (the first by name, the others shuffled by seeds 1 .. N-1) and the mean and
the minimum of each metric printed. The numbers go to docs/extraction.md and
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from argmap.extraction import decode, extract, segment
from argmap.extraction.decoder import Weights, load_weights
from argmap.extraction.evaluation import (
    Gold,
    Scores,
    baseline_first,
    baseline_preceding,
    gold_units,
    read_gold_folder,
    score,
)
from argmap.extraction.segmentation import Unit
from argmap.extraction.training import cross_validate, fit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".." / "shared" / "corpora" / "microtexts"
ARTICLE = ROOT / ".." / "shared" / "seeds" / "000_04bb03cded9d63f7.txt"
WEIGHTS = ROOT / "argmap" / "extraction" / "weights.json"
PROVENANCE = "the 112 English Argumentative Microtexts, part 1 (Peldszus & Stede 2015; CC BY-NC-SA 4.0)"
TARGETS = {"central_claim": 0.84, "function_f1": 0.72, "las": 0.52}
METRICS = ("central_claim", "role_f1", "function_f1", "attachment_f1", "las", "boundary_f1")
HEADERS = ("central claim acc.", "role macro-F1", "function macro-F1", "attachment F1", "LAS", "boundary F1")


def row(name: str, scores: Scores) -> str:
    cells = [f"{getattr(scores, m):.3f}" if getattr(scores, m) is not None else "-" for m in METRICS]
    return f"| {name} | " + " | ".join(cells) + " |"


def table(title: str, rows: list[str]) -> None:
    print(f"\n**{title}**\n")
    print("| system | " + " | ".join(HEADERS) + " |")
    print("|---" * (len(HEADERS) + 1) + "|")
    print("\n".join(rows))


def evaluate(
    golds: Sequence[Gold], units_of: Callable[[Gold], Sequence[Unit]], folds: int, raw: bool
) -> dict[str, Scores]:
    cv, _ = cross_validate(golds, folds, units_of)
    units = [units_of(g) for g in golds]
    results = {
        f"argmap.extract, {folds}-fold CV (headline)": cv,
        "argmap.extract, shipped weights (in-sample)": score(golds, [decode(u) for u in units], raw=raw),
        'baseline "attach to the first"': score(golds, [baseline_first(u) for u in units], raw=raw),
        'baseline "attach to the preceding"': score(golds, [baseline_preceding(u) for u in units], raw=raw),
    }
    table(f"{'From raw text' if raw else 'With the gold units (ADUs)'} ({len(golds)} texts)", [
        row(name, s) for name, s in results.items()
    ])  # fmt: skip
    return results


def check_targets(results: dict[str, Scores]) -> None:
    headline, *_, first, preceding = results.values()
    print()
    for metric, target in TARGETS.items():
        value = getattr(headline, metric)
        print(f"- target {metric} >= {target}: {value:.3f} {'met' if value >= target else 'NOT MET'}")
    beaten = [m for m in METRICS[:5] if getattr(headline, m) > max(getattr(first, m), getattr(preceding, m))]
    print(f"- beats both baselines on {len(beaten)} of 5 metrics: {', '.join(beaten)}")


def repeated(golds: Sequence[Gold], folds: int, seeds: int) -> None:
    """Cross-validation over several fold assignments: the mean and the minimum of each metric."""
    print(f"\n**{folds}-fold CV over {seeds} fold assignments: mean (min)**\n")
    print("| units | " + " | ".join(HEADERS[:5]) + " |")
    print("|---" * 6 + "|")
    for name, units_of in (("gold", gold_units), ("raw", lambda g: segment(g.text))):
        runs = []
        for seed in range(seeds):
            order = list(range(len(golds)))
            if seed:
                random.Random(seed).shuffle(order)
            scores, _ = cross_validate([golds[i] for i in order], folds, units_of)
            runs.append([getattr(scores, m) for m in METRICS[:5]])
        cells = [f"{sum(r[k] for r in runs) / seeds:.3f} ({min(r[k] for r in runs):.3f})" for k in range(5)]
        print(f"| {name} | " + " | ".join(cells) + " |")


def timing(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    words = text.split()
    # the first 1,500 words, cut at the end of the sentence the 1,500th word is in
    cut = len(" ".join(words[:1500]))
    end = next((i + 1 for i in range(cut, len(text)) if text[i] in ".!?"), len(text))
    sample = text[:end]

    extract(sample)  # warm: the lexicon and weights are read once per process
    units = segment(sample)
    steps: dict[str, Callable[[], object]] = {
        "segment": lambda: segment(sample),
        "decode": lambda: decode(units),
        "extract": lambda: extract(sample),
        "full": lambda: extract(text),
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(5):  # the steps in turn, round after round, so that load hits them alike
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)
    t_segment, t_decode, t_extract, t_full = (min(times[name]) for name in steps)
    print(f"\n**Speed** (best of 5, one process, the article at {article.name})\n")
    print("| input | words | units | segment | decode | extract (all) | of the 1 s budget |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| first 1,500 words | {len(sample.split())} | {len(units)} | {t_segment * 1000:.0f} ms | "
        f"{t_decode * 1000:.0f} ms | {t_extract * 1000:.0f} ms | {t_extract:.2f} |"
    )
    print(
        f"| whole article | {len(words)} | {len(segment(text))} | | | {t_full * 1000:.0f} ms | {t_full:.2f} |"
    )


def embeddings_comparison(golds: Sequence[Gold], folds: int) -> None:
    from embeddings import cross_validate_with_similarity  # bench/embeddings.py, beside this script

    print("\n**Embedding similarity as an attachment feature** (10-fold CV, raw text)\n")
    without, _ = cross_validate(golds, folds, lambda g: segment(g.text))
    with_similarity = cross_validate_with_similarity(golds, folds, lambda g: segment(g.text))
    print("| system | " + " | ".join(HEADERS) + " |")
    print("|---" * (len(HEADERS) + 1) + "|")
    print(row("lexicon, position, structure", without))
    print(row("... + MiniLM cosine similarity", with_similarity))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--seeds", type=int, default=5, help="fold assignments for the repeated CV")
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--write-weights", action="store_true", help="refit the shipped weights on all texts")
    parser.add_argument("--embeddings", action="store_true", help="compare with embedding similarity")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    golds = read_gold_folder(args.corpus)
    if args.write_weights:
        weights: Weights = fit(golds, PROVENANCE)
        WEIGHTS.write_text(json.dumps(weights.model_dump(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
        load_weights.cache_clear()
    evaluate(golds, gold_units, args.folds, raw=False)
    raw = evaluate(golds, lambda g: segment(g.text), args.folds, raw=True)
    check_targets(raw)
    if args.seeds > 1:
        repeated(golds, args.folds, args.seeds)
    if args.embeddings:
        embeddings_comparison(golds, args.folds)
    if args.article.is_file():
        timing(args.article)


if __name__ == "__main__":
    main()
