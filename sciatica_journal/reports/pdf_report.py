"""The report for the physician as a PDF (DESIGN §4): QPdfWriter + QPainter, vectors only.

Page 1: who and when, the summary block, the first and latest symptom maps. Then the
charts, the table by day, the notes (if chosen) and the disclaimer. Every page has the
period, the generation date and "page x of y". The file is written atomically."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from sciatica_journal import APP_NAME, __version__
from sciatica_journal.domain.sessions import OUTCOME_LABELS, Outcome, PressUpRange
from sciatica_journal.domain.summary import PainChange
from sciatica_journal.reports.body_map_painter import BodyMapDrawing, paint_map_with_legend
from sciatica_journal.reports.pdf_charts import Chart, Series, paint_chart
from sciatica_journal.services.report_service import DayRow, ReportData

MARGIN = 42.0  # points (the writer works at 72 dpi: one unit is one point)
INK = QColor("#1c1c1c")
MUTED = QColor("#555555")
FLAG_WORDS = {"urgent": "URGENT (emergency care advised)", "contact-doctor": "see the doctor"}
RANGE_WORDS = {r.fraction: r.short for r in PressUpRange}
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}

Painter = Callable[[QPainter, QRectF], None]


class ReportError(OSError):
    """The PDF could not be written; nothing was left behind."""


def _check_complete(path: Path) -> None:
    """Qt writes a PDF without reporting errors: a full disk leaves it short. A finished PDF
    ends with its trailer ("%%EOF"); anything else is not a report."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            fh.seek(max(0, size - 64))
            tail = fh.read()
    except OSError as exc:
        raise ReportError(f"the report could not be checked: {exc.strerror or exc}") from exc
    if size > 0 and b"%%EOF" in tail:
        return
    stats = os.statvfs(path.parent) if hasattr(os, "statvfs") else None
    if stats is not None and stats.f_bavail * stats.f_frsize < 1024 * 1024:
        raise ReportError(errno.ENOSPC, "the disk is full: the report was not written")
    raise ReportError(errno.EIO, "the report could not be written completely")


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _num(v: float | None) -> str:
    return "–" if v is None else f"{v:.1f}"


def _level(data: ReportData, level: int | None) -> str:
    return "none" if level is None else data.level_names.get(level, str(level))


def summary_rows(data: ReportData) -> list[tuple[str, str]]:
    s = data.summary

    def pain(label: str, p: PainChange) -> tuple[str, str]:
        if p.change is None:
            return label, "no sessions"
        important = ("" if p.clinically_important else "not ") + "clinically important"
        return label, (
            f"first week {p.first_week_mean:.2f} → last week {p.last_week_mean:.2f}"
            f" (change {p.change:+.2f}; {important})"
        )

    best = "none" if s.best_range is None else s.best_range.words
    current = data.rung_names.get(s.current_rung or "", s.current_rung or "none")
    outcomes = " · ".join(
        f"{OUTCOME_LABELS[Outcome(k)].lower()} {v}"
        for k, v in sorted(s.outcomes.items(), key=lambda kv: -kv[1])
    )
    flags = (
        "none reported"
        if not s.red_flags
        else "; ".join(
            f"{f.local_date.isoformat()}: {FLAG_WORDS[f.result.value]}" for f in s.red_flags
        )
    )
    adherence = "–" if s.adherence_pct is None else f"{s.adherence_pct:.1f} %"
    rows = [
        ("Period", f"{s.start.isoformat()} to {s.end.isoformat()} ({s.days} days)"),
        (
            "Sessions",
            f"{s.total} on {s.days_active} active days; {s.mean_per_day:.1f} a day "
            f"(target {s.target_min}–{s.target_max})",
        ),
        (
            "Adherence",
            f"{s.days_meeting_target} of {s.days} days with ≥ {s.target_min} "
            f"sessions ({adherence})",
        ),
        ("Current exercise", f"{current}; best press-up with pelvis down: {best}"),
        pain("Back pain (0–10)", s.back),
        pain("Leg pain (0–10)", s.leg),
    ]
    for side in ("left", "right"):
        e = s.extent[side]
        rows.append(
            (
                f"Farthest point, {side} leg",
                f"{_level(data, e.first)} → {_level(data, e.latest)} ({e.trend})",
            )
        )
    rows += [
        ("Radiation class (QTF)", f"{s.radiation_first or '–'} → {s.radiation_latest or '–'}"),
        ("Session outcomes", outcomes or "none"),
        ("Red flags", flags),
    ]
    return rows


