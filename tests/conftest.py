"""Shared fixtures: repository paths, one rules-only extractor, the bundled seed graph built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pipeline import Extractor
from graph.runner import build_from_paths, write_outputs

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"


@pytest.fixture(scope="session")
def rules() -> Extractor:
    """The extractor with rules and lexicons only (no statistical model)."""
    return Extractor(model=None)


@pytest.fixture(scope="session")
def full() -> Extractor:
    """The extractor with the shipped NER model."""
    return Extractor(model="default")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, full):
    """The bundled articles built into a temporary folder: (report, output paths)."""
    out = tmp_path_factory.mktemp("seed")
    report = build_from_paths([ARTICLES], full)
    return report, write_outputs(report.graph, out)


def facts(G, relation=None):
    """The graph's edges as (head label, relation, tail label) with the edge data."""
    label = {n: d["label"] for n, d in G.nodes(data=True)}
    return {
        (label[u], k, label[v]): d
        for u, v, k, d in G.edges(keys=True, data=True)
        if relation is None or k == relation
    }


EVIL = (
    "استحواذ <script>window.__pwned = 1; alert(1)</script>\n"
    "أعلنت شركة «<img src=x onerror=\"window.__pwned = 2; alert(2)\">» استحواذها على شركة أمازون مقابل مليار دولار. "
    "وقالت شركة «javascript:alert(3)» إنها ستنافس أمازون <b onmouseover=alert(4)>بقوة</b>. "
    "وأعلنت شركة Evil</script><script>alert(5)</script> شراكة مع جوجل."
)


@pytest.fixture
def evil_outputs(tmp_path):
    """The outputs of a build of one article full of markup and script, with a page title holding markup too."""
    article = tmp_path / "evil.txt"
    article.write_text(EVIL, encoding="utf-8")
    report = build_from_paths([article])
    return report, write_outputs(report.graph, tmp_path / "out", title="<script>alert(6)</script><b>عنوان</b>")
