"""Field-work commands (Sisir, Registrasi).

(Every command here runs as a logged-in user: --user U, see cli/auth.py.)

pesiar-desktop followups [--days N] [--json]
    unpaid registrations due within N days (7) or already late, then the members in
    arrears per agent; JSON: {"unpaid": [...], "arrears": [...]}
pesiar-desktop due-visits [--days N] [--json]
    families whose revisit is overdue or due within N days (14)
pesiar-desktop receipt REG_ID OUT.pdf [--user U]
    the family's tanda terima
pesiar-desktop worksheet ASSIGNMENT_ID OUT.pdf|OUT.xlsx [--user U]
    the agent's lembar kerja sisir (PDF or workbook, by the file's extension)

Exit status: 0 done; 1 refused or not found (the message says why); 2 the file could not
be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pesiar_desktop import clock
from pesiar_desktop.cli import auth

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads only when a command runs
    from pesiar_desktop.db import Database


def register(sub: Any) -> dict[str, Any]:
    follow = sub.add_parser(
        "followups", help="tindak lanjut: belum bayar iuran pertama dan peserta menunggak"
    )
    follow.add_argument("--days", type=int, default=7, help="jatuh tempo dalam N hari (7)")
    follow.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    auth.add_arguments(follow)
    due = sub.add_parser("due-visits", help="keluarga yang perlu dikunjungi ulang")
    due.add_argument("--days", type=int, default=14, help="jatuh tempo dalam N hari (14)")
    due.add_argument("--json", action="store_true", help="cetak satu daftar JSON")
    auth.add_arguments(due)
    receipt = sub.add_parser("receipt", help="simpan tanda terima pendaftaran (PDF)")
    receipt.add_argument("registration_id", type=int)
    receipt.add_argument("out", metavar="OUT.pdf")
    auth.add_arguments(receipt)
    sheet = sub.add_parser("worksheet", help="simpan lembar kerja sisir (PDF atau .xlsx)")
    sheet.add_argument("assignment_id", type=int)
    sheet.add_argument("out", metavar="OUT.pdf|OUT.xlsx")
    auth.add_arguments(sheet)
    return {
        "followups": _cmd_followups,
        "due-visits": _cmd_due,
        "receipt": _cmd_receipt,
        "worksheet": _cmd_worksheet,
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _cmd_followups(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.rules.formatting import rupiah, short_date
    from pesiar_desktop.services import followups

    auth.login(db, args, "personal.export")  # names, NIKs and phone numbers
    today = clock.today()
    unpaid = followups.unpaid_registrations(db, today, args.days)
    arrears = followups.arrears_by_agent(db)
    if args.json:
        print(
            json.dumps(
                {
                    "unpaid": [
                        {
                            "registration_id": r.registration_id,
                            "receipt_number": r.receipt_number,
                            "no_kk": r.no_kk,
                            "head": r.head_name,
                            "phone": r.phone,
                            "people": r.people,
                            "monthly_premium": r.monthly_premium,
                            "status": r.status,
                            "va_number": r.va_number,
                            "payment_due": _iso(r.payment_due),
                            "days_left": r.days_left(today),
                            "late": r.is_late(today),
                            "agent": r.agent_name,
                        }
                        for r in unpaid
                    ],
                    "arrears": [
                        {
                            "agent": r.agent_name,
                            "nik": r.nik,
                            "name": r.name,
                            "no_kk": r.no_kk,
                            "phone": r.phone,
                            "months_in_arrears": r.months_in_arrears,
                        }
                        for r in arrears
                    ],
                },
                ensure_ascii=False,
            )
        )
        return 0
    late = sum(1 for r in unpaid if r.is_late(today))
    print(f"Belum bayar iuran pertama: {len(unpaid)} keluarga ({late} lewat batas)")
    for family in unpaid:
        print(
            f"  {short_date(family.payment_due) or '-':10}  {family.head_name:28.28}  "
            f"{family.no_kk}  {family.phone or '-':14}  {rupiah(family.monthly_premium):>11}  "
            f"{family.agent_name}"
        )
    print(f"Peserta menunggak: {len({m.resident_id for m in arrears})} orang")
    for member in arrears:
        print(
            f"  {member.agent_name:24.24}  {member.name:28.28}  {member.phone or '-':14}  "
            f"{member.months_in_arrears} bln"
        )
    return 0


def _cmd_due(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.rules.formatting import short_date
    from pesiar_desktop.services import visits

    auth.login(db, args, "personal.export")  # names and phone numbers
    today = clock.today()
    rows = visits.due_list(db, today, args.days)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "family_id": r.family_id,
                        "no_kk": r.no_kk,
                        "head": r.head_name,
                        "area": r.area_label,
                        "phone": r.phone,
                        "revisit_on": _iso(r.revisit_on),
                        "overdue": r.is_overdue(today),
                        "agent": r.agent_name,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
            )
        )
        return 0
    for r in rows:
        mark = "TERLAMBAT" if r.is_overdue(today) else ""
        print(f"{short_date(r.revisit_on)}  {mark:9}  {r.head_name:28.28}  {r.area_label}")
    print(f"{len(rows)} keluarga perlu dikunjungi ulang.")
    return 0


def _write(action: Any) -> int:
    from pesiar_desktop.errors import PesiarError

    try:
        written = action()
    except PesiarError as err:
        print(f"Galat: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"Galat: berkas tidak dapat ditulis: {err}", file=sys.stderr)
        return 2
    print(f"Disimpan ke {written}")
    return 0


def _cmd_receipt(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.services import registrations

    actor = auth.login(db, args)
    return _write(lambda: registrations.export_receipt(db, actor, args.registration_id, args.out))


def _cmd_worksheet(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.services import visit_plans

    actor = auth.login(db, args)
    kind = "xlsx" if Path(args.out).suffix.lower() == ".xlsx" else "pdf"
    return _write(
        lambda: visit_plans.export_worksheet(db, actor, args.assignment_id, args.out, kind=kind)
    )
