"""UI fixtures: a small village filled through the services, and a main window
built without dialogs (`app.create_main_window`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from pesiar_desktop.app import create_main_window, load_language
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database
from pesiar_desktop.rules import codes
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import residents, village
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.ui.main_window import MainWindow
from pesiar_desktop.ui.pages.residents import ResidentsPage
from pesiar_desktop.ui.tasks import TaskManager
from pesiar_desktop.ui.write_op import is_writing
from tests.conftest import person

DISTRICT = "520101"
# The offscreen platform plugin says this whenever a top-level window is shown.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


@pytest.fixture(autouse=True)
def _garbage_collected_on_the_gui_thread(qapp) -> Iterator[None]:
    """As in the app (ui.gc_guard): no automatic collection while a test runs, so it never
    happens in a task worker thread and destroys Qt objects there; collected afterwards
    on this (the GUI) thread."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture
def indonesian(qapp) -> Iterator[None]:
    """The Indonesian UI with Qt's own words (app.load_language), before and after."""
    load_language("id")
    yield
    load_language("id")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@dataclass
class Village:
    """Ids of what `fill_village` created, by name."""

    residents: dict[str, int]
    families: dict[str, int]  # head name -> family id


# (No KK suffix, area index, members: (name, sex, birth, shdk, status, segment))
FAMILIES = [
    (
        1,
        0,
        [
            ("BUDI SANTOSO", 1, date(1980, 5, 17), 1, codes.STATUS_ACTIVE, "PBPU"),
            ("SITI AMINAH", 2, date(1983, 2, 10), 3, codes.STATUS_ACTIVE, "PBPU"),
            ("RINA SANTOSO", 2, date(2010, 8, 1), 4, codes.STATUS_NOT_REGISTERED, None),
        ],
    ),
    (
        2,
        1,
        [
            ("AHMAD FAUZI", 1, date(1975, 11, 3), 1, codes.STATUS_ARREARS, "PBPU"),
            ("NURUL HIDAYAH", 2, date(1978, 7, 21), 3, codes.STATUS_ARREARS, "PBPU"),
        ],
    ),
    (
        3,
        2,
        [
            ("KETUT WIRAWAN", 1, date(1969, 1, 30), 1, codes.STATUS_ACTIVE, "PBI_APBN"),
            ("MADE SARI", 2, date(1972, 4, 12), 3, codes.STATUS_ACTIVE, "PBI_APBN"),
            ("PUTU ANGGARA", 1, date(1998, 9, 9), 4, codes.STATUS_NOT_REGISTERED, None),
            ("KADEK AYU", 2, date(2019, 12, 24), 4, codes.STATUS_NOT_REGISTERED, None),
        ],
    ),
    (
        4,
        0,
        [
            ("DEWI LESTARI", 2, date(1990, 3, 14), 1, codes.STATUS_NOT_REGISTERED, None),
        ],
    ),
]


def fill_village(db: Database, actor: Actor) -> Village:
    areas = village.list_areas(db)
    ids: dict[str, int] = {}
    families: dict[str, int] = {}
    serial = 1
    for suffix, area, members in FAMILIES:
        family_id: int | None = None
        for name, sex, born, shdk, status, segment in members:
            data = person(nik_for(DISTRICT, born, sex, serial), name, sex, born, shdk)
            serial += 1
            membership = MembershipInput(
                status=status,
                segment=segment,
                months_in_arrears=3 if status == codes.STATUS_ARREARS else 0,
            )
            if family_id is None:
                result = residents.add_resident(
                    db,
                    actor,
                    data,
                    membership=membership,
                    new_family=FamilyInput(
                        no_kk=f"5201011203150{suffix:03d}",
                        rt_id=areas[area].rt_id,
                        address=f"Jl. Melati {suffix}",
                        welfare_decile=suffix * 2,
                    ),
                )
                family_id = result.family_id
                families[name] = family_id
            else:
                result = residents.add_resident(
                    db, actor, data, family_id=family_id, membership=membership
                )
            ids[name] = result.resident_id
    return Village(ids, families)


POPULATION = sum(len(members) for _s, _a, members in FAMILIES)


@pytest.fixture
def filled(village_db, admin) -> Village:
    return fill_village(village_db, admin)


@pytest.fixture
def tasks(qtbot, village_db) -> Iterator[TaskManager]:
    """A task manager (with its serial writer) for dialogs tested without a window."""
    manager = TaskManager(village_db)
    yield manager
    manager.shutdown()


@pytest.fixture
def ui_paths(tmp_path) -> AppPaths:
    """Only `data_dir` matters to the window (its ui.ini lives there)."""
    folder = tmp_path / "uidata"
    folder.mkdir()
    return AppPaths(data_dir=folder, database_url="sqlite://")


def open_window(qtbot, db: Database, actor: Actor, paths: AppPaths) -> MainWindow:
    window = create_main_window(db, actor, paths)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def make_window(qtbot, village_db, ui_paths) -> Iterator:
    """Factory: a shown main window for an actor; closed before the database goes."""
    opened: list[MainWindow] = []

    def make(actor: Actor) -> MainWindow:
        window = open_window(qtbot, village_db, actor, ui_paths)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
        window.shutdown()


def wait_loaded(qtbot, page: ResidentsPage, timeout: int = 10_000) -> None:
    """Waits until the page's id query has been applied and nothing is pending."""
    qtbot.waitUntil(lambda: page.model.is_active and not page.model.is_loading, timeout=timeout)


def show_residents(qtbot, window: MainWindow) -> ResidentsPage:
    page = window.residents_page
    with qtbot.waitSignal(page.model.loaded, timeout=10_000):
        window.show_page("penduduk")
    return page


def wait_written(qtbot, widget, timeout: int = 10_000) -> None:
    """Waits until no write started from `widget` (or a widget inside it) is running:
    its result or error has been handled on the GUI thread."""
    qtbot.waitUntil(lambda: not is_writing(widget), timeout=timeout)
