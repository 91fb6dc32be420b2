"""The typed settings registry: every setting the program reads, with its type, default, check
and Indonesian label, kept in the key/value settings table (one JSON value per key).

Callers name a registry entry, never a key string, so mypy knows what comes back:
``settings.get(session, SETTINGS.lock_minutes)`` is an ``int``. Writing validates the value
first and refuses a bad one with a ValidationError carrying an Indonesian message.

Each entry also says how Pengaturan shows it (``group``, a one-line ``help``, a ``unit``,
labelled ``choices``): the page lists the registry, so a new entry appears there by itself.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.models import Setting as SettingRow
from pesiar_desktop.rules import numbering
from pesiar_desktop.services import audit, events
from pesiar_desktop.services.context import Actor, require

log = logging.getLogger(__name__)

T = TypeVar("T")

Check = Callable[[Any], "str | None"]
"""Why a value (already of the setting's type) is refused, in Indonesian; None when fine."""


def _fine(_value: object) -> str | None:
    return None


# Where Pengaturan shows a setting (its `group`), in this order.
GROUPS: dict[str, str] = {
    "agen": "Agen & honor",
    "pendaftaran": "Pendaftaran",
    "surat": "Surat",
    "laporan": "Laporan",
    "cadangan": "Cadangan",
    "keamanan": "Keamanan & bahasa",
    "lainnya": "Lainnya",
}


@dataclass(frozen=True, eq=False)
class Setting(Generic[T]):
    """One setting: its stored key, Python type, default, check and label, and how
    Pengaturan shows it."""

    key: str
    kind: type[T]
    default: T
    label: str
    check: Check = _fine
    group: str = "lainnya"  # a GROUPS key
    help: str = ""  # one line under the field, Indonesian
    unit: str = ""  # after the number ("jiwa", "hari"); "Rp" makes it an amount of money
    zero_text: str = ""  # shown instead of 0 when 0 means "none" / "never"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) of a fixed set
    edited_in: str = ""  # set on another page (named here); Pengaturan only shows it

    def problem(self, value: object) -> str | None:
        """Why `value` cannot be stored, in Indonesian (None when it can)."""
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return f"{self.label} harus berupa bilangan bulat."
        elif not isinstance(value, self.kind):
            return f"{self.label} harus berupa {_KIND_NAMES.get(self.kind, 'nilai yang sah')}."
        problem = self.check(value)
        return f"{self.label}: {problem}" if problem else None

    def validate(self, value: object) -> T:
        """`value` itself when it may be stored, else a ValidationError naming the key."""
        problem = self.problem(value)
        if problem:
            raise ValidationError({self.key: problem})
        return value  # type: ignore[return-value]  # problem() checked the type


_KIND_NAMES: dict[type, str] = {str: "teks", dict: "daftar bernama"}


# ---------------------------------------------------------------- checks


@dataclass(frozen=True)
class IntRange:
    """A whole number from `low` to `high` (a spin box's range in Pengaturan)."""

    low: int
    high: int

    def __call__(self, value: int) -> str | None:
        if self.low <= value <= self.high:
            return None
        return f"harus antara {self.low} dan {self.high}."


def int_range(low: int, high: int) -> IntRange:
    return IntRange(low, high)


def one_of(*allowed: str) -> Check:
    def check(value: str) -> str | None:
        return None if value in allowed else "harus salah satu dari " + ", ".join(allowed) + "."

    return check


def text(*, max_length: int, required: bool = False) -> Check:
    def check(value: str) -> str | None:
        if required and not value.strip():
            return "wajib diisi."
        if len(value) > max_length:
            return f"terlalu panjang (maks. {max_length} huruf)."
        return None

    return check


def _regex(value: str) -> str | None:
    if not value.strip():
        return "pola tidak boleh kosong."
    try:
        re.compile(value)
    except re.error as err:
        return f"bukan pola (regular expression) yang sah: {err}."
    return None


def _number_template(value: str) -> str | None:
    errors = numbering.template_errors(value)
    return " ".join(errors) if errors else None


def _column_orders(value: dict[Any, Any]) -> str | None:
    for branch, columns in value.items():
        if not isinstance(branch, str) or not isinstance(columns, list):
            return "harus berupa daftar kolom per kantor cabang."
        if not all(isinstance(column, str) for column in columns):
            return "nama kolom harus berupa teks."
    return None


# ---------------------------------------------------------------- the registry


class Settings:
    """Every setting the program knows (one class attribute per setting)."""

    monthly_target_people = Setting(
        "agent.monthly_target_jiwa",
        int,
        35,
        "Target bulanan agen (jiwa)",
        int_range(1, 1000),
        group="agen",
        help="Jumlah jiwa terdaftar per bulan yang diusulkan untuk penugasan agen baru.",
        unit="jiwa",
    )
    monthly_target_families = Setting(
        "agent.monthly_target_kk",
        int,
        13,
        "Target bulanan agen (KK)",
        int_range(1, 1000),
        group="agen",
        help="Jumlah keluarga (KK) per bulan yang diusulkan untuk penugasan agen baru.",
        unit="KK",
    )
    max_families = Setting(
        "agent.max_families",
        int,
        500,
        "Keluarga binaan per agen",
        int_range(1, 100_000),
        group="agen",
        help="Batas wajar keluarga binaan; penugasan di atasnya ditandai kuning.",
        unit="KK",
    )
    # What an agent earns per member in arrears brought back to active (keaktifan), apart
    # from the new-member incentive of the assignment; 0 = none (the default).
    reactivation_fee_per_person = Setting(
        "fees.reactivation_per_person",
        int,
        0,
        "Insentif per jiwa diaktifkan kembali",
        int_range(0, 10_000_000),
        group="agen",
        help="Honor agen per peserta menunggak yang aktif kembali (terpisah dari insentif "
        "peserta baru).",
        unit="Rp",
        zero_text="tanpa insentif",
    )
    # The first premium of a new PBPU registration can be paid from `from` days after
    # registering until `until` days after it (BPJS: 14 and 30); later the registration
    # lapses. services.registrations.first_payment_window is the one reader.
    first_payment_from_days = Setting(
        "registration.first_payment_from_days",
        int,
        14,
        "Iuran pertama bisa dibayar mulai hari ke-",
        int_range(0, 90),
        group="pendaftaran",
        help="Hari setelah pendaftaran PBPU saat iuran pertama mulai bisa dibayar (BPJS: 14).",
        unit="hari",
    )
    first_payment_until_days = Setting(
        "registration.first_payment_until_days",
        int,
        30,
        "Batas terakhir pembayaran iuran pertama (hari ke-)",
        int_range(1, 365),
        group="pendaftaran",
        help="Lewat hari ini tanpa pembayaran, pendaftaran dianggap gugur (BPJS: 30).",
        unit="hari",
    )
    # PPh 21 withheld from an agent's fee, in hundredths of a percent (rules.tax): 250 =
    # 2,5 % (5 % x 50 % of the gross for a non-employee); 0 = not withheld.
    pph21_rate_bp = Setting(
        "fees.pph21_rate_bp",
        int,
        250,
        "Tarif PPh 21 honor agen",
        int_range(0, 5_000),
        group="agen",
        help="Dipotong dari honor bruto dalam daftar pembayaran; per 10.000: 250 = 2,5 % "
        "(5 % × 50 % bruto untuk bukan pegawai).",
        unit="per 10.000",
        zero_text="tidak dipotong",
    )
    # VA number of a new PBPU registration as BPJS issues it: a regular expression on the
    # digits (here 8888 then 12 digits). Change it when the branch uses another format.
    va_pattern = Setting(
        "registration.va_pattern",
        str,
        r"^8888\d{12}$",
        "Pola nomor virtual account",
        _regex,
        group="pendaftaran",
        help="Bentuk nomor VA dari BPJS sebagai regular expression; "
        r"bawaan ^8888\d{12}$ = 8888 lalu 12 angka.",
    )
    # The paper sizes reports.pdf_common.PAPER_SIZES knows.
    paper = Setting(
        "letters.paper",
        str,
        "A4",
        "Ukuran kertas",
        one_of("A4", "F4"),
        group="surat",
        help="Ukuran kertas surat, lembar kerja dan tanda terima yang dicetak.",
        choices=(("A4", "A4 (210 × 297 mm)"), ("F4", "F4 / folio (215 × 330 mm)")),
    )
    number_template = Setting(
        "letters.number_template",
        str,
        numbering.DEFAULT_TEMPLATE,
        "Templat nomor surat",
        _number_template,
        group="surat",
        help="Token: {kode} {urut} (atau {urut:03}) {kode_desa} {bulan_romawi} {bulan} {tahun}.",
    )
    # Classification code per letter type ({kode}); distinct so the yearly counters never clash.
    letter_code_sk = Setting(
        "letters.code.SK",
        str,
        "141",
        "Kode klasifikasi SK",
        text(max_length=20, required=True),
        group="surat",
        help="{kode} pada nomor SK penugasan agen.",
    )
    letter_code_surat_tugas = Setting(
        "letters.code.SURAT_TUGAS",
        str,
        "094",
        "Kode klasifikasi Surat Tugas",
        text(max_length=20, required=True),
        group="surat",
        help="{kode} pada nomor surat tugas agen.",
    )
    letter_code_pakta = Setting(
        "letters.code.PAKTA",
        str,
        "400.7",
        "Kode klasifikasi Pakta Integritas",
        text(max_length=20, required=True),
        group="surat",
        help="{kode} pada nomor pakta integritas agen.",
    )
    letter_code_id_card = Setting(
        "letters.code.ID_CARD",
        str,
        "400.7.1",
        "Kode klasifikasi Kartu Tanda Agen",
        text(max_length=20, required=True),
        group="surat",
        help="{kode} pada nomor kartu tanda agen.",
    )
    # {kode_desa}; empty: DS-<last 4 digits of the region code>
    kode_desa = Setting(
        "letters.kode_desa",
        str,
        "",
        "Kode desa pada nomor surat",
        text(max_length=20),
        group="surat",
        help="{kode_desa} pada nomor surat; kosong = DS- dan 4 angka terakhir kode wilayah.",
    )
    # Laporan: Pendaftaran column order per BPJS branch ({branch: [keys]}) and the branch used.
    recap_branch = Setting(
        "recap.branch",
        str,
        "",
        "Kantor cabang BPJS",
        text(max_length=80),
        group="laporan",
        help="Cabang yang urutan kolomnya dipakai pada lembar Pendaftaran; kosong = bawaan.",
    )
    recap_columns: Setting[dict[str, list[str]]] = Setting(
        "recap.columns",
        dict,
        {},
        "Urutan kolom rekap per kantor cabang",
        _column_orders,
        group="laporan",
        help="Kolom yang dikirim ke tiap kantor cabang dan urutannya.",
        edited_in="Laporan › Kolom lembar Pendaftaran (FDIP)",
    )
    backup_keep = Setting(
        "backup.keep",
        int,
        10,
        "Jumlah cadangan otomatis",
        int_range(1, 365),
        group="cadangan",
        help="Cadangan otomatis dibuat sekali sehari saat aplikasi dibuka; yang lebih lama "
        "dihapus.",
        unit="buah",
    )
    lock_minutes = Setting(
        "session.lock_minutes",
        int,
        15,
        "Kunci sesi bila tidak dipakai",
        int_range(0, 240),
        group="keamanan",
        help="Setelah sekian menit tanpa kegiatan, kata sandi diminta lagi (berlaku mulai "
        "masuk berikutnya).",
        unit="menit",
        zero_text="tidak pernah",
    )
    language = Setting(
        "ui.language",
        str,
        "id",
        "Bahasa",
        one_of("id", "en"),
        group="keamanan",
        help="Berlaku setelah aplikasi dibuka ulang. The new language applies after a restart.",
        choices=(("id", "Bahasa Indonesia"), ("en", "English")),
    )


SETTINGS = Settings()

REGISTRY: dict[str, Setting[Any]] = {
    entry.key: entry for entry in vars(Settings).values() if isinstance(entry, Setting)
}

# The {kode} setting of each letter type (services.letters.LETTER_TYPES).
LETTER_CODES: dict[str, Setting[str]] = {
    "SK": SETTINGS.letter_code_sk,
    "SURAT_TUGAS": SETTINGS.letter_code_surat_tugas,
    "PAKTA": SETTINGS.letter_code_pakta,
    "ID_CARD": SETTINGS.letter_code_id_card,
}


def place(setting: Setting[Any]) -> str:
    """Where the user changes `setting`, in words: a message names this, never the key."""
    if setting.edited_in:
        return setting.edited_in
    group = GROUPS.get(setting.group, GROUPS["lainnya"])
    return f"Pengaturan › Pengaturan umum › {group} › {setting.label}"


def lookup(key: str) -> Setting[Any]:
    """The registry entry stored under `key`; an unknown key is refused."""
    try:
        return REGISTRY[key]
    except KeyError:
        raise ValidationError({key: f"Pengaturan tidak dikenal: {key}."}) from None


def _registered(setting: Setting[T]) -> Setting[T]:
    if REGISTRY.get(setting.key) is not setting:
        raise ValidationError({setting.key: f"Pengaturan tidak dikenal: {setting.key}."})
    return setting


# ---------------------------------------------------------------- reading and writing


def get(session: Session, setting: Setting[T]) -> T:
    """The stored value, or the default when none is stored or the stored one is unusable."""
    _registered(setting)
    row = session.get(SettingRow, setting.key)
    if row is not None:
        value = json.loads(row.value_json)
        problem = setting.problem(value)
        if problem is None:
            return value  # type: ignore[no-any-return]  # problem() checked the type
        log.warning("setting %s: stored value %r ignored (%s)", setting.key, value, problem)
    return copy.deepcopy(setting.default)


def read(db: Database, setting: Setting[T]) -> T:
    with db.read() as session:
        return get(session, setting)


def write(session: Session, setting: Setting[T], value: T) -> object:
    """Validate and store `value` in the caller's transaction (the caller checks the role and
    writes the audit entry); returns the value it replaces."""
    _registered(setting)
    setting.validate(value)
    row = session.get(SettingRow, setting.key)
    before = json.loads(row.value_json) if row else setting.default
    if row is None:
        session.add(SettingRow(key=setting.key, value_json=json.dumps(value)))
    else:
        row.value_json = json.dumps(value)
    return before


def put(db: Database, actor: Actor, setting: Setting[T], value: T) -> None:
    require(actor, "settings.edit")
    with db.transaction() as session:
        before = write(session, setting, value)
        audit.record(
            session,
            actor,
            "setting.change",
            "setting",
            setting.key,
            {"value": before},
            {"value": value},
        )
    events.notify(events.Topic.SETTINGS)


def _window_problems(value: Callable[[Setting[Any]], Any]) -> dict[str, str]:
    """The first-payment window must not end before it starts."""
    start = value(SETTINGS.first_payment_from_days)
    end = value(SETTINGS.first_payment_until_days)
    if end < start:
        return {
            SETTINGS.first_payment_until_days.key: (
                f"{SETTINGS.first_payment_until_days.label}: tidak boleh sebelum hari "
                f"mulai pembayaran (hari ke-{start})."
            )
        }
    return {}


# Checks across settings, given the value each setting would have after a change.
CROSS_CHECKS: tuple[Callable[[Callable[[Setting[Any]], Any]], dict[str, str]], ...] = (
    _window_problems,
)


def put_many(db: Database, actor: Actor, changes: Mapping[Setting[Any], object]) -> list[str]:
    """Validate every changed value (and the checks across settings) first, then store the
    ones that differ in one transaction, each audited; the keys stored, in registry order.
    A bad value refuses the whole change with a ValidationError per setting key."""
    require(actor, "settings.edit")
    for setting in changes:
        _registered(setting)
    problems = {s.key: p for s, v in changes.items() if (p := s.problem(v)) is not None}
    if problems:
        raise ValidationError(problems)
    changed: list[str] = []
    with db.transaction() as session:

        def after(setting: Setting[Any]) -> Any:
            return changes[setting] if setting in changes else get(session, setting)

        for cross in CROSS_CHECKS:
            problems.update(cross(after))
        if problems:
            raise ValidationError(problems)
        for setting in REGISTRY.values():
            if setting not in changes or changes[setting] == get(session, setting):
                continue
            value = changes[setting]
            before = write(session, setting, value)
            audit.record(
                session,
                actor,
                "setting.change",
                "setting",
                setting.key,
                {"value": before},
                {"value": value},
            )
            changed.append(setting.key)
    if changed:
        events.notify(events.Topic.SETTINGS)
    return changed


def read_all(db: Database) -> dict[str, Any]:
    """Every setting's current value by key (Pengaturan shows them all), in one read."""
    with db.read() as session:
        return {key: get(session, setting) for key, setting in REGISTRY.items()}
