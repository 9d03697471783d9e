"""A grade as a report for the student: the score, the summary, the remarks numbered.

Map text never enters the report as rich markup: every piece is a plain ``Text``.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from argmap.teaching.grading import Grade

__all__ = ["rich_grade"]


def rich_grade(result: Grade) -> RenderableType:
    """A rich renderable of a grade, for ``argmap grade --format text``.

    Parameters
    ----------
    result : Grade

    Returns
    -------
    rich.console.RenderableType

    Examples
    --------
    >>> import io, argmap, rich.console
    >>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
    >>> console = rich.console.Console(width=100, file=io.StringIO())
    >>> from argmap.teaching import grade
    >>> console.print(rich_grade(grade(m, m)))
    >>> console.file.getvalue().splitlines()[0]
    'Score: 1.00 / 1.00'
    """
    parts: list[RenderableType] = [
        Text(f"Score: {result.score:.2f} / 1.00", style="bold"),
        Text(result.summary),
    ]
    if result.feedback:
        table = Table(title="What to look at again", title_justify="left", show_header=False, box=None)
        table.add_column(justify="right")
        table.add_column(overflow="fold")
        for number, item in enumerate(result.feedback, start=1):
            table.add_row(f"{number}.", Text(item.message))
        parts.append(table)
    else:
        parts.append(Text("Your map matches the reference."))
    return Group(*parts)
