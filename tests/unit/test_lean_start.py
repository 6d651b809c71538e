"""What the window does not carry from its start (issue 16: Progress memory): OpenSSL's
hashlib, loaded by peewee's import but used only to name a long constraint, comes when
first used; the export and import code only when an import runs; the memory a large read
used for a moment goes back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sciatica_journal.storage.memory import release_memory


def run(code: str, *args: str) -> None:
    subprocess.run([sys.executable, "-c", code, *args], check=True, timeout=120)


def test_the_journal_opens_and_operations_are_built_without_hashlib_and_transfer(
    tmp_path: Path,
):
    run(
        "import sys\n"
        "from pathlib import Path\n"
        "from sciatica_journal.paths import prepare_data_dir\n"
        "from sciatica_journal.services.container import build_services\n"
        "services = build_services(prepare_data_dir(Path(sys.argv[1])))\n"
        "services.profiles.accept_disclaimer()\n"
        "assert services.operations.undo_stack is not None\n"
        "assert '_hashlib' not in sys.modules, 'OpenSSL hashlib was loaded'\n"
        "assert 'sciatica_journal.services.transfer.service' not in sys.modules\n"
        "assert 'transfer' not in vars(services), 'the transfer service was built'\n"
        "import peewee, hashlib\n"
        "assert peewee.hashlib.md5(b'x').hexdigest() == hashlib.md5(b'x').hexdigest()\n"
        "assert hashlib.sha256 is getattr(sys.modules['hashlib'], 'sha256')\n"
        "services.close()\n",
        str(tmp_path / "journal"),
    )


def test_an_import_runs_with_the_transfer_service_built_when_first_asked(set_up_services, tmp_path):
    services = set_up_services
    services.operations.undo_stack.clear()
    assert "transfer" not in vars(services)  # the operations are built, the transfer not
    path = tmp_path / "journal.json"
    services.transfer.export_json(path)
    done = services.operations.import_json(path)
    assert sum(done.value.added.values()) == 0  # everything was there already
    assert services.operations._transfer() is services.transfer  # the one service


def test_memory_goes_back_after_a_read(set_up_services):
    database = set_up_services.journal.database
    release_memory(database)
    release_memory(database)  # again: nothing left to give back, no harm
    assert set_up_services.profiles.disclaimer_accepted_on() is not None
