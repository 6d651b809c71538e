"""The Journal's Show list: which kinds of entry the list shows (the filter is the
service's, in SQL)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.domain.language import N_, _

SHOWN = (  # each choice: its text and the kinds it shows (None: every kind)
    (N_("All entries"), None),
    (N_("Exercise sessions"), frozenset({EntryKind.SESSION})),
    (N_("Symptom check-ins"), frozenset({EntryKind.CHECK_IN})),
    (N_("Notes"), frozenset({EntryKind.NOTE})),
    (N_("Safety questions"), frozenset({EntryKind.SCREENING})),
)


class ShowList(QComboBox):
    """ "Show: All entries / Exercise sessions / ..."; ``chosen`` sends the kinds."""

    chosen = Signal(object)  # frozenset[EntryKind] | None (every kind)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Show entries"))
        self.setToolTip(_("Which kinds of entry the list shows"))
        for text, _kinds in SHOWN:
            self.addItem(_(text))
        self.currentIndexChanged.connect(self._chose)

    def labelled(self) -> QHBoxLayout:
        """The list with its label, in a row of their own."""
        layout = QHBoxLayout()
        label = QLabel(_("Show:"))
        label.setBuddy(self)
        layout.addWidget(label)
        layout.addWidget(self)
        layout.addStretch(1)
        return layout

    def _chose(self, choice: int) -> None:
        self.chosen.emit(SHOWN[choice][1] if 0 <= choice < len(SHOWN) else None)