class PdfReport:
    def __init__(self, data: ReportData, drawing: BodyMapDrawing) -> None:
        self.data = data
        self.drawing = drawing

    # ---- layout ------------------------------------------------------------------

    def _plan(self, page: QRectF) -> list[Painter]:
        """The pages, each a painter of its body; planned first so "page x of y" is known."""
        pages: list[Painter] = [self._first_page]
        if self.data.options.include_charts and self.data.days:
            pages.append(self._charts_page)
        body_h = page.height() - 2 * 24.0
        row_h = 14.0
        per_page = max(1, int((body_h - 40) // row_h))
        if self.data.options.include_table:
            rows = self.data.days
            for i in range(0, max(len(rows), 1), per_page):
                chunk = rows[i : i + per_page]
                pages.append(
                    lambda p, r, chunk=chunk, first=(i == 0): self._table(p, r, chunk, first)
                )
        notes = self.data.notes if self.data.options.include_notes else []
        if notes:
            chunk: list[tuple[object, str, float]] = []
            used = 22.0
            for day, text in notes:
                height = self._note_height(text, page.width() - 80)
                if chunk and used + height > body_h:
                    pages.append(lambda p, r, chunk=chunk: self._notes(p, r, chunk))
                    chunk, used = [], 22.0
                chunk.append((day, text, height))
                used += height
            pages.append(lambda p, r, chunk=chunk: self._notes(p, r, chunk))
        last_table_rows = len(self.data.days) % per_page if self.data.options.include_table else 0
        room_on_last = (
            self.data.options.include_table and not notes and (0 < last_table_rows < per_page - 22)
        )
        if room_on_last:
            table_page = pages[-1]

            def table_and_disclaimer(p: QPainter, r: QRectF) -> None:
                table_page(p, r)
                top = r.top() + 40 + last_table_rows * row_h + 24
                self._disclaimer_page(p, QRectF(r.left(), top, r.width(), r.bottom() - top))

            pages[-1] = table_and_disclaimer
        else:
            pages.append(self._disclaimer_page)
        return pages

    def write(self, path: Path) -> int:
        """Write the PDF atomically; returns the number of pages."""
        folder = path.parent
        if not folder.is_dir():
            raise ReportError(f"the folder {folder} does not exist")
        if not os.access(folder, os.W_OK):
            raise ReportError(f"cannot write into {folder}")
        try:
            handle, temporary = tempfile.mkstemp(prefix=".report-", suffix=".pdf", dir=folder)
        except OSError as exc:
            raise ReportError(f"cannot write into {folder}: {exc.strerror or exc}") from exc
        os.close(handle)
        try:
            pages = self._paint(Path(temporary))
            _check_complete(Path(temporary))
            with Path(temporary).open("rb") as fh:
                os.fsync(fh.fileno())
            Path(temporary).chmod(0o600)
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return pages

    def _paint(self, target: Path) -> int:
        writer = QPdfWriter(str(target))
        writer.setTitle("Sciatica Journal report for the physician")
        writer.setCreator(f"{APP_NAME} {__version__}")
        writer.setResolution(72)
        return self.paint_on(writer)

    def page_layout(self) -> QPageLayout:
        size = PAGE_SIZES.get(self.data.options.page_size, QPageSize.PageSizeId.A4)
        return QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))

    def paint_on(self, device: QPagedPaintDevice) -> int:
        """Paint every page onto a PDF writer or a printer; returns the number of pages.
        The layout is in points whatever the device's resolution."""
        device.setPageLayout(self.page_layout())
        self._device = device
        painter = QPainter(device)
        if not painter.isActive():
            raise ReportError("cannot paint the report")
        scale = device.logicalDpiX() / 72.0
        painter.scale(scale, scale)
        full = QRectF(0, 0, device.width() / scale, device.height() / scale)
        page = full.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        body = page.adjusted(0, 24, 0, -24)
        plan = self._plan(page)
        for number, paint_body in enumerate(plan, start=1):
            if number > 1:
                device.newPage()
            self._frame(painter, page, number, len(plan))
            painter.setFont(_font(9))
            paint_body(painter, body)
        painter.end()
        return len(plan)

    def _frame(self, painter: QPainter, page: QRectF, number: int, total: int) -> None:
        s = self.data.summary
        painter.setFont(_font(8))
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(page.left(), page.top(), page.width(), 14),
            int(Qt.AlignmentFlag.AlignLeft),
            "Sciatica Journal — report for the physician",
        )
        painter.drawText(
            QRectF(page.left(), page.top(), page.width(), 14),
            int(Qt.AlignmentFlag.AlignRight),
            f"Period {s.start.isoformat()} – {s.end.isoformat()} · generated "
            f"{self.data.generated.isoformat()}",
        )
        painter.setPen(QPen(QColor("#bbbbbb"), 0.5))
        painter.drawLine(page.left(), page.top() + 16, page.right(), page.top() + 16)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(page.left(), page.bottom() - 12, page.width(), 12),
            int(Qt.AlignmentFlag.AlignHCenter),
            f"Page {number} of {total}",
        )

    # ---- pages -------------------------------------------------------------------

    def _first_page(self, painter: QPainter, body: QRectF) -> None:
        y = body.top()
        painter.setPen(INK)
        painter.setFont(_font(16, bold=True))
        painter.drawText(
            QRectF(body.left(), y, body.width(), 24), "Home extension exercises: summary"
        )
        y += 26
        painter.setFont(_font(9))
        who = []
        if self.data.name:
            who.append(self.data.name)
        if self.data.birth_date is not None:
            who.append(f"born {self.data.birth_date.isoformat()}")
        if who:
            painter.drawText(QRectF(body.left(), y, body.width(), 14), ", ".join(who))
            y += 16
        label_w = 150.0
        value_font = _font(9)
        label_font = _font(9, bold=True)
        metrics = QFontMetricsF(value_font, painter.device())
        for label, value in summary_rows(self.data):
            rect = metrics.boundingRect(
                QRectF(0, 0, body.width() - label_w, 1000), int(Qt.TextFlag.TextWordWrap), value
            )
            h = max(rect.height(), metrics.height()) + 4
            painter.setFont(label_font)
            painter.drawText(QRectF(body.left(), y, label_w, h), label)
            painter.setFont(value_font)
            emphasis = label == "Red flags" and value != "none reported"
            painter.setPen(QColor("#a3261b") if emphasis else INK)
            painter.drawText(
                QRectF(body.left() + label_w, y, body.width() - label_w, h),
                int(Qt.TextFlag.TextWordWrap),
                value,
            )
            painter.setPen(INK)
            y += h
        y += 10
        half = (body.width() - 20) / 2
        maps_h = body.bottom() - y
        for index, (title, stored) in enumerate(
            (("First map", self.data.first_map), ("Latest map", self.data.latest_map))
        ):
            rect = QRectF(body.left() + index * (half + 20), y, half, maps_h)
            if stored is None:
                painter.drawText(rect, f"{title}: no symptom map in the period")
                continue
            when, symptoms = stored
            painter.setFont(_font(8))
            paint_map_with_legend(
                painter, rect, self.drawing, symptoms, f"{title} ({when:%Y-%m-%d %H:%M})"
            )

    def _charts_page(self, painter: QPainter, body: QRectF) -> None:
        days = self.data.days
        x = [d.t for d in days]
        x0 = x[0] - 43200
        x1 = x[-1] + 43200
        solid, dash, dot, dashdot = (
            Qt.PenStyle.SolidLine,
            Qt.PenStyle.DashLine,
            Qt.PenStyle.DotLine,
            Qt.PenStyle.DashDotLine,
        )
        levels = sorted(self.data.level_names.items())
        summary = self.data.summary
        charts = [
            Chart(
                "Pain, daily mean (0 no pain – 10 worst)",
                x,
                0,
                10.6,
                [(v, str(v)) for v in (0, 2, 4, 6, 8, 10)],
                [
                    Series("back before", [d.back_before for d in days], "#2b4c7e", solid),
                    Series("back after", [d.back_after for d in days], "#2b4c7e", dot),
                    Series("leg before", [d.leg_before for d in days], "#b35c00", dash),
                    Series("leg after", [d.leg_after for d in days], "#b35c00", dashdot),
                ],
            ),
            Chart(
                "Farthest point of the symptoms per leg (lower is better)",
                x,
                levels[0][0] - 0.5,
                levels[-1][0] + 0.5,
                [(float(k), v) for k, v in levels],
                [
                    Series("left leg", [d.left_extent for d in days], "#1f5e52", solid, True),
                    Series("right leg", [d.right_extent for d in days], "#7a3b69", dash, True),
                ],
            ),
            Chart(
                "Sessions per day (shaded: target band)",
                x,
                0,
                max([d.sessions for d in days] + [summary.target_max]) + 1,
                [(v, str(v)) for v in range(0, 11, 2)],
                [],
                bars=[float(d.sessions) for d in days],
                band=(summary.target_min, summary.target_max),
            ),
            Chart(
                "Best press-up range of the day, pelvis down",
                x,
                0,
                1.1,
                [(k, v) for k, v in RANGE_WORDS.items()],
                [
                    Series("best range", [d.best_range for d in days], "#222222", solid, True),
                ],
            ),
        ]
        height = body.height() / len(charts)
        painter.setFont(_font(8))
        for i, chart in enumerate(charts):
            paint_chart(
                painter,
                QRectF(body.left(), body.top() + i * height, body.width(), height - 8),
                chart,
                x0,
                x1,
            )

    def _table(self, painter: QPainter, body: QRectF, rows: list[DayRow], first: bool) -> None:
        columns = [
            ("Date", 70),
            ("Sessions", 50),
            ("Target", 42),
            ("Back pain", 70),
            ("Leg pain", 70),
            ("Left leg", 62),
            ("Right leg", 62),
            ("Press-up", 50),
        ]
        scale = body.width() / sum(w for _, w in columns)
        widths = [w * scale for _, w in columns]
        y = body.top()
        painter.setFont(_font(11, bold=True))
        painter.setPen(INK)
        painter.drawText(
            QRectF(body.left(), y, body.width(), 18),
            "Day by day" + ("" if first else " (continued)"),
        )
        y += 22
        painter.setFont(_font(8, bold=True))
        x = body.left()
        for (title, _), w in zip(columns, widths, strict=True):
            painter.drawText(QRectF(x, y, w, 14), title)
            x += w
        y += 14
        painter.setPen(QPen(QColor("#888888"), 0.5))
        painter.drawLine(body.left(), y, body.right(), y)
        painter.setFont(_font(8))
        for n, row in enumerate(rows):
            if n % 2:
                painter.fillRect(QRectF(body.left(), y, body.width(), 14), QColor("#f2f2f2"))
            cells = [
                f"{row.day:%a} {row.day.isoformat()}",
                str(row.sessions),
                "✓" if row.met else "",
                f"{_num(row.back_before)} → {_num(row.back_after)}",
                f"{_num(row.leg_before)} → {_num(row.leg_after)}",
                _level(self.data, row.left_extent),
                _level(self.data, row.right_extent),
                "" if row.best_range is None else RANGE_WORDS.get(row.best_range, ""),
            ]
            painter.setPen(INK)
            x = body.left()
            for text, w in zip(cells, widths, strict=True):
                painter.drawText(QRectF(x, y + 1, w, 13), text)
                x += w
            y += 14
        if not rows:
            painter.drawText(QRectF(body.left(), y + 4, body.width(), 14), "No sessions.")

    def _note_height(self, text: str, width: float) -> float:
        """The height of a wrapped note, in points (measured for the device painted on)."""
        scale = self._device.logicalDpiY() / 72.0
        metrics = QFontMetricsF(_font(9), self._device)
        box = metrics.boundingRect(
            QRectF(0, 0, width * scale, 100000), int(Qt.TextFlag.TextWordWrap), text
        )
        return box.height() / scale + 8

    def _notes(self, painter: QPainter, body: QRectF, notes: list) -> None:
        y = body.top()
        painter.setFont(_font(11, bold=True))
        painter.setPen(INK)
        painter.drawText(QRectF(body.left(), y, body.width(), 18), "Notes")
        y += 22
        painter.setFont(_font(9))
        for day, text, height in notes:
            painter.drawText(QRectF(body.left(), y, 80, 14), day.isoformat())
            painter.drawText(
                QRectF(body.left() + 80, y, body.width() - 80, height),
                int(Qt.TextFlag.TextWordWrap),
                text,
            )
            y += height

    def _disclaimer_page(self, painter: QPainter, body: QRectF) -> None:
        painter.setPen(INK)
        painter.setFont(_font(11, bold=True))
        painter.drawText(QRectF(body.left(), body.top(), body.width(), 18), "About this report")
        painter.setFont(_font(9))
        text = (
            "Recorded by the patient at home with Sciatica Journal: pain is self-rated 0–10 "
            "before and after each session; the farthest point of the symptoms is taken from "
            f"the patient's own body map (levels: {', '.join(self.data.level_names.values())}). "
            "A change in pain is marked clinically important at "
            f"≥ {self.data.important_points} points or ≥ {self.data.important_percent} %. "
            "Adherence counts the days with at least the daily minimum of sessions."
            "\n\n" + self.data.disclaimer
        )
        painter.drawText(
            QRectF(body.left(), body.top() + 24, body.width(), body.height() - 24),
            int(Qt.TextFlag.TextWordWrap),
            text,
        )


def default_page_size(country_code: str) -> str:
    """Letter in the United States, Canada and a few others; A4 elsewhere."""
    return "Letter" if country_code.upper() in {"US", "CA", "MX", "PH", "CL", "CO", "VE"} else "A4"


def write_report(data: ReportData, drawing: BodyMapDrawing, path: Path) -> int:
    """Paint the report into ``path`` (atomically); returns the number of pages."""
    return PdfReport(data, drawing).write(path)
