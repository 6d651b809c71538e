"""Windows fit a small screen with their buttons in view, remember the size the user chose,
and the wizard answers its keys. (The offscreen screen is 800×600: smaller than 1024×600.)
The real-X-server crawl (tests/e2e/test_crawl.py) checks the same on real screens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QWidget,
)

from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.red_flag_dialogs import RedFlagDialog
from tests.builders import new_session
from tests.gui.conftest import find
from tests.gui.test_session_wizard import score, stepped_clock, tick

LEFT = Qt.MouseButton.LeftButton


def answer_safety(qtbot) -> None:
    """Answer "no" to every safety question once the dialog is up."""

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.accessibleName() != "Safety questions":
            QTimer.singleShot(20, attempt)
            return
        for number in range(1, 8):
            tick(qtbot, dialog, f"Question {number}: no")
        qtbot.mouseClick(find(dialog, "Continue", QPushButton), LEFT)

    QTimer.singleShot(0, attempt)


def keys(qtbot, wizard, key, modifier) -> None:
    """Press a key combination in the wizard, as the active window (as on a desktop)."""
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.keyClick(wizard.focusWidget() or wizard, key, modifier)


def screen_rect() -> QRect:
    return QApplication.primaryScreen().availableGeometry()


def inside(widget: QWidget, outer: QRect) -> bool:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return outer.contains(QRect(top_left, widget.size()))


def assert_fits(window: QWidget) -> None:
    screen = screen_rect()
    assert screen.contains(window.frameGeometry()), (window.frameGeometry(), screen)
    assert window.minimumSizeHint().height() <= screen.height()
    frame = window.frameGeometry()
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.accessibleName() in {
            "Next",
            "Finish",
            "Back",
            "Cancel",
            "Stop — this hurts",
            "Continue",
            "Not now",
            "Save as PDF",
            "Print",
            "Preview",
            "Close",
        }:
            assert inside(button, frame), button.accessibleName()


@pytest.fixture
def window(qtbot, set_up_services):
    win = MainWindow(set_up_services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_main_window_fits_and_remembers_the_size_chosen(qtbot, set_up_services, window):
    assert_fits(window)
    window.resize(700, 480)
    window.close()
    again = MainWindow(set_up_services)
    qtbot.addWidget(again)
    assert again.size() == QSize(700, 480)
    # A remembered size larger than this screen is made to fit it.
    again.show()
    again.resize(3000, 2000)
    again.close()
    from sciatica_journal.gui.window_fit import SETTINGS_FILE

    assert "3000" in (set_up_services.data_dir / SETTINGS_FILE).read_text()
    third = MainWindow(set_up_services)
    qtbot.addWidget(third)
    third.show()
    assert_fits(third)
    assert third.width() < 3000


def test_every_wizard_step_fits_with_its_buttons(qtbot, window):
    wizard = window.start_session()
    qtbot.waitExposed(wizard)
    assert_fits(wizard)
    score(qtbot, wizard, "Back pain before", 4)
    score(qtbot, wizard, "Leg pain before", 5)
    answer_safety(qtbot)
    qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    qtbot.waitUntil(lambda: wizard.step == 1)
    while wizard.step < 4:  # exercise, reps or timer, and the range for press-ups
        assert_fits(wizard)
        assert find(wizard, "Stop — this hurts", QPushButton).isVisible()
        if wizard.step == 3:
            tick(qtbot, wizard, "Range: half")
            tick(qtbot, wizard, "Pelvis stayed down: yes")
        qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    assert wizard.step == 4
    assert_fits(wizard)
    score(qtbot, wizard, "Back pain after", 3)
    score(qtbot, wizard, "Leg pain after", 4)
    qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    assert wizard.step == 5
    assert_fits(wizard)
    wizard.done(0)


def test_the_wizard_keys_are_written_on_its_buttons_and_work(qtbot, set_up_services, window):
    wizard = window.start_session()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    next_button = find(wizard, "Next", QPushButton)
    back_button = find(wizard, "Back", QPushButton)
    assert "Alt+N" in next_button.text() and "Alt+B" in back_button.text()
    score(qtbot, wizard, "Back pain before", 2)
    score(qtbot, wizard, "Leg pain before", 3)
    answer_safety(qtbot)
    keys(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.step == 1)
    keys(qtbot, wizard, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.step == 0)
    keys(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.step == 1)
    # Ctrl+Enter finishes only on the last step.
    keys(qtbot, wizard, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert wizard.step == 1 and wizard.isVisible()
    while wizard.step < 4:
        if wizard.step == 3:
            tick(qtbot, wizard, "Range: full")
            tick(qtbot, wizard, "Pelvis stayed down: yes")
        step = wizard.step
        keys(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda step=step: wizard.step != step)
    score(qtbot, wizard, "Back pain after", 2)
    score(qtbot, wizard, "Leg pain after", 2)
    keys(qtbot, wizard, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.step == 5)
    finish = find(wizard, "Finish", QPushButton)
    assert "Ctrl+Enter" in finish.text()
    with qtbot.waitSignal(wizard.saved):
        keys(qtbot, wizard, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(set_up_services.sessions.today().sessions) == 1


def test_the_count_and_the_pictures_grow_with_the_window(qtbot, window):
    """The floor view's digits stand at least a third of its height, on a small screen
    and on a large one, while the set runs (in a window: full screen unticked)."""
    stepped_clock(window)  # the set waits for the test
    wizard = window.start_session()
    qtbot.waitExposed(wizard)
    wizard._enter(2)
    wizard.resize(1024, 600)
    qtbot.wait(50)
    full_screen = find(wizard, "Full screen during the set", QCheckBox)
    qtbot.mouseClick(full_screen, LEFT, pos=QPoint(8, full_screen.height() // 2))
    assert not full_screen.isChecked()
    qtbot.mouseClick(find(wizard, "Start the set", QPushButton), LEFT)
    assert wizard.reps.running and not wizard.isFullScreen()
    floor = wizard.reps.floor
    digits = floor.digits
    heights = []
    for width, height in ((1024, 600), (1920, 1080)):
        wizard.resize(width, height)
        qtbot.waitUntil(lambda width=width: wizard.width() == width)
        qtbot.wait(50)
        assert floor.height() > height * 0.8  # the set is the whole wizard
        assert digits.glyph_height() >= floor.height() / 3, (width, height)
        assert digits.height() >= digits.glyph_height()  # the layout gives them their room
        heights.append(digits.glyph_height())
    assert heights[1] > heights[0] * 1.6
    qtbot.keyClick(floor, Qt.Key.Key_Escape)  # stop: the wizard checks out
    assert not wizard.reps.running
    wizard.stack.setCurrentIndex(1)
    wizard.exercise.show_advice(wizard._advice)
    wizard.resize(700, 500)
    qtbot.wait(50)
    picture_small = wizard.exercise.correct.height()
    wizard.resize(1900, 1050)
    qtbot.wait(50)
    assert wizard.exercise.correct.height() > picture_small * 1.8
    wizard.done(0)


def test_the_safety_questions_fit_with_continue_and_not_now(qtbot, set_up_services, window):
    dialog = RedFlagDialog(set_up_services.red_flags.questions, Trigger.DAILY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_fits(dialog)
    dialog.reject()


def test_the_report_dialog_fits_and_says_when_no_viewer_opens_the_pdf(
    qtbot, set_up_services, window, clock, tmp_path: Path, monkeypatch
):
    from sciatica_journal.gui import report_dialog

    set_up_services.sessions.record(new_session(clock.now() - dt.timedelta(hours=2)))
    dialog = window.open_report()
    qtbot.waitExposed(dialog)
    assert_fits(dialog)
    monkeypatch.setattr(report_dialog, "open_file", lambda path: False)
    assert dialog.open_after.isChecked()
    assert dialog.save_pdf(tmp_path / "r.pdf")
    status = find(dialog, "Report status", QLabel).text()
    assert "Saved" in status and "No program to show PDF files could be started" in status
    dialog.reject()


def test_paused_today_shows_no_due_time_and_the_whole_banner(qtbot, set_up_services, window):
    services = set_up_services
    answers = {q.code: False for q in services.red_flags.questions}
    answers[services.red_flags.questions[0].code] = True
    services.red_flags.record(answers, Trigger.DAILY)
    window.today_page.refresh()
    page = window.today_page
    assert not page.due_label.isVisible()
    banner = page.blocked_label
    assert banner.isVisible() and banner.wordWrap()
    assert banner.height() >= banner.heightForWidth(banner.width())


def test_day_one_says_no_full_day_yet(qtbot, window):
    assert "no full day yet" in window.today_page.streak_label.text()
    assert "0.0 %" not in window.today_page.streak_label.text()


def test_lists_never_scroll_sideways(qtbot, set_up_services, window, clock):
    for hours in (1, 2, 3):
        set_up_services.sessions.record(new_session(clock.now() - dt.timedelta(hours=hours)))
    window.journal_changed.emit()
    window.resize(1000, 580)
    for row in (0, 3, 4):
        window.navigation.setCurrentRow(row)
        qtbot.wait(20)
    journal = find(window.journal_page, "Journal entries", QTableView)
    assert journal.horizontalScrollBar().maximum() == 0
    assert journal.horizontalHeader().length() <= journal.viewport().width()
    day_list = find(window.calendar_page, "Sessions on the chosen day", QListWidget)
    assert day_list.horizontalScrollBar().maximum() == 0
    today = find(window.today_page, "Today's sessions", QTableView)
    assert today.horizontalScrollBar().maximum() == 0
    assert today.item(0, 1).toolTip()


def test_tab_from_the_leg_diagram_reaches_next_first(qtbot, window):
    wizard = window.start_session()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    board = wizard.check_in.editor.map_widget
    board.focus_region("calf-left")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is board.stand_ins["calf-left"])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is find(wizard, "Next", QPushButton)
    wizard.done(0)


def test_a_settings_error_does_not_squeeze_the_other_fields(qtbot, window):
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDialog, QLineEdit

    def check(dialog: QDialog) -> None:
        try:
            measure(dialog)
        finally:
            dialog.reject()

    def measure(dialog: QDialog) -> None:
        fields = [
            w
            for kind in (QLineEdit, QAbstractSpinBox, QComboBox)
            for w in dialog.findChildren(kind)
            if w.isVisible() and not isinstance(w.parentWidget(), QAbstractSpinBox)
        ]
        before = {id(w): w.height() for w in fields}
        dialog.form.ui.wakingStartEdit.setTime(QTime(22, 0))
        dialog.form.ui.wakingEndEdit.setTime(QTime(7, 0))
        qtbot.mouseClick(find(dialog, "Save", QPushButton), LEFT)
        error = find(dialog, "Problem with the profile", QLabel)
        assert error.isVisible() and "waking hours" in error.text().lower()
        qtbot.wait(20)
        assert error.height() >= error.heightForWidth(error.width())
        for w in fields:
            assert w.height() >= min(before[id(w)], w.minimumSizeHint().height()), w
        assert screen_rect().contains(dialog.frameGeometry())

    from tests.gui.conftest import when_modal

    when_modal(qtbot, check)
    window.open_settings()


def test_each_exercise_has_one_name_everywhere(qtbot, set_up_services, window, clock, tmp_path):
    """Today, the ladder, the wizard, the Calendar and the Journal call baby press-ups by the
    same name; the report adds the clinical term in brackets."""
    from pypdf import PdfReader
    from PySide6.QtWidgets import QComboBox

    from sciatica_journal.reports.pdf_report import PdfReport
    from sciatica_journal.services.report_service import ReportOptions

    program = set_up_services.program
    baby = program.rung("baby-press-up")
    set_up_services.sessions.record(
        new_session(clock.now() - dt.timedelta(hours=1), rung="baby-press-up")
    )
    window.journal_changed.emit()
    page = window.today_page
    assert page.table.item(0, 1).text() == baby.name
    assert any(baby.name in label.text() for label in page.ladder.rows.values())
    window.navigation.setCurrentRow(3)
    day_list = find(window.calendar_page, "Sessions on the chosen day", QListWidget)
    assert baby.name in day_list.item(0).text()
    window.navigation.setCurrentRow(4)
    journal = window.journal_page
    assert journal.model.entry(0).title == baby.name
    wizard = window.start_session()
    combo = find(wizard, "Exercise", QComboBox)
    assert f"{baby.number}. {baby.name}" in [combo.itemText(i) for i in range(combo.count())]
    wizard.done(0)
    today = clock.now().date()
    data = set_up_services.reports.gather(ReportOptions(start=today, end=today))
    PdfReport(data, window.drawing).write(tmp_path / "r.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert f"{baby.name} ({baby.clinical})" in " ".join(text.split())


def test_a_long_text_scrolls_instead_of_being_cut(qtbot):
    from sciatica_journal.gui.window_fit import scrolling

    label = QLabel(" ".join(["word"] * 3000))
    label.setWordWrap(True)
    area = scrolling(label)
    qtbot.addWidget(area)
    area.resize(400, 300)
    area.show()
    qtbot.waitExposed(area)
    assert area.verticalScrollBar().maximum() > 0
    assert label.height() >= label.heightForWidth(label.width())


def test_the_wheel_over_a_pain_scale_scrolls_and_sets_nothing(qtbot, window):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    wizard = window.start_session()
    qtbot.waitExposed(wizard)
    slider = wizard.check_in.back_pain.slider
    centre = QPointF(slider.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(slider.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(slider, event)
    assert wizard.check_in.back_pain.value() is None
    wizard.done(0)


def test_a_half_scored_stop_is_not_lost(qtbot, window):
    wizard = window.start_session()
    qtbot.waitExposed(wizard)
    score(qtbot, wizard, "Back pain before", 4)
    score(qtbot, wizard, "Leg pain before", 5)
    answer_safety(qtbot)
    qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    qtbot.waitUntil(lambda: wizard.step == 1)
    qtbot.mouseClick(find(wizard, "Stop — this hurts", QPushButton), LEFT)
    assert wizard.step == 4
    score(qtbot, wizard, "Back pain after", 7)  # the leg score is left out
    qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    assert wizard.step == 4  # asked for the other score instead of dropping this one
    assert "leg pain" in find(wizard, "Missing score", QLabel).text()
    score(qtbot, wizard, "Leg pain after", 6)
    qtbot.mouseClick(find(wizard, "Next", QPushButton), LEFT)
    assert wizard.step == 5
    assert wizard.draft().pain_after is not None
    wizard.done(0)


# ---- German: the longer words still fit a 1024×600 screen --------------------------------


def clipped(page: QWidget) -> list[str]:
    """The texts of ``page`` that do not fit where they are shown: a label narrower than its
    text (or, wrapped, lower than its lines), a button narrower than its text, a table
    header narrower than its title."""
    from PySide6.QtWidgets import QHeaderView

    found = []
    for label in page.findChildren(QLabel):
        if not label.isVisibleTo(page) or not label.text():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                found.append(f"{label.text()!r}: {label.height()} < its lines")
        elif label.width() < label.sizeHint().width():
            found.append(f"{label.text()!r}: {label.width()} < {label.sizeHint().width()}")
    for button in page.findChildren(QPushButton):
        if button.isVisibleTo(page) and button.width() < button.minimumSizeHint().width():
            found.append(f"button {button.text()!r}")
    for header in page.findChildren(QHeaderView):
        if header.isVisibleTo(page) and header.orientation() == Qt.Orientation.Horizontal:
            for section in range(header.count()):
                title = str(header.model().headerData(section, Qt.Orientation.Horizontal))
                room = header.sectionSize(section) - 8  # the header's margins
                if header.fontMetrics().horizontalAdvance(title) > room:
                    found.append(f"column {title!r}")
    return found


@pytest.mark.parametrize("row", [0, 2, 3], ids=["Today", "Progress", "Calendar"])
def test_in_german_every_page_fits_1024_by_600_without_sideways_scrolling(
    qtbot, german_window, clock, row
):
    import dataclasses

    from sciatica_journal.domain.sessions import PressUpRange
    from sciatica_journal.gui.window_fit import FRAME_ALLOWANCE

    window = german_window
    window.resize(QSize(1024, 600) - FRAME_ALLOWANCE)
    window.navigation.setCurrentRow(row)
    page = window.pages.currentWidget()
    if row == 2:  # the read-out of a day with everything in it: two lines at most
        days = page._data.days
        page.show_day_at(float(days.t[-2]))
    assert_fits_sideways(qtbot, window, page)
    if row == 0:  # the day's maximum done: "done for today" is a whole sentence
        services = window._services
        for hours in (0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
            started = clock.now() - dt.timedelta(hours=hours)
            full = new_session(started, rung="full-press-up", before=(2, 2), after=(2, 2))
            services.sessions.record(
                dataclasses.replace(full, range_reached=PressUpRange.FULL, pelvis_stayed_down=True)
            )
        window.journal_changed.emit()
        assert "Für heute geschafft" in page.due_label.text()
        assert_fits_sideways(qtbot, window, page)


def assert_fits_sideways(qtbot, window: MainWindow, page: QWidget) -> None:
    qtbot.wait(50)
    area = window.page_area
    assert area.horizontalScrollBar().maximum() == 0, page.minimumSizeHint()
    assert page.width() <= area.viewport().width()
    assert clipped(page) == []
