"""Training and validation data for the offensive and discriminatory heads, in one typed table.

Every source in ``data/external/`` (copied from the shared datasets with their licences) and the
project's own ``data/workplace/`` is read into ``Example`` rows with three labels, each ``None``
where the source says nothing about it:

- ``offensive``: insult, profanity, harassment, threat, sexual content (1) or not (0);
- ``discriminatory``: demeans people for an Equality Act 2010 protected characteristic (1) or not (0);
- ``characteristic``: which characteristic (one of ``CHARACTERISTICS``) when discriminatory.

Sources without a validation split get a deterministic one (hash of the text), so reruns agree.
Embeddings of every text are cached under ``var/cache/embeddings/`` (git-ignored): encoding the
~85k texts once takes minutes on two cores; afterwards retraining takes seconds.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

# Equality Act 2010 s.4 protected characteristics, as finding labels.
CHARACTERISTICS = (
    "age",
    "disability",
    "gender_reassignment",
    "marriage_civil_partnership",
    "pregnancy_maternity",
    "race",
    "religion",
    "sex",
    "sexual_orientation",
)

Split = str  # "train" | "val" | "heldout"


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text. ``None`` labels are unknown for this source and excluded from that head."""

    text: str
    source: str
    split: Split
    offensive: int | None = None
    discriminatory: int | None = None
    characteristic: str | None = None
    kind: str = ""


def hash_split(text: str, val_share: float) -> Split:
    """``"val"`` for about ``val_share`` of texts, ``"train"`` for the rest, fixed by the text's sha1."""
    bucket = int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "val" if bucket < val_share else "train"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _tweeteval(folder: Path, source: str, label: str) -> Iterator[Example]:
    """A TweetEval folder (``{train,val}_text.txt`` beside ``{train,val}_labels.txt``), its 0/1 label as ``label``."""
    for split in ("train", "val"):
        texts = _lines(folder / f"{split}_text.txt")
        labels = _lines(folder / f"{split}_labels.txt")
        for text, value in zip(texts, labels, strict=True):
            yield Example(text.strip(), source, split, **{label: int(value)})


def load_olid(folder: Path) -> Iterator[Example]:
    """OLID sub-task A via TweetEval: offensive (any offensive language, targeted or not)."""
    return _tweeteval(folder, "olid", "offensive")


def load_hateval(folder: Path) -> Iterator[Example]:
    """HatEval 2019 via TweetEval: hate against immigrants (race) or women (sex); target not given."""
    return _tweeteval(folder, "hateval", "discriminatory")


def load_davidson(folder: Path) -> Iterator[Example]:
    """Davidson 2017: hate (both labels), offensive (discriminatory unknown: many are sexist), neither."""
    import pandas as pd

    frame = pd.read_csv(folder / "labeled_data.csv")
    for text, cls in zip(frame["tweet"], frame["class"], strict=True):
        text = str(text)
        split = hash_split(text, 0.1)
        if cls == 0:
            yield Example(text, "davidson", split, offensive=1, discriminatory=1)
        elif cls == 1:
            yield Example(text, "davidson", split, offensive=1)
        else:
            yield Example(text, "davidson", split, offensive=0, discriminatory=0)


def load_toxic_spans(folder: Path, split: str = "train") -> list[tuple[str, list[int]]]:
    """Toxic Spans 2021 posts with their toxic character offsets (``split``: train or trial)."""
    import pandas as pd

    frame = pd.read_csv(folder / f"tsd_{split}.csv")
    return [(str(t), list(ast.literal_eval(s))) for s, t in zip(frame["spans"], frame["text"], strict=True)]


def toxic_span_examples(folder: Path) -> Iterator[Example]:
    """Toxic Spans posts with a marked span: Civil Comments insults, offensive by construction."""
    for text, spans in load_toxic_spans(folder, "train"):
        if spans:
            yield Example(text, "toxic_spans", hash_split(text, 0.1), offensive=1)


_HATEMOJI_TARGETS = {
    "race": ("bla", "asi", "arab", "immig", "ref", "trav", "hisp", "ethmin", "mix.race", "african", "nat.",
             "indig", "for", "ind", "asy", "abo", "mex", "europe", "wc"),
    "religion": ("mus", "jew", "sikh", "hind"),
    "sex": ("wom",),
    "disability": ("dis",),
    "sexual_orientation": ("gay", "lgbtqa", "bis"),
    "gender_reassignment": ("trans",),
}


def _hatemoji_characteristic(targets: list[str]) -> str | None:
    for target in targets:
        # Order matters: "muswom" is religion, "blawom" race; plain "wom" is sex.
        for characteristic, prefixes in _HATEMOJI_TARGETS.items():
            if target != "wom" and characteristic == "sex":
                continue
            if any(target.startswith(p) for p in prefixes):
                return characteristic
    return None


