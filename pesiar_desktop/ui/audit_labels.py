"""Human words for the audit log: what was done (`resident.edit` → "Ubah data penduduk"),
to what (`resident` → "Penduduk") and which field (`months_in_arrears` → "Bulan
tunggakan"). A name without a label is shown as stored, so nothing is ever hidden.

`value_text` shows a field's stored value the same way: a code by its code table's label
(`WHATSAPP` → "WhatsApp", `PBPU` → "PBPU / Mandiri"), true/false as "Ya"/"Tidak", an ISO
date as 07-12-2026, an ISO time in the village's zone (07-12-2026 18:24 WITA) and money as
rupiah (Rp175.000). The log itself keeps the raw values (`services.audit_query`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from pesiar_desktop.reportdata.letters import LETTER_TYPES
from pesiar_desktop.rules import agent_codes, codes, population, reminders
from pesiar_desktop.rules import fieldwork_codes as fc
from pesiar_desktop.rules.formatting import rupiah, short_date
from pesiar_desktop.rules.nik import mask_number, mask_numbers_in_text
from pesiar_desktop.rules.timezones import Zone, local_time
from pesiar_desktop.services.context import ROLES
from pesiar_desktop.services.letters import STATUS_LABELS as LETTER_STATUSES
from pesiar_desktop.services.settings import REGISTRY
from pesiar_desktop.ui.i18n import QT_TRANSLATE_NOOP, code_label

ACTIONS = {
    "advocacy.add": QT_TRANSLATE_NOOP("AuditLabels", "Catat advokasi"),
    "advocacy.delete": QT_TRANSLATE_NOOP("AuditLabels", "Hapus advokasi"),
    "advocacy.edit": QT_TRANSLATE_NOOP("AuditLabels", "Ubah advokasi"),
    "agent.activate": QT_TRANSLATE_NOOP("AuditLabels", "Aktifkan agen"),
    "agent.create": QT_TRANSLATE_NOOP("AuditLabels", "Tambah agen"),
    "agent.deactivate": QT_TRANSLATE_NOOP("AuditLabels", "Nonaktifkan agen"),
    "agent.update": QT_TRANSLATE_NOOP("AuditLabels", "Ubah data agen"),
    "area.add": QT_TRANSLATE_NOOP("AuditLabels", "Tambah RT"),
    "area.remove": QT_TRANSLATE_NOOP("AuditLabels", "Hapus RT"),
    "assignment.activate": QT_TRANSLATE_NOOP("AuditLabels", "Aktifkan penugasan"),
    "assignment.create": QT_TRANSLATE_NOOP("AuditLabels", "Buat penugasan"),
    "assignment.end": QT_TRANSLATE_NOOP("AuditLabels", "Akhiri penugasan"),
    "assignment.split": QT_TRANSLATE_NOOP("AuditLabels", "Bagi penugasan"),
    "assignment.update": QT_TRANSLATE_NOOP("AuditLabels", "Ubah penugasan"),
    "backup.create": QT_TRANSLATE_NOOP("AuditLabels", "Buat cadangan"),
    "backup.restore": QT_TRANSLATE_NOOP("AuditLabels", "Pulihkan cadangan"),
    "demo.fieldwork": QT_TRANSLATE_NOOP("AuditLabels", "Isi contoh kerja lapangan"),
    "demo.generate": QT_TRANSLATE_NOOP("AuditLabels", "Buat desa contoh"),
    "demo.population_arrivals": QT_TRANSLATE_NOOP("AuditLabels", "Isi contoh pendatang"),
    "demo.population_events": QT_TRANSLATE_NOOP("AuditLabels", "Isi contoh peristiwa kependudukan"),
    "export": QT_TRANSLATE_NOOP("AuditLabels", "Ekspor data pribadi"),
    "family.change_head": QT_TRANSLATE_NOOP("AuditLabels", "Ganti kepala keluarga"),
    "family.create": QT_TRANSLATE_NOOP("AuditLabels", "Buat KK"),
    "family.edit": QT_TRANSLATE_NOOP("AuditLabels", "Ubah data KK"),
    "fees.record": QT_TRANSLATE_NOOP("AuditLabels", "Catat honor agen"),
    "import.family_update": QT_TRANSLATE_NOOP("AuditLabels", "Impor: perbarui KK"),
    "import.bpjs": QT_TRANSLATE_NOOP("AuditLabels", "Impor daftar BPJS"),
    "import.mapping_delete": QT_TRANSLATE_NOOP("AuditLabels", "Hapus pemetaan kolom"),
    "import.mapping_save": QT_TRANSLATE_NOOP("AuditLabels", "Simpan pemetaan kolom"),
    "import.residents": QT_TRANSLATE_NOOP("AuditLabels", "Impor data penduduk"),
    "import.welfare": QT_TRANSLATE_NOOP("AuditLabels", "Impor data kesejahteraan"),
    "letter.approve": QT_TRANSLATE_NOOP("AuditLabels", "Setujui surat"),
    "letter.delete_draft": QT_TRANSLATE_NOOP("AuditLabels", "Hapus konsep surat"),
    "letter.draft": QT_TRANSLATE_NOOP("AuditLabels", "Buat konsep surat"),
    "letter.register": QT_TRANSLATE_NOOP("AuditLabels", "Catat surat"),
    "letter.revoke": QT_TRANSLATE_NOOP("AuditLabels", "Cabut surat"),
    "letter_text.save": QT_TRANSLATE_NOOP("AuditLabels", "Ubah teks surat"),
    "membership.change": QT_TRANSLATE_NOOP("AuditLabels", "Ubah kepesertaan JKN"),
    "population.cancel": QT_TRANSLATE_NOOP("AuditLabels", "Batalkan peristiwa kependudukan"),
    "population.record": QT_TRANSLATE_NOOP("AuditLabels", "Catat peristiwa kependudukan"),
    "reactivation.cancelled": QT_TRANSLATE_NOOP("AuditLabels", "Batalkan pengaktifan kembali"),
    "reactivation.completed": QT_TRANSLATE_NOOP("AuditLabels", "Peserta aktif kembali"),
    "reactivation.payment": QT_TRANSLATE_NOOP("AuditLabels", "Catat bayar tunggakan"),
    "reactivation.payment_cancelled": QT_TRANSLATE_NOOP("AuditLabels", "Batalkan bayar tunggakan"),
    "reactivation.payment_corrected": QT_TRANSLATE_NOOP("AuditLabels", "Koreksi bayar tunggakan"),
    "reactivation.reopened": QT_TRANSLATE_NOOP("AuditLabels", "Buka lagi pengaktifan kembali"),
    "reactivation.start": QT_TRANSLATE_NOOP("AuditLabels", "Mulai pengaktifan kembali"),
    "recap.columns": QT_TRANSLATE_NOOP("AuditLabels", "Ubah kolom rekap"),
    "registration.submit": QT_TRANSLATE_NOOP("AuditLabels", "Daftarkan keluarga"),
    "registration.va_issued": QT_TRANSLATE_NOOP("AuditLabels", "Catat nomor VA"),
    "registration.paid": QT_TRANSLATE_NOOP("AuditLabels", "Catat iuran pertama dibayar"),
    "registration.active": QT_TRANSLATE_NOOP("AuditLabels", "Catat kartu aktif"),
    "registration.expired": QT_TRANSLATE_NOOP("AuditLabels", "Pendaftaran kedaluwarsa"),
    "registration.cancelled": QT_TRANSLATE_NOOP("AuditLabels", "Batalkan pendaftaran"),
    "reminder.sent": QT_TRANSLATE_NOOP("AuditLabels", "Kirim pengingat"),
    "resident.add": QT_TRANSLATE_NOOP("AuditLabels", "Tambah penduduk"),
    "resident.edit": QT_TRANSLATE_NOOP("AuditLabels", "Ubah data penduduk"),
    "resident.fix_nik": QT_TRANSLATE_NOOP("AuditLabels", "Perbaiki NIK"),
    "resident.invalidate": QT_TRANSLATE_NOOP("AuditLabels", "Batalkan pencatatan penduduk"),
    "resident.life_status": QT_TRANSLATE_NOOP("AuditLabels", "Ubah status hidup"),
    "resident.mark_dead": QT_TRANSLATE_NOOP("AuditLabels", "Tandai meninggal"),
    "resident.mark_moved": QT_TRANSLATE_NOOP("AuditLabels", "Tandai pindah"),
    "resident.move": QT_TRANSLATE_NOOP("AuditLabels", "Pindah KK"),
    "resident.restore": QT_TRANSLATE_NOOP("AuditLabels", "Kembalikan status hidup"),
    "setting.change": QT_TRANSLATE_NOOP("AuditLabels", "Ubah pengaturan"),
    "user.change_password": QT_TRANSLATE_NOOP("AuditLabels", "Ganti kata sandi"),
    "user.create": QT_TRANSLATE_NOOP("AuditLabels", "Tambah pengguna"),
    "user.locked": QT_TRANSLATE_NOOP("AuditLabels", "Kunci layar"),
    "user.login": QT_TRANSLATE_NOOP("AuditLabels", "Masuk"),
    "user.reset_password": QT_TRANSLATE_NOOP("AuditLabels", "Atur ulang kata sandi"),
    "user.set_role": QT_TRANSLATE_NOOP("AuditLabels", "Ubah peran pengguna"),
    "village.setup": QT_TRANSLATE_NOOP("AuditLabels", "Siapkan desa"),
    "village.logo": QT_TRANSLATE_NOOP("AuditLabels", "Ubah logo desa"),
    "village.update": QT_TRANSLATE_NOOP("AuditLabels", "Ubah profil desa"),
    "visit.add": QT_TRANSLATE_NOOP("AuditLabels", "Catat kunjungan"),
    "visit.delete": QT_TRANSLATE_NOOP("AuditLabels", "Hapus kunjungan"),
    "visit_plan.schedule": QT_TRANSLATE_NOOP("AuditLabels", "Jadwalkan kunjungan"),
}
# Prefixes of actions named at run time (import.<kind>, registration.<step>).
ACTION_PREFIXES = {
    "import.": QT_TRANSLATE_NOOP("AuditLabels", "Impor"),
    "registration.": QT_TRANSLATE_NOOP("AuditLabels", "Registrasi"),
}

ENTITIES = {
    "advocacy_event": QT_TRANSLATE_NOOP("AuditLabels", "Advokasi"),
    "agent": QT_TRANSLATE_NOOP("AuditLabels", "Agen"),
    "arrears_payment": QT_TRANSLATE_NOOP("AuditLabels", "Bayar tunggakan"),
    "assignment": QT_TRANSLATE_NOOP("AuditLabels", "Penugasan"),
    "database": QT_TRANSLATE_NOOP("AuditLabels", "Basis data"),
    "family": QT_TRANSLATE_NOOP("AuditLabels", "Keluarga"),
    "fee_payment": QT_TRANSLATE_NOOP("AuditLabels", "Honor agen"),
    "import_batch": QT_TRANSLATE_NOOP("AuditLabels", "Impor"),
    "letter": QT_TRANSLATE_NOOP("AuditLabels", "Surat"),
    "letter_text": QT_TRANSLATE_NOOP("AuditLabels", "Teks surat"),
    "membership": QT_TRANSLATE_NOOP("AuditLabels", "Kepesertaan JKN"),
    "personal_data": QT_TRANSLATE_NOOP("AuditLabels", "Data pribadi"),
    "population_event": QT_TRANSLATE_NOOP("AuditLabels", "Peristiwa kependudukan"),
    "reactivation": QT_TRANSLATE_NOOP("AuditLabels", "Pengaktifan kembali"),
    "registration": QT_TRANSLATE_NOOP("AuditLabels", "Pendaftaran"),
    "reminder": QT_TRANSLATE_NOOP("AuditLabels", "Pengingat"),
    "report": QT_TRANSLATE_NOOP("AuditLabels", "Laporan"),
    "resident": QT_TRANSLATE_NOOP("AuditLabels", "Penduduk"),
    "rt": QT_TRANSLATE_NOOP("AuditLabels", "RT"),
    "saved_mapping": QT_TRANSLATE_NOOP("AuditLabels", "Pemetaan kolom"),
    "setting": QT_TRANSLATE_NOOP("AuditLabels", "Pengaturan"),
    "user": QT_TRANSLATE_NOOP("AuditLabels", "Pengguna"),
    "village": QT_TRANSLATE_NOOP("AuditLabels", "Desa"),
    "visit": QT_TRANSLATE_NOOP("AuditLabels", "Kunjungan"),
}

FIELDS = {
    "active": QT_TRANSLATE_NOOP("AuditLabels", "Aktif"),
    "active_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal kartu aktif"),
    "address": QT_TRANSLATE_NOOP("AuditLabels", "Alamat"),
    "advocacy_events": QT_TRANSLATE_NOOP("AuditLabels", "Advokasi"),
    "agent_id": QT_TRANSLATE_NOOP("AuditLabels", "Agen (id)"),
    "amount": QT_TRANSLATE_NOOP("AuditLabels", "Jumlah"),
    "amount_owed": QT_TRANSLATE_NOOP("AuditLabels", "Tunggakan"),
    "apbdes_code": QT_TRANSLATE_NOOP("AuditLabels", "Kode kegiatan APBDes"),
    "apbdes_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama kegiatan APBDes"),
    "app_version": QT_TRANSLATE_NOOP("AuditLabels", "Versi program"),
    "areas": QT_TRANSLATE_NOOP("AuditLabels", "Wilayah"),
    "areas_created": QT_TRANSLATE_NOOP("AuditLabels", "Wilayah dibuat"),
    "arrivals": QT_TRANSLATE_NOOP("AuditLabels", "Pendatang"),
    "arrived_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal datang"),
    "as_of": QT_TRANSLATE_NOOP("AuditLabels", "Per tanggal"),
    "assignment_id": QT_TRANSLATE_NOOP("AuditLabels", "Penugasan (id)"),
    "audience": QT_TRANSLATE_NOOP("AuditLabels", "Sasaran"),
    "audit_head": QT_TRANSLATE_NOOP("AuditLabels", "Ujung rantai log"),
    "bank_account": QT_TRANSLATE_NOOP("AuditLabels", "No. rekening"),
    "bank_account_name": QT_TRANSLATE_NOOP("AuditLabels", "Rekening atas nama"),
    "bank_name": QT_TRANSLATE_NOOP("AuditLabels", "Bank"),
    "bendahara_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama bendahara"),
    "birth_date": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal lahir"),
    "birth_place": QT_TRANSLATE_NOOP("AuditLabels", "Tempat lahir"),
    "branch": QT_TRANSLATE_NOOP("AuditLabels", "Cabang"),
    "budget": QT_TRANSLATE_NOOP("AuditLabels", "Pagu"),
    "by_status": QT_TRANSLATE_NOOP("AuditLabels", "Menurut status"),
    "cancel_reason": QT_TRANSLATE_NOOP("AuditLabels", "Alasan batal"),
    "cancelled": QT_TRANSLATE_NOOP("AuditLabels", "Dibatalkan"),
    "cancels_id": QT_TRANSLATE_NOOP("AuditLabels", "Membatalkan peristiwa (id)"),
    "card_number": QT_TRANSLATE_NOOP("AuditLabels", "No kartu JKN"),
    "channel": QT_TRANSLATE_NOOP("AuditLabels", "Saluran"),
    "class": QT_TRANSLATE_NOOP("AuditLabels", "Kelas JKN"),
    "collected_by": QT_TRANSLATE_NOOP("AuditLabels", "Diterima oleh"),
    "collector_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama penerima"),
    "columns": QT_TRANSLATE_NOOP("AuditLabels", "Kolom"),
    "completed_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal selesai"),
    "created_at": QT_TRANSLATE_NOOP("AuditLabels", "Dibuat"),
    "date": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal"),
    "dead": QT_TRANSLATE_NOOP("AuditLabels", "Meninggal"),
    "desa_name": QT_TRANSLATE_NOOP("AuditLabels", "Desa"),
    "due_on": QT_TRANSLATE_NOOP("AuditLabels", "Jatuh tempo"),
    "dusun": QT_TRANSLATE_NOOP("AuditLabels", "Dusun"),
    "dusun_ids": QT_TRANSLATE_NOOP("AuditLabels", "Dusun (id)"),
    "education": QT_TRANSLATE_NOOP("AuditLabels", "Pendidikan"),
    "email": QT_TRANSLATE_NOOP("AuditLabels", "Email"),
    "employer_address": QT_TRANSLATE_NOOP("AuditLabels", "Alamat pemberi kerja"),
    "employer_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama pemberi kerja"),
    "events": QT_TRANSLATE_NOOP("AuditLabels", "Peristiwa"),
    "exclusion_reason": QT_TRANSLATE_NOOP("AuditLabels", "Alasan tidak diikutkan"),
    "families": QT_TRANSLATE_NOOP("AuditLabels", "Keluarga"),
    "families_paid": QT_TRANSLATE_NOOP("AuditLabels", "KK dibayar"),
    "family_id": QT_TRANSLATE_NOOP("AuditLabels", "Keluarga (id)"),
    "father_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama ayah"),
    "fee_per_family_paid": QT_TRANSLATE_NOOP("AuditLabels", "Insentif per KK"),
    "fee_per_person_paid": QT_TRANSLATE_NOOP("AuditLabels", "Insentif per jiwa"),
    "file": QT_TRANSLATE_NOOP("AuditLabels", "Berkas"),
    "file_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama berkas"),
    "fktp_code": QT_TRANSLATE_NOOP("AuditLabels", "Kode FKTP"),
    "format": QT_TRANSLATE_NOOP("AuditLabels", "Format"),
    "full_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama lengkap"),
    "has_disability": QT_TRANSLATE_NOOP("AuditLabels", "Penyandang disabilitas"),
    "held_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal kegiatan"),
    "history_rows": QT_TRANSLATE_NOOP("AuditLabels", "Baris riwayat"),
    "honorarium": QT_TRANSLATE_NOOP("AuditLabels", "Honor"),
    "id": QT_TRANSLATE_NOOP("AuditLabels", "Id"),
    "import_batch": QT_TRANSLATE_NOOP("AuditLabels", "Impor (id)"),
    "incentive": QT_TRANSLATE_NOOP("AuditLabels", "Insentif"),
    "included": QT_TRANSLATE_NOOP("AuditLabels", "Diikutkan"),
    "instalment_seq": QT_TRANSLATE_NOOP("AuditLabels", "Cicilan ke"),
    "instalments": QT_TRANSLATE_NOOP("AuditLabels", "Jumlah cicilan"),
    "integrity_pact_date": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal pakta integritas"),
    "is_active": QT_TRANSLATE_NOOP("AuditLabels", "Aktif"),
    "is_formal_worker": QT_TRANSLATE_NOOP("AuditLabels", "Pekerja formal"),
    "is_laid_off": QT_TRANSLATE_NOOP("AuditLabels", "Korban PHK"),
    "is_pregnant": QT_TRANSLATE_NOOP("AuditLabels", "Hamil"),
    "is_stunting_child": QT_TRANSLATE_NOOP("AuditLabels", "Anak stunting"),
    "jkn_class": QT_TRANSLATE_NOOP("AuditLabels", "Kelas"),
    "kabupaten_name": QT_TRANSLATE_NOOP("AuditLabels", "Kabupaten/Kota"),
    "kader_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama kader"),
    "kecamatan_name": QT_TRANSLATE_NOOP("AuditLabels", "Kecamatan"),
    "kepala_desa_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama kepala desa"),
    "kind": QT_TRANSLATE_NOOP("AuditLabels", "Jenis"),
    "last_day": QT_TRANSLATE_NOOP("AuditLabels", "Hari terakhir"),
    "letter_type": QT_TRANSLATE_NOOP("AuditLabels", "Jenis surat"),
    "life_status": QT_TRANSLATE_NOOP("AuditLabels", "Status hidup"),
    "life_status_date": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal status hidup"),
    "list_date": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal daftar BPJS"),
    "living": QT_TRANSLATE_NOOP("AuditLabels", "Hidup"),
    "logo_png": QT_TRANSLATE_NOOP("AuditLabels", "Logo"),
    "logo_sha256": QT_TRANSLATE_NOOP("AuditLabels", "Sidik logo (SHA-256)"),
    "made_at": QT_TRANSLATE_NOOP("AuditLabels", "Dibuat pada"),
    "marital_status": QT_TRANSLATE_NOOP("AuditLabels", "Status kawin"),
    "members": QT_TRANSLATE_NOOP("AuditLabels", "Anggota"),
    "members_activated": QT_TRANSLATE_NOOP("AuditLabels", "Anggota diaktifkan"),
    "mode": QT_TRANSLATE_NOOP("AuditLabels", "Cara"),
    "month": QT_TRANSLATE_NOOP("AuditLabels", "Bulan"),
    "monthly_honorarium": QT_TRANSLATE_NOOP("AuditLabels", "Honor per bulan"),
    "monthly_premium": QT_TRANSLATE_NOOP("AuditLabels", "Iuran per bulan"),
    "months": QT_TRANSLATE_NOOP("AuditLabels", "Bulan tunggakan"),
    "months_counted": QT_TRANSLATE_NOOP("AuditLabels", "Bulan tunggakan dihitung"),
    "months_in_arrears": QT_TRANSLATE_NOOP("AuditLabels", "Bulan tunggakan"),
    "mother_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama ibu"),
    "moved": QT_TRANSLATE_NOOP("AuditLabels", "Pindah"),
    "name": QT_TRANSLATE_NOOP("AuditLabels", "Nama"),
    "name_sort": QT_TRANSLATE_NOOP("AuditLabels", "Nama untuk urutan"),
    "nik": QT_TRANSLATE_NOOP("AuditLabels", "NIK"),
    "nik_problem": QT_TRANSLATE_NOOP("AuditLabels", "Masalah NIK"),
    "nik_raw": QT_TRANSLATE_NOOP("AuditLabels", "NIK seperti tertulis"),
    "no_kk": QT_TRANSLATE_NOOP("AuditLabels", "No KK"),
    "note": QT_TRANSLATE_NOOP("AuditLabels", "Catatan"),
    "number": QT_TRANSLATE_NOOP("AuditLabels", "Nomor"),
    "occupation": QT_TRANSLATE_NOOP("AuditLabels", "Pekerjaan"),
    "occurred_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal peristiwa"),
    "outcome": QT_TRANSLATE_NOOP("AuditLabels", "Hasil kunjungan"),
    "owed": QT_TRANSLATE_NOOP("AuditLabels", "Tunggakan"),
    "paid_amount": QT_TRANSLATE_NOOP("AuditLabels", "Jumlah dibayar"),
    "paid_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal bayar"),
    "participants": QT_TRANSLATE_NOOP("AuditLabels", "Jumlah peserta"),
    "path": QT_TRANSLATE_NOOP("AuditLabels", "Jalur pendaftaran"),
    "payment_due": QT_TRANSLATE_NOOP("AuditLabels", "Batas bayar"),
    "payment_from": QT_TRANSLATE_NOOP("AuditLabels", "Bayar mulai"),
    "pdf_sha256": QT_TRANSLATE_NOOP("AuditLabels", "Sidik PDF (SHA-256)"),
    "people_paid": QT_TRANSLATE_NOOP("AuditLabels", "Jiwa dibayar"),
    "people_reactivated": QT_TRANSLATE_NOOP("AuditLabels", "Jiwa aktif kembali"),
    "per_day": QT_TRANSLATE_NOOP("AuditLabels", "Per hari"),
    "period_end": QT_TRANSLATE_NOOP("AuditLabels", "Akhir masa tugas"),
    "period_start": QT_TRANSLATE_NOOP("AuditLabels", "Awal masa tugas"),
    "phone": QT_TRANSLATE_NOOP("AuditLabels", "No HP"),
    "photo": QT_TRANSLATE_NOOP("AuditLabels", "Foto"),
    "place": QT_TRANSLATE_NOOP("AuditLabels", "Tempat"),
    "position": QT_TRANSLATE_NOOP("AuditLabels", "Jabatan"),
    "postal_code": QT_TRANSLATE_NOOP("AuditLabels", "Kode pos"),
    "pph21": QT_TRANSLATE_NOOP("AuditLabels", "PPh 21"),
    "premium": QT_TRANSLATE_NOOP("AuditLabels", "Iuran"),
    "provinsi_name": QT_TRANSLATE_NOOP("AuditLabels", "Provinsi"),
    "reactivation_id": QT_TRANSLATE_NOOP("AuditLabels", "Pengaktifan kembali (id)"),
    "reactivation_incentive": QT_TRANSLATE_NOOP("AuditLabels", "Insentif pengaktifan kembali"),
    "reason": QT_TRANSLATE_NOOP("AuditLabels", "Alasan"),
    "receipt_number": QT_TRANSLATE_NOOP("AuditLabels", "No tanda terima"),
    "recorded_at": QT_TRANSLATE_NOOP("AuditLabels", "Dicatat pada"),
    "recorded_by": QT_TRANSLATE_NOOP("AuditLabels", "Dicatat oleh"),
    "refusal_reason": QT_TRANSLATE_NOOP("AuditLabels", "Alasan menolak"),
    "region_code": QT_TRANSLATE_NOOP("AuditLabels", "Kode wilayah"),
    "registered": QT_TRANSLATE_NOOP("AuditLabels", "Terdaftar"),
    "registered_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal daftar"),
    "registration_id": QT_TRANSLATE_NOOP("AuditLabels", "Pendaftaran (id)"),
    "registrations": QT_TRANSLATE_NOOP("AuditLabels", "Pendaftaran"),
    "religion": QT_TRANSLATE_NOOP("AuditLabels", "Agama"),
    "remarks": QT_TRANSLATE_NOOP("AuditLabels", "Keterangan"),
    "replaced_by_id": QT_TRANSLATE_NOOP("AuditLabels", "Diganti oleh (id)"),
    "reported_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal lapor"),
    "resident_id": QT_TRANSLATE_NOOP("AuditLabels", "Penduduk (id)"),
    "residents": QT_TRANSLATE_NOOP("AuditLabels", "Penduduk"),
    "revision": QT_TRANSLATE_NOOP("AuditLabels", "Revisi skema"),
    "revisit_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal kunjungan ulang"),
    "role": QT_TRANSLATE_NOOP("AuditLabels", "Peran"),
    "rows": QT_TRANSLATE_NOOP("AuditLabels", "Baris"),
    "rt": QT_TRANSLATE_NOOP("AuditLabels", "RT"),
    "rt_id": QT_TRANSLATE_NOOP("AuditLabels", "RT (id)"),
    "rt_ids": QT_TRANSLATE_NOOP("AuditLabels", "RT (id)"),
    "rw": QT_TRANSLATE_NOOP("AuditLabels", "RW"),
    "saved_current": QT_TRANSLATE_NOOP("AuditLabels", "Data kini disimpan dulu"),
    "seed": QT_TRANSLATE_NOOP("AuditLabels", "Benih acak"),
    "segment": QT_TRANSLATE_NOOP("AuditLabels", "Segmen"),
    "sekretaris_desa_name": QT_TRANSLATE_NOOP("AuditLabels", "Nama sekretaris desa"),
    "sent_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal kirim"),
    "sex": QT_TRANSLATE_NOOP("AuditLabels", "Jenis kelamin"),
    "sha256": QT_TRANSLATE_NOOP("AuditLabels", "Sidik berkas (SHA-256)"),
    "shdk": QT_TRANSLATE_NOOP("AuditLabels", "Hubungan dalam KK"),
    "size_bytes": QT_TRANSLATE_NOOP("AuditLabels", "Ukuran (byte)"),
    "source": QT_TRANSLATE_NOOP("AuditLabels", "Sumber"),
    "source_category": QT_TRANSLATE_NOOP("AuditLabels", "Unsur"),
    "source_note": QT_TRANSLATE_NOOP("AuditLabels", "Keterangan unsur"),
    "start": QT_TRANSLATE_NOOP("AuditLabels", "Mulai"),
    "started_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal mulai"),
    "status": QT_TRANSLATE_NOOP("AuditLabels", "Status"),
    "subject": QT_TRANSLATE_NOOP("AuditLabels", "Perihal"),
    "submitted": QT_TRANSLATE_NOOP("AuditLabels", "Diajukan"),
    "target": QT_TRANSLATE_NOOP("AuditLabels", "Tujuan"),
    "target_families_per_month": QT_TRANSLATE_NOOP("AuditLabels", "Target KK per bulan"),
    "target_people_per_month": QT_TRANSLATE_NOOP("AuditLabels", "Target jiwa per bulan"),
    "topics": QT_TRANSLATE_NOOP("AuditLabels", "Topik"),
    "total": QT_TRANSLATE_NOOP("AuditLabels", "Total"),
    "type": QT_TRANSLATE_NOOP("AuditLabels", "Jenis"),
    "updated_at": QT_TRANSLATE_NOOP("AuditLabels", "Diubah"),
    "username": QT_TRANSLATE_NOOP("AuditLabels", "Nama pengguna"),
    "va_issued": QT_TRANSLATE_NOOP("AuditLabels", "VA terbit"),
    "va_issued_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal VA terbit"),
    "va_number": QT_TRANSLATE_NOOP("AuditLabels", "Nomor VA"),
    "value": QT_TRANSLATE_NOOP("AuditLabels", "Nilai"),
    "version": QT_TRANSLATE_NOOP("AuditLabels", "Versi"),
    "visit_plans": QT_TRANSLATE_NOOP("AuditLabels", "Rencana kunjungan"),
    "visited_on": QT_TRANSLATE_NOOP("AuditLabels", "Tanggal kunjungan"),
    "visits": QT_TRANSLATE_NOOP("AuditLabels", "Kunjungan"),
    "welfare_decile": QT_TRANSLATE_NOOP("AuditLabels", "Desil kesejahteraan"),
    "year": QT_TRANSLATE_NOOP("AuditLabels", "Tahun"),
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


# ---------------------------------------------------------------- values

# A field that holds a code of one table wherever it is logged.
CODE_FIELDS: dict[str, Mapping[Any, str]] = {
    "channel": reminders.CHANNELS,
    "collected_by": fc.COLLECTORS,
    "education": codes.EDUCATION,
    "jkn_class": codes.JKN_CLASS,
    "letter_type": LETTER_TYPES,
    "life_status": codes.LIFE_STATUS,
    "marital_status": codes.MARITAL_STATUS,
    "occupation": codes.OCCUPATION,
    "outcome": fc.VISIT_OUTCOMES,
    "path": fc.REGISTRATION_PATHS,
    "refusal_reason": fc.REFUSAL_REASONS,
    "religion": codes.RELIGION,
    "role": ROLES,
    "segment": codes.SEGMENTS,
    "sex": codes.SEX,
    "shdk": codes.SHDK,
    "source_category": agent_codes.AGENT_SOURCES,
}
# `status` and `kind` mean another table per entity (membership changes are logged on
# the resident, so the action's first word names them).
DOMAIN_CODE_FIELDS: dict[tuple[str, str], Mapping[Any, str]] = {
    ("advocacy_event", "kind"): fc.ADVOCACY_KINDS,
    ("arrears_payment", "status"): fc.PAYMENT_STATUSES,
    ("import_batch", "kind"): codes.IMPORT_KINDS,
    ("letter", "status"): LETTER_STATUSES,
    ("membership", "status"): codes.MEMBERSHIP_STATUS,
    ("population_event", "kind"): population.KINDS,
    ("reactivation", "kind"): fc.REACTIVATION_KINDS,
    ("reactivation", "status"): fc.REACTIVATION_STATUSES,
    ("registration", "status"): fc.REGISTRATION_STATUSES,
    ("reminder", "kind"): reminders.KINDS,
}
# Personal numbers, masked for a user who may not see them whole (`rules.nik.mask_number`).
PERSONAL_NUMBERS = frozenset(
    {"bank_account", "card_number", "nik", "nik_raw", "no_kk", "phone", "va_number"}
)

# Amounts of money, shown as rupiah (Rp175.000) like everywhere else in the program.
MONEY_FIELDS = frozenset(
    {
        "amount",
        "amount_owed",
        "budget",
        "fee_per_family_paid",
        "fee_per_person_paid",
        "honorarium",
        "incentive",
        "monthly_honorarium",
        "monthly_premium",
        "owed",
        "paid_amount",
        "pph21",
        "premium",
        "reactivation_incentive",
        "subsidy",
    }
)
# `total` is money in an agent's fee sheet only (elsewhere a count of rows).
DOMAIN_MONEY_FIELDS = frozenset({("fee_payment", "total")})

YES = QT_TRANSLATE_NOOP("AuditLabels", "Ya")
NO = QT_TRANSLATE_NOOP("AuditLabels", "Tidak")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$"
)


def _code_table(field: str, entity: str, action: str) -> Mapping[Any, str] | None:
    domain = "membership" if action.startswith("membership.") else entity
    return DOMAIN_CODE_FIELDS.get((domain, field)) or CODE_FIELDS.get(field)


def _plain(value: Any, zone: Zone) -> str:
    """A single value without a code table: yes/no, a date, a time in `zone`, text as is."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr(YES) if value else _tr(NO)
    if isinstance(value, str):
        try:
            if _ISO_DATE.match(value):
                return short_date(date.fromisoformat(value))
            if _ISO_DATETIME.match(value):
                at = local_time(datetime.fromisoformat(value), zone)
                return f"{at:%d-%m-%Y %H:%M} {zone.label}"
        except ValueError:
            pass  # not a real date (2026-13-45): shown as stored
        return value
    return str(value)


