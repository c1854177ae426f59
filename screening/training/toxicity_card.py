"""The model card of ``models/toxicity/v2`` and the evaluation table, written from measured metrics."""

from __future__ import annotations

from typing import Any


def _row(name: str, m: dict[str, Any] | None, *fields: str) -> str:
    if not m:
        return f"| {name} | " + " | ".join("-" for _ in fields) + " |"
    return f"| {name} | " + " | ".join(str(m.get(f, "-")) for f in fields) + " |"


def metrics_table(metrics: dict[str, Any]) -> str:
    """Markdown table of the validation / held-out figures."""
    lines = [
        "| set | n | macro-F1 | precision | recall | accuracy |",
        "|---|---|---|---|---|---|",
    ]
    fields = ("n", "macro_f1", "precision", "recall", "accuracy")
    for key, name in (
        ("olid_val", "OLID validation: offensive or discriminatory flagged (positive = offensive)"),
        ("olid_val_offensive_head_only", "OLID validation: offensive head alone, no lexicon"),
        ("hateval_val", "HatEval validation: discriminatory"),
        ("hatemoji_val", "HatemojiBuild validation: discriminatory"),
        ("stormfront_val", "Stormfront sampled test split (used as validation): discriminatory"),
        ("workplace_heldout_offensive", "Workplace held-out drafts: offensive"),
        ("workplace_heldout_discriminatory", "Workplace held-out drafts: discriminatory"),
    ):
        lines.append(_row(name, metrics.get(key), *fields))
    lines += ["", "| false positives | n | flagged | rate |", "|---|---|---|---|"]
    for key, name in (
        ("corporate_clean_flagged", "Ordinary corporate posts (held out)"),
        ("workplace_heldout_fpr_identity_positive", "Identity mentioned neutrally or positively (workplace held-out)"),
        ("workplace_heldout_fpr_counter_speech", "Counter-speech quoting abuse to reject it (workplace held-out)"),
        ("workplace_heldout_fpr_hard_negative", "Technical vocabulary: kill switch, butt weld ... (held-out)"),
        ("workplace_heldout_fpr_banter", "Harmless banter (held-out)"),
        ("toxigen_neutral_val_fpr", "ToxiGen neutral sentences about protected groups (validation)"),
    ):
        lines.append(_row(name, metrics.get(key), "n", "flagged", "rate"))
    spans = metrics.get("toxic_spans_trial", {})
    char = metrics.get("workplace_heldout_characteristic_accuracy", {})
    lines += [
        "",
        f"- Toxic Spans 2021 trial, character-offset F1: **{spans.get('char_f1', '-')}** over "
        f"{spans.get('posts', '-')} posts (first method used per post: "
        + ", ".join(f"{k[7:]} {v}" for k, v in spans.items() if k.startswith("method_")) + ").",
        f"- Characteristic named correctly on flagged workplace held-out drafts: {char.get('accuracy', '-')} "
        f"(n={char.get('n', '-')}).",
    ]
    if "int8_vs_float" in metrics:
        q = metrics["int8_vs_float"]
        lines.append(
            f"- Encoder int8 vs float ONNX, same heads, no lexicon: OLID validation macro-F1 {q.get('olid_int8', '-')} vs "
            f"{q.get('olid_float', '-')}; HatEval {q.get('hateval_int8', '-')} vs {q.get('hateval_float', '-')}."
        )
    return "\n".join(lines)


