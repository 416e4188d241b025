"""Articles extracted in batches: the model tags the sentences of many articles as one stream, and every article
gets exactly what it gets alone, in input order; a bad article in a batch fails only itself."""

from extractors.inputs import Problem
from extractors.records import Document
from graph.parallel import safe_extract_many

TEXTS = [
    "قالت شركة فالكورا إنها ستفتتح مركزا للبيانات في الرياض. وأضاف المدير التنفيذي سامر الخطيب أن الاستثمار يبلغ 40 مليون دولار.",
    "وقعت مجموعة نيمبوس اتفاقية شراكة مع شركة أوربيكس لتطوير رقائق الذكاء الاصطناعي.",
    "ارتفعت أسهم زيراتك بنسبة 12٪ بعد إعلانها عن منصة «كوانتا» الجديدة، التي تنافس منصات شركة بلوسيد.",
    "عينت شركة أوربيكس ليلى منصور رئيسة لمجلس الإدارة خلفا لوليد حداد الذي استقال في مارس 2024.",
]


def _docs() -> list[Document]:
    return [Document(id=f"d{n}", text=text) for n, text in enumerate(TEXTS)]


def test_a_batch_gives_each_article_what_it_gets_alone_in_order(full):
    alone = [full(doc) for doc in _docs()]
    together = full.many(_docs())
    assert [ex.document.id for ex in together] == ["d0", "d1", "d2", "d3"]
    assert [ex.model_dump() for ex in together] == [ex.model_dump() for ex in alone]
    assert any(m.source == "model" for ex in together for m in ex.mentions)  # the model did tag in the batch


def test_the_model_tags_the_sentences_of_many_articles_in_one_stream(full):
    from extractors.pipeline import segment
    from extractors.text import tokenize

    docs = [[tokenize(s.text, offset=s.start) for s in segment(doc)] for doc in _docs()]
    together = full.finder.tag(docs)
    assert together == [full.finder.tag([doc])[0] for doc in docs]
    assert [len(spans) for spans in together] == [len(doc) for doc in docs]


def test_a_bad_article_in_a_batch_fails_only_itself(rules, monkeypatch):
    find = rules.finder.find

    def failing(document, *args):
        if document.id == "d2":
            raise ValueError("broken")
        return find(document, *args)

    monkeypatch.setattr(rules.finder, "find", failing)
    results = safe_extract_many(rules, _docs())
    assert [type(r).__name__ for r in results] == ["Extraction", "Extraction", "Problem", "Extraction"]
    assert isinstance(results[2], Problem) and "ValueError" in results[2].message
