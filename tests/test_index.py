"""Questions on a store read its graph index: the same answers as on the graph file, an index rebuilt when the store
changes, and no model, spaCy or torch loaded by a question or by re-adding an unchanged article."""

import json
import subprocess
import sys

import pytest

from extractors.records import Document
from graph.cli import main
from graph.export import write_json
from graph.index import open_index
from graph.store import Store
from tests.conftest import ROOT

ARTICLES = {
    "a1": "أعلنت شركة فالكورا أنها استحوذت على شركة نيمبوس لابز مقابل 200 مليون دولار. وتنافس فالكورا شركة زيراتك "
          "وشركة أوربيكس في سوق الرقائق.",
    "a2": "عينت شركة فالكورا سلمى الحداد رئيسة تنفيذية للشركة. وقالت سلمى الحداد إن فالكورا ستوسع شراكتها مع شركة بلوسيد.",
    "a3": "أطلقت شركة زيراتك منصة «كوانتا» التي تنافس منصة «سحابة فالكورا». واستثمرت زيراتك 50 مليون دولار في شركة أوربيكس.",
}
HEAVY = ("spacy", "torch", "thinc", "camel_tools", "pyvis")


@pytest.fixture()
def store_and_file(tmp_path, rules):
    """A store of the three articles and the graph.json of the same store."""
    db = tmp_path / "news.db"
    with Store(db) as store:
        for doc_id, text in ARTICLES.items():
            store.add(rules(Document(id=doc_id, text=text)))
        write_json(store.graph(), tmp_path / "graph.json")
    return str(db), str(tmp_path / "graph.json")


def _answer(capsys, *args) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("question", [
    ["competitors", "فالكورا"], ["competitors", "زيراتك"], ["deals", "لفالكورا"], ["entity", "شركة زيراتك"],
    ["neighbors", "أوربيكس", "--depth", "2"], ["neighbors", "فالكورا", "--relation", "competes_with"],
    ["path", "نيمبوس لابز", "أوربيكس"], ["rivalries"],
])
def test_a_question_on_the_store_answers_as_on_the_graph_file(store_and_file, capsys, question):
    db, graph = store_and_file
    on_store = _answer(capsys, "query", *question, "--db", db, "--json")
    assert on_store == _answer(capsys, "query", *question, "--graph", graph, "--json")
    assert on_store.strip() not in ("[]", "{}")


def test_explain_view_and_export_read_the_store_as_the_file(store_and_file, capsys, tmp_path):
    db, graph = store_and_file
    assert _answer(capsys, "explain", "زيراتك", "--db", db, "--json") == _answer(capsys, "explain", "زيراتك", "--graph", graph, "--json")
    for source, name in (("--db", db), ("--graph", graph)):
        _answer(capsys, "view", "أوربيكس", source, name, "--depth", "1", "--out", str(tmp_path / f"{source[2:]}.html"))
        _answer(capsys, "export", source, name, "--format", "json", "--out", str(tmp_path / source[2:]))
    assert (tmp_path / "db" / "graph.json").read_bytes() == (tmp_path / "graph" / "graph.json").read_bytes()
    assert (tmp_path / "db.html").read_bytes() == (tmp_path / "graph.html").read_bytes()


def test_an_unknown_name_gets_the_same_suggestions(store_and_file, capsys):
    db, graph = store_and_file
    assert main(["query", "deals", "فالكوريا", "--db", db]) == 2
    on_store = capsys.readouterr().err
    assert main(["query", "deals", "فالكوريا", "--graph", graph]) == 2
    assert on_store == capsys.readouterr().err and "فالكورا" in on_store


def test_the_index_is_rebuilt_when_the_store_changes(store_and_file, capsys, rules):
    db, _ = store_and_file
    assert "كوانتا" not in _answer(capsys, "query", "competitors", "أوربيكس", "--db", db, "--json")
    with Store(db) as store:
        store.add(rules(Document(id="a4", text="وتنافس شركة أوربيكس منصة «كوانتا» في سوق الرقائق.")))
    assert "كوانتا" in _answer(capsys, "query", "competitors", "أوربيكس", "--db", db, "--json")
    _answer(capsys, "merge", "زيراتك", "أوربيكس", "--db", db)
    with open_index(db) as ix:
        assert ix.nodes_for("اوربيكس") == ix.nodes_for("زيراتك")
    _answer(capsys, "forget", "a4", "--db", db)
    assert "كوانتا" not in _answer(capsys, "query", "neighbors", "زيراتك", "--db", db, "--json", "--relation", "competes_with")


def _modules_after(*args: str) -> list[str]:
    """The heavy modules a command imports, run in a fresh process."""
    code = ("import sys\nfrom graph.cli import main\ntry:\n    main(sys.argv[1:])\nfinally:\n"
            f"    print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1].replace("'", '"'))


def test_questions_and_unchanged_articles_load_no_model(store_and_file, tmp_path):
    db, _ = store_and_file
    article = tmp_path / "a1.txt"
    article.write_text(ARTICLES["a1"], encoding="utf-8")
    assert main(["add", str(article), "--db", db, "--no-model", "--quiet"]) == 0
    assert _modules_after("add", str(article), "--db", db, "--quiet") == []
    assert _modules_after("query", "competitors", "فالكورا", "--db", db, "--json") == []
    assert _modules_after("explain", "فالكورا", "--db", db) == []
    assert _modules_after("--help") == []
