"""``export --format fhir``: the FHIR R4 Bundle for the clinic's record (docs/fhir.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sciatica_journal.cli_errors import CommandError, writable_target
from sciatica_journal.domain.language import _

if TYPE_CHECKING:
    from sciatica_journal.services.container import Services


def export_fhir(services: Services, args: argparse.Namespace) -> int:
    from sciatica_journal.services.transfer import TransferError

    target: Path = args.out
    if target.suffix.lower() != ".json":
        raise CommandError(
            _("the FHIR export must be a .json file, not {name}").format(name=target.name)
        )
    writable_target(target)
    try:
        services.fhir.export(target, args.start, args.end, include_identity=args.with_identity)
    except TransferError as exc:
        raise CommandError(str(exc)) from exc
    print(_("exported to {path}").format(path=target))
    return 0
