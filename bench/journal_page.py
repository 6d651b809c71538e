"""The Journal page on the 10-year journal (about 33,000 entries), measured as ratios
against a bare QTableView of as many rows built and painted in the same run.

- open: building the page (reading the journal, sizing the columns) to its first paint;
  also in the main window: the first click on Journal (the page is built then) to the
  window's repaint
- page down: one PageDown key press in the table with its repaint, many times over
  (the steps that read the next page of entries are among them)
- to the end: from the top, the view scrolled to its last row (every page read)
- sort switch: a click on each column title (the order read again) with its repaint
- filter switch: each choice of the Show list, with its repaint

Target (issue 16, DESIGN §8): the page opens in ≤ 100 ms. ``--tree DIR`` measures the app's
code in another checkout (the "before" figures), with this venv.
"""

import argparse
import importlib
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results" / "journal_page.json"
CACHE = BENCH / "results" / "ten-years"
SIZE = (1000, 560)  # the page's part of a 1024×600 window
TARGET_MS = 100


def ms(action):
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def spread(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def bare_table(rows, app):
    """The reference: a QTableView of ``rows`` rows of five short texts, built and painted."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QHeaderView, QTableView

    class Bare(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent=QModelIndex()):  # noqa: B008
            return 0 if parent.isValid() else 5

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return f"row {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None

    view = QTableView()
    model = Bare(view)
    view.setModel(model)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.resize(*SIZE)
    view.show()
    view.viewport().repaint()
    return view


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page-downs", type=int, default=200)
    parser.add_argument("--tree", type=Path, help="measure the app's code in this checkout")
    args = parser.parse_args(argv)
    tree = (args.tree or BENCH.parent).resolve()
    sys.path.insert(0, str(tree))
    sys.path.insert(1, str(BENCH))

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sciatica_journal.gui.journal_page import JournalPage
    from sciatica_journal.gui.main_window import MainWindow
    from sciatica_journal.gui.operation_runner import OperationRunner
    from sciatica_journal.services.container import build_services

    # After the app's modules: journal_size puts this checkout first on the path.
    make_ten_year_journal = importlib.import_module("journal_size").make_ten_year_journal

    assert Path(sys.modules["sciatica_journal"].__file__).is_relative_to(tree)
    app = QApplication.instance() or QApplication([])
    folder = make_ten_year_journal(CACHE)
    work = Path(tempfile.mkdtemp(prefix="bench-journal-"))
    for item in folder.glob("journal.sqlite3*"):
        (work / item.name).write_bytes(item.read_bytes())
    services = build_services(work)
    runner = OperationRunner(services.operations)
    entries = len(services.entries.entries())

    found: dict[str, list[float]] = {}
    sorts: dict[str, list[float]] = {}
    filters: dict[str, list[float]] = {}

    def note(name, value):
        found.setdefault(name, []).append(value)

    def to_bottom(view):
        view.scrollToTop()
        model = view.model()
        view.scrollToBottom()
        while model.canFetchMore(view.rootIndex()):
            app.processEvents()  # the view fetches the next page at the bottom
            view.scrollToBottom()
        view.viewport().repaint()

    def page_downs(view, name):
        view.setFocus()
        for _step in range(args.page_downs):
            start = time.perf_counter()
            QTest.keyClick(view, Qt.Key.Key_PageDown)
            view.viewport().repaint()
            note(name, (time.perf_counter() - start) * 1000)

    def one_run():
        start = time.perf_counter()
        bare = bare_table(entries, app)
        note("bare_open", (time.perf_counter() - start) * 1000)

        window = MainWindow(services)
        window.resize(1024, 600)
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.navigation.setCurrentRow(4)  # Journal (window.journal_page would build it)
        window.repaint()
        note("in_window", (time.perf_counter() - start) * 1000)
        window.close()
        window.reminder_parts.retire()  # no reminder check once its journal is gone
        window.deleteLater()
        app.processEvents()

        start = time.perf_counter()
        page = JournalPage(services.entries, runner)
        page.resize(*SIZE)
        page.show()
        page.table.viewport().repaint()
        note("open", (time.perf_counter() - start) * 1000)
        app.processEvents()

        page_downs(page.table, "steps")
        page_downs(bare, "bare_steps")
        note("bare_end", ms(lambda: to_bottom(bare)))
        note("to_end", ms(lambda: to_bottom(page.table)))
        assert page.table.model().rowCount() == entries, page.table.model().rowCount()

        view = page.table
        for column, name in ((1, "time"), (2, "entry"), (3, "summary"), (4, "note"), (0, "date")):
            start = time.perf_counter()
            view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            view.viewport().repaint()
            sorts.setdefault(name, []).append((time.perf_counter() - start) * 1000)
        assert view.horizontalHeader().sortIndicatorSection() == 0
        shown = getattr(page, "shown", None)  # the Show list (not in older code)
        for choice in () if shown is None else (*range(1, shown.count()), 0):
            start = time.perf_counter()
            shown.setCurrentIndex(choice)
            view.viewport().repaint()
            filters.setdefault(shown.itemText(choice), []).append(
                (time.perf_counter() - start) * 1000
            )
        for widget in (page, bare):
            widget.close()
            widget.deleteLater()
        app.processEvents()

    for _ in range(args.runs):
        one_run()
    in_window, opened, bare_opened = found["in_window"], found["open"], found["bare_open"]
    steps, bare_steps = found["steps"], found["bare_steps"]
    to_end, bare_end = found["to_end"], found["bare_end"]

    bare_ms = statistics.median(bare_opened)
    result = {
        "tree": str(tree),
        "entries": entries,
        "runs": args.runs,
        "open_ms": spread(opened),
        "open_in_window_ms": spread(in_window),
        "bare_table_open_ms": spread(bare_opened),
        "open_ratio_to_bare_table": statistics.median(opened) / bare_ms,
        "page_down_ms": spread(steps),
        "bare_page_down_ms": spread(bare_steps),
        "page_downs_per_run": args.page_downs,
        "to_end_ms": spread(to_end),
        "bare_to_end_ms": spread(bare_end),
        "sort_switch_ms": {name: spread(values) for name, values in sorts.items()},
        "filter_switch_ms": {name: spread(values) for name, values in filters.items()},
        "machine": platform.platform(),
    }

    def row(label, values, reference=None):
        s = spread(values)
        ratio = "" if reference is None else f"{s['median'] / statistics.median(reference):>7.2f}x"
        text = f"{s['min']:8.1f} {s['median']:8.1f} {s['max']:8.1f} ms"
        print(f"{label:34}{text}{ratio}")

    print(f"Journal page on a 10-year journal ({entries} entries), offscreen, {args.runs} runs")
    print(f"{'':34}{'min':>8} {'median':>8} {'max':>8}")
    row("bare QTableView, open", bare_opened, bare_opened)
    row(f"Journal page, open (≤ {TARGET_MS} ms)", opened, bare_opened)
    row("  the same in the main window", in_window, bare_opened)
    row("bare table, page down", bare_steps, bare_steps)
    row("Journal page, page down", steps, bare_steps)
    row("bare table, to the end", bare_end, bare_end)
    row("Journal page, to the end", to_end, bare_end)
    for name, values in sorts.items():
        row(f"sort by {name}", values, bare_opened)
    for name, values in filters.items():
        row(f"show {name}", values, bare_opened)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written: {RESULTS.relative_to(BENCH.parent)}")
    services.close()
    return 0 if statistics.median(opened) <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
