"""End-to-end throughput at N = 100, 1,000 and 10,000 generated articles: words/s (wall and CPU), time per stage,
peak memory of all processes together, and the speed-up of --jobs 2; results in benchmarks/results/scale.json and a
chart.

Each run is a fresh process that streams the generated folder through the whole pipeline (read and normalize,
segment, NER model, mention rules, entities, relations, store, graph and export) into a store that is kept for
``benchmarks.cli_latency``. While it runs, this process samples the resident memory of the run and of every worker
it starts, every 0.1 s, and reports the largest sum (not a maximum of any one process). The CPU time is that of the
run and its workers (``RUSAGE_CHILDREN``). The machine has two cores shared with other work, so each size can be
repeated (``--repeat``) and the best wall time is kept, with its CPU time.

Run: .venv/bin/python -m benchmarks.scale [--sizes 100 1000 10000] [--jobs-at 1000] [--repeat 1] [--keep DIR]
     .venv/bin/python -m benchmarks.scale --parallel-only --sizes 10000 --keep DIR   (memory of --jobs 2 at 10,000)
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


def run_once(folder: str, jobs: int, db: str) -> dict:
    """One build of ``folder`` into store ``db`` in this process, timed stage by stage."""
    from extractors.inputs import read_inputs
    from graph.runner import add_paths, write_outputs
    from graph.store import Store

    start = time.perf_counter()
    extractor = None
    if jobs == 1:
        from extractors.pipeline import Extractor

        extractor = Extractor(model="default")
    load = time.perf_counter() - start
    read_start = time.perf_counter()
    words = sum(len(d.text.split()) for d in read_inputs([folder]))
    read = time.perf_counter() - read_start
    with tempfile.TemporaryDirectory() as tmp, Store(db) as store:
        add_start = time.perf_counter()
        report = add_paths([folder], store, extractor, jobs=jobs)
        added = time.perf_counter() - add_start
        export_start = time.perf_counter()
        write_outputs(store.graph(), Path(tmp) / "out", jobs=jobs)
        export = time.perf_counter() - export_start
    total = time.perf_counter() - start
    stages = {"model_load": load, "read_and_normalize": read, "graph_index_and_export": export}
    if extractor is not None:
        stages.update(extractor.timings)
        stages["store"] = added - sum(extractor.timings.values()) - read
    return {"articles": report.articles, "words": words, "seconds": round(total, 1),
            "stages_s": {k: round(v, 2) for k, v in stages.items()}, "jobs": jobs}


def _tree_rss(proc) -> int:
    """Resident bytes of ``proc`` and all its descendants now."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(folder: Path, db: Path, jobs: int = 1) -> dict:
    """One run in a fresh process: its result, the wall and CPU time, and the peak memory of all its processes."""
    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "benchmarks.scale", "--run", str(folder), "--jobs", str(jobs),
                             "--db", str(db)], stdout=subprocess.PIPE, text=True)
    watched, peak, samples = psutil.Process(proc.pid), 0, 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(watched))
        samples += 1
        time.sleep(0.1)
    out = proc.stdout.read()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise SystemExit(f"the run failed with status {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result.update(wall_s=round(wall, 1), cpu_s=round(cpu, 1), words_per_s=round(result["words"] / wall),
                  words_per_cpu_s=round(result["words"] / cpu), ms_per_article=round(1000 * wall / result["articles"], 2),
                  peak_rss_all_processes_mb=round(peak / 2**20, 1), memory_samples=samples)
    return result


def best_of(n_articles: int, repeat: int, keep: Path, jobs: int = 1) -> dict:
    """The fastest of ``repeat`` runs over ``n_articles`` generated articles (the store of the last one kept)."""
    from benchmarks.corpus import write

    folder = keep / f"corpus_{n_articles}"
    if not folder.is_dir():
        write(folder, n_articles)
    runs = []
    for _ in range(repeat):
        db = keep / f"store_{n_articles}{'' if jobs == 1 else f'_jobs{jobs}'}.db"
        for stale in keep.glob(db.name + "*"):
            stale.unlink()
        runs.append(measure(folder, db, jobs))
    best = min(runs, key=lambda r: r["wall_s"])
    best["wall_s_all_runs"] = [r["wall_s"] for r in runs]
    return best


def chart(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in report["runs"]]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    a.plot(sizes, [r["words_per_s"] for r in report["runs"]], marker="o", label="wall")
    a.plot(sizes, [r["words_per_cpu_s"] for r in report["runs"]], marker="o", label="CPU")
    a.set_xscale("log")
    a.set_title("end-to-end words/s (one process)")
    a.set_xlabel("articles")
    a.legend()
    last = report["runs"][-1]["stages_s"]
    names = [k for k in last if k != "model_load"]
    b.barh(names, [last[k] for k in names])
    b.set_title(f"seconds per stage at {sizes[-1]} articles")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--jobs-at", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is kept")
    ap.add_argument("--keep", default=None, help="folder for the corpora and stores (default: a temporary one)")
    ap.add_argument("--out", default="scale", help="results file name in benchmarks/results/ (default scale)")
    ap.add_argument("--parallel-only", action="store_true",
                    help="only --jobs 2 at each of --sizes, added to the existing scale.json as jobs_2_at_N")
    ap.add_argument("--run", help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.run and not args.parallel_only and args.jobs_at not in args.sizes:
        ap.error(f"--jobs-at {args.jobs_at} must be one of --sizes {' '.join(map(str, args.sizes))}: its one-process run "
                 "is what --jobs 2 is compared with")
    if args.run:
        print(json.dumps(run_once(args.run, args.jobs, args.db)))
        return
    if args.parallel_only:
        with tempfile.TemporaryDirectory() as tmp:
            keep = Path(args.keep or tmp)
            keep.mkdir(parents=True, exist_ok=True)
            report = json.loads((RESULTS / "scale.json").read_text(encoding="utf-8"))
            for n in args.sizes:
                report[f"jobs_2_at_{n}"] = best_of(n, 1, keep, jobs=2)
        (RESULTS / "scale.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(json.dumps({k: v for k, v in report.items() if k.startswith("jobs_2_at_")}, indent=1))
        return
    with tempfile.TemporaryDirectory() as tmp:
        keep = Path(args.keep or tmp)
        keep.mkdir(parents=True, exist_ok=True)
        runs = []
        for n in args.sizes:
            runs.append(best_of(n, args.repeat if n < 10000 else 1, keep))
            print(json.dumps(runs[-1]), flush=True)
        parallel = best_of(args.jobs_at, args.repeat, keep, jobs=2)
    single = next(r for r in runs if r["articles"] == args.jobs_at)
    report = {
        "runs": runs,
        "jobs_2": parallel,
        "jobs_2_speedup": round(single["wall_s"] / parallel["wall_s"], 2),
        "ms_per_article_ratio_last_vs_first": round(runs[-1]["ms_per_article"] / runs[0]["ms_per_article"], 2),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    chart(report, RESULTS / f"{args.out}.png")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
