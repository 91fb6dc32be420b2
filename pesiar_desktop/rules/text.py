"""Checks every free text a resident record takes, the same for the form, the import and
the CLI, and the same on SQLite (which does not enforce VARCHAR lengths) and PostgreSQL
(which raises on them): too long, or holding control characters / NUL, is refused with
the field named, before any write.
"""

from __future__ import annotations

import re

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


def text_problem(value: str, limit: int) -> str | None:
    """Why `value` cannot be stored in a field of `limit` characters, or None."""
    if CONTROL.search(value):
        return "berisi karakter kendali (mis. NUL atau tab) yang tidak boleh disimpan."
    if len(value) > limit:
        return f"terlalu panjang ({len(value)} karakter, paling banyak {limit})."
    return None


def column_problems(values: list[str], limit: int) -> list[int]:
    """Indexes of the values `text_problem` refuses (fast when there are none)."""
    if not values:
        return []
    longest = max(map(len, values))
    if longest <= limit and not CONTROL.search("".join(values)):
        return []
    return [i for i, v in enumerate(values) if text_problem(v, limit)]
