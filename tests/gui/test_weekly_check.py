"""The weekly check from Today (issue 15): offered when due beside Start session (never in
its way), asked in one dialog whose controls all have accessible names, saved whole with
undo; it fits the small screen and is readable in dark mode."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from sciatica_journal.domain.measure_results import Answer, activity_item
from sciatica_journal.domain.preferences import Appearance, Preferences
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.theme import theme
from sciatica_journal.gui.weekly_check_dialog import WeeklyCheckDialog
from tests.conftest import NOW
from tests.contrast import unreadable
from tests.gui.conftest import find, when_modal
from tests.gui.test_window_fit import assert_fits

SBI_ITEMS = (
    "Leg pain",
    "Numbness or tingling in the leg, foot or groin",
    "Weakness in the leg or foot",
    "Back or leg pain while sitting",
)


@pytest.fixture
def window(qtbot, set_up_services):
    win = MainWindow(set_up_services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _fill_baseline(dialog: QWidget) -> None:
    save = find(dialog, "Save", QPushButton)
    for name, value in zip(SBI_ITEMS, (5, 3, 2, 6), strict=True):
        find(dialog, name, QSpinBox).setValue(value)
    assert not save.isEnabled()  # no activity named yet
    find(dialog, "Activity 1", QLineEdit).setText("Sitting through a meal")
    assert not save.isEnabled()  # named, not rated
    find(dialog, "Rating of activity 1", QSpinBox).setValue(2)
    find(dialog, "Activity 2", QLineEdit).setText("Walking to the shop")
    find(dialog, "Rating of activity 2", QSpinBox).setValue(5)
    assert save.isEnabled()


def test_the_baseline_from_today_saved_whole_with_undo(qtbot, set_up_services, window):
    button = find(window, "Weekly check (2 minutes)", QPushButton)
    assert button.isVisible() and find(window, "Start session", QPushButton).isEnabled()
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, WeeklyCheckDialog)
        seen.extend(w.accessibleName() for w in dialog.findChildren(QRadioButton))
        # every control the user can reach is named
        for widget in dialog.findChildren(QWidget):
            inner = widget.objectName() == "qt_spinbox_lineedit"  # the spin box's own
            reachable = isinstance(widget, QAbstractButton | QSpinBox | QLineEdit)
            if reachable and widget.isVisible() and not inner:
                assert widget.accessibleName(), widget
        _fill_baseline(dialog)
        find(dialog, "Save", QPushButton).click()

    when_modal(qtbot, answer)
    button.click()
    assert seen == []  # no global rating at the baseline
    saved = set_up_services.weekly.responses()
    assert [r.measure for r in saved] == ["sbi", "psfs"]
    assert saved[1].answers == (
        Answer(activity_item(1), 2, "Sitting through a meal"),
        Answer(activity_item(2), 5, "Walking to the shop"),
    )
    assert not button.isVisible()
    window.runner.undo()
    assert set_up_services.weekly.responses() == [] and button.isVisible()
    window.runner.redo()
    assert len(set_up_services.weekly.responses()) == 2


def test_not_now_saves_nothing(qtbot, set_up_services, window):
    when_modal(qtbot, lambda dialog: find(dialog, "Not now", QPushButton).click())
    find(window, "Weekly check (2 minutes)", QPushButton).click()
    assert set_up_services.weekly.responses() == []
    assert find(window, "Weekly check (2 minutes)", QPushButton).isVisible()


def test_a_week_later_the_activities_come_back_and_the_global_rating_is_asked(
    qtbot, set_up_services, clock
):
    weekly = set_up_services.weekly
    weekly.record(
        {
            "sbi": tuple(Answer(c.code, 3) for c in weekly.measures.measure("sbi").items),
            "psfs": (Answer(activity_item(1), 4, "Sitting"),),
        }
    )
    clock.moment = NOW + dt.timedelta(days=7)
    due = [weekly.measures.measure(c) for c in weekly.check().due]
    dialog = WeeklyCheckDialog(due, weekly.activities())
    qtbot.addWidget(dialog)
    dialog.show()
    assert find(dialog, "Activity 1", QLineEdit).text() == "Sitting"
    find(dialog, "Add an activity", QPushButton).click()
    find(dialog, "Activity 2", QLineEdit).setText("Stairs")
    find(dialog, "Rating of activity 2", QSpinBox).setValue(3)
    find(dialog, "Rating of activity 1", QSpinBox).setValue(7)
    for name in SBI_ITEMS:
        find(dialog, name, QSpinBox).setValue(1)
    assert not dialog.is_complete()  # the global rating is not answered yet
    find(dialog, "much better", QRadioButton).click()
    assert dialog.is_complete()
    answers = dialog.answers()
    assert answers["pgic"] == (Answer("pgic-change", 2),)
    assert [a.activity for a in answers["psfs"]] == ["Sitting", "Stairs"]


def test_it_fits_the_small_screen_and_reads_in_dark_mode(qtbot, set_up_services, window, qapp):
    weekly = set_up_services.weekly
    every = list(weekly.measures.measures)
    for appearance in (Appearance.LIGHT, Appearance.DARK):
        set_up_services.preferences.save(Preferences(appearance=appearance))
        theme().set_appearance(appearance)
        dialog = WeeklyCheckDialog(every, ("Sitting", "Walking", "Stairs"), window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_fits(dialog)
        assert find(dialog, "Save", QPushButton).isVisible()
        qtbot.wait(30)
        assert unreadable(dialog) == [], appearance
        dialog.reject()
    theme().reset()
