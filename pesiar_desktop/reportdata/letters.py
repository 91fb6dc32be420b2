"""The letters the kepala desa signs, as the PDFs print them, and the Buku Keputusan.

The letters service builds a ``LetterDoc`` from the letter's stored content;
``reports.letters_pdf`` renders it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from pesiar_desktop.reportdata.village import Letterhead

TYPE_SK = "SK"
TYPE_SURAT_TUGAS = "SURAT_TUGAS"
TYPE_PAKTA = "PAKTA"
TYPE_ID_CARD = "ID_CARD"
LETTER_TYPES = {
    TYPE_SK: "SK Kepala Desa (pengangkatan Agen PESIAR)",
    TYPE_SURAT_TUGAS: "Surat Tugas Agen PESIAR",
    TYPE_PAKTA: "Pakta Integritas Agen PESIAR",
    TYPE_ID_CARD: "Kartu Tanda Agen PESIAR",
}
DRAFT_NUMBER = "……/……/……/……/……"
# Who signs (kept in the letter; the signature block prints it).
SIGNATURE_VARIANTS = {
    "kades": "Kepala Desa menandatangani",
    "an": "a.n. Kepala Desa, Sekretaris Desa menandatangani",
    "ub": "a.n. Kepala Desa u.b. pejabat yang ditunjuk",
}


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of some bytes (the frozen PDF of an approved letter, a logo)."""
    return hashlib.sha256(data).hexdigest()


def office_name_of(letterhead: Letterhead) -> str:
    """ "Kepala Desa Suka Makmur" ("Lurah …" for a kelurahan)."""
    p = letterhead.profile
    return f"{'Lurah' if p.is_kelurahan else 'Kepala Desa'} {p.desa_name}"


@dataclass(frozen=True)
class LetterDoc:
    """Everything a letter shows. ``content`` is the letter's stored JSON (type-specific)."""

    letter_type: str
    letterhead: Letterhead
    content: dict[str, Any]
    number: str | None = None  # None: a draft
    letter_date: date | None = None
    signature_variant: str = "kades"
    signer_name: str = ""
    signer_title: str = ""
    paper: str = "A4"
    payload: str | None = None  # QR text (approved letters)
    photo: bytes | None = None  # ID card

    @property
    def is_draft(self) -> bool:
        return self.number is None

    @property
    def shown_number(self) -> str:
        return self.number or DRAFT_NUMBER


@dataclass(frozen=True)
class RegisterEntry:
    """One SK in the Buku Keputusan Kepala Desa (approved, or revoked with its reason)."""

    number: str | None
    letter_date: date | None
    subject: str
    summary: str
    reported_on: date | None
    remarks: str
    revoked: bool
    revoke_reason: str
