"""Letters: an operator drafts, only the kepala desa approves; approval numbers and freezes.

On approval, in one transaction: the letter row is locked, the next number of its type and
year is drawn from ``letter_counter`` (insert-if-missing, then an atomic
``UPDATE … SET last_seq = last_seq + 1 … RETURNING``: on PostgreSQL the row lock serialises
concurrent approvals; on SQLite the transaction starts with BEGIN IMMEDIATE so it holds the
write lock before it reads anything), the PDF is rendered, frozen with its SHA-256 and the
QR payload stored. A crash anywhere before the commit leaves the draft and the counter as they
were, so numbers have no gaps and no duplicates. Approved letters are never edited or
renumbered; they can only be revoked with a reason.

QR payload: ``PESIAR|<region code digits>|<number>|<YYYY-MM-DD>|<period>|<short hash>`` where
the period is the assignment's ``YYYYMMDD-YYYYMMDD`` ("-" for a letter without one, the
Pakta) and the short hash the first 16 hex digits of the SHA-256 of the letter's canonical
content (type, number, date, content: the agent, area and period as printed), so a payload
whose number, date, period or hash was changed reads "altered", and any phone's QR reader
shows the true period next to the number. Letters approved before the period was added
carry the five-field payload without it and still verify.

The report writers (reportlab, xlsxwriter) are imported inside the functions that make a
file: listing letters or handing out a stored PDF needs neither (0.1 s per command).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, PesiarError, ValidationError
from pesiar_desktop.models import Agent, Assignment, AssignmentFamily, Letter, LetterCounter
from pesiar_desktop.reportdata.letters import LETTER_TYPES as LETTER_TYPES
from pesiar_desktop.reportdata.letters import (
    SIGNATURE_VARIANTS,
    LetterDoc,
    RegisterEntry,
    office_name_of,
    sha256_of,
)
from pesiar_desktop.reportdata.letters import TYPE_ID_CARD as TYPE_ID_CARD
from pesiar_desktop.reportdata.letters import TYPE_PAKTA as TYPE_PAKTA
from pesiar_desktop.reportdata.letters import TYPE_SK as TYPE_SK
from pesiar_desktop.reportdata.letters import TYPE_SURAT_TUGAS as TYPE_SURAT_TUGAS
from pesiar_desktop.reportdata.village import Letterhead
from pesiar_desktop.rules import agent_codes, numbering
from pesiar_desktop.rules.formatting import long_date
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.rules.text import LETTER_LABELS, LETTER_TEXT_LIMITS, nfkc, text_errors
from pesiar_desktop.services import assignments as assignments_service
from pesiar_desktop.services import audit, events, letter_text, settings, village
from pesiar_desktop.services.context import Actor, require

STATUS_DRAFT = "draft"
STATUS_APPROVED = "approved"
STATUS_REVOKED = "revoked"
STATUS_LABELS = {STATUS_DRAFT: "Konsep", STATUS_APPROVED: "Disetujui", STATUS_REVOKED: "Dicabut"}

VERIFY_VALID = "valid"
VERIFY_REVOKED = "revoked"
VERIFY_UNKNOWN = "unknown"
VERIFY_ALTERED = "altered"
VERIFY_EXPIRED = "expired"  # the period of the assignment has ended
VERIFY_INACTIVE = "inactive"  # the agent was dismissed or the assignment stopped early
VERIFY_LABELS = {
    VERIFY_VALID: "SAH",
    VERIFY_REVOKED: "DICABUT",
    VERIFY_EXPIRED: "KEDALUWARSA",
    VERIFY_INACTIVE: "TIDAK BERLAKU",
    VERIFY_UNKNOWN: "TIDAK DIKENAL",
    VERIFY_ALTERED: "DIUBAH / PALSU",
}
PAYLOAD_PREFIX = "PESIAR"


@dataclass(frozen=True)
class LetterRow:
    id: int
    letter_type: str
    type_label: str
    number: str | None
    status: str
    status_label: str
    letter_date: date | None
    subject: str
    summary: str
    agent_id: int | None
    agent_name: str
    drafted_by: str
    approved_by: str | None
    revoke_reason: str
    reported_on: date | None
    remarks: str


@dataclass(frozen=True)
class VerifyResult:
    """What a verification says: the status, and what the letter in the register says (as
    approved), for the reader to compare with the paper in their hand."""

    status: str  # valid / revoked / expired / inactive / unknown / altered
    message: str
    letter_id: int | None = None
    number: str | None = None
    letter_type: str | None = None
    subject: str = ""
    letter_date: date | None = None
    revoke_reason: str = ""
    agent_name: str = ""
    agent_nik: str = ""  # masked
    area: str = ""
    period_start: date | None = None
    period_end: date | None = None

    @property
    def label(self) -> str:
        return VERIFY_LABELS[self.status]

    @property
    def ok(self) -> bool:
        return self.status == VERIFY_VALID

    @property
    def type_label(self) -> str:
        return LETTER_TYPES.get(self.letter_type or "", self.letter_type or "")

    @property
    def period(self) -> str:
        if self.period_start and self.period_end:
            return _period_text(self.period_start, self.period_end)
        return long_date(self.period_end) if self.period_end else ""

    def fields(self) -> list[tuple[str, str]]:
        """(label, value) lines in the order the window and the CLI show them."""
        if self.letter_id is None:
            return [("Status", self.label)]
        return [
            ("Status", self.label),
            ("Jenis surat", self.type_label),
            ("Nomor", self.number or "-"),
            ("Tanggal", long_date(self.letter_date) or "-"),
            ("Agen", self.agent_name or "-"),
            ("NIK agen", self.agent_nik or "-"),
            ("Wilayah tugas", self.area or "-"),
            ("Masa tugas", self.period or "-"),
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "label": self.label,
            "message": self.message,
            "letter_id": self.letter_id,
            "number": self.number,
            "type": self.letter_type,
            "type_label": self.type_label if self.letter_type else None,
            "subject": self.subject,
            "date": self.letter_date.isoformat() if self.letter_date else None,
            "revoke_reason": self.revoke_reason,
            "agent_name": self.agent_name,
            "agent_nik": self.agent_nik,
            "area": self.area,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
        }


# --- content builders (what a letter says; stored as JSON on the draft) ------------------------


def _agent_snapshot(agent: Agent) -> dict[str, Any]:
    return {
        "id": agent.id,
        "name": agent.name,
        "nik": agent.nik,
        "position": agent.position or "Agen PESIAR",
        "source": agent_codes.source_label(agent.source_category, agent.source_note),
        "address": agent.address,
        "phone": agent.phone,
    }


def _period_text(start: date, end: date) -> str:
    return f"{long_date(start)} s.d. {long_date(end)}"


def _sk_content(
    session: Session, letterhead: Letterhead, chosen: Sequence[Assignment], year: int
) -> dict[str, Any]:
    p = letterhead.profile
    desa = p.title
    labels = assignments_service.area_labels(session, [a.id for a in chosen])
    families = {a.id: n for a, n in _family_counts(session, chosen)}
    agents = []
    for a in chosen:
        agent = session.get(Agent, a.agent_id)
        assert agent is not None
        snap = _agent_snapshot(agent)
        snap.update(area=labels.get(a.id, ""), families=families.get(a.id, 0), assignment_id=a.id)
        agents.append(snap)
    start = min(a.period_start for a in chosen)
    end = max(a.period_end for a in chosen)
    funding = sorted({(a.apbdes_code, a.apbdes_name) for a in chosen if a.apbdes_name})
    funding_text = "; ".join(f"{name} ({code})" if code else name for code, name in funding)
    subject = f"Pengangkatan Agen PESIAR {desa} Tahun {year}"
    return {
        "subject": subject,
        "period": _period_text(start, end),
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "assignment_ids": [a.id for a in chosen],
        # Menimbang, Mengingat and the closing diktum: the village's text (letter_text.apply).
        "diktum": [
            "Mengangkat nama-nama sebagaimana tercantum dalam Lampiran Keputusan ini sebagai "
            f"Agen PESIAR {desa} dengan masa tugas {_period_text(start, end)}.",
            "Agen PESIAR sebagaimana dimaksud dalam Diktum KESATU bertugas: a. memetakan "
            "penduduk yang belum terdaftar atau tidak aktif sebagai peserta JKN; b. menyisir "
            "keluarga binaan dari rumah ke rumah di wilayah tugasnya; c. memberikan advokasi "
            "tentang hak dan kewajiban peserta JKN; d. membantu pendaftaran dan memastikan "
            "iuran pertama dibayar; e. melaporkan hasil pelaksanaan tugas setiap bulan kepada "
            "Kepala Desa.",
            "Agen PESIAR wajib menandatangani Pakta Integritas dan dilarang memungut biaya dalam "
            "bentuk apa pun dari penduduk.",
            "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada "
            f"Anggaran Pendapatan dan Belanja Desa {p.desa_name} Tahun Anggaran {year}"
            + (f", kegiatan {funding_text}." if funding_text else "."),
            letter_text.DEFAULT_CLOSING[TYPE_SK],
        ],
        "tembusan": [
            f"Camat {p.kecamatan_name}",
            "Kepala BPJS Kesehatan Kantor Cabang setempat",
            f"Ketua Badan Permusyawaratan Desa {p.desa_name}",
            "Yang bersangkutan",
        ],
        "agents": agents,
    }


def _family_counts(session: Session, chosen: Sequence[Assignment]) -> list[tuple[Assignment, int]]:
    counts = dict(
        session.execute(
            select(AssignmentFamily.assignment_id, func.count())
            .where(AssignmentFamily.assignment_id.in_([a.id for a in chosen]))
            .group_by(AssignmentFamily.assignment_id)
        ).all()
    )
    return [(a, int(counts.get(a.id, 0))) for a in chosen]


def _tasks(letterhead: Letterhead, a: Assignment, area: str) -> list[str]:
    return [
        "melaksanakan tugas sebagai Agen PESIAR: memetakan penduduk yang belum terdaftar atau "
        "tidak aktif sebagai peserta JKN, menyisir keluarga binaan dari rumah ke rumah, "
        "memberikan advokasi, dan membantu pendaftaran sampai iuran pertama dibayar;",
        f"wilayah tugas: {area or '-'};",
        f"masa tugas: {_period_text(a.period_start, a.period_end)};",
        f"target setiap bulan paling sedikit {a.target_people_per_month} jiwa atau "
        f"{a.target_families_per_month} KK peserta baru yang telah membayar iuran pertama;",
        "tidak memungut biaya dalam bentuk apa pun dari penduduk;",
        f"melaporkan hasil pelaksanaan tugas setiap bulan kepada {office_name_of(letterhead)}.",
    ]


def _surat_tugas_content(
    session: Session, letterhead: Letterhead, a: Assignment, agent: Agent
) -> dict[str, Any]:
    area = assignments_service.area_labels(session, [a.id]).get(a.id, "")
    return {
        "subject": f"Surat Tugas Agen PESIAR a.n. {agent.name}",
        "agent": _agent_snapshot(agent),
        "area": area,
        "period_start": a.period_start.isoformat(),
        "period_end": a.period_end.isoformat(),
        "dasar": _dasar(session, letterhead, a.id),
        "untuk": _tasks(letterhead, a, area),
    }


def _dasar(session: Session, letterhead: Letterhead, assignment_id: int) -> list[str]:
    """The legal basis: the approved SK that lists this assignment, when there is one."""
    office = office_name_of(letterhead)
    items = []
    for sk in session.scalars(
        select(Letter)
        .where(Letter.letter_type == TYPE_SK, Letter.status == STATUS_APPROVED)
        .order_by(Letter.letter_date.desc(), Letter.id.desc())
    ):
        if assignment_id in json.loads(sk.content_json).get("assignment_ids", []):
            items.append(
                f"Keputusan {office} Nomor {sk.number} tanggal {long_date(sk.letter_date)} "
                f"tentang {sk.subject};"
            )
            break
    items.append(
        "Program PESIAR (Petakan, Sisir, Advokasi, Registrasi) BPJS Kesehatan untuk mewujudkan "
        "cakupan kesehatan semesta (Universal Health Coverage) di desa."
    )
    return items


def _pakta_content(letterhead: Letterhead, agent: Agent) -> dict[str, Any]:
    return {
        "subject": f"Pakta Integritas Agen PESIAR a.n. {agent.name}",
        "agent": _agent_snapshot(agent),
        "pernyataan": [
            "akan melaksanakan tugas dengan jujur, bertanggung jawab dan sesuai ketentuan;",
            "tidak akan meminta atau menerima imbalan, hadiah atau pungutan dalam bentuk apa pun "
            "dari penduduk yang saya bantu;",
            "akan menjaga kerahasiaan data pribadi penduduk (NIK, Kartu Keluarga, status "
            "kepesertaan) dan hanya menggunakannya untuk tugas ini;",
            "tidak akan menyalahgunakan Surat Tugas dan Kartu Tanda Agen PESIAR;",
            "akan melaporkan hasil pelaksanaan tugas secara benar setiap bulan;",
            "tidak akan membayarkan iuran JKN penduduk dengan dana desa.",
        ],
        "penutup": letter_text.DEFAULT_CLOSING[TYPE_PAKTA],
    }


def _id_card_content(session: Session, a: Assignment, agent: Agent) -> dict[str, Any]:
    area = assignments_service.area_labels(session, [a.id]).get(a.id, "")
    return {
        "subject": f"Kartu Tanda Agen PESIAR a.n. {agent.name}",
        "agent": _agent_snapshot(agent),
        "area": area,
        "valid_until": a.period_end.isoformat(),
        "period_start": a.period_start.isoformat(),
        "period_end": a.period_end.isoformat(),
    }


# --- drafting ----------------------------------------------------------------------------------------


def _new_letter(
    session: Session,
    actor: Actor,
    letterhead: Letterhead,
    letter_type: str,
    content: dict[str, Any],
    signature_variant: str,
    agent_id: int | None = None,
    assignment_id: int | None = None,
) -> Letter:
    if signature_variant not in SIGNATURE_VARIANTS:
        raise ValidationError({"signature_variant": "Pilih cara penandatanganan dari daftar."})
    content = _with_text(session, letterhead, letter_type, content)
    letter = Letter(
        letter_type=letter_type,
        status=STATUS_DRAFT,
        subject=str(content.get("subject", ""))[:300],
        summary=_summary(letter_type, content),
        content_json=json.dumps(content, ensure_ascii=False, sort_keys=True),
        agent_id=agent_id,
        assignment_id=assignment_id,
        signature_variant=signature_variant,
        paper=settings.get(session, settings.SETTINGS.paper),
        drafted_by=actor.username,
    )
    session.add(letter)
    session.flush()
    audit.record(
        session,
        actor,
        "letter.draft",
        "letter",
        letter.id,
        None,
        {"type": letter_type, "subject": letter.subject},
    )
    return letter


def _with_text(
    session: Session, letterhead: Letterhead, letter_type: str, content: dict[str, Any]
) -> dict[str, Any]:
    """The content with the village's current letter text (Pengaturan › Teks surat)."""
    version = letter_text.current_in(session)
    return letter_text.apply(content, letter_type, version, letterhead.profile.title)


