"""Progress: what each exercise did (issue 14 point 5) — a table of the responses observed
with each exercise in the period shown (7 d / 30 d / 90 d / all): its sessions and how many
of them centralized, took the symptoms away, were better, the same, worse or spread further
down, the incomplete sessions apart, and whether it was mostly centralizing.

``ResponseView`` holds the charts and this table one above the other (a stack); its
``toggle`` button, at the right of the page's title, switches between them, so both keep the
page's whole height on a 1024×600 screen. The numbers are ``domain.response_profile``'s,
the same as the report's and ``summary --json``'s ``by_exercise``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _, n_
from sciatica_journal.domain.response_profile import PROFILE_ORDER, ExerciseResponses
from sciatica_journal.domain.sessions import OUTCOME_LABELS
from sciatica_journal.gui.wrapping import (
    WRAP,
    header_margin,
    two_line_width,
    wrap_column_heads,
    wrapped_height,
)
from sciatica_journal.reports.response_section import (
    response_cells,
    response_heads,
    response_title,
)
from sciatica_journal.services.progress_service import ProgressService


def period_words(days: int | None) -> str:
    """The caption's period: "Responses observed with each exercise: the last 30 days"."""
    if days is None:
        return _("{title}: every session").format(title=response_title())
    return n_("{title}: the last {n} day", "{title}: the last {n} days", days).format(
        title=response_title(), n=days
    )


def patient_note(percent: int) -> str:
    """Below the table: what centralization is, and what is counted."""
    return _(
        "Centralized: after the session your symptoms reached less far down the leg, a good "
        "sign. Mostly centralizing: more than {percent} % of its sessions centralized or the "
        "symptoms went away. Sessions ended before the dose's minimum are counted only in "
        "\u201c{column}\u201d. What you recorded, not a diagnosis."
    ).format(percent=percent, column=response_heads()[-2])


class ResponseTable(QTableWidget):
    """One column per exercise used in the period, in the ladder's order, and one row per
    count (the report's table turned on its side: five exercises fit a 1024×600 window in
    every language, where ten columns of counts would not). The exercises' names wrap at
    their columns' widths, the rows' names in two lines at most ("Mostly centralizing"):
    every head is shown whole, and the columns keep the room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        heads = response_heads()[1:]
        super().__init__(len(heads), 0, parent)
        self.setAccessibleName(_("Responses observed with each exercise"))
        self.setVerticalHeaderLabels(heads)
        tips = [None, *(_(OUTCOME_LABELS[o]) for o in PROFILE_ORDER), None, None]
        for row, tip in enumerate(tips):
            item = self.verticalHeaderItem(row)
            if item is not None:
                item.setTextAlignment(
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | WRAP
                )
                if tip is not None:
                    item.setToolTip(tip)
        self.verticalHeader().setAccessibleName(_("Rows"))
        self.horizontalHeader().setAccessibleName(_("Columns"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        wrap_column_heads(self.horizontalHeader())
        self._fit_row_heads()

    def _fit_row_heads(self) -> None:
        """The rows' names as narrow as two lines each allow; a row as high as its name."""
        header = self.verticalHeader()
        metrics, margin = header.fontMetrics(), header_margin(header)
        heads = [
            self.model().headerData(row, Qt.Orientation.Vertical) for row in range(self.rowCount())
        ]
        room = max(two_line_width(metrics, str(head)) for head in heads)
        header.setMaximumWidth(room + 2 * margin + 2)
        for row, head in enumerate(heads):
            height = wrapped_height(metrics, str(head), room) + 6
            header.resizeSection(row, max(header.defaultSectionSize(), height))

    def show_profile(self, profile: list[ExerciseResponses], names: dict[str, str]) -> None:
        heads = response_heads()
        self._fit_row_heads()  # in the font the page's style gives them now
        self.setColumnCount(len(profile))
        for column, line in enumerate(profile):
            cells = response_cells(line, names.get(line.rung, line.rung))
            head = QTableWidgetItem(cells[0])
            head.setToolTip(cells[0])
            self.setHorizontalHeaderItem(column, head)
            for row, text in enumerate(cells[1:]):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == len(cells) - 2 and line.mostly_centralizing:
                    bold = QFont(self.font())
                    bold.setBold(True)
                    item.setFont(bold)
                item.setToolTip(
                    _("{exercise}, {column}: {value}").format(
                        exercise=cells[0], column=heads[row + 1], value=text
                    )
                )
                self.setItem(row, column, item)


class ResponsePanel(QWidget):
    """The table with its caption and the note for the patient."""

    def __init__(self, progress: ProgressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress = progress
        self.setAccessibleName(_("What each exercise did"))
        self.caption = QLabel(period_words(30))
        self.caption.setObjectName("fieldTitle")
        self.caption.setAccessibleName(_("Period of the responses"))
        self.caption.setWordWrap(True)
        self.table = ResponseTable()
        self.empty_label = QLabel(_("No sessions in this period."))
        self.empty_label.setAccessibleName(_("No sessions in this period"))
        self.note = QLabel(patient_note(progress.mostly_centralizing_percent()))
        self.note.setObjectName("hint")
        self.note.setAccessibleName(_("What the responses mean"))
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.note)

    def show_days(self, days: int | None) -> None:
        profile = self._progress.responses(days)
        self.caption.setText(period_words(days))
        self.table.show_profile(profile, self._progress.rung_names())
        self.empty_label.setVisible(not profile)
        self.table.setVisible(bool(profile))


class ResponseView(QStackedWidget):
    """The charts, or the table of what each exercise did (``toggle`` chooses)."""

    def __init__(
        self, charts: QWidget, progress: ProgressService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._days: int | None = 30
        self.panel = ResponsePanel(progress)
        self.addWidget(charts)
        self.addWidget(self.panel)
        self.toggle = QPushButton(_("By exercise"))
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName(_("Show what each exercise did"))
        self.toggle.setToolTip(
            _("Shows a table of the responses observed with each exercise instead of the charts")
        )
        self.toggle.toggled.connect(self._toggled)
        self._row = QHBoxLayout()

    def title_row(self, title: QWidget) -> QHBoxLayout:
        """The page's title with ``toggle`` at the right of it (the period buttons' row
        has no room to spare on a 1024×600 screen in German)."""
        row = self._row
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(title, stretch=1)
        # As high as the title, never higher: the row takes no height from the charts.
        self.toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        row.addWidget(self.toggle)
        return row

    def add_view(self, toggle: QPushButton, view: QWidget) -> None:
        """Another view in place of the charts (the weekly checks), shown while its
        ``toggle`` (left of By exercise, as high as the title) is on; one view at a time."""
        index = self.addWidget(view)
        toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._row.insertWidget(self._row.indexOf(self.toggle), toggle)

        def toggled(on: bool) -> None:
            if on:
                self.toggle.setChecked(False)
                self.setCurrentIndex(index)
            elif self.currentIndex() == index:
                self.setCurrentIndex(0)

        toggle.toggled.connect(toggled)
        self.toggle.toggled.connect(lambda on: toggle.setChecked(False) if on else None)

    def _toggled(self, on: bool) -> None:
        self.setCurrentIndex(1 if on else 0)
        if on:
            self.panel.show_days(self._days)

    def show_days(self, days: int | None) -> None:
        """The period changed (or the journal): the table follows when it is shown."""
        self._days = days
        if self.currentIndex() == 1:
            self.panel.show_days(days)
