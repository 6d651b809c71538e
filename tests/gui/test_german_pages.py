"""Today, Progress and Calendar in German, with a few days of use in the journal: no
English left in what they show (texts, tooltips, accessible names and descriptions, table
and list entries), nor in the charts' titles, legends and axes, and dates, times and
numbers written the German way."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QDate

from sciatica_journal.domain.language import long_date
from sciatica_journal.domain.red_flags import Trigger
from sciatica_journal.gui.main_window import CALENDAR, PROGRESS, TODAY, MainWindow
from sciatica_journal.services.container import Services
from tests.conftest import NOW
from tests.gui.german_journal import german_journal
from tests.gui.german_walk import english_left, english_words

# English names of days and months (German writes "Nov." with its dot, "Dez.", "Mo.").
ENGLISH_DATES = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mar|May|Jun|Jul|Sep|Oct|Dec)\b"
    r"|\b(Jan|Feb|Apr|Aug|Nov)\b(?!\.)"
    r"|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|December|October)\b"
)


@pytest.fixture
def german(qapp, data_dir, clock) -> Iterator[Services]:
    with german_journal(qapp, data_dir, clock) as services:
        yield services


@pytest.fixture
def window(qtbot, german) -> MainWindow:
    shown = MainWindow(german)
    qtbot.addWidget(shown)
    shown.resize(1180, 800)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def no_english(texts: list[str]) -> list[str]:
    return [t for t in texts if english_words(t) or ENGLISH_DATES.search(t)]


def test_today_is_german(qtbot, window, german):
    window.navigation.setCurrentRow(TODAY)
    page = window.today_page
    assert english_left(page) == []
    assert page.date_label.text() == long_date(NOW.date()) == "Dienstag, 24. November 2026"
    assert page.table.rowCount() == 2 and page.table.item(0, 0).text() == "10:00"
    header = [page.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert header == ["Uhrzeit", "Übung", "Gemacht", "Rückenschmerz", "Beinschmerz", "Ergebnis"]
    assert "Serie: 5 Tage im Ziel" in page.streak_label.text()
    ladder = [label.text() for label in page.ladder.rows.values()]
    assert any("(Ziel" in text for text in ladder), ladder
    assert any("jetzt" in text for text in ladder), ladder
    assert page.ladder.best.text().startswith("Bester Liegestütz bisher: ganz nach oben")
    tooltips = [label.toolTip() for label in page.ladder.rows.values()]
    assert no_english(tooltips) == []


def test_today_paused_by_a_safety_answer_is_german(qtbot, window, german):
    answers = {q.code: False for q in german.red_flags.questions}
    answers[german.red_flags.questions[0].code] = True
    german.red_flags.record(answers, Trigger.DAILY)
    window.today_page.refresh()
    assert window.today_page.blocked_label.isVisible()
    assert english_left(window.today_page) == []


def _chart_texts(page) -> list[str]:
    """The titles, legend entries and axis labels the charts draw (graphics items, which
    the widget walk does not see)."""
    page.charts.grab()  # painted once: the date axis measures its labels when painting
    texts = []
    for plot in (
        page.charts.pain_plot,
        page.charts.extent_plot,
        page.charts.count_plot,
        page.charts.range_plot,
    ):
        texts.append(plot.titleLabel.text)
        texts += [label.text for _sample, label in page.charts.legend(plot).items]
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            low, high = plot.viewRange()[0 if side == "bottom" else 1]
            size = plot.vb.width() if side == "bottom" else plot.vb.height()
            for spacing, values in axis.tickValues(low, high, size):
                texts += axis.tickStrings(values, 1.0, spacing)
    return [t for t in texts if t]


def test_progress_is_german_in_every_period(qtbot, window):
    window.navigation.setCurrentRow(PROGRESS)
    page = window.progress_page
    qtbot.wait(20)
    assert english_left(page) == []
    buttons = [b.text() for b in page.preset_group.buttons()]
    assert buttons == ["7 Tage", "30 Tage", "90 Tage", "Alle"]
    assert [b.accessibleName() for b in page.preset_group.buttons()][:2] == [
        "Die letzten 7 Tage zeigen",
        "Die letzten 30 Tage zeigen",
    ]
    for days in (7, 30, 90, None):
        page.show_days(days)
        qtbot.wait(10)
        texts = _chart_texts(page)
        assert no_english(texts) == [], days
    page.show_days(30)  # 26 October to 24 November: the months are named the German way
    bottom = page.charts.range_plot.getAxis("bottom")
    low, high = page.charts.range_plot.viewRange()[0]
    shown = [
        text
        for spacing, values in bottom.tickValues(low, high, 600)
        for text in bottom.tickStrings(values, 1.0, spacing)
    ]
    assert "Nov." in shown, shown
    assert any(re.fullmatch(r"\d+\.", text) for text in shown), shown


def test_the_date_axis_names_days_and_weekdays_in_german(qtbot, window):
    window.navigation.setCurrentRow(PROGRESS)
    window.progress_page.charts.grab()
    axis = window.progress_page.charts.range_plot.getAxis("bottom")
    monday = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC).timestamp()
    axis.setZoomLevelForDensity(300)  # a few days across: weekdays and hours
    day_spec = axis.zoomLevel.tickSpecs[0]
    assert axis.tickStrings([monday], 1.0, day_spec.spacing) == ["Mo. 23."]
    axis.setZoomLevelForDensity(86400 * 40)  # years across: years and months
    month_spec = axis.zoomLevel.tickSpecs[1]
    assert axis.tickStrings([monday], 1.0, month_spec.spacing) == ["Nov."]


def test_the_progress_read_out_is_german(qtbot, window):
    window.navigation.setCurrentRow(PROGRESS)
    page = window.progress_page
    days = page._data.days
    with_press_ups = int(np.flatnonzero(~np.isnan(days.best_range))[0])
    page.show_day_at(float(days.t[with_press_ups]))
    text = page.readout.text()
    assert english_words(text) == [] and not ENGLISH_DATES.search(text), text
    assert text.startswith("Do., 19. Nov. 2026: 5 Übungseinheiten"), text
    assert "Rückenschmerz 4,8 → 4,2" in text and "bester Liegestütz: ¾" in text, text


def test_calendar_is_german(qtbot, window):
    window.navigation.setCurrentRow(CALENDAR)
    page = window.calendar_page
    qtbot.wait(20)
    assert english_left(page) == []
    assert page.summary.text().startswith("Aktuelle Serie: 5 Tage"), page.summary.text()
    page.calendar.setSelectedDate(QDate(2026, 11, 20))
    assert page.day_title.text() == "Freitag, 20. November: 5 Übungseinheiten"
    entries = [page.day_list.item(i).text() for i in range(page.day_list.count())]
    assert entries[0].startswith("10:00  Bauchlage – "), entries
    assert english_left(page) == []
    page.calendar.setSelectedDate(QDate(2026, 11, 10))
    assert page.day_list.item(0).text() == "Keine Übungseinheiten."
    assert english_left(page) == []


def test_progress_weekly_checks_are_german(qtbot, window, german):
    """The weekly measures' view (issue 15): its button, charts, and baseline vs latest."""
    from PySide6.QtWidgets import QLabel, QPushButton

    from sciatica_journal.domain.measure_results import Answer, activity_item
    from tests.gui.conftest import find

    weekly = german.weekly
    items = [i.code for i in weekly.measures.measure("sbi").items]
    for days_ago, value in ((14, 4), (7, 2), (0, 1)):
        answers = {
            "sbi": tuple(Answer(code, value) for code in items),
            "psfs": (Answer(activity_item(1), 6 - value, "Treppensteigen"),),
        }
        if days_ago < 14:
            answers["pgic"] = (Answer("pgic-change", value),)
        weekly.record(answers, at=NOW - dt.timedelta(days=days_ago, hours=1))
    window.navigation.setCurrentRow(PROGRESS)
    page = window.progress_page
    button = find(page, "Die Wochenchecks zeigen", QPushButton)
    assert button.text() == "Wochenchecks"
    button.click()
    qtbot.wait(20)
    assert english_left(page) == []
    charts = find(page, "Wochenchecks")
    summary = find(page, "Ausgangswert und letzter Wert jedes Fragebogens", QLabel).text()
    assert "SBI: Ausgangswert 16 (Di., 10. Nov. 2026)" in summary, summary
    assert "„Treppensteigen“: Ausgangswert 2 → zuletzt 5" in summary
    charts.charts.grab()
    texts = []
    for plot in charts.plots.values():
        texts.append(plot.titleLabel.text)
        axis = plot.getAxis("bottom")
        low, high = plot.viewRange()[0]
        for spacing, values in axis.tickValues(low, high, plot.vb.width()):
            texts += axis.tickStrings(values, 1.0, spacing)
    assert "Ischias-Beschwerdeindex (SBI) — 0–24, niedriger ist besser" in texts, texts
    assert no_english([t for t in texts if t]) == []
