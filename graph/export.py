"""Write the knowledge graph to files: node-link JSON (the scorer's format) and GraphML.

JSON follows networkx's ``node_link_data`` with ``nodes`` and ``edges``: each
node has ``id``, ``label``, ``type``, ``aliases``; each edge ``source``,
``target``, ``relation`` and, where known, ``amount``, ``currency``,
``stake_percent``, ``role``, ``status``, ``evidence``. GraphML only holds
scalars, so lists and dicts are written as JSON strings and missing values are
left out; networkx and python-igraph read the file back.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["to_node_link", "write_json", "write_graphml", "flatten_for_graphml", "read_json"]

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
    """Write ``G`` as node-link JSON (UTF-8, Arabic unescaped)."""
    path = Path(path)
    path.write_text(json.dumps(to_node_link(G), ensure_ascii=False, indent=1), encoding="utf-8")
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
    """Write ``G`` as GraphML with flattened attributes."""
    path = Path(path)
    nx.write_graphml(flatten_for_graphml(G), path, encoding="utf-8", named_key_ids=True)
    return path
