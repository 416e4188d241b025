"""Parallel extraction (worker processes, a Dask cluster) gives the same graph as one process."""

import pytest

from extractors.pipeline import ExtractorConfig
from graph.export import to_node_link
from graph.runner import build_from_paths
from tests.conftest import ARTICLES


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from benchmarks.corpus import write

    folder = tmp_path_factory.mktemp("corpus")
    write(folder, 24, seed=5, corrupt=0.1)
    return folder


@pytest.fixture(scope="module")
def single(corpus):
    return build_from_paths([corpus, ARTICLES], config=ExtractorConfig())


def test_jobs_give_the_same_graph(corpus, single):
    parallel = build_from_paths([corpus, ARTICLES], jobs=2, config=ExtractorConfig())
    assert to_node_link(parallel.graph) == to_node_link(single.graph)
    assert (parallel.articles, len(parallel.problems)) == (single.articles, len(single.problems))
    assert single.graph.number_of_edges() > 20


def test_dask_local_cluster_gives_the_same_graph(corpus, single):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        distributed = build_from_paths([corpus, ARTICLES], dask=cluster.scheduler_address, config=ExtractorConfig())
    assert to_node_link(distributed.graph) == to_node_link(single.graph)
    assert [str(p) for p in distributed.problems] == [str(p) for p in single.problems]
