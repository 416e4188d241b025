"""The annotated business sentences written for alaqat (data/train/) as a regression corpus for the extractor."""

from __future__ import annotations

import json
from pathlib import Path

from extractors.normalize import match_key
from extractors.records import Document

DATA = Path(__file__).resolve().parents[1] / "data"


def _lines():
    for path in sorted(DATA.glob("train*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def test_every_written_sentence_is_extracted_without_error(rules):
    items = list(_lines())
    assert len(items) >= 774
    for item in items:
        rules(Document(id="w", text=item["text"]))  # an exception here would be a lost article in a build


def test_the_rules_find_most_written_names_and_few_others(rules):
    found = gold = right = 0
    for item in _lines():
        names = {match_key(e["text"]) for e in item["entities"]}
        ex = rules(Document(id="w", text=item["text"]))
        seen = {match_key(m.text) for m in ex.mentions if m.type in ("ORG", "PERSON", "PRODUCT")}
        found, gold, right = found + len(seen), gold + len(names), right + len(seen & names)
    assert right / gold > 0.7 and right / found > 0.85  # 0.78 and 0.91 when written
