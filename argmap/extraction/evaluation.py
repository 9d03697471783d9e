"""Evaluation of extraction against gold argumentation structures (the microtexts).

The gold of a text is read as a dependency tree over its ADUs (Peldszus & Stede's
reduction of the arggraph): each ADU but the central claim has one target and one
function. ``sup``, ``exa`` and ``reb`` edges attach their source to their target; an
``und`` (undercut) of the edge ``a -> b`` attaches its source to ``a``; an ``add``
(a further premise of a linked argument) attaches it to the argument's first premise.
``sup``, ``exa`` and ``add`` are *support*, ``reb`` and ``und`` *attack*. Roles are the
ADU types (``pro`` proponent, ``opp`` opponent).

Metrics (:class:`Scores`), summed over texts before dividing (micro over texts):

- central-claim accuracy: texts whose predicted central claim is the gold one, or a
  restatement of it (:func:`restates`: a claim stated at the start and again at the
  end may be found in either place);
- role macro-F1: the mean of the F1 of proponent and of opponent, over units;
- function macro-F1: the mean of the F1 of support and of attack, over the gold's
  non-central units (a unit predicted central has no function and counts as a miss);
- attachment F1: F1 of the set of predicted (unit, target) pairs against the gold's,
  unlabelled;
- labelled attachment score (LAS): the share of gold non-central units whose predicted
  target and function are both right.

From raw text, predicted units are mapped to gold ADUs: each gold ADU takes the
prediction of the predicted unit that overlaps it most (ties: the first); a predicted
pair (u, v) becomes (gold(u), gold(v)), where gold(u) is the ADU u overlaps most, and is
dropped when both map to one ADU. Segment-boundary F1 compares the start offsets of
units after the first of each text.

Examples
--------
>>> from argmap.extraction import decode, segment
>>> gold = Gold(name="t", text="A b c. D e f.", spans=((0, 6), (7, 13)), heads=(None, 0),
...     functions=(None, "support"), roles=("proponent", "proponent"))
>>> score([gold], [decode(segment(gold.text))]).central_claim
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from xml.etree.ElementTree import ParseError as XMLParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, utils

from argmap._files import read_file
from argmap.errors import MapValidationError, ParseError, Problem
from argmap.extraction.decoder import Function, Parse, Role, Weights, decode
from argmap.extraction.segmentation import Unit, segment, sentences
from argmap.limits import default_limits
from argmap.source import SourceDocument

__all__ = [
    "LOCATE_THRESHOLD",
    "RESTATEMENT_THRESHOLD",
    "Gold",
    "Scores",
    "baseline_first",
    "baseline_preceding",
    "evaluate",
    "gold_units",
    "read_aif_gold",
    "read_gold",
    "read_gold_folder",
    "restates",
    "score",
]

LOCATE_THRESHOLD = 80.0  # the least fuzzy-match score (of 100) of an AIF statement located in its text
RESTATEMENT_THRESHOLD = 80.0  # the least token-set similarity (of 100) of a restated claim
_RESTATEMENT_WORDS = 3  # the fewest words of a restatement


class Gold(BaseModel):
    """One text's gold structure as a dependency tree over its ADUs, in text order."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    text: str
    spans: tuple[tuple[int, int], ...]
    heads: tuple[int | None, ...]
    functions: tuple[Function | None, ...]
    roles: tuple[Role, ...]
    edge_types: tuple[str | None, ...] = ()
    topic: str = Field(
        default="", description="The question the text answers (a microtext's topic_id), if known."
    )

    @property
    def central(self) -> int:
        """The index of the central claim (the ADU without a target)."""
        return self.heads.index(None)


