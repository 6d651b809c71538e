"""The first schema of the journal: profile, symptom maps and marks, sessions,
red-flag screens and answers, notes, and the app's own state.

The models here are a frozen copy, independent of sciatica_journal.storage.models.
"""

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Profile(Base):
        name = CharField(default="")
        birth_date = DateField(null=True)
        affected_side = CharField(default="right")
        target_min = IntegerField(default=5)
        target_max = IntegerField(default=8)
        waking_start = CharField(default="07:00")
        waking_end = CharField(default="22:00")
        reminders_enabled = BooleanField(default=False)
        starting_rung = CharField(default="prone-lying")
        disclaimer_accepted_at = CharField(null=True)
        zone = CharField(default="UTC")
        updated_at = CharField()

    class SymptomMap(Base):
        uuid = CharField(unique=True)
        recorded_at = CharField(index=True)
        zone = CharField()
        local_date = CharField(index=True)
        context = CharField()
        note = TextField(default="")

    class SymptomMark(Base):
        symptom_map = ForeignKeyField(SymptomMap, on_delete="CASCADE")
        region = CharField()
        kind = CharField()
        intensity = IntegerField()

        class Meta:
            indexes = ((("symptom_map", "region", "kind"), True),)

    class ExerciseSession(Base):
        uuid = CharField(unique=True)
        rung = CharField()
        started_at = CharField(index=True)
        ended_at = CharField()
        zone = CharField()
        local_date = CharField(index=True)
        back_pain_before = IntegerField()
        leg_pain_before = IntegerField()
        back_pain_after = IntegerField(null=True)
        leg_pain_after = IntegerField(null=True)
        outcome = CharField()
        reps_done = IntegerField(null=True)
        hold_seconds = IntegerField(null=True)
        range_reached = CharField(null=True)
        pelvis_stayed_down = BooleanField(null=True)
        stopped_for_pain = BooleanField(default=False)
        map_before = ForeignKeyField(SymptomMap, null=True, on_delete="SET NULL", backref="+")
        map_after = ForeignKeyField(SymptomMap, null=True, on_delete="SET NULL", backref="+")
        note = TextField(default="")
        updated_at = CharField()

    class RedFlagScreen(Base):
        uuid = CharField(unique=True)
        answered_at = CharField(index=True)
        zone = CharField()
        local_date = CharField(index=True)
        trigger = CharField()
        result = CharField()
        session = ForeignKeyField(ExerciseSession, null=True, on_delete="SET NULL")

    class RedFlagAnswer(Base):
        screen = ForeignKeyField(RedFlagScreen, on_delete="CASCADE")
        question = CharField()
        answer = BooleanField()

        class Meta:
            indexes = ((("screen", "question"), True),)

    class JournalNote(Base):
        uuid = CharField(unique=True)
        written_at = CharField(index=True)
        zone = CharField()
        local_date = CharField(index=True)
        text = TextField()

    class AppState(Base):
        key = CharField(primary_key=True)
        value = TextField()

    db.create_tables(
        [
            Profile,
            SymptomMap,
            SymptomMark,
            ExerciseSession,
            RedFlagScreen,
            RedFlagAnswer,
            JournalNote,
            AppState,
        ]
    )
