"""Inputs that used to cost super-linear time or space: long unpunctuated text, a fact repeated many times."""

from __future__ import annotations

import json
import tracemalloc

from extractors.entities import _Union, resolve_mentions
from extractors.inputs import document_from_text
from extractors.normalize import match_key
from extractors.pipeline import segment
from extractors.records import Document, Entity, Evidence, Extraction, Mention
from extractors.relations import SALIENCE_WINDOW, _M, _Salience, find_relations
from extractors.text import MAX_SENTENCE_CHARS, split_sentences
from graph.build import SHOWN_CHARS, GraphBuilder
from graph.runner import build_from_paths, write_outputs

# Written for these tests: no full stop anywhere, so the whole paragraph is one "sentence" without chunking.
CLAUSE = "استحوذت شركة أمازون على شركة سوق كوم مقابل مليار دولار وقالت الشركة إن الصفقة تعزز حضورها في المنطقة "
REPEATED = "استحوذت شركة أمازون على شركة سوق.كوم مقابل مليار دولار. "


def test_an_unpunctuated_paragraph_is_cut_into_bounded_sentences_and_loses_no_word():
    text = CLAUSE * 600  # about 10,000 words
    spans = list(split_sentences(text))
    assert len(spans) > 1
    assert max(e - s for s, e in spans) <= MAX_SENTENCE_CHARS
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()


def test_clauses_are_cut_at_a_comma_when_there_is_one():
    text = ("قالت الشركة إن الأرباح ارتفعت " * 20 + "، ") * 10
    spans = list(split_sentences(text))
    assert len(spans) > 1 and all(text[s:e].endswith("،") for s, e in spans[:-1])


def test_evidence_of_an_unpunctuated_paragraph_stays_readable(rules):
    doc = document_from_text("عنوان\n" + CLAUSE * 300, doc_id="long")
    extraction = rules(doc)
    evidence = [e for r in extraction.relations for e in r.evidence]
    assert evidence
    assert max(len(e.sentence) for e in evidence) <= MAX_SENTENCE_CHARS


