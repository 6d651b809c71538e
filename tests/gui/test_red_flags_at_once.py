"""Red flags in full (issue 14.4): marking the saddle, or newly both legs, asks the safety
questions at once (the wizard's check-in and check-out, the Symptoms page), answers given
so are not asked again at Next or Save; the Journal lists each screening with its "yes"
answers; the PDF lists each screening with a "yes" with its date, time and questions."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QLabel

from sciatica_journal.domain.journal import EntryKind
from sciatica_journal.domain.red_flags import ScreenResult, Trigger
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.session_wizard import CHECK_IN, CHECK_OUT, EXERCISE, SessionWizard
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import write_report
from sciatica_journal.services.report_service import ReportOptions
from sciatica_journal.storage import models
from tests.builders import new_session, symptom_map
from tests.gui.conftest import add_wizard, find, when_modal
from tests.gui.test_session_wizard import check_out, press, region_click, score, tick


def _answers(services, *yes: str) -> dict[str, bool]:
    return {q.code: q.code in yes for q in services.program.red_flags}


def open_wizard(qtbot, services) -> SessionWizard:
    wizard = SessionWizard(services, BodyMapDrawing(services.catalog))
    add_wizard(qtbot, wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def asked(qtbot, seen: list[dict], yes=(), then=None) -> None:
    """Answer the next safety questions (``yes``: numbers answered yes), noting when they
    came up; ``then``: the button of the screen after a "yes"."""

    def answer(dialog):
        seen.append(
            {
                "title": dialog.windowTitle(),
                "intro": " ".join(label.text() for label in dialog.findChildren(QLabel)),
            }
        )
        for number in range(1, 8):
            tick(qtbot, dialog, f"Question {number}: {'yes' if number in yes else 'no'}")
        if then is not None:
            when_modal(qtbot, lambda told: press(qtbot, told, then))
        press(qtbot, dialog, "Continue")

    when_modal(qtbot, answer)


def no_dialog_now() -> None:
    assert QApplication.activeModalWidget() is None


def test_marking_the_saddle_at_the_check_in_asks_at_once_and_not_again_at_next(
    qtbot, set_up_services
):
    services = set_up_services
    assert services.red_flags.due_today()  # the day's first session: due anyway
    wizard = open_wizard(qtbot, services)
    seen: list[dict] = []
    asked(qtbot, seen)
    region_click(qtbot, wizard.check_in, "saddle")
    qtbot.waitUntil(lambda: len(seen) == 1 and QApplication.activeModalWidget() is None)
    assert wizard.step == CHECK_IN  # asked on the mark, before Next
    assert "You marked the area between your legs" in seen[0]["intro"]
    region_click(qtbot, wizard.check_in, "calf-left")  # more marks: not asked again
    qtbot.wait(50)
    no_dialog_now()
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 4)
    press(qtbot, wizard, "Next")
    assert wizard.step == EXERCISE  # straight on: the answers count for this session
    no_dialog_now()
    assert services.red_flags.screens_today() == []  # kept with the session, at Finish
    press(qtbot, wizard, "Next")  # lying face down, a hold
    press(qtbot, wizard, "Next")
    check_out(qtbot, wizard, back=3, leg=4)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    assert len(seen) == 1
    (screen,) = services.red_flags.screens_today()
    assert (screen.trigger, screen.result) == (Trigger.SADDLE, ScreenResult.CLEAR)
    assert services.red_flags.pending() is None
    assert not services.red_flags.due_today()


def test_an_urgent_yes_on_marking_ends_the_session_and_pauses_the_day(qtbot, set_up_services):
    services = set_up_services
    services.red_flags.record(_answers(services), Trigger.DAILY)
    wizard = open_wizard(qtbot, services)
    seen: list[dict] = []
    asked(qtbot, seen, yes={3}, then="I understand")
    region_click(qtbot, wizard.check_in, "saddle")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert services.red_flags.blocked_today()
    urgent = services.red_flags.screens_today()[-1]
    assert urgent.result is ScreenResult.URGENT and urgent.yes == ["incontinence"]
    assert services.sessions.today().sessions == ()  # the session ended, not saved


def test_newly_both_legs_at_the_check_out_asks_at_once_and_is_saved_with_the_session(
    qtbot, set_up_services
):
    services = set_up_services
    services.red_flags.record(_answers(services), Trigger.DAILY)  # today's are answered
    wizard = open_wizard(qtbot, services)
    seen: list[dict] = []
    region_click(qtbot, wizard.check_in, "calf-left")
    qtbot.wait(50)
    no_dialog_now()  # one leg only: nothing to ask
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 4)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Next")
    assert wizard.step == CHECK_OUT
    asked(qtbot, seen, yes={7}, then="Continue")
    region_click(qtbot, wizard.check_out, "calf-right")  # now both legs
    qtbot.waitUntil(lambda: len(seen) == 1 and QApplication.activeModalWidget() is None)
    assert wizard.step == CHECK_OUT
    assert "You marked symptoms in both legs" in seen[0]["intro"]
    check_out(qtbot, wizard, back=3, leg=4)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    _daily, after = services.red_flags.screens_today()
    assert (after.trigger, after.result) == (Trigger.BOTH_LEGS, ScreenResult.CONTACT_DOCTOR)
    assert after.yes == ["general-illness"]
    assert services.red_flags.pending() is None  # answered: not due again
    with services.journal.bound():
        row = models.RedFlagScreen.get(models.RedFlagScreen.uuid == after.uuid)
        assert row.session is not None  # kept with the session


def test_an_urgent_yes_at_the_check_out_keeps_the_session_that_was_done(qtbot, set_up_services):
    services = set_up_services
    services.red_flags.record(_answers(services), Trigger.DAILY)
    wizard = open_wizard(qtbot, services)
    seen: list[dict] = []
    score(qtbot, wizard, "Back pain before", 3)
    score(qtbot, wizard, "Leg pain before", 4)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Next")
    assert wizard.step == CHECK_OUT
    asked(qtbot, seen, yes={3}, then="I understand")
    region_click(qtbot, wizard.check_out, "saddle")
    qtbot.waitUntil(lambda: len(seen) == 1 and QApplication.activeModalWidget() is None)
    assert services.red_flags.blocked_today()  # the day is paused at once
    assert wizard.isVisible() and wizard.step == CHECK_OUT  # the exercise is not lost
    check_out(qtbot, wizard, back=3, leg=4)
    press(qtbot, wizard, "Next")
    press(qtbot, wizard, "Finish")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert len(services.sessions.today().sessions) == 1  # saved, with its check-out map
    assert services.red_flags.blocked_today()  # and still no other session today


def test_marking_the_saddle_on_the_symptoms_page_asks_at_once_and_save_does_not_ask_again(
    qtbot, set_up_services
):
    services = set_up_services
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1200, 900)
    window.show()
    window.navigation.setCurrentRow(1)
    qtbot.waitExposed(window)
    page = window.symptoms_page
    seen: list[dict] = []
    asked(qtbot, seen, yes={2}, then="I understand")
    region_click(qtbot, page, "saddle")
    qtbot.waitUntil(lambda: len(seen) == 1 and QApplication.activeModalWidget() is None)
    assert services.symptoms.latest() is None  # asked before Save
    (screen,) = services.red_flags.screens_today()  # kept at once
    assert screen.result is ScreenResult.URGENT and screen.yes == ["bladder-difficulty"]
    press(qtbot, page, "Save check-in")
    qtbot.wait(50)
    no_dialog_now()
    assert len(seen) == 1
    assert services.symptoms.latest() is not None
    assert services.red_flags.pending() is None  # answered for this map
    assert len(services.red_flags.screens_today()) == 1


def test_not_now_on_marking_is_not_asked_at_every_click_and_stays_due(qtbot, set_up_services):
    services = set_up_services
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(1)
    qtbot.waitExposed(window)
    page = window.symptoms_page
    put_off = []
    when_modal(qtbot, lambda d: (put_off.append(d.windowTitle()), press(qtbot, d, "Not now")))
    region_click(qtbot, page, "saddle")
    qtbot.waitUntil(lambda: bool(put_off) and QApplication.activeModalWidget() is None)
    region_click(qtbot, page, "calf-left")
    qtbot.wait(50)
    no_dialog_now()
    press(qtbot, page, "Save check-in")
    qtbot.wait(50)
    no_dialog_now()
    assert put_off == ["Safety questions"]
    assert services.red_flags.pending() is Trigger.SADDLE  # asked at the next save or session


def test_the_journal_lists_a_screening_with_its_yes_answers(qtbot, set_up_services):
    services = set_up_services
    services.red_flags.record(
        _answers(services, "bladder-difficulty", "incontinence"), Trigger.SADDLE
    )
    services.red_flags.record(_answers(services), Trigger.DAILY)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.navigation.setCurrentRow(window.pages.indexOf(window.journal_page))
    qtbot.waitExposed(window)
    model = window.journal_page.model
    rows = [model.entry(r) for r in range(model.rowCount())]
    screenings = [e for e in rows if e.kind is EntryKind.SCREENING]
    assert [e.title for e in screenings] == ["Safety questions", "Safety questions"]
    urgent = next(e for e in screenings if e.summary.startswith("Urgent"))
    assert urgent.summary == (
        "Urgent: emergency care advised — yes to “New difficulty passing urine”, "
        "“New loss of bladder or bowel control” · asked because the area between the legs "
        "was marked"
    )
    assert any(e.summary.startswith("All answered “no”") for e in screenings)
    assert urgent.local_time.strftime("%H:%M") == "15:00"  # Berlin time
    # Shown, not edited: no note to write, no delete.
    window.journal_page.select(*urgent.key)
    assert not find(window.journal_page, "Delete").isEnabled()


def test_the_pdf_lists_each_screening_with_a_yes_with_date_time_and_words(
    qapp, set_up_services, clock, tmp_path: Path
):
    services = set_up_services
    services.sessions.record(
        new_session(clock.now() - dt.timedelta(hours=1), map_before=symptom_map("calf-left"))
    )
    services.red_flags.record(_answers(services), Trigger.DAILY)  # "no": not a red flag
    services.red_flags.record(_answers(services, "saddle-numbness"), Trigger.SADDLE)
    services.red_flags.record(_answers(services, "general-illness"), Trigger.BOTH_LEGS)
    target = tmp_path / "report.pdf"
    write_report(services.reports.gather(ReportOptions()), BodyMapDrawing(services.catalog), target)
    raw = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    flat = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw))
    assert (
        "Tue 24 Nov 2026, 15:00 — urgent (emergency care advised): yes to “Numbness or a "
        "changed feeling in the saddle area”" in flat
    )
    assert (
        "Tue 24 Nov 2026, 15:00 — contact the doctor promptly: yes to “Fever, unexplained "
        "weight loss, a history of cancer, or severe pain at night”" in flat
    )
    assert "1 screening in the period answered “no” to every question" in flat
    assert "none reported" not in flat
