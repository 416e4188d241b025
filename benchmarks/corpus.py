"""Generate N distinct Arabic articles from the bundled ones, optionally with a share of corrupted files.

Each article takes a bundled article, shuffles its body sentences and swaps the names of known organizations for
other organizations of the gazetteer, so that articles are distinct and name many different companies. Corrupted
files copy the ways real scraped folders go wrong: empty, binary, non-Arabic, undecodable bytes, HTML pages,
Windows-1256 and UTF-16 text (the last three are readable and must be ingested), JSON lines with a broken line.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from extractors.lexicon import load_gazetteer
from extractors.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
CORRUPTIONS = ("empty", "binary", "english", "bad-bytes", "broken-jsonl", "html", "cp1256", "utf16")
READABLE = {"html", "cp1256", "utf16", "broken-jsonl"}


def _bases() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted((ROOT / "data" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        out.append((title.strip(), [body[s:e] for s, e in split_sentences(body)]))
    return out


def _org_names() -> list[str]:
    gazetteer = load_gazetteer()
    return sorted(n for e in gazetteer.entries.values() if e.type == "ORG"
                  for n in e.names if re.search("[\u0600-\u06ff]", n) and " " not in n)


def article(n: int, rng: random.Random, bases=None, names=None) -> str:
    """The text of synthetic article number ``n`` (headline first)."""
    bases = bases or _bases()
    names = names or _org_names()
    title, sentences = bases[n % len(bases)]
    body = sentences[:]
    rng.shuffle(body)
    text = f"{title} ({n})\n" + "\n".join(body)
    for old in ("ميتا", "جوجل", "OpenAI", "Anthropic"):
        text = text.replace(old, rng.choice(names))
    return text


def generate(n: int, seed: int = 13, corrupt: float = 0.0) -> Iterator[tuple[str, bytes, str]]:
    """Yield ``(file name, content, kind)`` for ``n`` files; ``kind`` is ``ok`` or one of :data:`CORRUPTIONS`."""
    rng = random.Random(seed)
    bases, names = _bases(), _org_names()
    for i in range(n):
        text = article(i, rng, bases, names)
        kind = rng.choice(CORRUPTIONS) if rng.random() < corrupt else "ok"
        name = f"article_{i:05d}.txt"
        if kind == "ok":
            data = text.encode("utf-8")
        elif kind == "empty":
            data = b""
        elif kind == "binary":
            data = bytes(rng.randrange(256) for _ in range(2048)) + b"\x00"
        elif kind == "english":
            data = b"Quarterly results beat expectations, the company said on Tuesday.\n" * 20
        elif kind == "bad-bytes":
            data = b"\xff\xfe\xfd" * 10 + bytes(rng.randrange(128, 256) for _ in range(500)) + b"\x81\x8d\x8f\x90\x9d"
            data = data.replace(b"\xff\xfe", b"\xfd\xfd")
        elif kind == "broken-jsonl":
            name = f"article_{i:05d}.jsonl"
            data = (json.dumps({"id": f"j{i}", "text": text}, ensure_ascii=False) + "\n{broken json\n").encode("utf-8")
        elif kind == "html":
            name = f"article_{i:05d}.html"
            data = f"<html><head><script>var x=1;</script></head><body><p>{text}</p></body></html>".encode("utf-8")
        elif kind == "cp1256":
            data = text.encode("cp1256", errors="replace")
        else:
            data = text.encode("utf-16")
        yield name, data, kind


def write(folder: str | Path, n: int, seed: int = 13, corrupt: float = 0.0) -> dict[str, int]:
    """Write :func:`generate` into ``folder``; return how many files of each kind."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name, data, kind in generate(n, seed, corrupt):
        (folder / name).write_bytes(data)
        counts[kind] = counts.get(kind, 0) + 1
    return counts
