"""Time and memory grow linearly with the input: one unpunctuated paragraph of 5,000 / 10,000 / 20,000 / 40,000
words, and MB of one repeated sentence against MB of real text. Results in benchmarks/results/linearity.json.

Each case is one file built end to end (read, segment, mentions with the NER model, entities, relations, store,
graph, graph.json / graph.graphml / graph.html) in a fresh process, so that its peak RSS is its own. ``seconds``
(wall clock) and ``cpu_seconds`` (this process's CPU time, which other work on a shared machine disturbs less)
exclude the model load (reported apart) and a warm-up build of one sentence, so that time per word compares across
sizes. The paragraph recombines the
words of the bundled articles without sentence punctuation; real text is the corpus generator's articles
(benchmarks/corpus.py); the repeated sentence is written here.

The paragraph sizes are built ``--repeat`` times each and the least time kept (the machine is shared); the MB cases
once.

Run: .venv/bin/python -m benchmarks.linearity [--words 5000 10000 20000 40000] [--mb 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).with_name("results")
REPEATED = "استحوذت شركة أمازون على شركة سوق.كوم مقابل مليار دولار في صفقة أعلنتها الشركتان أمس. "


def unpunctuated(words: int) -> str:
    """A headline and one paragraph of ``words`` words with no sentence punctuation and no line break."""
    pool: list[str] = []
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        pool += re.sub(r"[.!?؟…\n]", " ", path.read_text(encoding="utf-8").partition("\n")[2]).split()
    return "فقرة بلا علامات ترقيم\n" + " ".join((pool * (words // len(pool) + 1))[:words])


def real_text(size: int) -> str:
    """Generated articles (benchmarks/corpus.py) joined by blank lines, about ``size`` bytes in UTF-8."""
    from benchmarks.corpus import _bases, _org_names, article

    rng, bases, names = random.Random(7), _bases(), _org_names()
    parts, total, n = [], 0, 0
    while total < size:
        parts.append(article(n, rng, bases, names))
        total += len(parts[-1].encode("utf-8")) + 2
        n += 1
    return "\n\n".join(parts)


def repeated(size: int) -> str:
    """One sentence repeated to about ``size`` bytes, ten sentences a line."""
    line = REPEATED * 10 + "\n"
    return "خبر مكرر\n" + line * (size // len(line.encode("utf-8")) + 1)


def run_once(path: str, repeat: int = 1) -> dict:
    """Build ``path`` in this process ``repeat`` times; the least time (the machine is shared), peak RSS and the
    size of every file written."""
    from extractors.pipeline import Extractor
    from graph.runner import build_from_paths, write_outputs

    start = time.perf_counter()
    extractor = Extractor(model="default")
    load = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"  # first-call costs (lazy imports, the page template) out of the timing
        warm.write_text("خبر\n" + REPEATED, encoding="utf-8")
        write_outputs(build_from_paths([warm], extractor).graph, Path(tmp) / "warm")
        times = []
        for n in range(repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            report = build_from_paths([path], extractor, db=Path(tmp) / f"s{n}.db")
            outputs = write_outputs(report.graph, Path(tmp) / "out")
            times.append((time.perf_counter() - wall, time.process_time() - cpu))
        seconds, cpu_seconds = min(t for t, _ in times), min(c for _, c in times)
        sizes = {kind: p.stat().st_size for kind, p in outputs.items()}
        sizes["store"] = (Path(tmp) / "s0.db").stat().st_size
    text = Path(path).read_text(encoding="utf-8")
    return {
        "words": len(text.split()), "input_bytes": len(text.encode("utf-8")), "documents": report.articles,
        "relations": report.relations, "model_load_s": round(load, 2), "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2), "us_per_word": round(1e6 * seconds / len(text.split()), 1),
        "cpu_us_per_word": round(1e6 * cpu_seconds / len(text.split()), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "output_bytes": sizes,
    }


def measure(name: str, text: str, repeat: int = 1) -> dict:
    """Write ``text`` to a file and build it in a fresh process (``repeat`` times, keeping the least time)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "benchmarks.linearity", "--run", str(path), "--repeat", str(repeat)],
                             capture_output=True, text=True, check=True, cwd=ROOT)
    result = {"case": name, **json.loads(out.stdout.strip().splitlines()[-1])}
    print(json.dumps(result, ensure_ascii=False), file=sys.stderr)
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--words", type=int, nargs="+", default=[5000, 10000, 20000, 40000])
    p.add_argument("--mb", type=float, default=10.0, help="size of the repeated and the real text, in MB")
    p.add_argument("--repeat", type=int, default=3, help="builds per paragraph size; the least time is kept")
    p.add_argument("--run", metavar="FILE", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.run:
        print(json.dumps(run_once(args.run, args.repeat)))
        return
    paragraph = [measure(f"unpunctuated-{n}", unpunctuated(n), args.repeat) for n in args.words]
    size = int(args.mb * 1024 * 1024)
    texts = [measure(f"real-{args.mb:g}MB", real_text(size)), measure(f"repeated-{args.mb:g}MB", repeated(size))]
    summary = {"peak_rss_mb_max": max(r["peak_rss_mb"] for r in paragraph + texts)}
    for clock in ("", "cpu_"):
        per_word = [r[f"{clock}us_per_word"] for r in paragraph]
        per_mb = [r[f"{clock}seconds"] / (r["input_bytes"] / 2**20) for r in texts]
        summary[f"unpunctuated_{clock}time_per_word_max_over_min"] = round(max(per_word) / min(per_word), 2)
        summary[f"repeated_over_real_{clock}seconds_per_mb"] = round(per_mb[1] / per_mb[0], 2)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "linearity.json").write_text(
        json.dumps({"cases": paragraph + texts, "summary": summary}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
