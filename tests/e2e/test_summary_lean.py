"""``summary --json`` loads only what it needs (issue 16.4): no Qt, no PDF writer, no
charts, none of the services it does not use. The real program, on a journal written
beforehand; the modules it imported are read from Python's own import log."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import run

NOT_FOR_SUMMARY = (
    "PySide6",
    "shiboken6",
    "pyqtgraph",
    "numpy",
    "reportlab",
    "sciatica_journal.gui",
    "sciatica_journal.reports",
    "sciatica_journal.services.fhir",
    "sciatica_journal.services.transfer",
    "sciatica_journal.services.operations",
    "sciatica_journal.services.backup_service",
    "sciatica_journal.services.reminder_service",
    "sciatica_journal.storage.transfer_store",
    "playhouse.migrations",  # the journal is up to date: the migration runner is not needed
)


def _imported(stderr: str) -> set[str]:
    """The modules named in the log PYTHONPROFILEIMPORTTIME writes to stderr."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_summary_json_imports_no_window_pdf_or_unused_service(journal_dir: Path) -> None:
    result = run("--data-dir", str(journal_dir), "summary", "--json", PYTHONPROFILEIMPORTTIME="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sessions"]["total"] == 2
    imported = _imported(result.stderr)
    assert "sciatica_journal.services.summary_service" in imported  # the log was read
    loaded = sorted(
        name
        for name in imported
        for heavy in NOT_FOR_SUMMARY
        if name == heavy or name.startswith(heavy + ".")
    )
    assert loaded == []