def _summary(letter_type: str, content: dict[str, Any]) -> str:
    if letter_type == TYPE_SK:
        names = [a["name"] for a in content.get("agents", [])]
        return f"Mengangkat {len(names)} Agen PESIAR: {', '.join(names)}"[:1000]
    if letter_type == TYPE_SURAT_TUGAS:
        return f"Menugaskan {content['agent']['name']} di {content.get('area', '')}"
    return str(content.get("subject", ""))


def _assignment_and_agent(session: Session, assignment_id: int) -> tuple[Assignment, Agent]:
    a = session.get(Assignment, assignment_id)
    if a is None:
        raise NotFound("Penugasan tidak ditemukan.")
    agent = session.get(Agent, a.agent_id)
    assert agent is not None
    if not agent.is_active:
        raise PesiarError(f"Agen {agent.name} tidak aktif; surat tidak dibuat.")
    return a, agent


def draft(
    db: Database,
    actor: Actor,
    letter_type: str,
    *,
    assignment_ids: Sequence[int] | None = None,
    agent_id: int | None = None,
    signature_variant: str = "kades",
) -> LetterRow:
    """Draft a letter (no number). SK: ``assignment_ids`` (default: every active assignment);
    Surat Tugas and ID card: one assignment; Pakta Integritas: ``agent_id`` (or an assignment)."""
    require(actor, "letters.draft")
    if letter_type not in LETTER_TYPES:
        raise ValidationError({"letter_type": "Jenis surat tidak dikenal."})
    letterhead = village.letterhead(db)
    with db.transaction() as session:
        year = clock.today().year
        if letter_type == TYPE_SK:
            query = select(Assignment).order_by(Assignment.period_start, Assignment.id)
            if assignment_ids:
                query = query.where(Assignment.id.in_(list(assignment_ids)))
            else:
                query = query.where(Assignment.is_active.is_(True))
            chosen = list(session.scalars(query))
            if not chosen:
                raise PesiarError("Belum ada penugasan agen untuk dimasukkan ke dalam SK.")
            year = max(a.period_start.year for a in chosen)
            letter = _new_letter(
                session,
                actor,
                letterhead,
                TYPE_SK,
                _sk_content(session, letterhead, chosen, year),
                signature_variant,
            )
        elif letter_type == TYPE_PAKTA and agent_id is not None:
            agent = session.get(Agent, agent_id)
            if agent is None:
                raise NotFound("Agen tidak ditemukan.")
            letter = _new_letter(
                session,
                actor,
                letterhead,
                TYPE_PAKTA,
                _pakta_content(letterhead, agent),
                signature_variant,
                agent.id,
            )
        else:
            if not assignment_ids or len(assignment_ids) != 1:
                raise ValidationError({"assignment_id": "Pilih satu penugasan agen."})
            a, agent = _assignment_and_agent(session, assignment_ids[0])
            if letter_type == TYPE_SURAT_TUGAS:
                content = _surat_tugas_content(session, letterhead, a, agent)
            elif letter_type == TYPE_ID_CARD:
                content = _id_card_content(session, a, agent)
            else:
                content = _pakta_content(letterhead, agent)
            letter = _new_letter(
                session, actor, letterhead, letter_type, content, signature_variant, agent.id, a.id
            )
        row = _rows(session, [letter.id])[0]
    events.notify(events.Topic.LETTERS)
    return row


