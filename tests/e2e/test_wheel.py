"""A built wheel carries ui/, resources/ and migrations/ and runs from outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("sciatica_journal-*.whl")
    return built


def test_the_wheel_contains_the_bundled_folders(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "sciatica_journal/_data/resources/program.toml",
        "sciatica_journal/_data/resources/body_regions.toml",
        "sciatica_journal/_data/resources/icons/sciatica-journal.svg",
        "sciatica_journal/_data/resources/icons/hicolor/16x16/apps/sciatica-journal.png",
        "sciatica_journal/_data/resources/icons/hicolor/256x256/apps/sciatica-journal.png",
        "sciatica_journal/_data/resources/sciatica-journal.desktop",
        "sciatica_journal/_data/resources/io.github.sciatica_journal.SciaticaJournal.metainfo.xml",
        "sciatica_journal/_data/ui/profile_form.ui",
        "sciatica_journal/_data/migrations/0001_initial.py",
        "sciatica_journal/gui/forms/ui_profile_form.py",
    ):
        assert required in names, required
    assert not any(n.startswith(("tests/", "bench/", "tools/")) for n in names)


@pytest.mark.slow
def test_the_installed_wheel_runs_outside_the_source_tree(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
    )
    # The dependencies come from the test environment (plain path: its .pth files,
    # including the editable install of this source tree, are not processed).
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    where = tmp_path / "elsewhere"
    where.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=where, env=env, capture_output=True, text=True, timeout=120)

    version = run(str(venv / "bin" / "sciatica-journal"), "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("sciatica-journal 0.")

    located = run(
        str(python),
        "-c",
        "import sciatica_journal, sciatica_journal.paths as p;"
        "print(sciatica_journal.__file__); print(p.resource_path('program.toml'));"
        "print(p.migrations_dir())",
    )
    package, program, migrations = located.stdout.split()
    for path in (package, program, migrations):
        assert path.startswith(str(venv)), located.stdout
        assert Path(path).exists()

    journal = tmp_path / "journal"
    prepared = run(
        str(python),
        "-c",
        "from pathlib import Path; import sys;"
        "from sciatica_journal.paths import prepare_data_dir;"
        "from sciatica_journal.services.container import build_services;"
        "from sciatica_journal.services.demo_journal import generate_demo;"
        f"s = build_services(prepare_data_dir(Path({str(journal)!r})));"
        "print(generate_demo(s)); s.close()",
    )
    assert prepared.returncode == 0, prepared.stderr
    env["SCIATICA_JOURNAL_EXIT_AFTER_PAINT"] = "1"
    started = run(str(venv / "bin" / "sciatica-journal"), "--data-dir", str(journal))
    assert started.returncode == 0, started.stderr
    assert "sciatica-journal: ready" in started.stderr