# v1 (embedding-only heads + lexicon, thresholds 0.58 / 0.42), measured by `evaluate` at commit
# e344385 on the same validation / held-out splits; the corporate-clean row re-measured on the 420
# posts of data/corporate/clean.jsonl (v1's own card used 50 posts, 0 flagged).
V1_SHIPPED = {
    "olid_val_offensive": {"macro_f1": 0.6488, "recall": 0.7495, "precision": 0.5029},
    "workplace_heldout_offensive": {"macro_f1": 0.7962, "recall": 0.62, "precision": 0.7949},
    "hateval_val_discriminatory": {"macro_f1": 0.6906, "recall": 0.7283, "precision": 0.6195},
    "hatemoji_val_discriminatory": {"macro_f1": 0.5331, "recall": 0.6296, "precision": 0.4928},
    "workplace_heldout_discriminatory": {"macro_f1": 0.719, "recall": 0.3864, "precision": 0.8947},
}
V1_OTHER = {"toxic_spans_char_f1": 0.6275, "corporate_clean_flagged": "3 / 420"}


def comparison_table(metrics: dict[str, Any]) -> str:
    comparison = metrics.get("comparison", {})
    base, emb = comparison.get("tfidf_baseline", {}), comparison.get("embedding_heads_only", {})
    lines = ["| check (macro-F1 / recall / precision) | TF-IDF char 2-5 + LR | v1 (MiniLM heads + lexicon) "
             "| v2 stacked heads alone | v2 stacked heads + lexicon (shipped) |",
             "|---|---|---|---|---|"]
    shipped = {
        "olid_val_offensive": metrics.get("olid_val"),
        "workplace_heldout_offensive": metrics.get("workplace_heldout_offensive"),
        "hateval_val_discriminatory": metrics.get("hateval_val"),
        "hatemoji_val_discriminatory": metrics.get("hatemoji_val"),
        "workplace_heldout_discriminatory": metrics.get("workplace_heldout_discriminatory"),
    }
    for key, current in shipped.items():
        def cell(m: dict[str, Any] | None) -> str:
            return f"{m['macro_f1']} / {m['recall']} / {m['precision']}" if m else "-"
        lines.append(f"| {key} | {cell(base.get(key))} | {cell(V1_SHIPPED.get(key))} | {cell(emb.get(key))} "
                     f"| {cell(current)} |")
    spans = metrics.get("toxic_spans_trial", {}).get("char_f1", "-")
    clean = metrics.get("corporate_clean_flagged", {})
    lines.append(f"| Toxic Spans trial char F1 | - | {V1_OTHER['toxic_spans_char_f1']} | - | {spans} |")
    lines.append(f"| corporate clean posts flagged | - | {V1_OTHER['corporate_clean_flagged']} | - "
                 f"| {clean.get('flagged', '-')} / {clean.get('n', '-')} |")
    return "\n".join(lines)


def targets_table(metrics: dict[str, Any]) -> str:
    def get(key: str, field: str) -> float:
        return float(metrics.get(key, {}).get(field, float("nan")))

    rows = [
        ("OLID macro-F1 (offensive or discriminatory) >= 0.80", get("olid_val", "macro_f1"), 0.80, True),
        ("HatEval macro-F1 (discriminatory) >= 0.55", get("hateval_val", "macro_f1"), 0.55, True),
        ("Toxic Spans character F1 >= 0.60", get("toxic_spans_trial", "char_f1"), 0.60, True),
        ("Workplace offensive recall >= 0.85", get("workplace_heldout_offensive", "recall"), 0.85, True),
        ("Workplace offensive precision >= 0.80", get("workplace_heldout_offensive", "precision"), 0.80, True),
        ("Workplace discriminatory recall >= 0.85", get("workplace_heldout_discriminatory", "recall"), 0.85, True),
        ("Workplace discriminatory precision >= 0.80", get("workplace_heldout_discriminatory", "precision"), 0.80,
         True),
        ("Ordinary corporate posts flagged < 5%", get("corporate_clean_flagged", "rate"), 0.05, False),
    ]
    lines = ["| target | measured | met |", "|---|---|---|"]
    for name, value, bar, higher in rows:
        met = value >= bar if higher else value < bar
        lines.append(f"| {name} | {value:.4f} | {'yes' if met else '**no**'} |")
    return "\n".join(lines)


