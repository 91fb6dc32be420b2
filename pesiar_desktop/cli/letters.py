"""Letter commands.

pesiar-desktop letter list [--type SK|SURAT_TUGAS|PAKTA|ID_CARD] [--json]
    one line (or one JSON object in a list) per letter: id, type, number, status, date, subject
pesiar-desktop letter render ID OUT.pdf [--user U]
    writes the letter's PDF: the frozen copy of an approved/revoked letter, a "KONSEP" render
    of a draft
pesiar-desktop letter cards OUT.pdf [--id ID ...] [--user U]
    approved agent ID cards ten to an A4 sheet with cut marks (fronts, then backs for
    duplex printing); every approved card unless --id names some
pesiar-desktop letter guide OUT.pdf
    the one-page "Cara memeriksa keaslian surat dan kartu agen" for residents
pesiar-desktop letter verify PAYLOAD_OR_NUMBER [--json]
    checks a scanned QR payload (PESIAR|…), a letter number, or a PDF file against the
    register and prints the status (SAH, DICABUT, KEDALUWARSA, TIDAK BERLAKU, DIUBAH / PALSU,
    TIDAK DIKENAL), then what the register says: type, number, date, agent, masked NIK,
    area and period

Exit status: 0 done (verify: the letter is valid); 1 otherwise (verify: revoked, unknown or
altered; list/render: an error such as an unknown letter id).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pesiar_desktop.cli import auth
from pesiar_desktop.errors import PesiarError
from pesiar_desktop.reportdata.letters import LETTER_TYPES

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads only when a command runs
    from pesiar_desktop.db import Database


def register(sub: Any) -> dict[str, Any]:
    letter = sub.add_parser("letter", help="surat: daftar, cetak PDF, verifikasi")
    actions = letter.add_subparsers(dest="letter_action", required=True)
    listing = actions.add_parser("list", help="daftar surat")
    listing.add_argument("--type", choices=sorted(LETTER_TYPES), default=None)
    listing.add_argument("--json", action="store_true", help="cetak satu daftar JSON")
    render = actions.add_parser("render", help="simpan PDF surat")
    render.add_argument("id", type=int)
    render.add_argument("out", help="berkas .pdf tujuan")
    auth.add_arguments(render)
    cards = actions.add_parser("cards", help="lembar A4 kartu agen yang disetujui (garis potong)")
    cards.add_argument("out", help="berkas .pdf tujuan")
    cards.add_argument(
        "--id", type=int, action="append", dest="ids", help="id kartu (boleh berulang)"
    )
    guide = actions.add_parser("guide", help="panduan warga memeriksa keaslian surat dan kartu")
    guide.add_argument("out", help="berkas .pdf tujuan")
    auth.add_arguments(cards)
    verify = actions.add_parser(
        "verify", help="periksa keaslian: isi kode QR, nomor surat, atau berkas PDF"
    )
    verify.add_argument("text", help="isi kode QR (PESIAR|…), nomor surat, atau berkas .pdf")
    verify.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    return {"letter": _cmd_letter}


def _cmd_letter(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.services import letters

    if args.letter_action == "list":
        rows = letters.list_letters(db, args.type)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "id": r.id,
                            "type": r.letter_type,
                            "number": r.number,
                            "status": r.status,
                            "date": r.letter_date.isoformat() if r.letter_date else None,
                            "subject": r.subject,
                        }
                        for r in rows
                    ],
                    ensure_ascii=False,
                )
            )
        else:
            for r in rows:
                day = r.letter_date.isoformat() if r.letter_date else "-"
                print(
                    f"{r.id:5}  {r.letter_type:12} {r.number or '(konsep)':32} "
                    f"{r.status:9} {day:10}  {r.subject}"
                )
        return 0
    if args.letter_action == "render":
        auth.login(db, args, "letters.draft")  # a letter names people (agents, their photo)
        data = letters.pdf_bytes(db, args.id)
        out = Path(args.out)
        out.write_bytes(data)
        print(f"PDF surat {args.id} disimpan: {out} ({len(data):,} byte)".replace(",", "."))
        return 0
    if args.letter_action in ("cards", "guide"):
        if args.letter_action == "cards":
            auth.login(db, args, "letters.draft")  # the cards name the agents
            ids = args.ids or letters.approved_card_ids(db)
            if not ids:
                raise PesiarError("Belum ada kartu agen yang disetujui.")
            data = letters.card_sheet_pdf(db, ids)
            what = f"Lembar kartu agen ({len(ids)} kartu)"
        else:
            data = letters.verify_guide_pdf(db)
            what = "Panduan memeriksa keaslian"
        out = Path(args.out)
        out.write_bytes(data)
        print(f"{what} disimpan: {out}")
        return 0
    text = args.text
    candidate = Path(text)
    if text.lower().endswith(".pdf") and candidate.is_file():
        result = letters.verify_pdf(db, candidate.read_bytes())
    else:
        result = letters.verify(db, text)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        print(f"{result.label}: {result.message}")
        if result.letter_id is not None:  # what the register says, to compare with the paper
            for label, value in result.fields()[1:]:
                print(f"  {label:14} : {value}")
    return 0 if result.ok else 1
