"""Lock-out under parallel guessing: every failed attempt counts, on SQLite too (issue 16,
item 6). Eight guessers at once (each its own connection, as eight processes would be)
get five guesses judged between them, not forty."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from pesiar_desktop.errors import AuthError
from pesiar_desktop.models import AuditLog, User
from pesiar_desktop.services import users
from tests.conftest import ADMIN_PASSWORD

GUESSERS = 8
WRONG = "Nama pengguna atau kata sandi salah."


class Hasher:
    """The tests' hasher with a hook around `verify` (argon2's own is read-only)."""

    def __init__(self, real, verify) -> None:  # type: ignore[no-untyped-def]
        self.real, self.verify = real, verify

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.real, name)


def test_parallel_wrong_passwords_are_each_counted(village_db, monkeypatch):
    real = users._hasher
    real_verify = real.verify
    arrived = threading.Barrier(GUESSERS, timeout=30)
    seen = threading.local()

    def slow_verify(hash_: str, password: str) -> bool:
        # At the first guess every guesser has read the account as unlocked before any
        # of them is judged: the widest race a real argon2 check (0.1 s) opens.
        if not getattr(seen, "first", False):
            seen.first = True
            arrived.wait()
        return bool(real_verify(hash_, password))

    monkeypatch.setattr(users, "_hasher", Hasher(real, slow_verify))
    answers: list[str] = []
    errors: list[BaseException] = []

    def guesser(n: int) -> None:
        for i in range(10):
            try:
                users.authenticate(village_db, "admin", f"tebakan-{n}-{i}")
            except AuthError as err:
                answers.append(str(err))
                if str(err) != WRONG:
                    return  # locked: this guesser stops
            except BaseException as err:  # pragma: no cover - reported below
                errors.append(err)
                return

    threads = [threading.Thread(target=guesser, args=(n,)) for n in range(GUESSERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    monkeypatch.setattr(users, "_hasher", real)
    assert not errors, errors
    judged = [a for a in answers if a == WRONG or "dikunci selama 5 menit" in a]
    assert len(judged) == users.MAX_FAILED_ATTEMPTS, answers
    assert sum("dikunci selama 5 menit" in a for a in answers) == 1
    assert all(a in judged or "terkunci karena" in a for a in answers), answers
    with pytest.raises(AuthError, match="terkunci"):
        users.authenticate(village_db, "admin", ADMIN_PASSWORD)
    with village_db.read() as s:
        assert s.scalar(select(User.locked_until).where(User.username == "admin")) is not None
        locks = s.scalars(select(AuditLog.id).where(AuditLog.action == "user.locked")).all()
        assert len(locks) == 1


def test_a_right_password_judged_after_a_parallel_lock_is_refused(village_db, monkeypatch):
    """The lock is read again under the write lock: a login whose password was checked
    while another attempt locked the account does not get in."""
    for _ in range(users.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(AuthError):
            users.authenticate(village_db, "admin", "keliru-sekali")
    real = users._hasher

    def verify_then_lose_the_race(hash_: str, password: str) -> bool:
        monkeypatch.setattr(users, "_hasher", real)
        with pytest.raises(AuthError, match="dikunci selama"):
            users.authenticate(village_db, "admin", "keliru-lagi")  # the fifth failure
        return bool(real.verify(hash_, password))

    monkeypatch.setattr(users, "_hasher", Hasher(real, verify_then_lose_the_race))
    with pytest.raises(AuthError, match="terkunci"):
        users.authenticate(village_db, "admin", ADMIN_PASSWORD)
