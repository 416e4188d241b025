"""Render the knowledge graph as one self-contained HTML page with pyvis (vis.js inlined, no network).

Nodes are coloured by entity type (or, at a switch, by louvain community),
sized and labelled by degree, and laid out from seed positions that keep each
community together; places, miscellany and isolated nodes start hidden (one
toggle shows them). Edges are labelled with their relation (Arabic and
English), directed relations drawn with arrows and rivalries dashed, edge width
growing with the number of supporting articles; each edge carries its years,
deal events and evidence (article title, date, source URL) for the side panel
and the year filter. Article text reaches the page only as
JSON that pyvis serialises HTML-safely (``<`` becomes ``\\u003c``) and that
vis.js shows as plain text, and the page's title is HTML-escaped, so no text
from an article can run as code.
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx

from extractors.records import SYMMETRIC_RELATIONS
from graph.tables import format_money

__all__ = ["TYPE_COLORS", "RELATION_LABELS_AR", "render_html", "write_html"]


TYPE_COLORS = {"ORG": "#2f6fde", "PERSON": "#e0762b", "PRODUCT": "#2a9d57", "LOC": "#8a8f98", "MISC": "#a06cd5"}
RELATION_LABELS_AR = {
    "INVESTED_IN": "استثمر في",
    "ACQUIRED": "استحوذ على",
    "MERGED_WITH": "اندمج مع",
    "FOUNDED": "أسس",
    "LEADS": "يقود",
    "WORKS_FOR": "يعمل لدى",
    "LEFT": "غادر",
    "COMPETES_WITH": "ينافس",
    "PARTNERS_WITH": "شريك",
    "CUSTOMER_OF": "عميل لدى",
    "CONTRACT_WITH": "عقد مع",
    "PART_OF": "جزء من",
    "PRODUCT_OF": "منتج لـ",
}
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
"""pyvis's empty heading, which sits in <head> and so opens the body with a blank band above the toolbar."""
_REMOTE = re.compile(r"<(script|link)\b[^>]*(?:src|href)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.IGNORECASE)
_ASSETS = Path(__file__).with_name("assets")
_TYPE_NAMES_AR = {"ORG": "منظمة", "PERSON": "شخص", "PRODUCT": "منتج", "LOC": "مكان", "MISC": "أخرى"}
MINOR_TYPES = ("LOC", "MISC")
"""Entity types hidden in the overview until the user asks for them (with isolated nodes)."""
COMMUNITY_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
                    "#bcbd22", "#393b79", "#637939", "#843c39")


def communities(G: nx.MultiDiGraph, seed: int = 7) -> dict[str, int]:
    """The louvain community of each node (0 = the largest), on the undirected simple graph of ``G``.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> c = communities(G)
    >>> c["a"] == c["b"] == c["c"] != c["x"] == c["y"], c["a"]
    (True, 0)
    """
    groups = nx.community.louvain_communities(nx.Graph(G.to_undirected(as_view=True)), seed=seed)
    ranked = sorted(groups, key=lambda g: (-len(g), min(g)))
    return {n: i for i, group in enumerate(ranked) for n in group}


