"""A generated journal of many years, for tests and benchmarks: a long, plausible course.

The story, in the spirit of the 8-week demo (``demo_journal``) but over years: the
journal opens in an acute episode with symptoms down to the toes that centralize over
some ten weeks while the user climbs the ladder; then quiet stretches with back pain only
(sometimes nothing at all) alternate with flare-ups, every several months, in which the
symptoms spread down the leg — to the foot in the bad ones — and retreat over weeks,
the user stepping back down the ladder and up again. Some flares stall and are worked
through with overpressure. One reaches the other leg (the both-legs red-flag screen).

Sessions fall in the profile's waking hours, in the clock's zone (wall-clock times, so
DST days are right), 5-8 on a typical day within ``sessions_per_day``, with days off,
holidays with fewer sessions, and weeks of illness with none (``gaps=False`` removes
them: every day then has the same number of sessions). Each session's outcome is
computed with the real rule (``domain.outcome.session_outcome``) from the generated
pains and maps; a few spread further down, hurt more or are stopped for pain, and the
rest of that day steps one rung down (rule 5). The first session of each day carries
the daily red-flag screening — clear, except "contact your doctor" after an illness and
one urgent screening in a bad flare, after which that day has no sessions. Some evenings
have a symptom check-in of their own.

Deterministic for a given seed, clock and zone. Rows go in through ``storage.bulk_store``
in one transaction: 10 years take a few seconds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_journal.domain.body import (
    Mark,
    RegionCatalog,
    SymptomKind,
    SymptomMap,
    validate_map,
)
from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.red_flags import RedFlagQuestion, Trigger, evaluate, triggers_for_map
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    validate_new_session,
)
from sciatica_journal.domain.timekeeping import zone as zone_info
from sciatica_journal.services.container import Services
from sciatica_journal.storage import bulk_store

SEED = 2014
DAYS_PER_YEAR = 365.2425
RANGES = tuple(PressUpRange)

# How symptoms run down one leg, by level, for the two usual nerve roots: (level, region
# without its side, kind). "{s}" is the side.
_S1 = (
    (0, "low-back-{s}", SymptomKind.PAIN),
    (1, "buttock-{s}", SymptomKind.PAIN),
    (2, "thigh-back-{s}", SymptomKind.PAIN),
    (3, "knee-back-{s}", SymptomKind.PAIN),
    (4, "calf-{s}", SymptomKind.PAIN),
    (5, "heel-{s}", SymptomKind.TINGLING),
    (6, "sole-{s}", SymptomKind.TINGLING),
    (6, "foot-outer-{s}", SymptomKind.NUMBNESS),
    (7, "small-toes-{s}", SymptomKind.TINGLING),
)
_L5 = (
    (0, "low-back-{s}", SymptomKind.PAIN),
    (1, "buttock-{s}", SymptomKind.PAIN),
    (2, "thigh-outer-{s}", SymptomKind.PAIN),
    (3, "knee-back-{s}", SymptomKind.PAIN),
    (4, "lower-leg-outer-{s}", SymptomKind.PAIN),
    (4, "shin-{s}", SymptomKind.TINGLING),
    (5, "ankle-{s}", SymptomKind.TINGLING),
    (6, "foot-top-{s}", SymptomKind.NUMBNESS),
    (7, "big-toe-{s}", SymptomKind.NUMBNESS),
)
PATTERNS = {"S1": _S1, "L5": _L5}
OTHER_LEG_LEVEL = 2  # how far down the other leg goes in the flare that reaches it
CHECK_IN_NOTES = (
    "",
    "",
    "",
    "Long drive today.",
    "Slept badly.",
    "Gardening this afternoon.",
    "Sat at the desk most of the day.",
    "Good walk in the evening.",
)
SESSION_NOTES = ("Felt stiff in the morning.", "Did it on the floor.", "Easier than yesterday.")


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
class _Course:
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


def _plan_course(rng: random.Random, days: int, gaps: bool) -> _Course:
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
    return _Course(days, flares, off, illness_end, holiday, urgent_day)


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


def _plan_day(rng: random.Random, course: _Course, day: int, band: tuple[int, int]) -> DayPlan:
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


@functools.lru_cache(maxsize=4096)
def _symptoms(
    pattern: str, side: str, level: int, strength: int, center: bool, other_leg: bool, lighter: bool
) -> SymptomMap:
    """The map of symptoms from the low back down to ``level`` on ``side`` (-1: none)."""
    if level < 0:
        return SymptomMap()
    marks = []
    if center:
        marks.append(Mark("low-back-center", SymptomKind.PAIN, strength))
    eased = lighter
    for region_level, region, kind in PATTERNS[pattern]:
        if region_level > level:
            break
        intensity = max(1, min(3, strength - (1 if region_level < level - 2 else 0)))
        if eased and intensity > 1 and region_level >= 1:  # fewer/less intense: one mark milder
            intensity -= 1
            eased = False
        marks.append(Mark(region.format(s=side), kind, intensity))
    if other_leg:
        other = "left" if side == "right" else "right"
        for region_level, region, kind in PATTERNS[pattern]:
            if region_level <= min(level, OTHER_LEG_LEVEL):
                marks.append(Mark(region.format(s=other), kind, 1))
    return SymptomMap(marks=tuple(marks))


def _strength(leg: int, back: int, level: int) -> int:
    pain = leg if level >= 1 else back
    return 3 if pain >= 6 else 2 if pain >= 3 else 1


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _session_times(
    rng: random.Random, date: dt.date, count: int, waking: tuple[dt.time, dt.time], tz: dt.tzinfo
) -> list[dt.datetime]:
    """Local wall-clock starts spread over the waking day, as UTC instants."""
    first = waking[0].hour * 60 + waking[0].minute + 20
    last = waking[1].hour * 60 + waking[1].minute - 30
    slot = (last - first) / count
    starts = []
    for i in range(count):
        minute = first + i * slot + rng.uniform(0, max(1.0, slot - 20))
        seconds = int(minute * 60)
        local = dt.datetime.combine(
            date, dt.time(seconds // 3600, seconds // 60 % 60, seconds % 60), tz
        )
        starts.append(local.astimezone(dt.UTC))
    return starts


def _evening(rng: random.Random, date: dt.date, waking_end: dt.time, tz: dt.tzinfo) -> dt.datetime:
    """A moment in the last half hour of the waking day, after the day's sessions."""
    minute = waking_end.hour * 60 + waking_end.minute - rng.randint(10, 30)
    local = dt.datetime.combine(date, dt.time(minute // 60, minute % 60, rng.randint(0, 59)), tz)
    return local.astimezone(dt.UTC)


@dataclass
class _Generator:
    rng: random.Random
    program: Program
    catalog: RegionCatalog
    side: str
    now: dt.datetime
    previous_map: SymptomMap | None = None

    def session(
        self, plan: DayPlan, rung: Rung, index: int, started: dt.datetime
    ) -> tuple[NewSession, Outcome]:
        rng = self.rng
        flare = plan.flare
        pattern = flare.pattern if flare is not None else "S1"
        drift = 0.15 * index if plan.phase == "recovery" else 0.0  # easier later in the day
        if plan.extent < 0:
            level = -1
        else:
            level = _clamp(plan.extent - drift + rng.uniform(-0.6, 0.6), 0, 7)
            if plan.extent >= 1.5:
                level = max(1, level)
        leg = 0 if level < 1 else _clamp(1.2 + 0.95 * level + rng.uniform(-1, 1), 1, 10)
        if level < 0:  # nothing marked: at most a trace of back pain
            back = _clamp(rng.uniform(-0.5, 1.2), 0, 1)
        else:
            back = _clamp(plan.back + rng.uniform(-1, 1), 1, 10)
        center = back >= 4
        # The flare that reaches the other leg too, while it is at its worst.
        other = (
            flare is not None
            and flare.both_legs
            and level >= 2
            and (plan.phase == "onset" or plan.progress < 0.2)
        )
        strength = _strength(leg, back, level)

        def symptoms(at_level: int, lighter: bool = False) -> SymptomMap:
            return _symptoms(pattern, self.side, at_level, strength, center, other, lighter)

        before = symptoms(level)
        event = self._event(plan, level)
        after_level, lighter = level, False
        leg_after, back_after = leg, back
        stopped = False
        if event == "stop":
            stopped = True
            leg_after, back_after = min(10, leg + rng.randint(1, 2)), min(10, back + 1)
        elif event == "peripheralize" and level < 7:
            after_level = level + 1
            leg_after = min(10, max(leg, 2) + 1)
        elif event == "worse":
            if level >= 1 and rng.random() < 0.6:
                leg_after = min(10, leg + 2)
            else:
                back_after = min(10, back + 2 + rng.randint(0, 1))
        elif event == "abolish":
            after_level, leg_after, back_after = -1, 0, max(0, back - 1)
        elif event == "centralize":
            after_level = level - (2 if level >= 3 and rng.random() < 0.2 else 1)
            leg_after = 0 if after_level < 1 else max(0, leg - rng.randint(1, 2))
            back_after = max(0, back - rng.randint(0, 1))
        elif event == "better":
            if level >= 1 and rng.random() < 0.5:
                leg_after = max(0, leg - 1)
            elif rng.random() < 0.5:
                lighter = True
            else:
                back_after = max(0, back - 1)
        after = symptoms(after_level, lighter)
        if after_level == -1:
            after = SymptomMap()
        pain_after: PainScores | None = PainScores(back_after, leg_after)
        map_after: SymptomMap | None = after
        if stopped and rng.random() < 0.5:  # stopped at once, no check-out
            pain_after, map_after = None, None
        dose = rung.dose
        reps = hold = None
        if dose.kind == "reps":
            reps = rng.randint(1, 4) if stopped else rng.choice((10, 10, 10, 10, 8, 6))
            seconds = reps * rng.randint(18, 35) + rng.randint(60, 180)
        else:
            hold = rng.randint(20, 90) if stopped else rng.choice((180,) * 6 + (120, 240, 300))
            seconds = hold + rng.randint(60, 240)
        range_reached, pelvis_down = None, None
        if rung.is_press_up:
            range_reached = self._range(plan, rung)
            pelvis_down = rng.random() >= 0.04
        session = NewSession(
            rung=rung.slug,
            started_at=started,
            ended_at=started + dt.timedelta(seconds=seconds),
            pain_before=PainScores(back, leg),
            pain_after=pain_after,
            map_before=before,
            map_after=map_after,
            reps_done=reps,
            hold_seconds=hold,
            range_reached=range_reached,
            pelvis_stayed_down=pelvis_down,
            stopped_for_pain=stopped,
            note=rng.choice(SESSION_NOTES) if rng.random() < 0.01 else "",
        )
        validate_new_session(session, self.program, self.now)
        outcome = session_outcome(
            pain_before=session.pain_before,
            pain_after=session.pain_after,
            map_before=session.map_before,
            map_after=session.map_after,
            stopped_for_pain=session.stopped_for_pain,
            catalog=self.catalog,
            thresholds=self.program.thresholds,
        )
        return session, outcome

    def check_in(self, plan: DayPlan, at: dt.datetime) -> bulk_store.MapRecord:
        """A map on its own in the evening: how far the symptoms reach that day."""
        level = _clamp(plan.extent, -1, 7)
        leg = 0 if level < 1 else _clamp(1.2 + 0.95 * level, 1, 10)
        strength = _strength(leg, round(plan.back), level)
        pattern = plan.flare.pattern if plan.flare is not None else "S1"
        symptoms = _symptoms(pattern, self.side, level, strength, False, False, False)
        self.previous_map = symptoms
        return bulk_store.MapRecord(symptoms, at, "check-in", self.rng.choice(CHECK_IN_NOTES))

    def _event(self, plan: DayPlan, level: int) -> str:
        roll = self.rng.random()
        if plan.phase == "onset":
            table = (("stop", 0.01), ("peripheralize", 0.05), ("worse", 0.04), ("better", 0.3))
        elif plan.phase == "recovery":
            central = 0.25 + 0.2 * (1 - plan.progress)
            table = (
                ("stop", 0.003),
                ("peripheralize", 0.006),
                ("worse", 0.008),
                ("centralize", central),
                ("better", 0.35),
            )
        else:
            table = (
                ("stop", 0.0015),
                ("peripheralize", 0.002),
                ("worse", 0.004),
                ("abolish", 0.15),
                ("centralize", 0.05),
                ("better", 0.3),
            )
        for event, chance in table:
            if roll < chance:
                if level < 0 and event in ("abolish", "centralize", "peripheralize"):
                    return "same"
                if level == 0 and event == "centralize":
                    return "abolish"
                return event
            roll -= chance
        return "same"

    def _range(self, plan: DayPlan, rung: Rung) -> PressUpRange:
        if rung == self.program.progress_limit:
            step = 0 if plan.progress < 0.3 else 1 if plan.progress < 0.4 else 2
        elif plan.phase == "quiet":
            step = 3 if self.rng.random() < 0.95 else 2
        else:
            step = 1 if plan.progress < 0.6 else 2 if plan.progress < 0.85 else 3
        if self.rng.random() < 0.2:
            step -= 1
        return RANGES[max(0, step)]


def _screen_answers(
    questions: Sequence[RedFlagQuestion], yes: str | None = None
) -> dict[str, bool]:
    return {q.code: q.code == yes for q in questions}


def _validate_patterns(catalog: RegionCatalog) -> None:
    for pattern in PATTERNS:
        for side in ("left", "right"):
            validate_map(_symptoms(pattern, side, 7, 2, True, True, False), catalog)


@dataclass
class _Drawn:
    """The generated entries, in time order, before they are saved."""

    sessions: list[tuple[NewSession, Outcome]] = dataclasses.field(default_factory=list)
    # (index of the session it belongs to or None, answers, trigger, when)
    screens: list[tuple[int | None, dict[str, bool], Trigger, dt.datetime]] = dataclasses.field(
        default_factory=list
    )
    check_ins: list[bulk_store.MapRecord] = dataclasses.field(default_factory=list)


def _draw(
    generator: _Generator,
    course: _Course,
    first_day: dt.date,
    band: tuple[int, int],
    waking: tuple[dt.time, dt.time],
    tz: dt.tzinfo,
) -> _Drawn:
    rng, program, now = generator.rng, generator.program, generator.now
    questions = program.red_flags
    ladder = [r.slug for r in program.rungs]
    story = {  # the parts of the ladder a course of recovery climbs (see _rung_for)
        "lowest": program.lowest.slug,
        "above-lowest": program.step(program.lowest.slug, +1).slug,
        "progress-limit": program.progress_limit.slug,
        "goal": program.goal.slug,
        "overpressure": program.overpressure.slug,
    }
    latest_start = now - dt.timedelta(minutes=15)
    drawn = _Drawn()
    for day in range(course.days):
        date = first_day + dt.timedelta(days=day)
        plan = _plan_day(rng, course, day, band)
        starts = _session_times(rng, date, max(plan.sessions, 1), waking, tz)
        if day == course.urgent_day and plan.sessions and starts[0] <= latest_start:
            # A weakening foot: the urgent screen blocks the exercises for the day.
            answers = _screen_answers(questions, "worsening-weakness")
            drawn.screens.append((None, answers, Trigger.DAILY, starts[0]))
            continue
        rung_index = ladder.index(story[plan.rung])
        for index, started in enumerate(starts[: plan.sessions]):
            if started > latest_start:
                break
            session, outcome = generator.session(plan, program.rungs[rung_index], index, started)
            if session.ended_at > now:
                break
            # Red flags: the first session of the day, or a map newly marking both legs.
            triggers = triggers_for_map(
                generator.previous_map, session.map_before, generator.catalog
            )
            if triggers or index == 0:
                yes = "general-illness" if index == 0 and day in course.illness_end else None
                trigger = triggers[0] if triggers else Trigger.DAILY
                answers = _screen_answers(questions, yes)
                drawn.screens.append((len(drawn.sessions), answers, trigger, started))
            drawn.sessions.append((session, outcome))
            generator.previous_map = session.map_after or session.map_before
            if outcome in (Outcome.WORSE, Outcome.PERIPHERALIZED):  # rule 5: one rung down
                rung_index = max(0, rung_index - 1)
        if rng.random() < (0.3 if day in course.off else 0.06):  # an evening check-in
            at = _evening(rng, date, waking[1], tz)
            if at <= now:
                drawn.check_ins.append(generator.check_in(plan, at))
    return drawn


def generate_years(
    services: Services,
    years: float = 10,
    seed: int = SEED,
    sessions_per_day: tuple[int, int] = (3, 8),
    *,
    days: int | None = None,
    gaps: bool = True,
) -> int:
    """Fill an empty journal with ``years`` (or ``days``) of sessions ending now, in the
    services' clock zone, in one transaction; returns the number of sessions. On active
    days the number of sessions lies in ``sessions_per_day``; ``gaps=False`` leaves out
    days off and illness. The profile is kept if one is saved, else a default one is."""
    low, high = sessions_per_day
    if not 1 <= low <= high <= 20:
        raise ValueError("sessions_per_day must be (low, high) with 1 <= low <= high <= 20")
    stores = services.stores
    if stores.sessions.count_sessions():
        raise ValueError("the journal already holds sessions; generate into an empty one")
    total_days = days if days is not None else round(years * DAYS_PER_YEAR)
    if total_days < 1:
        raise ValueError("generate at least one day")
    program, catalog, clock = services.program, services.catalog, services.clock
    _validate_patterns(catalog)
    rng = random.Random(seed)
    now = clock.now()
    zone_name = clock.zone
    tz = zone_info(zone_name)
    first_day = now.astimezone(tz).date() - dt.timedelta(days=total_days - 1)
    profile: Profile
    if services.profiles.needs_setup():
        profile = dataclasses.replace(
            services.profiles.default_profile(), affected_side=AffectedSide.RIGHT
        )
    else:
        profile = services.profiles.profile()
    side = "left" if profile.affected_side is AffectedSide.LEFT else "right"
    generator = _Generator(rng, program, catalog, side, now)
    course = _plan_course(rng, total_days, gaps)
    waking = (profile.waking_start, profile.waking_end)
    drawn = _draw(generator, course, first_day, (low, high), waking, tz)

    first_moment = drawn.sessions[0][0].started_at if drawn.sessions else now
    with services.journal.atomic():
        if services.profiles.needs_disclaimer():
            accepted = first_moment - dt.timedelta(minutes=5)
            stores.profiles.record_disclaimer_accepted(zone_name, accepted)
        if services.profiles.needs_setup():
            services.profiles.save(profile)
        uuids = stores.bulk.insert_sessions(drawn.sessions, zone_name, now)
        stores.bulk.insert_maps(drawn.check_ins, zone_name)
        stores.bulk.insert_screens(
            [
                bulk_store.ScreenRecord(
                    answers=answers,
                    result=evaluate(answers, program.red_flags),
                    trigger=trigger,
                    at=at,
                    session_uuid=None if index is None else uuids[index],
                )
                for index, answers, trigger, at in drawn.screens
            ],
            zone_name,
        )
    return len(drawn.sessions)
