"""The command line: help, a build with good and bad inputs, errors that name the file."""

import json
import subprocess
import sys

from graph.cli import main


def test_help_lists_the_commands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("build", "eval-ner", "train-ner"):
        assert command in out


def test_build_help_explains_every_option():
    out = subprocess.run([sys.executable, "-m", "graph.cli", "build", "--help"], capture_output=True, text=True).stdout
    for option in ("--out", "--no-model", "--model", "--gazetteer", "--quiet"):
        assert option in out


def test_build_reports_bad_files_and_keeps_going(tmp_path, capsys):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("خبر\nاستحوذت شركة أمازون على شركة سوق.كوم مقابل 580 مليون دولار.", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\x01\x02PNG")
    (tmp_path / "in" / "english.txt").write_text("This article is in English only.", encoding="utf-8")
    (tmp_path / "in" / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": "وقعت أرامكو اتفاقية شراكة مع توتال إنرجيز."}, ensure_ascii=False) + "\n{broken\n",
        encoding="utf-8",
    )
    status = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-model"])
    captured = capsys.readouterr()
    assert status == 1
    assert "2 articles" in captured.out and "skipped 4" in captured.out
    for name in ("empty.txt", "binary.txt", "english.txt", "lines.jsonl:2"):
        assert name in captured.err
    data = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    assert {e["relation"] for e in data["edges"]} >= {"ACQUIRED", "PARTNERS_WITH"}


def test_missing_input_is_an_error(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file" in capsys.readouterr().err


def _article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("خبر\nاستحوذت شركة أمازون على شركة سوق.كوم مقابل مليار دولار.", encoding="utf-8")
    return path


def test_re_adding_an_unchanged_article_loads_no_model(tmp_path, capsys, monkeypatch):
    import extractors.ner.model

    article, db = _article(tmp_path), str(tmp_path / "s.db")
    assert main(["add", str(article), "--db", db, "--no-model"]) == 0

    def no_load(*_args, **_kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(extractors.ner.model, "load_model", no_load)
    assert main(["add", str(article), "--db", db]) == 0
    assert "1 unchanged" in capsys.readouterr().out


def test_the_summary_time_is_wall_clock_with_the_model_load(tmp_path, capsys, monkeypatch):
    import re
    import time

    import graph.runner
    from extractors.pipeline import Extractor

    def slow_extractor(_config):
        time.sleep(1.0)  # a model load
        return Extractor(model=None)

    monkeypatch.setattr(graph.runner, "make_extractor", slow_extractor)
    assert main(["add", str(_article(tmp_path)), "--db", str(tmp_path / "s.db")]) == 0
    seconds = float(re.search(r"in ([\d.]+) s", capsys.readouterr().out).group(1))
    assert seconds >= 1.0