def delete_draft(db: Database, actor: Actor, letter_id: int) -> None:
    require(actor, "letters.draft")
    with db.transaction() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFound("Surat tidak ditemukan.")
        if letter.status != STATUS_DRAFT:
            raise PesiarError("Surat yang sudah disetujui tidak bisa dihapus; cabut dengan alasan.")
        audit.record(
            session, actor, "letter.delete_draft", "letter", letter.id, {"subject": letter.subject}
        )
        session.delete(letter)
    events.notify(events.Topic.LETTERS)


# --- approval ----------------------------------------------------------------------------------------


def _insert_for(session: Session) -> Any:
    """The backend's INSERT with ON CONFLICT (imported here: see models.people)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert
    from sqlalchemy.dialects import sqlite

    return sqlite.insert


def next_sequence(session: Session, letter_type: str, year: int) -> int:
    """Draw the next number of a type and year inside the caller's transaction.

    The counter row is created if missing (``ON CONFLICT DO NOTHING`` is safe when two
    connections race to create it) and incremented atomically; the UPDATE holds the row lock
    (PostgreSQL) or the database write lock (SQLite) until the caller commits or rolls back.
    """
    insert = _insert_for(session)
    session.execute(
        insert(LetterCounter)
        .values(letter_type=letter_type, year=year, last_seq=0)
        .on_conflict_do_nothing()
    )
    seq = session.execute(
        update(LetterCounter)
        .where(LetterCounter.letter_type == letter_type, LetterCounter.year == year)
        .values(last_seq=LetterCounter.last_seq + 1)
        .returning(LetterCounter.last_seq)
    ).scalar_one()
    return int(seq)


def content_hash(letter_type: str, number: str, on: date, content_json: str) -> str:
    canonical = json.dumps(
        {
            "type": letter_type,
            "number": number,
            "date": on.isoformat(),
            "content": json.loads(content_json),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return sha256_of(canonical.encode("utf-8"))


def payload_period(period: tuple[date, date] | None) -> str:
    """The period as the QR carries it: "20260101-20261231", "-" without one."""
    if period is None:
        return "-"
    return f"{period[0]:%Y%m%d}-{period[1]:%Y%m%d}"


def make_payload(
    region_code: str, number: str, on: date, short_hash: str, period: str = "-"
) -> str:
    return "|".join(
        [PAYLOAD_PREFIX, region_code.replace(".", ""), number, on.isoformat(), period, short_hash]
    )


def _kode_desa(session: Session, letterhead: Letterhead) -> str:
    custom = settings.get(session, settings.SETTINGS.kode_desa).strip()
    p = letterhead.profile
    return custom or numbering.default_village_code(p.region_code, p.is_kelurahan)


def _signer(letter: Letter, letterhead: Letterhead, actor: Actor | None) -> tuple[str, str]:
    p = letterhead.profile
    content = json.loads(letter.content_json)
    if letter.signature_variant == "kades":
        return (p.kepala_desa_name or (actor.full_name if actor else "")), ""
    if letter.signature_variant == "an":
        return p.sekretaris_desa_name, ""
    return str(content.get("signer_name", "")), str(content.get("signer_title", ""))


def _doc(
    letter: Letter,
    letterhead: Letterhead,
    photo: bytes | None,
    actor: Actor | None = None,
    content: dict[str, Any] | None = None,
) -> LetterDoc:
    name, title = _signer(letter, letterhead, actor)
    return LetterDoc(
        letter_type=letter.letter_type,
        letterhead=letterhead,
        content=content if content is not None else json.loads(letter.content_json),
        number=letter.number,
        letter_date=letter.letter_date,
        signature_variant=letter.signature_variant,
        signer_name=name,
        signer_title=title,
        paper=letter.paper,
        payload=letter.payload,
        photo=photo,
    )


def approve(db: Database, actor: Actor, letter_id: int, today: date | None = None) -> LetterRow:
    """Number, date, render and freeze a draft; only a kepala desa may do it."""
    require(actor, "letters.approve")
    letterhead = village.letterhead(db)
    on = today or clock.today()
    with db.transaction(immediate=True) as session:
        letter = session.get(Letter, letter_id, with_for_update=True, populate_existing=True)
        if letter is None:
            raise NotFound("Surat tidak ditemukan.")
        if letter.status != STATUS_DRAFT:
            raise PesiarError(
                f"Surat ini sudah {STATUS_LABELS[letter.status].lower()} (nomor {letter.number}); "
                "surat yang disetujui tidak bisa disetujui ulang, diubah atau diberi nomor baru."
            )
        template = settings.get(session, settings.SETTINGS.number_template)
        kode = settings.get(session, settings.LETTER_CODES[letter.letter_type])
        if letter.letter_type == TYPE_SURAT_TUGAS and letter.assignment_id:
            # The legal basis names the SK as it stands now (it may have been approved since).
            content = json.loads(letter.content_json)
            content["dasar"] = _dasar(session, letterhead, letter.assignment_id)
            letter.content_json = json.dumps(content, ensure_ascii=False, sort_keys=True)
        # The letter text as it stands now (it may have been edited since the draft): frozen
        # with the letter and covered by its QR hash, so a later edit changes nothing here.
        letter.content_json = json.dumps(
            _with_text(session, letterhead, letter.letter_type, json.loads(letter.content_json)),
            ensure_ascii=False,
            sort_keys=True,
        )
        seq = next_sequence(session, letter.letter_type, on.year)
        try:
            number = numbering.format_number(
                template, kode=kode, seq=seq, kode_desa=_kode_desa(session, letterhead), on=on
            )
        except numbering.TemplateError as err:
            raise PesiarError(
                f"Templat nomor surat salah: {err} Perbaiki di "
                f"{settings.place(settings.SETTINGS.number_template)}."
            ) from None
        letter.year, letter.seq, letter.number, letter.letter_date = on.year, seq, number, on
        short = content_hash(letter.letter_type, number, on, letter.content_json)[:16]
        letter.payload = make_payload(
            letterhead.profile.region_code,
            number,
            on,
            short,
            payload_period(_content_period(json.loads(letter.content_json))),
        )
        photo = None
        if letter.letter_type == TYPE_ID_CARD and letter.agent_id:
            photo = session.scalar(select(Agent.photo).where(Agent.id == letter.agent_id))
        from pesiar_desktop.reports import letters_pdf

        pdf = letters_pdf.render(_doc(letter, letterhead, photo, actor))
        letter.pdf = pdf
        letter.pdf_sha256 = sha256_of(pdf)
        letter.status = STATUS_APPROVED
        letter.approved_by = actor.username
        letter.approved_at = utcnow()
        try:
            session.flush()
        except IntegrityError:
            raise PesiarError(
                f"Nomor {number} sudah dipakai surat lain. Periksa templat nomor surat dan kode "
                "klasifikasi tiap jenis surat di Pengaturan › Pengaturan umum › Surat: setiap "
                "jenis surat perlu kode yang berbeda."
            ) from None
        audit.record(
            session,
            actor,
            "letter.approve",
            "letter",
            letter.id,
            {"status": STATUS_DRAFT},
            {
                "status": STATUS_APPROVED,
                "number": number,
                "date": on.isoformat(),
                "pdf_sha256": letter.pdf_sha256,
            },
        )
        row = _rows(session, [letter.id])[0]
    events.notify(events.Topic.LETTERS)
    return row


def revoke(db: Database, actor: Actor, letter_id: int, reason: str) -> LetterRow:
    """Revoke an approved letter; its number, date and PDF stay as they were."""
    require(actor, "letters.approve")
    reason = " ".join(nfkc(reason).split())
    if errors := text_errors({"reason": reason}, LETTER_TEXT_LIMITS, LETTER_LABELS):
        raise ValidationError(errors)  # NUL and other control characters, the length
    if len(reason) < 5:
        raise ValidationError({"reason": "Tulis alasan pencabutan (minimal 5 huruf)."})
    with db.transaction(immediate=True) as session:
        letter = session.get(Letter, letter_id, with_for_update=True, populate_existing=True)
        if letter is None:
            raise NotFound("Surat tidak ditemukan.")
        if letter.status != STATUS_APPROVED:
            raise PesiarError("Hanya surat yang sudah disetujui yang bisa dicabut.")
        letter.status = STATUS_REVOKED
        letter.revoked_by = actor.username
        letter.revoked_at = utcnow()
        letter.revoke_reason = reason
        audit.record(
            session,
            actor,
            "letter.revoke",
            "letter",
            letter.id,
            {"status": STATUS_APPROVED},
            {"status": STATUS_REVOKED, "reason": reason},
        )
        row = _rows(session, [letter.id])[0]
    events.notify(events.Topic.LETTERS)
    return row


def set_register_entry(
    db: Database, actor: Actor, letter_id: int, reported_on: date | None, remarks: str
) -> None:
    """Buku Keputusan columns (date reported to the camat, remarks): not the letter itself."""
    require(actor, "letters.draft")
    remarks = nfkc(remarks).strip()
    if errors := text_errors({"remarks": remarks}, LETTER_TEXT_LIMITS, LETTER_LABELS):
        raise ValidationError(errors)
    with db.transaction() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFound("Surat tidak ditemukan.")
        before = {"reported_on": letter.reported_on, "remarks": letter.remarks}
        letter.reported_on = reported_on
        letter.remarks = remarks
        audit.record(
            session,
            actor,
            "letter.register",
            "letter",
            letter.id,
            before,
            {"reported_on": reported_on, "remarks": letter.remarks},
        )
    events.notify(events.Topic.LETTERS)


# --- reading --------------------------------------------------------------------------------------------


def _rows(
    session: Session, ids: Sequence[int] | None = None, letter_type: str | None = None
) -> list[LetterRow]:
    query = (
        select(Letter, Agent.name)
        .outerjoin(Agent, Agent.id == Letter.agent_id)
        .order_by(Letter.id.desc())
    )
    if ids is not None:
        query = query.where(Letter.id.in_(list(ids)))
    if letter_type:
        query = query.where(Letter.letter_type == letter_type)
    return [
        LetterRow(
            letter.id,
            letter.letter_type,
            LETTER_TYPES.get(letter.letter_type, letter.letter_type),
            letter.number,
            letter.status,
            STATUS_LABELS.get(letter.status, letter.status),
            letter.letter_date,
            letter.subject,
            letter.summary,
            letter.agent_id,
            agent_name or "",
            letter.drafted_by,
            letter.approved_by,
            letter.revoke_reason,
            letter.reported_on,
            letter.remarks,
        )
        for letter, agent_name in session.execute(query)
    ]


def list_letters(db: Database, letter_type: str | None = None) -> list[LetterRow]:
    with db.read() as session:
        return _rows(session, letter_type=letter_type)


def get_letter(db: Database, letter_id: int) -> LetterRow:
    with db.read() as session:
        rows = _rows(session, [letter_id])
    if not rows:
        raise NotFound(f"Surat {letter_id} tidak ditemukan.")
    return rows[0]


def pdf_bytes(db: Database, letter_id: int) -> bytes:
    """The frozen PDF of an approved/revoked letter; a draft is rendered now (marked KONSEP)."""
    with db.read() as session:
        letter = session.get(Letter, letter_id)
        if letter is None:
            raise NotFound(f"Surat {letter_id} tidak ditemukan.")
        if letter.status != STATUS_DRAFT:
            assert letter.pdf is not None
            return letter.pdf
        photo = None
        if letter.letter_type == TYPE_ID_CARD and letter.agent_id:
            photo = session.scalar(select(Agent.photo).where(Agent.id == letter.agent_id))
    # A draft shows the letter text it will be approved with: the current version.
    letterhead = village.letterhead(db)
    with db.read() as session:
        content = _with_text(
            session, letterhead, letter.letter_type, json.loads(letter.content_json)
        )
    from pesiar_desktop.reports import letters_pdf

    return letters_pdf.render(_doc(letter, letterhead, photo, content=content))


def sk_preview_pdf(db: Database, text: letter_text.LetterText) -> bytes:
    """An SK draft as it would read with `text` (not saved), for the preview in Pengaturan ›
    Teks surat: the active assignments when there are any, else an SK without agents."""
    letterhead = village.letterhead(db)
    year = clock.today().year
    with db.read() as session:
        chosen = list(
            session.scalars(
                select(Assignment)
                .where(Assignment.is_active.is_(True))
                .order_by(Assignment.period_start, Assignment.id)
            )
        )
        if chosen:
            year = max(a.period_start.year for a in chosen)
            content = _sk_content(session, letterhead, chosen, year)
        else:
            content = {
                "subject": f"Pengangkatan Agen PESIAR {letterhead.profile.title} Tahun {year}",
                "diktum": [letter_text.DEFAULT_CLOSING[TYPE_SK]],
                "agents": [],
            }
        paper = settings.get(session, settings.SETTINGS.paper)
    version = letter_text.Version(-1, text)
    p = letterhead.profile
    doc = LetterDoc(
        letter_type=TYPE_SK,
        letterhead=letterhead,
        content=letter_text.apply(content, TYPE_SK, version, p.title),
        signer_name=p.kepala_desa_name,
        paper=paper,
    )
    from pesiar_desktop.reports import letters_pdf

    return letters_pdf.render(doc)


def card_sheet_pdf(db: Database, letter_ids: Sequence[int]) -> bytes:
    """Approved ID cards ten to an A4 sheet with cut marks (fronts, then backs for duplex),
    drawn from each card's stored content, number and QR payload."""
    docs = []
    letterhead = village.letterhead(db)
    with db.read() as session:
        for letter_id in letter_ids:
            letter = session.get(Letter, letter_id)
            if letter is None or letter.letter_type != TYPE_ID_CARD:
                raise NotFound(f"Kartu agen {letter_id} tidak ditemukan.")
            if letter.status != STATUS_APPROVED:
                raise PesiarError(
                    f"Kartu {letter.number or letter_id} belum disetujui atau sudah dicabut: "
                    "tidak dicetak."
                )
            photo = session.scalar(select(Agent.photo).where(Agent.id == letter.agent_id))
            docs.append(_doc(letter, letterhead, photo))
    if not docs:
        raise ValidationError({"letters": "Pilih sedikitnya satu kartu agen."})
    from pesiar_desktop.reports import idcard_pdf

    return idcard_pdf.render_card_sheet(docs)


