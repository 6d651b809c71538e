"""The floor view (issue 13): a set seen from two or three metres away, face down.

The count or the time left in digits at least a third of the view's height, the current
instruction in large words ("Up", "Hold", "Down", "Relax"), what the keys do, in the
highest contrast of the colour scheme (black on white, or white on black). Everything is
sized from the view's height and width at each resize; the instruction also to its own
words, so a long one ("Angehalten: Leertaste setzt fort") stays on one line. The sizes
depend on the view's size and the texts only, never on what the layout makes of them, so
no resize comes back to resize the type again.

The view has no rules of its own: it reports what the user did (``pressed``: a key, or
"click" for a click anywhere) and the set step decides what that means (stop, pause, one
more repetition). Every key reaches it, shortcuts included, while it is shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sciatica_journal.domain.language import _
from sciatica_journal.gui import palette
from sciatica_journal.gui.announcements import announce

DIGITS_SHARE = 0.36  # the digits' own height, of the view's height (the issue: at least 1/3)
WORDS_SHARE = 0.11  # the instruction's letters
LINE_SHARE = 0.035  # the lines of text (title, hints, notice)


class BigDigits(QLabel):
    """Digits drawn by their own outline, centred, in a box just their height: at a third
    of the screen a font's empty ascent and descent would take another sixth."""

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self._pixels = 48

    def set_pixels(self, pixels: int) -> None:
        self._pixels = pixels
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(pixels)
        self.setFont(font)
        self.updateGeometry()
        self.update()

    def glyph_height(self) -> int:
        """How tall the digits stand on screen, in pixels."""
        return QFontMetrics(self.font()).tightBoundingRect("0123456789").height()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("10:00"), round(self.glyph_height() * 1.12))

    def minimumSizeHint(self) -> QSize:
        return QSize(10, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = QFontMetrics(self.font())
        ink = metrics.tightBoundingRect("0123456789")
        x = (self.width() - metrics.horizontalAdvance(self.text())) / 2
        baseline = (self.height() + ink.height()) / 2 - ink.bottom()
        painter.drawText(QPointF(x, baseline), self.text())
        painter.end()


class FloorView(QWidget):
    pressed = Signal(object)  # a Qt.Key, or "click"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorView")
        self.setAccessibleName(_("Floor view"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel()
        self.title.setAccessibleName(_("Exercise"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(_("Sound"))
        self.notice.hide()
        self.digits = BigDigits("0")
        self.digits.setAccessibleName(_("Count"))
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.goal = QLabel()
        self.goal.setAccessibleName(_("Planned"))
        self.goal.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.goal.setWordWrap(True)
        self.instruction = QLabel()
        self.instruction.setAccessibleName(_("Instruction"))
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setAccessibleName(_("Keys"))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.stop_button = QPushButton(_("Stop — this hurts  (Esc)"))
        self.stop_button.setAccessibleName(_("Stop — this hurts"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the view
        self.stop_button.clicked.connect(lambda: self.pressed.emit(Qt.Key.Key_Escape))
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.stop_button)
        self.buttons.addStretch(1)
        for label in (self.title, self.notice, self.digits, self.goal, self.instruction):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, stretch=1)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addWidget(self.digits)
        layout.addWidget(self.goal)
        layout.addWidget(self.instruction)
        layout.addStretch(1)
        layout.addWidget(self.hint)
        layout.addLayout(self.buttons)
        self._sized_for = (0, 0)
        self._words = 18  # the instruction's letters at most (from the height), in pixels
        self._words_shown = 0  # as set on the label (fitted to the width)
        self.apply_colours()

    def add_button(self, button: QPushButton) -> None:
        """A button of the set's own (manual counting: −1, Done), before Stop."""
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons.insertWidget(self.buttons.count() - 2, button)

    # ---- what is shown ------------------------------------------------------------

    def show_count(self, digits: str, spoken: str, *, say: bool = False) -> None:
        """The digits; ``say``: a screen reader hears ``spoken`` (a count, not every second
        of a hold: its minutes and last seconds come as cues)."""
        if self.digits.text() != digits:
            self.digits.setText(digits)
            self.digits.setAccessibleDescription(spoken)
            if say:
                announce(self.digits, spoken)

    def show_instruction(self, shown: str, said: str = "", *, assertive: bool = False) -> None:
        """``shown`` in large letters; a screen reader hears ``said`` (what the voice says,
        e.g. "2 minutes left" while "Relax" stays on screen), or ``shown``."""
        changed = self.instruction.text() != shown
        if changed:
            self.instruction.setText(shown)
            self._fit_instruction()
        if said or changed:
            announce(self.instruction, said or shown, assertive=assertive)

    def show_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def apply_colours(self) -> None:
        """The highest contrast of the scheme in use: white on black or black on white."""
        dark = palette.current().dark
        ground, ink = ("#000000", "#ffffff") if dark else ("#ffffff", "#000000")
        self.setStyleSheet(
            f"#floorView {{ background: {ground}; }}"
            f" #floorView QLabel {{ color: {ink}; background: transparent; }}"
        )
        self._sized_for = (0, 0)
        self._fit_type()

    # ---- sizes --------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_type()

    def _fit_type(self) -> None:
        width, height = self.width(), self.height()
        if (width, height) == self._sized_for or height <= 0:
            return
        self._sized_for = (width, height)
        digits = self.digits_pixels(width, height)
        # The lines and the buttons' row also fit the width (German at 1024 px): never
        # wider than the view, so no scroll bar comes and goes resizing the type again.
        line = max(12, min(round(height * LINE_SHARE), round(width / 72)))
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(line, line // 2, line, line // 2)
        words = max(18, round(height * WORDS_SHARE))
        self.digits.set_pixels(digits)
        self._words, self._words_shown = words, 0
        self._fit_instruction()
        self.goal.setStyleSheet(f"font-size: {max(14, round(words * 0.45))}px;")
        for label in (self.title, self.hint, self.notice):
            label.setStyleSheet(f"font-size: {line}px;")
        self.stop_button.setStyleSheet(f"font-size: {line}px; padding: {line // 2}px {line}px;")
        for index in range(self.buttons.count()):
            entry = self.buttons.itemAt(index)
            item = entry.widget() if entry is not None else None
            if isinstance(item, QPushButton) and item is not self.stop_button:
                item.setStyleSheet(f"font-size: {line}px; padding: {line // 2}px {line}px;")

    def _fit_instruction(self) -> None:
        """The instruction's letters: ``_words`` pixels, or smaller until its words fit the
        view's width on one line (they wrap only below 18 px)."""
        margins = self.contentsMargins()
        layout = self.layout()
        if layout is not None:
            margins = layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 8
        pixels = self._words
        font = QFont(self.instruction.font())
        font.setBold(True)
        while pixels > 18:
            font.setPixelSize(pixels)
            if QFontMetrics(font).horizontalAdvance(self.instruction.text()) <= room:
                break
            pixels -= max(1, pixels // 20)
        pixels = max(18, pixels)
        if pixels != self._words_shown:
            self._words_shown = pixels
            self.instruction.setStyleSheet(f"font-size: {pixels}px; font-weight: 700;")

    def digits_pixels(self, width: int, height: int) -> int:
        """A font size whose digits stand ``DIGITS_SHARE`` of ``height`` tall, and "10:00"
        fits the width."""
        font = QFont(self.digits.font())
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetrics(font)
        tall = max(1, metrics.tightBoundingRect("0123456789").height())
        wide = max(1, metrics.horizontalAdvance("10:00"))
        return max(24, min(round(100 * DIGITS_SHARE * height / tall), round(90 * width / wide)))

    # ---- the user -----------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # While the set runs every key is the user's answer to it: none is a shortcut, and
        # Tab does not move the focus away (it would take the keys from the set).
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        tab = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if pressed and event.key() in tab:  # type: ignore[attr-defined]
            self.keyPressEvent(event)  # type: ignore[arg-type]
            return True
        return super().event(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        del next
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.isAutoRepeat():
            event.accept()
            return
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta):
            return  # a modifier alone is not an answer
        event.accept()
        self.pressed.emit(key)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.pressed.emit("click")
