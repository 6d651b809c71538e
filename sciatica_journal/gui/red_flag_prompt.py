"""The red-flag questions asked at once (DESIGN §2.3): marking the saddle area, or newly
both legs, brings them up as soon as the mark is made, on the Symptoms page and in the
session wizard's check-in and check-out, not only when the map is saved.

Answers given so count for what they were asked for: the wizard does not ask again at Next
(they are saved with the session at Finish), and the Symptoms page does not ask again at
Save. "Not now" is respected: the same map does not ask again at every click (the wizard's
Next asks once more when the questions are due; the Symptoms page keeps them due for the
next save or session). An urgent answer is kept at once and pauses the day; in the wizard
it ends the session, as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from sciatica_journal.domain.red_flags import ScreenResult, Trigger
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.red_flag_dialogs import OutcomeDialog, RedFlagDialog, run_red_flag_check
from sciatica_journal.gui.symptom_map_editor import SymptomMapEditor
from sciatica_journal.gui.wizard_checkin import SymptomsStep
from sciatica_journal.services.container import Services
from sciatica_journal.services.red_flag_service import RedFlagService
from sciatica_journal.services.session_service import ScreenAnswers
from sciatica_journal.services.symptom_service import SavedMap, SymptomService

BEFORE, AFTER = "before", "after"


def _soon(action: Callable[[], None]) -> None:
    """Ask once the click that made the mark is over (not inside its mouse event)."""
    QTimer.singleShot(0, action)


class SessionSafety:
    """The questions inside a session: at the check-in (marked there, or due at Next) and at
    the check-out (marked there, compared with the check-in). ``end_session``: close the
    wizard without saving (after an urgent answer at the check-in; after one at the
    check-out the session may still be finished and saved: the day is paused anyway)."""

    def __init__(
        self,
        services: Services,
        runner: OperationRunner,
        parent: QWidget,
        check_in: SymptomsStep,
        check_out: SymptomsStep,
        end_session: Callable[[], None],
    ) -> None:
        self._services = services
        self._runner = runner
        self._parent = parent
        self._check_in = check_in
        self._check_out = check_out
        self._end_session = end_session
        self._screens: dict[str, ScreenAnswers] = {}
        self._put_off: set[str] = set()  # "Not now" when asked at once, per step
        self._asking = False
        self._ended = False
        check_in.editor.changed.connect(lambda: _soon(lambda: self._marked(BEFORE)))
        check_out.editor.changed.connect(lambda: _soon(lambda: self._marked(AFTER)))

    @property
    def check_in_screen(self) -> ScreenAnswers | None:
        return self._screens.get(BEFORE)

    @property
    def check_out_screen(self) -> ScreenAnswers | None:
        return self._screens.get(AFTER)

    def before_exercise(self) -> bool:
        """At Next on the check-in: ask when due; False keeps the user on the check-in."""
        if BEFORE in self._screens:  # answered earlier in this session: they count
            return True
        flags = self._services.red_flags
        triggers = self._services.symptoms.red_flag_triggers(self._check_in.symptom_map())
        due = flags.due_before_session(triggers)
        return due is None or self._ask(due.trigger, BEFORE)

    def _triggers(self, step: str) -> tuple[Trigger, ...]:
        symptoms = self._services.symptoms
        if step == BEFORE:
            return symptoms.red_flag_triggers(self._check_in.symptom_map())
        return symptoms.red_flag_triggers_between(
            self._check_in.symptom_map(), self._check_out.symptom_map()
        )

    def _marked(self, step: str) -> None:
        if (
            self._asking
            or self._ended
            or step in self._screens
            or step in self._put_off
            or not self._parent.isVisible()
        ):
            return
        triggers = self._triggers(step)
        if triggers and not self._ask(triggers[0], step) and not self._ended:
            self._put_off.add(step)

    def _ask(self, trigger: Trigger, step: str) -> bool:
        """Ask; True when answered and the session goes on."""
        flags = self._services.red_flags
        self._asking = True
        try:
            dialog = RedFlagDialog(flags.questions, trigger, self._parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            answers = dialog.answers()
            result = flags.judge(answers)
            yes_to = [q for q in flags.questions if answers[q.code]]
            if result is ScreenResult.URGENT:
                # Kept in the journal at once (an operation: it can be undone).
                ops = self._runner.operations
                self._runner.run(lambda: ops.record_screening(answers, trigger))
                OutcomeDialog(result, yes_to, flags.advice_texts, self._parent).exec()
                if step == AFTER:
                    # The exercise is done: it can still be saved (nothing lost); the day
                    # is paused from now on, so no other session starts.
                    self._put_off.add(step)
                    return True
                self._ended = True
                self._end_session()
                return False
            if result is ScreenResult.CONTACT_DOCTOR:
                OutcomeDialog(result, yes_to, flags.advice_texts, self._parent).exec()
            self._screens[step] = ScreenAnswers(answers=answers, trigger=trigger, at=flags.now())
            return True
        finally:
            self._asking = False


class CheckInSafety:
    """The questions on the Symptoms page: asked as the saddle or both legs are marked (kept
    at once, as the page keeps every answer), and otherwise after Save when due."""

    def __init__(
        self,
        red_flags: RedFlagService,
        symptoms: SymptomService,
        runner: OperationRunner,
        page: QWidget,
        editor: SymptomMapEditor,
    ) -> None:
        self._red_flags = red_flags
        self._symptoms = symptoms
        self._runner = runner
        self._page = page
        self._editor = editor
        self._answered_from: dt.datetime | None = None
        self._put_off = False
        self._asking = False
        editor.changed.connect(lambda: _soon(self._marked))

    def start_again(self) -> None:
        """A new check-in (the page starts from the latest map)."""
        self._answered_from = None
        self._put_off = False

    def answered(self) -> bool:
        """Whether the questions were answered for this check-in (and not undone since)."""
        since = self._answered_from
        return since is not None and any(
            s.answered_at >= since for s in self._red_flags.screens_today()
        )

    def asked(self) -> bool:
        """Answered, or put off ("Not now"): then Save does not ask again."""
        return self._put_off or self.answered()

    def _marked(self) -> None:
        if self._asking or self.asked() or not self._page.isVisible():
            return
        triggers = self._symptoms.red_flag_triggers(self._editor.symptom_map())
        if not triggers:
            return
        since = self._red_flags.now().replace(microsecond=0)  # kept to the second
        self._asking = True
        try:
            result = run_red_flag_check(self._red_flags, triggers[0], self._runner, self._page)
        finally:
            self._asking = False
        if result is None:
            self._put_off = True
        else:
            self._answered_from = since

    def after_save(self, saved: SavedMap, asked: bool) -> None:
        """After Save: ask when due, unless they were asked while marking (``asked``)."""
        if asked:
            return
        due = self._red_flags.due_after_check_in(saved.red_flag_triggers)
        if due is not None:
            run_red_flag_check(self._red_flags, due.trigger, self._runner, self._page)
