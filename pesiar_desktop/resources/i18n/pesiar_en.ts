<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/dialogs/users.py" line="+198"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>huruf kecil, mis. sekdes</source>
        <translation>lower case, e.g. sekdes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat the password</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/dialogs/setup_wizard.py" line="+204"/>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Administrator pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Akun ini mengelola pengguna lain (operator, kepala desa, peninjau). Simpan kata sandinya baik-baik.</source>
        <translation>This account manages the other users (operator, village head, viewer). Keep its password safe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mis. sekdes</source>
        <translation>e.g. sekdes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nama pengguna wajib diisi.</source>
        <translation>A user name is required.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kata sandi minimal {n} karakter.</source>
        <translation>The password needs at least {n} characters.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AdvocacyDialog</name>
    <message>
        <location filename="../../ui/dialogs/advocacy_dialog.py" line="+118"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Ubah kegiatan advokasi</source>
        <translation>Edit advocacy activity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kegiatan advokasi baru</source>
        <translation>New advocacy activity</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— pilih jenis —</source>
        <translation>— choose a kind —</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mis. ibu hamil dan balita, BPD, tokoh agama</source>
        <translation>e.g. pregnant women and toddlers, BPD, religious leaders</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(tanpa agen)</source>
        <translation>(no agent)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lampirkan berkas…</source>
        <translation>Attach a file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hapus lampiran</source>
        <translation>Remove attachment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan salinan…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Jenis kegiatan</source>
        <translation>Kind of activity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sasaran / peserta</source>
        <translation>Audience / participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topik</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{name} (baru)</source>
        <translation>{name} (new)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lampirkan berkas</source>
        <translation>Attach a file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Simpan salinan</source>
        <translation>Save a copy</translation>
    </message>
