"""The one membership writer: the only code that changes a `membership` row or appends
to `membership_history` (a test scans the package and holds everyone else to it).

Two forms, both inside the caller's transaction:

- `set_membership`: one resident, from a form or a use-case (edit, activation, death).
  Writes the current row, one history snapshot and the `membership.change` audit entry.
- `write_memberships_bulk`: many residents at once, set-based (imports, the demo
  builder). History rows are written by the database from the rows just stored; the
  caller records one audit entry for the whole batch (its import batch or demo run).

A change names the fields it sets; the others keep their current value (a new row
starts from `NEW_ROW`). Stored values follow one rule (`stored_values`): a segment
only for a member or an ended membership, class and months in arrears only for a
member.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from pesiar_desktop.clock import utcnow
from pesiar_desktop.models import Membership, MembershipHistory
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import stored_values
from pesiar_desktop.services import audit, bulk_sql
from pesiar_desktop.services.context import Actor

# The state columns, in the order of `MembershipRow` after the resident id.
STATE_COLUMNS: Final = (
    "card_number",
    "segment",
    "status",
    "jkn_class",
    "fktp_code",
    "months_in_arrears",
)

# (resident_id, card_number, segment, status, jkn_class, fktp_code, months_in_arrears, as_of):
# one resident's whole state for the bulk form, values as stored (see `stored_values`).
MembershipRow = tuple[int, str, str | None, str, int | None, str, int, date]
# A MembershipRow followed by when it was recorded: an explicit history event.
HistoryRow = tuple[int, str, str | None, str, int | None, str, int, date, datetime]

_ROW_COLUMNS: Final = ("resident_id", *STATE_COLUMNS, "as_of")


class Keep(enum.Enum):
    """A field of a change that keeps the current value."""

    KEEP = "keep"


KEEP: Final = Keep.KEEP


@dataclass(frozen=True)
class MembershipChange:
    """The new state of one membership; fields left at `KEEP` keep the current value
    (for a resident without a membership row: the value of `NEW_ROW`)."""

    status: str | Keep = KEEP
    segment: str | None | Keep = KEEP
    card_number: str | Keep = KEEP
    jkn_class: int | None | Keep = KEEP
    fktp_code: str | Keep = KEEP
    months_in_arrears: int | Keep = KEEP

    def resolve(self, current: dict[str, Any]) -> dict[str, Any]:
        """The state after this change, from the current one (`STATE_COLUMNS` keys)."""
        resolved = dict(current)
        for item in fields(self):
            value = getattr(self, item.name)
            if value is not KEEP:
                resolved[item.name] = value
        return resolved


# What a resident without a membership row has.
NEW_ROW: Final[dict[str, Any]] = {
    "card_number": "",
    "segment": None,
    "status": codes.STATUS_NOT_REGISTERED,
    "jkn_class": None,
    "fktp_code": "",
    "months_in_arrears": 0,
}


def set_membership(
    session: Session,
    actor: Actor,
    resident_id: int,
    change: MembershipChange,
    *,
    source: str,
    as_of: date,
    only_if_changed: bool = True,
) -> bool:
    """Applies `change` to one resident's membership, with its history snapshot and
    audit entry; returns whether anything was written.

    `only_if_changed`: a change that leaves every state column as it is writes
    nothing (a form saved without touching the membership). False records it anyway,
    with its date and source (an activation is an event even when the state was
    already the same). The caller checks the role and validates input.
    """
    current = session.get(Membership, resident_id)
    before = audit.snapshot(current) if current is not None else {}
    state = {k: getattr(current, k) for k in STATE_COLUMNS} if current is not None else NEW_ROW
    values = stored_values(**change.resolve(state))
    if only_if_changed and current is not None and values == state:
        return False
    if current is None:
        current = Membership(resident_id=resident_id, as_of=as_of, source=source, **values)
        session.add(current)
    else:
        for key, value in values.items():
            setattr(current, key, value)
        current.as_of = as_of
        current.source = source
    session.add(
        MembershipHistory(
            resident_id=resident_id,
            as_of=as_of,
            source=source,
            recorded_by=actor.username,
            **values,
        )
    )
    session.flush()
    audit.record(
        session,
        actor,
        "membership.change",
        "resident",
        resident_id,
        *audit.changed_only(before, audit.snapshot(current)),
    )
    return True


def write_memberships_bulk(
    session: Session,
    actor: Actor,
    *,
    source: str,
    new: Sequence[MembershipRow] = (),
    changed: Sequence[MembershipRow] = (),
    history: Sequence[HistoryRow] | None = None,
    now: datetime | None = None,
    before_chunk: bulk_sql.BeforeChunk | None = None,
) -> None:
    """Stores many whole states at once: `new` for residents without a membership row
    (inserted), `changed` for residents with one (replaced), values as stored.

    History: by default one snapshot per written row, copied inside the database from
    the rows just stored (`recorded_at` = `now`). The demo builder, which makes up past
    events, passes its `history` instead (written as given). No audit entry: the
    caller records one for the batch. `before_chunk` runs before each chunk of rows
    (an import's cancel check).
    """
    if not new and not changed and not history:
        return
    now = now or utcnow()
    day, stamp = bulk_sql.to_driver(session)
    now_value = stamp(now)
    membership_table = bulk_sql.model_table(Membership)
    history_table = bulk_sql.model_table(MembershipHistory)
    if new:
        bulk_sql.insert_rows(
            session,
            membership_table,
            (*_ROW_COLUMNS, "source", "updated_at"),
            _driver_rows(new, day, source, now_value),
            before_chunk,
        )
    if changed:
        bulk_sql.update_many(
            session,
            membership_table,
            "resident_id",
            [
                {
                    **dict(zip(_ROW_COLUMNS, row, strict=True)),
                    "source": source,
                    "updated_at": now,
                }
                for row in changed
            ],
            before_chunk,
        )
    if history is not None:
        bulk_sql.insert_rows(
            session,
            history_table,
            (*_ROW_COLUMNS, "source", "recorded_at", "recorded_by"),
            [(*row[:7], day(row[7]), source, stamp(row[8]), actor.username) for row in history],
            before_chunk,
        )
        return
    # The history rows copy the membership rows just written, inside the database.
    columns = ", ".join((*_ROW_COLUMNS, "source"))
    written, written_param = bulk_sql.integer_rows(
        session, [row[0] for row in new] + [row[0] for row in changed]
    )
    session.connection().exec_driver_sql(
        f"INSERT INTO {history_table.name} ({columns}, recorded_at, recorded_by) "
        f"SELECT {columns}, updated_at, {bulk_sql.param_mark(session)} "
        f"FROM {membership_table.name} "
        f"WHERE resident_id IN (SELECT value FROM {written})",
        (actor.username, written_param),
    )


def _driver_rows(
    rows: Sequence[MembershipRow], day: Any, source: str, now_value: Any
) -> list[tuple[Any, ...]]:
    """Rows in driver form; the as-of dates (a handful of distinct ones) converted once each."""
    as_of_text = {as_of: day(as_of) for as_of in {row[7] for row in rows}}
    return [(*row[:7], as_of_text[row[7]], source, now_value) for row in rows]
