"""Abstract argumentation: attack frameworks, their file formats, and Dung's semantics.

The public API in one place:

>>> from argmap.semantics import AttackFramework, solve
>>> af = AttackFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(solve(af, "grounded").extensions[0])
['a', 'c']
"""

from argmap.semantics.framework import AttackFramework, SupportMode
from argmap.semantics.from_map import SUPPORT_MODES, framework_of_map
from argmap.semantics.labelling import (
    IN,
    LABEL_NAMES,
    OUT,
    UNDEC,
    grounded_labels,
    grounded_rounds,
    labels_of_extension,
    search,
)
from argmap.semantics.solvers import (
    Label,
    Solution,
    Solver,
    credulous,
    get_solver,
    register_semantics,
    semantics_names,
    skeptical,
    solve,
)
from argmap.semantics.syntax import FrameworkFormat, format_for_path, framework_formats, get_format
from argmap.semantics.tasks import TaskResult, solve_task, task_names

__all__ = [
    "IN",
    "LABEL_NAMES",
    "OUT",
    "SUPPORT_MODES",
    "UNDEC",
    "AttackFramework",
    "FrameworkFormat",
    "Label",
    "Solution",
    "Solver",
    "SupportMode",
    "TaskResult",
    "credulous",
    "format_for_path",
    "framework_formats",
    "framework_of_map",
    "get_format",
    "get_solver",
    "grounded_labels",
    "grounded_rounds",
    "labels_of_extension",
    "register_semantics",
    "search",
    "semantics_names",
    "skeptical",
    "solve",
    "solve_task",
    "task_names",
]
