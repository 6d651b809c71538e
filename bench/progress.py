"""Progress, Today and Calendar on a 10-year journal (about 29,000 sessions), measured as
ratios against a bare pyqtgraph plot redrawn in the same run.

- open: building the Progress page with "All" (loading the arrays from SQL and plotting)
- redraw: a full repaint of the charts showing everything
- preset switch: 7 d → 30 d → 90 d → all, each including the repaint
- after a save: recording one session, then refreshing Today and the Calendar
- after a save with Progress, Calendar and Journal opened and then hidden (Today shown):
  the window's update from the operation's change set (only visible pages redraw; the
  hidden ones are marked stale), beside refreshing every opened page (how it was before)
DESIGN §8 / the issues: redraw ≤ 50 ms, preset switch ≤ 50 ms, Today + Calendar ≤ 20 ms,
update after a save with Progress hidden ≤ 20 ms (issue 11).
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
RESULTS = BENCH / "results" / "progress.json"
CACHE = BENCH / "results" / "ten-years"


def ms(action):
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)

    from journal_size import make_ten_year_journal

    from sciatica_journal.gui.main_window import MainWindow
    from sciatica_journal.services.container import build_services
    from tests.builders import new_session

    app = QApplication.instance() or QApplication([])
    folder = make_ten_year_journal(CACHE)
    work = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    for item in folder.glob("journal.sqlite3*"):
        (work / item.name).write_bytes(item.read_bytes())
    services = build_services(work)
    services.profiles.accept_disclaimer()
    sessions_count = len(services.progress.load().sessions.t)

    window = MainWindow(services)
    window.resize(1280, 900)
    window.show()
    app.processEvents()
    opened = ms(
        lambda: (
            window.navigation.setCurrentRow(2),
            window.progress_page.show_days(None),
            window.progress_page.charts.viewport().repaint(),
        )
    )
    page = window.progress_page

    bare = pg.PlotWidget()
    bare.resize(page.charts.size())
    x = np.arange(sessions_count, dtype=float)
    bare.plot(x, np.sin(x / 100))
    bare.show()
    app.processEvents()

    redraws, bare_redraws, presets = [], [], []
    for _ in range(args.rounds):
        redraws.append(ms(page.charts.viewport().repaint))
        bare_redraws.append(ms(bare.viewport().repaint))
        for days in (7, 30, 90, None):
            presets.append(ms(lambda d=days: (page.show_days(d), page.charts.viewport().repaint())))
    page.show_days(None)

    saves, refreshes = [], []
    calendar = window.calendar_page
    clock_now = services.sessions.now()
    import datetime as dt

    for i in range(args.rounds):
        started = clock_now - dt.timedelta(minutes=5 * (args.rounds - i) + 1)
        saves.append(ms(lambda s=started: services.sessions.record(new_session(s, minutes=1))))
        refreshes.append(ms(lambda: (window.today_page.refresh(), calendar.refresh())))

    # Progress, Calendar and Journal opened, then Today shown: a save as the wizard does it.
    window.navigation.setCurrentRow(4)
    window.navigation.setCurrentRow(0)
    app.processEvents()
    ops = services.operations
    updates, every_page = [], []
    for i in range(args.rounds):
        started = clock_now - dt.timedelta(minutes=5 * (3 * args.rounds - i) + 3)
        done = ops.record_session(new_session(started, minutes=1))
        updates.append(ms(lambda d=done: window._changed(d.changes)))
    for i in range(args.rounds):  # apart: reloading Progress leaves garbage to collect
        started = clock_now - dt.timedelta(minutes=5 * (2 * args.rounds - i) + 3)
        ops.record_session(new_session(started, minutes=1))
        every_page.append(ms(lambda: [p.refresh() for p in window.page_set.built()]))

    def med(values):
        return statistics.median(values)

    bare_ms = med(bare_redraws)
    result = {
        "sessions": sessions_count,
        "open_progress_all_ms": opened,
        "redraw_all_ms": med(redraws),
        "bare_plot_redraw_ms": bare_ms,
        "redraw_ratio": med(redraws) / bare_ms,
        "preset_switch_ms": {"median": med(presets), "max": max(presets)},
        "save_session_ms": med(saves),
        "today_and_calendar_refresh_ms": {"median": med(refreshes), "max": max(refreshes)},
        "update_after_save_progress_hidden_ms": {"median": med(updates), "max": max(updates)},
        "update_ratio_to_bare_redraw": med(updates) / bare_ms,
        "refresh_every_opened_page_ms": {"median": med(every_page), "max": max(every_page)},
        "machine": platform.platform(),
    }
    print(f"Progress on a 10-year journal ({sessions_count} sessions), offscreen, medians")
    print(f"{'open Progress with All (load + plot)':42}{opened:>9.1f} ms")
    print(f"{'bare pyqtgraph plot redraw':42}{bare_ms:>9.1f} ms   1.0x")
    print(
        f"{'Progress redraw, all':42}{med(redraws):>9.1f} ms {med(redraws) / bare_ms:>6.1f}x"
        f"   (target 50 ms)"
    )
    print(
        f"{'preset switch incl. redraw':42}{med(presets):>9.1f} ms   (max {max(presets):.1f};"
        f" target 50 ms)"
    )
    print(f"{'save a session':42}{med(saves):>9.1f} ms   (target 20 ms)")
    print(
        f"{'Today + Calendar refresh after a save':42}{med(refreshes):>9.1f} ms   "
        f"(max {max(refreshes):.1f}; target 20 ms)"
    )
    print(
        f"{'update after a save, Progress hidden':42}{med(updates):>9.1f} ms"
        f" {med(updates) / bare_ms:>6.1f}x   (max {max(updates):.1f}; target 20 ms)"
    )
    print(
        f"{'  (refreshing every opened page instead)':42}{med(every_page):>9.1f} ms"
        f"   (max {max(every_page):.1f})"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(BENCH.parent)}")
    window.close()
    services.close()
    ok = med(redraws) <= 50 and med(presets) <= 50 and med(refreshes) <= 20
    ok = ok and med(updates) <= 20
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
