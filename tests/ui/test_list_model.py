"""The one in-memory list model (`ui/tablemodels/list_model.py`) under Qt's model checks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPersistentModelIndex, Qt

from pesiar_desktop.services import agents
from pesiar_desktop.services.agents import AgentRow
from pesiar_desktop.services.imports import PendingChange
from pesiar_desktop.ui.tablemodels import agents as agent_rows
from pesiar_desktop.ui.tablemodels.fieldwork import MUTED
from pesiar_desktop.ui.tablemodels.import_rows import pending_model, values_model
from pesiar_desktop.ui.tablemodels.list_model import Align, Column, ListModel

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
COLOUR = Qt.ItemDataRole.ForegroundRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _agents(db, actor) -> list[AgentRow]:
    for name, source, pact in (
        ("Baiq Nurul", "BIDAN", date(2026, 3, 2)),
        ("Lalu Hendra", "KARTAR", None),
        ("ahmad fauzi", "PKK", date(2026, 1, 5)),
    ):
        agents.create_agent(
            db,
            actor,
            agents.AgentInput(name=name, source_category=source, integrity_pact_date=pact),
        )
    rows = agents.list_agents(db)
    agents.set_active(db, actor, rows[1].id, False)
    return agents.list_agents(db)


def test_columns_over_service_rows(qtbot, qtmodeltester, village_db, operator, freeze_clock):
    freeze_clock(date(2026, 11, 23))  # the agents' pakta are dated in 2026
    rows = _agents(village_db, operator)
    model: ListModel[AgentRow] = ListModel(
        [
            Column("Nama", lambda a: a.name, sort=lambda a: a.name.lower()),
            Column("Pakta", lambda a: a.integrity_pact_date, Align.RIGHT, tooltip=lambda a: "p"),
            Column(
                "Aktif",
                lambda a: "ya" if a.is_active else "tidak",
                Align.CENTER,
                foreground=lambda a: None if a.is_active else MUTED,
            ),
        ],  # fmt: skip
        rows,
        key=lambda a: a.id,
    )
    qtmodeltester.check(model)
    assert model.headers == ["Nama", "Pakta", "Aktif"]
    assert model.rowCount() == 3 and model.columnCount() == 3
    inactive = next(n for n, a in enumerate(rows) if not a.is_active)
    assert model.index(inactive, 2).data(COLOUR) == MUTED
    assert model.index(inactive, 0).data(COLOUR) is None
    assert model.index(0, 1).data(ALIGN) == RIGHT and model.index(0, 0).data(ALIGN) == LEFT
    assert model.index(0, 1).data(TOOLTIP) == "p"
    assert model.index(0, 0).data(TOOLTIP) == model.index(0, 0).data(DISPLAY)
    no_pact = next(n for n, a in enumerate(rows) if a.integrity_pact_date is None)
    assert model.text(no_pact, 1) == ""  # None shows as empty

    # Sorting by the column's key (case-insensitive names) keeps selections on their rows.
    held = model.index(model.row_of(rows[0].id), 0)
    persistent = QPersistentModelIndex(held)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.text(n, 0) for n in range(3)] == ["ahmad fauzi", "Baiq Nurul", "Lalu Hendra"]
    assert model.key(persistent.row()) == rows[0].id
    model.set_rows(list(reversed(rows)))  # new rows keep the user's sort
    assert [model.text(n, 0) for n in range(3)] == ["ahmad fauzi", "Baiq Nurul", "Lalu Hendra"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.text(0, 0) == "Lalu Hendra"
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.row(0) is None and model.key(0) is None


def test_formatted_rows_of_a_page(qtbot, qtmodeltester, village_db, operator, freeze_clock):
    freeze_clock(date(2026, 11, 23))  # the agents' pakta are dated in 2026
    rows = _agents(village_db, operator)
    model = agent_rows.agent_model()
    model.set_rows([agent_rows.agent_row(a) for a in rows])
    qtmodeltester.check(model)
    assert model.row_of(rows[2].id) == 2 and model.keys() == [a.id for a in rows]
    model.sort(4, Qt.SortOrder.AscendingOrder)  # the pact date, not its text
    dates = [model.row(n).sort[4] for n in range(3)]
    assert dates[:2] == [date(2026, 1, 5), date(2026, 3, 2)] and dates[2] is None
    qtmodeltester.check(model)


def test_value_rows_of_an_import(qtbot, qtmodeltester):
    model = values_model(["Baris", "NIK", "Alasan"], right=[0])
    model.set_rows([(12, "5201014101900001", "NIK ganda"), (3, None, "Nama kosong")])
    qtmodeltester.check(model)
    assert model.index(1, 1).data(DISPLAY) == "" and model.index(0, 0).data(DISPLAY) == "12"
    assert model.index(0, 0).data(ALIGN) == RIGHT and model.index(0, 2).data(ALIGN) == LEFT
    assert model.headerData(1, Qt.Orientation.Vertical) == "2"
    model.sort(0, Qt.SortOrder.AscendingOrder)  # numbers as text, as before: "12" < "3"
    assert model.row(0) == (12, "5201014101900001", "NIK ganda")


def test_pending_changes_tick_by_key(qtbot, qtmodeltester):
    """The checkable variant: ticks follow the change's key across new rows and sorting."""
    changes = [
        PendingChange("kk:5", 5, "5201014509880003", "WAYAN SUKERTI", "family", "5201", "5202"),
        PendingChange("life:9", 9, "5201011203150099", "H. LALU AHMAD", "life_status", "", "MATI"),
        PendingChange("dusun:2", 2, "5201010101900001", "BAIQ NURUL", "dusun", "Krajan", "Timur"),
    ]
    model = pending_model(mask=lambda nik: nik[:4] + "*" * 8 + nik[-4:])
    seen: list[set[str]] = []
    model.checked_changed.connect(lambda: seen.append(model.checked_keys()))
    model.set_rows_checked(changes, {"life:9", "gone:1"})
    qtmodeltester.check(model)
    assert model.checked_keys() == {"life:9"}
    assert model.index(0, 2).data(DISPLAY) == "5201********0003"
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(0, 0).data(TOOLTIP) == changes[0].message
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert seen[-1] == {"kk:5", "life:9"}
    model.sort(1, Qt.SortOrder.AscendingOrder)  # by row number: dusun:2, kk:5, life:9
    assert [model.key(i) for i in range(3)] == ["dusun:2", "kk:5", "life:9"]
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    model.set_all(False)
    assert model.checked_keys() == set() and seen[-1] == set()
    model.set_all(True)
    assert model.checked_keys() == {"kk:5", "life:9", "dusun:2"}
    qtmodeltester.check(model)
