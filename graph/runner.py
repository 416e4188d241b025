"""Build a graph from input files: read, extract, store, merge, write. Used by the CLI and the notebook.

Articles are read and extracted one at a time (streaming) into a store; the graph is merged from the store. A
bad article is reported and skipped; the batch goes on.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from extractors.inputs import Notice, Problem, read_inputs
from extractors.records import Document, Extraction, ExtractorConfig
from graph.parallel import Beside, batches, extract_dask, extract_parallel, make_extractor, safe_extract_many
from graph.store import Rows, Store, rows_of

if TYPE_CHECKING:  # the pipeline, the exporters and the page are imported when they are used
    import networkx as nx

    from extractors.pipeline import Extractor

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
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0
    graph: "nx.MultiDiGraph | None" = None

    @property
    def entities(self) -> int:
        return 0 if self.graph is None else self.graph.number_of_nodes()

    @property
    def relations(self) -> int:
        return 0 if self.graph is None else self.graph.number_of_edges()


def add_paths(
    paths: Iterable[str | Path],
    store: Store,
    extractor: "Extractor | None" = None,
    on_article: Callable[[str], None] | None = None,
    report: BuildReport | None = None,
    jobs: int = 1,
    dask: str | None = None,
    config: ExtractorConfig = ExtractorConfig(),
) -> BuildReport:
    """Read every article under ``paths`` and add what is extracted to ``store``, one transaction per article.

    An article the store already holds with the same content is not extracted again. A bad article is reported
    in ``report.problems`` and the batch goes on. Without an ``extractor``, one is made from ``config`` when the first
    article needs extracting (so re-adding unchanged articles loads no model). With ``jobs`` > 1 (worker processes) or ``dask`` (a scheduler
    address), extraction runs in parallel workers built from ``config``; the store is written here, in input order,
    so the result is the same as a single-process run.
    """
    start = time.perf_counter()
    report = report or BuildReport()

    def tick(item) -> None:
        if on_article is not None:
            on_article(getattr(item, "path", None) or getattr(item, "id", ""))

    def fresh() -> Iterator[Document]:
        for item in read_inputs(paths):
            if isinstance(item, Notice):
                report.notices.append(item)
            elif isinstance(item, Problem):
                report.problems.append(item)
                tick(item)
            elif store.known(item):
                report.unchanged += 1
                report.articles += 1
                tick(item)
            else:
                yield item

    if dask:
        results = extract_dask(fresh(), dask, config)
    elif jobs > 1:
        results = extract_parallel(fresh(), jobs, config)
    else:
        results = _extract_serial(fresh(), extractor, config)
    for result in results:
        if isinstance(result, Problem):
            report.problems.append(result)
        else:
            rows = result if isinstance(result, Rows) else rows_of(result)
            outcome = store.add(rows)
            report.articles += 1
            report.words += rows.words
            setattr(report, outcome, getattr(report, outcome) + 1)
        tick(result)
    report.seconds += time.perf_counter() - start
    return report


def _extract_serial(docs: Iterable[Document], extractor: "Extractor | None", config: ExtractorConfig,
                    batch: int = 32) -> Iterator[Extraction | Problem]:
    """Extract ``docs`` in this process, ``batch`` at a time (the model tags their sentences as one stream); the
    extractor (and its model) is made only when a document needs it."""
    for group in batches(docs, batch):
        extractor = extractor or make_extractor(config)
        yield from safe_extract_many(extractor, group)


def build_from_paths(
    paths: Iterable[str | Path],
    extractor: "Extractor | None" = None,
    on_article: Callable[[str], None] | None = None,
    db: str | Path | None = None,
    jobs: int = 1,
    dask: str | None = None,
    config: ExtractorConfig = ExtractorConfig(),
) -> BuildReport:
    """Add every article under ``paths`` to a store (a fresh temporary one unless ``db`` is given) and merge the graph.

    >>> import tempfile, os
    >>> from extractors.pipeline import Extractor
    >>> d = tempfile.mkdtemp()
    >>> _ = open(os.path.join(d, "a.txt"), "w", encoding="utf-8").write("خبر\\nاستحوذت أمازون على شركة سوق.كوم.")
    >>> report = build_from_paths([d], Extractor(model=None))
    >>> report.articles, report.relations
    (1, 1)
    """
    with tempfile.TemporaryDirectory(prefix="alaqat-") as tmp:
        with Store(db or Path(tmp) / "build.db") as store:
            report = add_paths(paths, store, extractor, on_article, jobs=jobs, dask=dask, config=config)
            start = time.perf_counter()
            report.graph = store.graph()
            report.seconds += time.perf_counter() - start
    return report


def write_outputs(G: "nx.MultiDiGraph", out_dir: str | Path, title: str = "alaqat — علاقات", jobs: int = 1) -> dict[str, Path]:
    """Write ``graph.json``, ``graph.graphml`` and ``graph.html`` into ``out_dir``; with ``jobs`` > 1 the page (the
    slowest of the three) is written by a second process while this one writes the files."""
    from graph.export import write_graphml, write_json
    from graph.view import write_html

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "graph.json", "graphml": out / "graph.graphml", "html": out / "graph.html"}
    page = Beside(write_html, G, paths["html"], title=title) if jobs > 1 else None
    write_json(G, paths["json"])
    write_graphml(G, paths["graphml"])
    if page is None:
        write_html(G, paths["html"], title=title)
    else:
        page.wait()
    return paths
