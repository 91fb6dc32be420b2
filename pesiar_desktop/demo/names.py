"""Word lists for the demo village (Lombok Barat): Sasak / Muslim and Balinese names,
dusun, streets, employers, health facilities.

Names follow the register's style (upper case, no family names: Sasak names are
given names only). They are grouped by generation because names changed a lot:
an 80-year-old is SUMENAH or SAHDAN, a child is NAZWA or MUHAMMAD RIZKI. Noble
(menak) families put LALU before men's names and BAIQ before women's. Every name
here is a common given name, not a real person.
"""

from __future__ import annotations


def _names(text: str) -> tuple[str, ...]:
    """Comma-separated words (kept as prose so the lists stay compact)."""
    return tuple(word.strip() for word in text.replace("\n", " ").split(",") if word.strip())


# --------------------------------------------------------------- Muslim / Sasak names

MALE_OLD = _names(
    """
    AHMAD, ABDULLAH, ABDUL HAMID, ABDUL RAHMAN, AMIN, ARSAD, ARIFIN, AZHAR, BADRUN, BAHRI, BASRI,
    BURHAN, DAHLAN, HAMDI, HAMZAH, HASAN, HUSEN, IDRIS, ISMAIL, JAMALUDIN, JUMADI, JUMAHIR,
    KASIM, KHAIRUDIN, LUKMAN, MAHSUN, MAHNUN, MAHYUDIN, MAKSUM, MARZUKI, MUHAMMAD, MUHTAR,
    MUKSIN, MUNAWIR, MURSIDI, MUSLIM, MUSTAFA, NASRUN, NURDIN, RAHMAT, RAIS, RAWI, RUSLAN,
    SAHDAN, SAHIRUN, SAHLAN, SAHNAN, SAID, SAINUN, SALEH, SAMAN, SAMIUN, SAMSUL, SAPARUDIN,
    SAPRI, SULAIMAN, SYAMSUDIN, TAJUDIN, UMAR, USMAN, YUSUF, ZAINUDIN, ZAKARIA, AMAQ SAHNUN,
    MUHAMMAD SALEH, ABDUL KADIR
    """
)
MALE_MID = _names(
    """
    ABDUL WAHAB, AHMAD YANI, AHYAR, AMRULLAH, ANSORI, ANWAR, BAHRUDIN, EDI SUPRAPTO, FAHRURROZI,
    FAISAL, FATHURRAHMAN, HABIBULLAH, HAERUDIN, HAIRUL, HAMDANI, HAMZANWADI, HASBULLAH,
    HERIYANTO, HERMAN, IRWAN, ISKANDAR, JAMIL, JUMAIDI, JUMARDI, JUNAIDI, KAHARUDIN, MAHRUP,
    MAHSAN, MASRUN, MUHAMMAD ALI, MUHAMMAD NASIR, MUNAWAR, MUSLEH, MUSTIADI, NASRULLAH, NURHADI,
    RAMLI, RIDWAN, ROSIDI, ROSIHAN, RUSDI, SAFRUDIN, SAHABUDIN, SAHRUL, SAIFUL, SAMSUDIN,
    SUHAIMI, SUKARDI, SUKRI, SUPARDI, SUPARMAN, SUPRIADI, SYAHRIR, SYAMSUL HADI, TAUFIK, WAHYUDI,
    YUSRAN, ZAINAL ABIDIN, ZAINUL MUTTAQIN, ZULKARNAIN, ZULKIFLI, ABDUL MAJID, MUHAMMAD SYUKRI
    """
)
MALE_YOUNG = _names(
    """
    ABDAN, ABIZAR, ADITYA, AGUS, AHMAD FAUZAN, AKBAR, ALDI, ALFATIH, ALFIAN, ANDIKA, ARIF, ARKAN,
    ARSYAD, AZKA, AZZAM, BAGAS, BAYU, DAFFA, DIMAS, FADIL, FAHRI, FAJAR, FARHAN, FAREL, FATHAN,
    FIKRI, FIRMAN, GILANG, HABIB, HADI, HAFIZ, HAIKAL, HENDRA, IHSAN, ILHAM, IQBAL, IRFAN,
    KHAIRUL ANAM, LUTFI, MUHAMMAD ALFARIZI, MUHAMMAD RIZKI, MUHAMMAD ZAKI, NAUFAL, NIZAR, RAFI,
    RAMADHAN, RANGGA, RAYYAN, REZA, RIDHO, RIFKI, RIZAL, SAHRONI, SULTAN, SYAHRUL,
    TAUFIQURRAHMAN, ZAKY, ZAYYAN, ZIDAN, ZULFAN, MUHAMMAD FATIH, AHMAD ZAIDAN, MUHAMMAD HAFIDZ
    """
)
MALE_SECOND = _names(
    """
    ALAMSYAH, ANSHORI, ARDIANSYAH, ASROR, FAUZI, FIRDAUS, HAKIM, HAMDI, HARIS, HIDAYAT, HUSAINI,
    KURNIAWAN, MAULANA, MUHAJIR, MUTTAQIN, PRATAMA, RAHMAN, RAMDANI, SAPUTRA, SETIAWAN, SUKRI,
    SYAHPUTRA, ZULFIKAR, WIJAYA, HAMDANI, ALFARIZI, RAMADHAN, AKBAR
    """
)

