"""Administration commands: backups, restore, audit chain check.

pesiar-desktop backup OUT [--user U]           OUT: a folder (a dated file is made) or a .sqlite3 path
pesiar-desktop restore IN [--yes] [--user U]   (an administrator's login: cli/auth.py) shows the preview, asks (unless --yes), saves the
                                               current database first, then restores
pesiar-desktop audit verify [--json]           exit 0 chain intact, 1 broken (where is printed)

Exit status: 0 done, 1 refused or failed, 2 PostgreSQL mode (use pg_dump / pg_restore),
3 restore not confirmed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from pesiar_desktop.cli import auth
from pesiar_desktop.config import resolve_paths

if TYPE_CHECKING:  # the database layer (SQLAlchemy) loads only when a command runs
    from pesiar_desktop.db import Database


def register(sub: Any) -> dict[str, Any]:
    backup = sub.add_parser("backup", help="cadangkan basis data SQLite ke folder/berkas")
    backup.add_argument("out", help="folder tujuan (mis. flashdisk) atau nama berkas .sqlite3")
    auth.add_arguments(backup)

    restore = sub.add_parser("restore", help="pulihkan basis data dari berkas cadangan")
    restore.add_argument("file", help="berkas cadangan .sqlite3")
    restore.add_argument("--yes", action="store_true", help="jangan bertanya lagi")
    auth.add_arguments(restore)

    audit = sub.add_parser("audit", help="log audit")
    actions = audit.add_subparsers(dest="audit_action", required=True)
    verify = actions.add_parser("verify", help="periksa rantai hash log audit")
    verify.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    return {"backup": _cmd_backup, "restore": _cmd_restore, "audit": _cmd_audit}


def _paths(args: argparse.Namespace) -> Any:
    return resolve_paths(args.data_dir, args.database_url)


def _cmd_backup(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.services import backup

    if not db.is_sqlite:
        print(backup.PG_HELP, file=sys.stderr)
        return 2
    out = backup.make_backup(db, auth.login(db, args, "backup.manage"), args.out)
    print(f"Cadangan tersimpan: {out} ({out.stat().st_size / 1_048_576:.1f} MB)")
    return 0


def _cmd_restore(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.services import backup

    if not db.is_sqlite:
        print(backup.PG_HELP, file=sys.stderr)
        return 2
    actor = auth.login(db, args, "backup.manage")
    preview = backup.inspect_backup(args.file)
    print(f"Cadangan {preview.path}")
    for line in preview.summary_lines():
        print(f"  {line}")
    if preview.newer_schema:
        print(
            "Galat: cadangan ini dari versi aplikasi yang lebih baru; perbarui aplikasi dulu.",
            file=sys.stderr,
        )
        return 1
    if preview.needs_upgrade:
        print("  (skema lama: akan diperbarui ke skema sekarang setelah dipulihkan)")
    if not args.yes:
        if not sys.stdin.isatty():
            print("Tidak dipulihkan: tambahkan --yes untuk memulihkan tanpa bertanya.")
            return 3
        answer = input("Ganti seluruh data sekarang dengan cadangan ini? Ketik 'ya': ")
        if answer.strip().lower() not in ("ya", "y", "yes"):
            print("Dibatalkan; data tidak diubah.")
            return 3
    result = backup.restore_backup(db, actor, args.file, _paths(args))
    if result.saved_current:
        print(f"Data sebelumnya disimpan di {result.saved_current}")
    if result.migrated_from:
        print(f"Skema diperbarui dari revisi {result.migrated_from}.")
    print(
        f"Dipulihkan: {result.counts_after.get('residents', 0)} penduduk, "
        f"{result.counts_after.get('families', 0)} keluarga."
    )
    return 0


def _cmd_audit(db: Database, args: argparse.Namespace) -> int:
    from pesiar_desktop.services import audit

    report = audit.verify_chain(db)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    elif report.ok:
        extra = f" ({report.legacy} entri lama tanpa hash)" if report.legacy else ""
        print(f"Rantai log audit utuh: {report.entries} entri{extra}.")
        if report.head is not None:
            print(f"  Kepala rantai: {report.head.short()}")
        if not report.keyed:
            print("  (tanpa kunci audit: hanya hash biasa yang diperiksa)")
        elif report.before_key:
            print(
                f"  {report.before_key} entri dibuat sebelum kunci audit ini (diperiksa tanpa kunci)."
            )
    else:
        print(f"Rantai log audit RUSAK: {len(report.breaks)} titik dari {report.entries} entri.")
        for item in report.breaks[:100]:
            print(f"  {item.describe()}")
    return 0 if report.ok else 1
