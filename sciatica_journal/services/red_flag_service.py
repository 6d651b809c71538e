"""Red-flag screenings: the questions, saving the answers, and whether exercise is blocked today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import Program, RedFlagAdvice
from sciatica_journal.domain.red_flags import (
    DueScreening,
    Occasion,
    RecordedScreen,
    RedFlagError,
    RedFlagQuestion,
    ScreenResult,
    Trigger,
    due_screening,
    evaluate,
)
from sciatica_journal.domain.timekeeping import local_date
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage.red_flag_store import RedFlagStore


class RedFlagService:
    def __init__(self, program: Program, clock: Clock, store: RedFlagStore) -> None:
        self._program = program
        self._clock = clock
        self._store = store

    @property
    def questions(self) -> tuple[RedFlagQuestion, ...]:
        return self._program.red_flags

    @property
    def advice_texts(self) -> RedFlagAdvice:
        return self._program.red_flag_advice

    def judge(self, answers: Mapping[str, bool]) -> ScreenResult:
        """The result of a set of answers, without keeping them."""
        return evaluate(answers, self.questions)

    def record(self, answers: Mapping[str, bool], trigger: Trigger) -> ScreenResult:
        """Judge and keep a screening (every question answered); returns the result."""
        return self.record_screening(answers, trigger)[1]

    def now(self) -> dt.datetime:
        return self._clock.now()

    def record_screening(
        self, answers: Mapping[str, bool], trigger: Trigger, *, at: dt.datetime | None = None
    ) -> tuple[str, ScreenResult]:
        """As ``record``, with the UUID of the kept screening (to take it back by); ``at``:
        when it was answered (a redo keeps the first time)."""
        result = evaluate(answers, self.questions)
        uuid = self._store.insert_screen(
            {q.code: bool(answers[q.code]) for q in self.questions},
            result=result,
            trigger=trigger,
            at=at or self._clock.now(),
            zone=self._clock.zone,
        )
        return uuid, result

    def forget(self, uuid: str, pending_before: Trigger | None = None) -> None:
        """Undo a screening: its answers are removed; questions that were pending before it
        are pending again (so they are asked again, never skipped)."""
        if not self._store.delete_screen(uuid, pending_before):
            raise RedFlagError(_("these safety answers are no longer in the journal"))

    def set_pending(self, trigger: Trigger | None) -> None:
        """Make the questions due again for ``trigger`` (None: nothing pending), as they were
        before an operation that is being undone."""
        if trigger is None:
            self._store.clear_pending()
        else:
            self._store.set_pending(trigger)

    def pending(self) -> Trigger | None:
        """Questions asked for by a saved map and not answered yet ("Not now")."""
        return self._store.pending()

    def screens_today(self) -> list[RecordedScreen]:
        return self._store.screens_on(local_date(self._clock.now(), self._clock.zone))

    def due_today(self) -> bool:
        """The daily screening is due until one has been answered today."""
        return not self.screens_today()

    def blocked_today(self) -> bool:
        """An urgent answer today stops the exercises for the rest of the day."""
        return any(s.result is ScreenResult.URGENT for s in self.screens_today())

    def due_before_session(self, map_triggers: Sequence[Trigger]) -> DueScreening | None:
        """Whether the questions are due before a session, and why. ``map_triggers``: what
        the check-in map calls for (``SymptomService.red_flag_triggers``)."""
        return self._due(Occasion.SESSION, map_triggers)

    def due_after_check_in(self, map_triggers: Sequence[Trigger]) -> DueScreening | None:
        """Whether the questions are due after a symptom check-in was saved, and why.
        ``map_triggers``: what the saved map called for (``SavedMap.red_flag_triggers``)."""
        return self._due(Occasion.CHECK_IN, map_triggers)

    def _due(self, occasion: Occasion, map_triggers: Sequence[Trigger]) -> DueScreening | None:
        return due_screening(
            occasion,
            daily_due=self.due_today(),
            pending=self.pending(),
            map_triggers=map_triggers,
        )
