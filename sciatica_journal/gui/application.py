"""Starting the window: the QApplication, the first-run flow, clean shutdown on signals."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from sciatica_journal import APP_ID, APP_NAME, __version__
from sciatica_journal.domain import language
from sciatica_journal.domain.language import _
from sciatica_journal.domain.preferences import Appearance
from sciatica_journal.gui.chart_preload import preload_when_idle
from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.theme import theme
from sciatica_journal.gui.translation import install_translators
from sciatica_journal.gui.unexpected_errors import report_unexpected as _report_unexpected
from sciatica_journal.paths import take_raise_request
from sciatica_journal.services import languages
from sciatica_journal.services.autostart import Autostart
from sciatica_journal.services.backup_service import JournalFileError, RestoreError
from sciatica_journal.services.container import Services, build_services
from sciatica_journal.services.failures import os_problem

log = logging.getLogger(__name__)

# Benchmarks set this to quit as soon as the main window has painted once.
EXIT_AFTER_PAINT_ENV = "SCIATICA_JOURNAL_EXIT_AFTER_PAINT"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    install_translators(app)
    if not theme().applied:  # the desktop's scheme until the journal's preference is read
        theme().set_appearance(Appearance.SYSTEM)
    return app


def run_first_run(services: Services) -> bool:
    """Disclaimer, then profile set-up, as far as they are still needed. False: the user quit."""
    profiles = services.profiles
    if profiles.needs_disclaimer():
        from sciatica_journal.gui.disclaimer_dialog import DisclaimerDialog  # first run only

        log.info("first run: showing the disclaimer")
        if DisclaimerDialog(services.program, None).exec() != QDialog.DialogCode.Accepted:
            return False
        profiles.accept_disclaimer()
    if profiles.needs_setup():
        from sciatica_journal.gui.profile_dialog import ProfileDialog
        from sciatica_journal.gui.profile_form import ProfileForm

        dialog = ProfileDialog(
            profiles,
            ProfileForm(services.program),
            first_run=True,
            preferences=services.preferences,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    return True


class _FirstPaint(QObject):
    """Logs "ready" at the window's first paint (and quits, for the launch benchmark)."""

    def __init__(self, on_paint: Callable[[], None]) -> None:
        super().__init__()
        self._on_paint = on_paint
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._on_paint)
        return False


def install_signal_handlers(app: QApplication, on_signal: Callable[[], None]) -> QSocketNotifier:
    """SIGTERM and SIGINT close the app as the close button does."""
    reader, writer = socket.socketpair()
    writer.setblocking(False)
    reader.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: None)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        log.info("signal received: closing")
        on_signal()

    notifier.activated.connect(drain)
    _signal_sockets[:] = [reader, writer]  # they must outlive this function
    return notifier


_signal_sockets: list[socket.socket] = []


