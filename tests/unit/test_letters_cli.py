"""`pesiar-desktop letter list|render|verify` against a real database (the documented exit codes)."""

from __future__ import annotations

import json
from datetime import date

from pesiar_desktop.cli import main
from pesiar_desktop.db import open_database
from pesiar_desktop.services import letters, village
from tests.conftest import ADMIN_PASSWORD, _set_up, admin_actor
from tests.unit.test_agents_support import add_families, kades, make_agent, make_assignment, rt_ids


def test_letter_list_render_verify(sqlite_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PESIAR_PASSWORD", ADMIN_PASSWORD)  # `letter render` logs in as admin
    db = open_database(sqlite_url)
    _set_up(db)
    admin = admin_actor(db)
    village.add_area(db, admin, "Dusun Krajan", "1", "1")
    add_families(db)
    agent = make_agent(db, admin, "Siti Aminah")
    assignment = make_assignment(db, admin, agent.id, rt_ids(db))
    kd = kades(db)
    draft = letters.draft(db, admin, letters.TYPE_PAKTA, agent_id=agent.id)
    approved = letters.approve(
        db,
        kd,
        letters.draft(db, admin, letters.TYPE_SURAT_TUGAS, assignment_ids=[assignment.id]).id,
        today=date(2026, 11, 23),
    )
    db.dispose()
    base = ["--database-url", sqlite_url, "--data-dir", str(tmp_path / "data")]

    assert main([*base, "letter", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["type"], r["number"], r["status"], r["date"]) for r in listed] == [
        (approved.id, "SURAT_TUGAS", "094/001/DS-2005/XI/2026", "approved", "2026-11-23"),
        (draft.id, "PAKTA", None, "draft", None),
    ]
    assert "Siti Aminah" in listed[0]["subject"]
    assert main([*base, "letter", "list"]) == 0
    assert "(konsep)" in capsys.readouterr().out

    out = tmp_path / "st.pdf"
    assert main([*base, "letter", "render", str(approved.id), str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    capsys.readouterr()

    assert main([*base, "letter", "verify", approved.number, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"
    assert main([*base, "letter", "verify", str(out)]) == 0
    assert "SAH" in capsys.readouterr().out
    assert main([*base, "letter", "verify", "094/777/DS-2005/XI/2026", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "unknown"
    assert main([*base, "letter", "render", "999", str(out)]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
