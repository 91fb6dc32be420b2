"""The letter text the village adjusts: the SK's Menimbang and Mengingat, and closing lines.

Kept as versions (table ``letter_text``): every save adds a row with who and when, and is
audited; the highest version is current, no row means the built-in text (version 0). A
letter copies the current text into its own content when it is drafted and again when it is
approved (``apply``), with the version number; the approved content is what the QR hash
covers, so editing the text later never changes an approved letter or its verification.

Items may name the village and the subject with ``{desa}`` and ``{judul}`` (filled in when a
letter is made); other braces are refused so a typo does not reach a signed letter.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import LetterText as LetterTextRow
from pesiar_desktop.reportdata.letters import TYPE_PAKTA, TYPE_SK, TYPE_SURAT_TUGAS
from pesiar_desktop.services import audit, events
from pesiar_desktop.services.context import Actor, require

MAX_ITEM = 600  # characters in one Menimbang/Mengingat item or closing line
MAX_ITEMS = 15  # items in one list (a..o): a longer list belongs in an attachment
PLACEHOLDERS = ("desa", "judul")
_BRACED = re.compile(r"\{([^{}]*)\}")

# Which letters have a closing line the village may word, in the order the tab shows them.
CLOSING_TYPES = (TYPE_SK, TYPE_SURAT_TUGAS, TYPE_PAKTA)

DEFAULT_MENIMBANG = (
    "bahwa dalam rangka mewujudkan cakupan kesehatan semesta (Universal Health Coverage) "
    "bagi seluruh penduduk {desa} melalui program Jaminan Kesehatan Nasional, perlu "
    "dilaksanakan program PESIAR (Petakan, Sisir, Advokasi, Registrasi) bersama BPJS "
    "Kesehatan;",
    "bahwa untuk melaksanakan program sebagaimana dimaksud pada huruf a, perlu mengangkat "
    "Agen PESIAR yang bertugas memetakan, menyisir, mengadvokasi dan mendaftarkan "
    "penduduk sebagai peserta Jaminan Kesehatan Nasional;",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a dan huruf b, perlu "
    "menetapkan Keputusan Kepala Desa tentang {judul};",
)
DEFAULT_MENGINGAT = (
    "Undang-Undang Nomor 40 Tahun 2004 tentang Sistem Jaminan Sosial Nasional;",
    "Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara Jaminan Sosial;",
    "Undang-Undang Nomor 6 Tahun 2014 tentang Desa sebagaimana telah beberapa kali "
    "diubah, terakhir dengan Undang-Undang Nomor 3 Tahun 2024;",
    "Peraturan Presiden Nomor 82 Tahun 2018 tentang Jaminan Kesehatan sebagaimana telah "
    "beberapa kali diubah, terakhir dengan Peraturan Presiden Nomor 59 Tahun 2024;",
    "Peraturan Menteri Dalam Negeri Nomor 111 Tahun 2014 tentang Pedoman Teknis Peraturan di Desa;",
    # Dana Desa pays the agents: the rule on what Dana Desa may be spent on this year.
    "Peraturan Menteri Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi Nomor 2 Tahun "
    "2024 tentang Petunjuk Operasional atas Fokus Penggunaan Dana Desa Tahun 2025;",
)
DEFAULT_CLOSING = {
    TYPE_SK: "Keputusan ini mulai berlaku pada tanggal ditetapkan, dengan ketentuan apabila di "
    "kemudian hari terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya.",
    TYPE_SURAT_TUGAS: "Demikian Surat Tugas ini dibuat untuk dilaksanakan dengan penuh "
    "tanggung jawab.",
    TYPE_PAKTA: "Apabila saya melanggar pernyataan ini, saya bersedia diberhentikan sebagai "
    "Agen PESIAR dan dikenakan sanksi sesuai ketentuan peraturan perundang-undangan.",
}


@dataclass(frozen=True)
class LetterText:
    """The adjustable text: the SK's lists and one closing line per letter type."""

    menimbang: tuple[str, ...] = DEFAULT_MENIMBANG
    mengingat: tuple[str, ...] = DEFAULT_MENGINGAT
    closing: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_CLOSING))

    def as_dict(self) -> dict[str, Any]:
        return {
            "menimbang": list(self.menimbang),
            "mengingat": list(self.mengingat),
            "closing": {t: self.closing.get(t, DEFAULT_CLOSING[t]) for t in CLOSING_TYPES},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LetterText:
        closing = dict(DEFAULT_CLOSING)
        closing.update({str(k): str(v) for k, v in dict(data.get("closing", {})).items()})
        return cls(
            tuple(str(x) for x in data.get("menimbang", DEFAULT_MENIMBANG)),
            tuple(str(x) for x in data.get("mengingat", DEFAULT_MENGINGAT)),
            closing,
        )


@dataclass(frozen=True)
class Version:
    version: int  # 0: the built-in text, never saved
    text: LetterText
    created_by: str = ""
    created_at: datetime | None = None


# --- validation ----------------------------------------------------------------------------------


def _clean(value: str) -> str:
    """Spaces squeezed; line breaks inside an item become spaces (an item is one paragraph)."""
    return " ".join(value.split())


def problem(value: str) -> str | None:
    """What is wrong with one item or closing line (None when it is fine)."""
    if any(unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r" for ch in value):
        return "Ada karakter kendali yang tidak terlihat; ketik ulang teksnya."
    text = _clean(value)
    if not text:
        return "Tidak boleh kosong; hapus barisnya bila tidak dipakai."
    if len(text) > MAX_ITEM:
        return f"Terlalu panjang ({len(text)} huruf, paling banyak {MAX_ITEM})."
    unknown = [m for m in _BRACED.findall(text) if m not in PLACEHOLDERS]
    if unknown or text.count("{") != text.count("}"):
        names = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        return f"Kurung kurawal hanya untuk {names}."
    return None


def validate(text: LetterText) -> LetterText:
    """The text cleaned, or ValidationError with a message per field ("menimbang.2",
    "mengingat", "closing.SK", …; list positions count from 1)."""
    errors: dict[str, str] = {}
    lists: dict[str, tuple[str, ...]] = {}
    for name, items in (("menimbang", text.menimbang), ("mengingat", text.mengingat)):
        if not items:
            errors[name] = "Isi sedikitnya satu butir."
        elif len(items) > MAX_ITEMS:
            errors[name] = f"Paling banyak {MAX_ITEMS} butir."
        for n, item in enumerate(items, 1):
            why = problem(item)
            if why:
                errors[f"{name}.{n}"] = f"Butir {n}: {why}"
        lists[name] = tuple(_clean(i) for i in items)
    closing = {}
    for letter_type in CLOSING_TYPES:
        line = text.closing.get(letter_type, DEFAULT_CLOSING[letter_type])
        why = problem(line)
        if why:
            errors[f"closing.{letter_type}"] = why
        closing[letter_type] = _clean(line)
    if errors:
        raise ValidationError(errors)
    return LetterText(lists["menimbang"], lists["mengingat"], closing)


# --- reading and saving ----------------------------------------------------------------------------


def _version_of(row: LetterTextRow | None) -> Version:
    if row is None:
        return Version(0, LetterText())
    return Version(
        row.version,
        LetterText.from_dict(json.loads(row.content_json)),
        row.created_by,
        row.created_at,
    )


def current_in(session: Session) -> Version:
    row = session.scalar(select(LetterTextRow).order_by(LetterTextRow.version.desc()).limit(1))
    return _version_of(row)


def current(db: Database) -> Version:
    with db.read() as session:
        return current_in(session)


def history(db: Database) -> list[Version]:
    """Every saved version, newest first."""
    with db.read() as session:
        rows = session.scalars(select(LetterTextRow).order_by(LetterTextRow.version.desc()))
        return [_version_of(r) for r in rows]


def save(db: Database, actor: Actor, text: LetterText) -> Version:
    """Save the text as a new version (admins only); an unchanged text saves nothing."""
    require(actor, "settings.edit")
    cleaned = validate(text)
    with db.transaction(immediate=True) as session:
        before = current_in(session)
        if before.text.as_dict() == cleaned.as_dict():
            return before
        number = int(session.scalar(select(func.max(LetterTextRow.version))) or 0) + 1
        row = LetterTextRow(
            version=number,
            content_json=json.dumps(cleaned.as_dict(), ensure_ascii=False, sort_keys=True),
            created_by=actor.username,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            actor,
            "letter_text.save",
            "letter_text",
            row.id,
            {"version": before.version, **before.text.as_dict()},
            {"version": number, **cleaned.as_dict()},
        )
        saved = _version_of(row)
    events.notify(events.Topic.LETTERS)
    return saved


# --- putting the text into a letter ------------------------------------------------------------------


def fill(item: str, values: Mapping[str, str]) -> str:
    """``{desa}``/``{judul}`` replaced; anything else left as typed."""
    return _BRACED.sub(lambda m: values.get(m.group(1), m.group(0)), item)


def apply(content: dict[str, Any], letter_type: str, version: Version, desa: str) -> dict[str, Any]:
    """A letter's content with the village's text in it (a new dict), and the version used."""
    out = dict(content)
    text = version.text
    values = {"desa": desa, "judul": str(content.get("subject", ""))}
    closing = fill(text.closing.get(letter_type, DEFAULT_CLOSING.get(letter_type, "")), values)
    if letter_type == TYPE_SK:
        out["menimbang"] = [fill(i, values) for i in text.menimbang]
        out["mengingat"] = [fill(i, values) for i in text.mengingat]
        # The SK's closing is its last diktum (when it takes effect).
        decisions: Sequence[str] = content.get("diktum", [])
        out["diktum"] = [*decisions[:-1], closing] if decisions else [closing]
    elif letter_type in (TYPE_SURAT_TUGAS, TYPE_PAKTA):
        out["penutup"] = closing
    else:
        return out
    out["text_version"] = version.version
    return out