def approved_card_ids(db: Database) -> list[int]:
    """Every approved (not revoked) agent ID card, newest first: what the A4 sheet prints
    when no card is chosen."""
    with db.read() as session:
        return list(
            session.scalars(
                select(Letter.id)
                .where(Letter.letter_type == TYPE_ID_CARD, Letter.status == STATUS_APPROVED)
                .order_by(Letter.letter_date.desc(), Letter.id.desc())
            )
        )


def verify_guide_pdf(db: Database) -> bytes:
    """The one-page "Cara memeriksa keaslian surat dan kartu agen" for residents."""
    from pesiar_desktop.reports import verify_guide_pdf as verify_guide

    return verify_guide.render(village.letterhead(db), settings.read(db, settings.SETTINGS.paper))


# --- verification -----------------------------------------------------------------------------------------


def _content_period(content: dict[str, Any]) -> tuple[date, date] | None:
    """The period a letter states (stored since the QR binds it; None for older letters and
    for letters without one)."""
    start, end = content.get("period_start"), content.get("period_end")
    if not start or not end:
        return None
    return date.fromisoformat(str(start)), date.fromisoformat(str(end))


@dataclass(frozen=True)
class _Said:
    """What an approved letter says about its agent, area and period: the letter's own
    content first (what was printed), the register for letters approved before the content
    kept the period."""

    agent: Agent | None
    assignment: Assignment | None
    agent_name: str
    agent_nik: str
    area: str
    period: tuple[date, date] | None


