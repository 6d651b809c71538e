"""The step-by-step session (DESIGN §3): check-in → safety questions when due → the
exercise → guided reps or hold → range (press-ups) → check-out → outcome and advice.

Cancel saves nothing (and asks first if anything was entered); Finish saves the
session, both maps and any safety answers in one transaction. "Stop — this hurts"
is one click away from the exercise on.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.advice import Advice
from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.language import _
from sciatica_journal.domain.sessions import NewSession, SessionError
from sciatica_journal.gui.guide_sound import GuideSetup
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.red_flag_prompt import SessionSafety
from sciatica_journal.gui.window_fit import WindowSizes, fit_to_screen, scrolling
from sciatica_journal.gui.wizard_checkin import SymptomsStep
from sciatica_journal.gui.wizard_exercise import ExerciseStep
from sciatica_journal.gui.wizard_floor import FloorScreen
from sciatica_journal.gui.wizard_range import RangeStep
from sciatica_journal.gui.wizard_result import ResultStep, session_summary
from sciatica_journal.gui.wizard_set import SetStep
from sciatica_journal.gui.wizard_steps import (
    CHECK_IN,
    CHECK_OUT,
    EXERCISE,
    FIELD_STEP,
    RANGE,
    REPS,
    RESULT,
    step_trail,
)
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.services.container import Services
from sciatica_journal.services.operations import Operations


class SessionWizard(QDialog):
    saved = Signal(str)  # the new session's UUID

    def __init__(
        self,
        services: Services,
        drawing: BodyMapDrawing,
        parent: QWidget | None = None,
        sizes: WindowSizes | None = None,
        runner: OperationRunner | None = None,
        guide: GuideSetup | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        # Saving is an operation (it can be undone); alone (in a test) the wizard runs its
        # own runner on the same journal's operations.
        self._runner = runner or OperationRunner(services.operations, self)
        self._started_at = services.sessions.now()
        self._ended_at = self._started_at
        self._stopped = False
        self._advice: Advice = services.sessions.advice()
        self._touched = False
        self._checkout_prefilled = False
        self.setWindowTitle(_("Exercise session"))
        self.setAccessibleName(_("Exercise session"))
        self.setSizeGripEnabled(True)

        self.check_in = SymptomsStep(drawing, "before")
        self.exercise = ExerciseStep(services.program, services.sessions.choice_warning)
        # The advised exercise from the start: the steps counted above are this session's.
        self.exercise.show_advice(self._advice)
        guide = guide or GuideSetup()
        preferences = services.preferences
        self.reps = SetStep(
            services.program.pacing, lambda: guide.open(preferences.preferences()), guide.clock
        )
        self.range = RangeStep()
        self.check_out = SymptomsStep(drawing, "after")
        self.result_step = ResultStep()
        self.stack = QStackedWidget()
        # In the order of CHECK_IN ... RESULT.
        self._steps: tuple[QWidget, ...] = (
            self.check_in,
            self.exercise,
            self.reps,
            self.range,
            self.check_out,
            self.result_step,
        )
        for step in self._steps:
            # A step taller than the window scrolls; the buttons below always stay in view.
            area = scrolling(step)
            self.stack.addWidget(area)
            if step is self.reps:
                self.reps.start_keys_on(area)

        latest = services.symptoms.latest()
        self.check_in.prefill(
            services.sessions.latest_pain(), latest.symptoms if latest else SymptomMap()
        )
        for step in (self.check_in, self.check_out):
            step.editor.changed.connect(self._touch)
            step.back_pain.valueChanged.connect(self._touch)
            step.leg_pain.valueChanged.connect(self._touch)
        self.range.answered.connect(self._update_buttons)
        self.exercise.rung_changed.connect(self._update_buttons)
        self._safety = SessionSafety(
            services, self._runner, self, self.check_in, self.check_out, self._end_for_safety
        )

        # The keys are written on the buttons: &B and &N underline and answer Alt+B, Alt+N.
        self.back_button = QPushButton(_("← &Back  (Alt+B)"))
        self.back_button.setAccessibleName(_("Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.setAccessibleName(_("Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        self.cancel_button = QPushButton(_("Cancel  (Esc)"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.stop_button = QPushButton(_("&Stop — this hurts  (Alt+S)"))
        self.stop_button.setAccessibleName(_("Stop — this hurts"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip(_("Stop now: what you did is saved, counted as worse"))
        self.stop_button.clicked.connect(self.stop_for_pain)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._finish_if_last)

        bar = QHBoxLayout()
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.stop_button)
        bar.addStretch(1)
        bar.addWidget(self.back_button)
        bar.addWidget(self.next_button)
        self.progress = QLabel()
        self.progress.setObjectName("hint")
        self.progress.setAccessibleName(_("Step"))
        self.set_note = QLabel()  # what the set did, on the steps after it
        self.set_note.setObjectName("warningBox")
        self.set_note.setWordWrap(True)
        self.set_note.setAccessibleName(_("Your set"))
        self.set_note.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.set_note)
        layout.addWidget(self.stack, stretch=1)
        layout.addLayout(bar)
        frame = [self.progress, self.set_note, self.cancel_button, self.stop_button]
        frame += [self.back_button, self.next_button]
        self.floor_screen = FloorScreen(self, self.reps, services.preferences, frame, layout)
        self.reps.set_over.connect(self._set_over)
        self.reps.stop_requested.connect(self.stop_for_pain)
        # Tab from a step reaches Next first (Enter there goes on), then Back, Stop, Cancel.
        QWidget.setTabOrder(self.next_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.stop_button)
        QWidget.setTabOrder(self.stop_button, self.cancel_button)
        if sizes is not None:
            sizes.restore(self, "session", QSize(1100, 820))
        else:
            fit_to_screen(self, QSize(1100, 820))
        self._enter(CHECK_IN)

    # ---- navigation ---------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _enter(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        if step == EXERCISE:
            self.exercise.show_advice(self._advice)
        elif step == REPS:
            self.floor_screen.enter(self.exercise.selected_rung())
        if step != REPS:
            self.floor_screen.leave()
        self.set_note.setVisible(step in (RANGE, CHECK_OUT) and bool(self.set_note.text()))
        if step == CHECK_OUT:
            self.check_out.set_stopped(self._stopped)
            if not self._checkout_prefilled:  # coming back keeps what was entered there
                self.check_out.prefill(self.check_in.pain(), self.check_in.symptom_map())
                self._checkout_prefilled = True
        # Before the set Enter starts it (as Space does), never skips it; elsewhere Next.
        (self.reps.start_button if step == REPS else self.next_button).setDefault(True)
        # The step's first control, else Next: never the step's scroll area (the focus moves
        # there when the page it was on goes, e.g. after the safety questions).
        focus = getattr(self._steps[step], "focus_first", self.next_button.setFocus)
        focus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step
        self.progress.setText(step_trail(step, self.exercise.selected_rung()))
        self.back_button.setEnabled(step != CHECK_IN and not (self._stopped and step >= CHECK_OUT))
        self.stop_button.setVisible(step in (EXERCISE, REPS, RANGE))
        last = step == RESULT
        self.next_button.setText(_("&Finish  (Ctrl+Enter)") if last else _("&Next →  (Alt+N)"))
        self.next_button.setAccessibleName(_("Finish") if last else _("Next"))
        self.next_button.setEnabled(step != RANGE or self.range.complete())

    def go_back(self) -> None:
        step = self.step
        previous = {EXERCISE: CHECK_IN, REPS: EXERCISE, RANGE: REPS, RESULT: CHECK_OUT}.get(step)
        if step == CHECK_OUT:
            previous = RANGE if self.exercise.selected_rung().is_press_up else REPS
        if previous is not None:
            self._enter(previous)

    def go_next(self) -> None:
        step = self.step
        self._touched = True
        if step == CHECK_IN:
            if not self.check_in.check_complete() or not self._safety_check():
                return
            self._enter(EXERCISE)
        elif step == EXERCISE:
            self._enter(REPS)
        elif step == REPS:
            self._enter(RANGE if self.exercise.selected_rung().is_press_up else CHECK_OUT)
        elif step == RANGE:
            self._enter(CHECK_OUT)
        elif step == CHECK_OUT:
            # After a stop the scores may be left out, but not half of them.
            if (self._stopped_for_pain() and not self.check_out.touched_scores()) or (
                self.check_out.check_complete()
            ):
                self._show_result()
        elif step == RESULT:
            self._finish()

    def _set_over(self) -> None:
        """The set ran its course (or the user ended their count): on to the next question,
        with what the set did (and, after a hold, how to get up) above it."""
        self.set_note.setText(self.floor_screen.outcome_note())
        if self.step == REPS:
            self.go_next()

    def _finish_if_last(self) -> None:
        if self.step == RESULT:
            self._finish()

    def _stopped_for_pain(self) -> bool:
        return self._stopped and not self.check_out.other_reason.isChecked()

    def stop_for_pain(self) -> None:
        """Stop now: the reps done so far are kept and the session counts as worse."""
        self._stopped = True
        self._touched = True
        self.set_note.clear()  # the check-out says it was stopped
        self._enter(CHECK_OUT)

    # ---- safety -------------------------------------------------------------------

    @property
    def _ops(self) -> Operations:
        return self._services.operations

    def _safety_check(self) -> bool:
        """Ask the red flags when due; False keeps the user on the check-in step."""
        return self._safety.before_exercise()

    def _end_for_safety(self) -> None:
        """An urgent answer: the session ends, nothing of it is saved (the answers are)."""
        self._touched = False
        super().reject()

    # ---- the session --------------------------------------------------------------

    def draft(self) -> NewSession:
        rung = self.exercise.selected_rung()
        holds = rung.dose.kind == "hold"
        before = self.check_in.pain()
        if before is None:
            raise SessionError("back_pain_before", self.check_in.missing_message())
        return NewSession(
            rung=rung.slug,
            started_at=self._started_at,
            ended_at=self._ended_at,
            pain_before=before,
            pain_after=self.check_out.pain(),
            map_before=self.check_in.symptom_map(),
            map_after=self.check_out.symptom_map(),
            reps_done=None if holds else self.reps.reps(),
            hold_seconds=self.reps.hold_seconds() if holds else None,
            planned=self.reps.planned_amount(),
            range_reached=self.range.range_reached() if rung.is_press_up else None,
            pelvis_stayed_down=self.range.pelvis_stayed_down() if rung.is_press_up else None,
            stopped_for_pain=self._stopped_for_pain(),
            note=self.result_step.note.text().strip(),
            against_advice=self.exercise.against_advice(),
        )

    def _show_result(self) -> None:
        self._ended_at = self._services.sessions.now()
        try:
            draft = self.draft()
            judged, advice = self._services.sessions.preview(draft)
        except SessionError as exc:
            self._show_error(exc)
            return
        self._enter(RESULT)
        self.result_step.show_result(judged.outcome, judged.explanation, advice, self._summary())

    def _summary(self) -> str:
        return session_summary(self.draft(), self.exercise.selected_rung())

    def _finish(self) -> None:
        safety = self._safety
        try:
            draft, before, after = self.draft(), safety.check_in_screen, safety.check_out_screen
            saved = self._runner.run(lambda: self._ops.record_session(draft, before, after)).value
        except SessionError as exc:
            self._show_error(exc)
            return
        self._touched = False
        self.saved.emit(saved.uuid)
        self.accept()

    def _show_error(self, error: SessionError) -> None:
        step = FIELD_STEP.get(error.field, self.step)
        if step != self.step:
            self._enter(step)
        problem = str(error)  # a sentence's first letter up; German nouns keep their capitals
        QMessageBox.warning(
            self,
            _("Cannot save this session"),
            _("{problem}.").format(problem=problem[:1].upper() + problem[1:]),
        )

    # ---- leaving ------------------------------------------------------------------

    def _touch(self) -> None:
        self._touched = True

    def reject(self) -> None:
        if self._touched:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                _("Discard this session?"),
                _("Nothing of this session will be saved."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                self,
            )
            discard = box.button(QMessageBox.StandardButton.Discard)
            discard.setText(_("Discard the session"))
            discard.setAccessibleName(_("Discard the session"))
            keep = box.button(QMessageBox.StandardButton.Cancel)
            keep.setText(_("Keep going"))
            keep.setAccessibleName(_("Keep going"))
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.setEscapeButton(keep)
            box.exec()
            if box.clickedButton() is not discard:
                return
        self.floor_screen.close()
        super().reject()

    def done(self, result: int) -> None:
        self.floor_screen.close()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()
