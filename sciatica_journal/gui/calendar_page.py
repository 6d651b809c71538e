"""Calendar: a month at a glance — each day's count and whether the daily target was met."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPen, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _, clock_time, decimal, n_, weekday_day_month
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.timekeeping import local_time
from sciatica_journal.gui import palette
from sciatica_journal.gui.frequency_words import days_on_target
from sciatica_journal.gui.theme import theme
from sciatica_journal.services.frequency_service import CalendarDay, FrequencyService
from sciatica_journal.services.operations import Kind


class MonthCalendar(QCalendarWidget):
    """Paints each day with its session count: a tick and a green fill when the target was met,
    a pale fill with the count when some sessions were done (readable in greyscale too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[dt.date, CalendarDay] = {}
        self.setAccessibleName(_("Month calendar"))
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self._colour_weekends()
        theme().changed.connect(self._colour_weekends)

    def _colour_weekends(self) -> None:
        """Qt's weekend headers are pure red, too dim on a dark card: the set's red instead."""
        weekend = QTextCharFormat()
        weekend.setForeground(palette.current().qcolor("bad"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(day, weekend)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:
        day = dt.date(date.year(), date.month(), date.day())
        info = self.days.get(day)
        painter.save()
        c = palette.current().qcolor
        in_month = date.month() == self.monthShown()
        painter.fillRect(rect, c("card"))
        if info is not None and in_month and info.sessions:
            painter.fillRect(
                rect.adjusted(1, 1, -1, -1), c("day_met" if info.met else "day_partial")
            )
        if date == self.selectedDate():
            painter.setPen(QPen(c("accent_text"), 2))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.setPen(c("text") if in_month else c("other_month"))
        painter.drawText(rect.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignLeft, str(date.day()))
        if info is not None and in_month and info.sessions:
            font = QFont(painter.font())
            font.setBold(True)
            painter.setFont(font)
            mark = f"✓ {info.sessions}" if info.met else str(info.sessions)
            painter.drawText(
                rect.adjusted(4, 2, -4, -3),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                mark,
            )
        painter.restore()


def _days(n: int) -> str:
    return n_("{n} day", "{n} days", n).format(n=n)


class CalendarPage(QWidget):
    shows = frozenset({Kind.SESSIONS, Kind.SCREENINGS, Kind.PROFILE})

    def __init__(
        self, frequency: FrequencyService, program: Program, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._frequency = frequency
        self._program = program
        self.setAccessibleName(_("Calendar"))
        title = QLabel(_("Your month"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setAccessibleName(_("Streak and adherence"))
        self.summary.setWordWrap(True)
        key = QLabel(_("✓ and green: the daily target was met · a number on yellow: some sessions"))
        key.setObjectName("hint")
        self.calendar = MonthCalendar()
        self.calendar.currentPageChanged.connect(lambda *_: self.refresh())
        self.calendar.clicked.connect(self.show_day)
        self.calendar.selectionChanged.connect(lambda: self.show_day(self.calendar.selectedDate()))
        self.day_title = QLabel()
        self.day_title.setObjectName("fieldTitle")
        self.day_title.setWordWrap(True)
        self.day_list = QListWidget()
        self.day_list.setAccessibleName(_("Sessions on the chosen day"))
        # Long lines wrap: the list never scrolls sideways.
        self.day_list.setWordWrap(True)
        self.day_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.day_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list, stretch=1)
        row = QHBoxLayout()
        row.addWidget(self.calendar, stretch=3)
        row.addLayout(side, stretch=2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(key)
        layout.addLayout(row, stretch=1)
        today = frequency.today()
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        self.refresh()

    def refresh(self) -> None:
        today = self._frequency.today()
        self.calendar.setMaximumDate(QDate(today.year, today.month, today.day))
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        self.calendar.days = {d.day: d for d in self._frequency.month(year, month)}
        self.calendar.updateCells()
        s = self._frequency.summary()
        month_adherence = days_on_target(self._frequency.month_on_target(year, month))
        recent = s.last_30_days
        last_30 = days_on_target(recent)
        if recent.percent is not None:
            last_30 = _("{days_on_target} ({percent} %)").format(
                days_on_target=last_30, percent=decimal(recent.percent)
            )
        self.summary.setText(
            _(
                "Current streak: {current} · longest: {longest} · last 30 days: {last_30} · "
                "this month: {month}"
            ).format(
                current=_days(s.streaks.current),
                longest=_days(s.streaks.longest),
                last_30=last_30,
                month=month_adherence,
            )
        )
        self.show_day(self.calendar.selectedDate())

    def show_day(self, date: QDate) -> None:
        day = dt.date(date.year(), date.month(), date.day())
        sessions = self._frequency.sessions_on(day)
        count = n_("{n} session", "{n} sessions", len(sessions)).format(n=len(sessions))
        self.day_title.setText(
            _("{date}: {sessions}").format(date=weekday_day_month(day), sessions=count)
        )
        self.day_list.clear()
        for entry in sessions:
            rung = self._program.rung(entry.rung) if self._program.has_rung(entry.rung) else None
            when = local_time(entry.started_at, entry.zone)
            text = _("{time}  {exercise} — {outcome}").format(
                time=clock_time(when),
                exercise=rung.name if rung else entry.rung,
                outcome=entry.outcome.label,
            )
            self.day_list.addItem(text)
            self.day_list.item(self.day_list.count() - 1).setToolTip(text)
        if not sessions:
            self.day_list.addItem(_("No sessions."))