def _said(session: Session, letter: Letter) -> _Said:
    content = json.loads(letter.content_json)
    assignment = session.get(Assignment, letter.assignment_id) if letter.assignment_id else None
    agent_id = letter.agent_id or (assignment.agent_id if assignment else None)
    agent = session.get(Agent, agent_id) if agent_id else None
    snap = content.get("agent") or {}
    name = str(snap.get("name") or (agent.name if agent else ""))
    nik = str(snap.get("nik") or (agent.nik if agent else ""))
    area = str(content.get("area", ""))
    if not area and assignment is not None:
        area = assignments_service.area_labels(session, [assignment.id]).get(assignment.id, "")
    if letter.letter_type == TYPE_SK:
        listed = len(content.get("agents", []))
        area = f"{listed} agen, wilayah masing-masing dalam lampiran" if listed else area
    period = _content_period(content)
    if period is None and assignment is not None:
        period = (assignment.period_start, assignment.period_end)
    return _Said(agent, assignment, name, mask_nik(nik) if nik else "", area, period)


def _result(
    status: str, message: str, letter: Letter | None = None, said: _Said | None = None
) -> VerifyResult:
    if letter is None:
        return VerifyResult(status, message)
    return VerifyResult(
        status,
        message,
        letter.id,
        letter.number,
        letter.letter_type,
        letter.subject,
        letter.letter_date,
        letter.revoke_reason,
        agent_name=said.agent_name if said else "",
        agent_nik=said.agent_nik if said else "",
        area=said.area if said else "",
        period_start=said.period[0] if said and said.period else None,
        period_end=said.period[1] if said and said.period else None,
    )


