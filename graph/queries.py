"""Questions users ask of the graph, as plain functions of ``G`` (networkx style).

Every function takes the merged ``MultiDiGraph`` and names in any script or
spelling (``ميتا``, ``Meta``, ``شركة ميتا``, ``لميتا``); an unknown name raises
:class:`UnknownName` with the closest known names as suggestions.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for n, label, kind, aliases in [("meta", "ميتا", "ORG", ["ميتا", "Meta"]), ("openai", "OpenAI", "ORG", ["OpenAI"]),
...                                 ("google", "جوجل", "ORG", ["جوجل", "Google"]), ("wang", "ألكسندر وانج", "PERSON", ["ألكسندر وانج"])]:
...     G.add_node(n, label=label, type=kind, aliases=aliases)
>>> ev = [{"document": "a", "sentence": "تنافس ميتا OpenAI وجوجل", "start": 0, "end": 24}]
>>> _ = G.add_edge("meta", "openai", key="COMPETES_WITH", relation="COMPETES_WITH", evidence=ev)
>>> _ = G.add_edge("google", "meta", key="COMPETES_WITH", relation="COMPETES_WITH", evidence=ev)
>>> _ = G.add_edge("wang", "meta", key="LEADS", relation="LEADS", role="CEO", evidence=ev)
>>> [c["label"] for c in competitors(G, "Meta")]
['OpenAI', 'جوجل']
>>> [c["label"] for c in competitors(G, "لميتا")]
['OpenAI', 'جوجل']
>>> [(p["label"], p["relation"], p["role"]) for p in people(G, "شركة ميتا")]
[('ألكسندر وانج', 'LEADS', 'CEO')]
>>> [(h["from"], h["relation"], h["to"]) for h in path(G, "OpenAI", "Google")]
[('OpenAI', 'COMPETES_WITH', 'ميتا'), ('ميتا', 'COMPETES_WITH', 'جوجل')]
>>> rivalries(G)["inferred"][0]["pair"], rivalries(G)["inferred"][0]["because"]
(('OpenAI', 'جوجل'), ['ميتا'])
"""

from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from extractors.errors import AlaqatError
from extractors.normalize import match_key

__all__ = [
    "UnknownName",
    "resolve",
    "refresh",
    "entity",
    "competitors",
    "rivalries",
    "neighbors",
    "path",
    "deals",
    "people",
    "within",
    "stats",
]

DEAL_RELATIONS = ("ACQUIRED", "INVESTED_IN", "MERGED_WITH", "CONTRACT_WITH")
PEOPLE_RELATIONS = ("LEADS", "WORKS_FOR", "FOUNDED", "LEFT")
_PREFIXES = ("شركه ", "مجموعه ", "بنك ", "مصرف ", "صندوق ", "نادي ")
_CLITICS = ("وال", "بال", "لل", "و", "ف", "ب", "ل", "ك")


