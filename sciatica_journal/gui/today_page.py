"""Today: sessions done against the daily band, today's list, and the current exercise."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.doses import marked_dose
from sciatica_journal.domain.language import _, clock_time, long_date, n_, p_
from sciatica_journal.domain.sessions import SessionEntry
from sciatica_journal.domain.timekeeping import local_time
from sciatica_journal.domain.today import BandState, DailyCount
from sciatica_journal.gui.cards import card
from sciatica_journal.gui.day_dots import DayDots
from sciatica_journal.gui.frequency_words import days_on_target
from sciatica_journal.gui.ladder_widget import LadderWidget
from sciatica_journal.services.frequency_service import FrequencyService, FrequencySummary
from sciatica_journal.services.measure_service import MeasureService
from sciatica_journal.services.operations import Kind
from sciatica_journal.services.red_flag_service import RedFlagService
from sciatica_journal.services.session_service import SessionService, TodayOverview


def _columns() -> tuple[str, ...]:
    """The table's headings ("Done": what a session held, apart from the hold's "Done")."""
    return (
        _("Time"),
        _("Exercise"),
        p_("what a session did", "Done"),
        _("Back pain"),
        _("Leg pain"),
        _("Outcome"),
    )


def band_message(count: DailyCount) -> str:
    if count.state is BandState.BELOW:
        return n_(
            "{n} more to reach today's minimum of {target_min}.",
            "{n} more to reach today's minimum of {target_min}.",
            count.remaining_to_min,
        ).format(n=count.remaining_to_min, target_min=count.target_min)
    if count.state is BandState.IN:
        return _("You are within today's target. Well done.")
    return n_(
        "More than the {n} planned today. Resting is fine too.",
        "More than the {n} planned today. Resting is fine too.",
        count.target_max,
    ).format(n=count.target_max)


def streak_text(summary: FrequencySummary) -> str:
    """E.g. "Streak: 4 days on target · last 7 days: 4 of 6 days on target"."""
    days, longest = summary.streaks.current, summary.streaks.longest
    if longest > days:
        streak = n_(
            "Streak: {n} day on target (best {best})",
            "Streak: {n} days on target (best {best})",
            days,
        ).format(n=days, best=longest)
    else:
        streak = n_("Streak: {n} day on target", "Streak: {n} days on target", days).format(n=days)
    return _("{streak} · last 7 days: {days_on_target}").format(
        streak=streak, days_on_target=days_on_target(summary.last_7_days)
    )


class TodayPage(QWidget):
    shows = frozenset({Kind.SESSIONS, Kind.CHECK_INS, Kind.SCREENINGS, Kind.PROFILE, Kind.MEASURES})
    start_requested = Signal()
    weekly_check_requested = Signal()  # the weekly measures are due: Today offers them

    def __init__(
        self,
        sessions: SessionService,
        red_flags: RedFlagService,
        frequency: FrequencyService,
        parent: QWidget | None = None,
        weekly: MeasureService | None = None,
    ) -> None:
        super().__init__(parent)
        self._weekly = weekly
        self._sessions = sessions
        self._red_flags = red_flags
        self._frequency = frequency
        self.setAccessibleName(_("Today"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)

        self.date_label = QLabel()
        self.date_label.setObjectName("pageTitle")
        layout.addWidget(self.date_label)

        count_card, count_layout = card(_("Sessions today"))
        self.count_label = QLabel()
        self.count_label.setObjectName("bigNumber")
        self.count_label.setAccessibleName(_("Sessions today"))
        self.dots = DayDots()
        self.band_label = QLabel()
        self.band_label.setAccessibleName(_("Daily target status"))
        self.due_label = QLabel()
        self.due_label.setAccessibleName(_("Next session due"))
        self.due_label.setObjectName("fieldTitle")
        self.due_label.setWordWrap(True)  # "done for today" is a sentence, longer in German
        self.streak_label = QLabel()
        self.streak_label.setWordWrap(True)
        self.streak_label.setAccessibleName(_("Streak and adherence"))
        self.band_label.setWordWrap(True)
        # The count and its dots beside the words: half the height, more room for the list.
        figures = QVBoxLayout()
        figures.addWidget(self.count_label)
        figures.addWidget(self.dots)
        figures.addStretch(1)
        words = QVBoxLayout()
        words.addWidget(self.band_label)
        words.addWidget(self.due_label)
        words.addWidget(self.streak_label)
        words.addStretch(1)
        count_row = QHBoxLayout()
        count_row.addLayout(figures)
        count_row.addSpacing(24)
        count_row.addLayout(words, stretch=1)
        count_layout.addLayout(count_row)

        rung_card, rung_layout = card(_("Next exercise"))
        self.rung_label = QLabel()
        self.rung_label.setObjectName("rungName")
        self.rung_label.setWordWrap(True)  # a long name wraps instead of widening the page
        self.rung_label.setAccessibleName(_("Next exercise"))
        self.rung_detail = QLabel()
        self.rung_detail.setWordWrap(True)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason_label.setAccessibleName(_("Why this exercise"))
        self.contact_label = QLabel()
        self.contact_label.setWordWrap(True)
        self.contact_label.setObjectName("warningBox")
        self.contact_label.setAccessibleName(_("Contact your clinician"))
        self.start_button = QPushButton(_("Start session"))
        self.start_button.setObjectName("startButton")
        self.start_button.setAccessibleName(_("Start session"))
        self.start_button.clicked.connect(self.start_requested)
        # Offered when due, beside Start session: never in its way.
        self.weekly_button = QPushButton(_("Weekly check (2 minutes)"))
        self.weekly_button.setAccessibleName(_("Weekly check (2 minutes)"))
        self.weekly_button.clicked.connect(self.weekly_check_requested)
        self.blocked_label = QLabel()
        self.blocked_label.setWordWrap(True)
        self.blocked_label.setObjectName("warningBox")
        self.blocked_label.setAccessibleName(_("Exercises paused today"))
        self.ladder = LadderWidget(sessions.program)
        text_column = QVBoxLayout()
        for widget in (
            self.rung_label,
            self.rung_detail,
            self.reason_label,
            self.contact_label,
            self.blocked_label,
        ):
            text_column.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.weekly_button)
        buttons.addStretch(1)
        text_column.addLayout(buttons)
        text_column.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(text_column, stretch=1)
        row.addSpacing(24)
        row.addWidget(self.ladder)
        rung_layout.addLayout(row)
        # The next exercise and Start session first: in view on the smallest screen.
        layout.addWidget(rung_card)
        layout.addWidget(count_card)

        list_card, list_layout = card(_("Today's sessions"))
        self.table = QTableWidget(0, len(_columns()))
        self.table.setAccessibleName(_("Today's sessions"))
        self.table.setHorizontalHeaderLabels(list(_columns()))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setAccessibleName(_("Rows"))
        self.table.horizontalHeader().setAccessibleName(_("Columns"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The rows fit the page's width: long texts wrap, and every cell's tooltip shows it.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(_("No sessions yet today."))
        self.empty_label.setAccessibleName(_("No sessions yet today"))
        list_layout.addWidget(self.empty_label)
        list_layout.addWidget(self.table, stretch=100)
        list_layout.addStretch(1)
        layout.addWidget(list_card, stretch=1)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.show_overview(self._sessions.today())
        # Show the new day at midnight without waiting for a click.
        seconds = self._sessions.seconds_until_tomorrow()
        self._midnight.start(int(min(seconds + 1, 24 * 3600) * 1000))

    def show_overview(self, today: TodayOverview) -> None:
        day = today.day
        self.date_label.setText(long_date(day))
        self.count_label.setText(today.count.headline)
        self.dots.set_count(today.count)
        blocked = self._red_flags.blocked_today()
        # Paused by a safety answer: no praise for the count, no call for more sessions.
        band = _("No more sessions today.") if blocked else band_message(today.count)
        if today.incomplete:
            short = n_(
                "{n} incomplete session (ended before the dose's minimum) is not counted.",
                "{n} incomplete sessions (ended before the dose's minimum) are not counted.",
                len(today.incomplete),
            )
            band = f"{band} {short.format(n=len(today.incomplete))}"
        self.band_label.setText(band)
        summary = self._frequency.summary()
        # While exercises are paused no session is "due".
        self.due_label.setText(_("Next session: {when}").format(when=summary.next_due.text))
        self.due_label.setVisible(not blocked)
        self.streak_label.setText(streak_text(summary))
        current = self._sessions.current_exercise()
        advice = current.advice
        rung = advice.rung
        self.rung_label.setText(rung.name)
        self.rung_detail.setText(
            _("{summary} ({dose})").format(summary=rung.summary, dose=rung.dose.describe())
        )
        self.reason_label.setText(advice.reason)
        self.reason_label.setVisible(not blocked)  # "ready for more" is not for a paused day
        self.contact_label.setText(advice.contact_reason)
        self.contact_label.setVisible(advice.contact_clinician)
        self.blocked_label.setText(
            _(
                "Exercises are paused for today because of your answer to a safety question. "
                "Please get medical help as the safety screen said."
            )
        )
        self.blocked_label.setVisible(blocked)
        self.start_button.setEnabled(not blocked)
        self.weekly_button.setVisible(self._weekly is not None and self._weekly.is_due())
        self.ladder.show_state(
            advice.rung.slug,
            self._sessions.best_range(),
            advice.goal_met,
            stepped_from=None if current.step_down is None else current.step_down.from_rung.slug,
            step_down=self._sessions.step_down_note(current),
        )
        self._fill_table(today.sessions, today.incomplete)

    def _fill_table(
        self, sessions: tuple[SessionEntry, ...], incomplete: frozenset[str] = frozenset()
    ) -> None:
        self.table.setRowCount(len(sessions))
        self.empty_label.setVisible(not sessions)
        self.table.setVisible(bool(sessions))
        program = self._sessions.program
        for row, entry in enumerate(sessions):
            rung = program.rung(entry.rung) if program.has_rung(entry.rung) else None
            parts = []
            dose = marked_dose(
                rung,
                entry.reps_done,
                entry.hold_seconds,
                entry.planned,
                complete=entry.uuid not in incomplete,
            )
            if dose:
                parts.append(dose)
            if entry.stopped_for_pain:
                parts.append(_("stopped early"))
            done = _(", ").join(parts)
            after = entry.pain_after
            cells = (
                clock_time(local_time(entry.started_at, entry.zone)),
                rung.name if rung else entry.rung,
                done,
                f"{entry.pain_before.back} → {after.back}"
                if after
                else f"{entry.pain_before.back}",
                f"{entry.pain_before.leg} → {after.leg}" if after else f"{entry.pain_before.leg}",
                entry.outcome.label,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(
                    _("{column}: {value}").format(column=_columns()[column], value=text)
                )
                self.table.setItem(row, column, item)
