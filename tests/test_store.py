"""The store: incremental adds, replaced articles, deterministic output, and entity resolution across articles."""

import sqlite3

import pytest

from extractors.records import Document
from graph.cli import main
from graph.export import to_node_link
from graph.runner import add_paths, build_from_paths, write_outputs
from graph.store import Store, StoreError
from tests.conftest import ARTICLES


def _write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def test_adding_one_at_a_time_equals_building_together(tmp_path, rules):
    together = build_from_paths([ARTICLES], rules)
    with Store(tmp_path / "one.db") as store:
        for path in sorted(ARTICLES.glob("*.txt"), reverse=True):
            add_paths([path], store, rules)
        one_by_one = store.graph()
    assert to_node_link(one_by_one) == to_node_link(together.graph)
    a = write_outputs(together.graph, tmp_path / "a")
    b = write_outputs(one_by_one, tmp_path / "b")
    for kind in ("json", "graphml"):
        assert a[kind].read_bytes() == b[kind].read_bytes()


def test_re_adding_is_a_no_op(tmp_path, rules):
    with Store(tmp_path / "s.db") as store:
        first = add_paths([ARTICLES], store, rules)
        before = to_node_link(store.graph())
        again = add_paths([ARTICLES], store, rules)
        assert (first.added, again.added, again.unchanged) == (2, 0, 2)
        assert to_node_link(store.graph()) == before
        assert store.documents() == 2


def test_a_changed_article_replaces_its_facts(tmp_path, rules):
    folder = tmp_path / "in"
    _write(folder, "deal.txt", "خبر\nاستحوذت شركة أمازون على شركة نون مقابل مليار دولار.")
    with Store(tmp_path / "s.db") as store:
        add_paths([folder], store, rules)
        assert store.graph().has_edge("amazon", "noon", "ACQUIRED")
        _write(folder, "deal.txt", "خبر\nاستحوذت شركة أمازون على شركة طلبات مقابل مليار دولار.")
        report = add_paths([folder], store, rules)
        G = store.graph()
    assert report.replaced == 1
    assert G.has_edge("amazon", "talabat", "ACQUIRED") and "noon" not in G


@pytest.mark.parametrize(
    "arabic, latin, node",
    [("ميتا", "Meta", "meta"), ("جوجل", "Google", "google"), ("إنفيديا", "Nvidia", "nvidia"), ("أرامكو", "Aramco", "saudi_aramco")],
)
def test_known_pairs_merge_across_articles(tmp_path, rules, arabic, latin, node):
    folder = tmp_path / "in"
    _write(folder, "a.txt", f"خبر\nاستثمرت شركة {arabic} في شركة «نوفا بيو».")
    _write(folder, "b.txt", f"خبر\nأعلنت {latin} عن شراكة مع شركة «كيو داتا».")
    G = build_from_paths([folder], rules).graph
    nodes = [n for n, d in G.nodes(data=True) if {arabic, latin} & set(d["aliases"])]
    assert nodes == [node]
    assert {arabic, latin} <= set(G.nodes[node]["aliases"])


def test_an_unlisted_pair_merges_by_transliteration(tmp_path, rules):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "خبر\nاستحوذت شركة «زيفيرا» على شركة «نوفا بيو» مقابل 20 مليون دولار.")
    _write(folder, "b.txt", "خبر\nقالت شركة Zephyra إن صفقة نوفا بيو اكتملت.")
    G = build_from_paths([folder], rules).graph
    (node,) = [n for n, d in G.nodes(data=True) if "زيفيرا" in d["aliases"]]
    assert "Zephyra" in G.nodes[node]["aliases"]
    assert any(p["rule"] == "transliteration" for p in G.nodes[node]["provenance"])


def test_people_sharing_a_surname_stay_apart(tmp_path, rules):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "خبر\nقال رجل الأعمال محمد العبار إن المشروع سيكتمل. وأضاف العبار أن الطلب قوي.")
    _write(folder, "b.txt", "خبر\nقال الرئيس التنفيذي خالد العبار إن الشركة ستتوسع.")
    _write(folder, "c.txt", "خبر\nوعلق العبار على النتائج بإيجاز.")
    G = build_from_paths([folder], rules).graph
    people = {d["label"] for _, d in G.nodes(data=True) if d["type"] == "PERSON"}
    assert {"محمد العبار", "خالد العبار"} <= people
    muhammad = next(n for n, d in G.nodes(data=True) if d["label"] == "محمد العبار")
    assert G.nodes[muhammad]["documents"] == ["a"]


def test_two_full_names_sharing_a_repeated_surname_stay_apart(tmp_path, rules):
    """Each article repeats its person's bare surname: the shared alias العبار never joins محمد and خالد."""
    folder = tmp_path / "in"
    _write(folder, "a.txt", "خبر\nقال رجل الأعمال محمد العبار إن المشروع سيكتمل. وأضاف العبار أن الطلب قوي.")
    _write(folder, "b.txt", "خبر\nقال الرئيس التنفيذي خالد العبار إن الشركة ستتوسع. وأكد العبار أن الأرباح نمت.")
    G = build_from_paths([folder], rules).graph
    people = [d["label"] for _, d in G.nodes(data=True) if d["type"] == "PERSON"]
    assert sorted(people) == ["خالد العبار", "محمد العبار"]


