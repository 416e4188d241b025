"""Build a graph from input files: read, extract, store, merge, write. Used by the CLI and the notebook.

Articles are read and extracted one at a time (streaming) into a store; the graph is merged from the store. A
bad article is reported and skipped; the batch goes on.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from extractors.inputs import Problem, read_inputs
from extractors.pipeline import Extractor
from graph.store import Store, StoreError
from graph.export import write_graphml, write_json
from graph.view import write_html

__all__ = ["BuildReport", "add_paths", "build_from_paths", "write_outputs"]


@dataclass
class BuildReport:
    """What a build or an add did: counts, skipped inputs, time, and the graph when one was built."""

    articles: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    words: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    graph: nx.MultiDiGraph | None = None

    @property
    def entities(self) -> int:
        return 0 if self.graph is None else self.graph.number_of_nodes()

    @property
    def relations(self) -> int:
        return 0 if self.graph is None else self.graph.number_of_edges()


def add_paths(
    paths: Iterable[str | Path],
    store: Store,
    extractor: Extractor | None = None,
    on_article: Callable[[str], None] | None = None,
    report: BuildReport | None = None,
) -> BuildReport:
    """Read every article under ``paths`` and add what is extracted to ``store``, one transaction per article.

    An article the store already holds with the same content is not extracted again. A bad article is reported
    in ``report.problems`` and the batch goes on.
    """
    start = time.perf_counter()
    report = report or BuildReport()
    extractor = extractor or Extractor(model="default")
    for item in read_inputs(paths):
        if isinstance(item, Problem):
            report.problems.append(item)
        elif store.known(item):
            report.unchanged += 1
            report.articles += 1
        else:
            try:
                outcome = store.add(extractor(item))
            except StoreError:
                raise
            except Exception as err:  # one bad article never aborts a batch
                report.problems.append(Problem(item.path or item.id, f"extraction failed ({type(err).__name__}: {err}); please report this article"))
            else:
                report.articles += 1
                report.words += len(item.text.split())
                setattr(report, outcome, getattr(report, outcome) + 1)
        if on_article is not None:
            on_article(getattr(item, "path", None) or getattr(item, "id", ""))
    report.seconds += time.perf_counter() - start
    return report


def build_from_paths(
    paths: Iterable[str | Path],
    extractor: Extractor | None = None,
    on_article: Callable[[str], None] | None = None,
    db: str | Path | None = None,
) -> BuildReport:
    """Add every article under ``paths`` to a store (a fresh temporary one unless ``db`` is given) and merge the graph.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.txt"), "w", encoding="utf-8").write("خبر\\nاستحوذت أمازون على شركة سوق.كوم.")
    >>> report = build_from_paths([d], Extractor(model=None))
    >>> report.articles, report.relations
    (1, 1)
    """
    with tempfile.TemporaryDirectory(prefix="alaqat-") as tmp:
        with Store(db or Path(tmp) / "build.db") as store:
            report = add_paths(paths, store, extractor, on_article)
            start = time.perf_counter()
            report.graph = store.graph()
            report.seconds += time.perf_counter() - start
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
