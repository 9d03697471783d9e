"""Generalisation and speed of argmap.extract: leave-one-corpus-out over two genres.

Run by hand (not by the test suite); needs scikit-learn (the ``bench`` extra) to fit:

    .venv/bin/python bench/extraction.py [--shared DIR] [--article FILE]
    .venv/bin/python bench/extraction.py --write-weights   # refit argmap/extraction/weights.json
    .venv/bin/python bench/extraction.py --embeddings      # also: with embedding similarity

Two corpora from ``../shared/corpora``: the 112 English Argumentative Microtexts (their XML
is the gold) and the Araucaria texts of AIFdb with their AIF maps (``aif/araucaria``; the
maps' statements located in the texts, :func:`argmap.extraction.evaluation.read_aif_gold`).
Every number is on texts the models never saw, and every table puts the extractor beside
the baselines on the same units:

1. **transfer within the microtexts** — leave one author group out (the file prefixes b,
   d, k: fit on two, decode the third) and leave one question out (``topic_id``; texts
   without one each a group), the estimate for texts of other authors and questions; plus
   the old 10-fold cross-validation by text, for comparison;
2. **across corpora** — fit on the microtexts, decode Araucaria (and, the other way round,
   fit on Araucaria, decode the microtexts); Araucaria drafts are also compared with the
   AIF maps by ``argmap.compare`` (its combined score and relation F1, the maps aligned by
   text);
3. the **speed** of extracting the article.

The numbers go to docs/extraction.md and docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import argmap
from argmap.extraction import decode, extract, segment
from argmap.extraction.decoder import Parse, Weights, load_weights
from argmap.extraction.evaluation import (
    Gold,
    Scores,
    _best,
    baseline_first,
    baseline_preceding,
    gold_units,
    read_aif_gold,
    read_gold_folder,
    score,
)
from argmap.extraction.extractor import draft_map
from argmap.extraction.segmentation import Unit
from argmap.extraction.training import cross_validate, fit
from argmap.io.aif import loads_aif

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT / ".." / "shared"
ARTICLE = SHARED / "seeds" / "000_04bb03cded9d63f7.txt"
WEIGHTS = ROOT / "argmap" / "extraction" / "weights.json"
PROVENANCE = "the 112 English Argumentative Microtexts, part 1 (Peldszus & Stede 2015; CC BY-NC-SA 4.0)"
TARGETS = {"central_claim": 0.75, "function_f1": 0.85, "las": 0.50}
METRICS = ("central_claim", "role_f1", "function_f1", "attachment_f1", "las", "boundary_f1")
HEADERS = ("central claim acc.", "role macro-F1", "function macro-F1", "attachment F1", "LAS", "boundary F1")
UnitsOf = Callable[[Gold], Sequence[Unit]]


def raw_units(gold: Gold) -> Sequence[Unit]:
    return segment(gold.text)


def row(name: str, scores: Scores) -> str:
    cells = [f"{getattr(scores, m):.3f}" if getattr(scores, m) is not None else "-" for m in METRICS]
    return f"| {name} | " + " | ".join(cells) + " |"


def table(title: str, rows: list[str]) -> None:
    print(f"\n**{title}**\n")
    print("| system | " + " | ".join(HEADERS) + " |")
    print("|---" * (len(HEADERS) + 1) + "|")
    print("\n".join(rows), flush=True)


def baselines(golds: Sequence[Gold], units_of: UnitsOf) -> list[str]:
    units = [units_of(g) for g in golds]
    raw = units_of is not gold_units
    first = score(golds, [baseline_first(u) for u in units], raw=raw)
    preceding = score(golds, [baseline_preceding(u) for u in units], raw=raw)
    return [
        row('baseline "attach to the first" (first unit central)', first),
        row('baseline "attach to the preceding"', preceding),
    ]


def function_errors(golds: Sequence[Gold], parses: Sequence[Parse]) -> None:
    """Gold function against predicted, each gold non-central unit once; for the errors,
    whether the unit's target (mapped to the gold ADUs) and its role were right."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for gold, parse in zip(golds, parses, strict=True):
        predicted = [(u.start, u.end) for u in parse.units]
        unit_of = [_best(span, predicted) for span in gold.spans]
        adu_of = [_best(span, gold.spans) for span in predicted]
        for g, head in enumerate(gold.heads):
            u = unit_of[g]
            if head is None:
                continue
            if u is None or parse.functions[u] is None:
                counts[(str(gold.functions[g]), "none (the central claim)", "")] += 1
                continue
            target = parse.heads[u]
            why = (
                ("target right" if target is not None and adu_of[target] == head else "target wrong")
                + ", "
                + ("role right" if parse.roles[u] == gold.roles[g] else "role wrong")
            )
            function = str(parse.functions[u])
            counts[(str(gold.functions[g]), function, "" if function == gold.functions[g] else why)] += 1
    print("\n**Function errors, leaving the author group out, raw text** (gold non-central units)\n")
    print("| gold | predicted | the unit's target and role | units |")
    print("|---|---|---|---|")
    for (gold_function, function, why), count in sorted(counts.items()):
        print(f"| {gold_function} | {function} | {why or '-'} | {count} |")


