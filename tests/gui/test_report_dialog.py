"""The report dialog: period presets and custom dates, the summary shown, Save as PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QLabel, QPushButton

from sciatica_journal.gui.main_window import MainWindow
from sciatica_journal.gui.report_dialog import ReportDialog
from sciatica_journal.reports.body_map_painter import BodyMapDrawing
from sciatica_journal.services.demo_journal import generate_demo
from tests.gui.conftest import find


def _dialog(qtbot, services):
    generate_demo(services)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(
        find(window, "Report for your physician", QPushButton), Qt.MouseButton.LeftButton
    )
    (dialog,) = [w for w in window.findChildren(QDialog) if w.isVisible()]
    return dialog


def test_presets_fill_the_dates_and_the_summary(qtbot, services):
    dialog = _dialog(qtbot, services)
    period = find(dialog, "Period", QComboBox)
    start, end = find(dialog, "From", QDateEdit), find(dialog, "To", QDateEdit)
    assert end.date() == QDate(2026, 11, 24)
    assert start.date() == QDate(2026, 10, 26)  # last 30 days
    assert not start.isEnabled()
    period.setCurrentIndex(period.findText("Everything"))
    summary = find(dialog, "Summary of the period", QLabel).text()
    days = services.summaries.summary().days
    assert f"({days} days)" in summary
    period.setCurrentIndex(period.findText("Custom dates"))
    assert start.isEnabled()
    start.setDate(QDate(2026, 11, 1))
    end.setDate(QDate(2026, 11, 10))
    assert (
        "2026-11-01 to 2026-11-10 (10 days)" in find(dialog, "Summary of the period", QLabel).text()
    )
    start.setDate(QDate(2026, 11, 20))
    assert "starts (2026-11-20) after it ends" in find(dialog, "Report status", QLabel).text()
    assert not find(dialog, "Save as PDF", QPushButton).isEnabled()


def test_save_as_pdf_writes_the_file(qtbot, services, tmp_path):
    dialog = _dialog(qtbot, services)
    qtbot.mouseClick(
        find(dialog, "Open the PDF after saving", QCheckBox), Qt.MouseButton.LeftButton
    )
    target = tmp_path / "report.pdf"
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save_pdf(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert "Saved" in find(dialog, "Report status", QLabel).text()
    assert not dialog.save_pdf(tmp_path / "missing" / "r.pdf")
    assert "was not saved" in find(dialog, "Report status", QLabel).text()


def test_printing_paints_every_page(qtbot, services):
    from PySide6.QtPrintSupport import QPrinter

    dialog = _dialog(qtbot, services)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(services.data_dir / "printed.pdf"))
    assert dialog.paint_to(printer) >= 3


def test_the_name_and_birth_date_choice_is_remembered_and_honoured(qtbot, services, tmp_path):
    from pypdf import PdfReader

    from sciatica_journal.domain.profile import Profile

    dialog = _dialog(qtbot, services)
    services.profiles.save(
        Profile(name="Ada Example", birth_date=dt.date(1970, 5, 17), target_min=5, target_max=8)
    )
    identity = find(dialog, "Include my name and birth date", QCheckBox)
    assert not identity.isChecked()  # not until the user asks for it
    find(dialog, "Open the PDF after saving", QCheckBox).setChecked(False)
    qtbot.mouseClick(identity, Qt.MouseButton.LeftButton, pos=QPoint(8, identity.height() // 2))
    assert identity.isChecked()
    assert dialog.save_pdf(tmp_path / "with.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "with.pdf")).pages)
    text = " ".join(text.split())
    assert "Ada Example" in text and "1970-05-17" in text
    dialog.close()
    assert services.preferences.preferences().report_identity

    # The next report asks again with the last answer ticked; unticked, it is left out.
    again = ReportDialog(services, BodyMapDrawing(services.catalog))
    qtbot.addWidget(again)
    identity = find(again, "Include my name and birth date", QCheckBox)
    assert identity.isChecked()
    find(again, "Open the PDF after saving", QCheckBox).setChecked(False)
    qtbot.mouseClick(identity, Qt.MouseButton.LeftButton, pos=QPoint(8, identity.height() // 2))
    assert again.save_pdf(tmp_path / "without.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "without.pdf")).pages)
    text = " ".join(text.split())
    assert "Ada Example" not in text and "1970-05-17" not in text
    assert not services.preferences.preferences().report_identity
