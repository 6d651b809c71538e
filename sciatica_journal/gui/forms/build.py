"""Compile ui/*.ui into this package with pyside6-uic: ``python -m sciatica_journal.gui.forms.build``.

The generated files are committed; a test regenerates them in memory and fails
when a committed file is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sciatica_journal.paths import data_path

FORMS_DIR = Path(__file__).resolve().parent
BANNER = "# GENERATED from ui/{name} by `make forms` (pyside6-uic). Do not edit.\n"


def uic_executable() -> str:
    return str(Path(sys.executable).with_name("pyside6-uic"))


def compile_form(ui_file: Path) -> str:
    out = subprocess.run(
        [uic_executable(), "--generator", "python", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    body = "\n".join(line for line in out.splitlines() if not line.startswith("## Created by:"))
    return BANNER.format(name=ui_file.name) + body + "\n"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def ui_files() -> list[Path]:
    return sorted(data_path("ui").glob("*.ui"))


def main() -> int:
    for ui_file in ui_files():
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"wrote {target_for(ui_file).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
