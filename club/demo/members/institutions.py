"""Real institutions for the demo: hosts in Japan and sending institutions abroad.

Names, Japanese names and aliases follow the institutions' own usage, so the demo
exercises alias resolution ("IIT Hyderabad" is one facet value). The table reads
``name | name in Japanese | kind | aliases; ... | weight | research clusters``, under
``[COUNTRY role]`` headings; kinds are U(niversity), R(esearch), C(ompany),
G(overnment) and S(chool). An institute with clusters hosts mainly those fields.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = {"U": "university", "R": "research", "C": "company", "G": "government", "S": "school"}

TABLE = """
[JP hosts]
The University of Tokyo | 東京大学 | U | University of Tokyo; UTokyo; Todai | 9
Tohoku University | 東北大学 | U | Tohoku Univ. | 7
Kyoto University | 京都大学 | U | Kyodai | 7
Osaka University | 大阪大学 | U | Handai | 6
Nagoya University | 名古屋大学 | U | Meidai | 5
Kyushu University | 九州大学 | U | Kyudai | 6
Hokkaido University | 北海道大学 | U | Hokudai | 5
University of Tsukuba | 筑波大学 | U | Tsukuba University | 5
Institute of Science Tokyo | 東京科学大学 | U | Tokyo Institute of Technology; Tokyo Tech; Science Tokyo; 東京工業大学 | 6
Keio University | 慶應義塾大学 | U | Keio | 3
Waseda University | 早稲田大学 | U | Waseda | 3
Kobe University | 神戸大学 | U |  | 3
Hiroshima University | 広島大学 | U |  | 3
Okayama University | 岡山大学 | U |  | 2
Kanazawa University | 金沢大学 | U |  | 2
Chiba University | 千葉大学 | U |  | 3
Shinshu University | 信州大学 | U |  | 2
Kumamoto University | 熊本大学 | U |  | 2
Ehime University | 愛媛大学 | U |  | 1.5
Gifu University | 岐阜大学 | U |  | 1.5
Yamaguchi University | 山口大学 | U |  | 1.5
Tokyo University of Agriculture and Technology | 東京農工大学 | U | TUAT | 2
The University of Electro-Communications | 電気通信大学 | U | UEC | 2
Nagaoka University of Technology | 長岡技術科学大学 | U | Nagaoka Univ. of Tech. | 2
Toyohashi University of Technology | 豊橋技術科学大学 | U | TUT | 2
Kyushu Institute of Technology | 九州工業大学 | U | Kyutech | 1.5
Tokyo University of Science | 東京理科大学 | U |  | 2
Shibaura Institute of Technology | 芝浦工業大学 | U | SIT | 2
Ritsumeikan University | 立命館大学 | U |  | 1.5
Tokai University | 東海大学 | U |  | 1
Musashino University | 武蔵野大学 | U |  | 1
Japan Advanced Institute of Science and Technology | 北陸先端科学技術大学院大学 | U | JAIST | 2
Nara Institute of Science and Technology | 奈良先端科学技術大学院大学 | U | NAIST | 2
Okinawa Institute of Science and Technology Graduate University | 沖縄科学技術大学院大学 | U | OIST | 1.5
National Institute of Technology, Toyama College | 富山高等専門学校 | S | NIT Toyama College; Toyama College | 1 | materials energy
RIKEN | 理化学研究所 | R | Institute of Physical and Chemical Research | 4 | physics bio materials ai
National Institute of Advanced Industrial Science and Technology | 産業技術総合研究所 | R | AIST | 3 | materials energy ai
National Institute for Materials Science | 物質・材料研究機構 | R | NIMS | 3 | materials
High Energy Accelerator Research Organization | 高エネルギー加速器研究機構 | R | KEK | 2 | physics
National Institute of Genetics | 国立遺伝学研究所 | R | NIG | 1.5 | bio
National Institute for Basic Biology | 基礎生物学研究所 | R | NIBB | 1 | bio
Kazusa DNA Research Institute | かずさDNA研究所 | R | Kazusa DNA | 1 | bio
Japan Agency for Marine-Earth Science and Technology | 海洋研究開発機構 | R | JAMSTEC | 1.5 | earth
Japan Aerospace Exploration Agency | 宇宙航空研究開発機構 | R | JAXA | 1.5 | physics earth
National Institute for Environmental Studies | 国立環境研究所 | R | NIES | 1 | earth energy
Japan International Research Center for Agricultural Sciences | 国際農林水産業研究センター | R | JIRCAS | 1 | bio
[JP JST]
Japan Science and Technology Agency | 科学技術振興機構 | G | JST | 0
[JP companies]
Toyota Motor Corporation | トヨタ自動車株式会社 | C | Toyota | 3 | materials energy ai
Hitachi, Ltd. | 株式会社日立製作所 | C | Hitachi | 3 | energy ai
Sony Group Corporation | ソニーグループ株式会社 | C | Sony | 2 | ai physics
Panasonic Holdings Corporation | パナソニックホールディングス株式会社 | C | Panasonic | 2 | energy materials
Suzuki Motor Corporation | スズキ株式会社 | C | Suzuki | 2 | materials energy
Fujitsu Limited | 富士通株式会社 | C | Fujitsu | 2 | ai
NEC Corporation | 日本電気株式会社 | C | NEC | 2 | ai
Toshiba Corporation | 株式会社東芝 | C | Toshiba | 1.5 | energy physics
Rakuten Group, Inc. | 楽天グループ株式会社 | C | Rakuten | 2 | ai social
JEOL Ltd. | 日本電子株式会社 | C | JEOL | 1 | materials physics
Shimadzu Corporation | 株式会社島津製作所 | C | Shimadzu | 1 | bio materials
Mitsubishi Electric Corporation | 三菱電機株式会社 | C | Mitsubishi Electric | 1.5 | energy ai
Takeda Pharmaceutical Company Limited | 武田薬品工業株式会社 | C | Takeda | 1.5 | bio
Murata Manufacturing Co., Ltd. | 株式会社村田製作所 | C | Murata | 1 | materials
Denso Corporation | 株式会社デンソー | C | Denso | 1 | materials energy
Kajima Corporation | 鹿島建設株式会社 | C | Kajima | 1 | earth
[CN sending]
Tsinghua University | 清華大学 | U | 清华大学 | 4
Peking University | 北京大学 | U | PKU | 4
Zhejiang University | 浙江大学 | U | ZJU | 4
Fudan University | 復旦大学 | U | 复旦大学 | 3
Shanghai Jiao Tong University | 上海交通大学 | U | SJTU | 3
University of Science and Technology of China | 中国科学技術大学 | U | USTC | 3
Nanjing University | 南京大学 | U |  | 3
Wuhan University | 武漢大学 | U |  | 2
Sun Yat-sen University | 中山大学 | U |  | 2
Harbin Institute of Technology | ハルビン工業大学 | U | HIT | 2
Dalian University of Technology | 大連理工大学 | U | DUT | 2
Jilin University | 吉林大学 | U |  | 2
Sichuan University | 四川大学 | U |  | 2
Tongji University | 同済大学 | U |  | 2
Xi'an Jiaotong University | 西安交通大学 | U | XJTU | 2
Chinese Academy of Sciences | 中国科学院 | R | CAS | 2
[IN sending]
Indian Institute of Technology Hyderabad | インド工科大学ハイデラバード校 | U | IIT Hyderabad; IITH | 4
Indian Institute of Technology Madras | インド工科大学マドラス校 | U | IIT Madras; IITM | 3
Indian Institute of Technology Delhi | インド工科大学デリー校 | U | IIT Delhi; IITD | 3
Indian Institute of Technology Bombay | インド工科大学ボンベイ校 | U | IIT Bombay; IITB | 3
Indian Institute of Technology Kanpur | インド工科大学カーンプル校 | U | IIT Kanpur | 2
Indian Institute of Technology Kharagpur | インド工科大学カラグプル校 | U | IIT Kharagpur | 2
Indian Institute of Technology Guwahati | インド工科大学グワハティ校 | U | IIT Guwahati | 2
Indian Institute of Science Education and Research Pune | インド科学教育研究大学プネー校 | U | IISER Pune | 2
Indian Institute of Science Education and Research Kolkata | インド科学教育研究大学コルカタ校 | U | IISER Kolkata | 1.5
Indian Institute of Science | インド理科大学院 | U | IISc; IISc Bangalore | 2
University of Delhi | デリー大学 | U | Delhi University | 3
Jawaharlal Nehru University | ジャワハルラール・ネルー大学 | U | JNU | 2
Anna University | アンナ大学 | U |  | 2
University of Hyderabad | ハイデラバード大学 | U |  | 1.5
Jadavpur University | ジャダヴプル大学 | U |  | 1.5
National Institute of Technology Tiruchirappalli | インド国立工科大学ティルチラーパッリ校 | U | NIT Trichy | 1.5
Vellore Institute of Technology | ヴェールール工科大学 | U | VIT Vellore | 1.5
[ID sending]
Universitas Indonesia | インドネシア大学 | U | University of Indonesia | 4
Institut Teknologi Bandung | バンドン工科大学 | U | ITB; Bandung Institute of Technology | 4
Universitas Gadjah Mada | ガジャマダ大学 | U | UGM; Gadjah Mada University | 4
IPB University | ボゴール農科大学 | U | Bogor Agricultural University | 2
Institut Teknologi Sepuluh Nopember | スラバヤ工科大学 | U | ITS Surabaya | 2
Universitas Airlangga | アイルランガ大学 | U |  | 1.5
Universitas Brawijaya | ブラウィジャヤ大学 | U |  | 1.5
[TH sending]
Chulalongkorn University | チュラロンコン大学 | U |  | 4
Mahidol University | マヒドン大学 | U |  | 4
Kasetsart University | カセサート大学 | U |  | 3
Chiang Mai University | チェンマイ大学 | U |  | 2
Khon Kaen University | コンケン大学 | U |  | 2
King Mongkut's University of Technology Thonburi | モンクット王工科大学トンブリ校 | U | KMUTT | 2
Prince of Songkla University | ソンクラーナカリン大学 | U | PSU | 1.5
[VN sending]
Vietnam National University, Hanoi | ベトナム国家大学ハノイ校 | U | VNU Hanoi | 4
Hanoi University of Science and Technology | ハノイ工科大学 | U | HUST | 4
Vietnam National University, Ho Chi Minh City | ベトナム国家大学ホーチミン市校 | U | VNU-HCM | 3
Can Tho University | カントー大学 | U |  | 2
Hue University | フエ大学 | U |  | 1.5
The University of Danang | ダナン大学 | U |  | 1.5
[MY sending]
Universiti Kebangsaan Malaysia | マレーシア国民大学 | U | UKM; National University of Malaysia | 3
Universiti Malaya | マラヤ大学 | U | University of Malaya | 3
Universiti Putra Malaysia | マレーシアプトラ大学 | U | UPM | 2
Universiti Teknologi Malaysia | マレーシア工科大学 | U | UTM | 3
Universiti Sains Malaysia | マレーシア科学大学 | U | USM | 2
[PH sending]
University of the Philippines Diliman | フィリピン大学ディリマン校 | U | UP Diliman | 4
University of the Philippines Los Baños | フィリピン大学ロスバニョス校 | U | UPLB | 2
Ateneo de Manila University | アテネオ・デ・マニラ大学 | U |  | 2
De La Salle University | デ・ラ・サール大学 | U | DLSU | 2
University of Santo Tomas | サント・トーマス大学 | U | UST Manila | 1.5
Mindanao State University – Iligan Institute of Technology |  | U | MSU-IIT | 1
[MN sending]
National University of Mongolia | モンゴル国立大学 | U | NUM | 4
Mongolian University of Science and Technology | モンゴル科学技術大学 | U | MUST | 3
Mongolian National University of Medical Sciences | モンゴル国立医科大学 | U | MNUMS | 1.5
Mongolian University of Life Sciences | モンゴル生命科学大学 | U |  | 1
[LK sending]
University of Colombo | コロンボ大学 | U |  | 3
University of Peradeniya | ペラデニヤ大学 | U |  | 3
University of Moratuwa | モラトゥワ大学 | U |  | 3
University of Sri Jayewardenepura | スリジャヤワルダナプラ大学 | U |  | 2
University of Ruhuna | ルフナ大学 | U |  | 1.5
University of Kelaniya | ケラニヤ大学 | U |  | 1.5
[BD sending]
University of Dhaka | ダッカ大学 | U | Dhaka University | 3
Bangladesh University of Engineering and Technology | バングラデシュ工科大学 | U | BUET | 3
University of Rajshahi | ラジシャヒ大学 | U |  | 1.5
[NP sending]
Tribhuvan University | トリブバン大学 | U |  | 3
Kathmandu University | カトマンズ大学 | U |  | 2
[MM sending]
University of Yangon | ヤンゴン大学 | U | Yangon University | 3
Yangon Technological University | ヤンゴン工科大学 | U | YTU | 2
University of Mandalay | マンダレー大学 | U |  | 1.5
[KH sending]
Royal University of Phnom Penh | 王立プノンペン大学 | U | RUPP | 3
Institute of Technology of Cambodia | カンボジア工科大学 | U | ITC Cambodia | 2
[LA sending]
National University of Laos | ラオス国立大学 | U | NUOL | 1
[UZ sending]
National University of Uzbekistan | ウズベキスタン国立大学 | U |  | 2
Tashkent State Technical University | タシケント国立工科大学 | U |  | 1.5
[KE sending]
University of Nairobi | ナイロビ大学 | U |  | 3
Jomo Kenyatta University of Agriculture and Technology | ジョモ・ケニヤッタ農工大学 | U | JKUAT | 3
Kenyatta University | ケニヤッタ大学 | U |  | 1.5
[EG sending]
Cairo University | カイロ大学 | U |  | 3
Ain Shams University | アインシャムス大学 | U |  | 2
Egypt-Japan University of Science and Technology | エジプト日本科学技術大学 | U | E-JUST | 3
Alexandria University | アレキサンドリア大学 | U |  | 1.5
[NG sending]
University of Lagos | ラゴス大学 | U | UNILAG | 2
University of Ibadan | イバダン大学 | U |  | 2
[BR sending]
Universidade de São Paulo | サンパウロ大学 | U | University of São Paulo; USP | 3
Universidade Estadual de Campinas | カンピーナス州立大学 | U | Unicamp | 2
Universidade Federal do Rio de Janeiro | リオデジャネイロ連邦大学 | U | UFRJ | 1.5
[CN schools]
The High School Affiliated to Renmin University of China | 中国人民大学附属中学 | S |  | 1
[IN schools]
Delhi Public School, R. K. Puram |  | S |  | 1
[TH schools]
Mahidol Wittayanusorn School | マヒドン・ウィッタヤヌソン校 | S |  | 1
[VN schools]
Hanoi - Amsterdam High School for the Gifted | ハノイ・アムステルダム高校 | S |  | 1
[PH schools]
Philippine Science High School – Main Campus | フィリピン科学高校 | S |  | 1
[LK schools]
Royal College, Colombo |  | S |  | 1
[UZ schools]
Presidential School in Tashkent |  | S |  | 1
[CN agencies]
Ministry of Science and Technology of the People's Republic of China | 中国科学技術部 | G | MOST China | 1
[IN agencies]
Department of Science and Technology, Government of India | インド科学技術省 | G | DST India | 1
[TH agencies]
National Science and Technology Development Agency | タイ国家科学技術開発庁 | R | NSTDA | 1
[ID agencies]
National Research and Innovation Agency | インドネシア国家研究イノベーション庁 | G | BRIN | 1
[VN agencies]
Vietnam Academy of Science and Technology | ベトナム科学技術アカデミー | R | VAST | 1
[PH agencies]
Department of Science and Technology (Philippines) | フィリピン科学技術省 | G | DOST | 1
"""  # noqa: E501 (a table: one institution a line)


@dataclass(frozen=True)
class InstitutionSpec:
    """One institution to create: canonical names, kind, aliases and a selection weight."""

    name: str
    name_ja: str
    country: str
    kind: str
    aliases: tuple[str, ...] = ()
    weight: float = 1.0
    # Research clusters an institute specialises in; empty means every field.
    clusters: tuple[str, ...] = ()


def _parse(table: str) -> dict[tuple[str, str], tuple[InstitutionSpec, ...]]:
    sections: dict[tuple[str, str], list[InstitutionSpec]] = {}
    rows: list[InstitutionSpec] = []
    country = ""
    for line in filter(None, (raw.strip() for raw in table.splitlines())):
        if line.startswith("["):
            country, role = line.strip("[]").split()
            rows = sections.setdefault((country, role), [])
            continue
        name, name_ja, kind, aliases, weight, *clusters = (cell.strip() for cell in line.split("|"))
        rows.append(
            InstitutionSpec(
                name=name,
                name_ja=name_ja,
                country=country,
                kind=KINDS[kind],
                aliases=tuple(a.strip() for a in aliases.split(";") if a.strip()),
                weight=float(weight),
                clusters=tuple(clusters[0].split()) if clusters else (),
            )
        )
    return {key: tuple(value) for key, value in sections.items()}


_SECTIONS = _parse(TABLE)


def _by_country(role: str) -> dict[str, tuple[InstitutionSpec, ...]]:
    return {country: rows for (country, r), rows in _SECTIONS.items() if r == role}


JAPAN_HOSTS = _SECTIONS[("JP", "hosts")]
JAPAN_COMPANIES = _SECTIONS[("JP", "companies")]
# JST hosts the High School Program and the officer invitations itself.
JST = _SECTIONS[("JP", "JST")][0]
SENDING = _by_country("sending")
HIGH_SCHOOLS = _by_country("schools")
AGENCIES = _by_country("agencies")


def all_institutions() -> list[InstitutionSpec]:
    """Every institution the demo uses, each once."""
    return [spec for rows in _SECTIONS.values() for spec in rows]
