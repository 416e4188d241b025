"""Unreadable folders and files are reported by name like any other bad input, and the rest is still built.

Root reads everything, so as root the command runs with the file-permission capabilities dropped (setpriv).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "خبر\nاستحوذت شركة أمازون على شركة سوق.كوم مقابل مليار دولار.\n"


def _alaqat(*argv: str) -> subprocess.CompletedProcess:
    """Run alaqat without the power to read what permissions forbid."""
    prefix = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.fail("running as root needs setpriv (util-linux) to drop the file-permission capabilities")
        prefix = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "graph.cli", *argv], capture_output=True, text=True, env=env)


@pytest.fixture
def locked(tmp_path):
    """``in/ok/a.txt`` readable, ``in/locked/`` (holding an article) and ``in/secret.txt`` unreadable."""
    for folder in ("ok", "locked"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "secret.txt").chmod(0)
    (tmp_path / "in" / "locked").chmod(0)
    yield tmp_path
    (tmp_path / "in" / "locked").chmod(0o755)


def test_an_unreadable_sub_folder_and_file_are_reported_by_name(locked):
    result = _alaqat("build", str(locked / "in"), "--out", str(locked / "out"), "--no-model")
    assert result.returncode == 1, result.stderr
    assert "locked" in result.stderr and "secret.txt" in result.stderr and "permission" in result.stderr.lower()
    assert "1 articles" in result.stdout and "skipped 2" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_unreadable_input_folder_does_not_stop_the_others(locked):
    result = _alaqat("build", str(locked / "in" / "locked"), str(locked / "in" / "ok"), "--out", str(locked / "out"), "--no-model")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "locked" in result.stderr
    assert "1 articles" in result.stdout and (locked / "out" / "graph.json").is_file()
