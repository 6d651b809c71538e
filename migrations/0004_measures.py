"""The weekly measures (issue 15): each answered measure (``measure_response``: its UUID,
the measure's code, when it was answered as a UTC instant with the IANA zone and the local
date) and its answers (``measure_answer``: the item's code and value; for the
Patient-Specific Functional Scale the item is ``activity-<n>`` and ``activity`` holds the
activity's name). Journals before this migration have no answers; nothing else changes.

The models here are a frozen copy, independent of sciatica_journal.storage.models."""

from peewee import CharField, ForeignKeyField, IntegerField, Model


def up(migrator, db):
    class Base(Model):
        class Meta:
            database = db
            legacy_table_names = False

    class MeasureResponse(Base):
        uuid = CharField(unique=True)
        measure = CharField(index=True)
        answered_at = CharField(index=True)
        zone = CharField()
        local_date = CharField(index=True)

    class MeasureAnswer(Base):
        response = ForeignKeyField(MeasureResponse, on_delete="CASCADE")
        item = CharField()
        value = IntegerField()
        activity = CharField(null=True)

        class Meta:
            indexes = ((("response", "item"), True),)

    db.create_tables([MeasureResponse, MeasureAnswer])