class DailyBackup(QObject):
    """Today's verified backup, made after the first paint on a worker thread (the window
    stays responsive); the status bar says when it is done, or that it failed."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup")
        self._future: Future[Path] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._check)
        self._window: MainWindow | None = None

    def start(self, window: MainWindow) -> None:
        if self._future is not None or not self._services.backups.daily_due():
            return
        self._window = window
        self._future = self._pool.submit(self._services.backups.make_daily)
        self._timer.start()

    def _check(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        window = self._window
        try:
            future.result()
        except OSError as exc:
            log.warning("daily backup failed")
            if window is not None:
                window.statusBar().showMessage(
                    _("Today's backup could not be made: {problem}").format(
                        problem=os_problem(exc)
                    ),
                    30_000,
                )
            return
        if window is not None:
            window.statusBar().showMessage(_("Today's backup of your journal is made."), 10_000)

    def wait(self) -> None:
        """Let a backup under way finish (it is never left half-written)."""
        future = self._future
        if future is not None:
            future.exception()  # waits; its outcome is reported by _check, if still shown

    def detach(self) -> None:
        """The window is going away: report nothing to it any more."""
        self._timer.stop()
        self._future = None
        self._window = None


@dataclass(frozen=True)
class RestoreRequest:
    """A journal replaced by a backup: chosen in File → Restore, or an undo or redo of that;
    or (``how="restart"``) the same journal opened again, e.g. in a new language."""

    backup: Path
    how: str = "restore"  # "restore", "undo", "redo" or "restart"
    label: str = ""  # of an undo or redo: the step's label


def _restarted(services: Services) -> Services:
    """The journal closed and opened again: the services (the programme's texts too) and
    Qt's translators in the language its Settings name now."""
    services.close()
    reopened = build_services(services.data_dir, services.clock)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_translators(app)
    log.info("journal opened again (language %s)", language.code())
    return reopened


def _reopen_from(
    services: Services, request: RestoreRequest, ask: Callable[[Path, str, str], None]
) -> Services:
    """Close the journal, replace it with the backup (the journal as it was is backed up
    first), and open it again; says what was done, or why nothing was. The new journal's
    Edit menu can undo the restore (or redo it, after an undo)."""
    services.close()
    done = None
    try:
        done = services.backups.restore(request.backup)
    except (RestoreError, JournalFileError, OSError) as exc:
        problem = os_problem(exc) if isinstance(exc, OSError) else exc
        QMessageBox.warning(
            None, APP_NAME, _("Nothing was restored: {problem}").format(problem=problem)
        )
    else:
        kept = done.saved or done.aside
        said = {
            "restore": _("Your journal was restored from the backup."),
            "undo": _("The restore was undone: your journal is back as it was before it."),
            "redo": _("The restore was done again."),
        }[request.how]
        if kept:
            said += "\n\n" + _("The journal as it was is kept in {path}.").format(path=kept)
        QMessageBox.information(None, APP_NAME, said)
    reopened = build_services(services.data_dir, services.clock)
    if done is not None:
        reopened.operations.restored(
            request.label or _("restore from {backup}").format(backup=request.backup.name),
            done.saved,
            ask,
            undone=request.how == "undo",
        )
    return reopened


def _come_forward_when_asked(window: Callable[[], MainWindow], folder: Path) -> QFileSystemWatcher:
    """A second start on the same journal asks this window to come to the front."""
    take_raise_request(folder)  # an old request is not for this window
    watcher = QFileSystemWatcher([str(folder)])

    def look(_changed: str) -> None:
        if take_raise_request(folder):
            log.info("asked to come to the front")
            shown = window()
            shown.showNormal()
            shown.raise_()
            shown.activateWindow()

    watcher.directoryChanged.connect(look)
    return watcher


def run_window(
    services: Services, *, background: bool = False, autostart: Autostart | None = None
) -> int:
    """The window on ``services``' journal. ``background`` (the ``--background`` flag, as
    the autostart entry starts it): the reminders run without showing the window, when
    "Keep running in the background" is on; otherwise there is nothing to do."""
    if background and not services.reminders.keeps_running():
        log.info("started in the background, but running in the background is off")
        print("sciatica-journal: not running in the background (off in Settings)", file=sys.stderr)
        return 0
    app = make_application()
    app.setQuitOnLastWindowClosed(True)
    theme().set_appearance(services.preferences.preferences().appearance)
    sys.excepthook = _report_unexpected
    window: MainWindow | None = None
    stopping = False

    def on_signal() -> None:
        nonlocal stopping
        stopping = True
        # Dialogs end without questions (an unfinished session is not saved, as with
        # Cancel); then the main window closes like its close button.
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.quit_app()  # also when it keeps running in the background
        app.closeAllWindows()

    notifier = install_signal_handlers(app, on_signal)
    try:
        if not run_first_run(services) or stopping:
            log.info("first-run set-up left; quitting")
            return 0
        current = services
        if languages.choose(services.preferences.preferences().language) != language.code():
            current = _restarted(services)  # the language chosen at set-up, at once
        theme().set_appearance(current.preferences.preferences().appearance)
        window = MainWindow(current, autostart)
        shown: list[MainWindow] = [window]  # the window of the journal now open
        daily_backup = DailyBackup(current)

        def ready() -> None:
            log.info("ready: main window painted")
            print("sciatica-journal: ready", file=sys.stderr, flush=True)
            if os.environ.get(EXIT_AFTER_PAINT_ENV):
                window.quit_app()
                return
            daily_backup.start(window)
            preload_when_idle(window.prepare_progress)  # after the first paint

        first_paint = _FirstPaint(ready)
        window.installEventFilter(first_paint)
        watcher = _come_forward_when_asked(lambda: shown[-1], services.data_dir)
        try:
            chosen: list[RestoreRequest] = []

            def ask(path: Path, how: str, label: str) -> None:
                """An undo or redo of a restore: the window closes and the journal is
                replaced (after the step returns)."""
                chosen.append(RestoreRequest(path, how, label))
                QTimer.singleShot(0, shown[-1].quit_app)

            chosen_before = False  # a journal reopened after a restore shows its window
            while True:
                chosen.clear()
                window_now = shown[-1]

                def restore_chosen(path: Path, w: MainWindow = window_now) -> None:
                    chosen.append(RestoreRequest(path))
                    w.quit_app()

                def restart_chosen(w: MainWindow = window_now) -> None:
                    chosen.append(RestoreRequest(Path(), "restart"))
                    w.quit_app()  # also when it would keep running in the background

                window_now.restore_requested.connect(restore_chosen)
                window_now.restart_requested.connect(restart_chosen)
                window_now.reminder_parts.follow_preferences()  # the autostart entry, fresh
                window_now.reminder_parts.show_launch_notice()
                if background and not chosen_before:
                    app.setQuitOnLastWindowClosed(False)  # no window: only Quit ends it
                    log.info("running in the background")
                    daily_backup.start(window_now)
                    print(
                        "sciatica-journal: running in the background", file=sys.stderr, flush=True
                    )
                else:
                    window_now.show()
                chosen_before = True
                status = app.exec()
                if not chosen or stopping:
                    return status
                daily_backup.wait()
                daily_backup.detach()
                shown.pop().retire()
                if chosen[0].how == "restart":
                    current = _restarted(current)
                else:
                    current = _reopen_from(current, chosen[0], ask)
                theme().set_appearance(current.preferences.preferences().appearance)
                shown.append(MainWindow(current, autostart))
        finally:
            del watcher
            daily_backup.wait()  # a backup under way is finished, not left half-written
            daily_backup.detach()
            if current is not services:
                current.close()
    finally:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, signal.SIG_DFL)


def offer_restore(problem: str, backup: Path) -> bool:
    """The journal cannot be opened: say why and offer the newest verified backup. True
    when the user chose to restore it (the damaged file is kept aside, untouched)."""
    make_application()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        APP_NAME,
        problem[:1].upper() + problem[1:] + ".",
    )
    box.setInformativeText(
        _(
            "The newest verified backup is {backup}. Restore it? The file that could not be "
            "opened is kept as it is, beside the journal."
        ).format(backup=backup.name)
    )
    restore = box.addButton(_("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
    restore.setAccessibleName(_("Restore the backup"))
    close = box.addButton(_("Close the app"), QMessageBox.ButtonRole.RejectRole)
    close.setAccessibleName(_("Close the app"))
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def show_startup_error(message: str, *, fatal: bool = True) -> None:
    """A modal message for a journal that could not be opened (when a screen is available);
    ``fatal=False``: only information (e.g. the journal is open in another window)."""
    make_application()
    icon = QMessageBox.Icon.Critical if fatal else QMessageBox.Icon.Information
    box = QMessageBox(icon, APP_NAME, message[:1].upper() + message[1:] + ".")
    if fatal:
        box.setInformativeText(_("Nothing was changed. The app will now close."))
    box.exec()
