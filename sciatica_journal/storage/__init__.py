"""The journal on disk: peewee models, opening the SQLite file safely, migrations, backups."""
