"""The wizard's check-in and check-out step: back and leg pain, and the symptom map."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.sessions import PainScores
from sciatica_journal.gui.pain_input import PainInput
from sciatica_journal.gui.symptom_map_editor import SymptomMapEditor
from sciatica_journal.reports.body_map_painter import BodyMapDrawing

_ASK = {
    ("back pain", "leg pain"): N_(
        "Please score your back pain and leg pain (0–10) before going on."
    ),
    ("back pain",): N_("Please score your back pain (0–10) before going on."),
    ("leg pain",): N_("Please score your leg pain (0–10) before going on."),
}
_NOT_SCORED = {
    ("back pain", "leg pain"): N_("back pain and leg pain before the exercise not scored"),
    ("back pain",): N_("back pain before the exercise not scored"),
    ("leg pain",): N_("leg pain before the exercise not scored"),
}


def _missing_message(missing: list[str]) -> str:
    return _(_ASK[tuple(missing)])


class SymptomsStep(QWidget):
    """Used twice: before the exercise (``when="before"``) and after it (``when="after"``)."""

    def __init__(self, drawing: BodyMapDrawing, when: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.when = when
        self._stopped = False
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(_("What to record"))
        before = when == "before"
        self.back_pain = PainInput(
            _("Back pain"), _("Back pain before") if before else _("Back pain after")
        )
        self.leg_pain = PainInput(
            _("Leg pain"), _("Leg pain before") if before else _("Leg pain after")
        )
        self.editor = SymptomMapEditor(drawing)
        self.editor.side_layout.addStretch(1)  # the legend at the top beside the map
        self.missing_label = QLabel()
        self.missing_label.setObjectName("error")
        self.missing_label.setAccessibleName(_("Missing score"))
        self.missing_label.setWordWrap(True)
        self.missing_label.hide()
        for score in (self.back_pain, self.leg_pain):
            score.valueChanged.connect(self._recheck)
        # After a stop: it need not have been the pain (the set then did not count).
        self.other_reason = QCheckBox(_("I stopped for another reason, not because it hurt"))
        self.other_reason.setAccessibleName(_("Stopped for another reason"))
        self.other_reason.setToolTip(
            _("The session is then saved as incomplete: it does not count, and it is not worse")
        )
        self.other_reason.hide()
        self.other_reason.toggled.connect(lambda: self.set_stopped(self._stopped))
        pains = QHBoxLayout()
        pains.addWidget(self.back_pain)
        pains.addSpacing(24)
        pains.addWidget(self.leg_pain)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.other_reason)
        layout.addLayout(pains)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.editor, stretch=1)
        self.set_stopped(False)

    def set_stopped(self, stopped: bool) -> None:
        """The title and words for a check-in, a check-out, or a check-out after a stop
        (for pain, or, "I stopped for another reason", not)."""
        self._stopped = stopped
        self.other_reason.setVisible(stopped and self.when == "after")
        if not stopped:
            self.other_reason.setChecked(False)
        if self.when == "before":
            self.title.setText(_("How are you right now?"))
            self.intro.setText(
                _(
                    "Score your back and leg pain from 0 to 10 and check the map: it starts "
                    "from your last one, so change only what is different."
                )
            )
        elif stopped and self.other_reason.isChecked():
            self.title.setText(_("You stopped: how is it now?"))
            self.intro.setText(
                _(
                    "You stopped for another reason, so the session is not counted as worse. "
                    "Record how you feel now."
                )
            )
        elif stopped:
            self.title.setText(_("You stopped: how is it now?"))
            self.intro.setText(
                _("Stopping when it hurts is the right thing to do. Record how you feel now.")
            )
        else:
            self.title.setText(_("How are you after the exercise?"))
            self.intro.setText(
                _(
                    "Score your pain again and show on the map where you feel it now. Look "
                    "first at the farthest point down the leg."
                )
            )

    def prefill(self, pain: PainScores | None, symptoms: SymptomMap) -> None:
        """Start the map from ``symptoms``. The scores are never prefilled (``pain`` is
        ignored): the user scores how it is *now*."""
        del pain
        self.editor.set_map(symptoms)

    def pain(self) -> PainScores | None:
        """Both scores, or None while either is not set yet."""
        back, leg = self.back_pain.value(), self.leg_pain.value()
        if back is None or leg is None:
            return None
        return PainScores(back=back, leg=leg)

    def _scores(self) -> list[tuple[str, PainInput]]:
        return [("back pain", self.back_pain), ("leg pain", self.leg_pain)]

    def touched_scores(self) -> bool:
        """Whether any score has been set."""
        return any(score.is_set() for _name, score in self._scores())

    def missing_message(self) -> str:
        """Which scores before the exercise are missing, for an error message."""
        return _(_NOT_SCORED[tuple(self.missing_scores())])

    def missing_scores(self) -> list[str]:
        """The scores not set yet, in plain words, e.g. ``["back pain", "leg pain"]``."""
        return [name for name, score in self._scores() if not score.is_set()]

    def check_complete(self) -> bool:
        """True when every score is set; otherwise say what is missing, right here in the
        step, move the focus to the first missing slider and return False."""
        missing = self.missing_scores()
        if not missing:
            self.missing_label.hide()
            return True
        self.missing_label.setText(_missing_message(missing))
        self.missing_label.show()
        first = next(score for name, score in self._scores() if name == missing[0])
        first.slider.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def _recheck(self) -> None:
        """Once the message is up, keep it current; it goes when every score is set."""
        if self.missing_label.isHidden():
            return
        missing = self.missing_scores()
        if missing:
            self.missing_label.setText(_missing_message(missing))
        else:
            self.missing_label.hide()

    def symptom_map(self) -> SymptomMap:
        return self.editor.symptom_map()

    def focus_first(self) -> None:
        self.back_pain.slider.setFocus()