def value_text(
    value: Any, field: str, zone: Zone, entity: str = "", action: str = "", mask: bool = False
) -> str:
    """A logged value in words for the field it was logged under: its code's label (in
    the current language), else `_plain`'s form; a list item by item, a nested record
    (`members` of a registration) field by field. `mask` hides personal numbers."""
    if isinstance(value, dict):
        return ", ".join(
            f"{field_label(str(key))}: {value_text(item, str(key), zone, entity, action, mask)}"
            for key, item in value.items()
        )
    if isinstance(value, list):
        parts = [value_text(item, field, zone, entity, action, mask) for item in value]
        if any(isinstance(item, dict) for item in value):
            return "; ".join(f"({part})" for part in parts)
        return ", ".join(parts)
    if mask and isinstance(value, str):
        if field in PERSONAL_NUMBERS:
            return mask_number(value)
        value = mask_numbers_in_text(value)
    if field == "topics" and isinstance(value, str):
        return ", ".join(
            code_label(fc.ADVOCACY_TOPICS.get(code, code)) for code in fc.topics_from_text(value)
        )
    money = field in MONEY_FIELDS or (entity, field) in DOMAIN_MONEY_FIELDS
    if money and isinstance(value, int) and not isinstance(value, bool):
        return rupiah(value)
    table = _code_table(field, entity, action)
    if table is not None and not isinstance(value, bool):
        try:
            label = table.get(value)
        except TypeError:  # a list or dict, which no table holds
            label = None
        if label:
            return code_label(label)
    return _plain(value, zone)
