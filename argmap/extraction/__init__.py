"""Extraction: from argumentative text to a draft argument map (``argmap extract``).

The pipeline, one module each: :mod:`~argmap.extraction.segmentation` (sentences with pysbd,
then clauses at connectives), :mod:`~argmap.extraction.lexicon` (the discourse-indicator
lexicon, data in ``lexicon.yaml``), :mod:`~argmap.extraction.features` (cues, position,
punctuation), :mod:`~argmap.extraction.connectives` (the links that markers such as "so"
and "since" decide), :mod:`~argmap.extraction.decoder` (central claim, a tree of
attachments by Edmonds' algorithm, roles and functions) and
:mod:`~argmap.extraction.extractor` (the map). :mod:`~argmap.extraction.evaluation` scores
drafts against gold structures (the microtexts, AIF maps with their texts) and
:mod:`~argmap.extraction.training` fits the decoder's small models (needs scikit-learn).
See docs/extraction.md.

Examples
--------
>>> from argmap.extraction import extract
>>> extract("Taxes on sugar should rise. Sugar causes obesity.").main_claim
'u1'
"""

from argmap.extraction.decoder import Parse, decode
from argmap.extraction.extractor import extract, parse_text
from argmap.extraction.lexicon import Lexicon, load_lexicon
from argmap.extraction.segmentation import Unit, segment

__all__ = ["Lexicon", "Parse", "Unit", "decode", "extract", "load_lexicon", "parse_text", "segment"]
