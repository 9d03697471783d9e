"""Teaching with argument maps: diagnosing and grading a student's map against a reference.

Examples
--------
>>> import argmap
>>> from argmap.teaching import grade
>>> m = argmap.load("graphs/ukraine-us-alliance.yaml")
>>> grade(m, m).score
1.0
"""

from __future__ import annotations

from argmap.teaching.diagnosis import MISTAKE_KINDS, Diagnosis, Mistake, diagnose
from argmap.teaching.grading import FEEDBACK_KINDS, Feedback, Grade, grade

__all__ = [
    "FEEDBACK_KINDS",
    "MISTAKE_KINDS",
    "Diagnosis",
    "Feedback",
    "Grade",
    "Mistake",
    "diagnose",
    "grade",
]
