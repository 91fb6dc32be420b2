"""NIK and No KK checks.

The format is checked with python-stdnum (`stdnum.id.nik`); a bad format, an
impossible serial (0000), an impossible birth date or a province that does not
exist make a NIK invalid. A district missing from the region list, or a birth
date / sex that disagrees with the row, is only a warning: real registers are messy.

An invalid (or missing) NIK does not keep a person out of the register: they are
kept flagged "NIK perlu diperbaiki" (`Resident.nik_problem`) with the value as
written, and kept out of every list sent to BPJS or Dinas Sosial until fixed.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from stdnum import exceptions as stdnum_errors
from stdnum.id import nik as stdnum_nik

from pesiar_desktop.rules.regions import district_exists, province_exists
from pesiar_desktop.rules.text import ascii_digits

_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


@dataclass
class IdCheck:
    value: str  # the cleaned number (digits only) or the raw text if unusable
    error: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def is_plain_digits(text: str, length: int = 16) -> bool:
    """`length` ASCII digits and nothing else: a NIK / No KK that needs no cleaning."""
    return len(text) == length and text.isdigit() and text.isascii()


def all_plain_digits(texts: Collection[str], length: int = 16) -> bool:
    """`is_plain_digits` of every text, checked in C over the joined texts."""
    joined = "".join(texts)
    return set(map(len, texts)) <= {length} and (
        not joined or (joined.isdigit() and joined.isascii())
    )


def looks_damaged_by_excel(raw: str) -> bool:
    """A number Excel turned into scientific notation or a float."""
    text = raw.strip()
    return bool(_SCIENTIFIC.match(text)) or bool(re.fullmatch(r"\d{15,16}\.0+", text))


# A text NIK / No KK ending in 0000 is an impossible serial, not Excel's doing: Excel
# damages a number (a numeric cell, scientific notation), never text typed as text.
ZERO_SERIAL = (
    "nomor urut (empat digit terakhir) 0000 tidak mungkin, nomor urut dimulai dari 0001. "
    "Periksa nomornya pada KK/KTP."
)

# The flag a resident whose NIK is invalid or missing carries, and the work list's name.
NIK_TO_FIX = "NIK perlu diperbaiki"
NIK_MISSING = "NIK belum ada (kosong)."
NEWBORN_NO_NIK = "NIK belum ada (bayi baru lahir; belum diterbitkan Dukcapil)."


# Resident.nik's room (models.people.NIK_TEXT_MAX; reports may not import models).
NIK_TEXT_MAX = 32


def nik_as_written(raw: str) -> str:
    """The value kept for a NIK to fix: as written, spaces collapsed, cut to its column."""
    return " ".join((raw or "").split())[:NIK_TEXT_MAX]


EXCEL_HINT = (
    "Angka ini rusak oleh Excel (tersimpan sebagai bilangan). "
    "Format kolom sebagai Teks lalu ketik ulang nomornya."
)


def _plain_birth_date(digits: str) -> date:
    """`stdnum.id.nik.get_birth_date` for 16 plain digits, without its per-character
    cleaning (the bulk importer checks 100,000 NIKs); tests keep the two equal."""
    day, month, year = int(digits[6:8]) % 40, int(digits[8:10]), int(digits[10:12])
    for century in (1900, 2000):
        try:
            return date(century + year, month, day)
        except ValueError:
            continue
    raise stdnum_errors.InvalidComponent()


def check_nik(raw: str, birth_date: date | None = None, sex: int | None = None) -> IdCheck:
    text = ascii_digits((raw or "").strip())  # "٥٢٠١…" or "５２０１…" is 5201…
    if not text:
        return IdCheck(text, error="NIK wajib diisi.")
    # Fast path for bulk imports: 16 plain digits need no cleaning (and cannot be damaged text).
    plain = is_plain_digits(text)
    if not plain and looks_damaged_by_excel(text):
        return IdCheck(text, error=f"NIK {text!r}: {EXCEL_HINT}")
    compact = text if plain else stdnum_nik.compact(text)
    try:
        if not compact.isdigit():
            raise stdnum_errors.InvalidFormat()
        if len(compact) != 16:
            raise stdnum_errors.InvalidLength()
        nik_birth = _plain_birth_date(compact) if plain else stdnum_nik.get_birth_date(compact)
    except stdnum_errors.InvalidLength:
        return IdCheck(compact, error=f"NIK harus 16 digit (terisi {len(compact)}).")
    except stdnum_errors.InvalidFormat:
        return IdCheck(compact, error="NIK hanya boleh berisi angka.")
    except stdnum_errors.ValidationError:
        return IdCheck(compact, error="NIK tidak sah: tanggal lahir di dalamnya tidak ada.")
    if compact.endswith("0000"):
        return IdCheck(compact, error=f"NIK {compact}: {ZERO_SERIAL}")
    if not province_exists(compact[:2]):
        return IdCheck(
            compact, error=f"NIK tidak sah: kode provinsi {compact[:2]} di awal NIK tidak ada."
        )
    result = IdCheck(compact)
    if not district_exists(compact[:6]):
        result.warnings.append(
            f"Kode wilayah {compact[:2]}.{compact[2:4]}.{compact[4:6]} pada NIK "
            "tidak ada di daftar wilayah Kemendagri."
        )
    nik_sex = 2 if int(compact[6:8]) > 40 else 1
    if sex in (1, 2) and sex != nik_sex:
        expected = "perempuan" if nik_sex == 2 else "laki-laki"
        result.warnings.append(f"Menurut NIK orang ini {expected}, tidak sesuai jenis kelamin.")
    if birth_date is not None and (nik_birth.day, nik_birth.month, nik_birth.year % 100) != (
        birth_date.day,
        birth_date.month,
        birth_date.year % 100,
    ):
        result.warnings.append(
            f"Tanggal lahir di NIK ({nik_birth:%d-%m-%y}) tidak sama dengan "
            f"tanggal lahir yang diisi ({birth_date:%d-%m-%Y})."
        )
    return result


def check_no_kk(raw: str) -> IdCheck:
    text = ascii_digits((raw or "").strip())
    if is_plain_digits(text):
        return IdCheck(text)  # the usual case, without the regexes
    if not text:
        return IdCheck(text, error="No KK wajib diisi.")
    if looks_damaged_by_excel(text):
        return IdCheck(text, error=f"No KK {text!r}: {EXCEL_HINT}")
    compact = re.sub(r"[\s.\-]", "", text)
    if not compact.isdigit():
        return IdCheck(compact, error="No KK hanya boleh berisi angka.")
    if len(compact) != 16:
        return IdCheck(compact, error=f"No KK harus 16 digit (terisi {len(compact)}).")
    return IdCheck(compact)


def nik_for(district6: str, birth: date, sex: int, serial: int) -> str:
    """Build a NIK consistent with a district, birth date and sex (demo data, tests)."""
    day = birth.day + (40 if sex == 2 else 0)
    return f"{district6}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def mask_nik(nik: str) -> str:
    """`5201********6995`: for viewers who may not see full numbers."""
    if len(nik) != 16:
        return "*" * len(nik)
    return nik[:4] + "*" * 8 + nik[-4:]


_IDENTITY_IN_TEXT = re.compile(r"(?<!\d)\d{16}(?!\d)")


def mask_numbers_in_text(text: str) -> str:
    """A message that quotes NIKs or No KK ("NIK 5201…0000: nomor urut…"), with each
    16-digit number masked as `mask_nik` does, for viewers."""
    return _IDENTITY_IN_TEXT.sub(lambda m: mask_nik(m.group()), text)


def mask_number(value: str) -> str:
    """Any personal number for viewers: a NIK or No KK as `mask_nik`; a phone, VA, bank
    account or JKN card number with only its last 4 digits (`********7890`), separators
    and text around it kept. Short numbers (under 6 digits) are masked whole."""
    if len(value) == 16 and value.isdigit():
        return mask_nik(value)
    digits = sum(ch.isdigit() for ch in value)
    keep = 4 if digits >= 6 else 0
    out: list[str] = []
    seen = 0
    for ch in value:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen > digits - keep else "*")
        else:
            out.append(ch)
    return "".join(out)
