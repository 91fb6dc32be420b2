"""First-run setup, the village profile and its areas (dusun, RW, RT)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.errors import NotFound, PesiarError, ValidationError
from pesiar_desktop.models import Dusun, Family, Rt, Village
from pesiar_desktop.reportdata.letters import sha256_of
from pesiar_desktop.reportdata.village import Letterhead, VillageProfile
from pesiar_desktop.rules import regions
from pesiar_desktop.services import audit, events, users
from pesiar_desktop.services.context import ROLE_ADMIN, Actor, require


@dataclass(frozen=True)
class AreaRow:
    rt_id: int
    dusun_id: int
    dusun: str
    rw: str
    rt: str

    @property
    def label(self) -> str:
        rw = f"RW {self.rw} / " if self.rw and self.rw != "-" else ""
        return f"{self.dusun} · {rw}RT {self.rt}"


def _profile(v: Village) -> VillageProfile:
    return VillageProfile(
        v.id,
        v.region_code,
        v.desa_name,
        v.kecamatan_name,
        v.kabupaten_name,
        v.provinsi_name,
        v.address,
        v.postal_code,
        v.phone,
        v.email,
        v.kepala_desa_name,
        v.sekretaris_desa_name,
        v.logo_png is not None,
        bendahara_name=v.bendahara_name,
    )


def is_set_up(db: Database) -> bool:
    with db.read() as session:
        return session.scalar(select(func.count(Village.id))) != 0


def get_profile(db: Database) -> VillageProfile | None:
    with db.read() as session:
        village = session.scalar(select(Village).order_by(Village.id))
        return _profile(village) if village else None


def letterhead(db: Database) -> Letterhead:
    """The kop surat of the village this database serves (raises if not set up)."""
    profile = get_profile(db)
    if profile is None:
        raise PesiarError("Profil desa belum diisi; kop surat tidak bisa dibuat.")
    with db.read() as session:
        logo = session.scalar(select(Village.logo_png).where(Village.id == profile.id))
    return Letterhead(profile, logo)


def setup(
    db: Database,
    region_code: str,
    admin_username: str,
    admin_password: str,
    admin_full_name: str = "",
    kepala_desa_name: str = "",
    address: str = "",
) -> VillageProfile:
    """First run: the village profile from the region list plus the first admin, together."""
    try:
        prov, kab, kec, desa = regions.village_chain(region_code)
    except (KeyError, IndexError):
        raise ValidationError(
            {"region_code": f"Kode desa {region_code} tidak ada di daftar wilayah Kemendagri."}
        ) from None
    with db.transaction() as session:
        if session.scalar(select(func.count(Village.id))):
            raise PesiarError("Aplikasi sudah pernah disiapkan; penyiapan awal tidak diulang.")
        village = Village(
            region_code=desa.code,
            desa_name=desa.name,
            kecamatan_name=kec.name,
            kabupaten_name=kab.name,
            provinsi_name=prov.name,
            kepala_desa_name=kepala_desa_name.strip(),
            address=address.strip(),
        )
        session.add(village)
        session.flush()
        creator = Actor(username=admin_username.strip().lower(), role=ROLE_ADMIN)
        users.create_user_in(
            session, creator, admin_username, admin_password, ROLE_ADMIN, admin_full_name
        )
        audit.record(
            session, creator, "village.setup", "village", village.id, None, audit.snapshot(village)
        )
        profile = _profile(village)
    events.notify(events.Topic.VILLAGE)
    return profile


PROFILE_FIELDS = (
    "address",
    "postal_code",
    "phone",
    "email",
    "kepala_desa_name",
    "sekretaris_desa_name",
    "bendahara_name",
)


def update_profile(
    db: Database, actor: Actor, logo_png: bytes | None = None, **fields: str
) -> VillageProfile:
    require(actor, "village.edit")
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({name: "Kolom ini tidak dapat diubah." for name in unknown})
    with db.transaction() as session:
        village = session.scalar(select(Village).order_by(Village.id))
        if village is None:
            raise NotFound("Profil desa belum dibuat.")
        before = audit.snapshot(village)
        for name, value in fields.items():
            setattr(village, name, value.strip())
        if logo_png is not None:
            village.logo_png = logo_png
        session.flush()
        audit.record(
            session,
            actor,
            "village.update",
            "village",
            village.id,
            *audit.changed_only(before, audit.snapshot(village)),
        )
        profile = _profile(village)
    events.notify(events.Topic.VILLAGE)
    return profile


MAX_LOGO_BYTES = 1_000_000


def _check_logo(data: bytes) -> None:
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError({"logo": "Logo terlalu besar (maksimal 1 MB); perkecil dulu."})
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        raise ValidationError({"logo": "Logo harus berkas PNG atau JPEG."})
    try:  # the kop draws it with reportlab: it must read there
        from pesiar_desktop.reports.pdf_common import image_reader  # reportlab: not at start-up

        width, height = image_reader(data).getSize()
    except Exception:  # noqa: BLE001 - any decoder error means the same to the user
        raise ValidationError({"logo": "Berkas gambar logo rusak atau tidak terbaca."}) from None
    if width < 32 or height < 32:
        raise ValidationError({"logo": "Logo terlalu kecil (sedikitnya 32×32 piksel)."})


def set_logo(db: Database, actor: Actor, data: bytes | None) -> None:
    """The logo on the kop surat (PNG or JPEG), or none. Approved letters keep the PDF they
    were approved with, so a new logo shows only on letters approved from now on."""
    require(actor, "village.edit")
    if data is not None:
        _check_logo(data)
    with db.transaction() as session:
        village = session.scalar(select(Village).order_by(Village.id))
        if village is None:
            raise NotFound("Profil desa belum dibuat.")
        before = village.logo_png
        village.logo_png = data
        audit.record(
            session,
            actor,
            "village.logo",
            "village",
            village.id,
            {"logo_sha256": sha256_of(before) if before else None},
            {"logo_sha256": sha256_of(data) if data else None},
        )
    events.notify(events.Topic.VILLAGE)


def normalise_area_code(value: str, width: int = 3) -> str:
    """'1' -> '001', '8.0' -> '008'; '-' stays (villages without RW)."""
    text = str(value).strip()
    if text in ("", "-"):
        return "-"
    if text.endswith(".0"):
        text = text[:-2]
    if not text.isdigit():
        raise ValidationError({"rt": f"Nomor RT/RW harus angka: {value!r}."})
    return text.zfill(width)


def ensure_rt_in(session: Session, dusun_name: str, rw: str, rt: str) -> Rt:
    """The RT row for (dusun, RW, RT), created if new (inside an open transaction)."""
    area = (dusun_name, rw, rt)
    row = session.get(Rt, ensure_areas_in(session, [area])[area])
    assert row is not None  # just found or made, in this transaction
    return row


def ensure_areas_in(
    session: Session, areas: Iterable[tuple[str, str, str]]
) -> dict[tuple[str, str, str], int]:
    """The RT ids of (dusun, RW, RT) areas as given, each created if new (inside an open
    transaction). A dusun is matched by name whatever its case; RW and RT as numbers
    ("1", "01" and "1.0" are RT 001). All areas at once: two reads and at most two
    inserts, whether an import brings 1 area or 100."""
    wanted: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for area in areas:
        dusun_name, rw, rt = area
        name = " ".join(dusun_name.split())
        if not name:
            raise ValidationError({"dusun": "Nama dusun wajib diisi."})
        rw_code, rt_code = normalise_area_code(rw), normalise_area_code(rt)
        if rt_code == "-":
            raise ValidationError({"rt": "Nomor RT wajib diisi."})
        wanted[area] = (name, rw_code, rt_code)
    if not wanted:
        return {}
    dusun_ids: dict[str, int] = {}
    for dusun_id, lower_name in session.execute(
        select(Dusun.id, func.lower(Dusun.name)).order_by(Dusun.id)
    ):
        dusun_ids.setdefault(lower_name, dusun_id)
    new_dusun: dict[str, Dusun] = {}
    for name, _rw, _rt in wanted.values():
        if name.lower() not in dusun_ids:
            new_dusun.setdefault(name.lower(), Dusun(name=name))
    if new_dusun:
        session.add_all(new_dusun.values())
        session.flush()
        dusun_ids.update((key, dusun.id) for key, dusun in new_dusun.items())
    rt_key = {area: (dusun_ids[name.lower()], rw, rt) for area, (name, rw, rt) in wanted.items()}
    rt_ids = {
        (dusun_id, rw, rt): rt_id
        for rt_id, dusun_id, rw, rt in session.execute(select(Rt.id, Rt.dusun_id, Rt.rw, Rt.rt))
    }
    new_rts: dict[tuple[int, str, str], Rt] = {}
    for key in rt_key.values():
        if key not in rt_ids:
            new_rts.setdefault(key, Rt(dusun_id=key[0], rw=key[1], rt=key[2]))
    if new_rts:
        session.add_all(new_rts.values())
        session.flush()
        rt_ids.update((key, row.id) for key, row in new_rts.items())
    return {area: rt_ids[key] for area, key in rt_key.items()}


def add_area(db: Database, actor: Actor, dusun_name: str, rw: str, rt: str) -> AreaRow:
    require(actor, "areas.write")
    with db.transaction() as session:
        row = ensure_rt_in(session, dusun_name, rw, rt)
        audit.record(
            session,
            actor,
            "area.add",
            "rt",
            row.id,
            None,
            {"dusun": row.dusun.name, "rw": row.rw, "rt": row.rt},
        )
        area = AreaRow(row.id, row.dusun_id, row.dusun.name, row.rw, row.rt)
    events.notify(events.Topic.AREAS)
    return area


def remove_area(db: Database, actor: Actor, rt_id: int) -> None:
    require(actor, "areas.write")
    with db.transaction() as session:
        row = session.get(Rt, rt_id)
        if row is None:
            raise NotFound("RT tidak ditemukan.")
        in_use = session.scalar(select(func.count(Family.id)).where(Family.rt_id == rt_id))
        if in_use:
            raise PesiarError(f"RT ini masih dipakai oleh {in_use} keluarga; tidak dapat dihapus.")
        audit.record(
            session,
            actor,
            "area.remove",
            "rt",
            row.id,
            {"dusun": row.dusun.name, "rw": row.rw, "rt": row.rt},
        )
        session.delete(row)
    events.notify(events.Topic.AREAS)


def list_areas(db: Database) -> list[AreaRow]:
    with db.read() as session:
        rows = session.execute(
            select(Rt.id, Dusun.id, Dusun.name, Rt.rw, Rt.rt)
            .join(Dusun, Rt.dusun_id == Dusun.id)
            .order_by(Dusun.name, Rt.rw, Rt.rt)
        ).all()
    return [AreaRow(*row) for row in rows]


def list_dusun(db: Database) -> list[tuple[int, str]]:
    with db.read() as session:
        return [
            (i, n) for i, n in session.execute(select(Dusun.id, Dusun.name).order_by(Dusun.name))
        ]
