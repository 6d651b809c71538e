"""Every performance figure of DESIGN §8 / issue 16 against its target, read from the
results the benchmarks wrote (results/<name>.json): ``python bench/figures.py``, and at
the end of ``bench/run.py``. A figure whose benchmark has not run (or failed) is printed
as not measured. Exit status 0 only when every figure is measured and met."""

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def _load(name):
    try:
        return json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _spread(s, unit, scale=1.0):
    return f"{s['min'] * scale:.1f} / {s['median'] * scale:.1f} / {s['max'] * scale:.1f} {unit}"


def _seconds(s, unit="s", scale=1.0):
    return _spread({k: s[f"{k}_s"] for k in ("min", "median", "max")}, unit, scale)


def figures():
    """(figure, measured text, target text, met: True/False/None) for each figure."""
    rows = []

    def add(label, target, read):
        try:
            text, met = read()
        except (TypeError, KeyError, ZeroDivisionError):
            text, met = "not measured", None
        rows.append((label, text, target, met))

    page, progress = _load("journal_page"), _load("progress")
    add(
        "Journal page opens, 10 years",
        "≤ 100 ms",
        lambda: (_spread(page["open_ms"], "ms"), page["open_ms"]["median"] <= 100),
    )
    add(
        "Progress opens (the click, prepared when idle)",
        "≤ 120 ms",
        lambda: (_spread(progress["open_ms"], "ms"), progress["open_ms"]["median"] <= 120),
    )
    add(
        "Progress built from nothing, All",
        "(measured)",
        lambda: (_spread(progress["cold_open_ms"], "ms"), True),
    )
    for name in ("7 d", "30 d", "90 d", "All"):
        key = next((k for k in (progress or {}).get("preset_ms", {}) if k.startswith(name)), name)
        add(
            f"preset {name}",
            "≤ 20 ms",
            lambda key=key: (
                _spread(progress["preset_ms"][key], "ms"),
                progress["preset_ms"][key]["median"] <= 20,
            ),
        )
    refresh = "refresh_after_save_progress_open_ms"
    add(
        "refresh after a save, Progress open",
        "≤ 20 ms",
        lambda: (_spread(progress[refresh], "ms"), progress[refresh]["median"] <= 20),
    )
    add(
        "Progress memory / bare pyqtgraph window",
        "≤ 1.2×",
        lambda: (
            f"{progress['app_rss_mib']['median']:.1f} / "
            f"{progress['bare_window_rss_mib']['median']:.1f} MiB = "
            f"{progress['memory_ratio']:.2f}×",
            progress["memory_ratio"] <= 1.2,
        ),
    )
    transfer = _load("transfer")

    def ten(verb):
        return transfer["results"]["10 years"][verb]

    def exported():
        yardstick = ten("export")["median_s"] / ten("reference")["median_s"]
        text = f"{_seconds(ten('export'))} ({yardstick:.2f}× json.loads of the file)"
        return text, ten("export")["median_s"] <= 0.6

    add("export, 10 years", "≤ 0.6 s", exported)
    add(
        "export peak memory, 10 years",
        "≤ 150 MiB",
        lambda: (f"{ten('export')['peak_mib_max']:.0f} MiB", ten("export")["peak_mib_max"] <= 150),
    )
    add(
        "import, 10 years",
        "≤ 3 s",
        lambda: (_seconds(ten("import")), ten("import")["median_s"] <= 3),
    )

    def linear():
        ratio = ten("import")["median_s"] / transfer["results"]["1 year"]["import"]["median_s"]
        return f"{ratio:.1f}×", ratio <= 11

    add("import, 10 years / 1 year", "≤ 11×", linear)
    summary = _load("summary")
    add(
        "summary --json / sqlite3 CLI (each round)",
        "≤ 2×",
        lambda: (
            f"{min(summary['round_ratios']):.2f} / {summary['ratio']:.2f} / "
            f"{max(summary['round_ratios']):.2f}× (of the medians "
            f"{summary['ratio_of_medians']:.2f}×)",
            summary["ratio"] <= 2,
        ),
    )
    size = _load("journal_size")

    def journal_size():
        top = next(r for r in size["results"].values() if r["sessions"] >= 29_000)
        return f"{top['file_mb']:.1f} MB", top["file_mb"] <= 8

    add("journal of 10 years at 8 a day", "≤ 8 MB", journal_size)
    launch = _load("launch")

    def launched(name, target):
        result = launch["results"][name]
        return f"{result['ratio_to_bare']:.2f}×", result["ratio_to_bare"] <= target

    add("--demo launch / bare pyqtgraph window", "≤ 1.1×", lambda: launched("demo", 1.1))
    add("launch, 10 years / bare pyqtgraph window", "≤ 1.3×", lambda: launched("ten_years", 1.3))
    report = _load("report_pdf")
    add(
        "one-year PDF, 10-year / one-year journal",
        "≤ 1.2×, ≤ 1.5 s",
        lambda: (
            f"{report['ten_over_one_year_journal']:.2f}× ({report['report_s'] * 1000:.0f} ms)",
            report["ten_over_one_year_journal"] <= report["alone_target"]
            and report["report_s"] <= report["target_s"],
        ),
    )
    migration = _load("migration")
    add(
        "migration of 10 years to the compact journal",
        "(measured)",
        lambda: (_spread(migration["seconds"], "s"), True),
    )
    return rows


def main(argv=None):
    rows = figures()
    width = max(len(label) for label, *_ in rows)
    print("Issue 16 / DESIGN §8: every figure against its target (min / median / max)")
    for label, text, target, met in rows:
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[met]
        print(f"  {label:<{width}}  {text:<52} {target:<14} {verdict}")
    return 0 if all(met for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
