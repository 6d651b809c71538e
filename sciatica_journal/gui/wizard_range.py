"""The wizard's press-up step after the exercise: how far up, and whether the pelvis
stayed down (both answered before going on)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.sessions import PressUpRange

# Each range in a word, for screen readers (the English is the stored value).
RANGE_NAMES = {
    PressUpRange.QUARTER: N_("quarter"),
    PressUpRange.HALF: N_("half"),
    PressUpRange.THREE_QUARTERS: N_("three-quarters"),
    PressUpRange.FULL: N_("full"),
}


class RangeStep(QWidget):
    """For press-ups: how far up, and did the pelvis stay down."""

    answered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(_("How far did you get?"))
        title.setObjectName("pageTitle")
        hint = QLabel(
            _(
                "Count only the height you reached before your pelvis began to rise. "
                "Answer both questions to go on."
            )
        )
        hint.setWordWrap(True)
        self.range_group = QButtonGroup(self)
        range_box = QFrame()
        range_layout = QVBoxLayout(range_box)
        for index, value in enumerate(PressUpRange):
            words = value.words  # starts the line: its first letter up, the rest as written
            button = QRadioButton(words[:1].upper() + words[1:])
            button.setAccessibleName(_("Range: {range}").format(range=_(RANGE_NAMES[value])))
            self.range_group.addButton(button, index)
            range_layout.addWidget(button)
        pelvis_title = QLabel(_("Did your pelvis stay down on the bed or floor?"))
        pelvis_title.setObjectName("fieldTitle")
        self.pelvis_group = QButtonGroup(self)
        yes, no = QRadioButton(_("Yes, it stayed down")), QRadioButton(_("No, it lifted"))
        yes.setAccessibleName(_("Pelvis stayed down: yes"))
        no.setAccessibleName(_("Pelvis stayed down: no"))
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
