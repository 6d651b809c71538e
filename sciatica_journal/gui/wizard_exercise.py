"""The wizard's exercise step: what to do, with the picture pair (the set itself is in
``wizard_set``, the range question after press-ups in ``wizard_range``). Choosing a rung
against the advice (``domain.guarded_choice``) asks first."""

from __future__ import annotations

from collections.abc import Callable

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
from sciatica_journal.gui.against_advice_dialog import confirm_against_advice
from sciatica_journal.gui.svg_picture import SvgPicture
from sciatica_journal.paths import resource_path


class ExerciseStep(QWidget):
    """The recommended exercise and why, alternatives, steps, picture pair, cautions."""

    rung_changed = Signal(str)

    def __init__(
        self,
        program: Program,
        warn: Callable[[Advice, str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``warn(advice, slug)``: why choosing ``slug`` goes against the advice, or None
        (``SessionService.choice_warning``)."""
        super().__init__(parent)
        self._program = program
        self._warn = warn
        self._advice: Advice | None = None
        self._against = False  # the rung shown was chosen against the advice, confirmed
        self._confirmed: set[str] = set()  # rungs the user already confirmed this session
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
        self.choice.currentIndexChanged.connect(self._chosen)
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
        """Show the advice with its rung chosen; coming back to the step with the same
        advice keeps the exercise the user chose."""
        if advice is self._advice:
            return
        self._advice, self._against = advice, False
        self.contact.setText(advice.contact_reason)
        self.contact.setVisible(advice.contact_clinician)
        self._select(advice.rung.slug)
        self._show(advice.rung)

    def against_advice(self) -> bool:
        """Whether the exercise chosen goes against the advice (the user confirmed it)."""
        return self._against

    def warning_for(self, slug: str) -> str | None:
        """What choosing ``slug`` would ask first (None: it is chosen without a question)."""
        advice = self._advice
        if advice is None or self._warn is None or slug in self._confirmed:
            return None
        return self._warn(advice, slug)

    def _select(self, slug: str) -> None:
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(self.choice.findData(slug))
        self.choice.blockSignals(False)

    def _chosen(self, _index: int) -> None:
        """A rung chosen from the list: a guarded choice asks first; "Keep the advised
        exercise" puts the advised rung back."""
        slug = self.selected_slug()
        advice = self._advice
        warning = None if advice is None or self._warn is None else self._warn(advice, slug)
        if warning is not None and advice is not None and slug not in self._confirmed:
            if confirm_against_advice(self, warning):
                self._confirmed.add(slug)
            else:
                self._select(advice.rung.slug)
                slug, warning = advice.rung.slug, None
        self._against = warning is not None
        self._show(self.selected_rung())
        self.rung_changed.emit(slug)

    def selected_slug(self) -> str:
        return str(self.choice.currentData())

    def selected_rung(self) -> Rung:
        return self._program.rung(self.selected_slug())

    def _show(self, rung: Rung) -> None:
        advice = self._advice
        if advice is None or rung.slug == advice.rung.slug:
            self.reason.setText("" if advice is None else advice.reason)
        else:  # the heading shows the rung chosen: say that it is not the advised one
            self.reason.setText(
                _(
                    "You chose {exercise} instead of the advised exercise. The advice: {reason}"
                ).format(exercise=rung.name, reason=advice.reason)
            )
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
