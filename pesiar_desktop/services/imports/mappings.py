"""Saved column mappings (one per import kind and name) and reading a mapped table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.importers import formats
from pesiar_desktop.importers.formats import ColumnMapping
from pesiar_desktop.importers.reader import ImportFileError, SheetTable, load_table
from pesiar_desktop.models import (
    SavedMapping,
)
from pesiar_desktop.rules import codes
from pesiar_desktop.services import audit
from pesiar_desktop.services.context import Actor, require


@dataclass(frozen=True)
class MappingInfo:
    id: int
    kind: str
    name: str
    columns: dict[str, str]


def save_mapping(db: Database, actor: Actor, mapping: ColumnMapping) -> int:
    """Saves (or replaces) a named mapping for one import kind."""
    require(actor, "residents.write")
    name = " ".join(mapping.name.split())
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Nama pemetaan wajib diisi."
    if mapping.kind not in codes.IMPORT_KINDS:
        errors["kind"] = "Jenis impor tidak dikenal (residents, bpjs atau welfare)."
    fields_known = {
        "residents": formats.RESIDENT_FIELDS,
        "bpjs": formats.BPJS_FIELDS,
        "welfare": formats.WELFARE_FIELDS,
    }.get(mapping.kind, {})
    unknown = [f for f in mapping.columns if f not in fields_known]
    if unknown and not errors:
        errors["columns"] = f"Bidang tidak dikenal: {', '.join(unknown)}."
    required = {
        "residents": formats.RESIDENT_REQUIRED,
        "bpjs": formats.BPJS_REQUIRED,
        "welfare": ("decile",),
    }.get(mapping.kind, ())
    absent = [fields_known[f] for f in required if not mapping.columns.get(f)]
    if absent and not errors:
        errors["columns"] = f"Kolom wajib belum dipetakan: {', '.join(absent)}."
    if mapping.kind == "welfare" and not (
        mapping.columns.get("nik") or mapping.columns.get("no_kk")
    ):
        errors.setdefault("columns", "Petakan kolom NIK atau No KK.")
    if errors:
        raise ValidationError(errors)
    with db.transaction() as session:
        row = session.scalar(
            select(SavedMapping).where(SavedMapping.kind == mapping.kind, SavedMapping.name == name)
        )
        before = json.loads(row.mapping_json) if row else None
        if row is None:
            row = SavedMapping(kind=mapping.kind, name=name, created_by=actor.username)
            session.add(row)
        row.mapping_json = mapping.to_json()
        session.flush()
        audit.record(
            session,
            actor,
            "import.mapping_save",
            "saved_mapping",
            row.id,
            before,
            json.loads(row.mapping_json),
        )
        mapping_id = row.id
    return mapping_id


def get_mapping(db: Database, kind: str, name: str) -> ColumnMapping:
    with db.read() as session:
        row = session.scalar(
            select(SavedMapping).where(SavedMapping.kind == kind, SavedMapping.name == name.strip())
        )
        if row is None:
            label = codes.IMPORT_KINDS.get(kind, kind)
            raise NotFound(f"Pemetaan kolom {name!r} untuk {label} tidak ditemukan.")
        return ColumnMapping.from_json(kind, row.mapping_json, row.name)


def list_mappings(db: Database, kind: str | None = None) -> list[MappingInfo]:
    with db.read() as session:
        query = select(SavedMapping).order_by(SavedMapping.kind, SavedMapping.name)
        if kind is not None:
            query = query.where(SavedMapping.kind == kind)
        return [
            MappingInfo(
                r.id, r.kind, r.name, ColumnMapping.from_json(r.kind, r.mapping_json).columns
            )
            for r in session.scalars(query)
        ]


def delete_mapping(db: Database, actor: Actor, kind: str, name: str) -> None:
    require(actor, "residents.write")
    with db.transaction() as session:
        row = session.scalar(
            select(SavedMapping).where(SavedMapping.kind == kind, SavedMapping.name == name)
        )
        if row is None:
            raise NotFound(f"Pemetaan kolom {name!r} tidak ditemukan.")
        audit.record(
            session, actor, "import.mapping_delete", "saved_mapping", row.id, {"name": row.name}
        )
        session.delete(row)


def mapped_table(
    db: Database, path: Path, kind: str, mapping: ColumnMapping | str | None
) -> tuple[SheetTable, ColumnMapping | None, dict[str, tuple[str, ...]]]:
    if isinstance(mapping, str):
        mapping = get_mapping(db, kind, mapping)
    if mapping is not None:
        layout = mapping.layout()
    elif kind == "welfare":
        layout = formats.WELFARE_DEFAULT
    else:
        raise ImportFileError("Impor daftar BPJS memerlukan pemetaan kolom (--mapping NAMA).")
    table = load_table(path, formats.layout_score(layout))
    if not table.numbers:
        raise ImportFileError(f"Lembar kerja {table.sheet_name} tidak berisi baris data.")
    return table, mapping, layout