def load_hatemoji(folder: Path) -> Iterator[Example]:
    """HatemojiBuild: adversarial identity hate with emoji; ``target`` gives the group."""
    import pandas as pd

    for split, name in (("train", "train.csv"), ("val", "validation.csv")):
        frame = pd.read_csv(folder / name)
        for text, label, target in zip(frame["text"], frame["label_gold"], frame["target"], strict=True):
            characteristic = _hatemoji_characteristic(ast.literal_eval(target)) if label == 1 else None
            yield Example(str(text), "hatemoji", split, discriminatory=int(label), characteristic=characteristic)


_CONVABUSE_TYPES = {
    "ableist": "disability",
    "homophobic": "sexual_orientation",
    "racist": "race",
    "sexist": "sex",
    "transphobic": "gender_reassignment",
}


def _is_one(value: object) -> bool:
    # The CSV mixes numbers and strings in the annotation columns; empty cells are NaN.
    try:
        return float(value) == 1.0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def load_convabuse(folder: Path) -> Iterator[Example]:
    """ConvAbuse: users' messages to chatbots, majority of annotators on abuse and its type."""
    import pandas as pd

    for split, name in (("train", "train.csv"), ("val", "valid.csv")):
        frame = pd.read_csv(folder / name)
        annotators = sorted({c.split("_")[0] for c in frame.columns if c.startswith("Annotator")})
        for _, row in frame.iterrows():
            text = str(row["user"])
            votes, abusive = 0, 0
            types = {t: 0 for t in (*_CONVABUSE_TYPES, "sex_harassment", "intellectual")}
            for a in annotators:
                if not any(_is_one(row.get(f"{a}_is_abuse.{s}")) for s in (1, 0, -1, -2, -3)):
                    continue
                votes += 1
                if any(_is_one(row.get(f"{a}_is_abuse.{s}")) for s in (-1, -2, -3)):
                    abusive += 1
                for t in types:
                    if _is_one(row.get(f"{a}_{t}")):
                        types[t] += 1
            if votes == 0 or text == "nan":
                continue
            offensive = int(abusive * 2 > votes)
            found = [t for t in _CONVABUSE_TYPES if types[t] * 2 > votes]
            discriminatory = int(offensive == 1 and bool(found))
            characteristic = _CONVABUSE_TYPES[found[0]] if discriminatory else None
            yield Example(text, "convabuse", split, offensive=offensive, discriminatory=discriminatory,
                          characteristic=characteristic)


_TOXIGEN_GROUPS = {
    "disability": "disability", "race": "race", "nationality": "race", "religion": "religion",
    "sexual_orientation": "sexual_orientation",
}


def load_toxigen(folder: Path) -> Iterator[Example]:
    """ToxiGen human-written demonstrations: implicit identity hate, and neutral mentions of the same groups."""
    for path in sorted((folder / "demonstrations").glob("*/*.txt")):
        hateful = path.name.startswith("hate_")
        characteristic = _TOXIGEN_GROUPS[path.parent.name]
        if "jewish" in path.name:
            characteristic = "religion"
        for line in _lines(path):
            text = line.strip().lstrip("-").strip()
            if not text:
                continue
            yield Example(text, "toxigen", hash_split(text, 0.2), offensive=None if hateful else 0,
                          discriminatory=int(hateful), characteristic=characteristic if hateful else None)


_MLMA_TARGETS = {
    "origin": "race", "gender": "sex", "sexual_orientation": "sexual_orientation",
    "religion": "religion", "disability": "disability",
}


def load_mlma(folder: Path) -> Iterator[Example]:
    """MLMA English: hostile tweets with the targeted attribute; used for hateful ones and the characteristic."""
    import pandas as pd

    frame = pd.read_csv(folder / "en_dataset_with_stop_words.csv")
    for text, sentiment, target in zip(frame["tweet"], frame["sentiment"], frame["target"], strict=True):
        text = str(text)
        labels = set(str(sentiment).split("_"))
        if "hateful" not in labels or target not in _MLMA_TARGETS:
            continue
        yield Example(text, "mlma", hash_split(text, 0.1), discriminatory=1, characteristic=_MLMA_TARGETS[target])


def load_stormfront(folder: Path) -> Iterator[Example]:
    """Stormfront sentences (CC BY-SA 3.0 ES): hate / noHate; the sampled test split is our validation."""
    import pandas as pd

    frame = pd.read_csv(folder / "vicomtech_stormfront_sentences.csv")
    for text, label, split in zip(frame["text"], frame["label"], frame["split_sampled"], strict=True):
        if label not in ("hate", "noHate"):
            continue
        yield Example(str(text), "stormfront", "val" if split == "test" else "train",
                      discriminatory=int(label == "hate"))