</context>
<context>
    <name>AgentDialog</name>
    <message>
        <location filename="../../ui/dialogs/agent_dialog.py" line="+98"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Ubah Agen PESIAR</source>
        <translation>Edit PESIAR agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agen PESIAR baru</source>
        <translation>New PESIAR agent</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>NIK penduduk desa (kosongkan bila dari luar desa)</source>
        <translation>NIK of a village resident (leave empty if from outside the village)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jabatan/petugas lain (untuk unsur &apos;lain&apos;)</source>
        <translation>other position/worker (for the &apos;other&apos; element)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>bawaan: nama agen</source>
        <translation>default: the agent&apos;s name</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+155"/>
        <source>Belum ada foto</source>
        <translation>No photo yet</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Pilih foto…</source>
        <translation>Choose a photo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hapus foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tautkan ke penduduk</source>
        <translation>Link to resident</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsur *</source>
        <translation>Element *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan unsur</source>
        <translation>Element details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Atas nama</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pakta integritas ditandatangani</source>
        <translation>Integrity pact signed</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+29"/>
        <source>Tertaut ke penduduk: {name}</source>
        <translation>Linked to resident: {name}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Tidak ada penduduk hidup dengan NIK ini.</source>
        <translation>No living resident has this NIK.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Pilih foto agen</source>
        <translation>Choose the agent&apos;s photo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gambar (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>AgentsPage</name>
    <message>
        <location filename="../../ui/pages/agents.py" line="+153"/>
        <source>Agen &amp; Penugasan</source>
        <translation>Agents &amp; Tasks</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Surat</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Penugasan</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Honor</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tambah agen…</source>
        <translation>Add agent…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Aktifkan / nonaktifkan</source>
        <translation>Activate / deactivate</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tambah penugasan…</source>
        <translation>Add assignment…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bagi rata satu RT…</source>
        <translation>Split one RT evenly…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Semua jenis surat</source>
        <translation>All letter types</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Buat konsep…</source>
        <translation>Draft…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setujui &amp;&amp; beri nomor</source>
        <translation>Approve &amp;&amp; number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cabut…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+370"/>
        <source>Hapus konsep</source>
        <translation>Delete draft</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>Pilih sebuah konsep surat di daftar</source>
        <translation>Choose a draft letter in the list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buka PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pilih sebuah surat di daftar</source>
        <translation>Choose a letter in the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifikasi surat…</source>
        <translation>Verify a letter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lembar kartu A4…</source>
        <translation>A4 card sheet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Semua kartu agen yang disetujui, sepuluh per lembar A4 dengan garis potong (sisi depan, lalu sisi belakang untuk cetak bolak-balik).</source>
        <translation>All approved agent cards, ten per A4 sheet with cut lines (front side, then back side for double-sided printing).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Buku Keputusan (.xlsx)…</source>
        <translation>Decree register (.xlsx)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hanya Kepala Desa yang dapat menyetujui atau mencabut surat.</source>
        <translation>Only the village head can approve or revoke letters.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Catat ke daftar pembayaran</source>
        <translation>Record in the payment list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daftar pembayaran (PDF)…</source>
        <translation>Payment list (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar pembayaran (.xlsx)…</source>
        <translation>Payment list (.xlsx)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bulan honor</source>
        <translation>Fee month</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Honor = honor bulanan + insentif per jiwa/KK yang iuran pertamanya lunas pada bulan itu. Baris merah: melebihi sisa pagu penugasan.</source>
        <translation>Fee = monthly fee + incentive per person/family whose first premium was paid that month. Red rows: above what is left of the assignment&apos;s budget.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{n} agen, {a} aktif.</source>
        <translation>{n} agents, {a} active.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{n} surat, {d} konsep menunggu persetujuan Kepala Desa.</source>
        <translation>{n} letters, {d} drafts awaiting the village head&apos;s approval.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{name}: pagu {budget}, terpakai bulan lain {used}, bulan ini {now}, sisa {left}</source>
        <translation>{name}: budget {budget}, used in other months {used}, this month {now}, left {left}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jumlah {month}: {total}.</source>
        <translation>Total {month}: {total}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+16"/>
        <source>Bagi rata</source>
        <translation>Split evenly</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Pilih dua penugasan atau lebih (Ctrl+klik) lebih dulu.</source>
        <translation>First select two or more assignments (Ctrl+click).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bagi rata satu RT</source>
        <translation>Split one RT evenly</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RT yang dibagi:</source>
        <translation>RT to split:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keluarga di {rt} dibagi: {parts} KK.</source>
        <translation>Families in {rt} split: {parts} families.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Setujui surat</source>
        <translation>Approve letter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setujui &quot;{subject}&quot;?

Surat diberi nomor dan tanggal hari ini, PDF-nya dikunci; setelah itu surat tidak bisa diubah, hanya dicabut.</source>
        <translation>Approve &quot;{subject}&quot;?

The letter gets a number and today&apos;s date and its PDF is locked; after that it cannot be changed, only revoked.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disetujui: nomor {number}.</source>
        <translation>Approved: number {number}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hapus konsep surat ini?</source>
        <translation>Delete this draft letter?</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Simpan PDF surat</source>
        <translation>Save the letter&apos;s PDF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Belum ada kartu agen yang disetujui.</source>
        <translation>No approved agent cards yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan lembar kartu agen</source>
        <translation>Save the agent card sheet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} kartu agen disimpan: {path}</source>
        <translation>{n} agent cards saved: {path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Simpan Buku Keputusan Kepala Desa</source>
        <translation>Save the village head&apos;s decree register</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Buku Keputusan disimpan: {path}</source>
        <translation>Decree register saved: {path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catat honor</source>
        <translation>Record fees</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat honor {month} ke daftar pembayaran? Baris yang sudah dibayar tidak diubah.</source>
        <translation>Record the fees of {month} in the payment list? Rows already paid are not changed.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+12"/>
        <source>Simpan daftar pembayaran</source>
        <translation>Save the payment list</translation>
    </message>
    <message>
        <location line="-501"/>
        <source>Baris kuning: keluarga binaan melebihi batas wajar per agen (diatur di {place}). Untuk membagi satu RT, pilih dua penugasan atau lebih (Ctrl+klik) lalu &apos;Bagi rata satu RT&apos;.</source>
        <translation>Yellow rows: more assigned families than an agent can reasonably serve (set in {place}). To split one RT, select two or more assignments (Ctrl+click), then &apos;Split one RT evenly&apos;.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Surat memuat NIK dan nomor HP agen; peran Anda tidak dapat membukanya.</source>
        <translation>Letters hold the agent&apos;s NIK and mobile number; your role cannot open them.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Daftar pembayaran memuat rekening agen; peran Anda tidak dapat menyimpannya.</source>
        <translation>The payment list holds agents&apos; bank accounts; your role cannot save it.</translation>
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+174"/>
        <location line="+18"/>
        <source>Dusun</source>
        <translation>Hamlet (dusun)</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+20"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>nama dusun, mis. Krajan</source>
        <translation>hamlet name, e.g. Krajan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mis. 1, atau - bila tanpa RW</source>
        <translation>e.g. 1, or - if there is no RW</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mis. 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah RT</source>
        <translation>Add RT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hapus RT terpilih</source>
        <translation>Remove selected RT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tambah dusun / RW / RT</source>
        <translation>Add hamlet / RW / RT</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dusun dan RT diubah oleh administrator atau operator.</source>
        <translation>Dusun and RT areas are changed by an administrator or operator.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Peran Anda hanya dapat melihat daftar wilayah.</source>
        <translation>Your role can only view the list of areas.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Hapus RT</source>
        <translation>Remove RT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus {area} dari daftar wilayah?</source>
        <translation>Remove {area} from the list of areas?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tidak dapat dihapus</source>
        <translation>Cannot be removed</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <location filename="../../ui/dialogs/assignment_dialog.py" line="+182"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Ubah penugasan</source>
        <translation>Edit assignment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Penugasan baru</source>
        <translation>New assignment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>— pilih agen —</source>
        <translation>— choose an agent —</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{dusun} (seluruh dusun)</source>
        <translation>{dusun} (whole hamlet)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source> jiwa</source>
        <translation> people</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> KK</source>
        <translation> families</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>atau</source>
        <translation>or</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mis. 2.3.01</source>
        <translation>e.g. 2.3.01</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nama kegiatan di APBDes</source>
        <translation>activity name in the village budget (APBDes)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agen *</source>
        <translation>Agent *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai tugas *</source>
        <translation>Start *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akhir tugas *</source>
        <translation>End *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wilayah tugas *</source>
        <translation>Area *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keluarga binaan</source>
        <translation>Assigned families</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target per bulan</source>
        <translation>Monthly target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode kegiatan APBDes</source>
        <translation>APBDes activity code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kegiatan APBDes</source>
        <translation>APBDes activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pagu anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Honor per bulan</source>
        <translation>Monthly fee</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insentif per jiwa (iuran pertama lunas)</source>
        <translation>Incentive per person (first premium paid)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Insentif per KK (boleh 0)</source>
        <translation>Incentive per family (may be 0)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{n} KK</source>
        <translation>{n} families</translation>
    </message>
</context>
<context>
    <name>AuditLabels</name>
    <message>
        <location filename="../../ui/audit_labels.py" line="+31"/>
        <source>Catat advokasi</source>
        <translation>Record advocacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus advokasi</source>
        <translation>Delete advocacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah advokasi</source>
        <translation>Edit advocacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktifkan agen</source>
        <translation>Activate agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah agen</source>
        <translation>Add agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktifkan agen</source>
        <translation>Deactivate agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah data agen</source>
        <translation>Edit agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah RT</source>
        <translation>Add RT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus RT</source>
        <translation>Remove RT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktifkan penugasan</source>
        <translation>Activate assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat penugasan</source>
        <translation>Create assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akhiri penugasan</source>
        <translation>End assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bagi penugasan</source>
        <translation>Split assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah penugasan</source>
        <translation>Edit assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat cadangan</source>
        <translation>Create backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isi contoh kerja lapangan</source>
        <translation>Fill sample fieldwork</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat desa contoh</source>
        <translation>Create sample village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isi contoh pendatang</source>
        <translation>Fill sample arrivals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isi contoh peristiwa kependudukan</source>
        <translation>Fill sample population events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ekspor data pribadi</source>
        <translation>Export personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ganti kepala keluarga</source>
        <translation>Change head of family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat KK</source>
        <translation>Create family card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah data KK</source>
        <translation>Edit family card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat honor agen</source>
        <translation>Record agent fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor: perbarui KK</source>
        <translation>Import: update family card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor daftar BPJS</source>
        <translation>Import BPJS list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus pemetaan kolom</source>
        <translation>Delete column mapping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan pemetaan kolom</source>
        <translation>Save column mapping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor data penduduk</source>
        <translation>Import residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor data kesejahteraan</source>
        <translation>Import welfare data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setujui surat</source>
        <translation>Approve letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus konsep surat</source>
        <translation>Delete letter draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat konsep surat</source>
        <translation>Draft letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat surat</source>
        <translation>Register letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cabut surat</source>
        <translation>Revoke letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah teks surat</source>
        <translation>Edit letter text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah kepesertaan JKN</source>
        <translation>Change JKN membership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan peristiwa kependudukan</source>
        <translation>Cancel population event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat peristiwa kependudukan</source>
        <translation>Record population event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan pengaktifan kembali</source>
        <translation>Cancel reactivation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta aktif kembali</source>
        <translation>Member active again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat bayar tunggakan</source>
        <translation>Record arrears payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan bayar tunggakan</source>
        <translation>Cancel arrears payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Koreksi bayar tunggakan</source>
        <translation>Correct arrears payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buka lagi pengaktifan kembali</source>
        <translation>Reopen reactivation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai pengaktifan kembali</source>
        <translation>Start reactivation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah kolom rekap</source>
        <translation>Change recap columns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftarkan keluarga</source>
        <translation>Register family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat nomor VA</source>
        <translation>Record VA number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat iuran pertama dibayar</source>
        <translation>Record first premium paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat kartu aktif</source>
        <translation>Record card active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendaftaran kedaluwarsa</source>
        <translation>Registration expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan pendaftaran</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kirim pengingat</source>
        <translation>Send reminder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah penduduk</source>
        <translation>Add resident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah data penduduk</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perbaiki NIK</source>
        <translation>Fix NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan pencatatan penduduk</source>
        <translation>Void resident record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah status hidup</source>
        <translation>Change life status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tandai meninggal</source>
        <translation>Mark as deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tandai pindah</source>
        <translation>Mark as moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah KK</source>
        <translation>Move to another family card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kembalikan status hidup</source>
        <translation>Restore life status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah pengaturan</source>
        <translation>Change setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunci layar</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah peran pengguna</source>
        <translation>Change user role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Siapkan desa</source>
        <translation>Set up village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah logo desa</source>
        <translation>Change village logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah profil desa</source>
        <translation>Edit village profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat kunjungan</source>
        <translation>Record visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus kunjungan</source>
        <translation>Delete visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jadwalkan kunjungan</source>
        <translation>Schedule visit</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Registrasi</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+30"/>
        <source>Advokasi</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bayar tunggakan</source>
        <translation>Arrears payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penugasan</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+72"/>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Honor agen</source>
        <translation>Agent fee</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Surat</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teks surat</source>
        <translation>Letter text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepesertaan JKN</source>
        <translation>JKN membership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data pribadi</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peristiwa kependudukan</source>
        <translation>Population event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengaktifan kembali</source>
        <translation>Reactivation</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+160"/>
        <source>Pendaftaran</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Pengingat</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+163"/>
        <source>Penduduk</source>
        <translation>Resident</translation>
    </message>
    <message>
        <location line="-162"/>
        <location line="+167"/>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>Pemetaan kolom</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengaturan</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+198"/>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <location line="-194"/>
        <location line="+72"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Tanggal kartu aktif</source>
        <translation>Card active on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agen (id)</source>
        <translation>Agent (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+109"/>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Kode kegiatan APBDes</source>
        <translation>APBDes activity code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama kegiatan APBDes</source>
        <translation>APBDes activity name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versi program</source>
        <translation>Program version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wilayah</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wilayah dibuat</source>
        <translation>Areas created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendatang</source>
        <translation>Arrivals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal datang</source>
        <translation>Arrived on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penugasan (id)</source>
        <translation>Assignment (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sasaran</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ujung rantai log</source>
        <translation>Log chain head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rekening atas nama</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama bendahara</source>
        <translation>Treasurer&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cabang</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pagu</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menurut status</source>
        <translation>By status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan batal</source>
        <translation>Cancellation reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Membatalkan peristiwa (id)</source>
        <translation>Cancels event (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No kartu JKN</source>
        <translation>JKN card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelas JKN</source>
        <translation>JKN class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diterima oleh</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama penerima</source>
        <translation>Collector&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kolom</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal selesai</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meninggal</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dusun</source>
        <translation>Hamlet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dusun (id)</source>
        <translation>Hamlets (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat pemberi kerja</source>
        <translation>Employer&apos;s address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama pemberi kerja</source>
        <translation>Employer&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peristiwa</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan tidak diikutkan</source>
        <translation>Reason not included</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KK dibayar</source>
        <translation>Families paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keluarga (id)</source>
        <translation>Family (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insentif per KK</source>
        <translation>Incentive per family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insentif per jiwa</source>
        <translation>Incentive per person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama berkas</source>
        <translation>File name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode FKTP</source>
        <translation>FKTP code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penyandang disabilitas</source>
        <translation>Has a disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal kegiatan</source>
        <translation>Held on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baris riwayat</source>
        <translation>History rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honor</source>
        <translation>Honorarium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor (id)</source>
        <translation>Import (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insentif</source>
        <translation>Incentive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diikutkan</source>
        <translation>Included</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cicilan ke</source>
        <translation>Instalment no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah cicilan</source>
        <translation>Number of instalments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal pakta integritas</source>
        <translation>Integrity pact date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pekerja formal</source>
        <translation>Formal worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Korban PHK</source>
        <translation>Laid off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hamil</source>
        <translation>Pregnant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anak stunting</source>
        <translation>Stunted child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama kader</source>
        <translation>Cadre&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama kepala desa</source>
        <translation>Village head&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+102"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Hari terakhir</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis surat</source>
        <translation>Letter type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status hidup</source>
        <translation>Life status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal status hidup</source>
        <translation>Life status date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal daftar BPJS</source>
        <translation>BPJS list date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidup</source>
        <translation>Living</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidik logo (SHA-256)</source>
        <translation>Logo fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibuat pada</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota diaktifkan</source>
        <translation>Members activated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cara</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honor per bulan</source>
        <translation>Monthly honorarium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran per bulan</source>
        <translation>Monthly premium</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bulan tunggakan dihitung</source>
        <translation>Arrears months counted</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>Bulan tunggakan</source>
        <translation>Months in arrears</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama untuk urutan</source>
        <translation>Name for sorting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masalah NIK</source>
        <translation>NIK problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK seperti tertulis</source>
        <translation>NIK as written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal peristiwa</source>
        <translation>Event date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hasil kunjungan</source>
        <translation>Visit outcome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jumlah dibayar</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal bayar</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jalur pendaftaran</source>
        <translation>Registration path</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batas bayar</source>
        <translation>Payment due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bayar mulai</source>
        <translation>Payment from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidik PDF (SHA-256)</source>
        <translation>PDF fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jiwa dibayar</source>
        <translation>People paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jiwa aktif kembali</source>
        <translation>People reactivated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per hari</source>
        <translation>Per day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akhir masa tugas</source>
        <translation>Term end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awal masa tugas</source>
        <translation>Term start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Foto</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PPh 21</source>
        <translation>Income tax (PPh 21)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran</source>
        <translation>Premium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengaktifan kembali (id)</source>
        <translation>Reactivation (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insentif pengaktifan kembali</source>
        <translation>Reactivation incentive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No tanda terima</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dicatat pada</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan menolak</source>
        <translation>Refusal reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode wilayah</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal daftar</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendaftaran (id)</source>
        <translation>Registration (id)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diganti oleh (id)</source>
        <translation>Replaced by (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lapor</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penduduk (id)</source>
        <translation>Resident (id)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revisi skema</source>
        <translation>Schema revision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal kunjungan ulang</source>
        <translation>Revisit on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>RT (id)</source>
        <translation>RT (id)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data kini disimpan dulu</source>
        <translation>Current data saved first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benih acak</source>
        <translation>Random seed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama sekretaris desa</source>
        <translation>Village secretary&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal kirim</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidik berkas (SHA-256)</source>
        <translation>File fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hubungan dalam KK</source>
        <translation>Relationship in family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ukuran (byte)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsur</source>
        <translation>Background</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan unsur</source>
        <translation>Background note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal mulai</source>
        <translation>Started on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tujuan</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target KK per bulan</source>
        <translation>Target families per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target jiwa per bulan</source>
        <translation>Target people per month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topik</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diubah</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VA terbit</source>
        <translation>VA issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal VA terbit</source>
        <translation>VA issued on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor VA</source>
        <translation>VA number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rencana kunjungan</source>
        <translation>Visit plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal kunjungan</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desil kesejahteraan</source>
        <translation>Welfare decile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../../ui/dialogs/audit_log.py" line="+310"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AuditLogWidget</name>
    <message>
        <location line="-200"/>
        <source>Hanya administrator yang dapat membaca log audit.</source>
        <translation>Only administrators can read the audit log.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Terapkan</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+19"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Entitas</source>
        <translation>Entity</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sampai</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berikutnya ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Periksa rantai hash</source>
        <translation>Check the hash chain</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+90"/>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Halaman {page} dari {pages} · {total} entri</source>
        <translation>Page {page} of {pages} · {total} entries</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tidak ada entri untuk saringan ini.</source>
        <translation>No entries match these filters.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rantai log audit</source>
        <translation>Audit log chain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rantai log audit utuh: {n} entri diperiksa.</source>
        <translation>The audit log chain is intact: {n} entries checked.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rantai log audit rusak</source>
        <translation>Audit log chain broken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log audit telah diubah di {n} tempat:
{details}</source>
        <translation>The audit log was altered in {n} places:
{details}</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>(tanpa rincian)</source>
        <translation>(no details)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(dihapus)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Waktu ({zone})</source>
        <translation>Time ({zone})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yang diubah</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+100"/>
        <source>Otomatis</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum pemulihan</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum pembaruan</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lain</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Mode PostgreSQL: cadangan dibuat dengan alat PostgreSQL.</source>
        <translation>PostgreSQL mode: backups are made with PostgreSQL&apos;s tools.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hanya administrator yang dapat membuat dan memulihkan cadangan. Cadangan otomatis tetap dibuat setiap hari saat aplikasi dibuka.</source>
        <translation>Only administrators can make and restore backups. An automatic backup is still made every day when the program starts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangkan ke folder… (flashdisk)</source>
        <translation>Back up to a folder… (USB stick)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulihkan dari berkas…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulihkan cadangan terpilih</source>
        <translation>Restore the selected backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buka folder cadangan</source>
        <translation>Open the backup folder</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ukuran</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Belum ada cadangan di komputer ini. Tekan &apos;Cadangkan sekarang&apos; untuk membuatnya.</source>
        <translation>No backup on this computer yet. Press &apos;Back up now&apos; to make one.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cadangan di komputer ini:</source>
        <translation>Backups on this computer:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Folder: {folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Cadangan tersimpan: {file}</source>
        <translation>Backup saved: {file}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pilih folder tujuan cadangan (mis. flashdisk)</source>
        <translation>Choose the folder for the backup (e.g. a USB stick)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cadangan PESIAR (*.sqlite3 *.db);;Semua berkas (*)</source>
        <translation>PESIAR backups (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cadangan ini dibuat oleh versi PESIAR Desktop yang lebih baru (skema {revision}). Perbarui aplikasi dulu.</source>
        <translation>This backup was made by a newer version of PESIAR Desktop (schema {revision}). Update the program first.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tidak dapat dipulihkan</source>
        <translation>Cannot be restored</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pemulihan selesai</source>
        <translation>Restore finished</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data dipulihkan dari {file}: {residents} penduduk, {families} keluarga.
Data sebelumnya disimpan di {saved}.

Jendela ditutup sekarang; silakan masuk kembali.</source>
        <translation>Data restored from {file}: {residents} residents, {families} families.
The previous data was saved to {saved}.

The window closes now; please log in again.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Membuat cadangan…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Memulihkan cadangan…</source>
        <translation>Restoring a backup…</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Cadangan otomatis dibuat sekali sehari saat aplikasi dibuka; {count} yang terakhir disimpan (ubah di {place}).</source>
        <translation>An automatic backup is made once a day when the program opens; the last {count} are kept (change this in {place}).</translation>
    </message>
</context>
<context>
    <name>ChangeHeadDialog</name>
    <message>
        <location filename="../../ui/dialogs/family_actions.py" line="+230"/>
        <source>Ganti kepala keluarga</source>
        <translation>Change head of family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ganti kepala</source>
        <translation>Change head</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>KK {kk}: kepala keluarga sekarang {head}.</source>
        <translation>Family card {kk}: the head of family is now {head}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(tidak ada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>— pilih anggota —</source>
        <translation>— choose a member —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kepala keluarga baru</source>
        <translation>New head of family</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hubungan {name} menjadi</source>
        <translation>{name}&apos;s relationship becomes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hubungan kepala lama</source>
        <translation>Former head&apos;s relationship</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pilih anggota yang menjadi kepala.</source>
        <translation>Choose the member who becomes head.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/users.py" line="-50"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kata sandi lama</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat the new password</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <location filename="../../ui/charts.py" line="+337"/>
        <source>Simpan grafik sebagai gambar PNG</source>
        <translation>Save the chart as a PNG image</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Simpan grafik</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gambar PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan sebagai PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/dialogs/crash.py" line="+23"/>
        <source>Terjadi kesalahan</source>
        <translation>An error occurred</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catatan lengkap tersimpan di folder {folder}.</source>
        <translation>The full log is in the folder {folder}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Maaf, terjadi kesalahan yang tidak terduga. Data yang sudah tersimpan aman; perubahan yang sedang dikerjakan mungkin belum tersimpan. Salin rincian di bawah dan kirimkan kepada pendamping/penyedia aplikasi.</source>
        <translation>Sorry, an unexpected error occurred. Data already saved is safe; the change you were making may not have been saved. Copy the details below and send them to your support contact.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Salin rincian</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/widgets/date_field.py" line="+48"/>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location filename="../../ui/dialogs/setup_wizard.py" line="-65"/>
        <source>Data desa</source>
        <translation>Village details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dipakai pada kop surat dan laporan; dapat diubah nanti di Pengaturan.</source>
        <translation>Used in letterheads and reports; can be changed later in Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mis. H. Lalu Ahmad</source>
        <translation>e.g. H. Lalu Ahmad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mis. Jl. Raya Gerung No. 1</source>
        <translation>e.g. Jl. Raya Gerung No. 1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama kepala desa</source>
        <translation>Village head&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat kantor desa</source>
        <translation>Village office address</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dusun, RW dan RT dapat ditambahkan setelah penyiapan, di halaman Pengaturan › Wilayah, atau terisi otomatis saat impor data penduduk.</source>
        <translation>Hamlets, RWs and RTs can be added after set-up on the Settings › Area page, or are filled in when residents are imported.</translation>
    </message>
</context>
<context>
    <name>DraftLetterDialog</name>
    <message>
        <location filename="../../ui/dialogs/letter_dialogs.py" line="+100"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Buat konsep surat</source>
        <translation>Draft a letter</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Jenis surat</source>
        <translation>Letter type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penugasan</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ditandatangani</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buat konsep</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>SK memuat semua penugasan aktif sebagai lampiran.</source>
        <translation>The decree (SK) lists every active assignment as an attachment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dasar surat: SK pengangkatan yang sudah disetujui.</source>
        <translation>Based on the approved appointment decree (SK).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dicetak untuk ditandatangani agen di atas meterai.</source>
        <translation>Printed for the agent to sign over a duty stamp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kartu memakai foto agen; berlaku sampai akhir tugas.</source>
        <translation>The card uses the agent&apos;s photo; valid until the assignment ends.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nomor diberikan saat Kepala Desa menyetujui.</source>
        <translation>The number is given when the village head approves.</translation>
    </message>
</context>
<context>
    <name>FamilyFinder</name>
    <message>
        <location filename="../../ui/dialogs/visit_entry.py" line="+90"/>
        <source>NIK, No KK atau nama, lalu Enter</source>
        <translation>NIK, family card no. or name, then Enter</translation>
    </message>
</context>
<context>
    <name>FamilyPanel</name>
    <message>
        <location filename="../../ui/widgets/family_panel.py" line="+62"/>
        <source>Kartu Keluarga</source>
        <translation>Family card</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pilih seorang penduduk di tabel untuk melihat Kartu Keluarganya: anggota, hubungan, umur dan status JKN masing-masing.</source>
        <translation>Select a resident in the table to see their family card: members, relationship, age and each one&apos;s JKN status.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepala</source>
        <translation>Head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desil</source>
        <translation>Decile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Umur</source>
        <translation>Age</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JKN</source>
        <translation>JKN</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tambah anggota</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ubah data</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah KK</source>
        <translation>Move to another family</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ganti kepala keluarga</source>
        <translation>Change head of family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tandai meninggal</source>
        <translation>Mark as deceased</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tandai pindah</source>
        <translation>Mark as moved away</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anak yang lahir di KK ini (peristiwa kelahiran)</source>
        <translation>A child born into this family (birth event)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat pendatang</source>
        <translation>Record an arrival</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orang yang pindah datang dari luar desa ke KK ini (peristiwa pindah datang)</source>
        <translation>A person moving into this family from outside the village (arrival event)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pilih sebuah keluarga (KK) di tabel</source>
        <translation>Choose a family (KK) in the table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pilih seorang anggota keluarga</source>
        <translation>Choose a family member</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>Pilih seorang anggota keluarga yang masih hidup</source>
        <translation>Choose a living family member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perlu dua anggota keluarga atau lebih yang hidup</source>
        <translation>Needs two or more living family members</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Peran Anda hanya dapat melihat data; tombol ubah dinonaktifkan.</source>
        <translation>Your role can only view the data; editing buttons are disabled.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(belum ada kepala keluarga)</source>
        <translation>(no head of family yet)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Catat kelahiran</source>
        <translation>Record a birth</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} {months} bln {amount}</source>
        <translation>{name} {months} mo. {amount}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{amount} ({n} jiwa, {months} bulan dihitung): {people}</source>
        <translation>{amount} ({n} people, {months} months counted): {people}</translation>
    </message>
</context>
<context>
    <name>FamilyPicker</name>
    <message>
        <location filename="../../ui/widgets/family_inputs.py" line="+45"/>
        <source>Ketik No KK atau nama kepala keluarga…</source>
        <translation>Type a family card no. or the name of the head of family…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Tidak ada KK yang cocok.</source>
        <translation>No matching family card.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../../ui/widgets/forms.py" line="+39"/>
        <source>Peran Anda hanya dapat melihat data.</source>
        <translation>Your role can only view the data.</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Tidak berhak</source>
        <translation>Not permitted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tidak dapat disimpan</source>
        <translation>Could not be saved</translation>
    </message>
</context>
<context>
    <name>GeneralSettingsTab</name>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="+72"/>
        <source>(bawaan)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {count} kolom</source>
        <translation>{name}: {count} columns</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>urutan bawaan</source>
        <translation>default order</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Contoh nomor</source>
        <translation>Sample number</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Simpan perubahan</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batalkan perubahan</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hanya administrator yang dapat mengubah pengaturan ini; Anda dapat melihat nilainya.</source>
        <translation>Only an administrator can change these settings; you can see their values.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Diubah di {place}.</source>
        <translation>Changed in {place}.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>(templat belum sah)</source>
        <translation>(template not valid yet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SK ke-12 bulan ini: {number}</source>
        <translation>12th decree this month: {number}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tidak ada perubahan.</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} pengaturan tersimpan.</source>
        <translation>{count} settings saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bahasa berlaku setelah aplikasi dibuka ulang.</source>
        <translation>The language applies after the program restarts.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/pages/home.py" line="+166"/>
        <source>Perbarui</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hitung ulang semua angka (F5)</source>
        <translation>Recalculate all figures (F5)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Penduduk hidup</source>
        <translation>Living residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keluarga (KK)</source>
        <translation>Families (KK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cakupan JKN</source>
        <translation>JKN coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keaktifan JKN</source>
        <translation>JKN active rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Predikat UHC</source>
        <translation>UHC level</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cakupan dan keaktifan per dusun</source>
        <translation>Coverage and active rate by hamlet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dusun</source>
        <translation>Hamlet (dusun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penduduk</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terdaftar JKN</source>
        <translation>Registered in JKN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cakupan</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keaktifan</source>
        <translation>Active rate</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tampilkan angka sebagai tabel</source>
        <translation>Show the figures as a table</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peserta per segmen</source>
        <translation>Members by segment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tren 12 bulan</source>
        <translation>12-month trend</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Agen bulan ini</source>
        <translation>Agents this month</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beranda · {desa}</source>
        <translation>Home · {desa}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Menghitung…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Gagal memuat angka: {err}</source>
        <translation>Could not load the figures: {err}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Diperbarui {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Belum UHC</source>
        <translation>Not UHC yet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Predikat tertinggi tercapai</source>
        <translation>Highest level reached</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+60"/>
        <source>Cakupan %</source>
        <translation>Coverage %</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>Keaktifan %</source>
        <translation>Active %</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>belum ada penduduk</source>
        <translation>no residents yet</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="-414"/>
        <source>Persen; garis merah = target UHC 98 %</source>
        <translation>Percent; red line = UHC target 98 %</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Jiwa terdaftar dan aktif; % = keaktifan</source>
        <translation>People registered and active; % = active rate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cakupan dan keaktifan (%), jiwa didaftarkan dan iuran pertama dibayar</source>
        <translation>Coverage and active rate (%), people registered and first premiums paid</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jiwa dengan iuran pertama dibayar dibanding target bulanan</source>
        <translation>People whose first premium was paid, against the monthly target</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Jiwa / target</source>
        <translation>People / target</translation>
    </message>
    <message>
        <location line="+303"/>
        <source>{late} lewat tenggat, {near} jatuh tempo ≤ {days} hari, {none} belum ada VA</source>
        <translation>{late} overdue, {near} due within {days} days, {none} without a VA yet</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>KK / target</source>
        <translation>Families / target</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Diaktifkan kembali</source>
        <translation>Reactivated</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Aktif kembali</source>
        <translation>Reactivated</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jiwa peserta menunggak yang aktif kembali bulan ini (bukan peserta baru)</source>
        <translation>Members in arrears who became active again this month (not new members)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Belum ada agen yang bertugas bulan ini. Agen dan penugasan dicatat di halaman Agen &amp; Penugasan.</source>
        <translation>No agent is assigned this month. Agents and assignments are recorded on the Agents &amp; Tasks page.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cakupan = penduduk terdaftar JKN ÷ penduduk hidup. Keaktifan = peserta aktif ÷ peserta terdaftar. Target UHC: cakupan minimal 98 %. Predikat UHC 2026: Pratama (cakupan ≥ 98 %, keaktifan ≥ 80 %), Madya (≥ 98 %, ≥ 85 %), Utama (≥ 99 %, ≥ 95 %).</source>
        <translation>Coverage = residents registered in JKN ÷ living residents. Active rate = active members ÷ registered members. UHC target: coverage of at least 98 %. UHC levels 2026: Pratama (coverage ≥ 98 %, active ≥ 80 %), Madya (≥ 98 %, ≥ 85 %), Utama (≥ 99 %, ≥ 95 %).</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Kecamatan {kec}, {kab}, {prov}</source>
        <translation>District {kec}, {kab}, {prov}</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>di {n} dusun</source>
        <translation>in {n} hamlets</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>rata-rata {size} jiwa per KK</source>
        <translation>on average {size} people per family</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{reg} terdaftar; kurang {gap} jiwa menuju 98 %</source>
        <translation>{reg} registered; {gap} people short of 98 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{reg} terdaftar; target UHC 98 % tercapai</source>
        <translation>{reg} registered; UHC target of 98 % reached</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{active} peserta aktif; {pop} dari penduduk</source>
        <translation>{active} active members; {pop} of residents</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>daftarkan {n} jiwa</source>
        <translation>register {n} people</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>aktifkan {n} peserta</source>
        <translation>reactivate {n} members</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Menuju {level}: {steps}</source>
        <translation>Towards {level}: {steps}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>jiwa dalam {kk} KK bulan ini (tunggakan lunas); {plans} rencana REHAB berjalan</source>
        <translation>people in {kk} families this month (arrears paid); {plans} REHAB plans running</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tidak ada pendaftaran yang menunggu iuran pertama</source>
        <translation>No registration awaits its first premium</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Target UHC 98 %</source>
        <translation>UHC target 98 %</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Didaftarkan (jiwa)</source>
        <translation>Registered (people)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Iuran pertama dibayar (jiwa)</source>
        <translation>First premium paid (people)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Target 98 %</source>
        <translation>Target 98 %</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name}: target {tp} jiwa / {tf} KK; {visits} kunjungan; didaftarkan bulan ini {rp} jiwa, {unpaid} KK belum membayar iuran pertama; {events} kegiatan advokasi; {back} jiwa dalam {back_kk} KK aktif kembali (tunggakan lunas)</source>
        <translation>{name}: target {tp} people / {tf} families; {visits} visits; registered this month {rp} people, {unpaid} families have not paid the first premium; {events} advocacy activities; {back} people in {back_kk} families active again (arrears paid)</translation>
    </message>
    <message>
        <location line="-319"/>
        <source>Buka surat</source>
        <translation>Open letter</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;{n} surat menunggu persetujuan Anda&lt;/b&gt;: {names}</source>
        <translation>&lt;b&gt;{n} letters await your approval&lt;/b&gt;: {names}</translation>
    </message>
</context>
<context>
    <name>KeaktifanTab</name>
    <message>
        <location filename="../../ui/pages/keaktifan_tab.py" line="+71"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cara</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jiwa</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sisa</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cicilan berikutnya</source>
        <translation>Next instalment</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location line="+47"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Cicilan</source>
        <translation>Instalment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+203"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Diterima oleh</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tanda terima</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bayar cicilan…</source>
        <translation>Pay instalment…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanda terima…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Koreksi pembayaran…</source>
        <translation>Correct payment…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan pembayaran…</source>
        <translation>Cancel payment…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan rencana…</source>
        <translation>Cancel plan…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cicilan berikutnya dari rencana yang dipilih</source>
        <translation>The next instalment of the chosen plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pilih satu pembayaran yang sah di daftar pembayaran</source>
        <translation>Choose one valid payment in the payment list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hanya rencana yang belum punya pembayaran sah: batalkan dulu pembayarannya</source>
        <translation>Only a plan without valid payments: cancel its payments first</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Peran Anda tidak berhak mengekspor data pribadi.</source>
        <translation>Your role may not export personal data.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Peserta aktif kembali setelah tunggakan lunas (REHAB: cicilan terakhir). Pembayaran tidak pernah dihapus: batalkan atau koreksi dengan alasan.</source>
        <translation>Members become active again once their arrears are paid (REHAB: the last instalment). Payments are never deleted: cancel or correct them with a reason.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>{n} pengaktifan kembali ditampilkan; {open} rencana REHAB berjalan.</source>
        <translation>{n} reactivations shown; {open} REHAB plans running.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Pilih satu baris untuk melihat jadwal dan pembayaran.</source>
        <translation>Select a row to see its schedule and payments.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{kind} · {status} · {months} bulan tunggakan dihitung · {amount}</source>
        <translation>{kind} · {status} · {months} months of arrears counted · {amount}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Anggota: {names}</source>
        <translation>Members: {names}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>dibayar {date}</source>
        <translation>paid {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ke</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dibatalkan: {reason}</source>
        <translation>Cancelled: {reason}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Simpan tanda terima</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pembayaran dibatalkan.</source>
        <translation>Payment cancelled.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pembayaran dikoreksi; tanda terima baru dibuat.</source>
        <translation>Payment corrected; a new receipt was made.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rencana REHAB dibatalkan.</source>
        <translation>REHAB plan cancelled.</translation>
    </message>
</context>
<context>
    <name>LaporanPage</name>
    <message>
        <location filename="../../ui/pages/laporan.py" line="+120"/>
        <location line="+360"/>
        <location line="+3"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="-320"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>Menghitung…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location line="-257"/>
        <source>Rekap bulanan PESIAR untuk BPJS Kesehatan cabang: per agen, daftar peserta yang didaftarkan (siap FDIP), usulan PBI dan laporan PPU BU, keaktifan (peserta diaktifkan kembali), kunjungan, advokasi, cakupan per dusun dan per segmen, serta sasaran tersisa. Lembar Rekap juga dapat dicetak sebagai PDF untuk ditandatangani kepala desa.</source>
        <translation>Monthly PESIAR recap for the BPJS Kesehatan branch: per agent, the members registered (ready for FDIP), PBI proposals and the PPU BU report, reactivations, visits, advocacy, coverage by hamlet and by segment, and the targets left. The Recap sheet can also be printed as a PDF for the village head to sign.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ekspor rekap (.xlsx)…</source>
        <translation>Export recap (.xlsx)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF lembar Rekap…</source>
        <translation>Recap sheet PDF…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rekap berisi NIK: peran Anda tidak boleh mengekspor data pribadi.</source>
        <translation>The recap holds NIKs: your role may not export personal data.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buka folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Membuka folder berkas yang baru diekspor</source>
        <translation>Opens the folder of the file just exported</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rekap bulanan</source>
        <translation>Monthly recap</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Kolom lembar Pendaftaran (FDIP)</source>
        <translation>Registration sheet columns (FDIP)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(urutan bawaan)</source>
        <translation>(default order)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama kantor cabang BPJS; tiap cabang boleh punya urutan kolom sendiri</source>
        <translation>BPJS branch office name; each branch may have its own column order</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Centang kolom yang dikirim; seret atau pakai Naik/Turun untuk mengurutkan</source>
        <translation>Tick the columns to send; drag or use Up/Down to order them</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Naik</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turun</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Urutan bawaan</source>
        <translation>Default order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan untuk cabang ini</source>
        <translation>Save for this branch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peran Anda tidak berhak mengekspor data pribadi.</source>
        <translation>Your role may not export personal data.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kantor cabang</source>
        <translation>Branch office</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Realisasi Dana Desa</source>
        <translation>Village Fund spending</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ekspor realisasi (.xlsx)…</source>
        <translation>Export spending (.xlsx)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tahun anggaran</source>
        <translation>Budget year</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Honor dan insentif agen yang dibayar, dibanding pagu penugasan.</source>
        <translation>Agent fees and incentives paid, against the assignments&apos; budgets.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Urutan kolom disimpan untuk {branch}.</source>
        <translation>Column order saved for {branch}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urutan bawaan</source>
        <translation>default order</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Ringkasan tidak dapat dihitung: {err}</source>
        <translation>The summary could not be calculated: {err}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{month}: {agents} agen, {people} jiwa didaftarkan, {paid} jiwa iuran pertama dibayar dari target {target} jiwa; {back} jiwa diaktifkan kembali (bukan peserta baru).</source>
        <translation>{month}: {agents} agents, {people} people registered, {paid} people with the first premium paid of a target of {target}; {back} people reactivated (not new members).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Simpan rekap bulanan</source>
        <translation>Save the monthly recap</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Simpan PDF lembar Rekap</source>
        <translation>Save the Recap sheet PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan realisasi Dana Desa</source>
        <translation>Save the Village Fund spending</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Gagal: kesalahan tak terduga.</source>
        <translation>Failed: unexpected error.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gagal: {err}</source>
        <translation>Failed: {err}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Menyusun rekap {month}…</source>
        <translation>Compiling the recap for {month}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rekap {month} tersimpan: {path} ({people} jiwa di lembar Pendaftaran).</source>
        <translation>Recap {month} saved: {path} ({people} people on the Registration sheet).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Mencetak lembar Rekap {month}…</source>
        <translation>Printing the Recap sheet for {month}…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF lembar Rekap tersimpan: {path}</source>
        <translation>Recap sheet PDF saved: {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Menyusun realisasi Dana Desa {year}…</source>
        <translation>Compiling the Village Fund spending for {year}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Realisasi Dana Desa {year} tersimpan: {path} (dibayar {paid} dari pagu {budget}).</source>
        <translation>Village Fund spending {year} saved: {path} ({paid} paid of a budget of {budget}).</translation>
    </message>
</context>
<context>
    <name>LetterTextTab</name>
    <message>
        <location filename="../../ui/pages/letter_text_tab.py" line="+192"/>
        <source>Menimbang (SK pengangkatan agen)</source>
        <translation>Considerations (agent appointment decree)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mengingat (dasar hukum SK)</source>
        <translation>Legal basis (decree)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kalimat penutup</source>
        <translation>Closing lines</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tulis {desa} untuk nama desa dan {judul} untuk judul keputusan. Surat yang sudah disetujui tetap memakai teks saat disetujui.</source>
        <translation>Write {desa} for the village name and {judul} for the decree&apos;s title. Approved letters keep the text they were approved with.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Hanya administrator yang dapat mengubah teks surat.</source>
        <translation>Only an administrator can change the letter text.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Simpan teks surat</source>
        <translation>Save letter text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pakai teks bawaan</source>
        <translation>Use the built-in text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mengisi kembali teks bawaan program (belum disimpan).</source>
        <translation>Fills in the program&apos;s built-in text again (not saved yet).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pratinjau sedang dibuat…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pratinjau SK (halaman pertama)</source>
        <translation>Decree preview (first page)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nama desa, alamat, telepon dan email pada kop diambil dari tab Profil desa. Logo dicetak di kiri kop (PNG atau JPEG, paling besar 1 MB).</source>
        <translation>The village name, address, phone and email in the letterhead come from the Village profile tab. The logo is printed on the left of the letterhead (PNG or JPEG, at most 1 MB).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Logo kop surat diubah oleh administrator.</source>
        <translation>The letterhead logo is changed by an administrator.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tanpa logo</source>
        <translation>No logo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pilih logo kop surat</source>
        <translation>Choose the letterhead logo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>SK: diktum terakhir (mulai berlaku)</source>
        <translation>Decree: last article (entry into force)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat Tugas</source>
        <translation>Assignment letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pakta Integritas</source>
        <translation>Integrity pact</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Teks bawaan program (belum pernah diubah).</source>
        <translation>The program&apos;s built-in text (never changed).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Versi {n}, disimpan oleh {who} pada {when}.</source>
        <translation>Version {n}, saved by {who} on {when}.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Teks surat tersimpan.</source>
        <translation>Letter text saved.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Perbaiki teks yang ditandai merah untuk melihat pratinjau.</source>
        <translation>Correct the text marked in red to see the preview.</translation>
    </message>
</context>
<context>
    <name>LifeEventDialog</name>
    <message>
        <location filename="../../ui/dialogs/family_actions.py" line="-135"/>
        <source>Tandai meninggal</source>
        <translation>Mark as deceased</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tandai pindah</source>
        <translation>Mark as moved away</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tempat meninggal</source>
        <translation>Place of death</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pindah ke</source>
        <translation>Moved to</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mis. nomor surat keterangan</source>
        <translation>e.g. number of the certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Ya, tandai meninggal</source>
        <translation>Yes, mark as deceased</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ya, tandai pindah</source>
        <translation>Yes, mark as moved away</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tandai &lt;b&gt;{name}&lt;/b&gt; sebagai meninggal dunia? Datanya tetap disimpan sebagai riwayat, tidak lagi dihitung sebagai penduduk hidup, dan kepesertaan JKN-nya diakhiri.</source>
        <translation>Mark &lt;b&gt;{name}&lt;/b&gt; as deceased? The record is kept as history, no longer counted as a living resident, and the JKN membership ends.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tandai &lt;b&gt;{name}&lt;/b&gt; sebagai pindah keluar desa? Datanya tetap disimpan sebagai riwayat, tidak lagi dihitung sebagai penduduk, dan kepesertaan JKN-nya diakhiri.</source>
        <translation>Mark &lt;b&gt;{name}&lt;/b&gt; as moved out of the village? The record is kept as history, no longer counted as a resident, and the JKN membership ends.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tanggal meninggal</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tanggal pindah</source>
        <translation>Date of moving</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>— pilih kepala keluarga baru —</source>
        <translation>— choose a new head of family —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kepala keluarga baru</source>
        <translation>New head of family</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../ui/pages/letter_text_tab.py" line="-424"/>
        <source>Pilih butir di atas untuk mengubah teksnya.</source>
        <translation>Select an item above to change its text.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tambah butir</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Naik</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turun</source>
        <translation>Down</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/session_lock.py" line="+69"/>
        <source>Sesi terkunci · {app}</source>
        <translation>Session locked · {app}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sesi {user} terkunci karena tidak ada kegiatan.</source>
        <translation>The session of {user} was locked after a period of inactivity.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>kata sandi {username}</source>
        <translation>password of {username}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Masukkan kata sandi {username} untuk melanjutkan.</source>
        <translation>Enter the password of {username} to continue.</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Layar dikunci oleh {user}.</source>
        <translation>Screen locked by {user}.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Pengguna lain? Pilih Keluar, lalu masuk dengan akun sendiri. Perubahan yang belum disimpan akan hilang.</source>
        <translation>Another user? Choose Log out, then log in with your own account. Unsaved changes will be lost.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/dialogs/users.py" line="-66"/>
        <source>Masuk · {app}</source>
        <translation>Log in · {app}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Isi nama pengguna.</source>
        <translation>Enter a username.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+58"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penduduk</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petakan</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agen &amp; Penugasan</source>
        <translation>Agents &amp; Tasks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sisir &amp; Advokasi</source>
        <translation>Visits &amp; Advocacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrasi</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/settings_general.py" line="-253"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Memproses…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log audit…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Pengguna</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ganti kata sandi…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kunci layar</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <source>Tentang {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Kata sandi sudah diganti.</source>
        <translation>The password has been changed.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Register penduduk dan kerja PESIAR (Petakan, Sisir, Advokasi, Registrasi) untuk kepesertaan JKN di kantor desa.</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Resident register and PESIAR work (mapping, outreach, advocacy, registration) for JKN health insurance membership in the village office.</translation>
    </message>
    <message>
        <location line="-300"/>
        <source>Membuka basis data…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{n} surat menunggu persetujuan Anda</source>
        <translation>{n} letters await your approval</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Masuk sebagai {user} · {role}</source>
        <translation>Logged in as {user} · {role}</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Keluar / ganti pengguna</source>
        <translation>Log out / switch user</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/dialogs/family_actions.py" line="+121"/>
        <source>Pindah KK</source>
        <translation>Move to another family</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pindahkan</source>
        <translation>Move</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pindahkan &lt;b&gt;{name}&lt;/b&gt; dari KK {kk} ke:</source>
        <translation>Move &lt;b&gt;{name}&lt;/b&gt; from family card {kk} to:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KK yang sudah ada</source>
        <translation>An existing family card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KK baru (pecah KK, orang ini kepala keluarga)</source>
        <translation>A new family card (split, this person is the head)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cari KK tujuan</source>
        <translation>Find the destination family card</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Hubungan di KK tujuan</source>
        <translation>Relationship in the new family</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kepala baru KK {kk}</source>
        <translation>New head of family card {kk}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Pilih KK tujuan dari daftar hasil.</source>
        <translation>Choose the destination family card from the results.</translation>
    </message>
</context>
<context>
    <name>NewFamilyFields</name>
    <message>
        <location filename="../../ui/widgets/family_inputs.py" line="+16"/>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mis. Jl. Melati No. 3</source>
        <translation>e.g. Jl. Melati No. 3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dusun / RT</source>
        <translation>Hamlet / RT</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Belum ada RT. Tambahkan dusun dan RT di halaman Pengaturan › Wilayah.</source>
        <translation>No RT yet. Add hamlets and RTs on the Settings › Area page.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Desil kesejahteraan</source>
        <translation>Welfare decile</translation>
    </message>
</context>
<context>
    <name>NikFixDialog</name>
    <message>
        <location filename="../../ui/dialogs/nik_fix.py" line="+53"/>
        <source>Perbaiki NIK</source>
        <translation>Fix NIK</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>NIK tertulis</source>
        <translation>NIK as written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tgl lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>NIK yang benar (16 digit)</source>
        <translation>The right NIK (16 digits)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan NIK</source>
        <translation>Save NIK</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>NIK baru:</source>
        <translation>New NIK:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(kosong)</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n} orang dengan NIK perlu diperbaiki.</source>
        <translation>{n} people whose NIK needs fixing.</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Pilih orangnya, ketik NIK yang benar dari KK/KTP, lalu Simpan.</source>
        <translation>Choose the person, type the right NIK from the family card or ID card, then Save.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peran Anda hanya dapat melihat daftar ini: NIK diperbaiki oleh operator atau administrator.</source>
        <translation>Your role can only view this list: an operator or administrator fixes the NIK.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Penduduk dengan NIK kosong atau tidak sah tetap ada di register, tetapi tidak ikut daftar yang dikirim ke BPJS atau Dinas Sosial sampai NIK-nya diperbaiki.</source>
        <translation>Residents with a blank or invalid NIK stay in the register but are left out of lists sent to BPJS or the social affairs office until the NIK is fixed.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dusun</source>
        <translation>Hamlet (dusun)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peran Anda hanya dapat melihat data.</source>
        <translation>Your role can only view the data.</translation>
    </message>
</context>
<context>
    <name>OpenFile</name>
    <message>
        <location filename="../../ui/open_file.py" line="+20"/>
        <source>Berkas tersimpan</source>
        <translation>File saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak ada aplikasi untuk membuka berkas ini (mis. pembaca PDF). Berkasnya tersimpan di:
{path}</source>
        <translation>No program can open this file (e.g. a PDF reader). The file is saved at:
{path}</translation>
    </message>
</context>
<context>
    <name>PaymentFixDialog</name>
    <message>
        <location filename="../../ui/dialogs/payment_fix_dialog.py" line="+62"/>
        <source>Batalkan pembayaran</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Koreksi pembayaran</source>
        <translation>Correct payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan rencana REHAB</source>
        <translation>Cancel REHAB plan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;{head}&lt;/b&gt; · tanda terima {number} · {date} · {amount}</source>
        <translation>&lt;b&gt;{head}&lt;/b&gt; · receipt {number} · {date} · {amount}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;b&gt;{head}&lt;/b&gt; · KK {kk} · {kind}</source>
        <translation>&lt;b&gt;{head}&lt;/b&gt; · family card {kk} · {kind}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>mis. tercatat dua kali, salah tanggal</source>
        <translation>e.g. recorded twice, wrong date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah dibayar</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diterima oleh</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama penerima</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pembayaran lama tetap tersimpan dengan tanda &apos;Dikoreksi&apos;; yang baru mendapat nomor tanda terima sendiri.</source>
        <translation>The old payment stays on record marked &apos;Corrected&apos;; the new one gets its own receipt number.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pembayaran tetap tersimpan dengan tanda &apos;Dibatalkan&apos;. Bila tunggakan menjadi belum lunas, peserta kembali berstatus menunggak.</source>
        <translation>The payment stays on record marked &apos;Cancelled&apos;. If the arrears are no longer fully paid, the members are back in arrears.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Simpan koreksi</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PetakanPage</name>
    <message>
        <location filename="../../ui/pages/petakan.py" line="+161"/>
        <source>Petakan</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Cari nama, NIK atau No KK…</source>
        <translation>Search name, NIK or family card number…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saring menurut dusun</source>
        <translation>Filter by hamlet (dusun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saring menurut RT (pilih dusun dulu)</source>
        <translation>Filter by RT (choose a hamlet first)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hapus semua filter dan pencarian</source>
        <translation>Clear all filters and the search</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>Semua dusun</source>
        <translation>All hamlets</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Semua RT</source>
        <translation>All RTs</translation>
    </message>
    <message>
        <location line="-378"/>
        <source>peta sasaran JKN per dusun dan RT</source>
        <translation>map of JKN targets by hamlet and RT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Impor data penduduk dari OpenSID atau SIAK (atau berkas lain lewat pemetaan kolom), daftar peserta dari BPJS Kesehatan cabang dan data kesejahteraan DTKS/DTSEN; hasilnya daftar sasaran JKN per dusun dan RT dengan prioritasnya.</source>
        <translation>Import residents from OpenSID or SIAK (or another file through a column mapping), the member list from the BPJS Kesehatan branch and DTKS/DTSEN welfare data; the result is a list of JKN targets by hamlet and RT with their priority.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Baca berkas, periksa pratinjau, lalu simpan ke register</source>
        <translation>Read a file, check the preview, then save it to the register</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peran Anda hanya dapat melihat data: impor tidak tersedia.</source>
        <translation>Your role can only view the data: importing is not available.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Daftar sasaran</source>
        <translation>&amp;Target list</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ringkasan wilayah</source>
        <translation>&amp;Area summary</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Riwayat im&amp;por</source>
        <translation>Im&amp;port history</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Semua kategori</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prioritas 1 (kelompok prioritas)</source>
        <translation>Priority 1 (priority groups)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prioritas 2</source>
        <translation>Priority 2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prioritas: {label}</source>
        <translation>Priority: {label}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Semua prioritas</source>
        <translation>All priorities</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saring menurut kategori sasaran</source>
        <translation>Filter by target category</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saring menurut prioritas atau kelompoknya</source>
        <translation>Filter by priority or priority group</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Ekspor .xlsx…</source>
        <translation>&amp;Export .xlsx…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan daftar yang tersaring dan ringkasan wilayah ke Excel (Ctrl+E)</source>
        <translation>Save the filtered list and the area summary to Excel (Ctrl+E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peran Anda tidak berhak mengekspor data pribadi.</source>
        <translation>Your role may not export personal data.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Klik judul kolom untuk mengurutkan</source>
        <translation>Click a column header to sort</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cakupan = penduduk hidup yang terdaftar JKN ÷ penduduk hidup (target UHC ≥ 98 %). Keaktifan = peserta aktif ÷ peserta terdaftar. Angka merah: cakupan di bawah 98 %. Tekan Enter atau klik dua kali sebuah wilayah untuk melihat daftar sasarannya.</source>
        <translation>Coverage = living residents registered in JKN ÷ living residents (UHC target ≥ 98 %). Active rate = active members ÷ registered members. Red figures: coverage below 98 %. Press Enter or double-click an area to see its targets.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Belum ada impor. Data penduduk, daftar BPJS dan data kesejahteraan diimpor dengan tombol di kanan atas.</source>
        <translation>Nothing imported yet. Residents, the BPJS list and welfare data are imported with the buttons at the top right.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Setiap impor tercatat dengan sidik berkas (SHA-256): berkas yang sama yang diimpor lagi dikenali dan tidak mengubah apa pun.</source>
        <translation>Every import is recorded with the file&apos;s fingerprint (SHA-256): the same file imported again is recognised and changes nothing.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Riwayat im&amp;por ({n})</source>
        <translation>Im&amp;port history ({n})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gagal memuat sasaran: {error}</source>
        <translation>Could not load the targets: {error}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Tidak ada sasaran: semua penduduk hidup sudah menjadi peserta JKN aktif, atau register masih kosong (impor data penduduk dulu).</source>
        <translation>No targets: every living resident is an active JKN member, or the register is still empty (import residents first).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tidak ada sasaran yang cocok dengan pencarian atau filter ini.</source>
        <translation>No target matches this search or these filters.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Seluruh desa</source>
        <translation>Whole village</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Memuat sasaran…</source>
        <translation>Loading targets…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{shown} sasaran ditampilkan dari {total} · {priority} prioritas · {families} KK</source>
        <translation>{shown} of {total} targets shown · {priority} priority · {families} families</translation>
    </message>
    <message>
        <location line="+13"/>
        <source> · cakupan desa {cov}, keaktifan {act}</source>
        <translation> · village coverage {cov}, active rate {act}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>memperbarui…</source>
        <translation>updating…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Impor #{batch} selesai.</source>
        <translation>Import #{batch} finished.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ekspor daftar sasaran</source>
        <translation>Export the target list</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ekspor gagal</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>PopulationEventsDialog</name>
    <message>
        <location filename="../../ui/dialogs/population_events.py" line="+77"/>
        <source>Peristiwa kependudukan</source>
        <translation>Population events</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Peristiwa yang keliru dibatalkan dengan peristiwa pembatalan (tercatat di log audit); data penduduknya dikembalikan. Peristiwa tidak pernah dihapus.</source>
        <translation>A wrong event is undone by a cancelling event (recorded in the audit log); the resident&apos;s data is restored. Events are never deleted.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Batalkan peristiwa…</source>
        <translation>Undo event…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>(dibatalkan)</source>
        <translation>(undone)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Batalkan peristiwa</source>
        <translation>Undo event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batalkan {kind} {name} ({day})? Tuliskan alasannya:</source>
        <translation>Undo {kind} of {name} ({day})? Write the reason:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Peristiwa tidak dibatalkan</source>
        <translation>Event not undone</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Lahir {b} · meninggal {d} · datang {i} · pindah {o}</source>
        <translation>Born {b} · died {d} · moved in {i} · moved out {o}</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="-379"/>
        <source>Wilayah (dari daftar Kemendagri)</source>
        <translation>Region (from the Ministry of Home Affairs list)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kode wilayah</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data kantor desa</source>
        <translation>Village office details</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Simpan profil</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profil desa diubah oleh administrator.</source>
        <translation>The village profile is changed by an administrator.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hanya administrator yang dapat mengubah profil desa.</source>
        <translation>Only administrators can change the village profile.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Profil desa tersimpan.</source>
        <translation>Village profile saved.</translation>
    </message>
</context>
<context>
    <name>ReactivationDialog</name>
    <message>
        <location filename="../../ui/dialogs/reactivation_dialog.py" line="+72"/>
        <source>Bayar tunggakan (aktifkan kembali)</source>
        <translation>Pay arrears (reactivate)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;{head}&lt;/b&gt; · KK {kk} · {n} jiwa menunggak, {months} bulan dihitung · tunggakan &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{head}&lt;/b&gt; · family card {kk} · {n} people in arrears, {months} months counted · arrears &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bayar lunas</source>
        <translation>Pay in full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REHAB (cicilan)</source>
        <translation>REHAB (instalments)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> kali</source>
        <translation> times</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>nama agen / kader (agen: otomatis)</source>
        <translation>agent / cadre name (agent: filled in)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rencana REHAB berjalan: cicilan ke-{seq} dari {n}, {amount}.</source>
        <translation>REHAB plan running: instalment {seq} of {n}, {amount}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jumlah cicilan</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah dibayar</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diterima oleh</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama penerima</source>
        <translation>Received by</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <location filename="../../ui/dialogs/setup_wizard.py" line="-104"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecamatan</source>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Pilih desa Anda</source>
        <translation>Choose your village</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cari nama desa/kelurahan, atau pilih berurutan dari provinsi sampai desa (daftar wilayah Kemendagri 2025).</source>
        <translation>Search the village name, or choose step by step from province to village (Kemendagri 2025 region list).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ketik minimal 2 huruf nama desa, mis. Suka Makmur</source>
        <translation>Type at least 2 letters of the village name, e.g. Suka Makmur</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cari desa</source>
        <translation>Find village</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Kode wilayah: {code}</source>
        <translation>Region code: {code}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tidak ada desa dengan nama itu.</source>
        <translation>No village has that name.</translation>
    </message>
</context>
<context>
    <name>RegistrasiPage</name>
    <message>
        <location filename="../../ui/pages/registrasi.py" line="+135"/>
        <source>Registrasi</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pendaftaran</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+314"/>
        <location line="+10"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="-324"/>
        <location line="+314"/>
        <location line="+10"/>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="-323"/>
        <location line="+314"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-313"/>
        <location line="+313"/>
        <location line="+8"/>
        <location line="+384"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-384"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+387"/>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="-812"/>
        <source>Tindak Lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progres Agen</source>
        <translation>Agent progress</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keaktifan</source>
        <translation>Active rate</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cari nama, NIK, No KK, VA atau tanda terima…</source>
        <translation>Search name, NIK, family card no., VA or receipt…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Semua jalur</source>
        <translation>All routes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Daftarkan keluarga…</source>
        <translation>Register a family…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tanda terima…</source>
        <translation>Receipt…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usulan PBI…</source>
        <translation>PBI proposals…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daftar usulan PBPU Pemda / PBI yang masih diajukan, untuk Dinas Sosial</source>
        <translation>List of PBPU Pemda / PBI proposals still pending, for the social affairs office (Dinas Sosial)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Laporan PPU BU…</source>
        <translation>PPU BU report…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pemberi kerja yang belum mendaftarkan pekerjanya, untuk BPJS cabang</source>
        <translation>Employers who have not registered their workers, for the BPJS branch</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Tanda terima</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+314"/>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <location line="-313"/>
        <source>Jalur</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+314"/>
        <source>Jiwa</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="-313"/>
        <location line="+314"/>
        <source>Iuran/bulan</source>
        <translation>Premium/month</translation>
    </message>
    <message>
        <location line="-314"/>
        <location line="+314"/>
        <source>Nomor VA</source>
        <translation>VA number</translation>
    </message>
    <message>
        <location line="-313"/>
        <location line="+310"/>
        <source>Batas bayar</source>
        <translation>Pay by</translation>
    </message>
    <message>
        <location line="-221"/>
        <source>{n} pendaftaran ditampilkan; {w} menunggu iuran pertama.</source>
        <translation>{n} registrations shown; {w} awaiting the first premium.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pilih pendaftaran untuk melihat rinciannya.</source>
        <translation>Select a registration to see its details.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Anggota: {members}</source>
        <translation>Members: {members}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tidak didaftarkan: {who}</source>
        <translation>Not registered: {who}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Pendaftaran tersimpan. Cetak tanda terima untuk keluarga.</source>
        <translation>Registration saved. Print a receipt for the family.</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+300"/>
        <source>Simpan tanda terima</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>Tanda terima dicetak: {p}</source>
        <translation>Receipt printed: {p}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tanda terima tersimpan: {p}</source>
        <translation>Receipt saved: {p}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simpan usulan PBI</source>
        <translation>Save the PBI proposals</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Usulan {n} jiwa tersimpan: {p}</source>
        <translation>Proposal for {n} people saved: {p}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan laporan PPU BU</source>
        <translation>Save the PPU BU report</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Laporan PPU BU {n} orang tersimpan: {p}</source>
        <translation>PPU BU report of {n} people saved: {p}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>jatuh tempo dalam </source>
        <translation>due within </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> hari, dan semua yang terlambat</source>
        <translation> days, and all overdue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pembayaran iuran pertama</source>
        <translation>First premium payments</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Terakhir diingatkan</source>
        <translation>Last reminded</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>{label} (mulai {day})</source>
        <translation>{label} (from {day})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{label} (terlambat {n} hari)</source>
        <translation>{label} ({n} days late)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{label} (sisa {n} hari)</source>
        <translation>{label} ({n} days left)</translation>
    </message>
    <message>
        <location line="+312"/>
        <source>Lunas = iuran pertama peserta PBPU baru dibayar pada bulan ini (dasar insentif). Target tercapai bila lunas mencapai target jiwa atau target KK. Aktif kembali = peserta menunggak yang tunggakannya lunas bulan ini; bukan peserta baru dan tidak dihitung dalam target.</source>
        <translation>Paid = first premium of new PBPU members paid this month (the basis of incentives). The target is reached when the paid count reaches the people target or the family target. Reactivated = members in arrears who paid off their arrears this month; not new members and not counted towards the target.</translation>
    </message>
    <message>
        <location line="-413"/>
        <location line="+10"/>
        <source>No HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="-366"/>
        <source>Pilih sebuah pendaftaran di daftar</source>
        <translation>Choose a registration in the list</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pilih pendaftaran yang iuran pertamanya dibayar</source>
        <translation>Choose a registration whose first premium is paid</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Peran Anda tidak berhak mengekspor data pribadi.</source>
        <translation>Your role may not export personal data.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>{path} · {status} · didaftarkan {day} oleh {who}</source>
        <translation>{path} · {status} · registered on {day} by {who}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> · agen {name}</source>
        <translation> · agent {name}</translation>
    </message>
    <message>
        <location line="+164"/>
        <location line="+7"/>
        <source>HP agen</source>
        <translation>Agent&apos;s mobile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulan tunggakan</source>
        <translation>Months in arrears</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunggakan (maks. 24 bln)</source>
        <translation>Arrears (max. 24 mo.)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Belum bayar iuran pertama&lt;/b&gt;</source>
        <translation>&lt;b&gt;First premium not paid&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Peserta menunggak di wilayah tiap agen&lt;/b&gt; (ingatkan, tawarkan cicilan REHAB untuk tunggakan 4–24 bulan)</source>
        <translation>&lt;b&gt;Members in arrears in each agent&apos;s area&lt;/b&gt; (remind them; offer REHAB instalments for 4–24 months of arrears)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bayar tunggakan (aktifkan kembali)…</source>
        <translation>Pay arrears (reactivate)…</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>tanpa batas</source>
        <translation>no limit</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>{n} pendaftaran belum bayar ({late} lewat batas); {a} peserta menunggak.</source>
        <translation>{n} registrations unpaid ({late} past the deadline); {a} members in arrears.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Keluarga ini tidak menunggak lagi.</source>
        <translation>This family is no longer in arrears.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pembayaran tunggakan dicatat, tanda terima {number}. {state}</source>
        <translation>Arrears payment recorded, receipt {number}. {state}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kepesertaan aktif kembali.</source>
        <translation>Membership active again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aktif kembali setelah cicilan terakhir.</source>
        <translation>Active again after the last instalment.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tanda terima disimpan ke {path}</source>
        <translation>Receipt saved to {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kirim WhatsApp</source>
        <translation>Send WhatsApp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buka WhatsApp dengan pesan pengingat untuk keluarga yang dipilih</source>
        <translation>Open WhatsApp with a reminder for the selected family</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cetak slip pengingat…</source>
        <translation>Print reminder slips…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slip pengingat (4 keluarga per halaman) untuk baris yang dipilih, atau semua baris bila tidak ada yang dipilih</source>
        <translation>Reminder slips (4 families per page) for the selected rows, or for all rows when none is selected</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Pilih satu keluarga (yang tunggakannya dihitung) dulu.</source>
        <translation>First select one family (whose arrears are counted).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No HP tidak valid: {phone} ({reason}) — {name}. Perbaiki nomornya di data penduduk, atau cetak slip pengingat.</source>
        <translation>Invalid mobile number: {phone} ({reason}) — {name}. Correct it in the resident&apos;s data, or print a reminder slip.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>WhatsApp tidak dapat dibuka di komputer ini. Tautan: {url}</source>
        <translation>WhatsApp cannot be opened on this computer. Link: {url}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pesan WhatsApp untuk {name} ({phone}) dibuka dan dicatat sebagai pengingat.</source>
        <translation>WhatsApp message for {name} ({phone}) opened and recorded as a reminder.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tidak ada keluarga untuk dibuatkan slip.</source>
        <translation>No family to make a slip for.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan slip pengingat</source>
        <translation>Save reminder slips</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Slip pengingat {n} keluarga disimpan ke {path}</source>
        <translation>Reminder slips for {n} families saved to {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Target jiwa</source>
        <translation>People target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lunas jiwa</source>
        <translation>People paid</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target KK</source>
        <translation>Family target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lunas KK</source>
        <translation>Families paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Didaftarkan jiwa</source>
        <translation>People registered</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Didaftarkan KK</source>
        <translation>Families registered</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Belum bayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KK dikunjungi</source>
        <translation>Families visited</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Advokasi</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aktif kembali jiwa</source>
        <translation>People reactivated</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aktif kembali KK</source>
        <translation>Families reactivated</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>tercapai</source>
        <translation>reached</translation>
    </message>
    <message>
        <location line="-369"/>
        <location line="+369"/>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
</context>
<context>
    <name>RegistrationActionDialog</name>
    <message>
        <location filename="../../ui/dialogs/registration_actions.py" line="+75"/>
        <source>&lt;b&gt;{head}&lt;/b&gt; · KK {kk} · tanda terima {number} · {status}</source>
        <translation>&lt;b&gt;{head}&lt;/b&gt; · family card {kk} · receipt {number} · {status}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nomor VA</source>
        <translation>VA number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format: {rule}.</source>
        <translation>Format: {rule}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal terbit</source>
        <translation>Issue date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah dibayar</source>
        <translation>Amount paid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Iuran keluarga per bulan: {amount}</source>
        <translation>Family premium per month: {amount}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tanggal aktif</source>
        <translation>Active from</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status kepesertaan {n} anggota menjadi Aktif dan tercatat di riwayat.</source>
        <translation>The membership of {n} members becomes Active and is recorded in the history.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>boleh kosong</source>
        <translation>optional</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>wajib diisi</source>
        <translation>required</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../ui/dialogs/registration_dialog.py" line="+163"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Daftarkan keluarga sebagai peserta JKN</source>
        <translation>Register a family as JKN members</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saya sudah memastikan bersama keluarga bahwa anggota yang tidak dicentang memang tidak ikut didaftarkan, dengan alasan yang ditulis.</source>
        <translation>I have confirmed with the family that the unticked members are not being registered, for the reasons written.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cari keluarga</source>
        <translation>Find family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keluarga</source>
        <translation>Family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jalur</source>
        <translation>Route</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanggal pendaftaran</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pemberi kerja</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alamat pemberi kerja</source>
        <translation>Employer&apos;s address</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PBPU mendaftarkan seluruh anggota KK yang masih hidup; iuran dihitung dari tabel tarif yang berlaku pada tanggal pendaftaran.</source>
        <translation>PBPU registers every living member of the family; the premium comes from the rate table in force on the registration date.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ketik NIK, No KK atau nama lalu Enter.</source>
        <translation>Type a NIK, family card no. or name, then Enter.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(di luar wilayah agen)</source>
        <translation>(outside any agent&apos;s area)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{head}&lt;/b&gt; · KK {kk} · {address} · {area}&lt;br&gt;Agen: {agent}</source>
        <translation>&lt;b&gt;{head}&lt;/b&gt; · family card {kk} · {address} · {area}&lt;br&gt;Agent: {agent}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keluarga ini masih punya pendaftaran yang berjalan.</source>
        <translation>This family still has a registration in progress.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>wajib bila tidak dicentang</source>
        <translation>required when unticked</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Sudah peserta JKN aktif ({segment})</source>
        <translation>Already an active JKN member ({segment})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>tarif belum ada</source>
        <translation>no rate yet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{n} jiwa diusulkan / dilaporkan; iuran tidak dibayar keluarga.</source>
        <translation>{n} people proposed / reported; the family pays no premium.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tarif iuran untuk tanggal ini belum lengkap di tabel tarif.</source>
        <translation>The rate table has no complete premium rates for this date yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Iuran keluarga: &lt;b&gt;{total}&lt;/b&gt; per bulan untuk {n} jiwa ({words})</source>
        <translation>Family premium: &lt;b&gt;{total}&lt;/b&gt; per month for {n} people ({words})</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+2"/>
        <source>Pilih keluarga dulu.</source>
        <translation>Choose a family first.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/users.py" line="+139"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>minimal {n} karakter</source>
        <translation>at least {n} characters</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Atur ulang kata sandi {user}</source>
        <translation>Reset the password of {user}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kunci akun (jika ada) juga dibuka. Beritahukan kata sandi baru secara langsung.</source>
        <translation>Any account lock is lifted too. Tell the user the new password in person.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Ulangi</source>
        <translation>Repeat</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../ui/dialogs/resident_dialog.py" line="+121"/>
        <source>Catat kelahiran</source>
        <translation>Record a birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat pendatang (pindah datang)</source>
        <translation>Record an arrival (moving in)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peristiwa kependudukan</source>
        <translation>Population events</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Tanggal datang</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>desa/kota asal</source>
        <translation>village/town of origin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Datang dari</source>
        <translation>Came from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanggal dan tempat lahir diisi di Data pribadi.</source>
        <translation>Birth date and place are entered under Personal data.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>mis. nomor surat keterangan</source>
        <translation>e.g. number of the certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keterangan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>(belum ada kepala keluarga)</source>
        <translation>(no head of family yet)</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>NIK belum ada / perlu diperbaiki (tetap simpan)</source>
        <translation>No NIK yet / NIK needs fixing (save anyway)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Orang ini tetap masuk register dengan tanda &apos;NIK perlu diperbaiki&apos; dan tidak ikut daftar yang dikirim ke BPJS atau Dinas Sosial sampai NIK-nya benar.</source>
        <translation>This person is kept in the register, flagged &apos;NIK needs fixing&apos;, and left out of lists sent to BPJS or the social affairs office until the NIK is right.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Ubah data penduduk</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tambah anggota keluarga</source>
        <translation>Add family member</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tambah penduduk</source>
        <translation>Add resident</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data pribadi</source>
        <translation>Personal details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keluarga (Kartu Keluarga)</source>
        <translation>Family (family card)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kepesertaan JKN</source>
        <translation>JKN membership</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penanda prioritas</source>
        <translation>Priority markers</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Peran Anda hanya dapat melihat data; perubahan tidak dapat disimpan.</source>
        <translation>Your role can only view the data; changes cannot be saved.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+160"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sesuai KK</source>
        <translation>as on the family card</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hubungan dalam KK</source>
        <translation>Relationship in the family</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agama</source>
        <translation>Religion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <location line="+109"/>
        <source>tidak diisi</source>
        <translation>not given</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama ayah</source>
        <translation>Father&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama ibu</source>
        <translation>Mother&apos;s name</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>KK baru (orang ini kepala keluarga)</source>
        <translation>New family card (this person is the head)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KK yang sudah ada</source>
        <translation>An existing family card</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>13 digit</source>
        <translation>13 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No kartu JKN</source>
        <translation>JKN card no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kelas</source>
        <translation>Class</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kode FKTP</source>
        <translation>FKTP code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>8 karakter</source>
        <translation>8 characters</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> bulan</source>
        <translation> months</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nama pemberi kerja</source>
        <translation>employer&apos;s name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pemberi kerja</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Keluarga tidak ditemukan.</source>
        <translation>Family not found.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No KK {kk} · Kepala keluarga: {head}
{area}</source>
        <translation>Family card no. {kk} · Head of family: {head}
{area}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Untuk pindah KK gunakan tombol &apos;Pindah KK&apos; di panel keluarga.</source>
        <translation>To move to another family card, use the &apos;Move to another family&apos; button in the family panel.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Status penduduk ini: {status}.</source>
        <translation>This resident&apos;s status: {status}.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Periksa lagi; tekan Simpan sekali lagi untuk tetap menyimpan.</source>
        <translation>Check again; press Save once more to save anyway.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tetap simpan</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pilih KK dari daftar hasil.</source>
        <translation>Choose a family card from the results.</translation>
    </message>
</context>
<context>
    <name>ResidentTableModel</name>
    <message>
        <location filename="../../ui/tablemodels/residents.py" line="+313"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../../ui/pages/residents.py" line="+116"/>
        <source>Penduduk</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cari nama, NIK atau No KK…</source>
        <translation>Search name, NIK or family card number…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tambah KK baru</source>
        <translation>New family card</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kartu Keluarga baru dengan kepala keluarganya (Ctrl+N)</source>
        <translation>A new family card with its head of family (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keluarga yang pindah datang dari luar desa: KK baru dengan kepalanya</source>
        <translation>A family moving in from outside the village: a new family card with its head</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peristiwa</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kelahiran, kematian, pindah datang dan pindah keluar per bulan</source>
        <translation>Births, deaths, arrivals and departures per month</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah data penduduk terpilih (Enter)</source>
        <translation>Edit the selected resident (Enter)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peran Anda hanya dapat melihat data.</source>
        <translation>Your role can only view the data.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Semua status JKN</source>
        <translation>All JKN statuses</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Semua segmen</source>
        <translation>All segments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+243"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="-233"/>
        <source>Hapus filter</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus semua filter dan pencarian</source>
        <translation>Clear all filters and the search</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saring menurut dusun</source>
        <translation>Filter by hamlet (dusun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saring menurut RT (pilih dusun dulu)</source>
        <translation>Filter by RT (choose a hamlet first)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saring menurut status kepesertaan JKN</source>
        <translation>Filter by JKN membership status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saring menurut segmen JKN</source>
        <translation>Filter by JKN segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status kependudukan (bawaan: Hidup)</source>
        <translation>Civil status (default: living)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Klik untuk mengurutkan; klik kanan untuk memilih kolom</source>
        <translation>Click to sort; right-click to choose columns</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Kolom yang ditampilkan</source>
        <translation>Columns shown</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Semua dusun</source>
        <translation>All hamlets</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Semua RT</source>
        <translation>All RTs</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Belum ada data penduduk. Klik &apos;Tambah KK baru&apos; untuk mengisi Kartu Keluarga pertama (impor dari OpenSID/SIAK menyusul di halaman Petakan).</source>
        <translation>No residents yet. Click &apos;New family card&apos; to enter the first family card (or import from OpenSID/SIAK on the Mapping page).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tidak ada penduduk yang cocok dengan pencarian atau filter ini.</source>
        <translation>No resident matches this search or these filters.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Gagal memuat data: {error}</source>
        <translation>Could not load the data: {error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{shown} penduduk ditampilkan dari {total}</source>
        <translation>{shown} of {total} residents shown</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{shown} penduduk ditampilkan</source>
        <translation>{shown} residents shown</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mencari…</source>
        <translation>searching…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Gagal memuat Kartu Keluarga</source>
        <translation>Could not load the family card</translation>
    </message>
    <message>
        <location line="-440"/>
        <source>Perbaiki NIK</source>
        <translation>Fix NIK</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Penduduk dengan NIK kosong atau tidak sah: tidak ikut daftar ke BPJS atau Dinas Sosial sampai NIK-nya diperbaiki</source>
        <translation>Residents with a blank or invalid NIK: left out of lists sent to BPJS or the social affairs office until the NIK is fixed</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Pendatang</source>
        <translation>Newcomers</translation>
    </message>
    <message>
        <location line="+399"/>
        <source>cocok dengan No KK (kolom No KK ditampilkan)</source>
        <translation>matches a family card no. (Family card no. column shown)</translation>
    </message>
</context>
<context>
    <name>RestorePreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup_restore.py" line="+25"/>
        <source>Penduduk</source>
        <translation>Residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penduduk hidup</source>
        <translation>Living residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keluarga (KK)</source>
        <translation>Families (KK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dusun</source>
        <translation>Hamlet (dusun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendaftaran</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entri log audit</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>tidak diketahui</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;Desa: {village}&lt;br&gt;Dibuat: {made}&lt;br&gt;Versi aplikasi: {version}&lt;br&gt;Revisi skema: {revision}</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;Village: {village}&lt;br&gt;Made: {made}&lt;br&gt;Program version: {version}&lt;br&gt;Schema revision: {revision}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Di cadangan</source>
        <translation>In the backup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sekarang</source>
        <translation>Now</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Seluruh data sekarang akan diganti dengan isi cadangan ini. Data sekarang disimpan dulu di folder cadangan (sebelum-pulih-…), jadi pemulihan dapat dibatalkan dengan memulihkan berkas itu.</source>
        <translation>All current data will be replaced by this backup. The current data is saved first in the backup folder (sebelum-pulih-…), so the restore can be undone by restoring that file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saya mengerti, ganti data sekarang dengan cadangan ini</source>
        <translation>I understand: replace the current data with this backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cadangan ini dari versi aplikasi yang lebih lama; skemanya diperbarui otomatis saat dipulihkan.</source>
        <translation>This backup comes from an older version of the program; its schema is upgraded automatically when restored.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../ui/dialogs/letter_dialogs.py" line="+50"/>
        <location line="+12"/>
        <source>Cabut surat</source>
        <translation>Revoke letter</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Alasan pencabutan (wajib)</source>
        <translation>Reason for revoking (required)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Surat nomor &lt;b&gt;{number}&lt;/b&gt; akan DICABUT. Nomor dan isinya tetap tercatat; verifikasi akan menyatakan surat ini dicabut.</source>
        <translation>Letter number &lt;b&gt;{number}&lt;/b&gt; will be REVOKED. Its number and content stay on record; verification will report the letter as revoked.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/dialogs/users.py" line="-55"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Peran {user}</source>
        <translation>Role of {user}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Akun aktif (boleh masuk)</source>
        <translation>Account active (may log in)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings_strings.py" line="+12"/>
        <source>Agen &amp; honor</source>
        <translation>Agents &amp; fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendaftaran</source>
        <translation>Registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat</source>
        <translation>Letters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keamanan &amp; bahasa</source>
        <translation>Security &amp; language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target bulanan agen (jiwa)</source>
        <translation>Agent&apos;s monthly target (people)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah jiwa terdaftar per bulan yang diusulkan untuk penugasan agen baru.</source>
        <translation>People registered per month proposed for a new agent assignment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>jiwa</source>
        <translation>people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target bulanan agen (KK)</source>
        <translation>Agent&apos;s monthly target (families)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah keluarga (KK) per bulan yang diusulkan untuk penugasan agen baru.</source>
        <translation>Families registered per month proposed for a new agent assignment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KK</source>
        <translation>families</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keluarga binaan per agen</source>
        <translation>Families per agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batas wajar keluarga binaan; penugasan di atasnya ditandai kuning.</source>
        <translation>A reasonable number of families per agent; assignments above it are marked yellow.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Insentif per jiwa diaktifkan kembali</source>
        <translation>Incentive per person reactivated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Honor agen per peserta menunggak yang aktif kembali (terpisah dari insentif peserta baru).</source>
        <translation>Agent&apos;s fee per member in arrears who becomes active again (apart from the new-member incentive).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tanpa insentif</source>
        <translation>no incentive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran pertama bisa dibayar mulai hari ke-</source>
        <translation>First premium payable from day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hari setelah pendaftaran PBPU saat iuran pertama mulai bisa dibayar (BPJS: 14).</source>
        <translation>Days after a PBPU registration when the first premium can first be paid (BPJS: 14).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hari</source>
        <translation>days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batas terakhir pembayaran iuran pertama (hari ke-)</source>
        <translation>Last day to pay the first premium (day)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lewat hari ini tanpa pembayaran, pendaftaran dianggap gugur (BPJS: 30).</source>
        <translation>Unpaid after this day, the registration lapses (BPJS: 30).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tarif PPh 21 honor agen</source>
        <translation>PPh 21 rate on agents&apos; fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dipotong dari honor bruto dalam daftar pembayaran; per 10.000: 250 = 2,5 % (5 % × 50 % bruto untuk bukan pegawai).</source>
        <translation>Withheld from the gross fee on the payment list; per 10,000: 250 = 2.5 % (5 % × 50 % of the gross for a non-employee).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>per 10.000</source>
        <translation>per 10,000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tidak dipotong</source>
        <translation>not withheld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pola nomor virtual account</source>
        <translation>Virtual account number pattern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bentuk nomor VA dari BPJS sebagai regular expression; bawaan ^8888\d{12}$ = 8888 lalu 12 angka.</source>
        <translation>The form of BPJS VA numbers as a regular expression; default ^8888\d{12}$ = 8888 then 12 digits.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ukuran kertas</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ukuran kertas surat, lembar kerja dan tanda terima yang dicetak.</source>
        <translation>Paper size of printed letters, worksheets and receipts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F4 / folio (215 × 330 mm)</source>
        <translation>F4 / folio (215 × 330 mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templat nomor surat</source>
        <translation>Letter number template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token: {kode} {urut} (atau {urut:03}) {kode_desa} {bulan_romawi} {bulan} {tahun}.</source>
        <translation>Tokens: {kode} {urut} (or {urut:03}) {kode_desa} {bulan_romawi} {bulan} {tahun}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kode klasifikasi SK</source>
        <translation>Classification code of the decree (SK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kode} pada nomor SK penugasan agen.</source>
        <translation>{kode} in the number of an agent assignment decree.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode klasifikasi Surat Tugas</source>
        <translation>Classification code of the duty letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kode} pada nomor surat tugas agen.</source>
        <translation>{kode} in the number of an agent&apos;s duty letter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode klasifikasi Pakta Integritas</source>
        <translation>Classification code of the integrity pact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kode} pada nomor pakta integritas agen.</source>
        <translation>{kode} in the number of an agent&apos;s integrity pact.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode klasifikasi Kartu Tanda Agen</source>
        <translation>Classification code of the agent card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kode} pada nomor kartu tanda agen.</source>
        <translation>{kode} in the number of an agent card.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kode desa pada nomor surat</source>
        <translation>Village code in letter numbers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kode_desa} pada nomor surat; kosong = DS- dan 4 angka terakhir kode wilayah.</source>
        <translation>{kode_desa} in letter numbers; empty = DS- and the last 4 digits of the region code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kantor cabang BPJS</source>
        <translation>BPJS branch office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cabang yang urutan kolomnya dipakai pada lembar Pendaftaran; kosong = bawaan.</source>
        <translation>The branch whose column order the Registration sheet uses; empty = default.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Urutan kolom rekap per kantor cabang</source>
        <translation>Recap column order per branch office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kolom yang dikirim ke tiap kantor cabang dan urutannya.</source>
        <translation>The columns sent to each branch office, and their order.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan › Kolom lembar Pendaftaran (FDIP)</source>
        <translation>Reports › Registration sheet columns (FDIP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah cadangan otomatis</source>
        <translation>Automatic backups kept</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan otomatis dibuat sekali sehari saat aplikasi dibuka; yang lebih lama dihapus.</source>
        <translation>An automatic backup is made once a day when the program opens; older ones are deleted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>buah</source>
        <translation>backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunci sesi bila tidak dipakai</source>
        <translation>Lock the session when idle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setelah sekian menit tanpa kegiatan, kata sandi diminta lagi (berlaku mulai masuk berikutnya).</source>
        <translation>After this many idle minutes the password is asked again (from the next login).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>menit</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berlaku setelah aplikasi dibuka ulang. The new language applies after a restart.</source>
        <translation>Berlaku setelah aplikasi dibuka ulang. The new language applies after a restart.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="+471"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Profil desa</source>
        <translation>Village profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cadangan</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Teks surat</source>
        <translation>Letter text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_general.py" line="-18"/>
        <source>Pengaturan umum</source>
        <translation>General settings</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui/dialogs/setup_wizard.py" line="+108"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Penyiapan awal PESIAR Desktop</source>
        <translation>PESIAR Desktop set-up</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lanjut ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‹ Kembali</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selesai</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Desa belum dipilih (halaman pertama).</source>
        <translation>No village chosen yet (first page).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Penyiapan gagal</source>
        <translation>Set-up failed</translation>
    </message>
</context>
<context>
    <name>SisirPage</name>
    <message>
        <location filename="../../ui/pages/sisir.py" line="+149"/>
        <source>Sisir &amp; Advokasi</source>
        <translation>Visits &amp; Advocacy</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+203"/>
        <source>No KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location line="+202"/>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+90"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="-426"/>
        <source>Tanggal per keluarga</source>
        <translation>A date per family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal per RT</source>
        <translation>A date per RT</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Belum ada kegiatan agen ini pada {month}.</source>
        <translation>This agent has no activity in {month}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{month}: {visits} kunjungan ({visited} KK), {events} advokasi · didaftarkan {rp} jiwa / {rf} KK · iuran pertama lunas {pp} jiwa / {pf} KK dari target {tp} jiwa atau {tf} KK</source>
        <translation>{month}: {visits} visits ({visited} families), {events} advocacy · registered {rp} people / {rf} families · first premium paid {pp} people / {pf} families of a target of {tp} people or {tf} families</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>target tercapai</source>
        <translation>target reached</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rencana Kunjungan</source>
        <translation>Visit plan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat Kunjungan</source>
        <translation>Record visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunjungan Ulang</source>
        <translation>Return visits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advokasi</source>
        <translation>Advocacy</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> KK/hari</source>
        <translation> families/day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Susun jadwal</source>
        <translation>Make schedule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lembar kerja PDF</source>
        <translation>PDF worksheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lembar kerja memuat NIK dan No HP: peran Anda tidak berhak mengekspornya.</source>
        <translation>The worksheet holds NIKs and mobile numbers: your role may not export it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agen / penugasan</source>
        <translation>Agent / assignment</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wilayah / keluarga</source>
        <translation>Area / family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jadwal</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sasaran (jiwa)</source>
        <translation>Targets (people)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kunjungan terakhir</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sasaran dari halaman Petakan di wilayah tugas agen, per RT, keluarga prioritas dulu. Enter atau klik ganda pada keluarga membuka Catat Kunjungan.</source>
        <translation>Targets from the Mapping page in the agent&apos;s area, by RT, priority families first. Enter or a double-click on a family opens Record visits.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Belum ada penugasan agen yang aktif. Buat di halaman Agen &amp; Penugasan.</source>
        <translation>No agent assignment is active yet. Create one on the Agents &amp; Tasks page.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Memuat rencana…</source>
        <translation>Loading the plan…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>{kk} KK sasaran, {jiwa} jiwa, di {rt} RT{scheduled}</source>
        <translation>{kk} target families, {jiwa} people, in {rt} RTs{scheduled}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · belum dijadwalkan</source>
        <translation> · not scheduled yet</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Jadwal disusun: {n} baris.</source>
        <translation>Schedule made: {n} rows.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Simpan lembar kerja</source>
        <translation>Save worksheet</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>sampai </source>
        <translation>up to </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> hari ke depan</source>
        <translation> days ahead</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat kunjungan (Enter)</source>
        <translation>Record visit (Enter)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kunjungan ulang</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hasil terakhir</source>
        <translation>Last outcome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Terlambat dan yang jatuh tempo</source>
        <translation>Overdue and due</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{n} hari</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n} keluarga perlu dikunjungi ulang, {late} sudah lewat jadwal.</source>
        <translation>{n} families need a return visit, {late} overdue.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tambah kegiatan</source>
        <translation>Add activity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hapus</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Sasaran</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Topik</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lampiran</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kegiatan</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Per jenis</source>
        <translation>By kind</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Hapus kegiatan</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hapus kegiatan advokasi ini beserta lampirannya?</source>
        <translation>Delete this advocacy activity and its attachment?</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Gagal: {error}</source>
        <translation>Failed: {error}</translation>
    </message>
    <message>
        <location line="-335"/>
        <source> · {n} KK tidak dicantumkan (pindah, meninggal atau sudah mendaftar)</source>
        <translation> · {n} families left out (moved, deceased or already registered)</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../ui/widgets/tables.py" line="+69"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <location filename="../../ui/tablemodels/targets.py" line="+88"/>
        <source>tunggak {n} bl</source>
        <translation>{n} mo in arrears</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>Prioritas 1: {reasons}</source>
        <translation>Priority 1: {reasons}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prioritas 2: bukan kelompok prioritas</source>
        <translation>Priority 2: not in a priority group</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>1 = kelompok prioritas (desil 1–4, ibu hamil, anak stunting, lansia, disabilitas); 2 = lainnya</source>
        <translation>1 = priority group (deciles 1–4, pregnant women, stunted children, elderly, disabled); 2 = others</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="+293"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="-365"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terakhir masuk</source>
        <translation>Last login</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah peran / nonaktifkan</source>
        <translation>Change role / deactivate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hanya administrator yang dapat melihat dan mengelola pengguna. Anda dapat mengganti kata sandi sendiri melalui menu Pengguna.</source>
        <translation>Only administrators can see and manage users. You can change your own password from the User menu.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tidak</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/dialogs/letter_dialogs.py" line="+83"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Verifikasi surat</source>
        <translation>Verify a letter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pindai kode QR atau ketik nomor surat, lalu tekan Enter</source>
        <translation>Scan the QR code or type the letter number, then press Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Periksa</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Periksa berkas PDF…</source>
        <translation>Check a PDF file…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Jenis surat</source>
        <translation>Letter type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK agen</source>
        <translation>Agent&apos;s NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wilayah tugas</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masa tugas</source>
        <translation>Term</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Panduan untuk warga (PDF)…</source>
        <translation>Guide for residents (PDF)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satu halaman: cara warga memeriksa keaslian surat dan kartu agen.</source>
        <translation>One page: how residents check that an agent&apos;s letter or card is genuine.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kode QR pada surat berisi nomor, tanggal, masa tugas dan sidik surat. Hasil: SAH, DICABUT, KEDALUWARSA, TIDAK BERLAKU, DIUBAH / PALSU, atau TIDAK DIKENAL, dengan isi surat yang tercatat untuk dicocokkan.</source>
        <translation>A letter&apos;s QR code holds its number, date, term and fingerprint. Result: VALID, REVOKED, EXPIRED, NOT IN FORCE, ALTERED / FORGED or UNKNOWN, with the recorded content of the letter to compare.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Simpan panduan memeriksa keaslian</source>
        <translation>Save the verification guide</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Pilih PDF surat</source>
        <translation>Choose the letter&apos;s PDF</translation>
    </message>
</context>
<context>
    <name>VisitEntryForm</name>
    <message>
        <location filename="../../ui/dialogs/visit_entry.py" line="+159"/>
        <source>Peran Anda hanya dapat melihat data.</source>
        <translation>Your role can only view the data.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-75"/>
        <location line="+263"/>
        <source>Belum ada keluarga dipilih.</source>
        <translation>No family chosen yet.</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Hasil kunjungan (tekan 1–7)</source>
        <translation>Visit outcome (press 1–7)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>— alasan menolak —</source>
        <translation>— reason for refusing —</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Catatan (boleh kosong)</source>
        <translation>Notes (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cari keluarga</source>
        <translation>Find family</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanggal kunjungan</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alasan menolak</source>
        <translation>Reason for refusing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kunjungan ulang</source>
        <translation>Return visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topik advokasi</source>
        <translation>Advocacy topic</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulang</source>
        <translation>Return</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;Riwayat kunjungan keluarga ini&lt;/b&gt;</source>
        <translation>&lt;b&gt;This family&apos;s visits&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ketik NIK/No KK/nama lalu Enter · 1–7 hasil · Ctrl+Enter simpan · Esc kembali ke pencarian</source>
        <translation>Type NIK/family card no./name, then Enter · 1–7 outcome · Ctrl+Enter save · Esc back to the search</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Pilih keluarga dulu (ketik NIK, No KK atau nama).</source>
        <translation>Choose a family first (type a NIK, family card no. or name).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tersimpan: {who} — {outcome}. Lanjut keluarga berikutnya.</source>
        <translation>Saved: {who} — {outcome}. On to the next family.</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <location filename="../../ui/dialogs/family_actions.py" line="-303"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../ui/dialogs/users.py" line="-183"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>codes</name>
    <message>
        <location filename="../../ui/code_strings.py" line="+12"/>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepala Keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suami</source>
        <translation>Husband</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Istri</source>
        <translation>Wife</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anak</source>
        <translation>Child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menantu</source>
        <translation>Child-in-law</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cucu</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orang Tua</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mertua</source>
        <translation>Parent-in-law</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Famili Lain</source>
        <translation>Other relative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pembantu</source>
        <translation>Domestic helper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum Kawin</source>
        <translation>Single</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kawin</source>
        <translation>Married</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cerai Hidup</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cerai Mati</source>
        <translation>Widowed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Islam</source>
        <translation>Islam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kristen</source>
        <translation>Protestant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Katholik</source>
        <translation>Catholic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hindu</source>
        <translation>Hindu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budha</source>
        <translation>Buddhist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khonghucu</source>
        <translation>Confucian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepercayaan/Lainnya</source>
        <translation>Indigenous belief/Other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidup</source>
        <translation>Living</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mati</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hilang</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pergi</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak Valid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak/Belum Sekolah</source>
        <translation>No schooling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum Tamat SD/Sederajat</source>
        <translation>Primary school not completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tamat SD/Sederajat</source>
        <translation>Primary school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLTP/Sederajat</source>
        <translation>Junior high school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLTA/Sederajat</source>
        <translation>Senior high school</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diploma I/II</source>
        <translation>Diploma I/II</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akademi/Diploma III/S. Muda</source>
        <translation>Academy/Diploma III</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diploma IV/Strata I</source>
        <translation>Diploma IV/Bachelor&apos;s degree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strata II</source>
        <translation>Master&apos;s degree</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strata III</source>
        <translation>Doctorate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum/Tidak Bekerja</source>
        <translation>Not working</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mengurus Rumah Tangga</source>
        <translation>Homemaker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pelajar/Mahasiswa</source>
        <translation>Student</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pensiunan</source>
        <translation>Retired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pegawai Negeri Sipil (PNS)</source>
        <translation>Civil servant (PNS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tentara Nasional Indonesia (TNI)</source>
        <translation>Armed forces (TNI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepolisian RI (POLRI)</source>
        <translation>Police (POLRI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perdagangan</source>
        <translation>Trade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petani/Pekebun</source>
        <translation>Farmer/Grower</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peternak</source>
        <translation>Livestock farmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nelayan/Perikanan</source>
        <translation>Fisher/Fisheries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri</source>
        <translation>Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konstruksi</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transportasi</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karyawan Swasta</source>
        <translation>Private employee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karyawan BUMN</source>
        <translation>State enterprise employee (BUMN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karyawan BUMD</source>
        <translation>Regional enterprise employee (BUMD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karyawan Honorer</source>
        <translation>Contract employee (honorer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buruh Harian Lepas</source>
        <translation>Casual day labourer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buruh Tani/Perkebunan</source>
        <translation>Farm/Plantation labourer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buruh Nelayan/Perikanan</source>
        <translation>Fishing labourer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buruh Peternakan</source>
        <translation>Livestock labourer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pembantu Rumah Tangga</source>
        <translation>Domestic worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Cukur</source>
        <translation>Barber</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Listrik</source>
        <translation>Electrician</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Batu</source>
        <translation>Mason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Kayu</source>
        <translation>Carpenter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Sol Sepatu</source>
        <translation>Shoe repairer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Las/Pandai Besi</source>
        <translation>Welder/Blacksmith</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Jahit</source>
        <translation>Tailor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tukang Gigi</source>
        <translation>Dental technician</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penata Rias</source>
        <translation>Make-up artist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penata Busana</source>
        <translation>Fashion stylist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penata Rambut</source>
        <translation>Hairdresser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mekanik</source>
        <translation>Mechanic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seniman</source>
        <translation>Artist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabib</source>
        <translation>Traditional healer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paraji</source>
        <translation>Traditional birth attendant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perancang Busana</source>
        <translation>Fashion designer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penterjemah</source>
        <translation>Translator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imam Masjid</source>
        <translation>Mosque imam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendeta</source>
        <translation>Minister (Protestant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pastor</source>
        <translation>Priest (Catholic)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wartawan</source>
        <translation>Journalist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ustadz/Mubaligh</source>
        <translation>Islamic teacher/Preacher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Juru Masak</source>
        <translation>Cook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotor Acara</source>
        <translation>Event promoter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota DPR-RI</source>
        <translation>Member of the DPR-RI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota DPD</source>
        <translation>Member of the DPD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota BPK</source>
        <translation>Member of the BPK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presiden</source>
        <translation>President</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wakil Presiden</source>
        <translation>Vice president</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota Mahkamah Konstitusi</source>
        <translation>Constitutional Court justice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota Kabinet/Kementerian</source>
        <translation>Cabinet member/Minister</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duta Besar</source>
        <translation>Ambassador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gubernur</source>
        <translation>Governor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wakil Gubernur</source>
        <translation>Vice governor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bupati</source>
        <translation>Regent (bupati)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wakil Bupati</source>
        <translation>Vice regent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walikota</source>
        <translation>Mayor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wakil Walikota</source>
        <translation>Vice mayor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota DPRD Provinsi</source>
        <translation>Member of the provincial DPRD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anggota DPRD Kabupaten/Kota</source>
        <translation>Member of the regency/city DPRD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dosen</source>
        <translation>Lecturer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guru</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pilot</source>
        <translation>Pilot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengacara</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notaris</source>
        <translation>Notary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arsitek</source>
        <translation>Architect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akuntan</source>
        <translation>Accountant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konsultan</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokter</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bidan</source>
        <translation>Midwife</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perawat</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apoteker</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psikiater/Psikolog</source>
        <translation>Psychiatrist/Psychologist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penyiar Televisi</source>
        <translation>Television presenter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penyiar Radio</source>
        <translation>Radio presenter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pelaut</source>
        <translation>Seafarer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peneliti</source>
        <translation>Researcher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sopir</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pialang</source>
        <translation>Broker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paranormal</source>
        <translation>Psychic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pedagang</source>
        <translation>Trader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat Desa</source>
        <translation>Village official</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepala Desa</source>
        <translation>Village head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biarawati</source>
        <translation>Nun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wiraswasta</source>
        <translation>Self-employed</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/home.py" line="-292"/>
        <source>PBI APBN</source>
        <translation>PBI APBN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBI APBD / PBPU Pemda</source>
        <translation>PBI APBD / PBPU Pemda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PPU Penyelenggara Negara</source>
        <translation>PPU state officials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PPU Badan Usaha</source>
        <translation>PPU private employers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBPU / Mandiri</source>
        <translation>PBPU / Self-paying</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/pages/home.py" line="+5"/>
        <source>Bukan Pekerja</source>
        <translation>Non-workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tablemodels/targets.py" line="-227"/>
        <location line="+3"/>
        <location filename="../../ui/widgets/family_panel.py" line="-194"/>
        <source>Belum terdaftar</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tablemodels/targets.py" line="-7"/>
        <location filename="../../ui/widgets/family_panel.py" line="+1"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktif (menunggak)</source>
        <translation>Inactive (in arrears)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktif (dikeluarkan dari PBI)</source>
        <translation>Inactive (removed from PBI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktif (lainnya, mis. PHK)</source>
        <translation>Inactive (other, e.g. laid off)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berakhir (meninggal/pindah)</source>
        <translation>Ended (died/moved)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelas I</source>
        <translation>Class I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelas II</source>
        <translation>Class II</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelas III</source>
        <translation>Class III</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Miskin (desil 1–4)</source>
        <translation>Poor (decile 1–4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ibu hamil</source>
        <translation>Pregnant women</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anak stunting</source>
        <translation>Stunted children</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tablemodels/targets.py" line="+10"/>
        <source>Korban PHK</source>
        <translation>Laid off</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabilitas</source>
        <translation>Disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lansia (60+)</source>
        <translation>Elderly (60+)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tablemodels/targets.py" line="+2"/>
        <source>Pekerja formal</source>
        <translation>Formal workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat Fisik</source>
        <translation>Physical disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat Netra/Buta</source>
        <translation>Visual impairment/Blind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat Rungu/Wicara</source>
        <translation>Hearing/Speech impairment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat Mental/Jiwa</source>
        <translation>Mental disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat Fisik dan Mental</source>
        <translation>Physical and mental disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat Lainnya</source>
        <translation>Other disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak Cacat</source>
        <translation>No disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak/Belum Punya</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPJS Penerima Bantuan Iuran</source>
        <translation>BPJS premium assistance (PBI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPJS Non Penerima Bantuan Iuran</source>
        <translation>BPJS without premium assistance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BPJS Bantuan Daerah</source>
        <translation>BPJS regional assistance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asuransi Lainnya</source>
        <translation>Other insurance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data penduduk</source>
        <translation>Resident data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar peserta BPJS</source>
        <translation>BPJS member list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data kesejahteraan</source>
        <translation>Welfare data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum terdaftar JKN</source>
        <translation>Not registered with JKN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktif karena menunggak</source>
        <translation>Inactive because of arrears</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dikeluarkan dari PBI</source>
        <translation>Removed from PBI</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/tablemodels/targets.py" line="-1"/>
        <source>Nonaktif lainnya</source>
        <translation>Inactive, other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja formal belum didaftarkan pemberi kerja</source>
        <translation>Formal workers not registered by their employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bersedia mendaftar</source>
        <translation>Willing to register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah mendaftar sendiri</source>
        <translation>Already registered themselves</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menolak</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak di rumah</source>
        <translation>Not at home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meninggal</source>
        <translation>Died</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minta kunjungan ulang</source>
        <translation>Asked for another visit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak mampu membayar iuran</source>
        <translation>Cannot afford the premium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merasa sehat, belum perlu</source>
        <translation>Feels healthy, no need yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ragu dengan pelayanan</source>
        <translation>Doubts the service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan lain (lihat catatan)</source>
        <translation>Other reason (see note)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manfaat JKN</source>
        <translation>JKN benefits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hak peserta</source>
        <translation>Members&apos; rights</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kewajiban peserta dan iuran</source>
        <translation>Members&apos; duties and premiums</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cara mendaftar (e-Dabu / Mobile JKN)</source>
        <translation>How to register (e-Dabu / Mobile JKN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aplikasi Mobile JKN</source>
        <translation>Mobile JKN app</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cara dan jadwal bayar iuran</source>
        <translation>How and when to pay premiums</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cicilan tunggakan (REHAB)</source>
        <translation>Arrears instalments (REHAB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bantuan iuran PBI / Pemda</source>
        <translation>PBI / local government premium assistance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puskesmas / FKTP dan rujukan</source>
        <translation>Puskesmas / FKTP and referrals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waspada agen palsu</source>
        <translation>Beware of fake agents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sosialisasi</source>
        <translation>Information session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Musyawarah desa</source>
        <translation>Village meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posyandu</source>
        <translation>Posyandu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengajian / majelis taklim</source>
        <translation>Religious study group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pertemuan PKK</source>
        <translation>PKK meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karang taruna</source>
        <translation>Youth organisation (karang taruna)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sekolah / komite</source>
        <translation>School / committee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pertemuan tokoh agama / adat</source>
        <translation>Meeting of religious / customary leaders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pemberi kerja / badan usaha</source>
        <translation>Employer / business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBPU mandiri</source>
        <translation>Self-paying PBPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usulan PBPU Pemda / PBI (Dinas Sosial)</source>
        <translation>PBPU Pemda / PBI proposal (Dinas Sosial)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan pemberi kerja belum mendaftarkan pekerja (PPU BU)</source>
        <translation>Report of an employer not registering workers (PPU BU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usulan PBI</source>
        <translation>PBI proposal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lapor PPU BU</source>
        <translation>PPU BU report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VA terbit</source>
        <translation>VA issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah bayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kedaluwarsa</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum bisa dibayar</source>
        <translation>Not payable yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bisa dibayar</source>
        <translation>Payable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lewat batas — pendaftaran perlu diulang</source>
        <translation>Past the deadline — register again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bayar lunas</source>
        <translation>Pay in full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REHAB (cicilan)</source>
        <translation>REHAB (instalments)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berjalan</source>
        <translation>Running</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif kembali</source>
        <translation>Reactivated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agen PESIAR</source>
        <translation>PESIAR agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kader JKN</source>
        <translation>JKN cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keluarga sendiri</source>
        <translation>The family itself</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sah</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dikoreksi</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kader Pembangunan Manusia</source>
        <translation>Human development cadre (KPM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kader Pekerja Sosial Masyarakat</source>
        <translation>Community social worker (PSM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kader BKKBN</source>
        <translation>BKKBN cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perangkat desa</source>
        <translation>Village official</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendamping desa</source>
        <translation>Village facilitator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokoh agama</source>
        <translation>Religious leader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bidan / tenaga kesehatan</source>
        <translation>Midwife / health worker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penggerak PKK</source>
        <translation>PKK activist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenaga sukarela (relawan)</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kader kesehatan</source>
        <translation>Health cadre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BUMDes</source>
        <translation>BUMDes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pendamping koperasi</source>
        <translation>Cooperative facilitator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Petugas lain yang ditunjuk desa</source>
        <translation>Other officer appointed by the village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelahiran</source>
        <translation>Birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kematian</source>
        <translation>Death</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah keluar</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pindah datang</source>
        <translation>Moved in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pembatalan</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunggakan iuran</source>
        <translation>Premium arrears</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran pertama</source>
        <translation>First premium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slip cetak</source>
        <translation>Printed slip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator (sekretaris desa)</source>
        <translation>Operator (village secretary)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peninjau (hanya baca)</source>
        <translation>Viewer (read only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konsep</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dicabut</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SK Kepala Desa (pengangkatan Agen PESIAR)</source>
        <translation>Village head&apos;s decree (appointing PESIAR agents)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surat Tugas Agen PESIAR</source>
        <translation>PESIAR agent assignment letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pakta Integritas Agen PESIAR</source>
        <translation>PESIAR agent integrity pact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kartu Tanda Agen PESIAR</source>
        <translation>PESIAR agent ID card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desil 1–4</source>
        <translation>Decile 1–4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lansia</source>
        <translation>Elderly</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="-4"/>
        <source>PBI APBD</source>
        <translation>PBI APBD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PPU PN</source>
        <translation>PPU PN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PPU BU</source>
        <translation>PPU BU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBPU/Mandiri</source>
        <translation>PBPU/Self-paying</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanpa segmen</source>
        <translation>No segment</translation>
    </message>
    <message>
        <location filename="../../ui/tablemodels/residents.py" line="-270"/>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/tablemodels/targets.py" line="-10"/>
        <location line="+7"/>
        <location filename="../../ui/widgets/family_panel.py" line="+1"/>
        <source>Menunggak</source>
        <translation>In arrears</translation>
    </message>
    <message>
        <location line="-6"/>
        <location filename="../../ui/widgets/family_panel.py" line="+1"/>
        <source>Keluar PBI</source>
        <translation>Out of PBI</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/widgets/family_panel.py" line="+1"/>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keluar dari PBI</source>
        <translation>Removed from PBI</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/family_panel.py" line="+1"/>
        <source>Berakhir</source>
        <translation>Ended</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/dialogs/letter_dialogs.py" line="-236"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../ui/widgets/forms.py" line="-50"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
