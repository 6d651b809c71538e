"""The wizard's exercise step: what to do, with the picture pair (the set itself is in
``wizard_set``, the range question after press-ups in ``wizard_range``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.advice import Advice
from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import Program, Rung
from sciatica_journal.gui.svg_picture import SvgPicture
from sciatica_journal.paths import resource_path


class ExerciseStep(QWidget):
    """The recommended exercise and why, alternatives, steps, picture pair, cautions."""

    rung_changed = Signal(str)

    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(_("Why this exercise"))
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setObjectName("warningBox")
        self.contact.setAccessibleName(_("Contact your clinician"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(_("Exercise"))
        for rung in program.rungs:
            self.choice.addItem(rung.label, rung.slug)
        self.choice.currentIndexChanged.connect(
            lambda _: self.rung_changed.emit(self.selected_slug())
        )
        self.choice.currentIndexChanged.connect(lambda _: self._show(self.selected_rung()))
        choose = QHBoxLayout()
        choose_label = QLabel(_("&Exercise:"))
        choose_label.setBuddy(self.choice)
        choose.addWidget(choose_label)
        choose.addWidget(self.choice, stretch=1)

        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setAccessibleName(_("Steps"))
        self.correct = SvgPicture(_("Correct position"))
        self.incorrect = SvgPicture(_("Incorrect position"))
        self.correct_caption = QLabel()
        self.incorrect_caption = QLabel()
        for caption in (self.correct_caption, self.incorrect_caption):
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
        pictures = QGridLayout()
        pictures.addWidget(self.correct, 0, 0)
        pictures.addWidget(self.incorrect, 0, 1)
        pictures.addWidget(self.correct_caption, 1, 0)
        pictures.addWidget(self.incorrect_caption, 1, 1)
        self.cautions = QLabel()
        self.cautions.setWordWrap(True)
        self.cautions.setObjectName("cautionBox")
        self.cautions.setAccessibleName(_("Cautions"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(self.contact)
        layout.addLayout(choose)
        layout.addWidget(self.steps)
        layout.addLayout(pictures, stretch=1)
        layout.addWidget(self.cautions)

    def show_advice(self, advice: Advice) -> None:
        self.reason.setText(advice.reason)
        self.contact.setText(advice.contact_reason)
        self.contact.setVisible(advice.contact_clinician)
        self.choice.setCurrentIndex(self.choice.findData(advice.rung.slug))
        self._show(advice.rung)

    def selected_slug(self) -> str:
        return str(self.choice.currentData())

    def selected_rung(self) -> Rung:
        return self._program.rung(self.selected_slug())

    def _show(self, rung: Rung) -> None:
        self.title.setText(
            _("{exercise}: {dose}").format(exercise=rung.name, dose=rung.dose.describe())
        )
        self.title.setToolTip(rung.clinical_name)
        items = "".join(f"<li>{step}</li>" for step in rung.steps)
        self.steps.setText(f"<ol style='margin-left:0'>{items}</ol>")
        pictures = rung.pictures
        found = self.correct.load(str(resource_path("exercises", pictures.correct)))
        self.incorrect.load(str(resource_path("exercises", pictures.incorrect)))
        self.correct.setVisible(found)
        self.incorrect.setVisible(found)
        self.correct_caption.setText(_("✓ Correct: {cue}").format(cue=pictures.correct_cue))
        self.incorrect_caption.setText(_("✗ Incorrect: {cue}").format(cue=pictures.incorrect_cue))
        self.cautions.setText("⚠ " + "<br>⚠ ".join(rung.cautions))