def _standing(said: _Said) -> tuple[str, str] | None:
    """Whether a letter about an agent still holds today: (status, message) when it does
    not, None when it does (or says nothing about an agent's work). The letter holds for the
    period it states, and never past the assignment's own end in the register."""
    agent, assignment = said.agent, said.assignment
    if agent is not None and not agent.is_active:
        return VERIFY_INACTIVE, f"Agen {agent.name} sudah diberhentikan (tidak aktif)."
    if assignment is not None and not assignment.is_active:
        return (
            VERIFY_INACTIVE,
            "Penugasan agen ini sudah dihentikan sebelum masa tugasnya berakhir.",
        )
    ends = [said.period[1]] if said.period else []
    if assignment is not None:
        ends.append(assignment.period_end)
    if ends and min(ends) < clock.today():
        return VERIFY_EXPIRED, f"Masa tugas berakhir {long_date(min(ends))}."
    return None


def _who_and_when(said: _Said) -> str:
    """ "Agen Siti Aminah (NIK 5201…0001); masa tugas …; wilayah …" as the letter states them
    (the true period and area, to compare with the printout)."""
    parts = []
    if said.agent_name:
        nik = f" (NIK {said.agent_nik})" if said.agent_nik else ""
        parts.append(f"Agen {said.agent_name}{nik}")
    if said.period:
        parts.append(f"masa tugas {_period_text(*said.period)}")
    if said.area:
        parts.append(f"wilayah {said.area}")
    return "; ".join(parts)


