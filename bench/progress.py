"""Progress on a 10-year journal (about 29,000 sessions), every figure against its target
and as a ratio against a reference measured in the same run (issue 16 points 2 and 7):

- open: the click on Progress in the window until the page is painted, as the app does it:
  when idle after its first paint the window loads pyqtgraph and builds the page hidden
  (``MainWindow.prepare_progress``); against building and painting a bare pyqtgraph plot
  of as many points; target 120 ms. Also reported, without a target: building the page
  from nothing with "All" and painting it (what a click before the window went idle
  costs, pyqtgraph loaded)
- each preset switch on its own (to 7 d, 30 d, 90 d, All), including its repaint, against
  a bare plot's repaint; target 20 ms each
- memory after opening Progress on 10 years (a fresh process: the window, the page
  shown with All) against the bare pyqtgraph window (bench/bare_window.py's, in a fresh
  process); target 1.2x
- the refresh after a save with Progress open (the window's update from the operation's
  change set, with the repaint); target 20 ms
- the update after a save with Progress, Calendar and Journal opened and hidden (Today
  shown: the hidden pages are only marked stale); target 20 ms

Each figure: min / median / max of ``--runs`` runs (at least 3).
"""

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
RESULTS = BENCH / "results" / "progress.json"
CACHE = BENCH / "results" / "ten-years"
PRESET_ORDER = (7, 30, 90, None)
TARGETS = {"open": 120.0, "preset": 20.0, "memory": 1.2, "refresh": 20.0}


def ms(action):
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def rss_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def journal_copy():
    from journal_size import make_ten_year_journal

    folder = make_ten_year_journal(CACHE)
    work = Path(tempfile.mkdtemp(prefix="bench-progress-"))
    for item in folder.glob("journal.sqlite3*"):
        (work / item.name).write_bytes(item.read_bytes())
    return work


