"""Letter commands.

pesiar-desktop letter list [--type SK|SURAT_TUGAS|PAKTA|ID_CARD] [--json]
    one line (or one JSON object in a list) per letter: id, type, number, status, date, subject
pesiar-desktop letter render ID OUT.pdf [--user U]
    writes the letter's PDF: the frozen copy of an approved/revoked letter, a "KONSEP" render
    of a draft
pesiar-desktop letter verify PAYLOAD_OR_NUMBER [--json]
    checks a scanned QR payload (PESIAR|…), a letter number, or a PDF file against the
    register and prints valid / revoked / unknown / altered

Exit status: 0 done (verify: the letter is valid); 1 otherwise (verify: revoked, unknown or
altered; list/render: an error such as an unknown letter id).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from pesiar_desktop.cli import auth
from pesiar_desktop.db import Database
from pesiar_desktop.reportdata.letters import LETTER_TYPES


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
    return 0 if result.ok else 1