FEMALE_OLD = _names(
    """
    AMINAH, ASMAH, FATIMAH, HABIBAH, HADIJAH, HAJRAH, HALIMAH, HASNAH, JARIAH, JOHRAH, JUMENAH,
    KALSUM, MAHNI, MAHRAH, MARIAM, MARIATUN, MARNAH, MASNAH, MUNAH, MUNIRAH, MUSLIMAH, NAPSIAH,
    NURHAYATI, NURSIAH, RAHMAH, RAWIAH, ROHANI, RUKIAH, RUMENAH, SADIAH, SAENAH, SAKINAH, SALMAH,
    SAMENAH, SAMSIAH, SAPIAH, SAPINAH, SARIAH, SARINAH, SENIM, SITI, SITI AISYAH, SITI HAWA,
    SITI ZAENAB, SUHARTI, SUMENAH, UMI KALSUM, ZAENAB, HAMDIAH, INAQ SENAH, MARHAMAH, RABIAH,
    SAHNAH, MUSRIFAH
    """
)
FEMALE_MID = _names(
    """
    AISAH, AMINATUN, ANI, DEWI, ERNAWATI, EVI, FITRIANI, HAERANI, HARTINI, HERNAWATI,
    HUSNUL KHOTIMAH, IDA, IRMAWATI, JUMIATI, JUMRAH, KARTINI, KHAIRUNNISA, LAELI, LAILA, LINDA,
    MAHMUDAH, MARNI, MARNIWATI, MARYATI, MULIANI, MUNAWARAH, NURAINI, NURHASANAH, NURHIDAYAH,
    NURJANAH, NURMALA, NURUL HIDAYATI, PATMAWATI, RAHMAWATI, RATNA, RITA, ROSMIATI, RUSMINI,
    RUSNI, SAHRIAH, SITI HAJAR, SITI MAESARAH, SRI ASTUTI, SRI HARTATI, SRI WAHYUNI, SUHAENI,
    SUHARTINI, SULASTRI, SUMIATI, SUNARTI, WAHIDAH, WATI, YULIANI, ZURIATI, HIRNAWATI, SAPTIANI,
    MARLIANA
    """
)
FEMALE_YOUNG = _names(
    """
    AISYAH, ALIFAH, ALYA, AMELIA, ANISA, AQILA, ARSYILA, AULIA, AZZAHRA, BILQIS, CAHAYA, DINDA,
    DWI, ELSA, FADILA, FARAH, FITRI, HANIFAH, HASNA, HUMAIRA, INDAH, INTAN, KAMILA, KEYSHA,
    KHANZA, LATIFAH, LUTFIA, MAULIDA, MAWADDAH, MUTIARA, NABILA, NADIA, NAILA, NAJWA, NAYLA,
    NAZWA, NUR AINI, NURUL AINI, PUTRI, QANITA, RAHMA, RAISA, RANIA, RIZKA, SAFIRA, SALSABILA,
    SASKIA, SHAFA, SITI NURHALIZA, SRI, SYIFA, TASYA, WULANDARI, YASMIN, ZAHIRA, ZAHRA, ZASKIA,
    ZIVANA, SITI AMINAH
    """
)
FEMALE_SECOND = _names(
    """
    AMALIA, APRILIANI, ASTUTI, AULIA, FITRIANI, HANDAYANI, HIDAYATI, JANNAH, KHAIRUNNISA,
    LESTARI, MAULIDA, NOVITASARI, NURJANNAH, PUTRI, RAHMAWATI, RAMADHANI, SAFITRI, SARI,
    WULANDARI, ZAHRA, HASANAH, AZZAHRA, FEBRIANTI
    """
)

