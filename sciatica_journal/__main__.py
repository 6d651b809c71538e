"""`python -m sciatica_journal` runs the same program as `sciatica-journal`."""

import gc
import sys

gc.disable()  # while the program loads (see cli.run): on again before it runs

from sciatica_journal.cli import run  # noqa: E402  (after the collector is off)

sys.exit(run())
