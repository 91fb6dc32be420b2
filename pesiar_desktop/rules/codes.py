"""Code tables used by Dukcapil, OpenSID and BPJS. Store the code, show the label."""

from __future__ import annotations

SEX = {1: "Laki-laki", 2: "Perempuan"}

SHDK = {
    1: "Kepala Keluarga",
    2: "Suami",
    3: "Istri",
    4: "Anak",
    5: "Menantu",
    6: "Cucu",
    7: "Orang Tua",
    8: "Mertua",
    9: "Famili Lain",
    10: "Pembantu",
    11: "Lainnya",
}
SHDK_HEAD = 1

MARITAL_STATUS = {1: "Belum Kawin", 2: "Kawin", 3: "Cerai Hidup", 4: "Cerai Mati"}

RELIGION = {
    1: "Islam",
    2: "Kristen",
    3: "Katholik",
    4: "Hindu",
    5: "Budha",
    6: "Khonghucu",
    7: "Kepercayaan/Lainnya",
}

LIFE_STATUS = {1: "Hidup", 2: "Mati", 3: "Pindah", 4: "Hilang", 6: "Pergi", 9: "Tidak Valid"}
LIFE_ALIVE = 1
LIFE_DEAD = 2
LIFE_MOVED = 3

EDUCATION = {
    1: "Tidak/Belum Sekolah",
    2: "Belum Tamat SD/Sederajat",
    3: "Tamat SD/Sederajat",
    4: "SLTP/Sederajat",
    5: "SLTA/Sederajat",
    6: "Diploma I/II",
    7: "Akademi/Diploma III/S. Muda",
    8: "Diploma IV/Strata I",
    9: "Strata II",
    10: "Strata III",
}

# The most common OpenSID occupation codes; the full 1-89 table arrives with importers.
OCCUPATION = {
    1: "Belum/Tidak Bekerja",
    2: "Mengurus Rumah Tangga",
    3: "Pelajar/Mahasiswa",
    4: "Pensiunan",
    5: "Pegawai Negeri Sipil (PNS)",
    6: "Tentara Nasional Indonesia (TNI)",
    7: "Kepolisian RI (POLRI)",
    8: "Perdagangan",
    9: "Petani/Pekebun",
    10: "Peternak",
    11: "Nelayan/Perikanan",
    15: "Karyawan Swasta",
    16: "Karyawan BUMN",
    19: "Buruh Harian Lepas",
    20: "Buruh Tani/Perkebunan",
    21: "Buruh Nelayan/Perikanan",
    26: "Tukang Batu",
    27: "Tukang Kayu",
    36: "Penata Rambut",
    41: "Guru",
    64: "Perangkat Desa",
    85: "Wiraswasta",
    88: "Sopir",
    89: "Lainnya",
}

SEGMENTS = {
    "PBI_APBN": "PBI APBN",
    "PBI_APBD": "PBI APBD / PBPU Pemda",
    "PPU_PN": "PPU Penyelenggara Negara",
    "PPU_BU": "PPU Badan Usaha",
    "PBPU": "PBPU / Mandiri",
    "BP": "Bukan Pekerja",
}

# JKN membership status (current state of one resident).
STATUS_NOT_REGISTERED = "NOT_REGISTERED"
STATUS_ACTIVE = "ACTIVE"
STATUS_ARREARS = "INACTIVE_ARREARS"
STATUS_PBI_REMOVED = "INACTIVE_PBI"
STATUS_INACTIVE_OTHER = "INACTIVE_OTHER"
STATUS_ENDED = "ENDED"  # dead or moved: membership no longer counted

MEMBERSHIP_STATUS = {
    STATUS_NOT_REGISTERED: "Belum terdaftar",
    STATUS_ACTIVE: "Aktif",
    STATUS_ARREARS: "Nonaktif (menunggak)",
    STATUS_PBI_REMOVED: "Nonaktif (dikeluarkan dari PBI)",
    STATUS_INACTIVE_OTHER: "Nonaktif (lainnya, mis. PHK)",
    STATUS_ENDED: "Berakhir (meninggal/pindah)",
}
REGISTERED_STATUSES = (STATUS_ACTIVE, STATUS_ARREARS, STATUS_PBI_REMOVED, STATUS_INACTIVE_OTHER)

JKN_CLASS = {1: "Kelas I", 2: "Kelas II", 3: "Kelas III"}

# Priority flags shown as filters in the register.
PRIORITY_FLAGS = {
    "poor": "Miskin (desil 1–4)",
    "is_pregnant": "Ibu hamil",
    "is_stunting_child": "Anak stunting",
    "is_laid_off": "Korban PHK",
    "has_disability": "Disabilitas",
    "elderly": "Lansia (60+)",
    "is_formal_worker": "Pekerja formal",
}
POOR_DECILE_MAX = 4
ELDERLY_AGE = 60


def label(table: dict[int, str] | dict[str, str], code: object, default: str = "") -> str:
    """Label of a code, or `default` when the code is unknown or empty."""
    if code is None:
        return default
    return table.get(code, default)  # type: ignore[call-overload, no-any-return]
