"""The layers point one way, the domain is pure Python, and generated forms are fresh."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from sciatica_journal.gui.forms import build

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ROOT / "sciatica_journal" / "domain"


def test_import_contracts_are_kept():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_domain_imports_only_the_standard_library_and_itself():
    allowed_roots = set(sys.stdlib_module_names) | {"sciatica_journal", "__future__"}
    for path in DOMAIN.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                root = name.split(".")[0]
                assert root in allowed_roots, f"{path.name} imports {name}"
                if root == "sciatica_journal":
                    assert name.startswith("sciatica_journal.domain"), f"{path.name}: {name}"


def test_generated_forms_match_their_ui_files():
    ui_files = build.ui_files()
    assert ui_files, "no .ui forms found"
    for ui_file in ui_files:
        committed = build.target_for(ui_file).read_text(encoding="utf-8")
        assert committed == build.compile_form(ui_file), (
            f"{build.target_for(ui_file).name} is stale: run `make forms`"
        )


MODULE_LIMIT = 400  # lines: a module that grows past it is split by what it holds


def test_no_module_is_over_four_hundred_lines():
    generated = ROOT / "sciatica_journal" / "gui" / "forms"
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / "sciatica_journal").rglob("*.py")
        if generated not in path.parents
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LIMIT
    }
    assert too_long == {}