def _status_of(letter: Letter, session: Session) -> VerifyResult:
    said = _said(session, letter)
    if letter.pdf is None or letter.pdf_sha256 != sha256_of(letter.pdf):
        return _result(
            VERIFY_ALTERED,
            "Berkas surat yang tersimpan tidak cocok dengan sidik (hash) saat disetujui.",
            letter,
            said,
        )
    if letter.status == STATUS_REVOKED:
        return _result(
            VERIFY_REVOKED,
            f"Surat nomor {letter.number} sudah DICABUT ({letter.revoke_reason}); jangan dipakai.",
            letter,
            said,
        )
    kind = LETTER_TYPES.get(letter.letter_type, letter.letter_type)
    message = (
        f"{kind} nomor {letter.number} tanggal {long_date(letter.letter_date)}: {letter.subject}; "
        f"tercatat disetujui {letter.approved_by}."
    )
    who = _who_and_when(said)
    if who:
        message += f" {who}."
    standing = _standing(said)
    if standing is not None:
        status, why = standing
        return _result(status, f"{VERIFY_LABELS[status]}: {why} {message}", letter, said)
    return _result(VERIFY_VALID, message, letter, said)


def verify(db: Database, payload_or_number: str) -> VerifyResult:
    """Check a scanned QR payload or a typed letter number against the register."""
    text = payload_or_number.strip()
    if not text:
        return _result(VERIFY_UNKNOWN, "Tulis nomor surat atau pindai kode QR-nya.")
    with db.read() as session:
        if text.upper().startswith(PAYLOAD_PREFIX + "|"):
            return _verify_payload(db, session, text)
        letter = _find(session, text)
        if letter is None:
            return _result(VERIFY_UNKNOWN, f"Nomor {text} tidak ada dalam buku surat desa ini.")
        return _status_of(letter, session)


