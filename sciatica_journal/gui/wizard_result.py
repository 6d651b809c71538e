"""The wizard's last step: the outcome, why, and what to do next."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from sciatica_journal.domain.advice import Advice
from sciatica_journal.domain.sessions import Outcome

OUTCOME_TONES = {  # the colour of each tone is the stylesheet's (#outcome[tone=...])
    Outcome.ABOLISHED: "good",
    Outcome.CENTRALIZED: "good",
    Outcome.BETTER: "good",
    Outcome.NO_CHANGE: "same",
    Outcome.WORSE: "bad",
    Outcome.PERIPHERALIZED: "bad",
}


class ResultStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("How it went")
        title.setObjectName("pageTitle")
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setAccessibleName("Outcome")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What you did")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName("Why")
        next_title = QLabel("What next")
        next_title.setObjectName("fieldTitle")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName("Next")
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setObjectName("warningBox")
        self.contact.setAccessibleName("Contact your clinician")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note (optional)")
        self.note.setMaxLength(5000)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setAccessibleName("Problem")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.outcome)
        layout.addWidget(self.summary)
        layout.addWidget(self.explanation)
        layout.addSpacing(12)
        layout.addWidget(next_title)
        layout.addWidget(self.advice)
        layout.addWidget(self.contact)
        layout.addStretch(1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)

    def show_result(self, outcome: Outcome, explanation: str, advice: Advice, summary: str) -> None:
        self.summary.setText(summary)
        self.outcome.setText(outcome.label)
        self.outcome.setProperty("tone", OUTCOME_TONES[outcome])
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.explanation.setText(explanation)
        self.advice.setText(advice.reason)
        self.contact.setText(advice.contact_reason)
        self.contact.setVisible(advice.contact_clinician)
        self.error.hide()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def focus_first(self) -> None:
        self.note.setFocus()
