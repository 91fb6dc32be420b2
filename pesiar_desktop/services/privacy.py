"""Personal data: who may export it, who may see full NIKs, and an audit entry per export.

Every feature that writes personal data out of the program (a spreadsheet, a PDF list,
a rejected-rows report) calls `record_export` after the file is written. It refuses an
actor without `personal.export` (viewers) and records the export in its own transaction,
so the entry survives even if the caller's own work is later rolled back.
"""

from __future__ import annotations

from pesiar_desktop.db import Database
from pesiar_desktop.services import audit, standing
from pesiar_desktop.services.context import Actor, require


def require_export(actor: Actor, db: Database | None = None) -> None:
    """Raise `PermissionDenied` unless the actor may export personal data; with `db`, also
    unless the database still knows the actor in that role (`standing.verify`): call it
    with `db` before the file is written, since its audit entry comes after."""
    require(actor, "personal.export")
    if db is not None:
        standing.verify(db, actor)


def record_export(db: Database, actor: Actor, kind: str, rows: int, target: str) -> None:
    """Audit one export of personal data (`kind` e.g. "targets", `target` a file path)."""
    require_export(actor)
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "export",
            "personal_data",
            kind,
            after={"kind": kind, "rows": int(rows), "target": str(target)},
        )


def can_see_full_nik(actor: Actor) -> bool:
    """False for viewers: they see `5201********6995` (`rules.nik.mask_nik`)."""
    return actor.can("personal.see_full_nik")
