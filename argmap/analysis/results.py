"""The result types of the analyzers: frozen pydantic models, one per analysis.

Their JSON form (``model_dump(mode="json")``) is what ``argmap analyze --format json``
prints; the keys named in ``docs/analysis.md`` are a public contract.
"""

from __future__ import annotations

from typing import Any, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from argmap.display import mimebundle
from argmap.model import LabelName

__all__ = [
    "ANALYSIS_NAMES",
    "COUNTERARGUMENT_STATUSES",
    "WEAK_LINK_KINDS",
    "Acceptability",
    "Analysis",
    "Counterargument",
    "Effect",
    "Explanation",
    "Flips",
    "Label",
    "Reason",
    "Sensitivity",
    "Side",
    "Stance",
    "Strength",
    "SupportChains",
    "WeakLink",
]

Label = LabelName
AnalysisName = Literal["chains", "weak-links", "counterarguments", "acceptability", "strength"]
ANALYSIS_NAMES: tuple[str, ...] = get_args(AnalysisName)
"""The analyses by name, in one order: batch columns, ``--analyses``, ``--highlight``."""
CounterargumentStatus = Literal["answered", "standing", "contested"]
COUNTERARGUMENT_STATUSES: tuple[str, ...] = get_args(CounterargumentStatus)
Side = Literal["pro", "con", "both", "none"]
WeakLinkKind = Literal[
    "single-point-of-failure",
    "unsupported-premise",
    "linked-premise",
    "unanswered-attack",
    "circular-support",
    "weak-inference",
    "long-chain",
    "open-critical-question",
]
WEAK_LINK_KINDS: tuple[str, ...] = get_args(WeakLinkKind)


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # The map a result was computed on, when the analyzer knows it: a notebook then draws the
    # result over its map. Private: not a field, never serialised, not part of equality.
    _argument_map: Any = PrivateAttr(default=None)

    def drawn_on(self, argument_map: Any) -> Self:
        """Remember the map this result is about, so that a notebook can draw it; returns self."""
        self._argument_map = argument_map
        return self

    def _repr_mimebundle_(
        self, include: object = None, exclude: object = None, **kwargs: object
    ) -> dict[str, str]:
        """A table for Jupyter, over the map's diagram when it is known (:mod:`argmap.display`)."""
        return mimebundle("result", self)


class SupportChains(_Result):
    """Paths along support from a ground (a statement with no incoming support) to the claim."""

    claim: str
    count: int = Field(description="Number of chains, counted without enumerating them.")
    max_depth: int = Field(description="Edges on the longest chain.")
    chains: tuple[tuple[str, ...], ...] = Field(description="Up to max_chains chains, longest first.")
    truncated: bool = Field(description="True when count exceeds the chains listed.")
    ignored_edges: tuple[tuple[str, str], ...] = Field(
        default=(), description="Support edges (source, target) left out because they close a cycle."
    )


class WeakLink(_Result):
    """A place where the argument for the claim is fragile."""

    kind: WeakLinkKind
    nodes: tuple[str, ...]
    severity: float = Field(ge=0.0, le=1.0)
    explanation: str
    scheme: str | None = Field(default=None, description="For open-critical-question: the relation's scheme.")
    question: str | None = Field(default=None, description="For open-critical-question: the question's id.")


class Counterargument(_Result):
    """An attack on the claim (rebut), its support tree (undermine) or one of its inferences (undercut)."""

    attacker: str = Field(description="The attacking statement (the first, for a linked attack).")
    attackers: tuple[str, ...] = Field(description="All the statements of the attack.")
    target: str = Field(description="The statement or relation attacked.")
    relation: str = Field(description="The id of the attack relation.")
    kind: Literal["rebut", "undermine", "undercut"]
    status: CounterargumentStatus
    answered_by: tuple[str, ...] = Field(
        default=(), description="Accepted statements whose attacks defeat this one (when answered)."
    )


class Acceptability(_Result):
    """Labels of every statement and relation under one Dung semantics."""

    semantics: str
    support: str = Field(description="How supports add attacks: none, deductive or necessary.")
    labels: dict[str, Label] = Field(
        description="in/out/undec: for grounded the grounded labelling; otherwise the skeptical view "
        "(in: in every extension, out: attacked by every extension, undec: otherwise)."
    )
    claim: str
    credulous: bool = Field(description="The claim is in at least one extension.")
    skeptical: bool = Field(description="The claim is in every extension (and there is at least one).")
    extensions: int = Field(description="How many extensions the semantics gives.")


class Stance(_Result):
    """Every statement's side relative to the claim, from the attack parity of its paths to it.

    ``sides`` maps each statement id to ``pro`` (every path to the claim crosses an even number
    of attacks), ``con`` (an odd number), ``both`` (paths disagree) or ``none`` (no path).
    """

    claim: str
    sides: dict[str, Side]


class Strength(_Result):
    """Gradual strength of every statement (and relation) in [0, 1]."""

    model: str
    scores: dict[str, float]
    iterations: int = Field(default=0, description="Iterations to converge (0 for a direct computation).")


class Analysis(_Result):
    """Everything ``argmap analyze`` reports about one claim of a map."""

    claim: str
    support_chains: SupportChains
    weak_links: tuple[WeakLink, ...]
    counterarguments: tuple[Counterargument, ...]
    acceptability: Acceptability
    strength: Strength | None


class Reason(_Result):
    """One step of an explanation: a statement, its label, and the statements that decide it.

    The root is the statement explained. Below a statement stand the statements acting on it
    through ``relation``: an attack on it (or on a premise of its inference), or an undercut of
    the inference it draws; which ones depends on the label (see ``docs/analysis.md``).
    """

    statement: str
    label: Label
    relation: str | None = Field(
        default=None, description="The relation through which this statement acts on the one above."
    )
    because: tuple[Reason, ...] = ()
    repeat: bool = Field(
        default=False,
        description="Explained at another place of the tree (above it: a cycle); not expanded again.",
    )
    extension: tuple[str, ...] | None = Field(
        default=None,
        description="For credulous and skeptical semantics: the statements of the extension this "
        "branch argues within.",
    )
    cut: bool = Field(default=False, description="The tree goes deeper here, beyond the depth shown.")


class Flips(_Result):
    """The smallest sets of other statements whose removal from the map changes a label."""

    size: int | None = Field(description="The minimum size; None when no removal found changes the label.")
    sets: tuple[tuple[str, ...], ...] = Field(
        description="Every set of that size (up to the cap), in map order."
    )
    labels: tuple[Label, ...] = Field(description="The label each set leads to, aligned with sets.")
    exact: bool = Field(description="True when the search was exhaustive: size is the minimum.")
    truncated: bool = Field(
        default=False, description="True when more sets of this size were left out (cap)."
    )
    candidates: int = Field(default=0, description="Statements that can reach the target, the ones searched.")


class Effect(_Result):
    """What removing one statement does to the strength of the statement explained."""

    statement: str
    without: float = Field(description="The strength of the statement explained when this one is removed.")
    effect: float = Field(description="Strength with it minus strength without it: positive when it helps.")


class Sensitivity(_Result):
    """Each statement's effect on the strength of the statement explained, largest first."""

    model: str
    strength: float = Field(description="The strength of the statement explained, in the whole map.")
    effects: tuple[Effect, ...]


class Explanation(_Result):
    """Why a statement has its label, and what would change it (``argmap explain``)."""

    statement: str
    label: Label
    semantics: str
    why: Reason
    flips: Flips
    sensitivity: Sensitivity | None
