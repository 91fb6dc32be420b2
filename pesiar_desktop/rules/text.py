"""Checks every free text a resident record takes, the same for the form, the import and
the CLI, and the same on SQLite (which does not enforce VARCHAR lengths) and PostgreSQL
(which raises on them): too long, or holding control characters / NUL, is refused with
the field named, before any write.

Entering text is normalised first (`nfkc`): fullwidth letters and digits, ligatures and
other compatibility forms become their plain form, so "ＳＩＴＩ" and "SITI" are one name
and a length is checked on what is stored. Identity numbers (NIK, No KK, phone) also take
digits of any script as ASCII digits (`ascii_digits`): "٥٢٠١…" typed on an Arabic
keyboard is 5201…, never stored as it came.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping

# The longest text each resident field holds (models/people.py column lengths).
RESIDENT_TEXT_LIMITS: dict[str, int] = {
    "name": 120,
    "birth_place": 80,
    "phone": 20,
    "father_name": 120,
    "mother_name": 120,
    "employer_name": 160,
}
FIELD_LABELS = {
    "name": "Nama",
    "birth_place": "Tempat lahir",
    "phone": "Nomor HP",
    "father_name": "Nama ayah",
    "mother_name": "Nama ibu",
    "employer_name": "Nama pemberi kerja",
}
# C0 controls (tab and line breaks too: none of these fields spans lines), DEL, C1.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def nfkc(text: str) -> str:
    """Unicode NFKC; ASCII text (nearly all of it) is already normal and returned as is."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def ascii_digits(text: str) -> str:
    """NFKC, then every decimal digit of any script as its ASCII digit (identity numbers)."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else c
        for c in unicodedata.normalize("NFKC", text)
    )


def text_problem(value: str, limit: int) -> str | None:
    """Why `value` cannot be stored in a field of `limit` characters, or None."""
    if CONTROL.search(value):
        return "berisi karakter kendali (mis. NUL atau tab) yang tidak boleh disimpan."
    if len(value) > limit:
        return f"terlalu panjang ({len(value)} karakter, paling banyak {limit})."
    return None


def column_problems(
    values: list[str], limit: int, stored: Callable[[str], str] | None = None
) -> list[int]:
    """Indexes of the values `text_problem` refuses (fast when there are none). `stored`:
    how a value is cleaned before it is stored (upper-casing "ß" makes it longer), applied
    only when the column holds text other than ASCII."""
    if not values:
        return []
    joined = "".join(values)
    if stored is not None and not joined.isascii():
        values = [stored(v) for v in values]
        joined = "".join(values)
    longest = max(map(len, values))
    if longest <= limit and not CONTROL.search(joined):
        return []
    return [i for i, v in enumerate(values) if text_problem(v, limit)]


def text_errors(
    values: Mapping[str, str], limits: Mapping[str, int], labels: Mapping[str, str]
) -> dict[str, str]:
    """Field errors for free texts (as they will be stored) that `text_problem` refuses."""
    errors: dict[str, str] = {}
    for name, value in values.items():
        problem = text_problem(value, limits[name])
        if problem:
            errors[name] = f"{labels[name]} {problem}"
    return errors


# Other records' free texts (models' column lengths; Text columns get a sane bound).
FAMILY_TEXT_LIMITS = {"address": 255}
FAMILY_LABELS = {"address": "Alamat"}
AGENT_TEXT_LIMITS = {
    "name": 120,
    "source_note": 120,
    "position": 120,
    "address": 200,
    "bank_name": 60,
    "bank_account_name": 120,
}
AGENT_LABELS = {
    "name": "Nama agen",
    "source_note": "Keterangan unsur",
    "position": "Jabatan",
    "address": "Alamat",
    "bank_name": "Nama bank",
    "bank_account_name": "Nama pemilik rekening",
}
LETTER_TEXT_LIMITS = {"reason": 500, "remarks": 500}
LETTER_LABELS = {"reason": "Alasan pencabutan", "remarks": "Keterangan"}
