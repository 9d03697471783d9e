"""Two independent encodings of the same gold maps agree: the microtexts' XML and their AIF version.

``corpora/aif/microtexts/`` holds AIFdb's conversion of the Argumentative Microtext Corpus;
``aif2arggraph.json`` pairs each AIF map with its XML original. The AIF maps carry their own
ids, no spans and no source checksum, so the statements can only be aligned by their text: a
test of that alignment on 110 real maps, and of the relation matching (linked premises and
undercuts included).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import argmap
from argmap.comparison import Comparison, compare
from tests.conftest import CORPORA, require_shared

AIF = CORPORA / "aif" / "microtexts"
XML = CORPORA / "microtexts"
# In AIFdb's version of micro_k011, the second segment's text was moved to the end of the map
# while the structure kept its place, so every relation around it is shifted (read off the two
# files: in the XML, a1 'Rent increases upon re-letting...' attacks a4 'If there must be rent
# increases...'; in the AIF map it attacks 'This helps the landlords,').
SHIFTED = "micro_k011"


def _pairs() -> list[tuple[Path, Path]]:
    index = AIF / "aif2arggraph.json"
    if not index.exists():
        return []
    pairing = json.loads(index.read_text(encoding="utf-8"))
    found = [(AIF / f"{nodeset}.json", XML / f"{micro}.xml") for nodeset, micro in sorted(pairing.items())]
    # The index also names two maps ArgueBase lists but the corpus copy does not hold.
    return [(a, x) for a, x in found if a.exists() and x.exists()]


PAIRS = _pairs()


def _compare(aif_path: Path, xml_path: Path) -> tuple[argmap.ArgumentMap, argmap.ArgumentMap, Comparison]:
    aif, xml = argmap.load(aif_path), argmap.load(xml_path)
    return aif, xml, compare(aif, xml)


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def test_the_pairs_are_there() -> None:
    require_shared(AIF / "aif2arggraph.json")
    assert len(PAIRS) == 110


@pytest.mark.parametrize(("aif_path", "xml_path"), PAIRS, ids=[x.stem for _, x in PAIRS])
def test_text_alignment_pairs_each_segment_with_its_own_text(aif_path: Path, xml_path: Path) -> None:
    aif, xml, result = _compare(aif_path, xml_path)
    assert result.alignment.method == "text"
    assert result.segments.f1 == 1.0
    for pair in result.alignment.pairs:
        # Equal texts, but for a connective or a dash one encoding keeps at a segment's end
        # (micro_b025: "..., and"; micro_d07: "... -").
        x, y = _words(aif.statement(pair.a).text), _words(xml.statement(pair.b).text)
        assert x in y or y in x, (pair.a, pair.b)


@pytest.mark.parametrize(
    ("aif_path", "xml_path"), [p for p in PAIRS if p[1].stem != SHIFTED], ids=lambda p: p.stem
)
def test_the_same_gold_structure_matches_relation_for_relation(aif_path: Path, xml_path: Path) -> None:
    _, xml, result = _compare(aif_path, xml_path)
    assert result.attachment.f1 == 1.0 and result.relations.f1 == 1.0
    assert not [d for d in result.disagreements if d.kind not in ("kind-mismatch",)]
    # The one difference left: the XML marks a premise given as an example (an 'exa' edge) as
    # evidence; AIF has only premises.
    for d in result.disagreements:
        (xml_id,) = d.statements_b
        assert (d.label_a, d.label_b) == ("premise", "evidence")
        edge_types = {(r.meta or {}).get("edge_type") for r in xml.relations if xml_id in r.sources}
        assert edge_types == {"exa"}


def test_a_shifted_encoding_is_caught() -> None:
    require_shared(XML / f"{SHIFTED}.xml")
    (aif_path, xml_path) = next(p for p in PAIRS if p[1].stem == SHIFTED)
    _, _, result = _compare(aif_path, xml_path)
    assert result.segments.f1 == 1.0 and result.relations.f1 < 0.5
    wrong = [d for d in result.disagreements if d.kind == "wrong-target" and d.relations_b == ("c1",)]
    assert len(wrong) == 1 and wrong[0].statements_b == ("a1", "a4")