def _counted(monkeypatch, cls, name: str) -> list[int]:
    """Count the calls of ``cls.name`` for the rest of the test: the returned list holds the count."""
    calls = [0]
    original = getattr(cls, name)

    def counting(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(cls, name, counting)
    return calls


def test_merging_a_repeated_fact_is_linear_in_its_repeats(rules, monkeypatch):
    comparisons = _counted(monkeypatch, Evidence, "__eq__")
    repeats = 400
    extraction = rules(document_from_text("عنوان\n" + REPEATED * repeats, doc_id="rep"))
    acquired = [r for r in extraction.relations if r.relation == "ACQUIRED"]
    assert len(acquired) == 1 and len(acquired[0].evidence) == repeats
    assert comparisons[0] < 10 * repeats


def _mentions(names: list[tuple[str, str]]) -> list[Mention]:
    """Mentions of ``(text, type)`` one after another, as the mention finder would give them."""
    out, at = [], 0
    for n, (text, etype) in enumerate(names):
        out.append(Mention(id=f"m{n}", text=text, start=at, end=at + len(text), type=etype, key=match_key(text),
                           sentence=n // 10, source="head" if etype == "ORG" else "given-name"))
        at += len(text) + 1
    return out


def test_joining_shorter_names_is_linear_in_the_mentions_of_an_article(monkeypatch):
    written = [("مصرف الخليج الأول", "ORG"), ("الخليج الأول", "ORG"), ("سلطان أحمد بن سليم", "PERSON"),
               ("سلطان بن سليم", "PERSON"), ("شركة نجوم الصحراء", "ORG"), ("نجوم الصحراء", "ORG")]
    mentions = _mentions(written * 150)
    finds = _counted(monkeypatch, _Union, "find")
    entities = resolve_mentions(Document(id="d", text=" ".join(t for t, _ in written * 150)), mentions)
    assert sorted(e.label for e in entities) == ["سلطان أحمد بن سليم", "شركة نجوم الصحراء", "مصرف الخليج الأول"]
    assert finds[0] < 40 * len(mentions)


def test_the_graph_files_show_a_long_evidence_sentence_cut_around_its_trigger(tmp_path, rules):
    (tmp_path / "long.txt").write_text("عنوان\n" + CLAUSE * 300, encoding="utf-8")
    outputs = write_outputs(build_from_paths([tmp_path / "long.txt"], rules).graph, tmp_path / "out")
    evidence = [e for edge in json.loads(outputs["json"].read_text(encoding="utf-8"))["edges"] for e in edge["evidence"]]
    assert evidence and all(len(e["sentence"]) <= SHOWN_CHARS + 4 and e["trigger"] in e["sentence"] for e in evidence)
    assert any(e["sentence"].endswith(" …") for e in evidence)
    for kind in ("graphml", "html"):
        assert CLAUSE * 4 not in outputs[kind].read_text(encoding="utf-8")


class _Counted(list):
    """A list that counts the items read from it."""

    reads = 0

    def __getitem__(self, index):
        self.reads += 1
        return super().__getitem__(index)


def test_the_salient_entity_of_a_long_text_is_found_from_a_bounded_number_of_sentences():
    lede = _mentions([("مصرف الخليج الأول", "ORG")])[0]
    entity = Entity(id="e0", label=lede.text, type="ORG", key=lede.key, mentions=(lede.id,))
    placed = _Counted([[_M(lede, entity, 0, 3, 0)]] + [[] for _ in range(999)])
    salience = _Salience(placed)
    assert salience.best({"ORG"}, 999, 0, set()).entity == entity  # the lede still counts
    assert placed.reads <= SALIENCE_WINDOW + 3


def _waiting(text: str, doc_id: str) -> Extraction:
    """An article naming one company and, by surname only, one person: the surname waits for the whole graph."""
    entities = (Entity(id="e0", label="مصرف الخليج الأول", type="ORG", key=match_key("مصرف الخليج الأول")),
                Entity(id="e1", label="الغامدي", type="PERSON", key=match_key("الغامدي"), partial=True))
    return Extraction(document=Document(id=doc_id, text=text), entities=entities)


def test_an_article_waiting_for_the_graph_to_place_a_surname_is_not_kept_whole():
    GraphBuilder().add(_waiting(CLAUSE, "warm"))  # lexicons loaded outside the measure
    tracemalloc.start()
    builder = GraphBuilder()
    builder.add(_waiting(CLAUSE * 5000, "long"))  # half a million characters, dropped once added
    kept = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert kept < 200_000
    assert builder.finish().number_of_nodes() == 1


def test_finding_repeated_names_reads_each_word_a_bounded_number_of_times(rules, monkeypatch):
    import extractors.mentions as mentions

    calls = 0
    key = mentions.match_key

    def counted(text):
        nonlocal calls
        calls += 1
        return key(text)

    text = ("أعلنت شركة Northwind Blue Harbor Capital Partners Group عن نتائجها. " +
            "وقال المحللون إن الأسواق تراقب النتائج عن كثب بعد أشهر من التقلبات. " * 60 +
            "وقالت Northwind Blue Harbor Capital Partners Group إنها ستتوسع.")
    doc = document_from_text("عنوان\n" + text, doc_id="names")
    sentences = segment(doc)
    words = sum(len(s.text.split()) for s in sentences)
    monkeypatch.setattr(mentions, "match_key", counted)
    found = rules.finder.find(doc, sentences)
    assert sum(m.text == "Northwind Blue Harbor Capital Partners Group" for m in found) == 2
    assert calls < 12 * words


def test_the_rows_of_a_long_table_find_where_the_table_starts_in_one_pass(rules):
    rows = "".join(f"| الربع {n} | {n} مليون دولار |\n" for n in range(2000))
    doc = document_from_text("عنوان\nأعلنت أمازون نتائجها في الجدول التالي:\n" + rows, doc_id="table")
    extraction = rules(doc)
    sentences = _Counted(extraction.sentences)
    find_relations(doc, sentences, list(extraction.mentions), list(extraction.entities))
    assert len(sentences) > 2000 and sentences.reads < 100


def test_the_model_reads_bounded_batches_and_pieces_of_a_long_text(full):
    from extractors.ner import model as ner_model

    sentences = [["كلمة"] * 120 for _ in range(200)] + [["شركة"] * 700]
    batches = ner_model._batches(ner_model._pieces(sentences))
    assert all(sum(b - a for _, a, b in batch) <= ner_model.BATCH_WORDS for batch in batches)
    assert max(b - a for batch in batches for _, a, b in batch) == ner_model.MAX_WORDS
    assert [piece for batch in batches for piece in batch] == ner_model._pieces(sentences)  # in order, none lost
    text = ["قال"] + ["إن"] * 400 + ["رئيس", "شركة", "أرامكو", "أمين", "الناصر", "إن", "الأرباح", "ارتفعت"]
    (spans,) = ner_model.tag_sentences(full.finder.model, [text])
    assert all(0 <= a < b <= len(text) for a, b, _ in spans)
    assert any(a > ner_model.MAX_WORDS for a, _, _ in spans)  # a piece after the first keeps its offset
