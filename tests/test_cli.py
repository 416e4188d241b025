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
