"""Asking before an exercise is chosen against the advice (DESIGN §2.2 rule 10): the
reason, and two plain buttons; the default keeps the advised exercise."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from sciatica_journal.domain.language import _


def against_advice_box(parent: QWidget | None, warning: str) -> tuple[QMessageBox, QAbstractButton]:
    """The question, not yet shown: "Do it anyway" or "Keep the advised exercise" (the
    default, also on Escape); with its "Do it anyway" button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Not the advised exercise"))
    box.setAccessibleName(_("Not the advised exercise"))
    box.setText(_("This is not the exercise the app advises now."))
    box.setInformativeText(warning)
    anyway = box.addButton(_("Do it anyway"), QMessageBox.ButtonRole.AcceptRole)
    anyway.setAccessibleName(_("Do it anyway"))
    keep = box.addButton(_("Keep the advised exercise"), QMessageBox.ButtonRole.RejectRole)
    keep.setAccessibleName(_("Keep the advised exercise"))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box, anyway


def confirm_against_advice(parent: QWidget | None, warning: str) -> bool:
    """Ask; True only when the user chose "Do it anyway"."""
    box, anyway = against_advice_box(parent, warning)
    box.exec()
    return box.clickedButton() is anyway
