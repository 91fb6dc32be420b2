"""Add or edit one resident: personal data, JKN membership, and (for a new person)
the family: a new KK or an existing one.

The service decides what is valid; its `ValidationError.field_errors` are shown
in red under the fields and the first bad field gets the focus. NIK warnings
(region code unknown, birth date or sex not matching) are shown in yellow first
and the user confirms by pressing Simpan again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pesiar_desktop.db import Database
from pesiar_desktop.errors import ValidationError
from pesiar_desktop.rules import codes
from pesiar_desktop.rules import population as pc
from pesiar_desktop.rules.membership import MembershipInput
from pesiar_desktop.rules.nik import mask_nik
from pesiar_desktop.rules.residents import ResidentInput, validate_resident
from pesiar_desktop.services import population, register, residents
from pesiar_desktop.services.context import Actor
from pesiar_desktop.services.residents import FamilyInput, SaveResult
from pesiar_desktop.ui import formatting
from pesiar_desktop.ui.i18n import label_of
from pesiar_desktop.ui.screen_fit import scrolled
from pesiar_desktop.ui.tasks import TaskContext, TaskManager
from pesiar_desktop.ui.widgets.date_field import DateField
from pesiar_desktop.ui.widgets.family_inputs import FamilyPicker, NewFamilyFields
from pesiar_desktop.ui.widgets.forms import (
    FieldErrors,
    code_items,
    error_label,
    fill_combo,
    set_combo_data,
    show_error,
    warning_label,
)
from pesiar_desktop.ui.write_op import run_write

FLAG_FIELDS = (
    ("is_pregnant", "Sedang hamil"),
    ("has_disability", "Penyandang disabilitas"),
    ("is_stunting_child", "Anak stunting"),
    ("is_laid_off", "Korban PHK"),
    ("is_formal_worker", "Pekerja formal (penerima upah)"),
)


def _form(box: QWidget) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(6)
    return form


class ResidentDialog(QDialog):
    """Modes: `resident_id` → edit; `family_id` → new member of that KK; neither →
    new person with a choice between a new KK and an existing one. `event_kind` (a new
    person only) records the addition as a population event: a birth into `family_id`
    (the birth date is the event's day), or an arrival (pendatang) with its day, origin
    and note."""

    def __init__(
        self,
        db: Database,
        tasks: TaskManager,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        resident_id: int | None = None,
        family_id: int | None = None,
        new_family: bool | None = None,
        event_kind: str | None = None,
    ):
        super().__init__(parent)
        self.event_kind = event_kind if resident_id is None else None
        self.db = db
        self.tasks = tasks
        self.actor = actor
        self.resident_id = resident_id
        self.family_id = family_id
        self.result_value: SaveResult | None = None
        self.errors = FieldErrors()
        self.fields: dict[str, QWidget] = {}
        self._lines: dict[str, QLineEdit] = {}
        self._combos: dict[str, QComboBox] = {}
        self._checks: dict[str, QCheckBox] = {}
        self._confirmed_warnings: tuple[str, ...] | None = None
        self._life_status = codes.LIFE_ALIVE
        self._family_has_head = False
        self.new_family_fields: NewFamilyFields | None = None
        self.family_picker: FamilyPicker | None = None
        self.choose_new: QRadioButton | None = None
        self.choose_existing: QRadioButton | None = None

        editing = resident_id is not None
        if editing:
            self.setWindowTitle(self.tr("Ubah data penduduk"))
        elif self.event_kind == pc.BIRTH:
            self.setWindowTitle(self.tr("Catat kelahiran"))
        elif self.event_kind == pc.MOVE_IN:
            self.setWindowTitle(self.tr("Catat pendatang (pindah datang)"))
        elif family_id is not None:
            self.setWindowTitle(self.tr("Tambah anggota keluarga"))
        else:
            self.setWindowTitle(self.tr("Tambah penduduk"))

        personal = QGroupBox(self.tr("Data pribadi"))
        self._build_personal(_form(personal))
        family_box = QGroupBox(self.tr("Keluarga (Kartu Keluarga)"))
        self._build_family(family_box, new_family)
        membership = QGroupBox(self.tr("Kepesertaan JKN"))
        self._build_membership(_form(membership))
        flags = QGroupBox(self.tr("Penanda prioritas"))
        self._build_flags(flags)

        right = QVBoxLayout()
        if self.event_kind is not None:
            event_box = QGroupBox(self.tr("Peristiwa kependudukan"))
            self._build_event(_form(event_box))
            right.addWidget(event_box)
        right.addWidget(family_box)
        right.addWidget(membership)
        right.addWidget(flags)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(personal, 1)
        columns.addLayout(right, 1)

        self.general_error = error_label(self)
        self.general_error.setObjectName("general_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        save.setDefault(True)
        save.setAutoDefault(True)
        self.save_button: QPushButton = save
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(columns), 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self._wire()
        if editing:
            assert resident_id is not None
            self._load(resident_id)
        elif family_id is not None:
            set_combo_data(self._combos["shdk"], 4 if self._family_has_head else codes.SHDK_HEAD)
            if self.event_kind == pc.BIRTH:
                self._prefill_parents(family_id)
        else:
            set_combo_data(self._combos["shdk"], codes.SHDK_HEAD)
        if not actor.can("residents.write"):
            self.save_button.setEnabled(False)
            self.general_error.setText(
                self.tr("Peran Anda hanya dapat melihat data; perubahan tidak dapat disimpan.")
            )
            self.general_error.show()
        self.fields["nik"].setFocus()
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    # ------------------------------------------------------------ building

    def _line(self, key: str, placeholder: str = "", max_length: int = 120) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.fields[key] = self._lines[key] = edit
        return edit

    def _combo(self, key: str, items: Sequence[tuple[str, object]], none: str | None) -> QComboBox:
        combo = QComboBox()
        fill_combo(combo, items, none)
        self.fields[key] = self._combos[key] = combo
        return combo

    def _build_personal(self, form: QFormLayout) -> None:
        e = self.errors
        pick = self.tr("— pilih —")
        form.addRow(
            self.tr("NIK"), e.field("nik", self._line("nik", self.tr("16 digit"), max_length=32))
        )
        # A person whose NIK is missing or wrong is kept, flagged (Penduduk > Perbaiki NIK)
        # and left out of every list sent to BPJS or Dinas Sosial until it is fixed.
        nik_to_fix = QCheckBox(self.tr("NIK belum ada / perlu diperbaiki (tetap simpan)"))
        nik_to_fix.setToolTip(
            self.tr(
                "Orang ini tetap masuk register dengan tanda 'NIK perlu diperbaiki' dan "
                "tidak ikut daftar yang dikirim ke BPJS atau Dinas Sosial sampai NIK-nya benar."
            )
        )
        self.fields["nik_to_fix"] = self._checks["nik_to_fix"] = nik_to_fix
        form.addRow("", nik_to_fix)
        self.nik_warning = warning_label(self)
        self.nik_warning.setObjectName("nik_warning")
        form.addRow("", self.nik_warning)
        form.addRow(
            self.tr("Nama lengkap"),
            e.field("name", self._line("name", self.tr("sesuai KK"))),
        )
        form.addRow(
            self.tr("Jenis kelamin"),
            e.field("sex", self._combo("sex", code_items(codes.SEX), pick)),
        )
        form.addRow(
            self.tr("Tempat lahir"),
            e.field("birth_place", self._line("birth_place", max_length=80)),
        )
        birth = DateField(self)
        self.birth_date = birth
        self.fields["birth_date"] = birth
        form.addRow(self.tr("Tanggal lahir"), e.field("birth_date", birth))
        form.addRow(
            self.tr("Hubungan dalam KK"),
            e.field("shdk", self._combo("shdk", code_items(codes.SHDK), pick), "new_head"),
        )
        form.addRow(
            self.tr("Status kawin"),
            e.field(
                "marital_status",
                self._combo("marital_status", code_items(codes.MARITAL_STATUS), None),
            ),
        )
        form.addRow(
            self.tr("Agama"),
            e.field("religion", self._combo("religion", code_items(codes.RELIGION), None)),
        )
        form.addRow(
            self.tr("Pendidikan"),
            e.field(
                "education",
                self._combo("education", code_items(codes.EDUCATION), self.tr("tidak diisi")),
            ),
        )
        form.addRow(
            self.tr("Pekerjaan"),
            e.field(
                "occupation",
                self._combo("occupation", code_items(codes.OCCUPATION), self.tr("tidak diisi")),
            ),
        )
        form.addRow(self.tr("No HP"), e.field("phone", self._line("phone", "08…", max_length=20)))
        form.addRow(self.tr("Nama ayah"), e.field("father_name", self._line("father_name")))
        form.addRow(self.tr("Nama ibu"), e.field("mother_name", self._line("mother_name")))

    def _build_event(self, form: QFormLayout) -> None:
        e = self.errors
        self.event_date: DateField | None = None
        self.event_place: QLineEdit | None = None
        if self.event_kind == pc.MOVE_IN:
            self.event_date = DateField(self, allow_empty=False)
            self.fields["arrived_on"] = self.event_date
            form.addRow(self.tr("Tanggal datang"), e.field("arrived_on", self.event_date))
            self.event_place = QLineEdit()
            self.event_place.setMaxLength(120)
            self.event_place.setPlaceholderText(self.tr("desa/kota asal"))
            self.fields["place"] = self.event_place
            form.addRow(self.tr("Datang dari"), e.field("place", self.event_place))
        else:
            hint = QLabel(self.tr("Tanggal dan tempat lahir diisi di Data pribadi."))
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #5f6368;")
            form.addRow(hint)
        self.event_note = QLineEdit()
        self.event_note.setMaxLength(255)
        self.event_note.setPlaceholderText(self.tr("mis. nomor surat keterangan"))
        self.fields["note"] = self.event_note
        form.addRow(self.tr("Keterangan"), e.field("note", self.event_note))

    def _prefill_parents(self, family_id: int) -> None:
        """A newborn's father and mother are usually the head and the spouse."""
        with self.db.read() as session:
            view = register.family_view(session, family_id)
        if view is None:
            return
        living = [m for m in view.members if m.life_status == codes.LIFE_ALIVE]
        for member in living:
            if member.shdk in (codes.SHDK_HEAD, 2, 3):
                key = "father_name" if member.sex == 1 else "mother_name"
                if not self._lines[key].text():
                    self._lines[key].setText(member.name)

    def _build_family(self, box: QGroupBox, new_family: bool | None) -> None:
        layout = QVBoxLayout(box)
        self.family_label = QLabel()
        self.family_label.setWordWrap(True)
        self.family_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.family_label)
        if self.resident_id is not None or self.family_id is not None:
            # Family fixed: an edit (moves go through 'Pindah KK') or a new member.
            layout.addWidget(self.errors.field("family", QWidget()))
            if self.family_id is not None:
                self._show_family(self.family_id)
            return
        self.family_label.hide()
        self.choose_new = QRadioButton(self.tr("KK baru (orang ini kepala keluarga)"))
        self.choose_existing = QRadioButton(self.tr("KK yang sudah ada"))
        group = QButtonGroup(self)
        group.addButton(self.choose_new)
        group.addButton(self.choose_existing)
        (self.choose_existing if new_family is False else self.choose_new).setChecked(True)
        choice = QHBoxLayout()
        choice.addWidget(self.choose_new)
        choice.addWidget(self.choose_existing)
        choice.addStretch(1)
        layout.addLayout(choice)
        self.new_family_widget = QWidget()
        self.new_family_fields = NewFamilyFields(
            self.db, _form(self.new_family_widget), self.errors, self
        )
        self.fields.update(
            no_kk=self.new_family_fields.no_kk,
            rt_id=self.new_family_fields.rt,
            address=self.new_family_fields.address,
            welfare_decile=self.new_family_fields.decile,
        )
        layout.addWidget(self.new_family_widget)
        self.family_picker = FamilyPicker(self.db, self.tasks, self)
        self.fields["family"] = self.family_picker.search_edit
        layout.addWidget(self.errors.field("family", self.family_picker))
        self.family_picker.changed.connect(self._family_choice_changed)
        self.choose_new.toggled.connect(self._family_choice_changed)
        self._family_choice_changed()

    def _build_membership(self, form: QFormLayout) -> None:
        e = self.errors
        statuses = [
            (label, code)
            for label, code in code_items(codes.MEMBERSHIP_STATUS)
            if code != codes.STATUS_ENDED
        ]
        form.addRow(
            self.tr("Status"), e.field("jkn_status", self._combo("jkn_status", statuses, None))
        )
        form.addRow(
            self.tr("Segmen"),
            e.field(
                "segment",
                self._combo("segment", code_items(codes.SEGMENTS), self.tr("— pilih —")),
            ),
        )
        card = self._line("card_number", self.tr("13 digit"), max_length=13)
        form.addRow(self.tr("No kartu JKN"), e.field("card_number", card))
        form.addRow(
            self.tr("Kelas"),
            e.field(
                "jkn_class",
                self._combo("jkn_class", code_items(codes.JKN_CLASS), self.tr("tidak diisi")),
            ),
        )
        form.addRow(
            self.tr("Kode FKTP"),
            e.field("fktp_code", self._line("fktp_code", self.tr("8 karakter"), max_length=8)),
        )
        arrears = QSpinBox()
        self.arrears = arrears
        arrears.setRange(0, 240)
        arrears.setSuffix(self.tr(" bulan"))
        self.fields["months_in_arrears"] = arrears
        form.addRow(self.tr("Tunggakan"), e.field("months_in_arrears", arrears))

    def _build_flags(self, box: QGroupBox) -> None:
        layout = QVBoxLayout(box)
        for key, text in FLAG_FIELDS:
            check = QCheckBox(self.tr(text))
            self.fields[key] = self._checks[key] = check
            layout.addWidget(self.errors.field(key, check))
        employer = self._line("employer_name", self.tr("nama pemberi kerja"), max_length=160)
        form = QFormLayout()
        form.addRow(self.tr("Pemberi kerja"), self.errors.field("employer_name", employer))
        layout.addLayout(form)

    def _wire(self) -> None:
        self._combos["sex"].currentIndexChanged.connect(self._sex_changed)
        self._combos["jkn_status"].currentIndexChanged.connect(self._status_changed)
        self._checks["is_formal_worker"].toggled.connect(self.fields["employer_name"].setEnabled)
        self.fields["employer_name"].setEnabled(False)
        self._sex_changed()
        self._status_changed()

    def _sex_changed(self) -> None:
        male = self._combos["sex"].currentData() == 1
        pregnant = self._checks["is_pregnant"]
        if male:
            pregnant.setChecked(False)
        pregnant.setEnabled(not male)

    def _status_changed(self) -> None:
        status = self._combos["jkn_status"].currentData()
        registered = status in codes.REGISTERED_STATUSES
        for key in ("segment", "card_number", "jkn_class", "fktp_code"):
            self.fields[key].setEnabled(registered)
        self.fields["months_in_arrears"].setEnabled(status == codes.STATUS_ARREARS)

    def _family_choice_changed(self) -> None:
        if self.choose_new is None or self.family_picker is None:
            return
        new = self.choose_new.isChecked()
        assert self.new_family_fields is not None
        self.new_family_widget.setVisible(new)
        self.family_picker.setVisible(not new)
        self.errors.label("family").setVisible(not new and bool(self.errors.label("family").text()))

    def _show_family(self, family_id: int) -> None:
        with self.db.read() as session:
            view = register.family_view(session, family_id)
        if view is None:
            self.family_label.setText(self.tr("Keluarga tidak ditemukan."))
            return
        self._family_has_head = bool(view.head_name)
        head = view.head_name or self.tr("(belum ada kepala keluarga)")
        no_kk = view.no_kk
        if not self.actor.can("personal.see_full_nik"):
            no_kk = mask_nik(no_kk)
        text = self.tr("No KK {kk} · Kepala keluarga: {head}\n{area}").format(
            kk=no_kk, head=head, area=formatting.area(view.area_label)
        )
        if self.resident_id is not None:
            text += "\n" + self.tr("Untuk pindah KK gunakan tombol 'Pindah KK' di panel keluarga.")
        self.family_label.setText(text)

    # ------------------------------------------------------------ values

    def _load(self, resident_id: int) -> None:
        person, member, family_id, life_status = residents.load_resident(self.db, resident_id)
        self._life_status = life_status
        for key in ("nik", "name", "birth_place", "phone", "father_name", "mother_name"):
            self._lines[key].setText(getattr(person, key))
        self._lines["employer_name"].setText(person.employer_name)
        for key in ("sex", "shdk", "marital_status", "religion", "education", "occupation"):
            set_combo_data(self._combos[key], getattr(person, key))
        self.birth_date.set_value(person.birth_date)
        for key, _text in FLAG_FIELDS:
            self._checks[key].setChecked(bool(getattr(person, key)))
        self._checks["nik_to_fix"].setChecked(person.nik_to_fix)
        status_combo = self._combos["jkn_status"]
        if member.status == codes.STATUS_ENDED and status_combo.findData(member.status) < 0:
            status_combo.addItem(
                label_of(codes.MEMBERSHIP_STATUS, codes.STATUS_ENDED), member.status
            )
        set_combo_data(status_combo, member.status)
        set_combo_data(self._combos["segment"], member.segment)
        set_combo_data(self._combos["jkn_class"], member.jkn_class)
        self._lines["card_number"].setText(member.card_number)
        self._lines["fktp_code"].setText(member.fktp_code)
        self.arrears.setValue(member.months_in_arrears)
        self._show_family(family_id)
        if life_status != codes.LIFE_ALIVE:
            self.general_error.setText(
                self.tr("Status penduduk ini: {status}.").format(
                    status=label_of(codes.LIFE_STATUS, life_status)
                )
            )
            self.general_error.show()

    def resident_input(self) -> ResidentInput:
        text = {key: edit.text() for key, edit in self._lines.items()}
        data = {key: combo.currentData() for key, combo in self._combos.items()}
        checked = {key: check.isChecked() for key, check in self._checks.items()}
        return ResidentInput(
            nik=text["nik"],
            name=text["name"],
            sex=int(data["sex"] or 0),
            birth_date=self.birth_date.value(),
            shdk=int(data["shdk"] or 0),
            birth_place=text["birth_place"],
            marital_status=data["marital_status"],
            religion=data["religion"],
            education=data["education"],
            occupation=data["occupation"],
            phone=text["phone"],
            father_name=text["father_name"],
            mother_name=text["mother_name"],
            employer_name=text["employer_name"] if checked["is_formal_worker"] else "",
            **checked,
        )

    def membership_input(self) -> MembershipInput:
        status = self._combos["jkn_status"].currentData()
        registered = status in codes.REGISTERED_STATUSES
        return MembershipInput(
            status=status,
            segment=self._combos["segment"].currentData() if registered else None,
            card_number=self._lines["card_number"].text() if registered else "",
            jkn_class=self._combos["jkn_class"].currentData() if registered else None,
            fktp_code=self._lines["fktp_code"].text() if registered else "",
            months_in_arrears=self.arrears.value() if status == codes.STATUS_ARREARS else 0,
        )

    # ------------------------------------------------------------ saving

    def _warnings_need_confirmation(self, data: ResidentInput) -> bool:
        """True when NIK warnings were just shown and the user must press Simpan again."""
        field_errors, warnings, _nik = validate_resident(data)
        if field_errors or not warnings:
            self.nik_warning.hide()
            return False
        key = (data.nik.strip(), str(data.birth_date), str(data.sex), *warnings)
        self.nik_warning.setText(
            "⚠ "
            + "\n⚠ ".join(warnings)
            + "\n"
            + self.tr("Periksa lagi; tekan Simpan sekali lagi untuk tetap menyimpan.")
        )
        self.nik_warning.show()
        self._grow_to_fit()
        if self._confirmed_warnings == key:
            return False
        self._confirmed_warnings = key
        self.save_button.setText(self.tr("Tetap simpan"))
        return True

    def save(self) -> None:
        """Validates through the service; stays open with the errors shown on failure."""
        self.errors.clear()
        self.general_error.hide()
        data = self.resident_input()
        if self._warnings_need_confirmation(data):
            self.fields["nik"].setFocus()
            return
        membership = self.membership_input()
        resident_id, family_id = self.resident_id, self.family_id
        new_family: FamilyInput | None = None
        if resident_id is None and family_id is None:
            assert self.choose_new is not None and self.new_family_fields is not None
            assert self.family_picker is not None
            if self.choose_new.isChecked():
                new_family = self.new_family_fields.value()
            else:
                family_id = self.family_picker.family_id()
                if family_id is None:
                    self._show_validation(
                        ValidationError({"family": self.tr("Pilih KK dari daftar hasil.")})
                    )
                    return

        event_kind = self.event_kind
        note = self.event_note.text() if event_kind is not None else ""
        place = self.event_place.text() if event_kind == pc.MOVE_IN and self.event_place else ""
        arrived = self.event_date.value() if event_kind == pc.MOVE_IN and self.event_date else None

        def write(_context: TaskContext) -> SaveResult:
            if event_kind == pc.BIRTH:
                assert family_id is not None
                return population.record_birth(
                    self.db, self.actor, data, family_id, note=note, membership=membership
                )
            if event_kind == pc.MOVE_IN:
                return population.record_move_in(
                    self.db,
                    self.actor,
                    data,
                    arrived,
                    family_id=family_id,
                    new_family=new_family,
                    place=place,
                    note=note,
                    membership=membership,
                )
            if resident_id is not None:
                return residents.edit_resident(self.db, self.actor, resident_id, data, membership)
            if family_id is not None:
                return residents.add_resident(
                    self.db, self.actor, data, family_id=family_id, membership=membership
                )
            return residents.add_resident(
                self.db, self.actor, data, new_family=new_family, membership=membership
            )

        def saved(result: SaveResult) -> None:
            self.result_value = result
            self.accept()

        def failed(err: BaseException) -> None:
            if isinstance(err, ValidationError):
                self._show_validation(err)
            else:
                show_error(self, err)

        run_write(self, self.tasks, write, on_success=saved, on_error=failed)

    def _show_validation(self, err: ValidationError) -> None:
        errors = dict(err.field_errors)
        if "family" in errors and self.choose_new is not None and self.choose_new.isChecked():
            # "pick a family or fill in a new KK" with the new-KK form open: place it there.
            errors["no_kk"] = errors.pop("family")
        unplaced = self.errors.show(errors)
        if self.choose_new is not None:
            self._family_choice_changed()
        if unplaced:
            self.general_error.setText("\n".join(unplaced.values()))
            self.general_error.show()
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Error labels add height: grow instead of squeezing the fields."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        self.resize(self.size().expandedTo(self.sizeHint()))
