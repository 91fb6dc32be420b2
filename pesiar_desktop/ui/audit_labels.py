"""Human words for the audit log: what was done (`resident.edit` → "Ubah data penduduk"),
to what (`resident` → "Penduduk") and which field (`months_in_arrears` → "Bulan
tunggakan"). A name without a label is shown as stored, so nothing is ever hidden."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pesiar_desktop.services.settings import REGISTRY
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP as N

ACTIONS = {
    "advocacy.add": N("AuditLabels", "Catat advokasi"),
    "advocacy.delete": N("AuditLabels", "Hapus advokasi"),
    "advocacy.edit": N("AuditLabels", "Ubah advokasi"),
    "agent.activate": N("AuditLabels", "Aktifkan agen"),
    "agent.create": N("AuditLabels", "Tambah agen"),
    "agent.deactivate": N("AuditLabels", "Nonaktifkan agen"),
    "agent.update": N("AuditLabels", "Ubah data agen"),
    "area.add": N("AuditLabels", "Tambah RT"),
    "area.remove": N("AuditLabels", "Hapus RT"),
    "assignment.activate": N("AuditLabels", "Aktifkan penugasan"),
    "assignment.create": N("AuditLabels", "Buat penugasan"),
    "assignment.end": N("AuditLabels", "Akhiri penugasan"),
    "assignment.split": N("AuditLabels", "Bagi penugasan"),
    "assignment.update": N("AuditLabels", "Ubah penugasan"),
    "backup.create": N("AuditLabels", "Buat cadangan"),
    "backup.restore": N("AuditLabels", "Pulihkan cadangan"),
    "demo.fieldwork": N("AuditLabels", "Isi contoh kerja lapangan"),
    "demo.generate": N("AuditLabels", "Buat desa contoh"),
    "export": N("AuditLabels", "Ekspor data pribadi"),
    "family.change_head": N("AuditLabels", "Ganti kepala keluarga"),
    "family.create": N("AuditLabels", "Buat KK"),
    "family.edit": N("AuditLabels", "Ubah data KK"),
    "fees.record": N("AuditLabels", "Catat honor agen"),
    "import.family_update": N("AuditLabels", "Impor: perbarui KK"),
    "import.mapping_delete": N("AuditLabels", "Hapus pemetaan kolom"),
    "import.mapping_save": N("AuditLabels", "Simpan pemetaan kolom"),
    "letter.approve": N("AuditLabels", "Setujui surat"),
    "letter.delete_draft": N("AuditLabels", "Hapus konsep surat"),
    "letter.draft": N("AuditLabels", "Buat konsep surat"),
    "letter.register": N("AuditLabels", "Catat surat"),
    "letter.revoke": N("AuditLabels", "Cabut surat"),
    "membership.change": N("AuditLabels", "Ubah kepesertaan JKN"),
    "reactivation.cancelled": N("AuditLabels", "Batalkan pengaktifan kembali"),
    "reactivation.completed": N("AuditLabels", "Peserta aktif kembali"),
    "reactivation.payment": N("AuditLabels", "Catat bayar tunggakan"),
    "reactivation.payment_cancelled": N("AuditLabels", "Batalkan bayar tunggakan"),
    "reactivation.payment_corrected": N("AuditLabels", "Koreksi bayar tunggakan"),
    "reactivation.reopened": N("AuditLabels", "Buka lagi pengaktifan kembali"),
    "reactivation.start": N("AuditLabels", "Mulai pengaktifan kembali"),
    "recap.columns": N("AuditLabels", "Ubah kolom rekap"),
    "registration.submit": N("AuditLabels", "Daftarkan keluarga"),
    "reminder.sent": N("AuditLabels", "Kirim pengingat"),
    "resident.add": N("AuditLabels", "Tambah penduduk"),
    "resident.edit": N("AuditLabels", "Ubah data penduduk"),
    "resident.life_status": N("AuditLabels", "Ubah status hidup"),
    "resident.move": N("AuditLabels", "Pindah KK"),
    "setting.change": N("AuditLabels", "Ubah pengaturan"),
    "user.change_password": N("AuditLabels", "Ganti kata sandi"),
    "user.create": N("AuditLabels", "Tambah pengguna"),
    "user.locked": N("AuditLabels", "Kunci layar"),
    "user.login": N("AuditLabels", "Masuk"),
    "user.reset_password": N("AuditLabels", "Atur ulang kata sandi"),
    "user.set_role": N("AuditLabels", "Ubah peran pengguna"),
    "village.setup": N("AuditLabels", "Siapkan desa"),
    "village.update": N("AuditLabels", "Ubah profil desa"),
    "visit.add": N("AuditLabels", "Catat kunjungan"),
    "visit.delete": N("AuditLabels", "Hapus kunjungan"),
    "visit_plan.schedule": N("AuditLabels", "Jadwalkan kunjungan"),
}
# Prefixes of actions named at run time (import.<kind>, registration.<step>).
ACTION_PREFIXES = {
    "import.": N("AuditLabels", "Impor"),
    "registration.": N("AuditLabels", "Registrasi"),
}

ENTITIES = {
    "advocacy_event": N("AuditLabels", "Advokasi"),
    "agent": N("AuditLabels", "Agen"),
    "arrears_payment": N("AuditLabels", "Bayar tunggakan"),
    "assignment": N("AuditLabels", "Penugasan"),
    "database": N("AuditLabels", "Basis data"),
    "family": N("AuditLabels", "Keluarga"),
    "fee_payment": N("AuditLabels", "Honor agen"),
    "import_batch": N("AuditLabels", "Impor"),
    "letter": N("AuditLabels", "Surat"),
    "membership": N("AuditLabels", "Kepesertaan JKN"),
    "personal_data": N("AuditLabels", "Data pribadi"),
    "reactivation": N("AuditLabels", "Pengaktifan kembali"),
    "registration": N("AuditLabels", "Pendaftaran"),
    "reminder": N("AuditLabels", "Pengingat"),
    "report": N("AuditLabels", "Laporan"),
    "resident": N("AuditLabels", "Penduduk"),
    "rt": N("AuditLabels", "RT"),
    "saved_mapping": N("AuditLabels", "Pemetaan kolom"),
    "setting": N("AuditLabels", "Pengaturan"),
    "user": N("AuditLabels", "Pengguna"),
    "village": N("AuditLabels", "Desa"),
    "visit": N("AuditLabels", "Kunjungan"),
}

FIELDS = {
    "active": N("AuditLabels", "Aktif"),
    "address": N("AuditLabels", "Alamat"),
    "agent_id": N("AuditLabels", "Agen (id)"),
    "amount": N("AuditLabels", "Jumlah"),
    "amount_owed": N("AuditLabels", "Tunggakan"),
    "apbdes_code": N("AuditLabels", "Kode kegiatan APBDes"),
    "apbdes_name": N("AuditLabels", "Nama kegiatan APBDes"),
    "areas": N("AuditLabels", "Wilayah"),
    "as_of": N("AuditLabels", "Per tanggal"),
    "bank_account": N("AuditLabels", "No. rekening"),
    "bank_account_name": N("AuditLabels", "Rekening atas nama"),
    "bank_name": N("AuditLabels", "Bank"),
    "birth_date": N("AuditLabels", "Tanggal lahir"),
    "birth_place": N("AuditLabels", "Tempat lahir"),
    "budget": N("AuditLabels", "Pagu"),
    "cancel_reason": N("AuditLabels", "Alasan batal"),
    "card_number": N("AuditLabels", "No kartu JKN"),
    "channel": N("AuditLabels", "Saluran"),
    "created_at": N("AuditLabels", "Dibuat"),
    "date": N("AuditLabels", "Tanggal"),
    "desa_name": N("AuditLabels", "Desa"),
    "due_on": N("AuditLabels", "Jatuh tempo"),
    "education": N("AuditLabels", "Pendidikan"),
    "email": N("AuditLabels", "Email"),
    "family_id": N("AuditLabels", "Keluarga (id)"),
    "families": N("AuditLabels", "Keluarga"),
    "fee_per_family_paid": N("AuditLabels", "Insentif per KK"),
    "fee_per_person_paid": N("AuditLabels", "Insentif per jiwa"),
    "full_name": N("AuditLabels", "Nama lengkap"),
    "integrity_pact_date": N("AuditLabels", "Tanggal pakta integritas"),
    "is_active": N("AuditLabels", "Aktif"),
    "jkn_class": N("AuditLabels", "Kelas"),
    "kabupaten_name": N("AuditLabels", "Kabupaten/Kota"),
    "kecamatan_name": N("AuditLabels", "Kecamatan"),
    "kepala_desa_name": N("AuditLabels", "Nama kepala desa"),
    "kind": N("AuditLabels", "Jenis"),
    "life_status": N("AuditLabels", "Status hidup"),
    "marital_status": N("AuditLabels", "Status kawin"),
    "members": N("AuditLabels", "Anggota"),
    "monthly_honorarium": N("AuditLabels", "Honor per bulan"),
    "months_in_arrears": N("AuditLabels", "Bulan tunggakan"),
    "name": N("AuditLabels", "Nama"),
    "nik": N("AuditLabels", "NIK"),
    "no_kk": N("AuditLabels", "No KK"),
    "note": N("AuditLabels", "Catatan"),
    "number": N("AuditLabels", "Nomor"),
    "occupation": N("AuditLabels", "Pekerjaan"),
    "paid_on": N("AuditLabels", "Tanggal bayar"),
    "period_end": N("AuditLabels", "Akhir masa tugas"),
    "period_start": N("AuditLabels", "Awal masa tugas"),
    "phone": N("AuditLabels", "No HP"),
    "postal_code": N("AuditLabels", "Kode pos"),
    "provinsi_name": N("AuditLabels", "Provinsi"),
    "reason": N("AuditLabels", "Alasan"),
    "receipt_number": N("AuditLabels", "No tanda terima"),
    "recorded_by": N("AuditLabels", "Dicatat oleh"),
    "region_code": N("AuditLabels", "Kode wilayah"),
    "religion": N("AuditLabels", "Agama"),
    "resident_id": N("AuditLabels", "Penduduk (id)"),
    "role": N("AuditLabels", "Peran"),
    "rows": N("AuditLabels", "Baris"),
    "segment": N("AuditLabels", "Segmen"),
    "sekretaris_desa_name": N("AuditLabels", "Nama sekretaris desa"),
    "sex": N("AuditLabels", "Jenis kelamin"),
    "shdk": N("AuditLabels", "Hubungan dalam KK"),
    "source": N("AuditLabels", "Sumber"),
    "status": N("AuditLabels", "Status"),
    "subject": N("AuditLabels", "Perihal"),
    "target": N("AuditLabels", "Tujuan"),
    "target_families_per_month": N("AuditLabels", "Target KK per bulan"),
    "target_people_per_month": N("AuditLabels", "Target jiwa per bulan"),
    "type": N("AuditLabels", "Jenis"),
    "updated_at": N("AuditLabels", "Diubah"),
    "username": N("AuditLabels", "Nama pengguna"),
    "value": N("AuditLabels", "Nilai"),
    "welfare_decile": N("AuditLabels", "Desil kesejahteraan"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLabels", text)


def action_label(action: str) -> str:
    if action in ACTIONS:
        return _tr(ACTIONS[action])
    for prefix, label in ACTION_PREFIXES.items():
        if action.startswith(prefix):
            return f"{_tr(label)}: {action[len(prefix) :].replace('_', ' ')}"
    return action


def entity_label(entity: str) -> str:
    return _tr(ENTITIES[entity]) if entity in ENTITIES else entity


def field_label(field: str) -> str:
    return _tr(FIELDS[field]) if field in FIELDS else field


def entity_id_label(entity: str, entity_id: str) -> str:
    """A setting by its label, not its stored key; other ids as they are."""
    if entity == "setting" and entity_id in REGISTRY:
        return REGISTRY[entity_id].label
    return entity_id
