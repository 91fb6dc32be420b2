"""Indonesian mobile numbers in the international form WhatsApp links need (62812…).

The register keeps phone numbers as people wrote them: "0812-3456-7890", "+62 812 3456
7890", "62812…", "812…" (the leading 0 lost in a spreadsheet), with dots or brackets.
`normalise_mobile` turns any of these into digits only with the country code (the form
`https://wa.me/<number>` takes), or says why it cannot: a missing, landline-looking, too
short or too long number, a foreign one, or two numbers in one field. It never guesses:
the kader sees the number as written and the reason.

Whether a number is an Indonesian *mobile* number of a plausible length is Google's
libphonenumber's rule (the `phonenumbers` package, its metadata kept up to date with the
numbering plan), not a prefix table kept here. Only the country-code spellings people use
in Indonesia (a bare "62…", "0062…", "+62 0812…") are settled before it is asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType, ValidationResult

from pesiar_desktop.rules.text import ascii_digits

COUNTRY_CODE = 62
REGION = "ID"

# Separators people type inside a number; anything else (letters, "/", ",") is refused.
_SEPARATORS = re.compile(r"[\s\-.()\u00a0]+")
_MOBILE_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})

EMPTY = "belum diisi"
NOT_A_NUMBER = "bukan nomor telepon (hanya angka, spasi, tanda - . ( ) dan + di depan)"
TOO_SHORT = "terlalu pendek"
TOO_LONG = "terlalu panjang"
FOREIGN = "bukan nomor Indonesia"
LANDLINE = "nomor telepon rumah/kantor, bukan nomor HP"
NOT_MOBILE = "bukan nomor HP Indonesia yang dikenal"


@dataclass(frozen=True)
class PhoneCheck:
    """A number as written, its international form ("" when refused) and the reason."""

    raw: str
    number: str = ""  # 6281234567890: digits only, with the country code
    problem: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.number)

    @property
    def display(self) -> str:
        """+62 812-3456-7890, or the number as written when it was refused."""
        if not self.number:
            return self.raw.strip()
        parsed = phonenumbers.parse("+" + self.number)
        return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def _international(digits: str) -> str:
    """Digits written without "+" as "+62…": "0062…" and "62…" carry the country code;
    anything else is the national form, its trunk 0 written ("08…") or lost ("8…", a number
    cell in a spreadsheet). A foreign number is always written with "+" or "00"."""
    if digits.startswith("00"):
        return "+" + digits[2:]
    if digits.startswith("62"):
        return "+" + digits
    return "+62" + digits.removeprefix("0")


def normalise_mobile(raw: str | None) -> PhoneCheck:
    """An Indonesian mobile number as 62xxxxxxxxx, or the reason it is refused."""
    text = (raw or "").strip()
    if not text:
        return PhoneCheck(text, problem=EMPTY)
    compact = _SEPARATORS.sub("", ascii_digits(text))  # "٠٨١٢…" is 0812…
    plus = compact.startswith("+")
    digits = compact[1:] if plus else compact
    if not digits.isdigit() or not digits.isascii():
        return PhoneCheck(text, problem=NOT_A_NUMBER)
    candidate = "+" + digits if plus else _international(digits)
    if candidate.startswith("+620"):
        candidate = "+62" + candidate[4:]  # "+62 0812…": the trunk 0 kept after the code
    try:
        parsed = phonenumbers.parse(candidate, None)
    except NumberParseException as err:  # digits only by now: too few of them, or too many
        too_long = err.error_type == NumberParseException.TOO_LONG
        return PhoneCheck(text, problem=TOO_LONG if too_long else TOO_SHORT)
    if parsed.country_code != COUNTRY_CODE:
        return PhoneCheck(text, problem=FOREIGN)
    kind = phonenumbers.number_type(parsed)
    if phonenumbers.is_valid_number(parsed) and kind in _MOBILE_TYPES:
        return PhoneCheck(text, phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.E164)[1:])  # fmt: skip
    if kind == PhoneNumberType.FIXED_LINE:
        return PhoneCheck(text, problem=LANDLINE)
    length = phonenumbers.is_possible_number_for_type_with_reason(parsed, PhoneNumberType.MOBILE)
    if length == ValidationResult.TOO_SHORT:
        return PhoneCheck(text, problem=TOO_SHORT)
    if length == ValidationResult.TOO_LONG:
        return PhoneCheck(text, problem=TOO_LONG)
    return PhoneCheck(text, problem=NOT_MOBILE)
