"""Shared fixtures: paths to the project's maps and to ../shared (the article, the corpora)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GRAPHS = ROOT / "graphs"
ARTICLE_MAP = GRAPHS / "ukraine-us-alliance.yaml"
SHARED = ROOT.parent / "shared"
ARTICLE = SHARED / "seeds" / "000_04bb03cded9d63f7.txt"
CORPORA = SHARED / "corpora"


def require_shared(path: Path) -> Path:
    """Return ``path``, or skip with a reason when ../shared is absent.

    With ``ARGMAP_REQUIRE_CORPORA=1`` (as CI sets) a missing path fails instead.
    """
    if not path.exists():
        message = f"{path} is absent (it lives in ../shared beside the project)"
        if os.environ.get("ARGMAP_REQUIRE_CORPORA") == "1":
            pytest.fail(message + " and ARGMAP_REQUIRE_CORPORA=1")
        pytest.skip(message)
    return path


@pytest.fixture
def article() -> Path:
    """The op-ed the reference map is drawn from."""
    return require_shared(ARTICLE)
