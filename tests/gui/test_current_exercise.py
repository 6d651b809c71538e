"""One current exercise and guarded choices (issue 14 points 1-2): after a session that
spread the symptoms down the leg, Today, the ladder, the wizard's default, the PDF and the
summary all name the advised exercise; choosing against the advice asks first, and a
session chosen against it says so in the Journal and the report."""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QTableView

from sciatica_journal.gui.ladder_widget import LadderWidget
from sciatica_journal.gui.main_window import JOURNAL, MainWindow
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services.report_service import ReportOptions
from sciatica_journal.storage import models
from tests.builders import record_a_spread
from tests.conftest import NOW
from tests.gui.conftest import add_wizard, find, when_modal
from tests.gui.test_session_wizard import (
    check_in,
    choose,
    count_myself,
    press,
    score,
    tick,
)

STEP_DOWN = "↓ Stepped down from baby press-ups on 24 Nov: your symptoms spread down to the foot"
REPORT_LINE = (
    "Lying propped on elbows (prone lying on elbows) — stepped down from baby press-ups "
    "(partial prone press-up) on 24 Nov after symptoms spread to the foot"
)


@pytest.fixture
def stepped_down(set_up_services):
    record_a_spread(set_up_services, NOW)
    return set_up_services


@pytest.fixture
def window(qtbot, stepped_down):
    win = MainWindow(stepped_down)
    qtbot.addWidget(win)
    win.show()
    return win


def pdf_text(services, tmp_path) -> str:
    from pypdf import PdfReader

    target = tmp_path / "report.pdf"
    write_report(services.reports.gather(ReportOptions()), BodyMapDrawing(services.catalog), target)
    raw = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    # One line of text, a word wrapped after its hyphen ("press- ups") joined again.
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw)).replace("- ", "-")


def start(qtbot, window):
    wizard = window.start_session()
    assert wizard is not None
    add_wizard(qtbot, wizard)
    check_in(qtbot, wizard)
    return wizard


def test_every_view_names_the_advised_exercise_after_a_spread(
    qtbot, window, stepped_down, tmp_path
):
    # Today and its ladder.
    assert find(window, "Next exercise", QLabel).text() == "Lying propped on elbows"
    ladder = find(window, "Exercise ladder", LadderWidget)
    assert ladder.rows["prone-prop"].text().startswith("▶ 2. Lying propped on elbows")
    assert ladder.rows["prone-prop"].property("current") is True
    assert ladder.rows["baby-press-up"].text().startswith("↓ 3. Baby press-ups")
    assert ladder.rows["baby-press-up"].accessibleName() == (
        "3. Baby press-ups (stepped down from here)"
    )
    assert not ladder.rows["baby-press-up"].property("current")
    assert find(ladder, "Stepped down", QLabel).text() == STEP_DOWN
    # The wizard's default.
    wizard = start(qtbot, window)
    assert wizard.exercise.selected_slug() == "prone-prop"
    assert find(wizard, "Exercise", QComboBox).currentText() == "2. Lying propped on elbows"
    assert "go one step down, to lying propped on elbows" in (
        find(wizard, "Why this exercise", QLabel).text()
    )
    # The summary (as summary --json prints it) and the PDF.
    summary = stepped_down.summaries.summary().as_json()
    assert summary["current_rung"] == "prone-prop"
    assert summary["advice"]["rung"] == "prone-prop"
    assert summary["advice"]["kind"] == "step-down"
    assert summary["advice"]["stepped_down_from"]["rung"] == "baby-press-up"
    assert f"Current exercise {REPORT_LINE}" in pdf_text(stepped_down, tmp_path)


def answer(qtbot, seen: dict[str, str], button: str):
    """Note the question's texts and buttons, then press ``button``."""

    def act(box) -> None:
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        seen["warning"] = box.informativeText()
        seen["buttons"] = sorted(b.accessibleName() for b in box.buttons())
        seen["default"] = box.defaultButton().accessibleName()
        press(qtbot, box, button)

    when_modal(qtbot, act)


