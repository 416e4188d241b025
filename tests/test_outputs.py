"""The files a build writes: node-link JSON as the contract says, GraphML that reads back, an offline page."""

import json
import re

import networkx as nx

from extractors.records import RELATION_TYPES
from graph.runner import build_from_paths, write_outputs


def test_graph_json_has_the_documented_fields(seed_build):
    _, outputs = seed_build
    data = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert set(data) >= {"nodes", "edges"}
    for node in data["nodes"]:
        assert {"id", "label", "type", "aliases"} <= set(node)
        assert isinstance(node["aliases"], list) and node["label"]
    for edge in data["edges"]:
        assert {"source", "target", "relation", "evidence"} <= set(edge)
        assert edge["relation"] in RELATION_TYPES
    amounts = [e for e in data["edges"] if "amount" in e]
    assert amounts and all(isinstance(e["amount"], float) and e["currency"] for e in amounts)


def test_graphml_reads_back_in_networkx_and_igraph(seed_build):
    import igraph

    report, outputs = seed_build
    G = report.graph
    H = nx.read_graphml(outputs["graphml"])
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    meta = H.nodes["meta"]
    assert json.loads(meta["aliases"]) == G.nodes["meta"]["aliases"]
    g = igraph.Graph.Read_GraphML(str(outputs["graphml"]))
    assert (g.vcount(), g.ecount()) == (G.number_of_nodes(), G.number_of_edges())
    assert "relation" in g.es.attributes()


def test_html_page_is_offline(seed_build):
    _, outputs = seed_build
    page = outputs["html"].read_text(encoding="utf-8")
    assert "vis.Network" in page or "new vis" in page
    assert not re.search(r"<(script|link)\b[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", page, re.IGNORECASE)


def test_the_page_writes_arabic_as_itself_not_as_escapes(seed_build):
    report, outputs = seed_build
    page = outputs["html"].read_text(encoding="utf-8")
    evidence = next(e["sentence"] for _, _, d in report.graph.edges(data=True) for e in d["evidence"])
    assert json.dumps(evidence, ensure_ascii=False)[1:-1] in page
    assert json.dumps(evidence)[1:-1] not in page  # \u0639\u0642\u062f …: three times the bytes


def test_article_markup_never_reaches_the_page_as_markup(evil_outputs):
    report, outputs = evil_outputs
    assert report.graph.number_of_edges() >= 1
    page = outputs["html"].read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<b onmouseover" not in page
    assert "alert(1)</script>" not in page and "<script>alert(5)" not in page and "<script>alert(6)" not in page
    assert "&lt;b&gt;" in page


def test_control_characters_do_not_break_graphml(tmp_path):
    article = tmp_path / "ctl.txt"
    article.write_text("خبر\nاستحوذت شركة أمازون\x07 على شركة سوق.كوم\x0b مقابل مليار دولار.", encoding="utf-8")
    report = build_from_paths([article])
    outputs = write_outputs(report.graph, tmp_path / "out")
    H = nx.read_graphml(outputs["graphml"])
    assert H.number_of_edges() == report.graph.number_of_edges() >= 1
