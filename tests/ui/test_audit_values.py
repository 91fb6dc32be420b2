"""The audit log shows logged values in words: code labels (not `ARREARS`, `WHATSAPP`),
Ya/Tidak, dates as dd-mm-yyyy and times in the village's zone (not ISO), in English in
the English UI; personal numbers masked for a user who may not see them whole."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from pesiar_desktop.app import load_language
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import reminders as rc
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.timezones import WITA, local_time
from pesiar_desktop.services import agents, reminders, residents
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.services.audit_query import AuditEntry
from pesiar_desktop.ui import audit_labels
from pesiar_desktop.ui.dialogs.audit_log import AuditLogWidget, entry_text
from tests.unit.test_visits_helpers import TODAY, register_budi_family

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
RAW_CODES = (
    "ARREARS",
    "WHATSAPP",
    "INACTIVE",
    "ACTIVE",
    "PBPU,",
    "True",
    "False",
    "true",
    "false",
    "cancelled",
    "submitted",
)


@pytest.fixture
def logged(fv, admin) -> Iterator[object]:
    """Real service calls: a reminder, a registration cancelled, a resident edited (with
    the membership paid up), an agent deactivated."""
    notice = reminders.prepare_one(fv.db, reminders.arrears_target(fv.joko_family))
    reminders.record(fv.db, admin, [notice], rc.CHANNEL_WHATSAPP)
    reg = register_budi_family(fv, admin, TODAY - timedelta(days=2))
    regs.cancel(fv.db, admin, reg, "Data ganda")
    person, _member, _family, _life = residents.load_resident(fv.db, fv.people["JOKO"])
    edited = replace(person, marital_status=2, birth_date=date(1970, 5, 6))
    residents.edit_resident(
        fv.db,
        admin,
        fv.people["JOKO"],
        edited,
        membership=MembershipInput(codes.STATUS_ACTIVE, "PBPU", jkn_class=3, as_of=TODAY),
    )
    agents.set_active(fv.db, admin, fv.agent_id, False)
    yield fv


def _details(widget: AuditLogWidget) -> dict[str, str]:
    """The detail text of the newest entry of each action."""
    shown: dict[str, str] = {}
    for row, entry in enumerate(widget.entries):
        if entry.action not in shown:
            widget.table.setCurrentCell(row, 0)
            shown[entry.action] = widget.detail.toPlainText()
    return shown


def _body(text: str) -> str:
    """The detail without its first line (the entry's own id and time)."""
    return text.split("\n", 1)[1]


def _local(entry: AuditEntry, key: str) -> str:
    stored = (entry.after or {})[key]
    return f"{local_time(datetime.fromisoformat(stored), WITA):%d-%m-%Y %H:%M} WITA"


def test_values_in_words_and_local_time(qtbot, logged, admin):
    widget = AuditLogWidget(logged.db, admin)
    qtbot.addWidget(widget)
    shown = _details(widget)

    reminder = shown["reminder.sent"]
    assert "Jenis: Tunggakan iuran" in reminder
    assert "Saluran: WhatsApp" in reminder
    assert f"Tanggal kirim: {TODAY:%d-%m-%Y}" in reminder
    sent = next(e for e in widget.entries if e.action == "reminder.sent")
    assert "T" in sent.after["created_at"]  # stored as ISO, shown in the village's time
    assert f"Dibuat: {_local(sent, 'created_at')}" in reminder
    assert "No HP: 6281298700002" in reminder  # an administrator sees the whole number

    cancelled = shown["registration.cancelled"]
    assert "Status: Diajukan → Dibatalkan" in cancelled

    membership = shown["membership.change"]
    assert "Status: Nonaktif (menunggak) → Aktif" in membership
    assert "Bulan tunggakan: 5 → 0" in membership

    edit = shown["resident.edit"]
    assert "Status kawin: Belum Kawin → Kawin" in edit
    assert "Tanggal lahir: 05-05-1970 → 06-05-1970" in edit

    assert "Aktif: Ya → Tidak" in shown["agent.deactivate"]

    registered = shown["registration.submit"]
    assert "Jalur pendaftaran: PBPU mandiri" in registered
    assert "(Penduduk (id): 1, Diikutkan: Ya, Kelas JKN: 3, Iuran: Rp35.000" in registered  # nested
    assert "Iuran per bulan: Rp" in registered  # money as rupiah, not 105000

    for action, text in shown.items():
        body = _body(text)
        assert not ISO.search(body), f"{action}: {body}"
        assert not [c for c in RAW_CODES if c in body], f"{action}: {body}"


def test_values_in_english(qtbot, logged, admin):
    load_language("en")
    try:
        widget = AuditLogWidget(logged.db, admin)
        qtbot.addWidget(widget)
        shown = _details(widget)
    finally:
        load_language("id")
    reminder = shown["reminder.sent"]
    assert "Send reminder · Reminder" in reminder
    assert "Channel: WhatsApp" in reminder
    assert "Kind: Premium arrears" in reminder  # the code label, in English
    assert "Tunggakan" not in reminder and "Jenis" not in reminder
    assert "Active: Yes → No" in shown["agent.deactivate"]
    assert "Marital status: Single → Married" in shown["resident.edit"]
    assert "Status: Submitted → Cancelled" in shown["registration.cancelled"]


def test_personal_numbers_masked_for_who_may_not_see_them(qtbot, logged, admin, viewer):
    widget = AuditLogWidget(logged.db, viewer)
    qtbot.addWidget(widget)
    assert not widget.allowed  # the log is for administrators only
    admin_widget = AuditLogWidget(logged.db, admin)
    qtbot.addWidget(admin_widget)
    assert not admin_widget.hide_numbers  # administrators see whole numbers
    sent = next(e for e in admin_widget.entries if e.action == "reminder.sent")
    masked = entry_text(sent, WITA, mask=True)
    assert "No HP: *********0002" in masked and "6281298700002" not in masked
    added = next(e for e in admin_widget.entries if e.action == "resident.add")
    nik = added.after["nik"]
    assert nik not in entry_text(added, WITA, mask=True)
    assert f"NIK: {nik[:4]}********{nik[-4:]}" in entry_text(added, WITA, mask=True)


def test_value_rules():
    text = audit_labels.value_text
    assert text(None, "note", WITA) == "—"
    assert text("2026-12-07T11:24:15.123456+00:00", "x", WITA) == "07-12-2026 19:24 WITA"
    assert text("2026-12-07 11:24:15", "x", WITA) == "07-12-2026 19:24 WITA"  # naive = UTC
    assert text("2026-12-07", "x", WITA) == "07-12-2026"
    assert text("2026-13-45", "x", WITA) == "2026-13-45"  # not a date: as stored
    assert text(1, "sex", WITA) == "Laki-laki" and text(9, "sex", WITA) == "9"
    assert text("DEATH", "kind", WITA, "population_event") == "Kematian"
    assert text("FULL", "kind", WITA, "reactivation") == "Bayar lunas"
    assert text("ACTIVE", "status", WITA, "resident", "membership.change") == "Aktif"
    assert text("cancelled", "status", WITA, "arrears_payment") == "Dibatalkan"
    assert text([1, "2026-01-02"], "areas", WITA) == "1, 02-01-2026"
    assert text({"sex": 2, "ok": False}, "members", WITA) == "Jenis kelamin: Perempuan, ok: Tidak"
    assert text([{"nik": "5201011203150001"}], "members", WITA, mask=True) == (
        "(NIK: 5201********0001)"
    )
