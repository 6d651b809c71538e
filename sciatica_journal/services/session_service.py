"""Recording exercise sessions and describing today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sciatica_journal.domain.advice import Advice, SessionSummary, advise
from sciatica_journal.domain.body import (
    SIDES,
    RegionCatalog,
    SymptomMap,
    distal_extent,
    validate_map,
)
from sciatica_journal.domain.current_exercise import (
    CurrentExercise,
    current_exercise,
    patient_note,
)
from sciatica_journal.domain.doses import complete_in, dose_minimums
from sciatica_journal.domain.guarded_choice import choice_warning
from sciatica_journal.domain.language import _
from sciatica_journal.domain.outcome import explain_outcome, session_outcome
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.red_flags import (
    RedFlagError,
    ScreenResult,
    Trigger,
    evaluate,
    triggers_for_map,
)
from sciatica_journal.domain.sessions import (
    NewSession,
    Outcome,
    PainScores,
    PressUpRange,
    SessionEntry,
    SessionError,
    validate_new_session,
)
from sciatica_journal.domain.timekeeping import local_date, zone
from sciatica_journal.domain.today import DailyCount
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.storage.red_flag_store import RedFlagStore
from sciatica_journal.storage.session_store import SessionStore
from sciatica_journal.storage.write_failures import plain_failure


@dataclass(frozen=True)
class TodayOverview:
    """Today's sessions and how many count."""

    day: dt.date
    count: DailyCount  # complete sessions only (rule 9)
    sessions: tuple[SessionEntry, ...]  # every session of the day, incomplete ones too
    incomplete: frozenset[str] = frozenset()  # the UUIDs of the day's incomplete sessions


@dataclass(frozen=True)
class SavedSession:
    """A session just saved: its outcome and whether it counts."""

    uuid: str
    outcome: Outcome
    explanation: str = ""
    complete: bool = True  # reached the dose's minimum or stopped for pain (rule 9)


@dataclass(frozen=True)
class ScreenAnswers:
    """Red-flag answers given inside a session, saved with it."""

    answers: dict[str, bool]
    trigger: Trigger
    at: dt.datetime | None = None  # when they were answered (None: as the session started)


HISTORY_FOR_ADVICE = 60  # sessions; the rules look at the recent past only


def _no_more_pain(before: PainScores, after: PainScores | None) -> bool:
    return after is not None and after.back <= before.back and after.leg <= before.leg


