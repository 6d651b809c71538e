"""The set step before the set (issue 13): the exercise and its dose, how many press-ups
are planned, whether the app leads and counts them or the user counts, full screen, the
keys of the set, the sound's notice, what the last set did, and Start.

Space starts the set whichever of the step's controls has the focus (the number planned,
the choices, the step itself), as Enter does (Start is the wizard's default button on this
step): a key meant for the set never skips it. The choices keep their letters (Alt+L, Alt+C,
Alt+F) and the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _


class SetChoices(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.aim = QLabel()
        self.aim.setWordWrap(True)
        self.aim.setAccessibleName(_("Dose"))
        self.planned = QSpinBox()
        self.planned.setAccessibleName(_("Repetitions planned"))
        planned_label = QLabel(_("Repetitions &planned:"))
        planned_label.setBuddy(self.planned)
        self.paced = QRadioButton(_("&Lead and count for me (hands-free)"))
        self.paced.setAccessibleName(_("Lead and count for me"))
        self.paced.setChecked(True)
        self.own_count = QRadioButton(_("I &count myself (Space or a click adds one)"))
        self.own_count.setAccessibleName(_("I count myself"))
        self.full_screen = QCheckBox(_("&Full screen during the set  (F11)"))
        self.full_screen.setAccessibleName(_("Full screen during the set"))
        self.full_screen.setChecked(True)
        self.start_button = QPushButton(_("Start  (Space)"))
        self.start_button.setAccessibleName(_("Start the set"))
        self.start_button.setObjectName("startButton")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("hint")
        self.notice.setAccessibleName(_("Sound"))
        self.notice.hide()
        self.last_set = QLabel()
        self.last_set.setObjectName("hint")
        self.last_set.setAccessibleName(_("Last set"))
        self.last_set.hide()
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        self.keys.setObjectName("hint")

        self.press_up_choices = QWidget()
        choices = QVBoxLayout(self.press_up_choices)
        choices.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(planned_label)
        row.addWidget(self.planned)
        row.addStretch(1)
        choices.addLayout(row)
        choices.addWidget(self.paced)
        choices.addWidget(self.own_count)

        ready_layout = QVBoxLayout(self)
        ready_layout.addWidget(self.title)
        ready_layout.addWidget(self.aim)
        ready_layout.addWidget(self.press_up_choices)
        ready_layout.addWidget(self.full_screen)
        ready_layout.addWidget(self.keys)
        ready_layout.addWidget(self.notice)
        ready_layout.addStretch(1)
        ready_layout.addWidget(self.last_set, alignment=Qt.AlignmentFlag.AlignCenter)
        ready_layout.addWidget(self.start_button, alignment=Qt.AlignmentFlag.AlignCenter)
        ready_layout.addStretch(1)
        for widget in (self, *self.findChildren(QWidget)):
            widget.installEventFilter(self)

    def listen(self, widget: QWidget) -> None:
        """Space on ``widget`` (e.g. the scroll area the step is in) starts the set too."""
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.isVisible()
            # Space ticks a focused check box or radio button, as everywhere (keyboard and
            # screen-reader users rely on it); Enter starts the set from them.
            and not (isinstance(watched, QAbstractButton) and watched is not self.start_button)
        ):
            if not event.isAutoRepeat() and self.start_button.isEnabled():
                self.start_button.click()
            return True
        return super().eventFilter(watched, event)
