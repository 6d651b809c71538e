"""The wizard's check-in and check-out step: back and leg pain, and the symptom map."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.sessions import PainScores
from sciatica_journal.gui.pain_input import PainInput
from sciatica_journal.gui.symptom_map_editor import SymptomMapEditor
from sciatica_journal.reports.body_map_painter import BodyMapDrawing


class SymptomsStep(QWidget):
    """Used twice: before the exercise (``when="before"``) and after it (``when="after"``)."""

    def __init__(self, drawing: BodyMapDrawing, when: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.when = when
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.back_pain = PainInput("Back pain", f"Back pain {when}")
        self.leg_pain = PainInput("Leg pain", f"Leg pain {when}")
        self.editor = SymptomMapEditor(drawing)
        pains = QHBoxLayout()
        pains.addWidget(self.back_pain)
        pains.addSpacing(24)
        pains.addWidget(self.leg_pain)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(pains)
        layout.addWidget(self.editor, stretch=1)
        self.set_stopped(False)

    def set_stopped(self, stopped: bool) -> None:
        if self.when == "before":
            self.title.setText("How are you right now?")
            self.intro.setText(
                "Score your back and leg pain from 0 to 10 and check the map: it starts from "
                "your last one, so change only what is different."
            )
        elif stopped:
            self.title.setText("You stopped: how is it now?")
            self.intro.setText(
                "Stopping when it hurts is the right thing to do. Record how you feel now."
            )
        else:
            self.title.setText("How are you after the exercise?")
            self.intro.setText(
                "Score your pain again and show on the map where you feel it now. Look first "
                "at the farthest point down the leg."
            )

    def prefill(self, pain: PainScores | None, symptoms: SymptomMap) -> None:
        if pain is not None:
            self.back_pain.set_value(pain.back)
            self.leg_pain.set_value(pain.leg)
        self.editor.set_map(symptoms)

    def pain(self) -> PainScores:
        return PainScores(back=self.back_pain.value(), leg=self.leg_pain.value())

    def symptom_map(self) -> SymptomMap:
        return self.editor.symptom_map()

    def focus_first(self) -> None:
        self.back_pain.slider.setFocus()
