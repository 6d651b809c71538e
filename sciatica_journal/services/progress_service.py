"""The numbers behind the Progress charts, as NumPy arrays (loaded once per change, never
per redraw): per session and per local day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.doses import dose_minimums
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.response_profile import ExerciseResponses, response_profile
from sciatica_journal.domain.sessions import Outcome
from sciatica_journal.domain.timekeeping import local_date, zone
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.storage.progress_store import ProgressStore

if TYPE_CHECKING:
    import numpy as np

NAN = float("nan")


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


@dataclass(frozen=True)
class DailySeries:
    t: np.ndarray  # epoch seconds of each local day's noon
    dates: list[dt.date]
    sessions: np.ndarray  # complete sessions (rule 9)
    back_before: np.ndarray  # daily means (NaN: none)
    leg_before: np.ndarray
    back_after: np.ndarray
    leg_after: np.ndarray
    best_range: np.ndarray
    left_extent: np.ndarray  # of the day's last session
    right_extent: np.ndarray


@dataclass(frozen=True)
class WeeklySeries:
    """Weekly means (extents: the week's last value) for views of many months."""

    t: np.ndarray
    sessions: np.ndarray  # sessions per calendar day of the week (days off count as 0)
    back_before: np.ndarray
    leg_before: np.ndarray
    back_after: np.ndarray
    leg_after: np.ndarray
    best_range: np.ndarray
    left_extent: np.ndarray
    right_extent: np.ndarray


@dataclass(frozen=True)
class ProgressData:
    sessions: SessionSeries
    days: DailySeries
    weeks: WeeklySeries
    target_min: int
    target_max: int
    now: float  # epoch seconds

    @property
    def empty(self) -> bool:
        return len(self.sessions.t) == 0


def _daily_mean(values: np.ndarray, inverse: np.ndarray, n: int) -> np.ndarray:
    import numpy as np

    ok = ~np.isnan(values)
    sums = np.bincount(inverse[ok], weights=values[ok], minlength=n)
    counts = np.bincount(inverse[ok], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.maximum(counts, 1), NAN)


def _daily_max(values: np.ndarray, inverse: np.ndarray, n: int) -> np.ndarray:
    import numpy as np

    out = np.full(n, -np.inf)
    ok = ~np.isnan(values)
    np.maximum.at(out, inverse[ok], values[ok])
    return np.where(np.isinf(out), NAN, out)


def _daily_last(values: np.ndarray, inverse: np.ndarray, n: int) -> np.ndarray:
    import numpy as np

    out = np.full(n, NAN)
    out[inverse] = values  # rows are in time order: the last write of each day wins
    return out


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

    def load(self) -> ProgressData:
        import numpy as np  # loaded with the charts, not at start-up

        rows = self._store.session_rows(
            self._catalog.regions,
            [r.slug for r in self._program.rungs if r.is_press_up],
            dose_minimums(self._program),
        )
        profile = self._profiles.profile()
        now = self._clock.now().timestamp()
        columns = list(zip(*rows, strict=True)) if rows else [()] * 11

        def floats(i: int) -> np.ndarray:
            return np.array([NAN if v is None else v for v in columns[i]], dtype=float)

        sessions = SessionSeries(
            t=np.array(columns[0], dtype=float),
            back_before=floats(2),
            leg_before=floats(3),
            back_after=floats(4),
            leg_after=floats(5),
            range_fraction=floats(6),
            left_extent=floats(7),
            right_extent=floats(8),
            complete=floats(10),
        )
        day_text = np.array(columns[1], dtype=object)
        if rows:
            unique, inverse = np.unique(day_text, return_inverse=True)
        else:
            unique, inverse = np.array([], dtype=object), np.array([], dtype=int)
        dates = [dt.date.fromisoformat(d) for d in unique]
        tz = zone(self._clock.zone)
        n = len(dates)
        inverse = inverse.astype(int)
        days = DailySeries(
            t=np.array(
                [dt.datetime.combine(d, dt.time(12), tz).timestamp() for d in dates], dtype=float
            ),
            dates=dates,
            sessions=np.bincount(inverse, weights=sessions.complete, minlength=n).astype(float)
            if n
            else np.array([]),
            back_before=_daily_mean(sessions.back_before, inverse, n),
            leg_before=_daily_mean(sessions.leg_before, inverse, n),
            back_after=_daily_mean(sessions.back_after, inverse, n),
            leg_after=_daily_mean(sessions.leg_after, inverse, n),
            best_range=_daily_max(sessions.range_fraction, inverse, n),
            left_extent=_daily_last(sessions.left_extent, inverse, n),
            right_extent=_daily_last(sessions.right_extent, inverse, n),
        )
        weeks = self._weekly(days)
        return ProgressData(sessions, days, weeks, profile.target_min, profile.target_max, now)

    @staticmethod
    def _weekly(days: DailySeries) -> WeeklySeries:
        import numpy as np

        n_days = len(days.dates)
        if n_days == 0:
            empty = np.array([], dtype=float)
            return WeeklySeries(*(empty,) * 9)
        week_of = np.array([d.toordinal() // 7 for d in days.dates])
        _, inverse = np.unique(week_of, return_inverse=True)
        n = int(inverse.max()) + 1
        mids = _daily_mean(days.t, inverse, n)
        return WeeklySeries(
            t=mids,
            sessions=np.bincount(inverse, weights=days.sessions, minlength=n) / 7.0,
            back_before=_daily_mean(days.back_before, inverse, n),
            leg_before=_daily_mean(days.leg_before, inverse, n),
            back_after=_daily_mean(days.back_after, inverse, n),
            leg_after=_daily_mean(days.leg_after, inverse, n),
            best_range=_daily_max(days.best_range, inverse, n),
            left_extent=_daily_last(days.left_extent, inverse, n),
            right_extent=_daily_last(days.right_extent, inverse, n),
        )

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
