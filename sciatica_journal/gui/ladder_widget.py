"""The exercise ladder at a glance: the rungs, where you are, your best press-up, the goal."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sciatica_journal.domain.program import Program
from sciatica_journal.domain.sessions import PressUpRange


class LadderWidget(QWidget):
    def __init__(self, program: Program, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._program = program
        self.setAccessibleName("Exercise ladder")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        heading = QLabel("Your ladder")
        heading.setObjectName("cardTitle")
        layout.addWidget(heading)
        self.rows: dict[str, QLabel] = {}
        for rung in reversed(program.rungs):  # the top of the ladder first
            label = QLabel()
            label.setObjectName("ladderRung")
            self.rows[rung.slug] = label
            layout.addWidget(label)
        self.best = QLabel()
        self.best.setWordWrap(True)
        self.best.setAccessibleName("Best press-up so far")
        layout.addWidget(self.best)

    def show_state(self, current: str, best: PressUpRange | None, goal_met: bool) -> None:
        goal = self._program.goal.slug
        for rung in self._program.rungs:
            label = self.rows[rung.slug]
            here = rung.slug == current
            tags = []
            if rung.slug == goal:
                tags.append("goal ✓" if goal_met else "goal")
            if here:
                tags.append("now")
            text = rung.label + (f"  ({', '.join(tags)})" if tags else "")
            label.setText(("▶ " if here else "   ") + text)
            label.setAccessibleName(text)
            label.setToolTip(f"{rung.clinical_name}: {rung.dose.describe()}")
            if label.property("current") != here:  # styled by #ladderRung[current="true"]
                label.setProperty("current", here)
                label.style().unpolish(label)
                label.style().polish(label)
        self.best.setText(
            "Best press-up so far: "
            + ("none yet" if best is None else f"{best.words} with your pelvis down")
        )
