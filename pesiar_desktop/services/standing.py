"""The acting user as the database knows them now, checked inside each write.

An `Actor` is what the caller says: the window keeps the one it got at login, the CLI
builds one per command, and any code can construct one. `context.require` checks the
actor's role before the work starts, but between login and a write an administrator may
demote or deactivate the user, and a hand-made `Actor` may claim a role its user does
not hold. So each write re-reads the user's role and active flag inside its own
transaction and refuses unless they still are what the actor says.

The one place that does it is `audit.record`: every write records its audit entry in
the same transaction (design rule), so no service function has to remember a second
call. The result is remembered per transaction (`session.info`), so bulk paths that
record thousands of entries read the user once. A refusal raises `PermissionDenied`
and the whole transaction rolls back.

`context.SYSTEM` (the implicit administrator of `init`, `demo` and migrations) is the
one actor without a user row; it is accepted by identity, so an `Actor` built by hand
with the username "system" is refused like any other stranger.
"""

from __future__ import annotations

from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from pesiar_desktop.db import Database
from pesiar_desktop.errors import PermissionDenied
from pesiar_desktop.models import User
from pesiar_desktop.services.context import ROLES, SYSTEM, Actor

_CONFIRMED = "pesiar_confirmed_actors"


def confirm(session: Session, actor: Actor) -> None:
    """Raise `PermissionDenied` unless the actor's user exists, is active and still has
    the actor's role, as this transaction sees the database."""
    if actor is SYSTEM:
        return
    confirmed: set[Actor] = session.info.setdefault(_CONFIRMED, set())
    if actor in confirmed:
        return
    # Column values, not an ORM object, and no autoflush: a change of this very user
    # pending in the transaction (an administrator demoting themself) is not yet what
    # they were when the write began.
    with session.no_autoflush:
        row = session.execute(
            select(User.id, User.role, User.is_active).where(User.username == actor.username)
        ).first()
    if row is None or (actor.user_id is not None and row.id != actor.user_id):
        raise PermissionDenied(
            f"Pengguna {actor.username} tidak terdaftar di basis data ini; "
            "perubahan tidak disimpan."
        )
    if not row.is_active:
        raise PermissionDenied(
            f"Akun {actor.username} sudah dinonaktifkan oleh administrator; "
            "perubahan tidak disimpan."
        )
    if row.role != actor.role:
        raise PermissionDenied(
            f"Peran {actor.username} sudah diubah menjadi {ROLES.get(row.role, row.role)} "
            f"(bukan {ROLES.get(actor.role, actor.role)}); perubahan tidak disimpan. "
            "Keluar lalu masuk kembali."
        )
    confirmed.add(actor)


def vouch(session: Session, actor: Actor) -> None:
    """Mark the actor as confirmed in this transaction without reading its user here:
    for a transaction on another database (a restore writes its entry into the backup
    being restored, which may predate the user) after `verify` on the live one."""
    session.info.setdefault(_CONFIRMED, set()).add(actor)


def verify(db: Database, actor: Actor) -> None:
    """`confirm` in a read of its own: before work that leaves the database (a file of
    personal data written before its audit entry)."""
    with db.read() as session:
        confirm(session, actor)


@event.listens_for(Session, "after_transaction_end")
def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_CONFIRMED, None)