def test_the_rung_that_just_made_things_worse_asks_and_cancelling_keeps_the_advice(qtbot, window):
    wizard = start(qtbot, window)
    seen: dict[str, str] = {}
    answer(qtbot, seen, "Keep the advised exercise")
    combo = find(wizard, "Exercise", QComboBox)
    combo.setCurrentIndex(combo.findData("baby-press-up"))
    assert seen == {
        "title": "Not the advised exercise",
        "warning": "Last time, on 24 Nov, baby press-ups made things worse (your symptoms "
        "spread further down the leg). The advice is to skip it for now and do lying "
        "propped on elbows instead.",
        "buttons": ["Do it anyway", "Keep the advised exercise"],
        "default": "Keep the advised exercise",
    }
    assert wizard.exercise.selected_slug() == "prone-prop"
    assert not wizard.exercise.against_advice()
    assert find(wizard, "Exercise", QComboBox).currentText() == "2. Lying propped on elbows"
    assert wizard.draft().against_advice is False


def test_a_higher_rung_asks_with_its_reason(qtbot, window):
    wizard = start(qtbot, window)
    seen: dict[str, str] = {}
    answer(qtbot, seen, "Keep the advised exercise")
    combo = find(wizard, "Exercise", QComboBox)
    combo.setCurrentIndex(combo.findData("full-press-up"))
    assert seen["warning"] == (
        "Full press-ups is higher up the ladder than the advised exercise, lying propped on "
        "elbows. Going up before you are ready can make your symptoms worse or spread them "
        "down the leg."
    )
    assert wizard.exercise.selected_slug() == "prone-prop"
    # Escape keeps the advice too; a lower rung is chosen without a question.
    when_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    combo.setCurrentIndex(combo.findData("full-press-up"))
    assert wizard.exercise.selected_slug() == "prone-prop"
    assert wizard.exercise.warning_for("prone-lying") is None
    combo.setCurrentIndex(combo.findData("prone-lying"))
    assert wizard.exercise.selected_slug() == "prone-lying"
    assert not wizard.exercise.against_advice()


def test_doing_it_anyway_is_recorded_and_shown_in_the_journal_and_report(
    qtbot, window, stepped_down, tmp_path
):
    wizard = start(qtbot, window)
    seen: dict[str, str] = {}
    answer(qtbot, seen, "Do it anyway")
    combo = find(wizard, "Exercise", QComboBox)
    combo.setCurrentIndex(combo.findData("baby-press-up"))
    assert wizard.exercise.selected_slug() == "baby-press-up" and wizard.exercise.against_advice()
    # The page says the heading is not the advice.
    assert (
        find(wizard, "Why this exercise", QLabel)
        .text()
        .startswith(
            "You chose Baby press-ups instead of the advised exercise. The advice: Last time"
        )
    )
    choose(qtbot, wizard, "baby-press-up")  # already confirmed: no second question
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Back")  # coming back keeps the choice
    assert wizard.exercise.selected_slug() == "baby-press-up" and wizard.exercise.against_advice()
    press(qtbot, wizard, "Next")
    count_myself(qtbot, wizard, 6)
    tick(qtbot, wizard, "Range: half")
    tick(qtbot, wizard, "Pelvis stayed down: yes")
    press(qtbot, wizard, "Next")
    score(qtbot, wizard, "Back pain after", 4)
    score(qtbot, wizard, "Leg pain after", 5)
    press(qtbot, wizard, "Next")
    with qtbot.waitSignal(wizard.saved):
        press(qtbot, wizard, "Finish")
    with stepped_down.journal.bound():
        row = models.ExerciseSession.select().order_by(models.ExerciseSession.id.desc()).first()
        earlier = [s.against_advice for s in models.ExerciseSession.select()][:-1]
    assert row.rung == "baby-press-up" and row.against_advice is True
    assert earlier == [False, False]
    # The Journal's entry says so.
    window.navigation.setCurrentRow(JOURNAL)
    view = find(window, "Journal entries", QTableView)
    model = view.model()
    texts = [
        str(model.index(r, c).data() or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    marked = [t for t in texts if "chosen against the advice" in t]
    assert len(marked) == 1, texts
    # The report's day says so.
    assert "15:00 Baby press-ups (partial prone press-up): chosen against the advice" in pdf_text(
        stepped_down, tmp_path
    )
    assert stepped_down.transfer.journal_document()["sessions"][-1]["against_advice"] is True
