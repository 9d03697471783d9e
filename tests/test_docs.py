"""The docs' Python code runs, and their JSON samples are what argmap prints.

The convention, for every page of ``docs/`` and for the README:

- Each fenced ``python`` block runs. The blocks of one page run in order in one namespace, like
  the cells of a notebook, in a fresh working directory that holds the project's ``graphs/`` and
  ``examples/`` and the stand-in files the pages name (:data:`STAND_INS`: ``corpus/``,
  ``article.txt``, ``instance.apx``, ...). A page may use, without defining them, the names of
  :func:`_namespace`: ``m`` and ``argument_map`` (the article's map), ``text`` (a short
  argumentative text), ``draft``, ``gold``, ``student`` and ``reference`` (maps). ``../shared``
  is reachable from that directory as from the project's (a page that names it needs it: it is
  skipped without it, or fails with ``ARGMAP_REQUIRE_CORPORA=1``). A block fenced
  ``python no-run`` is shown and not run (none is, today).
- A fenced ``json`` block right after the HTML comment ``<!-- output of: argmap ARGS -->`` is
  compared with what ``argmap ARGS --format json`` prints, run in the project's folder. The sample
  is real JSON except for elisions: a bare ``...`` as the last item of a list (more items follow)
  or of an object (more keys follow), and the string ``"..."`` standing for any value. Every key
  the sample gives must be there with a matching value, objects without ``...`` must have exactly
  the keys shown, lists without it exactly the items shown (in order); a number in the sample
  matches when the real one rounds to it at the sample's number of decimals.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import argmap
from argmap_cli.main import main
from tests.conftest import ARTICLE_MAP, ROOT, SHARED, require_shared

DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
ELIDED = "..."
_FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
_OUTPUT_OF = re.compile(r"<!-- output of: argmap (?P<args>[^>]*?) -->\s*\Z")

LESSON = ROOT / "examples" / "teaching"
# The files the pages name, made from the project's own: name -> how to make it in a folder.
STAND_INS: dict[str, str] = {
    "corpus/": "three of the project's maps",
    "article.txt": "the lesson's debate text (examples/teaching)",
    "student.yaml": "the lesson's student map",
    "huge.json": "the article's map as argmap JSON",
    "nodeset6361.json": "the lesson's debate map as AIF",
    "instance.apx": "a three-argument ASPARTIX framework",
    "mine.yaml": "a scheme catalogue that adds nothing",
}


def _stand_ins(folder: Path) -> None:
    """Write :data:`STAND_INS` into ``folder``, with links to graphs/ and examples/, and to
    ../shared beside ``folder`` when the project has it."""
    if SHARED.exists():
        (folder.parent / "shared").symlink_to(SHARED)
    for name in ("graphs", "examples"):
        (folder / name).symlink_to(ROOT / name)
    corpus = folder / "corpus"
    corpus.mkdir()
    for path in (ARTICLE_MAP, LESSON / "homework-debate.yaml", LESSON / "student-map.yaml"):
        shutil.copyfile(path, corpus / path.name)
    shutil.copyfile(LESSON / "homework-debate.txt", folder / "article.txt")
    shutil.copyfile(LESSON / "student-map.yaml", folder / "student.yaml")
    argmap.save(argmap.load(ARTICLE_MAP), folder / "huge.json")
    (folder / "nodeset6361.json").write_bytes(
        argmap.dumps(argmap.load(LESSON / "homework-debate.yaml"), "aif")
    )
    (folder / "instance.apx").write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n")
    (folder / "mine.yaml").write_text("catalogue: 1\nschemes: []\n", encoding="utf-8")


def _namespace() -> dict[str, Any]:
    """The names a page may use without defining them."""
    article = argmap.load(ARTICLE_MAP)
    debate = argmap.load(LESSON / "homework-debate.yaml")
    student = argmap.load(LESSON / "student-map.yaml")
    return {
        "m": article,
        "argument_map": article,
        "text": (LESSON / "homework-debate.txt").read_text(encoding="utf-8"),
        "draft": student,
        "gold": debate,
        "student": student,
        "reference": debate,
    }


def _blocks(page: Path) -> list[tuple[str, str, str]]:
    """(info string, body, the text before the block) of each fenced block of ``page``."""
    text = page.read_text(encoding="utf-8")
    return [(m["info"].strip(), m["body"], text[: m.start()]) for m in _FENCE.finditer(text)]


PYTHON_PAGES = [page for page in DOCS if any(info == "python" for info, _, _ in _blocks(page))]
JSON_SAMPLES = [
    (page, found["args"], body)
    for page in DOCS
    for info, body, before in _blocks(page)
    if info == "json" and (found := _OUTPUT_OF.search(before))
]


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=lambda p: p.name)
def test_the_python_blocks_of_a_page_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if "../shared" in page.read_text(encoding="utf-8"):
        require_shared(SHARED)
    project = tmp_path / "project"
    project.mkdir()
    _stand_ins(project)
    monkeypatch.chdir(project)
    namespace = _namespace()
    for number, (info, body, _) in enumerate(_blocks(page), start=1):
        if info == "python":
            code = compile(body, f"{page.name}, python block {number}", "exec")
            exec(code, namespace)


def test_the_pages_have_code_to_run_and_samples_to_compare() -> None:
    assert {p.name for p in PYTHON_PAGES} >= {"README.md", "analysis.md", "rendering.md", "semantics.md"}
    assert [page.name for page, _, _ in JSON_SAMPLES] == ["analysis.md"]


def _parse_sample(text: str) -> Any:
    """The sample as JSON, a bare ``...`` made the string ``"..."`` (a list's last item) or the
    entry ``"...": "..."`` (an object's last key)."""
    text = re.sub(r"(?<=[\[,])\s*\.\.\.\s*(?=\])", f' "{ELIDED}"', text)
    text = re.sub(r",\s*\.\.\.\s*(?=\})", f', "{ELIDED}": "{ELIDED}"', text)
    return json.loads(text)


def _decimals(number: float) -> int:
    return len(repr(number).partition(".")[2])


def _mismatches(sample: Any, real: Any, where: str = "$") -> list[str]:
    """Where the real output differs from the sample (see the module docstring for the rules)."""
    if sample == ELIDED:
        return []
    if isinstance(sample, dict):
        if not isinstance(real, dict):
            return [f"{where}: expected an object, got {real!r}"]
        more = sample.get(ELIDED) == ELIDED
        given = {k: v for k, v in sample.items() if k != ELIDED}
        problems = [f"{where}: no key {key!r}" for key in given if key not in real]
        if not more and set(real) != set(given):
            problems.append(f"{where}: keys {sorted(real)} but the sample shows {sorted(given)}")
        for key, value in given.items():
            if key in real:
                problems += _mismatches(value, real[key], f"{where}.{key}")
        return problems
    if isinstance(sample, list):
        if not isinstance(real, list):
            return [f"{where}: expected a list, got {real!r}"]
        more = bool(sample) and sample[-1] == ELIDED
        items = sample[:-1] if more else sample
        if len(real) < len(items) or (not more and len(real) != len(items)):
            return [
                f"{where}: {len(real)} items but the sample shows {len(items)}{' or more' if more else ''}"
            ]
        return [p for i, item in enumerate(items) for p in _mismatches(item, real[i], f"{where}[{i}]")]
    if isinstance(sample, float) and isinstance(real, int | float) and not isinstance(real, bool):
        return [] if round(real, _decimals(sample)) == sample else [f"{where}: {real!r}, not {sample!r}"]
    return [] if sample == real and type(sample) is type(real) else [f"{where}: {real!r}, not {sample!r}"]


@pytest.mark.parametrize(
    ("page", "args", "sample"), JSON_SAMPLES, ids=[f"{p.name}: {a}" for p, a, _ in JSON_SAMPLES]
)
def test_a_json_sample_is_what_the_command_prints(
    page: Path, args: str, sample: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as exit_:
        main([*args.split(), "--format", "json"])
    out, err = capsys.readouterr()
    assert exit_.value.code == 0, err
    assert _mismatches(_parse_sample(sample), json.loads(out)) == []


@pytest.mark.parametrize(
    ("sample", "real", "problem"),
    [
        ('{"a": 1, ...}', {"a": 1, "b": 2}, None),
        ('{"a": 1}', {"a": 1, "b": 2}, "keys ['a', 'b'] but the sample shows ['a']"),
        ('{"a": [1, ...]}', {"a": [1, 2, 3]}, None),
        ('{"a": [2, ...]}', {"a": [1, 2]}, "$.a[0]: 1, not 2"),
        ('{"a": [1]}', {"a": [1, 2]}, "2 items but the sample shows 1"),
        ('{"a": 0.97}', {"a": 0.8046}, "$.a: 0.8046, not 0.97"),
        ('{"a": 0.8}', {"a": 0.8046}, None),
        ('{"a": "..."}', {"a": {"deep": [1]}}, None),
        ('{"a": true}', {"a": 1}, "$.a: 1, not True"),
    ],
)
def test_the_sample_comparison_sees_a_stale_sample(sample: str, real: Any, problem: str | None) -> None:
    found = _mismatches(_parse_sample(sample), real)
    assert found == [] if problem is None else any(problem in p for p in found), found


def test_stand_ins_are_made_for_every_file_the_pages_name(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    _stand_ins(project)
    assert all((project / name).exists() for name in STAND_INS)
    assert os.path.samefile(project / "graphs", ROOT / "graphs")
