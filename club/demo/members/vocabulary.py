"""The curated fields of study or work, free tags, and subject groups used by the demo.

Fields are grouped into research clusters; a demo member works in one cluster, which
also steers their host institution, subject group and job titles.
"""

from __future__ import annotations

# (English name, Japanese name, cluster). Curated: offered to members as suggestions.
CURATED_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("Materials science", "材料科学", "materials"),
    ("Nanotechnology", "ナノテクノロジー", "materials"),
    ("Chemistry", "化学", "materials"),
    ("Semiconductors", "半導体", "materials"),
    ("Chemical engineering", "化学工学", "materials"),
    ("Mechanical engineering", "機械工学", "materials"),
    ("Computer science", "情報科学", "ai"),
    ("Artificial intelligence", "人工知能", "ai"),
    ("Data science", "データサイエンス", "ai"),
    ("Robotics", "ロボット工学", "ai"),
    ("Telecommunications", "通信工学", "ai"),
    ("Electrical and electronic engineering", "電気電子工学", "ai"),
    ("Biology", "生物学", "bio"),
    ("Biotechnology", "バイオテクノロジー", "bio"),
    ("Genetics", "遺伝学", "bio"),
    ("Medicine", "医学", "bio"),
    ("Pharmaceutical sciences", "薬学", "bio"),
    ("Neuroscience", "神経科学", "bio"),
    ("Public health", "公衆衛生学", "bio"),
    ("Medical engineering", "医工学", "bio"),
    ("Agriculture", "農学", "bio"),
    ("Food science", "食品科学", "bio"),
    ("Biodiversity", "生物多様性", "bio"),
    ("Energy", "エネルギー", "energy"),
    ("Renewable energy", "再生可能エネルギー", "energy"),
    ("Nuclear engineering", "原子力工学", "energy"),
    ("Environmental science", "環境科学", "energy"),
    ("Batteries and energy storage", "蓄電池・エネルギー貯蔵", "energy"),
    ("Earth science", "地球科学", "earth"),
    ("Disaster prevention", "防災", "earth"),
    ("Civil engineering", "土木工学", "earth"),
    ("Marine science", "海洋科学", "earth"),
    ("Architecture", "建築学", "earth"),
    ("Urban planning", "都市計画", "earth"),
    ("Physics", "物理学", "physics"),
    ("Particle physics", "素粒子物理学", "physics"),
    ("Quantum technology", "量子技術", "physics"),
    ("Plasma science", "プラズマ科学", "physics"),
    ("Space science", "宇宙科学", "physics"),
    ("Mathematics", "数学", "physics"),
    ("Economics", "経済学", "social"),
    ("Science and technology policy", "科学技術政策", "social"),
    ("Social sciences", "社会科学", "social"),
    ("Humanities", "人文学", "social"),
    ("Science education", "理科教育", "social"),
)

# Free tags members typed themselves: not curated, no Japanese name.
FREE_FIELDS: dict[str, tuple[str, ...]] = {
    "materials": ("Thin films", "Perovskite solar cells", "Polymer recycling"),
    "ai": ("Edge computing", "Natural language processing", "Drone programming"),
    "bio": ("Rice genomics", "Traditional medicine", "Mangrove ecology", "Sake brewing science"),
    "energy": ("Hydrogen", "Smart grids", "Carbon capture"),
    "earth": ("Tsunami modelling", "Landslide monitoring", "Batik conservation"),
    "physics": ("Accelerator physics", "Low-temperature plasma", "Gravitational waves"),
    "social": ("Science communication", "Japanese language", "Innovation policy"),
}

# How many members work in each cluster, relatively.
CLUSTER_WEIGHTS: dict[str, float] = {
    "materials": 17,
    "ai": 21,
    "bio": 22,
    "energy": 12,
    "earth": 10,
    "physics": 11,
    "social": 7,
}

FIELDS_BY_CLUSTER: dict[str, tuple[str, ...]] = {
    cluster: tuple(name for name, _ja, c in CURATED_FIELDS if c == cluster)
    for cluster in CLUSTER_WEIGHTS
}

STUDYING_IN_JAPAN = "studying-in-japan"

# (slug, English name, Japanese name, cluster or None, description).
SUBJECT_GROUPS: tuple[tuple[str, str, str, str | None, str], ...] = (
    (
        "materials-science",
        "Materials science",
        "材料科学",
        "materials",
        "Alumni working on new materials, from batteries to semiconductors.",
    ),
    (
        "ai-and-data",
        "AI & data",
        "AI・データ",
        "ai",
        "Machine learning, data science and computing, in labs and in industry.",
    ),
    (
        "biotechnology",
        "Biotechnology",
        "バイオテクノロジー",
        "bio",
        "Life sciences, medicine, agriculture and food.",
    ),
    (
        "energy",
        "Energy",
        "エネルギー",
        "energy",
        "Renewables, storage, nuclear and the energy transition.",
    ),
    (
        STUDYING_IN_JAPAN,
        "Studying in Japan",
        "日本留学",
        None,
        "Alumni back in Japan as students or researchers, and those planning to come.",
    ),
)
