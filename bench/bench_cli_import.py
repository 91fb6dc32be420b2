"""Benchmark: `pesiar-desktop import residents` of an OpenSID file, as a whole process, at
the sizes villages have (issue "An office day…", item 7: 10,000 rows <= 1.5x its floor,
100,000 rows <= 1.3x).

The file is OpenSID's real 43-column export (bench_import.make_file). Each round copies an
empty village (set up by `init`, no residents) and runs, in turn:
- ours: `python -m pesiar_desktop --data-dir COPY import residents FILE --json`, logged in
  as the administrator (PESIAR_USER/PESIAR_PASSWORD: the password check is part of it);
- the floor: a bare `python -c` process doing the same work with the bare libraries:
  argon2-cffi checks the password against the administrator's stored hash (a command
  must log in, issue "Satu pintu masuk"; the same hash parameters, so the same cost),
  fastexcel (calamine) reads the file into Arrow columns, as the program's plain-file path
  does (python-calamine's cell-by-cell reading takes 2-3x longer at 100,000 rows), nanoarrow
  hands them to Python, and sqlite3 `executemany` writes, in one transaction, the
  dusun, RT areas, families, residents, the memberships OpenSID's `id_asuransi` implies
  with their history row, the batch and one traceability row per resident, into a copy of
  the same empty village (same tables and indexes), with no checks at all. One step after
  another: the program overlaps the password check and the file's parsing with its own
  start (cli/auth.LoginMeanwhile, plain_xlsx.read_ahead), which needs a free second core.
- for reference, the same floor without the password check (the floor before logins).
Medians of the rounds are printed, with the ratio (compiled bytecode, as installed).

    python bench/bench_cli_import.py [--sizes 10000,100000] [--rounds 3] [--quick]

Not a timed test: CI only checks that it runs (--quick: 500 rows, 1 round).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench_import import make_file  # noqa: E402

ADMIN, PASSWORD = "admin", "admin12345"

FLOOR = r"""
import os, sqlite3, sys
from datetime import datetime
import fastexcel, nanoarrow

source, target = sys.argv[1], sys.argv[2]
if os.environ.get("FLOOR_LOGIN") == "1":
    import argon2
    with sqlite3.connect(target) as db:
        (stored,) = db.execute(
            "SELECT password_hash FROM app_user WHERE username = ?", (os.environ["PESIAR_USER"],)
        ).fetchone()
    argon2.PasswordHasher().verify(stored, os.environ["PESIAR_PASSWORD"])
excel = fastexcel.read_excel(source)
array = nanoarrow.Array(excel.load_sheet(excel.sheet_names[0], header_row=0))
header = [array.schema.field(i).name for i in range(array.schema.n_fields)]
rows = [header, *zip(*(array.child(i).to_pylist() for i in range(array.n_children)))]
column = {name: i for i, name in enumerate(rows[0])}
now = datetime.now().isoformat(sep=" ")
today = now[:10]
c = {name: column[name] for name in (
    "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir",
    "tanggallahir", "agama_id", "pendidikan_kk_id", "pekerjaan_id", "status_kawin",
    "kk_level", "nama_ayah", "nama_ibu", "status_dasar", "cacat_id", "hamil", "id_asuransi",
    "no_asuransi")}
dusun, areas, families = {}, {}, {}
residents, members, history, trace = [], [], [], []
for number, row in enumerate(rows[1:], start=2):
    d = dusun.setdefault(row[c["dusun"]], len(dusun) + 1)
    area = areas.setdefault((d, str(row[c["rw"]]), str(row[c["rt"]])), len(areas) + 1)
    kk = str(row[c["no_kk"]])
    family = families.setdefault(kk, (len(families) + 1, area, row[c["alamat"]]))[0]
    rid = len(residents) + 1
    day, month, year = str(row[c["tanggallahir"]]).split("-")
    name = str(row[c["nama"]])
    residents.append((
        rid, str(row[c["nik"]]), name, name.upper(), int(row[c["sex"]]),
        row[c["tempatlahir"]], f"{year}-{month}-{day}", family, int(row[c["kk_level"]]),
        int(row[c["status_kawin"]]), int(row[c["agama_id"]]), row[c["pendidikan_kk_id"]] or None,
        row[c["pekerjaan_id"]] or None, "", row[c["nama_ayah"]] or "", row[c["nama_ibu"]] or "",
        int(row[c["status_dasar"]]), int(row[c["hamil"]] or 0), int(row[c["cacat_id"]]) != 7,
        now, now,
    ))
    if int(row[c["id_asuransi"]] or 1) != 1:
        card = str(row[c["no_asuransi"]])
        members.append((rid, card, "PBI_APBN", "ACTIVE", "", 0, today, "IMPORT", now))
        history.append((rid, card, "PBI_APBN", "ACTIVE", "", 0, today, "IMPORT", now, "admin"))
    trace.append((1, number, rid, family, "NEW"))
