"""The wizard's exercise steps: what to do (with the picture pair), and the guided reps or
hold (the range question after press-ups is in ``wizard_range``)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.advice import Advice
from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.timekeeping import duration_words
from sciatica_journal.gui.announcements import announce, hold_milestone
from sciatica_journal.gui.svg_picture import SvgPicture
from sciatica_journal.paths import resource_path


class ExerciseStep(QWidget):
    """The recommended exercise and why, alternatives, steps, picture pair, cautions."""

    rung_changed = Signal(str)

    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(_("Why this exercise"))
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setObjectName("warningBox")
        self.contact.setAccessibleName(_("Contact your clinician"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("Exercise"))
        for rung in program.rungs:
            self.choice.addItem(rung.label, rung.slug)
        self.choice.currentIndexChanged.connect(
            lambda _: self.rung_changed.emit(self.selected_slug())
        )
        self.choice.currentIndexChanged.connect(lambda _: self._show(self.selected_rung()))
        choose = QHBoxLayout()
        choose_label = QLabel(_("&Exercise:"))
        choose_label.setBuddy(self.choice)
        choose.addWidget(choose_label)
        choose.addWidget(self.choice, stretch=1)

        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setAccessibleName(_("Steps"))
        self.correct = SvgPicture(_("Correct position"))
        self.incorrect = SvgPicture(_("Incorrect position"))
        self.correct_caption = QLabel()
        self.incorrect_caption = QLabel()
        for caption in (self.correct_caption, self.incorrect_caption):
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
        pictures = QGridLayout()
        pictures.addWidget(self.correct, 0, 0)
        pictures.addWidget(self.incorrect, 0, 1)
        pictures.addWidget(self.correct_caption, 1, 0)
        pictures.addWidget(self.incorrect_caption, 1, 1)
        self.cautions = QLabel()
        self.cautions.setWordWrap(True)
        self.cautions.setObjectName("cautionBox")
        self.cautions.setAccessibleName(_("Cautions"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(self.contact)
        layout.addLayout(choose)
        layout.addWidget(self.steps)
        layout.addLayout(pictures, stretch=1)
        layout.addWidget(self.cautions)

    def show_advice(self, advice: Advice) -> None:
        self.reason.setText(advice.reason)
        self.contact.setText(advice.contact_reason)
        self.contact.setVisible(advice.contact_clinician)
        self.choice.setCurrentIndex(self.choice.findData(advice.rung.slug))
        self._show(advice.rung)

    def selected_slug(self) -> str:
        return str(self.choice.currentData())

    def selected_rung(self) -> Rung:
        return self._program.rung(self.selected_slug())

    def _show(self, rung: Rung) -> None:
        self.title.setText(
            _("{exercise}: {dose}").format(exercise=rung.name, dose=rung.dose.describe())
        )
        self.title.setToolTip(rung.clinical_name)
        items = "".join(f"<li>{step}</li>" for step in rung.steps)
        self.steps.setText(f"<ol style='margin-left:0'>{items}</ol>")
        pictures = rung.pictures
        found = self.correct.load(str(resource_path("exercises", pictures.correct)))
        self.incorrect.load(str(resource_path("exercises", pictures.incorrect)))
        self.correct.setVisible(found)
        self.incorrect.setVisible(found)
        self.correct_caption.setText(_("✓ Correct: {cue}").format(cue=pictures.correct_cue))
        self.incorrect_caption.setText(_("✗ Incorrect: {cue}").format(cue=pictures.incorrect_cue))
        self.cautions.setText("⚠ " + "<br>⚠ ".join(rung.cautions))


HOLD_CUES = (N_("Hold and breathe"), N_("Relax"))
PRESS_UP_CUES = (N_("Press up…"), N_("…and lower slowly"))


class HoldClock:
    """A pausable stopwatch on the monotonic clock (immune to clock changes)."""

    def __init__(self) -> None:
        self._running_since: float | None = None
        self._banked = 0.0

    @property
    def running(self) -> bool:
        return self._running_since is not None

    def start(self) -> None:
        if self._running_since is None:
            self._running_since = time.monotonic()

    def pause(self) -> None:
        if self._running_since is not None:
            self._banked += time.monotonic() - self._running_since
            self._running_since = None

    def reset(self) -> None:
        self._running_since, self._banked = None, 0.0

    def elapsed(self) -> float:
        running = 0.0 if self._running_since is None else time.monotonic() - self._running_since
        return self._banked + running


class RepsStep(QWidget):
    """A large rep counter (press-ups) or a hold timer (lying rungs), and a pace cue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rung: Rung | None = None
        self.clock = HoldClock()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.counter = QLabel("0")
        self.counter.setObjectName("counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setAccessibleName(_("Count"))
        self.target = QLabel()
        self.target.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plus = QPushButton(_("+1 repetition  (Space)"))
        self.plus.setAccessibleName(_("Add a repetition"))
        self.plus.setObjectName("bigButton")
        self.plus.clicked.connect(lambda: self.set_reps(self.reps() + 1))
        self.minus = QPushButton("−1")
        self.minus.setAccessibleName(_("Remove a repetition"))
        self.minus.clicked.connect(lambda: self.set_reps(self.reps() - 1))
        self.start_pause = QPushButton(_("Start"))
        self.start_pause.setAccessibleName(_("Start or pause the timer"))
        self.start_pause.setObjectName("bigButton")
        self.start_pause.clicked.connect(self._toggle_clock)
        self.reset = QPushButton(_("Reset"))
        self.reset.setAccessibleName(_("Reset the timer"))
        self.reset.clicked.connect(self._reset_clock)
        self.pace = QCheckBox(_("Pace me (a cue every 3 seconds)"))
        self.pace.setAccessibleName(_("Pace cue"))
        self.pace.toggled.connect(self._toggle_pace)
        self.cue = QLabel()
        self.cue.setObjectName("cue")
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue.setAccessibleName(_("Pace"))
        self._pace_timer = QTimer(self)
        self._pace_timer.setInterval(3000)
        self._pace_timer.timeout.connect(self._next_cue)
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._show_clock)
        self._reps = 0
        self._digits = 0

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.minus, self.plus, self.start_pause, self.reset):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addStretch(1)
        layout.addWidget(self.counter)
        layout.addWidget(self.target)
        layout.addLayout(buttons)
        layout.addWidget(self.cue)
        layout.addWidget(self.pace, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The count and the cue grow with the window: readable from the floor."""
        size = event.size()
        digits = max(56, min(round(size.height() * 0.3), round(size.width() * 0.22), 420))
        if digits != self._digits:
            self._digits = digits
            self.counter.setStyleSheet(f"font-size: {digits}px;")
            self.cue.setStyleSheet(f"font-size: {max(22, digits // 4)}px;")
        super().resizeEvent(event)

    def set_rung(self, rung: Rung) -> None:
        if self._rung is not None and self._rung.slug == rung.slug:
            return
        self._rung = rung
        holds = rung.dose.kind == "hold"
        self.title.setText(rung.name)
        for widget in (self.plus, self.minus):
            widget.setVisible(not holds)
        for widget in (self.start_pause, self.reset):
            widget.setVisible(holds)
        self.set_reps(0)
        self._reset_clock()
        if holds:
            self.target.setText(_("Hold for {time}").format(time=duration_words(rung.dose.default)))
        else:
            self.target.setText(
                _("Aim: {fewest}–{most} repetitions").format(
                    fewest=rung.dose.minimum, most=rung.dose.maximum
                )
            )

    @property
    def holds(self) -> bool:
        return self._rung is not None and self._rung.dose.kind == "hold"

    def focus_first(self) -> None:
        (self.start_pause if self.holds else self.plus).setFocus()

    def reps(self) -> int:
        return self._reps

    def set_reps(self, value: int) -> None:
        top = self._rung.dose.maximum if self._rung and not self.holds else 100
        self._reps = max(0, min(top, value))
        if not self.holds and self.counter.text() != str(self._reps):
            self.counter.setText(str(self._reps))
            spoken = n_("{n} repetition", "{n} repetitions", self._reps).format(n=self._reps)
            self.counter.setAccessibleDescription(spoken)
            announce(self.counter, spoken)

    def hold_seconds(self) -> int:
        return round(self.clock.elapsed())

    def _toggle_clock(self) -> None:
        if self.clock.running:
            self.clock.pause()
            self._tick.stop()
        else:
            self.clock.start()
            self._tick.start()
        self._show_clock()

    def _reset_clock(self) -> None:
        self.clock.reset()
        self._tick.stop()
        self._show_clock()

    def _show_clock(self) -> None:
        if not self.holds or self._rung is None:
            return
        goal = self._rung.dose.default
        elapsed = self.clock.elapsed()
        left = max(0, goal - int(elapsed))
        shown = f"{left // 60}:{left % 60:02d}"
        if shown != self.counter.text():
            self.counter.setText(shown)
            self.counter.setAccessibleDescription(
                n_("{n} second left", "{n} seconds left", left).format(n=left)
            )
            milestone = hold_milestone(left, goal) if self.clock.running else None
            if milestone is not None:
                announce(self.counter, milestone)
        self.start_pause.setText(_("Pause") if self.clock.running else _("Start"))
        if left == 0 and self.clock.running:
            self.clock.pause()
            self._tick.stop()
            self.start_pause.setText(_("Start"))
            self.cue.setText(_("Done. Roll to your side to get up."))
            announce(self.cue, self.cue.text(), assertive=True)

    def _toggle_pace(self, on: bool) -> None:
        if on:
            self._phase = 0
            self._next_cue()
            self._pace_timer.start()
        else:
            self._pace_timer.stop()
            self.cue.clear()

    def _next_cue(self) -> None:
        cues = HOLD_CUES if self.holds else PRESS_UP_CUES
        self.cue.setText(_(cues[self._phase % 2]))
        announce(self.cue, self.cue.text())
        self._phase += 1

    def stop_timers(self) -> None:
        self.clock.pause()
        self._tick.stop()
        self._pace_timer.stop()
