"""CLI credentials (issue 16, item 6): a command that writes or puts personal data out
needs a user and a password, checked with the window's lock-out; the program's own
administrator only runs `init` and `demo` on an empty database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pesiar_desktop.cli import auth, main
from pesiar_desktop.db import Database
from pesiar_desktop.models import AuditLog, Resident, User
from pesiar_desktop.services import users
from tests.conftest import DEMO_PASSWORDS, as_user
from tests.import_files import family, write_opensid

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_dir(tmp_path, capsys) -> Path:
    assert main(["--data-dir", str(tmp_path), "demo", "--residents", "60", "--seed", "2"]) == 0
    capsys.readouterr()
    return tmp_path


def _db(data: Path) -> Database:
    return Database(f"sqlite:///{data / 'pesiar.sqlite3'}")


def _scalar(data: Path, query):  # type: ignore[no-untyped-def]
    db = _db(data)
    try:
        with db.read() as s:
            return s.scalar(query)
    finally:
        db.dispose()


class Terminal:
    """stdin as a terminal (a password can be asked)."""

    def isatty(self) -> bool:
        return True


def _no_credentials(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(auth.ENV_USER, raising=False)
    monkeypatch.delenv(auth.ENV_PASSWORD, raising=False)


def test_writing_and_exporting_commands_need_a_login(demo_dir, monkeypatch, capsys, tmp_path):
    _no_credentials(monkeypatch)
    base = ["--data-dir", str(demo_dir)]
    usb = tmp_path / "usb"
    usb.mkdir()
    refused = [
        ["backup", str(usb)],
        ["export", "dana-desa", "--year", "2026", str(tmp_path / "dana.xlsx")],
        ["targets", "--json"],
        ["followups", "--json"],
        ["arrears", "--json"],
        ["import", "residents", str(tmp_path / "tidak-dibaca.xlsx"), "--dry-run"],
    ]
    for command in refused:
        assert main([*base, *command]) == 1, command
        err = capsys.readouterr().err
        assert err.startswith("Galat: Perintah ini perlu pengguna dan kata sandi"), command
        assert "Traceback" not in err
    assert list(usb.iterdir()) == [] and not (tmp_path / "dana.xlsx").exists()
    # A user without a password is refused as well (stdin is not a terminal here).
    assert main([*base, "backup", str(usb), "--user", "admin"]) == 1
    assert "Kata sandi untuk admin tidak diberikan" in capsys.readouterr().err
    # What needs no login still runs.
    assert main([*base, "stats", "--json"]) == 0
    assert main([*base, "audit", "verify"]) == 0
    assert main([*base, "letter", "list"]) == 0


def test_the_three_ways_to_give_a_password(demo_dir, monkeypatch, capsys, tmp_path):
    base = ["--data-dir", str(demo_dir)]
    usb = tmp_path / "usb"
    # 1. the environment (the tests' default: PESIAR_USER=admin, PESIAR_PASSWORD)
    assert main([*base, "backup", str(usb / "a.sqlite3")]) == 0
    # 2. a password file, for another user than PESIAR_USER
    assert main([*base, "targets", "--json", *as_user("operator")]) == 0
    # PESIAR_PASSWORD belongs to PESIAR_USER: it is not tried for another user.
    assert main([*base, "targets", "--json", "--user", "operator"]) == 1
    assert "Kata sandi untuk operator tidak diberikan" in capsys.readouterr().err
    # 3. a prompt in a terminal (getpass: nothing echoed)
    _no_credentials(monkeypatch)
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return DEMO_PASSWORDS["kades"]

    monkeypatch.setattr(auth.getpass, "getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main([*base, "export", "dana-desa", "--year", "2026", str(tmp_path / "d.xlsx")]) == 1
    assert "perlu pengguna" in capsys.readouterr().err  # no user, no prompt
    code = main([*base, "export", "dana-desa", "--year", "2026", str(tmp_path / "d.xlsx"),
                 "--user", "kades"])  # fmt: skip
    assert code == 0 and asked == ["Kata sandi kades: "]
    logins = _scalar(
        demo_dir,
        select(func.count(AuditLog.id)).where(
            AuditLog.action == "user.login", AuditLog.actor.in_(["admin", "operator", "kades"])
        ),
    )
    assert logins == 3  # each command's login is in the audit log (the refused one is not)


def test_wrong_cli_passwords_lock_the_account_like_the_window(demo_dir, capsys, tmp_path):
    base = ["--data-dir", str(demo_dir)]
    usb = tmp_path / "usb"
    usb.mkdir()
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        assert main([*base, "backup", str(usb), *as_user("admin", "tebakan-salah")]) == 1
    assert "dikunci selama 5 menit" in capsys.readouterr().err
    # The right password is refused while the account is locked, here and in the window.
    assert main([*base, "backup", str(usb)]) == 1
    assert "terkunci" in capsys.readouterr().err
    assert _scalar(demo_dir, select(User.locked_until).where(User.username == "admin"))
    assert not list(usb.iterdir())


def test_an_import_says_wrong_password_before_anything_about_its_file(demo_dir, capsys, tmp_path):
    """`import` checks the password while it reads the file (cli/auth.LoginMeanwhile): a
    wrong password is what it says, whatever the file; nothing is imported, the failure
    is counted; with the right password the same file is imported."""
    base = ["--data-dir", str(demo_dir)]
    wrong = as_user("admin", "tebakan-salah")
    missing = tmp_path / "tidak-ada.xlsx"
    assert main([*base, "import", "residents", str(missing), *wrong]) == 1
    err = capsys.readouterr().err
    assert "kata sandi salah" in err and "tidak ditemukan" not in err
    good = write_opensid(tmp_path / "baru.xlsx", [r for k in (901, 902) for r in family(k)])
    residents = _scalar(demo_dir, select(func.count(Resident.id)))
    assert main([*base, "import", "residents", str(good), "--json", *wrong]) == 1
    assert capsys.readouterr().out == ""  # not even the preview is shown
    assert _scalar(demo_dir, select(func.count(Resident.id))) == residents
    failures = select(User.failed_attempts).where(User.username == "admin")
    assert _scalar(demo_dir, failures) == 2
    assert main([*base, "import", "residents", str(good), "--json", "--confirm-other-village"]) == 0
    assert _scalar(demo_dir, select(func.count(Resident.id))) == residents + 6
    assert _scalar(demo_dir, failures) == 0


def test_roles_still_apply_after_login(demo_dir, capsys, tmp_path):
    base = ["--data-dir", str(demo_dir)]
    assert main([*base, "backup", str(tmp_path), *as_user("operator")]) == 1
    assert "tidak berhak membuat dan memulihkan cadangan" in capsys.readouterr().err
    assert main([*base, "followups", "--json", *as_user("bpd")]) == 1
    assert "tidak berhak mengekspor data pribadi" in capsys.readouterr().err


def test_demo_only_on_an_empty_register(demo_dir, monkeypatch, capsys, tmp_path):
    base = ["--data-dir", str(demo_dir)]
    before = _scalar(demo_dir, select(func.count(Resident.id)))
    assert main([*base, "demo", "--residents", "30"]) == 1
    err = capsys.readouterr().err
    assert "sudah berisi" in err and "penduduk" in err
    assert _scalar(demo_dir, select(func.count(Resident.id))) == before
    # A village set up by `init` but without residents: demo data as a logged-in user.
    fresh = tmp_path / "baru"
    init = ["--data-dir", str(fresh), "init", "--village-code", "5201012005"]
    assert main([*init, "--admin-user", "sekdes", "--admin-password", "rahasia-sekdes"]) == 0
    _no_credentials(monkeypatch)
    assert main(["--data-dir", str(fresh), "demo", "--residents", "30"]) == 1
    assert "perlu pengguna" in capsys.readouterr().err
    assert main(["--data-dir", str(fresh), "demo", "--residents", "30",
                 *as_user("sekdes", "rahasia-sekdes")]) == 0  # fmt: skip
    assert _scalar(fresh, select(func.count(Resident.id))) > 0


_GUESSER = """
import sys
from pesiar_desktop.db import Database
from pesiar_desktop.errors import AuthError
from pesiar_desktop.services import users
db = Database(sys.argv[1])
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()  # all start together
for i in range(10):
    try:
        users.authenticate(db, "admin", f"tebakan-{sys.argv[2]}-{i}")
    except AuthError as err:
        print(err, flush=True)
        if str(err) != "Nama pengguna atau kata sandi salah.":
            break
"""


def test_eight_parallel_processes_get_five_guesses(demo_dir):
    """The defect as found: eight processes guessing at once had 40 guesses judged."""
    url = f"sqlite:///{demo_dir / 'pesiar.sqlite3'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _GUESSER, url, str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in range(8)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline() == "ready\n"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    answers: list[str] = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        answers += out.splitlines()
    judged = [a for a in answers if a == "Nama pengguna atau kata sandi salah." or "dikunci" in a]
    assert len(judged) == users.MAX_FAILED_ATTEMPTS, answers
    assert all(a in judged or "terkunci" in a for a in answers), answers
