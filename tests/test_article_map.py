"""The article's map in graphs/: valid, anchored inside the article, checksum right, faithful in shape."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap.graph import statement_graph, to_networkx
from tests.conftest import ARTICLE_MAP


@pytest.fixture(scope="module")
def article_text() -> str:
    from tests.conftest import ARTICLE, require_shared

    return require_shared(ARTICLE).read_text(encoding="utf-8")


def test_map_validates_against_the_article(article: Path) -> None:
    m = argmap.load(ARTICLE_MAP, source=article)
    assert 40 <= len(m.statements) <= 70
    assert m.main_claim is not None and m.statement(m.main_claim).kind == "claim"


def test_checksum_matches_the_article(article: Path) -> None:
    m = argmap.load(ARTICLE_MAP)
    assert m.source is not None
    assert m.source.sha256 == hashlib.sha256(article.read_bytes()).hexdigest()


def test_every_statement_is_anchored_inside_the_article(article_text: str) -> None:
    m = argmap.load(ARTICLE_MAP)
    for statement in m.statements:
        assert statement.span is not None, statement.id
        assert 0 <= statement.span.start < statement.span.end <= len(article_text), statement.id
        assert article_text[statement.span.start : statement.span.end].strip(), statement.id


def test_texts_are_paraphrases_not_copies(article_text: str) -> None:
    """No statement shares a run of six words with the article."""

    def words(text: str) -> list[str]:
        return re.findall(r"[\w'\u2019$.,-]+", text.lower())

    article_words = words(article_text)
    runs = {tuple(article_words[i : i + 6]) for i in range(len(article_words) - 5)}
    m = argmap.load(ARTICLE_MAP)
    for statement in m.statements:
        mine = words(statement.text)
        copied = [" ".join(mine[i : i + 6]) for i in range(len(mine) - 5) if tuple(mine[i : i + 6]) in runs]
        assert not copied, (statement.id, copied)


def test_map_has_the_structures_the_argument_needs() -> None:
    m = argmap.load(ARTICLE_MAP)
    kinds = {s.kind for s in m.statements}
    assert kinds == {"claim", "premise", "evidence", "rebuttal"}
    assert any(r.linked for r in m.relations)
    assert any(m.is_undercut(r) for r in m.relations)
    assert any(r.type == "attack" and r.to == m.main_claim for r in m.relations)


def test_every_statement_is_connected_to_the_main_claim() -> None:
    m = argmap.load(ARTICLE_MAP)
    g = to_networkx(m).to_undirected()
    assert m.main_claim is not None
    assert set(nx.node_connected_component(g, m.main_claim)) >= {s.id for s in m.statements}
    assert nx.is_directed_acyclic_graph(statement_graph(m))
