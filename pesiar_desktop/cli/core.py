"""Command-line front end. The contract (names, options, JSON keys) is kept stable.

pesiar-desktop [--data-dir DIR] [--database-url URL] [gui [--smoke]]
pesiar-desktop init --village-code KODE --admin-user U --admin-password P
pesiar-desktop demo [--residents N] [--seed S]   (empty database only, or a village without residents)
pesiar-desktop stats --json
pesiar-desktop import residents FILE [--format auto|opensid|siak|mapping:NAME] [--dry-run] [--strict]
                                     [--report OUT.xlsx] [--json] [--user U] [--confirm KEY...|--confirm-all]
                                     [--confirm-other-village|--yes]
pesiar-desktop import bpjs FILE --mapping NAME [--date YYYY-MM-DD] [...]
pesiar-desktop import welfare FILE [--mapping NAME] [...]
pesiar-desktop mapping save NAME --kind residents|bpjs|welfare --file MAPPING.json [--user U]
pesiar-desktop mapping list [--json]
pesiar-desktop targets [--json] [--export OUT.xlsx] [--user U]
pesiar-desktop arrears [--json]; pesiar-desktop reactivation pay FAMILY_OR_NIK AMOUNT [...] --user U

Credentials: a command that writes, or that puts personal data out (a file, or names and
NIKs on the terminal), runs as a logged-in user: `--user U` with the password asked, or
PESIAR_USER and PESIAR_PASSWORD, or `--password-file F` (cli/auth.py). Only `init`, and
`demo` on an empty database, run as the program itself; `stats`, `audit verify`,
`letter list|verify` and `mapping list` need no login.

Import exit status: 0 every row accepted, 3 some rows rejected (with --strict nothing
was written), 2 the file could not be read (nothing written), 5 the file seems to be
another village's and --confirm-other-village was not given (nothing written).

Any command: 1 refused (role, password, input: the reason on one line), 2 a full disk,
4 the database locked by another program past the timeout (errors.explain); never a
traceback on the terminal (it goes to the log file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pesiar_desktop import __version__, gc_policy
from pesiar_desktop.cli import admin, arrears, auth, fieldwork, letters, reports
from pesiar_desktop.config import resolve_paths
from pesiar_desktop.errors import PesiarError, explain

# Command groups: each has `register(sub) -> dict[command name, handler]`, where a handler is
# `handler(db, args) -> int`. A new group is one module here and one entry in this tuple.
COMMAND_GROUPS = (admin, reports, letters, fieldwork, arrears)

Handler = Callable[[Any, argparse.Namespace], int]


def _group_handlers(sub: Any) -> dict[str, Handler]:
    handlers: dict[str, Handler] = {}
    for group in COMMAND_GROUPS:
        handlers.update(group.register(sub))
    return handlers


def _parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    parser = argparse.ArgumentParser(
        prog="pesiar-desktop",
        description="PESIAR Desktop: Petakan, Sisir, Advokasi, Registrasi JKN di kantor desa.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", help="folder data (default: folder data pengguna; env PESIAR_DATA_DIR)"
    )
    parser.add_argument(
        "--database-url", help="URL basis data, mis. postgresql://... (env PESIAR_DATABASE_URL)"
    )
    sub = parser.add_subparsers(dest="command")

    gui = sub.add_parser("gui", help="buka jendela aplikasi (bawaan)")
    gui.add_argument(
        "--smoke",
        action="store_true",
        help="buka jendela utama dan halaman Penduduk, lalu keluar (uji cepat)",
    )

    init = sub.add_parser("init", help="penyiapan awal tanpa jendela")
    init.add_argument(
        "--village-code", required=True, help="kode desa Kemendagri, mis. 52.01.01.2005"
    )
    init.add_argument("--admin-user", required=True)
    init.add_argument("--admin-password", required=True)
    init.add_argument("--admin-name", default="")
    init.add_argument("--kepala-desa", default="")

    demo = sub.add_parser("demo", help="isi basis data dengan desa contoh")
    demo.add_argument("--residents", type=int, default=3000, help="jumlah penduduk (bawaan 3000)")
    demo.add_argument("--seed", type=int, default=2026)
    auth.add_arguments(demo, "hanya bila desa sudah disiapkan tanpa penduduk (env PESIAR_USER)")

    stats = sub.add_parser("stats", help="angka ringkas register")
    stats.add_argument("--json", action="store_true", help="cetak satu objek JSON")

    _add_import_parsers(sub)
    return parser, _group_handlers(sub)


def _add_import_parsers(sub: Any) -> None:
    """`import residents|bpjs|welfare`, `mapping save|list`, `targets`."""
    imp = sub.add_parser("import", help="impor data penduduk, daftar BPJS, data kesejahteraan")
    kinds = imp.add_subparsers(dest="import_kind", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("file", help="berkas .xlsx, .xlsm, .xls atau .csv")
        p.add_argument("--dry-run", action="store_true", help="hanya pratinjau, tidak menulis")
        p.add_argument(
            "--strict", action="store_true", help="jangan impor apa pun bila ada baris ditolak"
        )
        p.add_argument("--report", metavar="OUT.xlsx", help="simpan baris ditolak dan peringatan")
        p.add_argument("--json", action="store_true", help="cetak satu objek JSON")
        auth.add_arguments(p)

    residents = kinds.add_parser("residents", help="data penduduk (OpenSID, SIAK, pemetaan)")
    common(residents)
    residents.add_argument(
        "--format", default="auto", help="auto (bawaan), opensid, siak atau mapping:NAMA"
    )
    residents.add_argument(
        "--confirm",
        nargs="*",
        default=[],
        metavar="KUNCI",
        help="setujui perubahan pindah KK/dusun/status dasar (kunci dari laporan)",
    )
    residents.add_argument(
        "--confirm-all", action="store_true", help="setujui semua perubahan yang perlu konfirmasi"
    )
    residents.add_argument(
        "--confirm-other-village",
        "--yes",
        dest="confirm_other_village",
        action="store_true",
        help="impor juga bila berkas tampak dari desa lain (kode wilayah NIK/No KK, dusun baru)",
    )
    bpjs = kinds.add_parser("bpjs", help="daftar peserta dari kantor cabang BPJS")
    common(bpjs)
    bpjs.add_argument("--mapping", required=True, help="nama pemetaan kolom yang disimpan")
    bpjs.add_argument("--date", default=None, help="tanggal daftar (YYYY-MM-DD)")
    welfare = kinds.add_parser("welfare", help="data kesejahteraan (DTKS/DTSEN, P3KE, Regsosek)")
    common(welfare)
    welfare.add_argument("--mapping", default=None, help="nama pemetaan kolom (opsional)")

    mapping = sub.add_parser("mapping", help="pemetaan kolom untuk impor")
    actions = mapping.add_subparsers(dest="mapping_action", required=True)
    save = actions.add_parser("save", help="simpan pemetaan dari berkas JSON")
    save.add_argument("name")
    save.add_argument("--kind", required=True, choices=["residents", "bpjs", "welfare"])
    save.add_argument(
        "--file",
        required=True,
        help='JSON: {"columns": {"nik": "NIK", ...}, "values": {"segment": {"LABEL": "KODE"}}}',
    )
    auth.add_arguments(save)
    listing = actions.add_parser("list", help="daftar pemetaan tersimpan")
    listing.add_argument("--kind", default=None, choices=["residents", "bpjs", "welfare"])
    listing.add_argument("--json", action="store_true")

    targets = sub.add_parser("targets", help="daftar sasaran Petakan dan ringkasan per wilayah")
    targets.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    targets.add_argument("--export", metavar="OUT.xlsx", help="simpan daftar sasaran ke .xlsx")
    auth.add_arguments(targets)


def _cmd_init(db, args) -> int:  # type: ignore[no-untyped-def]
    from pesiar_desktop.services import village

    profile = village.setup(
        db,
        args.village_code,
        args.admin_user,
        args.admin_password,
        admin_full_name=args.admin_name,
        kepala_desa_name=args.kepala_desa,
    )
    print(
        f"{profile.title}, Kec. {profile.kecamatan_name}, {profile.kabupaten_name} siap; "
        f"admin: {args.admin_user.strip().lower()}"
    )
    return 0


def _cmd_demo(db, args) -> int:  # type: ignore[no-untyped-def]
    """On an empty database as the program itself (it sets up the demo village and its
    accounts); on a village set up without residents as a logged-in user; never on top of
    a register that has residents (demo people would mix with real ones)."""
    from pesiar_desktop import demo
    from pesiar_desktop.services import village
    from pesiar_desktop.services.backup import current_counts
    from pesiar_desktop.services.context import SYSTEM

    actor = SYSTEM
    if village.is_set_up(db):
        present = current_counts(db).get("residents", 0)
        if present:
            raise PesiarError(
                f"Register ini sudah berisi {present} penduduk: data contoh hanya diisikan "
                "ke basis data yang masih kosong, agar tidak tercampur dengan data sungguhan."
            )
        actor = auth.login(db, args, "residents.write")
    summary = demo.generate(db, actor, residents=args.residents, seed=args.seed)
    print(summary)
    return 0


def _cmd_stats(db, args) -> int:  # type: ignore[no-untyped-def]
    from pesiar_desktop.services.stats import register_stats

    with db.read() as session:
        figures = register_stats(session)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print(f"Penduduk hidup : {figures['residents']}")
        print(f"Keluarga       : {figures['families']}")
        print(f"Dusun          : {figures['dusun']}")
        print(f"Terdaftar JKN  : {figures['registered']} ({figures['coverage_pct']} %)")
        print(f"Aktif          : {figures['active']} ({figures['active_pct']} % dari terdaftar)")
    return 0


def _import_output(args, kind: str, preview, result, dry_run: bool) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    counts = dict(result.counts if result is not None else preview.counts())
    out: dict[str, Any] = {
        "kind": kind,
        "file": str(args.file),
        "sha256": preview.sha256,
        **counts,
        "dry_run": dry_run,
        "strict": bool(args.strict),
        "batch_id": result.batch_id if result is not None else None,
        "notices": list(preview.notices),
        "rejected_rows": [
            {"row": n.row_number, "nik": n.nik, "reason": n.message} for n in preview.rejected
        ],
        "warning_rows": [
            {"row": n.row_number, "nik": n.nik, "message": n.message} for n in preview.warnings
        ],
    }
    if kind == "residents":
        out["format"] = preview.file_format
        left = result.pending_left if result is not None else preview.pending
        out["pending_changes"] = [
            {"key": p.key, "row": p.row_number, "nik": p.nik, "kind": p.kind, "message": p.message}
            for p in left
        ]
        origin = preview.origin
        out["other_village"] = preview.needs_origin_confirmation
        out["other_village_messages"] = origin.messages() if origin else []
        out["new_dusun"] = list(origin.new_dusun) if origin else []
        out["rows"] = [vars(row) for row in preview.rows()]
    else:
        out["not_in_register_rows"] = [
            {"row": n.row_number, "nik": n.nik, "message": n.message}
            for n in preview.not_in_register
        ]
    if kind == "bpjs":
        out["list_date"] = preview.list_date.isoformat()
        out["missing_from_list_rows"] = [
            {"nik": nik, "name": name, "status": status}
            for nik, name, status in preview.missing_from_list
        ]
    return out


def _print_import(out: dict[str, Any]) -> None:
    label = {"residents": "penduduk", "bpjs": "daftar BPJS", "welfare": "data kesejahteraan"}
    mode = " (pratinjau, tidak ditulis)" if out["dry_run"] else ""
    print(f"Impor {label[out['kind']]} dari {out['file']}{mode}")
    for notice in out["notices"]:
        print(f"  Catatan: {notice}")
    print(f"  Baris        : {out['total']}")
    print(f"  Baru         : {out['new']}")
    print(f"  Diperbarui   : {out['updated']}")
    print(f"  Tidak berubah: {out['unchanged']}")
    print(f"  Ditolak      : {out['rejected']}")
    print(f"  Peringatan   : {out['warnings']}")
    if out["kind"] == "bpjs":
        print(f"  Cocok        : {out['matched']}")
        print(f"  Tidak ada di register : {out['not_in_register']}")
        print(f"  Di register, tidak ada di daftar : {out['missing_from_list']}")
    if out["kind"] == "welfare":
        print(f"  Tidak ada di register : {out['not_in_register']}")
        print(f"  Keluarga miskin (desil 1-4): {out['poor_families']}")
    for row in out["rejected_rows"][:50]:
        print(f"  Baris {row['row']} ditolak: {row['reason']}")
    for row in out["warning_rows"][:50]:
        print(f"  Baris {row['row']} peringatan: {row['message']}")
    for change in out.get("pending_changes", [])[:50]:
        print(f"  Perlu konfirmasi [{change['key']}]: {change['message']}")
    for message in out.get("other_village_messages", []):
        print(f"  PERHATIAN: {message}")
    if out["dry_run"] and out.get("rows"):
        _print_rows(out["rows"], out["total"])


def _print_rows(rows: list[dict[str, Any]], total: int) -> None:
    """The first rows of a dry run: who would be written, and how."""
    print(
        "  Baris | NIK              | Nama                 | No KK            "
        "| Dusun, RW/RT                   | Perubahan"
    )
    for row in rows[:50]:
        change = row["change"] + (f" ({row['detail']})" if row["detail"] else "")
        area = f"{row['dusun']} {row['rt']}".strip()
        print(
            f"  {row['row_number']:>5} | {row['nik']:<16} | {row['name'][:20]:<20} | "
            f"{row['no_kk']:<16} | {area[:30]:<30} | {change}"
        )
    if total > 50:
        print(f"  ... dan {total - 50} baris lain (--json memuat {len(rows)} baris pertama).")


def _read_import(db, args) -> tuple[Any, str]:  # type: ignore[no-untyped-def]
    """(The import's preview, "") or (None, why the file cannot be used). Writes nothing."""
    from pesiar_desktop.errors import NotFound
    from pesiar_desktop.importers.reader import ImportFileError
    from pesiar_desktop.services import imports

    try:
        if args.import_kind == "residents":
            return imports.preview_residents(db, args.file, args.format), ""
        if args.import_kind == "bpjs":
            list_date = date.fromisoformat(args.date) if args.date else None
            return imports.preview_bpjs(db, args.file, args.mapping, list_date), ""
        return imports.preview_welfare(db, args.file, args.mapping), ""
    except (ImportFileError, NotFound, ValueError) as err:  # ValueError: a bad --date
        return None, str(err)


def _cmd_import(db, args) -> int:  # type: ignore[no-untyped-def]
    from pesiar_desktop.errors import ValidationError
    from pesiar_desktop.services import imports

    kind = args.import_kind
    with auth.LoginMeanwhile(db, args) as login:  # the password is checked meanwhile
        preview, error = _read_import(db, args)
    if error:
        print(f"Galat: {error}", file=sys.stderr)
        return 2
    actor = login.actor
    result = None
    refused = bool(args.strict and preview.rejected)
    other_village = kind == "residents" and preview.needs_origin_confirmation
    stop = other_village and not args.confirm_other_village and not args.dry_run
    if not args.dry_run and not refused and not stop:
        try:
            if kind == "residents":
                confirmed = (
                    [p.key for p in preview.pending] if args.confirm_all else list(args.confirm)
                )
                if args.confirm_other_village:
                    confirmed.append(imports.ORIGIN_KEY)
                result = imports.commit_residents(db, actor, preview, confirmed, strict=args.strict)
            elif kind == "bpjs":
                result = imports.commit_bpjs(db, actor, preview, strict=args.strict)
            else:
                result = imports.commit_welfare(db, actor, preview, strict=args.strict)
        except ValidationError:
            refused = True
    if args.report:
        imports.write_report(preview, args.report, db=db, actor=actor)
    out = _import_output(args, kind, preview, result, args.dry_run or refused or stop)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, default=str))
    else:
        _print_import(out)
        if refused:
            print("Mode ketat: ada baris ditolak, tidak ada yang diimpor.")
    if stop:
        print(
            "Galat: berkas ini tampaknya dari desa lain; tidak ada yang diimpor. Periksa "
            "dengan --dry-run, lalu ulangi dengan --confirm-other-village bila berkas ini "
            "memang dari desa ini.",
            file=sys.stderr,
        )
        return 5  # 4 is a database locked by another program (errors.explain)
    return 3 if preview.rejected else 0