db = sqlite3.connect(target)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=NORMAL")
with db:
    db.executemany("INSERT INTO dusun (id, name) VALUES (?, ?)",
                   [(i, n) for n, i in dusun.items()])
    db.executemany("INSERT INTO rt (id, dusun_id, rw, rt) VALUES (?, ?, ?, ?)",
                   [(i, d, rw, rt) for (d, rw, rt), i in areas.items()])
    db.executemany(
        "INSERT INTO family (id, no_kk, rt_id, address, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(i, kk, area, address, now, now) for kk, (i, area, address) in families.items()])
    db.executemany(
        "INSERT INTO resident (id, nik, name, name_sort, sex, birth_place, birth_date,"
        " family_id, shdk, marital_status, religion, education, occupation, phone,"
        " father_name, mother_name, life_status, is_pregnant, has_disability,"
        " is_stunting_child, is_laid_off, is_formal_worker, employer_name, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " 0, 0, 0, '', ?, ?)", residents)
    db.executemany(
        "INSERT INTO membership (resident_id, card_number, segment, status, fktp_code,"
        " months_in_arrears, as_of, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        members)
    db.executemany(
        "INSERT INTO membership_history (resident_id, card_number, segment, status,"
        " fktp_code, months_in_arrears, as_of, source, recorded_at, recorded_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", history)
    db.execute(
        "INSERT INTO import_batch (id, kind, file_name, sha256, file_format, actor, at,"
        " total_rows, new_count, updated_count, unchanged_count, rejected_count,"
        " warning_count, pending_count) VALUES (1, 'RESIDENTS', ?, '', 'OpenSID', 'admin',"
        " ?, ?, ?, 0, 0, 0, 0, 0)", (source, now, len(residents), len(residents)))
    db.executemany(
        "INSERT INTO import_row (batch_id, row_number, resident_id, family_id, action)"
        " VALUES (?, ?, ?, ?, ?)", trace)
db.close()
print(len(residents))
"""


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PESIAR_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(PYTHONPATH=str(ROOT), PESIAR_USER=ADMIN, PESIAR_PASSWORD=PASSWORD)
    return env


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stdout + done.stderr
    return seconds, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="rows, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="500 rows, 1 round (CI)")
    args = parser.parse_args()
    sizes = [500] if args.quick else [int(n) for n in args.sizes.split(",")]
    rounds = 1 if args.quick else args.rounds
    compileall.compile_dir(ROOT / "pesiar_desktop", quiet=1)
    env, py = _env(), sys.executable
    print(f"CLI import of an OpenSID file (43 columns), medians of {rounds} rounds in turn")
    print(f"{'rows':>8}{'ours':>10}{'floor':>10}{'ratio':>8}  target   (floor without login)")
    with tempfile.TemporaryDirectory(prefix="pesiar-bench-cli-import-") as tmp:
        work = Path(tmp)
        template = work / "empty-village"
        init = ["init", "--village-code", "52.01.01.2005", "--admin-user", ADMIN]
        _timed([py, "-m", "pesiar_desktop", "--data-dir", str(template), *init,
                "--admin-password", PASSWORD], env)  # fmt: skip
        for rows in sizes:
            source = work / f"opensid-{rows}.xlsx"
            make_file(source, rows)
            times: dict[str, list[float]] = {"ours": [], "floor": [], "no login": []}
            for round_no in range(rounds + 1):  # round 0 warms the page cache
                for name in times:
                    folder = work / name.replace(" ", "-")
                    shutil.rmtree(folder, ignore_errors=True)
                    shutil.copytree(template, folder)
                    if name == "ours":
                        cmd = [py, "-m", "pesiar_desktop", "--data-dir", str(folder), "import",
                               "residents", str(source), "--json"]  # fmt: skip
                    else:
                        cmd = [py, "-c", FLOOR, str(source), str(folder / "pesiar.sqlite3")]
                    login = "1" if name == "floor" else "0"
                    seconds, out = _timed(cmd, {**env, "FLOOR_LOGIN": login})
                    count = json.loads(out)["new"] if name == "ours" else int(out)
                    assert count == rows, out
                    if round_no:
                        times[name].append(seconds)
            ours, floor, bare = (statistics.median(t) for t in times.values())
            target = "<= 1.5x" if rows <= 10_000 else "<= 1.3x"
            print(
                f"{rows:>8,}{ours:>9.2f}s{floor:>9.2f}s{ours / floor:>7.2f}x  {target}  "
                f"({bare:.2f} s, {ours / bare:.2f}x)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
