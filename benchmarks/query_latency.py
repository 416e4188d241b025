"""Query latency on a generated graph (default 100,000 nodes and 500,000 edges): p50 and p95 per query.

Run: .venv/bin/python benchmarks/query_latency.py [--nodes N --edges M --queries Q]
Writes benchmarks/results/query_latency.json.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

import networkx as nx

from extractors.records import RELATION_TYPES
from graph import queries

RESULTS = Path(__file__).with_name("results")


def generate(nodes: int, edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A random graph shaped like alaqat's: ORG / PERSON / PRODUCT nodes with aliases, typed relations."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    types = ["ORG"] * 6 + ["PERSON"] * 3 + ["PRODUCT"]
    for i in range(nodes):
        label = f"كيان{i}"
        G.add_node(f"n{i}", label=label, type=rng.choice(types), aliases=[label, f"Entity {i}"])
    for _ in range(edges):
        u, v = f"n{rng.randrange(nodes)}", f"n{rng.randrange(nodes)}"
        rel = rng.choice(RELATION_TYPES)
        G.add_edge(u, v, key=rel, relation=rel, amount=rng.random() * 1e9, currency="USD",
                   evidence=[{"document": "d", "sentence": "جملة", "start": 0, "end": 4}])
    return G


def measure(fn, names, repeat: int) -> dict[str, float]:
    times = []
    for name in names[:repeat]:
        start = time.perf_counter()
        fn(name)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 3), "p95_ms": round(times[int(len(times) * 0.95) - 1], 3),
            "runs": len(times)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=500_000)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    start = time.perf_counter()
    G = generate(args.nodes, args.edges)
    built = time.perf_counter() - start
    start = time.perf_counter()
    queries.resolve(G, "كيان0")
    indexed = time.perf_counter() - start
    rng = random.Random(1)
    names = [rng.choice([f"كيان{i}", f"Entity {i}", f"وكيان{i}"]) for i in rng.sample(range(args.nodes), args.queries)]
    results = {
        "competitors": measure(lambda n: queries.competitors(G, n), names, args.queries),
        "deals": measure(lambda n: queries.deals(G, n), names, args.queries),
        "people": measure(lambda n: queries.people(G, n), names, args.queries),
        "entity": measure(lambda n: queries.entity(G, n), names, args.queries),
        "neighbors_depth2": measure(lambda n: queries.neighbors(G, n, depth=2), names, args.queries),
        "path": measure(lambda n: queries.path(G, n, names[0]), names, min(args.queries, 30)),
        "rivalries": measure(lambda n: queries.rivalries(G), names, 3),
    }
    report = {"nodes": args.nodes, "edges": args.edges, "generate_s": round(built, 2),
              "name_index_s": round(indexed, 2), "queries": results}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "query_latency.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