class Scores(BaseModel):
    """The metrics of one system on a set of texts (see the module's description)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    texts: int
    central_claim: float = Field(description="Central-claim accuracy.")
    role_f1: float = Field(description="Role (proponent/opponent) macro-F1.")
    function_f1: float = Field(description="Function (support/attack) macro-F1.")
    attachment_f1: float = Field(description="Unlabelled attachment F1.")
    las: float = Field(description="Labelled attachment score.")
    boundary_f1: float | None = Field(default=None, description="Segment-boundary F1 (raw text only).")


def read_gold(path: str | Path) -> Gold:
    """Read one microtext (``.xml``, with its ``.txt`` beside it) as a :class:`Gold`.

    Parameters
    ----------
    path : str or Path
        The ``.xml`` file.

    Returns
    -------
    Gold

    Raises
    ------
    argmap.MapError
        If the file cannot be read or is not a valid microtext graph.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "m.txt").write_text("Go. It is fun. Yet it is far.")
    >>> _ = (folder / "m.xml").write_text('<arggraph id="m"><edu id="e1">Go.</edu><edu id="e2">It is fun.'
    ...     '</edu><edu id="e3">Yet it is far.</edu><adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
    ...     '<adu id="a3" type="opp"/><edge id="c1" src="e1" trg="a1" type="seg"/><edge id="c2" src="e2" '
    ...     'trg="a2" type="seg"/><edge id="c3" src="e3" trg="a3" type="seg"/><edge id="c4" src="a2" '
    ...     'trg="a1" type="sup"/><edge id="c5" src="a3" trg="c4" type="und"/></arggraph>')
    >>> g = read_gold(folder / "m.xml")
    >>> g.heads, g.functions, g.roles
    ((None, 0, 1), (None, 'support', 'attack'), ('proponent', 'proponent', 'opponent'))
    """
    path = Path(path)
    name = str(path)
    text = SourceDocument.read(path.with_suffix(".txt")).text
    try:
        root = SafeET.fromstring(read_file(path, default_limits()))
    except (XMLParseError, DefusedXmlException, ValueError) as exc:
        raise ParseError([Problem(f"XML: {exc}", file=name)]) from None
    edus = {e.get("id", ""): e.text or "" for e in root.iter("edu")}
    roles_of = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
    edges = {
        e.get("id", ""): (e.get("src", ""), e.get("trg", ""), e.get("type", "")) for e in root.iter("edge")
    }
    edu_of = {trg: src for src, trg, kind in edges.values() if kind == "seg"}
    spans_of: dict[str, tuple[int, int]] = {}
    position = 0
    for edu_id, edu_text in edus.items():
        start = text.find(edu_text.strip(), position)
        if not edu_text.strip() or start < 0:
            raise MapValidationError([Problem("EDU text not found in the .txt", file=name, id=edu_id)])
        position = start + len(edu_text.strip())
        spans_of[edu_id] = (start, position)
    if set(edu_of) != set(roles_of) or any(e not in spans_of for e in edu_of.values()):
        raise MapValidationError([Problem("every ADU needs one seg edge from an EDU", file=name)])
    adus = sorted(roles_of, key=lambda a: spans_of[edu_of[a]])
    index = {a: k for k, a in enumerate(adus)}
    n = len(adus)
    heads: list[int | None] = [None] * n
    functions: list[Function | None] = [None] * n
    edge_types: list[str | None] = [None] * n

    def head_of(target: str) -> int:
        for _ in range(len(edges) + 1):  # an undercut attaches to the source of the edge it attacks
            if target in index:
                return index[target]
            if target not in edges:
                break
            target = edges[target][0]
        raise MapValidationError([Problem(f"edge target {target!r} names nothing", file=name)])

    def function_of(edge_id: str) -> Function:
        for _ in range(len(edges) + 1):  # an add edge has the function of the edge it joins
            _, trg, kind = edges[edge_id]
            if kind != "add":
                return "attack" if kind in ("reb", "und") else "support"
            edge_id = trg
        raise MapValidationError([Problem("add edges form a cycle", file=name)])

    for edge_id, (src, trg, kind) in edges.items():
        if kind == "seg":
            continue
        if src not in index:
            raise MapValidationError([Problem(f"edge source {src!r} is not an ADU", file=name, id=edge_id)])
        i = index[src]
        heads[i] = head_of(trg)
        functions[i] = "support" if kind == "add" else function_of(edge_id)
        edge_types[i] = kind
    if heads.count(None) != 1:
        raise MapValidationError([Problem("the graph does not have exactly one central claim", file=name)])
    spans = [spans_of[edu_of[a]] for a in adus]
    roles: list[Role] = ["opponent" if roles_of[a] == "opp" else "proponent" for a in adus]
    return Gold(
        name=path.stem,
        text=text,
        spans=tuple(spans),
        heads=tuple(heads),
        functions=tuple(functions),
        roles=tuple(roles),
        edge_types=tuple(edge_types),
        topic=root.get("topic_id", ""),
    )


def read_aif_gold(path: str | Path, *, threshold: float = LOCATE_THRESHOLD) -> Gold | None:
    """Read an AIF map (``.json``, with its source text ``.txt`` beside it) as a :class:`Gold`.

    The map is read by :func:`argmap.io.aif.loads_aif`; each statement is located in the
    text by fuzzy matching (:func:`rapidfuzz.fuzz.partial_ratio_alignment`, at least
    ``threshold`` out of 100). The map is then reduced to a tree like the microtexts: the
    first premise of a relation attaches to its target, a further premise of a linked
    argument to the first premise (support), an undercut's source to the attacked
    relation's first premise; an unlocated statement (reconstructed, not in the text) is
    skipped, its sources attaching to its own target (the function the product of the two:
    an attack on an attack supports). The central claim is the statement without a target
    that has most statements below it; statements in no relation are left out.

    Parameters
    ----------
    path : str or Path
        The ``.json`` file.
    threshold : float
        The least fuzzy-match score, out of 100, of a located statement.

    Returns
    -------
    Gold or None
        None when the central claim is not in the text (an enthymeme's reconstructed
        conclusion) or fewer than two statements are located.

    Raises
    ------
    argmap.MapError
        If a file cannot be read or is not AIF.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Taxes must rise. Schools are short of money.")
    >>> _ = (folder / "a.json").write_text('{"nodes": ['
    ...     '{"nodeID": "1", "text": "Taxes must rise", "type": "I"},'
    ...     '{"nodeID": "2", "text": "schools are short of money", "type": "I"},'
    ...     '{"nodeID": "3", "text": "RA", "type": "RA"}], "edges": [{"edgeID": "1", "fromID": "2",'
    ...     '"toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}], "locutions": []}')
    >>> g = read_aif_gold(folder / "a.json")
    >>> g.heads, g.functions, g.spans
    ((None, 0), (None, 'support'), ((0, 15), (17, 43)))
    """
    from argmap.io.aif import loads_aif  # argmap.io imports the model; kept out of extraction's start-up

    path = Path(path)
    name = str(path)
    text = SourceDocument.read(path.with_suffix(".txt")).text
    try:
        content = read_file(path, default_limits()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError([Problem(f"cannot read: {exc}", file=name)]) from None
    argument_map = loads_aif(content, name=name)
    head: dict[str, str] = {}
    function: dict[str, Function] = {}
    relations = {r.id: r for r in argument_map.relations}
    statement_ids = {s.id for s in argument_map.statements}
    for relation in argument_map.relations:
        target = relation.to
        if target not in statement_ids:  # an undercut: the attacked relation's first premise
            target = relations[target].sources[0] if target in relations else ""
        if not target:
            continue
        for k, source in enumerate(relation.sources):
            if source in head or source == target:
                continue  # a statement in two arguments: its first counts
            head[source] = target if k == 0 else relation.sources[0]
            function[source] = relation.type if k == 0 else "support"
    lowered = text.lower()
    spans: dict[str, tuple[int, int]] = {}
    for statement in argument_map.statements:
        found = fuzz.partial_ratio_alignment(statement.text.strip().lower(), lowered)
        if found is not None and found.score >= threshold and found.dest_end > found.dest_start:
            start, end = found.dest_start, found.dest_end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            spans[statement.id] = (start, end)

    def below(node: str) -> int:
        return sum(1 + below(child) for child, parent in head.items() if parent == node)

    roots = [s.id for s in argument_map.statements if s.id not in head and s.id in head.values()]
    if not roots:
        return None
    central = max(roots, key=below)
    if central not in spans:
        return None

    def located_head(node: str) -> tuple[str, Function] | None:
        kind: Function = function[node]
        parent = head[node]
        for _ in range(len(head) + 1):
            if parent in spans:
                return parent, kind
            if parent not in head:
                return None
            kind = "support" if (kind == "attack") == (function[parent] == "attack") else "attack"
            parent = head[parent]
        return None

    located = {s: located_head(s) for s in head if s in spans and s != central}
    links: dict[str, tuple[str, Function]] = {}
    for node in located:
        chain, seen = node, {node}
        while chain != central:  # keep the statement only if its targets lead to the central claim
            step = located.get(chain)
            if step is None or step[0] in seen:
                break
            chain = step[0]
            seen.add(chain)
        link = located[node]
        if chain == central and link is not None:
            links[node] = link
    members = sorted([central, *links], key=lambda s: spans[s])
    if len(members) < 2:
        return None
    index = {s: k for k, s in enumerate(members)}
    heads = tuple(None if s == central else index[links[s][0]] for s in members)
    functions = tuple(None if s == central else links[s][1] for s in members)
    roles: list[Role] = []
    for s in members:
        attacks, node = 0, s
        while node != central:
            attacks += links[node][1] == "attack"
            node = links[node][0]
        roles.append("opponent" if attacks % 2 else "proponent")
    return Gold(
        name=path.stem,
        text=text,
        spans=tuple(spans[s] for s in members),
        heads=heads,
        functions=functions,
        roles=tuple(roles),
    )


def read_gold_folder(folder: str | Path) -> list[Gold]:
    """Every ``*.xml`` microtext of a folder, sorted by name.

    Raises
    ------
    argmap.MapError
        If a file is not a valid microtext graph.

    Examples
    --------
    >>> import tempfile
    >>> read_gold_folder(tempfile.mkdtemp())
    []
    """
    return [read_gold(path) for path in sorted(Path(folder).glob("*.xml"))]


def gold_units(gold: Gold) -> list[Unit]:
    """The gold ADUs as :class:`Unit` objects (to decode with gold segmentation).

    Examples
    --------
    >>> g = Gold(name="t", text="A b. C d.", spans=((0, 4), (5, 9)), heads=(None, 0),
    ...     functions=(None, "support"), roles=("proponent", "proponent"))
    >>> [(u.text, u.sentence) for u in gold_units(g)]
    [('A b.', 0), ('C d.', 1)]
    """
    starts = [s for s, _ in sentences(gold.text)]
    units: list[Unit] = []
    for start, end in gold.spans:
        sentence = max((k for k, s in enumerate(starts) if s <= start), default=0)
        units.append(
            Unit(
                text=gold.text[start:end],
                start=start,
                end=end,
                sentence=sentence,
                opens_sentence=start in starts or not units,
            )
        )
    return units


def _baseline(units: Sequence[Unit], head_of: Callable[[int], int]) -> Parse:
    n = len(units)
    heads = tuple(None if i == 0 else head_of(i) for i in range(n))
    return Parse(
        units=tuple(units),
        central=0,
        heads=heads,
        functions=tuple(None if i == 0 else "support" for i in range(n)),
        roles=tuple("proponent" for _ in range(n)),
        central_confidence=1.0,
        attach_confidence=tuple(1.0 for _ in range(n)),
        function_confidence=tuple(1.0 for _ in range(n)),
        role_confidence=tuple(1.0 for _ in range(n)),
        cues=tuple(() for _ in range(n)),
    )


def baseline_first(units: Sequence[Unit]) -> Parse:
    """The baseline "attach every unit to the first": the first unit is the central claim,
    every other unit supports it, every unit is the proponent's.

    Examples
    --------
    >>> from argmap.extraction import segment
    >>> baseline_first(segment("A one. B two. C three.")).heads
    (None, 0, 0)
    """
    return _baseline(units, lambda i: 0)


def baseline_preceding(units: Sequence[Unit]) -> Parse:
    """The baseline "attach every unit to the preceding one": the first unit is the central
    claim, every other unit supports the unit before it, every unit is the proponent's.

    Examples
    --------
    >>> from argmap.extraction import segment
    >>> baseline_preceding(segment("A one. B two. C three.")).heads
    (None, 0, 1)
    """
    return _baseline(units, lambda i: i - 1)


def restates(a: str, b: str) -> bool:
    """Whether text ``a`` restates text ``b`` (or ``b`` restates ``a``): the words of one are,
    nearly all, words of the other (rapidfuzz's token-set ratio at least
    :data:`RESTATEMENT_THRESHOLD`, case and punctuation ignored), each at least three words.

    Examples
    --------
    >>> restates("Cars should be banned from the centre.", "So cars should be banned from the centre!")
    True
    >>> restates("Cars should be banned.", "Cars pollute the air of the centre.")
    False
    """
    if min(len(utils.default_process(t).split()) for t in (a, b)) < _RESTATEMENT_WORDS:
        return False
    return fuzz.token_set_ratio(a, b, processor=utils.default_process) >= RESTATEMENT_THRESHOLD


def _text(gold: Gold, adu: int) -> str:
    start, end = gold.spans[adu]
    return gold.text[start:end]


def evaluate(
    golds: Sequence[Gold],
    units_of: Callable[[Gold], Sequence[Unit]] | None = None,
    weights: Weights | None = None,
) -> dict[str, Scores]:
    """Score the extractor and the two baselines side by side on the same units.

    Parameters
    ----------
    golds : sequence of Gold
    units_of : callable, optional
        A text's units: its own segmentation (:func:`argmap.extraction.segment` of its
        text, the default) or, e.g., :func:`gold_units`.
    weights : Weights, optional
        The models (the shipped ones by default).

    Returns
    -------
    dict of str to Scores
        ``"argmap.extract"``, ``"attach to the first"`` (the first unit is the central
        claim) and ``"attach to the preceding"``.

    Examples
    --------
    >>> g = Gold(name="t", text="We must act. Because it is late.", spans=((0, 12), (13, 32)),
    ...     heads=(None, 0), functions=(None, "support"), roles=("proponent", "proponent"))
    >>> {name: s.las for name, s in evaluate([g]).items()}
    {'argmap.extract': 1.0, 'attach to the first': 1.0, 'attach to the preceding': 1.0}
    """
    units = [segment(g.text) if units_of is None else units_of(g) for g in golds]
    raw = units_of is None or units_of is not gold_units
    return {
        "argmap.extract": score(golds, [decode(u, weights) for u in units], raw=raw),
        "attach to the first": score(golds, [baseline_first(u) for u in units], raw=raw),
        "attach to the preceding": score(golds, [baseline_preceding(u) for u in units], raw=raw),
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _macro_f1(pairs: Sequence[tuple[str | None, str]], labels: Sequence[str]) -> float:
    values = []
    for label in labels:
        tp = sum(1 for p, g in pairs if p == label and g == label)
        fp = sum(1 for p, g in pairs if p == label and g != label)
        fn = sum(1 for p, g in pairs if p != label and g == label)
        values.append(_f1(tp, fp, fn))
    return sum(values) / len(values)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> int | None:
    overlaps = [_overlap(span, o) for o in others]
    top = max(overlaps, default=0)
    return overlaps.index(top) if top > 0 else None


def score(golds: Sequence[Gold], parses: Sequence[Parse], *, raw: bool = True) -> Scores:
    """Score predicted parses against gold structures (see the module's description).

    Parameters
    ----------
    golds : sequence of Gold
    parses : sequence of Parse
        One per gold, in the same order; their units may be the gold ADUs or any others.
    raw : bool
        Whether to report the segment-boundary F1 (for units not taken from the gold).

    Returns
    -------
    Scores

    Raises
    ------
    ValueError
        If the two sequences differ in length.

    Examples
    --------
    >>> g = Gold(name="t", text="A b c. D e f.", spans=((0, 6), (7, 13)), heads=(None, 0),
    ...     functions=(None, "attack"), roles=("proponent", "opponent"))
    >>> s = score([g], [baseline_first(gold_units(g))], raw=False)
    >>> s.central_claim, s.attachment_f1, s.las, s.function_f1
    (1.0, 1.0, 0.0, 0.0)
    """
    if len(golds) != len(parses):
        raise ValueError(f"{len(golds)} gold texts but {len(parses)} parses")
    central_hits = 0
    roles: list[tuple[str | None, str]] = []
    functions: list[tuple[str | None, str]] = []
    edge_tp = edge_fp = edge_fn = 0
    labelled = non_central = 0
    boundary_tp = boundary_fp = boundary_fn = 0
    for gold, parse in zip(golds, parses, strict=True):
        predicted = [(u.start, u.end) for u in parse.units]
        unit_of = [_best(span, predicted) for span in gold.spans]  # gold ADU -> predicted unit
        adu_of = [_best(span, gold.spans) for span in predicted]  # predicted unit -> gold ADU
        found = adu_of[parse.central]
        central_hits += int(
            unit_of[gold.central] == parse.central
            or (found is not None and restates(_text(gold, found), _text(gold, gold.central)))
        )
        for g, u in enumerate(unit_of):
            roles.append((None if u is None else parse.roles[u], gold.roles[g]))
        gold_edges = {(g, h) for g, h in enumerate(gold.heads) if h is not None}
        predicted_edges = set()
        for u, h in enumerate(parse.heads):
            if h is None or adu_of[u] is None or adu_of[h] is None or adu_of[u] == adu_of[h]:
                continue
            predicted_edges.add((adu_of[u], adu_of[h]))
        edge_tp += len(gold_edges & predicted_edges)
        edge_fp += len(predicted_edges - gold_edges)
        edge_fn += len(gold_edges - predicted_edges)
        for g, head in enumerate(gold.heads):
            if head is None:
                continue
            non_central += 1
            u = unit_of[g]
            function = None if u is None else parse.functions[u]
            gold_function = gold.functions[g]
            assert gold_function is not None
            functions.append((function, gold_function))
            if u is None or parse.heads[u] is None:
                continue
            predicted_head = adu_of[parse.heads[u]]  # type: ignore[index]
            if predicted_head == head and function == gold_function:
                labelled += 1
        if raw:
            gold_starts = {s for s, _ in gold.spans[1:]}
            predicted_starts = {s for s, _ in predicted[1:]}
            boundary_tp += len(gold_starts & predicted_starts)
            boundary_fp += len(predicted_starts - gold_starts)
            boundary_fn += len(gold_starts - predicted_starts)
    n = len(golds)
    return Scores(
        texts=n,
        central_claim=central_hits / n if n else 0.0,
        role_f1=_macro_f1(roles, ("proponent", "opponent")),
        function_f1=_macro_f1(functions, ("support", "attack")),
        attachment_f1=_f1(edge_tp, edge_fp, edge_fn),
        las=labelled / non_central if non_central else 0.0,
        boundary_f1=_f1(boundary_tp, boundary_fp, boundary_fn) if raw else None,
    )
