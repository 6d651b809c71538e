"""A generated 8-week journal for ``--demo``: a plausible course of recovery.

Leg symptoms start in the right foot and toes and retreat over the weeks to the
buttock; pain falls; there are a few worse sessions (one spreading further
down); the user climbs the ladder to baby press-ups, stalls, spends a phase on
press-ups with overpressure and ends on full press-ups. Deterministic for a
given "now" (a fixed seed): the random draws (``_draws``) are made apart from the sessions,
so what of the demo has happened by a time (``demo_extent``) is known without making it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from sciatica_journal.domain.body import Mark, RegionCatalog, SymptomKind, SymptomMap
from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.sessions import NewSession, Outcome, PainScores, PressUpRange
from sciatica_journal.domain.timekeeping import zone
from sciatica_journal.services.container import Services
from sciatica_journal.services.demo_measures import add_demo_checks, evening_past

DEMO_DAYS = 56
SEED = 14

# Regions on the right leg from the back down to the toes, with the kind felt there (their
# levels come from the region catalog).
_PATH: tuple[tuple[str, SymptomKind], ...] = (
    ("low-back-right", SymptomKind.PAIN),
    ("buttock-right", SymptomKind.PAIN),
    ("thigh-back-right", SymptomKind.PAIN),
    ("knee-back-right", SymptomKind.PAIN),
    ("calf-right", SymptomKind.PAIN),
    ("lower-leg-outer-right", SymptomKind.TINGLING),
    ("ankle-right", SymptomKind.TINGLING),
    ("foot-outer-right", SymptomKind.NUMBNESS),
    ("sole-right", SymptomKind.TINGLING),
    ("small-toes-right", SymptomKind.TINGLING),
)
_RETREATS_TO = "buttock-right"  # where the leg symptoms have retreated to at the end
_SPREADING_DAYS = frozenset({11, 40})  # the symptoms reach further down after the exercise
_PAINFUL_DAYS = frozenset({12, 33})  # pain up by two points
_STOPPED_DAY = 27  # stopped after three reps because it hurt


def _levels(catalog: RegionCatalog) -> list[tuple[int, str, SymptomKind]]:
    """The path with each region's level: (level, region, kind)."""
    path = []
    for code, kind in _PATH:
        region = catalog.get(code)
        assert region is not None, code
        path.append((region.level, code, kind))
    return path


def _map_to(path: list[tuple[int, str, SymptomKind]], level: int, intensity: int) -> SymptomMap:
    """Symptoms from the low back down to ``level`` (-1: none)."""
    marks = []
    for region_level, region, kind in path:
        if region_level <= level:
            # Milder further up once the leg symptoms retreat.
            strength = max(1, min(3, intensity - (1 if region_level < level - 3 else 0)))
            marks.append(Mark(region=region, kind=kind, intensity=strength))
    return SymptomMap(marks=tuple(marks))


def _plan(day: int, program: Program, deepest: int, retreat: int) -> tuple[Rung, float, float]:
    """Rung, leg extent and leg pain for day ``day`` (0-based) of the course: the leg
    symptoms retreat from level ``deepest`` to level ``retreat``."""
    progress = day / (DEMO_DAYS - 1)
    extent = deepest - (deepest - retreat) * progress
    leg_pain = 7.5 - 5.5 * progress
    if day < 4:
        rung = program.lowest
    elif day < 9:
        rung = program.step(program.lowest.slug, +1)
    elif day < 24:
        rung = program.progress_limit
    elif day < 38:
        rung = program.overpressure
    else:
        rung = program.goal
    return rung, extent, leg_pain


def _range_for(program: Program, rung: Rung, day: int) -> PressUpRange | None:
    if rung == program.progress_limit:
        return PressUpRange.QUARTER if day < 15 else PressUpRange.HALF
    if rung == program.overpressure:
        return PressUpRange.HALF if day < 31 else PressUpRange.THREE_QUARTERS
    if rung == program.goal:
        return PressUpRange.THREE_QUARTERS if day < 46 else PressUpRange.FULL
    return None


