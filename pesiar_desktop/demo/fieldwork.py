"""Demo part for Sisir, Advokasi and Registrasi: six months of believable field work.

For every active assignment the demo agents have: a visit plan over the Petakan target
families of its area (priority families first), visits with outcomes (willing, refused
with a reason, not at home, asked for a revisit …) and follow-up visits, advocacy events
(posyandu, pengajian, PKK, sosialisasi, a musdes), and registrations of the families who
were willing. Most PBPU families paid their first premium and their card is active —
membership and history updated as the service would —; some are still waiting (a few
past the deadline, so the follow-up list has work), a few expired or were cancelled;
poor families are proposed to the Dinas Sosial; workers' employers are reported.

Written with Core bulk inserts in one transaction (100,000 residents stay fast), one
audit entry for the run. Skips when field work is already there, or when there are no
assignments.
"""

from __future__ import annotations

import bisect
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.models import (
    AdvocacyAttachment,
    AdvocacyEvent,
    Assignment,
    Dusun,
    Membership,
    Registration,
    RegistrationMember,
    Resident,
    Village,
    Visit,
    VisitPlan,
)
from pesiar_desktop.models.fieldwork import ReceiptCounter
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import roman_month
from pesiar_desktop.rules.premiums import rate_on
from pesiar_desktop.services import audit, events, targets
from pesiar_desktop.services.context import Actor, require
from pesiar_desktop.services.membership import HistoryRow, MembershipRow, write_memberships_bulk
from pesiar_desktop.services.premium_rates import load_rates
from pesiar_desktop.services.registrations import (
    MEMBERSHIP_SOURCE,
    window_days,
    window_for,
)
from pesiar_desktop.services.visit_plans import assignment_family_ids

MONTHS = 6
CHUNK = 5000
VISITS_PER_MONTH = (22, 45)  # families an agent reaches in a month (Kader JKN: ~5 KK/day)
SUNDAY = 6
VA_PREFIX = "8888"


class _Pick:
    def __init__(self, pairs: list[tuple[Any, float]]):
        self.items = [item for item, _w in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _item, weight in pairs:
            total += weight
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


FIRST_OUTCOME = _Pick(
    [
        (fc.OUTCOME_WILLING, 40),
        (fc.OUTCOME_SELF_REGISTERED, 4),
        (fc.OUTCOME_REFUSED, 19),
        (fc.OUTCOME_NOT_HOME, 16),
        (fc.OUTCOME_REVISIT, 17),
        (fc.OUTCOME_MOVED, 2),
        (fc.OUTCOME_DIED, 1),
    ]
)
SECOND_OUTCOME = _Pick(
    [
        (fc.OUTCOME_WILLING, 52),
        (fc.OUTCOME_REFUSED, 22),
        (fc.OUTCOME_NOT_HOME, 12),
        (fc.OUTCOME_REVISIT, 14),
    ]
)
REFUSAL = _Pick(
    [
        (fc.REFUSAL_CANNOT_AFFORD, 46),
        (fc.REFUSAL_FEELS_HEALTHY, 27),
        (fc.REFUSAL_DOUBTS_SERVICE, 19),
        (fc.REFUSAL_OTHER, 8),
    ]
)
OTHER_REASONS = (
    "Menunggu gajian bulan depan",
    "Suami sedang merantau, belum bisa memutuskan",
    "Sudah punya asuransi swasta",
)
JKN_CLASS = _Pick([(3, 82), (2, 14), (1, 4)])
EVENT_KIND = _Pick(
    [
        ("POSYANDU", 30),
        ("SOSIALISASI", 22),
        ("PENGAJIAN", 18),
        ("PKK", 14),
        ("KARANG_TARUNA", 6),
        ("TOKOH", 5),
        ("SEKOLAH", 5),
    ]
)
EVENT_AUDIENCE = {
    "POSYANDU": "Ibu hamil dan ibu balita",
    "SOSIALISASI": "Warga RT, kepala keluarga",
    "PENGAJIAN": "Jamaah majelis taklim",
    "PKK": "Pengurus dan anggota PKK",
    "KARANG_TARUNA": "Pemuda karang taruna",
    "TOKOH": "Tokoh agama dan tokoh adat",
    "SEKOLAH": "Komite dan orang tua murid",
    "MUSDES": "BPD, kepala dusun, RT/RW, tokoh masyarakat",
}
EVENT_PLACE = {
    "POSYANDU": "Posyandu Dusun {dusun}",
    "SOSIALISASI": "Rumah Kepala Dusun {dusun}",
    "PENGAJIAN": "Masjid Dusun {dusun}",
    "PKK": "Sekretariat PKK Desa",
    "KARANG_TARUNA": "Berugak Pemuda Dusun {dusun}",
    "TOKOH": "Balai Desa",
    "SEKOLAH": "SD Negeri {n} {desa}",
    "MUSDES": "Aula Kantor Desa",
}
TOPICS = tuple(fc.ADVOCACY_TOPICS)
NOTES_WILLING = ("Minta dibantu daftar lewat agen", "Akan siapkan fotokopi KK", "")
NOTES_REVISIT = ("Kepala keluarga sedang ke sawah", "Minta waktu berunding dengan keluarga", "")


@dataclass
class _Family:
    id: int
    rt_id: int
    dusun: str
    decile: int | None
    priority: int
    formal: bool  # has a formal worker whose employer did not register them
    members: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    # (resident id, shdk, status, segment)


def _month_start(day: date, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _workday(day: date) -> date:
    return day + timedelta(days=1) if day.weekday() == SUNDAY else day


def _stamp(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 16), rng.randint(0, 59)))


