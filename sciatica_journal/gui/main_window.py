"""The main window: assembles the pages and wires menus and signals. No logic of its own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QThread, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import N_, _
from sciatica_journal.gui.about import about_text, backup_note
from sciatica_journal.gui.clinic_export import ClinicExport
from sciatica_journal.gui.notifications import NotificationSink
from sciatica_journal.gui.operation_runner import OperationRunner
from sciatica_journal.gui.pages import Pages, PageStack
from sciatica_journal.gui.style import app_icon
from sciatica_journal.gui.theme import theme
from sciatica_journal.gui.today_page import TodayPage
from sciatica_journal.gui.window_fit import WindowSizes, scrolling
from sciatica_journal.gui.window_reminders import WindowReminders
from sciatica_journal.gui.window_transfer import TransferActions
from sciatica_journal.services.autostart import Autostart
from sciatica_journal.services.container import Services
from sciatica_journal.services.operations import ChangeSet, Kind

# What only a page other than Today, a dialog or the session wizard needs is imported when
# first used (the modules and the Qt classes they load kept ~0.1 s from the first paint).
if TYPE_CHECKING:
    from sciatica_journal.gui.calendar_page import CalendarPage
    from sciatica_journal.gui.guide_sound import GuideSetup
    from sciatica_journal.gui.journal_page import JournalPage
    from sciatica_journal.gui.progress_page import ProgressPage
    from sciatica_journal.gui.report_dialog import ReportDialog
    from sciatica_journal.gui.session_wizard import SessionWizard
    from sciatica_journal.gui.symptoms_page import SymptomsPage
    from sciatica_journal.reports.body_map_painter import BodyMapDrawing

TODAY, SYMPTOMS, PROGRESS, CALENDAR, JOURNAL = range(5)
PAGE_TITLES = (N_("Today"), N_("Symptoms"), N_("Progress"), N_("Calendar"), N_("Journal"))


class MainWindow(TransferActions):
    profile_changed = Signal()
    journal_changed = Signal()  # something was saved, edited or deleted
    restore_requested = Signal(Path)  # a verified backup to replace the journal with
    restart_requested = Signal()  # open the journal again (e.g. in a newly chosen language)

    def __init__(
        self,
        services: Services,
        autostart: Autostart | None = None,
        sinks: list[NotificationSink] | None = None,  # where reminders go (tests: a fake)
    ) -> None:
        super().__init__()
        self._services = services
        self._for_good = False  # closing ends the app (not to the background)
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setWindowIcon(app_icon())
        self.sizes = WindowSizes(services.data_dir)
        self._guide: GuideSetup | None = None

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_("Pages"))
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(2)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = PageStack()
        self._drawing: BodyMapDrawing | None = None
        self.runner = OperationRunner(services.operations, self)
        self.today_page = TodayPage(
            services.sessions, services.red_flags, services.frequency, weekly=services.weekly
        )
        # Pages other than Today are built when first shown (keeps start-up fast).
        self.page_set = Pages(self.pages, self.today_page)
        for factory in (
            self._make_symptoms_page,
            self._make_progress_page,
            self._make_calendar_page,
            self._make_journal_page,
        ):
            self.page_set.add_later(factory)
        for title in PAGE_TITLES:
            item = QListWidgetItem(_(title))
            item.setSizeHint(QSize(150, 42))
            self.navigation.addItem(item)
        self.navigation.setCurrentRow(TODAY)  # Today is shown and up to date: not again
        self.navigation.currentRowChanged.connect(self._show_page)

        # TRANSLATORS: the sidebar's button, on two short lines.
        self.report_button = QPushButton(_("Report for your\nphysician…"))
        self.report_button.setObjectName("reportButton")
        self.report_button.setAccessibleName(_("Report for your physician"))
        self.report_button.clicked.connect(self.open_report)
        side = QWidget()
        side.setObjectName("navigation")
        side.setFixedWidth(170)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 12)
        side_layout.addWidget(self.navigation, stretch=1)
        side_layout.addWidget(self.report_button)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        # On a small screen a page scrolls inside the window; the sidebar stays.
        self.page_area = scrolling(self.pages, _("Page"), fitted=False)
        column = QVBoxLayout()  # the launch notice, when there is one, above the pages
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.page_area, stretch=1)
        layout.addLayout(column, stretch=1)
        self.setCentralWidget(central)
        self.sizes.restore(self, "main", QSize(1180, 800))
        self._build_menus()
        self.runner.changed.connect(self._changed)
        self.runner.said.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        # Something changed that no change set describes (e.g. a test, a reopened journal).
        self.journal_changed.connect(lambda: self._changed(ChangeSet.everything()))
        self.today_page.start_requested.connect(self.start_session)
        self.today_page.weekly_check_requested.connect(self._open_weekly_check)
        start = QAction(_("Start &session"), self)
        start.setShortcut(QKeySequence("Ctrl+N"))
        start.triggered.connect(self.start_session)
        self.addAction(start)
        self.reminder_parts = WindowReminders(
            self, services.reminders, self.start_session, self.quit_app, autostart, sinks
        )
        self.reminders = self.reminder_parts.scheduler  # the scheduler and the tray icon
        self.tray = self.reminder_parts.tray
        for hide_when in (self.runner.changed, self.journal_changed):
            hide_when.connect(self.reminder_parts.hide_reminder)
        column.insertWidget(0, self.reminder_parts.notice)

    # ---- pages -------------------------------------------------------------------

    def _make_symptoms_page(self) -> QWidget:
        from sciatica_journal.gui.symptoms_page import SymptomsPage

        services = self._services
        return SymptomsPage(services.symptoms, services.red_flags, self.drawing, self.runner)

    def _make_calendar_page(self) -> QWidget:
        from sciatica_journal.gui.calendar_page import CalendarPage

        return CalendarPage(self._services.frequency, self._services.program)

    def _make_journal_page(self) -> QWidget:
        from sciatica_journal.gui.journal_page import JournalPage

        return JournalPage(self._services.entries, self.runner)

    def _open_weekly_check(self) -> None:
        from sciatica_journal.gui.weekly_check_dialog import open_weekly_check

        open_weekly_check(self, self._services.weekly, self.runner)

    def _make_progress_page(self) -> QWidget:
        # pyqtgraph (and NumPy) load only when the charts are first shown.
        from sciatica_journal.gui.measure_chart import progress_page

        return progress_page(self._services.progress, self._services.weekly)

    def _page(self, index: int) -> QWidget:
        return self.page_set.page(index)

    def prepare_progress(self) -> None:
        """Build Progress ahead of its first showing (when idle after the first paint), so
        that opening it only shows it; not for a window closed or in the background."""
        if self.isVisible():
            self.page_set.prepare(PROGRESS)

    @property
    def symptoms_page(self) -> SymptomsPage:
        return self._page(SYMPTOMS)  # type: ignore[return-value]

    @property
    def progress_page(self) -> ProgressPage:
        return self._page(PROGRESS)  # type: ignore[return-value]

    @property
    def calendar_page(self) -> CalendarPage:
        return self._page(CALENDAR)  # type: ignore[return-value]

    @property
    def journal_page(self) -> JournalPage:
        return self._page(JOURNAL)  # type: ignore[return-value]

    @property
    def drawing(self) -> BodyMapDrawing:
        if self._drawing is None:
            from sciatica_journal.reports.body_map_painter import BodyMapDrawing

            self._drawing = BodyMapDrawing(self._services.catalog)
        return self._drawing

    @property
    def guide(self) -> GuideSetup:
        """Where a session's guided set gets its sound and clock (made when first asked)."""
        if self._guide is None:
            from sciatica_journal.gui.guide_sound import GuideSetup

            self._guide = GuideSetup()
        return self._guide

    @guide.setter
    def guide(self, guide: GuideSetup) -> None:
        self._guide = guide

    def _show_page(self, index: int) -> None:
        # Today and Calendar depend on the date, which may have changed since last shown.
        self.page_set.show(index, always_refresh=index in (TODAY, CALENDAR))

    def _changed(self, changes: ChangeSet) -> None:
        """After an operation, an undo or a redo: the pages that show what changed (and the
        colours, when the settings changed the appearance)."""
        if Kind.PROFILE in changes.kinds:
            theme().follow(self._services.preferences.preferences().appearance)
            self.reminder_parts.follow_preferences()
        self.page_set.changed(changes)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._for_good and self.reminder_parts.keeps_running():
            event.ignore()  # "Keep running in the background": the reminders go on
            self.reminder_parts.hide_to_background()
            return
        if self.page_set.is_built(PROGRESS):
            self.progress_page.release()
        self.page_set.forget(PROGRESS)
        super().closeEvent(event)

    def quit_app(self) -> None:
        """Close the window and end the app, also when it keeps running in the background."""
        self._for_good = True
        self.close()
        # After a time in the background the app no longer quits with its last window
        # (nor does a hidden window's close end the event loop): end it here.
        if QThread.currentThread().loopLevel() > 0:  # outside a loop exit() would stop the next
            QApplication.exit(0)

    def start_session(self) -> SessionWizard | None:
        """Open the session wizard (not on a day paused by a safety answer)."""
        if self._services.red_flags.blocked_today():
            self.today_page.refresh()
            return None
        from sciatica_journal.gui.session_wizard import SessionWizard

        wizard = SessionWizard(
            self._services, self.drawing, self, self.sizes, self.runner, self.guide
        )
        wizard.finished.connect(lambda _result: self.today_page.refresh())
        wizard.open()
        return wizard

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        report = QAction(_("&Report for your physician…"), self)
        report.setShortcut(QKeySequence.StandardKey.Print)
        report.triggered.connect(self.open_report)
        file_menu.addAction(report)
        file_menu.addSeparator()
        export_json = QAction(_("Export the journal (JSON)…"), self)
        export_json.triggered.connect(lambda: self.export_json())  # not its 'checked'
        export_csv = QAction(_("Export tables for a spreadsheet (CSV)…"), self)
        export_csv.triggered.connect(lambda: self.export_csv())  # not its 'checked'
        import_json = QAction(_("&Import a journal (JSON)…"), self)
        import_json.triggered.connect(lambda: self.import_json())  # not its 'checked'
        restore = QAction(_("Restore from a &backup…"), self)
        restore.triggered.connect(lambda: self.restore_backup())
        self.clinic_export = ClinicExport(self, self._services)
        for action in (export_json, export_csv, self.clinic_export.action, import_json, restore):
            file_menu.addAction(action)
        settings = QAction(_("&Settings…"), self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction(_("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quit_app)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        edit_menu.addAction(self.runner.undo_action)
        edit_menu.addAction(self.runner.redo_action)

        help_menu = self.menuBar().addMenu(_("&Help"))
        disclaimer = QAction(_("&Disclaimer"), self)
        disclaimer.triggered.connect(self.show_disclaimer)
        help_menu.addAction(disclaimer)
        about = QAction(_("&About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def open_report(self) -> ReportDialog:
        from sciatica_journal.gui.report_dialog import ReportDialog  # printing loads on demand

        dialog = ReportDialog(self._services, self.drawing, self, self.sizes)
        dialog.open()
        return dialog

    def open_settings(self) -> None:
        from sciatica_journal.gui.profile_dialog import ProfileDialog
        from sciatica_journal.gui.profile_form import ProfileForm

        form = ProfileForm(self._services.program)
        dialog = ProfileDialog(
            self._services.profiles,
            form,
            first_run=False,
            parent=self,
            backup_note=self.backup_note(),
            backups=self._services.backups,
            runner=self.runner,
            preferences=self._services.preferences,
            guide=self.guide,
        )
        if dialog.exec():
            self.profile_changed.emit()
            if dialog.restart_wanted:
                self.restart_requested.emit()

    def retire(self) -> None:
        """This window's journal was replaced: stop its reminders, take its tray icon away
        and delete it (a new window opens on the restored journal)."""
        self.reminder_parts.retire()
        self.deleteLater()

    def restore_backup(self) -> Path | None:
        """Choose a verified backup; the window then closes and the journal is reopened
        from it (by the application, which owns the journal)."""
        from sciatica_journal.gui.restore_dialog import RestoreDialog

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = self._services.backups.verified()
        finally:
            QApplication.restoreOverrideCursor()
        dialog = RestoreDialog(found, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        self.restore_requested.emit(dialog.chosen)
        return dialog.chosen

    def backup_note(self) -> str:
        """When the newest verified backup was made, and where the backups are."""
        return backup_note(self._services.backups)

    def show_disclaimer(self) -> None:
        from sciatica_journal.gui.disclaimer_dialog import DisclaimerDialog

        accepted = self._services.profiles.disclaimer_accepted_on()
        DisclaimerDialog(self._services.program, accepted, parent=self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About {app}").format(app=APP_NAME),
            about_text(self._services.data_dir, self.backup_note()),
        )
