"""Accounts: argon2 password hashes, lock-out after repeated failures, roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from pesiar_desktop.clock import utcnow
from pesiar_desktop.db import Database
from pesiar_desktop.errors import AuthError, NotFound, ValidationError
from pesiar_desktop.models import User
from pesiar_desktop.services import audit, events, standing
from pesiar_desktop.services.context import ROLES, Actor, require

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    role: str
    is_active: bool
    locked_until: datetime | None
    last_login_at: datetime | None


def _row(user: User) -> UserRow:
    return UserRow(
        user.id,
        user.username,
        user.full_name,
        user.role,
        user.is_active,
        user.locked_until,
        user.last_login_at,
    )


def _actor(user: User) -> Actor:
    return Actor(username=user.username, role=user.role, user_id=user.id, full_name=user.full_name)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password_rules(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError({field: f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter."})


def _check_username(session: Session, username: str) -> str:
    name = username.strip().lower()
    if not name:
        raise ValidationError({"username": "Nama pengguna wajib diisi."})
    if not name.replace("_", "").replace(".", "").isalnum():
        raise ValidationError(
            {"username": "Nama pengguna hanya huruf, angka, titik dan garis bawah."}
        )
    if name == "system":
        raise ValidationError({"username": "Nama pengguna 'system' dipakai oleh aplikasi."})
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValidationError({"username": f"Nama pengguna {name} sudah dipakai."})
    return name


def create_user_in(
    session: Session, actor: Actor, username: str, password: str, role: str, full_name: str = ""
) -> User:
    """Creates a user inside an open transaction (also used by first-run setup)."""
    if role not in ROLES:
        raise ValidationError({"role": f"Peran tidak dikenal: {role}."})
    name = _check_username(session, username)
    _check_password_rules(password)
    user = User(
        username=name, full_name=full_name.strip(), role=role, password_hash=hash_password(password)
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor,
        "user.create",
        "user",
        user.id,
        None,
        {"username": name, "role": role, "full_name": user.full_name},
    )
    return user


def create_user(
    db: Database, actor: Actor, username: str, password: str, role: str, full_name: str = ""
) -> UserRow:
    require(actor, "users.manage")
    with db.transaction() as session:
        row = _row(create_user_in(session, actor, username, password, role, full_name))
    events.notify(events.Topic.USERS)
    return row


def count_users(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(User.id))) or 0)


def list_users(db: Database) -> list[UserRow]:
    with db.read() as session:
        return [_row(u) for u in session.scalars(select(User).order_by(User.username))]


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _refuse_if_locked(user: User, now: datetime) -> None:
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, round((user.locked_until - now).total_seconds() / 60))
        raise AuthError(
            f"Akun {user.username} terkunci karena {MAX_FAILED_ATTEMPTS} kali salah kata sandi. "
            f"Coba lagi dalam {minutes} menit."
        )


def authenticate(db: Database, username: str, password: str) -> Actor:
    """Log in. Five failures lock the account for five minutes.

    The password is checked outside any lock (argon2 takes a tenth of a second on
    purpose); what it decides is then written under the write lock (SQLite: BEGIN
    IMMEDIATE; PostgreSQL: the user's row), where the lock is read again and a failure
    is counted by one atomic UPDATE. So parallel attempts (several processes guessing at
    once) are each counted, and none is judged after another one locked the account.
    """
    name = username.strip().lower()
    wrong = AuthError("Nama pengguna atau kata sandi salah.")
    with db.read() as session:
        found = session.scalar(select(User).where(User.username == name))
        if found is None or not found.is_active:
            raise wrong
        _refuse_if_locked(found, utcnow())
        user_id, checked_hash = found.id, found.password_hash
    right = _verify(checked_hash, password)
    failed_error: AuthError | None = None
    with db.transaction(immediate=True) as session:
        user = session.scalar(
            select(User)
            .where(User.id == user_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if user is None or not user.is_active:
            raise wrong
        now = utcnow()
        _refuse_if_locked(user, now)  # a parallel attempt may have locked it meanwhile
        if user.password_hash != checked_hash:
            # Changed meanwhile (a parallel login rehashed it, an admin reset it): judge
            # again against the stored hash, under the lock (rare).
            right = _verify(user.password_hash, password)
        if not right:
            failures = session.execute(
                update(User)
                .where(User.id == user_id)
                .values(failed_attempts=User.failed_attempts + 1)
                .returning(User.failed_attempts)
                .execution_options(synchronize_session=False)
            ).scalar_one()
            locked = failures >= MAX_FAILED_ATTEMPTS
            if locked:
                session.execute(
                    update(User)
                    .where(User.id == user_id)
                    .values(locked_until=now + LOCK_DURATION, failed_attempts=0)
                    .execution_options(synchronize_session=False)
                )
                audit.record(session, _actor(user), "user.locked", "user", user_id)
            failed_error = (
                AuthError(
                    f"Akun {name} dikunci selama 5 menit karena terlalu banyak percobaan gagal."
                )
                if locked
                else wrong
            )
        else:
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = now
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            audit.record(session, _actor(user), "user.login", "user", user.id)
            actor = _actor(user)
    # Raised after the transaction commits so the failure count is kept.
    if failed_error is not None:
        raise failed_error
    return actor


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    """A user changes their own password (the old one is required)."""
    _check_password_rules(new_password, "new_password")
    if new_password == old_password:
        raise ValidationError({"new_password": "Kata sandi baru harus berbeda dari yang lama."})
    with db.transaction() as session:
        user = session.scalar(select(User).where(User.username == actor.username))
        if user is None:
            raise NotFound("Pengguna tidak ditemukan.")
        try:
            _hasher.verify(user.password_hash, old_password)
        except (VerificationError, InvalidHashError):
            raise ValidationError({"old_password": "Kata sandi lama salah."}) from None
        user.password_hash = hash_password(new_password)
        audit.record(session, actor, "user.change_password", "user", user.id)


def reset_password(db: Database, actor: Actor, username: str, new_password: str) -> None:
    """An admin sets another user's password and lifts any lock."""
    require(actor, "users.manage")
    _check_password_rules(new_password, "new_password")
    with db.transaction() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"Pengguna {username} tidak ditemukan.")
        user.password_hash = hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(session, actor, "user.reset_password", "user", user.id)


def set_role(db: Database, actor: Actor, username: str, role: str, is_active: bool = True) -> None:
    require(actor, "users.manage")
    if role not in ROLES:
        raise ValidationError({"role": f"Peran tidak dikenal: {role}."})
    with db.transaction() as session:
        # Before the change: an administrator may demote or deactivate themself.
        standing.confirm(session, actor)
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(f"Pengguna {username} tidak ditemukan.")
        before = {"role": user.role, "is_active": user.is_active}
        if user.role == "admin" and (role != "admin" or not is_active):
            other_admins = session.scalar(
                select(func.count(User.id)).where(
                    User.role == "admin", User.is_active.is_(True), User.id != user.id
                )
            )
            if not other_admins:
                raise ValidationError({"role": "Harus tetap ada minimal satu administrator aktif."})
        user.role = role
        user.is_active = is_active
        audit.record(
            session,
            actor,
            "user.set_role",
            "user",
            user.id,
            before,
            {"role": role, "is_active": is_active},
        )
    events.notify(events.Topic.USERS)


def get_actor(db: Database, username: str) -> Actor:
    """The named user as an actor (CLI writes run under a named user)."""
    with db.read() as session:
        user = session.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None or not user.is_active:
            raise NotFound(f"Pengguna {username} tidak ditemukan atau tidak aktif.")
        return _actor(user)
