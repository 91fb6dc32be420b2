"""First-run wizard, login, password change, main window navigation, settings,
remembered layout, crash hook and the `gui --smoke` command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from pesiar_desktop.app import CrashHook, create_main_window
from pesiar_desktop.cli import main as cli_main
from pesiar_desktop.config import AppPaths
from pesiar_desktop.db import Database
from pesiar_desktop.errors import AuthError
from pesiar_desktop.rules.nik import nik_for
from pesiar_desktop.services import residents, users, village
from pesiar_desktop.services.residents import FamilyInput
from pesiar_desktop.ui.dialogs.crash import CrashDialog
from pesiar_desktop.ui.dialogs.setup_wizard import SetupWizard
from pesiar_desktop.ui.dialogs.users import AddUserDialog, LoginDialog
from pesiar_desktop.ui.main_window import PAGE_KEYS
from pesiar_desktop.ui.pages.placeholder import PlaceholderPage
from pesiar_desktop.ui.widgets.date_field import DateField
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, person
from tests.ui.conftest import POPULATION, wait_written

ROOT = Path(__file__).resolve().parents[2]


def test_setup_wizard_sets_up_village(qtbot, db):
    wizard = SetupWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    region = wizard.region_page
    assert not region.isComplete()
    qtbot.keyClicks(region.search_edit, "suka makmur")
    region.run_search()
    texts = [region.results.item(i).text() for i in range(region.results.count())]
    match = next(i for i, t in enumerate(texts) if "Gerung" in t)
    region.results.itemClicked.emit(region.results.item(match))
    assert region.provinsi.currentText() == "Nusa Tenggara Barat"
    assert region.kabupaten.currentText() == "Kabupaten Lombok Barat"
    assert region.kecamatan.currentText() == "Gerung"
    assert region.region_code() == "52.01.01.2005"
    assert region.isComplete()
    # The chain also works by hand: another kecamatan empties the desa choice.
    region.kecamatan.setCurrentIndex(region.kecamatan.findData("52.01.02"))
    assert region.region_code() is None and not region.isComplete()
    region.select_village("5201012005")
    wizard.next()
    wizard.details_page.kepala_desa.setText("H. Lalu Ahmad")
    wizard.details_page.address.setText("Jl. Raya Gerung 1")
    wizard.next()
    admin_page = wizard.admin_page
    admin_page.username.setText("Sekdes")
    admin_page.password.setText("pendek")
    admin_page.repeat.setText("pendek")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_written(qtbot, wizard)
    assert wizard.isVisible()
    assert admin_page.errors.text("password") == "Kata sandi minimal 8 karakter."
    assert not village.is_set_up(db)
    admin_page.password.setText("rahasia-123")
    admin_page.repeat.setText("rahasia-124")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_written(qtbot, wizard)
    assert admin_page.errors.text("repeat") == "Kedua kata sandi tidak sama."
    admin_page.repeat.setText("rahasia-123")
    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # busy
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert village.is_set_up(db)
    profile = village.get_profile(db)
    assert (profile.desa_name, profile.kepala_desa_name, profile.address) == (
        "Suka Makmur",
        "H. Lalu Ahmad",
        "Jl. Raya Gerung 1",
    )
    assert wizard.admin_username == "sekdes"
    assert users.authenticate(db, "sekdes", "rahasia-123").role == "admin"


def test_login_errors_and_lockout(qtbot, village_db):
    dialog = LoginDialog(village_db, village.get_profile(village_db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    for _ in range(4):
        qtbot.keyClicks(dialog.password, "salah-sekali")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        wait_written(qtbot, dialog)
        assert dialog.general_error.text() == "Nama pengguna atau kata sandi salah."
        assert dialog.password.text() == ""  # cleared for the next try
        assert dialog.isVisible()
    qtbot.keyClicks(dialog.password, "salah-sekali")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_written(qtbot, dialog)
    assert "dikunci selama 5 menit" in dialog.general_error.text()
    # Even the right password is refused while locked.
    qtbot.keyClicks(dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    wait_written(qtbot, dialog)
    assert "terkunci" in dialog.general_error.text()
    assert dialog.actor is None and dialog.isVisible()


def test_login_success(qtbot, village_db):
    dialog = LoginDialog(village_db, village.get_profile(village_db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text().startswith("Desa Suka Makmur")
    dialog.username.setText("ADMIN ")
    dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Enter)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.username == "admin"


def test_change_password_from_user_menu(qtbot, make_window, village_db, operator):
    window = make_window(operator)
    window.change_password_action.trigger()
    dialog = window.active_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.old.setText("bukan-ini-123")
    dialog.new.setText("sandi-baru-123")
    dialog.repeat.setText("sandi-baru-123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_written(qtbot, dialog)
    assert dialog.errors.text("old_password") == "Kata sandi lama salah."
    dialog.old.setText(USER_PASSWORD)
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert users.authenticate(village_db, "operator", "sandi-baru-123").username == "operator"
    with pytest.raises(AuthError):
        users.authenticate(village_db, "operator", USER_PASSWORD)


def test_main_window_pages_and_status(qtbot, make_window, admin, filled):
    window = make_window(admin)
    assert "Desa Suka Makmur" in window.windowTitle()
    assert "Admin Desa" in window.windowTitle()
    assert window.user_label.text() == "Masuk sebagai admin · Administrator"
    assert "((" not in window.user_label.text() and "))" not in window.user_label.text()
    home = window.home_page
    qtbot.waitUntil(lambda: home.figures is not None, timeout=5000)
    assert home.residents_card.value.text() == str(POPULATION)
    assert home.families_card.value.text() == "4"
    assert home.dusun_table.rowCount() == 2
    for key in PAGE_KEYS:
        window.show_page(key)
        assert window.current_page_key() == key
        assert window.sidebar.currentRow() == PAGE_KEYS.index(key)
        page = window.pages[key]
        if isinstance(page, PlaceholderPage):
            assert len(page.text) > 100  # says what is coming, never blank
    assert "OpenSID" in window.pages["petakan"].text
    with pytest.raises(KeyError):
        window.show_page("tidak-ada")


def test_home_refreshes_on_data_change(qtbot, make_window, village_db, admin, filled):
    window = make_window(admin)
    home = window.home_page
    qtbot.waitUntil(lambda: home.figures is not None, timeout=5000)
    born = date(1995, 5, 5)
    residents.add_resident(
        village_db,
        admin,
        person(nik_for("520101", born, 1, 900), "Baru", 1, born, 1),
        new_family=FamilyInput("5201011203150900", village.list_areas(village_db)[0].rt_id),
    )
    qtbot.waitUntil(lambda: home.residents_card.value.text() == str(POPULATION + 1), timeout=5000)


def test_settings_areas_and_users(qtbot, make_window, village_db, admin):
    window = make_window(admin)
    window.show_page("pengaturan")
    settings = window.settings_page
    areas = settings.areas_tab
    assert areas.table.rowCount() == 3
    areas.dusun.setEditText("Dusun Barat")
    areas.rw.setText("4")
    areas.rt.setText("x")
    areas.add()
    wait_written(qtbot, areas)
    assert "harus angka" in areas.errors.text("rt")
    areas.rt.setText("7")
    areas.add()
    qtbot.waitUntil(lambda: areas.table.rowCount() == 4, timeout=5000)
    assert any(a.dusun == "Dusun Barat" and a.rt == "007" for a in village.list_areas(village_db))
    # The Penduduk page's dusun filter follows.
    qtbot.waitUntil(
        lambda: window.residents_page.dusun_combo.findText("Dusun Barat") >= 0, timeout=5000
    )
    # Profile
    profile = settings.profile_tab
    profile.edits["phone"].setText("0370-123456")
    profile.save()
    wait_written(qtbot, profile)
    assert profile.saved_label.text() == "Profil desa tersimpan."
    assert village.get_profile(village_db).phone == "0370-123456"
    # Users
    tab = settings.users_tab
    assert tab.table.rowCount() == 1
    tab.add_user()
    dialog = tab.active_dialog
    assert isinstance(dialog, AddUserDialog)
    dialog.username.setText("kades")
    dialog.full_name.setText("H. Lalu Ahmad")
    dialog.role.setCurrentIndex(dialog.role.findData("kepala_desa"))
    dialog.password.setText("kades-rahasia")
    dialog.repeat.setText("kades-rahasia")
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=5000)
    assert users.get_actor(village_db, "kades").role == "kepala_desa"


def test_settings_read_only_for_viewer(qtbot, make_window, viewer):
    window = make_window(viewer)
    window.show_page("pengaturan")
    settings = window.settings_page
    assert all(edit.isReadOnly() for edit in settings.profile_tab.edits.values())
    assert not settings.profile_tab.save_button.isEnabled()
    assert not settings.areas_tab.add_button.isEnabled()
    assert not settings.users_tab.add_button.isEnabled()
    assert not settings.users_tab.table.isVisible()


def test_layout_is_remembered(qtbot, village_db, admin, ui_paths):
    window = create_main_window(village_db, admin, ui_paths)
    qtbot.addWidget(window)
    window.show()
    window.resize(1211, 650)
    page = window.residents_page
    page.table.setColumnWidth(1, 333)
    window.close()
    assert (ui_paths.data_dir / "ui.ini").is_file()
    again = create_main_window(village_db, admin, ui_paths)
    qtbot.addWidget(again)
    again.show()
    # Qt fits a restored window onto the screen (the offscreen screen is 800 px wide).
    assert again.size().height() == 650
    assert again.residents_page.table.columnWidth(1) == 333
    again.close()


def test_crash_hook_logs_and_collects(tmp_path, capsys):
    hook = CrashHook(AppPaths(tmp_path, "sqlite://"), smoke=True)
    hook.install()
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError as err:
            sys.excepthook(type(err), err, err.__traceback__)
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook
    assert "RuntimeError: boom" in hook.errors[0]
    assert "boom" in capsys.readouterr().err


def test_crash_dialog_copies_details(qtbot, tmp_path):
    dialog = CrashDialog("Traceback: boom", tmp_path)
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QApplication.clipboard().text() == "Traceback: boom"


def _smoke(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PESIAR_DATABASE_URL", None)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pesiar_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
            "--data-dir",
            str(data_dir),
            "gui",
            "--smoke",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


def test_gui_smoke_command(tmp_path):
    data_dir = tmp_path / "data"
    not_ready = _smoke(data_dir)
    assert not_ready.returncode == 1
    assert "belum disiapkan" in not_ready.stderr
    assert (
        cli_main(
            [
                "--data-dir",
                str(data_dir),
                "init",
                "--village-code",
                "5201012005",
                "--admin-user",
                "admin",
                "--admin-password",
                ADMIN_PASSWORD,
            ]
        )
        == 0
    )
    db = Database(f"sqlite:///{data_dir / 'pesiar.sqlite3'}")
    try:
        admin = users.get_actor(db, "admin")
        area = village.add_area(db, admin, "Dusun Krajan", "1", "1")
        born = date(1980, 1, 1)
        first = residents.add_resident(
            db,
            admin,
            person(nik_for("520101", born, 1, 1), "Satu", 1, born, 1),
            new_family=FamilyInput("5201011203150001", area.rt_id),
        )
        for serial in (2, 3):
            kid = date(2010, serial, 1)
            residents.add_resident(
                db,
                admin,
                person(nik_for("520101", kid, 1, serial), f"Anak {serial}", 1, kid, 4),
                family_id=first.family_id,
            )
    finally:
        db.dispose()
    result = _smoke(data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "smoke ok: 3 penduduk"


def test_date_field_starts_empty_and_accepts_typing(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    assert field.value() is None and field.is_empty()
    field.setFocus()
    qtbot.keyClicks(field, "15061990")
    assert field.value() == date(1990, 6, 15)
    assert field.text() == "15-06-1990"
    field.set_value(None)
    assert field.value() is None


def test_gui_refuses_database_from_newer_version(tmp_path):
    data_dir = tmp_path / "data"
    assert cli_main(["--data-dir", str(data_dir), "stats", "--json"]) == 0  # creates the DB
    db = Database(f"sqlite:///{data_dir / 'pesiar.sqlite3'}")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.dispose()
    result = _smoke(data_dir)
    assert result.returncode == 2
    assert "versi PESIAR Desktop yang lebih baru" in result.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the Linux rule: desktop session")
def test_light_scheme_is_forced_only_where_a_desktop_theme_can_be_dark(monkeypatch):
    from pesiar_desktop.app import _desktop_may_be_dark

    for name in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "QT_QPA_PLATFORMTHEME"):
        monkeypatch.delenv(name, raising=False)
    assert _desktop_may_be_dark() is False  # no desktop: no theme to follow
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    assert _desktop_may_be_dark() is True


def test_the_frame_is_built_without_the_qt_namespace(tmp_path):
    """Start-up shows the frame before PySide builds the `Qt` enum namespace (~15 ms)."""
    code = (
        "import sys\n"
        "from PySide6 import QtCore\n"
        "from pesiar_desktop.app import _application, ui_settings\n"
        "from pesiar_desktop.config import resolve_paths\n"
        "from pesiar_desktop.ui.main_window import MainWindow\n"
        "app = _application()\n"
        "window = MainWindow(settings=ui_settings(resolve_paths(sys.argv[1], None)))\n"
        "window.show()\n"
        "print('Qt' in vars(QtCore))\n"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "QT_QPA_PLATFORMTHEME")
    }
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-1] == "False"
