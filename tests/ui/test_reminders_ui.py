"""Tindak Lanjut: "Kirim WhatsApp" opens the wa.me link with the message and records it;
a bad number is shown instead; "Cetak slip pengingat…" prints the selected rows (or all)
and the list shows when each family was last reminded."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QItemSelectionModel, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select, update

from pesiar_desktop.models import Reminder, Resident
from pesiar_desktop.rules import reminders as rc
from pesiar_desktop.services import registrations as regs
from pesiar_desktop.ui.pages.registrasi import ARREARS, TAB_FOLLOWUP, UNPAID, RegistrasiPage
from tests.ui.conftest import wait_written
from tests.unit.test_visits_helpers import TODAY, register_budi_family

LAST_COLUMN_UNPAID, LAST_COLUMN_ARREARS = 12, 10


def _followups(qtbot, window, unpaid: int = 0) -> RegistrasiPage:
    window.show_page("registrasi")
    page = window.pages["registrasi"]
    assert isinstance(page, RegistrasiPage)
    page.tabs.setCurrentIndex(TAB_FOLLOWUP)
    qtbot.waitUntil(
        lambda: page.arrears_model.rowCount() == 2 and page.unpaid_model.rowCount() == unpaid,
        timeout=10_000,
    )
    return page


def _opened(monkeypatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(bytes(url.toEncoded()).decode("ascii"))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return urls


def _reminders(fv) -> list[tuple]:
    with fv.db.read() as session:
        return [
            tuple(r)
            for r in session.execute(
                select(Reminder.family_id, Reminder.kind, Reminder.channel, Reminder.phone)
                .order_by(Reminder.id)
            ).all()
        ]  # fmt: skip


def test_whatsapp_from_the_arrears_list(qtbot, make_window, fv, admin, monkeypatch):
    urls = _opened(monkeypatch)
    window = make_window(admin)
    page = _followups(qtbot, window)
    assert page.arrears_model.row(0).texts[LAST_COLUMN_ARREARS] == "belum"
    page.arrears_view.selectRow(0)
    page.arrears_whatsapp_button.click()
    qtbot.waitUntil(lambda: "dicatat sebagai pengingat" in page.followup_notice.text(),
                    timeout=10_000)  # fmt: skip
    wait_written(qtbot, page)
    assert len(urls) == 1 and urls[0].startswith("https://wa.me/6281298700002?text=")
    text = parse_qs(urlsplit(urls[0]).query)["text"][0]
    assert text.startswith("Yth. Bapak/Ibu JOKO,")
    assert "Rp350.000" in text and "SARI WULANDARI" in text and "23 November 2026" in text
    assert _reminders(fv) == [(fv.joko_family, rc.KIND_ARREARS, rc.CHANNEL_WHATSAPP,
                               "6281298700002")]  # fmt: skip
    qtbot.waitUntil(
        lambda: page.arrears_model.row(0).texts[LAST_COLUMN_ARREARS] == "23-11-2026 · WhatsApp",
        timeout=10_000,
    )


def test_a_bad_number_is_shown_not_opened(qtbot, make_window, fv, admin, monkeypatch):
    with fv.db.transaction() as session:
        session.execute(
            update(Resident).where(Resident.id == fv.people["JOKO"]).values(phone="0812-345")
        )
    urls = _opened(monkeypatch)
    window = make_window(admin)
    page = _followups(qtbot, window)
    page.arrears_view.selectRow(0)
    page.send_whatsapp(ARREARS)
    qtbot.waitUntil(lambda: "No HP tidak valid" in page.followup_notice.text(), timeout=10_000)
    assert "0812-345 (terlalu pendek)" in page.followup_notice.text()
    assert urls == [] and _reminders(fv) == []


def test_whatsapp_for_an_unpaid_first_premium(qtbot, make_window, fv, admin, monkeypatch):
    reg = register_budi_family(fv, admin, TODAY - timedelta(days=20))
    regs.issue_va(fv.db, admin, reg, "8888801234567890", TODAY - timedelta(days=18))
    urls = _opened(monkeypatch)
    window = make_window(admin)
    page = _followups(qtbot, window, unpaid=1)
    page.unpaid_view.selectRow(0)
    page.unpaid_whatsapp_button.click()
    qtbot.waitUntil(lambda: len(_reminders(fv)) == 1, timeout=10_000)
    wait_written(qtbot, page)
    text = parse_qs(urlsplit(urls[0]).query)["text"][0]
    assert urls[0].startswith("https://wa.me/6281234500001?text=")
    assert "Nomor VA: 8888801234567890." in text and "Rp105.000" in text
    assert _reminders(fv)[0][:3] == (fv.budi_family, rc.KIND_FIRST_PREMIUM, rc.CHANNEL_WHATSAPP)


def test_slips_for_selected_rows_or_all(qtbot, make_window, fv, admin, viewer, monkeypatch,
                                        tmp_path):  # fmt: skip
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window(admin)
    page = _followups(qtbot, window)
    # JOKO and SRI are one family: both rows selected give one slip.
    page.arrears_view.selectRow(0)
    page.arrears_view.selectionModel().select(
        page.arrears_model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert len(page.arrears_view.selectionModel().selectedRows()) == 2
    assert [t.family_id for t in page.reminder_targets(ARREARS)] == [fv.joko_family] * 2
    page.arrears_slip_button.click()
    qtbot.waitUntil(lambda: "Slip pengingat 1 keluarga" in page.followup_notice.text(),
                    timeout=10_000)  # fmt: skip
    wait_written(qtbot, page)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    assert "Bapak/Ibu JOKO" in text and "Rp350.000" in text and "SARI WULANDARI" in text
    assert _reminders(fv) == [(fv.joko_family, rc.KIND_ARREARS, rc.CHANNEL_SLIP, "")]
    qtbot.waitUntil(
        lambda: page.arrears_model.row(1).texts[LAST_COLUMN_ARREARS] == "23-11-2026 · Slip cetak",
        timeout=10_000,
    )
    # Nothing selected: every row of the list (here the same family).
    page.arrears_view.clearSelection()
    assert page.reminder_targets(ARREARS) == []
    assert len(page.reminder_targets(ARREARS, everyone=True)) == 2
    # The unpaid list is empty: nothing to print, said so.
    page.ask_slips(UNPAID)
    assert "Tidak ada keluarga" in page.followup_notice.text()


def test_viewer_cannot_send_reminders(qtbot, make_window, fv, viewer):
    window = make_window(viewer)
    page = _followups(qtbot, window)
    for button in (page.arrears_whatsapp_button, page.arrears_slip_button,
                   page.unpaid_whatsapp_button, page.unpaid_slip_button):  # fmt: skip
        assert not button.isEnabled()