def _insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    assert isinstance(table, Table)
    for begin in range(0, len(rows), CHUNK):
        session.execute(insert(table), rows[begin : begin + CHUNK])


def extend(db: Database, actor: Actor, *, seed: int, today: date) -> str:
    require(actor, "fieldwork.write")
    require(actor, "registrations.write")
    with db.read() as session:
        if session.scalar(select(func.count(Visit.id))) or session.scalar(
            select(func.count(Registration.id))
        ):
            return ""
        assignments = session.execute(
            select(
                Assignment.id, Assignment.agent_id, Assignment.period_start, Assignment.period_end
            )
            .where(Assignment.is_active.is_(True), Assignment.period_start <= today)
            .order_by(Assignment.id)
        ).all()
        if not assignments:
            return ""
        family_sets = {a.id: assignment_family_ids(session, a.id) for a in assignments}
        first_payment_days = window_days(session)
        rates = load_rates(session)
        dusun_names = list(session.scalars(select(Dusun.name).order_by(Dusun.name)))
        desa = session.scalar(select(Village.desa_name).order_by(Village.id)) or ""
    rng = random.Random(seed + 5005)
    window_start = _month_start(today, MONTHS - 1)

    # Target families (Petakan), with their living members.
    found: dict[int, _Family] = {}
    for t in targets.list_targets(db, today=today):
        family = found.get(t.family_id)
        if family is None:
            family = found[t.family_id] = _Family(
                t.family_id, t.rt_id, t.dusun, t.welfare_decile, t.priority, False
            )
        family.priority = min(family.priority, t.priority)
        family.formal = family.formal or t.category == "formal_unregistered"
    with db.read() as session:
        for rid, fid, shdk, status, segment in session.execute(
            select(
                Resident.id, Resident.family_id, Resident.shdk, Membership.status,
                Membership.segment,
            )
            .outerjoin(Membership, Membership.resident_id == Resident.id)
            .where(Resident.life_status == codes.LIFE_ALIVE)
            .order_by(Resident.family_id, Resident.shdk, Resident.birth_date)
        ):  # fmt: skip
            family = found.get(fid)
            if family is not None:
                family.members.append((rid, shdk, status or codes.STATUS_NOT_REGISTERED, segment))

    now = utcnow()
    plans: list[dict[str, Any]] = []
    visits: list[dict[str, Any]] = []
    registrations: list[dict[str, Any]] = []
    reg_members: dict[str, list[dict[str, Any]]] = {}  # receipt number -> member rows
    activations: list[tuple[str, list[tuple[int, int | None]], date]] = []
    seq_by_year: dict[int, int] = defaultdict(int)
    va_taken: set[str] = set()
    taken: set[int] = set()
    for a in assignments:
        start = max(window_start, a.period_start)
        fams = [
            found[fid]
            for fid in sorted(family_sets[a.id])
            if fid in found and fid not in taken and found[fid].members
        ]
        taken.update(f.id for f in fams)
        fams.sort(key=lambda f: (f.priority, rng.random()))
        # The plan: families in priority order, five a working day from the window start.
        day, used = _workday(start), 0
        for family in fams:
            if used == 5:
                day, used = _workday(day + timedelta(days=1)), 0
            used += 1
            plans.append(
                {
                    "assignment_id": a.id,
                    "family_id": family.id,
                    "rt_id": family.rt_id,
                    "planned_on": day,
                    "priority": family.priority,
                    "created_at": datetime.combine(start, time(8, 0)),
                }
            )
        # Visits month by month, following the plan order.
        queue = list(fams)
        month = start
        while month <= today and queue:
            month_end = min(_month_start(month, -1) - timedelta(days=1), today)
            months_left = (today.year - month.year) * 12 + today.month - month.month + 1
            # Spread the sweep over the months left; a busy agent reaches 22-45 KK a month.
            wanted = -(-len(queue) // months_left) + rng.randint(-2, 2)
            wanted = min(max(wanted, 1), rng.randint(*VISITS_PER_MONTH))
            for _ in range(min(len(queue), wanted)):
                family = queue.pop(0)
                span = max(0, (month_end - month).days)
                visited = _workday(month + timedelta(days=rng.randint(0, span)))
                if visited > today:
                    visited = today
                _visit_family(
                    rng, a, family, visited, today, visits, registrations, reg_members,
                    activations, seq_by_year, va_taken, rates, first_payment_days, now,
                )  # fmt: skip
            month = _month_start(month, -1)

    # Receipt numbers follow the registration dates, as the counter would have drawn them.
    registrations.sort(key=lambda r: (r["registered_on"], r["created_at"]))
    drawn: dict[int, int] = defaultdict(int)
    renamed: dict[str, str] = {}
    for record in registrations:
        on = record["registered_on"]
        drawn[on.year] += 1
        number = f"{drawn[on.year]:04d}/TT-JKN/{roman_month(on)}/{on.year}"
        renamed[record["receipt_number"]] = number
        record["receipt_number"] = number
    reg_members = {renamed[key]: rows for key, rows in reg_members.items()}
    events_rows, _attached = _advocacy(
        rng, list(assignments), window_start, today, dusun_names, desa
    )
    with db.transaction() as session:
        _insert(session, VisitPlan.__table__, plans)
        _insert(session, Visit.__table__, visits)
        _insert(session, Registration.__table__, registrations)
        # Nothing was registered before this run (checked above): read every id back.
        ids = {
            number: reg_id
            for number, reg_id in session.execute(
                select(Registration.receipt_number, Registration.id)
            )
        }
        member_rows = [
            {**row, "registration_id": ids[number]}
            for number, rows in reg_members.items()
            for row in rows
        ]
        _insert(session, RegistrationMember.__table__, member_rows)
        for year, last in seq_by_year.items():
            session.add(ReceiptCounter(year=year, last_seq=last))
        activated = _activate(session, actor, activations, now)
        for row in events_rows:
            attached = row.pop("_attachment", None)
            event = AdvocacyEvent(**row)
            session.add(event)
            session.flush()
            if attached is not None:
                session.add(
                    AdvocacyAttachment(
                        event_id=event.id, file_name=attached[0], content=attached[1]
                    )
                )
        by_status: dict[str, int] = defaultdict(int)
        for row in registrations:
            by_status[row["status"]] += 1
        audit.record(
            session,
            actor,
            "demo.fieldwork",
            "village",
            "",
            None,
            {
                "seed": seed,
                "visit_plans": len(plans),
                "visits": len(visits),
                "registrations": len(registrations),
                "by_status": dict(by_status),
                "members_activated": activated,
                "advocacy_events": len(events_rows),
            },
        )
    for topic in (
        events.Topic.VISIT_PLANS,
        events.Topic.VISITS,
        events.Topic.ADVOCACY,
        events.Topic.REGISTRATIONS,
        events.Topic.MEMBERSHIPS,
    ):
        events.notify(topic)
    paid = sum(by_status[s] for s in (fc.STATUS_PAID, fc.STATUS_ACTIVE))
    return (
        f"Kerja lapangan {MONTHS} bulan: {len(visits)} kunjungan, {len(events_rows)} kegiatan "
        f"advokasi, {len(registrations)} pendaftaran keluarga ({paid} aktif/lunas, "
        f"{by_status[fc.STATUS_SUBMITTED] + by_status[fc.STATUS_VA_ISSUED]} menunggu bayar, "
        f"{by_status[fc.STATUS_EXPIRED] + by_status[fc.STATUS_CANCELLED]} batal/kedaluwarsa); "
        f"{activated} jiwa menjadi peserta aktif."
    )


# ---------------------------------------------------------------- visits and registrations


def _visit_row(
    a: Any, family: _Family, visited: date, outcome: str, rng: random.Random, now: datetime
) -> dict[str, Any]:
    reason = REFUSAL(rng) if outcome == fc.OUTCOME_REFUSED else None
    revisit = None
    if outcome == fc.OUTCOME_REVISIT:
        revisit = visited + timedelta(days=rng.randint(5, 21))
    elif outcome == fc.OUTCOME_NOT_HOME and rng.random() < 0.8:
        revisit = visited + timedelta(days=rng.randint(2, 9))
    note = ""
    if reason == fc.REFUSAL_OTHER:
        note = rng.choice(OTHER_REASONS)
    elif outcome == fc.OUTCOME_WILLING:
        note = rng.choice(NOTES_WILLING)
    elif outcome in (fc.OUTCOME_REVISIT, fc.OUTCOME_NOT_HOME):
        note = rng.choice(NOTES_REVISIT)
    topics = sorted(rng.sample(range(len(TOPICS)), rng.randint(1, 3)))
    return {
        "family_id": family.id,
        "agent_id": a.agent_id,
        "assignment_id": a.id,
        "visited_on": visited,
        "outcome": outcome,
        "refusal_reason": reason,
        "revisit_on": revisit,
        "topics": ",".join(TOPICS[i] for i in topics) if outcome != fc.OUTCOME_NOT_HOME else "",
        "note": note,
        "recorded_by": "operator",
        "recorded_at": _stamp(min(visited + timedelta(days=rng.randint(0, 2)), now.date()), rng),
    }


def _visit_family(
    rng: random.Random,
    a: Any,
    family: _Family,
    visited: date,
    today: date,
    visits: list[dict[str, Any]],
    registrations: list[dict[str, Any]],
    reg_members: dict[str, list[dict[str, Any]]],
    activations: list[tuple[str, list[tuple[int, int | None]], date]],
    seq_by_year: dict[int, int],
    va_taken: set[str],
    rates: list[Any],
    first_payment_days: tuple[int, int],
    now: datetime,
) -> None:
    """One family's story: a first visit, revisits when asked, maybe a registration."""
    outcome = FIRST_OUTCOME(rng)
    row = _visit_row(a, family, visited, outcome, rng, now)
    visits.append(row)
    # Agents keep nearly all revisit appointments that came due long ago and most of the
    # recent ones (the due list must still have someone overdue), up to four visits.
    for _attempt in range(3):
        revisit = row["revisit_on"]
        if revisit is None or revisit > today:
            break
        if rng.random() >= (0.96 if (today - revisit).days > 30 else 0.6):
            break
        visited = _workday(revisit + timedelta(days=rng.randint(0, 3)))
        if visited > today:
            break
        outcome = SECOND_OUTCOME(rng)
        row = _visit_row(a, family, visited, outcome, rng, now)
        visits.append(row)
    if outcome != fc.OUTCOME_WILLING:
        return
    registered = min(today, _workday(visited + timedelta(days=rng.randint(0, 6))))
    poor = family.decile is not None and family.decile <= codes.POOR_DECILE_MAX
    if family.formal and rng.random() < 0.5:
        path = fc.PATH_PPU_BU_REPORT
    elif poor and rng.random() < 0.6:
        path = fc.PATH_PBI_PROPOSAL
    else:
        path = fc.PATH_PBPU
    family_class = JKN_CLASS(rng)
    members: list[dict[str, Any]] = []
    included: list[tuple[int, int | None]] = []
    excluded_text: list[str] = []
    premium_total = 0
    for resident_id, _shdk, status, segment in family.members:
        already = status == codes.STATUS_ACTIVE
        include = not already
        reason = ""
        if already:
            reason = f"Sudah peserta JKN aktif ({codes.label(codes.SEGMENTS, segment, '-')})"
            excluded_text.append(reason)
        cls: int | None = None
        premium = 0
        if path == fc.PATH_PBPU and include:
            cls = family_class
            rate = rate_on(rates, "PBPU", cls, registered)
            premium = rate.member_pays if rate is not None else 0
        elif path == fc.PATH_PBI_PROPOSAL:
            cls = 3
        premium_total += premium
        members.append(
            {
                "resident_id": resident_id,
                "jkn_class": cls,
                "monthly_premium": premium,
                "included": include,
                "exclusion_reason": reason,
            }
        )
        if include:
            included.append((resident_id, cls))
    if not included:
        return
    seq_by_year[registered.year] += 1
    number = f"tmp-{len(registrations)}"  # numbered in date order once all are drawn
    record: dict[str, Any] = {
        "family_id": family.id,
        "agent_id": a.agent_id,
        "assignment_id": a.id,
        "path": path,
        "status": fc.STATUS_SUBMITTED,
        "registered_on": registered,
        "va_number": "",
        "va_issued_on": None,
        "payment_from": None,
        "payment_due": None,
        "paid_on": None,
        "paid_amount": 0,
        "active_on": None,
        "monthly_premium": premium_total,
        "receipt_number": number,
        "employer_name": "",
        "employer_address": "",
        "exclusion_reason": "; ".join(excluded_text),
        "cancel_reason": "",
        "note": "",
        "recorded_by": "operator",
        "created_at": _stamp(registered, rng),
        "updated_at": now,
    }
    age = (today - registered).days
    if path == fc.PATH_PBPU:
        window = window_for(registered, first_payment_days)
        due = window.closes
        record["payment_from"] = window.opens
        record["payment_due"] = due
        roll = rng.random()
        va_day = registered + timedelta(days=rng.randint(1, 4))
        if va_day <= today and roll < 0.97:
            va = f"{VA_PREFIX}{rng.randrange(10**11, 10**12)}"
            while va in va_taken:
                va = f"{VA_PREFIX}{rng.randrange(10**11, 10**12)}"
            va_taken.add(va)
            record.update(status=fc.STATUS_VA_ISSUED, va_number=va, va_issued_on=va_day)
        if due < today:  # the window has closed: most paid, some lapsed, a few still late
            if record["status"] == fc.STATUS_VA_ISSUED and roll < 0.80:
                _paid(record, va_day, due, today, rng, activations, included)
            elif roll < 0.88:
                record.update(
                    status=fc.STATUS_EXPIRED,
                    cancel_reason="Iuran pertama tidak dibayar sampai batas waktu.",
                )
            elif roll < 0.92:
                record.update(
                    status=fc.STATUS_CANCELLED,
                    cancel_reason="Keluarga membatalkan: ingin menunggu panen.",
                )
        elif (
            record["status"] == fc.STATUS_VA_ISSUED and window.opens <= today and rng.random() < 0.5
        ):
            _paid(record, va_day, min(due, today), today, rng, activations, included)
    elif path == fc.PATH_PBI_PROPOSAL:
        record["note"] = "Diusulkan ke Dinas Sosial (desil rendah)."
        if age > 30:
            roll = rng.random()
            if roll < 0.62:
                active = registered + timedelta(days=rng.randint(25, min(age, 60)))
                record.update(status=fc.STATUS_ACTIVE, active_on=active)
                activations.append((fc.PATH_SEGMENT[path], included, active))
            elif roll < 0.78:
                record.update(
                    status=fc.STATUS_CANCELLED, cancel_reason="Tidak disetujui Dinas Sosial."
                )
    else:
        record.update(
            employer_name=rng.choice(
                ("CV Sinar Lombok", "PT Mutiara Gerung", "UD Tani Makmur", "Toko Bangunan Jaya")
            ),
            employer_address="Kec. Gerung, Lombok Barat",
        )
        if age > 45 and rng.random() < 0.5:
            active = registered + timedelta(days=rng.randint(30, min(age, 75)))
            record.update(status=fc.STATUS_ACTIVE, active_on=active)
            activations.append((fc.PATH_SEGMENT[path], included, active))
    registrations.append(record)
    reg_members[number] = members


def _paid(
    record: dict[str, Any],
    va_day: date,
    latest: date,
    today: date,
    rng: random.Random,
    activations: list[tuple[str, list[tuple[int, int | None]], date]],
    included: list[tuple[int, int | None]],
) -> None:
    """Paid between the window's opening (or the VA, when later) and the deadline; the card
    is active a day or three later."""
    opens = max(va_day, record["payment_from"] or va_day)
    span = max(0, (latest - opens).days)
    paid_on = min(today, opens + timedelta(days=rng.randint(0, span)))
    record.update(status=fc.STATUS_PAID, paid_on=paid_on, paid_amount=record["monthly_premium"])
    active_on = paid_on + timedelta(days=rng.randint(0, 3))
    if active_on <= today and rng.random() < 0.97:
        record.update(status=fc.STATUS_ACTIVE, active_on=active_on)
        activations.append((fc.PATH_SEGMENT[record["path"]], included, active_on))


def _activate(
    session: Session,
    actor: Actor,
    activations: list[tuple[str, list[tuple[int, int | None]], date]],
    now: datetime,
) -> int:
    """Membership + history for every member of an active registration (bulk)."""
    current = {
        rid: (card, fktp)
        for rid, card, fktp in session.execute(
            select(Membership.resident_id, Membership.card_number, Membership.fktp_code)
        )
    }
    new: list[MembershipRow] = []
    changed: list[MembershipRow] = []
    history: list[HistoryRow] = []
    for segment, included, active_on in activations:
        for resident_id, cls in included:
            card, fktp = current.get(resident_id, ("", ""))
            row = (resident_id, card, segment, codes.STATUS_ACTIVE, cls, fktp, 0, active_on)
            (changed if resident_id in current else new).append(row)
            history.append((*row, datetime.combine(active_on, time(10, 0))))
    write_memberships_bulk(
        session,
        actor,
        source=MEMBERSHIP_SOURCE,
        new=new,
        changed=changed,
        history=history,
        now=now,
    )
    return len(history)


# ---------------------------------------------------------------- advocacy


def _advocacy(
    rng: random.Random,
    assignments: list[Any],
    start: date,
    today: date,
    dusun_names: list[str],
    desa: str,
) -> tuple[list[dict[str, Any]], int]:
    rows: list[dict[str, Any]] = []
    agents = [a.agent_id for a in assignments]
    month = start
    musdes_month = _month_start(start, -2)
    while month <= today:
        month_end = min(_month_start(month, -1) - timedelta(days=1), today)
        kinds = [EVENT_KIND(rng) for _ in range(rng.randint(2, 2 + len(agents) // 2))]
        if month == musdes_month:
            kinds.append("MUSDES")
        for kind in kinds:
            held = _workday(
                month + timedelta(days=rng.randint(0, max(0, (month_end - month).days)))
            )
            if held > today:
                held = today
            dusun = rng.choice(dusun_names) if dusun_names else desa
            participants = {
                "MUSDES": rng.randint(30, 60),
                "POSYANDU": rng.randint(15, 45),
                "PENGAJIAN": rng.randint(25, 90),
            }.get(kind, rng.randint(10, 40))
            topics = sorted(rng.sample(range(len(TOPICS)), rng.randint(2, 4)))
            row: dict[str, Any] = {
                "held_on": held,
                "place": EVENT_PLACE[kind].format(dusun=dusun, desa=desa, n=rng.randint(1, 4)),
                "kind": kind,
                "audience": EVENT_AUDIENCE[kind],
                "participants": participants,
                "topics": ",".join(TOPICS[i] for i in topics),
                "note": "",
                "agent_id": None if kind == "MUSDES" else rng.choice(agents),
                "recorded_by": "operator",
                "recorded_at": _stamp(held, rng),
            }
            if kind == "MUSDES" or rng.random() < 0.25:
                text = (
                    f"Daftar hadir {EVENT_AUDIENCE[kind]}\n{participants} orang hadir "
                    f"pada {held.isoformat()} di {row['place']}.\n"
                )
                row["_attachment"] = (f"daftar-hadir-{held.isoformat()}.txt", text.encode())
            rows.append(row)
        month = _month_start(month, -1)
    return rows, sum(1 for r in rows if "_attachment" in r)
