"""Every change to the journal as an operation: it does the change through the services,
returns what it changed (a ``ChangeSet``) and puts a step on the undo stack that can take
it back and do it again. The window runs these; it never calls a service that writes.

Undo of a new entry deletes it (the delete keeps a snapshot, so redo puts it back exactly);
undo of an edit writes the old value back (a pain edit judges the outcome again, so the
advice follows); undo of a delete restores the snapshot."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sciatica_journal.domain.body import SymptomMap
from sciatica_journal.domain.journal import EntryKind, JournalEntry
from sciatica_journal.domain.language import N_, _, clock_time, day_and_month
from sciatica_journal.domain.measure_results import AnswersError
from sciatica_journal.domain.preferences import Preferences
from sciatica_journal.domain.profile import Profile, ProfileError
from sciatica_journal.domain.red_flags import RedFlagError, ScreenResult, Trigger
from sciatica_journal.domain.sessions import NewSession, SessionError
from sciatica_journal.services.backup_service import BackupService
from sciatica_journal.services.journal_service import JournalError, JournalService, UndoToken
from sciatica_journal.services.operations.changes import NOTHING, ChangeSet, Kind
from sciatica_journal.services.operations.undo_stack import Step, UndoStack
from sciatica_journal.services.preferences_service import PreferencesService
from sciatica_journal.services.profile_service import ProfileService
from sciatica_journal.services.red_flag_service import RedFlagService
from sciatica_journal.services.session_service import SavedSession, ScreenAnswers, SessionService
from sciatica_journal.services.symptom_service import MapError, SavedMap, SymptomService
from sciatica_journal.services.transfer.results import ImportReport, TransferError

if TYPE_CHECKING:  # the export and import code is loaded when first used
    from sciatica_journal.services.transfer.service import TransferService

log = logging.getLogger(__name__)

T = TypeVar("T")

# What an operation, an undo or a redo may fail with: said to the user, nothing changed.
USER_ERRORS: tuple[type[Exception], ...] = (
    JournalError,
    MapError,
    SessionError,
    ProfileError,
    RedFlagError,
    TransferError,
    AnswersError,
    OSError,
)

ENTRY_KINDS = {
    EntryKind.SESSION: Kind.SESSIONS,
    EntryKind.CHECK_IN: Kind.CHECK_INS,
    EntryKind.NOTE: Kind.NOTES,
    EntryKind.SCREENING: Kind.SCREENINGS,
}
# What else goes with an entry when it is deleted or put back: a session takes its maps and
# its red-flag answers with it.
GOES_WITH = {
    EntryKind.SESSION: (Kind.SESSIONS, Kind.SCREENINGS),
    EntryKind.CHECK_IN: (Kind.CHECK_INS,),
    EntryKind.NOTE: (Kind.NOTES,),
    EntryKind.SCREENING: (Kind.SCREENINGS,),
}
# The Edit menu's names of the steps ("Undo save exercise session of 1 Dec 09:48").
NEW_LABELS = {
    EntryKind.SESSION: N_("save exercise session of {when}"),
    EntryKind.CHECK_IN: N_("save symptom check-in of {when}"),
    EntryKind.NOTE: N_("add note of {when}"),
}
DELETE_LABELS = {
    EntryKind.SESSION: N_("delete exercise session of {when}"),
    EntryKind.CHECK_IN: N_("delete symptom check-in of {when}"),
    EntryKind.NOTE: N_("delete note of {when}"),
}


@dataclass(frozen=True)
class Done(Generic[T]):
    """An operation's result: the service's answer, what changed, and the undo label."""

    value: T
    changes: ChangeSet
    label: str


def when(entry: JournalEntry) -> str:
    """'1 Dec 09:48': the entry's local day and time, as the Edit menu names it."""
    return f"{day_and_month(entry.local_date)} {clock_time(entry.local_time)}"


def entry_changes(entry: JournalEntry) -> ChangeSet:
    return ChangeSet.of(*GOES_WITH[entry.kind], days=(entry.local_date,))


