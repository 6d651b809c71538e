"""`pipx install .` (as the README says) gives a working program: its own virtualenv, the
dependencies pyproject.toml names, the bundled files, and the verbs without a window."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sciatica_journal import __version__

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_pipx_install_gives_a_working_program(tmp_path: Path):
    pipx = shutil.which("pipx")
    assert pipx, "pipx is missing: `make dev` installs it (SYSTEM_PACKAGES in the Makefile)"
    home, bin_dir = tmp_path / "pipx-home", tmp_path / "pipx-bin"
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env.update(
        PIPX_HOME=str(home),
        PIPX_BIN_DIR=str(bin_dir),
        PIPX_MAN_DIR=str(tmp_path / "pipx-man"),
        USE_EMOJI="0",
        QT_QPA_PLATFORM="offscreen",
    )
    # pipx's own pip (its "shared libraries"), made here from this Python's bundled pip:
    # pipx would make it with the system Python and then upgrade pip, setuptools and wheel
    # from the index, which takes longer than the rest and is not the project's concern.
    shared = home / "shared"
    subprocess.run([sys.executable, "-m", "venv", str(shared)], check=True, timeout=300)
    env["PIPX_SHARED_LIBS"] = str(shared)
    # pip finds the packages where this machine's pip configuration says (PIP_* variables,
    # pip.conf: a local index or wheel folder when there is no network); the versions the
    # suite is tested with are the constraints, so pip's cache usually has them already.
    installed = subprocess.run(
        [
            pipx,
            "install",
            "--python",
            sys.executable,
            "--pip-args",
            f"--constraint {ROOT / 'requirements.txt'} --disable-pip-version-check",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    program = bin_dir / "sciatica-journal"
    assert program.exists(), installed.stdout

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
        )

    version = run(str(program), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"sciatica-journal {__version__}"

    # The program runs from pipx's own copy, not from this source tree.
    python = home / "venvs" / "sciatica-journal" / "bin" / "python"
    located = run(
        str(python),
        "-c",
        "import sciatica_journal, sciatica_journal.paths as p, tzlocal;"
        "print(sciatica_journal.__file__); print(p.resource_path('program.toml'))",
    )
    assert located.returncode == 0, located.stderr
    for path in located.stdout.split():
        assert path.startswith(str(home)), located.stdout

    journal = tmp_path / "journal"
    summary = run(str(program), "--data-dir", str(journal), "summary", "--json")
    assert summary.returncode == 0, summary.stderr
    numbers = json.loads(summary.stdout)
    assert numbers["sessions"]["total"] == 0
    assert numbers["red_flags"] == []
    assert (journal / "journal.sqlite3").is_file()


def test_the_readme_says_how_to_install_with_pipx():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Installing with pipx" in readme
    assert "pipx install ." in readme
