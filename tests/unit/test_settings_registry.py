"""The typed settings registry: defaults, validation, unknown keys, stored format."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from pesiar_desktop.errors import PermissionDenied, ValidationError
from pesiar_desktop.models import AuditLog
from pesiar_desktop.models import Setting as SettingRow
from pesiar_desktop.services import letters, settings
from pesiar_desktop.services.settings import (
    GROUPS,
    LETTER_CODES,
    REGISTRY,
    SETTINGS,
    IntRange,
    Setting,
)


def test_registry_lists_every_entry_under_its_own_key():
    entries = [v for v in vars(type(SETTINGS)).values() if isinstance(v, Setting)]
    assert len(entries) == len(REGISTRY)
    assert set(REGISTRY) == {  # the keys already stored in databases: renaming one loses it
        "agent.monthly_target_jiwa",
        "agent.monthly_target_kk",
        "agent.max_families",
        "fees.reactivation_per_person",
        "registration.first_payment_from_days",
        "registration.first_payment_until_days",
        "registration.va_pattern",
        "letters.paper",
        "letters.number_template",
        "letters.code.SK",
        "letters.code.SURAT_TUGAS",
        "letters.code.PAKTA",
        "letters.code.ID_CARD",
        "letters.kode_desa",
        "backup.keep",
        "session.lock_minutes",
        "ui.language",
        "recap.columns",
        "recap.branch",
        "fees.pph21_rate_bp",
    }
    assert all(REGISTRY[entry.key] is entry for entry in entries)
    assert all(entry.label.strip() for entry in entries)
    assert set(LETTER_CODES) == set(letters.LETTER_TYPES)


@pytest.mark.parametrize("entry", list(REGISTRY.values()), ids=list(REGISTRY))
def test_every_default_passes_its_own_validation(entry):
    assert entry.problem(entry.default) is None
    assert entry.validate(entry.default) == entry.default
    assert isinstance(entry.default, entry.kind)


@pytest.mark.parametrize(
    ("entry", "value", "message"),
    [
        (
            SETTINGS.lock_minutes,
            241,
            "Kunci sesi bila tidak dipakai: harus antara 0 dan 240.",
        ),
        (SETTINGS.lock_minutes, "15", "harus berupa bilangan bulat"),
        (SETTINGS.lock_minutes, True, "harus berupa bilangan bulat"),
        (SETTINGS.backup_keep, 0, "Jumlah cadangan otomatis: harus antara 1 dan 365."),
        (SETTINGS.max_families, -5, "harus antara 1 dan"),
        (SETTINGS.va_pattern, "^8888(\\d{12}$", "bukan pola (regular expression) yang sah"),
        (SETTINGS.va_pattern, " ", "pola tidak boleh kosong"),
        (SETTINGS.paper, "Letter", "Ukuran kertas: harus salah satu dari A4, F4."),
        (SETTINGS.language, "fr", "harus salah satu dari id, en"),
        (SETTINGS.number_template, "{kode}/{tahun}", "Templat harus memuat {urut}"),
        (SETTINGS.number_template, "{urut}/{bulan", "tidak sah"),
        (SETTINGS.letter_code_sk, "  ", "Kode klasifikasi SK: wajib diisi."),
        (SETTINGS.recap_branch, "x" * 81, "terlalu panjang (maks. 80 huruf)"),
        (SETTINGS.recap_columns, {"Cabang": "nik"}, "daftar kolom per kantor cabang"),
        (SETTINGS.recap_columns, ["nik"], "harus berupa daftar bernama"),
    ],
)
def test_bad_values_are_refused_in_indonesian(entry, value, message):
    with pytest.raises(ValidationError) as caught:
        entry.validate(value)
    assert message in str(caught.value)
    assert set(caught.value.field_errors) == {entry.key}


def test_put_validates_and_keeps_the_old_value(village_db, admin):
    settings.put(village_db, admin, SETTINGS.lock_minutes, 30)
    with pytest.raises(ValidationError, match="harus antara 0 dan 240"):
        settings.put(village_db, admin, SETTINGS.lock_minutes, 1000)
    assert settings.read(village_db, SETTINGS.lock_minutes) == 30


def test_unknown_keys_cannot_be_read_or_written(village_db, admin):
    with pytest.raises(ValidationError, match="Pengaturan tidak dikenal: agent.max_famlies"):
        settings.lookup("agent.max_famlies")
    assert settings.lookup("agent.max_families") is SETTINGS.max_families
    stray = Setting("agent.max_families", int, 7, "Tiruan")  # same key, not the registry's
    with pytest.raises(ValidationError, match="Pengaturan tidak dikenal"):
        settings.read(village_db, stray)
    with pytest.raises(ValidationError, match="Pengaturan tidak dikenal"):
        settings.put(village_db, admin, Setting("no.such", str, "", "Tidak ada"), "x")


def test_stored_format_is_one_json_value_per_key(village_db, admin):
    settings.put(village_db, admin, SETTINGS.va_pattern, r"^\d{10}$")
    settings.put(village_db, admin, SETTINGS.backup_keep, 7)
    with village_db.read() as session:
        rows = {
            key: session.get(SettingRow, key) for key in ("registration.va_pattern", "backup.keep")
        }
        assert {k: r.value_json for k, r in rows.items() if r} == {
            "registration.va_pattern": json.dumps(r"^\d{10}$"),
            "backup.keep": "7",
        }


def test_a_stored_value_that_fails_its_check_reads_as_the_default(village_db):
    with village_db.transaction() as session:
        session.add(SettingRow(key="session.lock_minutes", value_json='"soon"'))
        session.add(SettingRow(key="letters.paper", value_json='"B5"'))
    assert settings.read(village_db, SETTINGS.lock_minutes) == 15
    assert settings.read(village_db, SETTINGS.paper) == "A4"


def test_defaults_are_not_shared_between_reads(village_db):
    first = settings.read(village_db, SETTINGS.recap_columns)
    first["Cabang"] = ["nik"]
    assert settings.read(village_db, SETTINGS.recap_columns) == {}


@pytest.mark.parametrize("entry", list(REGISTRY.values()), ids=list(REGISTRY))
def test_every_entry_says_how_pengaturan_shows_it(entry):
    """Pengaturan lists the registry: each entry has a known group (never the catch-all),
    a one-line Indonesian explanation, a range when it is a number, and labelled choices
    that are exactly the values its check allows."""
    assert entry.group in GROUPS and entry.group != "lainnya"
    assert entry.help.strip() and "\n" not in entry.help and len(entry.help) <= 120
    assert entry.key not in entry.help and entry.key not in entry.label
    if entry.kind is int:
        assert isinstance(entry.check, IntRange)
        assert entry.check.low <= entry.default <= entry.check.high
    for value, label in entry.choices:
        assert entry.problem(value) is None and label.strip()
    if entry.choices:
        assert entry.problem("tidak-ada") is not None


def test_put_many_stores_only_changes_audited_in_one_go(village_db, admin):
    changed = settings.put_many(
        village_db,
        admin,
        {
            SETTINGS.max_families: 250,
            SETTINGS.paper: "F4",
            SETTINGS.backup_keep: SETTINGS.backup_keep.default,  # unchanged: not stored
        },
    )
    assert changed == ["agent.max_families", "letters.paper"]
    assert settings.read(village_db, SETTINGS.max_families) == 250
    assert settings.read(village_db, SETTINGS.paper) == "F4"
    with village_db.read() as session:
        entries = session.scalars(select(AuditLog).where(AuditLog.action == "setting.change")).all()
        assert sorted(e.entity_id for e in entries) == ["agent.max_families", "letters.paper"]


def test_put_many_refuses_everything_when_one_value_is_bad(village_db, admin, viewer):
    with pytest.raises(ValidationError) as caught:
        settings.put_many(village_db, admin, {SETTINGS.max_families: 250, SETTINGS.backup_keep: 0})
    assert set(caught.value.field_errors) == {"backup.keep"}
    assert settings.read(village_db, SETTINGS.max_families) == 500
    # the window may not end before it starts, whichever of the two is changed
    with pytest.raises(ValidationError) as caught:
        settings.put_many(village_db, admin, {SETTINGS.first_payment_until_days: 10})
    assert "tidak boleh sebelum hari mulai pembayaran (hari ke-14)" in str(caught.value)
    assert set(caught.value.field_errors) == {"registration.first_payment_until_days"}
    with pytest.raises(PermissionDenied):
        settings.put_many(village_db, viewer, {SETTINGS.max_families: 250})
