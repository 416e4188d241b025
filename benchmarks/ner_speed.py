"""NER throughput of one process: words per second over at least 20,000 words of Arabic text, and model load time.

The text is the ANERcorp test split (25,008 tokens), tagged as `alaqat eval-ner` does, and the two bundled articles
run through the whole extraction pipeline (mentions, entities, relations) in batches, as `alaqat build` runs it.

Run: .venv/bin/python benchmarks/ner_speed.py [--model PATH]  ->  benchmarks/results/ner_speed.json
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    start = time.perf_counter()
    from extractors.ner.model import load_model, tag_sentences

    nlp = load_model(args.model)
    load_s = time.perf_counter() - start

    from extractors.ner.corpus import read_conll

    sentences = [w for w, _ in read_conll(ROOT / "data/ner/ANERcorp/ANERCorp_CamelLab_test.reconstructed.txt")]
    words = sum(len(s) for s in sentences)
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        tag_sentences(nlp, sentences)
        best = min(best, time.perf_counter() - start)

    from extractors.inputs import read_inputs
    from extractors.pipeline import Extractor

    extractor = Extractor(model=nlp)
    docs = [d for d in read_inputs([ROOT / "data/articles"])] * 10
    article_words = sum(len(d.text.split()) for d in docs)
    start = time.perf_counter()
    for i in range(0, len(docs), 32):
        extractor.many(docs[i : i + 32])
    pipeline_s = time.perf_counter() - start

    report = {
        "model": str(args.model or "data/models/ar_alaqat_ner"),
        "model_load_s": round(load_s, 2),
        "ner_words": words,
        "ner_words_per_s": round(words / best),
        "pipeline_words": article_words,
        "pipeline_words_per_s": round(article_words / pipeline_s),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ner_speed.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
