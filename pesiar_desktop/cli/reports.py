"""Report exports (Laporan).

pesiar-desktop export recap --month YYYY-MM OUT.xlsx [--pdf OUT.pdf] [--branch NAME] [--user U]
pesiar-desktop export dana-desa --year YYYY OUT.xlsx [--user U]
pesiar-desktop export population --month YYYY-MM OUT.xlsx [--pdf OUT.pdf] [--user U]
    (cli/population.py: the monthly population report)
pesiar-desktop export fees --month YYYY-MM OUT.pdf|OUT.xlsx [--user U]
    the month's Daftar pembayaran honor (gross, PPh 21, net, signatures of the kepala desa
    and the treasurer named in the village profile)

The recap lists NIKs: the user must be allowed to export personal data (operator,
kepala desa, admin); the export is written to the audit log. Exit status: 0 written,
1 refused (role, bad month), 2 the file could not be written.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from pesiar_desktop.cli import auth, population

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads only when a command runs
    from pesiar_desktop.db import Database


def register(sub: Any) -> dict[str, Any]:
    export = sub.add_parser("export", help="ekspor laporan (rekap bulanan, realisasi Dana Desa)")
    kinds = export.add_subparsers(dest="export_kind", required=True)
    recap = kinds.add_parser("recap", help="rekap bulanan PESIAR untuk BPJS cabang (.xlsx)")
    recap.add_argument("out", metavar="OUT.xlsx", help="berkas .xlsx yang dibuat")
    recap.add_argument("--month", required=True, help="bulan laporan, TTTT-BB (mis. 2026-11)")
    recap.add_argument("--pdf", metavar="OUT.pdf", help="juga simpan lembar Rekap sebagai PDF")
    recap.add_argument(
        "--branch", default=None, help="kantor cabang BPJS (urutan kolom Pendaftaran tersimpan)"
    )
    auth.add_arguments(recap)
    dana = kinds.add_parser("dana-desa", help="realisasi honor agen dari Dana Desa (.xlsx)")
    dana.add_argument("out", metavar="OUT.xlsx")
    dana.add_argument("--year", required=True, type=int, help="tahun anggaran, mis. 2026")
    auth.add_arguments(dana)
    population.add_export_kinds(kinds)
    fee = kinds.add_parser(
        "fees", help="daftar pembayaran honor agen sebulan (.pdf atau .xlsx, menurut akhiran)"
    )
    fee.add_argument("out", metavar="OUT.pdf|OUT.xlsx")
    fee.add_argument("--month", required=True, help="bulan honor, TTTT-BB (mis. 2026-11)")
    auth.add_arguments(fee)
    return {"export": _cmd_export}


def _cmd_export(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.rules.formatting import month_year, number, rupiah
    from pesiar_desktop.services import recap

    actor = auth.login(db, args)
    try:
        if args.export_kind in population.KINDS:
            return population.run_export(db, actor, args)
        if args.export_kind == "recap":
            data = recap.export_recap_xlsx(db, actor, args.month, args.out, branch=args.branch)
            rekap = data.rekap
            print(
                f"Rekap {month_year(data.month)} disimpan ke {args.out}: "
                f"{number(len(rekap))} baris agen, "
                f"{number(len(data.pendaftaran))} jiwa didaftarkan, "
                f"{number(sum(r.paid_people for r in rekap))} jiwa iuran pertama dibayar, "
                f"{number(sum(r.reactivated_people for r in rekap))} jiwa diaktifkan kembali, "
                f"{number(len(data.proposals))} jiwa diusulkan/dilaporkan (PBI, PPU BU), "
                f"{number(len(data.visits))} kunjungan, {number(len(data.events))} kegiatan advokasi."
            )
            if args.pdf:
                recap.export_recap_pdf(db, actor, data.month, args.pdf, data=data)
                print(f"PDF lembar Rekap disimpan ke {args.pdf}")
            return 0
        if args.export_kind == "fees":
            from pesiar_desktop.services import fees

            sheet = fees.export_list(db, actor, args.month, args.out)
            print(
                f"Daftar pembayaran honor {month_year(sheet.month)} disimpan ke {args.out}: "
                f"{number(len(sheet.lines))} agen, bruto {rupiah(sheet.total)}, PPh 21 "
                f"{rupiah(sheet.pph21)}, diterima bersih {rupiah(sheet.net)}."
            )
            return 0
        result = recap.export_dana_desa_xlsx(db, actor, args.year, args.out)
        paid = sum(f.paid for f in result.funding)
        budget = sum(f.budget for f in result.funding)
        print(
            f"Realisasi Dana Desa {args.year} disimpan ke {args.out}: "
            f"{len(result.funding)} kegiatan, dibayar {rupiah(paid)} dari pagu {rupiah(budget)}."
        )
        return 0
    except OSError as err:
        print(f"Galat: berkas tidak dapat ditulis: {err}", file=sys.stderr)
        return 2
