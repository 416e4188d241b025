"""Extraction on several cores or on a Dask cluster; results come back in input order.

Each worker process builds its :class:`Extractor` once (loading the model once) and extracts documents sent to it in
batches (the model tags a batch's sentences as one stream). Only extraction is distributed: the main process keeps reading inputs and writing the store, so the graph
is the same as a single-process build.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from extractors.inputs import Problem
from extractors.records import Document, Extraction, ExtractorConfig

if TYPE_CHECKING:
    from graph.store import Rows

__all__ = ["make_extractor", "safe_extract", "safe_extract_many", "batches", "extract_parallel", "extract_dask", "Beside"]

_EXTRACTOR: Any = None


def make_extractor(config: ExtractorConfig):
    """The :class:`~extractors.pipeline.Extractor` that ``config`` describes (loading the models it names)."""
    from extractors.pipeline import Extractor

    return Extractor.from_config(config)


def _init(config: ExtractorConfig) -> None:
    global _EXTRACTOR
    _EXTRACTOR = make_extractor(config)


def safe_extract(extractor, doc: Document) -> Extraction | Problem:
    """Extract ``doc``, or return a Problem naming it: one bad article never aborts a batch."""
    try:
        return extractor(doc)
    except Exception as err:  # reported by the caller
        return Problem(doc.path or doc.id, f"extraction failed ({type(err).__name__}: {err}); please report this article")


def safe_extract_many(extractor, docs: list[Document]) -> list[Extraction | Problem]:
    """Extract ``docs`` together (:meth:`~extractors.pipeline.Extractor.many`); when that fails, one at a time, so
    that only the bad article becomes a Problem."""
    try:
        return list(extractor.many(docs))
    except Exception:  # found again, and named, below
        return [safe_extract(extractor, doc) for doc in docs]


def _extract_chunk(docs: list[Document]) -> list["Rows | Problem"]:
    """Extract ``docs`` in a worker; each result goes back as the store's rows (strings, cheap to send)."""
    from graph.store import rows_of

    return [result if isinstance(result, Problem) else rows_of(result) for result in safe_extract_many(_EXTRACTOR, docs)]


def _extract_batch(config: ExtractorConfig, docs: list[Document]) -> list["Rows | Problem"]:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = make_extractor(config)
    return _extract_chunk(docs)


def extract_parallel(
    docs: Iterable[Document], jobs: int, config: ExtractorConfig, batch: int = 64, in_flight: int = 2
) -> Iterator["Rows | Problem"]:
    """Extract ``docs`` in ``jobs`` worker processes; yield the results, as the store's rows, in input order
    (streaming).

    ``docs`` is consumed in the calling thread (it may read the store), in batches, with at most ``in_flight``
    batches pending.
    """
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_init, initargs=(config,)) as pool:
        pending: deque = deque()
        for group in batches(docs, batch):
            pending.append(pool.map_async(_extract_chunk, list(batches(group, max(1, len(group) // jobs)))))
            if len(pending) >= in_flight:
                yield from _flat(pending.popleft().get())
        while pending:
            yield from _flat(pending.popleft().get())


def _flat(chunks: list[list]) -> Iterator:
    for chunk in chunks:
        yield from chunk


BATCH_CHARS = 200_000
"""Most characters of text in one batch: long articles come in smaller batches, so memory stays bounded."""


def batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``docs`` in lists of ``size`` documents or :data:`BATCH_CHARS` characters, whichever comes first, as they come
    (a document longer than that alone).

    >>> [len(b) for b in batches([Document(id=str(n), text="خبر " * 30_000) for n in range(5)], 32)]
    [1, 1, 1, 1, 1]
    >>> [len(b) for b in batches([Document(id=str(n), text="خبر") for n in range(5)], 2)]
    [2, 2, 1]
    """
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        if batch and chars + len(doc.text) > BATCH_CHARS:
            yield batch
            batch, chars = [], 0
        batch.append(doc)
        chars += len(doc.text)
        if len(batch) == size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def extract_dask(
    docs: Iterable[Document], address: str, config: ExtractorConfig, batch: int = 16, in_flight: int = 8
) -> Iterator["Rows | Problem"]:
    """Extract ``docs`` on the Dask cluster at ``address`` (workers load the model once each); yield in input order.

    At most ``in_flight`` batches are pending at a time, so memory stays bounded however many articles there are.
    """
    from distributed import Client

    with Client(address) as client:
        pending: deque = deque()
        for group in batches(docs, batch):
            pending.append(client.submit(_extract_batch, config, group, pure=False))
            if len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


class Beside:
    """``fn(*args, **kwargs)`` run in a forked process beside this one (which keeps working); :meth:`wait` returns
    when it is done and raises ``RuntimeError`` with its error when it failed. Nothing is pickled but the error.

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "a.txt"
    >>> Beside(path.write_text, "نص", encoding="utf-8").wait(); path.read_text(encoding="utf-8")
    'نص'
    >>> Beside(int, "ليس عددا").wait()
    Traceback (most recent call last):
    RuntimeError: ValueError: invalid literal for int() with base 10: 'ليس عددا'
    """

    def __init__(self, fn, *args, **kwargs) -> None:
        context = multiprocessing.get_context("fork")
        self._result, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_report_to, args=(sender, fn, args, kwargs))
        self._process.start()
        sender.close()

    def wait(self) -> None:
        try:
            error = self._result.recv()
        except EOFError:
            error = "the process ended without finishing its work"
        self._process.join()
        if error:
            raise RuntimeError(error)


def _report_to(sender, fn, args, kwargs) -> None:
    try:
        fn(*args, **kwargs)
        sender.send(None)
    except Exception as err:  # sent to the waiting process, which raises it
        sender.send(f"{type(err).__name__}: {err}")
