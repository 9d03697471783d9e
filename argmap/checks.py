"""Checking a map's ``tests:`` block: does each statement get the label the map expects?

A map may state, as Carneades' test blocks do, which labels its statements and relations
should get under a semantics (``docs/format.md``, section "Tests"). :func:`check`
evaluates every expectation with :func:`argmap.analysis.acceptability`, solving each
(semantics, support) pair once, and returns a frozen :class:`CheckReport`; ``argmap
check`` prints it and exits 1 when an expectation fails. For semantics with several
extensions the label is the skeptical one (see :class:`argmap.analysis.Acceptability`).

Examples
--------
>>> import argmap
>>> m = argmap.loads('''
... argmap: 1
... title: Umbrella
... statements:
...   - {id: C, kind: claim, text: Take an umbrella.}
...   - {id: R, kind: rebuttal, text: The sky is clear.}
... relations:
...   - {id: A, type: attack, from: R, to: C}
... tests:
...   - {semantics: grounded, expect: {C: out, R: in}}
...   - {semantics: preferred, expect: {C: in}}
... ''')
>>> report = check(m)
>>> report.ok, report.passed, report.failed
(False, 2, 1)
>>> print(report.results[2].sentence())
FAILS: C "Take an umbrella." is out under preferred semantics; expected in
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from argmap.analysis.acceptability import acceptability
from argmap.analysis.results import Label
from argmap.model import ArgumentMap

__all__ = ["CheckReport", "ExpectationResult", "check"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ExpectationResult(_Frozen):
    """One expected label of one test, and the label the semantics gives."""

    test: int = Field(description="The test's position in the map's tests list, from 0.")
    name: str | None = Field(description="The test's name, if it has one.")
    semantics: str
    support: str
    id: str = Field(description="The statement or relation the expectation is about.")
    element: Literal["statement", "relation"]
    text: str | None = Field(description="The statement's text (None for a relation).")
    expected: Label
    actual: Label
    holds: bool
    extensions: int = Field(description="How many extensions the semantics gives the map.")

    def sentence(self) -> str:
        """The result in one line, as ``argmap check`` prints it.

        Examples
        --------
        >>> r = ExpectationResult(test=0, name=None, semantics="grounded", support="none", id="C",
        ...     element="statement", text="c", expected="in", actual="in", holds=True, extensions=1)
        >>> r.sentence()
        'holds: C "c" is in under grounded semantics'
        """
        text = " ".join(self.text.split()) if self.text is not None else None
        what = f'{self.id} "{text}"' if text is not None else f"the relation {self.id}"
        support = f" (support: {self.support})" if self.support != "none" else ""
        found = f"{what} is {self.actual} under {self.semantics} semantics{support}"
        return f"holds: {found}" if self.holds else f"FAILS: {found}; expected {self.expected}"


class CheckReport(_Frozen):
    """Every expectation of a map's tests, in file order (tests, then their ``expect`` order)."""

    tests: int = Field(description="How many tests the map has.")
    results: tuple[ExpectationResult, ...]
    passed: int = Field(description="Expectations that hold.")
    failed: int = Field(description="Expectations that fail.")

    @property
    def ok(self) -> bool:
        """True when every expectation holds (also when there are none)."""
        return self.failed == 0


def check(argument_map: ArgumentMap) -> CheckReport:
    """Evaluate every expectation of the map's ``tests:`` block.

    Parameters
    ----------
    argument_map : ArgumentMap
        A map; its ``tests`` may be empty (the report then has no results and is ok).

    Returns
    -------
    CheckReport
        One :class:`ExpectationResult` per expected label.

    Raises
    ------
    UsageError
        If a test names a semantics that is no longer registered.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, MapTest, Statement
    >>> m = ArgumentMap(title="T", statements=[Statement(id="C", kind="claim", text="c")],
    ...     tests=[MapTest(semantics="stable", expect={"C": "in"})])
    >>> check(m).results[0].holds
    True
    >>> check(ArgumentMap(title="T")).ok
    True
    """
    solved: dict[tuple[str, str], tuple[dict[str, Label], int]] = {}
    results = []
    for index, test in enumerate(argument_map.tests):
        key = (test.semantics, test.support)
        if key not in solved:
            labelled = acceptability(argument_map, semantics=test.semantics, support=test.support)
            solved[key] = (labelled.labels, labelled.extensions)
        labels, extensions = solved[key]
        for identifier, expected in test.expect.items():
            is_statement = argument_map.has_statement(identifier)
            actual = labels[identifier]
            results.append(
                ExpectationResult(
                    test=index,
                    name=test.name,
                    semantics=test.semantics,
                    support=test.support,
                    id=identifier,
                    element="statement" if is_statement else "relation",
                    text=argument_map.statement(identifier).text if is_statement else None,
                    expected=expected,
                    actual=actual,
                    holds=actual == expected,
                    extensions=extensions,
                )
            )
    passed = sum(r.holds for r in results)
    return CheckReport(
        tests=len(argument_map.tests), results=tuple(results), passed=passed, failed=len(results) - passed
    )
