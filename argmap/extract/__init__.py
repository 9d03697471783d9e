"""Extraction: from argumentative text to a draft argument map (``argmap extract``).

The pipeline, one module each: :mod:`~argmap.extract.segment` (sentences with pysbd,
then clauses at connectives), :mod:`~argmap.extract.lexicon` (the discourse-indicator
lexicon, data in ``lexicon.yaml``), :mod:`~argmap.extract.features` (cues, position,
punctuation), :mod:`~argmap.extract.decode` (central claim, a tree of attachments by
Edmonds' algorithm, roles and functions) and :mod:`~argmap.extract.extractor` (the map).
:mod:`~argmap.extract.evaluation` scores drafts against the microtexts' gold structures
and :mod:`~argmap.extract.training` fits the decoder's small models (needs scikit-learn).
See docs/extraction.md.

Examples
--------
>>> from argmap.extract import extract
>>> extract("Taxes on sugar should rise. Sugar causes obesity.").main_claim
'u1'
"""

from argmap.extract.decode import Parse, decode
from argmap.extract.extractor import extract, parse_text
from argmap.extract.lexicon import Lexicon, load_lexicon
from argmap.extract.segment import Unit, segment

__all__ = ["Lexicon", "Parse", "Unit", "decode", "extract", "load_lexicon", "parse_text", "segment"]
