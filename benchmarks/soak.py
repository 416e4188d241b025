"""Soak: ingest 2,000 generated articles of which 5% are corrupted; report what was ingested and rejected and why,
and the store's PRAGMA integrity_check.

Run: .venv/bin/python benchmarks/soak.py [--n 2000 --corrupt 0.05 --no-model]  ->  benchmarks/results/soak.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

from benchmarks.corpus import write
from extractors.pipeline import Extractor
from graph.runner import add_paths
from graph.store import Store

RESULTS = Path(__file__).with_name("results")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--corrupt", type=float, default=0.05)
    ap.add_argument("--no-model", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        kinds = write(Path(tmp) / "in", args.n, corrupt=args.corrupt)
        start = time.perf_counter()
        with Store(Path(tmp) / "soak.db") as store:
            report = add_paths([Path(tmp) / "in"], store, Extractor(model=None if args.no_model else "default"))
            integrity = store.integrity()
            stored = store.documents()
            G = store.graph()
        seconds = time.perf_counter() - start
    reasons = Counter(p.message.split(":")[0] for p in report.problems)
    result = {
        "files": args.n,
        "generated": kinds,
        "ingested_articles": report.articles,
        "stored_documents": stored,
        "rejected": len(report.problems),
        "rejected_by_reason": dict(sorted(reasons.items())),
        "integrity_check": integrity,
        "graph": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()},
        "seconds": round(seconds, 1),
        "words_per_s": round(report.words / seconds),
        "model": not args.no_model,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "soak.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
