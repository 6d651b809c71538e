"""The numbers behind the Progress charts, as NumPy arrays (loaded once per change, never
per redraw): per local day and per week of the whole journal, aggregated in the database
(``domain.progress_points`` says what a day's and a week's point is), and per session
only for the short periods that show a mark for each one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any, TypeVar

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.doses import dose_minimums
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.response_profile import ExerciseResponses, response_profile
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.domain.timekeeping import local_date, zone
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.storage.codecs import day_number
from sciatica_journal.storage.progress_store import ProgressStore

if TYPE_CHECKING:
    import numpy as np

NAN = float("nan")
DAY = 86400.0
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class SessionSeries:
    t: np.ndarray  # epoch seconds (UTC)
    back_before: np.ndarray
    leg_before: np.ndarray
    back_after: np.ndarray  # NaN where not recorded
    leg_after: np.ndarray
    range_fraction: np.ndarray  # NaN for non-press-ups and incomplete sessions
    left_extent: np.ndarray  # body level 0-7 of the after-map, NaN: nothing on that leg
    right_extent: np.ndarray
    complete: np.ndarray  # 1.0 for a session that counts, 0.0 for an incomplete one
    day: np.ndarray  # the local day's number (date ordinal)


@dataclass(frozen=True)
class DailySeries:
    t: np.ndarray  # epoch seconds of each local day's noon
    dates: list[dt.date]
    numbers: np.ndarray  # the days' numbers (date ordinals)
    sessions: np.ndarray  # complete sessions (rule 9)
    back_before: np.ndarray  # daily means (NaN: none)
    leg_before: np.ndarray
    back_after: np.ndarray
    leg_after: np.ndarray
    best_range: np.ndarray
    left_extent: np.ndarray  # of the day's last session
    right_extent: np.ndarray

    def since(self, t: float) -> DailySeries:
        """The days from the last one before ``t`` on (a line into the period starts at
        its edge); the arrays are views, nothing is copied."""
        import numpy as np

        first = max(int(np.searchsorted(self.t, t)) - 1, 0)
        return DailySeries(
            t=self.t[first:],
            dates=self.dates[first:],
            numbers=self.numbers[first:],
            sessions=self.sessions[first:],
            back_before=self.back_before[first:],
            leg_before=self.leg_before[first:],
            back_after=self.back_after[first:],
            leg_after=self.leg_after[first:],
            best_range=self.best_range[first:],
            left_extent=self.left_extent[first:],
            right_extent=self.right_extent[first:],
        )


@dataclass(frozen=True)
class WeeklySeries:
    """Per week (Monday to Sunday) for views of many months (``domain.progress_points``):
    the means of the daily means, the best range, the extents of the week's last session."""

    t: np.ndarray  # epoch seconds of the middle of the week's days in the journal
    numbers: np.ndarray  # the weeks' numbers: (a day's number - 1) // 7
    days: np.ndarray  # the week's days in the journal (from the first session to today)
    sessions: np.ndarray  # complete sessions per day (a day without sessions counts as 0)
    back_before: np.ndarray
    leg_before: np.ndarray
    back_after: np.ndarray
    leg_after: np.ndarray
    best_range: np.ndarray
    left_extent: np.ndarray
    right_extent: np.ndarray


@dataclass(frozen=True)
class ProgressData:
    sessions: SessionSeries  # of the last ``session_days`` local days asked for (or all)
    days: DailySeries  # of the whole journal
    weeks: WeeklySeries
    target_min: int
    target_max: int
    now: float  # epoch seconds
    today: dt.date  # the local day of ``now``
    session_days: int | None  # the sessions' local days asked for (None: all)

    @property
    def empty(self) -> bool:
        return len(self.days.t) == 0


def noon_times(days: np.ndarray, tz: dt.tzinfo) -> np.ndarray:
    """The epoch seconds of each local day's noon (``days``: day numbers, date ordinals,
    in order):
    the zone's offset is looked up once a week, and day by day only in a week in which it
    changes (a change of summer time)."""
    import numpy as np

    days = np.asarray(days, dtype=np.int64)
    if len(days) == 0:
        return np.array([], dtype=float)

    def offsets(numbers: np.ndarray) -> np.ndarray:
        found = []
        for number in numbers.tolist():
            noon = dt.datetime.combine(dt.date.fromordinal(number), dt.time(12), tz)
            found.append(noon.utcoffset().total_seconds())  # type: ignore[union-attr]
        return np.array(found, dtype=float)

    monday = (days - 1) // 7 * 7 + 1  # sorted, as the days are
    mondays = monday[np.concatenate(([True], monday[1:] != monday[:-1]))]
    start, end = offsets(mondays), offsets(mondays + 6)
    week = np.searchsorted(mondays, monday)
    offset = start[week]
    changing = np.flatnonzero(start[week] != end[week])
    if len(changing):
        offset[changing] = offsets(days[changing])
    result: np.ndarray = (days - EPOCH_ORDINAL).astype(float) * DAY + DAY / 2 - offset
    return result


