"""Real-world values, not only the demo's: long dusun and agent names (issue 17)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from pesiar_desktop.services import village
from pesiar_desktop.ui.dialogs.advocacy_dialog import AdvocacyDialog
from pesiar_desktop.ui.dialogs.agent_dialog import AgentDialog
from pesiar_desktop.ui.dialogs.assignment_dialog import AssignmentDialog
from pesiar_desktop.ui.dialogs.resident_dialog import ResidentDialog
from tests.unit.test_agents_support import make_agent

LONG_DUSUN = "Dusun Karang Bayan Timur Laut Dua Sejahtera Makmur Abadi"
LONG_AGENT = "Prof. Dr. Hj. Nur'aini Siti Khadijah Al-Mahdali Purnamasari, S.K.M., M.Kes."

DIALOGS = {
    "ResidentDialog": lambda db, tasks, actor: ResidentDialog(
        db, tasks, actor, None, new_family=True
    ),
    "AgentDialog": AgentDialog,
    "AssignmentDialog": AssignmentDialog,
    "AdvocacyDialog": lambda db, tasks, actor: AdvocacyDialog(db, tasks, actor, []),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_a_form_is_not_cut_on_the_right_by_long_names(qtbot, village_db, admin, tasks, name):
    """A long agent name or dusun name in a form's list must not make the form wider than
    its scroll area when the dialog is as narrow as it allows: the fields were cut off on
    the right (no horizontal scroll bar)."""
    village.add_area(village_db, admin, LONG_DUSUN, "3", "12")
    make_agent(village_db, admin, LONG_AGENT)
    dialog = DIALOGS[name](village_db, tasks, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSize().width(), dialog.height())  # as narrow as it may be
    qtbot.wait(50)
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None
    content = scroll.widget()
    assert content.width() <= scroll.viewport().width(), (content.width(), scroll.viewport())
    dialog.close()
