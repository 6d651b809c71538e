"""The preferences (colour scheme, running in the background): kept in the journal, read
back after a restart, unknown values fall back to the defaults, saved with the profile as
one undoable step."""

from __future__ import annotations

import dataclasses

from sciatica_journal.domain.preferences import Appearance, Preferences
from sciatica_journal.services.container import build_services
from sciatica_journal.services.preferences_service import PreferencesService


def test_a_new_journal_follows_the_system_and_quits_with_the_window(services):
    assert services.preferences.preferences() == Preferences(Appearance.SYSTEM, False)


def test_preferences_are_read_back_after_a_restart(services, data_dir, clock):
    services.preferences.save(Preferences(Appearance.DARK, run_in_background=True))
    services.close()
    reopened = build_services(data_dir, clock)
    try:
        assert reopened.preferences.preferences() == Preferences(Appearance.DARK, True)
    finally:
        reopened.close()


def test_unknown_or_missing_values_fall_back_to_the_defaults():
    assert Preferences.from_values({"appearance": "sepia", "other": "x"}) == Preferences()
    assert Preferences.from_values({"run_in_background": "1"}) == Preferences(
        run_in_background=True
    )
    assert Preferences.from_values({}) == Preferences()


def test_the_settings_save_profile_and_preferences_as_one_step(set_up_services):
    s = set_up_services
    old_profile = s.profiles.profile()
    profile = dataclasses.replace(old_profile, target_max=old_profile.target_max - 1)
    dark = Preferences(Appearance.DARK, run_in_background=True)
    done = s.operations.save_profile(profile, dark)
    assert done.label == "change of the settings"
    assert len(s.operations.undo_stack) == 1
    stored = PreferencesService(s.stores.preferences)  # as stored, not only cached
    assert stored.preferences() == dark

    s.operations.undo_stack.undo()
    assert PreferencesService(s.stores.preferences).preferences() == Preferences()
    assert s.preferences.preferences() == Preferences()
    assert s.profiles.profile() == old_profile
    s.operations.undo_stack.redo()
    assert s.preferences.preferences() == dark
    assert s.profiles.profile() == profile


def test_saving_the_profile_alone_keeps_the_preferences(set_up_services):
    s = set_up_services
    dark = Preferences(Appearance.DARK)
    s.preferences.save(dark)
    s.operations.save_profile(s.profiles.profile())
    s.operations.undo_stack.undo()
    assert s.preferences.preferences() == dark


def test_the_guided_set_choices_are_kept_and_bad_values_fall_back():
    from sciatica_journal.domain.pacing_plan import Speed

    chosen = Preferences(voice=False, tones=True, volume=35, speed=Speed.FASTER, full_screen=False)
    assert Preferences.from_values(chosen.to_values()) == chosen
    fresh = Preferences.from_values({})
    assert (fresh.voice, fresh.tones, fresh.volume, fresh.speed, fresh.full_screen) == (
        True,
        True,
        80,
        Speed.NORMAL,
        True,
    )
    odd = Preferences.from_values({"volume": "250", "speed": "warp", "voice": "yes"})
    assert (odd.volume, odd.speed, odd.voice) == (100, Speed.NORMAL, True)
    assert Preferences.from_values({"volume": "-3"}).volume == 80
