"""Maps written into a temporary folder for the batch tests, with what each holds by construction."""

from __future__ import annotations

from pathlib import Path

import pytest

# A claim C with two lines of support: P3 -> P1 -> C and P2 -> C (two chains, the longest two
# edges deep), P1 and P2 linked would be one relation; here they are separate. A rebuttal B
# attacks C and is itself attacked by evidence E, so the attack on C is answered.
CHAINED = """\
argmap: 1
title: Chained
main_claim: C
statements:
  - {id: C, kind: claim, text: the claim}
  - {id: P1, kind: premise, text: first premise}
  - {id: P2, kind: premise, text: second premise}
  - {id: P3, kind: premise, text: a premise for the first}
  - {id: B, kind: rebuttal, text: an objection}
  - {id: E, kind: evidence, text: evidence against the objection}
relations:
  - {id: S1, type: support, from: P1, to: C}
  - {id: S2, type: support, from: P2, to: C}
  - {id: S3, type: support, from: P3, to: P1}
  - {id: A1, type: attack, from: B, to: C}
  - {id: A2, type: attack, from: E, to: B}
"""

# A claim supported by a linked pair, one of whose supports is undercut.
LINKED = """\
argmap: 1
title: Linked
main_claim: C
statements:
  - {id: C, kind: claim, text: the claim}
  - {id: P1, kind: premise, text: one half}
  - {id: P2, kind: premise, text: the other half}
  - {id: U, kind: rebuttal, text: the inference does not hold}
relations:
  - {id: S1, type: support, from: [P1, P2], to: C}
  - {id: X1, type: attack, from: U, to: S1}
"""

EMPTY = "argmap: 1\ntitle: Nothing yet\n"

# A Dung framework: arguments only, no claim named; a attacks b, b attacks c.
FRAMEWORK_TGF = "a\nb\nc\n#\na b\nb c\n"


def write(folder: Path, name: str, text: str) -> str:
    """Write ``text`` to ``folder/name`` (folders made) and return the path as a string."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of maps: four good ones, two bad ones, and two files of no map format."""
    root = tmp_path / "corpus"
    write(root, "chained.yaml", CHAINED)
    write(root, "nested/linked.yaml", LINKED)
    write(root, "nested/deeper/empty.yaml", EMPTY)
    write(root, "framework.tgf", FRAMEWORK_TGF)
    write(root, "broken.yaml", "argmap: 1\ntitle: [unclosed\n")
    write(root, "invalid.yaml", "argmap: 1\ntitle: T\nrelations:\n  - {type: support, from: X, to: Y}\n")
    write(root, "notes.txt", "not a map")
    write(root, "nested/README.md", "# not a map either")
    return root


GOOD = {"chained.yaml", "linked.yaml", "empty.yaml", "framework.tgf"}
BAD = {"broken.yaml": "parse", "invalid.yaml": "invalid"}
