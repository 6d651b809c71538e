"""The real program tells the same current exercise as the window (issue 14 point 1): after
a session of baby press-ups spread the symptoms to the foot, ``summary --json`` and the PDF
report name lying propped on elbows, with where it stepped down from and why."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from tests.builders import record_a_spread
from tests.conftest import NOW
from tests.e2e.conftest import run


@pytest.fixture
def stepped_down_dir(tmp_path: Path, clock) -> Path:
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    record_a_spread(services, NOW)
    services.close()
    return folder


def test_summary_json_gives_the_advice_and_the_report_the_same_exercise(stepped_down_dir, tmp_path):
    result = run("--data-dir", str(stepped_down_dir), "summary", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["current_rung"] == "prone-prop"
    assert summary["advice"] == {
        "rung": "prone-prop",
        "kind": "step-down",
        "reason": "Last time baby press-ups made things worse (your symptoms spread further "
        "down the leg): skip it for now and go one step down, to lying propped on elbows.",
        "contact_clinician": False,
        "contact_reason": None,
        "stepped_down_from": {
            "rung": "baby-press-up",
            "on": "2026-11-24",
            "why": "spread",
            "reached_level": 6,
        },
    }
    for key in ("period", "sessions", "pain", "outcomes", "best_range", "red_flags"):
        assert key in summary  # the other keys stay

    target = tmp_path / "report.pdf"
    result = run("--data-dir", str(stepped_down_dir), "report", "--out", str(target))
    assert result.returncode == 0, result.stderr
    raw = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    # One line of text, a word wrapped after its hyphen ("press- ups") joined again.
    flat = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw)).replace("- ", "-")
    assert (
        "Current exercise Lying propped on elbows (prone lying on elbows) — stepped down from "
        "baby press-ups (partial prone press-up) on 24 Nov after symptoms spread to the foot"
    ) in flat
