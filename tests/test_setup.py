"""`make test` installs the browser the tests need, or says which command would (.ci/chromium)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "chromium"


def _run(bin_dir: Path) -> subprocess.CompletedProcess:
    """Run the script with only ``bin_dir`` on the PATH (so chromium is missing unless a fake apt-get adds it)."""
    env = {"PATH": str(bin_dir), "HOME": os.environ.get("HOME", "/root")}
    return subprocess.run(["/bin/bash", str(SCRIPT)], capture_output=True, text=True, env=env)


def _fake_apt(bin_dir: Path, installs: bool) -> None:
    bin_dir.mkdir()
    body = f'[ "$1" = install ] && printf "#!/bin/sh\\n" > {bin_dir}/chromium && chmod +x {bin_dir}/chromium\nexit 0' if installs else "exit 100"
    (bin_dir / "apt-get").write_text(f"#!/bin/bash\n{body}\n")
    (bin_dir / "apt-get").chmod(0o755)


def test_chromium_is_installed_as_root_when_missing(tmp_path):
    _fake_apt(tmp_path / "bin", installs=True)
    result = _run(tmp_path / "bin")
    if os.geteuid() != 0:  # cannot install: says what to run
        return _assert_names_the_command(result)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "bin" / "chromium").exists()


def test_a_failed_install_names_the_apt_command(tmp_path):
    _fake_apt(tmp_path / "bin", installs=False)
    _assert_names_the_command(_run(tmp_path / "bin"))


def _assert_names_the_command(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr
    assert "apt-get install chromium" in result.stderr and result.stderr.count("\n") <= 2
