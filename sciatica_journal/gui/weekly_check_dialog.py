"""The weekly check (issue 15): the due measures in one scrolling dialog. Nothing is saved
until Save, and then the whole check in one operation (with its undo); Not now saves
nothing and never blocks a session. Every control has an accessible name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import _
from sciatica_journal.domain.measure_results import MAX_ACTIVITY_NAME, Answer, activity_item
from sciatica_journal.domain.measures import Measure, Scoring
from sciatica_journal.gui.cards import card
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.window_fit import fit_to_screen, scrolling
from sciatica_journal.services.measure_service import MeasureService
from sciatica_journal.services.operations.measure_operations import record_weekly_check


def scale_words(measure: Measure) -> str:
    """E.g. "0 = not bothersome … 6 = extremely bothersome"."""
    return " … ".join(f"{point} = {words}" for point, words in measure.anchors.items())


def _rating(measure: Measure, name: str) -> QSpinBox:
    """A rating on the measure's scale, "not answered" until the user picks a value."""
    box = QSpinBox()
    box.setRange(measure.low - 1, measure.high)
    box.setSpecialValueText(_("not answered"))
    box.setValue(measure.low - 1)
    box.setAccessibleName(name)
    box.setAccessibleDescription(scale_words(measure))
    box.setMinimumWidth(150)
    return box


def _answered(box: QSpinBox) -> bool:
    return box.value() >= box.minimum() + 1


class WeeklyCheckDialog(QDialog):
    def __init__(
        self,
        measures: Sequence[Measure],
        activities: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Weekly check"))
        self.setAccessibleName(_("Weekly check"))
        self._items: dict[str, list[tuple[str, QSpinBox]]] = {}
        self._activities: list[tuple[QLineEdit, QSpinBox]] = []
        self._global: dict[str, tuple[str, QButtonGroup]] = {}
        self._psfs: Measure | None = None
        content = QWidget()
        column = QVBoxLayout(content)
        intro = QLabel(
            _("About two minutes. Your answers show your physician how you are doing week by week.")
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        for measure in measures:
            frame, layout = card(measure.name)
            question = QLabel(measure.question)
            question.setWordWrap(True)
            layout.addWidget(question)
            if measure.scoring is not Scoring.SINGLE:
                scale = QLabel(scale_words(measure))
                scale.setWordWrap(True)
                layout.addWidget(scale)
            if measure.names_activities:
                self._add_activities(measure, layout, activities)
            elif measure.scoring is Scoring.SINGLE:
                self._add_global(measure, layout)
            else:
                self._add_items(measure, layout)
            column.addWidget(frame)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(content, _("Weekly check questions")), stretch=1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(_("Save"))
        later = buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setAccessibleName(_("Not now"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._update_save()
        fit_to_screen(self, QSize(720, 640))

    def _add_items(self, measure: Measure, layout: QVBoxLayout) -> None:
        grid = QGridLayout()
        rows = self._items.setdefault(measure.code, [])
        for row, item in enumerate(measure.items):
            label = QLabel(item.text)
            label.setWordWrap(True)
            box = _rating(measure, item.text)
            box.valueChanged.connect(self._update_save)
            label.setBuddy(box)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignRight)
            rows.append((item.code, box))
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)

    def _add_global(self, measure: Measure, layout: QVBoxLayout) -> None:
        group = QButtonGroup(self)
        for point, words in measure.anchors.items():
            button = QRadioButton(words)
            button.setAccessibleName(words)
            button.setAccessibleDescription(measure.question)
            group.addButton(button, point)
            layout.addWidget(button)
        group.idToggled.connect(self._update_save)
        self._global[measure.code] = (measure.items[0].code, group)

    def _add_activities(self, measure: Measure, layout: QVBoxLayout, named: Sequence[str]) -> None:
        self._psfs = measure
        self._grid = QGridLayout()
        self._grid.setColumnStretch(0, 1)
        layout.addLayout(self._grid)
        for name in list(named)[: measure.max_activities] or ["", "", ""]:
            self._add_activity(name)
        self.add_button = QPushButton(_("Add an activity"))
        self.add_button.setAccessibleName(_("Add an activity"))
        self.add_button.clicked.connect(lambda: self._add_activity(""))
        layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self._update_add()

    def _add_activity(self, name: str) -> None:
        assert self._psfs is not None
        number = len(self._activities) + 1
        edit = QLineEdit(name)
        edit.setMaxLength(MAX_ACTIVITY_NAME)
        edit.setPlaceholderText(_("e.g. sitting through a meal"))
        edit.setAccessibleName(_("Activity {number}").format(number=number))
        edit.textChanged.connect(self._update_save)
        box = _rating(self._psfs, _("Rating of activity {number}").format(number=number))
        box.valueChanged.connect(self._update_save)
        self._grid.addWidget(edit, number, 0)
        self._grid.addWidget(box, number, 1)
        self._activities.append((edit, box))
        self._update_add()
        self._update_save()

    def _update_add(self) -> None:
        if self._psfs is not None and hasattr(self, "add_button"):
            self.add_button.setEnabled(len(self._activities) < self._psfs.max_activities)

    def _activities_ready(self) -> bool:
        named = [(e.text().strip(), b) for e, b in self._activities if e.text().strip()]
        unrated_names = any(not _answered(b) for _name, b in named)
        rated_unnamed = any(_answered(b) and not e.text().strip() for e, b in self._activities)
        return bool(named) and not unrated_names and not rated_unnamed

    def is_complete(self) -> bool:
        items = all(_answered(box) for rows in self._items.values() for _code, box in rows)
        rated = all(group.checkedId() >= 0 for _code, group in self._global.values())
        return items and rated and (self._psfs is None or self._activities_ready())

    def _update_save(self) -> None:
        if hasattr(self, "save_button"):
            self.save_button.setEnabled(self.is_complete())

    def answers(self) -> dict[str, tuple[Answer, ...]]:
        """The answers by measure code (only when ``is_complete``)."""
        found: dict[str, tuple[Answer, ...]] = {
            code: tuple(Answer(item, box.value()) for item, box in rows)
            for code, rows in self._items.items()
        }
        if self._psfs is not None:
            named = [(e.text().strip(), b.value()) for e, b in self._activities if e.text().strip()]
            found[self._psfs.code] = tuple(
                Answer(activity_item(n), value, name)
                for n, (name, value) in enumerate(named, start=1)
            )
        for code, (item, group) in self._global.items():
            found[code] = (Answer(item, group.checkedId()),)
        return found


def open_weekly_check(parent: QWidget, weekly: MeasureService, runner: OperationRunner) -> None:
    """Ask the measures due now and save the answers as one undoable operation."""
    due = weekly.check().due
    if not due:
        return
    measures = [weekly.measures.measure(code) for code in due]
    dialog = WeeklyCheckDialog(measures, weekly.activities(), parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.is_complete():
        answers = dialog.answers()
        runner.run_or_warn(lambda: record_weekly_check(runner.stack, weekly, answers))