def _verify_payload(db: Database, session: Session, text: str) -> VerifyResult:
    parts = text.split("|")
    if len(parts) == 5:  # approved before the period was added to the QR
        _prefix, region, number, on_text, short = parts
    elif len(parts) == 6:
        _prefix, region, number, on_text, _period, short = parts
    else:
        return _result(VERIFY_UNKNOWN, "Isi kode QR tidak dikenali sebagai surat PESIAR Desktop.")
    profile_region = village.letterhead(db).profile.region_code.replace(".", "")
    if region != profile_region:
        return _result(
            VERIFY_UNKNOWN,
            f"Kode QR ini dari desa lain (kode wilayah {region}); periksa di desa penerbitnya.",
        )
    letter = _find(session, number)
    if letter is None:
        return _result(VERIFY_UNKNOWN, f"Nomor {number} tidak ada dalam buku surat desa ini.")
    assert letter.letter_date is not None and letter.number is not None
    expected = content_hash(
        letter.letter_type, letter.number, letter.letter_date, letter.content_json
    )[:16]
    if (
        on_text != letter.letter_date.isoformat()
        or short.lower() != expected
        or letter.payload != text
    ):
        said = _said(session, letter)
        truth = _who_and_when(said)
        return _result(
            VERIFY_ALTERED,
            f"Kode QR tidak cocok dengan surat nomor {number} yang tercatat: tanggal, masa "
            "tugas atau sidiknya berbeda. Surat ini kemungkinan diubah atau palsu."
            + (f" Yang tercatat: {truth}." if truth else ""),
            letter,
            said,
        )
    # The whole payload equals the stored one, so the period it shows is the letter's.
    return _status_of(letter, session)


def _find(session: Session, number: str) -> Letter | None:
    """A number as typed: case and spaces do not matter ("094 / 001 / ds-2005/xi/2026")."""
    typed = "".join(number.split()).upper()
    return session.scalar(
        select(Letter).where(func.upper(Letter.number) == typed, Letter.status != STATUS_DRAFT)
    )


def verify_pdf(db: Database, data: bytes) -> VerifyResult:
    """Check a PDF file: it must be byte for byte the frozen PDF of an approved letter."""
    digest = sha256_of(data)
    with db.read() as session:
        letter = session.scalar(select(Letter).where(Letter.pdf_sha256 == digest))
        if letter is None:
            return _result(
                VERIFY_UNKNOWN,
                "Berkas PDF ini tidak sama dengan surat mana pun yang disetujui (mungkin diubah).",
            )
        return _status_of(letter, session)


def register_rows(db: Database, year: int | None = None) -> list[LetterRow]:
    """Buku Keputusan Kepala Desa: approved and revoked SKs, oldest first."""
    with db.read() as session:
        rows = [r for r in _rows(session, letter_type=TYPE_SK) if r.status != STATUS_DRAFT]
    if year is not None:
        rows = [r for r in rows if r.letter_date and r.letter_date.year == year]
    return sorted(rows, key=lambda r: (r.letter_date or date.min, r.number or ""))


def export_register(db: Database, path: Path | str, year: int | None = None) -> Path:
    """The Buku Keputusan Kepala Desa (all years, or one) as .xlsx; returns the path."""
    entries = [
        RegisterEntry(
            r.number,
            r.letter_date,
            r.subject,
            r.summary,
            r.reported_on,
            r.remarks,
            r.status == STATUS_REVOKED,
            r.revoke_reason,
        )
        for r in register_rows(db, year)
    ]
    from pesiar_desktop.reports import letter_register_xlsx

    return letter_register_xlsx.export(entries, village.get_profile(db), path, year)


def counters(db: Database) -> dict[tuple[str, int], int]:
    with db.read() as session:
        return {(c.letter_type, c.year): c.last_seq for c in session.scalars(select(LetterCounter))}
