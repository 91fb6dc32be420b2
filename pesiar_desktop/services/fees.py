"""Agent fees per month (daftar pembayaran honor) and their Dana Desa budget lines.

A month's fee for an assignment = its monthly honorarium + fee per person x people whose first
premium was paid in the month + fee per KK x those families (counts from
``progress.agent_month_progress``, the one definition the recap shares) + the reactivation
incentive: members in arrears brought back to active x the setting
``fees.reactivation_per_person`` (default 0). A reactivation never counts as a new member.
PPh 21 is withheld from the total at ``fees.pph21_rate_bp`` (rules.tax); the net is paid.
Recording the list writes one ``FeePayment`` row per assignment and month (with the PPh 21
withheld then); a row with a payment date is paid and never recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import PesiarError, ValidationError
from pesiar_desktop.models import Agent, Assignment, FeePayment
from pesiar_desktop.reportdata.fees import FeeLine, FeeSheet, FundingLine
from pesiar_desktop.rules import tax
from pesiar_desktop.services import audit, events, progress, settings, village
from pesiar_desktop.services.context import Actor, require


def month_key(month: date) -> str:
    return f"{month:%Y-%m}"


def _sheet(session: Session, month: date) -> FeeSheet:
    first = month.replace(day=1)
    key = month_key(first)
    figures = {
        row.assignment_id: row
        for row in progress.agent_month_progress(session, first)
        if row.assignment_id is not None
    }
    recorded = {
        p.assignment_id: p
        for p in session.scalars(select(FeePayment).where(FeePayment.month == key))
    }
    ids = sorted(set(figures) | set(recorded))
    rate = settings.get(session, settings.SETTINGS.pph21_rate_bp)
    if not ids:
        return FeeSheet(first, [], [], rate)
    per_reactivation = settings.get(session, settings.SETTINGS.reactivation_fee_per_person)
    used = dict(
        session.execute(
            select(FeePayment.assignment_id, func.sum(FeePayment.total))
            .where(FeePayment.assignment_id.in_(ids), FeePayment.month != key)
            .group_by(FeePayment.assignment_id)
        ).all()
    )
    lines: list[FeeLine] = []
    for assignment, agent in session.execute(
        select(Assignment, Agent)
        .join(Agent, Agent.id == Assignment.agent_id)
        .where(Assignment.id.in_(ids))
        .order_by(Assignment.apbdes_code, func.lower(Agent.name), Assignment.id)
    ):
        paid = recorded.get(assignment.id)
        if paid is not None:
            people, families = paid.people_paid, paid.families_paid
            honorarium, incentive, total = paid.honorarium, paid.incentive, paid.total
            reactivated, reactivation_incentive = (
                paid.people_reactivated,
                paid.reactivation_incentive,
            )
            withheld = paid.pph21
        else:
            fig = figures[assignment.id]
            people, families = fig.paid_people, fig.paid_families
            honorarium = assignment.monthly_honorarium
            incentive = (
                people * assignment.fee_per_person_paid + families * assignment.fee_per_family_paid
            )
            reactivated = fig.reactivated_people
            reactivation_incentive = reactivated * per_reactivation
            total = honorarium + incentive + reactivation_incentive
            withheld = tax.pph21(total, rate)
        lines.append(
            FeeLine(
                assignment.id,
                agent.id,
                agent.name,
                agent.bank_name,
                agent.bank_account,
                agent.bank_account_name or agent.name,
                people,
                families,
                honorarium,
                incentive,
                total,
                assignment.apbdes_code,
                assignment.apbdes_name,
                assignment.budget,
                int(used.get(assignment.id, 0) or 0),
                paid is not None,
                paid.paid_on if paid is not None else None,
                reactivated,
                reactivation_incentive,
                withheld,
            )
        )
    grouped: dict[tuple[str, str], list[FeeLine]] = {}
    for line in lines:
        grouped.setdefault((line.apbdes_code, line.apbdes_name), []).append(line)
    funding = [
        FundingLine(
            code,
            name,
            sum(x.budget for x in group),
            sum(x.used_before for x in group),
            sum(x.total for x in group),
        )
        for (code, name), group in sorted(grouped.items())
    ]
    return FeeSheet(first, lines, funding, rate)


def month_sheet(db: Database, month: date) -> FeeSheet:
    """The payment list of a month: recorded rows as recorded, the others computed now."""
    with db.read() as session:
        return _sheet(session, month)


def export_list(db: Database, actor: Actor, month: date | str, out: Path | str) -> FeeSheet:
    """The month's payment list as PDF or .xlsx (by the file's suffix), with the treasurer's
    and kepala desa's names from the village profile; audited (it holds bank accounts)."""
    first = progress.parse_month(month) if isinstance(month, str) else month.replace(day=1)
    target = Path(out)
    kind = target.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise ValidationError({"out": "Simpan sebagai berkas .pdf atau .xlsx."})
    sheet = month_sheet(db, first)
    letterhead = village.letterhead(db)
    target.parent.mkdir(parents=True, exist_ok=True)
    # The report writers (reportlab, xlsxwriter) load only here: the Agen page imports this
    # module at start-up.
    if kind == ".pdf":
        from pesiar_desktop.reports import fees_pdf

        paper = settings.read(db, settings.SETTINGS.paper)
        target.write_bytes(fees_pdf.render(sheet, letterhead, paper))
    else:
        from pesiar_desktop.reports import fees_xlsx

        fees_xlsx.export(sheet, letterhead.profile, target, today=clock.today())
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "export",
            "report",
            "fees",
            after={"month": month_key(first), "target": str(target), "total": sheet.total},
        )
    return sheet