def model_card(thresholds: dict[str, float], metrics: dict[str, Any]) -> str:
    rows = metrics.get("training_rows", {})
    data_rows = ", ".join(f"{k} {v}" for k, v in sorted(rows.items()))
    return f"""# Toxicity heads: offensive and discriminatory (`toxicity/v2`)

Detectors `offensive.minilm.v1` and `discriminatory.minilm.v1` (`screening/detectors/`; registered
names unchanged so policies keep working, detector `version` "2").

## What it is
Three calibrated logistic-regression heads (scikit-learn `CalibratedClassifierCV`, sigmoid;
`screening/toxicity/heads.py`; saved with skops, loaded with an explicit list of trusted types):

- `offensive.skops`: P(offensive): insults, profanity, harassment, mockery, threats, sexual content;
- `discriminatory.skops`: P(demeans people for an Equality Act 2010 protected characteristic);
  both are `TextEmbeddingLogisticRegression`: one scikit-learn `Pipeline` of a `ColumnTransformer`
  (TF-IDF of hashed character 2-5-grams (`char_wb`, 2^18 columns) and word 1-2-grams (2^17) of the draft text,
  plus the standardised all-MiniLM-L6-v2 sentence embedding (`models/encoder/minilm-l6-int8-v1`,
  ONNX int8) weighted 0.1) and `LogisticRegression(C=4, liblinear)`;
- `characteristic.skops`: which characteristic (age, disability, gender_reassignment,
  marriage_civil_partnership, pregnancy_maternity, race, religion, sex, sexual_orientation), on the
  embedding alone (standardised dimensions + `LogisticRegression(C=0.05)`).

The two stacked heads are fitted once on 90% of the training rows and sigmoid-calibrated on the
other 10% (over the frozen head; which rows calibrate is drawn with a fixed seed): 3-fold
calibration took over ten minutes per head on the shared host. Every file here (the three heads,
the lexicon, the thresholds, this card and `metadata.json`) is written by `screening train toxicity`
from `data/`; nothing is carried over from an earlier artefact.

Around them (`screening/toxicity/`):
- `lexicon.json`: {metrics.get('lexicon_terms', {}).get('seed', '-')} terms from a hand-curated seed list (`data/lexicon/seed.json`: profanity, insults, threats,
  sexual terms, slurs with their characteristic) plus weak span words learned from the Toxic Spans
  training posts ({metrics.get('lexicon_terms', {}).get('toxic_spans', '-')} words inside the marked span at least 45% of the times they occur, seen 8+ times).
  Matching undoes leetspeak (`sh1t`, `a$$`), masking (`f*cking`, `c#nt`), spaced or dotted letters
  (`f u c k`, `f.u.c.k`) and stretched letters, on whole tokens only (`Scunthorpe`, `assist` do not match).
- Scoring (`assess.py`): a disguised strong term is re-scored on the de-obfuscated text; a strong
  obscenity lifts the offensive score to at least 0.6, a slur lifts both scores to at least 0.85.
  `Detection.scores` carries this score even when it is under the threshold.
- Spans (`spans.py`): lexicon matches, else leave-one-out attribution over words with the encoder,
  else the highest-scoring sentence. Discriminatory findings point at a slur, else the sentence.
- `identity.json`: words naming each protected group, used only to name the characteristic.

## Intended use
Flagging staff social-media drafts for human review under policy s.3.2(b) and (c). A flag is a
prompt for a reviewer, not a verdict. Not for moderating the public, and not for any decision about
a person.

## Thresholds (chosen on validation data; also set in `screening/policy/default.yaml`)
- offensive: **{thresholds['offensive']}** (maximises mean macro-F1 over OLID validation and the workplace validation drafts)
- discriminatory: **{thresholds['discriminatory']}** (maximises mean macro-F1 over HatEval validation and the workplace validation drafts)
- The workplace held-out drafts were never used to choose anything.
- Severity: low below 0.7, medium below 0.85, high from 0.85 (threats at least medium).

## Data
See `data/README.md` for sources and licences. Rows per source/split: {data_rows}.
Labels a source does not give are left out of that head (HatEval says nothing about offensiveness).
Workplace drafts (`train.jsonl` and the templated `train_extra.jsonl`, see `data/workplace/README.md`)
are weighted 40x (10x left v1's held-out workplace recall at 0.56). Stormfront is CC BY-SA 3.0 ES (share-alike): the learned weights
are arguably a derivative; treat the heads as CC BY-SA-compatible when redistributing.

## Metrics (validation and held-out data; the public test sets are held out elsewhere)
{metrics_table(metrics)}

### v1 vs v2 vs a TF-IDF baseline (same validation / held-out splits)
The TF-IDF baseline column (character 2-5-grams + LR, no embedding, no lexicon) is refitted by the
same training run on the same data and scored at v2's thresholds; the v1 column is v1's shipped
figures; "v2 stacked heads alone" leaves out the lexicon and de-obfuscation.
{comparison_table(metrics)}

## Against the project's targets (validation / held-out proxies)
{targets_table(metrics)}

OLID macro-F1 stays well under 0.80: OLID's labels (any profanity in a tweet counts as offensive)
and the frozen encoder limit linear heads; a fine-tuned transformer is the next step there.

## Limitations
- Subtle workplace discrimination (biased job adverts, stereotypes without slurs) is often scored
  under the threshold: held-out recall above. The score still ranks the biased wording above a
  neutral rewording (tested), so a lower `discriminatory.threshold` trades precision for recall.
- A hateful sentence inside a longer friendly post can be diluted below the threshold, because the
  head reads one embedding of the whole post.
- English only. Other languages get the lexicon (which is language-neutral for slurs and
  obscenities) and an English-trained head of unknown quality; findings on non-English drafts
  say so and their severity is capped at medium.
- Public training data is US tweets and forums: British workplace slang and irony are covered only
  by the few hundred hand-written workplace drafts. Sarcasm without insulting words is the weakest area.
- Reclaimed slurs, quoted abuse and reporting of abuse can still be flagged; reviewers decide.
- Identity words alone are not findings, but posts about protected groups in heated language are
  flagged more often (see the false-positive table).
- Int8 encoder: scores were trained and calibrated on the int8 encoder's embeddings; do not swap
  encoders without retraining. For v1 the int8 vs float ONNX effect on the embedding-only heads was
  small (OLID 0.6848 vs 0.6784, HatEval 0.6906 vs 0.6921); v2 leans less on the embedding.
- v2 against v1: more neutral ToxiGen sentences about protected groups are flagged (11/53 vs 4/53)
  and counter-speech is flagged more (2/5 vs 1/5); sexual innuendo without sexual words ("lay my
  pipes") scores just under the offensive threshold (0.30 vs 0.32).
- The templated workplace training drafts repeat openings and phrases; held-out drafts use different
  wording, but the workplace held-out set is small (124 drafts), so its figures move by several
  points per draft group.

## Rebuild
`nice -n 10 screening train toxicity` writes this folder (`--models-dir DIR` writes `DIR/toxicity/v2`
instead; `python -m screening.training.toxicity train` is the same). 2.5 to 6 minutes on two
shared cores (depending on their other load) with the embedding cache in `var/cache/embeddings/`;
without it the first run encodes ~76k texts, about 4.5 minutes more. Reruns on the same data and embedding cache give identical
probabilities, thresholds and figures, but not identical `.skops` bytes (skops names the arrays it
stores by Python object id): compare two builds by their scores, not their file hashes
(`tests/screening/training/test_toxicity_training.py` trains a small copy end to end).
`python -m screening.training.workplace_drafts` rewrites
`train_extra.jsonl`. `screening evaluate toxicity` (or `python -m screening.training.toxicity
evaluate --report-dir reports`) re-measures the shipped artefact.
"""
