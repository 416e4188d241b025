"""Reliability: bad input gets one clear message and the batch goes on; the store survives kills and concurrency;
no random text makes the pipeline raise; article text never escapes into paths or breaks exports."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.amounts import find_quantities, parse_amount
from extractors.inputs import MAX_DOC_CHARS, read_inputs
from extractors.normalize import fold, match_key
from extractors.records import Document
from extractors.text import split_sentences, tokenize
from graph.cli import main
from graph.export import write_gexf, write_graphml
from graph.runner import build_from_paths
from graph.store import Store
from tests.conftest import ARTICLES

ARABIC = "استحوذت شركة أمازون على شركة سوق.كوم مقابل 580 مليون دولار."
SEED = (ARTICLES / "meta_scale_ai_deal.txt").read_text(encoding="utf-8")


def _corpus(folder):
    folder.mkdir()
    (folder / "good.txt").write_text("خبر\n" + ARABIC, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "windows.txt").write_bytes(("خبر\n" + ARABIC).encode("cp1256"))
    (folder / "utf16.txt").write_bytes(("خبر\n" + ARABIC).encode("utf-16"))
    (folder / "page.html").write_text(f"<html><body><h1>خبر</h1><p>{ARABIC}</p><script>x()</script></body></html>", encoding="utf-8")
    (folder / "english.txt").write_text("Amazon bought Souq.com for 580 million dollars.", encoding="utf-8")
    (folder / "mixed.txt").write_text("خبر\nبدأت ميتا في البحث عن συνεργاون مع شركات منافسة مثل Scale AI.", encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARABIC}, ensure_ascii=False) + "\n{not json\n[1, 2]\n"
        + json.dumps({"id": "j4", "text": "وقعت أرامكو اتفاقية شراكة مع جوجل."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )


def test_every_bad_input_is_named_and_the_batch_goes_on(tmp_path, capsys):
    _corpus(tmp_path / "in")
    status = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-model"])
    captured = capsys.readouterr()
    assert status == 1
    errors = captured.err
    for name, why in [("empty.txt", "empty"), ("blank.txt", "empty"), ("binary.txt", "binary"),
                      ("english.txt", "not Arabic"), ("lines.jsonl:2", "malformed JSON"), ("lines.jsonl:3", '"text"')]:
        line = next(line for line in errors.splitlines() if name in line)
        assert why in line, line
    assert "7 articles" in captured.out and "skipped 6" in captured.out
    data = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    labels = {n["label"] for n in data["nodes"]}
    assert {"أمازون", "ميتا", "Scale AI", "جوجل"} <= labels


def test_huge_file_is_read_in_bounded_parts_without_loss(tmp_path):
    big = tmp_path / "big.txt"
    paragraph = SEED.strip() + "\n\n"
    big.write_text(paragraph * (10_000_000 // len(paragraph.encode("utf-8")) + 1), encoding="utf-8")
    assert big.stat().st_size >= 10_000_000
    docs = list(read_inputs([big]))
    assert all(isinstance(d, Document) and len(d.text) <= MAX_DOC_CHARS for d in docs)
    assert len({d.id for d in docs}) == len(docs) >= 20
    assert sum(len(d.text.split()) for d in docs) == len(big.read_text(encoding="utf-8").split())


def _add(db, folder, *extra):
    return subprocess.Popen([sys.executable, "-m", "graph.cli", "add", str(folder), "--db", str(db), "--no-model",
                             "--quiet", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _articles(folder, n, prefix):
    folder.mkdir()
    sentences = [s for s in SEED.split("\n") if s.strip()]
    for i in range(n):
        (folder / f"{prefix}{i:03d}.txt").write_text(f"خبر {i}\n" + "\n".join(sentences[i % 3:] + sentences[: i % 3]),
                                                    encoding="utf-8")


def _consistent(db):
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = {r[0] for r in con.execute("SELECT id FROM documents")}
        for table in ("mentions", "entities", "relations"):
            orphans = {r[0] for r in con.execute(f"SELECT DISTINCT document FROM {table}")} - docs
            assert not orphans, (table, orphans)
        for (payload,) in con.execute("SELECT extraction FROM documents"):
            json.loads(payload)
    return docs


def test_sigkill_during_add_leaves_a_consistent_store(tmp_path):
    _articles(tmp_path / "in", 80, "a")
    db = tmp_path / "s.db"
    proc = _add(db, tmp_path / "in")
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    if con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] >= 5:
                        break
            except sqlite3.OperationalError:
                pass
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    docs = _consistent(db)
    assert 5 <= len(docs) < 80
    again = _add(db, tmp_path / "in")
    assert again.wait(timeout=600) == 0
    assert len(_consistent(db)) == 80


def test_two_adds_on_one_store_both_finish(tmp_path):
    _articles(tmp_path / "a", 25, "a")
    _articles(tmp_path / "b", 25, "b")
    db = tmp_path / "s.db"
    Store(db).close()
    first, second = _add(db, tmp_path / "a"), _add(db, tmp_path / "b")
    assert first.wait(timeout=600) == 0 and second.wait(timeout=600) == 0, (first.stderr.read(), second.stderr.read())
    assert len(_consistent(db)) == 50


ARABIC_TEXT = st.lists(
    st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ ً ُ ِ ّ ـ،؛؟.!«»“”\"'()0123456789٠١٢٣٤٥٦٧٨٩٪%$ \n")
                    + ["مليار", "مليون", "دولار", "شركة", "استحوذت على", "الرئيس التنفيذي", " و", "Meta", "Scale AI"]),
    max_size=120,
).map("".join)


@given(st.text(max_size=200))
def test_folding_is_idempotent(text):
    assert match_key(match_key(text)) == match_key(text)
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=300))
def test_tokens_sentences_and_amounts_never_raise(text):
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
    parse_amount(text)


@settings(max_examples=60, deadline=None)
@given(ARABIC_TEXT)
def test_extraction_never_raises_on_arabic_like_text(rules, text):
    doc = Document(id="h", text=text)
    ex = rules(doc)
    for m in ex.mentions:
        assert 0 <= m.start <= m.end <= len(text)
    ids = {e.id for e in ex.entities}
    assert all(r.head in ids and r.tail in ids for r in ex.relations)


def test_article_metadata_never_chooses_an_output_path(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "../../escaped", "title": "../../../tmp/x", "text": ARABIC}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (folder / "metadata.json").write_text(json.dumps({"b.txt": {"title": "/etc/passwd", "source": "../x"}}), encoding="utf-8")
    (folder / "b.txt").write_text(ARABIC, encoding="utf-8")
    out = tmp_path / "deep" / "out"
    assert main(["build", str(folder), "--out", str(out), "--no-model", "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["graph.graphml", "graph.html", "graph.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deep", "in"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_control_characters_never_break_graphml_or_gexf(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "c.txt").write_text("خبر\x1b\x07\nاستحوذت شركة أمازون على شركة سوق.كوم \x0b\x0c مقابل مليار دولار\x08\x7f.", encoding="utf-8")
    G = build_from_paths([folder]).graph
    assert nx.read_graphml(write_graphml(G, tmp_path / "g.graphml")).number_of_edges() == G.number_of_edges() >= 1
    assert nx.read_gexf(write_gexf(G, tmp_path / "g.gexf")).number_of_edges() == G.number_of_edges()


def test_random_high_bytes_are_not_taken_for_windows_1256_arabic(tmp_path):
    import random

    rng = random.Random(3)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
    (problem,) = list(read_inputs([tmp_path / "noise.txt"]))
    assert "neither UTF-8 nor Arabic Windows-1256" in problem.message
