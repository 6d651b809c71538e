"""Red-flag screenings: the questions, saving the answers, and whether exercise is blocked today."""

from __future__ import annotations

from collections.abc import Mapping

from sciatica_journal.domain.program import Program, RedFlagAdvice
from sciatica_journal.domain.red_flags import (
    RecordedScreen,
    RedFlagQuestion,
    ScreenResult,
    Trigger,
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
        result = evaluate(answers, self.questions)
        self._store.insert_screen(
            {q.code: bool(answers[q.code]) for q in self.questions},
            result=result,
            trigger=trigger,
            at=self._clock.now(),
            zone=self._clock.zone,
        )
        return result

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
