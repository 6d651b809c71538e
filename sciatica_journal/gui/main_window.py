"""The main window: assembles the pages and wires menus and signals. No logic of its own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.gui.calendar_page import CalendarPage
from sciatica_journal.gui.disclaimer_dialog import DisclaimerDialog
from sciatica_journal.gui.profile_dialog import ProfileDialog
from sciatica_journal.gui.profile_form import ProfileForm
from sciatica_journal.gui.session_wizard import SessionWizard
from sciatica_journal.gui.style import app_icon
from sciatica_journal.gui.symptoms_page import SymptomsPage
from sciatica_journal.gui.today_page import TodayPage
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.services.container import Services

TODAY, SYMPTOMS = 0, 1


class MainWindow(QMainWindow):
    profile_changed = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.setWindowIcon(app_icon())
        self.resize(1000, 720)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Pages")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(2)
        self.pages = QStackedWidget()
        self._drawing: BodyMapDrawing | None = None
        self._symptoms_page: SymptomsPage | None = None
        self.today_page = TodayPage(services.sessions, services.red_flags, services.frequency)
        self._add_page("Today", self.today_page)
        self._add_page("Symptoms", QWidget())  # built when first shown (keeps start-up fast)
        self.calendar_page = CalendarPage(services.frequency, services.program)
        self._add_page("Calendar", self.calendar_page)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, stretch=1)
        self.setCentralWidget(central)
        self._build_menus()
        self.profile_changed.connect(self.today_page.refresh)
        self.today_page.start_requested.connect(self.start_session)
        start = QAction("Start &session", self)
        start.setShortcut(QKeySequence("Ctrl+N"))
        start.triggered.connect(self.start_session)
        self.addAction(start)

    def start_session(self) -> SessionWizard | None:
        """Open the session wizard (not on a day paused by a safety answer)."""
        if self._services.red_flags.blocked_today():
            self.today_page.refresh()
            return None
        wizard = SessionWizard(self._services, self.drawing, self)
        wizard.saved.connect(lambda _uuid: self.today_page.refresh())
        wizard.saved.connect(self._refresh_symptoms)
        wizard.finished.connect(lambda _result: self.today_page.refresh())
        wizard.open()
        return wizard

    @property
    def drawing(self) -> BodyMapDrawing:
        if self._drawing is None:
            self._drawing = BodyMapDrawing(self._services.catalog)
        return self._drawing

    @property
    def symptoms_page(self) -> SymptomsPage:
        if self._symptoms_page is None:
            services = self._services
            page = SymptomsPage(services.symptoms, services.red_flags, self.drawing)
            page.saved.connect(self.today_page.refresh)
            placeholder = self.pages.widget(SYMPTOMS)
            self.pages.insertWidget(SYMPTOMS, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._symptoms_page = page
        return self._symptoms_page

    def _show_page(self, index: int) -> None:
        page = self.symptoms_page if index == SYMPTOMS else self.pages.widget(index)
        self.pages.setCurrentWidget(page)
        if page is self.today_page:
            self.today_page.refresh()  # the day may have changed since it was last shown
        elif page is self.calendar_page:
            self.calendar_page.refresh()

    def _add_page(self, title: str, page: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setSizeHint(QSize(150, 42))
        self.navigation.addItem(item)
        self.pages.addWidget(page)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        settings = QAction("&Settings…", self)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.open_settings)
        file_menu.addAction(settings)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu("&Help")
        disclaimer = QAction("&Disclaimer", self)
        disclaimer.triggered.connect(self.show_disclaimer)
        help_menu.addAction(disclaimer)
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def open_settings(self) -> None:
        form = ProfileForm(self._services.program)
        dialog = ProfileDialog(self._services.profiles, form, first_run=False, parent=self)
        if dialog.exec():
            self.profile_changed.emit()

    def _refresh_symptoms(self) -> None:
        if self._symptoms_page is not None:
            self._symptoms_page.refresh()

    def show_disclaimer(self) -> None:
        accepted = self._services.profiles.disclaimer_accepted_on()
        DisclaimerDialog(self._services.program, accepted, parent=self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>A private journal for home extension exercises for sciatica: "
            "what to do next, how each session went, and whether your symptoms "
            "are retreating.</p>"
            "<p>Your journal stays on this computer. It supports, and never replaces, "
            "the care of your physician or physiotherapist.</p>"
            f"<p>Journal folder: {self._services.data_dir}</p>",
        )
