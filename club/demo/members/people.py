"""Who the demo alumni are: the SSP country mix and name pools with native scripts.

Each pool lists given names as ``latin/native/gender`` and family names as
``latin/native``. Pools whose script is Latin with diacritics (Vietnamese) store
the native spelling only; the Latin fields are its accent-free form.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from club.members.models import NameOrder

# Relative share of participants by nationality, shaped like SSP's 2014-2024 totals.
COUNTRY_WEIGHTS: dict[str, float] = {
    "CN": 30,
    "IN": 12,
    "ID": 8,
    "TH": 8,
    "VN": 8,
    "MY": 6,
    "PH": 5,
    "MN": 3,
    "LK": 3,
    "BD": 2.5,
    "MM": 2.5,
    "NP": 2,
    "KH": 1.5,
    "UZ": 1.5,
    "LA": 1.2,
    "KE": 0.8,
    "EG": 0.8,
    "NG": 0.5,
    "BR": 0.6,
}
ASEAN = frozenset({"ID", "TH", "VN", "MY", "PH", "MM", "KH", "LA"})
AFRICA = frozenset({"KE", "EG", "NG"})
# Until fiscal 2021 the programme invited mainly Asia; it then opened to every country.
OPENED_IN_2021 = AFRICA | {"BR"}


def country_trend(country: str, fiscal_year: int) -> float:
    """How a country's share moved over the years (India grew, China shrank)."""
    if country in OPENED_IN_2021 and fiscal_year < 2021:
        return 0.0
    if country == "IN":
        return 0.7 if fiscal_year < 2019 else 2.6 if fiscal_year >= 2023 else 1.6
    if country == "CN":
        return 1.3 if fiscal_year <= 2019 else 0.55
    if country in AFRICA and fiscal_year >= 2023:
        return 2.0
    return 1.0


@dataclass(frozen=True)
class NamePool:
    """Names of one people, with how they are ordered in Latin and native script."""

    given: tuple[tuple[str, str, str], ...]
    family: tuple[tuple[str, str], ...]
    order: str = NameOrder.GIVEN_FIRST
    native_family_first: bool = False
    native_joiner: str = " "
    single_name: bool = False  # Burmese names have no family name.
    mononym_rate: float = 0.0
    malay_patronymic: bool = False
    feminine_suffix: str = ""
    fold_latin: bool = False


@dataclass(frozen=True)
class PersonName:
    """A generated name: Latin given and family names, the native form, and the order."""

    given: str
    family: str
    native: str
    order: str
    gender: str


def _given(text: str) -> tuple[tuple[str, str, str], ...]:
    rows = []
    for item in text.split(","):
        latin, native, gender = (part.strip() for part in item.split("/"))
        rows.append((latin, native, gender))
    return tuple(rows)


def _family(text: str) -> tuple[tuple[str, str], ...]:
    rows = []
    for item in text.split(","):
        latin, _, native = item.partition("/")
        rows.append((latin.strip(), native.strip()))
    return tuple(rows)


