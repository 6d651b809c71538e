"""Settings change the profile (bad values refused at the field); Help shows disclaimer, version."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
)

from sciatica_journal import __version__
from sciatica_journal.gui.main_window import MainWindow
from tests.gui.conftest import find, when_modal


def _window(qtbot, services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def _set_spin(qtbot, spin: QSpinBox, value: int) -> None:
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def test_changing_the_target_band_updates_today(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)

    def edit(dialog):
        _set_spin(qtbot, find(dialog, "Fewest sessions a day", QSpinBox), 4)
        _set_spin(qtbot, find(dialog, "Most sessions a day", QSpinBox), 6)
        qtbot.mouseClick(find(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, edit)
    window.open_settings()
    assert find(window, "Sessions today", QLabel).text() == "0 of 4–6 today"
    assert set_up_services.profiles.profile().target_max == 6


def test_a_birth_date_is_typed_in_full_in_settings(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)

    def edit(dialog):
        qtbot.mouseClick(find(dialog, "Give birth date", QCheckBox), Qt.MouseButton.LeftButton)
        birth = find(dialog, "Birth date", QDateEdit)
        birth.setFocus()
        qtbot.keyClick(birth, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
        qtbot.keyClicks(birth, "1961-11-30")
        qtbot.mouseClick(find(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, edit)
    window.open_settings()
    assert set_up_services.profiles.profile().birth_date == dt.date(1961, 11, 30)


def test_bad_waking_hours_are_refused_at_the_field(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    seen = {}

    def edit(dialog):
        find(dialog, "Waking hours start", QTimeEdit).setTime(QTime(22, 0))
        find(dialog, "Waking hours end", QTimeEdit).setTime(QTime(8, 0))
        qtbot.mouseClick(find(dialog, "Save", QPushButton), Qt.MouseButton.LeftButton)
        error = find(dialog, "Problem with the profile", QLabel)
        seen["error"] = error.text() if error.isVisible() else ""
        seen["still_open"] = dialog.isVisible()
        seen["focus"] = dialog.focusWidget().accessibleName() if dialog.focusWidget() else ""
        qtbot.mouseClick(find(dialog, "Cancel", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, edit)
    window.open_settings()
    assert seen["error"] == "Waking hours must end after they start."
    assert seen["still_open"]
    assert seen["focus"] == "Waking hours end"
    assert set_up_services.profiles.profile().waking_start.hour == 7


def test_cancel_keeps_the_old_profile(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)

    def edit(dialog):
        qtbot.keyClicks(find(dialog, "Name", QLineEdit), "Sam")
        qtbot.mouseClick(find(dialog, "Cancel", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, edit)
    window.open_settings()
    assert set_up_services.profiles.profile().name == ""


def test_help_shows_the_accepted_disclaimer(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    seen = {}

    def look(dialog):
        seen["text"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        qtbot.mouseClick(find(dialog, "Close", QPushButton), Qt.MouseButton.LeftButton)

    when_modal(qtbot, look)
    window.show_disclaimer()
    assert "You accepted this on Tuesday 24 November 2026." in seen["text"]
    assert "physician" in seen["text"]


def test_about_names_the_version(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    seen = {}

    def look(box):
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.accept()

    when_modal(qtbot, look)
    window.show_about()
    assert __version__ in seen["text"]


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _part_of_a_combo_box(widget) -> bool:
    """Qt's own inner parts: a combo box's popup list, a calendar's table and headers."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox) or parent.objectName().startswith("qt_"):
            return True
        parent = parent.parent()
    return False


def _unnamed(root) -> list[str]:
    return [
        f"{type(w).__name__}:{w.objectName()}:{getattr(w, 'text', lambda: '')()}"
        for kind in INTERACTIVE
        for w in root.findChildren(kind)
        if not w.accessibleName()
        and not _part_of_a_combo_box(w)
        and w.parent() is not None
        and not w.objectName().startswith("qt_")  # Qt's own parts of a spin box or calendar
    ]


def test_every_interactive_control_has_an_accessible_name(qtbot, set_up_services):
    window = _window(qtbot, set_up_services)
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        page = window.pages.currentWidget()
        assert _unnamed(page) == [], window.navigation.item(row).text()
    problems = {}

    def inspect(dialog: QDialog):
        problems["settings"] = _unnamed(dialog)
        dialog.reject()

    when_modal(qtbot, inspect)
    window.open_settings()
    assert problems["settings"] == []


def test_an_unexpected_error_is_shown_not_swallowed(qtbot, set_up_services):
    from sciatica_journal.gui.application import _report_unexpected

    seen = {}

    def look(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(qtbot, look)
    _report_unexpected(OSError, OSError("disk full"), None)
    assert "disk full" in seen["text"]
    assert "may not have been saved" in seen["text"]
