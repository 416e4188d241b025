"""Time to add one article to stores of 100, 1,000 and 10,000 articles (synthetic articles from the bundled ones).

Each synthetic article is a bundled article's extraction with a new id and its names replaced by numbered ones,
so that the store grows like a real archive. The time measured is the store's part of `alaqat add` (the
transaction that writes one article); extraction time does not depend on the store.

Run: .venv/bin/python benchmarks/store_add.py   ->  benchmarks/results/store_add.json
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from extractors.inputs import read_inputs
from extractors.pipeline import Extractor
from extractors.records import Extraction
from graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results")


def variant(base: Extraction, n: int) -> Extraction:
    """A copy of ``base`` that is a distinct article: new id, new text, numbered entity names."""
    doc = base.document.model_copy(update={"id": f"{base.document.id}-{n:06d}", "text": f"{base.document.text}\n{n}"})
    entities = tuple(
        e.model_copy(update={"label": f"{e.label} {n % 997}", "key": f"{e.key} {n % 997}", "canonical": None})
        for e in base.entities
    )
    return base.model_copy(update={"document": doc, "entities": entities})


def main() -> None:
    extractor = Extractor(model=None)
    bases = [extractor(d) for d in read_inputs([ROOT / "data" / "articles"])]
    sizes = (100, 1_000, 10_000)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        count = 0
        for size in sizes:
            while count < size:
                store.add(variant(bases[count % len(bases)], count))
                count += 1
            times = []
            for k in range(30):
                ex = variant(bases[k % len(bases)], 10_000_000 + size * 100 + k)
                start = time.perf_counter()
                store.add(ex)
                times.append((time.perf_counter() - start) * 1000)
                store.db.execute("DELETE FROM documents WHERE id = ?", (ex.document.id,))
            results[str(size)] = {"add_ms_p50": round(statistics.median(times), 3),
                                  "add_ms_p95": round(sorted(times)[28], 3)}
        start = time.perf_counter()
        G = store.graph()
        export_s = time.perf_counter() - start
        store.close()
    ratio = results["10000"]["add_ms_p50"] / results["100"]["add_ms_p50"]
    report = {"add_one_article": results, "ratio_10000_vs_100": round(ratio, 2),
              "log_growth_bound": round(__import__("math").log(10_000) / __import__("math").log(100), 2),
              "graph_from_10000_articles_s": round(export_s, 1), "nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "store_add.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
