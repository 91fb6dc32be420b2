"""The Agen PESIAR register: identity, source, contact, bank account, photo, pakta integritas."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, ValidationError
from pesiar_desktop.models import Agent, Family, Resident, Rt
from pesiar_desktop.rules import agent_codes, codes
from pesiar_desktop.rules import nik as nik_rules
from pesiar_desktop.rules.text import (
    AGENT_LABELS,
    AGENT_TEXT_LIMITS,
    ascii_digits,
    nfkc,
    text_errors,
)
from pesiar_desktop.services import audit, events
from pesiar_desktop.services.context import Actor, require

MAX_PHOTO_BYTES = 2_000_000
_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{6,18}$")
_ACCOUNT = re.compile(r"^[0-9][0-9 \-.]{3,28}$")


@dataclass
class AgentInput:
    name: str = ""
    source_category: str = ""
    resident_id: int | None = None
    nik: str = ""
    source_note: str = ""
    position: str = "Agen PESIAR"
    phone: str = ""
    address: str = ""
    bank_name: str = ""
    bank_account: str = ""
    bank_account_name: str = ""
    integrity_pact_date: date | None = None
    is_active: bool = True


@dataclass(frozen=True)
class AgentRow:
    id: int
    name: str
    nik: str
    source_category: str
    source_label: str
    phone: str
    address: str
    bank_name: str
    bank_account: str
    integrity_pact_date: date | None
    is_active: bool
    resident_id: int | None
    has_photo: bool


def _row(agent: Agent) -> AgentRow:
    return AgentRow(
        agent.id,
        agent.name,
        agent.nik,
        agent.source_category,
        agent_codes.source_label(agent.source_category, agent.source_note),
        agent.phone,
        agent.address,
        agent.bank_name,
        agent.bank_account,
        agent.integrity_pact_date,
        agent.is_active,
        agent.resident_id,
        agent.photo is not None,
    )


def _validate(session: Session, data: AgentInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name in AGENT_TEXT_LIMITS:  # NFKC before anything looks at them
        setattr(data, name, nfkc(getattr(data, name)))
    data.nik, data.phone = ascii_digits(data.nik), ascii_digits(data.phone)
    data.bank_account = ascii_digits(data.bank_account)
    if data.resident_id is not None:
        resident = session.get(Resident, data.resident_id)
        if resident is None:
            errors["resident_id"] = "Penduduk yang dipilih tidak ada lagi di buku induk."
        else:
            # A linked agent takes name and NIK from the register.
            data.name = data.name.strip() or resident.name
            data.nik = resident.nik
    data.name = " ".join(data.name.split())
    if len(data.name) < 3:
        errors["name"] = "Nama agen wajib diisi (minimal 3 huruf)."
    if data.source_category not in agent_codes.AGENT_SOURCES:
        errors["source_category"] = "Pilih unsur/asal agen dari daftar."
    elif data.source_category == agent_codes.OTHER and not data.source_note.strip():
        errors["source_note"] = "Tulis jabatan/petugas lain yang ditunjuk desa."
    data.nik = data.nik.strip()
    if data.nik and data.resident_id is None:
        result = nik_rules.check_nik(data.nik)
        if result.error:
            errors["nik"] = result.error
        else:
            data.nik = result.value
    data.phone = data.phone.strip()
    if data.phone and not _PHONE.match(data.phone):
        errors["phone"] = "Nomor HP hanya angka (boleh diawali +62), 8–19 digit."
    data.bank_account = data.bank_account.strip()
    if data.bank_account:
        if not _ACCOUNT.match(data.bank_account):
            errors["bank_account"] = "Nomor rekening hanya angka (boleh spasi atau tanda -)."
        if not data.bank_name.strip():
            errors["bank_name"] = "Nama bank wajib diisi bila ada nomor rekening."
    if data.integrity_pact_date and data.integrity_pact_date > today:
        errors["integrity_pact_date"] = "Tanggal pakta integritas tidak boleh di masa depan."
    stored = {name: getattr(data, name).strip() for name in AGENT_TEXT_LIMITS}
    for name, problem in text_errors(stored, AGENT_TEXT_LIMITS, AGENT_LABELS).items():
        errors[name] = problem  # control characters or too long, the field named
    return errors


def _apply(agent: Agent, data: AgentInput) -> None:
    agent.resident_id = data.resident_id
    agent.name = data.name
    agent.nik = data.nik
    agent.source_category = data.source_category
    agent.source_note = data.source_note.strip()
    agent.position = data.position.strip() or "Agen PESIAR"
    agent.phone = data.phone
    agent.address = data.address.strip()
    agent.bank_name = data.bank_name.strip()
    agent.bank_account = data.bank_account
    agent.bank_account_name = data.bank_account_name.strip() or data.name
    agent.integrity_pact_date = data.integrity_pact_date
    agent.is_active = data.is_active


def _check_photo(photo: bytes | None) -> None:
    if photo is None:
        return
    if len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError({"photo": "Foto terlalu besar (maksimal 2 MB); perkecil dulu."})
    if not (photo.startswith(b"\x89PNG") or photo.startswith(b"\xff\xd8")):
        raise ValidationError({"photo": "Foto harus berkas JPEG atau PNG."})


def create_agent(
    db: Database,
    actor: Actor,
    data: AgentInput,
    photo: bytes | None = None,
    today: date | None = None,
) -> AgentRow:
    require(actor, "agents.write")
    _check_photo(photo)
    with db.transaction() as session:
        errors = _validate(session, data, today or clock.today())
        if errors:
            raise ValidationError(errors)
        agent = Agent(photo=photo)
        _apply(agent, data)
        session.add(agent)
        session.flush()
        audit.record(session, actor, "agent.create", "agent", agent.id, None, audit.snapshot(agent))
        row = _row(agent)
    events.notify(events.Topic.AGENTS)
    return row


def update_agent(
    db: Database,
    actor: Actor,
    agent_id: int,
    data: AgentInput,
    photo: bytes | None = None,
    remove_photo: bool = False,
    today: date | None = None,
) -> AgentRow:
    require(actor, "agents.write")
    _check_photo(photo)
    with db.transaction() as session:
        agent = session.get(Agent, agent_id)
        if agent is None:
            raise NotFound("Agen tidak ditemukan.")
        errors = _validate(session, data, today or clock.today())
        if errors:
            raise ValidationError(errors)
        before = audit.snapshot(agent)
        _apply(agent, data)
        if photo is not None:
            agent.photo = photo
        elif remove_photo:
            agent.photo = None
        session.flush()
        old, new = audit.changed_only(before, audit.snapshot(agent))
        audit.record(session, actor, "agent.update", "agent", agent.id, old, new)
        row = _row(agent)
    events.notify(events.Topic.AGENTS)
    return row


def set_active(db: Database, actor: Actor, agent_id: int, active: bool) -> None:
    require(actor, "agents.write")
    with db.transaction() as session:
        agent = session.get(Agent, agent_id)
        if agent is None:
            raise NotFound("Agen tidak ditemukan.")
        if agent.is_active != active:
            audit.record(
                session,
                actor,
                "agent.activate" if active else "agent.deactivate",
                "agent",
                agent.id,
                {"is_active": agent.is_active},
                {"is_active": active},
            )
            agent.is_active = active
    events.notify(events.Topic.AGENTS)


def list_agents(db: Database, active_only: bool = False) -> list[AgentRow]:
    with db.read() as session:
        query = select(Agent).order_by(func.lower(Agent.name), Agent.id)
        if active_only:
            query = query.where(Agent.is_active.is_(True))
        return [_row(a) for a in session.scalars(query)]


def get_agent(db: Database, agent_id: int) -> AgentRow:
    with db.read() as session:
        agent = session.get(Agent, agent_id)
        if agent is None:
            raise NotFound("Agen tidak ditemukan.")
        return _row(agent)


def load_input(db: Database, agent_id: int) -> tuple[AgentInput, bytes | None]:
    """The editable values of an agent (for the edit dialog) and the photo bytes."""
    with db.read() as session:
        agent = session.get(Agent, agent_id)
        if agent is None:
            raise NotFound("Agen tidak ditemukan.")
        values = {f.name: getattr(agent, f.name) for f in fields(AgentInput)}
        return AgentInput(**values), agent.photo


def photo_of(db: Database, agent_id: int) -> bytes | None:
    with db.read() as session:
        return session.scalar(select(Agent.photo).where(Agent.id == agent_id))


@dataclass(frozen=True)
class ResidentMatch:
    id: int
    name: str
    nik: str
    phone: str
    address: str


def find_resident(db: Database, nik: str) -> ResidentMatch | None:
    """The living resident with this NIK (to link an agent who lives in the desa)."""
    with db.read() as session:
        row = session.execute(
            select(Resident, Family.address, Rt.rt)
            .join(Family, Family.id == Resident.family_id)
            .join(Rt, Rt.id == Family.rt_id)
            .where(Resident.nik == nik.strip(), Resident.life_status == codes.LIFE_ALIVE)
        ).first()
        if row is None:
            return None
        resident, address, rt = row
        return ResidentMatch(
            resident.id,
            resident.name,
            resident.nik,
            resident.phone,
            f"{address}, RT {rt}".strip(", "),
        )
