"""First run: the disclaimer must be accepted, then a short profile, then the Today page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from sciatica_journal.gui.application import run_first_run
from sciatica_journal.gui.disclaimer_dialog import DisclaimerDialog
from sciatica_journal.gui.main_window import MainWindow
from tests.gui.conftest import find, when_modal


def test_the_disclaimer_cannot_be_accepted_without_ticking_the_box(qtbot, services):
    dialog = DisclaimerDialog(services.program, None)
    qtbot.addWidget(dialog)
    dialog.show()
    accept = find(dialog, "Accept and continue", QPushButton)
    assert not accept.isEnabled()
    text = find(dialog, "Disclaimer text", QLabel).text()
    assert "physician" in text
    qtbot.mouseClick(
        find(dialog, "I have read the disclaimer", QCheckBox), Qt.MouseButton.LeftButton
    )
    assert accept.isEnabled()
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    assert dialog.result() == DisclaimerDialog.DialogCode.Accepted


def test_quitting_the_disclaimer_stores_nothing(qtbot, services):
    when_modal(
        qtbot, lambda d: qtbot.mouseClick(find(d, "Quit", QPushButton), Qt.MouseButton.LeftButton)
    )
    assert run_first_run(services) is False
    assert services.profiles.needs_disclaimer()
    assert services.stores.profiles.load_profile() is None


def test_the_whole_first_run_then_today(qtbot, services):
    def accept_disclaimer(dialog):
        qtbot.mouseClick(
            find(dialog, "I have read the disclaimer", QCheckBox), Qt.MouseButton.LeftButton
        )
        qtbot.mouseClick(
            find(dialog, "Accept and continue", QPushButton), Qt.MouseButton.LeftButton
        )
        when_modal(qtbot, fill_profile)

    def fill_profile(dialog):
        name = find(dialog, "Name", QLineEdit)
        qtbot.keyClicks(name, "Alex")
        qtbot.mouseClick(find(dialog, "Give birth date", QCheckBox), Qt.MouseButton.LeftButton)
        birth = find(dialog, "Birth date", QDateEdit)
        assert birth.displayFormat() == "yyyy-MM-dd"
        # Click into the field and type the whole date, the year in full.
        qtbot.mouseClick(birth.lineEdit(), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(birth, "1985-03-14")
        side = find(dialog, "Affected side", QComboBox)
        side.setCurrentIndex(side.findText("Left leg"))
        low = find(dialog, "Fewest sessions a day", QSpinBox)
        low.selectAll()
        qtbot.keyClicks(low, "6")
        qtbot.mouseClick(
            find(dialog, "Start using the journal", QPushButton), Qt.MouseButton.LeftButton
        )

    when_modal(qtbot, accept_disclaimer)
    assert run_first_run(services) is True
    assert services.profiles.disclaimer_accepted_on() == dt.date(2026, 11, 24)
    profile = services.profiles.profile()
    assert (profile.name, profile.affected_side.value, profile.target_min) == ("Alex", "left", 6)
    assert profile.birth_date == dt.date(1985, 3, 14)

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert find(window, "Sessions today", QLabel).text() == "0 of 6–8 today"
    assert find(window, "Next exercise", QLabel).text() == "Lying face down"
    # A second start asks nothing again.
    assert not services.profiles.needs_disclaimer()
    assert not services.profiles.needs_setup()


def test_the_profile_is_asked_again_if_setup_was_left(qtbot, services):
    services.profiles.accept_disclaimer()
    assert services.profiles.needs_setup()
    assert not services.profiles.needs_disclaimer()
