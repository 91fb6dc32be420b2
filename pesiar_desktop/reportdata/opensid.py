"""The register in OpenSID's import layout: its header names, one row per resident."""

from __future__ import annotations

from dataclasses import dataclass

# OpenSID's resident import template, in its order (DOMAIN.md).
OPENSID_HEADERS = (
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir",
    "tanggallahir", "agama_id", "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id",
    "status_kawin", "kk_level", "warganegara_id", "ayah_nik", "nama_ayah", "ibu_nik",
    "nama_ibu", "golongan_darah_id", "akta_lahir", "dokumen_pasport", "tanggal_akhir_paspor",
    "dokumen_kitas", "akta_perkawinan", "tanggalperkawinan", "akta_perceraian",
    "tanggalperceraian", "cacat_id", "cara_kb_id", "hamil", "ktp_el", "status_rekam",
    "alamat_sekarang", "status_dasar", "suku", "tag_id_card", "id_asuransi", "no_asuransi",
    "lat", "lng",
)  # fmt: skip


@dataclass(frozen=True)
class OpenSidSheet:
    """Cells per resident keyed by header; a header a resident has no value for is blank.
    Codes are numbers, identity numbers and RT/RW text (leading zeros kept)."""

    rows: list[dict[str, str | int]]
