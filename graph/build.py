"""Merge per-article extractions into one knowledge graph (a networkx ``MultiDiGraph``).

One node per real-world entity across articles: entities that matched the same
knowledge-base entry share a node; other entities share one when a name of one
is a name of the other (match keys, same type family). One edge per fact
``(head, relation, tail)``, keyed by the relation, holding its attributes, every
piece of evidence and the number of articles that support it. Symmetric
relations (MERGED_WITH, COMPETES_WITH, PARTNERS_WITH, CONTRACT_WITH) are stored
once, from the smaller node id to the larger.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from extractors.records import SYMMETRIC_RELATIONS, Entity, Extraction
from graph.resolve import Match, Resolver, family

__all__ = ["GraphBuilder", "build_graph", "node_id", "known_names"]

_ATTRS = ("amount", "currency", "stake_percent", "role", "status", "date")
MAX_EVIDENCE = 20
"""Evidence sentences an edge keeps in the graph (the first ones, in document-id order); ``articles`` still counts
every supporting article, and the store keeps all evidence. Bounds memory and file size for popular facts."""


def node_id(entity: Entity) -> str:
    """The graph node id of an entity: its knowledge-base id, or its type family and match key.

    >>> node_id(Entity(id="e0", label="Scale AI", type="ORG", key="scale ai"))
    'org:scale ai'
    >>> node_id(Entity(id="e1", label="ميتا", type="ORG", key="ميتا", canonical="meta"))
    'meta'
    """
    if entity.canonical:
        return entity.canonical
    return f"{family(entity.type)}:{entity.key}"


class GraphBuilder:
    """Adds extractions one at a time to a growing graph.

    >>> from extractors.pipeline import extract
    >>> from extractors.records import Document
    >>> b = GraphBuilder()
    >>> b.add(extract(Document(id="a", text="استحوذت أمازون على شركة سوق.كوم.")))
    >>> b.add(extract(Document(id="b", text="أتمت Amazon صفقة الاستحواذ على Souq.com.")))
    >>> G = b.finish()
    >>> sorted(G.nodes), G.edges["amazon", "souq", "ACQUIRED"]["articles"]
    (['amazon', 'souq'], 2)
    """

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.resolver = Resolver()
        self._surface: dict[str, Counter[str]] = {}
        self._pending: list[Extraction] = []
        self._placed: dict[tuple[str, str], str] = {}
        self._aliases: dict[str, set[str]] = {}
        self._evidence: dict[tuple[str, str, str], set[tuple]] = {}
        self._edge_docs: dict[tuple[str, str, str], set[str]] = {}

    def add(self, extraction: Extraction) -> None:
        """Merge one article's entities and relations into the graph.

        Partial entities (a bare surname with no fuller name in its article) wait for :meth:`finish`, so that
        the result does not depend on the order articles are added in.
        """
        if any(e.partial for e in extraction.entities):
            self._pending.append(extraction)
        self._add(extraction, partial=False)

    def finish(self) -> nx.MultiDiGraph:
        """Place the partial entities (joining the one person with that name part, else dropping them) and
        their relations; return the graph."""
        pending, self._pending = self._pending, []
        for extraction in pending:
            self._add(extraction, partial=True)
        for nid, surfaces in self._surface.items():
            data = self.graph.nodes[nid]
            data["label"] = _best_label(surfaces, data["type"])
            data["aliases"].sort()
        return self.graph

    def _add(self, extraction: Extraction, partial: bool) -> None:
        doc = extraction.document
        ids: dict[str, str] = {}
        for entity in extraction.entities:
            if entity.partial and not partial:
                continue
            if partial and not entity.partial:
                ids[entity.id] = self._placed[(doc.id, entity.id)]
                continue
            names = {entity.label, *entity.aliases}
            if entity.partial:
                match = self.resolver.find(entity.type, names, None)
                if match is None or match.rule != "person-part":
                    continue
                ids[entity.id] = match.node
                self._add_node(match.node, entity, doc.id, len(entity.mentions), match)
                continue
            match = self.resolver.find(entity.type, names, entity.canonical)
            nid = match.node if match else node_id(entity)
            ids[entity.id] = nid
            self._placed[(doc.id, entity.id)] = nid
            self._add_node(nid, entity, doc.id, len(entity.mentions), match)
            known = known_names(nid, self.graph.nodes[nid]) if entity.canonical else names
            self.resolver.add(nid, self.graph.nodes[nid]["type"], known | names)
        partial_ids = {e.id for e in extraction.entities if e.partial}
        for rel in extraction.relations:
            if partial and not {rel.head, rel.tail} & partial_ids:
                continue  # added in the first pass
            u, v = ids.get(rel.head), ids.get(rel.tail)
            if u is None or v is None or u == v:
                continue
            if rel.relation in SYMMETRIC_RELATIONS and v < u:
                u, v = v, u
            self._add_edge(u, v, rel, doc.id)

    def _add_node(self, nid: str, entity: Entity, doc_id: str, mentions: int, match: Match | None) -> None:
        G = self.graph
        if nid not in G:
            G.add_node(nid, label=entity.label, type=entity.type, aliases=[], mentions=0, documents=[], provenance=[])
        data = G.nodes[nid]
        surfaces = self._surface.setdefault(nid, Counter())
        seen = self._aliases.setdefault(nid, set(data["aliases"]))
        for alias in entity.aliases:
            surfaces[alias] += 1
            if alias not in seen:
                seen.add(alias)
                data["aliases"].append(alias)
        surfaces[entity.label] += len(entity.mentions)
        data["mentions"] += mentions
        if not data["documents"] or data["documents"][-1] != doc_id and doc_id not in data["documents"]:
            data["documents"].append(doc_id)
        rule = match.rule if match else "new"
        data["provenance"].append({"name": entity.label, "document": doc_id, "entity": entity.id, "rule": rule,
                                   "score": match.score if match else 1.0})
        if entity.type in ("PERSON", "ORG", "PRODUCT") and data["type"] not in ("PERSON", "ORG", "PRODUCT"):
            data["type"] = entity.type

    def _add_edge(self, u: str, v: str, rel, doc_id: str) -> None:
        G = self.graph
        key = rel.relation
        evidence = [e.model_dump() for e in rel.evidence]
        if not G.has_edge(u, v, key):
            attrs = {name: getattr(rel, name) for name in _ATTRS if getattr(rel, name) is not None}
            if rel.amount is not None:
                attrs["approximate"] = rel.approximate
            G.add_edge(u, v, key=key, relation=key, confidence=rel.confidence, evidence=evidence[:MAX_EVIDENCE],
                       documents=[doc_id], articles=1, **attrs)
            self._edge_docs[(u, v, key)] = {doc_id}
            return
        data = G.edges[u, v, key]
        seen = self._evidence.setdefault((u, v, key), {_evidence_key(e) for e in data["evidence"]})
        for item in evidence:
            if len(data["evidence"]) >= MAX_EVIDENCE:
                break
            if _evidence_key(item) not in seen:
                seen.add(_evidence_key(item))
                data["evidence"].append(item)
        docs = self._edge_docs.setdefault((u, v, key), set(data["documents"]))
        if doc_id not in docs:
            docs.add(doc_id)
            if len(data["documents"]) < MAX_EVIDENCE:
                data["documents"].append(doc_id)
            data["articles"] = len(docs)
        better_amount = rel.amount is not None and (
            "amount" not in data or data.get("approximate") and not rel.approximate
        )
        if better_amount:
            data.update(amount=rel.amount, currency=rel.currency, approximate=rel.approximate)
        for name in _ATTRS:
            value = getattr(rel, name)
            if name in ("amount", "currency"):
                continue
            if value is not None and (name not in data or rel.confidence > data["confidence"]):
                data[name] = value
        data["confidence"] = max(data["confidence"], rel.confidence)


def known_names(nid: str, data: dict) -> set[str]:
    """Every name a node answers to: its label, the aliases seen in articles and, for a knowledge-base entity,
    the spellings the gazetteer knows (so that a search for "Meta" finds an entity only written ميتا).

    >>> sorted(known_names("meta", {"label": "ميتا", "aliases": ["ميتا"]}))[:3]
    ['Facebook', 'Meta', 'Meta Platforms']
    """
    from extractors.lexicon import load_gazetteer

    names = {data.get("label", nid), *data.get("aliases", [])}
    entry = load_gazetteer().entries.get(nid)
    if entry is not None:
        names |= set(entry.names) | set(entry.weak_names)
    return {n for n in names if n}


def _key(text: str) -> str:
    from extractors.normalize import match_key

    return match_key(text)


def _evidence_key(item: dict) -> tuple:
    return (item.get("document"), item.get("start"), item.get("end"), item.get("trigger"))


def _best_label(surfaces: Counter[str], etype: str) -> str:
    if etype == "PERSON":
        from extractors.entities import strip_honorific

        plain = Counter()
        for name, count in surfaces.items():
            plain[strip_honorific(name)] += count
        return max(plain, key=lambda s: (len(s.split()), plain[s], s))
    return max(surfaces, key=lambda s: (surfaces[s], -len(s), s))


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extractions into one graph (see :class:`GraphBuilder`)."""
    builder = GraphBuilder()
    for extraction in extractions:
        builder.add(extraction)
    return builder.finish()
