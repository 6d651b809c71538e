"""Keep the translation catalogs in step with the code: ``make translations``.

For each part of the app (``services.languages.CATALOGS``) the marked texts are
extracted from its source (``_``, ``n_``, ``p_``, ``N_``; in the generated forms Qt's
``translate``), the ``.po`` of every language is brought up to date (new texts added
with an empty translation, texts no longer used dropped), and compiled to its ``.mo``.
Both are committed: the app needs no build step to speak German, and a test fails when
a ``.mo`` is stale or a text has no translation. Needs Babel (a development
dependency); nothing in the app imports this module."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from sciatica_journal.paths import data_path

PACKAGE = Path(__file__).resolve().parent
LOCALE = data_path("resources", "locale")
TRANSLATED = ("de",)
KEYWORDS = {
    "_": None,
    "N_": None,
    "n_": (1, 2),
    "p_": ((1, "c"), 2),
    "translate": ((1, "c"), 2),  # QCoreApplication.translate in the generated forms
}
# Which source each catalog holds: (folder or file under the package, recurse).
SOURCES: dict[str, tuple[str, ...]] = {
    "domain": ("domain",),
    "services": ("services",),
    "storage": ("storage",),
    "reports": ("reports",),
    "cli": (
        "cli.py",
        "cli_commands.py",
        "cli_audio.py",
        "cli_fhir.py",
        "cli_errors.py",
        "cli_parsing.py",
        "paths.py",
        "__init__.py",
    ),
    "gui": ("gui",),
}
HEADER = "Sciatica Journal"
# Fixed, so a catalog written again without a change in the texts is the same file.
STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def _new_catalog(name: str, code: str | None = None) -> Catalog:
    return Catalog(
        locale=code,
        domain=name,
        project=HEADER,
        version="1",
        header_comment=f"# {HEADER}: the texts of {name!r}" + (f" in {code!r}." if code else "."),
        msgid_bugs_address="",
        creation_date=STAMP,
        revision_date=STAMP,
        last_translator="Sciatica Journal developers",
        language_team="",
        fuzzy=False,
    )


def _messages(name: str) -> Iterator[tuple[str, int, str | tuple[str, ...], str | None]]:
    """(file, line, message, context) for every marked text of catalog ``name``."""
    for source in SOURCES[name]:
        path = PACKAGE / source
        if path.is_dir():
            method_map = [("**.py", "python")]
            for filename, line, message, _comments, context in extract_from_dir(
                str(path), method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
            ):
                yield f"{source}/{filename}", line, message, context
        else:
            method_map = [(path.name, "python")]
            for filename, line, message, _comments, context in extract_from_dir(
                str(path.parent), method_map, keywords=KEYWORDS
            ):
                if filename == path.name:
                    yield filename, line, message, context


def template(name: str) -> Catalog:
    """Every text catalog ``name`` must translate."""
    catalog = _new_catalog(name)
    for filename, line, message, context in _messages(name):
        catalog.add(message, locations=[(filename, line)], context=context)
    return catalog


def po_path(code: str, name: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{name}.po"


def read(code: str, name: str) -> Catalog:
    path = po_path(code, name)
    if not path.is_file():
        return _new_catalog(name, code)
    with path.open("rb") as file:
        return read_po(file, locale=code, domain=name)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def written(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    return out.getvalue()


def main() -> int:
    for code in TRANSLATED:
        for name in SOURCES:
            catalog = read(code, name)
            catalog.update(template(name), no_fuzzy_matching=True, update_header_comment=False)
            catalog.obsolete.clear()
            catalog.revision_date = STAMP
            catalog.fuzzy = False
            path = po_path(code, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(written(catalog))
            path.with_suffix(".mo").write_bytes(compiled(catalog))
            missing = sum(1 for m in catalog if m.id and not m.string)
            print(f"{code}/{name}: {len(catalog)} texts, {missing} without a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
