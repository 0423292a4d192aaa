"""Employers for demo careers: companies and agencies by country, job titles by field.

Career organisations are free text on CareerEntry, so these are plain names.
"""

from __future__ import annotations

COMPANIES: dict[str, tuple[str, ...]] = {
    "CN": (
        "Huawei Technologies",
        "Tencent",
        "Alibaba Group",
        "BYD Company",
        "Baidu",
        "Contemporary Amperex Technology (CATL)",
        "China Mobile",
        "Sinopec",
        "DJI",
    ),
    "IN": (
        "Tata Consultancy Services",
        "Infosys",
        "Wipro",
        "Tata Steel",
        "Reliance Industries",
        "Larsen & Toubro",
        "Maruti Suzuki India",
        "Mahindra & Mahindra",
        "Biocon",
        "Dr. Reddy's Laboratories",
        "Bharat Electronics",
        "Next Bharat Ventures IFSC",
    ),
    "ID": ("Telkom Indonesia", "Pertamina", "PLN", "Gojek", "Astra International", "Bio Farma"),
    "TH": (
        "PTT Public Company",
        "SCG",
        "Charoen Pokphand Group",
        "Delta Electronics (Thailand)",
        "Toyota Motor Thailand",
        "True Corporation",
    ),
    "VN": ("Viettel", "FPT Software", "VinFast", "Vingroup", "VNPT", "Samsung Electronics Vietnam"),
    "MY": ("Petronas", "Intel Malaysia", "Tenaga Nasional", "Top Glove", "Sime Darby", "Maxis"),
    "PH": ("Ayala Corporation", "Globe Telecom", "PLDT", "San Miguel Corporation", "Manila Water"),
    "MN": ("Oyu Tolgoi", "Mobicom", "Khan Bank", "MCS Group", "Erdenet Mining Corporation"),
    "LK": ("Dialog Axiata", "MAS Holdings", "Hayleys", "John Keells Holdings", "Brandix"),
    "BD": ("Grameenphone", "Square Pharmaceuticals", "Beximco", "BRAC"),
    "MM": ("KBZ Bank", "Shwe Taung Group", "Myanmar Brewery"),
    "NP": ("Nepal Telecom", "Ncell", "Chaudhary Group"),
    "KH": ("Smart Axiata", "ACLEDA Bank", "Electricité du Cambodge"),
    "UZ": ("Uzbektelecom", "Uzbekneftegaz", "Artel"),
    "LA": ("Lao Telecom", "Électricité du Laos"),
    "KE": ("Safaricom", "KenGen", "Kenya Airways", "Equity Bank"),
    "EG": ("Telecom Egypt", "Orascom Construction", "Elsewedy Electric", "Vodafone Egypt"),
    "NG": ("Dangote Group", "MTN Nigeria", "Andela", "Flutterwave"),
    "BR": ("Embraer", "Petrobras", "Vale", "Natura"),
}

AGENCIES: dict[str, tuple[str, ...]] = {
    "CN": (
        "Chinese Academy of Sciences",
        "Ministry of Science and Technology of the People's Republic of China",
    ),
    "IN": (
        "Department of Science and Technology, Government of India",
        "Indian Space Research Organisation",
        "Defence Research and Development Organisation",
        "Council of Scientific and Industrial Research",
    ),
    "ID": ("National Research and Innovation Agency",),
    "TH": (
        "National Science and Technology Development Agency",
        "Thailand Institute of Scientific and Technological Research",
    ),
    "VN": ("Vietnam Academy of Science and Technology", "Ministry of Science and Technology"),
    "MY": ("MIMOS Berhad", "Malaysian Nuclear Agency"),
    "PH": ("Department of Science and Technology (Philippines)",),
    "MN": ("Mongolian Academy of Sciences", "Ministry of Education and Science of Mongolia"),
    "LK": ("National Science Foundation of Sri Lanka", "Sri Lanka Institute of Nanotechnology"),
    "BD": (
        "Bangladesh Council of Scientific and Industrial Research",
        "Bangladesh Atomic Energy Commission",
    ),
    "MM": ("Ministry of Education (Myanmar)",),
    "NP": ("Nepal Academy of Science and Technology", "Nepal Electricity Authority"),
    "KH": ("Ministry of Industry, Science, Technology and Innovation",),
    "UZ": ("Academy of Sciences of Uzbekistan",),
    "LA": ("Ministry of Education and Sports (Laos)",),
    "KE": (
        "Kenya Agricultural and Livestock Research Organization",
        "Kenya Medical Research Institute",
    ),
    "EG": ("Academy of Scientific Research and Technology", "National Research Centre (Egypt)"),
    "NG": ("Nigerian Institute of Medical Research",),
    "BR": ("Embrapa", "National Council for Scientific and Technological Development (CNPq)"),
}

# Where alumni went for a postdoc outside both their country and Japan.
ABROAD: tuple[tuple[str, str], ...] = (
    ("National University of Singapore", "SG"),
    ("Technical University of Munich", "DE"),
    ("University of Cambridge", "GB"),
    ("Seoul National University", "KR"),
    ("University of Melbourne", "AU"),
    ("University of California, Berkeley", "US"),
    ("ETH Zurich", "CH"),
    ("University of Toronto", "CA"),
)

# Job titles by research cluster: (first jobs, later jobs).
INDUSTRY_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "materials": (
        ("Materials engineer", "Process engineer", "R&D engineer"),
        ("Senior materials engineer", "R&D manager"),
    ),
    "ai": (
        ("Software engineer", "Data scientist", "Machine learning engineer"),
        ("Senior software engineer", "Lead data scientist", "Engineering manager"),
    ),
    "bio": (
        ("Research scientist", "Clinical research associate", "Quality control analyst"),
        ("Senior research scientist", "Research manager"),
    ),
    "energy": (
        ("Energy engineer", "Project engineer", "Research engineer"),
        ("Senior project engineer", "Energy systems manager"),
    ),
    "earth": (
        ("Civil engineer", "Environmental consultant", "Structural engineer"),
        ("Senior civil engineer", "Project manager"),
    ),
    "physics": (
        ("Research engineer", "Optical engineer", "Data scientist"),
        ("Senior research engineer", "R&D manager"),
    ),
    "social": (
        ("Policy analyst", "Programme officer", "Consultant"),
        ("Senior consultant", "Programme manager"),
    ),
}

GOVERNMENT_TITLES = ("Science officer", "Research officer", "Programme manager", "Deputy director")
FACULTY_RANKS = ("Lecturer", "Assistant professor", "Associate professor", "Professor")
