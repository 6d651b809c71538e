"""Windows that fit the screen they open on, and remember the size the user gave them.

``fit_to_screen`` sizes a window to what it would like, capped by the screen's
available area (less room for a title bar), and centres it over its parent or the
screen. ``WindowSizes`` keeps the sizes the user chose in a small settings file
beside the journal and brings them back the next time, still capped by the screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

# Room left for a window manager's frame and title bar, which Qt cannot measure before
# the window is shown.
FRAME_ALLOWANCE = QSize(16, 48)
SETTINGS_FILE = "window-sizes.ini"


def screen_of(widget: QWidget) -> QScreen:
    """The screen a window is on, or will open on (its parent's, else the primary one)."""
    if widget.isVisible():
        return widget.screen()
    parent = widget.parentWidget()
    if parent is not None:
        return parent.window().screen()
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen


def available_rect(widget: QWidget) -> QRect:
    return screen_of(widget).availableGeometry()


def capped_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made smaller where the screen (less the frame allowance) is smaller."""
    room = available_rect(widget).size() - FRAME_ALLOWANCE
    width = max(200, min(wanted.width(), room.width()))
    return QSize(width, max(150, min(wanted.height(), room.height())))


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Resize to ``wanted`` as far as the screen allows, and centre over parent or screen."""
    widget.resize(capped_size(widget, wanted))
    place_on_screen(widget)


def place_on_screen(widget: QWidget) -> None:
    """Centre over the parent window (or the screen), kept wholly inside the screen."""
    area = available_rect(widget)
    parent = widget.parentWidget()
    anchor = parent.window().frameGeometry().center() if parent else area.center()
    size = widget.size()
    x = anchor.x() - size.width() // 2
    y = anchor.y() - size.height() // 2
    # Keep the title bar's room at the top and the whole window inside the screen.
    x = max(area.left(), min(x, area.right() - size.width() + 1))
    y = max(area.top(), min(y, area.bottom() - size.height() + 1 - FRAME_ALLOWANCE.height()))
    widget.move(QPoint(x, max(area.top(), y)))


def least_height_for_width(widget: QWidget, width: int) -> int:
    """The least height at which nothing in ``widget`` is cut off at ``width``: wrapped text
    gets the lines it needs, everything else its minimum (not its preferred) height."""
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        return max(layout.totalMinimumHeightForWidth(width), widget.minimumHeight())
    if layout is None and widget.hasHeightForWidth():  # e.g. a wrapped label on its own
        return max(widget.heightForWidth(width), widget.minimumHeight())
    return widget.minimumSizeHint().expandedTo(widget.minimumSize()).height()


class _Fitted(QWidget):
    """Holds a scroll area's content. A scroll area gives content whose height depends on
    its width (wrapped text) at least its *preferred* height, and so scrolls when it need
    not; this holder answers with the least height instead: it scrolls only when needed."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(content)
        self.content = content

    def heightForWidth(self, width: int) -> int:
        return least_height_for_width(self.content, width)


class _ContentArea(QScrollArea):
    """A scroll area that asks for its content's whole size (Qt's own hint stops at 24 lines
    of text), so that a dialog opens as large as its content where the screen allows."""

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return content.sizeHint() + QSize(bar, 0)


def scrolling(content: QWidget, name: str = "", *, fitted: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area that gives it the whole width and height it
    can, and scrolls only what does not fit. ``fitted=False``: the content answers
    ``heightForWidth`` with its least height itself."""
    area = _ContentArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    holder = _Fitted(content) if fitted else content
    area.setWidget(holder)
    # setWidget paints the content's background in the palette's grey: keep the window's.
    holder.setAutoFillBackground(False)
    area.viewport().setAutoFillBackground(False)
    if name:
        area.setAccessibleName(name)
    return area


def reveal(widget: QWidget) -> None:
    """Scroll the scroll area that holds ``widget`` until it is in view, once the layouts
    have made room for it (e.g. a notice just shown below the fold)."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if isinstance(area, QScrollArea):
        shown = area
        QTimer.singleShot(0, shown, lambda: shown.ensureWidgetVisible(widget))


class WindowSizes:
    """The sizes the user gave the main window and the larger dialogs, kept between runs."""

    def __init__(self, folder: Path) -> None:
        self._settings = QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)

    def restore(self, widget: QWidget, key: str, wanted: QSize) -> None:
        """Open at the remembered size (or ``wanted``), fitted to the screen; keep what the
        user chooses from now on."""
        saved = self._settings.value(f"{key}/size")
        size = saved if isinstance(saved, QSize) and saved.isValid() else wanted
        fit_to_screen(widget, size)
        maximized = self._settings.value(f"{key}/maximized", False, type=bool)
        widget.installEventFilter(_Keeper(self, key, bool(maximized), widget))

    def remember(self, widget: QWidget, key: str) -> None:
        maximized = widget.isMaximized() or widget.isFullScreen()
        self._settings.setValue(f"{key}/maximized", maximized)
        if not maximized:
            self._settings.setValue(f"{key}/size", widget.size())
        self._settings.sync()


class _Keeper(QObject):
    """Saves a window's size when it is hidden or closed; maximises it again on first show."""

    def __init__(self, sizes: WindowSizes, key: str, maximized: bool, widget: QWidget) -> None:
        super().__init__(widget)
        self._sizes = sizes
        self._key = key
        self._maximize = maximized

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and self._maximize and isinstance(watched, QWidget):
            self._maximize = False
            watched.showMaximized()
        elif kind == QEvent.Type.Hide and isinstance(watched, QWidget):
            self._sizes.remember(watched, self._key)
        return False
