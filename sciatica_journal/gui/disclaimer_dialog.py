"""The safety disclaimer: accepted once on first run, shown again from Help."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _, long_date
from sciatica_journal.domain.program import Program
from sciatica_journal.gui.window_fit import fit_to_screen, scrolling


class DisclaimerDialog(QDialog):
    """With ``accepted_on`` None it asks for acceptance; otherwise it only shows the text."""

    def __init__(
        self, program: Program, accepted_on: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(program.disclaimer_title)
        self.setAccessibleName(_("Disclaimer"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        heading = QLabel(program.disclaimer_title)
        heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        layout.addWidget(heading)
        text = QLabel(html.escape(program.disclaimer_text).replace("\n\n", "<br><br>"))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setAccessibleName(_("Disclaimer text"))
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scrolling(text), stretch=1)
        if accepted_on is None:
            self.confirm = QCheckBox(
                _("I have read this, and I will check with my physician before I start.")
            )
            self.confirm.setAccessibleName(_("I have read the disclaimer"))
            layout.addWidget(self.confirm)
            buttons = QDialogButtonBox()
            self.accept_button = buttons.addButton(
                _("Accept and continue"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.accept_button.setAccessibleName(_("Accept and continue"))
            self.accept_button.setEnabled(False)
            quit_button = buttons.addButton(_("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
            quit_button.setAccessibleName(_("Quit"))
            self.confirm.toggled.connect(self.accept_button.setEnabled)
        else:
            layout.addWidget(
                QLabel(_("You accepted this on {date}.").format(date=long_date(accepted_on)))
            )
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_("Close"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # As tall as the text needs (it scrolls on a screen too small for it).
        fit_to_screen(self, QSize(640, text.heightForWidth(600) + 110))