class Operations:
    """The journal's operations, each registering its undo on ``undo_stack``."""

    def __init__(
        self,
        *,
        sessions: SessionService,
        symptoms: SymptomService,
        red_flags: RedFlagService,
        entries: JournalService,
        profiles: ProfileService,
        preferences: PreferencesService,
        transfer: Callable[[], TransferService],  # built when an import first needs it
        backups: BackupService,
        today: Callable[[], dt.date],
    ) -> None:
        self._sessions = sessions
        self._symptoms = symptoms
        self._red_flags = red_flags
        self._entries = entries
        self._profiles = profiles
        self._preferences = preferences
        self._transfer = transfer
        self._backups = backups
        self._today = today
        self.undo_stack = UndoStack()

    # ---- new entries --------------------------------------------------------------------

    def record_session(
        self,
        session: NewSession,
        screen: ScreenAnswers | None = None,
        check_out_screen: ScreenAnswers | None = None,
    ) -> Done[SavedSession]:
        pending_before = self._red_flags.pending()  # answers inside the session clear it
        saved = self._sessions.record(session, screen, check_out_screen)
        pending_after = self._red_flags.pending()  # ... and marks at check-out may set it
        return self._new_entry(
            EntryKind.SESSION,
            saved.uuid,
            saved,
            after_undo=lambda: self._red_flags.set_pending(pending_before),
            after_redo=lambda: self._red_flags.set_pending(pending_after),
        )

    def record_check_in(
        self, symptoms: SymptomMap, note: str = "", *, screened: bool = False
    ) -> Done[SavedMap]:
        saved = self._symptoms.record_check_in(symptoms, note, screened=screened)
        return self._new_entry(EntryKind.CHECK_IN, saved.uuid, saved)

    def add_note(self, text: str) -> Done[JournalEntry]:
        entry = self._entries.add_note(text)
        return self._new_entry(EntryKind.NOTE, entry.uuid, entry)

    def record_screening(self, answers: Mapping[str, bool], trigger: Trigger) -> Done[ScreenResult]:
        """Red-flag answers given on their own (not inside a session)."""
        pending = self._red_flags.pending()  # answering clears it; undo puts it back
        at = self._red_flags.now()
        screen_uuid, result = self._red_flags.record_screening(answers, trigger, at=at)
        state = {"uuid": screen_uuid}
        day = self._today()
        changes = ChangeSet.of(Kind.SCREENINGS, days=(day,))

        def undo() -> ChangeSet:
            self._red_flags.forget(state["uuid"], pending)
            return changes

        def redo() -> ChangeSet:
            # Answered when it was answered (not at the redo): it counts for that day.
            state["uuid"], _ = self._red_flags.record_screening(answers, trigger, at=at)
            return changes

        label = _("safety answers of {day}").format(day=day_and_month(day))
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(result, changes, label)

    def _new_entry(
        self,
        kind: EntryKind,
        uuid: str,
        value: T,
        *,
        after_undo: Callable[[], None] = lambda: None,
        after_redo: Callable[[], None] = lambda: None,
    ) -> Done[T]:
        entry = self._entries.entry(kind, uuid)
        changes = entry_changes(entry)
        tokens: list[UndoToken] = []

        def undo() -> ChangeSet:
            tokens.append(self._entries.delete(kind, uuid))
            after_undo()
            return changes

        def redo() -> ChangeSet:
            self._entries.undo_delete(tokens[-1])
            tokens.pop()  # only once it is back: a failed redo can be tried again
            after_redo()
            return changes

        label = _(NEW_LABELS[kind]).format(when=when(entry))
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(value, changes, label)

    # ---- edits ---------------------------------------------------------------------------

    def set_note(self, kind: str, uuid: str, text: str) -> Done[JournalEntry]:
        before = self._entries.entry(kind, uuid)
        after = self._entries.set_note(kind, uuid, text)
        # The old text of a free note is its body; of a session or check-in, its note.
        changes = ChangeSet.of(ENTRY_KINDS[after.kind], days=(after.local_date,))

        def undo() -> ChangeSet:
            self._entries.set_note(kind, uuid, before.note)
            return changes

        def redo() -> ChangeSet:
            self._entries.set_note(kind, uuid, after.note)
            return changes

        label = _("edit note of {when}").format(when=when(after))
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(after, changes, label)

    def edit_session_pain(
        self,
        uuid: str,
        back_before: int,
        leg_before: int,
        back_after: int | None,
        leg_after: int | None,
    ) -> Done[JournalEntry]:
        before = self._entries.entry(EntryKind.SESSION, uuid)
        after = self._entries.edit_session_pain(
            uuid, back_before, leg_before, back_after, leg_after
        )
        changes = ChangeSet.of(Kind.SESSIONS, days=(after.local_date,))
        old_before, old_after = before.pain_before, before.pain_after
        assert old_before is not None  # every session has its scores before

        def undo() -> ChangeSet:
            self._entries.edit_session_pain(
                uuid,
                old_before.back,
                old_before.leg,
                None if old_after is None else old_after.back,
                None if old_after is None else old_after.leg,
            )
            return changes

        def redo() -> ChangeSet:
            self._entries.edit_session_pain(uuid, back_before, leg_before, back_after, leg_after)
            return changes

        label = _("edit pain of {when}").format(when=when(after))
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(after, changes, label)

    # ---- deleting ------------------------------------------------------------------------

    def delete(self, kind: str, uuid: str) -> Done[UndoToken]:
        entry = self._entries.entry(kind, uuid)
        token = self._entries.delete(kind, uuid)
        changes = entry_changes(entry)
        tokens = [token]

        def undo() -> ChangeSet:
            self._entries.undo_delete(tokens[-1])
            tokens.pop()  # only once it is back: a failed undo can be tried again
            return changes

        def redo() -> ChangeSet:
            tokens.append(self._entries.delete(kind, uuid))
            return changes

        label = _(DELETE_LABELS[entry.kind]).format(when=when(entry))
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(token, changes, label)

    # ---- the whole journal ---------------------------------------------------------------

    def import_json(self, path: Path) -> Done[ImportReport]:
        """Add what a journal file holds and this journal lacks; undo takes exactly those
        entries out again."""
        report = self._transfer().import_json(path)
        changes = ChangeSet.everything() if report.total_added else NOTHING
        added: list[Mapping[str, Sequence[str]]] = [report.added_entries]

        def undo() -> ChangeSet:
            self._transfer().remove_imported(added[0])
            return changes

        def redo() -> ChangeSet:
            added[0] = self._transfer().import_json(path).added_entries
            return changes

        label = _("import of {name}").format(name=Path(path).name)
        if report.total_added:
            self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(report, changes, label)

    # ---- settings ------------------------------------------------------------------------

    def save_profile(self, profile: Profile, preferences: Preferences | None = None) -> Done[None]:
        """The settings dialog's Save: the profile and, when given, the preferences, as one
        step."""
        old, old_preferences = self._profiles.profile(), self._preferences.preferences()
        new_preferences = old_preferences if preferences is None else preferences
        self._profiles.save(profile)
        self._preferences.save(new_preferences)
        changes = ChangeSet.of(Kind.PROFILE)

        def undo() -> ChangeSet:
            self._profiles.save(old)
            self._preferences.save(old_preferences)
            return changes

        def redo() -> ChangeSet:
            self._profiles.save(profile)
            self._preferences.save(new_preferences)
            return changes

        label = _("change of the settings")
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(None, changes, label)

    def set_backup_folder(self, folder: Path) -> Done[None]:
        old = self._backups.folder
        self._backups.set_folder(folder)
        changes = ChangeSet.of(Kind.BACKUPS)

        def undo() -> ChangeSet:
            self._backups.set_folder(old)
            return changes

        def redo() -> ChangeSet:
            self._backups.set_folder(folder)
            return changes

        label = _("change of the backup folder")
        self.undo_stack.push(Step(label, changes, undo, redo))
        return Done(None, changes, label)

    def restored(
        self,
        label: str,
        undo_with: Path | None,
        request: Callable[[Path, str, str], None],
        *,
        undone: bool = False,
    ) -> None:
        """The journal was just replaced with a backup (this journal is the result). Its
        step replaces the journal again: ``request(path, 'undo' | 'redo', label)`` asks the
        application to do so, with the backup of the journal as it was before
        (``undo_with``). After an undo the step waits on the redo side."""
        if undo_with is None:
            return  # the journal before was damaged and kept aside: nothing to go back to
        back = undo_with

        def undo() -> ChangeSet:
            request(back, "undo", label)
            return NOTHING

        def redo() -> ChangeSet:
            request(back, "redo", label)
            return NOTHING

        step = Step(label, ChangeSet.everything(), undo, redo, replaces_journal=True)
        if undone:
            self.undo_stack.push_undone(step)
        else:
            self.undo_stack.push(step)
