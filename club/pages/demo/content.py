"""Demo content for the public site, from JST's own pages about the programme.

Each entry carries its English and Japanese text; seed_demo writes the English
tree and then its Japanese translation.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

HOME = {
    "en": {
        "title": "Sakura Science Club",
        "hero_title": "Stay connected to Japan's science community",
        "hero_intro": (
            "Since 2014 the Sakura Science Exchange Program has invited about 43,000 young people"
            " from Asia, India, Africa and beyond to experience Japanese science. The club keeps"
            " them together: reunions, careers, and the road back to Japan."
        ),
        "hero_cta_label": "Explore the programmes",
    },
    "ja": {
        "title": "さくらサイエンスクラブ",
        "hero_title": "日本の科学技術コミュニティとつながり続ける",
        "hero_intro": (
            "さくらサイエンスプログラムは2014年から、アジア・インド・アフリカをはじめとする"
            "約43,000人の若者を日本に招へいしてきました。クラブは同窓会、キャリア、"
            "そして再来日への道を通じて、その仲間をつなぎます。"
        ),
        "hero_cta_label": "プログラムを見る",
    },
}

KEY_FIGURES = [
    ("43,000", "young people invited by 2024", "2024年までの招へい者数(約)"),
    ("34,661", "invited through open-application courses", "一般公募による招へい者数"),
    ("7,991", "invited directly by JST", "JST直接招へいによる招へい者数"),
    ("3,000", "came back to Japan as students or researchers", "留学生・研究者として再来日(約)"),
    ("99%", "like Japan more than before their visit", "「来日前よりも日本が好きになった」"),
]

SECTIONS = {
    "programmes": {
        "en": (
            "Programmes",
            "Every way the Sakura Science Exchange Program brings young people to Japan.",
        ),
        "ja": ("プログラム", "さくらサイエンスプログラムで日本を訪れる、すべての方法。"),
    },
    "news": {
        "en": ("News", "Activity reports from chapters, host institutions and JST."),
        "ja": ("ニュース", "各支部、受入れ機関、JSTからの活動レポート。"),
    },
    "events": {
        "en": ("Reunions", "Alumni meetings organised by the club's regional chapters."),
        "ja": ("同窓会", "各地域支部が開催する同窓会・交流会。"),
    },
}

ABOUT = {
    "slug": "about",
    "en": {
        "title": "About the club",
        "intro": (
            "The Sakura Science Club is the alumni network of the Sakura Science Exchange"
            " Program, with about 43,000 members."
        ),
        "paragraphs": [
            "The club gives its members information that helps them remain a bridge between"
            " Japan and their home countries, and runs alumni meetings around the world."
            " Members also connect with each other freely.",
            "The programme aims to train and secure talented people who can contribute to"
            " science, technology and innovation, to promote the international circulation of"
            " talent, and to strengthen lasting ties between institutions in Japan and abroad.",
        ],
        "quote": (
            "Without the Sakura Science Program I would probably never have visited Japan,"
            " let alone worked here.",
            "Vipul Nath Jindal, India, President of Next Bharat Ventures IFSC",
        ),
    },
    "ja": {
        "title": "クラブについて",
        "intro": "さくらサイエンスクラブは、さくらサイエンスプログラムの同窓会ネットワークです。会員数は約43,000人です。",
        "paragraphs": [
            "クラブメンバーが継続的に日本と母国の架け橋となり活躍できるよう、役立つ情報を提供し、"
            "各地で同窓会を実施しています。メンバー同士もSNSでつながり、自由に交流しています。",
            "本プログラムは、科学技術イノベーションに貢献しうる優秀な人材の養成・確保、国際的頭脳循環の促進、"
            "日本と諸外国・地域の教育研究機関間の継続的な連携の強化を目的としています。",
        ],
        "quote": (
            "もしSSPがなかったら、おそらく日本を訪れることも、日本で働くこともなかったでしょう。",
            "ジンダル・ナット・ヴィプールさん(インド出身)ネクストバーラベンチャーズIFSC社長",
        ),
    },
}

PROGRAMMES = [
    {
        "slug": "course-a",
        "programme": "A",
        "en": {
            "title": "Course A: Science and technology experience",
            "summary": "First-hand contact with Japan's advanced science and technology, and"
            " exchange with Japanese researchers and students.",
            "duration": "Up to 7 days",
            "group_size": "Up to 10 people from one institution, 15 from several"
            " (chaperones not counted)",
            "eligibility": "High school, technical college, undergraduate and graduate students,"
            " postdocs and teachers aged 40 or under, on their first visit to Japan",
        },
        "ja": {
            "title": "Aコース:科学技術体験コース",
            "summary": "日本の先端的な科学技術に触れる機会と、日本の研究者・学生との交流体験。",
            "duration": "原則7日間まで",
            "group_size": "単一機関から10人、複数機関から15人まで(引率者は含まず)",
            "eligibility": "40歳以下の高校生、高等専門学校生、大学生、大学院生、ポストドクター、教員など(初来日者)",
        },
    },
    {
        "slug": "course-b",
        "programme": "B",
        "en": {
            "title": "Course B: Joint research",
            "summary": "Planning international joint research, preliminary experiments, or"
            " taking part in concrete joint research.",
            "duration": "Up to 21 days",
            "group_size": "Up to 10 people (chaperones not counted)",
            "eligibility": "Students, researchers and science professionals aged 40 or under",
        },
        "ja": {
            "title": "Bコース:共同研究活動コース",
            "summary": "国際共同研究のテーマや計画の策定、予備的な実験など、共同研究を開始・参加する活動。",
            "duration": "21日間まで",
            "group_size": "原則10人まで(引率者は含まず)",
            "eligibility": "40歳以下の学生、研究者、科学技術に関わる業務の方",
        },
    },
    {
        "slug": "course-c",
        "programme": "C",
        "en": {
            "title": "Course C: Science and technology training",
            "summary": "Acquiring specific skills in technology that meets the sending country's"
            " needs or helps solve global challenges.",
            "duration": "Up to 10 days",
            "group_size": "10 from one institution, 15 from several in one country, 25 from"
            " several countries (chaperones not counted)",
            "eligibility": "Students, researchers and science professionals aged 40 or under",
        },
        "ja": {
            "title": "Cコース:科学技術研修コース",
            "summary": "送出し国・地域のニーズや地球規模課題の解決に資する、具体的な技術・能力の習得。",
            "duration": "10日間まで",
            "group_size": "単一機関10人、同一国の複数機関15人、複数国25人まで(引率者は含まず)",
            "eligibility": "40歳以下の学生、研究者、科学技術に関わる業務の方",
        },
    },
    {
        "slug": "course-d",
        "programme": "D",
        "en": {
            "title": "Course D: Year-round complementary exchange",
            "summary": "Two-way exchange between young people of India or Africa and Japan,"
            " combining visits in both directions with online work.",
            "duration": "Year-round: visits of up to 3 months per person, up to one year with"
            " online exchange",
            "group_size": "",
            "eligibility": "Technical college, undergraduate and graduate students, postdocs and"
            " teachers aged 40 or under from India and African countries",
        },
        "ja": {
            "title": "Dコース:相補的年間交流コース",
            "summary": "インド・アフリカの青少年と日本の青少年の相互交流(派遣・招へい)。",
            "duration": "通年:派遣・招へいは各最長3ヶ月/人、オンラインと組み合わせて最長1年間",
            "group_size": "",
            "eligibility": "インド・アフリカ諸国の40歳以下の高等専門学校生、大学生、大学院生、ポストドクター、教員など",
        },
    },
    {
        "slug": "high-school-program",
        "programme": "HSP",
        "en": {
            "title": "SAKURA SCIENCE High School Program",
            "summary": "Outstanding high school students spend a week in Japan: special classes"
            " by leading scientists including Nobel laureates, visits to universities and"
            " research institutes, and exchange with Japanese high school students. In its first"
            " six years, 49 courses brought 5,539 students to Japan.",
            "duration": "About one week",
            "group_size": "",
            "eligibility": "High school students and their supervisors, mainly from Asia",
        },
        "ja": {
            "title": "さくらサイエンス・ハイスクールプログラム",
            "summary": "海外の優秀な高校生が1週間来日し、ノーベル賞受賞者などによる特別授業、"
            "大学・研究機関の訪問、日本の高校生との交流を体験します。最初の6年間で49コース、5,539人が来日しました。",
            "duration": "約1週間",
            "group_size": "",
            "eligibility": "主にアジアの高校生と引率者",
        },
    },
    {
        "slug": "officer-invitation",
        "programme": "OFFICERS",
        "en": {
            "title": "Officer invitation programmes",
            "summary": "Science administrators and university officers from China, ASEAN and"
            " India learn about Japanese science and technology policy. In fiscal 2019, 153"
            " Chinese officials took part; 26 ASEAN young officers came in November 2018; 30"
            " Indian researchers and administrators from 19 universities came in January 2019.",
            "duration": "About one week",
            "group_size": "",
            "eligibility": "Government and university officers involved in science and technology",
        },
        "ja": {
            "title": "科学技術関係者招へいプログラム",
            "summary": "中国・ASEAN・インドの科学技術行政官や大学関係者が、日本の科学技術行政などへの理解を深めます。"
            "2019年度には中国から153人、2018年11月にASEANから26人、2019年1月にインドの19大学から30人を招へいしました。",
            "duration": "約1週間",
            "group_size": "",
            "eligibility": "科学技術に関わる行政官・大学関係者",
        },
    },
    {
        "slug": "lotus",
        "programme": "LOTUS",
        "en": {
            "title": "LOTUS Programme",
            "summary": "India-Japan Circulation of Talented Youths in Science: Indian graduate"
            " students and postdocs do joint research in Japan under co-supervision, as a step"
            " towards a career in Japan.",
            "duration": "Up to one year",
            "group_size": "",
            "eligibility": "Master's and doctoral students and postdocs at Indian universities",
        },
        "ja": {
            "title": "インド若手科学頭脳循環プログラム(LOTUS)",
            "summary": "日印の大学・研究機関の共同研究を通じ、インドの優秀な若手研究人材を招へいし、日印の教員が共同で指導します。",
            "duration": "最長1年",
            "group_size": "",
            "eligibility": "インドの大学に所属する修士・博士課程学生、ポストドクター",
        },
    },
    {
        "slug": "y-tec",
        "programme": "YTEC",
        "en": {
            "title": "NEXUS Y-tec youth exchange",
            "summary": "Two-way exchange of young people between ASEAN countries and Japan,"
            " building sustainable research partnerships.",
            "duration": "Up to one year; visits of up to 3 months each way",
            "group_size": "",
            "eligibility": "Young people aged 40 or under, including high school students;"
            " teachers and researchers",
        },
        "ja": {
            "title": "NEXUS 若手人材交流プログラム(Y-tec)",
            "summary": "ASEAN諸国と日本の青少年の派遣・招へいによる相互交流を支援し、持続可能な研究協力関係を強化します。",
            "duration": "最長1年(派遣・招へいは各最長3ヶ月/人)",
            "group_size": "",
            "eligibility": "高校生を含む40歳以下の青少年、教職員、研究者",
        },
    },
]

CHAPTERS = [
    ("india", "India chapter", "インド支部", "IN"),
    ("thailand", "Thailand chapter", "タイ支部", "TH"),
    ("sri-lanka", "Sri Lanka chapter", "スリランカ支部", "LK"),
    ("indonesia", "Indonesia chapter", "インドネシア支部", "ID"),
    ("vietnam", "Vietnam chapter", "ベトナム支部", "VN"),
    ("malaysia", "Malaysia chapter", "マレーシア支部", "MY"),
    ("philippines", "Philippines chapter", "フィリピン支部", "PH"),
    ("mongolia", "Mongolia chapter", "モンゴル支部", "MN"),
]

NEWS = [
    {
        "slug": "sixth-india-alumni-meeting",
        "date": date(2025, 1, 25),
        "chapter": "india",
        "tags": ["India", "Alumni meeting"],
        "en": (
            "The 6th India alumni meeting in New Delhi",
            "Alumni from across India met in New Delhi for the sixth annual meeting of the"
            " India chapter, with talks from members now working in Japan.",
        ),
        "ja": (
            "第6回インド同窓会をニューデリーで開催",
            "インド各地の同窓生がニューデリーに集まり、インド支部の第6回同窓会を開催しました。"
            "日本で活躍するメンバーによる講演も行われました。",
        ),
    },
    {
        "slug": "third-japan-india-university-forum",
        "date": date(2024, 10, 19),
        "chapter": "india",
        "tags": ["India", "Forum"],
        "en": (
            "Third Japan-India University Forum held in New Delhi",
            "33 Indian universities and 28 Japanese universities and research institutes"
            " discussed how to promote the circulation of talent between India and Japan.",
        ),
        "ja": (
            "第三回日印大学等フォーラムをニューデリーで開催",
            "インド側33大学、日本側28大学・研究機関が参加し、日印頭脳循環の促進とその人材の活用について議論しました。",
        ),
    },
    {
        "slug": "fourth-japan-india-university-forum",
        "date": date(2025, 11, 15),
        "chapter": "india",
        "tags": ["India", "Forum"],
        "en": (
            "Fourth Japan-India University Forum at IIT Hyderabad",
            "The fourth forum of Japanese and Indian university leaders met at the Indian"
            " Institute of Technology Hyderabad.",
        ),
        "ja": (
            "第四回日印大学等フォーラムをIITハイデラバード校で開催",
            "日印のトップ大学の学長等による第四回フォーラムがインド工科大学ハイデラバード校で開催されました。",
        ),
    },
    {
        "slug": "japan-africa-university-conference-2023",
        "date": date(2023, 5, 31),
        "chapter": None,
        "tags": ["Africa", "Forum"],
        "en": (
            "Japan-Africa University Exchange Conference 2023 in Tokyo",
            "Nine universities from Egypt, Ghana, Kenya, Nigeria, South Africa and Zambia met"
            " 18 Japanese universities and two institutions in Tokyo.",
        ),
        "ja": (
            "日本・アフリカ大学交流会議2023を東京で開催",
            "エジプト、ガーナ、ケニア、ナイジェリア、南アフリカ、ザンビアの9大学と日本側18大学・2機関が参加しました。",
        ),
    },
    {
        "slug": "second-asia-university-forum",
        "date": date(2025, 2, 17),
        "chapter": None,
        "tags": ["Asia", "Forum"],
        "en": (
            "Second Asia University Forum in Tokyo",
            "Thirty presidents of leading universities from Japan, China and ASEAN discussed"
            " brain circulation and innovation in Asia.",
        ),
        "ja": (
            "第二回アジア大学フォーラムを東京で開催",
            "日本・中国・ASEAN諸国の有力大学の学長等30名が、アジアにおける頭脳循環とイノベーションの促進について議論しました。",
        ),
    },
    {
        "slug": "amano-lecture-okazaki",
        "date": date(2024, 6, 14),
        "chapter": None,
        "tags": ["High School Program", "Nobel laureates"],
        "en": (
            "Nobel laureate Hiroshi Amano lectures High School Program participants",
            "Participants of the SAKURA SCIENCE High School Program heard Dr. Hiroshi Amano at"
            " Aichi Prefectural Okazaki High School, then studied low-temperature plasma"
            " science at Nagoya University.",
        ),
        "ja": (
            "ノーベル賞受賞者・天野浩先生がハイスクールプログラム参加者に講演",
            "愛知県立岡崎高等学校で天野浩先生の講演を聴き、名古屋大学で低温プラズマ科学を学びました。",
        ),
    },
    {
        "slug": "course-b-malaysia-genetics",
        "date": date(2024, 9, 20),
        "chapter": "malaysia",
        "tags": ["Course B", "Biology"],
        "en": (
            "Malaysian students study biodiversity resources at the National Institute of Genetics",
            "Under Course B, university students from Malaysia learned biodiversity resource"
            " management in the genomic era and laid the foundations of joint research.",
        ),
        "ja": (
            "マレーシアの大学生が国立遺伝学研究所で生物多様性資源管理を学ぶ",
            "Bコースでマレーシアの大学生がゲノム情報時代の生物多様性資源管理を学び、共同研究の礎を築きました。",
        ),
    },
    {
        "slug": "course-a-india-toyama",
        "date": date(2024, 9, 10),
        "chapter": "india",
        "tags": ["Course A", "Chemistry"],
        "en": (
            "Indian students try advanced chemistry at NIT Toyama College",
            "Under Course A, university students from India carried out cutting-edge chemistry"
            " experiments at the National Institute of Technology, Toyama College.",
        ),
        "ja": (
            "インドの大学生が富山高等専門学校で最先端の化学実験を体験",
            "Aコースでインドの大学生が富山高等専門学校にて最先端の化学実験を体験しました。",
        ),
    },
    {
        "slug": "course-c-uec-medical-engineering",
        "date": date(2024, 9, 26),
        "chapter": "india",
        "tags": ["Course C", "Medical engineering"],
        "en": (
            "Medical engineering training at the University of Electro-Communications",
            "Under Course C, participants from India gained new perspectives on healthcare"
            " challenges through training in Japanese medical engineering.",
        ),
        "ja": (
            "電気通信大学で医工技術の研修",
            "Cコースで日本の医工技術の研修を通じ、インドの医療課題解決に向けた新たな視点を得ました。",
        ),
    },
    {
        "slug": "course-d-kyushu-crop-monitoring",
        "date": date(2025, 2, 28),
        "chapter": None,
        "tags": ["Course D", "Africa", "Agriculture"],
        "en": (
            "Japan, Kenya and Egypt build crop-monitoring technology at Kyushu University",
            "A Course D year-round exchange brought researchers from Kenya and Egypt to"
            " Kyushu University to develop crop-monitoring technology.",
        ),
        "ja": (
            "九州大学で日本・ケニア・エジプトが農作物監視技術を共同開発",
            "Dコースの通年交流で、ケニアとエジプトの研究者が九州大学で農作物の監視技術の確立に取り組みました。",
        ),
    },
    {
        "slug": "lotus-kek-superkekb",
        "date": date(2025, 4, 15),
        "chapter": "india",
        "tags": ["LOTUS", "Physics"],
        "en": (
            "LOTUS: an IIT Hyderabad graduate student at KEK's SuperKEKB",
            "A graduate student from IIT Hyderabad ran particle physics experiments on the"
            " SuperKEKB accelerator at the High Energy Accelerator Research Organization.",
        ),
        "ja": (
            "LOTUS:IITハイデラバード校の大学院生が高エネルギー加速器研究機構で実験",
            "IITハイデラバード校の大学院生がSuperKEKB加速器で素粒子物理学実験を行いました。",
        ),
    },
    {
        "slug": "ytec-ukm-riken",
        "date": date(2025, 5, 22),
        "chapter": "malaysia",
        "tags": ["Y-tec", "Materials"],
        "en": (
            "Y-tec: young researchers from the National University of Malaysia at RIKEN",
            "Young researchers from Universiti Kebangsaan Malaysia discussed research on"
            " thermal energy storage materials at RIKEN.",
        ),
        "ja": (
            "Y-tec:マレーシア国民大学の若手研究者が理化学研究所を訪問",
            "マレーシア国民大学の若手研究者が、循環型蓄熱エネルギー材料の創出に向けた研究協力について議論しました。",
        ),
    },
]

_TOKYO = ZoneInfo("Asia/Tokyo")
_DELHI = ZoneInfo("Asia/Kolkata")
_BANGKOK = ZoneInfo("Asia/Bangkok")

EVENTS = [
    {
        "slug": "seventh-india-alumni-meeting",
        "chapter": "india",
        "time_zone": "Asia/Kolkata",
        "start": datetime(2027, 1, 23, 10, 0, tzinfo=_DELHI),
        "end": datetime(2027, 1, 23, 17, 0, tzinfo=_DELHI),
        "en": (
            "7th India alumni meeting",
            "The India chapter's annual meeting, with talks,"
            " a careers panel and a longer live Q&A.",
            "India Habitat Centre, New Delhi",
            "Lodhi Road, New Delhi 110003, India",
        ),
        "ja": (
            "第7回インド同窓会",
            "インド支部の年次同窓会。講演、キャリアパネル、そして拡大版のライブQ&A。",
            "インド・ハビタット・センター(ニューデリー)",
            "Lodhi Road, New Delhi 110003, India",
        ),
    },
    {
        "slug": "thailand-reunion-bangkok-2027",
        "chapter": "thailand",
        "time_zone": "Asia/Bangkok",
        "start": datetime(2027, 2, 13, 13, 0, tzinfo=_BANGKOK),
        "end": datetime(2027, 2, 13, 18, 0, tzinfo=_BANGKOK),
        "en": (
            "Thailand chapter reunion in Bangkok",
            "Alumni in Thailand meet to share research and plan visits to Japanese host labs.",
            "Chulalongkorn University, Bangkok",
            "254 Phaya Thai Road, Pathum Wan, Bangkok 10330, Thailand",
        ),
        "ja": (
            "タイ支部同窓会(バンコク)",
            "タイの同窓生が研究を共有し、日本の受入れ研究室への訪問を計画します。",
            "チュラロンコン大学(バンコク)",
            "254 Phaya Thai Road, Pathum Wan, Bangkok 10330, Thailand",
        ),
    },
    {
        "slug": "sixth-india-alumni-meeting-2025",
        "chapter": "india",
        "time_zone": "Asia/Kolkata",
        "start": datetime(2025, 1, 25, 10, 0, tzinfo=_DELHI),
        "end": datetime(2025, 1, 25, 17, 0, tzinfo=_DELHI),
        "en": (
            "6th India alumni meeting",
            "The India chapter's sixth annual meeting in New Delhi.",
            "New Delhi",
            "",
        ),
        "ja": (
            "第6回インド同窓会",
            "インド支部の第6回年次同窓会(ニューデリー)。",
            "ニューデリー",
            "",
        ),
    },
    {
        "slug": "tokyo-returnees-evening",
        "chapter": None,
        "time_zone": "Asia/Tokyo",
        "start": datetime(2026, 12, 12, 18, 0, tzinfo=_TOKYO),
        "end": datetime(2026, 12, 12, 20, 30, tzinfo=_TOKYO),
        "en": (
            "Year-end evening for alumni in Japan",
            "Alumni now studying or working in Japan meet JST staff and each other.",
            "Science Plaza, Tokyo",
            "5-3 Yonbancho, Chiyoda-ku, Tokyo 102-8666",
        ),
        "ja": (
            "在日同窓生の年末交流会",
            "日本で学び、働く同窓生がJST職員や仲間と交流します。",
            "サイエンスプラザ(東京)",
            "東京都千代田区四番町5-3",
        ),
    },
]
