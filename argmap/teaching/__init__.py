"""Teaching with argument maps: grading a student's map against a reference.

Examples
--------
>>> import argmap
>>> from argmap.teaching import grade
>>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
>>> grade(m, m).score
1.0
"""

from __future__ import annotations

from argmap.teaching.grading import FEEDBACK_KINDS, Feedback, Grade, grade

__all__ = ["FEEDBACK_KINDS", "Feedback", "Grade", "grade"]
