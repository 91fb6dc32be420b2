"""The command-line contract: init, stats --json, global options, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import select

from pesiar_desktop.cli import main
from pesiar_desktop.db import Database
from pesiar_desktop.models import AuditLog, User, Village

STATS_KEYS = {
    "residents",
    "families",
    "dusun",
    "registered",
    "active",
    "coverage_pct",
    "active_pct",
}


def test_init_sets_up_once(tmp_path, capsys):
    args = [
        "--data-dir",
        str(tmp_path),
        "init",
        "--village-code",
        "5201012005",
        "--admin-user",
        "Sekdes",
        "--admin-password",
        "rahasia-123",
    ]
    assert main(args) == 0
    assert "Suka Makmur" in capsys.readouterr().out
    assert main(args) == 1
    assert "sudah pernah disiapkan" in capsys.readouterr().err
    db = Database(f"sqlite:///{tmp_path / 'pesiar.sqlite3'}")
    with db.read() as s:
        village = s.scalar(select(Village))
        assert (village.region_code, village.kecamatan_name) == ("52.01.01.2005", "Gerung")
        assert village.kabupaten_name == "Kabupaten Lombok Barat"
        assert s.scalar(select(User.role).where(User.username == "sekdes")) == "admin"
        assert (
            s.scalar(select(AuditLog.actor).where(AuditLog.action == "village.setup")) == "sekdes"
        )
    db.dispose()


def test_init_rejects_unknown_code(tmp_path, capsys):
    args = [
        "--data-dir",
        str(tmp_path),
        "init",
        "--village-code",
        "99.99.99.9999",
        "--admin-user",
        "admin",
        "--admin-password",
        "rahasia-123",
    ]
    assert main(args) == 1
    assert "tidak ada di daftar wilayah" in capsys.readouterr().err


def test_stats_json_on_empty_database(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= STATS_KEYS
    assert figures["residents"] == 0


def test_database_url_option_and_module_entry(tmp_path):
    url = f"sqlite:///{tmp_path / 'lain.sqlite3'}"
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pesiar_desktop",
            "--data-dir",
            str(tmp_path / "d"),
            "--database-url",
            url,
            "stats",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["families"] == 0
    assert (tmp_path / "lain.sqlite3").is_file()
    assert not (tmp_path / "d" / "pesiar.sqlite3").exists()
    assert (tmp_path / "d" / "logs" / "pesiar.log").is_file()
