"""Pure parsing of spreadsheet cells into register values.

Cells arrive as python-calamine gives them: `str`, `float` (every number),
`int`, `bool`, `date`/`datetime`, or `""`/`None` when empty. Each parser returns
the clean value or raises `ValueProblem` with an Indonesian message; callers
prefix the column name. Nothing here guesses silently: a number Excel damaged
is refused with a hint, a leading zero lost from RT/RW is put back (that one is
safe), and a label we do not know is refused naming the value.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import ZERO_SERIAL, is_plain_digits
from pesiar_desktop.rules.text import nfkc

Cell = object


class ValueProblem(ValueError):
    """A cell that cannot be used; the message is shown to the user as is."""


EXCEL_NUMBER_HINT = (
    "Excel merusak angka ini karena kolomnya berformat Angka (digit terakhir menjadi 0 atau "
    "tertulis seperti 5,2E+15). Ubah format kolom menjadi Teks, ketik ulang nomornya dari "
    "KK/KTP, lalu impor lagi."
)

_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")
_FLOAT_TEXT = re.compile(r"^\d+[.,]0+$")
_ID_SEPARATORS = re.compile(r"[\s.\-']")


# ------------------------------------------------------------------ text


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: Cell) -> str:
    """Display text of a cell: spaces collapsed, whole floats without `.0`."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = nfkc(value)  # fullwidth letters, ligatures: their plain form (rules/text.py)
        if "  " not in value and "\n" not in value and "\t" not in value and "\r" not in value:
            return value.strip()
        return _SPACES.sub(" ", value).strip()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return _SPACES.sub(" ", str(value)).strip()


def label_key(text: str) -> str:
    """Key for matching labels: upper case, letters and digits only (`Laki-laki` -> LAKILAKI)."""
    return _NON_ALNUM.sub("", text.upper())


def header_key(text: Cell) -> str:
    """Key for matching column headers: lower case, single spaces."""
    return cell_text(text).lower()


# ------------------------------------------------------------------ NIK / No KK


def parse_id_number(value: Cell, what: str = "NIK") -> str:
    """The 16-digit text of a NIK or No KK, refusing numbers Excel has damaged.

    A number cell is always refused: Excel keeps only 15 significant digits,
    so a 16-digit number stored as a number has already lost its last digit; so is
    text that shows a number's form (scientific notation, "….0"). Only those get the
    Excel explanation: text ending in 0000 is an impossible serial, said as such.
    The length and date checks are left to `rules.nik`.
    """
    if type(value) is str and is_plain_digits(value):
        if value.endswith("0000"):  # the common case, typed as text, skips the regexes
            raise ValueProblem(f"{what} {value}: {ZERO_SERIAL}")
        return value
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        raise ValueProblem(
            f"{what} tersimpan sebagai bilangan ({cell_text(value)}). {EXCEL_NUMBER_HINT}"
        )
    text = cell_text(value)
    if not text:
        return ""
    if _SCIENTIFIC.match(text) or _FLOAT_TEXT.match(text):
        raise ValueProblem(f"{what} {text!r} tertulis sebagai bilangan. {EXCEL_NUMBER_HINT}")
    compact = _ID_SEPARATORS.sub("", text)
    if len(compact) == 16 and compact.isdigit() and compact.endswith("0000"):
        raise ValueProblem(f"{what} {compact}: {ZERO_SERIAL}")
    return compact


def parse_card_number(value: Cell) -> tuple[str, str | None]:
    """A 13-digit JKN card number; a number cell gets its leading zeros back, with a warning."""
    if is_blank(value):
        return "", None
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer():
            raise ValueProblem(f"Nomor kartu {cell_text(value)!r} bukan angka bulat.")
        digits = str(int(value))
        if len(digits) > 13:
            raise ValueProblem(f"Nomor kartu {digits} lebih dari 13 digit.")
        padded = digits.zfill(13)
        warning = (
            f"Nomor kartu tersimpan sebagai bilangan; nol di depan dikembalikan: {padded}."
            if padded != digits
            else None
        )
        return padded, warning
    text = _ID_SEPARATORS.sub("", cell_text(value))
    if _SCIENTIFIC.match(text):
        raise ValueProblem(f"Nomor kartu {text!r} tertulis sebagai bilangan. {EXCEL_NUMBER_HINT}")
    if not text.isdigit() or len(text) != 13:
        raise ValueProblem(f"Nomor kartu JKN {text!r} harus 13 digit angka.")
    return text, None


