"""Argdown judged by Argdown: its own CLI (``argdown json``) reads the corpus and what argmap writes.

``scripts/setup.sh test`` installs ``@argdown/cli`` into ``.cache/argdown``; these tests fail,
never skip, when it is missing. Both readings are normalised by ``tests/io/argdown_oracle.py``.
Node starts slowly, so each group of files is exported in one run per folder (module fixtures).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap.errors import ParseError
from argmap.io._structure import safe_id
from argmap.io.argdown import ArgdownWarning, dumps_argdown, loads_argdown
from tests.conftest import ARTICLE_MAP, CORPORA, ROOT, require_shared
from tests.io.argdown_oracle import argdown_json, argdown_reading, argmap_reading

ARGDOWN = CORPORA / "argdown"
CORPUS = sorted(p for p in ARGDOWN.rglob("*") if p.suffix in (".argdown", ".ad")) if ARGDOWN.exists() else []

# Files Argdown's CLI rejects and argmap reads: argmap warns at each line (the reason Argdown gives).
REJECTED_BY_ARGDOWN: dict[str, list[int]] = {
    "demo.argdown": [10, 18],  # '><' with an argument; '-----' opening an inference block
    "lexer-argument.argdown": [3],  # '{depends on: [1,2]; ...}' is no YAML
    "lexer-definitions-references.argdown": [2, 3, 4],  # definitions without a blank line between
    "lexer-lists.argdown": [2, 3, 7, 9, 10],  # nested list items
    "lexer-relation-after-emptyline.argdown": [3],  # a relation starting a paragraph
    "lexer-statements-by-number.argdown": [1, 2, 2],  # '<A>(1)', and definitions without a blank line
}
NOT_A_DOCUMENT = {"lexer-relations.argdown"}  # both reject it (tests/io/test_argdown.py says why)

# Argdown's documented syntax, one case per item of issue #12 the corpus does not show alone, and
# longer mixed cases in tests/io/argdown_syntax/; each is read by Argdown's CLI and by argmap, and
# the readings must agree.
SYNTAX_FILES = Path(__file__).parent / "argdown_syntax"
SYNTAX = {
    "multi-line-heading": "# A heading that\nruns on over\ntwo more lines\n\n[A]: a\n  + [B]: b\n",
    "indented-heading": "[A]: a\n\n  ## Indented\n\n[B]: b\n  - [A]\n",
    "in-between-dedent": "[A]: a\n  + [B]: b\n      - [C]: c\n    - [D]: d\n",
    "uses": "<U>\n\n(1) [P]: p\n(2) [Q]: q\n(3) [R]: r\n-- Modus ponens {uses: [1, 3]} --\n(4) [C]: c\n",
    "undercut-under-inference": "<I>\n\n(1) [P]: p\n--\nRule\n--\n  <_ [U]: u\n(2) [C]: c\n\n"
    "<J>\n\n(1) [Q]: q\n-- Rule --\n  <_ [V]: v\n  _ [W]: w\n(2) [D]: d\n",
    "undercut-under-conclusion": "<K>\n\n(1) [P]: p\n----\n(2) [Q]: q\n----\n(3) [C]: c\n  <_ [U]: u\n",
    "multi-line-data": "[A]: a {\n  weight: 2,\n  tags: [x, y]\n}\n  + [B]: b\n",
    "bare-undercut": "<A>: a\n  + [C]: c\n  _ <B>: b\n",
    "comment-in-block": "[A]: a\n  + [B]: b\n  <!-- a comment\n  over lines -->\n  - [C]: c\n",
    "pcs-under-nested-reference": "[S]: s\n  + <A>\n\n    (1) [P]: p\n    ----\n    (2) [Q]: q\n",
    "sketch-and-reconstruction": "[C]: c\n  + <A>: a\n  + [P]: p\n\n<A>\n\n(1) [P]\n----\n(2) [C]\n",
    "argument-relations": "<A>: a\n  - <B>: b\n  +> [C]: c\n\n<B>\n\n(1) [P]: p\n----\n(2) [Q]: q\n",
    "contradiction": "[A]: a\n  >< [B]: b\n  - [C]: c\n",
    **{path.stem: path.read_text(encoding="utf-8") for path in sorted(SYNTAX_FILES.glob("*.argdown"))},
}

WRITTEN = [
    ARTICLE_MAP,
    *sorted((ROOT / "examples").rglob("*.yaml")),
    *(sorted((CORPORA / "microtexts").glob("micro_*.xml")) if (CORPORA / "microtexts").exists() else []),
    *(
        sorted(p for p in (CORPORA / "aif").glob("*/*.json") if p.name != "aif2arggraph.json")
        if (CORPORA / "aif").exists()
        else []
    ),
    *(p for p in CORPUS if p.name not in NOT_A_DOCUMENT),  # maps read from Argdown, written again
    *(sorted((CORPORA / "sadface").rglob("*.json")) if (CORPORA / "sadface").exists() else []),
]


@pytest.fixture(scope="module")
def corpus_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, dict[str, Any] | None]:
    require_shared(ARGDOWN)
    return argdown_json(CORPUS, tmp_path_factory.mktemp("argdown-corpus"))


@pytest.fixture(scope="module")
def written_exports(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[Path, tuple[argmap.ArgumentMap, str, dict[str, Any] | None]]:
    """Every map of the kinds the issue names, written by argmap, then read by Argdown in one run."""
    require_shared(CORPORA)
    folder = tmp_path_factory.mktemp("argdown-written")
    written: dict[Path, tuple[argmap.ArgumentMap, str, Path]] = {}
    for index, path in enumerate(WRITTEN):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ArgdownWarning)  # the corpus files Argdown rejects
            m = argmap.load(path, format="aif" if CORPORA / "aif" in path.parents else None)
        text = dumps_argdown(m)
        target = folder / f"map{index:04d}.argdown"
        target.write_text(text, encoding="utf-8")
        written[path] = (m, text, target)
    exports = argdown_json([target for _, _, target in written.values()], tmp_path_factory.mktemp("out"))
    return {path: (m, text, exports[target]) for path, (m, text, target) in written.items()}


@pytest.fixture(scope="module")
def syntax_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any] | None]:
    folder = tmp_path_factory.mktemp("argdown-syntax")
    for name, text in SYNTAX.items():
        (folder / f"{name}.argdown").write_text(text, encoding="utf-8")
    exports = argdown_json([folder / f"{name}.argdown" for name in SYNTAX], tmp_path_factory.mktemp("out"))
    return {path.stem: export for path, export in exports.items()}


@pytest.mark.parametrize("name", SYNTAX)
def test_argmap_reads_argdowns_documented_syntax_as_argdown_does(
    name: str, syntax_exports: dict[str, dict[str, Any] | None]
) -> None:
    export = syntax_exports[name]
    assert export is not None, "Argdown rejects the case itself"
    with warnings.catch_warnings():
        warnings.simplefilter("error", ArgdownWarning)
        m = loads_argdown(SYNTAX[name])
    titled = {
        safe_id(t, set())
        for t in [*export["statements"], *export["arguments"]]
        if not t.startswith("Untitled ")
    }
    mine, theirs = argmap_reading(m, titled), argdown_reading(export)
    assert mine.statements == theirs.statements
    assert mine.relations == theirs.relations


def test_the_corpora_are_all_there() -> None:
    require_shared(CORPORA)
    assert len(CORPUS) == 38
    assert len(WRITTEN) == 1 + 2 + 112 + 313 + 37 + 2


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_argmap_reads_every_corpus_file_as_argdown_does(
    path: Path, corpus_exports: dict[Path, dict[str, Any] | None]
) -> None:
    export = corpus_exports[path]
    if path.name in NOT_A_DOCUMENT:
        assert export is None
        with pytest.raises(ParseError, match=rf"{path.name}:1:1: relation"):
            argmap.load(path)
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = argmap.load(path)
    lines = [int(str(w.message).split(f"{path.name}:")[1].split(":")[0]) for w in caught]
    assert all(issubclass(w.category, ArgdownWarning) for w in caught)
    if export is None:
        assert lines == REJECTED_BY_ARGDOWN[path.name], "argmap reads a file Argdown rejects: it must warn"
        return
    assert path.name not in REJECTED_BY_ARGDOWN
    assert lines == [], "argmap warns about a file Argdown accepts"
    taken: set[str] = set()
    titled = {
        safe_id(t, taken)
        for t in [*export["statements"], *export["arguments"]]
        if not t.startswith("Untitled ")
    }
    mine, theirs = argmap_reading(m, titled), argdown_reading(export)
    assert mine.statements == theirs.statements
    assert mine.relations == theirs.relations


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_argdown_reads_what_argmap_writes_as_the_map_it_was(
    path: Path, written_exports: dict[Path, tuple[argmap.ArgumentMap, str, dict[str, Any] | None]]
) -> None:
    m, text, export = written_exports[path]
    assert export is not None, "Argdown's CLI rejects what argmap wrote"
    mine, theirs = argmap_reading(m), argdown_reading(export)
    assert mine.statements == theirs.statements
    assert mine.relations == theirs.relations
    assert loads_argdown(text) == m


def test_the_judge_can_disagree(
    written_exports: dict[Path, tuple[argmap.ArgumentMap, str, dict[str, Any] | None]],
) -> None:
    """The comparison is not vacuous: one support read as an attack, or a premise left out, is caught."""
    m, _, export = written_exports[ARTICLE_MAP]
    assert export is not None
    theirs = argdown_reading(export)
    first, *rest = m.relations
    flipped = m.model_copy(update={"relations": (first.model_copy(update={"type": "attack"}), *rest)})
    assert argmap_reading(flipped).relations != theirs.relations
    linked = next(r for r in m.relations if r.linked)
    fewer = linked.model_copy(update={"sources": linked.sources[:1]})
    shorter = m.model_copy(update={"relations": tuple(fewer if r is linked else r for r in m.relations)})
    assert argmap_reading(shorter).relations != theirs.relations
