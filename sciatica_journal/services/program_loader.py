"""Loading the bundled programme and region catalog."""

from __future__ import annotations

from pathlib import Path

from sciatica_journal.domain.body import CatalogError, RegionCatalog, parse_catalog_text
from sciatica_journal.domain.program import Program, ProgramError, parse_program_text
from sciatica_journal.paths import resource_path


def load_program(path: Path | None = None) -> Program:
    path = path or resource_path("program.toml")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProgramError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ProgramError(f"{path} is not UTF-8 text") from exc
    program = parse_program_text(text)
    for index, rung in enumerate(program.rungs):
        for key in ("correct", "incorrect"):
            name = getattr(rung.pictures, key)
            if not resource_path("exercises", name).is_file():
                raise ProgramError(
                    f"program.toml: 'rungs[{index}].pictures.{key}' names {name!r}, "
                    "which is not in resources/exercises"
                )
    return program


def load_catalog(path: Path | None = None) -> RegionCatalog:
    path = path or resource_path("body_regions.toml")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path} is not UTF-8 text") from exc
    return parse_catalog_text(text)
