"""A user's corrections to a store (merge, split, forget) survive rebuilds and new articles; deal events between one
pair stay apart; the store commands of the command line."""

import csv
import json

import networkx as nx
import pytest

from extractors.records import Document
from graph.cli import main
from graph.export import read_json, write_graphml, write_json
from graph.queries import deals, resolve
from graph.store import Store

BID = Document(id="a-bid", title="عرض أمازون لشراء نون", date="2015-04-01", source="https://example.com/news/bid",
               text="عرض أمازون لشراء نون\nقدمت شركة أمازون عرضا للاستحواذ على شركة نون مقابل 23 مليار دولار، لكن نون رفضت العرض.")
DEAL = Document(id="b-deal", title="صفقة أمازون ونون", date="2016-07-01",
                text="صفقة أمازون ونون\nاتفقت شركة أمازون على الاستحواذ على شركة نون مقابل 32 مليار دولار.")
DONE = Document(id="c-done", title="اكتمال الصفقة", date="2016-11-20",
                text="اكتمال الصفقة\nأتمت شركة أمازون الاستحواذ على شركة نون مقابل 32 مليار دولار.")
ZEPHYRA_AR = Document(id="z1", text="خبر\nاستحوذت شركة «زيفيرا» على شركة «نوفا بيو» مقابل 20 مليون دولار.")
ZEPHYRA_LAT = Document(id="z2", text="خبر\nقالت شركة Zephyra إن صفقة نوفا بيو اكتملت.")
PARTNERS = Document(id="p1", text="خبر\nأعلنت شركة «كيو داتا» شراكة مع شركة «داتا كيو» لتطوير الحوسبة السحابية.")


@pytest.fixture
def deal_store(tmp_path, rules):
    store = Store(tmp_path / "deals.db")
    for doc in (BID, DEAL, DONE):
        store.add(rules(doc))
    yield store
    store.close()


def test_two_deals_between_one_pair_stay_two_events(deal_store, tmp_path):
    G = deal_store.graph()
    edge = G.edges["amazon", "noon", "ACQUIRED"]
    events = [(e["amount"], e["status"], e["date"], e["documents"]) for e in edge["events"]]
    assert events == [(23e9, "proposed", "2015-04-01", ["a-bid"]),
                      (32e9, "completed", "2016-07-01", ["b-deal", "c-done"])]
    assert (edge["amount"], edge["status"]) == (32e9, "completed")  # the most advanced, most recent deal
    assert [len(d["events"]) for d in deals(G, "أمازون")] == [2]
    json_edges = [e for e in json.loads(write_json(G, tmp_path / "g.json").read_text("utf-8"))["edges"]
                  if e["relation"] == "ACQUIRED"]
    assert len(json_edges) == 1 and [e["amount"] for e in json_edges[0]["events"]] == [23e9, 32e9]
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"))
    (graphml_edge,) = [d for _, _, d in H.edges(data=True) if d["relation"] == "ACQUIRED"]
    assert [e["amount"] for e in json.loads(graphml_edge["events"])] == [23e9, 32e9]


def test_evidence_keeps_the_article_date_and_source(deal_store):
    evidence = deal_store.graph().edges["amazon", "noon", "ACQUIRED"]["evidence"]
    assert {(e["document"], e["date"], e.get("source")) for e in evidence} == {
        ("a-bid", "2015-04-01", "https://example.com/news/bid"), ("b-deal", "2016-07-01", None),
        ("c-done", "2016-11-20", None)}


def test_cli_date_range_keeps_the_deals_of_those_years(deal_store, tmp_path, capsys):
    main(["query", "deals", "نون", "--db", str(deal_store.path), "--until", "2015", "--json"])
    (deal,) = json.loads(capsys.readouterr().out)
    assert deal["amount"] == 23e9 and [e["date"] for e in deal["events"]] == ["2015-04-01"]
    main(["query", "deals", "نون", "--db", str(deal_store.path), "--since", "2016", "--json"])
    (deal,) = json.loads(capsys.readouterr().out)
    assert deal["amount"] == 32e9 and {e["document"] for e in deal["evidence"]} == {"b-deal", "c-done"}
    main(["query", "deals", "نون", "--db", str(deal_store.path), "--min-confidence", "1.01", "--json"])
    assert "no entity named" in capsys.readouterr().err
    assert main(["view", "نون", "--db", str(deal_store.path), "--until", "2015", "--out", str(tmp_path / "v.html")]) == 0
    page = (tmp_path / "v.html").read_text(encoding="utf-8")
    assert "a-bid" in page and "b-deal" not in page and "c-done" not in page
    assert main(["export", "--db", str(deal_store.path), "--since", "2016-08", "--format", "json", "--out", str(tmp_path)]) == 0
    (edge,) = read_json(tmp_path / "graph.json").edges(data=True)
    assert [e["document"] for e in edge[2]["evidence"]] == ["c-done"]


