"""Make the materials of the lesson in examples/teaching/README.md: diagrams, analyses, worksheets, grades.

python examples/teaching/lesson.py [OUT_DIR]      (default: a new temporary folder)

Two maps: the short homework debate written for this lesson (homework-debate.txt and its map,
with a tests: block), and one part of the article's map (graphs/ukraine-us-alliance.yaml: the
statements around C2, "neither NATO nor nuclear weapons"). Everything goes through argmap's
Python API; the README gives the same steps as `argmap` commands.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import argmap
from argmap.analysis import analyze
from argmap.analysis.report import markdown_report
from argmap.outline import format_outline, outline
from argmap.render import RenderOptions, render
from argmap.render.focus import neighbourhood
from argmap.render.overlay import overlay_for
from argmap.schemes import active_catalogue
from argmap.teaching.worksheets import write_exercise

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEBATE_TEXT = HERE / "homework-debate.txt"
DEBATE_MAP = HERE / "homework-debate.yaml"
STUDENT_MAP = HERE / "student-map.yaml"
ARTICLE_MAP = ROOT / "graphs" / "ukraine-us-alliance.yaml"
SEED = 1  # student-map.yaml was drawn on the worksheet of this seed


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="argmap-lesson-"))
    out.mkdir(parents=True, exist_ok=True)
    source = argmap.SourceDocument.read(DEBATE_TEXT)
    debate = argmap.load(DEBATE_MAP, source=source)  # spans and checksum checked against the text
    article = argmap.load(ARTICLE_MAP)
    part = neighbourhood(article, "C2", 1).map
    part = argmap.ArgumentMap.model_validate({**part.to_data(), "main_claim": "C2"})
    wrote: list[Path] = []

    # 1. Read the argument: outline and diagram, and the HTML view with the debate text beside it.
    (out / "debate-outline.md").write_text(format_outline(outline(debate), "markdown"), encoding="utf-8")
    wrote.append(out / "debate-outline.md")
    wrote.append(render(debate, out / "debate.svg"))
    wrote.append(render(debate, out / "debate.html", source=source))
    wrote.append(render(article, out / "article-part.svg", options=RenderOptions(focus="C2", depth=1)))

    # 2. Analyse: weak links drawn over the map, the full report, the schemes and their questions.
    result = analyze(debate)
    wrote.append(
        render(debate, out / "debate-weak-links.svg", overlay=overlay_for(debate, result, "weak-links"))
    )
    (out / "debate-analysis.md").write_text(markdown_report(result, debate), encoding="utf-8")
    wrote.append(out / "debate-analysis.md")
    wrote.append(schemes_sheet(debate, out / "schemes.md"))

    # 3. Exercises: the debate with everything hidden (HTML to build by clicking; Markdown and,
    #    with fpdf2, PDF to print), and the part of the article with kinds hidden.
    formats = [".html", ".md"] + ([".pdf"] if importlib.util.find_spec("fpdf") else [])
    for suffix in formats:
        wrote += write_exercise(debate, out / f"debate-sheet{suffix}", hide="all", seed=SEED)
    wrote += write_exercise(part, out / "article-sheet.md", hide="kinds", seed=SEED)

    # 4. Check the map's own expectations (its tests: block), as `argmap check` does.
    report = argmap.check(debate)
    lines = [result_line.sentence() for result_line in report.results]
    (out / "debate-check.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    wrote.append(out / "debate-check.txt")
    if not report.ok:
        raise SystemExit(f"the debate map's tests fail: {report.failed} of {len(report.results)}")

    # 5. Grade a student's map against the key map of the worksheet it was drawn on.
    graded = argmap.grade(argmap.load(STUDENT_MAP), argmap.load(out / "debate-sheet.key.yaml"))
    (out / "student-grade.json").write_text(
        json.dumps(graded.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    wrote.append(out / "student-grade.json")

    print(f"lesson materials in {out}:")
    for path in dict.fromkeys(wrote):
        print(f"  {path.name}")
    print(f"tests: block: {report.passed} of {len(report.results)} expectations hold")
    print(f"student map: score {graded.score:.2f}, {len(graded.feedback)} remarks")
    for item in graded.feedback:
        print(f"  - {item.message}")


def schemes_sheet(argument_map: argmap.ArgumentMap, path: Path) -> Path:
    """The schemes the map's relations name, each with its critical questions (as `argmap schemes NAME`)."""
    catalogue = active_catalogue()
    lines = [f"# Schemes in {argument_map.title}", ""]
    for scheme_id in dict.fromkeys(r.scheme for r in argument_map.relations if r.scheme):
        scheme = catalogue.scheme(scheme_id)
        lines += [f"## {scheme.name} (`{scheme.id}`)", "", scheme.description, ""]
        lines += [f"{n}. {q.text} (`{q.id}`)" for n, q in enumerate(scheme.questions, start=1)] + [""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


if __name__ == "__main__":
    main()
