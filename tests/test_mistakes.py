"""Every user mistake is one line naming the input and the fix, with exit status 2 and no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "خبر اليوم\nاستحوذت شركة أمازون على شركة سوق.كوم مقابل مليار دولار. ووقعت أمازون شراكة مع جوجل.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A folder with one article, and the graph built from it (rules only)."""
    root = tmp_path_factory.mktemp("mistakes")
    (root / "in").mkdir()
    (root / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(root / "in"), "--out", str(root / "out"), "--no-model", "--quiet"]) == 0
    return root


MISTAKES = {
    "build --out is a file": "build {in} --out {root}/afile --no-model",
    "view --out is a folder": "view أمازون --graph {graph} --out {root}",
    "view --out in a missing folder": "view أمازون --graph {graph} --out {root}/no/v.html",
    "export --out is a file": "export --graph {graph} --out {root}/afile",
    "missing --gazetteer": "build {in} --out {root}/o2 --gazetteer {root}/none.json",
    "malformed --gazetteer": "build {in} --out {root}/o2 --gazetteer {root}/notjson.json",
    "--gazetteer entry without id": "build {in} --out {root}/o2 --gazetteer {root}/bad.json",
    "misspelt --relation": "query neighbors أمازون --graph {graph} --relation ACQUIRD",
    "--depth 0": "query neighbors أمازون --graph {graph} --depth 0",
    "--depth -1": "view أمازون --graph {graph} --depth -1",
    "--jobs 0": "build {in} --out {root}/o2 --jobs 0",
    "eval-ner on a non-CoNLL file": "eval-ner {in}/a.txt",
    "--model with a wrong path": "build {in} --out {root}/o2 --model {root}",
    "add of a missing file": "add {root}/missing.txt --db {root}/new.db",
    "query with a wrong number of names": "query path أمازون --graph {graph}",
    "unknown entity": "query deals كيانمجهول --graph {graph}",
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_mistake_is_one_line_and_exit_status_2(built, mistake, capsys):
    (built / "afile").write_text("x", encoding="utf-8")
    (built / "bad.json").write_text('{"entries": [{"names": ["x"]}]}', encoding="utf-8")
    (built / "notjson.json").write_text("{not json", encoding="utf-8")
    places = {"root": built, "in": built / "in", "graph": built / "out" / "graph.json"}
    argv = MISTAKES[mistake].format(**places).split()
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse
        status = exit_.code
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert err.startswith("alaqat") and "error" in err and "\n" not in err, err
    assert "Traceback" not in err


def test_add_of_a_missing_file_creates_no_store(built, capsys):
    assert main(["add", str(built / "missing.txt"), "--db", str(built / "never.db")]) == 2
    assert not (built / "never.db").exists()


def test_a_missing_input_among_others_is_reported_once(built, capsys):
    missing = str(built / "gone.txt")
    assert main(["build", str(built / "in"), missing, "--out", str(built / "o3"), "--no-model"]) == 1
    assert capsys.readouterr().err.count("gone.txt") == 1


def test_relation_is_read_in_any_case(built, capsys):
    graph = str(built / "out" / "graph.json")
    assert main(["query", "neighbors", "أمازون", "--graph", graph, "--relation", "acquired", "--json"]) == 0
    assert '"souq"' in capsys.readouterr().out


def test_query_says_which_graph_it_reads_by_default(built, capsys, monkeypatch):
    monkeypatch.chdir(built)
    assert main(["query", "deals", "أمازون"]) == 0
    assert "out/graph.json" in capsys.readouterr().err


def test_debug_shows_the_traceback(built):
    with pytest.raises(Exception, match="ACQUIRD"):
        main(["--debug", "query", "neighbors", "أمازون", "--graph", str(built / "out" / "graph.json"), "--relation", "ACQUIRD"])


def test_ctrl_c_is_a_message_and_status_130(built, capsys, monkeypatch):
    import graph.queries

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(graph.queries, "deals", interrupted)
    assert main(["query", "deals", "أمازون", "--graph", str(built / "out" / "graph.json")]) == 130
    assert capsys.readouterr().err.strip() == "alaqat: interrupted"


def test_a_closed_pipe_ends_quietly(built):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "graph.cli", "query", "deals", "أمازون", "--graph", str(built / "out" / "graph.json"), "--json"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    process.stdout.close()  # like `| head` that has already exited
    err = process.stderr.read().decode()
    assert process.wait() == 141
    assert "Traceback" not in err and "Exception" not in err, err
