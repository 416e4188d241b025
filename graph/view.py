"""Render the knowledge graph as one self-contained HTML page with pyvis (vis.js inlined, no network).

Nodes are coloured by entity type, edges labelled with their relation (Arabic
and English), directed relations drawn with arrows and rivalries dashed, edge
width growing with the number of supporting articles. Tooltips hold aliases,
deal attributes and evidence sentences. Article text reaches the page only as
JSON that pyvis serialises HTML-safely (``<`` becomes ``\\u003c``) and that
vis.js shows as plain text, and the page's title is HTML-escaped, so no text
from an article can run as code.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

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
_REMOTE = re.compile(r"<(script|link)\b[^>]*(?:src|href)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.IGNORECASE)
_ASSETS = Path(__file__).with_name("assets")
_TYPE_NAMES_AR = {"ORG": "منظمة", "PERSON": "شخص", "PRODUCT": "منتج", "LOC": "مكان", "MISC": "أخرى"}


def _edge_title(data: dict) -> str:
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
        lines.append(f"— {ev.get('sentence', '')}\n   [{source}]")
    return "\n".join(lines)


def _node_title(nid: str, data: dict) -> str:
    lines = [f"{data.get('label', nid)} · {data.get('type', '')}"]
    aliases = [a for a in data.get("aliases", []) if a != data.get("label")]
    if aliases:
        lines.append("أسماء أخرى: " + "، ".join(aliases))
    lines.append(f"الإشارات: {data.get('mentions', 0)} · المقالات: {len(data.get('documents', []))}")
    return "\n".join(lines)


def _checkboxes(kind: str, values: list[str], labels: dict[str, str]) -> str:
    return "".join(
        f'<label><input type="checkbox" checked data-{kind}="{html.escape(v)}"> {html.escape(labels.get(v, v))} '
        f'<small>{html.escape(v)}</small></label>'
        for v in values
    )


def _toolbar(title: str, types: list[str], relations: list[str]) -> str:
    legend_types = "".join(
        f'<div><span class="dot" style="background:{TYPE_COLORS.get(t, TYPE_COLORS["MISC"])}"></span>'
        f'{html.escape(_TYPE_NAMES_AR.get(t, t))} {html.escape(t)}</div>'
        for t in types
    )
    return f"""
<div id="alaqat-bar">
  <h1>{html.escape(title)}</h1>
  <input id="alaqat-search" type="search" placeholder="ابحث عن كيان بأي اسم… / search any name" autocomplete="off">
  <span id="alaqat-search-status"></span>
  <div class="alaqat-filters">
    <fieldset><legend>الأنواع</legend>{_checkboxes("type", types, _TYPE_NAMES_AR)}</fieldset>
    <fieldset><legend>العلاقات</legend>{_checkboxes("relation", relations, RELATION_LABELS_AR)}</fieldset>
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
    from pyvis.network import Network

    from extractors.normalize import match_key
    from graph.build import known_names

    net = Network(height="calc(100vh - 5rem)", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for nid, data in sorted(G.nodes(data=True)):
        etype = data.get("type", "MISC")
        names = known_names(nid, data)
        net.add_node(
            nid,
            label=data.get("label", nid),
            title=_node_title(nid, data),
            color=TYPE_COLORS.get(etype, TYPE_COLORS["MISC"]),
            shape="dot",
            size=12 + 3 * min(len(data.get("documents", [])), 6) + min(data.get("mentions", 0), 12),
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
            relation=rel,
            articles=data.get("articles", 1),
            evidence=[{"sentence": e.get("sentence", ""), "title": e.get("title", ""), "document": e.get("document", "")}
                      for e in data.get("evidence", [])],
            **extra,
        )
    big = G.number_of_nodes() > 200
    net.set_options(
        json.dumps({
            "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 250 if big else 400, "fit": True},
                        "forceAtlas2Based": {"springLength": 140, "avoidOverlap": 0.6}},
            "layout": {"improvedLayout": not big},
            "edges": {"font": {"size": 11, "align": "middle"}, "smooth": {"type": "continuous"}},
            "nodes": {"font": {"size": 16, "face": "Noto Naskh Arabic, Noto Sans Arabic, KacstOne, sans-serif"}},
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big},
        })
    )
    page = _REMOTE.sub("", net.generate_html())
    types = sorted({d.get("type", "MISC") for _, d in G.nodes(data=True)}, key=list(TYPE_COLORS).index)
    relations = sorted({k for _, _, k in G.edges(keys=True)})
    css = (_ASSETS / "explorer.css").read_text(encoding="utf-8")
    js = (_ASSETS / "explorer.js").read_text(encoding="utf-8")
    page = page.replace("<html>", '<html lang="ar">', 1)
    page = page.replace("<head>", f'<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>', 1)
    page = page.replace("</head>", f"<style>{css}</style>\n</head>", 1)
    page = re.sub(r"<body>", lambda m: m.group(0) + _toolbar(title, types, relations), page, count=1)
    # After stabilising, the layout stays still.
    page = page.replace(
        "return network;",
        'network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); window.alaqatReady = true; });\n'
        "                  return network;",
        1,
    )
    page = page.replace("</body>", f"<script>{js}</script>\n</body>", 1)
    return page


def write_html(G: nx.MultiDiGraph, path: str | Path, title: str = "alaqat — علاقات") -> Path:
    """Write :func:`render_html` of ``G`` to ``path``."""
    path = Path(path)
    path.write_text(render_html(G, title=title), encoding="utf-8")
    return path
