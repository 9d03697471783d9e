"""Writing an exercise to files: the worksheet, its answer key apart, and the key map for grading.

:func:`write_exercise` writes three files beside each other, so that the worksheet can be
handed out alone:

==========================  ===========================================================
file                        what it holds
==========================  ===========================================================
``NAME.md|html|pdf``        the worksheet (for ``.html``: the page on which students
                            build their map and download it)
``NAME.key.md|html|pdf``    the answer key, in the same format
``NAME.key.yaml``           the reference map in letters, to grade against:
                            ``argmap grade STUDENT.yaml NAME.key.yaml``
==========================  ===========================================================

The three are written as one set, all or none (:func:`argmap.io.write_files_atomic`).

Examples
--------
>>> import argmap, tempfile, pathlib
>>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
>>> files = write_exercise(m, pathlib.Path(tempfile.mkdtemp()) / "sheet.md", seed=2)
>>> [p.name for p in files]
['sheet.md', 'sheet.key.md', 'sheet.key.yaml']
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from argmap.errors import UsageError
from argmap.io import dumps, write_files_atomic
from argmap.model import ArgumentMap
from argmap.teaching.builder import builder_page
from argmap.teaching.documents import html_page, key_document, markdown, worksheet_document
from argmap.teaching.exercise import Exercise, exercise
from argmap.teaching.pdf import pdf_bytes

__all__ = ["WORKSHEET_SUFFIXES", "ExerciseFiles", "exercise_paths", "render_exercise", "write_exercise"]

WORKSHEET_SUFFIXES: tuple[str, ...] = (".md", ".html", ".pdf")


class ExerciseFiles(NamedTuple):
    """The three files of an exercise."""

    worksheet: Path
    key: Path
    key_map: Path


def exercise_paths(output: Path) -> ExerciseFiles:
    """Where the worksheet at ``output`` puts its key and key map.

    Raises
    ------
    UsageError
        If the suffix is not one of ``.md``, ``.html``, ``.pdf``.

    Examples
    --------
    >>> [str(p) for p in exercise_paths(Path("out/week3.html"))]
    ['out/week3.html', 'out/week3.key.html', 'out/week3.key.yaml']
    >>> exercise_paths(Path("sheet.docx"))
    Traceback (most recent call last):
    ...
    argmap.errors.UsageError: sheet.docx: unknown worksheet format '.docx'; known: .md, .html, .pdf
    """
    suffix = output.suffix.lower()
    if suffix not in WORKSHEET_SUFFIXES:
        raise UsageError(
            f"{output}: unknown worksheet format {output.suffix or '(no suffix)'!r}; "
            f"known: {', '.join(WORKSHEET_SUFFIXES)}"
        )
    stem = output.with_suffix("")
    return ExerciseFiles(output, Path(f"{stem}.key{output.suffix}"), Path(f"{stem}.key.yaml"))


def render_exercise(ex: Exercise, suffix: str, key_map_name: str = "the key map") -> tuple[bytes, bytes]:
    """The worksheet and the answer key as the bytes of one format.

    Parameters
    ----------
    ex : Exercise
    suffix : {".md", ".html", ".pdf"}
    key_map_name : str
        The key map's file name, for the grading hint in the key.

    Returns
    -------
    tuple of bytes
        ``(worksheet, key)``.

    Raises
    ------
    UsageError
        For an unknown suffix, or ``.pdf`` without fpdf2 installed.

    Examples
    --------
    >>> import argmap
    >>> m = argmap.loads("argmap: 1\\ntitle: T\\nstatements:\\n- {id: C, kind: claim, text: c}\\n")
    >>> sheet, key = render_exercise(exercise(m), ".md")
    >>> sheet.decode().splitlines()[0], key.decode().splitlines()[0]
    ('# Worksheet: T', '# Answer key: T')
    """
    key = key_document(ex, key_map_name)
    if suffix == ".md":
        return markdown(worksheet_document(ex.worksheet)).encode(), markdown(key).encode()
    if suffix == ".html":
        return builder_page(ex.worksheet).encode(), html_page(key).encode()
    if suffix == ".pdf":
        return pdf_bytes(worksheet_document(ex.worksheet)), pdf_bytes(key)
    raise UsageError(f"unknown worksheet format {suffix!r}; known: {', '.join(WORKSHEET_SUFFIXES)}")


def write_exercise(
    argument_map: ArgumentMap, output: Path, *, hide: str = "relations", seed: int = 0
) -> ExerciseFiles:
    """Write the worksheet to ``output``, its answer key and key map beside it.

    Parameters
    ----------
    argument_map : ArgumentMap
        The reference map.
    output : Path
        The worksheet's path; its suffix (``.md``, ``.html``, ``.pdf``) chooses the format.
    hide : {"relations", "kinds", "all"}
    seed : int
        See :func:`argmap.teaching.exercise.exercise`.

    Returns
    -------
    ExerciseFiles

    Raises
    ------
    UsageError
        For an unknown format or ``hide`` option.
    OutputError
        If a file cannot be written.
    """
    paths = exercise_paths(output)
    ex = exercise(argument_map, hide=hide, seed=seed)
    sheet, key = render_exercise(ex, output.suffix.lower(), paths.key_map.name)
    write_files_atomic(
        {paths.worksheet: sheet, paths.key: key, paths.key_map: dumps(ex.key.answer_map, "yaml")}
    )
    return paths