def _cmd_mapping(db, args) -> int:  # type: ignore[no-untyped-def]
    from pesiar_desktop.importers.formats import ColumnMapping
    from pesiar_desktop.services import imports

    if args.mapping_action == "save":
        try:
            text = Path(args.file).read_text(encoding="utf-8")
            mapping = ColumnMapping.from_json(args.kind, text, args.name)
        except (OSError, ValueError) as err:
            print(f"Galat: berkas pemetaan {args.file} tidak dapat dibaca: {err}", file=sys.stderr)
            return 2
        imports.save_mapping(db, auth.login(db, args), mapping)
        print(f"Pemetaan {args.name!r} ({args.kind}) disimpan.")
        return 0
    found = imports.list_mappings(db, args.kind)
    if args.json:
        print(
            json.dumps(
                [{"kind": m.kind, "name": m.name, "columns": m.columns} for m in found],
                ensure_ascii=False,
            )
        )
    else:
        for m in found:
            print(f"{m.kind:10} {m.name}: {', '.join(f'{k}={v}' for k, v in m.columns.items())}")
    return 0


def _cmd_targets(db, args) -> int:  # type: ignore[no-untyped-def]
    from pesiar_desktop.rules import codes
    from pesiar_desktop.services import targets

    actor = auth.login(db, args, "personal.export")  # the list names people, with NIKs
    if args.export:
        targets.export_targets_xlsx(db, actor, args.export)
    report = targets.targets_report(db)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=str))
        return 0
    print(f"Sasaran: {report['total']} orang ({report['priority']} prioritas)")
    for key, count in report["by_category"].items():
        print(f"  {codes.TARGET_CATEGORIES[key]:50} {count}")
    print("Per dusun:")
    for area in report["areas"]:
        print(
            f"  {area['dusun']:30} sasaran {area['targets']:6}  cakupan {area['coverage_pct']:6} %"
            f"  keaktifan {area['active_pct']:6} %"
        )
    if args.export:
        print(f"Daftar sasaran disimpan ke {args.export}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser, feature_handlers = _parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    paths = resolve_paths(args.data_dir, args.database_url)
    if command == "gui":
        from pesiar_desktop.app import run_gui

        return run_gui(paths, smoke=getattr(args, "smoke", False))
    if command == "import":  # parse the file while the rest starts (plain_xlsx.read_ahead)
        from pesiar_desktop.importers.plain_xlsx import read_ahead

        read_ahead(Path(args.file))
    from pesiar_desktop.bootstrap import open_app_database  # after `gui`: see app.run_gui

    try:
        db = open_app_database(paths)
    except PesiarError as err:
        print(f"Galat: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # noqa: BLE001 - the top: one line for the user, the rest logged
        return _failed(err, command, paths.log_dir)
    try:
        handler: Handler = {
            **feature_handlers,
            "init": _cmd_init,
            "demo": _cmd_demo,
            "stats": _cmd_stats,
            "import": _cmd_import,
            "mapping": _cmd_mapping,
            "targets": _cmd_targets,
        }[command]
        gc_policy.release()  # started: collect what the command creates
        return handler(db, args)
    except PesiarError as err:
        explained = explain(err)  # e.g. a backup that hit a full disk
        if explained is not None:
            return _failed(err, command, paths.log_dir)
        print(f"Galat: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `pesiar-desktop letter list | head`: the reader left. Nothing more to print;
        # point stdout at devnull so the interpreter's final flush stays quiet.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("Dibatalkan.", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the top: one line for the user, the rest logged
        return _failed(err, command, paths.log_dir)
    finally:
        db.dispose()


def _failed(err: BaseException, command: str, log_dir: Any) -> int:
    """No traceback in front of the user: one Indonesian line and an exit status; the
    traceback goes to the log file."""
    import logging

    logging.getLogger(__name__).error("command %s failed", command, exc_info=err)
    explained = explain(err)
    if explained is not None:
        message, code = explained
    else:
        message = (
            f"Terjadi galat yang tidak terduga ({type(err).__name__}); perubahan basis data "
            f"yang sedang berjalan dibatalkan. Rinciannya tercatat di log: {log_dir}."
        )
        code = 1
    print(f"Galat: {message}", file=sys.stderr)
    return code
