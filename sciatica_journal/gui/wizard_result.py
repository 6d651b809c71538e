"""The wizard's last step: the outcome, why, and what to do next."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from sciatica_journal.domain.advice import Advice
from sciatica_journal.domain.doses import done_of, incomplete_note, is_complete, marked_dose
from sciatica_journal.domain.journal import describe_hold
from sciatica_journal.domain.language import _, n_
from sciatica_journal.domain.program import Rung
from sciatica_journal.domain.sessions import NewSession, Outcome
from sciatica_journal.gui.announcements import announce

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
        title = QLabel(_("How it went"))
        title.setObjectName("pageTitle")
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setAccessibleName(_("Outcome"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_("What you did"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(_("Why"))
        next_title = QLabel(_("What next"))
        next_title.setObjectName("fieldTitle")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAccessibleName(_("Next"))
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setObjectName("warningBox")
        self.contact.setAccessibleName(_("Contact your clinician"))
        self.note = QLineEdit()
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("Note (optional)"))
        self.note.setMaxLength(5000)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setAccessibleName(_("Problem"))
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
        spoken = [_("Outcome: {outcome}.").format(outcome=outcome.label), explanation]
        spoken.append(advice.reason)
        if advice.contact_clinician:
            spoken.append(advice.contact_reason)
        announce(self.outcome, " ".join(t for t in spoken if t), assertive=True)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def focus_first(self) -> None:
        self.note.setFocus()


def session_summary(draft: NewSession, rung: Rung) -> str:
    """What was done, in one line: "Baby press-ups: 8 repetitions, half way up, pelvis
    down. ..."; against the plan when it is known ("3 of 10 reps, incomplete"), and why an
    incomplete session does not count (DESIGN §2.2 rule 9)."""
    done = []
    complete = is_complete(rung, draft.reps_done, draft.hold_seconds, draft.stopped_for_pain)
    if draft.planned is not None and done_of(rung, draft.reps_done, draft.hold_seconds) is not None:
        done.append(marked_dose(rung, draft.reps_done, draft.hold_seconds, draft.planned, complete))
    else:
        if draft.reps_done is not None:
            reps = draft.reps_done
            done.append(n_("{n} repetition", "{n} repetitions", reps).format(n=reps))
        if draft.hold_seconds is not None:
            done.append(describe_hold(draft.hold_seconds))
        if not complete:
            done.append(_("incomplete"))
    if draft.range_reached is not None:
        done.append(draft.range_reached.words)
    if draft.pelvis_stayed_down is not None:
        done.append(_("pelvis down") if draft.pelvis_stayed_down else _("pelvis lifted"))
    if draft.stopped_for_pain:
        done.append(_("stopped because it hurt"))
    before, after = draft.pain_before, draft.pain_after
    if after is None:
        pain = _("Back pain {back}, leg pain {leg} before; not scored after.").format(
            back=before.back, leg=before.leg
        )
    else:
        pain = _(
            "Back pain {back_before} → {back_after}, leg pain {leg_before} → {leg_after}."
        ).format(
            back_before=before.back,
            back_after=after.back,
            leg_before=before.leg,
            leg_after=after.leg,
        )
    text = _("{exercise}: {what_was_done}. {pain}").format(
        exercise=rung.name, what_was_done=_(", ").join(done), pain=pain
    )
    return text if complete else f"{text} {incomplete_note(rung)}"
