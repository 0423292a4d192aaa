"""Demo content for the public site, from JST's own pages about the programme.

Each entry carries its English and Japanese text; seed_demo writes the English
tree and then its Japanese translation.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict
from zoneinfo import ZoneInfo


class AboutText(TypedDict):
    """The about page in one language."""

    title: str
    intro: str
    paragraphs: list[str]
    quote: tuple[str, str]


class AboutEntry(TypedDict):
    slug: str
    en: AboutText
    ja: AboutText


class ProgrammeEntry(TypedDict):
    """One programme page; ``en`` and ``ja`` hold its page fields."""

    slug: str
    programme: str
    en: dict[str, str]
    ja: dict[str, str]


class NewsEntry(TypedDict):
    """One news item: (title, intro) and body paragraphs per language."""

    slug: str
    date: date
    chapter: str | None
    tags: list[str]
    en: tuple[str, str]
    ja: tuple[str, str]
    body: dict[str, list[str]]


class EventEntry(TypedDict):
    """One event: (title, summary, venue, address) per language."""

    slug: str
    chapter: str | None
    time_zone: str
    start: datetime
    end: datetime
    en: tuple[str, str, str, str]
    ja: tuple[str, str, str, str]


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

ABOUT: AboutEntry = {
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

PROGRAMMES: list[ProgrammeEntry] = [
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

NEWS: list[NewsEntry] = [
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
        "body": {
            "en": [
                "The India chapter of the Sakura Science Club held its sixth alumni meeting in New"
                " Delhi in January 2025. Former participants of the Sakura Science Exchange Program"
                " came from universities, research institutes and companies across India to renew"
                " the contacts they made during their stays in Japan.",
                "Members who have since returned to Japan as students, researchers or employees"
                " described how a short visit led to a longer career there, and answered questions"
                " about applying to Japanese graduate schools and laboratories. Across the"
                " programme, about 3,000 former participants have come back to Japan in this way.",
                "The club runs alumni meetings around the world so that its members, now about"
                " 43,000, can remain a bridge between Japan and their home countries. The India"
                " chapter's seventh meeting is planned for January 2027.",
            ],
            "ja": [
                "さくらサイエンスクラブのインド支部は、2025年1月にニューデリーで第6回同窓会を開催しました。"
                "インド各地の大学や研究機関、企業から、さくらサイエンスプログラムの元参加者が集まり、"
                "日本滞在中に築いたつながりを改めて確かめ合いました。",
                "講演では、その後留学生や研究者、社会人として再来日したメンバーが、短期の招へいが日本でのキャリアにどうつながったかを語り、"
                "日本の大学院や研究室への応募についての質問にも答えました。"
                "プログラム全体では、これまでに約3,000人の元参加者が留学生・研究者などとして再来日しています。",
                "クラブは、約43,000人の会員が日本と母国の架け橋として活躍し続けられるよう、世界各地で同窓会を開いています。"
                "インド支部の第7回同窓会は2027年1月に開催する予定です。",
            ],
        },
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
        "body": {
            "en": [
                "The third Japan-India University Forum was held in New Delhi on 19 October 2024"
                " under the theme “Promoting Japan-India brain circulation and making use of that"
                " talent”. It brought together 33 Indian universities and 28 Japanese universities"
                " and research institutes, as well as six related organisations and five companies.",
                "Participants shared the progress of their brain-circulation initiatives and examples"
                " of good practice, and examined the issues to be solved if exchange is to grow."
                " Companies expanding into India or keen to employ Indian talent joined a detailed"
                " discussion of industry-academia-government collaboration between the two"
                " countries, and institutions also met one to one to work towards concrete"
                " partnerships.",
                "JST has held the forum since January 2023 to build a basis for closer cooperation"
                " between Japan and India in science and technology. The first two meetings took"
                " place in Tokyo and Kyoto; the fourth is planned at the Indian Institute of"
                " Technology Hyderabad in November 2025.",
            ],
            "ja": [
                "2024年10月19日、インド・ニューデリーで第三回日印大学等フォーラムを開催しました。"
                "テーマは「日印頭脳循環の促進とその人材の活用」です。"
                "インド側33大学、日本側28大学・研究機関に加え、6つの関係機関と5社の企業が参加しました。",
                "フォーラムでは、日印頭脳循環に関する各機関の取り組みの状況や先進事例を共有し、今後交流を拡大するために解決すべき課題を検討しました。"
                "インドへの進出やインドからの人材の雇用に意欲のある企業も加わり、日印間の産学官連携の促進について踏み込んだ議論が交わされたほか、"
                "具体的な協力関係の構築に向けて、各機関が個別に意見交換を行いました。",
                "本フォーラムは、科学技術分野における日印協力を一層促進するための交流基盤の形成を目的として、2023年1月から開催しています。"
                "第一回は東京、第二回は京都で開かれました。第四回は2025年11月にインド工科大学(IIT)ハイデラバード校で開催する予定です。",
            ],
        },
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
        "body": {
            "en": [
                "Presidents and other leaders of Japanese and Indian universities and research"
                " institutes met on 15 November 2025 at the Indian Institute of Technology"
                " Hyderabad for the fourth Japan-India University Forum. It was the second meeting"
                " of the forum in India, after the third forum in New Delhi in October 2024.",
                "The forum carried forward the discussion of the previous meeting on brain"
                " circulation between Japan and India and on how institutions in both countries can"
                " make use of that talent, and gave participants time to talk individually about"
                " new partnerships.",
                "The forum is one of JST's strategic exchanges with India, alongside the Sakura"
                " Science Exchange Program and the LOTUS Programme, which supports Indian master's"
                " and doctoral students and postdocs in joint research stays of up to a year in"
                " Japan.",
            ],
            "ja": [
                "2025年11月15日、日印の大学・研究機関の学長等が集まる第四回日印大学等フォーラムが、インド工科大学(IIT)ハイデラバード校で開催されました。"
                "インドでの開催は、2024年10月にニューデリーで開かれた第三回に続き2回目です。",
                "フォーラムでは、前回に引き続き日印間の頭脳循環の促進とその人材の活用について意見が交わされ、"
                "新たな連携に向けて参加機関同士が個別に話し合う時間も設けられました。",
                "本フォーラムは、さくらサイエンスプログラムや、インドの修士・博士課程学生やポストドクターの最長1年の研究滞在を支援するLOTUSプログラムとともに、"
                "JSTがインドとの間で戦略的に進める交流の一つです。",
            ],
        },
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
        "body": {
            "en": [
                "JST held the Japan-Africa University Exchange Conference 2023 in Tokyo on 31 May"
                " 2023. Nine universities from Egypt, Ghana, Kenya, Nigeria, South Africa and Zambia"
                " took part, together with 18 Japanese universities and two other institutions.",
                "The conference aims to promote partnerships between universities in Japan and in"
                " African countries and to stimulate the exchange of people between them. Through"
                " presentations and informal discussion, participants introduced the characteristics"
                " and strengths of their institutions and shared their views on the current state of"
                " exchange between Japan and Africa and what they expect from it in the future.",
                "It followed an online conference held in August 2022 as an official side event of"
                " the Eighth Tokyo International Conference on African Development (TICAD 8), which"
                " drew 263 participants from 44 countries and regions, 36 of them in Africa.",
            ],
            "ja": [
                "JSTは2023年5月31日、東京で「日本・アフリカ大学交流会議2023」を開催しました。"
                "アフリカからはエジプト、ガーナ、ケニア、ナイジェリア、南アフリカ、ザンビアの9大学が、日本からは18大学と2機関が参加しました。",
                "この会議は、日本とアフリカ諸国の大学間連携を促進し、人材交流を活性化することを目的としています。"
                "参加者は意見交換や歓談を通じて、各機関の特徴や強み、日本とアフリカの国際交流の現状、そして将来への期待や展望を共有しました。",
                "前回は2022年8月に、第8回アフリカ開発会議(TICAD8)の公式サイドイベントとしてオンラインで開催し、"
                "アフリカ36カ国・地域を含む44カ国・地域から263名が参加しました。",
            ],
        },
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
        "body": {
            "en": [
                "The second Asia University Forum was held in Tokyo on 17 February 2025 on the theme"
                " “Promoting brain circulation and innovation in Asia”. Thirty presidents and other"
                " leaders of leading universities took part: 11 from Japan, 10 from China and nine"
                " from ASEAN countries.",
                "After a keynote lecture, participants held a round-table discussion in which they"
                " shared their universities' varied and forward-looking initiatives. The forum aims"
                " to strengthen academic collaboration across Asia and to develop the international"
                " circulation of talent in the region.",
                "The forum grew out of the Japan-China University Fair & Forum, held 16 times between"
                " 2010 and 2022. Its first meeting took place in Hong Kong in January 2024 with 27"
                " university leaders; the third is planned in China in January 2026.",
            ],
            "ja": [
                "2025年2月17日、第二回アジア大学フォーラムを東京で開催しました。テーマは「アジアにおける頭脳循環及びイノベーションの促進」です。"
                "日本11名、中国10名、ASEAN諸国9名の計30名の有力大学の学長等が参加しました。",
                "基調講演に続く円卓会議では、各大学の多様で先進的な取り組み事例が紹介されました。"
                "本フォーラムは、アジア地域全体の学術的な連携を強化し、国際的な頭脳循環の発展を目指すものです。",
                "アジア大学フォーラムは、2010年から2022年まで16回にわたり開催された「日中大学フェア&フォーラム」を拡大・発展させたものです。"
                "第一回は2024年1月に香港で開かれ、27名の学長等が参加しました。第三回は2026年1月に中国で開催する予定です。",
            ],
        },
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
        "body": {
            "en": [
                "In June 2024, high school students taking part in the SAKURA SCIENCE High School"
                " Program attended a lecture by Dr. Hiroshi Amano, winner of the 2014 Nobel Prize in"
                " Physics, at Aichi Prefectural Okazaki High School.",
                "The group then went on to Nagoya University, where they were introduced to"
                " low-temperature plasma science and saw how the field connects fundamental"
                " research with applications.",
                "The High School Program is run by JST itself: outstanding high school students and"
                " their supervisors, mainly from Asia, spend about a week in Japan attending special"
                " classes by leading scientists, visiting universities and research institutes and"
                " meeting Japanese high school students. In the programme's first six years, 90% or"
                " more of participants said afterwards that they would like to visit Japan again.",
            ],
            "ja": [
                "2024年6月、さくらサイエンス・ハイスクールプログラムに参加した高校生が、愛知県立岡崎高等学校で、"
                "2014年にノーベル物理学賞を受賞した天野浩先生の講演を聴きました。",
                "一行はその後名古屋大学を訪れ、低温プラズマ科学について学びながら、基礎研究が応用へとつながっていく様子に触れました。",
                "ハイスクールプログラムは、JSTが自ら受入れ機関となって実施するプログラムです。"
                "主にアジアの優秀な高校生と引率者が約1週間来日し、ノーベル賞受賞者などによる特別授業への参加、"
                "大学・研究機関の訪問、日本の高校生との交流を体験します。"
                "開始から6年間のアンケートでは、9割以上の参加者が「また日本を訪れたい」と回答しています。",
            ],
        },
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
        "body": {
            "en": [
                "In September 2024, university students from Malaysia stayed at the National"
                " Institute of Genetics under Course B of the Sakura Science Exchange Program, the"
                " course for joint research activities.",
                "With the institute's researchers, they studied how biodiversity resources are"
                " collected, preserved and made available now that genome information is part of"
                " everyday biology, and discussed themes the two sides could pursue together.",
                "Course B supports stays of up to 21 days, for up to ten people, to plan"
                " international joint research, carry out preliminary experiments or take part in"
                " joint research. The visit laid the foundations for continuing joint research"
                " between the students' university and the institute.",
            ],
            "ja": [
                "2024年9月、マレーシアの大学生が、さくらサイエンスプログラムのBコース(共同研究活動コース)で国立遺伝学研究所に滞在しました。",
                "学生たちは研究所の研究者とともに、ゲノム情報が当たり前になった時代に生物多様性資源をどのように収集・保存し、"
                "研究に役立てていくのかを学び、今後共同で取り組めるテーマについても話し合いました。",
                "Bコースは、国際共同研究のテーマや計画の策定、予備的な実験など、共同研究を始めたり参加したりする活動を対象とし、"
                "最長21日間、原則10人までの招へいを支援します。今回の滞在は、研究所と学生の所属大学との今後の共同研究の礎となりました。",
            ],
        },
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
        "body": {
            "en": [
                "University students from India visited the National Institute of Technology,"
                " Toyama College, in September 2024 under Course A of the Sakura Science Exchange"
                " Program, and carried out advanced chemistry experiments in its laboratories.",
                "Between experiments they spent time with the college's students and teachers, and"
                " got a first look at how Japan's colleges of technology train engineers through"
                " hands-on work.",
                "Course A, the science and technology experience course, brings young people on"
                " their first visit to Japan for up to seven days to encounter advanced science and"
                " technology and to meet Japanese researchers and students. A host can invite up to"
                " ten people from one institution, or 15 from several.",
            ],
            "ja": [
                "2024年9月、インドの大学生がさくらサイエンスプログラムのAコース(科学技術体験コース)で富山高等専門学校を訪れ、"
                "実験室で最先端の化学実験に取り組みました。",
                "実験の合間には高専の学生や教員と交流し、実践を通じて技術者を育てる日本の高等専門学校の教育にも触れました。",
                "Aコースは、初めて来日する若者が原則7日間まで日本に滞在し、先端的な科学技術に触れながら日本の研究者や学生と交流するコースです。"
                "単一機関からは10人、複数機関からは15人まで招へいできます。",
            ],
        },
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
        "body": {
            "en": [
                "Participants from India took part in a training course in medical engineering at"
                " the University of Electro-Communications in Tokyo in September 2024, under Course"
                " C of the Sakura Science Exchange Program.",
                "The training introduced Japanese technologies at the meeting point of engineering"
                " and medicine, and gave the participants new perspectives on how such technologies"
                " could help address healthcare challenges in India.",
                "Course C offers training of up to ten days in specific skills that meet the needs"
                " of the sending country or help solve global challenges. Up to ten people can come"
                " from one institution, 15 from several institutions in one country, and 25 from"
                " several countries.",
            ],
            "ja": [
                "2024年9月、インドからの参加者が、さくらサイエンスプログラムのCコース(科学技術研修コース)で電気通信大学の医工技術研修に参加しました。",
                "研修では工学と医学が交わる日本の技術を学び、参加者はそれらの技術がインドの医療課題の解決にどう役立つかについて、新たな視点を得ました。",
                "Cコースは、送出し国・地域のニーズや地球規模課題の解決に役立つ具体的な技術・能力を、最長10日間の研修で身につけるコースです。"
                "単一機関からは10人、同じ国・地域の複数機関からは15人、複数の国・地域からは25人まで招へいできます。",
            ],
        },
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
        "body": {
            "en": [
                "From January to March 2025, Kyushu University hosted researchers from Kenya and"
                " Egypt in a joint project to establish crop-monitoring technology and the"
                " technologies on which it is built.",
                "The project is supported under Course D, the year-round complementary exchange"
                " course, which funds two-way exchange between young people of India or African"
                " countries and Japan. Each participant can stay for up to three months, and visits"
                " in both directions can be combined with online work into an exchange of up to a"
                " year.",
                "Unlike Course A, Course D is open to participants whatever their previous"
                " experience of Japan, so partners can build on earlier visits as their joint work"
                " develops.",
            ],
            "ja": [
                "2025年1月から3月にかけて、九州大学がケニアとエジプトの研究者を受け入れ、農作物の監視技術とその基盤技術の確立を目指す共同プロジェクトに取り組みました。",
                "このプロジェクトは、インド・アフリカ諸国と日本の青少年の相互交流(派遣・招へい)を支援するDコース(相補的年間交流コース)によるものです。"
                "派遣・招へいは1人あたり最長3ヶ月で、オンラインでの交流と組み合わせて最長1年間の交流を行うことができます。",
                "Aコースと異なり、Dコースは来日経験を問わないため、これまでの訪問で築いた関係を生かしながら共同研究を深めていくことができます。",
            ],
        },
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
        "body": {
            "en": [
                "In April 2025, a graduate student from the Indian Institute of Technology Hyderabad"
                " carried out particle physics experiments on the SuperKEKB accelerator at the High"
                " Energy Accelerator Research Organization (KEK), as part of the LOTUS Programme.",
                "LOTUS, the India-Japan Circulation of Talented Youths in Science Programme, invites"
                " master's and doctoral students and postdocs from Indian universities for research"
                " stays of up to one year. They work on joint research between Japanese and Indian"
                " universities and research institutes under the joint supervision of faculty in"
                " both countries, with a view to building a career in Japan.",
                "The programme covers fields such as AI and information science, biotechnology,"
                " energy, materials, quantum science, semiconductors and communications, and calls"
                " for proposals about once a year. Its name comes from the lotus, India's national"
                " flower.",
            ],
            "ja": [
                "2025年4月、インド工科大学(IIT)ハイデラバード校の大学院生が、LOTUSプログラムにより高エネルギー加速器研究機構(KEK)に滞在し、"
                "SuperKEKB加速器を使った素粒子物理学実験を行いました。",
                "インド若手科学頭脳循環プログラム(LOTUS)は、日本とインドの大学・研究機関による共同研究を通じて、"
                "インドの大学に所属する修士・博士課程学生やポストドクターを最長1年間招へいするプログラムです。"
                "日印の教員が共同で指導にあたり、参加者自身の日本でのキャリア形成も後押しします。",
                "対象分野はAI・情報、バイオ、エネルギー、マテリアル、量子、半導体、通信などで、公募は年1回程度行われます。"
                "名称の「LOTUS(ハス)」は、インドの国花に由来しています。",
            ],
        },
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
        "body": {
            "en": [
                "In May 2025, young researchers from Universiti Kebangsaan Malaysia (the National"
                " University of Malaysia) visited RIKEN to discuss research cooperation towards new"
                " materials for circular thermal energy storage.",
                "The visit was supported by Y-tec, the youth exchange programme of NEXUS, JST's"
                " initiative for science, technology and innovation cooperation between Japan and"
                " ASEAN countries, launched on the occasion of the 50th Year of ASEAN-Japan"
                " Friendship and Cooperation in 2024. Y-tec supports exchange in both directions:"
                " young people aged 40 or under, including high school students, as well as"
                " teachers and researchers, can spend up to three months in the partner country,"
                " combined with online exchange over up to a year.",
                "In the same month, students from the National University of Laos visited the"
                " Institute of Science Tokyo under Y-tec, where graduate students explained their"
                " experiments with DC circuit breakers.",
            ],
            "ja": [
                "2025年5月、マレーシア国民大学の若手研究者が理化学研究所を訪れ、循環型蓄熱エネルギー材料の創出に向けた研究協力について議論しました。",
                "今回の訪問は、2024年の「日ASEAN友好協力50周年」を機に始まった日ASEAN科学技術・イノベーション協働連携事業(NEXUS)の"
                "若手人材交流プログラム(Y-tec)によるものです。"
                "Y-tecは、高校生を含む40歳以下の青少年や教職員、研究者の派遣・招へいによる相互交流を支援しており、"
                "各最長3ヶ月の滞在とオンラインを組み合わせて、最長1年間の交流を行うことができます。",
                "同じ月には、ラオス国立大学の学生もY-tecで東京科学大学を訪れ、研究室の大学院生から直流電流遮断器を用いた実験について説明を受けました。",
            ],
        },
    },
]

_TOKYO = ZoneInfo("Asia/Tokyo")
_DELHI = ZoneInfo("Asia/Kolkata")
_BANGKOK = ZoneInfo("Asia/Bangkok")

EVENTS: list[EventEntry] = [
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