def probe(kind, folder):
    """One fresh process: the bare pyqtgraph window, or the app's window on Progress/All;
    prints its resident memory in MiB once shown and painted."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    if kind == "bare":
        import pyqtgraph as pg

        window = QMainWindow()
        plot = pg.PlotWidget()
        plot.plot([0, 1, 2, 3, 4, 5, 6], [5, 4, 4, 3, 2, 2, 1])
        window.setCentralWidget(plot)
        window.resize(1000, 720)
    else:
        from sciatica_journal.gui.main_window import MainWindow
        from sciatica_journal.services.container import build_services

        services = build_services(Path(folder))
        services.profiles.accept_disclaimer()
        window = MainWindow(services)
        window.resize(1000, 720)
    window.show()
    app.processEvents()
    if kind != "bare":
        window.navigation.setCurrentRow(2)
        window.progress_page.show_days(None)
        app.processEvents()
    window.repaint()
    app.processEvents()
    print(json.dumps({"rss_mib": rss_mib()}), flush=True)
    # Out at once: the probe measures the shown window, not the teardown of a process whose
    # QApplication would go before its widgets (a crash at exit, now and then, otherwise).
    os._exit(0)


def memory(runs, folder):
    found = {"bare": [], "app": []}
    for _ in range(runs):
        for kind in found:
            out = subprocess.run(
                [sys.executable, __file__, "--probe", kind, "--folder", str(folder)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            found[kind].append(json.loads(out.strip().splitlines()[-1])["rss_mib"])
    return found


def stats(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def line(name, values, unit, target=None, reference=None):
    s = stats(values)
    text = f"{name:44}{s['min']:>8.1f} {s['median']:>8.1f} {s['max']:>8.1f} {unit:4}"
    if reference is not None:
        text += f"{s['median'] / reference:>7.2f}x"
    else:
        text += " " * 8
    if target is not None:
        verdict = "ok" if s["median"] <= target else "OVER"
        text += f"   target {target:g} {unit}: {verdict}"
    print(text)
    return s


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--probe", choices=("bare", "app"))
    parser.add_argument("--folder")
    args = parser.parse_args(argv)
    if args.probe:
        return probe(args.probe, args.folder)
    runs = max(3, args.runs)

    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from sciatica_journal.gui.main_window import MainWindow
    from sciatica_journal.gui.measure_chart import progress_page
    from sciatica_journal.services.container import build_services
    from tests.builders import new_session

    app = QApplication.instance() or QApplication([])
    work = journal_copy()
    services = build_services(work)
    services.profiles.accept_disclaimer()
    with sqlite3.connect(work / "journal.sqlite3") as counting:
        (sessions_count,) = counting.execute("SELECT count(*) FROM exercise_session").fetchone()
    x = np.arange(sessions_count, dtype=float)

    def bare_open():
        bare = pg.PlotWidget()
        bare.resize(1000, 500)
        bare.plot(x, np.sin(x / 100))
        bare.show()
        bare.viewport().repaint()
        bare.close()
        bare.deleteLater()

    def open_page():
        page = progress_page(services.progress, services.weekly)
        page.resize(1000, 720)
        page.show_days(None)
        page.show()
        page.charts.viewport().repaint()
        return page

    def click_open():
        """The window gone idle (Progress prepared, as ``preload_when_idle`` does), then
        the click on Progress until it is painted."""
        window = MainWindow(services)
        window.resize(1280, 900)
        window.show()
        app.processEvents()
        window.prepare_progress()
        app.processEvents()
        took = ms(
            lambda: (
                window.navigation.setCurrentRow(2),
                window.progress_page.charts.viewport().repaint(),
            )
        )
        window.close()
        window.reminder_parts.retire()  # no reminder check once its journal is gone
        window.deleteLater()
        app.processEvents()
        return took

    opens, cold_opens, bare_opens = [], [], []
    for _ in range(runs):
        bare_opens.append(ms(bare_open))
        holder = []
        cold_opens.append(ms(lambda h=holder: h.append(open_page())))
        holder[0].release()
        holder[0].close()
        holder[0].deleteLater()
        app.processEvents()
        opens.append(click_open())

    window = MainWindow(services)
    window.resize(1280, 900)
    window.show()
    app.processEvents()
    window.navigation.setCurrentRow(2)
    page = window.progress_page
    page.show_days(None)
    app.processEvents()
    bare = pg.PlotWidget()
    bare.resize(page.charts.size())
    bare.plot(x, np.sin(x / 100))
    bare.show()
    app.processEvents()

    presets = {days: [] for days in PRESET_ORDER}
    bare_redraws = []
    for _ in range(runs):
        bare_redraws.append(ms(bare.viewport().repaint))
        for days in PRESET_ORDER:
            presets[days].append(
                ms(lambda d=days: (page.show_days(d), page.charts.viewport().repaint()))
            )
    bare_ms = statistics.median(bare_redraws)
    bare_open_ms = statistics.median(bare_opens)

    # A save with Progress open and shown (30 d, the page's default): its refresh.
    ops = services.operations
    clock_now = services.sessions.now()
    page.show_days(30)
    app.processEvents()
    refreshes = []
    for i in range(runs):
        started = clock_now - dt.timedelta(minutes=5 * (runs - i) + 1)
        done = ops.record_session(new_session(started, minutes=1))
        refreshes.append(
            ms(lambda d=done: (window._changed(d.changes), page.charts.viewport().repaint()))
        )

    # Progress, Calendar and Journal opened, then Today shown: a save as the wizard does it.
    window.navigation.setCurrentRow(4)
    window.navigation.setCurrentRow(0)
    app.processEvents()
    hidden = []
    for i in range(runs):
        started = clock_now - dt.timedelta(minutes=5 * (3 * runs - i) + 3)
        done = ops.record_session(new_session(started, minutes=1))
        hidden.append(ms(lambda d=done: window._changed(d.changes)))
    window.close()
    window.reminder_parts.retire()  # no reminder check once its journal is gone
    services.close()

    found = memory(runs, work)
    bare_mib = statistics.median(found["bare"])

    print(
        f"Progress on a 10-year journal ({sessions_count} sessions), offscreen, {runs} runs; "
        "ratio: median / the reference's median"
    )
    print(f"{'':44}{'min':>8} {'median':>8} {'max':>8}")
    result = {"sessions": sessions_count, "runs": runs, "machine": platform.platform()}
    result["bare_plot_open_ms"] = line("bare pyqtgraph plot, built + painted", bare_opens, "ms")
    result["open_ms"] = line(
        "open Progress (the click; prepared when idle)",
        opens,
        "ms",
        TARGETS["open"],
        bare_open_ms,
    )
    result["cold_open_ms"] = line(
        "build Progress from nothing, All", cold_opens, "ms", None, bare_open_ms
    )
    result["bare_plot_redraw_ms"] = line("bare pyqtgraph plot repaint", bare_redraws, "ms")
    result["preset_ms"] = {}
    for days in PRESET_ORDER:
        name = "All" if days is None else f"{days} d"
        result["preset_ms"][name] = line(
            f"preset switch to {name} (with repaint)",
            presets[days],
            "ms",
            TARGETS["preset"],
            bare_ms,
        )
    result["refresh_after_save_progress_open_ms"] = line(
        "refresh after a save, Progress open", refreshes, "ms", TARGETS["refresh"], bare_ms
    )
    result["update_after_save_progress_hidden_ms"] = line(
        "update after a save, Progress hidden", hidden, "ms", TARGETS["refresh"], bare_ms
    )
    result["bare_window_rss_mib"] = line("memory: bare pyqtgraph window", found["bare"], "MiB")
    result["app_rss_mib"] = line(
        "memory: app after opening Progress, All", found["app"], "MiB", None, bare_mib
    )
    ratio = statistics.median(found["app"]) / bare_mib
    result["memory_ratio"] = ratio
    verdict = "ok" if ratio <= TARGETS["memory"] else "OVER"
    print(f"{'memory ratio app / bare':44}{ratio:>26.2f}x        target 1.2x: {verdict}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(BENCH.parent)}")
    medians = [result["open_ms"]["median"] <= TARGETS["open"], ratio <= TARGETS["memory"]]
    medians += [s["median"] <= TARGETS["preset"] for s in result["preset_ms"].values()]
    medians.append(result["refresh_after_save_progress_open_ms"]["median"] <= TARGETS["refresh"])
    return 0 if all(medians) else 1


if __name__ == "__main__":
    sys.exit(main())
