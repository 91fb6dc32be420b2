"""Registrasi › Keaktifan: the list of reactivations with schedule and payments; a payment
corrected and cancelled with a reason (rows kept, audited), a plan nobody paid cancelled,
and the viewer who only looks."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from pesiar_desktop.models import ArrearsPayment, AuditLog, Membership
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.services import reactivation
from pesiar_desktop.services.reactivation import PaymentInput
from pesiar_desktop.ui.dialogs.payment_fix_dialog import (
    CANCEL_PAYMENT,
    CANCEL_PLAN,
    CORRECT_PAYMENT,
    PaymentFixDialog,
)
from pesiar_desktop.ui.pages.registrasi import TAB_KEAKTIFAN
from tests.ui.test_registrasi_page import _page
from tests.unit.test_reactivation import _arrears
from tests.unit.test_visits_helpers import TODAY

TIMEOUT = 10_000


def _tab(qtbot, window):
    page = _page(qtbot, window)
    page.tabs.setCurrentIndex(TAB_KEAKTIFAN)
    return page, page.keaktifan_tab


def _wait_dialog(qtbot, page) -> PaymentFixDialog:
    qtbot.waitUntil(lambda: isinstance(page.active_dialog, PaymentFixDialog), timeout=TIMEOUT)
    return page.active_dialog


def test_rehab_plan_listed_corrected_and_cancelled(qtbot, make_window, fv, admin):
    _arrears(fv, admin, 6)  # Joko and Sri: 2 × 6 × Rp35.000 = Rp420.000
    first = reactivation.pay(
        fv.db, admin, fv.joko_family,
        PaymentInput(TODAY - timedelta(days=3), 140_000, fc.COLLECTOR_FAMILY), rehab=3,
    )  # fmt: skip
    window = make_window(admin)
    page, tab = _tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    row = tab.model.row(0)
    assert row.texts[1] == "JOKO" and row.texts[5] == "REHAB 3× cicilan"
    assert row.texts[7:10] == ("Rp420.000", "Rp140.000", "Rp280.000")
    assert row.texts[11] == "Berjalan"
    qtbot.waitUntil(lambda: tab.plan is not None and tab.payments_model.rowCount() == 1,
                    timeout=TIMEOUT)  # fmt: skip
    assert "Jatuh tempo" in tab.detail_label.text() and "belum" in tab.detail_label.text()
    assert tab.correct_button.isEnabled() and tab.pay_button.isEnabled()
    assert not tab.cancel_plan_button.isEnabled()  # it has a payment

    # A correction needs a reason and the scheduled amount; the old row stays, marked.
    tab.open_fix(CORRECT_PAYMENT)
    dialog = _wait_dialog(qtbot, page)
    dialog.amount.setValue(100_000)
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.errors.text("reason")), timeout=TIMEOUT)
    assert "alasan" in dialog.errors.text("reason").lower()
    dialog.reason.setText("Salah tanggal bayar")
    dialog.save()
    qtbot.waitUntil(lambda: "140.000" in dialog.errors.text("amount"), timeout=TIMEOUT)
    dialog.amount.setValue(140_000)
    dialog.date_field.set_value(TODAY - timedelta(days=2))
    dialog.save()
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=TIMEOUT)
    assert "dikoreksi" in tab.notice.text()
    qtbot.waitUntil(lambda: tab.payments_model.rowCount() == 2, timeout=TIMEOUT)
    statuses = [tab.payments_model.row(i).texts[5] for i in range(2)]
    assert statuses == ["Dikoreksi", "Sah"]
    assert tab.payments_model.row(0).texts[6] == "Salah tanggal bayar"

    # Cancelling the valid payment (selected: the last valid one); then the plan itself.
    tab.open_fix(CANCEL_PAYMENT)
    dialog = _wait_dialog(qtbot, page)
    dialog.reason.setText("Tercatat dua kali")
    dialog.save()
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.plan is not None and not any(p.valid for p in tab.plan.payments),
                    timeout=TIMEOUT)  # fmt: skip
    assert tab.cancel_plan_button.isEnabled()
    tab.open_fix(CANCEL_PLAN)
    dialog = _wait_dialog(qtbot, page)
    dialog.reason.setText("Keluarga pindah ke kota")
    dialog.save()
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.model.row(0).texts[11] ==
                    "Dibatalkan", timeout=TIMEOUT)  # fmt: skip
    with fv.db.read() as session:
        payments = session.scalars(select(ArrearsPayment).order_by(ArrearsPayment.id)).all()
        assert [p.status for p in payments] == ["corrected", "cancelled"]  # nothing deleted
        assert payments[0].replaced_by_id == payments[1].id
        assert payments[1].receipt_number != first.receipt_number
        actions = set(session.scalars(select(AuditLog.action)))
        assert {"reactivation.payment_corrected", "reactivation.payment_cancelled",
                "reactivation.cancelled"} <= actions  # fmt: skip
        assert session.get(Membership, fv.people["JOKO"]).status == codes.STATUS_ARREARS


def test_full_payment_cancelled_puts_the_family_back_in_arrears(qtbot, make_window, fv, admin):
    _arrears(fv, admin, 2)
    reactivation.pay(fv.db, admin, fv.joko_family,
                     PaymentInput(TODAY - timedelta(days=1), 140_000, fc.COLLECTOR_FAMILY))  # fmt: skip
    window = make_window(admin)
    page, tab = _tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    assert tab.model.row(0).texts[11] == "Aktif kembali"
    qtbot.waitUntil(lambda: tab.payments_model.rowCount() == 1, timeout=TIMEOUT)
    assert not tab.pay_button.isEnabled()
    tab.open_fix(CANCEL_PAYMENT)
    dialog = _wait_dialog(qtbot, page)
    dialog.reason.setText("Uang dikembalikan")
    dialog.save()
    qtbot.waitUntil(lambda: page.active_dialog is None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.model.row(0).texts[11] == "Berjalan", timeout=TIMEOUT)
    with fv.db.read() as session:
        member = session.get(Membership, fv.people["SRI"])
        assert (member.status, member.months_in_arrears) == (codes.STATUS_ARREARS, 2)


def test_viewer_sees_the_list_without_write_buttons_or_full_numbers(
    qtbot, make_window, fv, admin, viewer
):
    _arrears(fv, admin, 5)
    reactivation.pay(fv.db, admin, fv.joko_family,
                     PaymentInput(TODAY, 175_000, fc.COLLECTOR_FAMILY), rehab=2)  # fmt: skip
    window = make_window(viewer)
    _page_, tab = _tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=TIMEOUT)
    assert "*" in tab.model.row(0).texts[2]  # No KK masked
    for button in (tab.pay_button, tab.correct_button, tab.cancel_payment_button,
                   tab.cancel_plan_button):  # fmt: skip
        assert not button.isVisibleTo(tab)
    assert tab.open_fix(CANCEL_PLAN) is None
