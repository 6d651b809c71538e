"""Loading the bundled weekly measures (``resources/measures.toml``), in a language.

As for the programme (program_loader.py): the texts are in English, ``measures.<language>.toml``
beside it holds one language's texts, and a variant that is absent or incomplete never stops
the app (what it lacks stays in English, logged; the tests require it to be complete). A
broken ``measures.toml`` raises ``MeasuresError`` naming the key, before a journal is opened."""

from __future__ import annotations

from pathlib import Path

from sciatica_journal.domain.language import ENGLISH
from sciatica_journal.domain.measures import (
    MeasuresError,
    MeasureSet,
    measures_data,
    parse_measures,
)
from sciatica_journal.domain.text_variants import MEASURES_TEXTS
from sciatica_journal.paths import resource_path
from sciatica_journal.services.program_loader import in_language, parsed, read_text


def load_measures(path: Path | None = None, language: str = ENGLISH) -> MeasureSet:
    """The weekly measures, their texts in ``language`` (English where the variant lacks one)."""
    path = path or resource_path("measures.toml")
    data = parsed(read_text(path, MeasuresError), measures_data)
    return parse_measures(in_language(data, path, language, MEASURES_TEXTS))
