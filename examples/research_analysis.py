"""Research-style use of argmap: load a map, run every analysis, print a table, export JSON and CSV.

    python examples/research_analysis.py [MAP] [--out DIR]

With no MAP it analyses the article's map in graphs/. Writes DIR/analysis.json (every result, in
full) and DIR/statements.csv (one row per statement: kind, grounded label, strength, how many
chains reach it, weak links naming it).
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

import argmap
from argmap.analysis import analyze, support_chains

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("map", nargs="?", default=ROOT / "graphs" / "ukraine-us-alliance.yaml", type=Path)
    parser.add_argument("--out", default=Path("out"), type=Path)
    args = parser.parse_args()

    m = argmap.load(args.map)
    result = analyze(m)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "analysis.json").write_text(json.dumps(result.model_dump(mode="json"), indent=2))

    named = Counter(node for link in result.weak_links for node in link.nodes)
    labels = result.acceptability.labels
    scores = result.strength.scores if result.strength else {}
    rows = []
    for statement in m.statements:
        chains = support_chains(m, statement.id, max_chains=0).count
        rows.append(
            {
                "id": statement.id,
                "kind": statement.kind,
                "label": labels[statement.id],
                "strength": round(scores.get(statement.id, float("nan")), 3),
                "chains": chains,
                "weak_links": named[statement.id],
            }
        )
    with (args.out / "statements.csv").open("w", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)

    table = Table(title=f"{m.title}: claim {result.claim}")
    for column in rows[0]:
        table.add_column(
            column, justify="right" if column in ("strength", "chains", "weak_links") else "left"
        )
    for row in sorted(rows, key=lambda r: (-r["weak_links"], r["id"]))[:15]:
        table.add_row(*(str(value) for value in row.values()))
    Console().print(table)
    chains = result.support_chains
    print(f"support chains to {result.claim}: {chains.count}, longest {chains.max_depth}")
    print(f"wrote {args.out / 'analysis.json'} and {args.out / 'statements.csv'}")


if __name__ == "__main__":
    main()
