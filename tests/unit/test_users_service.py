"""Accounts: hashing, lock-out, roles enforced in the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from pesiar_desktop.clock import utcnow
from pesiar_desktop.errors import AuthError, PermissionDenied, ValidationError
from pesiar_desktop.models import AuditLog, User
from pesiar_desktop.services import users
from tests.conftest import ADMIN_PASSWORD, PRODUCTION_HASHER, USER_PASSWORD


def test_password_is_hashed_with_argon2(village_db):
    with village_db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "admin"))
    assert stored.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in stored


def test_the_program_hashes_at_production_cost():
    """The tests hash cheaply (conftest); the program itself keeps argon2's RFC 9106 cost."""
    assert users._hasher is not PRODUCTION_HASHER  # the tests' stand-in is active
    params = PRODUCTION_HASHER.hash("contoh-sandi-1").split("$")[3]
    assert params == "m=65536,t=3,p=4"
    assert PRODUCTION_HASHER.verify(PRODUCTION_HASHER.hash("contoh-sandi-1"), "contoh-sandi-1")


def test_login_and_wrong_password(village_db):
    actor = users.authenticate(village_db, " Admin ", ADMIN_PASSWORD)
    assert actor.role == "admin"
    with pytest.raises(AuthError, match="salah"):
        users.authenticate(village_db, "admin", "keliru-sekali")
    with pytest.raises(AuthError, match="salah"):
        users.authenticate(village_db, "tidakada", "apa-saja-123")


def test_five_failures_lock_for_five_minutes(village_db):
    for _ in range(4):
        with pytest.raises(AuthError, match="salah"):
            users.authenticate(village_db, "admin", "keliru-sekali")
    with pytest.raises(AuthError, match="dikunci selama 5 menit"):
        users.authenticate(village_db, "admin", "keliru-sekali")
    # Even the right password is refused while locked.
    with pytest.raises(AuthError, match="terkunci"):
        users.authenticate(village_db, "admin", ADMIN_PASSWORD)
    with village_db.transaction() as s:
        user = s.scalar(select(User).where(User.username == "admin"))
        assert user.locked_until - utcnow() <= timedelta(minutes=5)
        user.locked_until = utcnow() - timedelta(seconds=1)  # five minutes pass
    assert users.authenticate(village_db, "admin", ADMIN_PASSWORD).username == "admin"
    with village_db.read() as s:
        assert s.scalar(select(AuditLog.id).where(AuditLog.action == "user.locked")) is not None


def test_success_resets_failure_count(village_db):
    for _ in range(4):
        with pytest.raises(AuthError):
            users.authenticate(village_db, "admin", "keliru-sekali")
    users.authenticate(village_db, "admin", ADMIN_PASSWORD)
    for _ in range(4):
        with pytest.raises(AuthError, match="salah"):
            users.authenticate(village_db, "admin", "keliru-sekali")


def test_change_password(village_db, operator):
    with pytest.raises(ValidationError) as err:
        users.change_password(village_db, operator, "bukan-ini-123", "baru-sekali-123")
    assert "old_password" in err.value.field_errors
    with pytest.raises(ValidationError) as err:
        users.change_password(village_db, operator, USER_PASSWORD, "pendek")
    assert "new_password" in err.value.field_errors
    users.change_password(village_db, operator, USER_PASSWORD, "baru-sekali-123")
    assert users.authenticate(village_db, "operator", "baru-sekali-123").role == "operator"
    with pytest.raises(AuthError):
        users.authenticate(village_db, "operator", USER_PASSWORD)


def test_only_admin_manages_users(village_db, operator):
    with pytest.raises(PermissionDenied, match="mengelola pengguna"):
        users.create_user(village_db, operator, "baru", "rahasia-123", "viewer")
    with pytest.raises(PermissionDenied):
        users.set_role(village_db, operator, "operator", "admin")
    assert [u.username for u in users.list_users(village_db)] == ["admin", "operator"]


def test_user_validation(village_db, admin):
    with pytest.raises(ValidationError, match="sudah dipakai"):
        users.create_user(village_db, admin, "ADMIN", "rahasia-123", "viewer")
    with pytest.raises(ValidationError):
        users.create_user(village_db, admin, "x y", "rahasia-123", "viewer")
    with pytest.raises(ValidationError):
        users.create_user(village_db, admin, "baru", "rahasia-123", "raja")
    with pytest.raises(ValidationError):
        users.create_user(village_db, admin, "system", "rahasia-123", "viewer")


def test_last_admin_cannot_be_demoted(village_db, admin):
    with pytest.raises(ValidationError, match="minimal satu administrator"):
        users.set_role(village_db, admin, "admin", "viewer")
    users.create_user(village_db, admin, "admin2", "rahasia-123", "admin")
    users.set_role(village_db, admin, "admin", "operator")
    assert users.get_actor(village_db, "admin").role == "operator"


def test_admin_reset_lifts_lock(village_db, admin, operator):
    for _ in range(5):
        with pytest.raises(AuthError):
            users.authenticate(village_db, "operator", "keliru-sekali")
    users.reset_password(village_db, admin, "operator", "reset-baru-123")
    assert users.authenticate(village_db, "operator", "reset-baru-123").username == "operator"


def test_inactive_user_cannot_log_in(village_db, admin, operator):
    users.set_role(village_db, admin, "operator", "operator", is_active=False)
    with pytest.raises(AuthError):
        users.authenticate(village_db, "operator", USER_PASSWORD)
