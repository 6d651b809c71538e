"""Run every benchmark in bench/ (``make bench``), or those named: ``run.py launch``.

Each benchmark is a module here with a ``main(argv)`` that prints its table and
writes results/<name>.json. Run a module directly to pass it options
(``python bench/launch.py --runs 15``).
"""

import importlib
import sys
from pathlib import Path

BENCHMARKS = (
    "launch",
    "language_launch",
    "map_click",
    "wizard",
    "journal_size",
    "migration",
    "progress",
    "journal_page",
    "report_pdf",
    "fhir_export",
    "summary",
    "transfer",
    "safety",
    "audio",
    "floor_cues",
)


def main(argv=None):
    names = (sys.argv[1:] if argv is None else argv) or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark: {', '.join(unknown)} (known: {', '.join(BENCHMARKS)})")
        return 2
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    failed = []
    for name in names:
        print(f"== {name}")
        try:
            status = importlib.import_module(name).main([])
        except Exception as exc:  # one broken benchmark does not hide the others
            print(f"{name} failed: {exc}", file=sys.stderr)
            status = 1
        if status:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    print("== figures")
    missed = importlib.import_module("figures").main([])  # every figure against its target
    return 1 if failed or (missed and set(names) == set(BENCHMARKS)) else 0


if __name__ == "__main__":
    sys.exit(main())
