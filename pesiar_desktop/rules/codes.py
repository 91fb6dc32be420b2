"""Code tables used by Dukcapil, OpenSID and BPJS. Store the code, show the label."""

from __future__ import annotations

from datetime import date

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
LIFE_WENT_AWAY = 6  # "Pergi": left without a moving certificate

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

# Occupation codes 1-89 as in Dukcapil / OpenSID's `Kode Data` sheet (tweb_penduduk_pekerjaan).
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
    12: "Industri",
    13: "Konstruksi",
    14: "Transportasi",
    15: "Karyawan Swasta",
    16: "Karyawan BUMN",
    17: "Karyawan BUMD",
    18: "Karyawan Honorer",
    19: "Buruh Harian Lepas",
    20: "Buruh Tani/Perkebunan",
    21: "Buruh Nelayan/Perikanan",
    22: "Buruh Peternakan",
    23: "Pembantu Rumah Tangga",
    24: "Tukang Cukur",
    25: "Tukang Listrik",
    26: "Tukang Batu",
    27: "Tukang Kayu",
    28: "Tukang Sol Sepatu",
    29: "Tukang Las/Pandai Besi",
    30: "Tukang Jahit",
    31: "Tukang Gigi",
    32: "Penata Rias",
    33: "Penata Busana",
    34: "Penata Rambut",
    35: "Mekanik",
    36: "Seniman",
    37: "Tabib",
    38: "Paraji",
    39: "Perancang Busana",
    40: "Penterjemah",
    41: "Imam Masjid",
    42: "Pendeta",
    43: "Pastor",
    44: "Wartawan",
    45: "Ustadz/Mubaligh",
    46: "Juru Masak",
    47: "Promotor Acara",
    48: "Anggota DPR-RI",
    49: "Anggota DPD",
    50: "Anggota BPK",
    51: "Presiden",
    52: "Wakil Presiden",
    53: "Anggota Mahkamah Konstitusi",
    54: "Anggota Kabinet/Kementerian",
    55: "Duta Besar",
    56: "Gubernur",
    57: "Wakil Gubernur",
    58: "Bupati",
    59: "Wakil Bupati",
    60: "Walikota",
    61: "Wakil Walikota",
    62: "Anggota DPRD Provinsi",
    63: "Anggota DPRD Kabupaten/Kota",
    64: "Dosen",
    65: "Guru",
    66: "Pilot",
    67: "Pengacara",
    68: "Notaris",
    69: "Arsitek",
    70: "Akuntan",
    71: "Konsultan",
    72: "Dokter",
    73: "Bidan",
    74: "Perawat",
    75: "Apoteker",
    76: "Psikiater/Psikolog",
    77: "Penyiar Televisi",
    78: "Penyiar Radio",
    79: "Pelaut",
    80: "Peneliti",
    81: "Sopir",
    82: "Pialang",
    83: "Paranormal",
    84: "Pedagang",
    85: "Perangkat Desa",
    86: "Kepala Desa",
    87: "Biarawati",
    88: "Wiraswasta",
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


def elderly_born_by(today: date) -> date:
    """The latest birth date of someone `ELDERLY_AGE` or older on `today` (on 29 February,
    when the year back has none, the 28th)."""
    year = today.year - ELDERLY_AGE
    try:
        return today.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def label(table: dict[int, str] | dict[str, str], code: object, default: str = "") -> str:
    """Label of a code, or `default` when the code is unknown or empty."""
    if code is None:
        return default
    return table.get(code, default)  # type: ignore[call-overload, no-any-return]


# OpenSID `cacat_id` (tweb_cacat): 1-6 a disability, 7 none.
DISABILITY = {
    1: "Cacat Fisik",
    2: "Cacat Netra/Buta",
    3: "Cacat Rungu/Wicara",
    4: "Cacat Mental/Jiwa",
    5: "Cacat Fisik dan Mental",
    6: "Cacat Lainnya",
    7: "Tidak Cacat",
}
DISABILITY_NONE = 7

# OpenSID `id_asuransi`: what the resident register knows about insurance.
OPENSID_INSURANCE = {
    1: "Tidak/Belum Punya",
    2: "BPJS Penerima Bantuan Iuran",
    3: "BPJS Non Penerima Bantuan Iuran",
    4: "BPJS Bantuan Daerah",
    99: "Asuransi Lainnya",
}

# Import kinds (ImportBatch.kind, SavedMapping.kind).
IMPORT_KINDS = {
    "residents": "Data penduduk",
    "bpjs": "Daftar peserta BPJS",
    "welfare": "Data kesejahteraan",
}

# Petakan target categories, in the order the page lists them.
TARGET_CATEGORIES = {
    "not_registered": "Belum terdaftar JKN",
    "arrears": "Nonaktif karena menunggak",
    "pbi_removed": "Dikeluarkan dari PBI",
    "laid_off": "Korban PHK",
    "inactive_other": "Nonaktif lainnya",
    "formal_unregistered": "Pekerja formal belum didaftarkan pemberi kerja",
}
