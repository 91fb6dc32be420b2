"""Laporan bulanan penduduk: the monthly population report per dusun, as a workbook and
a PDF with the kepala desa's signature block.

Every count follows `rules.population.present_on`, the same rule as the Beranda's
coverage per month: a month's start is the end of the day before it, so it equals the
end of the month before, and start + births + arrivals − deaths − departures = end for
every dusun (a move inside the village between dusun is counted in the family's dusun
now). Residents whose status changed without a date (never present) are not counted.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pesiar_desktop import clock
from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound
from pesiar_desktop.models import Dusun, Family, Resident, Rt
from pesiar_desktop.reportdata.population import PopulationReport, PopulationRow
from pesiar_desktop.reports.population_pdf import write_population_pdf
from pesiar_desktop.reports.population_xlsx import write_population_xlsx
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.population import presence_start, present_on
from pesiar_desktop.services import audit, settings, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.progress import month_bounds, parse_month


def population_rows(session: Session, first: date, last: date) -> list[PopulationRow]:
    """Per dusun (every dusun of the village, by name) for the days `first`..`last`."""
    rows = {name: PopulationRow(name) for name in session.scalars(select(Dusun.name))}
    families: dict[str, tuple[set[int], set[int]]] = {name: (set(), set()) for name in rows}
    before = first - timedelta(days=1)
    query = (
        select(
            Dusun.name,
            Resident.family_id,
            Resident.sex,
            Resident.birth_date,
            Resident.arrived_on,
            Resident.life_status,
            Resident.life_status_date,
        )
        .join(Family, Family.id == Resident.family_id)
        .join(Rt, Rt.id == Family.rt_id)
        .join(Dusun, Dusun.id == Rt.dusun_id)
    )
    for dusun, family_id, sex, born, arrived, life, life_date in session.execute(query):
        row = rows[dusun]
        start_families, end_families = families[dusun]
        start = presence_start(born, arrived)
        end = None if life == codes.LIFE_ALIVE else life_date
        if life != codes.LIFE_ALIVE and (end is None or end <= start):
            continue  # never present (e.g. a birth recorded by mistake and undone)
        if present_on(before, born, arrived, life, life_date):
            row.start.add(sex)
            start_families.add(family_id)
        if present_on(last, born, arrived, life, life_date):
            row.end.add(sex)
            end_families.add(family_id)
        if first <= start <= last:
            (row.births if arrived is None else row.arrivals).add(sex)
        if end is not None and first <= end <= last:
            (row.deaths if life == codes.LIFE_DEAD else row.departures).add(sex)
    for name, row in rows.items():
        row.start_families = len(families[name][0])
        row.end_families = len(families[name][1])
    return [rows[name] for name in sorted(rows)]


def total_row(rows: list[PopulationRow]) -> PopulationRow:
    total = PopulationRow("JUMLAH")
    for row in rows:
        for part in ("start", "births", "deaths", "arrivals", "departures", "end"):
            mine, theirs = getattr(total, part), getattr(row, part)
            mine.male += theirs.male
            mine.female += theirs.female
        total.start_families += row.start_families
        total.end_families += row.end_families
    return total


def build_population_report(
    db: Database, month: date | str, *, today: date | None = None
) -> PopulationReport:
    first = parse_month(month) if isinstance(month, str) else month.replace(day=1)
    _first, last = month_bounds(first)
    profile = village.get_profile(db)
    if profile is None:
        raise NotFound("Profil desa belum diisi: lakukan penyiapan awal dulu.")
    with db.read() as session:
        rows = population_rows(session, first, last)
    return PopulationReport(
        profile=profile,
        month=first,
        month_end=last,
        generated_on=today or clock.today(),
        rows=rows,
        total=total_row(rows),
    )


def _atomic_target(out: Path | str) -> tuple[Path, Path]:
    """A temporary file beside `out`: a failed export leaves no half file."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".population-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    return target, Path(name)


def _write(db: Database, actor: Actor, data: PopulationReport, out: Path | str, kind: str) -> Path:
    target, temporary = _atomic_target(out)
    try:
        paper = settings.read(db, settings.SETTINGS.paper)
        if kind == "xlsx":
            write_population_xlsx(data, temporary, paper=paper)
        else:
            write_population_pdf(data, temporary, village.letterhead(db), paper=paper)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    with db.transaction() as session:
        audit.record(
            session,
            actor,
            "export",
            "report",
            f"population_{kind}",
            after={"month": f"{data.month:%Y-%m}", "target": str(target)},
        )
    return target


def export_population_xlsx(
    db: Database,
    actor: Actor,
    month: date | str,
    out: Path | str,
    *,
    data: PopulationReport | None = None,
) -> PopulationReport:
    """The report as a workbook (counts only, no personal data); the export is audited."""
    data = data or build_population_report(db, month)
    _write(db, actor, data, out, "xlsx")
    return data


def export_population_pdf(
    db: Database,
    actor: Actor,
    month: date | str,
    out: Path | str,
    *,
    data: PopulationReport | None = None,
) -> PopulationReport:
    """The report as a landscape PDF with the letterhead and the signature block."""
    data = data or build_population_report(db, month)
    _write(db, actor, data, out, "pdf")
    return data
