"""A resident's JKN membership as a form or a membership list gives it, its checks, and
the rule for what is stored (used by the membership writer and the list importers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pesiar_desktop.rules import codes


@dataclass
class MembershipInput:
    status: str = codes.STATUS_NOT_REGISTERED
    segment: str | None = None
    card_number: str = ""
    jkn_class: int | None = None
    fktp_code: str = ""
    months_in_arrears: int = 0
    as_of: date | None = None


def validate_membership(data: MembershipInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.status not in codes.MEMBERSHIP_STATUS:
        errors["jkn_status"] = "Status JKN tidak dikenal."
        return errors
    registered = data.status in codes.REGISTERED_STATUSES
    if registered and data.segment not in codes.SEGMENTS:
        errors["segment"] = "Segmen wajib dipilih untuk peserta JKN."
    if data.segment is not None and data.segment not in codes.SEGMENTS:
        errors["segment"] = "Segmen tidak dikenal."
    card = data.card_number.strip()
    if card and (not card.isdigit() or len(card) != 13):
        errors["card_number"] = "Nomor kartu JKN harus 13 digit angka."
    if data.jkn_class is not None and data.jkn_class not in codes.JKN_CLASS:
        errors["jkn_class"] = "Kelas harus I, II atau III."
    if data.fktp_code.strip() and len(data.fktp_code.strip()) != 8:
        errors["fktp_code"] = "Kode FKTP terdiri dari 8 karakter."
    if data.months_in_arrears < 0 or data.months_in_arrears > 240:
        errors["months_in_arrears"] = "Jumlah bulan tunggakan tidak wajar."
    if data.status == codes.STATUS_ARREARS and data.months_in_arrears < 1:
        errors["months_in_arrears"] = "Isi jumlah bulan tunggakan (minimal 1)."
    return errors


def stored_values(
    status: str,
    segment: str | None,
    card_number: str,
    jkn_class: int | None,
    fktp_code: str,
    months_in_arrears: int,
) -> dict[str, Any]:
    """The state columns as stored: cleaned, and only what the status allows."""
    registered = status in codes.REGISTERED_STATUSES
    return {
        "card_number": card_number.strip(),
        "segment": segment if registered or status == codes.STATUS_ENDED else None,
        "status": status,
        "jkn_class": jkn_class if registered else None,
        "fktp_code": fktp_code.strip().upper(),
        "months_in_arrears": months_in_arrears if registered else 0,
    }
