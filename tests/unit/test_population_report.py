"""The monthly population report (laporan bulanan penduduk) over a year of the demo
village: months chain, every dusun balances, the totals agree with plain SQL and with
the recorded events; the workbook and the signed PDF read back; the CLI writes both."""

from __future__ import annotations

import subprocess
from datetime import date

from python_calamine import CalamineWorkbook
from sqlalchemy import text

from pesiar_desktop import demo
from pesiar_desktop.cli import main
from pesiar_desktop.services import population_report
from pesiar_desktop.services.context import SYSTEM
from pesiar_desktop.services.progress import month_bounds

TODAY = date(2026, 11, 22)
MONTHS = [date(2025 + (m > 0), (11 + m) % 12 + 1, 1) for m in range(12)]  # Dec 2025 … Nov 2026

# Plain SQL, written here independently of the service: a resident counts from birth (a
# pendatang from arrival) until the date their status changed; no status date = never.
ENTERED = "COALESCE(arrived_on, birth_date)"
EVER = f"(life_status = 1 OR life_status_date > {ENTERED})"
SQL = {
    "end": f"SELECT COUNT(*) FROM resident WHERE {ENTERED} <= :last "
    "AND (life_status = 1 OR life_status_date > :last)",
    "births": "SELECT COUNT(*) FROM resident WHERE arrived_on IS NULL "
    f"AND birth_date BETWEEN :first AND :last AND {EVER}",
    "arrivals": f"SELECT COUNT(*) FROM resident WHERE arrived_on BETWEEN :first AND :last AND {EVER}",
    "deaths": "SELECT COUNT(*) FROM resident WHERE life_status = 2 "
    f"AND life_status_date BETWEEN :first AND :last AND life_status_date > {ENTERED}",
    "departures": "SELECT COUNT(*) FROM resident WHERE life_status NOT IN (1, 2) "
    f"AND life_status_date BETWEEN :first AND :last AND life_status_date > {ENTERED}",
    "end_families": "SELECT COUNT(DISTINCT family_id) FROM resident "
    f"WHERE {ENTERED} <= :last AND (life_status = 1 OR life_status_date > :last)",
}
# Standing events (not undone, not an undo) of each kind in the month.
EVENTS = (
    "SELECT e.kind, COUNT(*) FROM population_event e WHERE e.kind <> 'CANCEL' "
    "AND e.occurred_on BETWEEN :first AND :last "
    "AND NOT EXISTS (SELECT 1 FROM population_event c WHERE c.cancels_id = e.id) "
    "GROUP BY e.kind"
)


def test_twelve_months_of_the_demo_chain_and_match_sql(db, freeze_clock):
    freeze_clock(TODAY)
    demo.generate(db, SYSTEM, residents=1500, seed=7, today=TODAY)
    reports = [population_report.build_population_report(db, m) for m in MONTHS]
    year = {"births": 0, "deaths": 0, "arrivals": 0, "departures": 0}
    for before, report in zip([None, *reports], reports, strict=False):
        total = report.total
        if before is not None:
            # The start of a month is the end of the month before, dusun by dusun.
            assert [(r.dusun, r.start, r.start_families) for r in report.rows] == [
                (r.dusun, r.end, r.end_families) for r in before.rows
            ]
        for row in [*report.rows, total]:
            for sex in ("male", "female"):
                assert getattr(row.start, sex) + getattr(row.births, sex) + getattr(
                    row.arrivals, sex
                ) - getattr(row.deaths, sex) - getattr(row.departures, sex) == getattr(
                    row.end, sex
                ), (report.month, row.dusun, sex)
        first, last = month_bounds(report.month)
        with db.read() as s:
            sql = {
                key: s.execute(text(query), {"first": first, "last": last}).scalar()
                for key, query in SQL.items()
            }
            events = dict(s.execute(text(EVENTS), {"first": first, "last": last}).all())
        assert sql == {
            "end": total.end.total,
            "births": total.births.total,
            "arrivals": total.arrivals.total,
            "deaths": total.deaths.total,
            "departures": total.departures.total,
            "end_families": total.end_families,
        }, report.month
        # The demo recorded every change as an event: the report and the events agree.
        assert events.get("BIRTH", 0) == total.births.total, report.month
        assert events.get("MOVE_IN", 0) == total.arrivals.total, report.month
        assert events.get("DEATH", 0) == total.deaths.total, report.month
        assert events.get("MOVE_OUT", 0) == total.departures.total, report.month
        for key in year:
            year[key] += getattr(total, key).total
    assert all(count > 0 for count in year.values()), year
    assert len(reports[-1].rows) >= 3  # every dusun of the demo village


def test_workbook_pdf_and_cli(tmp_path, capsys, freeze_clock):
    freeze_clock(TODAY)
    data_dir = str(tmp_path / "data")
    assert main(["--data-dir", data_dir, "demo", "--residents", "600"]) == 0
    capsys.readouterr()
    out, pdf = tmp_path / "penduduk.xlsx", tmp_path / "penduduk.pdf"
    code = main(["--data-dir", data_dir, "export", "population", "--month", "2026-10",
                 str(out), "--pdf", str(pdf)])  # fmt: skip
    assert code == 0, capsys.readouterr()
    printed = capsys.readouterr().out
    assert "Laporan penduduk Oktober 2026 disimpan ke" in printed
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Laporan").to_python()
    assert rows[0][0] == "LAPORAN BULANAN PENDUDUK"
    header = next(i for i, r in enumerate(rows) if r[:2] == ["No", "Dusun"])
    assert rows[header][2] == "Awal bulan" and rows[header + 1][2:6] == ["L", "P", "Jumlah", "KK"]
    body = rows[header + 2 :]
    total = next(r for r in body if r[1] == "JUMLAH")
    dusun = body[: body.index(total)]
    for column in range(2, 18):  # the total's formulas hold the sums of the dusun rows
        assert total[column] == sum(r[column] for r in dusun)
    t = total
    assert t[4] + t[6] + t[7] + t[10] + t[11] - t[8] - t[9] - t[12] - t[13] == t[16]
    cells = [str(v) for r in rows for v in r]
    assert "H. Lalu Ahmad" in cells or any("Kepala Desa" in c for c in cells)
    listed = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "LAPORAN BULANAN PENDUDUK" in listed and "Bulan Oktober 2026" in listed
    assert "JUMLAH" in listed and "Kepala Desa" in listed
    assert main(["--data-dir", data_dir, "export", "population", "--month", "2026-13",
                 str(out)]) == 1  # fmt: skip
    assert "TTTT-BB" in capsys.readouterr().err
