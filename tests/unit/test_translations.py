"""The translation catalogs: every text the code marks has its German text (with the same
placeholders), the committed catalogs are what ``make translations`` writes, the language
follows the system (Linux variables, or the Windows locale) unless Settings name one, and
dates are written the German way in German."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterator

import pytest

from sciatica_journal import catalogs_build
from sciatica_journal.domain import language
from sciatica_journal.domain.language import long_date, medium_date, weekday_day_month
from sciatica_journal.services import languages


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _catalogs() -> list[tuple[str, str]]:
    return [(code, name) for code in catalogs_build.TRANSLATED for name in catalogs_build.SOURCES]


@pytest.mark.parametrize(("code", "name"), _catalogs())
def test_every_marked_text_has_a_translation_with_the_same_placeholders(code, name):
    template = catalogs_build.template(name)
    catalog = catalogs_build.read(code, name)
    wanted = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in template if m.id}
    held = {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    assert wanted - held.keys() == set(), "run `make translations`"
    assert held.keys() - wanted == set(), "texts no longer used: run `make translations`"
    untranslated = [key for key, m in held.items() if not all(_as_tuple(m.string))]
    assert untranslated == []
    for key, message in held.items():
        for source, translated in zip(
            _as_tuple(message.id), _as_tuple(message.string), strict=True
        ):
            # A plural's German forms may leave out {n} in the singular ("eine Einheit").
            assert _fields(translated) <= _fields(source) | {"n"}, key
            assert _fields(source) - {"n"} <= _fields(translated), key


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@pytest.mark.parametrize(("code", "name"), _catalogs())
def test_the_compiled_catalogs_are_up_to_date(code, name):
    path = catalogs_build.po_path(code, name)
    catalog = catalogs_build.read(code, name)
    assert path.read_bytes() == catalogs_build.written(catalog)
    assert path.with_suffix(".mo").read_bytes() == catalogs_build.compiled(catalog)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8"}, "de"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:de", "LANG": "fr_FR.UTF-8"}, "de"),  # the first one the app speaks
        ({"LC_ALL": "de_CH.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),  # French asked: English
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_the_language_follows_the_system_variables(environ, expected):
    assert languages.system_language(environ, lambda: (None, None)) == expected


@pytest.mark.parametrize(
    ("platform", "expected"),
    [(("German_Germany", "1252"), "de"), (("de_DE", "UTF-8"), "de"), ((None, None), "en")],
)
def test_without_variables_the_platform_locale_decides_as_on_windows(platform, expected):
    assert languages.system_language({}, lambda: platform) == expected


def test_settings_override_the_system():
    german_desktop = {"LANG": "de_DE.UTF-8"}
    assert languages.choose("en", german_desktop) == "en"
    assert languages.choose("de", {"LANG": "en_US.UTF-8"}) == "de"
    assert languages.choose("system", german_desktop) == "de"
    assert languages.choose("klingon", german_desktop) == "de"  # unknown: the system's


@pytest.fixture
def german() -> Iterator[None]:
    languages.use_language("de")
    yield
    languages.use_language("en")


def test_dates_are_written_the_german_way(german):
    day = dt.date(2026, 12, 1)
    assert long_date(day) == "Dienstag, 1. Dezember 2026"
    assert medium_date(day) == "Di., 1. Dez. 2026"
    assert weekday_day_month(dt.date(2026, 3, 5)) == "Donnerstag, 5. März"
    assert language.decimal(3.5) == "3,5"


def test_english_is_the_text_as_written():
    day = dt.date(2026, 12, 1)
    assert long_date(day) == "Tuesday 1 December 2026"
    assert medium_date(day) == "Tue 1 Dec 2026"
    assert language.decimal(3.5) == "3.5"


def test_a_journal_set_to_german_speaks_german_when_opened_again(services, data_dir, clock):
    from sciatica_journal.domain.preferences import Preferences
    from sciatica_journal.services.container import build_services

    services.preferences.save(Preferences(language="de"))
    services.close()
    reopened = build_services(data_dir, clock)  # the tests' system asks for English
    try:
        assert language.code() == "de"
        assert long_date(dt.date(2026, 12, 1)) == "Dienstag, 1. Dezember 2026"
    finally:
        reopened.close()
        languages.use_language("en")


def test_a_text_in_two_catalogs_has_one_german_wording():
    """The catalogs are looked up as one: the same English must not read two ways."""
    wordings: dict[tuple[str | None, str], set[str]] = {}
    for code, name in _catalogs():
        for message in catalogs_build.read(code, name):
            if message.id:
                key = (message.context, _as_tuple(message.id)[0])
                wordings.setdefault(key, set()).add(repr(message.string))
    assert {key: seen for key, seen in wordings.items() if len(seen) > 1} == {}


def _chained(code: str):
    """The catalogs of ``code`` as they were installed before: each falling back on the
    one read before it."""
    import gettext

    translations = gettext.NullTranslations()
    for name in languages.CATALOGS:
        path = languages.catalog_folder(code) / f"{name}.mo"
        with path.open("rb") as file:
            part = gettext.GNUTranslations(file)
        part.add_fallback(translations)
        translations = part
    return translations


@pytest.mark.parametrize("code", catalogs_build.TRANSLATED)
def test_the_merged_catalog_answers_every_text_as_the_catalogs_did_one_after_another(code):
    merged, chained = languages.load_translations(code), _chained(code)
    assert languages.load_translations(code) is merged  # read once
    texts = 0
    for name in catalogs_build.SOURCES:
        for message in catalogs_build.read(code, name):
            if not message.id:
                continue
            if isinstance(message.id, str):
                if message.context:
                    pair = (message.context, message.id)
                    assert merged.pgettext(*pair) == chained.pgettext(*pair)
                else:
                    assert merged.gettext(message.id) == chained.gettext(message.id)
            else:
                for n in (1, 2, 5):
                    assert merged.ngettext(*message.id, n) == chained.ngettext(*message.id, n)
            texts += 1
    assert texts > 500
    assert merged.gettext("not a text of the app") == "not a text of the app"
