"""One session drawn for a planned day: pains, maps, the event (better, centralized,
worse ...), the dose; and the moments of the day sessions and check-ins fall on."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sciatica_journal.domain.body import RegionCatalog, SymptomMap
from sciatica_journal.domain.outcome import session_outcome
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    validate_new_session,
)
from sciatica_journal.storage import bulk_store
from sciatica_journal.synthetic.course import DayPlan
from sciatica_journal.synthetic.leg_patterns import leg_map, mark_strength

RANGES = tuple(PressUpRange)
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


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def session_times(
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


def evening_moment(
    rng: random.Random, date: dt.date, waking_end: dt.time, tz: dt.tzinfo
) -> dt.datetime:
    """A moment in the last half hour of the waking day, after the day's sessions."""
    minute = waking_end.hour * 60 + waking_end.minute - rng.randint(10, 30)
    local = dt.datetime.combine(date, dt.time(minute // 60, minute % 60, rng.randint(0, 59)), tz)
    return local.astimezone(dt.UTC)


@dataclass
class Generator:
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
            level = clamp(plan.extent - drift + rng.uniform(-0.6, 0.6), 0, 7)
            if plan.extent >= 1.5:
                level = max(1, level)
        leg = 0 if level < 1 else clamp(1.2 + 0.95 * level + rng.uniform(-1, 1), 1, 10)
        if level < 0:  # nothing marked: at most a trace of back pain
            back = clamp(rng.uniform(-0.5, 1.2), 0, 1)
        else:
            back = clamp(plan.back + rng.uniform(-1, 1), 1, 10)
        center = back >= 4
        # The flare that reaches the other leg too, while it is at its worst.
        other = (
            flare is not None
            and flare.both_legs
            and level >= 2
            and (plan.phase == "onset" or plan.progress < 0.2)
        )
        strength = mark_strength(leg, back, level)

        def symptoms(at_level: int, lighter: bool = False) -> SymptomMap:
            return leg_map(pattern, self.side, at_level, strength, center, other, lighter)

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
            planned=dose.default,
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
        level = clamp(plan.extent, -1, 7)
        leg = 0 if level < 1 else clamp(1.2 + 0.95 * level, 1, 10)
        strength = mark_strength(leg, round(plan.back), level)
        pattern = plan.flare.pattern if plan.flare is not None else "S1"
        symptoms = leg_map(pattern, self.side, level, strength, False, False, False)
        self.previous_map = symptoms
        return bulk_store.MapRecord(symptoms, at, "check-in", self.rng.choice(CHECK_IN_NOTES))

    def _event(self, plan: DayPlan, level: int) -> str:
        roll = self.rng.random()
        table: tuple[tuple[str, float], ...]
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
