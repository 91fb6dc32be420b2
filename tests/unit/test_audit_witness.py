"""The audit chain head leaves the database: in every backup's metadata and in the footer
of the monthly recap PDF the BPJS branch keeps."""

from __future__ import annotations

import subprocess
from datetime import date

from pesiar_desktop.services import audit, backup, recap


def test_recap_pdf_footer_prints_the_audit_chain_head(village_db, admin, freeze_clock, tmp_path):
    freeze_clock(date(2026, 11, 23))
    head = village_db.chain_head()
    assert head.count > 0 and head.last_hash
    out = tmp_path / "rekap.pdf"
    data = recap.export_recap_pdf(village_db, admin, "2026-10", out)
    assert data.audit_head == f"{head.count} entri, {head.last_hash[:32]}"
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Kepala log audit: {head.count} entri, {head.last_hash[:32]}" in text
    # the witness is the head a later `audit verify` finds in the chain
    report = audit.verify_chain(village_db)
    assert report.ok and report.head is not None and report.head.count == head.count + 1


def test_every_backup_records_the_chain_head_and_key(sqlite_db, tmp_path):
    from tests.conftest import _set_up, admin_actor

    _set_up(sqlite_db)
    admin = admin_actor(sqlite_db)
    head = sqlite_db.chain_head()
    made = backup.make_backup(sqlite_db, admin, tmp_path / "c.sqlite3")
    preview = backup.inspect_backup(made)
    assert preview.audit_head == head
    assert sqlite_db.audit_key is not None and preview.key_id == sqlite_db.audit_key.key_id
