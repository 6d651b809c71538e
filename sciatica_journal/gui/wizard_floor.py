"""The wizard's side of the floor view (issue 13): while a set runs it is the whole window,
full screen when the user wants it (the default; F11 or the step's check box switches it,
and the choice is remembered), and the window comes back as it was when the set ends.

``FloorScreen`` owns that: the set step's preferences (pace, counting, full screen) on
entering the step, the wizard's frame hidden during the set, F11, and closing the sound
when the wizard closes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QDialog, QWidget

from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import Rung
from sciatica_journal.gui.wizard_set import SetStep
from sciatica_journal.services.preferences_service import PreferencesService


class FloorScreen:
    def __init__(
        self,
        wizard: QDialog,
        step: SetStep,
        preferences: PreferencesService,
        frame: list[QWidget],
        layout: QBoxLayout,
    ) -> None:
        self._wizard = wizard
        self._step = step
        self._preferences = preferences
        self._frame = frame  # the step's name, the buttons: hidden during the set
        self._layout = layout
        self._margins = layout.contentsMargins()
        self._made_full = False  # this set made the window full screen
        step.started.connect(self._set_started)
        step.set_over.connect(self._set_ended)
        step.stop_requested.connect(self._set_ended)
        step.full_screen_wanted.connect(self.toggle_full_screen)
        step.full_screen.toggled.connect(self._remember_full_screen)
        step.paced.toggled.connect(self._remember_counting)
        f11 = QShortcut(QKeySequence(Qt.Key.Key_F11), wizard, self.toggle_full_screen)
        f11.setContext(Qt.ShortcutContext.WindowShortcut)

    def enter(self, rung: Rung) -> None:
        chosen = self._preferences.preferences()
        self._step.set_rung(rung, chosen.speed, chosen.counts_for_me, chosen.full_screen)
        self._step.prepare_sound()

    def leave(self) -> None:
        self._step.halt()
        self._set_ended()

    def close(self) -> None:
        self.leave()
        self._step.close_sound()

    def outcome_note(self) -> str:
        summary = self._step.summary()
        if self._step.holds:
            return _("✓ {summary}. Roll to your side and get up slowly.").format(summary=summary)
        return _("✓ {summary}.").format(summary=summary)

    # ---- the frame ----------------------------------------------------------------

    def _set_started(self) -> None:
        for widget in self._frame:
            widget.setProperty("floorHidden", widget.isVisible())
            widget.hide()
        self._layout.setContentsMargins(0, 0, 0, 0)
        if self._step.full_screen.isChecked() and not self._wizard.isFullScreen():
            self._made_full = True
            self._wizard.showFullScreen()

    def _set_ended(self) -> None:
        for widget in self._frame:
            if widget.property("floorHidden"):
                widget.setProperty("floorHidden", None)
                widget.show()
        self._layout.setContentsMargins(self._margins)
        if self._made_full:
            self._made_full = False
            self._wizard.showNormal()

    def toggle_full_screen(self) -> None:
        """F11: the set (or the step) full screen, or back in a window; remembered."""
        wizard = self._wizard
        if wizard.isFullScreen():
            self._made_full = False
            wizard.showNormal()
            self._step.full_screen.setChecked(False)
        else:
            self._made_full = self._step.running
            wizard.showFullScreen()
            self._step.full_screen.setChecked(True)

    def _remember_full_screen(self, on: bool) -> None:
        chosen = self._preferences.preferences()
        if chosen.full_screen != on:
            self._preferences.save(replace(chosen, full_screen=on))

    def _remember_counting(self, paced: bool) -> None:
        chosen = self._preferences.preferences()
        if chosen.counts_for_me != paced:
            self._preferences.save(replace(chosen, counts_for_me=paced))
