"""Keaktifan commands: arrears and reactivation payments.

pesiar-desktop arrears [--json]
    families in arrears (PBPU/BP): months (at most 24 counted) and the amount owed, per
    family with its members; JSON: a list of families, each with "members"
pesiar-desktop reactivation pay FAMILY_OR_NIK AMOUNT [--date YYYY-MM-DD] [--rehab N]
                            [--collector agent|kader|family] [--collector-name NAME]
                            [--receipt OUT.pdf] --user U
    a payment towards a family's arrears (FAMILY_OR_NIK: No KK, a member's NIK or the
    family's number): the next instalment of its open REHAB plan; with --rehab N a new
    plan of N instalments and its first payment; else the full payment. Members become
    active when the arrears are cleared. Never counted as a new registration.
pesiar-desktop arrears remind [FAMILY_OR_NIK ...] [--first-premium] [--slips OUT.pdf]
                              [--sent] [--json] --user U
    reminders (pengingat) for the named families in arrears, or every one: per family
    the WhatsApp link with the message (a missing or malformed number is shown with the
    reason, never guessed); --first-premium adds the unpaid first premiums of the
    follow-up list; --slips writes the slip sheet (recorded as printed reminders);
    --sent records the WhatsApp reminders as sent (after the kader sent them).

Exit status: 0 done; 1 refused (wrong amount, role, not found: the message says why);
2 the receipt or the slip sheet could not be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from pesiar_desktop import clock
from pesiar_desktop.cli import auth
from pesiar_desktop.rules import fieldwork_codes as fc

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads only when a command runs
    from pesiar_desktop.db import Database

COLLECTORS = {
    "agent": fc.COLLECTOR_AGENT,
    "kader": fc.COLLECTOR_KADER,
    "family": fc.COLLECTOR_FAMILY,
}


def register(sub: Any) -> dict[str, Any]:
    listing = sub.add_parser("arrears", help="keluarga menunggak: bulan dan jumlah tunggakan")
    listing.add_argument("--json", action="store_true", help="cetak satu daftar JSON")
    auth.add_arguments(listing)
    listing_actions = listing.add_subparsers(dest="arrears_action")
    remind = listing_actions.add_parser(
        "remind", help="pengingat: tautan WhatsApp dan slip pengingat per keluarga"
    )
    remind.add_argument(
        "families", nargs="*", metavar="FAMILY_OR_NIK",
        help="No KK, NIK anggota atau nomor KK (bawaan: semua keluarga menunggak)",
    )  # fmt: skip
    remind.add_argument(
        "--first-premium", action="store_true",
        help="juga pendaftaran yang belum bayar iuran pertama (daftar tindak lanjut)",
    )  # fmt: skip
    remind.add_argument("--slips", metavar="OUT.pdf", help="simpan slip pengingat (PDF)")
    remind.add_argument(
        "--sent", action="store_true", help="catat pengingat WhatsApp sebagai sudah dikirim"
    )
    auth.add_arguments(remind, "pengguna yang mencatat, operator/admin (env PESIAR_USER)")
    remind.add_argument("--json", action="store_true", help="cetak satu daftar JSON")
    react = sub.add_parser(
        "reactivation", help="pengaktifan kembali: pembayaran tunggakan (lunas atau REHAB)"
    )
    actions = react.add_subparsers(dest="reactivation_action", required=True)
    pay = actions.add_parser("pay", help="catat pembayaran tunggakan satu keluarga")
    pay.add_argument("family", metavar="FAMILY_OR_NIK", help="No KK, NIK anggota atau nomor KK")
    pay.add_argument("amount", type=int, metavar="AMOUNT", help="jumlah dibayar (rupiah)")
    pay.add_argument("--date", default=None, help="tanggal bayar YYYY-MM-DD (bawaan: hari ini)")
    pay.add_argument(
        "--rehab", type=int, default=None, metavar="N", help="mulai rencana REHAB N cicilan"
    )
    pay.add_argument(
        "--collector", choices=sorted(COLLECTORS), default="family", help="yang menerima uang"
    )
    pay.add_argument("--collector-name", default="", help="nama agen/kader yang menerima")
    pay.add_argument("--receipt", metavar="OUT.pdf", help="simpan tanda terima (PDF)")
    auth.add_arguments(pay, "pengguna yang mencatat, operator/admin (env PESIAR_USER)")
    pay.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    return {"arrears": _cmd_arrears, "reactivation": _cmd_reactivation}


def _cmd_arrears(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.rules.formatting import rupiah
    from pesiar_desktop.services import arrears

    if getattr(args, "arrears_action", None) == "remind":
        return _cmd_remind(db, args)
    auth.login(db, args, "personal.export")  # names, NIKs, phone numbers and amounts
    families = arrears.list_arrears(db, clock.today())
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "family_id": f.family_id,
                        "no_kk": f.no_kk,
                        "head": f.head_name,
                        "area": f.area_label,
                        "phone": f.phone,
                        "people": f.people,
                        "months_in_arrears": f.months_in_arrears,
                        "months_counted": f.months_counted,
                        "monthly_premium": f.monthly_premium,
                        "amount_owed": f.amount_owed,
                        "rehab_allowed": f.rehab_allowed,
                        "members": [
                            {
                                "resident_id": m.resident_id,
                                "nik": m.nik,
                                "name": m.name,
                                "segment": m.segment,
                                "class": m.jkn_class,
                                "class_assumed": m.class_assumed,
                                "months_in_arrears": m.months_in_arrears,
                                "months_counted": m.months_counted,
                                "monthly_premium": m.monthly_premium,
                                "amount_owed": m.amount_owed,
                            }
                            for m in f.members
                        ],
                    }
                    for f in families
                ],
                ensure_ascii=False,
            )
        )
        return 0
    total = sum(f.amount_owed for f in families)
    print(
        f"Keluarga menunggak: {len(families)} KK, {sum(f.people for f in families)} jiwa, "
        f"tunggakan {rupiah(total)}"
    )
    for f in families:
        print(
            f"  {f.no_kk}  {f.head_name:28.28}  {f.people} jiwa  {f.months_counted:>2} bln  "
            f"{rupiah(f.amount_owed):>13}  {f.area_label}"
        )
    return 0


def _cmd_reactivation(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.errors import PesiarError
    from pesiar_desktop.services import reactivation
    from pesiar_desktop.services.reactivation import PaymentInput

    try:
        paid_on = date.fromisoformat(args.date) if args.date else clock.today()
    except ValueError:
        print(f"Galat: tanggal {args.date} bukan YYYY-MM-DD.", file=sys.stderr)
        return 1
    actor = auth.login(db, args)
    family_id = reactivation.find_family(db, args.family)
    result = reactivation.pay(
        db,
        actor,
        family_id,
        PaymentInput(paid_on, args.amount, COLLECTORS[args.collector], args.collector_name),
        rehab=args.rehab,
    )
    receipt = ""
    if args.receipt:
        try:
            receipt = str(reactivation.export_receipt(db, actor, result.payment_id, args.receipt))
        except PesiarError as err:
            print(f"Galat: {err}", file=sys.stderr)
            return 1
        except OSError as err:
            print(f"Galat: berkas tidak dapat ditulis: {err}", file=sys.stderr)
            return 2
    if args.json:
        print(
            json.dumps(
                {
                    "reactivation_id": result.reactivation_id,
                    "payment_id": result.payment_id,
                    "receipt_number": result.receipt_number,
                    "completed": result.completed,
                    "receipt": receipt or None,
                }
            )
        )
        return 0
    print(f"Pembayaran dicatat, tanda terima {result.receipt_number}.")
    print(
        "Tunggakan lunas: kepesertaan aktif kembali."
        if result.completed
        else "Rencana REHAB berjalan: aktif kembali setelah cicilan terakhir."
    )
    if receipt:
        print(f"Disimpan ke {receipt}")
    return 0


def _cmd_remind(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.errors import PesiarError
    from pesiar_desktop.rules import reminders as rc
    from pesiar_desktop.rules.formatting import rupiah
    from pesiar_desktop.services import reactivation, reminders
    from pesiar_desktop.services.privacy import record_export, require_export

    actor = auth.login(db, args)
    require_export(actor, db)  # names, phone numbers and amounts leave the program
    today = clock.today()
    named = [reactivation.find_family(db, text) for text in args.families]
    targets = reminders.everyone(db, today, first_premium=args.first_premium)
    if named:
        targets = [t for t in targets if t.family_id in named]
        nothing = [text for text, fid in zip(args.families, named, strict=True)
                   if all(t.family_id != fid for t in targets)]  # fmt: skip
        if nothing:
            why = "tidak menunggak" + (
                " dan tidak menunggu iuran pertama" if args.first_premium else ""
            )
            print(f"Galat: {', '.join(nothing)}: {why}.", file=sys.stderr)
            return 1
    notices = reminders.prepare(db, targets, today)
    links = [reminders.whatsapp_link(n) for n in notices]
    slips = ""
    if args.slips:
        try:
            written = reminders.export_slips(db, actor, targets, args.slips, today)
        except PesiarError as err:
            print(f"Galat: {err}", file=sys.stderr)
            return 1
        except OSError as err:
            print(f"Galat: berkas tidak dapat ditulis: {err}", file=sys.stderr)
            return 2
        slips = str(written.path)
    sendable = [n for n, link in zip(notices, links, strict=True) if link.ok]
    if args.sent:
        reminders.record(db, actor, sendable, rc.CHANNEL_WHATSAPP, today)
    record_export(db, actor, "reminder_links", len(notices), "stdout")
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "family_id": n.family_id,
                        "registration_id": n.registration_id,
                        "no_kk": n.no_kk,
                        "head": n.head_name,
                        "kind": n.kind,
                        "amount": n.amount,
                        "reference": n.reference,
                        "due_on": n.due_on.isoformat() if n.due_on else None,
                        "kader": n.kader_name,
                        "phone": n.phone,
                        "phone_international": link.phone.number or None,
                        "phone_problem": link.phone.problem or None,
                        "whatsapp_url": link.url or None,
                        "message": reminders.message_text(n),
                        "recorded_whatsapp": bool(args.sent and link.ok),
                        "slip": slips or None,
                    }
                    for n, link in zip(notices, links, strict=True)
                ],
                ensure_ascii=False,
            )
        )
        return 0
    for n, link in zip(notices, links, strict=True):
        what = rc.KINDS[n.kind].lower()
        print(f"{n.no_kk}  {n.head_name}  {what} {rupiah(n.amount)}")
        if link.ok:
            print(f"  {link.url}")
        else:
            print(f"  No HP tidak valid: {link.phone.display or '-'} ({link.phone.problem})")
    bad = len(notices) - len(sendable)
    print(
        f"Pengingat: {len(notices)} keluarga, {len(sendable)} tautan WhatsApp"
        + (f", {bad} tanpa nomor HP yang dapat dipakai" if bad else "")
        + ("; dicatat sebagai terkirim" if args.sent and sendable else "")
        + "."
    )
    if slips:
        print(f"Slip pengingat disimpan ke {slips}")
    return 0
