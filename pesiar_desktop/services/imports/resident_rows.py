"""The rows of a resident import as the preview lists them: who is written, and how.

Counts and reasons do not show *who* an import writes; this table does (NIK, name,
No KK, dusun, RT and what will change). Only the first rows are built (`limit`):
a file of 100,000 rows is shown in part, with its total beside it.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice

from pesiar_desktop.importers.import_records import ResidentRecord
from pesiar_desktop.importers.residents import RowNote
from pesiar_desktop.services.imports.resident_plan import PENDING_LABELS, PendingChange, Plan

CHANGE_NEW = "baru"
CHANGE_UPDATED = "diperbarui"
CHANGE_UNCHANGED = "tidak berubah"
CHANGE_REJECTED = "ditolak"


@dataclass(frozen=True)
class RowChange:
    row_number: int
    nik: str
    name: str
    no_kk: str
    dusun: str
    rt: str  # "RW 001 / RT 002", or "RT 002" without RW
    change: str  # baru | diperbarui | tidak berubah | ditolak
    detail: str  # the changed fields, the reason of a rejection, or what waits


def _area(record: ResidentRecord) -> str:
    if record.rt == "-":
        return ""
    return f"RW {record.rw} / RT {record.rt}" if record.rw != "-" else f"RT {record.rt}"


def build_rows(
    records: list[ResidentRecord],
    rejected: list[RowNote],
    pending: list[PendingChange],
    plan: Plan | None,
    limit: int,
    cell_text: Callable[[int, str], str] = lambda _row, _field: "",
) -> list[RowChange]:
    """The first `limit` rows in file order; a row the file rejected has no record, so
    `cell_text(row, field)` gives its name, No KK, dusun and RT as written."""
    rejected_by_row = {n.row_number: n for n in rejected}
    new_rows = {r.row_number for r, _kk in plan.new_residents} if plan else set()
    updated = plan.updated_rows if plan else set()
    waiting: dict[int, list[str]] = {}
    done = plan.confirmed if plan else frozenset()
    for change in pending:
        if change.key in done:
            continue
        waiting.setdefault(change.row_number, []).append(PENDING_LABELS[change.kind])

    def from_records() -> Iterator[tuple[int, RowChange]]:
        for record in records:
            number = record.row_number
            note = rejected_by_row.get(number)
            if note is not None:
                change, detail = CHANGE_REJECTED, note.message
            elif number in new_rows:
                change, detail = CHANGE_NEW, ""
            elif number in updated:
                change = CHANGE_UPDATED
                detail = ", ".join(plan.row_changes.get(number, ())) if plan else ""
            else:
                change, detail = CHANGE_UNCHANGED, ""
            if number in waiting and note is None:
                wait = "perlu konfirmasi: " + ", ".join(waiting[number])
                detail = f"{detail}; {wait}" if detail else wait
            row = RowChange(
                number,
                record.nik,
                record.name,
                record.no_kk,
                record.dusun,
                _area(record),
                change,
                detail,
            )
            yield number, row

    known = {r.row_number for r in records}

    def as_written(note: RowNote) -> tuple[int, RowChange]:
        number = note.row_number
        rw, rt = cell_text(number, "rw"), cell_text(number, "rt")
        area = " / ".join(part for part in (rw and f"RW {rw}", rt and f"RT {rt}") if part)
        text = RowChange(
            number,
            note.nik,
            cell_text(number, "name"),
            cell_text(number, "no_kk"),
            cell_text(number, "dusun"),
            area,
            CHANGE_REJECTED,
            note.message,
        )
        return number, text

    file_rejected = (as_written(n) for n in rejected if n.row_number not in known)
    # Both inputs are in file order: a merge keeps it without sorting every row.
    merged = heapq.merge(from_records(), file_rejected, key=lambda item: item[0])
    return [row for _n, row in islice(merged, limit)]
