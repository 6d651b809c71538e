"""A period of 14 days or more whose sessions are all on one day: the real program's PDF
gives the period mean, not "first week → last week" (the two would be the same sessions),
and ``summary --json`` agrees: its weeks and change are null, its period mean the PDF's."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader

from tests.e2e.conftest import run


def test_sessions_on_one_day_of_24_give_the_period_mean(tmp_path: Path, journal_dir: Path):
    # journal_dir: two sessions, both on 24 November 2026
    period = ["--data-dir", str(journal_dir), "--from", "2026-11-01", "--to", "2026-11-24"]
    result = run("summary", "--json", *period)
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["period"]["days"] == 24 and s["sessions"]["total"] == 2
    target = tmp_path / "report.pdf"
    result = run("report", "--out", str(target), *period)
    assert result.returncode == 0, result.stderr
    raw = " ".join(page.extract_text() for page in PdfReader(str(target)).pages)
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))

    assert not re.search(r"first week \d", text)
    for side, label in (("back", "Back pain"), ("leg", "Leg pain")):
        pain = s["pain"][side]
        assert (pain["first_week_mean"], pain["last_week_mean"], pain["change"]) == (
            None,
            None,
            None,
        )
        assert pain["clinically_important"] is False
        assert (
            f"{label} (0–10) over 24 days: mean {pain['period_mean']:.2f} before the "
            "sessions, all on 1 day (first and last week are compared when the sessions "
            "span 14 days)"
        ) in text