# ------------------------------------------------------------------ dates

_EXCEL_EPOCH = date(1899, 12, 30)

MONTHS: dict[str, int] = {}
for _number, _names in {
    1: "januari jan january",
    2: "februari pebruari feb peb february",
    3: "maret mar march",
    4: "april apr",
    5: "mei may",
    6: "juni jun june",
    7: "juli jul july",
    8: "agustus agu agt ags aug august",
    9: "september sep sept",
    10: "oktober okt oct october",
    11: "november nopember nov nop",
    12: "desember des dec december",
}.items():
    for _name in _names.split():
        MONTHS[_name] = _number

_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_YMD = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")
_D_MONTH_Y = re.compile(r"^(\d{1,2})[\s\-/.]*([A-Za-z]+)\.?[\s\-/.]*(\d{4})$")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_DATE_IN_TEXT = re.compile(
    r"(\d{1,2}[\s\-/.]*[A-Za-z]+\.?[\s\-/.]*\d{4}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}|\d{4}-\d{1,2}-\d{1,2})"
)


def _from_serial(serial: float) -> date:
    if not 1 <= serial < 2958466:
        raise ValueProblem(f"Tanggal {cell_text(serial)!r} bukan nomor tanggal Excel yang wajar.")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _make(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueProblem(f"Tanggal {raw!r} tidak ada di kalender.") from None


def parse_date(value: Cell) -> date | None:
    """A date from a date cell, an Excel serial, dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd
    or `17 Agustus 1945`; None for an empty cell."""
    if type(value) is str and len(value) == 10 and value.isascii():
        # The usual dd-mm-yyyy / yyyy-mm-dd text without the regexes.
        dd, mm, yyyy, mark = value[:2], value[3:5], value[6:], value[2]
        if mark in "-/." and value[5] == mark and (dd + mm + yyyy).isdigit():
            return _make(int(yyyy), int(mm), int(dd), value)
        yyyy, mm, dd, mark = value[:4], value[5:7], value[8:], value[4]
        if mark == "-" and value[7] == mark and (yyyy + mm + dd).isdigit():
            return _make(int(yyyy), int(mm), int(dd), value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueProblem("Tanggal berisi nilai benar/salah, bukan tanggal.")
    if isinstance(value, (int, float)):
        return _from_serial(float(value))
    text = cell_text(value)
    if not text:
        return None
    text = _TIME_SUFFIX.sub("", text).strip()
    if text.isdigit() and len(text) <= 5:
        return _from_serial(float(text))
    if match := _DMY.match(text):
        return _make(int(match[3]), int(match[2]), int(match[1]), text)
    if match := _YMD.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _D_MONTH_Y.match(text):
        month = MONTHS.get(match[2].lower())
        if month is None:
            raise ValueProblem(f"Nama bulan {match[2]!r} pada tanggal {text!r} tidak dikenal.")
        return _make(int(match[3]), month, int(match[1]), text)
    raise ValueProblem(
        f"Tanggal {text!r} tidak dikenali; tulis seperti 17-08-1990 atau 17 Agustus 1990."
    )


def find_date_in_text(text: str) -> date | None:
    """The first date written inside a title line (`Data per 31 Oktober 2026`)."""
    for match in _DATE_IN_TEXT.finditer(text):
        try:
            return parse_date(match[1])
        except ValueProblem:
            continue
    return None


# ------------------------------------------------------------------ numbers and areas


def parse_int(value: Cell, what: str) -> int | None:
    """A whole number (3, 3.0, '3', '3 bulan'); None for empty."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueProblem(f"{what} {cell_text(value)!r} harus bilangan bulat.")
        return int(value)
    if isinstance(value, int):
        return value
    text = cell_text(value)
    match = re.match(r"^(\d+)(?:[.,]0+)?\b", text)
    if match is None:
        raise ValueProblem(f"{what} {text!r} harus angka.")
    return int(match[1])


def parse_area_code(value: Cell, what: str) -> str:
    """RT/RW as three digits ('1', 1.0, 'RT 01' -> '001'); '-' or empty means none."""
    text = cell_text(value)
    if text in ("", "-", "--"):
        return "-"
    digits = re.sub(r"^(RT|RW)\s*[.:]?\s*", "", text.upper())
    if not digits.isdigit():
        raise ValueProblem(f"{what} {text!r} harus angka.")
    if len(digits) > 3:
        digits = digits.lstrip("0") or "0"
    if len(digits) > 3:
        raise ValueProblem(f"{what} {text!r} lebih dari tiga digit.")
    return digits.zfill(3)


# ------------------------------------------------------------------ code tables


# Label key -> the label as written in our tables or vocabularies, to name the nearest
# known value when a file has one we do not know.
_DISPLAY: dict[str, str] = {}


def _label_map(
    table: Mapping[int, str] | Mapping[str, str], extra: Mapping[str, object] | None = None
) -> dict[str, object]:
    """Label keys of a code table, plus its parenthesised short forms (PNS, TNI, POLRI)."""
    found: dict[str, object] = {}
    for code, label in table.items():
        text = str(label)
        found[label_key(text)] = code
        _DISPLAY.setdefault(label_key(text), text)
        short = re.search(r"\(([^)]+)\)", text)
        if short:
            found.setdefault(label_key(short[1]), code)
            found.setdefault(label_key(text[: short.start()]), code)
    for extra_text, extra_code in (extra or {}).items():
        found[label_key(extra_text)] = extra_code
        _DISPLAY.setdefault(label_key(extra_text), extra_text.title())
    return found


def nearest_label(text: str, labels: Mapping[str, object]) -> str | None:
    """The known label closest to `text` (difflib), as written, or None when none is close."""
    match = difflib.get_close_matches(label_key(text), list(labels), n=1, cutoff=0.75)
    return _DISPLAY.get(match[0], match[0]) if match else None


def _unknown(text: str, labels: Mapping[str, object]) -> ValueProblem:
    near = nearest_label(text, labels)
    hint = f"; yang terdekat: {near!r}" if near else ""
    return ValueProblem(f"nilai {text!r} tidak dikenal{hint}")


SEX_LABELS = _label_map(codes.SEX, {"L": 1, "LK": 1, "PRIA": 1, "P": 2, "PR": 2, "WANITA": 2})
SHDK_LABELS = _label_map(
    codes.SHDK,
    {
        "ISTERI": 3,
        "ORANGTUA": 7,
        "FAMILI": 9,
        "KEPALA": 1,
        "KK": 1,
        "ANAK KANDUNG": 4,
        # SIAK's and OpenSID's short forms
        "KEP. KELUARGA": 1,
        "KEPALA KK": 1,
        "ANAK ANGKAT": 4,
        "ANAK TIRI": 4,
        "FAMILI LAIN-LAIN": 9,
        "FAMILY LAIN": 9,
        "SAUDARA": 9,
        "PEMBANTU RUMAH TANGGA": 10,
        "LAIN-LAIN": 11,
        "LAINNYA": 11,
    },
)
MARITAL_LABELS = _label_map(
    codes.MARITAL_STATUS,
    {
        "KAWIN TERCATAT": 2,
        "KAWIN BELUM TERCATAT": 2,
        "KAWIN TIDAK TERCATAT": 2,
        "MENIKAH": 2,
        "BELUM MENIKAH": 1,
        "CERAI HIDUP TERCATAT": 3,
        "CERAI HIDUP BELUM TERCATAT": 3,
        "CERAI MATI TERCATAT": 4,
        "CERAI MATI BELUM TERCATAT": 4,
        "BLM KAWIN": 1,
        "B. KAWIN": 1,
        "BELUM KAWIN TERCATAT": 1,
        "SUDAH KAWIN": 2,
        "CERAI HDP": 3,
        "CERAI MTI": 4,
    },
)
RELIGION_LABELS = _label_map(
    codes.RELIGION,
    {
        "KATOLIK": 3,
        "PROTESTAN": 2,
        "KRISTEN PROTESTAN": 2,
        "BUDDHA": 5,
        "KONGHUCU": 6,
        "KHONGHUCHU": 6,
        "KONGHUCHU": 6,
        "KEPERCAYAAN": 7,
        "ALIRAN KEPERCAYAAN": 7,
        "KEPERCAYAAN TERHADAP TUHAN YME": 7,
        "LAINNYA": 7,
    },
)
EDUCATION_LABELS = _label_map(
    codes.EDUCATION,
    {
        "TIDAK/BLM SEKOLAH": 1,
        "TIDAK SEKOLAH": 1,
        "BELUM SEKOLAH": 1,
        "SD": 3,
        "SMP": 4,
        "SLTP": 4,
        "SMA": 5,
        "SLTA": 5,
        "SMK": 5,
        "D1": 6,
        "D2": 6,
        "D-I/D-II": 6,
        "D3": 7,
        "AKADEMI/DIPLOMA III/SARJANA MUDA": 7,
        "D4": 8,
        "S1": 8,
        "D-IV/STRATA I": 8,
        "S2": 9,
        "S3": 10,
    },
)
OCCUPATION_LABELS = _label_map(
    codes.OCCUPATION,
    {
        "TIDAK BEKERJA": 1,
        "BELUM BEKERJA": 1,
        "IBU RUMAH TANGGA": 2,
        "PELAJAR": 3,
        "MAHASISWA": 3,
        "PENSIUN": 4,
        "PEGAWAI NEGERI SIPIL": 5,
        "IMAM MESJID": 41,
        "TUKANG JAIT": 30,
        "ANGGOTA DPR RI": 48,
        "PETANI": 9,
        "NELAYAN": 11,
        "BURUH HARIAN": 19,
        "BURUH TANI": 20,
        "SOPIR/DRIVER": 81,
        "SUPIR": 81,
    },
)
LIFE_STATUS_LABELS = _label_map(
    codes.LIFE_STATUS,
    {
        "MENINGGAL": 2,
        "MENINGGAL DUNIA": 2,
        "WAFAT": 2,
        # SIAK (Dukcapil) statuses: moves within Indonesia and abroad are both "Pindah"
        "PINDAH DALAM NEGERI": 3,
        "PINDAH LUAR NEGERI": 3,
        "PINDAH KELUAR": 3,
        "PINDAH DN": 3,
        "PINDAH LN": 3,
        "HIDUP/ADA": 1,
        "ADA": 1,
        "TIDAK DIKETAHUI": 4,
        "PERGI/TIDAK DIKETAHUI": 6,
        "TDK VALID": 9,
    },
)
DISABILITY_LABELS = _label_map(
    codes.DISABILITY,
    {"TIDAK": 7, "TIDAK ADA": 7, "NORMAL": 7, "YA": 6, "ADA": 6, "DISABILITAS": 6},
)
YES_NO_LABELS: dict[str, object] = {
    "YA": True,
    "Y": True,
    "HAMIL": True,
    "TIDAK": False,
    "T": False,
    "TIDAKHAMIL": False,
}
INSURANCE_LABELS = _label_map(
    codes.OPENSID_INSURANCE,
    {
        "TIDAK PUNYA": 1,
        "BELUM PUNYA": 1,
        "BPJS PBI": 2,
        "PBI": 2,
        "BPJS NON PBI": 3,
        "NON PBI": 3,
        "BPJS MANDIRI": 3,
        "BPJS BANTUAN DAERAH": 4,
        "BPJS PEMDA": 4,
        "LAINNYA": 99,
    },
)

SEGMENT_LABELS = _label_map(
    codes.SEGMENTS,
    {
        "PBI_APBN": "PBI_APBN",
        "PBI (APBN)": "PBI_APBN",
        "PBI JK": "PBI_APBN",
        "PBI": "PBI_APBN",
        "PENERIMA BANTUAN IURAN": "PBI_APBN",
        "PBI_APBD": "PBI_APBD",
        "PBI (APBD)": "PBI_APBD",
        "PBI APBD": "PBI_APBD",
        "PBPU PEMDA": "PBI_APBD",
        "PBPU BP PEMDA": "PBI_APBD",
        "PEMDA": "PBI_APBD",
        "PPU_PN": "PPU_PN",
        "PPU PN": "PPU_PN",
        "PPU PENYELENGGARA NEGARA": "PPU_PN",
        "PEKERJA PENERIMA UPAH PENYELENGGARA NEGARA": "PPU_PN",
        "PPU PEGAWAI NEGERI": "PPU_PN",
        "PNS": "PPU_PN",
        "TNI": "PPU_PN",
        "POLRI": "PPU_PN",
        "PPU_BU": "PPU_BU",
        "PPU BU": "PPU_BU",
        "PPU": "PPU_BU",
        "PPU BADAN USAHA": "PPU_BU",
        "PPU SWASTA": "PPU_BU",
        "PEKERJA PENERIMA UPAH": "PPU_BU",
        "PEKERJA PENERIMA UPAH BADAN USAHA": "PPU_BU",
        "PBPU": "PBPU",
        "PEKERJA MANDIRI": "PBPU",
        "MANDIRI": "PBPU",
        "PEKERJA BUKAN PENERIMA UPAH": "PBPU",
        "BP": "BP",
        "BUKAN PEKERJA": "BP",
    },
)

_AMBIGUOUS_INACTIVE = "?INACTIVE"
STATUS_LABELS = _label_map(
    codes.MEMBERSHIP_STATUS,
    {
        **{code: code for code in codes.MEMBERSHIP_STATUS},
        "AKTIF": codes.STATUS_ACTIVE,
        "AKTIF NORMAL": codes.STATUS_ACTIVE,
        "MENUNGGAK": codes.STATUS_ARREARS,
        "NONAKTIF MENUNGGAK": codes.STATUS_ARREARS,
        "TIDAK AKTIF MENUNGGAK": codes.STATUS_ARREARS,
        "NON AKTIF KARENA MENUNGGAK": codes.STATUS_ARREARS,
        "NONAKTIF KARENA MENUNGGAK": codes.STATUS_ARREARS,
        "NONAKTIF TUNGGAKAN": codes.STATUS_ARREARS,
        "NONAKTIF PBI": codes.STATUS_PBI_REMOVED,
        "TIDAK AKTIF PBI": codes.STATUS_PBI_REMOVED,
        "PBI DINONAKTIFKAN": codes.STATUS_PBI_REMOVED,
        "DINONAKTIFKAN": codes.STATUS_PBI_REMOVED,
        "DIKELUARKAN DARI PBI": codes.STATUS_PBI_REMOVED,
        "NONAKTIF DIKELUARKAN DARI PBI": codes.STATUS_PBI_REMOVED,
        "NONAKTIF LAINNYA": codes.STATUS_INACTIVE_OTHER,
        "TIDAK AKTIF": _AMBIGUOUS_INACTIVE,
        "NONAKTIF": _AMBIGUOUS_INACTIVE,
        "NON AKTIF": _AMBIGUOUS_INACTIVE,
        "BELUM TERDAFTAR": codes.STATUS_NOT_REGISTERED,
        "TIDAK TERDAFTAR": codes.STATUS_NOT_REGISTERED,
        "MENINGGAL": codes.STATUS_ENDED,
        "MENINGGAL DUNIA": codes.STATUS_ENDED,
        "KELUAR": codes.STATUS_ENDED,
    },
)
_PHK = re.compile(r"\bPHK\b|PEMUTUSAN HUBUNGAN KERJA")

CLASS_LABELS: dict[str, object] = {}
for _cls, _roman in ((1, "I"), (2, "II"), (3, "III")):
    for _prefix in ("", "KELAS", "KLS", "KL"):
        CLASS_LABELS[label_key(f"{_prefix}{_cls}")] = _cls
        CLASS_LABELS[label_key(f"{_prefix}{_roman}")] = _cls


def merge_labels(
    base: Mapping[str, object], extra: Mapping[str, object] | None
) -> dict[str, object]:
    """Built-in labels plus those a saved mapping adds (the mapping wins)."""
    merged = dict(base)
    for text, code in (extra or {}).items():
        merged[label_key(text)] = code
    return merged


def parse_code(value: Cell, labels: Mapping[str, object], valid: Iterable[object]) -> object:
    """A code from a number (`2`, 2.0) or a label (`PEREMPUAN`); None for empty."""
    if is_blank(value):
        return None
    valid_set = valid if isinstance(valid, (set, frozenset, dict)) else set(valid)
    if isinstance(value, bool):
        raise ValueProblem(f"nilai {cell_text(value)!r} tidak dikenal")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and int(value) in valid_set:
            return int(value)
        raise ValueProblem(f"kode {cell_text(value)!r} tidak dikenal")
    text = cell_text(value)
    if text in ("-", "--"):
        return None
    if text.isdigit():
        if int(text) in valid_set:
            return int(text)
        raise ValueProblem(f"kode {text!r} tidak dikenal")
    found = labels.get(label_key(text))
    if found is None:
        raise _unknown(text, labels)
    return found


def parse_bool(value: Cell) -> bool | None:
    """OpenSID-style flags: 1/'Ya'/'Hamil' true; 0, 2, 'Tidak' false."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = cell_text(value)
    if text in ("1",):
        return True
    if text in ("0", "2", "-"):
        return False
    found = YES_NO_LABELS.get(label_key(text))
    if found is None:
        raise ValueProblem(f"nilai {text!r} tidak dikenal (isi Ya atau Tidak)")
    return bool(found)


def parse_segment(value: Cell, extra: Mapping[str, object] | None = None) -> str | None:
    labels = merge_labels(SEGMENT_LABELS, extra) if extra else SEGMENT_LABELS
    found = parse_code(value, labels, ())
    return None if found is None else str(found)


def parse_jkn_class(value: Cell) -> int | None:
    if is_blank(value):
        return None
    found = CLASS_LABELS.get(label_key(cell_text(value)))
    if found is None:
        raise ValueProblem(f"kelas {cell_text(value)!r} tidak dikenal (isi 1, 2 atau 3)")
    return int(str(found))


def parse_membership_status(
    value: Cell,
    segment: str | None,
    months_in_arrears: int,
    extra: Mapping[str, object] | None = None,
) -> tuple[str, bool]:
    """(status code, laid off?) from BPJS's wording; a bare 'TIDAK AKTIF' is resolved
    by the arrears (menunggak), then the segment (PBI removed), else 'other'."""
    text = cell_text(value)
    if not text:
        raise ValueProblem("status kepesertaan kosong")
    upper = " ".join(_NON_ALNUM.sub(" ", text.upper()).split())
    laid_off = bool(_PHK.search(upper))
    if laid_off:
        return codes.STATUS_INACTIVE_OTHER, True
    labels = merge_labels(STATUS_LABELS, extra) if extra else STATUS_LABELS
    found = labels.get(label_key(text))
    if found is None:
        near = nearest_label(text, labels)
        hint = f"; yang terdekat: {near!r}" if near else ""
        raise ValueProblem(f"status {text!r} tidak dikenal{hint}")
    if found == _AMBIGUOUS_INACTIVE:
        if months_in_arrears > 0:
            return codes.STATUS_ARREARS, False
        if segment in ("PBI_APBN", "PBI_APBD"):
            return codes.STATUS_PBI_REMOVED, False
        return codes.STATUS_INACTIVE_OTHER, False
    return str(found), False
