"""A journal set to German with a few days of use, opened as the app opens it: for the
tests that look at the pages in German (what they say, and that they fit)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.domain.sessions import PressUpRange
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.services import languages
from sciatica_journal.services.clock import FixedClock
from sciatica_journal.services.container import Services, build_services
from tests.builders import new_session, symptom_map

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


def record_days(services: Services, now: dt.datetime) -> None:
    """Five days back to today: lying, propped and press-ups (some with a range, one
    stopped because it hurt, one that made the symptoms spread), five sessions on the
    full days, two so far today, the last a full press-up that meets the goal (the longest
    line of the ladder); a check-in today. No notes: what a user writes is theirs, in any
    language."""
    record = services.sessions.record
    for back in range(5, 0, -1):
        start = now - back * DAY - 5 * HOUR
        record(new_session(start, rung="prone-lying", reps=None))
        record(
            dataclasses.replace(
                new_session(start + HOUR, rung="prone-prop"), reps_done=None, hold_seconds=150
            )
        )
        press = new_session(start + 2 * HOUR, before=(5, 6), after=(3, 4))
        record(dataclasses.replace(press, range_reached=PressUpRange.HALF, pelvis_stayed_down=True))
        record(new_session(start + 3 * HOUR, before=(4, 5), after=(6, 7), stopped=True, reps=3))
        spread = new_session(
            start + 4 * HOUR,
            map_before=symptom_map("thigh-back-right"),
            map_after=symptom_map("calf-right", "foot-top-right"),
        )
        record(
            dataclasses.replace(
                spread, range_reached=PressUpRange.THREE_QUARTERS, pelvis_stayed_down=True
            )
        )
    record(new_session(now - 5 * HOUR, rung="prone-lying", reps=None))
    full = new_session(now - 2 * HOUR, rung="full-press-up", before=(3, 4), after=(2, 2))
    record(dataclasses.replace(full, range_reached=PressUpRange.FULL, pelvis_stayed_down=True))
    services.symptoms.record_check_in(symptom_map("calf-right"))


@contextmanager
def german_journal(app: QApplication, data_dir: Path, clock: FixedClock) -> Iterator[Services]:
    """The journal set to German (disclaimer and profile done) with ``record_days`` in it
    and today's safety questions answered; English again afterwards."""
    first = build_services(data_dir, clock)
    first.profiles.accept_disclaimer()
    first.profiles.save(first.profiles.default_profile())
    first.preferences.save(Preferences(language="de"))
    first.close()
    services = build_services(data_dir, clock)
    try:
        record_days(services, clock.now())
        no = {q.code: False for q in services.program.red_flags}
        services.red_flags.record(no, Trigger.DAILY)
        install_translators(app)
        yield services
    finally:
        services.close()
        languages.use_language("en")
        install_translators(app)
