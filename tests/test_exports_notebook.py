"""Exports other tools read (GEXF, Neo4j CSV), and the notebook, executed so that it never rots."""

import csv
import json
from pathlib import Path

import networkx as nx

from graph.cli import main

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


def test_gexf_reads_back_with_every_attribute(seed_build, tmp_path):
    report, outputs = seed_build
    assert main(["export", "--graph", str(outputs["json"]), "--format", "gexf", "--out", str(tmp_path)]) == 0
    H = nx.read_gexf(tmp_path / "graph.gexf")
    G = report.graph
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert json.loads(H.nodes["meta"]["aliases"]) == G.nodes["meta"]["aliases"]
    amounts = [d["amount"] for _, _, d in H.edges(data=True) if "amount" in d]
    assert 14.3e9 in amounts


def test_neo4j_files_follow_the_import_conventions(seed_build, tmp_path):
    report, outputs = seed_build
    assert main(["export", "--graph", str(outputs["json"]), "--format", "neo4j", "--out", str(tmp_path)]) == 0
    with open(tmp_path / "nodes.csv", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "relationships.csv", encoding="utf-8") as f:
        rels = list(csv.DictReader(f))
    assert {"id:ID", ":LABEL", "aliases:string[]"} <= set(nodes[0])
    assert {":START_ID", ":END_ID", ":TYPE", "amount:double"} <= set(rels[0])
    assert len(nodes) == report.graph.number_of_nodes() and len(rels) == report.graph.number_of_edges()
    ids = {n["id:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    cypher = (tmp_path / "load.cypher").read_text(encoding="utf-8")
    assert "LOAD CSV WITH HEADERS" in cypher and "MERGE (a)-[r:COMPETES_WITH]->(b)" in cypher


def test_notebook_is_stored_without_outputs():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code")


def _run_notebook() -> str:
    """Execute the notebook; return the text of its outputs."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return "\n".join(
        o.get("text", "") or json.dumps(o.get("data", {}), ensure_ascii=False)
        for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )


def test_notebook_runs(tmp_path):
    text = _run_notebook()
    assert "Mercor" in text and "ACQUIRED" in text and "image/png" in text


def test_notebook_reads_a_store_and_charts_deals_by_year(tmp_path, rules, monkeypatch):
    from extractors.records import Document
    from graph.store import Store

    with Store(tmp_path / "news.db") as store:
        for doc_id, year, amount in (("bid", "2015", 23), ("deal", "2016", 32)):
            store.add(rules(Document(id=doc_id, date=f"{year}-05-01",
                                     text=f"خبر\nاستحوذت شركة أمازون على شركة نون مقابل {amount} مليار دولار.")))
    monkeypatch.setenv("ALAQAT_DB", str(tmp_path / "news.db"))
    text = _run_notebook()
    assert "2 articles" in text and "{'2015': 1, '2016': 1}" in text and "image/png" in text
