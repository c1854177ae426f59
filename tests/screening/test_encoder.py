"""The shared MiniLM encoder: matches sentence-transformers, unit-length output, refuses tampered files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from screening.artefacts import models_root
from screening.encoder import (
    ARTEFACT_NAME,
    ARTEFACT_VERSION,
    DIMENSION,
    MAX_TOKENS,
    load_encoder,
    source_model_dir,
    verify_source_model,
)
from screening.errors import ModelLoadError

pytestmark = pytest.mark.model

VARIED = [
    "Congratulations to the apprentices who passed their Level 3 electrical installation exams!",
    "You absolute muppet, how did you manage to break the photocopier again?",
    "We hate downtime: the kill switch stops the press brake in under a second.",
    "The butt weld on sample 4 failed at the root.",
    "Open day on Saturday 14 June, 10am to 3pm, everyone welcome.",
    "lol 😂😂😂 best team social ever",
    "Bonjour à tous, la réunion est reportée à jeudi.",
    "Diolch yn fawr i bawb a ddaeth i'r digwyddiad.",
    "THE SERVER IS DOWN AGAIN!!!",
    "We're hiring a young, energetic team player to join our workshop.",
    "https://www.example.org/course/level-2-plumbing?utm_source=linkedin",
    "sh1t day, f*cking trains cancelled again",
    "word " * 400,  # longer than the token limit: truncated like sentence-transformers does
]
# One to three word pieces: int8 quantisation moves these most (model card: minimum 0.97).
SHORT = ["ok", "yes", "Thanks!", "lol", "🎉", "f u", "idiot"]


def test_encoder_returns_unit_length_float32_rows_in_input_order() -> None:
    encoder = load_encoder()
    texts = ["a much longer sentence about the welding workshop and its new fume extraction", "short"]
    together = encoder.encode(texts, batch_size=1)
    assert together.shape == (2, DIMENSION)
    assert together.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    # Sorting by length for batching must not reorder the output.
    np.testing.assert_allclose(together[1], encoder.encode(["short"])[0], atol=1e-5)


def test_encoder_vector_does_not_depend_on_the_other_texts_by_default() -> None:
    encoder = load_encoder()
    together = encoder.encode(VARIED)
    alone = np.vstack([encoder.encode([text]) for text in VARIED])
    np.testing.assert_array_equal(together, alone)


def test_encoder_batches_stay_close_to_single_text_vectors() -> None:
    encoder = load_encoder()
    # Dynamic quantisation scales activations per batch, so batching moves vectors a little.
    cosine = (encoder.encode(VARIED) * encoder.encode(VARIED, batch_size=8)).sum(axis=1)
    assert cosine.min() > 0.93


def test_encoder_returns_empty_matrix_for_no_texts() -> None:
    assert load_encoder().encode([]).shape == (0, DIMENSION)


def test_encoder_rejects_a_bare_string() -> None:
    with pytest.raises(TypeError, match="sequence of texts"):
        load_encoder().encode("not a list")  # type: ignore[arg-type]


def test_encoder_is_cached() -> None:
    assert load_encoder() is load_encoder()


@pytest.mark.parametrize(("texts", "minimum"), [(VARIED, 0.975), (SHORT, 0.96)], ids=["sentences", "short"])
def test_encoder_matches_sentence_transformers_on_torch(texts: list[str], minimum: float) -> None:
    pytest.importorskip("torch")
    sentence_transformers = pytest.importorskip("sentence_transformers")
    reference = sentence_transformers.SentenceTransformer(str(source_model_dir()), device="cpu")
    reference.max_seq_length = MAX_TOKENS
    expected = reference.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    actual = load_encoder().encode(texts)
    cosine = (expected * actual).sum(axis=1)
    assert cosine.min() >= minimum, dict(zip(texts, cosine.round(3), strict=True))


def test_encoder_separates_related_from_unrelated_sentences() -> None:
    a, b, c = load_encoder().encode([
        "The workshop is closed for maintenance on Friday.",
        "On Friday the workshop shuts for servicing.",
        "My cat likes to sleep in the sun.",
    ])
    assert float(a @ b) > float(a @ c) + 0.3


def test_token_outputs_point_at_the_words() -> None:
    text = "Thanks Priya for the brilliant induction"
    tokens = load_encoder().encode_tokens([text])[0]
    assert tokens.vectors.shape == (len(tokens.offsets), DIMENSION)
    # Offsets index the original (cased) text; word pieces of one word are adjacent.
    assert [text[s:e] for s, e in tokens.offsets] == ["Thanks", "Pri", "ya", "for", "the", "brilliant", "induction"]
    assert not tokens.truncated


@pytest.fixture
def artefact_copy(tmp_path: Path) -> Path:
    source = models_root() / ARTEFACT_NAME / ARTEFACT_VERSION
    target = tmp_path / ARTEFACT_NAME / ARTEFACT_VERSION
    shutil.copytree(source, target)
    return tmp_path


def test_encoder_loads_from_an_intact_copy(artefact_copy: Path) -> None:
    vectors = load_encoder(root=artefact_copy).encode(["hello"])
    assert vectors.shape == (1, DIMENSION)


@pytest.mark.parametrize("filename", ["model.onnx", "tokenizer.json"])
def test_encoder_refuses_a_corrupted_file_naming_it(artefact_copy: Path, filename: str) -> None:
    path = artefact_copy / ARTEFACT_NAME / ARTEFACT_VERSION / filename
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ModelLoadError, match=filename):
        load_encoder(root=artefact_copy)


def test_encoder_refuses_an_artefact_built_from_other_weights(artefact_copy: Path) -> None:
    meta_path = artefact_copy / ARTEFACT_NAME / ARTEFACT_VERSION / "metadata.json"
    meta = json.loads(meta_path.read_text())
    meta["source_sha256"] = "0" * 64
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(ModelLoadError, match="pinned"):
        load_encoder(root=artefact_copy)


def test_source_weights_match_the_pinned_hash() -> None:
    assert (verify_source_model() / "model.safetensors").is_file()


def test_source_check_refuses_other_weights_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"not the pinned weights")
    with pytest.raises(ModelLoadError, match="model.safetensors"):
        verify_source_model(tmp_path)


def test_encoder_does_not_import_torch() -> None:
    code = (
        "import sys\n"
        "from screening.encoder import load_encoder\n"
        "load_encoder().encode(['hello world'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'torch', 'transformers', "
        "'sentence_transformers'}))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                         env={"PYTHONPATH": f"{root}:{root / 'queue'}", "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