class UnknownName(AlaqatError):
    """No entity has that name; ``suggestions`` holds the closest known names."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity named {name!r} in the graph.{hint}")


class _Index:
    """Match keys of every label and alias, built once per graph and rebuilt when nodes are added or removed.

    (Changing a node's aliases in place is not seen: call :func:`resolve` on a fresh graph, or ``refresh(G)``.)
    """

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.size = len(G)
        self.keys: dict[str, list[str]] = defaultdict(list)
        self.names: dict[str, str] = {}
        from graph.build import known_names

        for n, data in G.nodes(data=True):
            for name in known_names(n, data) | {str(n)}:
                key = match_key(name)
                if key and n not in self.keys[key]:
                    self.keys[key].append(n)
                    self.names.setdefault(key, name)


_INDEXES: "weakref.WeakKeyDictionary[nx.Graph, _Index]" = weakref.WeakKeyDictionary()


def _index(G: nx.MultiDiGraph) -> _Index:
    idx = _INDEXES.get(G)
    if idx is None or idx.size != len(G):
        idx = _INDEXES[G] = _Index(G)
    return idx


def refresh(G: nx.MultiDiGraph) -> None:
    """Rebuild the name index of ``G`` (after changing labels or aliases in place)."""
    _INDEXES[G] = _Index(G)


def _candidates(name: str) -> list[str]:
    key = match_key(name)
    keys = [key]
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            keys.append(key[len(prefix):])
    for k in list(keys):
        for clitic in _CLITICS:
            if k.startswith(clitic) and len(k) - len(clitic) >= 2:
                rest = k[len(clitic):]
                keys.append("ال" + rest if clitic in ("وال", "بال", "لل") else rest)
    return keys


class _GraphNames:
    """The names of a graph as :func:`resolve` reads them (a store's :class:`graph.index.GraphIndex` reads the same)."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G

    def __contains__(self, node: object) -> bool:
        return node in self.G

    def nodes_for(self, key: str) -> list[str]:
        return _index(self.G).keys.get(key, [])

    def rank(self, node: str) -> tuple[bool, int]:
        return self.G.nodes[node].get("type") in ("ORG", "PERSON", "PRODUCT"), self.G.degree(node)

    def keys(self) -> list[str]:
        return list(_index(self.G).keys)

    def label(self, node: str) -> str:
        return _label(self.G, node)


def resolve(G: Any, name: str, limit: int = 5) -> str:
    """The node id for ``name`` (label or alias, any script, with or without clitics, diacritics or شركة).

    Prefers organizations and people when several nodes share a name; raises :class:`UnknownName` with up to
    ``limit`` suggestions (fuzzy matches) when nothing matches. ``G`` is a graph or a store's
    :class:`graph.index.GraphIndex`.
    """
    names = _GraphNames(G) if isinstance(G, nx.Graph) else G
    if name in names:
        return name
    for key in _candidates(name):
        nodes = names.nodes_for(key)
        if nodes:
            return max(nodes, key=names.rank)
    from rapidfuzz import fuzz, process

    best = process.extract(match_key(name), names.keys(), scorer=fuzz.WRatio, limit=limit * 3)
    suggestions: list[str] = []
    for key, score, _ in best:
        label = names.label(names.nodes_for(key)[0])
        if score >= 60 and label not in suggestions:
            suggestions.append(label)
    raise UnknownName(name, suggestions[:limit])


def _label(G: nx.MultiDiGraph, n: str) -> str:
    return G.nodes[n].get("label", n)


def _sentences(data: dict) -> list[dict[str, Any]]:
    return [
        {"sentence": e.get("sentence", ""), "document": e.get("document", ""), "title": e.get("title", ""),
         "date": e.get("date"), "source": e.get("source")}
        for e in data.get("evidence", [])
    ]


def entity(G: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """An entity's label, type, aliases, documents and relation counts."""
    n = resolve(G, name)
    data = G.nodes[n]
    counts: dict[str, int] = defaultdict(int)
    for _, _, k in G.out_edges(n, keys=True):
        counts[k] += 1
    for _, _, k in G.in_edges(n, keys=True):
        counts[k] += 1
    return {
        "id": n,
        "label": data.get("label", n),
        "type": data.get("type"),
        "aliases": list(data.get("aliases", [])),
        "documents": list(data.get("documents", [])),
        "mentions": data.get("mentions", 0),
        "relations": dict(sorted(counts.items())),
    }


def _symmetric_partners(G: nx.MultiDiGraph, n: str, relation: str):
    for _, v, k, d in G.out_edges(n, keys=True, data=True):
        if k == relation:
            yield v, d
    for u, _, k, d in G.in_edges(n, keys=True, data=True):
        if k == relation:
            yield u, d


def competitors(G: nx.MultiDiGraph, name: str, products: bool = True) -> list[dict[str, Any]]:
    """The stated rivals of ``name`` with their evidence, best supported first.

    With ``products``, rivals of the entity's products (and of its units' products) count too, ``via`` naming the
    product: a rival of Llama 4 competes with Meta, whose unit makes it.
    """
    n = resolve(G, name)
    found: dict[str, dict[str, Any]] = {}
    sources = [(n, None)]
    if products:
        owners = [n] + [u for u, _, k in G.in_edges(n, keys=True) if k == "PART_OF"]
        sources += [(u, _label(G, u)) for o in owners for u, _, k in G.in_edges(o, keys=True) if k == "PRODUCT_OF"]
    own = {s for s, _ in sources}
    for source, via in sources:
        for other, data in _symmetric_partners(G, source, "COMPETES_WITH"):
            if other in own:
                continue
            maker = [v for _, v, k in G.out_edges(other, keys=True) if k == "PRODUCT_OF"]
            target = maker[0] if maker and G.nodes[other].get("type") == "PRODUCT" and maker[0] not in own else other
            if target in found and found[target]["via"] is None:
                continue
            found[target] = {"id": target, "label": _label(G, target), "via": via,
                             "articles": data.get("articles", 1), "confidence": data.get("confidence"),
                             "evidence": _sentences(data)}
    return sorted(found.values(), key=lambda c: (c["via"] is not None, -c["articles"], c["label"]))


def rivalries(G: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """Every rival pair: ``stated`` pairs, ``groups`` of rivals (connected), and ``inferred`` pairs.

    An inferred pair is two firms named as rivals of the same company, which the text never sets against each
    other; ``because`` lists those companies.
    """
    R = nx.Graph()
    stated = []
    for u, v, k, d in G.edges(keys=True, data=True):
        if k == "COMPETES_WITH" and u != v:
            R.add_edge(u, v)
            stated.append({"pair": (_label(G, u), _label(G, v)), "ids": (u, v), "evidence": _sentences(d)})
    inferred = []
    for hub in sorted(R.nodes):
        for a, b in combinations(sorted(R.neighbors(hub)), 2):
            if not R.has_edge(a, b):
                inferred.append((a, b, hub))
    merged: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, b, hub in inferred:
        merged[(a, b)].append(_label(G, hub))
    groups = [sorted(_label(G, n) for n in comp) for comp in nx.connected_components(R)]
    return {
        "stated": sorted(stated, key=lambda s: s["pair"]),
        "groups": sorted(groups, key=lambda g: (-len(g), g)),
        "inferred": [
            {"pair": tuple(sorted((_label(G, a), _label(G, b)))), "ids": (a, b), "because": sorted(hubs)}
            for (a, b), hubs in sorted(merged.items(), key=lambda item: sorted((_label(G, item[0][0]), _label(G, item[0][1]))))
        ],
    }


def neighbors(G: nx.MultiDiGraph, name: str, relation: str | None = None, depth: int = 1) -> list[dict[str, Any]]:
    """Entities within ``depth`` hops of ``name`` (following edges both ways), optionally of one relation."""
    start = resolve(G, name)
    seen = {start: 0}
    frontier = [start]
    hops = []
    for level in range(1, depth + 1):
        nxt = []
        for n in frontier:
            for u, v, k in list(G.out_edges(n, keys=True)) + list(G.in_edges(n, keys=True)):
                if relation and k != relation:
                    continue
                other = v if u == n else u
                if other not in seen:
                    seen[other] = level
                    nxt.append(other)
                    hops.append({"id": other, "label": _label(G, other), "type": G.nodes[other].get("type"),
                                 "depth": level, "via": _label(G, n), "relation": k,
                                 "direction": "out" if u == n else "in"})
        frontier = nxt
    return hops


def path(G: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """The shortest connection between two entities, with the relation (and its direction) on each hop."""
    from extractors.records import SYMMETRIC_RELATIONS

    u, v = resolve(G, a), resolve(G, b)
    try:
        nodes = nx.shortest_path(G.to_undirected(as_view=True), u, v)
    except nx.NetworkXNoPath:
        return []
    hops = []
    for x, y in zip(nodes, nodes[1:]):
        if G.has_edge(x, y):
            rel, forward = next(iter(G[x][y])), True
        else:
            rel, forward = next(iter(G[y][x])), False
        hops.append({"from": _label(G, x), "relation": rel, "to": _label(G, y),
                     "direction": "->" if forward or rel in SYMMETRIC_RELATIONS else "<-"})
    return hops


def deals(G: nx.MultiDiGraph, name: str) -> list[dict[str, Any]]:
    """Investments, acquisitions, mergers and contracts of ``name``, largest amount first."""
    n = resolve(G, name)
    out = []
    for u, v, k, d in list(G.out_edges(n, keys=True, data=True)) + list(G.in_edges(n, keys=True, data=True)):
        if k not in DEAL_RELATIONS:
            continue
        out.append({
            "relation": k, "from": _label(G, u), "to": _label(G, v), "role": "buyer/investor" if u == n else "target",
            "amount": d.get("amount"), "currency": d.get("currency"), "stake_percent": d.get("stake_percent"),
            "status": d.get("status"), "date": d.get("date"), "events": list(d.get("events", [])),
            "evidence": _sentences(d),
        })
    return sorted(out, key=lambda x: (x["amount"] is None, -(x["amount"] or 0), x["to"]))


def people(G: nx.MultiDiGraph, org: str) -> list[dict[str, Any]]:
    """Leaders, staff, founders and departures of an organization, with their roles."""
    n = resolve(G, org)
    out = []
    for u, _, k, d in G.in_edges(n, keys=True, data=True):
        if k in PEOPLE_RELATIONS and G.nodes[u].get("type") == "PERSON":
            out.append({"id": u, "label": _label(G, u), "relation": k, "role": d.get("role"),
                        "date": d.get("date"), "evidence": _sentences(d)})
    order = {r: i for i, r in enumerate(PEOPLE_RELATIONS)}
    return sorted(out, key=lambda p: (order[p["relation"]], p["label"]))


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or year, or year-month) falls between ``since`` and ``until``, compared at the
    precision of each bound; an unknown date is in range only when no bound is given.

    >>> _in_range("2016-05-02", "2016", "2020"), _in_range("2014", "2015", None), _in_range(None, None, None)
    (True, False, True)
    """
    if not date:
        return since is None and until is None
    return (since is None or date[: len(since)] >= since) and (until is None or date[: len(until)] <= until)


def within(G: nx.MultiDiGraph, since: str | None = None, until: str | None = None,
           min_confidence: float | None = None) -> nx.MultiDiGraph:
    """The relations of ``G`` dated between ``since`` and ``until`` (ISO years or dates, either may be None) with at
    least ``min_confidence``, and the entities they connect; ``G`` itself when nothing is asked.

    A relation is dated by its evidence (each keeps its article's date) and its deal events; it keeps only the
    evidence and events in range, and its amount becomes that of the best deal left. Undated relations are left out
    as soon as a date bound is given.

    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from(["a", "b", "c"])
    >>> _ = G.add_edge("a", "b", key="ACQUIRED", relation="ACQUIRED", confidence=0.9, amount=32e9,
    ...                events=[{"amount": 23e9, "date": "2015", "documents": ["x"]},
    ...                        {"amount": 32e9, "date": "2016", "documents": ["y"]}],
    ...                evidence=[{"date": "2015-01-02"}, {"date": "2016-03-04"}])
    >>> _ = G.add_edge("b", "c", key="LEADS", relation="LEADS", confidence=0.4, evidence=[{"date": "2010"}])
    >>> H = within(G, since="2011", until="2015")
    >>> list(H.edges(keys=True)), H.edges["a", "b", "ACQUIRED"]["amount"]
    ([('a', 'b', 'ACQUIRED')], 23000000000.0)
    >>> list(within(G, min_confidence=0.5).nodes)
    ['a', 'b']
    """
    from graph.build import settle_events

    if since is None and until is None and min_confidence is None:
        return G
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for u, v, k, d in G.edges(keys=True, data=True):
        if min_confidence is not None and d.get("confidence", 0) < min_confidence:
            continue
        evidence = [e for e in d.get("evidence", []) if _in_range(e.get("date"), since, until)]
        events = [e for e in d.get("events", []) if _in_range(e.get("date"), since, until)]
        if not (evidence or events or _in_range(d.get("date"), since, until)):
            continue
        data = dict(d)
        if since is not None or until is not None:
            data.update(evidence=evidence, **({"events": events} if "events" in d else {}))
            if events:
                settle_events(data)
        H.add_node(u, **G.nodes[u])
        H.add_node(v, **G.nodes[v])
        H.add_edge(u, v, key=k, **data)
    return H


def stats(G: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """How big the graph is: articles, entities and relations by type, and the ``top`` most connected entities.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="ميتا", type="ORG", documents=["d1", "d2"])
    >>> G.add_node("b", label="Scale AI", type="ORG", documents=["d1"])
    >>> _ = G.add_edge("a", "b", key="INVESTED_IN", relation="INVESTED_IN")
    >>> s = stats(G)
    >>> s["articles"], s["entities"], s["relations"], s["top"][0]["label"]
    (2, {'ORG': 2}, {'INVESTED_IN': 1}, 'Scale AI')
    """
    entities = Counter(d.get("type", "MISC") for _, d in G.nodes(data=True))
    relations = Counter(k for _, _, k in G.edges(keys=True))
    ranked = sorted(G.nodes, key=lambda n: (-G.degree(n), _label(G, n)))[:top]
    return {
        "articles": len({doc for _, d in G.nodes(data=True) for doc in d.get("documents", [])}),
        "entities": dict(sorted(entities.items())),
        "relations": dict(sorted(relations.items())),
        "top": [{"id": n, "label": _label(G, n), "type": G.nodes[n].get("type"), "degree": G.degree(n)} for n in ranked],
    }
