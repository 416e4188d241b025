"""Wall time of the ``alaqat`` command line, each call a fresh process as a user runs it: start-up of every command,
questions on stores of 1,000 and 10,000 articles (``benchmarks.scale --keep DIR`` leaves them), and ``add`` of an
unchanged article; results merged into benchmarks/results/cli_latency.json under ``--label``.

The machine has two cores shared with other work: each call is repeated and the median (p50), 95th percentile and
best are kept.

Run: .venv/bin/python -m benchmarks.cli_latency --store 1000=DIR/store_1000.db --store 10000=DIR/store_10000.db
     --article DIR/corpus_1000/article_00007.txt [--name "Scale AI"] [--runs 21] [--code SRC --label before]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
ROOT = Path(__file__).resolve().parents[1]


def timed(args: list[str], runs: int, code: Path) -> dict:
    """p50, p95 and best wall seconds of ``python -m graph.cli ARGS`` over ``runs`` fresh processes."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "graph.cli", *args], env=env, cwd=code, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    times.sort()
    return {"p50_s": round(statistics.median(times), 3), "p95_s": round(times[min(len(times) - 1, int(0.95 * len(times)))], 3),
            "best_s": round(times[0], 3), "runs": runs}


def start_up(runs: int, code: Path) -> dict:
    """``alaqat --help`` and ``alaqat COMMAND --help`` for every command: the import and parse cost of each."""
    commands = ["build", "add", "query", "explain", "view", "export", "stats", "merge", "split", "forget", "eval-ner",
                "train-ner", "train-rel"]
    out = {"--help": timed(["--help"], runs, code)}
    out.update({f"{c} --help": timed([c, "--help"], runs, code) for c in commands})
    return out


def on_store(db: str, name: str, runs: int, code: Path, only: list[str] | None = None) -> dict:
    """Every question on one store (or those named in ``only``); the first call is timed apart (after a change of
    the store it makes the index)."""
    with tempfile.TemporaryDirectory() as tmp:
        calls = {
            "query competitors": ["query", "competitors", name, "--db", db, "--json"],
            "query deals": ["query", "deals", name, "--db", db, "--json"],
            "query entity": ["query", "entity", name, "--db", db, "--json"],
            "query people": ["query", "people", name, "--db", db, "--json"],
            "query neighbors --depth 2": ["query", "neighbors", name, "--depth", "2", "--db", db, "--json"],
            "query path": ["query", "path", name, "TBD Labs", "--db", db, "--json"],
            "query rivalries": ["query", "rivalries", "--db", db, "--json"],
            "explain": ["explain", name, "--db", db],
            "view --depth 1": ["view", name, "--depth", "1", "--db", db, "--out", str(Path(tmp) / "v.html")],
            "export json": ["export", "--db", db, "--format", "json", "--out", tmp],
            "stats": ["stats", "--db", db, "--json"],
        }
        results = {"first_call_s": timed(calls["query competitors"], 1, code)["best_s"]}
        for label, args in calls.items():
            if only and label not in only:
                continue
            results[label] = timed(args, runs if label.startswith("query competitors") else max(3, runs // 4), code)
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", action="append", default=[], metavar="N=FILE", help="a store of N articles")
    ap.add_argument("--article", help="an article the stores already hold (for add of an unchanged article)")
    ap.add_argument("--name", default="Scale AI")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--code", default=str(ROOT), help="the alaqat source tree to run (default: this one)")
    ap.add_argument("--label", default="after")
    ap.add_argument("--skip-start-up", action="store_true")
    ap.add_argument("--only", action="append", metavar="QUESTION", help='time only this call, e.g. "query competitors"')
    args = ap.parse_args()
    code = Path(args.code).resolve()
    report: dict = {}
    if not args.skip_start_up:
        report["start_up"] = start_up(max(3, args.runs // 3), code)
    for item in args.store:
        n, db = item.split("=", 1)
        report[f"store_{n}"] = on_store(str(Path(db).resolve()), args.name, args.runs, code, args.only)
        if args.article:
            report[f"store_{n}"]["add unchanged article"] = timed(
                ["add", str(Path(args.article).resolve()), "--db", str(Path(db).resolve()), "--quiet"], max(3, args.runs // 3), code)
    path = RESULTS / "cli_latency.json"
    merged = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    merged[args.label] = {**merged.get(args.label, {}), **report}
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
