"""Build a graph from input files: read, extract, merge, write. Used by the CLI and the notebook.

Articles are read and extracted one at a time (streaming): only the growing
graph stays in memory. A bad article is reported and skipped; the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extractors.inputs import Problem, read_inputs
from extractors.pipeline import Extractor
from graph.build import GraphBuilder
from graph.export import write_graphml, write_json
from graph.view import write_html

__all__ = ["BuildReport", "build_from_paths", "write_outputs"]


@dataclass
class BuildReport:
    """What a build did: counts, outputs, skipped inputs and time."""

    articles: int = 0
    words: int = 0
    problems: list[Problem] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    graph: nx.MultiDiGraph | None = None

    @property
    def entities(self) -> int:
        return 0 if self.graph is None else self.graph.number_of_nodes()

    @property
    def relations(self) -> int:
        return 0 if self.graph is None else self.graph.number_of_edges()


def build_from_paths(
    paths: Iterable[str | Path],
    extractor: Extractor | None = None,
    on_article: Callable[[str], None] | None = None,
) -> BuildReport:
    """Read every article under ``paths`` and merge what is extracted into one graph.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.txt"), "w", encoding="utf-8").write("خبر\\nاستحوذت أمازون على شركة سوق.كوم.")
    >>> report = build_from_paths([d], Extractor(model=None))
    >>> report.articles, report.relations
    (1, 1)
    """
    start = time.perf_counter()
    extractor = extractor or Extractor(model="default")
    builder = GraphBuilder()
    report = BuildReport()
    for item in read_inputs(paths):
        if isinstance(item, Problem):
            report.problems.append(item)
        else:
            try:
                builder.add(extractor(item))
            except Exception as err:  # one bad article never aborts a batch
                report.problems.append(Problem(item.path or item.id, f"extraction failed ({type(err).__name__}: {err}); please report this article"))
            else:
                report.articles += 1
                report.words += len(item.text.split())
        if on_article is not None:
            on_article(getattr(item, "path", None) or getattr(item, "id", ""))
    report.graph = builder.graph
    report.seconds = time.perf_counter() - start
    return report


def write_outputs(G: nx.MultiDiGraph, out_dir: str | Path, title: str = "alaqat — علاقات") -> dict[str, Path]:
    """Write ``graph.json``, ``graph.graphml`` and ``graph.html`` into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return {
        "json": write_json(G, out / "graph.json"),
        "graphml": write_graphml(G, out / "graph.graphml"),
        "html": write_html(G, out / "graph.html", title=title),
    }
