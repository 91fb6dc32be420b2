"""Agen page: the agent dialog with inline validation and a resident link, the assignment
dialog's workload hint, and the agent table."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from pesiar_desktop.models import Resident
from pesiar_desktop.services import agents, settings
from pesiar_desktop.services.settings import SETTINGS
from pesiar_desktop.ui.dialogs.agent_dialog import AgentDialog
from pesiar_desktop.ui.dialogs.assignment_dialog import AssignmentDialog
from pesiar_desktop.ui.pages.agents import TAB_AGENTS, TAB_ASSIGNMENTS, AgentsPage
from tests.fieldwork_builder import FieldworkBuilder
from tests.ui.conftest import wait_written
from tests.unit.test_agents_support import rt_ids


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def test_agent_dialog_validates_inline_and_links_resident(
    qtbot, village_db, tasks, operator, filled, tmp_path
):
    dialog = AgentDialog(village_db, tasks, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    wait_written(qtbot, dialog)
    assert dialog.result() == 0 and dialog.saved_id is None
    assert (
        dialog.errors.label("name").isVisible()
        and dialog.errors.label("source_category").isVisible()
    )
    assert agents.list_agents(village_db) == []

    with village_db.read() as session:
        nik = session.get(Resident, filled.residents["SITI AMINAH"]).nik
    qtbot.keyClicks(dialog.link_nik, nik)
    qtbot.keyClick(dialog.link_nik, Qt.Key.Key_Return)
    assert dialog.name_edit.text() == "SITI AMINAH" and dialog.nik_edit.text() == nik
    assert "Tertaut" in dialog.link_label.text()
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("PKK"))
    qtbot.keyClicks(dialog.phone_edit, "telepon")
    qtbot.keyClicks(dialog.bank_account_edit, "0012345678")
    dialog.save()
    wait_written(qtbot, dialog)
    assert dialog.errors.label("phone").isVisible() and dialog.errors.label("bank_name").isVisible()
    assert not dialog.errors.label("name").isVisible()
    dialog.phone_edit.setText("081234567890")
    qtbot.keyClicks(dialog.bank_name_edit, "BRI")
    dialog.set_photo_bytes(_png())
    assert not dialog.photo_label.pixmap().isNull()
    dialog.grab().save(str(tmp_path / "agent_dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert dialog.result() == 1 and dialog.saved_id is not None
    row = agents.get_agent(village_db, dialog.saved_id)
    assert (row.name, row.resident_id, row.has_photo, row.bank_account) == (
        "SITI AMINAH",
        filled.residents["SITI AMINAH"],
        True,
        "0012345678",
    )

    # Editing shows the stored values and keeps the link.
    edit = AgentDialog(village_db, tasks, operator, row.id)
    qtbot.addWidget(edit)
    assert edit.name_edit.text() == "SITI AMINAH" and edit.resident_id == row.resident_id
    assert edit.source_combo.currentData() == "PKK"


def test_assignment_dialog_counts_families_and_warns(
    qtbot, village_db, tasks, admin, operator, filled
):
    settings.put(village_db, admin, SETTINGS.max_families, 1)
    agent = agents.create_agent(
        village_db, operator, agents.AgentInput(name="Lalu Hendra", source_category="KARTAR")
    )
    dialog = AssignmentDialog(village_db, tasks, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save()
    wait_written(qtbot, dialog)
    assert dialog.errors.label("agent_id").isVisible() and dialog.errors.label("areas").isVisible()
    dialog.agent_combo.setCurrentIndex(dialog.agent_combo.findData(agent.id))
    first_rt = rt_ids(village_db)[0]
    dialog.check_rt(first_rt)
    assert dialog.families_label.text() == "2 KK"  # two filled families live in the first RT
    assert dialog.workload_label.isVisible() and "melebihi" in dialog.workload_label.text()
    dialog.check_rt(first_rt, False)
    dialog.check_rt(rt_ids(village_db)[2])
    assert dialog.families_label.text() == "1 KK" and not dialog.workload_label.isVisible()
    dialog.budget_spin.setValue(6_000_000)
    dialog.save()
    wait_written(qtbot, dialog)
    assert dialog.errors.label("apbdes_name").isVisible()
    dialog.name_edit.setText("Agen PESIAR")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    assert dialog.saved_id is not None


def test_agents_tab_lists_agents(qtbot, make_window, operator, village_db):
    agents.create_agent(
        village_db, operator, agents.AgentInput(name="Baiq Nurul", source_category="BIDAN")
    )
    window = make_window(operator)
    window.show_page("agen")
    page = window.pages["agen"]
    assert isinstance(page, AgentsPage)
    assert page.tabs.currentIndex() == TAB_AGENTS
    qtbot.waitUntil(lambda: page.agent_model.rowCount() == 1, timeout=10_000)
    ModelTester(qtbot).check(page.agent_model)
    assert page.agent_model.row(0).texts[:2] == ("Baiq Nurul", "Bidan / tenaga kesehatan")
    assert page.add_agent_button.isEnabled()


def test_assignments_tab_follows_the_workload_setting(
    qtbot, make_window, admin, village_db, filled
):
    """A settings change (Topic.SETTINGS) redraws the workload warning of the listed rows."""
    b = FieldworkBuilder(village_db)
    agent = b.agent("I MADE SUARTA")
    families = list(filled.families.values())[:2]
    b.assignment(agent, date(2026, 1, 1), date(2026, 12, 31), family_ids=families)
    window = make_window(admin)
    window.show_page("agen")
    page = window.pages["agen"]
    assert isinstance(page, AgentsPage)
    page.tabs.setCurrentIndex(TAB_ASSIGNMENTS)
    qtbot.waitUntil(lambda: page.assignment_model.rowCount() == 1, timeout=10_000)
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert "melebihi" not in page.assignment_model.index(0, 0).data(tooltip)
    settings.put(village_db, admin, SETTINGS.max_families, 1)  # two families
    qtbot.waitUntil(
        lambda: "melebihi" in page.assignment_model.index(0, 0).data(tooltip), timeout=10_000
    )


def test_long_texts_in_the_agent_and_assignment_dialogs_show_whole_or_from_the_start(
    qtbot, village_db, tasks, admin, operator, filled
):
    """Looked at 1366×768: the photo frame's "Belum ada foto" was cut at the right, and a
    long Kegiatan APBDes showed its end ("…ataan dan pendampingan …")."""
    agent_dialog = AgentDialog(village_db, tasks, operator)
    qtbot.addWidget(agent_dialog)
    agent_dialog.show()
    label = agent_dialog.photo_label
    assert label.wordWrap()
    words = label.text().split()
    assert all(label.fontMetrics().horizontalAdvance(w) < label.width() for w in words)

    agent = agents.create_agent(
        village_db, operator, agents.AgentInput(name="Lalu Hendra", source_category="KARTAR")
    )
    dialog = AssignmentDialog(village_db, tasks, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.agent_combo.setCurrentIndex(dialog.agent_combo.findData(agent.id))
    dialog.check_rt(rt_ids(village_db)[0])
    long_name = "Pendataan dan pendampingan kepesertaan JKN (Agen PESIAR) " * 2
    dialog.name_edit.setText(long_name.strip())
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    edit = AssignmentDialog(village_db, tasks, operator, assignment_id=dialog.saved_id)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitUntil(lambda: edit.name_edit.text() == long_name.strip(), timeout=5_000)
    assert edit.name_edit.cursorPosition() == 0