def _session_starts(
    rng: random.Random, date: dt.date, tz: dt.tzinfo, now: dt.datetime
) -> list[dt.datetime]:
    """Start times spread over the waking day (07:30-21:30); today, only those already past."""
    per_day = rng.choice((3, 4, 5, 5, 6, 6, 6, 7, 7, 8))
    start = dt.datetime.combine(date, dt.time(7, 30), tz)
    gap = (14 * 60) // per_day
    starts = [
        (start + dt.timedelta(minutes=i * gap + rng.randint(0, max(1, gap // 3)))).astimezone(
            dt.UTC
        )
        for i in range(per_day)
    ]
    latest_start = now - dt.timedelta(minutes=15)
    return [s for s in starts if s <= latest_start]


@dataclass(frozen=True)
class _Draw:
    """The random part of one demo session."""

    day: int  # 0-based
    started: dt.datetime
    minutes: int  # how long it took
    level_shift: float  # around the day's leg extent
    leg_shift: float
    back_shift: float
    change: str  # "spreading", "painful", "stopped", "retreat", "less-pain" or "same"


def _draws(first_day: dt.date, tz: dt.tzinfo, now: dt.datetime) -> Iterator[_Draw]:
    """The demo's sessions up to ``now`` as drawn from its seeded stream, in order."""
    rng = random.Random(SEED)
    for day in range(DEMO_DAYS):
        date = first_day + dt.timedelta(days=day)
        for index, started in enumerate(_session_starts(rng, date, tz, now)):
            minutes = 6 + rng.randint(0, 6)
            level_shift = rng.uniform(-0.6, 0.6)
            leg_shift, back_shift = rng.uniform(-1, 1), rng.uniform(-1, 1)
            if index == 1 and day in _SPREADING_DAYS:
                change = "spreading"
            elif index == 1 and day in _PAINFUL_DAYS:
                change = "painful"
            elif index == 1 and day == _STOPPED_DAY:
                change = "stopped"
            elif rng.random() < 0.35:
                change = "retreat"
            elif rng.random() < 0.5:
                change = "less-pain"
            else:
                change = "same"
            yield _Draw(day, started, minutes, level_shift, leg_shift, back_shift, change)


def _first_day(now: dt.datetime, tz: dt.tzinfo) -> dt.date:
    return now.astimezone(tz).date() - dt.timedelta(days=DEMO_DAYS - 1)


def demo_extent(now: dt.datetime, zone_name: str) -> tuple[dt.date, int, bool]:
    """What of the demo has happened by ``now``: its last day (today), how many of today's
    sessions are past, and whether today's evening (the time of a weekly check) is. Two
    demos with the same extent hold the same entries (cheap: no session is made)."""
    tz = zone(zone_name)
    today = now.astimezone(tz).date()
    last = DEMO_DAYS - 1
    sessions_today = sum(1 for draw in _draws(_first_day(now, tz), tz, now) if draw.day == last)
    return today, sessions_today, evening_past(today, tz, now)


def generate_demo(services: Services) -> int:
    """Fill an empty journal with the demo course; returns the number of sessions."""
    clock = services.clock
    now = clock.now()
    tz = zone(clock.zone)
    first_day = _first_day(now, tz)
    services.profiles.accept_disclaimer()
    services.profiles.save(
        Profile(
            name="Demo User",
            affected_side=AffectedSide.RIGHT,
            starting_rung=services.program.lowest.slug,
        )
    )
    program = services.program
    path = _levels(services.catalog)
    deepest = path[-1][0]
    retreat = next(level for level, code, _ in path if code == _RETREATS_TO)
    judged: list[tuple[NewSession, Outcome]] = []
    with services.journal.atomic():
        for draw in _draws(first_day, tz, now):
            day = draw.day
            rung, extent, leg_pain = _plan(day, program, deepest, retreat)
            started = draw.started
            ended = started + dt.timedelta(minutes=draw.minutes)
            level = max(retreat, round(extent + draw.level_shift))
            intensity = 3 if leg_pain > 5.5 else 2 if leg_pain > 3 else 1
            leg = max(0, min(10, round(leg_pain + draw.leg_shift)))
            back = max(0, min(10, round(leg_pain * 0.7 + 1 + draw.back_shift)))
            stopped = draw.change == "stopped"
            if draw.change == "spreading":
                after_level = min(deepest, level + 1)
                leg_after, back_after = min(10, leg + 1), back
            elif draw.change == "painful":
                after_level, leg_after, back_after = level, min(10, leg + 2), min(10, back + 1)
            elif stopped:
                after_level, leg_after, back_after = level, min(10, leg + 2), back
            elif draw.change == "retreat":
                after_level, leg_after, back_after = level - 1, max(0, leg - 1), back
            elif draw.change == "less-pain":
                after_level, leg_after, back_after = level, max(0, leg - 1), back
            else:
                after_level, leg_after, back_after = level, leg, back
            dose = rung.dose
            session = NewSession(
                rung=rung.slug,
                started_at=started,
                ended_at=ended,
                pain_before=PainScores(back=back, leg=leg),
                pain_after=PainScores(back=back_after, leg=leg_after),
                map_before=_map_to(path, level, intensity),
                map_after=_map_to(path, after_level, intensity),
                reps_done=(3 if stopped else dose.default) if dose.kind == "reps" else None,
                hold_seconds=dose.default if dose.kind == "hold" else None,
                range_reached=_range_for(program, rung, day),
                pelvis_stayed_down=True if rung.is_press_up else None,
                stopped_for_pain=stopped,
                planned=dose.default,
            )
            # Judged as a saved session is; saved with the others at once below.
            judged.append((session, services.sessions.judge(session).outcome))
        services.stores.bulk.insert_sessions(judged, clock.zone, now)
        add_demo_checks(services.weekly, first_day, DEMO_DAYS, tz, now)
    return len(judged)
