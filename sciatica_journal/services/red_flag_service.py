"""Red-flag screenings: the questions, saving the answers, and whether exercise is blocked today."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sciatica_journal.domain.program import Program, RedFlagAdvice
from sciatica_journal.domain.red_flags import (
    DueScreening,
    Occasion,
    RecordedScreen,
    RedFlagQuestion,
    ScreenResult,
    Trigger,
    due_screening,
    evaluate,
)
from sciatica_journal.domain.timekeeping import local_date
from sciatica_journal.services.clock import Clock
from sciatica_journal.storage import red_flag_store


class RedFlagService:
    def __init__(self, program: Program, clock: Clock) -> None:
        self._program = program
        self._clock = clock

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
        result = evaluate(answers, self.questions)
        red_flag_store.insert_screen(
            {q.code: bool(answers[q.code]) for q in self.questions},
            result=result,
            trigger=trigger,
            at=self._clock.now(),
            zone=self._clock.zone,
        )
        return result

    def pending(self) -> Trigger | None:
        """Questions asked for by a saved map and not answered yet ("Not now")."""
        return red_flag_store.pending()

    def screens_today(self) -> list[RecordedScreen]:
        return red_flag_store.screens_on(local_date(self._clock.now(), self._clock.zone))

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
