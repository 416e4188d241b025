"""Merge per-article extractions into one knowledge graph (a networkx ``MultiDiGraph``).

One node per real-world entity across articles: entities that matched the same
knowledge-base entry share a node; other entities share one when a name of one
is a name of the other (match keys, same type family). One edge per fact
``(head, relation, tail)``, keyed by the relation, holding its attributes, every
piece of evidence (with its article's date and source URL), the number of
articles that support it and, for deals, the list of distinct deal ``events``. Symmetric
relations (MERGED_WITH, COMPETES_WITH, PARTNERS_WITH, CONTRACT_WITH) are stored
once, from the smaller node id to the larger.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import networkx as nx

from extractors.records import SYMMETRIC_RELATIONS, Document, Entity, Extraction
from graph.resolve import Match, Resolver, family

__all__ = ["GraphBuilder", "build_graph", "node_id", "known_names", "EVENT_RELATIONS", "settle_events"]

_ATTRS = ("amount", "currency", "stake_percent", "role", "status", "date")
EVENT_RELATIONS = frozenset({"ACQUIRED", "INVESTED_IN", "MERGED_WITH", "CONTRACT_WITH"})
"""Relations whose edge keeps a list of deal ``events``: two deals between one pair (a failed bid one year, an
agreed deal for another amount the next) stay two events, each with its amount, status, date and articles."""
_STATUS_RANK = {"completed": 4, "agreed": 3, "proposed": 2, "talks": 1, "denied": 0}
MAX_EVIDENCE = 20
"""Evidence sentences an edge keeps in the graph (the first ones, in document-id order); ``articles`` still counts
every supporting article, and the store keeps all evidence. Bounds memory and file size for popular facts."""
SHOWN_CHARS = 400
"""The longest evidence sentence the graph shows: a longer one is cut to the words around its trigger, ``…`` marking
each cut (the store keeps the span of the whole sentence)."""


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

    def __init__(self, apart: frozenset[str] = frozenset(), redirect: dict[str, str] | None = None) -> None:
        """``apart``: match keys of names split off by a user; ``redirect``: node ids merged by a user into
        another node (``alaqat split`` and ``alaqat merge``, kept in the store)."""
        self.graph = nx.MultiDiGraph()
        self.resolver = Resolver(apart)
        self.redirect = redirect or {}
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
            self._pending.append(_partial_part(extraction))
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
        for _, _, data in self.graph.edges(data=True):
            if len(data.get("events", ())) > 1:
                settle_events(data)
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
                match = self._redirected(match.node, match)
                ids[entity.id] = match.node
                self._add_node(match.node, entity, doc.id, len(entity.mentions), match)
                continue
            match = self.resolver.find(entity.type, names, entity.canonical)
            match = self._redirected(match.node if match else node_id(entity), match)
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
            self._add_edge(u, v, rel, doc)

    def _redirected(self, nid: str, match: Match | None) -> Match | None:
        """The match itself, or, for a node a user merged into another, a ``manual-merge`` match to that node."""
        if nid not in self.redirect:
            return match
        while nid in self.redirect:
            nid = self.redirect[nid]
        return Match(nid, "manual-merge")

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

    def _add_edge(self, u: str, v: str, rel, doc: Document) -> None:
        G = self.graph
        key, doc_id = rel.relation, doc.id
        if not G.has_edge(u, v, key):
            attrs = {name: getattr(rel, name) for name in _ATTRS if getattr(rel, name) is not None}
            if rel.amount is not None:
                attrs["approximate"] = rel.approximate
            if key in EVENT_RELATIONS:
                attrs["events"] = [_event(rel, doc)]
            G.add_edge(u, v, key=key, relation=key, confidence=rel.confidence,
                       evidence=_article_evidence(rel, doc)[:MAX_EVIDENCE],
                       documents=[doc_id], articles=1, **attrs)
            self._edge_docs[(u, v, key)] = {doc_id}
            return
        data = G.edges[u, v, key]
        if key in EVENT_RELATIONS:
            _add_event(data.setdefault("events", []), _event(rel, doc))
        if len(data["evidence"]) < MAX_EVIDENCE:
            if (u, v, key) not in self._evidence:
                self._evidence[(u, v, key)] = {_evidence_key(e) for e in data["evidence"]}
            seen = self._evidence[(u, v, key)]
            for item in _article_evidence(rel, doc):
                if len(data["evidence"]) >= MAX_EVIDENCE:
                    break
                if _evidence_key(item) not in seen:
                    seen.add(_evidence_key(item))
                    data["evidence"].append(item)
        docs = self._edge_docs[(u, v, key)]
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


def _partial_part(extraction: Extraction) -> Extraction:
    """What placing an article's partial entities needs: its entities, the relations that involve a partial one,
    and the article without its text (waiting articles then hold little memory, however long they are).

    >>> from extractors.records import Relation
    >>> e = (Entity(id="e0", label="وانج", type="PERSON", key="وانج", partial=True),
    ...      Entity(id="e1", label="ميتا", type="ORG", key="ميتا"), Entity(id="e2", label="نون", type="ORG", key="نون"))
    >>> part = _partial_part(Extraction(document=Document(id="a", text="نص طويل"), entities=e, relations=(
    ...     Relation(head="e0", tail="e1", relation="LEADS"), Relation(head="e1", tail="e2", relation="ACQUIRED"))))
    >>> part.document.text, len(part.entities), [r.relation for r in part.relations]
    ('', 3, ['LEADS'])
    """
    partial = {e.id for e in extraction.entities if e.partial}
    return extraction.model_copy(update={
        "document": extraction.document.model_copy(update={"text": ""}),
        "sentences": (),
        "mentions": (),
        "relations": tuple(r for r in extraction.relations if {r.head, r.tail} & partial),
    })


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


def _article_evidence(rel, doc: Document) -> list[dict]:
    """A relation's evidence as the graph shows it: cut to its trigger, with its article's id, title and date."""
    return [_with_article(_shown(e.model_dump()), doc) for e in rel.evidence]


def _evidence_key(item: dict) -> tuple:
    return (item.get("document"), item.get("start"), item.get("end"), item.get("trigger"))


def _shown(evidence: dict, limit: int = SHOWN_CHARS) -> dict:
    """Evidence whose sentence is cut, when longer than ``limit`` characters, to whole words around its trigger.

    >>> long = "كلمة " * 100 + "استحوذت أمازون على نون" + " كلمة" * 100
    >>> cut = _shown({"sentence": long, "trigger": "استحوذت"}, limit=60)["sentence"]
    >>> cut
    '… كلمة كلمة كلمة كلمة كلمة استحوذت أمازون على نون كلمة كلمة …'
    >>> len(cut) <= 60 + 4
    True
    """
    sentence, trigger = evidence["sentence"], evidence.get("trigger", "")
    if len(sentence) <= limit:
        return evidence
    middle = max(sentence.find(trigger), 0) + len(trigger) // 2 if trigger else 0
    start = max(0, min(middle - limit // 2, len(sentence) - limit))
    end = start + limit
    if start > 0 and " " in sentence[start:end]:
        start = sentence.index(" ", start, end) + 1
    if end < len(sentence) and sentence.rfind(" ", start, end) > start:
        end = sentence.rfind(" ", start, end)
    cut = ("… " if start > 0 else "") + sentence[start:end].strip() + (" …" if end < len(sentence) else "")
    return {**evidence, "sentence": cut}


def _with_article(evidence: dict, doc: Document) -> dict:
    """Evidence with its article's date and source URL (when the article has them)."""
    evidence["date"] = evidence.get("date") or doc.date
    if doc.source:
        evidence["source"] = doc.source
    return evidence


