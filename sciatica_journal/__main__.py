"""`python -m sciatica_journal` runs the same program as `sciatica-journal`."""

import sys

from sciatica_journal.cli import run

sys.exit(run())
