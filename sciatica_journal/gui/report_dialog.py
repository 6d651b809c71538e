"""Report: choose the period and what to include, see the summary, preview, save as PDF,
print."""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sciatica_journal.domain.language import N_, _, n_
from sciatica_journal.gui.date_entry import TypedDateEntry
from sciatica_journal.gui.file_dialogs import ask_save_path
from sciatica_journal.gui.window_fit import WindowSizes, fit_to_screen, scrolling
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.reports.pdf_report import (
    PdfReport,
    ReportError,
    default_page_size,
    summary_rows,
)
from sciatica_journal.services.container import Services
from sciatica_journal.services.report_service import ReportData, ReportOptions
from sciatica_journal.services.summary_service import PeriodError

PRESETS = (
    (N_("Last 30 days"), 30),
    (N_("Last 90 days"), 90),
    (N_("Last year"), 365),
    (N_("Everything"), None),
    (N_("Custom dates"), -1),
)


def _no_pdf_viewer() -> bool:
    """On Linux, xdg-open starts even when no program shows PDF files; ask first."""
    if not sys.platform.startswith("linux") or shutil.which("xdg-mime") is None:
        return False
    try:
        answer = subprocess.run(
            ["xdg-mime", "query", "default", "application/pdf"],
            capture_output=True,
            text=True,
            timeout=3,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return answer.returncode == 0 and not answer.stdout.strip()


def open_file(path: Path) -> bool:
    """Show a file in the desktop's program for it; False when none could be started."""
    if _no_pdf_viewer():
        return False
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _lines(value: str) -> str:
    """A summary value as HTML: its lines (e.g. one a red flag) stay lines."""
    return "<br>&nbsp;&nbsp;".join(html.escape(line) for line in value.split("\n"))


class ReportDialog(QDialog):
    saved = Signal(Path)

    def __init__(
        self,
        services: Services,
        drawing: BodyMapDrawing,
        parent: QWidget | None = None,
        sizes: WindowSizes | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._drawing = drawing
        # The printer a preview or print dialog paints on must live as long as the dialog.
        self._printer: QPrinter | None = None
        self.setWindowTitle(_("Report for your physician"))
        self.setAccessibleName(_("Report for your physician"))
        self.setSizeGripEnabled(True)
        today = services.summaries.today()

        self.preset = QComboBox()
        self.preset.setAccessibleName(_("Period"))
        for label, days in PRESETS:
            self.preset.addItem(_(label), days)
        self.start = QDateEdit(_qdate(today - dt.timedelta(days=29)))
        self.start.setAccessibleName(_("From"))
        self.end = QDateEdit(_qdate(today))
        self.end.setAccessibleName(_("To"))
        self._typed = [TypedDateEntry(edit) for edit in (self.start, self.end)]
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(_qdate(today))
            edit.dateChanged.connect(self.refresh)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(_("to")))
        dates.addWidget(self.end)
        dates.addStretch(1)

        self.identity = QCheckBox(_("My name and birth date"))
        self.identity.setAccessibleName(_("Include my name and birth date"))
        # As in the last report made (saved, printed or previewed).
        self.identity.setChecked(services.preferences.preferences().report_identity)
        self.notes = QCheckBox(_("My notes"))
        self.notes.setAccessibleName(_("Include my notes"))
        self.charts = QCheckBox(_("Charts"))
        self.charts.setAccessibleName(_("Include the charts"))
        self.charts.setChecked(True)
        self.table = QCheckBox(_("A table by day"))
        self.table.setAccessibleName(_("Include the table by day"))
        self.table.setChecked(True)
        include = QVBoxLayout()
        for box in (self.identity, self.notes, self.charts, self.table):
            include.addWidget(box)
        self.page_size = QComboBox()
        self.page_size.setAccessibleName(_("Paper size"))
        self.page_size.addItem("A4", "A4")
        self.page_size.addItem(_("Letter"), "Letter")
        country = QLocale.system().name().split("_")[-1]
        self.page_size.setCurrentIndex(self.page_size.findData(default_page_size(country)))
        self.open_after = QCheckBox(_("Open the PDF after saving"))
        self.open_after.setAccessibleName(_("Open the PDF after saving"))
        self.open_after.setChecked(True)

        form = QFormLayout()
        form.addRow(_("&Period:"), self.preset)
        form.addRow("", dates)
        form.addRow(_("Include:"), include)
        form.addRow(_("Paper:"), self.page_size)

        self.summary = QLabel()
        self.summary.setAccessibleName(_("Summary of the period"))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("card")
        self.status = QLabel()
        self.status.setAccessibleName(_("Report status"))
        self.status.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.setAccessibleName(_("Save as PDF"))
        self.save_button.setDefault(True)
        self.preview_button = QPushButton(_("Preview…"))
        self.preview_button.setAccessibleName(_("Preview"))
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setAccessibleName(_("Print"))
        close = QPushButton(_("Close"))
        close.setAccessibleName(_("Close"))
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._ask_and_save)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        close.clicked.connect(self.reject)

        # The choices and the summary scroll on a small screen; the buttons stay in view.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(form)
        content_layout.addWidget(self.summary)
        content_layout.addWidget(self.open_after)
        content_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content), stretch=1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self._preset_changed()
        if sizes is not None:
            sizes.restore(self, "report", QSize(760, 700))
        else:
            fit_to_screen(self, QSize(760, 700))

    # ---- the period and options ------------------------------------------------

    def _preset_changed(self) -> None:
        days = self.preset.currentData()
        custom = days == -1
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            today = self._services.summaries.today()
            self.end.setDate(_qdate(today))
            if days is None:
                first = self._services.summaries.period(None, None)[0]
                self.start.setDate(_qdate(first))
            else:
                self.start.setDate(_qdate(today - dt.timedelta(days=days - 1)))
        self.refresh()

    def options(self) -> ReportOptions:
        return ReportOptions(
            start=_date(self.start.date()),
            end=_date(self.end.date()),
            include_identity=self.identity.isChecked(),
            include_notes=self.notes.isChecked(),
            include_charts=self.charts.isChecked(),
            include_table=self.table.isChecked(),
            page_size=str(self.page_size.currentData()),
        )

    def _remember_identity(self) -> None:
        """Keep the name-and-birth-date choice for the next report."""
        preferences = self._services.preferences
        chosen = self.identity.isChecked()
        if preferences.preferences().report_identity != chosen:
            preferences.save(replace(preferences.preferences(), report_identity=chosen))

    def _data(self) -> ReportData | None:
        try:
            return self._services.reports.gather(self.options())
        except PeriodError as exc:
            self.status.setText(_("{problem}.").format(problem=str(exc).capitalize()))
            return None

    def refresh(self) -> None:
        """Show the summary numbers of the chosen period (the same ones the PDF prints)."""
        data = self._data()
        self._enable(data is not None)
        if data is None:
            self.summary.setText("")
            return
        self.status.clear()
        rows = "".join(
            f"<tr><td><b>{html.escape(label)}</b></td><td>&nbsp;&nbsp;{_lines(value)}</td></tr>"
            for label, value in summary_rows(data)
        )
        self.summary.setText(f"<table>{rows}</table>")

    def _enable(self, ok: bool) -> None:
        for button in (self.save_button, self.preview_button, self.print_button):
            button.setEnabled(ok)

    # ---- output ------------------------------------------------------------------

    def save_pdf(self, path: Path) -> bool:
        data = self._data()
        if data is None:
            return False
        progress = QProgressDialog(_("Writing the report…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setMinimumDuration(400)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self._remember_identity()
        try:
            pages = PdfReport(data, self._drawing).write(path)
        except (ReportError, OSError) as exc:
            self.status.setText(
                _("The report was not saved: {problem}.").format(problem=exc.strerror or exc)
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
            progress.close()
        saved = n_("Saved {path} ({n} page).", "Saved {path} ({n} pages).", pages).format(
            path=path, n=pages
        )
        self.status.setText(saved)
        self.saved.emit(path)
        if self.open_after.isChecked() and not open_file(path):
            self.status.setText(
                _(
                    "{saved} No program to show PDF files could be started: open the file "
                    "from your file manager."
                ).format(saved=saved)
            )
        return True

    def _ask_and_save(self) -> None:
        start, end = _date(self.start.date()), _date(self.end.date())
        path = ask_save_path(
            self,
            _("Save the report"),
            Path.home() / f"sciatica-report-{start}-to-{end}.pdf",
            _("PDF (*.pdf)"),
        )
        if path is not None:
            if path.suffix.lower() != ".pdf":
                path = path.with_name(path.name + ".pdf")
            self.save_pdf(path)

    def _new_printer(self) -> QPrinter:
        """A printer kept by the dialog: QPrintPreviewDialog and QPrintDialog hold only a
        pointer to it, and a temporary one is freed under them (a crash in Preview)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(_("Sciatica Journal report"))
        # The report is laid out in points and its fonts are sized in points: at 72 dots
        # per inch the two agree (as for the PDF); the output stays vector at any printer.
        printer.setResolution(72)
        self._printer = printer
        return printer

    def paint_to(self, printer: QPrinter) -> int:
        data = self._data()
        if data is None:
            return 0
        self._remember_identity()
        return PdfReport(data, self._drawing).paint_on(printer)

    def preview(self) -> None:
        dialog = QPrintPreviewDialog(self._new_printer(), self)
        dialog.setWindowTitle(_("Report preview"))
        dialog.setAccessibleName(_("Report preview"))
        dialog.paintRequested.connect(self.paint_to)
        fit_to_screen(dialog, QSize(900, 1000))
        dialog.exec()
        dialog.deleteLater()

    def print_report(self) -> None:
        printer = self._new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setAccessibleName(_("Print"))
        fit_to_screen(dialog, QSize(640, 480))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paint_to(printer)
        dialog.deleteLater()
