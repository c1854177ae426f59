"""The shipped toxicity artefact: verified by hash, thresholds present, heads give probabilities."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from screening.artefacts import models_root
from screening.encoder import load_encoder
from screening.errors import ModelLoadError
from screening.toxicity.model import ARTEFACT_NAME, ARTEFACT_VERSION, load_toxicity_model
from screening.training import TRAINERS

pytestmark = pytest.mark.model


@pytest.fixture
def artefact_copy(tmp_path: Path) -> Path:
    shutil.copytree(models_root() / ARTEFACT_NAME / ARTEFACT_VERSION, tmp_path / ARTEFACT_NAME / ARTEFACT_VERSION)
    return tmp_path


@pytest.mark.parametrize("filename", ["offensive.skops", "discriminatory.skops", "characteristic.skops", "lexicon.json"])
def test_toxicity_model_refuses_a_changed_file_naming_it(artefact_copy: Path, filename: str) -> None:
    path = artefact_copy / ARTEFACT_NAME / ARTEFACT_VERSION / filename
    path.write_bytes(path.read_bytes() + b" ")
    with pytest.raises(ModelLoadError, match=filename):
        load_toxicity_model(root=artefact_copy)


def test_toxicity_model_heads_give_probabilities_that_separate_abuse_from_news() -> None:
    model = load_toxicity_model()
    texts = [
        "You are a pathetic idiot and everyone hates you.",
        "Immigrants are parasites and should be sent back.",
        "Open day is on Saturday from 10am to 3pm.",
    ]
    embeddings = load_encoder().encode(texts)
    offensive = model.offensive_proba(texts, embeddings)
    discriminatory = model.discriminatory_proba(texts, embeddings)
    assert np.all((offensive >= 0) & (offensive <= 1))
    assert offensive[0] > model.thresholds.offensive > offensive[2]
    assert discriminatory[1] > model.thresholds.discriminatory > discriminatory[2]
    assert model.characteristics[int(np.argmax(model.characteristic_proba(embeddings[1:2])))] == "race"


def test_toxicity_trainer_is_registered_with_train_and_evaluate() -> None:
    module = importlib.import_module(TRAINERS["toxicity"])
    assert callable(module.train) and callable(module.evaluate)
