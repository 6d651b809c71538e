"""``summary --json`` says what each exercise did (``by_exercise``), counted by hand, and
keeps every key it had before."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from tests.builders import new_session, symptom_map
from tests.e2e.conftest import run


def _journal(tmp_path: Path, clock) -> Path:
    """One day: baby press-ups 2× centralized, 1× abolished, 1 incomplete (2 of 10 reps);
    lying propped 1× spread further down and 1× stopped for pain (worse)."""
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    at = clock.now() - dt.timedelta(hours=7)

    def record(hours: int, **kw) -> None:
        services.sessions.record(new_session(at + dt.timedelta(hours=hours), **kw))

    prop = {"rung": "prone-prop", "reps": None, "hold": 180}
    record(
        0, **prop, map_before=symptom_map("thigh-back-right"), map_after=symptom_map("calf-right")
    )
    record(1, **{**prop, "hold": 40}, stopped=True)
    record(2)  # calf → thigh: centralized
    record(3)
    record(4, map_after=symptom_map())  # nothing left: abolished
    record(5, reps=2)  # incomplete
    services.close()
    return folder


def test_by_exercise_in_summary_json(tmp_path: Path, clock):
    folder = _journal(tmp_path, clock)
    day = clock.now().date().isoformat()
    result = run("summary", "--json", "--data-dir", str(folder), "--from", day, "--to", day)
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    expected_keys = {
        "period",
        "target",
        "sessions",
        "pain",
        "distal_extent",
        "radiation_class",
        "outcomes",
        "current_rung",
        "best_range",
        "red_flags",
        "by_exercise",
    }
    assert expected_keys <= s.keys()
    zero = dict.fromkeys(
        ("centralized", "abolished", "better", "no_change", "worse", "peripheralized"), 0
    )
    assert s["by_exercise"] == {
        "prone-prop": {
            **zero,
            "sessions": 2,
            "peripheralized": 1,
            "worse": 1,
            "incomplete": 0,
            "mostly_centralizing": False,
        },
        "baby-press-up": {
            **zero,
            "sessions": 3,
            "centralized": 2,
            "abolished": 1,
            "incomplete": 1,
            "mostly_centralizing": True,
        },
    }
    assert list(s["by_exercise"]) == ["prone-prop", "baby-press-up"]  # ladder order
    assert s["sessions"]["total"] == 5 and s["sessions"]["incomplete_sessions"] == 1
