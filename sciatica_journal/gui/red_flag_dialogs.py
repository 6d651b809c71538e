"""The red-flag questions and the screens that follow a "yes" (DESIGN §2.3).

``run_red_flag_check`` is the reusable component: it asks, keeps the answers
through the service, and shows the urgent or "contact your doctor" screen.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import N_, _
from sciatica_journal.domain.program import RedFlagAdvice
from sciatica_journal.domain.red_flags import RedFlagQuestion, ScreenResult, Trigger
from sciatica_journal.gui import palette
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.window_fit import fit_to_screen, scrolling
from sciatica_journal.services.red_flag_service import RedFlagService

INTRO = {
    Trigger.DAILY: N_("Before today's first session, please answer these questions honestly."),
    Trigger.SADDLE: N_(
        "You marked the area between your legs. Please answer these questions before going on."
    ),
    Trigger.BOTH_LEGS: N_(
        "You marked symptoms in both legs. Please answer these questions before going on."
    ),
}


class RedFlagDialog(QDialog):
    """Yes/No for every question; Continue is enabled once all are answered."""

    def __init__(
        self,
        questions: tuple[RedFlagQuestion, ...],
        trigger: Trigger,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Safety questions"))
        self.setAccessibleName(_("Safety questions"))
        self.setMinimumWidth(640)
        self._questions = questions
        self._groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        heading = QLabel(_("Safety questions"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        intro = QLabel(
            _(
                "{why} A “yes” does not mean something is wrong, but it needs a doctor's attention."
            ).format(why=_(INTRO[trigger]))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(0, 1)
        for row, question in enumerate(questions):
            text = QLabel(
                _("{number}. {question}").format(number=row + 1, question=question.question)
            )
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            yes, no = QRadioButton(_("Yes")), QRadioButton(_("No"))
            yes.setAccessibleName(_("Question {number}: yes").format(number=row + 1))
            no.setAccessibleName(_("Question {number}: no").format(number=row + 1))
            yes.setAccessibleDescription(question.question)
            no.setAccessibleDescription(question.question)
            group.addButton(yes, 1)
            group.addButton(no, 0)
            group.idToggled.connect(self._update_continue)
            self._groups[question.code] = group
            grid.addWidget(text, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(yes, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(no, row, 2, Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, stretch=1)

        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(
            _("Continue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.continue_button.setAccessibleName(_("Continue"))
        self.continue_button.setEnabled(False)
        later = buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setAccessibleName(_("Not now"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(720, 640))

    def _update_continue(self) -> None:
        self.continue_button.setEnabled(all(g.checkedId() in (0, 1) for g in self._groups.values()))

    def answers(self) -> dict[str, bool]:
        return {code: group.checkedId() == 1 for code, group in self._groups.items()}


def rich_text(text: str) -> str:
    """The little markup of program.toml texts (paragraphs, "- " bullets, **bold**) as HTML."""
    out = []
    for block in text.strip().split("\n\n"):
        lines = [html.escape(line.strip()) for line in block.strip().splitlines()]
        lines = [re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", line) for line in lines]
        if all(line.startswith("- ") for line in lines):
            out.append("<ul>" + "".join(f"<li>{line[2:]}</li>" for line in lines) + "</ul>")
        else:
            out.append("<p>" + " ".join(lines) + "</p>")
    return "".join(out)


class OutcomeDialog(QDialog):
    """The screen after a "yes": unmistakable colour, a headline, what to do now."""

    def __init__(
        self,
        result: ScreenResult,
        yes_to: list[RedFlagQuestion],
        advice: RedFlagAdvice,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        urgent = result is ScreenResult.URGENT
        title = advice.urgent_title if urgent else advice.doctor_title
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        banner = QLabel(("⚠  " if urgent else "") + title)
        banner.setObjectName("urgentBanner" if urgent else "doctorBanner")
        colours = palette.current()
        banner.setStyleSheet(
            f"font-size: 20pt; font-weight: 700; padding: 18px; color: {colours.on_accent}; "
            f"background: {colours.stop if urgent else colours.doctor};"
        )
        banner.setAccessibleName(title)
        banner.setWordWrap(True)  # the German headline is wider than the dialog in 20 pt
        layout.addWidget(banner)
        listed = "".join(f"<li>{html.escape(q.question)}</li>" for q in yes_to)
        body = QLabel(
            rich_text(advice.urgent_text if urgent else advice.doctor_text)
            + "<p><b>"
            + html.escape(_("You answered “yes” to:"))
            + f"</b></p><ul>{listed}</ul>"
        )
        body.setTextFormat(Qt.TextFormat.RichText)
        body.setWordWrap(True)
        body.setAccessibleName(_("What to do"))
        body.setContentsMargins(18, 6, 18, 6)
        layout.addWidget(scrolling(body), stretch=1)
        button = QPushButton(_("I understand") if urgent else _("Continue"))
        button.setAccessibleName(button.text())
        button.setDefault(True)
        button.clicked.connect(self.accept)
        row = QDialogButtonBox()
        row.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        row.setContentsMargins(18, 0, 18, 0)
        layout.addWidget(row)
        # As tall as the wrapped lines need at this width (the screen caps it; the text
        # scrolls beyond), not the height Qt guesses for them at a width of its own.
        width = 620
        wanted = layout.sizeHint().height()
        for label in (banner, body):
            wanted += label.heightForWidth(width) - label.sizeHint().height()
        fit_to_screen(self, QSize(width, wanted))


def run_red_flag_check(
    service: RedFlagService,
    trigger: Trigger,
    runner: OperationRunner,
    parent: QWidget | None = None,
) -> ScreenResult | None:
    """Ask the questions, keep the answers (an operation: it can be undone), show what
    follows. None: the user said "Not now"."""
    dialog = RedFlagDialog(service.questions, trigger, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    answers = dialog.answers()
    result = runner.run(lambda: runner.operations.record_screening(answers, trigger)).value
    if result is not ScreenResult.CLEAR:
        yes_to = [q for q in service.questions if answers[q.code]]
        OutcomeDialog(result, yes_to, service.advice_texts, parent).exec()
    return result
