"""A short tour of argmap's Python API, from building a map to analysing and drawing it.

python examples/api_tour.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap
from argmap import ArgumentMap, Relation, Statement
from argmap.analysis import acceptability, analyze, counterarguments, strength
from argmap.graph import from_networkx, to_networkx
from argmap.outline import format_outline, outline
from argmap.render import render

out = Path(sys.argv[1] if len(sys.argv) > 1 else "out")
out.mkdir(parents=True, exist_ok=True)

# 1. Build a map in code. `sources` is the Python name of the file's `from`.
m = ArgumentMap(
    title="Should the school day start later?",
    main_claim="C",
    statements=[
        Statement(id="C", kind="claim", text="School should start at 9:30."),
        Statement(id="P1", kind="premise", text="Teenagers sleep too little on school days."),
        Statement(id="P2", kind="premise", text="More sleep improves learning."),
        Statement(id="E1", kind="evidence", text="Surveys find most teenagers sleep under 8 hours."),
        Statement(id="R1", kind="rebuttal", text="Parents need children at school before work."),
        Statement(id="D1", kind="rebuttal", text="A supervised early room can open at 8:00."),
    ],
    relations=[
        Relation(id="S1", type="support", sources=["P1", "P2"], to="C"),  # linked: jointly
        Relation(id="S2", type="support", sources="E1", to="P1"),
        Relation(id="A1", type="attack", sources="R1", to="C"),
        Relation(id="A2", type="attack", sources="D1", to="R1"),
    ],
)

# 2. Save and load: YAML or JSON by suffix; every problem of a bad file is reported at once.
path = argmap.save(m, out / "school.yaml")
assert argmap.load(path) == m

# 3. networkx: relations are nodes of their own, so linked premises and undercuts survive.
g = to_networkx(m)
print(f"networkx graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
assert from_networkx(g) == m

# 4. Analyses are pure functions returning frozen pydantic results.
print(format_outline(outline(m)))
print("grounded label of C:", acceptability(m).labels["C"])
print("counterarguments:", [(c.attacker, c.status, c.answered_by) for c in counterarguments(m)])
print("DF-QuAD strength of C:", round(strength(m, "df-quad").scores["C"], 3))
result = analyze(m)
print("weak links:", [(w.kind, w.nodes) for w in result.weak_links])

# 5. Draw it: SVG, PNG, PDF or DOT by suffix.
print("wrote", render(m, out / "school.svg"))
