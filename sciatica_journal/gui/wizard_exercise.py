"""The wizard's exercise steps: what to do (with the picture pair), guided reps or hold,
and for press-ups how far up and whether the pelvis stayed down."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.advice import Advice
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.domain.sessions import PressUpRange
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
        self.reason.setAccessibleName("Why this exercise")
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setObjectName("warningBox")
        self.contact.setAccessibleName("Contact your clinician")
        self.choice = QComboBox()
        self.choice.setAccessibleName("Exercise")
        for rung in program.rungs:
            self.choice.addItem(rung.label, rung.slug)
        self.choice.currentIndexChanged.connect(
            lambda _: self.rung_changed.emit(self.selected_slug())
        )
        self.choice.currentIndexChanged.connect(lambda _: self._show(self.selected_rung()))
        choose = QHBoxLayout()
        choose_label = QLabel("&Exercise:")
        choose_label.setBuddy(self.choice)
        choose.addWidget(choose_label)
        choose.addWidget(self.choice, stretch=1)

        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setAccessibleName("Steps")
        self.correct = SvgPicture("Correct position")
        self.incorrect = SvgPicture("Incorrect position")
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
        self.cautions.setAccessibleName("Cautions")

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
        self.title.setText(f"{rung.name}: {rung.dose.describe()}")
        self.title.setToolTip(rung.clinical_name)
        items = "".join(f"<li>{step}</li>" for step in rung.steps)
        self.steps.setText(f"<ol style='margin-left:0'>{items}</ol>")
        pictures = rung.pictures
        found = self.correct.load(str(resource_path("exercises", pictures.correct)))
        self.incorrect.load(str(resource_path("exercises", pictures.incorrect)))
        self.correct.setVisible(found)
        self.incorrect.setVisible(found)
        self.correct_caption.setText(f"✓ Correct: {pictures.correct_cue}")
        self.incorrect_caption.setText(f"✗ Incorrect: {pictures.incorrect_cue}")
        self.cautions.setText("⚠ " + "<br>⚠ ".join(rung.cautions))


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
        self.counter.setAccessibleName("Count")
        self.target = QLabel()
        self.target.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plus = QPushButton("+1 repetition  (Space)")
        self.plus.setAccessibleName("Add a repetition")
        self.plus.setObjectName("bigButton")
        self.plus.clicked.connect(lambda: self.set_reps(self.reps() + 1))
        self.minus = QPushButton("−1")
        self.minus.setAccessibleName("Remove a repetition")
        self.minus.clicked.connect(lambda: self.set_reps(self.reps() - 1))
        self.start_pause = QPushButton("Start")
        self.start_pause.setAccessibleName("Start or pause the timer")
        self.start_pause.setObjectName("bigButton")
        self.start_pause.clicked.connect(self._toggle_clock)
        self.reset = QPushButton("Reset")
        self.reset.setAccessibleName("Reset the timer")
        self.reset.clicked.connect(self._reset_clock)
        self.pace = QCheckBox("Pace me (a cue every 3 seconds)")
        self.pace.setAccessibleName("Pace cue")
        self.pace.toggled.connect(self._toggle_pace)
        self.cue = QLabel()
        self.cue.setObjectName("cue")
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cue.setAccessibleName("Pace")
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
            self.target.setText(f"Hold for {rung.dose.describe().removeprefix('hold ')}")
        else:
            self.target.setText(f"Aim: {rung.dose.minimum}–{rung.dose.maximum} repetitions")

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
        if not self.holds:
            self.counter.setText(str(self._reps))
            self.counter.setAccessibleDescription(f"{self._reps} repetitions")

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
        self.counter.setText(f"{left // 60}:{left % 60:02d}")
        self.counter.setAccessibleDescription(f"{left} seconds left")
        self.start_pause.setText("Pause" if self.clock.running else "Start")
        if left == 0 and self.clock.running:
            self.clock.pause()
            self._tick.stop()
            self.start_pause.setText("Start")
            self.cue.setText("Done. Roll to your side to get up.")

    def _toggle_pace(self, on: bool) -> None:
        if on:
            self._phase = 0
            self._next_cue()
            self._pace_timer.start()
        else:
            self._pace_timer.stop()
            self.cue.clear()

    def _next_cue(self) -> None:
        cues = ("Hold and breathe", "Relax") if self.holds else ("Press up…", "…and lower slowly")
        self.cue.setText(cues[self._phase % 2])
        self._phase += 1

    def stop_timers(self) -> None:
        self.clock.pause()
        self._tick.stop()
        self._pace_timer.stop()


class RangeStep(QWidget):
    """For press-ups: how far up, and did the pelvis stay down."""

    answered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("How far did you get?")
        title.setObjectName("pageTitle")
        hint = QLabel(
            "Count only the height you reached before your pelvis began to rise. "
            "Answer both questions to go on."
        )
        hint.setWordWrap(True)
        self.range_group = QButtonGroup(self)
        range_box = QFrame()
        range_layout = QVBoxLayout(range_box)
        for index, value in enumerate(PressUpRange):
            button = QRadioButton(value.words.capitalize())
            button.setAccessibleName(f"Range: {value.value}")
            self.range_group.addButton(button, index)
            range_layout.addWidget(button)
        pelvis_title = QLabel("Did your pelvis stay down on the bed or floor?")
        pelvis_title.setObjectName("fieldTitle")
        self.pelvis_group = QButtonGroup(self)
        yes, no = QRadioButton("Yes, it stayed down"), QRadioButton("No, it lifted")
        yes.setAccessibleName("Pelvis stayed down: yes")
        no.setAccessibleName("Pelvis stayed down: no")
        self.pelvis_group.addButton(yes, 1)
        self.pelvis_group.addButton(no, 0)
        pelvis = QHBoxLayout()
        pelvis.addWidget(yes)
        pelvis.addWidget(no)
        pelvis.addStretch(1)
        self.range_group.idToggled.connect(lambda *_: self.answered.emit())
        self.pelvis_group.idToggled.connect(lambda *_: self.answered.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(range_box)
        layout.addWidget(pelvis_title)
        layout.addLayout(pelvis)
        layout.addStretch(1)

    def complete(self) -> bool:
        return self.range_group.checkedId() >= 0 and self.pelvis_group.checkedId() >= 0

    def range_reached(self) -> PressUpRange | None:
        index = self.range_group.checkedId()
        return None if index < 0 else list(PressUpRange)[index]

    def pelvis_stayed_down(self) -> bool | None:
        answer = self.pelvis_group.checkedId()
        return None if answer < 0 else answer == 1

    def focus_first(self) -> None:
        buttons = self.range_group.buttons()
        if buttons:
            buttons[0].setFocus()
