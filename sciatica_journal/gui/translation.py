"""Qt speaks the app's language too: the texts of the generated forms (which call Qt's
``translate``) come from the app's catalogs, Qt's own (standard buttons, the calendar)
from Qt's translations, and dates in Qt's widgets follow the language's locale."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sciatica_journal.domain import language


class CatalogTranslator(QTranslator):
    """Answers Qt's ``translate(context, text)`` from the app's catalogs."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        translated = language.p_(context, source) if source else source
        # None (a null string): not ours, so Qt asks its own translation next.
        return translated if translated != source else None

    def isEmpty(self) -> bool:
        return language.code() == language.ENGLISH


class _Installed:
    translators: ClassVar[list[QTranslator]] = []


def install_translators(app: QCoreApplication) -> None:
    """Put the active language's translators on ``app`` (replacing earlier ones)."""
    for old in _Installed.translators:
        app.removeTranslator(old)
    _Installed.translators = []
    code = language.code()
    QLocale.setDefault(QLocale(code))
    if code == language.ENGLISH:
        return
    catalog = CatalogTranslator(app)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{code}", folder):
        app.installTranslator(qt_own)
        _Installed.translators.append(qt_own)
    app.installTranslator(catalog)
    _Installed.translators.append(catalog)
