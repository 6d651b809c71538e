"""The programme's and the body regions' texts in German (program.de.toml,
body_regions.de.toml): every text is there and nothing else, a variant can never change a
number, and the app speaks them when the journal is set to German. No Qt."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

import pytest

from sciatica_journal.domain.body import RegionCatalog
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.program import Program, ProgramError
from sciatica_journal.domain.text_variants import (
    CATALOG_TEXTS,
    PROGRAM_TEXTS,
    TextLayout,
    VariantError,
    base_texts,
    check_variant,
    overlay_texts,
    variant_problems,
)
from sciatica_journal.paths import resource_path
from sciatica_journal.services import container, languages
from sciatica_journal.services.program_loader import load_catalog, load_program, variant_path
from sciatica_journal.storage.database import Journal
from tests.builders import renamed_program_text

FILES = [
    pytest.param("program.toml", PROGRAM_TEXTS, id="program"),
    pytest.param("body_regions.toml", CATALOG_TEXTS, id="body_regions"),
]


def toml(name: str) -> dict[str, Any]:
    return tomllib.loads(resource_path(name).read_text(encoding="utf-8"))


def german(name: str) -> dict[str, Any]:
    return tomllib.loads(variant_path(resource_path(name), "de").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def program_de() -> Program:
    return load_program(language="de")


@pytest.fixture(scope="module")
def catalog_de() -> RegionCatalog:
    return load_catalog(language="de")


# ---- the German files are complete ---------------------------------------------------


@pytest.mark.parametrize(("name", "layout"), FILES)
def test_every_text_has_german_and_the_german_has_nothing_else(name: str, layout: TextLayout):
    assert variant_problems(toml(name), german(name), layout) == []


@pytest.mark.parametrize(("name", "layout"), FILES)
def test_every_german_text_is_written_in_german_not_copied(name: str, layout: TextLayout):
    english = base_texts(toml(name), layout)
    merged, _ = overlay_texts(toml(name), german(name), layout)
    translated = base_texts(merged, layout)
    assert translated.keys() == english.keys()
    same = [".".join(path) for path in english if translated[path] == english[path]]
    assert same == []


def test_the_layout_knows_every_text_of_the_bundled_files():
    # 5 rungs x 6 texts, 7 questions (each also in short), 2 + 4 fixed texts; 3 classes,
    # 8 levels, 38 regions.
    assert len(base_texts(toml("program.toml"), PROGRAM_TEXTS)) == 5 * 6 + 7 * 2 + 2 + 4
    assert len(base_texts(toml("body_regions.toml"), CATALOG_TEXTS)) == 3 + 8 + 38


# ---- loaded in German ---------------------------------------------------------------


def test_the_programme_in_german_has_german_rungs_questions_and_advice(program_de: Program):
    assert [r.name for r in program_de.rungs] == [
        "Bauchlage",
        "Bauchlage auf die Ellenbogen gestützt",
        "Halber Liegestütz in Bauchlage",
        "Ganzer Liegestütz in Bauchlage",
        "Liegestütz in Bauchlage mit Überdruck",
    ]
    assert program_de.rung("full-press-up").label == "4. Ganzer Liegestütz in Bauchlage"
    questions = {q.code: q.question for q in program_de.red_flags}
    assert "Reithosenbereich" in questions["saddle-numbness"]
    assert "After" in questions["saddle-numbness"]
    assert "Wasserlassen" in questions["bladder-difficulty"]
    assert "Urin oder Stuhl" in questions["incontinence"]
    assert "beiden Beinen" in questions["both-legs"]
    assert "Geschlechtsverkehr" in questions["sexual-function"]
    assert "Krebserkrankung" in questions["general-illness"]
    assert "112" in program_de.red_flag_advice.urgent_text
    assert "Notaufnahme" in program_de.red_flag_advice.urgent_text
    assert "zeitnah" in program_de.red_flag_advice.doctor_text
    assert program_de.disclaimer_title == "Bevor Sie beginnen"


def test_the_picture_captions_are_german_and_the_pictures_the_same(program_de: Program):
    english = load_program()
    for rung, original in zip(program_de.rungs, english.rungs, strict=True):
        assert (rung.pictures.correct, rung.pictures.incorrect) == (
            original.pictures.correct,
            original.pictures.incorrect,
        )
        assert rung.pictures.incorrect_cue == "Becken hebt ab"
    assert program_de.rung("baby-press-up").pictures.correct_cue == "Becken bleibt unten"
    assert program_de.rung("prone-lying").pictures.correct_cue == "flach und entspannt"


def test_the_body_regions_in_german(catalog_de: RegionCatalog):
    def name(code: str) -> str:
        region = catalog_de.get(code)
        assert region is not None
        return region.name

    assert name("calf-left") == "Wade links"
    assert name("knee-back-right") == "Kniekehle rechts"
    assert name("saddle") == "Reithosenbereich (zwischen den Beinen)"
    assert name("big-toe-left") == "Großzehe links"
    assert catalog_de.level_name(4) == "Unterschenkel"
    assert catalog_de.level_names[0] == "unterer Rücken"
    assert catalog_de.radiation_words[3] == "unterhalb des Knies"


def test_the_numbers_and_the_structure_are_the_same_in_both_languages(
    program_de: Program, catalog_de: RegionCatalog
):
    english = load_program()
    for key in ("thresholds", "roles", "backups", "target_min", "target_max"):
        assert getattr(program_de, key) == getattr(english, key)
    for rung, original in zip(program_de.rungs, english.rungs, strict=True):
        assert (rung.number, rung.slug, rung.dose, rung.is_press_up) == (
            original.number,
            original.slug,
            original.dose,
            original.is_press_up,
        )
    assert [(q.code, q.severity) for q in program_de.red_flags] == [
        (q.code, q.severity) for q in english.red_flags
    ]
    regions = load_catalog()
    assert [(r.code, r.side, r.view, r.level, r.red_flag) for r in catalog_de.regions] == [
        (r.code, r.side, r.view, r.level, r.red_flag) for r in regions.regions
    ]
    assert [(lv.number, lv.in_leg, lv.radiation) for lv in catalog_de.levels] == [
        (lv.number, lv.in_leg, lv.radiation) for lv in regions.levels
    ]


# ---- a variant can hold texts only ---------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "named"),
    [
        ({"thresholds": {"worse_pain_increase": 9}}, "thresholds.worse_pain_increase"),
        ({"frequency": {"target_min": 1}}, "frequency.target_min"),
        ({"schema": 2}, "schema"),
        ({"rungs": {"baby-press-up": {"dose": {"default_reps": 50}}}}, "baby-press-up.dose"),
        ({"rungs": {"baby-press-up": {"is_press_up": False}}}, "baby-press-up.is_press_up"),
        ({"rungs": {"baby-press-up": {"pictures": {"correct": "x.svg"}}}}, ".pictures"),
        ({"red_flags": {"both-legs": {"severity": "doctor"}}}, "both-legs.severity"),
        ({"roles": {"goal": "prone-lying"}}, "roles.goal"),
        ({"rungs": {"no-such-rung": {"name": "Neu"}}}, "rungs.no-such-rung.name"),
    ],
)
def test_a_variant_with_a_number_or_a_structural_key_is_rejected(variant, named):
    base = toml("program.toml")
    with pytest.raises(VariantError, match=f"'[^']*{named}[^']*' is not a text of program.toml"):
        check_variant(base, variant, PROGRAM_TEXTS)
    merged, _ = overlay_texts(base, variant, PROGRAM_TEXTS)
    assert merged == base  # and laid over the base it changes nothing


def test_a_region_level_or_side_in_a_variant_is_rejected():
    base = toml("body_regions.toml")
    variant = {
        "regions": {"calf-left": {"level": 1, "side": "right"}},
        "levels": {"4": {"in_leg": False}},
    }
    problems = variant_problems(base, variant, CATALOG_TEXTS)
    for key in ("regions.calf-left.level", "regions.calf-left.side", "levels.4.in_leg"):
        assert any(f"'{key}' is not a text" in p for p in problems)
    assert overlay_texts(base, variant, CATALOG_TEXTS)[0] == base


def test_a_missing_or_misshapen_text_is_named():
    base = toml("program.toml")
    variant = german("program.toml")
    del variant["rungs"]["prone-prop"]["summary"]
    variant["rungs"]["full-press-up"]["steps"] = ["Nur ein Schritt."]
    variant["rungs"]["prone-lying"]["cues"] = {"correct": "flach"}
    variant["red_flags"]["incontinence"]["question"] = "  "
    assert variant_problems(base, variant, PROGRAM_TEXTS) == [
        "program.toml variant: 'rungs.prone-lying.cues' must have the keys correct, incorrect",
        "program.toml variant: 'rungs.full-press-up.steps' must have 4 texts, as the English "
        "has, not 1",
        "program.toml variant: 'red_flags.incontinence.question' must be non-empty text",
        "program.toml variant: lacks 'rungs.prone-prop.summary'",
    ]


# ---- at run time a variant never stops the app ----------------------------------------


def copy_with_variant(tmp_path: Path, base_text: str, variant_text: str) -> Path:
    path = tmp_path / "program.toml"
    path.write_text(base_text, encoding="utf-8")
    variant_path(path, "de").write_text(variant_text, encoding="utf-8")
    return path


def test_a_text_the_variant_lacks_stays_english(tmp_path, caplog):
    base_text = resource_path("program.toml").read_text(encoding="utf-8")
    variant_text = variant_path(resource_path("program.toml"), "de").read_text(encoding="utf-8")
    gap = variant_text.replace('name = "Halber Liegestütz in Bauchlage"\n', "")
    assert gap != variant_text
    with caplog.at_level(logging.WARNING):
        program = load_program(copy_with_variant(tmp_path, base_text, gap), language="de")
    assert program.rung("baby-press-up").name == "Baby press-ups"
    assert program.rung("baby-press-up").clinical == "Extension in Bauchlage, teilweise"
    assert program.lowest.name == "Bauchlage"
    assert "lacks 'rungs.baby-press-up.name'" in caplog.text


def test_a_broken_variant_is_ignored(tmp_path, caplog):
    base_text = resource_path("program.toml").read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        program = load_program(copy_with_variant(tmp_path, base_text, "[disclaimer"), language="de")
    assert program.disclaimer_title == "Before you start"
    assert "program.de.toml is ignored" in caplog.text


def test_english_and_a_language_without_a_variant_read_the_base_alone():
    assert load_program(language="en") == load_program()
    assert load_program(language="fr") == load_program()
    assert load_catalog(language="fr") == load_catalog()


def test_the_variant_is_ignored_cleanly_where_the_slugs_are_renamed(tmp_path):
    variant_text = variant_path(resource_path("program.toml"), "de").read_text(encoding="utf-8")
    path = copy_with_variant(tmp_path, renamed_program_text("x-"), variant_text)
    program = load_program(path, language="de")
    english = load_program()
    assert [r.slug for r in program.rungs] == ["x-" + r.slug for r in english.rungs]
    assert [r.name for r in program.rungs] == [r.name for r in english.rungs]  # kept English
    assert program.red_flags[0].question.startswith("Haben Sie")  # the rest is German
    assert program.disclaimer_title == "Bevor Sie beginnen"
    problems = variant_problems(
        tomllib.loads(renamed_program_text("x-")), tomllib.loads(variant_text), PROGRAM_TEXTS
    )
    assert (
        "program.toml variant: 'rungs.baby-press-up.name' is not a text of program.toml" in problems
    )
    assert "program.toml variant: lacks 'rungs.x-baby-press-up.name'" in problems


# ---- the app's services --------------------------------------------------------------


def test_a_journal_set_to_german_has_the_german_programme_and_regions(services, data_dir, clock):
    services.preferences.save(Preferences(language="de"))
    services.close()
    reopened = container.build_services(data_dir, clock)  # the tests' system asks for English
    try:
        assert reopened.program.rung("prone-prop").name == "Bauchlage auf die Ellenbogen gestützt"
        assert reopened.program.goal.name == "Ganzer Liegestütz in Bauchlage"
        assert reopened.program.thresholds == load_program().thresholds
        region = reopened.catalog.get("sole-right")
        assert region is not None and region.name == "Fußsohle rechts"
    finally:
        reopened.close()
        languages.use_language("en")


def test_an_english_journal_has_the_english_programme(services):
    assert services.program.rung("prone-prop").name == "Lying propped on elbows"


def test_a_failure_loading_the_german_programme_closes_the_journal(
    services, data_dir, clock, monkeypatch
):
    services.preferences.save(Preferences(language="de"))
    services.close()
    closed: list[Journal] = []
    close = Journal.close

    def counting_close(journal: Journal) -> None:
        closed.append(journal)
        close(journal)

    def failing_load(path: Path | None = None, language: str = "en") -> Program:
        if language != "en":
            raise ProgramError("program.toml: broken")
        return load_program(path, language)

    monkeypatch.setattr(Journal, "close", counting_close)
    monkeypatch.setattr(container, "load_program", failing_load)
    try:
        with pytest.raises(ProgramError, match="broken"):
            container.build_services(data_dir, clock)
    finally:
        languages.use_language("en")
    assert len(closed) == 1
