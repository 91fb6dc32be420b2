"""Helpers for the column-mapping wizard: which fields a kind of import has, a first
guess of which column feeds which field, and the values a mapping still has to
translate into codes.

No database and no Qt: the wizard (ui) calls these on a `SheetTable` from
`reader.sniff_table`, then saves a `ColumnMapping` through `services.imports`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pesiar_desktop.importers import formats
from pesiar_desktop.importers.reader import SheetTable
from pesiar_desktop.importers.residents import CODE_FIELDS
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import import_values as iv
from pesiar_desktop.rules.import_values import Cell, ValueProblem, cell_text, header_key

FIELDS: dict[str, dict[str, str]] = {
    "residents": formats.RESIDENT_FIELDS,
    "bpjs": formats.BPJS_FIELDS,
    "welfare": formats.WELFARE_FIELDS,
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "residents": formats.RESIDENT_REQUIRED,
    "bpjs": formats.BPJS_REQUIRED,
    "welfare": ("decile",),
}

# Words that, found in a header, suggest the field (checked after exact layout names).
_HINTS: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "nomor induk"),
    "no_kk": ("no kk", "nomor kk", "no. kk", "kartu keluarga", "nokk", "no_kk"),
    "name": ("nama",),
    "sex": ("kelamin", "jk", "sex", "l/p"),
    "birth_place": ("tempat lahir", "tmp lahir", "tempatlahir"),
    "birth_date": ("tanggal lahir", "tgl lahir", "tgl. lahir", "tanggallahir"),
    "shdk": ("shdk", "hubungan", "status hub", "kk_level"),
    "marital_status": ("kawin", "perkawinan"),
    "religion": ("agama",),
    "education": ("pendidikan",),
    "occupation": ("pekerjaan",),
    "father_name": ("ayah",),
    "mother_name": ("ibu",),
    "life_status": ("status dasar", "status penduduk"),
    "address": ("alamat",),
    "dusun": ("dusun", "lingkungan", "banjar"),
    "rw": ("rw",),
    "rt": ("rt",),
    "disability": ("cacat", "disabilitas"),
    "pregnant": ("hamil",),
    "phone": ("hp", "telepon", "telp"),
    "insurance": ("asuransi",),
    "card_number": ("kartu", "no. jkn", "nomor jkn", "noka"),
    "segment": ("segmen", "jenis peserta", "kepesertaan"),
    "status": ("status",),
    "jkn_class": ("kelas",),
    "fktp_code": ("fktp", "faskes", "ppk"),
    "months_in_arrears": ("tunggak", "bulan"),
    "decile": ("desil", "peringkat"),
}
_SUBSTRING_MIN = 3  # short hints ("rt", "jk") must match a whole header


def _layout_for(kind: str) -> Mapping[str, tuple[str, ...]]:
    if kind == "residents":
        merged: dict[str, tuple[str, ...]] = {}
        for layout in (formats.OPENSID, formats.SIAK):
            for name, options in layout.items():
                merged[name] = merged.get(name, ()) + options
        return merged
    if kind == "welfare":
        return formats.WELFARE_DEFAULT
    return {}


def suggest_columns(kind: str, headers: list[str]) -> dict[str, str]:
    """field -> header: a first guess the user corrects; each header used at most once."""
    keys = [header_key(h) for h in headers]
    used: set[int] = set()
    found: dict[str, str] = {}
    exact = _layout_for(kind)
    for name in FIELDS[kind]:
        for option in exact.get(name, ()):
            if option in keys and keys.index(option) not in used:
                used.add(keys.index(option))
                found[name] = headers[keys.index(option)]
                break
    for name in FIELDS[kind]:
        if name in found:
            continue
        for hint in _HINTS.get(name, ()):
            match = next(
                (
                    i
                    for i, key in enumerate(keys)
                    if i not in used
                    and (key == hint or (len(hint) >= _SUBSTRING_MIN and hint in key))
                ),
                None,
            )
            if match is not None:
                used.add(match)
                found[name] = headers[match]
                break
    return found


def value_fields(kind: str) -> dict[str, dict[Any, str]]:
    """Fields whose cells are codes a mapping can translate: field -> code -> label."""
    if kind == "residents":
        return {name: dict(valid) for name, (_labels, valid) in CODE_FIELDS.items()}
    if kind == "bpjs":
        return {"segment": dict(codes.SEGMENTS), "status": dict(codes.MEMBERSHIP_STATUS)}
    return {}


def _value_parser(
    kind: str, name: str, extra: Mapping[str, object] | None
) -> Callable[[Cell], object]:
    if kind == "bpjs" and name == "segment":
        return lambda cell: iv.parse_segment(cell, extra)
    if kind == "bpjs" and name == "status":
        return lambda cell: iv.parse_membership_status(cell, None, 0, extra)
    labels, valid = CODE_FIELDS[name]
    merged = iv.merge_labels(labels, extra) if extra else labels
    return lambda cell: iv.parse_code(cell, merged, valid)


def unknown_values(
    table: SheetTable,
    kind: str,
    columns: Mapping[str, str],
    values: Mapping[str, Mapping[str, object]] | None = None,
    limit: int = 100,
) -> dict[str, list[str]]:
    """field -> the distinct cell texts of its column that no label (built in or in
    `values`) turns into a code: what the wizard asks the user to translate."""
    index_of = {header_key(h): i for i, h in enumerate(table.headers)}
    found: dict[str, list[str]] = {}
    for name in value_fields(kind):
        header = columns.get(name)
        if not header or header_key(header) not in index_of:
            continue
        column = index_of[header_key(header)]
        parse = _value_parser(kind, name, (values or {}).get(name))
        bad: dict[str, None] = {}
        seen: set[object] = set()
        for _number, cells in table.rows:
            cell = cells[column] if column < len(cells) else ""
            if cell in seen or iv.is_blank(cell):
                continue
            seen.add(cell)
            try:
                parse(cell)
            except ValueProblem:
                bad[cell_text(cell)] = None
                if len(bad) >= limit:
                    break
        if bad:
            found[name] = sorted(bad)
    return found


def sample_values(table: SheetTable, header: str, count: int = 3) -> list[str]:
    """The first non-blank texts of a column, to show beside the mapping choice."""
    keys = [header_key(h) for h in table.headers]
    if header_key(header) not in keys:
        return []
    column = keys.index(header_key(header))
    out: list[str] = []
    for _number, cells in table.rows:
        text = cell_text(cells[column]) if column < len(cells) else ""
        if text and text not in out:
            out.append(text)
            if len(out) >= count:
                break
    return out
