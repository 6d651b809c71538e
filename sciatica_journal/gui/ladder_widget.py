"""The exercise ladder at a glance: the rungs, where you are, your best press-up, the goal."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from sciatica_journal.domain.language import _
from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import PressUpRange


def rung_tags(goal: bool, goal_met: bool, here: bool) -> str:
    """What a rung's line adds to its name, e.g. "(goal, now)"; empty for a plain rung."""
    tags = []
    if goal:
        tags.append(_("goal ✓") if goal_met else _("goal"))
    if here:
        tags.append(_("now"))
    if not tags:
        return ""
    # Kept on one line: a wrapped rung moves "(goal ✓, now)" down whole.
    return _("({tags})").format(tags=_(", ").join(tags)).replace(" ", "\u00a0")


def best_words(best: PressUpRange | None) -> str:
    if best is None:
        return _("Best press-up so far: none yet")
    return _("Best press-up so far: {range} with your pelvis down").format(range=best.words)


class LadderWidget(QWidget):
    """The rungs, top first. Each line wraps (a long name in another language never widens
    the page); its tooltip gives the clinical name and the dose."""

    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self.setAccessibleName(_("Exercise ladder"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        heading = QLabel(_("Your ladder"))
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.rows: dict[str, QLabel] = {}
        for rung in reversed(program.rungs):  # the top of the ladder first
            label = QLabel()
            label.setObjectName("ladderRung")
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            self.rows[rung.slug] = label
            layout.addWidget(label)
        # Where the advice stepped down from, when and why (empty without a step-down).
        self.step_down = QLabel()
        self.step_down.setObjectName("stepDown")
        self.step_down.setWordWrap(True)
        self.step_down.setAccessibleName(_("Stepped down"))
        self.step_down.hide()
        layout.addWidget(self.step_down)
        self.best = QLabel()
        self.best.setWordWrap(True)
        self.best.setAccessibleName(_("Best press-up so far"))
        layout.addWidget(self.best)
        layout.addStretch(1)  # the rungs stay together when the card is taller

    def sizeHint(self) -> QSize:
        """As wide as its longest rung on one line (where the page has the room; with less
        the lines wrap)."""
        hint = super().sizeHint()
        widest = max(
            (row.fontMetrics().horizontalAdvance(row.text()) for row in self.rows.values()),
            default=0,
        )
        return QSize(max(hint.width(), widest + 4), hint.height())

    def show_state(
        self,
        current: str,
        best: PressUpRange | None,
        goal_met: bool,
        stepped_from: str | None = None,
        step_down: str = "",
    ) -> None:
        """``current``: the exercise to do now (the advice's rung); ``stepped_from``: the
        rung the advice stepped down from (marked ↓), ``step_down`` says when and why."""
        goal = self._program.goal.slug
        for rung in self._program.rungs:
            label = self.rows[rung.slug]
            here = rung.slug == current
            tags = rung_tags(rung.slug == goal, goal_met, here)
            text = _("{rung}  {tags}").format(rung=rung.label, tags=tags) if tags else rung.label
            down = rung.slug == stepped_from
            label.setText(("▶ " if here else "↓ " if down else "   ") + text)
            spoken = text.replace("\u00a0", " ")
            if down:
                spoken = _("{rung} (stepped down from here)").format(rung=spoken)
            label.setAccessibleName(spoken)
            label.setToolTip(
                _("{exercise}: {dose}").format(
                    exercise=rung.clinical_name, dose=rung.dose.describe()
                )
            )
            if label.property("current") != here:  # styled by #ladderRung[current="true"]
                label.setProperty("current", here)
                label.style().unpolish(label)
                label.style().polish(label)
        self.step_down.setText(step_down)
        self.step_down.setVisible(bool(step_down))
        self.best.setText(best_words(best))
        self.updateGeometry()
