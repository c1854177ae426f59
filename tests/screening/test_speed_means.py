"""The pre-check's speed means keep their behaviour: torch stays out, language ids, the draft cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from screening.errors import ConfigError
from screening.nlp import detect_language, detect_languages

REPO = Path(__file__).resolve().parents[2]


def _python(code: str, **env: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env})
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.model
def test_loading_the_screener_keeps_torch_out_yet_torch_stays_importable() -> None:
    out = _python(
        "import sys; from screening import Screener; Screener.load(); print('torch' in sys.modules); "
        "import thinc.compat; print(thinc.compat.has_torch); import torch; print(torch.__name__)",
        SCREENING_ALLOW_TORCH="0",
    )
    assert out.splitlines() == ["False", "False", "torch"]


@pytest.mark.model
def test_allow_torch_switch_imports_spacy_the_ordinary_way() -> None:
    out = _python("import sys, screening.pipeline; print('torch' in sys.modules)", SCREENING_ALLOW_TORCH="1")
    assert out == "True"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks to everyone who came to the open day today!", "en"),
        ("Merci à tous d'être venus à la journée portes ouvertes aujourd'hui.", "fr"),
        ("Danke an alle, die heute zum Tag der offenen Tür gekommen sind.", "de"),
        ("Gracias a todos los que vinieron hoy a la jornada de puertas abiertas.", "es"),
        ("Diolch i bawb a ddaeth i'r diwrnod agored heddiw.", "cy"),
        ("Hi all", "en"),
        ("🎉🎉 !!!", "und"),
    ],
)
def test_language_of_a_draft(text: str, expected: str) -> None:
    assert detect_language(text) == expected
    assert detect_languages([text, text]) == [expected, expected]


def test_unknown_language_accuracy_setting_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from screening import nlp

    monkeypatch.setenv("SCREENING_LANGUAGE_ACCURACY", "medium")
    nlp._language_detector.cache_clear()
    try:
        with pytest.raises(ConfigError, match="SCREENING_LANGUAGE_ACCURACY='medium'"):
            nlp.detect_language("A sentence long enough to need the language detector.")
    finally:
        monkeypatch.delenv("SCREENING_LANGUAGE_ACCURACY")
        nlp._language_detector.cache_clear()


@pytest.mark.model
def test_identical_drafts_get_the_result_they_get_alone(screener) -> None:
    drafts = ["Email jo.bloggs@example.com about the open day.", "See you on Saturday!"]
    alone = [screener.screen(d) for d in drafts]
    screener._cache.clear()
    batch = screener.screen_many([drafts[0], drafts[1], drafts[0], drafts[0]])
    assert [r.to_dict() for r in batch] == [alone[0].to_dict(), alone[1].to_dict()] + [alone[0].to_dict()] * 2
    assert batch[0] is batch[2] is batch[3]
    assert screener.screen(drafts[0]) is batch[0]  # the cache answers a repeat


@pytest.mark.model
def test_the_shared_pass_splits_sentences_without_parsing_and_parse_matches_a_full_pass() -> None:
    from screening.nlp import SPACY_MODEL, import_spacy, load_spacy, parse

    nlp = load_spacy()
    assert "senter" in nlp.pipe_names and "parser" not in nlp.pipe_names
    text = ("Everyone knows Dave Smith from the welding course has been stealing. He sold the copper. "
            "Our open day is on Friday.")
    doc = nlp(text)
    assert not doc.has_annotation("DEP") and len(list(doc.sents)) == 3
    parse([doc])
    full = import_spacy().load(SPACY_MODEL, exclude=["lemmatizer"])(text)
    assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in full]
    assert [s.text for s in doc.sents] == [s.text for s in full.sents]


@pytest.mark.model
def test_the_fast_attribute_ruler_annotates_exactly_like_the_models() -> None:
    import json

    from screening.nlp import SPACY_MODEL, import_spacy, load_spacy

    spacy = import_spacy()
    reference = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])
    reference.disable_pipe("parser")
    reference.enable_pipe("senter")
    shared = load_spacy()
    assert "fast_attribute_ruler" in shared.pipe_names and "attribute_ruler" not in shared.pipe_names
    texts = [json.loads(line)["text"] for line in (REPO / "data/defamation/heldout.jsonl").read_text().splitlines()]
    texts += ["I ain't gonna do it, we gotta go", "   spaced   out  ", "Hello\n\n world", "i said no"]
    compared = 0
    for a, b in zip(reference.pipe(texts), shared.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            assert (x.tag_, x.pos_, str(x.morph), x.lemma_) == (y.tag_, y.pos_, str(y.morph), y.lemma_), x.text
            compared += 1
    assert compared > 5000


@pytest.mark.model
def test_the_fast_attribute_ruler_applies_the_dependency_rules_after_a_parse() -> None:
    import json

    from screening.attribute_ruler import install
    from screening.nlp import SPACY_MODEL, import_spacy

    spacy = import_spacy()
    reference = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])  # the parser runs before the attribute ruler
    fast = spacy.load(SPACY_MODEL, exclude=["lemmatizer"])
    install(fast)
    texts = [json.loads(line)["text"] for line in (REPO / "data/defamation/heldout.jsonl").read_text().splitlines()]
    texts += ["There are two of them and I told you it is done.", "It was him who did it, but I ain't sure."]
    changed_by_parse = 0
    for a, b in zip(reference.pipe(texts), fast.pipe(texts), strict=True):
        for x, y in zip(a, b, strict=True):
            assert (x.tag_, x.pos_, str(x.morph), x.lemma_, x.dep_) == (y.tag_, y.pos_, str(y.morph), y.lemma_, y.dep_)
            changed_by_parse += x.dep_ in {"aux", "auxpass", "mark", "expl", "nsubj"}
    assert changed_by_parse > 500  # the dependency rules really had tokens to act on
