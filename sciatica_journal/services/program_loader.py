"""Loading the bundled programme and region catalog, in a language.

Each file's texts are in English; ``<name>.<language>.toml`` beside it (``program.de.toml``)
holds one language's texts, laid over the English when that language is asked for
(domain/text_variants.py). A variant that is absent, unreadable or incomplete never stops
the app: what it lacks or gets wrong stays in English, and the problems are logged (the
tests require every variant to be complete)."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sciatica_journal.domain.body import CatalogError, RegionCatalog, catalog_data, parse_catalog
from sciatica_journal.domain.language import ENGLISH
from sciatica_journal.domain.program import Program, ProgramError, parse_program, program_data
from sciatica_journal.domain.text_variants import (
    CATALOG_TEXTS,
    PROGRAM_TEXTS,
    TextLayout,
    overlay_texts,
)
from sciatica_journal.paths import resource_path

log = logging.getLogger(__name__)


def variant_path(path: Path, language: str) -> Path:
    """Where the ``language`` texts of the data file ``path`` are: program.de.toml."""
    return path.with_name(f"{path.stem}.{language}{path.suffix}")


def read_text(path: Path, error: type[ValueError]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{path} is not UTF-8 text") from exc


def read_variant(path: Path, language: str) -> dict[str, Any] | None:
    """The parsed ``language`` variant of the data file ``path``; None when there is none
    (English, or no file) or it cannot be read (logged)."""
    if language == ENGLISH:
        return None
    found = variant_path(path, language)
    if not found.is_file():
        return None
    try:
        return tomllib.loads(found.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("%s is ignored, the texts stay in English: %s", found.name, exc)
        return None


_PARSED: dict[tuple[Callable[[str], dict[str, Any]], str], dict[str, Any]] = {}


def parsed(text: str, parse: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """``parse(text)``, made once per text: a data file is loaded in English before the
    journal is opened (broken app data never opens one) and again in the journal's
    language after. Shared: ``overlay_texts`` copies what it lays texts over, and the
    ``parse_*`` functions only read."""
    key = (parse, text)
    found = _PARSED.get(key)
    if found is None:
        found = _PARSED[key] = parse(text)
    return found


def in_language(
    data: dict[str, Any], path: Path, language: str, layout: TextLayout
) -> dict[str, Any]:
    variant = read_variant(path, language)
    if variant is None:
        return data
    merged, problems = overlay_texts(data, variant, layout)
    for problem in problems:
        log.warning("%s (kept in English)", problem)
    return merged


def load_program(path: Path | None = None, language: str = ENGLISH) -> Program:
    """The programme, its texts in ``language`` (English where the variant lacks one)."""
    path = path or resource_path("program.toml")
    data = parsed(read_text(path, ProgramError), program_data)
    program = parse_program(in_language(data, path, language, PROGRAM_TEXTS))
    for index, rung in enumerate(program.rungs):
        for key in ("correct", "incorrect"):
            name = getattr(rung.pictures, key)
            if not resource_path("exercises", name).is_file():
                raise ProgramError(
                    f"program.toml: 'rungs[{index}].pictures.{key}' names {name!r}, "
                    "which is not in resources/exercises"
                )
    return program


def load_catalog(path: Path | None = None, language: str = ENGLISH) -> RegionCatalog:
    """The body regions, their names in ``language`` (English where the variant lacks one)."""
    path = path or resource_path("body_regions.toml")
    data = parsed(read_text(path, CatalogError), catalog_data)
    return parse_catalog(in_language(data, path, language, CATALOG_TEXTS))