NOBLE_MALE = "LALU"
NOBLE_FEMALE = "BAIQ"

# --------------------------------------------------------------- Balinese (Hindu) names

# Birth-order names: first, second, third, fourth child (then it starts again).
BALI_ORDER = (("WAYAN", "PUTU", "GEDE"), ("MADE", "KADEK"), ("NYOMAN", "KOMANG"), ("KETUT",))
BALI_MALE = _names(
    """
    ADNYANA, ARIANA, ARSANA, ARTAWAN, DARMAWAN, GUNAWAN, MERTA, PUTRA, SUARDANA, SUARTAMA,
    SUDARMA, SUKADANA, SUPARTA, WIRAWAN, WIDIANA, SUDIARTA, ASTAWA, SUWITRA, MAHENDRA, YASA,
    ARDANA, JAYA, SURYAWAN
    """
)
BALI_FEMALE = _names(
    """
    ARIANI, ARIYANTI, ASTITI, DEWI, KARTINI, LESTARI, PURNAMI, SRIASIH, SUARNI, SUDIASIH,
    SUKMAWATI, SUPARMI, WIDIASTUTI, SUWARNI, MARHAENI, SUASTINI, ARYANI, SURYANI, PUSPITA,
    ANGGRENI, RAHAYU, WAHYUNI
    """
)

# --------------------------------------------------------------- places and bodies

DUSUN = (
    "Krajan",
    "Karang Bayan",
    "Dasan Baru",
    "Gubuk Timur",
    "Lendang Bajur",
    "Montong Are",
    "Kebon Lauq",
    "Kebon Daye",
    "Tanak Beak",
    "Batu Kuta",
    "Karang Anyar",
    "Pelowok",
)
STREETS = (
    "Jl. Raya {desa}",
    "Jl. Pendidikan",
    "Jl. Masjid Nurul Huda",
    "Jl. Lingkar Gerung",
    "Jl. Pariwisata",
    "Jl. Pemuda",
    "Gang Mawar",
    "Gang Melati",
    "Gang Kenanga",
    "Gang Anggrek",
    "Jl. Sawah Lauq",
    "Jl. Irigasi",
)
BIRTH_PLACES = (
    ("LOMBOK BARAT", 58),
    ("MATARAM", 16),
    ("GERUNG", 8),
    ("LOMBOK TENGAH", 6),
    ("LOMBOK TIMUR", 5),
    ("LOMBOK UTARA", 2),
    ("SUMBAWA", 1),
    ("BIMA", 1),
    ("DENPASAR", 1),
    ("SURABAYA", 1),
    ("MALAYSIA", 1),
)
BALI_BIRTH_PLACES = (("LOMBOK BARAT", 55), ("MATARAM", 25), ("KARANGASEM", 12), ("DENPASAR", 8))

EMPLOYERS = (
    "PT Sinar Rinjani Abadi",
    "CV Karya Sasak Mandiri",
    "Hotel Senggigi Permai",
    "PT Lombok Mina Sejahtera",
    "Toko Bangunan Sumber Rejeki",
    "PT Gerung Jaya Motor",
    "Klinik Pratama Husada Gerung",
    "Koperasi Tani Makmur Sejahtera",
    "PT Nusa Tenggara Logistik",
    "RM Ayam Taliwang Bu Rahmi",
    "Minimarket Barokah Gerung",
    "PT Lembar Samudra Perkasa",
    "CV Mutiara Gerabah Banyumulek",
    "PT Tembakau Virginia Lombok",
    "Villa Gili Indah Resort",
    "SPBU Gerung Raya",
)

# Primary-care facilities (FKTP): 8-character codes as BPJS writes them.
PUSKESMAS = ("22010101", "22010102", "22010103")  # Gerung, Dasan Tapen, Kebon Ayu (demo codes)
CLINICS = ("2201K005", "2201K011", "2201D027", "2201P003")  # klinik pratama, dokter, praktik

PHONE_PREFIXES = _names(
    """
    0812, 0813, 0821, 0822, 0823, 0852, 0853, 0817, 0818, 0819, 0859, 0877, 0878, 0857, 0856,
    0815, 0838, 0831, 0895, 0896
    """
)