def _event(rel, doc: Document) -> dict:
    """One deal as one article reports it: amount, status, date (stated, else the article's) and the article."""
    event = {"amount": rel.amount, "currency": rel.currency, "approximate": rel.approximate if rel.amount else None,
             "stake_percent": rel.stake_percent, "status": rel.status, "date": rel.date or doc.date,
             "documents": [doc.id]}
    return {k: v for k, v in event.items() if v is not None}


def _year(event: dict) -> str | None:
    return (event.get("date") or "")[:4] or None


def _same_deal(a: dict, b: dict) -> bool:
    """Two reports are one deal when their amounts agree (within 2%, or 10% when either is approximate: "about
    15 bn" and 14.3 bn), or, one amount missing, in the same year.

    >>> _same_deal({"amount": 23e9, "date": "2015"}, {"amount": 32e9, "date": "2016"})
    False
    >>> _same_deal({"amount": 32e9, "date": "2016"}, {"amount": 32.2e9, "date": "2017"})
    True
    >>> _same_deal({"amount": 14.3e9}, {"amount": 15e9, "approximate": True}), _same_deal({"amount": 14.3e9}, {"amount": 15e9})
    (True, False)
    >>> _same_deal({"amount": 32e9, "date": "2016-05"}, {"date": "2016-09"}), _same_deal({"amount": 1e9}, {"date": "2016"})
    (True, True)
    """
    if "amount" in a and "amount" in b:
        tolerance = 0.1 if a.get("approximate") or b.get("approximate") else 0.02
        return abs(a["amount"] - b["amount"]) <= tolerance * max(a["amount"], b["amount"])
    return _year(a) is None or _year(b) is None or _year(a) == _year(b)


def _add_event(events: list[dict], new: dict) -> None:
    """Join ``new`` to the first event it reports (filling in what it adds), or append it as a new deal."""
    for event in events:
        if _same_deal(event, new):
            if "amount" in new and ("amount" not in event or event.get("approximate") and not new.get("approximate")):
                event.update({k: new[k] for k in ("amount", "currency", "approximate") if k in new})
            if _STATUS_RANK.get(new.get("status"), -1) > _STATUS_RANK.get(event.get("status"), -1):
                event["status"] = new["status"]
            if new.get("date") and (not event.get("date") or new["date"] < event["date"]):
                event["date"] = new["date"]
            event["documents"] += [d for d in new["documents"] if d not in event["documents"]]
            return
    events.append(new)


def settle_events(data: dict) -> None:
    """Order an edge's deal events by date; its top-level amount (and status) become those of the most advanced,
    then most recent, then best-supported deal with an amount."""
    data["events"].sort(key=lambda e: (e.get("date") or "", e.get("amount") or 0))
    priced = [e for e in data["events"] if "amount" in e]
    if priced:
        best = max(priced, key=lambda e: (_STATUS_RANK.get(e.get("status"), 2), e.get("date") or "", len(e["documents"])))
        data.update({k: best[k] for k in ("amount", "currency", "approximate", "status") if k in best})


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
