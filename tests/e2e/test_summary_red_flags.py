"""``summary --json`` lists each red-flag screening with a "yes" in the period (issue 14.4):
when it was answered (local time with its offset), the result and the questions answered
"yes", by id; the real program, on a journal written beforehand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from tests.builders import new_session
from tests.e2e.conftest import run


def test_summary_json_lists_each_screening_with_its_time_result_and_yes_answers(
    tmp_path: Path, clock
):
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    services.sessions.record(new_session(clock.now() - dt.timedelta(hours=3)))
    codes = [q.code for q in services.program.red_flags]
    services.red_flags.record({c: False for c in codes}, Trigger.DAILY)  # all "no"
    clock.moment = clock.now() + dt.timedelta(minutes=5)
    yes = {c: c in ("incontinence", "saddle-numbness") for c in codes}
    services.red_flags.record(yes, Trigger.SADDLE)
    services.close()

    day = clock.now().date().isoformat()
    result = run("summary", "--json", "--data-dir", str(folder), "--from", day, "--to", day)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["red_flags"] == [
        {"date": "2026-11-24", "at": "2026-11-24T15:00:00+01:00", "result": "clear", "yes": []},
        {
            "date": "2026-11-24",
            "at": "2026-11-24T15:05:00+01:00",  # Berlin, in winter
            "result": "urgent",
            "yes": ["saddle-numbness", "incontinence"],  # in the order they are asked
        },
    ]
    # Every other key is still there.
    for key in ("period", "target", "sessions", "pain", "distal_extent", "radiation_class"):
        assert key in summary
    assert summary["sessions"]["total"] == 1
