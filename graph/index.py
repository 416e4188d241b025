"""The merged graph kept inside a store as indexed tables, so that a question reads only what it needs.

:meth:`graph.store.Store.graph` merges every stored extraction (seconds for thousands of articles) and then writes
the graph it made into three tables of the same SQLite file: ``graph_nodes`` and ``graph_edges`` (the node-link
records of ``graph.json``, in its order, edges indexed by source, target and relation) and ``graph_names`` (the
match key of every name a node answers to). A store counts its changes (``meta.generation``, kept by triggers on
``documents`` and ``curation``); the tables remember the generation they were made from, and :func:`open_index`
rebuilds them when the store has changed since.

A question then loads a small graph: the entity, the edges the query follows from it and the nodes at their ends,
in the order of ``graph.json``, and the query function of :mod:`graph.queries` answers on it as it would on the
whole graph. Nothing here imports spaCy, the models or camel-tools.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["GraphIndex", "open_index", "write_index", "reads", "transaction", "QUESTIONS"]


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction on ``db`` (opened with ``isolation_level=None``): committed when the block ends, even by
    ``return``; rolled back, and the error raised again, when it fails."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise

LAYOUT = "2"
"""The layout of the index tables; tables of another layout are made again."""

_TABLES = """
DROP TABLE IF EXISTS graph_nodes;
DROP TABLE IF EXISTS graph_edges;
DROP TABLE IF EXISTS graph_names;
CREATE TABLE graph_nodes (
    seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, label TEXT, type TEXT, degree INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE TABLE graph_edges (
    seq INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, relation TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX graph_edges_source ON graph_edges(source, relation);
CREATE INDEX graph_edges_target ON graph_edges(target, relation);
CREATE INDEX graph_edges_relation ON graph_edges(relation);
CREATE TABLE graph_names (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, node TEXT NOT NULL);
CREATE INDEX graph_names_key ON graph_names(key);
"""
_TRIGGERS = """
INSERT OR IGNORE INTO meta VALUES ('generation', '0');
CREATE TRIGGER IF NOT EXISTS generation_document_added AFTER INSERT ON documents
    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
CREATE TRIGGER IF NOT EXISTS generation_document_deleted AFTER DELETE ON documents
    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
CREATE TRIGGER IF NOT EXISTS generation_curation AFTER INSERT ON curation
    BEGIN UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
"""


def _meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def generation(db: sqlite3.Connection) -> str | None:
    """How many times the store's articles or curation changed (None before the index tables first exist)."""
    return _meta(db, "generation")


def prepare(db: sqlite3.Connection) -> None:
    """Create the generation counter and its triggers (once; nothing when they exist)."""
    db.executescript(_TRIGGERS)


def write_index(db: sqlite3.Connection, G, made_from: str | None) -> None:
    """Replace the index tables with graph ``G``, merged from the store at generation ``made_from``."""
    from graph.build import known_names
    from graph.export import to_node_link
    from extractors.normalize import match_key

    data = to_node_link(G)
    nodes = [(n["id"], n.get("label"), n.get("type"), G.degree(n["id"]), json.dumps(n, ensure_ascii=False, default=list))
             for n in data["nodes"]]
    edges = [(e["source"], e["target"], e["key"], json.dumps(e, ensure_ascii=False, default=list)) for e in data["edges"]]
    names = [(key, n["id"]) for n in data["nodes"]
             for key in sorted({match_key(name) for name in known_names(n["id"], n) | {str(n["id"])}}) if key]
    with transaction(db):
        for statement in _TABLES.split(";"):
            if statement.strip():
                db.execute(statement)
        db.executemany("INSERT INTO graph_nodes (id, label, type, degree, data) VALUES (?, ?, ?, ?, ?)", nodes)
        db.executemany("INSERT INTO graph_edges (source, target, relation, data) VALUES (?, ?, ?, ?)", edges)
        db.executemany("INSERT INTO graph_names (key, node) VALUES (?, ?)", names)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('graph_generation', ?)", (made_from,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('graph_layout', ?)", (LAYOUT,))


def open_index(path: str | Path) -> "GraphIndex":
    """The graph index of the store at ``path``, rebuilt first when the store changed since it was made (a file that
    is no store is refused by :class:`graph.store.Store`, with its message)."""
    db = sqlite3.connect(path, timeout=60.0, isolation_level=None)
    try:
        fresh = _fresh(db)
    except sqlite3.DatabaseError:
        fresh = False
    if not fresh:
        db.close()
        from graph.store import Store

        with Store(path) as store:
            store.graph()  # merges and writes the index tables
        db = sqlite3.connect(path, timeout=60.0, isolation_level=None)
    return GraphIndex(db)


def _fresh(db: sqlite3.Connection) -> bool:
    """True when the index tables exist, in this layout, and were made from the store as it is."""
    return _meta(db, "graph_layout") == LAYOUT and _meta(db, "graph_generation") == generation(db)


class GraphIndex:
    """Read access to a store's graph tables: names, nodes, the edges around given nodes, and small graphs of them.

    It answers :func:`graph.queries.resolve` as the whole graph would (``in``, :meth:`nodes_for`, :meth:`rank`,
    :meth:`keys`, :meth:`label`).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "GraphIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- names (what resolve needs) ------------------------------------------------------------
    def __contains__(self, node: object) -> bool:
        return self.db.execute("SELECT 1 FROM graph_nodes WHERE id = ?", (node,)).fetchone() is not None

    def nodes_for(self, key: str) -> list[str]:
        """The nodes a match key names, in graph order."""
        rows = self.db.execute(
            "SELECT n.id FROM graph_names k JOIN graph_nodes n ON n.id = k.node WHERE k.key = ? ORDER BY n.seq", (key,))
        return [row[0] for row in rows]

    def rank(self, node: str) -> tuple[bool, int]:
        """Whether the node is an organization, person or product, and its degree (resolve prefers the highest)."""
        kind, degree = self.db.execute("SELECT type, degree FROM graph_nodes WHERE id = ?", (node,)).fetchone()
        return kind in ("ORG", "PERSON", "PRODUCT"), degree

    def keys(self) -> list[str]:
        """Every match key, in graph order."""
        rows = self.db.execute(
            "SELECT k.key FROM graph_names k JOIN graph_nodes n ON n.id = k.node ORDER BY n.seq, k.seq")
        return list(dict.fromkeys(row[0] for row in rows))

    def label(self, node: str) -> str:
        return self.db.execute("SELECT label FROM graph_nodes WHERE id = ?", (node,)).fetchone()[0] or node

    # -- edges and graphs ----------------------------------------------------------------------
    def edges(self, nodes: Iterable[str], relations: Iterable[str] | None = None, direction: str = "both") -> list[tuple]:
        """The edges at ``nodes`` as ``(seq, source, target, relation)``: going out, coming in or both, of the given
        relations (any when None)."""
        nodes, wanted = list(nodes), None if relations is None else list(relations)
        rows: list[tuple] = []
        ends = {"out": ("source",), "in": ("target",), "both": ("source", "target")}[direction]
        for end in ends:
            for chunk in _chunks(nodes):
                sql = f"SELECT seq, source, target, relation FROM graph_edges WHERE {end} IN ({_marks(chunk)})"
                args = list(chunk)
                if wanted is not None:
                    sql += f" AND relation IN ({_marks(wanted)})"
                    args += wanted
                rows += self.db.execute(sql, args).fetchall()
        return sorted(set(rows))

    def of_relation(self, relation: str) -> list[tuple]:
        """Every edge of one relation as ``(seq, source, target, relation)``."""
        return self.db.execute(
            "SELECT seq, source, target, relation FROM graph_edges WHERE relation = ? ORDER BY seq", (relation,)).fetchall()

    def among(self, nodes: Iterable[str]) -> list[tuple]:
        """The edges whose two ends are both in ``nodes``."""
        inside = set(nodes)
        return [row for row in self.edges(inside, direction="out") if row[2] in inside]

    def graph(self, nodes: Iterable[str] = (), edges: Iterable[tuple] = (), whole: bool = False,
              described: Iterable[str] | None = None, edge_data: bool = True):
        """A ``MultiDiGraph`` of ``nodes``, ``edges`` (rows of :meth:`edges`) and the nodes at their ends, in the
        order of ``graph.json`` (as :func:`graph.export.read_json` reads it); the whole graph with ``whole``.

        The nodes of ``described`` (all when None) carry all their data, the others only their label and type (a
        hub's list of articles is long); without ``edge_data`` the edges carry only their relation."""
        import networkx as nx

        described = None if described is None else set(described)
        if whole:
            node_rows = self.db.execute("SELECT id, label, type FROM graph_nodes ORDER BY seq").fetchall()
            edge_rows = self.db.execute("SELECT data, source, target, relation FROM graph_edges ORDER BY seq").fetchall()
        else:
            ids = sorted(set(nodes) | {end for row in edges for end in row[1:3]})
            node_rows = [row[1:] for row in sorted(row for chunk in _chunks(ids) for row in self.db.execute(
                f"SELECT seq, id, label, type FROM graph_nodes WHERE id IN ({_marks(chunk)})", chunk))]
            seqs = sorted({row[0] for row in edges})
            edge_rows = [row for chunk in _chunks(seqs) for row in self.db.execute(
                f"SELECT data, source, target, relation FROM graph_edges WHERE seq IN ({_marks(chunk)}) ORDER BY seq", chunk)]
        full = self._described([n for n, _, _ in node_rows] if described is None else sorted(described))
        return nx.node_link_graph(
            {"directed": True, "multigraph": True, "graph": {},
             "nodes": [full.get(n) or {k: v for k, v in (("id", n), ("label", label), ("type", kind)) if v is not None}
                       for n, label, kind in node_rows],
             "edges": [json.loads(d) if edge_data else {"source": s, "target": t, "key": r, "relation": r}
                       for d, s, t, r in edge_rows]},
            directed=True, multigraph=True, edges="edges")

    def _described(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """All the data of the nodes ``ids``."""
        return {n: json.loads(d) for chunk in _chunks(ids) for n, d in self.db.execute(
            f"SELECT id, data FROM graph_nodes WHERE id IN ({_marks(chunk)})", chunk)}


def _marks(items: list) -> str:
    return ", ".join("?" * len(items))


def _chunks(items: list, size: int = 500) -> Iterable[list]:
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# -- what each question reads ---------------------------------------------------------------------
def _star(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> list[tuple]:
    return ix.edges(ids)


def _alone(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> list[tuple]:
    return []


def _competitors(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> list[tuple]:
    """The units of the entity (PART_OF), their products (PRODUCT_OF), the rivals of all of them (COMPETES_WITH)
    and the makers of rival products: what :func:`graph.queries.competitors` follows."""
    n = ids[0]
    units = ix.edges([n], ["PART_OF"], "in")
    products = ix.edges({n} | {row[1] for row in units}, ["PRODUCT_OF"], "in")
    sources = {n} | {row[1] for row in products}
    rivals = ix.edges(sources, ["COMPETES_WITH"])
    makers = ix.edges({end for row in rivals for end in row[1:3]} - sources, ["PRODUCT_OF"], "out")
    return units + products + rivals + makers


def _around(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> tuple[set[str], list[tuple]]:
    """The nodes within ``depth`` hops of ``ids[0]`` (edges of ``relation`` only, when given) and the edges followed."""
    seen, frontier, followed = {ids[0]}, {ids[0]}, []
    for _ in range(depth):
        rows = ix.edges(frontier, None if relation is None else [relation])
        followed += rows
        frontier = {end for row in rows for end in row[1:3]} - seen
        seen |= frontier
    return seen, followed


def _neighbors(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> list[tuple]:
    return _around(ix, ids, relation, depth)[1]


def _ego(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> list[tuple]:
    """Every edge among the nodes within ``depth`` hops (what the page of one entity's neighbourhood shows)."""
    return ix.among(_around(ix, ids, None, depth)[0])


def _rivals(ix: GraphIndex, ids: list[str], relation: str | None, depth: int) -> list[tuple]:
    return ix.of_relation("COMPETES_WITH")


QUESTIONS = {"entity": _star, "deals": _star, "people": _star, "explain": _alone, "competitors": _competitors,
             "neighbors": _neighbors, "view": _ego, "rivalries": _rivals}
"""What each question reads from the index, beyond its entities; ``path`` reads every edge without its data, and
any other command the whole graph."""
DESCRIBED = {"entity": "asked", "explain": "asked", "view": "all"}
"""Whose data a question reads besides labels and types: the entities asked about, or every node it loads."""


def reads(ix: GraphIndex, what: str, names: list[str], relation: str | None = None, depth: int = 1):
    """The graph question ``what`` needs and ``names`` resolved to its node ids, as ``(G, ids)``.

    The query functions of :mod:`graph.queries` answer on ``G`` as on the whole graph.
    """
    from graph.queries import resolve

    ids = [resolve(ix, name) for name in names]
    if what == "path":
        return ix.graph(whole=True, described=(), edge_data=False), ids
    if what not in QUESTIONS:
        return ix.graph(whole=True), ids
    described = {"asked": ids, "all": None}.get(DESCRIBED.get(what, ""), ())
    return ix.graph(ids, QUESTIONS[what](ix, ids, relation, depth), described=described), ids
