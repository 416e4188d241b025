"""End-to-end throughput at N = 100, 1,000 and 10,000 generated articles: words/s, time per stage, peak RSS, time per
article at 10,000 relative to 100, and the speed-up of --jobs 2; results in benchmarks/results/scale.json and a chart.

Each run is a fresh process (so that its peak RSS is its own) that streams the generated folder through the whole
pipeline (read and normalize, segment, mentions with the NER model, entities, relations, store, graph and export).

Run: .venv/bin/python -m benchmarks.scale [--sizes 100 1000 10000] [--jobs-at 1000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).with_name("results")


def run_once(folder: str, jobs: int) -> dict:
    """One build of ``folder`` in this process, timed stage by stage."""
    from extractors.inputs import read_inputs
    from extractors.pipeline import Extractor
    from graph.runner import add_paths, write_outputs
    from graph.store import Store

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        extractor = Extractor(model="default") if jobs == 1 else None
        load = time.perf_counter() - start
        read_start = time.perf_counter()
        words = sum(len(d.text.split()) for d in read_inputs([folder]))
        read = time.perf_counter() - read_start
        with Store(Path(tmp) / "s.db") as store:
            add_start = time.perf_counter()
            report = add_paths([folder], store, extractor, jobs=jobs)
            added = time.perf_counter() - add_start
            export_start = time.perf_counter()
            write_outputs(store.graph(), Path(tmp) / "out")
            export = time.perf_counter() - export_start
    total = time.perf_counter() - start
    stages = {"model_load": load, "read_and_normalize": read, "export": export}
    if extractor is not None:
        stages.update({k: v for k, v in extractor.timings.items()})
        stages["ner_model"] = extractor.finder.model_seconds
        stages["store"] = added - sum(extractor.timings.values()) - read
    return {
        "articles": report.articles, "words": words, "seconds": round(total, 1),
        "words_per_s": round(words / total), "ms_per_article": round(1000 * total / max(report.articles, 1), 2),
        "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "jobs": jobs,
    }


def measure(n: int, jobs: int = 1) -> dict:
    from benchmarks.corpus import write

    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp) / "in", n)
        out = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--run", str(Path(tmp) / "in"), "--jobs", str(jobs)],
                             capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if jobs > 1:  # the workers' memory counts too
        result["peak_rss_mb_workers"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    return result


def chart(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in report["runs"]]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    a.plot(sizes, [r["words_per_s"] for r in report["runs"]], marker="o")
    a.set_xscale("log")
    a.set_title("end-to-end words/s (one process)")
    a.set_xlabel("articles")
    last = report["runs"][-1]["stages_s"]
    names = [k for k in last if k not in ("model_load",)]
    b.barh(names, [last[k] for k in names])
    b.set_title(f"seconds per stage at {sizes[-1]} articles")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--jobs-at", type=int, default=1000)
    ap.add_argument("--run", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        print(json.dumps(run_once(args.run, args.jobs)))
        return
    runs = [measure(n) for n in args.sizes]
    parallel = measure(args.jobs_at, jobs=2)
    single = next(r for r in runs if r["articles"] == args.jobs_at)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graph.cli", "--help"], capture_output=True, check=True)
    help_s = time.perf_counter() - start
    report = {
        "runs": runs,
        "jobs_2": parallel,
        "jobs_2_speedup": round(single["seconds"] / parallel["seconds"], 2),
        "ms_per_article_ratio_last_vs_first": round(runs[-1]["ms_per_article"] / runs[0]["ms_per_article"], 2),
        "help_seconds": round(help_s, 2),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    chart(report, RESULTS / "scale.png")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
