"""Benchmark: the resident register on a 100,000-resident demo village (issue "Foundation", 9).

Each figure is printed beside its floor measured in the same run:
- search keystroke (name substring, NIK prefix): the service query the Penduduk page runs,
  median of repeated runs, vs the equivalent raw indexed SQL through bare sqlite3
  (target <= 50 ms median);
- start-up to a shown main window (a fresh process) vs a bare PySide6 QMainWindow shown
  by a fresh process, medians of 15 runs started in turn (target <= 1.5x);
- Penduduk first rows after opening the page (target <= 300 ms), beside a bare QTableView
  filled from the same first-page SQL;
- resident memory added by opening the register over the main window showing the
  Beranda (<= 100 MB).

    python bench/bench_register.py [--residents 100000] [--data-dir DIR] [--runs 15]

Not a timed test: CI only checks that it runs (with a small --residents).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pesiar_desktop.config import resolve_paths  # noqa: E402


def rss_mb() -> float:
    """Current resident set size (Linux /proc; the benchmarks run on the CI machine)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm the page cache and the statement caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def ensure_demo(data_dir: Path, residents: int) -> Path:
    paths = resolve_paths(str(data_dir), None)
    if not paths.sqlite_file or not paths.sqlite_file.exists():
        cmd = [sys.executable, "-m", "pesiar_desktop", "--data-dir", str(data_dir), "demo"]
        subprocess.run([*cmd, "--residents", str(residents)], check=True, capture_output=True)
    assert paths.sqlite_file is not None
    return paths.sqlite_file


def bench_search(sqlite_file: Path, runs: int) -> list[tuple[str, float, float]]:
    from pesiar_desktop.db import open_database
    from pesiar_desktop.services import register

    db = open_database(f"sqlite:///{sqlite_file}")
    raw = sqlite3.connect(sqlite_file)
    nik = raw.execute("SELECT nik FROM resident ORDER BY id LIMIT 1 OFFSET 500").fetchone()[0]
    prefix = nik[:10]
    results = []
    try:
        for label, text in (("cari nama 'budi'", "budi"), (f"cari NIK '{prefix}'", prefix)):
            filt = register.RegisterFilter(search=text)

            def service(filt: register.RegisterFilter = filt) -> object:
                with db.read() as session:
                    return register.resident_ids(session, filt)

            if text.isdigit():
                sql = (
                    "SELECT id FROM resident WHERE (nik >= ? AND nik < ? OR family_id IN "
                    "(SELECT id FROM family WHERE no_kk >= ? AND no_kk < ?)) AND life_status = 1 "
                    "ORDER BY name_sort, id"
                )
                params: tuple[object, ...] = (text, text + "\uffff", text, text + "\uffff")
            else:
                sql = (
                    "SELECT id FROM resident WHERE name_sort LIKE ? AND life_status = 1 "
                    "ORDER BY name_sort, id"
                )
                params = (f"%{text}%",)

            def floor(sql: str = sql, params: tuple[object, ...] = params) -> object:
                return raw.execute(sql, params).fetchall()

            results.append((label, median_ms(service, runs), median_ms(floor, runs)))
    finally:
        raw.close()
        db.dispose()
    return results


CHILD_BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("PESIAR")); w.resize(1280, 720); w.show()
app.processEvents()
print(time.time())
"""

CHILD_APP = """
import sys, time
from pesiar_desktop.app import _application, _cached_language, load_language, ui_settings
from pesiar_desktop.config import resolve_paths
from pesiar_desktop.ui.main_window import MainWindow
paths = resolve_paths(sys.argv[1], None)
# What `pesiar-desktop gui` does: the main window frame first, then the database layer.
app = _application()
load_language(_cached_language(paths))
window = MainWindow(settings=ui_settings(paths))
window.show()
app.processEvents()
print(time.time())
from pesiar_desktop.bootstrap import open_app_database
from pesiar_desktop.services import users
db = open_app_database(paths)
window.attach(db, users.get_actor(db, "admin"))  # after the login dialog, in real use
app.processEvents()
print(time.time())
window.shutdown()
"""


def _child_times(code: str, *args: str) -> tuple[float, float]:
    """ms from process start to the first and to the last time the child prints."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    ).stdout.split()
    return (float(out[0]) - start) * 1000, (float(out[-1]) - start) * 1000


