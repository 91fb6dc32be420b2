"""Population exports, added to `pesiar-desktop export` (cli/reports.py):

pesiar-desktop export population --month YYYY-MM OUT.xlsx [--pdf OUT.pdf] [--user U]
    the monthly population report (laporan bulanan penduduk): per dusun, residents and
    families at the start of the month, births, deaths, arrivals and departures by sex,
    and at the end of the month; --pdf also writes it with the signature block.

pesiar-desktop export residents --format opensid OUT.xlsx [--user U]
    the whole register in OpenSID's import layout (its headers and codes), to bring the
    village's corrections back into OpenSID; importing it again changes nothing. It lists
    NIKs: the user must be allowed to export personal data; the export is audited.

Exit status: 0 written, 1 refused (bad month, role), 2 the file could not be written.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from pesiar_desktop.cli import auth
from pesiar_desktop.services.context import Actor

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads only when a command runs
    from pesiar_desktop.db import Database

KINDS = ("population", "residents")


def add_export_kinds(kinds: Any) -> None:
    report = kinds.add_parser("population", help="laporan bulanan penduduk per dusun (.xlsx, PDF)")
    report.add_argument("out", metavar="OUT.xlsx", help="berkas .xlsx yang dibuat")
    report.add_argument("--month", required=True, help="bulan laporan, TTTT-BB (mis. 2026-11)")
    report.add_argument("--pdf", metavar="OUT.pdf", help="juga simpan sebagai PDF bertanda tangan")
    auth.add_arguments(report)
    register = kinds.add_parser(
        "residents", help="seluruh data penduduk dalam format impor OpenSID (.xlsx)"
    )
    register.add_argument("out", metavar="OUT.xlsx", help="berkas .xlsx yang dibuat")
    register.add_argument(
        "--format", choices=("opensid",), default="opensid", help="format berkas (opensid)"
    )
    auth.add_arguments(register)


def run_export(db: Database, actor: Actor, args: argparse.Namespace) -> int:
    from pesiar_desktop.rules.formatting import month_year, number
    from pesiar_desktop.services import opensid_export, population_report

    if args.export_kind == "residents":
        count = opensid_export.export_opensid_xlsx(db, actor, args.out)
        print(f"{number(count)} penduduk disimpan ke {args.out} (format impor OpenSID).")
        return 0

    data = population_report.export_population_xlsx(db, actor, args.month, args.out)
    t = data.total
    print(
        f"Laporan penduduk {month_year(data.month)} disimpan ke {args.out}: "
        f"awal bulan {number(t.start.total)} jiwa / {number(t.start_families)} KK, "
        f"lahir {t.births.total}, meninggal {t.deaths.total}, datang {t.arrivals.total}, "
        f"pindah {t.departures.total}; akhir bulan {number(t.end.total)} jiwa / "
        f"{number(t.end_families)} KK."
    )
    if args.pdf:
        population_report.export_population_pdf(db, actor, data.month, args.pdf, data=data)
        print(f"PDF laporan disimpan ke {args.pdf}")
    return 0
