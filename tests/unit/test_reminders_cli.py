"""CLI: `arrears remind` on a demo village: WhatsApp links (or the reason there is none),
the slip sheet, and the reminders recorded."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from pesiar_desktop.cli import main
from pesiar_desktop.db import open_database
from pesiar_desktop.models import Reminder
from pesiar_desktop.rules import reminders as rc
from tests.conftest import as_user
from tests.unit.test_registrations_printouts import pdf_text


def _recorded(tmp_path) -> list[tuple[int, str, str]]:
    db = open_database(f"sqlite:///{tmp_path / 'pesiar.sqlite3'}")
    try:
        with db.read() as session:
            rows = session.execute(
                select(Reminder.family_id, Reminder.kind, Reminder.channel).order_by(Reminder.id)
            ).all()
    finally:
        db.dispose()
    return [tuple(r) for r in rows]


def test_arrears_remind_command(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path)]
    assert main([*base, "demo", "--residents", "600", "--seed", "5"]) == 0
    capsys.readouterr()
    remind = [*base, "arrears", "remind"]
    demo_reminders = _recorded(tmp_path)
    assert demo_reminders, "the demo has reminders sent"
    # A viewer may not take personal data out; --user is required.
    assert main([*remind, *as_user("bpd")]) == 1
    assert "tidak berhak" in capsys.readouterr().err
    assert main([*base, "arrears", "--json"]) == 0
    families = json.loads(capsys.readouterr().out)
    assert main([*remind, "--json", *as_user("operator")]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["no_kk"] for r in listed] == [f["no_kk"] for f in families]
    assert {r["kind"] for r in listed} == {rc.KIND_ARREARS}
    for row, family in zip(listed, families, strict=True):
        assert 0 < row["amount"] <= family["amount_owed"]  # all, or a REHAB instalment
        if row["whatsapp_url"]:
            assert row["whatsapp_url"].startswith(f"https://wa.me/{row['phone_international']}?")
            query = parse_qs(urlsplit(row["whatsapp_url"]).query)
            assert query["text"] == [row["message"]]
            assert row["head"] in row["message"]
        else:
            assert row["phone_problem"], row  # shown with a reason, never guessed
    assert any(r["whatsapp_url"] for r in listed)
    assert _recorded(tmp_path) == demo_reminders  # listing links records nothing
    # One family by its No KK: the slip sheet and the WhatsApp reminder recorded.
    chosen = next(r for r in listed if r["whatsapp_url"])
    out = tmp_path / "slip.pdf"
    args = [*remind, chosen["no_kk"], "--slips", str(out), "--sent", *as_user("operator")]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert chosen["whatsapp_url"] in printed and "dicatat sebagai terkirim" in printed
    assert f"Slip pengingat disimpan ke {out}" in printed
    assert chosen["head"] in " ".join(pdf_text(out).split())
    assert _recorded(tmp_path)[len(demo_reminders) :] == [
        (chosen["family_id"], rc.KIND_ARREARS, rc.CHANNEL_SLIP),
        (chosen["family_id"], rc.KIND_ARREARS, rc.CHANNEL_WHATSAPP),
    ]
    # A family that owes nothing is refused by name; a file that cannot be written: 2.
    assert main([*remind, "1" * 16, *as_user("operator")]) == 1
    capsys.readouterr()
    bad = tmp_path / "missing-folder" / "slip.pdf"
    assert main([*remind, chosen["no_kk"], "--slips", str(bad), *as_user("operator")]) == 2
    assert "tidak dapat ditulis" in capsys.readouterr().err
    # The unpaid first premiums join with --first-premium.
    assert main([*remind, "--first-premium", "--json", *as_user("operator")]) == 0
    kinds = [r["kind"] for r in json.loads(capsys.readouterr().out)]
    assert kinds.count(rc.KIND_ARREARS) == len(families)
