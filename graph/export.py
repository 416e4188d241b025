"""Write the knowledge graph to files: node-link JSON (the scorer's format) and GraphML.

JSON follows networkx's ``node_link_data`` with ``nodes`` and ``edges``: each
node has ``id``, ``label``, ``type``, ``aliases``; each edge ``source``,
``target``, ``relation`` and, where known, ``amount``, ``currency``,
``stake_percent``, ``role``, ``status``, ``evidence``. GraphML only holds
scalars, so lists and dicts are written as JSON strings and missing values are
left out; edges have unique ids and each attribute one key per domain, so
Gephi, yEd, networkx and python-igraph read every edge back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["to_node_link", "write_json", "write_graphml", "write_gexf", "write_neo4j", "flatten_for_graphml", "read_json"]

# XML 1.0 forbids most control characters; article text must never break the file.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def to_node_link(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dict of ``G`` with nodes and edges in a stable order.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("meta", label="ميتا", type="ORG", aliases=["ميتا"])
    >>> G.add_node("org:scale ai", label="Scale AI", type="ORG", aliases=["Scale AI"])
    >>> G.add_edge("meta", "org:scale ai", key="INVESTED_IN", relation="INVESTED_IN", amount=14.3e9)
    'INVESTED_IN'
    >>> data = to_node_link(G)
    >>> data["edges"][0]["source"], data["edges"][0]["relation"], data["edges"][0]["amount"]
    ('meta', 'INVESTED_IN', 14300000000.0)
    """
    data = nx.node_link_data(G, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], e["relation"]))
    return data


