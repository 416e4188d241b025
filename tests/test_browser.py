"""The explorer page in a real browser: Playwright driving Debian's Chromium (/usr/bin/chromium, installed by .ci/run).

The page must load with no console errors and no network requests, search must focus a node, a click must show
its evidence, a filter must hide edges, and an article full of markup must run nothing.
"""

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).with_name("artifacts")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Chromium: apt-get install chromium (.ci/run does)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def _open(browser, path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    log = {"errors": [], "requests": [], "dialogs": []}
    page.on("console", lambda m: m.type == "error" and log["errors"].append(m.text))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.on("request", lambda r: r.url.split(":")[0] not in ("file", "data", "blob", "about") and log["requests"].append(r.url))
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.goto(Path(path).resolve().as_uri())
    page.wait_for_function("window.alaqatReady === true", timeout=60_000)
    return page, log


@pytest.fixture(scope="module")
def seed_page(browser, seed_build):
    page, log = _open(browser, seed_build[1]["html"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "explorer.png"))
    yield page, log
    page.close()


def test_page_loads_offline_without_errors(seed_page):
    page, log = seed_page
    assert log["errors"] == [] and log["requests"] == []
    assert page.evaluate("nodes.length") > 20
    assert (ARTIFACTS / "explorer.png").stat().st_size > 10_000


def test_search_focuses_a_node_by_any_alias(seed_page):
    page, _ = seed_page
    for query in ("Meta", "لميتا", "شركة ميتا"):
        page.fill("#alaqat-search", query)
        page.press("#alaqat-search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == ["meta"]
    assert page.is_visible("#alaqat-panel")
    page.fill("#alaqat-search", "لا يوجد")
    page.press("#alaqat-search", "Enter")
    assert page.inner_text("#alaqat-search-status")


def test_click_shows_evidence(seed_page):
    page, _ = seed_page
    page.evaluate("document.getElementById('alaqat-panel').style.display = 'none'")
    x, y = page.evaluate(
        """() => { const p = network.canvasToDOM(network.getPositions(['org:mercor'])['org:mercor']);
                   const r = document.getElementById('mynetwork').getBoundingClientRect();
                   return [r.left + p.x, r.top + p.y]; }"""
    )
    page.mouse.click(x, y)
    panel = page.inner_text("#alaqat-panel")
    assert "Mercor" in panel and "منافسي" in panel and "COMPETES_WITH" in panel


def test_relation_filter_hides_edges(seed_page):
    page, _ = seed_page
    visible = "edges.get({filter: e => !e.hidden && e.relation === 'COMPETES_WITH'}).length"
    others = "edges.get({filter: e => !e.hidden && e.relation !== 'COMPETES_WITH'}).length"
    before = page.evaluate(others)
    assert page.evaluate(visible) > 0
    page.uncheck("input[data-relation='COMPETES_WITH']")
    assert page.evaluate(visible) == 0 and page.evaluate(others) == before
    page.check("input[data-relation='COMPETES_WITH']")
    page.uncheck("input[data-type='PERSON']")
    assert page.evaluate("nodes.get({filter: n => !n.hidden && n.etype === 'PERSON'}).length") == 0
    page.check("input[data-type='PERSON']")


def test_malicious_article_runs_nothing(browser, evil_outputs):
    _, outputs = evil_outputs
    page, log = _open(browser, outputs["html"])
    page.fill("#alaqat-search", "أمازون")
    page.press("#alaqat-search", "Enter")
    panel = page.inner_text("#alaqat-panel")
    assert "أمازون" in panel and "<img" not in panel and "onerror" not in panel  # markup was reduced to its text
    page.mouse.move(700, 450)
    assert log["dialogs"] == [] and page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('#alaqat-panel img, #alaqat-panel script, #alaqat-panel b').length") == 0
    page.close()


def test_explorer_stabilises_and_stays_usable_at_600_nodes(browser, tmp_path):
    import time

    from benchmarks.query_latency import generate
    from graph.view import write_html

    G = generate(600, 1200, seed=3)
    path = write_html(G, tmp_path / "big.html")
    start = time.perf_counter()
    page, log = _open(browser, path)
    ready = time.perf_counter() - start
    assert log["errors"] == [] and log["requests"] == []
    assert page.evaluate("network.physics.physicsEnabled") is False  # stays still after stabilising
    assert page.evaluate("getComputedStyle(document.getElementById('loadingBar')).display") == "none"  # ready after it
    page.fill("#alaqat-search", "Entity 17")
    page.press("#alaqat-search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["n17"]
    print(f"600 nodes: ready in {ready:.1f} s")
    page.close()