def _zephyra_store(path, rules) -> Store:
    store = Store(path)
    store.add(rules(ZEPHYRA_AR))
    store.add(rules(ZEPHYRA_LAT))
    return store


def test_split_survives_a_rebuild_and_an_incremental_add(tmp_path, rules, capsys):
    db = tmp_path / "s.db"
    with _zephyra_store(db, rules) as store:
        G = store.graph()
        assert resolve(G, "Zephyra") == resolve(G, "زيفيرا")  # joined by transliteration
    assert main(["split", "Zephyra", "--db", str(db)]) == 0
    with Store(db) as store:
        store.add(rules(Document(id="z3", text="خبر\nوقعت شركة Zephyra عقدا مع شركة أمازون.")))
        for G in (store.graph(), store.graph()):
            arabic, latin = resolve(G, "زيفيرا"), resolve(G, "Zephyra")
            assert arabic != latin
            assert G.nodes[latin]["documents"] == ["z2", "z3"] and G.nodes[arabic]["documents"] == ["z1"]
            assert {p["rule"] for p in G.nodes[latin]["provenance"]} == {"manual-split"}
    capsys.readouterr()
    assert main(["explain", "Zephyra", "--db", str(db), "--json"]) == 0
    assert {p["rule"] for p in json.loads(capsys.readouterr().out)["provenance"]} == {"manual-split"}


def test_merge_survives_a_rebuild_and_an_incremental_add(tmp_path, rules, capsys):
    db = tmp_path / "m.db"
    with Store(db) as store:
        store.add(rules(PARTNERS))
        G = store.graph()
        assert resolve(G, "كيو داتا") != resolve(G, "داتا كيو")
    assert main(["merge", "كيو داتا", "داتا كيو", "--db", str(db)]) == 0
    assert "merged into" in capsys.readouterr().out
    with Store(db) as store:
        store.add(rules(Document(id="p2", text="خبر\nاستثمرت شركة «داتا كيو» في شركة «نوفا بيو».")))
        for G in (store.graph(), store.graph()):
            node = resolve(G, "كيو داتا")
            assert resolve(G, "داتا كيو") == node and G.nodes[node]["documents"] == ["p1", "p2"]
            assert G.has_edge(node, resolve(G, "نوفا بيو"), "INVESTED_IN")
            assert not any(k == "PARTNERS_WITH" for _, _, k in G.edges(node, keys=True))  # no relation with itself
    assert main(["explain", "داتا كيو", "--db", str(db)]) == 0
    assert "manual-merge" in capsys.readouterr().out
    assert main(["merge", "كيو داتا", "داتا كيو", "--db", str(db)]) == 2
    assert "already one entity" in capsys.readouterr().err


def test_forget_removes_exactly_that_articles_facts(deal_store, rules, capsys):
    before = deal_store.graph()
    db = str(deal_store.path)
    assert main(["forget", "a-bid", "--db", db]) == 0
    after = deal_store.graph()
    edge = after.edges["amazon", "noon", "ACQUIRED"]
    assert [e["documents"] for e in edge["events"]] == [["b-deal", "c-done"]]
    assert {e["document"] for e in edge["evidence"]} == {"b-deal", "c-done"}
    assert all("a-bid" not in d["documents"] for _, d in after.nodes(data=True))
    assert set(after.nodes) == set(before.nodes)  # the other articles still name both firms
    deal_store.add(rules(BID))
    assert deal_store.known(BID) and deal_store.document_ids() == ["b-deal", "c-done"]
    assert main(["forget", "a-bdi", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "a-bdi: no such article" in err and "stats" in err


def test_stats_version_and_export_all(deal_store, tmp_path, capsys):
    db = str(deal_store.path)
    assert main(["stats", "--db", db, "--json", "--articles"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["articles"] == 3 and result["relations"] == {"ACQUIRED": 1}
    assert result["entities"] == {"ORG": 2} and result["article_ids"] == ["a-bid", "b-deal", "c-done"]
    assert main(["stats", "--db", db]) == 0
    assert "top entities" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("alaqat ")
    assert main(["export", "--db", db, "--format", "all", "--out", str(tmp_path / "all")]) == 0
    names = {p.name for p in (tmp_path / "all").iterdir()}
    assert {"graph.json", "graph.graphml", "graph.gexf", "nodes.csv", "load.cypher", "graph.html"} <= names
    assert read_json(tmp_path / "all" / "graph.json").number_of_edges() == 1
    with open(tmp_path / "all" / "relationships.csv", encoding="utf-8") as handle:
        (row,) = csv.DictReader(handle)
    assert [e["amount"] for e in json.loads(row["events"])] == [23e9, 32e9]  # Neo4j gets the deal events too
