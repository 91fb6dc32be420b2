"""Mobile numbers as the register holds them, in the form a WhatsApp link needs."""

from __future__ import annotations

import pytest

from pesiar_desktop.rules import phone
from pesiar_desktop.rules.phone import normalise_mobile


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("081234567890", "6281234567890"),
        ("0812-3456-7890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("0812.3456.7890", "6281234567890"),
        ("(0812) 3456 7890", "6281234567890"),
        ("  0812 3456 7890  ", "6281234567890"),
        ("0812\u00a03456\u00a07890", "6281234567890"),  # no-break spaces from a web page
        ("+62 812 3456 7890", "6281234567890"),
        ("+62-812-3456-7890", "6281234567890"),
        ("+6281234567890", "6281234567890"),
        ("6281234567890", "6281234567890"),
        ("62 812 3456 7890", "6281234567890"),
        ("0062 812 3456 7890", "6281234567890"),
        ("+62 0812 3456 7890", "6281234567890"),  # trunk 0 kept after the country code
        ("62 0812 3456 7890", "6281234567890"),
        ("81234567890", "6281234567890"),  # the 0 lost in a spreadsheet number cell
        ("0812-3456-789", "628123456789"),  # 12 digits with the 0
        ("0812345678", "62812345678"),  # 10 digits with the 0 (old Telkomsel numbers)
        ("0813 1234 56789", "62813123456789"),  # 13 digits with the 0
        ("0856-4321-0987", "6285643210987"),  # Indosat
        ("0878.1234.5678", "6287812345678"),  # XL
        ("0895 1234 5678", "6289512345678"),  # Tri
        ("0881 2345 6789", "6288123456789"),  # Smartfren
        ("0831 2345 6789", "6283123456789"),  # Axis
        ("0822 9999 0000", "6282299990000"),
    ],
)
def test_mobile_numbers_in_every_written_form(raw, expected):
    check = normalise_mobile(raw)
    assert (check.number, check.problem, check.ok) == (expected, "", True)
    assert check.raw == raw.strip()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", phone.EMPTY),
        ("   ", phone.EMPTY),
        (None, phone.EMPTY),
        ("-", phone.NOT_A_NUMBER),
        ("tidak ada", phone.NOT_A_NUMBER),
        ("0812 3456 7890 (Pak Budi)", phone.NOT_A_NUMBER),  # a note in the field
        ("0812-3456-7890/0813-1111-2222", phone.NOT_A_NUMBER),  # two numbers: not guessed
        ("0812_3456_7890", phone.NOT_A_NUMBER),
        ("0812345", phone.TOO_SHORT),
        ("0812 345 67", phone.TOO_SHORT),
        ("08111", phone.TOO_SHORT),
        ("1234", phone.TOO_SHORT),
        ("0", phone.TOO_SHORT),
        ("+62", phone.TOO_SHORT),
        ("08123456789012", phone.TOO_LONG),
        ("1" * 40, phone.TOO_LONG),
        ("021-5551234", phone.LANDLINE),  # Jakarta
        ("0274 512345", phone.LANDLINE),  # Yogyakarta
        ("+62 21 5551234", phone.LANDLINE),
        ("0800 1234 567", phone.NOT_MOBILE),  # toll-free
        ("+65 9123 4567", phone.FOREIGN),  # Singapore mobile
        ("0060 12 345 6789", phone.FOREIGN),  # Malaysia, with the 00 prefix
    ],
)
def test_refused_numbers_say_why_and_keep_what_was_written(raw, problem):
    check = normalise_mobile(raw)
    assert (check.number, check.problem, check.ok) == ("", problem, False)
    assert check.display == (raw or "").strip()  # shown as written, never guessed


def test_display_form():
    assert normalise_mobile("081234567890").display == "+62 812-3456-7890"
