"""Queries on the graph of the bundled seed articles, from Python and from the command line."""

import json

import pytest

from graph import queries
from graph.cli import main


@pytest.fixture(scope="module")
def G(seed_build):
    return seed_build[0].graph


@pytest.fixture(scope="module")
def graph_file(seed_build):
    return str(seed_build[1]["json"])


def test_competitors_of_scale_ai(G):
    rivals = queries.competitors(G, "Scale AI")
    assert {r["label"] for r in rivals} >= {"Mercor", "Surge"}
    assert all(r["evidence"] and "منافس" in r["evidence"][0]["sentence"] for r in rivals if r["label"] in ("Mercor", "Surge"))


def test_competitors_of_meta_in_both_scripts(G):
    arabic = queries.competitors(G, "ميتا")
    latin = queries.competitors(G, "Meta")
    assert arabic == latin
    assert {r["label"] for r in arabic} >= {"OpenAI", "جوجل", "Anthropic", "DeepSeek"}
    via = {r["label"]: r["via"] for r in arabic}
    assert via["DeepSeek"] == "Llama 4" and via["OpenAI"] is None


def test_deals_of_meta_largest_first(G):
    found = [(d["to"], d["amount"], d["stake_percent"]) for d in queries.deals(G, "Meta")]
    assert found[:3] == [("واتساب", 19e9, None), ("Scale AI", 14.3e9, 49.0), ("إنستجرام", 1e9, None)]
    assert queries.deals(G, "Meta") == queries.deals(G, "شركة ميتا")


def test_people_neighbors_path_entity(G):
    assert ("ألكسندر وانج", "LEADS") in {(p["label"], p["relation"]) for p in queries.people(G, "Scale AI")}
    near = queries.neighbors(G, "Scale AI", relation="COMPETES_WITH")
    assert {n["label"] for n in near} == {"Mercor", "Surge"}
    two = queries.neighbors(G, "Mercor", depth=2)
    assert {"Scale AI"} <= {n["label"] for n in two if n["depth"] == 1}
    assert any(n["depth"] == 2 for n in two)
    hops = queries.path(G, "Mercor", "واتساب")
    assert hops[0]["from"] == "Mercor" and hops[-1]["to"] == "واتساب"
    info = queries.entity(G, "وميتا")
    assert info["id"] == "meta" and "ميتا" in info["aliases"] and info["relations"]["COMPETES_WITH"] >= 3


def test_rivalries_separate_stated_and_inferred(G):
    result = queries.rivalries(G)
    stated = {frozenset(s["pair"]) for s in result["stated"]}
    assert frozenset(("Mercor", "Scale AI")) in stated
    inferred = {frozenset(i["pair"]): i["because"] for i in result["inferred"]}
    assert inferred[frozenset(("Mercor", "Surge"))] == ["Scale AI"]
    assert not stated & set(inferred)
    assert any({"Mercor", "Surge", "Scale AI"} <= set(g) for g in result["groups"])


def test_unknown_name_gets_suggestions(G):
    with pytest.raises(queries.UnknownName) as err:
        queries.competitors(G, "Scale A1")
    assert "Scale AI" in err.value.suggestions


def test_cli_json_output(graph_file, capsys):
    assert main(["query", "deals", "Meta", "--graph", graph_file, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["to"] == "واتساب" and data[0]["amount"] == 19e9


def test_cli_tables_and_unknown_name(graph_file, capsys):
    assert main(["query", "competitors", "Scale AI", "--graph", graph_file]) == 0
    out = capsys.readouterr().out
    assert "Mercor" in out and "Surge" in out
    assert main(["query", "competitors", "Metaa", "--graph", graph_file]) == 2
    assert "Did you mean" in capsys.readouterr().err
    assert main(["query", "path", "Meta", "--graph", graph_file]) == 2


def test_cli_view_writes_a_neighbourhood_page(graph_file, tmp_path, capsys):
    page = tmp_path / "meta.html"
    assert main(["view", "ميتا", "--depth", "1", "--graph", graph_file, "--out", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert '"label": "Scale AI"' in html and '"label": "Mercor"' not in html
