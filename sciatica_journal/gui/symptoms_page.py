"""Symptoms: the leg diagram on its own, for a check-in without exercising."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.body import RecordedMap, SymptomMap
from sciatica_journal.domain.language import _, clock_time, medium_date
from sciatica_journal.domain.timekeeping import local_time
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.red_flag_prompt import CheckInSafety
from sciatica_journal.gui.symptom_map_editor import SymptomMapEditor
from sciatica_journal.gui.window_fit import scrolling
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.services.operations import Kind
from sciatica_journal.services.red_flag_service import RedFlagService
from sciatica_journal.services.symptom_service import MapError, SymptomService


class SymptomsPage(QWidget):
    shows = frozenset({Kind.CHECK_INS, Kind.SESSIONS})  # it starts from the latest map
    saved = Signal()

    def __init__(
        self,
        symptoms: SymptomService,
        red_flags: RedFlagService,
        drawing: BodyMapDrawing,
        runner: OperationRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._symptoms = symptoms
        self._runner = runner
        self._red_flags = red_flags
        self._previous: RecordedMap | None = None
        self.setAccessibleName(_("Symptoms"))

        title = QLabel(_("Where do you feel it now?"))
        title.setObjectName("pageTitle")
        self.since_label = QLabel()
        self.since_label.setWordWrap(True)
        self.editor = SymptomMapEditor(drawing)
        self.editor.changed.connect(self._describe)
        # Marking the saddle or both legs asks the safety questions at once.
        self._safety = CheckInSafety(red_flags, symptoms, runner, self, self.editor)

        self.reach_label = QLabel()
        self.reach_label.setAccessibleName(_("Where the symptoms reach"))
        self.reach_label.setWordWrap(True)
        self.change_label = QLabel()
        self.change_label.setAccessibleName(_("Change since the last map"))
        self.change_label.setWordWrap(True)
        words = QFrame()
        words.setObjectName("card")
        words_layout = QVBoxLayout(words)
        reach_title = QLabel(_("Where it reaches"))
        reach_title.setObjectName("cardTitle")
        change_title = QLabel(_("Since your last map"))
        change_title.setObjectName("cardTitle")
        words_layout.addWidget(reach_title)
        words_layout.addWidget(self.reach_label)
        words_layout.addWidget(change_title)
        words_layout.addWidget(self.change_label)

        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName(_("Note"))
        self.note_edit.setPlaceholderText(_("Note (optional), e.g. after a long drive"))
        self.note_edit.setMaxLength(5000)
        self.save_button = QPushButton(_("Save check-in"))
        self.save_button.setAccessibleName(_("Save check-in"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip(_("Save this map with the time and the note (Ctrl+S)"))
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(_("Save status"))
        self.status_label.setWordWrap(True)

        side = self.editor.side_layout
        # The words scroll when long; the note and Save stay in view below them (and the
        # diagram keeps its size as the words change).
        side.addWidget(scrolling(words), stretch=1)
        side.addWidget(self.note_edit)
        side.addWidget(self.save_button)
        side.addWidget(self.status_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(self.since_label)
        layout.addWidget(self.editor, stretch=1)
        self.refresh()

    def refresh(self) -> None:
        """Start from the latest saved map."""
        self._previous = self._symptoms.latest()
        self._safety.start_again()
        if self._previous is None:
            self.since_label.setText(_("Mark where you feel pain, numbness or tingling."))
            self.editor.set_map(SymptomMap())
        else:
            when = local_time(self._previous.recorded_at, self._previous.zone)
            self.since_label.setText(
                _(
                    "This starts from your last map ({date}, {time}): change what is different now."
                ).format(date=medium_date(when.date()), time=clock_time(when))
            )
            self.editor.set_map(self._previous.symptoms)
        self._describe()

    def _describe(self) -> None:
        current = self.editor.symptom_map()
        self.reach_label.setText("\n".join(self._symptoms.reach_lines(current)))
        if self._previous is None:
            self.change_label.setText(_("This is your first map."))
        else:
            self.change_label.setText(
                "\n".join(self._symptoms.change_lines(self._previous, current))
            )

    def save(self) -> None:
        asked, answered = self._safety.asked(), self._safety.answered()
        try:
            symptoms, note = self.editor.symptom_map(), self.note_edit.text()
            ops = self._runner.operations
            saved = self._runner.run(
                lambda: ops.record_check_in(symptoms, note, screened=answered)
            ).value
        except MapError as exc:
            self.status_label.setText(_("Not saved: {problem}.").format(problem=exc))
            return
        now = self._symptoms.local_now()
        self.note_edit.clear()
        self.refresh()
        self.status_label.setText(_("Saved at {time}.").format(time=clock_time(now)))
        self.saved.emit()
        self._safety.after_save(saved, asked)