Series = TypeVar("Series", SessionSeries, DailySeries, WeeklySeries)


def _merged(old: Series, new: Series, keep: np.ndarray, by: str = "numbers") -> Series:
    """``old``'s entries where ``keep`` with ``new``'s, in the order of ``by``."""
    import numpy as np

    key = np.concatenate((getattr(old, by)[keep], getattr(new, by)))
    order = np.argsort(key, kind="stable")
    merged: dict[str, Any] = {}
    for field in fields(old):
        a, b = getattr(old, field.name), getattr(new, field.name)
        if isinstance(a, list):  # the dates
            kept = [x for x, k in zip(a, keep.tolist(), strict=True) if k]
            both = kept + b
            merged[field.name] = [both[i] for i in order.tolist()]
        else:
            merged[field.name] = np.concatenate((a[keep], b))[order]
    return type(old)(**merged)


def _floats(column: Sequence[object]) -> np.ndarray:
    import numpy as np

    return np.array([NAN if v is None else v for v in column], dtype=float)


class ProgressService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        profiles: ProfileService,
        clock: Clock,
        store: ProgressStore,
    ) -> None:
        self._program = program
        self._catalog = catalog
        self._profiles = profiles
        self._clock = clock
        self._store = store

    def today(self) -> dt.date:
        return local_date(self._clock.now(), self._clock.zone)

    def load(self, session_days: int | None = None) -> ProgressData:
        """The whole journal by day and by week (aggregated in the database), and each
        session of the last ``session_days`` local days up to today (None: every one)."""
        profile = self._profiles.profile()
        now = self._clock.now()
        today = local_date(now, self._clock.zone)
        since = None if session_days is None else today - dt.timedelta(days=session_days - 1)
        days, weeks = self._days_and_weeks(today)
        sessions = self.sessions(since)
        self._store.release_memory()  # the whole journal's pages and rows: read, not kept
        return ProgressData(
            sessions,
            days,
            weeks,
            profile.target_min,
            profile.target_max,
            now.timestamp(),
            today,
            session_days,
        )

    def update(self, data: ProgressData, changed: Iterable[dt.date]) -> ProgressData:
        """``data`` after sessions of the ``changed`` local days were saved, edited or
        deleted: only those days' weeks are read again (and their sessions, when ``data``
        has each session of them), the rest is kept; the same as ``load`` would give. When
        today or the journal's first day moved (or no days are named): ``load``."""
        import numpy as np

        numbers = sorted({d.toordinal() for d in changed})
        now = self._clock.now()
        today = local_date(now, self._clock.zone)
        first = self._store.first_day()
        if (
            not numbers
            or today != data.today
            or first is None
            or data.empty
            or first != int(data.days.numbers[0])
        ):
            return self.load(data.session_days)
        weeks = sorted({(n - 1) // 7 for n in numbers})
        day_rows, week_rows = self._store.day_and_week_rows(
            dose_minimums(self._program), today.isoformat(), only_weeks=weeks, first_day=first
        )
        new_days, new_weeks = self._series(day_rows, week_rows)
        days = _merged(data.days, new_days, ~np.isin((data.days.numbers - 1) // 7, weeks))
        sessions = data.sessions
        since = None if data.session_days is None else today.toordinal() - data.session_days + 1
        mine = [n for n in numbers if since is None or n >= since]
        if mine:
            fresh = self._session_series(dt.date.fromordinal(n) for n in mine)
            sessions = _merged(sessions, fresh, ~np.isin(sessions.day, mine), by="t")
        return replace(
            data,
            sessions=sessions,
            days=days,
            weeks=_merged(data.weeks, new_weeks, ~np.isin(data.weeks.numbers, weeks)),
            now=now.timestamp(),
        )

    def sessions(self, since: dt.date | None = None) -> SessionSeries:
        """Each session whose local date is ``since`` or later (None: every one)."""
        return self._session_series(since=since)

    def _session_series(
        self, days: Iterable[dt.date] | None = None, since: dt.date | None = None
    ) -> SessionSeries:
        """Each session of the local ``days`` (None: of every day ``since`` or later)."""
        import numpy as np  # loaded with the charts, not at start-up

        rows = self._store.session_rows(
            [r.slug for r in self._program.rungs if r.is_press_up],
            dose_minimums(self._program),
            None if since is None else since.isoformat(),
            None if days is None else [d.isoformat() for d in days],
        )
        columns = list(zip(*rows, strict=True)) if rows else [()] * 11
        return SessionSeries(
            t=np.array(columns[0], dtype=float),
            back_before=_floats(columns[2]),
            leg_before=_floats(columns[3]),
            back_after=_floats(columns[4]),
            leg_after=_floats(columns[5]),
            range_fraction=_floats(columns[6]),
            left_extent=_floats(columns[7]),
            right_extent=_floats(columns[8]),
            complete=_floats(columns[10]),
            day=np.array([day_number(d) for d in columns[1]], dtype=np.int64),
        )

    def daily(self, start: dt.date | None = None, end: dt.date | None = None) -> DailySeries:
        """The journal by local day: every day, or those from ``start`` to ``end`` (both
        given: only their sessions are read)."""
        today = local_date(self._clock.now(), self._clock.zone)
        period = None if start is None or end is None else (start, end)
        return self._days_and_weeks(today, period)[0]

    def _days_and_weeks(
        self, today: dt.date, period: tuple[dt.date, dt.date] | None = None
    ) -> tuple[DailySeries, WeeklySeries]:
        day_rows, week_rows = self._store.day_and_week_rows(
            dose_minimums(self._program),
            today.isoformat(),
            None if period is None else (period[0].isoformat(), period[1].isoformat()),
        )
        return self._series(day_rows, week_rows)

    def _series(
        self, day_rows: Sequence[Sequence[object]], week_rows: Sequence[Sequence[object]]
    ) -> tuple[DailySeries, WeeklySeries]:
        import numpy as np

        tz = zone(self._clock.zone)
        d = list(zip(*day_rows, strict=True)) if day_rows else [()] * 9
        numbers = np.array(d[0], dtype=np.int64)
        days = DailySeries(
            t=noon_times(numbers, tz),
            dates=[dt.date.fromordinal(n) for n in numbers.tolist()],
            numbers=numbers,
            sessions=np.array(d[1], dtype=float),
            back_before=_floats(d[2]),
            leg_before=_floats(d[3]),
            back_after=_floats(d[4]),
            leg_after=_floats(d[5]),
            best_range=_floats(d[6]),
            left_extent=_floats(d[7]),
            right_extent=_floats(d[8]),
        )
        w = list(zip(*week_rows, strict=True)) if week_rows else [()] * 11
        first, last = np.array(w[1], dtype=np.int64), np.array(w[2], dtype=np.int64)
        weeks = WeeklySeries(
            t=(noon_times(first, tz) + noon_times(last, tz)) / 2,
            numbers=(np.array(w[0], dtype=np.int64) - 1) // 7,
            days=(last - first + 1).astype(float),
            sessions=np.array(w[3], dtype=float),
            back_before=_floats(w[4]),
            leg_before=_floats(w[5]),
            back_after=_floats(w[6]),
            leg_after=_floats(w[7]),
            best_range=_floats(w[8]),
            left_extent=_floats(w[9]),
            right_extent=_floats(w[10]),
        )
        return days, weeks

    def responses(self, days: int | None) -> list[ExerciseResponses]:
        """What each exercise did in the last ``days`` local days up to today (None: every
        session), with the summary's definitions (``domain.response_profile``)."""
        today = local_date(self._clock.now(), self._clock.zone)
        start = None if days is None else (today - dt.timedelta(days=days - 1)).isoformat()
        rows = self._store.response_counts(start, today.isoformat(), dose_minimums(self._program))
        counts = {(rung, Outcome(outcome), whole): n for rung, outcome, whole, n in rows}
        return response_profile(
            counts,
            [r.slug for r in self._program.rungs],
            self._program.thresholds.mostly_centralizing_percent,
        )

    def mostly_centralizing_percent(self) -> int:
        return self._program.thresholds.mostly_centralizing_percent

    def rung_names(self) -> dict[str, str]:
        """Each rung's name by slug, in the active language."""
        return {r.slug: r.name for r in self._program.rungs}

    def level_names(self) -> dict[int, str]:
        return dict(self._catalog.level_names)
