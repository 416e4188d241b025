"""The explorer as a working tool, in Chromium: edge panel with sources, deal events, year filter, prefix and fuzzy
search, the minor-node toggle, focus mode, the narrow-screen drawer, and article markup that stays inert."""

import json

import pytest

from graph.runner import build_from_paths, write_outputs
from tests.test_browser import _open, browser  # noqa: F401  (the module's Chromium fixture)

ARTICLES = [
    {"id": "a-bid", "title": "عرض أمازون لشراء نون", "date": "2015-04-01", "source": "https://example.com/news/bid",
     "text": "عرض أمازون لشراء نون\nقدمت شركة أمازون عرضا للاستحواذ على شركة نون مقابل 23 مليار دولار، لكن نون رفضت العرض."},
    {"id": "b-deal", "title": "صفقة أمازون ونون", "date": "2016-07-01",
     "text": "صفقة أمازون ونون\nاتفقت شركة أمازون على الاستحواذ على شركة نون مقابل 32 مليار دولار."},
    {"id": "c-old", "title": "رحيل سكالي", "date": "1993-06-18",
     "text": "رحيل سكالي\nاستقال جون سكالي من شركة أبل بعد خلاف مع مجلس الإدارة."},
    {"id": "d-latin", "title": "شراكة زيفيرا", "date": "2020-02-02",
     "text": "شراكة زيفيرا\nأعلنت شركة Zephyra شراكة مع شركة مايكروسوفت لتطوير الحوسبة السحابية."},
    {"id": "e-alone", "title": "أرباح نوفا بيو", "date": "2021-01-01",
     "text": "أرباح نوفا بيو\nقالت شركة «نوفا بيو» إن أرباحها ارتفعت هذا العام."},
]
VISIBLE = "id => !nodes.get(id).hidden"


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory, rules):  # noqa: F811
    folder = tmp_path_factory.mktemp("explorer")
    (folder / "news.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    outputs = write_outputs(build_from_paths([folder], rules).graph, folder / "out")
    page, log = _open(browser, outputs["html"])
    yield page, log
    assert log["errors"] == [] and log["requests"] == [] and log["dialogs"] == []
    page.close()


def _reset(page):
    page.evaluate("document.getElementById('alaqat-close') && document.getElementById('alaqat-close').click()")
    page.fill("#alaqat-search", "")


def _edge_id(page, source, relation):
    return page.evaluate(f"edges.get({{filter: e => e.from === '{source}' && e.relation === '{relation}'}})[0].id")


def test_edge_click_shows_both_parties_events_and_a_source_link(page):
    page, _ = page
    _reset(page)
    x, y = page.evaluate(
        """id => { const mid = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
                   const r = document.getElementById('mynetwork').getBoundingClientRect();
                   return [r.left + mid.x, r.top + mid.y]; }""",
        _edge_id(page, "amazon", "ACQUIRED"),
    )
    page.mouse.click(x, y)
    panel = page.inner_text("#alaqat-panel")
    for text in ("أمازون", "نون", "استحوذ على", "ACQUIRED", "23 مليار", "32 مليار", "2015-04-01", "قدمت شركة أمازون"):
        assert text in panel
    assert page.evaluate("document.querySelectorAll('#alaqat-panel .alaqat-events li').length") == 2
    links = page.eval_on_selector_all("#alaqat-panel a", "as => as.map(a => [a.href, a.rel])")
    assert links == [["https://example.com/news/bid", "noopener noreferrer"]] * 2  # the headline and the body sentence
    boxes = page.eval_on_selector_all("#alaqat-panel .alaqat-evidence", "bs => bs.map(b => b.innerText)")
    assert all(box.count("عرض أمازون لشراء نون") <= 1 for box in boxes)  # a headline sentence is shown once


def test_year_filter_hides_an_older_relation(page):
    page, _ = page
    _reset(page)
    left, deal = _edge_id(page, "person:جون سكالي", "LEFT"), _edge_id(page, "amazon", "ACQUIRED")
    hidden = "id => edges.get(id).hidden"
    assert page.evaluate(hidden, left) is False
    page.fill("#alaqat-since", "2000")
    page.dispatch_event("#alaqat-since", "input")
    assert page.evaluate(hidden, left) is True and page.evaluate(hidden, deal) is False
    page.fill("#alaqat-until", "2015")
    page.dispatch_event("#alaqat-until", "input")
    assert page.evaluate(hidden, deal) is False  # the 2015 bid is in range
    page.fill("#alaqat-until", "2014")
    page.dispatch_event("#alaqat-until", "input")
    assert page.evaluate(hidden, deal) is True
    page.fill("#alaqat-since", "1993")
    page.fill("#alaqat-until", "2022")
    page.dispatch_event("#alaqat-until", "input")
    assert page.evaluate(hidden, left) is False and page.evaluate(hidden, deal) is False


@pytest.mark.parametrize("query", ["مايكرو", "micro", "Mikrosoft", "لمايكروسوف"])
def test_prefix_and_fuzzy_search_in_both_scripts(page, query):
    page, _ = page
    _reset(page)
    page.fill("#alaqat-search", query)
    suggestions = page.eval_on_selector_all("#alaqat-suggest li", "ls => ls.map(l => l.dataset.id)")
    assert suggestions[:1] == ["microsoft"]
    page.press("#alaqat-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["microsoft"]
    assert page.is_visible("#alaqat-panel") and page.is_hidden("#alaqat-suggest")


def test_arrow_keys_choose_a_suggestion(page):
    page, _ = page
    _reset(page)
    page.fill("#alaqat-search", "نو")  # نون and نوفا بيو
    suggestions = page.eval_on_selector_all("#alaqat-suggest li", "ls => ls.map(l => l.dataset.id)")
    assert len(suggestions) >= 2
    page.press("#alaqat-search", "ArrowDown")
    page.press("#alaqat-search", "ArrowDown")
    page.press("#alaqat-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == [suggestions[1]]


def test_a_latin_prefix_finds_a_latin_name_and_no_match_clears_the_panel(page):
    page, _ = page
    _reset(page)
    page.fill("#alaqat-search", "Zeph")
    page.click("#alaqat-suggest li")
    assert page.evaluate("network.getSelectedNodes()") == ["org:zephyra"] and page.is_visible("#alaqat-panel")
    page.fill("#alaqat-search", "كيان غير موجود")
    page.press("#alaqat-search", "Enter")
    assert page.inner_text("#alaqat-search-status") and page.is_hidden("#alaqat-panel")
    assert page.evaluate("network.getSelectedNodes()") == []


def test_isolated_nodes_wait_for_their_toggle(page):
    page, _ = page
    _reset(page)
    alone = "org:نوفا بيو"
    assert page.evaluate(VISIBLE, alone) is False and page.evaluate(VISIBLE, "amazon") is True
    page.check("#alaqat-minor")
    assert page.evaluate(VISIBLE, alone) is True
    assert page.evaluate(  # parked in a row below the laid-out graph
        """id => { const p = network.getPositions(); const laid = nodes.getIds({filter: n => !n.minor});
                   return p[id].y > Math.max(...laid.map(n => p[n].y)); }""", alone)
    page.uncheck("#alaqat-minor")
    assert page.evaluate(VISIBLE, alone) is False


def test_focus_mode_fades_all_but_the_neighbourhood(page):
    page, _ = page
    _reset(page)
    x, y = page.evaluate(
        """() => { const p = network.canvasToDOM(network.getPositions(['amazon']).amazon);
                   const r = document.getElementById('mynetwork').getBoundingClientRect();
                   return [r.left + p.x, r.top + p.y]; }"""
    )
    page.mouse.click(x, y)
    faded = "id => nodes.get(id).faded"
    assert [page.evaluate(faded, n) for n in ("amazon", "noon", "apple", "microsoft")] == [False, False, True, True]
    assert page.evaluate("edges.get({filter: e => e.faded}).length") >= 2
    _reset(page)
    assert page.evaluate("nodes.get({filter: n => n.faded}).length") == 0


def test_communities_colour_the_nodes_at_a_switch(page):
    page, _ = page
    _reset(page)
    colours = "() => nodes.get().map(n => [n.color === n.tcolor, n.color === n.ccolor])"
    assert all(by_type for by_type, _ in page.evaluate(colours))
    page.check("#alaqat-communities")
    assert all(by_community for _, by_community in page.evaluate(colours))
    assert page.evaluate("new Set(nodes.get().map(n => n.community)).size") >= 3
    page.uncheck("#alaqat-communities")


def test_narrow_screen_panel_is_a_drawer_below_the_graph(browser, page):  # noqa: F811
    wide, _ = page
    narrow = browser.new_page(viewport={"width": 390, "height": 844})
    narrow.goto(wide.url)
    narrow.wait_for_function("window.alaqatReady === true", timeout=60_000)
    narrow.evaluate("window.alaqat.focus('amazon')")
    panel = narrow.eval_on_selector("#alaqat-panel", "p => p.getBoundingClientRect().toJSON()")
    graph = narrow.eval_on_selector("#mynetwork", "g => g.getBoundingClientRect().toJSON()")
    assert panel["height"] > 100 and panel["bottom"] <= 844 + 1
    assert graph["height"] > 200 and graph["bottom"] <= panel["top"] + 1  # the drawer covers none of the graph
    narrow.screenshot(path=str(_artifacts() / "explorer-narrow.png"))
    narrow.close()


def test_filter_labels_stay_with_their_checkboxes(page):
    page, _ = page
    rows = page.eval_on_selector_all(
        ".alaqat-filters label:has(input[type=checkbox])",
        """ls => ls.map(l => { const b = l.querySelector('input').getBoundingClientRect();
                             const t = l.querySelector('span').getBoundingClientRect();
                             return [Math.abs(b.top + b.bottom - t.top - t.bottom) / 2, b.left - t.right]; })""",
    )
    assert len(rows) >= 8
    for dy, gap in rows:
        assert dy < 6 and -1 <= gap < 12  # on its checkbox's row, just left of the box (right to left)


def test_markup_in_evidence_and_source_stays_inert(browser, tmp_path):  # noqa: F811
    """Whatever the input reader lets through, markup in a sentence, a title or a source is shown as text and runs
    nothing: the graph is written by hand here, so the page itself is what is tested."""
    import networkx as nx

    from graph.view import write_html

    G = nx.MultiDiGraph()
    G.add_node("a", label="<b onmouseover=\"window.__pwned = 7\">شركة</b>", type="ORG", aliases=[])
    G.add_node("b", label="جوجل", type="ORG", aliases=["جوجل"])
    evidence = [{"document": "<i>d</i>", "sentence": "أعلنت شركة «<svg onload=\"window.__pwned = 8\">» شراكة مع جوجل "
                 "<script>window.__pwned = 9</script>.", "title": "<img src=x onerror=\"window.__pwned = 10\">",
                 "date": "2022-03-03", "source": "javascript:window.__pwned = 11"}]
    G.add_edge("a", "b", key="PARTNERS_WITH", relation="PARTNERS_WITH", confidence=0.8, articles=1, evidence=evidence)
    page, log = _open(browser, write_html(G, tmp_path / "evil.html"))
    page.evaluate("window.alaqat.showEdge(edges.get()[0].id)")
    panel = page.inner_text("#alaqat-panel")
    assert "<svg onload" in panel and "<img src=x" in panel and "<b onmouseover" in panel  # shown as text
    assert page.evaluate("document.querySelectorAll('#alaqat-panel *:is(img, svg, script, b, i)').length") == 0
    assert page.evaluate("document.querySelectorAll('#alaqat-panel a').length") == 0  # a javascript: source is no link
    page.evaluate("window.alaqat.showNode('a')")
    page.mouse.move(600, 500)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert log["errors"] == [] and log["dialogs"] == []
    page.close()


def _artifacts():
    from tests.test_browser import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
