"""The ``--demo`` journal, generated once and kept in a private cache.

Generating the 8-week demo (and migrating a new journal for it) took a good part of a
``--demo`` launch. It is now made once and copied into each demo's temporary folder. The
cached file is only used when it is the journal a fresh generation would make now: its
name holds a key of the app's version, the migrations, the language, the time zone, the
day and how much of today has happened (``demo_extent``), and the SHA-256 of its
contents, checked at every copy. Anything else (another day or version, a damaged or
foreign file) is removed and the demo is generated again. The cache folder is private
(0700, its files 0600) and holds nothing of the user's own journal.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import platformdirs

from sciatica_journal import APP_ID, __version__
from sciatica_journal.domain import language
from sciatica_journal.paths import DATABASE_FILE_NAME, migrations_dir
from sciatica_journal.services.clock import Clock
from sciatica_journal.services.demo_journal import demo_extent

log = logging.getLogger(__name__)

CACHE_FORMAT = 1  # raised when the demo's contents change within one version
_PREFIX = "demo-"
_SUFFIX = ".sqlite3"


def cache_dir() -> Path:
    """Where the demo journal is kept (e.g. ~/.cache/sciatica-journal/demo)."""
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)) / "demo"


def demo_key(clock: Clock) -> str:
    """What the demo generated now would depend on, as 16 hex digits."""
    today, sessions_today, evening = demo_extent(clock.now(), clock.zone)
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, __version__, language.code(), clock.zone, today, sessions_today):
        digest.update(f"{part}\n".encode())
    digest.update(b"evening\n" if evening else b"day\n")
    for migration in sorted(migrations_dir().glob("*.py")):
        digest.update(migration.name.encode() + b"\n" + migration.read_bytes())
    return digest.hexdigest()[:16]


def prepare_demo(folder: Path, clock: Clock | None = None, cache: Path | None = None) -> str:
    """Put the demo journal into the new, empty journal folder ``folder``: a copy of the
    cached one, generated first when there is none for now. Returns how: "cached",
    "generated" (and cached) or "uncached" (the cache could not be used; generated in
    ``folder`` directly)."""
    clock = clock or Clock()
    cache = cache_dir() if cache is None else cache
    key = demo_key(clock)
    try:
        _make_private(cache)
        if _copy_cached(cache, key, folder):
            return "cached"
        _generate_cache(cache, key, clock)
        if _copy_cached(cache, key, folder):
            return "generated"
    except OSError as exc:
        log.warning("the demo cache cannot be used (%s); generating the demo", exc.strerror)
    (folder / DATABASE_FILE_NAME).unlink(missing_ok=True)
    _generate(folder, clock)
    return "uncached"


def _make_private(cache: Path) -> None:
    """The cache folder and the app's own cache folder above it: created 0700, made 0700."""
    cache.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # e.g. ~/.cache
    for path in (cache.parent, cache):
        path.mkdir(mode=0o700, exist_ok=True)
        if path.stat().st_mode & 0o077:
            path.chmod(0o700)


def _cached(cache: Path, key: str) -> list[Path]:
    return sorted(cache.glob(f"{_PREFIX}{key}-*{_SUFFIX}"))


def _copy_cached(cache: Path, key: str, folder: Path) -> bool:
    """Copy the cached journal for ``key`` into ``folder`` (0600); False when there is none
    whose contents match its checksum (a damaged one is removed)."""
    for path in _cached(cache, key):
        data = path.read_bytes()
        if path.name.removesuffix(_SUFFIX).rsplit("-", 1)[-1] != hashlib.sha256(data).hexdigest():
            log.warning("the cached demo journal is damaged; it is made again")
            path.unlink(missing_ok=True)
            continue
        target = os.open(folder / DATABASE_FILE_NAME, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            rest = memoryview(data)
            while rest:
                rest = rest[os.write(target, rest) :]
        finally:
            os.close(target)
        return True
    return False


def _generate(folder: Path, clock: Clock) -> None:
    from sciatica_journal.services.container import build_services
    from sciatica_journal.services.demo_journal import generate_demo

    services = build_services(folder, clock)
    try:
        generate_demo(services)
    finally:
        services.close()  # checkpointed: the whole journal is in its one file


def _generate_cache(cache: Path, key: str, clock: Clock) -> None:
    """Generate the demo in a folder of its own inside the cache, then move its journal
    into place under its key and checksum in one step (another demo starting meanwhile
    sees either no file or a whole one); older demos are removed."""
    for left in cache.glob("staging-*"):  # of a demo stopped while it generated
        if time.time() - left.stat().st_mtime > 3600:
            shutil.rmtree(left, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=cache))
    try:
        _generate(staging, clock)
        made = staging / DATABASE_FILE_NAME
        wal = made.with_name(made.name + "-wal")
        if wal.exists() and wal.stat().st_size:  # not all in the file: do not keep it
            raise OSError(0, "the generated demo journal was not checkpointed")
        made.chmod(0o600)
        checksum = hashlib.sha256(made.read_bytes()).hexdigest()
        for old in cache.glob(f"{_PREFIX}*{_SUFFIX}"):
            old.unlink(missing_ok=True)
        made.replace(cache / f"{_PREFIX}{key}-{checksum}{_SUFFIX}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("demo journal generated and cached")
