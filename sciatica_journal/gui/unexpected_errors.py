"""An error that escaped a slot, told to the user in plain words (a full disk, a
read-only folder) or as what it is, never silently; only its type is logged."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox

from sciatica_journal import APP_NAME
from sciatica_journal.domain.language import _
from sciatica_journal.services.failures import plain_failure

log = logging.getLogger(__name__)


def report_unexpected(kind: type[BaseException], error: BaseException, trace: object) -> None:
    """An error that escaped a slot: tell the user instead of failing silently.

    Only the error's type goes to the log (its text could hold health data)."""
    log.error("unexpected %s", kind.__name__)
    if QApplication.instance() is None:
        return
    plain = plain_failure(error)
    if plain is not None:  # a full disk, a read-only folder: said plainly
        said = _(
            "{problem}: nothing was saved.\n\nFree some space (or make the folder writable) "
            "and try again. Everything saved before is safe in your journal."
        ).format(problem=plain)
        QMessageBox.warning(None, APP_NAME, said[:1].upper() + said[1:])
        return
    QMessageBox.critical(
        None,
        APP_NAME,
        _(
            "Something went wrong and the last action may not have been saved.\n\n"
            "{error}: {details}\n\nEverything saved before is safe in your journal."
        ).format(error=kind.__name__, details=error),
    )