def record_month(
    db: Database,
    actor: Actor,
    month: date,
    paid_on: date | None = None,
    assignment_ids: Sequence[int] | None = None,
) -> FeeSheet:
    """Write the month's fee rows (the treasurer's list). Rows already paid are left alone;
    unpaid rows are recomputed; ``paid_on`` marks the written rows as paid that day."""
    require(actor, "fees.write")
    first = month.replace(day=1)
    if paid_on is not None and paid_on < first:
        raise ValidationError({"paid_on": "Tanggal bayar tidak boleh sebelum bulan honornya."})
    with db.transaction() as session:
        key = month_key(first)
        existing = {
            p.assignment_id: p
            for p in session.scalars(select(FeePayment).where(FeePayment.month == key))
        }
        chosen = set(assignment_ids) if assignment_ids is not None else None
        # Recompute the chosen unpaid rows from the registrations as they are now.
        for row in list(existing.values()):
            if row.paid_on is None and (chosen is None or row.assignment_id in chosen):
                session.delete(row)
                del existing[row.assignment_id]
        session.flush()
        sheet = _sheet(session, first)
        written = 0
        for line in sheet.lines:
            if chosen is not None and line.assignment_id not in chosen:
                continue
            if line.assignment_id in existing:
                continue
            if line.total <= 0:
                continue
            session.add(
                FeePayment(
                    assignment_id=line.assignment_id,
                    month=key,
                    people_paid=line.people_paid,
                    families_paid=line.families_paid,
                    honorarium=line.honorarium,
                    incentive=line.incentive,
                    people_reactivated=line.people_reactivated,
                    reactivation_incentive=line.reactivation_incentive,
                    total=line.total,
                    pph21=line.pph21,
                    paid_on=paid_on,
                    recorded_by=actor.username,
                )
            )
            written += 1
        if not written and not existing:
            raise PesiarError(f"Tidak ada honor agen untuk bulan {key}.")
        session.flush()
        audit.record(
            session,
            actor,
            "fees.record",
            "fee_payment",
            key,
            None,
            {"rows": written, "paid_on": paid_on, "total": sum(x.total for x in sheet.lines)},
        )
        result = _sheet(session, first)
    events.notify(events.Topic.FEES)
    return result
