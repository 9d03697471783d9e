"""Shared fixtures: paths to the project's maps and to ../shared (the article, the corpora).

Hypothesis runs under one profile for the whole suite. No test has a deadline: the suite runs in
parallel on shared machines, where a slow example says nothing about the code, and the
too_slow health check is off for the same reason. On CI (``CI`` set) examples are derandomized,
so a run fails or passes on its own; elsewhere they vary from run to run and failures are kept in
``.hypothesis/`` to be replayed first. ``HYPOTHESIS_PROFILE=ci`` or ``dev`` picks one.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

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
