"""Years of sessions drawn day by day and saved in one transaction (see the package)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_journal.domain.profile import AffectedSide, Profile
from sciatica_journal.domain.red_flags import RedFlagQuestion, Trigger, evaluate, triggers_for_map
from sciatica_journal.domain.sessions import NewSession, Outcome
from sciatica_journal.domain.timekeeping import zone as zone_info
from sciatica_journal.services.container import Services
from sciatica_journal.storage import bulk_store
from sciatica_journal.synthetic.course import Course, plan_course, plan_day
from sciatica_journal.synthetic.leg_patterns import validate_patterns
from sciatica_journal.synthetic.session_drawing import Generator, evening_moment, session_times

SEED = 2014
DAYS_PER_YEAR = 365.2425


def _screen_answers(
    questions: Sequence[RedFlagQuestion], yes: str | None = None
) -> dict[str, bool]:
    return {q.code: q.code == yes for q in questions}


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
    generator: Generator,
    course: Course,
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
        plan = plan_day(rng, course, day, band)
        starts = session_times(rng, date, max(plan.sessions, 1), waking, tz)
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
            at = evening_moment(rng, date, waking[1], tz)
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
    validate_patterns(catalog)
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
    generator = Generator(rng, program, catalog, side, now)
    course = plan_course(rng, total_days, gaps)
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
