"""A one-year PDF report from the 10-year journal: gathering the numbers and painting the
pages, against writing a one-page PDF with a single line of text in the same run.
DESIGN §8 / the issue: a one-year PDF ≤ 1.5 s.

Issue 16.7: the one-year report must not load ten years. The same report (the same year,
the same options) is made from a journal that holds only that year (transfer.py's
one-year journal, cached in results/one-year) in the same run: the ratio of the two
medians (10-year journal / one-year journal) shows what the nine other years cost;
target ≤ 1.2x."""

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
RESULTS = BENCH / "results" / "report_pdf.json"
TARGET_S = 1.5
ALONE_TARGET = 1.2  # the report from ten years / the same report from a one-year journal


def bare_pdf(path):
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(100, 100, "bare")
    painter.end()


def _private_copy(source: Path) -> Path:
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    for item in source.glob("journal.sqlite3*"):
        (work / item.name).write_bytes(item.read_bytes())
    return work


def _spread(values: list[float]) -> str:
    return (
        f"{min(values) * 1000:.0f} / {statistics.median(values) * 1000:.0f} / "
        f"{max(values) * 1000:.0f} ms"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from journal_size import make_ten_year_journal
    from transfer import make_one_year

    from sciatica_journal.reports.body_map_painter import BodyMapDrawing
    from sciatica_journal.reports.pdf_report import write_report
    from sciatica_journal.services.container import build_services
    from sciatica_journal.services.report_service import ReportOptions

    app = QGuiApplication.instance() or QGuiApplication([])
    del app
    work = _private_copy(make_ten_year_journal(BENCH / "results" / "ten-years"))
    alone = _private_copy(make_one_year(BENCH / "results" / "one-year"))
    services = build_services(work)
    one_year = build_services(alone)
    drawing = BodyMapDrawing(services.catalog)
    end = services.summaries.today()  # both journals end today: the year both hold
    options = ReportOptions(start=end - dt.timedelta(days=364), end=end, include_notes=True)
    reports, alones, bares, pages = [], [], [], 0
    for i in range(args.runs):
        start = time.perf_counter()
        data = services.reports.gather(options)
        pages = write_report(data, drawing, work / f"report-{i}.pdf")
        reports.append(time.perf_counter() - start)
        start = time.perf_counter()
        data = one_year.reports.gather(options)
        write_report(data, drawing, alone / f"report-{i}.pdf")
        alones.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare_pdf(work / f"bare-{i}.pdf")
        bares.append(time.perf_counter() - start)
    report_s, bare_s = statistics.median(reports), statistics.median(bares)
    alone_s = statistics.median(alones)
    size = (work / "report-0.pdf").stat().st_size
    print(
        f"One-year report from the 10-year journal ({pages} pages, {size / 1024:.0f} KiB), "
        f"{args.runs} runs, medians"
    )
    print(f"{'one-page PDF, one line of text':34}{bare_s * 1000:>9.1f} ms   1.0x")
    print(
        f"{'gather + paint the report':34}{report_s * 1000:>9.1f} ms "
        f"{report_s / bare_s:>6.1f}x   (target {TARGET_S} s: "
        f"{'ok' if report_s <= TARGET_S else 'OVER'}); {_spread(reports)}"
    )
    ratio = report_s / alone_s
    print(f"{'the same year, one-year journal':34}{alone_s * 1000:>9.1f} ms; {_spread(alones)}")
    verdict = "ok" if ratio <= ALONE_TARGET else "OVER"
    print(f"10-year journal / one-year journal: {ratio:.2f}x (target ≤ {ALONE_TARGET}x: {verdict})")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "report_s": report_s,
                "report_spread_s": [min(reports), report_s, max(reports)],
                "one_year_journal_s": alone_s,
                "ten_over_one_year_journal": ratio,
                "alone_target": ALONE_TARGET,
                "bare_s": bare_s,
                "pages": pages,
                "bytes": size,
                "target_s": TARGET_S,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"written: {RESULTS.relative_to(BENCH.parent)}")
    services.close()
    one_year.close()
    return 0 if report_s <= TARGET_S and ratio <= ALONE_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
