"""Ablation of the relation extractors: rules only, the trained relation model only, and both.

Builds the graph of an annotated folder three times with the shipped NER model and prints the scorer's aggregate
line for each (never per-item output, so it may be run on a held-out set):

    python benchmarks/relation_ablation.py ../shared/eval/check/articles ../shared/eval/check/gold.json
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from extractors.inputs import read_inputs
from extractors.pipeline import Extractor
from extractors.records import Document
from extractors.rel.model import load_relation_model
from graph.build import build_graph
from graph.export import to_node_link


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("alaqat_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--scorer", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py")
    args = ap.parse_args(argv)
    import json

    scorer = _scorer(args.scorer)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    documents = [d for d in read_inputs([args.articles]) if isinstance(d, Document)]
    settings = {
        "rules only": Extractor(model="default", relation_model=None),
        "model only": Extractor(model="default", relation_model=load_relation_model(), rules=False),
        "rules + model": Extractor(model="default", relation_model=load_relation_model()),
    }
    for name, extractor in settings.items():
        data = to_node_link(build_graph(extractor(d) for d in documents))
        res = scorer.score(gold, data["nodes"], data["edges"])
        p, r = res["relations"]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        ok, total = res["amounts"]
        print(f"{name:14} relation P={p:.3f} R={r:.3f} F1={f1:.3f} amounts={ok}/{total} entity_f1={res['entities'][2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