def within_microtexts(micro: Sequence[Gold]) -> dict[str, Scores]:
    authors = [g.name.split("_")[-1][0] for g in micro]
    questions = [g.topic or g.name for g in micro]
    results: dict[str, Scores] = {}
    for units_name, units_of in (("raw text", raw_units), ("gold units", gold_units)):
        by_authors, parses = cross_validate(micro, units_of=units_of, groups=authors)
        runs = {
            "leave one author group out (b / d / k)": by_authors,
            "leave one question out": cross_validate(micro, units_of=units_of, groups=questions)[0],
            "10-fold CV by text (in-corpus)": cross_validate(micro, 10, units_of)[0],
        }
        results.update({f"{name}, {units_name}": s for name, s in runs.items()})
        table(
            f"Microtexts, {units_name} ({len(micro)} texts): fitted without the held-out texts",
            [row(f"argmap.extract, {name}", s) for name, s in runs.items()] + baselines(micro, units_of),
        )
        if units_of is raw_units:
            function_errors(micro, parses)
    return results


def compared(
    golds: Sequence[Gold], folder: Path, parse_of: Callable[[Sequence[Unit]], Parse]
) -> tuple[float, float]:
    """Mean argmap.compare score and relation F1 of the drafts against the AIF maps."""
    totals = [0.0, 0.0]
    for gold in golds:
        path = folder / f"{gold.name}.json"
        reference = loads_aif(path.read_text(encoding="utf-8"), name=str(path))
        draft = draft_map(parse_of(segment(gold.text)), gold.text)
        result = argmap.compare(draft, reference, align="text")
        totals[0] += result.score
        totals[1] += result.relations.f1
    return totals[0] / len(golds), totals[1] / len(golds)


def across_corpora(micro: Sequence[Gold], araucaria: Sequence[Gold], folder: Path) -> dict[str, Scores]:
    results: dict[str, Scores] = {}
    on_micro = fit(micro)
    for units_name, units_of in (("raw text", raw_units), ("gold units", gold_units)):
        units = [units_of(g) for g in araucaria]
        model = score(araucaria, [decode(u, on_micro) for u in units], raw=units_of is not gold_units)
        results[f"microtexts -> Araucaria, {units_name}"] = model
        table(
            f"Fitted on the microtexts, decoding Araucaria, {units_name} ({len(araucaria)} texts)",
            [row("argmap.extract (fitted on the 112 microtexts)", model), *baselines(araucaria, units_of)],
        )
    on_araucaria = fit(araucaria)
    back = score(micro, [decode(raw_units(g), on_araucaria) for g in micro])
    results["Araucaria -> microtexts, raw text"] = back
    table(
        f"Fitted on Araucaria, decoding the microtexts, raw text ({len(micro)} texts)",
        [
            row(f"argmap.extract (fitted on the {len(araucaria)} Araucaria texts)", back),
            *baselines(micro, raw_units),
        ],
    )
    print("\n**Araucaria drafts against the AIF maps, `argmap.compare` (aligned by text), mean per text**\n")
    print("| system | compare score | relation F1 |")
    print("|---|---|---|")
    for name, parse_of in (
        ("argmap.extract (fitted on the microtexts)", lambda u: decode(u, on_micro)),
        ('baseline "attach to the first"', baseline_first),
        ('baseline "attach to the preceding"', baseline_preceding),
    ):
        overall, relations = compared(araucaria, folder, parse_of)
        print(f"| {name} | {overall:.3f} | {relations:.3f} |")
    return results


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
    without, _ = cross_validate(golds, folds, raw_units)
    with_similarity = cross_validate_with_similarity(golds, folds, raw_units)
    print("| system | " + " | ".join(HEADERS) + " |")
    print("|---" * (len(HEADERS) + 1) + "|")
    print(row("lexicon, position, structure", without))
    print(row("... + MiniLM cosine similarity", with_similarity))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument(
        "--write-weights", action="store_true", help="refit the shipped weights on all microtexts"
    )
    parser.add_argument("--embeddings", action="store_true", help="compare with embedding similarity")
    args = parser.parse_args()
    corpora = args.shared / "corpora"
    if not (corpora / "microtexts").is_dir():
        sys.exit(f"no corpus at {corpora / 'microtexts'}")
    micro = read_gold_folder(corpora / "microtexts")
    folder = corpora / "aif" / "araucaria"
    located = [read_aif_gold(p) for p in sorted(folder.glob("*.json")) if p.with_suffix(".txt").is_file()]
    araucaria = [g for g in located if g is not None]
    print(f"Araucaria: {len(araucaria)} of {len(located)} texts with a source text have their claim in it")
    if args.write_weights:
        weights: Weights = fit(micro, PROVENANCE)
        WEIGHTS.write_text(json.dumps(weights.model_dump(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")
        load_weights.cache_clear()
    within = within_microtexts(micro)
    across_corpora(micro, araucaria, folder)
    headline = within["leave one author group out (b / d / k), raw text"]
    print()
    for metric, target in TARGETS.items():
        value = getattr(headline, metric)
        verdict = "met" if value >= target else "NOT MET"
        print(f"- leaving authors out, raw text: {metric} >= {target}: {value:.3f} {verdict}")
    if args.embeddings:
        embeddings_comparison(micro, 10)
    if args.article.is_file():
        timing(args.article)


if __name__ == "__main__":
    main()