# Reviewers' decisions added by `screening retrain-from-decisions` (never shipped in data/): training
# rows only, read last so a decision on a draft that is already a validation or held-out row is dropped.
DECISIONS_FILE = "reviewer_decisions.jsonl"


def load_workplace(folder: Path) -> Iterator[Example]:
    """The project's workplace drafts: ``train.jsonl`` and ``train_extra.jsonl`` (train/val by hash), ``heldout.jsonl``,
    and reviewers' decisions (``DECISIONS_FILE``, training only) when a retraining run wrote them."""
    for name in ("train.jsonl", "train_extra.jsonl", "heldout.jsonl", "clean_corporate.jsonl", DECISIONS_FILE):
        path = folder / name
        if not path.is_file():
            continue
        for line in _lines(path):
            if not line.strip():
                continue
            row = json.loads(line)
            if name == DECISIONS_FILE:
                split = "train"
            else:
                split = hash_split(row["text"], 0.15) if name.startswith("train") else "heldout"
            yield Example(row["text"], "workplace", split, offensive=row["offensive"],
                          discriminatory=row["discriminatory"], characteristic=row.get("characteristic"),
                          kind=row.get("kind", ""))


def load_corporate_clean(data_dir: Path) -> list[str]:
    """Ordinary corporate posts (another helper's ``data/corporate/clean.jsonl`` when present)."""
    path = data_dir / "corporate" / "clean.jsonl"
    if path.is_file():
        return [json.loads(line)["text"] for line in _lines(path) if line.strip()]
    own = data_dir / "workplace" / "clean_corporate.jsonl"
    return [json.loads(line)["text"] for line in _lines(own) if line.strip()]


def load_all(data_dir: Path) -> list[Example]:
    """Every example from every source, deduplicated on (source, text)."""
    ext = data_dir / "external"
    loaders: list[Iterable[Example]] = [
        load_olid(ext / "olid-2019"),
        load_hateval(ext / "hateval-2019"),
        load_davidson(ext / "davidson-2017"),
        toxic_span_examples(ext / "toxic-spans-2021"),
        load_hatemoji(ext / "hatemoji-build"),
        load_convabuse(ext / "convabuse"),
        load_toxigen(ext / "toxigen"),
        load_mlma(ext / "mlma"),
        load_stormfront(ext / "stormfront"),
        load_workplace(data_dir / "workplace"),
    ]
    seen: set[tuple[str, str]] = set()
    examples = []
    for loader in loaders:
        for example in loader:
            key = (example.source, example.text)
            if example.text and key not in seen:
                seen.add(key)
                examples.append(example)
    return examples


def data_sha256(data_dir: Path) -> str:
    """One hash over every training file, for the artefacts' metadata."""
    digest = hashlib.sha256()
    for folder in (data_dir / "external", data_dir / "workplace"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(data_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class EmbeddingCache:
    """Sentence embeddings keyed by the sha1 of the text, persisted as one ``.npz`` per encoder version."""

    def __init__(self, folder: Path, encoder_version: str) -> None:
        self.path = folder / f"{encoder_version}.npz"
        self._index: dict[str, int] = {}
        self._vectors = np.zeros((0, 384), dtype=np.float32)
        if self.path.is_file():
            stored = np.load(self.path, allow_pickle=False)
            self._vectors = stored["vectors"]
            self._index = {k: i for i, k in enumerate(stored["keys"].tolist())}

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def embed(self, texts: list[str], save_every: int = 5000) -> np.ndarray:
        """Embeddings of ``texts`` (encoding, and saving, only those not cached yet)."""
        from screening.encoder import load_encoder

        keys = [self.key(t) for t in texts]
        missing: dict[str, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in self._index:
                missing.setdefault(k, t)
        if missing:
            logger.info("encoding %d texts not in the embedding cache", len(missing))
            encoder = load_encoder()
            items = list(missing.items())
            for offset in range(0, len(items), save_every):
                chunk = items[offset : offset + save_every]
                vectors = encoder.encode([t for _, t in chunk])
                start = len(self._vectors)
                self._vectors = np.vstack([self._vectors, vectors])
                for i, (k, _) in enumerate(chunk):
                    self._index[k] = start + i
                self._save()
                logger.info("encoded %d/%d", offset + len(chunk), len(items))
        return self._vectors[[self._index[k] for k in keys]]

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(sorted(self._index, key=self._index.__getitem__))
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vectors=self._vectors)
        tmp.replace(self.path)
