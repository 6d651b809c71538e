"""Which language the app speaks, and its catalog.

The language follows the system (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, else
the platform's locale, as on Windows) unless Settings name one. Each language's texts are
gettext catalogs in ``resources/locale/<language>/LC_MESSAGES/``: one per part of the app
(``domain``, ``storage``, ``services``, ``reports``, ``cli``, ``gui``), compiled (``.mo``)
from their ``.po`` by ``make translations``. See docs/translations.md."""

from __future__ import annotations

import functools
import gettext
import locale
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from sciatica_journal.domain import language
from sciatica_journal.paths import resource_path

# The languages the app ships, by their own names (never translated).
LANGUAGES = {"en": "English", "de": "Deutsch"}
SYSTEM = "system"
CATALOGS = ("domain", "storage", "services", "reports", "cli", "gui")
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _language_of(name: str) -> str | None:
    """ "de_DE.UTF-8" -> "de"; "German_Germany" (Windows) -> "de"; "C" -> None."""
    name = name.strip()
    if not name or name in ("C", "POSIX") or name.startswith("C."):
        return None
    head = name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    windows_names = {"german": "de", "english": "en"}
    return windows_names.get(head, head)


def system_language(
    environ: Mapping[str, str] | None = None,
    platform_locale: Callable[[], tuple[str | None, str | None]] = locale.getlocale,
) -> str:
    """The first language the system asks for that the app speaks; English otherwise."""
    environ = os.environ if environ is None else environ
    for variable in _ENVIRONMENT:
        value = environ.get(variable, "")
        if not value:
            continue
        # LANGUAGE may list several ("de:en"); the first the app has wins.
        for part in value.split(":"):
            code = _language_of(part)
            if code in LANGUAGES:
                return code
        if variable != "LANGUAGE":  # LC_ALL / LANG set: that is the choice
            return language.ENGLISH
    try:
        code = _language_of(platform_locale()[0] or "")
    except ValueError:  # an odd locale setting
        code = None
    return code if code in LANGUAGES else language.ENGLISH


def choose(preference: str, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak for a Settings choice ("system", "en", "de")."""
    if preference in LANGUAGES:
        return preference
    return system_language(environ)


def catalog_folder(code: str) -> Path:
    return resource_path("locale", code, "LC_MESSAGES")


def load_translations(code: str) -> gettext.NullTranslations:
    """The catalogs of ``code`` as one (English has none: the texts are written in it).

    Read once per folder (the program installs its language up to three times as it
    starts: the system's, the journal's, the window's), and merged into one catalog, so
    that a text is looked up once, not in each of six catalogs in turn: where two
    catalogs hold the same text, the later in ``CATALOGS`` wins, as it did when each fell
    back on the one before. A catalog whose plural forms differ stays a fallback."""
    if code == language.ENGLISH:
        return gettext.NullTranslations()
    return _merged(str(catalog_folder(code)))


@functools.cache
def _merged(folder: str) -> gettext.NullTranslations:
    translations = gettext.NullTranslations()
    merged: gettext.GNUTranslations | None = None
    for name in CATALOGS:
        path = Path(folder) / f"{name}.mo"
        if not path.is_file():
            continue
        with path.open("rb") as file:
            part = gettext.GNUTranslations(file)
        if merged is not None and part.info().get("plural-forms") == merged.info().get(
            "plural-forms"
        ):
            merged._catalog.update(part._catalog)  # type: ignore[attr-defined]  # (gettext's own)
            continue
        part.add_fallback(translations)
        translations = merged = part
    return translations


def use_language(code: str) -> None:
    """Speak ``code`` from now on, in every layer."""
    language.install(code, load_translations(code))