def fold(text: str) -> str:
    """Vietnamese or Portuguese spelling without diacritics ("Nguyễn" -> "Nguyen")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


HINDI = NamePool(
    _given(
        "Ananya/अनन्या/f, Aarav/आरव/m, Rohan/रोहन/m, Priya/प्रिया/f, Vivek/विवेक/m, Neha/नेहा/f,"
        " Amit/अमित/m, Pooja/पूजा/f, Rahul/राहुल/m, Kavya/काव्या/f, Aditya/आदित्य/m,"
        " Sneha/स्नेहा/f, Arjun/अर्जुन/m, Divya/दिव्या/f, Vikram/विक्रम/m, Shreya/श्रेया/f,"
        " Ishaan/ईशान/m, Meera/मीरा/f, Sanjay/संजय/m, Anjali/अंजलि/f, Vipul/विपुल/m"
    ),
    _family(
        "Sharma/शर्मा, Gupta/गुप्ता, Singh/सिंह, Verma/वर्मा, Agarwal/अग्रवाल, Mishra/मिश्रा,"
        " Jain/जैन, Yadav/यादव, Patel/पटेल, Joshi/जोशी, Kumar/कुमार, Pandey/पांडे,"
        " Chauhan/चौहान, Tiwari/तिवारी, Jindal/जिंदल"
    ),
)
TAMIL = NamePool(
    _given(
        "Karthik/கார்த்திக்/m, Lakshmi/லட்சுமி/f, Priya/பிரியா/f, Arun/அருண்/m,"
        " Divya/திவ்யா/f, Senthil/செந்தில்/m, Meena/மீனா/f, Vignesh/விக்னேஷ்/m,"
        " Kaviya/கவியா/f, Balaji/பாலாஜி/m"
    ),
    _family(
        "Subramanian/சுப்பிரமணியன், Krishnan/கிருஷ்ணன், Rajan/ராஜன், Venkatesan/வெங்கடேசன்,"
        " Natarajan/நடராஜன், Ramasamy/ராமசாமி"
    ),
)
TELUGU = NamePool(
    _given(
        "Srinivas/శ్రీనివాస్/m, Lakshmi/లక్ష్మి/f, Ravi/రవి/m, Sai/సాయి/m, Harika/హారిక/f,"
        " Naveen/నవీన్/m, Keerthi/కీర్తి/f, Prashanth/ప్రశాంత్/m"
    ),
    _family("Reddy/రెడ్డి, Rao/రావు, Naidu/నాయుడు, Varma/వర్మ, Chowdary/చౌదరి"),
)
BENGALI_INDIA = NamePool(
    _given(
        "Sourav/সৌরভ/m, Ananya/অনন্যা/f, Arnab/অর্ণব/m, Riya/রিয়া/f, Debjani/দেবজানী/f,"
        " Sayan/সায়ন/m, Poulami/পৌলমী/f"
    ),
    _family(
        "Chatterjee/চ্যাটার্জি, Banerjee/ব্যানার্জি, Das/দাস, Ghosh/ঘোষ, Sen/সেন, Mukherjee/মুখার্জি, Basu/বসু"
    ),
)
CHINESE = NamePool(
    _given(
        "Wei/伟/m, Fang/芳/f, Na/娜/f, Min/敏/f, Jing/静/f, Qiang/强/m, Lei/磊/m, Jun/军/m,"
        " Yang/洋/m, Jie/杰/m, Tao/涛/m, Ming/明/m, Hua/华/f, Hui/慧/f, Yihong/逸鸿/m,"
        " Zihan/子涵/f, Haoran/浩然/m, Yuxuan/宇轩/m, Xinyi/欣怡/f, Jiaming/嘉明/m, Siyu/思雨/f,"
        " Yutong/雨桐/f, Zhiwei/志伟/m, Xiaoling/晓玲/f, Chen/晨/m, Yue/悦/f"
    ),
    _family(
        "Wang/王, Li/李, Zhang/张, Liu/刘, Chen/陈, Yang/杨, Huang/黄, Zhao/赵, Wu/吴, Zhou/周,"
        " Xu/徐, Sun/孙, Ma/马, Zhu/朱, Hu/胡, Guo/郭, He/何, Lin/林, Gao/高, Luo/罗, Feng/冯"
    ),
    order=NameOrder.FAMILY_FIRST,
    native_family_first=True,
    native_joiner="",
)
VIETNAMESE = NamePool(
    _given(
        "-/Văn An/m, -/Thị Lan/f, -/Minh Tuấn/m, -/Thị Hương/f, -/Đức Anh/m, -/Quốc Bảo/m,"
        " -/Thu Trang/f, -/Ngọc Ánh/f, -/Hoàng Nam/m, -/Thanh Hà/f, -/Văn Hùng/m, -/Thị Mai/f,"
        " -/Minh Châu/f, -/Quang Huy/m, -/Phương Linh/f, -/Tiến Dũng/m"
    ),
    _family(
        "-/Nguyễn, -/Trần, -/Lê, -/Phạm, -/Hoàng, -/Huỳnh, -/Phan, -/Vũ, -/Võ, -/Đặng, -/Bùi,"
        " -/Đỗ, -/Hồ, -/Ngô, -/Dương"
    ),
    order=NameOrder.FAMILY_FIRST,
    native_family_first=True,
    fold_latin=True,
)
THAI = NamePool(
    _given(
        "Somchai/สมชาย/m, Somsak/สมศักดิ์/m, Anucha/อนุชา/m, Kittipong/กิตติพงษ์/m,"
        " Nattapong/ณัฐพงษ์/m, Siriporn/ศิริพร/f, Supaporn/สุภาพร/f, Pimchanok/พิมพ์ชนก/f,"
        " Kanokwan/กนกวรรณ/f, Thanawat/ธนวัฒน์/m, Chutima/ชุติมา/f, Wanida/วนิดา/f,"
        " Pornthip/พรทิพย์/f, Piyapong/ปิยะพงษ์/m, Jiraporn/จิราพร/f, Worawut/วรวุฒิ/m,"
        " Teerasak/ธีรศักดิ์/m, Napatsorn/นภัสสร/f, Ekkachai/เอกชัย/m"
    ),
    _family(
        "Thongdee/ทองดี, Boonmee/บุญมี, Jaidee/ใจดี, Srisuk/ศรีสุข, Kaewmanee/แก้วมณี,"
        " Suksawat/สุขสวัสดิ์, Wongyai/วงศ์ใหญ่, Phromma/พรหมมา, Meesuk/มีสุข, Chaiwat/ชัยวัฒน์,"
        " Rungruang/รุ่งเรือง, Sriwong/ศรีวงศ์, Somboon/สมบูรณ์, Prasertsuk/ประเสริฐสุข"
    ),
)
INDONESIAN = NamePool(
    _given(
        "Budi//m, Siti//f, Agus//m, Dewi//f, Rizky//m, Putri//f, Andi//m, Fitri//f, Ahmad//m,"
        " Nur//f, Dian//f, Eko//m, Wahyu//m, Ayu//f, Fajar//m, Indah//f, Bayu//m, Ratna//f"
    ),
    _family(
        "Santoso, Wijaya, Saputra, Hidayat, Pratama, Kurniawan, Setiawan, Nugroho, Lestari,"
        " Rahmawati, Susanto, Hakim, Siregar, Nasution"
    ),
    mononym_rate=0.12,
)
MALAY = NamePool(
    _given(
        "Muhammad Hafiz//m, Nur Aisyah//f, Ahmad Faiz//m, Siti Nurhaliza//f, Amirul//m,"
        " Farah//f, Mohd Azlan//m, Nurul Izzah//f, Haziq//m, Syafiqah//f"
    ),
    _family("Ismail, Abdullah, Hassan, Rahman, Yusof, Othman, Ibrahim, Aziz"),
    malay_patronymic=True,
)
CHINESE_MALAYSIAN = NamePool(
    _given(
        "Wei Ming/伟明/m, Mei Ling/美玲/f, Jia Hui/佳慧/f, Kok Wai/国伟/m, Siew Mei/秀美/f,"
        " Chee Keong/志强/m, Hui Min/慧敏/f, Zhi Hao/志豪/m"
    ),
    _family("Tan/陈, Lim/林, Lee/李, Wong/黄, Ng/吴, Ong/王, Chong/张, Teh/郑, Low/刘"),
    order=NameOrder.FAMILY_FIRST,
    native_family_first=True,
    native_joiner="",
)
FILIPINO = NamePool(
    _given(
        "Maria//f, Jose//m, Juan//m, Angelica//f, Mark//m, Kristine//f, John Paul//m,"
        " Mary Grace//f, Carlo//m, Patricia//f, Miguel//m, Andrea//f"
    ),
    _family(
        "Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Ramos, Aquino, Villanueva,"
        " Dela Cruz, Castillo, Navarro"
    ),
)
MONGOLIAN = NamePool(
    _given(
        "Bat-Erdene/Бат-Эрдэнэ/m, Enkhjargal/Энхжаргал/f, Oyunchimeg/Оюунчимэг/f,"
        " Tsetseg/Цэцэг/f, Gantulga/Гантулга/m, Munkh-Erdene/Мөнх-Эрдэнэ/m,"
        " Altangerel/Алтангэрэл/m, Naranbaatar/Наранбаатар/m, Sarnai/Сарнай/f,"
        " Anujin/Анужин/f, Temuulen/Тэмүүлэн/m, Khulan/Хулан/f"
    ),
    _family(
        "Ganbold/Ганболд, Batbayar/Батбаяр, Dorj/Дорж, Tserendorj/Цэрэндорж,"
        " Sukhbaatar/Сүхбаатар, Purevdorj/Пүрэвдорж, Erdenebat/Эрдэнэбат, Enkhbayar/Энхбаяр"
    ),
    native_family_first=True,
)
SINHALA = NamePool(
    _given(
        "Kasun/කසුන්/m, Nuwan/නුවන්/m, Dilini/දිලිනි/f, Chamari/චාමරි/f, Tharindu/තරිඳු/m,"
        " Sachini/සචිනි/f, Ishara/ඉෂාර/m, Ruwan/රුවන්/m, Nadeesha/නදීෂා/f, Lahiru/ලහිරු/m,"
        " Hasini/හසිනි/f, Chaminda/චමින්ද/m"
    ),
    _family(
        "Perera/පෙරේරා, Fernando/ප්‍රනාන්දු, Silva/සිල්වා, Jayasinghe/ජයසිංහ,"
        " Wickramasinghe/වික්‍රමසිංහ, Bandara/බණ්ඩාර, Dissanayake/දිසානායක,"
        " Gunawardena/ගුණවර්ධන, Rathnayake/රත්නායක, Herath/හේරත්, Senanayake/සේනානායක"
    ),
)
BANGLADESHI = NamePool(
    _given(
        "Rahim/রহিম/m, Karim/করিম/m, Fatema/ফাতেমা/f, Nusrat/নুসরাত/f, Tanvir/তানভীর/m,"
        " Sadia/সাদিয়া/f, Arif/আরিফ/m, Farhana/ফারহানা/f, Tasnim/তাসনিম/f"
    ),
    _family(
        "Hossain/হোসেন, Rahman/রহমান, Ahmed/আহমেদ, Islam/ইসলাম, Chowdhury/চৌধুরী,"
        " Akter/আক্তার, Sarkar/সরকার"
    ),
)
NEPALI = NamePool(
    _given(
        "Sita/सीता/f, Ram/राम/m, Bikash/बिकास/m, Sunita/सुनिता/f, Anil/अनिल/m, Puja/पूजा/f,"
        " Suman/सुमन/m, Sabina/सबिना/f"
    ),
    _family(
        "Shrestha/श्रेष्ठ, Sharma/शर्मा, Adhikari/अधिकारी, Thapa/थापा, Gurung/गुरुङ, Rai/राई, Karki/कार्की"
    ),
)
BURMESE = NamePool(
    _given(
        "Aung/အောင်/m, Kyaw/ကျော်/m, Zaw/ဇော်/m, Min/မင်း/m, Htet/ထက်/m, Thiri/သီရိ/f,"
        " Hnin/နှင်း/f, Khin/ခင်/f, Myat/မြတ်/f, Su/စု/f"
    ),
    _family("Naing/နိုင်, Moe/မိုး, Win/ဝင်း, Myint/မြင့်, Phyu/ဖြူ, Thant/သန့်, Oo/ဦး"),
    single_name=True,
    native_joiner="",
)
KHMER = NamePool(
    _given(
        "Dara/ដារ៉ា/m, Sophea/សុភា/f, Vanna/វណ្ណា/m, Bopha/បុប្ផា/f, Rithy/រិទ្ធី/m,"
        " Pisey/ពិសី/f, Visal/វិសាល/m, Sokha/សុខា/f, Chantha/ចន្ថា/f"
    ),
    _family("Sok/សុខ, Chan/ចាន់, Kim/គីម, Heng/ហេង, Ly/លី, Chea/ជា, Seng/សេង"),
    order=NameOrder.FAMILY_FIRST,
    native_family_first=True,
)
LAO = NamePool(
    _given(
        "Somphone/ສົມພອນ/m, Bounmy/ບຸນມີ/m, Khamphone/ຄຳພອນ/m, Souliya/ສຸລິຍາ/f, Phonsavanh/ພອນສະຫວັນ/f"
    ),
    _family("Phommachanh/ພົມມະຈັນ, Keomany/ແກ້ວມະນີ, Vongsa/ວົງສາ, Sisouphanh/ສີສຸພັນ"),
)
UZBEK = NamePool(
    _given("Aziz//m, Dilnoza//f, Jasur//m, Malika//f, Sardor//m, Nigora//f, Bekzod//m, Kamola//f"),
    _family("Karimov, Rakhimov, Usmonov, Tursunov, Yusupov, Sobirov"),
    feminine_suffix="a",
)
KENYAN = NamePool(
    _given(
        "Wanjiru//f, Brian//m, Achieng//f, Kevin//m, Faith//f, Dennis//m, Mercy//f, Grace//f,"
        " Collins//m, Cynthia//f"
    ),
    _family("Mwangi, Otieno, Kamau, Ochieng, Njoroge, Wanjiku, Kiprono, Chebet, Mutua, Omondi"),
)
EGYPTIAN = NamePool(
    _given(
        "Ahmed/أحمد/m, Mohamed/محمد/m, Mahmoud/محمود/m, Mona/منى/f, Fatma/فاطمة/f, Nour/نور/f,"
        " Omar/عمر/m, Yasmin/ياسمين/f, Mostafa/مصطفى/m, Sara/سارة/f"
    ),
    _family(
        "Hassan/حسن, Ibrahim/إبراهيم, Abdelrahman/عبد الرحمن, El-Sayed/السيد, Farouk/فاروق,"
        " Salem/سالم, Mansour/منصور"
    ),
)
NIGERIAN = NamePool(
    _given(
        "Chinedu//m, Ngozi//f, Oluwaseun//m, Adebayo//m, Aisha//f, Emeka//m, Funmilayo//f,"
        " Ibrahim//m, Chiamaka//f"
    ),
    _family("Okafor, Adeyemi, Okonkwo, Bello, Eze, Nwosu, Abubakar, Ogunleye"),
)
BRAZILIAN = NamePool(
    _given("João//m, Maria//f, Lucas//m, Ana//f, Gabriel//m, Juliana//f, Rafael//m, Beatriz//f"),
    _family("Silva, Santos, Oliveira, Souza, Costa, Pereira, Ferreira, Almeida"),
)

# Nationality -> (pool, weight) choices: India and Malaysia mix several peoples.
POOLS: dict[str, tuple[tuple[NamePool, float], ...]] = {
    "CN": ((CHINESE, 1),),
    "IN": ((HINDI, 6), (TAMIL, 2), (TELUGU, 2), (BENGALI_INDIA, 1.5)),
    "ID": ((INDONESIAN, 1),),
    "TH": ((THAI, 1),),
    "VN": ((VIETNAMESE, 1),),
    "MY": ((MALAY, 6), (CHINESE_MALAYSIAN, 3)),
    "PH": ((FILIPINO, 1),),
    "MN": ((MONGOLIAN, 1),),
    "LK": ((SINHALA, 1),),
    "BD": ((BANGLADESHI, 1),),
    "MM": ((BURMESE, 1),),
    "NP": ((NEPALI, 1),),
    "KH": ((KHMER, 1),),
    "UZ": ((UZBEK, 1),),
    "LA": ((LAO, 1),),
    "KE": ((KENYAN, 1),),
    "EG": ((EGYPTIAN, 1),),
    "NG": ((NIGERIAN, 1),),
    "BR": ((BRAZILIAN, 1),),
}


def make_name(rng: random.Random, country: str) -> PersonName:
    """A plausible name for a person of ``country``, in Latin and native script."""
    pools = POOLS[country]
    pool = pools[0][0] if len(pools) == 1 else rng.choices(*zip(*pools, strict=True))[0]
    given_latin, given_native, gender = rng.choice(pool.given)
    family_latin, family_native = rng.choice(pool.family)
    if pool.fold_latin:
        given_latin, family_latin = fold(given_native), fold(family_native)
    if pool.single_name:
        joiner = pool.native_joiner
        return PersonName(
            f"{given_latin} {family_latin}",
            "",
            f"{given_native}{joiner}{family_native}",
            pool.order,
            gender,
        )
    if pool.malay_patronymic:
        family_latin = f"{'binti' if gender == 'f' else 'bin'} {family_latin}"
    if pool.feminine_suffix and gender == "f":
        family_latin += pool.feminine_suffix
    if pool.mononym_rate and rng.random() < pool.mononym_rate:
        return PersonName(given_latin, "", "", pool.order, gender)
    native = ""
    if given_native and family_native:
        parts = (
            [family_native, given_native]
            if pool.native_family_first
            else [
                given_native,
                family_native,
            ]
        )
        native = pool.native_joiner.join(parts)
    return PersonName(given_latin, family_latin, native, pool.order, gender)
