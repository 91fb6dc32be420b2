"""Who is acting, and what each role may do. Roles are enforced here, not in the UI."""

from __future__ import annotations

from dataclasses import dataclass

from pesiar_desktop.errors import PermissionDenied

ROLE_ADMIN = "admin"
ROLE_OPERATOR = "operator"
ROLE_KEPALA_DESA = "kepala_desa"
ROLE_VIEWER = "viewer"

ROLES = {
    ROLE_ADMIN: "Administrator",
    ROLE_OPERATOR: "Operator (sekretaris desa)",
    ROLE_KEPALA_DESA: "Kepala Desa",
    ROLE_VIEWER: "Peninjau (hanya baca)",
}

# permission -> roles that hold it
PERMISSIONS: dict[str, frozenset[str]] = {
    "residents.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "areas.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "users.manage": frozenset({ROLE_ADMIN}),
    "village.edit": frozenset({ROLE_ADMIN}),
    "settings.edit": frozenset({ROLE_ADMIN}),
    "letters.approve": frozenset({ROLE_KEPALA_DESA}),
    "letters.draft": frozenset({ROLE_ADMIN, ROLE_OPERATOR, ROLE_KEPALA_DESA}),
    "agents.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "fees.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "fieldwork.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "registrations.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "reactivations.write": frozenset({ROLE_ADMIN, ROLE_OPERATOR}),
    "audit.read": frozenset({ROLE_ADMIN}),
    "backup.manage": frozenset({ROLE_ADMIN}),
    "personal.export": frozenset({ROLE_ADMIN, ROLE_OPERATOR, ROLE_KEPALA_DESA}),
    "personal.see_full_nik": frozenset({ROLE_ADMIN, ROLE_OPERATOR, ROLE_KEPALA_DESA}),
}

PERMISSION_TEXT = {
    "residents.write": "mengubah data penduduk",
    "areas.write": "mengubah wilayah dusun/RT",
    "users.manage": "mengelola pengguna",
    "village.edit": "mengubah profil desa",
    "settings.edit": "mengubah pengaturan",
    "letters.approve": "menyetujui surat",
    "letters.draft": "membuat konsep surat",
    "agents.write": "mengubah data agen dan penugasan",
    "fees.write": "mencatat pembayaran honor agen",
    "fieldwork.write": "mencatat kunjungan dan advokasi",
    "registrations.write": "mencatat pendaftaran JKN",
    "reactivations.write": "mencatat pembayaran tunggakan (pengaktifan kembali)",
    "audit.read": "membaca log audit",
    "backup.manage": "membuat dan memulihkan cadangan",
    "personal.export": "mengekspor data pribadi",
    "personal.see_full_nik": "melihat NIK lengkap",
}


@dataclass(frozen=True)
class Actor:
    """The acting user as the services see it (never an ORM object)."""

    username: str
    role: str
    user_id: int | None = None
    full_name: str = ""

    def can(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


SYSTEM = Actor(username="system", role=ROLE_ADMIN, user_id=None, full_name="Sistem")


def require(actor: Actor, permission: str) -> None:
    if not actor.can(permission):
        role_label = ROLES.get(actor.role, actor.role)
        raise PermissionDenied(
            f"Pengguna {actor.username} ({role_label}) tidak berhak {PERMISSION_TEXT[permission]}."
        )
