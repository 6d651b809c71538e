"""The import's memo of local dates (services/transfer/local_days.py) gives what
timekeeping.local_date gives, in every zone, across offset changes."""

import datetime as dt
import random
from zoneinfo import available_timezones

from sciatica_journal.domain.timekeeping import local_date
from sciatica_journal.services.transfer.local_days import LocalDays


def test_local_days_agree_with_local_date_in_every_zone():
    days = LocalDays()
    pick = random.Random(16)
    for zone in sorted(available_timezones()):
        for _ in range(40):
            seconds = pick.randrange(-70 * 365 * 86_400, 90 * 365 * 86_400)
            moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(seconds=seconds)
            assert days.of(moment, zone) == local_date(moment, zone).isoformat(), (zone, moment)


def test_local_days_agree_around_offset_changes_and_midnights():
    days = LocalDays()
    for zone in ("Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Apia"):
        start = dt.datetime(2011, 1, 1, tzinfo=dt.UTC)
        for hour in range(366 * 24):
            for second in (0, 1, 1799, 1800, 2699, 3599):
                moment = start + dt.timedelta(hours=hour, seconds=second)
                assert days.of(moment, zone) == local_date(moment, zone).isoformat()
