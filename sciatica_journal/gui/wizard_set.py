"""The wizard's set step (issue 13): get ready, then the set itself in the floor view.

Before the set: how many press-ups are planned (the dose's default), whether the app paces
and counts them or the user counts, full screen or not, and Start. A hold is timed.

While the set runs the floor view is the whole step:
- paced press-ups and holds: the cues of ``domain.pacing`` on the clock (``GuidedSet``);
  Space pauses and goes on; any other key or a click anywhere is "Stop — this hurts";
- counting oneself: Space or a click adds one (the count may pass the dose, with a note),
  Backspace takes one away, Enter ends the set; Esc or any other key is the stop.
F11 switches full screen at any time. When the set has run its course (the last words said)
the step says so (``set_over``) and the wizard moves on; a key or a click then goes on at
once. A stop is said ("Stopped") and reported (``stop_requested``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QPushButton,
    QStackedLayout,
    QWidget,
)

from sciatica_journal.domain.language import _, n_
from sciatica_journal.domain.pacing import Cue, CueKind, Timeline, guide_timeline, number_words
from sciatica_journal.domain.pacing_plan import PacingPlan, Speed
from sciatica_journal.domain.program import Rung
from sciatica_journal.domain.timekeeping import duration_words
from sciatica_journal.gui.floor_view import FloorView
from sciatica_journal.gui.guided_set import Clock, GuidedSet, Player
from sciatica_journal.gui.set_choices import SetChoices

PlayerSource = Callable[[], tuple[Player | None, str | None]]  # (player, notice)


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _reps_words(reps: int) -> str:
    return n_("{n} repetition", "{n} repetitions", reps).format(n=reps)


class SetStep(QWidget):
    started = Signal()  # the set began: the wizard gives it the screen
    set_over = Signal()  # the set ran its course, or the user ended their own count
    stop_requested = Signal()  # "Stop — this hurts" from the floor
    full_screen_wanted = Signal()  # F11 during the set

    def __init__(
        self,
        plan: PacingPlan,
        player: PlayerSource,
        clock: Clock = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._plan = plan
        self._player_source = player
        self._clock = clock
        self._rung: Rung | None = None
        self._speed = Speed.NORMAL
        self._guided: GuidedSet | None = None
        self._manual = False  # a set the user counts, running
        self._count = 0  # the user's own count
        self._player: Player | None = None

        ready = self._ready = SetChoices()
        self.title, self.aim, self.planned = ready.title, ready.aim, ready.planned
        self.paced, self.own_count, self.full_screen = (
            ready.paced,
            ready.own_count,
            ready.full_screen,
        )
        self.start_button, self.notice, self.last_set = (
            ready.start_button,
            ready.notice,
            ready.last_set,
        )
        self.keys, self.press_up_choices = ready.keys, ready.press_up_choices
        self.start_button.clicked.connect(self.start_set)
        self.paced.toggled.connect(self._show_keys)

        self.floor = FloorView()
        self.floor.pressed.connect(self._pressed)
        self.add_button = QPushButton(_("+1  (Space)"))
        self.add_button.setAccessibleName(_("Add a repetition"))
        self.add_button.clicked.connect(lambda: self._add(1))
        self.remove_button = QPushButton(_("−1  (Backspace)"))
        self.remove_button.setAccessibleName(_("Remove a repetition"))
        self.remove_button.clicked.connect(lambda: self._add(-1))
        self.done_button = QPushButton(_("Set done  (Enter)"))
        self.done_button.setAccessibleName(_("Set done"))
        self.done_button.clicked.connect(self._end_own_count)
        for button in (self.remove_button, self.add_button, self.done_button):
            self.floor.add_button(button)

        self.pages = QStackedLayout(self)
        self.pages.addWidget(ready)
        self.pages.addWidget(self.floor)

    # ---- the rung and the choices ------------------------------------------------

    def set_rung(self, rung: Rung, speed: Speed, counts_for_me: bool, full_screen: bool) -> None:
        self._speed = speed
        if self._rung is not None and self._rung.slug == rung.slug:
            return
        self.halt()
        self._rung = rung
        self._guided = None  # what was done belongs to the rung it was done on
        self._count = 0
        self.last_set.hide()
        self.title.setText(rung.name)
        dose = rung.dose
        self.press_up_choices.setVisible(not self.holds)
        if self.holds:
            self.aim.setText(_("Hold for {time}").format(time=duration_words(dose.default)))
        else:
            self.aim.setText(
                _("Aim: {fewest}–{most} repetitions").format(fewest=dose.minimum, most=dose.maximum)
            )
            self.planned.setRange(dose.minimum, dose.maximum)
            self.planned.setValue(dose.default)
        (self.paced if counts_for_me else self.own_count).setChecked(True)
        self.full_screen.setChecked(full_screen)
        self.start_button.setText(_("Start  (Space)"))
        self._show_keys()

    @property
    def holds(self) -> bool:
        return self._rung is not None and self._rung.dose.kind == "hold"

    @property
    def running(self) -> bool:
        """The set is on screen: begun and not yet over or stopped."""
        return self.pages.currentWidget() is self.floor

    def counts_for_me(self) -> bool:
        return self.paced.isChecked()

    def focus_first(self) -> None:
        self.start_button.setFocus()

    def start_keys_on(self, widget: QWidget) -> None:
        """Space on ``widget`` (the wizard's scroll area around the step) starts the set."""
        self._ready.listen(widget)

    def _show_keys(self) -> None:
        if self.holds or self.paced.isChecked():
            text = _(
                "During the set: Space pauses and goes on; any other key or a click anywhere "
                "stops it (Stop — this hurts)."
            )
        else:
            text = _(
                "During the set: Space or a click adds one, Backspace takes one away, Enter "
                "ends the set; Esc stops it (Stop — this hurts)."
            )
        self.keys.setText(text)
        self._show_floor_keys()

    def _show_floor_keys(self) -> None:
        """The floor view's keys line: what the keys do now (running, paused, at the end)."""
        guided = self._guided if self.running and not self._manual else None
        over = guided is not None and guided.over()
        # The set's work is done: there is nothing left to stop, only to go on from.
        self.floor.stop_button.setVisible(not over)
        if over:
            short = _("Any key or a click: go on")
        elif guided is not None and guided.paused:
            short = _("Space: go on · any other key or a click: stop")
        elif self.holds or self.paced.isChecked():
            short = _("Space: pause · any other key or a click: stop")
        else:
            short = _("Space or a click: +1 · Enter: set done · Esc: stop")
        if self.floor.hint.text() != short:
            self.floor.hint.setText(short)

    def prepare_sound(self) -> None:
        """Open the sound for this session's sets (once): its notice is shown here."""
        if self._player is None:
            self._player, notice = self._player_source()
            self.notice.setText(notice or "")
            self.notice.setVisible(bool(notice))
            self.floor.show_notice(notice)

    # ---- the set --------------------------------------------------------------------

    def start_set(self) -> None:
        rung = self._rung
        if rung is None or self.running:
            return
        self.halt()
        self.prepare_sound()
        self._count = 0
        self.floor.title.setText(rung.name)
        self.floor.apply_colours()
        self.pages.setCurrentWidget(self.floor)
        own = not self.holds and not self.paced.isChecked()
        for button in (self.add_button, self.remove_button, self.done_button):
            button.setVisible(own)
        self.started.emit()
        self.floor.setFocus()
        if own:
            self._guided = None  # what was done is this set's count, not an earlier set's
            self._manual = True
            self._show_floor_keys()
            self.floor.show_instruction(_("Count each press-up"))
            self._show_own_count()
            return
        if self.holds:
            timeline = guide_timeline(rung, self._plan, seconds=rung.dose.default)
        else:
            timeline = guide_timeline(
                rung, self._plan, reps=self.planned.value(), speed=self._speed
            )
        self._show_goal(timeline)
        if self._player is not None and hasattr(self._player, "prepare"):
            self._player.prepare(timeline)
        guided = GuidedSet(timeline, self._player, self._clock, self)
        guided.cue.connect(self._cue)
        guided.ticked.connect(self._ticked)
        guided.ended.connect(self._finish_set)
        self._guided = guided
        self._show_floor_keys()
        self._ticked(0)
        guided.start()

    def _show_goal(self, timeline: Timeline) -> None:
        if timeline.kind == "hold":
            self.floor.goal.setText(_("of {time}").format(time=clock_text(timeline.planned)))
        else:
            self.floor.goal.setText(_("of {n}").format(n=timeline.planned))

    def _cue(self, cue: Cue) -> None:
        # A screen reader hears a count as the count, the last seconds of a hold once (as
        # the seconds left, not each number), every other cue as the voice says it.
        said = "" if cue.kind is CueKind.COUNT else cue.words
        if cue.kind is CueKind.COUNTDOWN and self._guided is not None:
            left = round((self._guided.timeline.ends_ms - cue.at_ms) / 1000)
            if self._guided.last_countdown_start != cue.at_ms:
                return
            said = n_("{n} second left", "{n} seconds left", left).format(n=left)
        self.floor.show_instruction(
            cue.shown, said, assertive=cue.kind in (CueKind.HOLD_END, CueKind.SET_END)
        )
        if cue.kind is CueKind.COUNT and cue.rep is not None:
            self.floor.show_count(str(cue.rep), _reps_words(cue.rep), say=True)

    def _ticked(self, elapsed_ms: int) -> None:
        guided = self._guided
        if guided is None:
            return
        if guided.timeline.kind == "hold":
            left = guided.timeline.planned - guided.timeline.seconds_held(elapsed_ms)
            spoken = n_("{n} second left", "{n} seconds left", left).format(n=left)
            self.floor.show_count(clock_text(left), spoken)
        else:
            reps = guided.reps_done()
            self.floor.show_count(str(reps), _reps_words(reps))
        self._show_floor_keys()  # at the end of the set's work: any key goes on

    def _pressed(self, key: object) -> None:
        if key == Qt.Key.Key_F11:
            self.full_screen_wanted.emit()
            return
        guided = self._guided
        if self._manual:
            if key in ("click", Qt.Key.Key_Space, Qt.Key.Key_Plus):
                self._add(1)
            elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Minus):
                self._add(-1)
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._end_own_count()
            else:
                self.stop()
        elif guided is not None and guided.over():
            self._finish_set()  # the user is back before the last words ended: go on
        elif guided is not None and key == Qt.Key.Key_Space:
            guided.toggle_pause()
            if guided.paused:
                self.floor.show_instruction(_("Paused: Space goes on"))
            elif guided.last_cue is not None:
                self.floor.show_instruction(guided.last_cue.shown)
            self._show_floor_keys()
        else:
            self.stop()

    def _add(self, step: int) -> None:
        if not self._manual:
            return
        self._count = max(0, min(100, self._count + step))
        self._show_own_count()
        if step > 0 and self._player is not None:
            words = number_words(self._count)
            self._player.play(Cue(0, CueKind.COUNT, words, words, self._count))

    def _show_own_count(self) -> None:
        self.floor.show_count(str(self._count), _reps_words(self._count), say=True)
        rung = self._rung
        if rung is not None and self._count > rung.dose.maximum:
            self.floor.goal.setText(
                _("Above the dose of {fewest}–{most} repetitions").format(
                    fewest=rung.dose.minimum, most=rung.dose.maximum
                )
            )
        else:
            self.floor.goal.setText(_("of {n}").format(n=self.planned.value()))

    def _end_own_count(self) -> None:
        if self._manual:
            self._finish_set()

    def _finish_set(self) -> None:
        if not self.running:
            return
        if self._guided is not None and not self._guided.finished:
            self._guided.halt()
        self._manual = False
        self._leave_floor()
        self.set_over.emit()

    def stop(self) -> None:
        """Stop — this hurts, from the floor: "Stopped" is said, the wizard checks out."""
        if not self.running:
            return
        if self._guided is not None:
            self._guided.stop()
        elif self._player is not None:
            self._player.stop()
        self._manual = False
        self.floor.show_instruction(_("Stopped"), assertive=True)
        self._leave_floor()
        self.stop_requested.emit()

    def _leave_floor(self) -> None:
        self.pages.setCurrentIndex(0)
        self.last_set.setText(self.summary())
        self.last_set.show()
        self.start_button.setText(_("Start again  (Space)"))

    def halt(self) -> None:
        """The wizard leaves the step or closes: the clock and the sound stop quietly."""
        if self._guided is not None:
            self._guided.halt()
        if self.running:
            self._manual = False
            self.pages.setCurrentIndex(0)

    def close_sound(self) -> None:
        player, self._player = self._player, None
        close = getattr(player, "close", None)
        if close is not None:
            close()

    # ---- what was done ---------------------------------------------------------------

    def reps(self) -> int:
        if self._guided is not None and self._guided.timeline.kind == "reps":
            return self._guided.reps_done()
        return self._count

    def hold_seconds(self) -> int:
        if self._guided is not None and self._guided.timeline.kind == "hold":
            return self._guided.seconds_held()
        return 0

    def planned_amount(self) -> int | None:
        if self._rung is None:
            return None
        return self._rung.dose.default if self.holds else self.planned.value()

    def summary(self) -> str:
        """What the set did, in words ("7 of 10 repetitions", "held 0:03 of 3:00")."""
        planned = self.planned_amount() or 0
        if self.holds:
            return _("Held {done} of {planned}").format(
                done=clock_text(self.hold_seconds()), planned=clock_text(planned)
            )
        return n_("{n} of {planned} repetition", "{n} of {planned} repetitions", planned).format(
            n=self.reps(), planned=planned
        )
