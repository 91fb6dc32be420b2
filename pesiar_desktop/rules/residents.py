"""A resident's own fields as the add/edit form (or an importer) supplies them, and their checks.

Shared by the resident use-cases and the bulk importer, which sends every row it doubts
through `validate_resident` so that both give the same messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pesiar_desktop import clock
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.nik import NIK_MISSING, NIK_TO_FIX, check_nik, nik_as_written
from pesiar_desktop.rules.text import (
    FIELD_LABELS,
    RESIDENT_TEXT_LIMITS,
    ascii_digits,
    nfkc,
    text_problem,
)


@dataclass
class ResidentInput:
    """What the add/edit form (or an importer) supplies for one person."""

    nik: str
    name: str
    sex: int
    birth_date: date | None
    shdk: int
    birth_place: str = ""
    marital_status: int = 1
    religion: int = 1
    education: int | None = None
    occupation: int | None = None
    phone: str = ""
    father_name: str = ""
    mother_name: str = ""
    is_pregnant: bool = False
    has_disability: bool = False
    is_stunting_child: bool = False
    is_laid_off: bool = False
    is_formal_worker: bool = False
    employer_name: str = ""
    # The person is kept although their NIK is invalid or missing ("NIK perlu diperbaiki"):
    # ticked in the form, set by an import or a birth without a NIK yet.
    nik_to_fix: bool = False


@dataclass
class ResidentCheck:
    """`validate_resident`'s findings, with the NIK problem a kept person carries."""

    errors: dict[str, str]
    warnings: list[str]
    nik: str  # cleaned; for a NIK to fix, the value as written
    nik_problem: str | None = None  # why the NIK needs fixing (None: valid)


def clean_name(text: str) -> str:
    """NFKC, upper case, spaces collapsed, as Dukcapil writes names (NFKC again after
    upper-casing, which can leave a letter and its accent apart)."""
    return " ".join(nfkc(nfkc(text).upper()).split())


def clean_phone(text: str) -> str:
    """A phone number as typed, with digits of any script as ASCII digits."""
    return ascii_digits(text.strip())


def stored_texts(data: ResidentInput) -> dict[str, str]:
    """The free texts of a resident as they are stored (the lengths are checked on these)."""
    return {
        "name": clean_name(data.name),
        "birth_place": clean_name(data.birth_place),
        "phone": clean_phone(data.phone),
        "father_name": clean_name(data.father_name),
        "mother_name": clean_name(data.mother_name),
        "employer_name": nfkc(data.employer_name).strip(),
    }


def validate_resident(data: ResidentInput) -> tuple[dict[str, str], list[str], str]:
    """Field errors, warnings and the cleaned NIK (see `check_resident`)."""
    found = check_resident(data)
    return found.errors, found.warnings, found.nik


def _birth_date_error(birth_date: date | None) -> str | None:
    if birth_date is None:
        return "Tanggal lahir wajib diisi."
    if birth_date > clock.today():
        return "Tanggal lahir tidak boleh di masa depan."
    if birth_date.year < 1900:
        return "Tanggal lahir terlalu lampau."
    return None


def _coded_field_errors(data: ResidentInput) -> dict[str, str]:
    """The fields chosen from a code list (sex aside), and the pregnancy flag."""
    errors: dict[str, str] = {}
    if data.shdk not in codes.SHDK:
        errors["shdk"] = "Hubungan dalam keluarga (SHDK) wajib dipilih."
    if data.marital_status not in codes.MARITAL_STATUS:
        errors["marital_status"] = "Status kawin tidak dikenal."
    if data.religion not in codes.RELIGION:
        errors["religion"] = "Agama tidak dikenal."
    if data.education is not None and data.education not in codes.EDUCATION:
        errors["education"] = "Pendidikan tidak dikenal."
    if data.is_pregnant and data.sex == 1:
        errors["is_pregnant"] = "Penanda hamil hanya untuk perempuan."
    return errors


def _text_field_errors(data: ResidentInput) -> dict[str, str]:
    """The phone's characters, then control characters and stored length of every text."""
    errors: dict[str, str] = {}
    stored = stored_texts(data)
    phone = stored["phone"].replace("+", "").replace("-", "").replace(" ", "")
    if phone and not (phone.isdigit() and phone.isascii()):
        errors["phone"] = "Nomor HP hanya angka (boleh diawali +)."
    for field, limit in RESIDENT_TEXT_LIMITS.items():
        raw = str(getattr(data, field) or "")
        # Control characters as entered (cleaning drops tabs and line breaks), the length
        # as stored (NFKC and upper case may change it).
        problem = text_problem(raw, len(raw)) or text_problem(stored[field], limit)
        if problem:  # more precise than a format message the field may already have
            errors[field] = f"{FIELD_LABELS[field]} {problem}"
    return errors


def check_resident(data: ResidentInput) -> ResidentCheck:
    """Field errors, warnings, the cleaned NIK and, when the person is kept with a NIK
    to fix (`data.nik_to_fix`), why it needs fixing instead of a NIK error."""
    errors: dict[str, str] = {}
    if not clean_name(data.name):
        errors["name"] = "Nama wajib diisi."
    if data.sex not in codes.SEX:
        errors["sex"] = "Jenis kelamin wajib dipilih."
    if (birth_error := _birth_date_error(data.birth_date)) is not None:
        errors["birth_date"] = birth_error
    errors.update(_coded_field_errors(data))
    errors.update(_text_field_errors(data))
    nik = check_nik(data.nik, data.birth_date, data.sex if data.sex in codes.SEX else None)
    if nik.error is None:
        return ResidentCheck(errors, list(nik.warnings), nik.value)
    if data.nik_to_fix:
        reason = NIK_MISSING if not (data.nik or "").strip() else nik.error
        warning = f"{NIK_TO_FIX}: {reason}"
        return ResidentCheck(errors, [warning], nik_as_written(data.nik), reason)
    errors["nik"] = nik.error
    return ResidentCheck(errors, list(nik.warnings), nik.value)
