"""``summary --json`` gains ``measures`` (issue 15): for each weekly measure the baseline vs
the latest, the change, whether it reaches the published important change, and the PSFS
activities by name; the real program, on a journal written beforehand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sciatica_journal.domain.measure_results import Answer, activity_item
from sciatica_journal.paths import prepare_data_dir
from sciatica_journal.services.container import build_services
from tests.builders import new_session
from tests.e2e.conftest import run

SBI = ("sbi-leg-pain", "sbi-numbness", "sbi-weakness", "sbi-sitting")


def test_summary_json_has_the_measures_baseline_latest_and_change(tmp_path: Path, clock):
    folder = prepare_data_dir(tmp_path / "journal")
    services = build_services(folder, clock)
    services.profiles.accept_disclaimer()
    services.profiles.save(services.profiles.default_profile())
    services.sessions.record(new_session(clock.now() - dt.timedelta(hours=3)))
    first = clock.now().date()
    services.weekly.record(
        {
            "sbi": tuple(Answer(c, v) for c, v in zip(SBI, (5, 4, 2, 5), strict=True)),  # 16
            "psfs": (
                Answer(activity_item(1), 2, "Sitting through a meal"),
                Answer(activity_item(2), 4, "Walking"),
            ),  # mean 3
        }
    )
    clock.moment = clock.now() + dt.timedelta(days=7)  # (the program caps the period at today)
    services.sessions.record(new_session(clock.now() - dt.timedelta(hours=1)))
    services.weekly.record(
        {
            "sbi": tuple(Answer(c, v) for c, v in zip(SBI, (2, 2, 1, 1), strict=True)),  # 6
            "psfs": (
                Answer(activity_item(1), 6, "Sitting through a meal"),
                Answer(activity_item(2), 5, "Walking"),
            ),  # mean 5.5
            "pgic": (Answer("pgic-change", 3),),
        }
    )
    services.close()

    result = run(
        "summary", "--json", "--data-dir", str(folder), "--from", first.isoformat(),
        "--to", clock.now().date().isoformat(),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    measures = {m["code"]: m for m in json.loads(result.stdout)["measures"]}
    assert list(measures) == ["sbi", "psfs", "pgic"]
    sbi = measures["sbi"]
    assert (sbi["baseline"], sbi["latest"], sbi["change"]) == (16, 6, -10)
    assert sbi["reaches_important_change"] is True  # 6 <= 6.5 < 16
    assert sbi["baseline_date"] == "2026-11-24" and sbi["latest_date"] == "2026-12-01"
    assert sbi["important_change"]["kind"] == "score_at_most"
    assert "Haugen" in sbi["important_change"]["source"]
    psfs = measures["psfs"]
    assert (psfs["baseline"], psfs["latest"], psfs["change"]) == (3, 5.5, 2.5)
    assert psfs["reaches_important_change"] is True  # 2.5 >= 2
    assert [
        (a["name"], a["change"], a["reaches_important_change"]) for a in psfs["activities"]
    ] == [
        ("Sitting through a meal", 4, True),
        ("Walking", 1, False),
    ]
    pgic = measures["pgic"]
    assert (pgic["latest"], pgic["change"], pgic["reaches_important_change"]) == (3, None, False)

    # A period before any check: each measure is there, with nothing answered.
    early = run("summary", "--json", "--data-dir", str(folder), "--to", "2026-11-23")
    assert early.returncode == 0, early.stderr
    empty = json.loads(early.stdout)["measures"]
    assert [(m["responses"], m["baseline"], m["reaches_important_change"]) for m in empty] == [
        (0, None, None)
    ] * 3
