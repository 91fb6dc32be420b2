"""Known file layouts and saved column mappings: which header feeds which field.

A layout is a dict field -> accepted header names (compared lower-cased with
single spaces). OpenSID and SIAK are built in; any other file goes through a
`ColumnMapping` the user saved under a name (the GUI wizard builds one; the
CLI loads one from JSON).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pesiar_desktop.rules.import_values import header_key

# Resident fields an import can fill, with the Indonesian name shown in messages.
RESIDENT_FIELDS: dict[str, str] = {
    "nik": "NIK",
    "no_kk": "No KK",
    "name": "Nama",
    "sex": "Jenis kelamin",
    "birth_place": "Tempat lahir",
    "birth_date": "Tanggal lahir",
    "shdk": "Hubungan dalam keluarga",
    "marital_status": "Status kawin",
    "religion": "Agama",
    "education": "Pendidikan",
    "occupation": "Pekerjaan",
    "father_name": "Nama ayah",
    "mother_name": "Nama ibu",
    "life_status": "Status dasar",
    "address": "Alamat",
    "dusun": "Dusun",
    "rw": "RW",
    "rt": "RT",
    "disability": "Cacat",
    "pregnant": "Hamil",
    "phone": "Nomor HP",
    "insurance": "Asuransi",
    "insurance_number": "Nomor asuransi",
}
RESIDENT_REQUIRED = ("nik", "no_kk", "name", "sex", "birth_date", "shdk")

BPJS_FIELDS: dict[str, str] = {
    "nik": "NIK",
    "card_number": "Nomor kartu",
    "segment": "Segmen",
    "status": "Status",
    "jkn_class": "Kelas",
    "fktp_code": "FKTP",
    "months_in_arrears": "Bulan tunggakan",
    "name": "Nama",
}
BPJS_REQUIRED = ("nik", "status")

WELFARE_FIELDS: dict[str, str] = {
    "nik": "NIK",
    "no_kk": "No KK",
    "decile": "Desil",
    "name": "Nama",
}

OPENSID: dict[str, tuple[str, ...]] = {
    "nik": ("nik",),
    "no_kk": ("no_kk",),
    "name": ("nama",),
    "sex": ("sex",),
    "birth_place": ("tempatlahir",),
    "birth_date": ("tanggallahir",),
    "shdk": ("kk_level",),
    "marital_status": ("status_kawin",),
    "religion": ("agama_id",),
    "education": ("pendidikan_kk_id",),
    "occupation": ("pekerjaan_id",),
    "father_name": ("nama_ayah",),
    "mother_name": ("nama_ibu",),
    "life_status": ("status_dasar",),
    "address": ("alamat",),
    "dusun": ("dusun",),
    "rw": ("rw",),
    "rt": ("rt",),
    "disability": ("cacat_id",),
    "pregnant": ("hamil",),
    "insurance": ("id_asuransi",),
    "insurance_number": ("no_asuransi",),
}
OPENSID_ALL_HEADERS = frozenset(
    [
        "alamat",
        "dusun",
        "rw",
        "rt",
        "nama",
        "no_kk",
        "nik",
        "sex",
        "tempatlahir",
        "tanggallahir",
        "agama_id",
        "pendidikan_kk_id",
        "pendidikan_sedang_id",
        "pekerjaan_id",
        "status_kawin",
        "kk_level",
        "warganegara_id",
        "ayah_nik",
        "nama_ayah",
        "ibu_nik",
        "nama_ibu",
        "golongan_darah_id",
        "akta_lahir",
        "dokumen_pasport",
        "tanggal_akhir_paspor",
        "dokumen_kitas",
        "akta_perkawinan",
        "tanggalperkawinan",
        "akta_perceraian",
        "tanggalperceraian",
        "cacat_id",
        "cara_kb_id",
        "hamil",
        "ktp_el",
        "status_rekam",
        "alamat_sekarang",
        "status_dasar",
        "suku",
        "tag_id_card",
        "id_asuransi",
        "no_asuransi",
        "lat",
        "lng",
    ]
)

SIAK: dict[str, tuple[str, ...]] = {
    "no_kk": ("nomor kk", "no kk", "no. kk"),
    "nik": ("nik",),
    "name": ("nama penduduk", "nama lengkap", "nama"),
    "life_status": ("status",),
    "birth_place": ("tempat lahir",),
    "birth_date": ("tanggal lahir", "tgl lahir"),
    "sex": ("kelamin", "jenis kelamin"),
    "father_name": ("ayah", "nama ayah"),
    "mother_name": ("ibu", "nama ibu"),
    "marital_status": ("status kawin",),
    "shdk": ("shdk", "hubungan keluarga"),
    "religion": ("agama",),
    "address": ("alamat",),
    "dusun": ("dusun",),
    "rw": ("rw",),
    "rt": ("rt",),
    "education": ("pendidikan",),
    "occupation": ("pekerjaan",),
    "disability": ("cacat",),
}
SIAK_ALL_HEADERS = frozenset(
    h.lower()
    for h in [
        "Nomor KK",
        "NIK",
        "Nama Penduduk",
        "Status",
        "Tempat Lahir",
        "Tanggal Lahir",
        "Kelamin",
        "NIK Ayah",
        "Ayah",
        "NIK Ibu",
        "Ibu",
        "Status Kawin",
        "SHDK",
        "Agama",
        "Kecamatan",
        "Desa/Kel",
        "Alamat",
        "RW",
        "RT",
        "Pendidikan",
        "Pekerjaan",
        "Deskripsi Pekerjaan",
        "Gol. Darah",
        "Cacat",
        "Cetak KTP",
        "Ganti KTP",
        "KTP Berakhir",
        "Nomor Paspor",
        "Nomor Akta Lahir",
        "Nomor Akta Kawin",
        "Tanggal Kwn",
        "Nomor Akta Cerai",
        "Tgl Cerai",
        "Petugas Registrasi",
        "Tgl Ubah",
        "Petugas Entri",
        "Tgl Entri",
    ]
)

# Headers commonly seen in welfare lists (DTKS/DTSEN, P3KE, Regsosek).
WELFARE_DEFAULT: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "nik art", "nik kepala keluarga", "nomor induk kependudukan"),
    "no_kk": ("no kk", "nokk", "no. kk", "no_kk", "nomor kk", "nomor kartu keluarga", "kk"),
    "decile": (
        "desil",
        "desil kesejahteraan",
        "desil nasional",
        "peringkat kesejahteraan",
        "desil_kesejahteraan",
    ),
    "name": ("nama", "nama kepala keluarga", "nama lengkap"),
}


@dataclass
class ColumnMapping:
    """A saved mapping: field -> header, plus extra value labels per field."""

    kind: str
    columns: dict[str, str]
    values: dict[str, dict[str, Any]] = field(default_factory=dict)
    name: str = ""

    def layout(self) -> dict[str, tuple[str, ...]]:
        return {f: (header_key(h),) for f, h in self.columns.items() if h}

    def to_json(self) -> str:
        return json.dumps(
            {"columns": self.columns, "values": self.values}, ensure_ascii=False, sort_keys=True
        )

    @classmethod
    def from_json(cls, kind: str, text: str, name: str = "") -> ColumnMapping:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            raise ValueError("pemetaan harus berisi objek 'columns'")
        values = data.get("values") or {}
        if not isinstance(values, dict):
            raise ValueError("'values' harus objek")
        return cls(kind, {str(k): str(v) for k, v in data["columns"].items()}, values, name)


def layout_score(layout: Mapping[str, tuple[str, ...]]) -> Any:
    """A header-row scorer for `reader.load_table`: how many fields a row names."""
    names = {name for options in layout.values() for name in options}

    def score(keys: list[str]) -> int:
        return sum(1 for key in keys if key in names)

    return score


def known_headers_score(keys: list[str]) -> int:
    """Score for auto-detection: the best of the OpenSID and SIAK header sets."""
    present = set(keys)
    return max(len(present & OPENSID_ALL_HEADERS), len(present & SIAK_ALL_HEADERS))


def detect_resident_format(header_keys: list[str]) -> str | None:
    present = set(header_keys)
    opensid_like = {"nik", "nama", "no_kk"} <= present or len(present & OPENSID_ALL_HEADERS) >= 8
    if opensid_like and ({"no_kk", "kk_level", "tanggallahir"} & present):
        return "opensid"
    if "nik" in present and (
        {"nomor kk", "nama penduduk"} <= present or {"shdk", "kelamin"} <= present
    ):
        return "siak"
    return None


def resolve_columns(
    header_keys: list[str], layout: Mapping[str, tuple[str, ...]]
) -> dict[str, int]:
    """field -> column index for the fields whose header is present (first match wins)."""
    index_of: dict[str, int] = {}
    for i, key in enumerate(header_keys):
        index_of.setdefault(key, i)
    found: dict[str, int] = {}
    for name, options in layout.items():
        for option in options:
            if option in index_of:
                found[name] = index_of[option]
                break
    return found
