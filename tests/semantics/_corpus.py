"""Paths into the ICCMA corpus in ../shared and readers for its reference answers.

The corpus and its formats are described in ``shared/corpora/iccma/SOURCE.md``.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import CORPORA

ICCMA = CORPORA / "iccma"
PROBO = ICCMA / "dl-abstract-argumentation/src/data/generators/vendor/probo/examples"
AFGEN = ICCMA / "dl-abstract-argumentation/src/data/generators/vendor/AFGenBenchmarkGenerator/samples"
COMPETITION = ICCMA / "argument_solver/inputs/competition"
STORAGE = COMPETITION / "storage"
MEDIUM = ICCMA / "probo2/test"
MEDIUM_REFERENCE = MEDIUM / "reference"
TRUNCATED_APX = AFGEN / "APX/n512p5q2_vh.apx"

# The p4s3r0 instances: one ICCMA'23 .af file and an .apx/.tgf pair each (SOURCE.md).
COMPETITION_INSTANCES = (
    "1_Small-result-b2",
    "2_A-1-admbuster_1000",
    "3_A-1-admbuster_6000",
    "4_B-1-BA_40_30_3",
    "5_A-1-admbuster_2000",
    "6_A-1-admbuster_4000",
    "7_A-1-stb_437_137",
    "8_A-2-WS_300_16_90_30",
)
AFGEN_INSTANCES = ("n100p5q2", "n150p3q34n", "n175p3q34h", "n256p3q08n", "n320p5q2_n", "n512p5q2_vh")


def read_extensions(path: Path) -> list[frozenset[str]]:
    """An ``EE-*``/``SE-*`` answer: ``[[a,b],[c]]`` (a trailing tool line is ignored)."""
    text = path.read_text().split("\n\n")[0].strip()
    return [frozenset(filter(None, group.split(","))) for group in re.findall(r"\[([^\[\]]*)\]", text)]


def read_answer(path: Path) -> bool:
    """A ``DC-*``/``DS-*`` answer: ``YES`` or ``NO``."""
    answer = path.read_text().split()[0]
    assert answer in ("YES", "NO"), path
    return answer == "YES"