def startup_ms(data_dir: str, runs: int = 9) -> tuple[float, float, float]:
    """Medians of (app shown, app pages built, bare window shown) in ms.

    The app and the bare window are started in turn, run by run, so a slow spell of
    a shared machine weighs on both alike instead of on one block of runs.
    """
    shown, ready, bare = [], [], []
    for _ in range(runs):
        app_shown, app_ready = _child_times(CHILD_APP, data_dir)
        shown.append(app_shown)
        ready.append(app_ready)
        bare.append(_child_times(CHILD_BARE)[0])
    return statistics.median(shown), statistics.median(ready), statistics.median(bare)


def bench_first_rows(data_dir: Path, sqlite_file: Path) -> tuple[float, float, float, float]:
    """(first rows ms, bare table ms, RSS empty window MB, RSS after register MB)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from pesiar_desktop.app import _application, create_main_window
    from pesiar_desktop.bootstrap import open_app_database
    from pesiar_desktop.services import users

    app = _application()
    paths = resolve_paths(str(data_dir), None)
    db = open_app_database(paths)
    window = create_main_window(db, users.get_actor(db, "admin"), paths)
    window.show()
    # The Beranda loads its dashboard in the background first; a user opens Penduduk
    # after that, so the figure is taken once the window's background work is done.
    if window.tasks.is_busy():
        idle = QEventLoop()
        window.tasks.busy_changed.connect(lambda busy: idle.quit() if not busy else None)
        QTimer.singleShot(30_000, idle.quit)
        idle.exec()
    app.processEvents()
    rss_empty = rss_mb()

    page = window.residents_page
    loop = QEventLoop()
    page.model.loaded.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    start = time.perf_counter()
    window.show_page("penduduk")
    if page.model.rowCount() == 0 or page.model.is_loading:
        loop.exec()
    page.table.viewport().repaint()  # draws the visible rows: fetches their chunk
    app.processEvents()
    first_rows = (time.perf_counter() - start) * 1000
    assert page.model.rowCount() > 0, "the register page showed no rows"
    rss_register = rss_mb()
    window.shutdown()
    window.deleteLater()
    app.processEvents()

    # Floor: a bare QTableView filled with the same visible first page straight from SQL.
    start = time.perf_counter()
    raw = sqlite3.connect(sqlite_file)
    rows = raw.execute(
        "SELECT r.nik, r.name, r.birth_date, f.no_kk FROM resident r JOIN family f "
        "ON f.id = r.family_id WHERE r.life_status = 1 ORDER BY r.name_sort, r.id LIMIT 60"
    ).fetchall()
    model = QStandardItemModel(len(rows), 4)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setItem(r, c, QStandardItem(str(value)))
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 720)
    view.show()
    view.viewport().repaint()
    app.processEvents()
    bare = (time.perf_counter() - start) * 1000
    raw.close()
    view.close()
    db.dispose()
    return first_rows, bare, rss_empty, rss_register


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--data-dir", help="reuse/keep the demo database here")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="pesiar-bench-") as tmp:
        data_dir = Path(args.data_dir) if args.data_dir else Path(tmp)
        t0 = time.perf_counter()
        sqlite_file = ensure_demo(data_dir, args.residents)
        print(
            f"Register benchmark, {args.residents:,} residents (demo ready in "
            f"{time.perf_counter() - t0:.1f} s)"
        )
        print(f"{'figure':<34}{'ours':>10}{'floor':>10}{'ratio':>8}  target")
        for label, ours, floor in bench_search(sqlite_file, args.runs):
            print(f"{label:<34}{ours:>8.1f}ms{floor:>8.1f}ms{ours / floor:>7.2f}x  <= 50 ms median")
        shown_ms, ready_ms, bare_ms = startup_ms(str(data_dir), runs=15)
        print(
            f"{'start-up to shown main window':<34}{shown_ms:>8.0f}ms{bare_ms:>8.0f}ms"
            f"{shown_ms / bare_ms:>7.2f}x  <= 1.5x"
        )
        print(
            f"{'  ... to pages built (no login)':<34}{ready_ms:>8.0f}ms{bare_ms:>8.0f}ms"
            f"{ready_ms / bare_ms:>7.2f}x  (information)"
        )
        first, bare, rss_empty, rss_register = bench_first_rows(data_dir, sqlite_file)
        print(
            f"{'Penduduk first rows':<34}{first:>8.0f}ms{bare:>8.0f}ms{first / bare:>7.2f}x"
            f"  <= 300 ms"
        )
        added = rss_register - rss_empty
        print(
            f"{'memory added by the register':<34}{added:>8.0f}MB{'':>10}{'':>8}  <= 100 MB"
            f"  (empty window {rss_empty:.0f} MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
