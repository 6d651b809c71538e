"""The course of years, planned before any session: the flare-ups, the quiet spells,
days off, illness and holidays, and what each day is like (how far the symptoms reach,
which part of the ladder)."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Flare:
    """An episode: symptoms spread down to ``peak`` over ``onset`` days, then retreat to
    the low back over ``recovery`` days."""

    start: int  # day index
    peak: int
    onset: int
    recovery: int
    pattern: str
    stalls: bool  # the press-ups stall and overpressure is needed
    both_legs: bool = False

    @property
    def end(self) -> int:
        return self.start + self.onset + self.recovery


@dataclass(frozen=True)
class DayPlan:
    """What one day is like before any session."""

    extent: float  # -1 nothing, 0 the low back only ... 7 the toes
    phase: str  # "onset", "recovery" or "quiet"
    progress: float  # 0..1 through the recovery (1 when quiet)
    flare: Flare | None
    sessions: int  # 0 on a day off
    rung: str  # the planned part of the ladder (see _draw's story), before any step-down
    back: float  # typical back pain that day


@dataclass
class Course:
    """Everything decided before the sessions are drawn."""

    days: int
    flares: list[Flare]
    off: set[int]
    illness_end: set[int]  # first day back after an illness
    holiday: set[int]
    urgent_day: int | None


def _flares(rng: random.Random, days: int) -> list[Flare]:
    flares = [Flare(0, 7, 1, min(70, max(10, days // 2)), "S1", stalls=True)]
    index = 0
    while True:
        previous = flares[-1]
        start = previous.end + rng.randint(90, 330)
        if start >= days:
            return flares
        index += 1
        peak = rng.choice((2, 3, 4, 5, 6, 6, 7, 7))
        recovery = rng.randint(3, 5) * 7 + peak * rng.randint(3, 6)
        flares.append(
            Flare(
                start=start,
                peak=peak,
                onset=rng.randint(2, 5),
                recovery=recovery,
                pattern=rng.choice(("S1", "S1", "L5")),
                stalls=rng.random() < 0.4,
                both_legs=index == 2,
            )
        )


def plan_course(rng: random.Random, days: int, gaps: bool) -> Course:
    flares = _flares(rng, days)
    off: set[int] = set()
    illness_end: set[int] = set()
    holiday: set[int] = set()
    urgent_day = None
    bad = [f for f in flares[1:] if f.peak >= 6]
    if bad:
        urgent_day = bad[0].start + bad[0].onset - 1
    if gaps:
        for year_start in range(0, days, 365):
            for _ in range(rng.choice((1, 1, 2))):  # a week or two of illness
                first = year_start + rng.randint(20, 340)
                length = rng.randint(4, 12)
                off.update(range(first, first + length))
                illness_end.add(first + length)
            first = year_start + rng.randint(150, 250)  # a holiday with fewer sessions
            holiday.update(range(first, first + rng.randint(7, 14)))
        off.update(d for d in range(days) if rng.random() < 0.035)  # days off
        if urgent_day is not None:  # seeing doctors after the urgent screening
            off.update(range(urgent_day + 1, urgent_day + rng.randint(2, 4)))
            off.discard(urgent_day)
        off.discard(0)
        illness_end -= off
    return Course(days, flares, off, illness_end, holiday, urgent_day)


def _flare_on(flares: Sequence[Flare], day: int) -> Flare | None:
    for flare in reversed(flares):
        if flare.start <= day:
            return flare if day < flare.end else None
    return None


def _daily_count(
    rng: random.Random, band: tuple[int, int], phase: str, holiday: bool, quiet_days: int
) -> int:
    low, high = band
    values = list(range(low, high + 1))
    base = {3: 1.0, 4: 2.0, 5: 5.0, 6: 7.0, 7: 6.0, 8: 4.0}
    weights = [base.get(v, 1.0 if v < 3 else 2.0) for v in values]
    if holiday:
        values, weights = values[:3], [1.0] * min(3, len(values))
    elif phase != "quiet":  # motivated during a flare
        weights = [w * (1 + 0.4 * (v - low)) for v, w in zip(values, weights, strict=True)]
    elif quiet_days > 120:  # a long quiet stretch: fewer sessions
        weights = [w * (1 + 0.3 * (high - v)) for v, w in zip(values, weights, strict=True)]
    return rng.choices(values, weights)[0]


def _rung_for(phase: str, progress: float, flare: Flare | None, quiet_overpressure: bool) -> str:
    if flare is None or phase == "quiet":
        return "overpressure" if quiet_overpressure else "goal"
    if phase == "onset" or progress < 0.08:
        return "lowest" if flare.peak >= 5 else "above-lowest"
    if progress < 0.18:
        return "above-lowest"
    if progress < 0.45:
        return "progress-limit"
    if flare.stalls and progress < 0.7:
        return "overpressure"
    return "goal"


def plan_day(rng: random.Random, course: Course, day: int, band: tuple[int, int]) -> DayPlan:
    flare = _flare_on(course.flares, day)
    if flare is None:
        last = next((f for f in reversed(course.flares) if f.end <= day), None)
        quiet_days = day - (last.end if last else 0)
        # Back pain only; some stretches of a long quiet spell are free of symptoms.
        extent = -1.0 if quiet_days > 60 and (day // 9) % 4 == 0 else 0.0
        phase, progress = "quiet", 1.0
        back = 1.5 + 0.8 * math.sin(day / 23)
    else:
        quiet_days = 0
        into = day - flare.start
        if into < flare.onset:  # spreading down day by day
            phase, progress = "onset", 0.0
            extent = 1 + (flare.peak - 1) * (into + 1) / flare.onset
        else:  # retreating towards the back over the weeks
            phase = "recovery"
            progress = (into - flare.onset) / flare.recovery
            extent = flare.peak * (1 - progress) ** 1.3
        back = 2.5 + 2.5 * min(1.0, extent / 5)
    quiet_overpressure = phase == "quiet" and (day // 30) % 5 == 2
    sessions = 0
    if day not in course.off:
        holiday = day in course.holiday
        sessions = _daily_count(rng, band, phase, holiday, quiet_days)
    return DayPlan(
        extent=extent,
        phase=phase,
        progress=progress,
        flare=flare,
        sessions=sessions,
        rung=_rung_for(phase, progress, flare, quiet_overpressure),
        back=back,
    )
