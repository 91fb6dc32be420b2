"""Command-line front end. The contract (names, options, JSON keys) is kept stable.

pesiar-desktop [--data-dir DIR] [--database-url URL] [gui [--smoke]]
pesiar-desktop init --village-code KODE --admin-user U --admin-password P
pesiar-desktop demo [--residents N] [--seed S]
pesiar-desktop stats --json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from pesiar_desktop import __version__
from pesiar_desktop.bootstrap import open_app_database
from pesiar_desktop.config import resolve_paths
from pesiar_desktop.errors import PesiarError


def _parser() -> argparse.ArgumentParser:
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
    demo.add_argument(
        "--user", default=None, help="pengguna yang dicatat di log audit (bawaan: system)"
    )

    stats = sub.add_parser("stats", help="angka ringkas register")
    stats.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    return parser


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
    from pesiar_desktop.services import demo, users
    from pesiar_desktop.services.context import SYSTEM

    actor = users.get_actor(db, args.user) if args.user else SYSTEM
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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    paths = resolve_paths(args.data_dir, args.database_url)
    if command == "gui":
        from pesiar_desktop.app import run_gui

        return run_gui(paths, smoke=getattr(args, "smoke", False))
    try:
        db = open_app_database(paths)
    except PesiarError as err:
        print(f"Galat: {err}", file=sys.stderr)
        return 2
    try:
        handler = {"init": _cmd_init, "demo": _cmd_demo, "stats": _cmd_stats}[command]
        return handler(db, args)
    except PesiarError as err:
        print(f"Galat: {err}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
