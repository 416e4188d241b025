"""A persistent store of articles and what was read from them: one SQLite file (WAL), added to incrementally.

Tables: ``documents`` (id, content hash, title, source, date, path, the article's extraction as JSON),
``mentions``, ``entities`` and ``relations`` (one row per fact with its evidence), ``clusters`` (which graph
node each article entity joined, by which rule, with what score; refreshed by :meth:`Store.graph`), and
``curation``: a user's decisions (merge two entities, split a name off, forget an article), in the order they were
made, applied at every rebuild so they survive new and changed articles.

Each article is written in one transaction: re-adding an unchanged article changes nothing; an article with a
known id and new content replaces its old rows. The graph is rebuilt from the stored extractions in document-id
order, so the same set of articles always gives the same node ids and identical files, whatever order they
were added in.

The article text is the one copy of every sentence: a stored sentence, and the evidence of a fact, is its span of
that text (``start``, ``end``), without the sentence, the article id, title or date it would repeat; reading fills
them in again. A store written by version 1, which kept those copies, is read as it is and marked version 2.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from extractors.errors import AlaqatError
from extractors.records import Document, Extraction
from graph import index

if TYPE_CHECKING:  # networkx and the graph builder are imported when a graph is made, not to add an article
    import networkx as nx

__all__ = ["SCHEMA_VERSION", "Rows", "Store", "StoreError", "content_hash", "rows_of"]

SCHEMA_VERSION = 2
_READABLE = frozenset({1, SCHEMA_VERSION})
"""Versions this alaqat opens: a version 1 row holds the sentences that version 2 leaves out, which reading accepts."""
_FROM_ARTICLE = {"document": "id", "title": "title", "date": "date"}
"""Evidence fields that repeat a field of the article, left out of a stored row when they do."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT, source TEXT, date TEXT, path TEXT,
    extraction TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, mention TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER, end INTEGER, type TEXT, key TEXT, canonical TEXT,
    PRIMARY KEY (document, mention)
);
CREATE INDEX IF NOT EXISTS mentions_key ON mentions(key);
CREATE TABLE IF NOT EXISTS entities (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, entity TEXT NOT NULL,
    label TEXT NOT NULL, type TEXT, key TEXT, canonical TEXT, aliases TEXT,
    PRIMARY KEY (document, entity)
);
CREATE INDEX IF NOT EXISTS entities_key ON entities(key);
CREATE TABLE IF NOT EXISTS relations (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, head TEXT NOT NULL, relation TEXT NOT NULL,
    tail TEXT NOT NULL, confidence REAL, attributes TEXT, evidence TEXT,
    PRIMARY KEY (document, head, relation, tail)
);
CREATE TABLE IF NOT EXISTS clusters (
    node TEXT NOT NULL, document TEXT NOT NULL, entity TEXT NOT NULL, name TEXT, rule TEXT, score REAL,
    PRIMARY KEY (document, entity)
);
CREATE INDEX IF NOT EXISTS clusters_node ON clusters(node);
CREATE TABLE IF NOT EXISTS curation (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'forget')),
    name TEXT NOT NULL, other TEXT
);
"""
Curation = Literal["merge", "split", "forget"]


class StoreError(AlaqatError):
    """The store file cannot be used (another schema version, not a store, locked too long)."""


def content_hash(document: Document) -> str:
    """A hash of what an article says: text, title, source and date.

    >>> content_hash(Document(id="a", text="نص")) == content_hash(Document(id="b", text="نص"))
    True
    """
    payload = json.dumps([document.text, document.title, document.source, document.date], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Store:
    """An alaqat store file.

    >>> import tempfile, os
    >>> from extractors.pipeline import extract
    >>> store = Store(os.path.join(tempfile.mkdtemp(), "a.db"))
    >>> doc = Document(id="a1", text="استحوذت أمازون على شركة سوق.كوم.")
    >>> store.add(extract(doc)), store.add(extract(doc))
    ('added', 'unchanged')
    >>> sorted(store.graph().nodes)
    ['amazon', 'souq']
    """

    def __init__(self, path: str | Path, timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: not an alaqat store ({err}): give a new file name or an existing store") from err

    def _migrate(self) -> None:
        self.db.executescript(_SCHEMA)
        with index.transaction(self.db):
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = SCHEMA_VERSION if row is None else int(row[0])
            if version not in _READABLE:
                raise StoreError(
                    f"{self.path}: store schema version {version}, this alaqat reads versions "
                    f"{' and '.join(map(str, sorted(_READABLE)))}: use the alaqat version that wrote it, or rebuild "
                    "the store with `alaqat build`"
                )
            if row is None or version != SCHEMA_VERSION:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        index.prepare(self.db)

    def close(self) -> None:
        """Close the database file."""
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def known(self, document: Document) -> bool:
        """True when the store holds this article with this very content, or a user forgot it (never re-added)."""
        if self._forgotten(document.id):
            return True
        row = self.db.execute("SELECT content_hash FROM documents WHERE id = ?", (document.id,)).fetchone()
        return row is not None and row[0] == content_hash(document)

    def _forgotten(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM curation WHERE action = 'forget' AND name = ?", (doc_id,)).fetchone() is not None

    def add(self, extraction: "Extraction | Rows") -> Literal["added", "replaced", "unchanged"]:
        """Store one article's extraction (or its :class:`Rows`) in one transaction (an article a user forgot stays
        out: "unchanged"); an extraction is serialized only when it is stored."""
        if isinstance(extraction, Rows):
            doc_id, digest = extraction.document[:2]
        else:
            doc_id, digest = extraction.document.id, content_hash(extraction.document)
        with index.transaction(self.db):
            row = self.db.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is not None and row[0] == digest or self._forgotten(doc_id):
                return "unchanged"
            rows = extraction if isinstance(extraction, Rows) else rows_of(extraction)
            if row is not None:
                self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                self.db.execute("DELETE FROM clusters WHERE document = ?", (doc_id,))
            self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", rows.document)
            self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.mentions)
            self.db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", rows.entities)
            self.db.executemany("INSERT OR REPLACE INTO relations VALUES (?, ?, ?, ?, ?, ?, ?)", rows.relations)
        return "replaced" if row is not None else "added"

    def documents(self) -> int:
        """How many articles the store holds."""
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def extractions(self, facts_only: bool = False) -> Iterator[Extraction]:
        """Every stored extraction, in document-id order (streamed, not loaded all at once); ``facts_only``: without
        its sentences and mentions (the graph is merged from the entities and relations)."""
        cursor = self.db.execute("SELECT extraction FROM documents ORDER BY id")
        for (payload,) in cursor:
            yield _loaded(payload, facts_only)

    def record(self, action: Curation, name: str, other: str | None = None) -> None:
        """Keep a user's decision: ``merge`` (``other`` joins ``name``), ``split`` (``name`` gets its own node) or
        ``forget`` (article ``name``: its facts are deleted and it is never added again)."""
        with index.transaction(self.db):
            if action == "forget":
                self.db.execute("DELETE FROM documents WHERE id = ?", (name,))
                self.db.execute("DELETE FROM clusters WHERE document = ?", (name,))
            self.db.execute("INSERT INTO curation (action, name, other) VALUES (?, ?, ?)", (action, name, other))

    def decisions(self, action: Curation) -> list[tuple[str, str | None]]:
        """The recorded decisions of one kind, oldest first, as (name, other)."""
        return self.db.execute("SELECT name, other FROM curation WHERE action = ? ORDER BY seq", (action,)).fetchall()

    def document_ids(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        return [row[0] for row in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def _merged(self, apart: frozenset[str], redirect: dict[str, str]) -> "nx.MultiDiGraph":
        from graph.build import GraphBuilder

        builder = GraphBuilder(apart, redirect)
        for extraction in self.extractions(facts_only=True):
            builder.add(extraction)
        return builder.finish()

    def graph(self) -> "nx.MultiDiGraph":
        """Merge every stored extraction into the graph, apply the user's splits and merges, and record the entity
        clusters it formed; keep the graph in the store's index tables (:mod:`graph.index`) for questions."""
        from extractors.normalize import match_key

        made_from = index.generation(self.db)
        apart = frozenset(match_key(name) for name, _ in self.decisions("split"))
        G = self._merged(apart, {})
        merges = self.decisions("merge")
        if merges:
            G = self._merged(apart, _redirects(G, merges))
        rows = [
            (node, p["document"], p.get("entity", ""), p["name"], p["rule"], p["score"])
            for node, data in G.nodes(data=True)
            for p in data.get("provenance", [])
        ]
        with index.transaction(self.db):
            self.db.execute("DELETE FROM clusters")
            self.db.executemany("INSERT OR REPLACE INTO clusters VALUES (?, ?, ?, ?, ?, ?)", rows)
        index.write_index(self.db, G, made_from)
        return G

    def integrity(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` answer (``ok`` when the file is sound)."""
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


@dataclass(frozen=True)
class Rows:
    """One extraction as the rows the store writes, made by :func:`rows_of` where the article was extracted: a
    worker process hands the main process these strings and numbers, not records to serialize."""

    document: tuple
    mentions: tuple[tuple, ...]
    entities: tuple[tuple, ...]
    relations: tuple[tuple, ...]
    words: int
    """Words of the article text (for the build report)."""


def rows_of(ex: Extraction) -> Rows:
    """The store's rows for one extraction.

    >>> rows = rows_of(Extraction(document=Document(id="a", text="استحوذت أمازون على سوق.")))
    >>> rows.document[0], rows.words, rows.relations
    ('a', 4, ())
    """
    doc = ex.document
    doc_data = doc.model_dump()
    return Rows(
        document=(doc.id, content_hash(doc), doc.title, doc.source, doc.date, doc.path, _stored(ex)),
        mentions=tuple((doc.id, m.id, m.text, m.start, m.end, m.type, m.key, m.canonical) for m in ex.mentions),
        entities=tuple((doc.id, e.id, e.label, e.type, e.key, e.canonical, json.dumps(e.aliases, ensure_ascii=False))
                       for e in ex.entities),
        relations=tuple(
            (doc.id, r.head, r.relation, r.tail, r.confidence,
             r.model_dump_json(include={"amount", "currency", "approximate", "stake_percent", "role", "status", "date"}),
             json.dumps([_span(e.model_dump(), doc_data) for e in r.evidence], ensure_ascii=False))
            for r in ex.relations
        ),
        words=len(doc.text.split()),
    )


def _stored(extraction: Extraction) -> str:
    """The extraction as a stored row: its sentences and evidence as spans of the article text (see :func:`_span`).

    >>> from extractors.records import Sentence
    >>> ex = Extraction(document=Document(id="a", text="ربحت الشركة. ثم خسرت."),
    ...                 sentences=(Sentence(index=0, start=0, end=12, text="ربحت الشركة."),))
    >>> _stored(ex).count("ربحت الشركة."), _loaded(_stored(ex)) == ex
    (1, True)
    """
    data = extraction.model_dump(mode="json")
    doc = data["document"]
    for sentence in data["sentences"]:
        if sentence["text"] == doc["text"][sentence["start"] : sentence["end"]]:
            del sentence["text"]
    for relation in data["relations"]:
        relation["evidence"] = [_span(e, doc) for e in relation["evidence"]]
    return json.dumps(data, ensure_ascii=False)


def _span(evidence: dict, doc: dict) -> dict:
    """Evidence without what its article already holds: the sentence when it is the article text at ``start:end``,
    and the article id, title and date when they are the article's."""
    kept = {k: v for k, v in evidence.items() if k not in _FROM_ARTICLE or v != doc[_FROM_ARTICLE[k]]}
    if kept["sentence"] == doc["text"][kept["start"] : kept["end"]]:
        del kept["sentence"]
    return kept


def _loaded(payload: str, facts_only: bool = False) -> Extraction:
    """A stored row as the extraction it was (a version 1 row, which holds everything, as it is); ``facts_only``:
    without its sentences and mentions."""
    data = json.loads(payload)
    if facts_only:
        data["sentences"], data["mentions"] = (), ()
    doc = data["document"]
    for sentence in data.get("sentences", ()):
        sentence.setdefault("text", doc["text"][sentence["start"] : sentence["end"]])
    for relation in data.get("relations", ()):
        for evidence in relation.get("evidence", ()):
            evidence.setdefault("sentence", doc["text"][evidence["start"] : evidence["end"]])
            for name, field in _FROM_ARTICLE.items():
                evidence.setdefault(name, doc.get(field))
    return Extraction.model_validate(data)


def _redirects(G: "nx.MultiDiGraph", merges: list[tuple[str, str]]) -> dict[str, str]:
    """Node ids to redirect for the user's merges (``other`` into ``name``), resolved in ``G``; a merge whose names
    no longer resolve (its articles were forgotten) or that would undo an earlier one is left out."""
    from graph.queries import UnknownName, resolve

    redirect: dict[str, str] = {}

    def root(node: str) -> str:
        while node in redirect:
            node = redirect[node]
        return node

    for keep, drop in merges:
        try:
            a, b = root(resolve(G, keep)), root(resolve(G, drop))
        except UnknownName:
            continue
        if a != b:
            redirect[b] = a
    return redirect