def write_json(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as node-link JSON (UTF-8, Arabic unescaped), streamed: the text is never held whole in memory."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as out:
        json.dump(to_node_link(G), out, ensure_ascii=False, indent=1)
    return path


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json`."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return _XML_INVALID.sub("", json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    return value


def flatten_for_graphml(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attributes are GraphML scalars: lists and dicts as JSON strings, None dropped.

    Numeric attributes that are floats anywhere are floats everywhere, so that
    each GraphML key has one type.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", aliases=["x", "y"], mentions=2)
    >>> flatten_for_graphml(G).nodes["a"]["aliases"]
    '["x", "y"]'
    """
    H = nx.MultiDiGraph()
    float_keys = {k for _, _, d in G.edges(data=True) for k, v in d.items() if isinstance(v, float)}
    float_keys |= {k for _, d in G.nodes(data=True) for k, v in d.items() if isinstance(v, float)}
    for n, d in G.nodes(data=True):
        H.add_node(n, **{k: _typed(k, v, float_keys) for k, v in d.items() if v is not None})
    for u, v, k, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **{a: _typed(a, b, float_keys) for a, b in d.items() if b is not None})
    return H


def _typed(key: str, value: Any, float_keys: set[str]) -> Any:
    if key in float_keys and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return _scalar(value)


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML with flattened attributes, valid for the GraphML schema and read in full by Gephi and
    yEd: every edge has its own id (``e0``, ``e1`` ...; the relation is the ``relation`` attribute), every attribute
    one key per domain, and node ids are name tokens (the graph.json id with ``_`` for spaces).

    >>> import tempfile, os
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="ACQUIRED", relation="ACQUIRED", documents=["d1"])
    'ACQUIRED'
    >>> G.add_edge("a", "c", key="ACQUIRED", relation="ACQUIRED")
    'ACQUIRED'
    >>> G.nodes["a"]["documents"] = ["d1"]
    >>> text = write_graphml(G, os.path.join(tempfile.mkdtemp(), "g.graphml")).read_text(encoding="utf-8")
    >>> re.findall(r'<edge [^>]*id="(\\w+)"', text), len(re.findall("<key ", text))
    (['e0', 'e1'], 3)
    """
    path = Path(path)
    flat = flatten_for_graphml(G)
    ids = _graphml_ids(flat.nodes)
    H = nx.MultiDiGraph()
    H.add_nodes_from((ids[n], d) for n, d in flat.nodes(data=True))
    H.add_edges_from((ids[u], ids[v], f"e{n}", d) for n, (u, v, d) in enumerate(flat.edges(data=True)))
    nx.write_graphml(H, path, encoding="utf-8", named_key_ids=False)
    return path


_NOT_NMTOKEN = re.compile(r"[^\w.:-]")


def _graphml_ids(nodes) -> dict[str, str]:
    """GraphML node ids (XML name tokens, as the GraphML schema requires): spaces and other separators become ``_``.

    >>> _graphml_ids(["org:scale ai", "org:scale_ai", "meta"])
    {'org:scale ai': 'org:scale_ai', 'org:scale_ai': 'org:scale_ai_2', 'meta': 'meta'}
    """
    ids: dict[str, str] = {}
    used: set[str] = set()
    for node in nodes:
        base = _NOT_NMTOKEN.sub("_", str(node)) or "_"
        token, number = base, 1
        while token in used:
            number += 1
            token = f"{base}_{number}"
        ids[node] = token
        used.add(token)
    return ids


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GEXF (Gephi) with the same flattened attributes as GraphML."""
    path = Path(path)
    nx.write_gexf(flatten_for_graphml(G), path, encoding="utf-8")
    return path


_NODE_COLUMNS = [("id:ID", "id"), ("label", "label"), ("type", "type"), ("aliases:string[]", "aliases"),
                 ("mentions:int", "mentions"), ("documents:string[]", "documents"), (":LABEL", None)]
_EDGE_COLUMNS = [(":START_ID", None), (":END_ID", None), (":TYPE", None), ("amount:double", "amount"),
                 ("currency", "currency"), ("stake_percent:double", "stake_percent"), ("role", "role"),
                 ("status", "status"), ("date", "date"), ("confidence:double", "confidence"),
                 ("articles:int", "articles"), ("evidence", "evidence"), ("events", "events")]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return _XML_INVALID.sub("", ";".join(v.replace(";", ",") for v in value))
    if isinstance(value, (list, dict)):
        return _XML_INVALID.sub("", json.dumps(value, ensure_ascii=False))
    return _XML_INVALID.sub("", str(value))


_CYPHER = """// Load alaqat's graph into Neo4j with LOAD CSV.
// Copy nodes.csv and relationships.csv into Neo4j's import folder, then run this script (cypher-shell -f load.cypher).
// For an empty database, `neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv`
// reads the same files (array delimiter ';').
CREATE CONSTRAINT alaqat_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (e:Entity {{id: row.`id:ID`}})
SET e.label = row.label, e.type = row.type, e.aliases = split(row.`aliases:string[]`, ';'),
    e.mentions = toInteger(row.`mentions:int`), e.documents = split(row.`documents:string[]`, ';');
{labels}
{relationships}
"""


def write_neo4j(G: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` (neo4j-admin import headers) and ``load.cypher`` (LOAD CSV)."""
    import csv

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path, cypher_path = out / "nodes.csv", out / "relationships.csv", out / "load.cypher"
    with open(nodes_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c for c, _ in _NODE_COLUMNS])
        for n, d in sorted(G.nodes(data=True)):
            row = [_cell(n if key == "id" else d.get(key)) for _, key in _NODE_COLUMNS[:-1]]
            writer.writerow(row + [f"Entity;{d.get('type', 'MISC').title()}"])
    with open(edges_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c for c, _ in _EDGE_COLUMNS])
        for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            writer.writerow([u, v, k] + [_cell(d.get(key)) for _, key in _EDGE_COLUMNS[3:]])
    types = sorted({d.get("type", "MISC") for _, d in G.nodes(data=True)})
    labels = "\n".join(
        f"MATCH (e:Entity {{type: '{t}'}}) SET e:{t.title()};" for t in types if t.isalpha()
    )
    relationships = "\n".join(
        f"LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row WITH row WHERE row.`:TYPE` = '{rel}'\n"
        f"MATCH (a:Entity {{id: row.`:START_ID`}}), (b:Entity {{id: row.`:END_ID`}})\n"
        f"MERGE (a)-[r:{rel}]->(b)\n"
        "SET r.amount = toFloat(row.`amount:double`), r.currency = row.currency, "
        "r.stake_percent = toFloat(row.`stake_percent:double`), r.role = row.role, r.status = row.status, "
        "r.date = row.date, r.confidence = toFloat(row.`confidence:double`), r.articles = toInteger(row.`articles:int`), "
        "r.evidence = row.evidence, r.events = row.events;"
        for rel in sorted({k for _, _, k in G.edges(keys=True)})
    )
    cypher_path.write_text(_CYPHER.format(labels=labels, relationships=relationships), encoding="utf-8")
    return {"nodes": nodes_path, "relationships": edges_path, "cypher": cypher_path}
