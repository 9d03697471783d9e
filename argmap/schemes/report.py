"""Schemes as text a reader can follow: plain text and Markdown, for ``argmap schemes`` and the docs.

Examples
--------
>>> from argmap.schemes import builtin_catalogue
>>> print(scheme_text(builtin_catalogue().scheme("argument-from-sign")))
argument-from-sign: Argument from sign
An observed finding is read as a sign that something else is the case.
<BLANKLINE>
  specific premise: Finding {B} is observed in this situation.
  general premise: {B} is generally a sign that {A} holds.
  conclusion: {A} holds in this situation.
<BLANKLINE>
critical questions:
  strength: How reliable is B as a sign of A?
  other-explanations: Could something other than A account for B here?
<BLANKLINE>
reference: Walton, Reed and Macagno (2008), Argumentation Schemes, ch. 9 (argument from sign)
"""

from __future__ import annotations

from argmap.escape import markdown_inline
from argmap.schemes.catalogue import Catalogue, Scheme

__all__ = ["catalogue_markdown", "scheme_markdown", "scheme_text"]


def scheme_text(scheme: Scheme) -> str:
    """One scheme in plain text: id and name, description, premises, conclusion, questions, reference.

    Parameters
    ----------
    scheme : Scheme

    Returns
    -------
    str
        Lines joined by newlines, without a final newline.

    Examples
    --------
    >>> from argmap.schemes import builtin_catalogue
    >>> scheme_text(builtin_catalogue().scheme("ad-hominem")).splitlines()[0]
    'ad-hominem: Ad hominem argument'
    """
    lines = [f"{scheme.id}: {scheme.name}", scheme.description]
    if scheme.aliases:
        lines.append(f"also known as: {', '.join(scheme.aliases)}")
    lines.append("")
    lines += [f"  {premise.role}: {premise.template}" for premise in scheme.premises]
    lines += [f"  conclusion: {scheme.conclusion}", "", "critical questions:"]
    lines += [f"  {question.id}: {question.text}" for question in scheme.questions]
    lines += ["", f"reference: {scheme.reference}"]
    return "\n".join(lines)


def scheme_markdown(scheme: Scheme, level: int = 2) -> str:
    """One scheme as a Markdown section (heading of ``level``), map text escaped.

    Examples
    --------
    >>> from argmap.schemes import builtin_catalogue
    >>> scheme_markdown(builtin_catalogue().scheme("argument-from-sign")).splitlines()[0]
    '## Argument from sign (`argument-from-sign`)'
    """
    lines = [
        f"{'#' * level} {markdown_inline(scheme.name)} (`{scheme.id}`)",
        "",
        markdown_inline(scheme.description),
    ]
    if scheme.aliases:
        lines += ["", f"Also known as: {', '.join(markdown_inline(a) for a in scheme.aliases)}."]
    lines += ["", "| role | template |", "|---|---|"]
    lines += [f"| {markdown_inline(p.role)} | {markdown_inline(p.template)} |" for p in scheme.premises]
    lines += [f"| **conclusion** | {markdown_inline(scheme.conclusion)} |", "", "Critical questions:", ""]
    lines += [f"- `{q.id}`: {markdown_inline(q.text)}" for q in scheme.questions]
    lines += ["", f"Reference: {markdown_inline(scheme.reference)}", ""]
    return "\n".join(lines)


def catalogue_markdown(catalogue: Catalogue, level: int = 2) -> str:
    """The whole catalogue in Markdown: a table of contents, then one section per scheme.

    Examples
    --------
    >>> from argmap.schemes import builtin_catalogue
    >>> catalogue_markdown(builtin_catalogue()).splitlines()[0]
    '| id | name | questions |'
    """
    lines = ["| id | name | questions |", "|---|---|---:|"]
    lines += [f"| `{s.id}` | {markdown_inline(s.name)} | {len(s.questions)} |" for s in catalogue.schemes]
    lines.append("")
    return "\n".join(lines + [scheme_markdown(s, level) for s in catalogue.schemes])
