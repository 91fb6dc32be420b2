"""The letters the kepala desa signs, as the PDFs print them, and the Buku Keputusan.

The letters service builds a ``LetterDoc`` from the letter's stored content;
``reports.letters_pdf`` renders it.
"""

from __future__ import annotations

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
