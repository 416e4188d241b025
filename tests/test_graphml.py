"""GraphML that Gephi and yEd read in full: valid for the GraphML schema, unique edge ids, one key per attribute."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from lxml import etree

from graph.export import write_graphml

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
SCHEMA = Path(__file__).with_name("graphml.xsd")


def _schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def gephi_read(path: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """Read GraphML the way Gephi's importer does: keys and edges in maps by id, so a repeated id loses an element."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): {"for": k.get("for"), "name": k.get("attr.name")} for k in root.iterfind("g:key", NS)}
    edges = {}
    for edge in root.iterfind("g:graph/g:edge", NS):
        data = {keys[d.get("key")]["name"]: d.text for d in edge.iterfind("g:data", NS)}
        edges.setdefault(edge.get("id"), {"source": edge.get("source"), "target": edge.get("target"), **data})
    return keys, edges


def test_graphml_is_valid_for_the_schema(seed_build):
    _, outputs = seed_build
    schema = _schema()
    assert schema.validate(etree.parse(str(outputs["graphml"]))), schema.error_log.last_error


def test_gephi_reads_every_edge_and_every_attribute_once(seed_build):
    report, outputs = seed_build
    G = report.graph
    keys, edges = gephi_read(outputs["graphml"])
    assert len(edges) == G.number_of_edges() > 20
    root = ET.parse(outputs["graphml"]).getroot()
    declared = [(k.get("for"), k.get("attr.name")) for k in root.iterfind("g:key", NS)]
    assert len(declared) == len(set(declared)) == len(keys)
    assert {"node", "edge"} <= {domain for domain, name in declared if name == "documents"}
    relations = sorted(e["relation"] for e in edges.values())
    assert relations == sorted(k for _, _, k in G.edges(keys=True))


def test_node_ids_with_spaces_are_name_tokens_and_edges_still_join_them(tmp_path):
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("org:scale ai", label="Scale AI", type="ORG")
    G.add_node("meta", label="ميتا", type="ORG")
    G.add_edge("meta", "org:scale ai", key="INVESTED_IN", relation="INVESTED_IN")
    G.add_edge("meta", "org:scale ai", key="PARTNERS_WITH", relation="PARTNERS_WITH")
    path = write_graphml(G, tmp_path / "g.graphml")
    assert _schema().validate(etree.parse(str(path)))
    _, edges = gephi_read(path)
    assert {(e["source"], e["target"], e["relation"]) for e in edges.values()} == {
        ("meta", "org:scale_ai", "INVESTED_IN"), ("meta", "org:scale_ai", "PARTNERS_WITH")}


def test_the_schema_rejects_repeated_edge_and_key_ids(tmp_path):
    bad = tmp_path / "bad.graphml"
    bad.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="documents" for="node" attr.name="documents" attr.type="string"/>'
        '<key id="documents" for="edge" attr.name="documents" attr.type="string"/>'
        '<graph edgedefault="directed"><node id="a"/><node id="b"/>'
        '<edge id="ACQUIRED" source="a" target="b"/><edge id="ACQUIRED" source="b" target="a"/></graph></graphml>',
        encoding="utf-8",
    )
    schema = _schema()
    assert not schema.validate(etree.parse(str(bad)))
    messages = " ".join(str(e) for e in schema.error_log)
    assert "key_id_key" in messages and "graph_edge_id_unique" in messages
    assert len(gephi_read(bad)[1]) == 1  # what Gephi keeps of two edges with one id
