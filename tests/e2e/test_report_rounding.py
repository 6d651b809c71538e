"""The PDF and ``summary --json`` give every number with the same rounding (issue 14 point
6, ``domain.rounding``: means and changes 2 decimals, percentages 1): the real program
writes both for the demo journal and each summary number appears in the PDF as it is in
the JSON."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from sciatica_journal.services.demo_journal import generate_demo
from tests.e2e.conftest import run


def _decimals(value: float) -> int:
    text = repr(value)
    return len(text.split(".")[1]) if "." in text else 0


def test_the_pdf_and_summary_json_round_alike(tmp_path: Path, clock):
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    generate_demo(services)
    start, end = services.summaries.period(None, None)
    services.close()
    period = ["--data-dir", str(folder), "--from", str(start), "--to", str(end)]
    result = run("summary", "--json", *period)
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    target = tmp_path / "report.pdf"
    result = run("report", "--out", str(target), *period)
    assert result.returncode == 0, result.stderr
    raw = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))

    sessions = s["sessions"]
    assert _decimals(sessions["mean_per_day"]) <= 2 and _decimals(sessions["adherence_pct"]) <= 1
    assert f"; {sessions['mean_per_day']:.2f} a day (target" in text
    assert f"({sessions['adherence_pct']:.1f} %)" in text
    for side in ("back", "leg"):
        pain = s["pain"][side]
        for key in ("first_week_mean", "last_week_mean", "change"):
            assert _decimals(pain[key]) <= 2, (side, key)
        assert (
            f"first week {pain['first_week_mean']:.2f} → last week {pain['last_week_mean']:.2f}"
            f" (change {pain['change']:+.2f};"
        ) in text