def test_a_dictionary_word_is_no_transliteration_of_a_short_latin_name(tmp_path, full):
    """آبار (wells; a fund's name) shares two consonants with Uber: the two stay apart."""
    folder = tmp_path / "in"
    _write(folder, "a.txt", "خبر\nأعلنت شركة Uber عن نتائجها الفصلية.")
    _write(folder, "b.txt", "خبر\nوقال رئيس مجلس إدارة شركة آبار إن الشركة تدرس صفقات جديدة.")
    G = build_from_paths([folder], full).graph
    uber = [n for n, d in G.nodes(data=True) if "Uber" in d["aliases"]]
    assert uber and not any("آبار" in a for n in uber for a in G.nodes[n]["aliases"])
    assert any("آبار" in d["aliases"] for _, d in G.nodes(data=True))


def test_bare_surname_joins_the_only_person_with_it_across_articles(tmp_path, rules):
    from extractors.records import Entity, Extraction, Mention

    text = "وأضاف لوندمارك أن الطلب قوي."
    mention = Mention(id="m0", text="لوندمارك", start=5, end=13, type="PERSON", key="لوندمارك", sentence=0, source="model")
    partial = Entity(id="e0", label="لوندمارك", type="PERSON", key="لوندمارك", aliases=("لوندمارك",), mentions=("m0",),
                     partial=True)
    later = Extraction(document=Document(id="b", text=text), mentions=(mention,), entities=(partial,))
    alone = Extraction(document=Document(id="c", text=text), mentions=(mention,), entities=(partial,))
    with Store(tmp_path / "s.db") as store:
        store.add(later)
        store.add(rules(Document(id="a", text="قال الرئيس التنفيذي بيكا لوندمارك إن نوكيا ستنمو.")))
        G = store.graph()
    (node,) = [n for n, d in G.nodes(data=True) if d["label"] == "بيكا لوندمارك"]
    assert G.nodes[node]["documents"] == ["a", "b"]
    assert any(p["rule"] == "person-part" for p in G.nodes[node]["provenance"])
    with Store(tmp_path / "t.db") as store:
        store.add(alone)
        assert "لوندمارك" not in {d["label"] for _, d in store.graph().nodes(data=True)}


def test_schema_version_is_checked(tmp_path):
    path = tmp_path / "s.db"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        Store(path)
    (tmp_path / "junk.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not an alaqat store"):
        Store(tmp_path / "junk.db")


def test_cli_add_export_and_explain(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert main(["add", str(ARTICLES), "--db", db, "--no-model"]) == 0
    assert "2 added" in capsys.readouterr().out
    assert main(["add", str(ARTICLES), "--db", db, "--no-model"]) == 0
    assert "2 unchanged" in capsys.readouterr().out
    assert main(["export", "--db", db, "--format", "json", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "graph.json").is_file()
    capsys.readouterr()
    assert main(["explain", "Meta", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "knowledge-base" in out and "meta_scale_ai_deal" in out


def test_evidence_carries_the_article_date(tmp_path, rules):
    with Store(tmp_path / "s.db") as store:
        ex = rules(Document(id="d1", text="استقال جون سكالي من شركة أبل.", date="1993-06-18"))
        store.add(ex)
        G = store.graph()
    data = G.edges["person:جون سكالي", "apple", "LEFT"]
    assert data["evidence"][0]["date"] == "1993-06-18"


def test_never_join_pairs_stay_apart(monkeypatch):
    from graph import resolve

    config = dict(resolve._config())
    config["never_join"] = [["زيفيرا", "Zephyra"]]
    monkeypatch.setattr(resolve, "_config", lambda: config)
    resolver = resolve.Resolver()
    resolver.add("org:زيفيرا", "ORG", {"زيفيرا"})
    assert resolver.find("ORG", {"Zephyra"}) is None
    assert resolver.find("ORG", {"زيفيرا"}).rule == "same-name"


SOLD = "وقالت أمازون إنها استحوذت على شركة طلبات مقابل ملياري دولار بعد مفاوضات طويلة."


def _copies(db, text: str) -> int:
    """How many times ``text`` occurs in the text columns of the store ``db``'s own tables (not the graph index, a
    cache of the merged graph for questions that holds what graph.json holds, rebuilt whenever the store changes)."""
    with sqlite3.connect(db) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'") if not t.startswith("graph_")]
        return sum(str(value).count(text) for table in tables for row in con.execute(f"SELECT * FROM {table}")
                   for value in row)


def test_an_evidence_sentence_is_stored_once(tmp_path, rules):
    extraction = rules(Document(id="sale", text="خبر الصفقة\n" + SOLD + " " + SOLD, title="خبر الصفقة"))
    assert extraction.relations and len(extraction.relations[0].evidence) == 2
    with Store(tmp_path / "s.db") as store:
        store.add(extraction)
        (stored,) = store.extractions()
        G = store.graph()
    assert _copies(tmp_path / "s.db", SOLD) == 2  # the article says it twice, the store keeps the article once
    assert stored == extraction
    (edge,) = [d for _, _, d in G.edges(data=True)]
    assert [(e["sentence"], e["title"]) for e in edge["evidence"]] == [(SOLD, "خبر الصفقة")] * 2


def test_a_store_of_version_1_is_read_and_marked_version_2(tmp_path, rules):
    extraction = rules(Document(id="sale", text="خبر\n" + SOLD))
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.add(extraction)
    with sqlite3.connect(path) as db:  # as version 1 wrote it: every sentence in full
        db.execute("UPDATE documents SET extraction = ?", (extraction.model_dump_json(),))
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert list(store.extractions()) == [extraction]
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
