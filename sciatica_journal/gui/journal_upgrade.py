"""The window shown while a journal written by an older version is brought to this
version's format (``services.journal_upgrade``): once, before the main window, and for a
long history several seconds, so the user sees that the app is working and why.

The update runs on a thread of its own while this window keeps painting; it is shown only
when the update takes longer than a moment (a short journal is done before it would
appear), cannot be closed while it runs (the update is all or nothing, and stopping it
would only mean doing it again), and is gone once the journal is ready. SIGTERM or Ctrl+C
meanwhile ends the app once the update is done (not in the middle of it).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.gui.announcements import announce
from sciatica_journal.services.journal_upgrade import upgrade

log = logging.getLogger(__name__)
T = TypeVar("T")

SHOW_AFTER_MS = 400  # an update done sooner shows no window
POLL_MS = 50


class UpgradeWindow(QDialog):
    """ "Updating your journal", with a busy bar; it closes only when told to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeWindow")
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(_("Updating your journal"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(_("Updating your journal"))
        heading.setObjectName("upgradeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        text = QLabel(
            _(
                "This version of the app keeps your journal in an updated form. A backup "
                "is made first, so nothing can be lost. This happens only once and can "
                "take a few seconds for a long history."
            )
        )
        text.setObjectName("upgradeText")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.bar = QProgressBar()
        self.bar.setObjectName("upgradeProgress")
        self.bar.setAccessibleName(_("Updating the journal"))
        self.bar.setRange(0, 0)  # busy: the migration reports no steps
        self.bar.setTextVisible(False)
        layout.addWidget(self.bar)
        self._may_close = False

    def finish(self) -> None:
        self._may_close = True
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
        else:
            event.ignore()  # all or nothing: it finishes first

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self._may_close:
            event.ignore()
            return
        super().keyPressEvent(event)


def run_with_window(work: Callable[[], T], *, show_after_ms: int = SHOW_AFTER_MS) -> T:
    """Run ``work`` (the update) on a thread while the window says so; returns its result
    or raises its error here, in the caller's thread. Needs the QApplication."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    worker = threading.Thread(target=run, name="journal-upgrade", daemon=True)
    window = UpgradeWindow()
    loop = QEventLoop()

    def show() -> None:
        if worker.is_alive():
            log.info("journal update: showing its window")
            window.show()
            announce(window, _("Updating your journal. This happens once."))

    def check() -> None:
        if not worker.is_alive():
            poll.stop()
            loop.quit()

    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(check)
    stopped: list[int] = []

    def on_signal(signum: int, frame: object) -> None:
        stopped.append(signum)  # the update finishes first: it is all or nothing

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        QTimer.singleShot(show_after_ms, show)
        worker.start()
        poll.start()
        loop.exec()
        worker.join()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    window.finish()
    window.deleteLater()
    if failure:
        raise failure[0]
    if stopped:  # asked to stop while it worked: now that it is done, as before the window
        log.info("journal update: stopping as asked")
        raise SystemExit(0)
    return outcome[0]


def update_with_window(folder: Path) -> None:
    """Bring the journal in ``folder``, of an older format, to this version's while the
    window says so (``build_services`` then opens it as usual)."""
    from sciatica_journal.gui.application import make_application

    print("sciatica-journal: updating the journal to this version", file=sys.stderr, flush=True)
    make_application()
    applied = run_with_window(lambda: upgrade(folder), show_after_ms=SHOW_AFTER_MS)
    log.info("journal updated: %d migrations", len(applied))