class SessionService:
    def __init__(
        self,
        program: Program,
        catalog: RegionCatalog,
        clock: Clock,
        profiles: ProfileService,
        store: SessionStore,
        red_flags: RedFlagStore,
    ) -> None:
        self._program = program
        self._catalog = catalog
        self._clock = clock
        self._profiles = profiles
        self._store = store
        self._red_flags = red_flags

    @property
    def program(self) -> Program:
        return self._program

    def judge(self, session: NewSession) -> SavedSession:
        """Validate and judge a session (DESIGN §2.2 rule 3) without saving it."""
        validate_new_session(session, self._program, self._clock.now())
        for symptoms in (session.map_before, session.map_after):
            try:
                validate_map(symptoms or SymptomMap(), self._catalog)
            except ValueError as exc:
                raise SessionError("map", str(exc)) from exc
        outcome = session_outcome(
            pain_before=session.pain_before,
            pain_after=session.pain_after,
            map_before=session.map_before,
            map_after=session.map_after,
            thresholds=self._program.thresholds,
            stopped_for_pain=session.stopped_for_pain,
            catalog=self._catalog,
        )
        explanation = explain_outcome(
            outcome,
            pain_before=session.pain_before,
            pain_after=session.pain_after,
            map_before=session.map_before,
            map_after=session.map_after,
            stopped_for_pain=session.stopped_for_pain,
            catalog=self._catalog,
        )
        return SavedSession(
            uuid="", outcome=outcome, explanation=explanation, complete=self._complete(session)
        )

    def _complete(self, session: NewSession) -> bool:
        return complete_in(
            self._program,
            session.rung,
            session.reps_done,
            session.hold_seconds,
            session.stopped_for_pain,
        )

    def record(
        self,
        session: NewSession,
        screen: ScreenAnswers | None = None,
        check_out_screen: ScreenAnswers | None = None,
    ) -> SavedSession:
        """Judge and save the session, both maps and any red-flag answers in one transaction.
        ``screen``: answers given at the check-in; ``check_out_screen``: at the check-out
        (the map there newly marked the saddle or both legs)."""
        judged = self.judge(session)
        screens = []
        for given in (screen, check_out_screen):
            if given is not None:
                try:
                    screens.append((given, evaluate(given.answers, self._program.red_flags)))
                except RedFlagError as exc:
                    raise SessionError("red_flags", str(exc)) from exc
        now = self._clock.now()
        try:
            entry_uuid = self._save(
                session, judged.outcome, screens, now, answered_after=check_out_screen is not None
            )
        except Exception as exc:
            plain = plain_failure(exc)
            if plain is None:
                raise
            raise SessionError(
                "journal", _("{problem}: nothing was saved").format(problem=plain)
            ) from exc
        return SavedSession(
            uuid=entry_uuid,
            outcome=judged.outcome,
            explanation=judged.explanation,
            complete=judged.complete,
        )

    def _save(
        self,
        session: NewSession,
        outcome: Outcome,
        screens: list[tuple[ScreenAnswers, ScreenResult]],
        now: dt.datetime,
        *,
        answered_after: bool,
    ) -> str:
        with self._store.atomic():
            entry_uuid = self._store.insert_session(session, outcome, self._clock.zone, now)
            for screen, result in screens:
                screen_uuid = self._red_flags.insert_screen(
                    screen.answers,
                    result=result,
                    trigger=screen.trigger,
                    at=screen.at or session.started_at,
                    zone=self._clock.zone,
                )
                self._store.link_screen(screen_uuid, entry_uuid)
            # The saddle or both legs newly marked at check-out and not answered there: the
            # questions stay due (asked at the next save or session) until answered.
            after_triggers = triggers_for_map(
                session.map_before, session.map_after or session.map_before, self._catalog
            )
            if after_triggers and not answered_after:
                self._red_flags.set_pending(after_triggers[0])
        return entry_uuid

    def history(
        self, limit: int = HISTORY_FOR_ADVICE, until: dt.date | None = None
    ) -> list[SessionSummary]:
        """The newest sessions (up to the local day ``until``) as the rules see them."""
        summaries = []
        for entry, before, after in self._store.recent_with_maps(limit, until):
            after_map = after if after is not None else before
            summaries.append(
                SessionSummary(
                    rung=entry.rung,
                    local_date=entry.local_date,
                    outcome=entry.outcome,
                    stopped_for_pain=entry.stopped_for_pain,
                    range_reached=entry.range_reached,
                    pelvis_stayed_down=entry.pelvis_stayed_down,
                    extent_before={s: distal_extent(before, s, self._catalog) for s in SIDES},
                    extent_after={s: distal_extent(after_map, s, self._catalog) for s in SIDES},
                    no_more_pain=_no_more_pain(entry.pain_before, entry.pain_after),
                    complete=entry.is_complete(self._program),
                )
            )
        return summaries

    def advice(self) -> Advice:
        """The recommended next exercise and why (DESIGN §2.2 rules 4-7)."""
        return advise(self.history(), self._program, self._profiles.profile().starting_rung)

    def current_exercise(self, until: dt.date | None = None) -> CurrentExercise:
        """The exercise to do now (rule 10: the advice's rung) and any step-down, from the
        sessions up to the local day ``until`` (default: all of them)."""
        history = self.history(until=until)
        advice = advise(history, self._program, self._profiles.profile().starting_rung)
        return current_exercise(advice, history, self._program)

    def step_down_note(self, current: CurrentExercise) -> str:
        """The step-down in the patient's words (empty when there is none)."""
        step_down = current.step_down
        return "" if step_down is None else patient_note(step_down, self._catalog)

    def choice_warning(self, advice: Advice, slug: str) -> str | None:
        """Why choosing ``slug`` goes against ``advice``, or None (``domain.guarded_choice``)."""
        return choice_warning(advice, self._program.rung(slug), self.history())

    def preview(self, session: NewSession) -> tuple[SavedSession, Advice]:
        """The outcome of a session not yet saved, and the advice as if it had been."""
        judged = self.judge(session)
        pending = SessionSummary(
            rung=session.rung,
            local_date=local_date(session.started_at, self._clock.zone),
            outcome=judged.outcome,
            stopped_for_pain=session.stopped_for_pain,
            range_reached=session.range_reached,
            pelvis_stayed_down=session.pelvis_stayed_down,
            extent_before={s: distal_extent(session.map_before, s, self._catalog) for s in SIDES},
            extent_after={
                s: distal_extent(session.map_after or session.map_before, s, self._catalog)
                for s in SIDES
            },
            no_more_pain=_no_more_pain(session.pain_before, session.pain_after),
            complete=judged.complete,
        )
        history = [*self.history(HISTORY_FOR_ADVICE - 1), pending]
        return judged, advise(history, self._program, self._profiles.profile().starting_rung)

    def latest_pain(self) -> PainScores | None:
        latest = self._store.latest_session()
        if latest is None:
            return None
        return latest.pain_after or latest.pain_before

    def best_range(self) -> PressUpRange | None:
        slugs = tuple(r.slug for r in self._program.rungs if r.is_press_up)
        return self._store.best_press_up_range(slugs, dose_minimums(self._program))

    def now(self) -> dt.datetime:
        return self._clock.now()

    def seconds_until_tomorrow(self) -> float:
        """Seconds until the user's next local midnight (DST-safe)."""
        tz = zone(self._clock.zone)
        local_now = self._clock.now().astimezone(tz)
        tomorrow = dt.datetime.combine(local_now.date() + dt.timedelta(days=1), dt.time(), tz)
        return (tomorrow.astimezone(dt.UTC) - self._clock.now()).total_seconds()

    def today_date(self) -> dt.date:
        return local_date(self._clock.now(), self._clock.zone)

    def today(self) -> TodayOverview:
        day = self.today_date()
        sessions = tuple(self._store.sessions_on(day))
        profile = self._profiles.profile()
        short = frozenset(s.uuid for s in sessions if not s.is_complete(self._program))
        return TodayOverview(
            day=day,
            count=DailyCount(len(sessions) - len(short), profile.target_min, profile.target_max),
            sessions=sessions,
            incomplete=short,
        )
