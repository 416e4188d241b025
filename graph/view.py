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
import re
from pathlib import Path

import networkx as nx

from extractors.records import SYMMETRIC_RELATIONS

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
_STYLE = """
<style>
  body { margin: 0; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "KacstOne", "DejaVu Sans", sans-serif; }
  h1.alaqat-title { direction: rtl; font-size: 1.2rem; margin: .5rem 1rem; }
  .vis-tooltip { direction: rtl; text-align: right; white-space: pre-wrap; max-width: 36rem; font-family: inherit; }
  .alaqat-legend { position: absolute; top: 3rem; left: 1rem; background: #fff; border: 1px solid #ccc;
                   padding: .4rem .7rem; font-size: .85rem; direction: rtl; z-index: 10; }
  .alaqat-legend span { display: inline-block; width: .8rem; height: .8rem; border-radius: 50%; margin-left: .3rem; }
</style>
"""


def _money(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    for size, word in ((1e9, "مليار"), (1e6, "مليون")):
        if amount >= size:
            return f"{amount / size:g} {word} {currency or ''}".strip()
    return f"{amount:g} {currency or ''}".strip()


def _edge_title(data: dict) -> str:
    rel = data["relation"]
    lines = [f"{RELATION_LABELS_AR.get(rel, rel)} ({rel})"]
    money = _money(data.get("amount"), data.get("currency"))
    if money:
        lines.append(f"القيمة: {money}")
    if data.get("stake_percent") is not None:
        lines.append(f"الحصة: {data['stake_percent']:g}%")
    for name in ("role", "status", "date"):
        if data.get(name):
            lines.append(f"{name}: {data[name]}")
    lines.append(f"المقالات: {data.get('articles', 1)} · الثقة: {data.get('confidence', 0):.2f}")
    for ev in data.get("evidence", [])[:5]:
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


def render_html(G: nx.MultiDiGraph, title: str = "alaqat — علاقات") -> str:
    """Return the HTML page for ``G``: offline, right-to-left labels, evidence in tooltips.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="<script>alert(1)</script>", type="ORG", aliases=[])
    >>> page = render_html(G)
    >>> "<script>alert(1)" in page, bool(re.search(r'(src|href)="https?:', page))
    (False, False)
    """
    from pyvis.network import Network

    net = Network(height="92vh", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for nid, data in sorted(G.nodes(data=True)):
        etype = data.get("type", "MISC")
        net.add_node(
            nid,
            label=data.get("label", nid),
            title=_node_title(nid, data),
            color=TYPE_COLORS.get(etype, TYPE_COLORS["MISC"]),
            shape="dot",
            size=12 + 3 * min(len(data.get("documents", [])), 6) + min(data.get("mentions", 0), 12),
        )
    for u, v, k, data in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        rel = data["relation"]
        net.add_edge(
            u,
            v,
            label=RELATION_LABELS_AR.get(rel, rel),
            title=_edge_title(data),
            arrows="" if rel in SYMMETRIC_RELATIONS else "to",
            dashes=rel == "COMPETES_WITH",
            width=1 + 1.5 * min(data.get("articles", 1), 6),
            relation=rel,
        )
    net.set_options(
        """{"physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": true},
              "forceAtlas2Based": {"springLength": 140, "avoidOverlap": 0.6}},
            "edges": {"font": {"size": 11, "align": "middle"}, "smooth": {"type": "continuous"}},
            "nodes": {"font": {"size": 16, "face": "Noto Naskh Arabic, Noto Sans Arabic, KacstOne, sans-serif"}},
            "interaction": {"hover": true, "tooltipDelay": 120}}"""
    )
    page = net.generate_html()
    page = _REMOTE.sub("", page)
    legend = "".join(
        f'<div><span style="background:{color}"></span>{name}</div>' for name, color in TYPE_COLORS.items()
    )
    header = f'<h1 class="alaqat-title">{html.escape(title)}</h1><div class="alaqat-legend">{legend}</div>'
    page = page.replace("</head>", _STYLE + "\n</head>", 1)
    page = re.sub(r"<body>", lambda m: m.group(0) + "\n" + header, page, count=1)
    page = page.replace('<html>', '<html lang="ar">', 1)
    page = page.replace("<head>", '<head>\n<meta charset="utf-8">', 1)
    # After stabilising, the layout stays still.
    page = page.replace(
        "return network;",
        'network.once("stabilizationIterationsDone", function () { network.setOptions({physics: false}); });\n'
        "                  return network;",
        1,
    )
    return page


def write_html(G: nx.MultiDiGraph, path: str | Path, title: str = "alaqat — علاقات") -> Path:
    """Write :func:`render_html` of ``G`` to ``path``."""
    path = Path(path)
    path.write_text(render_html(G, title=title), encoding="utf-8")
    return path