def _seed_positions(order: list[str], community: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Starting positions: communities' centres on a spiral, each community's nodes on a small spiral around it,
    so that the force layout starts clustered and settles fast."""
    members: dict[int, list[str]] = {}
    for n in order:
        members.setdefault(community[n], []).append(n)
    positions = {}
    for c, nodes in members.items():
        cx, cy = _spiral(c, 260.0)
        for i, n in enumerate(nodes):
            dx, dy = _spiral(i, 30.0)
            positions[n] = (round(cx + dx, 1), round(cy + dy, 1))
    return positions


def _spiral(i: int, step: float) -> tuple[float, float]:
    angle = i * 2.39996  # the golden angle: evenly spread points
    radius = step * math.sqrt(i)
    return radius * math.cos(angle), radius * math.sin(angle)


def _minor_nodes(G: nx.MultiDiGraph) -> set[str]:
    """Nodes the overview hides at first: places and miscellany, and nodes with no relation to any other node."""
    minor = {n for n, d in G.nodes(data=True) if d.get("type") in MINOR_TYPES}
    U = G.to_undirected(as_view=True)
    return minor | {n for n in G if not set(U.neighbors(n)) - minor - {n}}


def _years(data: dict) -> list[int]:
    dates = [e.get("date") for e in data.get("evidence", []) + data.get("events", [])] + [data.get("date")]
    return sorted({int(d[:4]) for d in dates if d and d[:4].isdigit()})


def _edge_title(data: dict) -> str:
    """The edge's tooltip: relation, deal attributes, support and up to three evidence sentences (a headline shown once).

    >>> print(_edge_title({"relation": "LEFT", "evidence": [{"sentence": "رحيل سكالي", "title": "رحيل سكالي"}]}))
    غادر (LEFT)
    المقالات: 1 · الثقة: 0.00
    — [رحيل سكالي]
    """
    rel = data["relation"]
    lines = [f"{RELATION_LABELS_AR.get(rel, rel)} ({rel})"]
    money = format_money(data.get("amount"), data.get("currency"), arabic=True)
    if money:
        lines.append(f"القيمة: {money}")
    if data.get("stake_percent") is not None:
        lines.append(f"الحصة: {data['stake_percent']:g}%")
    for name in ("role", "status", "date"):
        if data.get(name):
            lines.append(f"{name}: {data[name]}")
    lines.append(f"المقالات: {data.get('articles', 1)} · الثقة: {data.get('confidence', 0):.2f}")
    for ev in data.get("evidence", [])[:3]:
        source = ev.get("title") or ev.get("document", "")
        sentence = ev.get("sentence", "")
        lines.append(f"— [{source}]" if sentence.strip() == source.strip() else f"— {sentence}\n   [{source}]")
    return "\n".join(lines)


def _node_title(nid: str, data: dict) -> str:
    lines = [f"{data.get('label', nid)} · {data.get('type', '')}"]
    aliases = [a for a in data.get("aliases", []) if a != data.get("label")]
    if aliases:
        lines.append("أسماء أخرى: " + "، ".join(aliases))
    lines.append(f"الإشارات: {data.get('mentions', 0)} · المقالات: {len(data.get('documents', []))}")
    return "\n".join(lines)


def _checkboxes(kind: str, values: list[str], labels: dict[str, str], unchecked: tuple[str, ...] = ()) -> str:
    return "".join(
        f'<label><input type="checkbox"{"" if v in unchecked else " checked"} data-{kind}="{html.escape(v)}">'
        f'<span>{html.escape(labels.get(v, v))}</span> <small>{html.escape(v)}</small></label>'
        for v in values
    )


def _year_range(years: list[int]) -> str:
    if not years:
        return ""
    low, high = min(years), max(years)
    return (f'<fieldset class="alaqat-years"><legend>السنوات</legend>'
            f'<label><span>من</span> <input id="alaqat-since" type="number" min="{low}" max="{high}" value="{low}"></label>'
            f'<label><span>إلى</span> <input id="alaqat-until" type="number" min="{low}" max="{high}" value="{high}"></label>'
            f'</fieldset>')


def _toolbar(title: str, types: list[str], relations: list[str], years: list[int]) -> str:
    legend_types = "".join(
        f'<div><span class="dot" style="background:{TYPE_COLORS.get(t, TYPE_COLORS["MISC"])}"></span>'
        f'{html.escape(_TYPE_NAMES_AR.get(t, t))} {html.escape(t)}</div>'
        for t in types
    )
    return f"""
<div id="alaqat-bar">
  <h1>{html.escape(title)}</h1>
  <div class="alaqat-search-box">
    <input id="alaqat-search" type="search" placeholder="ابحث عن كيان بأي اسم… / search any name" autocomplete="off"
           role="combobox" aria-controls="alaqat-suggest" aria-expanded="false">
    <ul id="alaqat-suggest" role="listbox" hidden></ul>
  </div>
  <span id="alaqat-search-status" role="status"></span>
  <div class="alaqat-filters">
    <fieldset><legend>الأنواع</legend>{_checkboxes("type", types, _TYPE_NAMES_AR, MINOR_TYPES)}</fieldset>
    <fieldset><legend>العلاقات</legend>{_checkboxes("relation", relations, RELATION_LABELS_AR)}</fieldset>
    <fieldset><legend>العرض</legend>
      <label><input type="checkbox" id="alaqat-minor"><span>المعزولة والأماكن وغيرها</span> <small>isolated, LOC, MISC</small></label>
      <label><input type="checkbox" id="alaqat-communities"><span>لوّن حسب المجتمع</span> <small>communities</small></label>
    </fieldset>
    {_year_range(years)}
  </div>
</div>
<div id="alaqat-panel" role="complementary"></div>
<div class="alaqat-legend">{legend_types}
  <div><span class="line"></span>علاقة باتجاه (سهم)</div><div><span class="line dashed"></span>تنافس</div>
</div>
"""


def render_html(G: nx.MultiDiGraph, title: str = "alaqat — علاقات") -> str:
    """Return the explorer page for ``G``: offline, right-to-left, searchable, filterable, evidence on click.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="<script>alert(1)</script>", type="ORG", aliases=[])
    >>> page = render_html(G)
    >>> "<script>alert(1)" in page, bool(re.search(r'(src|href)="https?:', page))
    (False, False)
    """
    page = _network(G).generate_html()  # the network, and its copy of the page, go once the page is made
    page = _EMPTY_HEADING.sub("", _REMOTE.sub("", page))
    types = sorted({d.get("type", "MISC") for _, d in G.nodes(data=True)}, key=list(TYPE_COLORS).index)
    relations = sorted({k for _, _, k in G.edges(keys=True)})
    years = sorted({y for _, _, d in G.edges(data=True) for y in _years(d)})
    css = (_ASSETS / "explorer.css").read_text(encoding="utf-8")
    js = (_ASSETS / "explorer.js").read_text(encoding="utf-8")
    page = page.replace("<html>", '<html lang="ar">', 1)
    page = page.replace("<head>", f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>', 1)
    page = page.replace("</head>", f"<style>{css}</style>\n</head>", 1)
    page = re.sub(r"<body>", lambda m: m.group(0) + _toolbar(title, types, relations, years), page, count=1)
    # After stabilising, the layout stays still; explorer.js then removes the loading overlay and signals ready.
    page = page.replace(
        "return network;",
        'network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); '
        'window.alaqatStable = true; window.dispatchEvent(new Event("alaqat-stable")); });\n'
        "                  return network;",
        1,
    )
    page = page.replace("</body>", f"<script>{js}</script>\n</body>", 1)
    return page


def _page_json(value: Any, **kwargs: Any) -> str:
    """JSON for the page's script with Arabic written as itself (``\\uXXXX`` would triple its size); the line and
    paragraph separators, which older JavaScript takes for line ends, stay escaped. (The template then escapes
    ``< > & '``, so article text can never close the script.)

    >>> _page_json({"a": "ميتا" + chr(0x2028)})
    '{"a": "ميتا\\\\u2028"}'
    """
    return json.dumps(value, ensure_ascii=False, **kwargs).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _network(G: nx.MultiDiGraph):
    """The pyvis network of ``G``: nodes and edges with what the explorer shows, and the layout options."""
    from pyvis.network import Network

    from extractors.normalize import match_key
    from graph.build import known_names

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    net.templateEnv.policies["json.dumps_function"] = _page_json
    order = sorted(G.nodes)
    community = communities(G)
    positions = _seed_positions(order, community)
    minor = _minor_nodes(G)
    U = G.to_undirected(as_view=True)
    for nid in order:
        data = G.nodes[nid]
        etype = data.get("type", "MISC")
        names = known_names(nid, data)
        degree = len(set(U.neighbors(nid)) - {nid})
        color = TYPE_COLORS.get(etype, TYPE_COLORS["MISC"])
        net.add_node(
            nid,
            label=data.get("label", nid),
            title=_node_title(nid, data),
            color=color,
            tcolor=color,
            ccolor=COMMUNITY_COLORS[community[nid] % len(COMMUNITY_COLORS)],
            community=community[nid],
            shape="dot",
            size=round(8 + 6 * math.sqrt(degree), 1),
            mass=round(1 + degree / 3, 2),
            font={"size": round(min(12 + 11 * math.sqrt(degree), 70))},
            x=positions[nid][0],
            y=positions[nid][1],
            hidden=nid in minor,
            physics=nid not in minor,
            minor=nid in minor,
            degree=degree,
            etype=etype,
            aliases=sorted(data.get("aliases", [])),
            keys=sorted({match_key(n) for n in names} - {""}),
        )
    for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        rel = data["relation"]
        extra = {name: data[name] for name in ("amount", "currency", "stake_percent", "status", "role", "date") if data.get(name) is not None}
        net.add_edge(
            u,
            v,
            label=RELATION_LABELS_AR.get(rel, rel),
            title=_edge_title(data),
            arrows="" if rel in SYMMETRIC_RELATIONS else "to",
            dashes=rel == "COMPETES_WITH",
            width=1 + 1.5 * min(data.get("articles", 1), 6),
            hidden=u in minor or v in minor,
            relation=rel,
            relation_ar=RELATION_LABELS_AR.get(rel, rel),
            articles=data.get("articles", 1),
            confidence=data.get("confidence"),
            years=_years(data),
            events=data.get("events", []),
            evidence=[{name: e.get(name) or "" for name in ("sentence", "title", "document", "date", "source")}
                      for e in data.get("evidence", [])],
            **extra,
        )
    big = G.number_of_nodes() > 200
    net.set_options(
        json.dumps({
            "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 250 if big else 400, "fit": True},
                        "forceAtlas2Based": {"springLength": 150, "avoidOverlap": 1, "centralGravity": 0.015}},
            "layout": {"improvedLayout": not big},
            "edges": {"font": {"size": 11, "align": "middle"}, "smooth": {"type": "continuous"}},
            "nodes": {"font": {"size": 16, "face": "Noto Naskh Arabic, Noto Sans Arabic, KacstOne, sans-serif"}},
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        })
    )
    return net


def write_html(G: nx.MultiDiGraph, path: str | Path, title: str = "alaqat — علاقات") -> Path:
    """Write :func:`render_html` of ``G`` to ``path``."""
    path = Path(path)
    path.write_text(render_html(G, title=title), encoding="utf-8")
    return path
