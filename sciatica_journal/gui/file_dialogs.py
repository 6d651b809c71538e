"""Choosing a file or folder, in a dialog that fits the screen it opens on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from sciatica_journal.gui.window_fit import fit_to_screen

WANTED = QSize(900, 560)


def _run(dialog: QFileDialog) -> Path | None:
    fit_to_screen(dialog, WANTED)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_save_path(parent: QWidget, title: str, proposed: Path, name_filter: str) -> Path | None:
    dialog = QFileDialog(parent, title, str(proposed.parent), name_filter)
    dialog.setAccessibleName(title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(proposed.name)
    return _run(dialog)


def ask_open_path(parent: QWidget, title: str, folder: Path, name_filter: str) -> Path | None:
    dialog = QFileDialog(parent, title, str(folder), name_filter)
    dialog.setAccessibleName(title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def ask_folder(parent: QWidget, title: str, folder: Path) -> Path | None:
    dialog = QFileDialog(parent, title, str(folder))
    dialog.setAccessibleName(title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
