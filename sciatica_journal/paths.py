"""Where the app's bundled files and the user's journal live.

Bundled data (resources/, ui/, migrations/) sits at the top of the source tree
and is copied into ``sciatica_journal/_data/`` inside a wheel; ``data_path``
finds it in both places.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from sciatica_journal import APP_ID
from sciatica_journal.domain.language import _

_PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE_DIR / "_data"
_SOURCE_TREE = _PACKAGE_DIR.parent

DATABASE_FILE_NAME = "journal.sqlite3"
BACKUP_DIR_NAME = "backups"
RAISE_FILE_NAME = ".raise"  # touched by a second window: the first one comes to the front
BACKUP_FOLDER_FILE = "backup-folder.txt"  # where the backups go, when not in backups/


def backup_dir(data_dir: Path) -> Path:
    """The journal's backup folder: ``backups/`` beside it, or the folder chosen in Settings
    (kept in a small file beside the journal, so it is known even when the journal cannot
    be opened)."""
    chosen = data_dir / BACKUP_FOLDER_FILE
    try:
        text = chosen.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    return Path(text) if text else data_dir / BACKUP_DIR_NAME


def set_backup_dir(data_dir: Path, folder: Path | None) -> None:
    """Keep backups in ``folder`` from now on (None: back to ``backups/``)."""
    chosen = data_dir / BACKUP_FOLDER_FILE
    if folder is None or folder == data_dir / BACKUP_DIR_NAME:
        chosen.unlink(missing_ok=True)
        return
    temporary = chosen.with_name(chosen.name + ".new")
    temporary.write_text(str(folder), encoding="utf-8")
    temporary.replace(chosen)


def take_raise_request(folder: Path) -> bool:
    """Whether a second window asked the one open on ``folder`` to come forward (the
    request is taken: it is answered once)."""
    request = folder / RAISE_FILE_NAME
    if not request.exists():
        return False
    try:
        request.unlink()
    except OSError:
        return False
    return True


def data_path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``data_path("resources", "program.toml")``."""
    for root in (_BUNDLED, _SOURCE_TREE):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _BUNDLED.joinpath(*parts) if _BUNDLED.exists() else _SOURCE_TREE.joinpath(*parts)


def resource_path(*parts: str) -> Path:
    return data_path("resources", *parts)


def migrations_dir() -> Path:
    return data_path("migrations")


def migration_names(migrations: Path) -> list[str]:
    return sorted(p.stem for p in migrations.glob("[0-9]*.py"))


def schema_version(names: list[str]) -> int:
    return max((int(n.split("_", 1)[0]) for n in names), default=0)


def known_schema_version() -> int:
    """The newest journal format this version of the app reads."""
    return schema_version(migration_names(migrations_dir()))


def default_data_dir() -> Path:
    """The platform's per-user data folder (e.g. ~/.local/share/sciatica-journal)."""
    import platformdirs  # only here: with its tempfile, shutil, bz2 and lzma ~10 ms of a verb

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


class DataDirError(Exception):
    """The journal's folder cannot be used; the message says why in one line."""


def restrict_new_files() -> None:
    """Every file and folder the app creates is private to the user (0600 / 0700)."""
    os.umask(0o077)


def prepare_data_dir(path: Path) -> Path:
    """Create the journal folder (0700) if needed; refuse a path that is not a folder.
    A folder others may read or enter is made private (0700), and the user is told."""
    path = path.expanduser()
    if path.exists() and not path.is_dir():
        raise DataDirError(_("data folder {path} is a file, not a folder").format(path=path))
    try:
        if not path.exists():
            path.mkdir(mode=0o700, parents=True)
            path.chmod(0o700)  # whatever the umask; an existing folder keeps its mode
    except OSError as exc:
        raise DataDirError(
            _("cannot create data folder {path}: {problem}").format(
                path=path, problem=exc.strerror or exc
            )
        ) from exc
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR or not os.access(path, os.W_OK | os.X_OK):
        raise DataDirError(
            _("data folder {path} is read-only (permissions {mode}); it was left as it is").format(
                path=path, mode=f"{mode:04o}"
            )
        )
    if mode & 0o077 and sys.platform != "win32":  # Windows has no such modes
        try:
            path.chmod(0o700)
        except OSError as exc:
            raise DataDirError(
                _(
                    "data folder {path} is open to other users ({mode}) and could not be "
                    "made private: {problem}"
                ).format(path=path, mode=f"{mode:04o}", problem=exc.strerror or exc)
            ) from exc
        print(
            "sciatica-journal: "
            + _(
                "the data folder {path} was open to other users ({mode}); it is now private (0700)"
            ).format(path=path, mode=f"{mode:04o}"),
            file=sys.stderr,
        )
    return path.resolve()
