"""Fixed demo data: centers, content types, taxonomies, disclaimers, people and hand-written pieces.

The people are invented, except for the authors who appear on the seed page (Stefan Lehne and
the Carnegie China authors of its "More Work" rail). Their bios here are short and general;
check them against the real site before showing the demo outside the team.

Over 400 lines on purpose: this is data, not code.
"""

import datetime
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent

# The newest date the generator uses; nothing depends on the clock.
REFERENCE_DATE = datetime.date(2026, 11, 1)
FIRST_DATE = datetime.date(2010, 1, 4)
SEED = 20261101

GLOBAL = "Carnegie Endowment for International Peace"
EUROPE = "Carnegie Europe"
CHINA = "Carnegie China"
RUSSIA = "Carnegie Russia Eurasia Center"
INDIA = "Carnegie India"
MIDDLE_EAST = "Malcolm H. Kerr Carnegie Middle East Center"
CALIFORNIA = "Carnegie California"

# name, short name, city, is_global, description
CENTERS = [
    (
        GLOBAL,
        "Carnegie Endowment",
        "Washington",
        True,
        "The Carnegie Endowment for International Peace is a global network of policy research centers "
        "that works to reduce conflict and advance cooperation through independent analysis and direct "
        "engagement with decision-makers.",
    ),
    (
        EUROPE,
        "",
        "Brussels",
        False,
        "Carnegie Europe provides analysis of the European Union’s foreign, security and enlargement "
        "policies and of the political choices facing Europe and its neighbors.",
    ),
    (
        CHINA,
        "",
        "Singapore",
        False,
        "Carnegie China examines China’s relations with its neighbors and the wider world, with a focus "
        "on Southeast Asia, security, trade and technology.",
    ),
    (
        RUSSIA,
        "",
        "Berlin",
        False,
        "The Carnegie Russia Eurasia Center offers independent analysis of Russia, Ukraine, the Caucasus "
        "and Central Asia. Its experts work from Berlin and across the region.",
    ),
    (
        INDIA,
        "",
        "New Delhi",
        False,
        "Carnegie India studies India’s foreign and security policy, its political economy and the "
        "ways technology is reshaping its society.",
    ),
    (
        MIDDLE_EAST,
        "Carnegie Middle East Center",
        "Beirut",
        False,
        "The Malcolm H. Kerr Carnegie Middle East Center provides in-depth analysis of political, "
        "socioeconomic and security issues in the Middle East and North Africa.",
    ),
    (
        CALIFORNIA,
        "",
        "Sacramento and Berkeley",
        False,
        "Carnegie California connects the world’s fifth-largest economy with global debates on "
        "technology, climate, trade and the Pacific.",
    ),
]

# A center's name in running text ("The Carnegie Endowment … today announced").
CENTER_IN_TEXT = {
    GLOBAL: "the Carnegie Endowment for International Peace",
    RUSSIA: "the Carnegie Russia Eurasia Center",
    MIDDLE_EAST: "the Malcolm H. Kerr Carnegie Middle East Center",
}

# Where a center's staff are "at" in a bio ("at Carnegie Europe in Brussels").
CENTER_BIO_LOCATION = {
    GLOBAL: "at the Carnegie Endowment for International Peace",
    EUROPE: "at Carnegie Europe in Brussels",
    CHINA: "at Carnegie China in Singapore",
    RUSSIA: "at the Carnegie Russia Eurasia Center in Berlin",
    INDIA: "at Carnegie India in New Delhi",
    MIDDLE_EAST: "at the Malcolm H. Kerr Carnegie Middle East Center in Beirut",
    CALIFORNIA: "at Carnegie California",
}

# label, plural label, legacy key, shows source
PUBLICATION_TYPES = [
    ("Article", "Articles", "legacyarticle", False),
    ("Commentary", "Commentaries", "legacycommentary", False),
    ("Research Paper", "Research Papers", "legacyresearchpaper", False),
    ("In the Media", "In the Media", "legacyinthemedia", True),
    ("Q&A", "Q&As", "legacyqa", False),
    ("Event", "Events", "legacyevent", False),
    ("Podcast", "Podcasts", "legacypodcast", False),
    ("Multimedia", "Multimedia", "legacymultimedia", False),
    ("Book", "Books", "legacybook", False),
    ("Testimony", "Testimonies", "legacytestimony", False),
    ("Press Release", "Press Releases", "legacypressrelease", False),
]

# name, parent, phrase used in running text, description (top level only)
REGIONS = [
    ("Europe", None, "Europe", "The European Union, its member states and its neighbors."),
    ("Western Europe", "Europe", "Western Europe", ""),
    ("Central Europe", "Europe", "Central Europe", ""),
    ("Eastern Europe", "Europe", "Eastern Europe", ""),
    ("Balkans", "Europe", "the Balkans", ""),
    ("Türkiye", "Europe", "Türkiye", ""),
    ("Asia", None, "Asia", "East, South, Southeast and Central Asia."),
    ("East Asia", "Asia", "East Asia", ""),
    ("China", "East Asia", "China", ""),
    ("Korean Peninsula", "East Asia", "the Korean Peninsula", ""),
    ("South Asia", "Asia", "South Asia", ""),
    ("India", "South Asia", "India", ""),
    ("Southeast Asia", "Asia", "Southeast Asia", ""),
    ("Central Asia", "Asia", "Central Asia", ""),
    ("Middle East and North Africa", None, "the Middle East and North Africa", "From Morocco to Iran."),
    ("Gulf", "Middle East and North Africa", "the Gulf", ""),
    ("Levant", "Middle East and North Africa", "the Levant", ""),
    ("North Africa", "Middle East and North Africa", "North Africa", ""),
    ("Russia and Eurasia", None, "Russia and Eurasia", "Russia, Ukraine, Belarus, the Caucasus and their neighbors."),
    ("Russia", "Russia and Eurasia", "Russia", ""),
    ("Ukraine", "Russia and Eurasia", "Ukraine", ""),
    ("Belarus", "Russia and Eurasia", "Belarus", ""),
    ("Caucasus", "Russia and Eurasia", "the Caucasus", ""),
    ("Africa", None, "Africa", "Sub-Saharan Africa and the Sahel."),
    ("Sahel", "Africa", "the Sahel", ""),
    ("East Africa", "Africa", "East Africa", ""),
    ("Southern Africa", "Africa", "Southern Africa", ""),
    ("Americas", None, "the Americas", "The United States, Canada and Latin America."),
    ("United States", "Americas", "the United States", ""),
    ("Latin America", "Americas", "Latin America", ""),
]

# name, phrase for bios ("focusing on …"), phrases for titles and running text
TOPICS = [
    (
        "Foreign Policy",
        "foreign policy",
        ["foreign policy", "diplomatic strategy", "balancing act", "regional diplomacy"],
    ),
    # The generator swaps these for accession or membership phrases depending on the country.
    ("EU", "the European Union", ["relationship with Brussels", "ties with the EU", "EU strategy", "European policy"]),
    (
        "Political Reform",
        "political reform",
        ["political reform", "constitutional reform", "reform agenda", "decentralization plan"],
    ),
    (
        "Democracy",
        "democracy",
        ["democratic backsliding", "democratic resilience", "opposition politics", "electoral politics"],
    ),
    (
        "Security",
        "security policy",
        ["security strategy", "border security", "security cooperation", "counterterrorism policy"],
    ),
    (
        "Military",
        "defense policy",
        ["military modernization", "defense buildup", "arms procurement", "defense industry"],
    ),
    (
        "Nuclear Policy",
        "nuclear policy",
        ["nuclear diplomacy", "nuclear posture", "arms control agenda", "civil nuclear ambitions"],
    ),
    (
        "Technology",
        "technology policy",
        ["tech policy", "semiconductor strategy", "digital sovereignty", "data governance regime"],
    ),
    (
        "Artificial Intelligence",
        "artificial intelligence",
        ["AI strategy", "AI governance", "AI ambitions", "AI safety push"],
    ),
    (
        "Cyberspace",
        "cyber policy",
        ["cyber defense", "cyber diplomacy", "internet censorship", "online influence campaign"],
    ),
    (
        "Climate",
        "climate policy",
        ["climate policy", "climate diplomacy", "climate adaptation", "green industrial policy"],
    ),
    ("Energy", "energy", ["energy security", "gas dependence", "energy transition", "oil wealth"]),
    ("Economy", "economic policy", ["economic reform", "debt problem", "growth model", "fiscal squeeze"]),
    ("Trade", "trade", ["trade strategy", "tariff policy", "export control regime", "supply chain push"]),
    ("Migration", "migration", ["migration policy", "refugee policy", "border management", "labor migration"]),
    (
        "Human Rights",
        "human rights",
        ["human rights record", "crackdown on dissent", "press freedom", "treatment of minorities"],
    ),
    ("Civil Society", "civil society", ["civil society", "protest movement", "NGO law", "youth activism"]),
    (
        "Rule of Law",
        "the rule of law",
        ["rule-of-law crisis", "anti-corruption drive", "judicial independence", "judicial reform"],
    ),
    ("Geopolitics", "geopolitics", ["strategic autonomy", "great power hedging", "alliance politics", "nonalignment"]),
    (
        "Global Governance",
        "global governance",
        ["multilateral diplomacy", "UN diplomacy", "G20 agenda", "development finance"],
    ),
    (
        "Religion",
        "religion and politics",
        ["religious politics", "sectarian politics", "clerical establishment", "political Islam"],
    ),
    (
        "Conflict and Peacebuilding",
        "conflict resolution",
        ["ceasefire diplomacy", "peace process", "postwar reconstruction", "mediation role"],
    ),
]

PROGRAMS = [
    ("Europe Program", "Research on the European Union, transatlantic relations and Europe’s neighborhood."),
    ("Asia Program", "Analysis of security, economics and politics across the Indo-Pacific."),
    (
        "Democracy, Conflict, and Governance Program",
        "Work on democratic resilience, protest, conflict and the rule of law worldwide.",
    ),
    ("Nuclear Policy Program", "Research on deterrence, arms control, nonproliferation and nuclear energy."),
    (
        "Technology and International Affairs Program",
        "Work on how technology, from AI to cyber operations, is reshaping international politics.",
    ),
    ("American Statecraft Program", "Research on U.S. foreign policy and the domestic foundations of American power."),
    (
        "Sustainability, Climate, and Geopolitics Program",
        "Analysis of the politics of climate change and the energy transition.",
    ),
    ("Africa Program", "Research on governance, security and economic change in Africa."),
]

# name, program (or None), description
PROJECTS = [
    (
        "Strategic Europe",
        "Europe Program",
        "Carnegie Europe’s forum for debate on European foreign and security policy.",
    ),
    ("Carnegie Politika", None, "Commentary on Russia, Ukraine and Eurasia from the Carnegie Russia Eurasia Center."),
    (
        "Diwan",
        None,
        "Commentary from the Malcolm H. Kerr Carnegie Middle East Center on the Middle East and North Africa.",
    ),
    (
        "Global Protest Tracker",
        "Democracy, Conflict, and Governance Program",
        "A running record of significant antigovernment protests around the world.",
    ),
    (
        "Nuclear Risk Reduction Initiative",
        "Nuclear Policy Program",
        "Practical proposals to lower the danger of nuclear use in crises.",
    ),
    (
        "Digital Democracy Network",
        "Technology and International Affairs Program",
        "Researchers and activists studying how digital technologies affect democratic life.",
    ),
    ("China Local/Global", "Asia Program", "How China’s global footprint looks from the countries that host it."),
]

# name, description, number of items (the seed article is always in the first two)
COLLECTIONS = [
    (
        "Europe’s Eastern Neighborhood",
        "How the war in Ukraine, enlargement and Russian pressure are reshaping the countries between the "
        "EU and Russia, from the Baltic states to the Caucasus.",
        12,
    ),
    (
        "EU Integration and Enlargement",
        "Analysis of the EU’s enlargement policy and of the reforms the union needs before it grows again.",
        11,
    ),
    ("The War in Ukraine", "Carnegie’s analysis of the war, its diplomacy and its consequences.", 12),
    ("China and Southeast Asia", "How Southeast Asian states manage their ties with China and the United States.", 10),
    ("Governing Artificial Intelligence", "Who sets the rules for AI, and how they travel across borders.", 9),
    ("The Future of Arms Control", "Deterrence and arms control in a more crowded nuclear age.", 8),
]

# name, language, description
NEWSLETTERS = [
    ("Carnegie Global Briefing", "en", "A weekly selection of the best of Carnegie’s global network."),
    ("Strategic Europe Newsletter", "en", "Carnegie Europe’s weekly newsletter on European foreign policy."),
    ("Carnegie Politika Digest", "ru", "Еженедельная подборка материалов Carnegie Politika на русском языке."),
]

SITE_DISCLAIMER = (
    "<p>Carnegie does not take institutional positions on public policy issues; the views represented "
    "herein are those of the author(s) and do not necessarily reflect the views of Carnegie, its staff, "
    "or its trustees.</p>"
)

# name, center, content type label, text
DISCLAIMERS = [
    ("Site default", None, None, SITE_DISCLAIMER),
    (
        "Carnegie Russia Eurasia Center",
        RUSSIA,
        None,
        "<p>The Carnegie Russia Eurasia Center does not take institutional positions on public policy "
        "issues; the views represented herein are those of the author(s) and do not necessarily reflect "
        "the views of the Carnegie Endowment for International Peace, its staff, or its trustees.</p>",
    ),
    (
        "Press releases",
        None,
        "Press Release",
        "<p>For media inquiries, please contact the Carnegie communications office.</p>",
    ),
]

# --------------------------------------------------------------------------------------------
# People
#
# Each person: name, kind ("expert"/"contributor"), center (or None), role and unit (the title
# line is "Role, Unit"), topics, regions, languages. Optional: slug, sort (sort name), ref (how the bio
# refers to them on second mention), alumni_until (last year as staff: they are alumni now),
# second (role, unit, center) for a second affiliation, generate (False: only in hand-written
# pieces), until (no generated pieces after this date), intro/bio/short_bio overrides.
# --------------------------------------------------------------------------------------------

LEHNE_BIO = (
    "Stefan Lehne is a senior fellow at Carnegie Europe in Brussels, where his research focuses on the "
    "post–Lisbon Treaty development of the European Union’s foreign policy, with a specific focus on "
    "relations between the EU and member states."
)


def _p(name, kind, center, role, unit, topics, regions, languages, **extra):
    return {
        "name": name,
        "kind": kind,
        "center": center,
        "role": role,
        "unit": unit,
        "topics": topics,
        "regions": regions,
        "languages": languages,
        **extra,
    }


E, C = "expert", "contributor"

PEOPLE = [
    # Carnegie Endowment (Washington)
    _p(
        "Rebecca Thornbury",
        E,
        GLOBAL,
        "Vice President for Studies",
        GLOBAL,
        ["Foreign Policy", "Global Governance", "Geopolitics"],
        ["United States"],
        "English, French",
    ),
    _p(
        "Marcus Whitfield",
        E,
        GLOBAL,
        "Senior Fellow",
        "American Statecraft Program",
        ["Foreign Policy", "Trade", "Economy"],
        ["United States", "Latin America"],
        "English, Spanish",
    ),
    _p(
        "Samuel Achterberg",
        E,
        GLOBAL,
        "Senior Fellow",
        "Nuclear Policy Program",
        ["Nuclear Policy", "Security", "Military"],
        ["Gulf", "Korean Peninsula"],
        "English, German, Dutch",
    ),
    _p(
        "Priya Raghunathan",
        E,
        GLOBAL,
        "Fellow",
        "Technology and International Affairs Program",
        ["Technology", "Artificial Intelligence", "Cyberspace"],
        ["India", "United States"],
        "English, Tamil, Hindi",
        second=("Nonresident Scholar", INDIA, INDIA),
    ),
    _p(
        "Hyun-woo Baek",
        E,
        GLOBAL,
        "Fellow",
        "Asia Program",
        ["Security", "Nuclear Policy", "Foreign Policy"],
        ["Korean Peninsula", "East Asia"],
        "English, Korean, Japanese",
    ),
    _p(
        "Carolina Mendes Albuquerque",
        E,
        GLOBAL,
        "Senior Fellow",
        "Democracy, Conflict, and Governance Program",
        ["Democracy", "Civil Society", "Rule of Law"],
        ["Latin America"],
        "Portuguese, Spanish, English",
        second=("Director", "Global Protest Tracker", GLOBAL),
    ),
    _p(
        "Elina Noor",
        E,
        GLOBAL,
        "Senior Fellow",
        "Asia Program",
        ["Technology", "Cyberspace", "Foreign Policy"],
        ["Southeast Asia"],
        "English, Malay",
        generate=False,
        bio="Elina Noor is a senior fellow in the Asia Program at the Carnegie Endowment for International "
        "Peace. Her work focuses on developments in Southeast Asia, in particular the governance of "
        "cyberspace and technology and the region’s relations with the major powers.",
    ),
    _p(
        "Adaeze Okonkwo",
        E,
        GLOBAL,
        "Fellow",
        "Africa Program",
        ["Democracy", "Economy", "Security"],
        ["Sahel", "East Africa"],
        "English, Igbo, French",
    ),
    _p(
        "Ousmane Kaboré",
        E,
        GLOBAL,
        "Nonresident Scholar",
        "Africa Program",
        ["Security", "Conflict and Peacebuilding", "Religion"],
        ["Sahel"],
        "French, English, Mooré",
    ),
    _p(
        "Thandiwe Mokoena",
        E,
        GLOBAL,
        "Nonresident Scholar",
        "Sustainability, Climate, and Geopolitics Program",
        ["Climate", "Energy", "Economy"],
        ["Southern Africa"],
        "English, isiZulu, Sesotho",
    ),
    _p(
        "Gabriela Ríos Montenegro",
        E,
        GLOBAL,
        "Fellow",
        "Democracy, Conflict, and Governance Program",
        ["Democracy", "Human Rights", "Migration"],
        ["Latin America"],
        "Spanish, English",
        sort="Ríos Montenegro, Gabriela",
        ref="Ríos Montenegro",
    ),
    _p(
        "Eleanor Whitcombe",
        E,
        GLOBAL,
        "Senior Fellow",
        "Nuclear Policy Program",
        ["Nuclear Policy", "Global Governance"],
        ["Gulf", "Russia"],
        "English, Russian",
        alumni_until=2019,
    ),
    _p(
        "Yusuf Demirtaş",
        E,
        GLOBAL,
        "Nonresident Scholar",
        "Europe Program",
        ["Foreign Policy", "Security", "Migration"],
        ["Türkiye", "Caucasus"],
        "Turkish, English, German",
    ),
    _p(
        "Naomi Feldstein",
        E,
        GLOBAL,
        "Fellow",
        "American Statecraft Program",
        ["Foreign Policy", "Economy"],
        ["United States", "Levant"],
        "English, Hebrew",
    ),
    _p(
        "Daniel Abernathy",
        E,
        GLOBAL,
        "Senior Fellow",
        "Sustainability, Climate, and Geopolitics Program",
        ["Climate", "Energy", "Trade"],
        ["United States", "Gulf"],
        "English",
    ),
    _p(
        "Mei Takahashi",
        E,
        GLOBAL,
        "Fellow",
        "Technology and International Affairs Program",
        ["Artificial Intelligence", "Technology", "Trade"],
        ["East Asia", "United States"],
        "Japanese, English",
    ),
    # Carnegie Europe (Brussels)
    _p(
        "Stefan Lehne",
        E,
        EUROPE,
        "Senior Fellow",
        EUROPE,
        ["Foreign Policy", "EU", "Political Reform"],
        ["Western Europe", "Eastern Europe", "Balkans"],
        "English, German",
        until=datetime.date(2024, 10, 31),
        bio=LEHNE_BIO,
        short_bio=LEHNE_BIO,
    ),
    _p(
        "Pieter van den Broek",
        E,
        EUROPE,
        "Director",
        EUROPE,
        ["EU", "Foreign Policy", "Security"],
        ["Western Europe"],
        "Dutch, English, French",
        sort="Broek, Pieter van den",
        ref="Van den Broek",
        second=("Editor in Chief", "Strategic Europe", EUROPE),
    ),
    _p(
        "Margarethe Vollmer",
        E,
        EUROPE,
        "Senior Fellow",
        EUROPE,
        ["EU", "Energy", "Climate"],
        ["Western Europe", "Central Europe"],
        "German, English, French",
    ),
    _p(
        "Tomasz Wierzbicki",
        E,
        EUROPE,
        "Fellow",
        EUROPE,
        ["Security", "Military", "Foreign Policy"],
        ["Central Europe", "Eastern Europe", "Ukraine"],
        "Polish, English, Russian",
        second=("Nonresident Scholar", "Europe Program", GLOBAL),
    ),
    _p(
        "Inès Duvergier",
        E,
        EUROPE,
        "Nonresident Scholar",
        EUROPE,
        ["Migration", "Human Rights", "EU"],
        ["North Africa", "Western Europe"],
        "French, English, Arabic",
    ),
    _p(
        "Ioana Stănescu",
        E,
        EUROPE,
        "Senior Fellow",
        EUROPE,
        ["Rule of Law", "Democracy", "EU"],
        ["Eastern Europe", "Central Europe"],
        "Romanian, English, French",
        second=("Nonresident Scholar", "Democracy, Conflict, and Governance Program", GLOBAL),
    ),
    _p(
        "Jelena Radulović",
        E,
        EUROPE,
        "Nonresident Scholar",
        EUROPE,
        ["Political Reform", "Rule of Law", "EU"],
        ["Balkans"],
        "Serbian, English, German",
    ),
    _p(
        "Lucía Etxeberria Santos",
        E,
        EUROPE,
        "Visiting Fellow",
        EUROPE,
        ["Trade", "Economy", "EU"],
        ["Western Europe", "Latin America"],
        "Spanish, Basque, English",
        sort="Etxeberria Santos, Lucía",
        ref="Etxeberria",
    ),
    _p(
        "Aino Lindqvist",
        E,
        EUROPE,
        "Fellow",
        EUROPE,
        ["Security", "Technology", "Cyberspace"],
        ["Eastern Europe", "Russia"],
        "Finnish, Swedish, English",
    ),
    _p(
        "Giorgos Papadakis",
        E,
        EUROPE,
        "Nonresident Scholar",
        EUROPE,
        ["Economy", "EU"],
        ["Western Europe", "Balkans"],
        "Greek, English",
        alumni_until=2018,
    ),
    # Carnegie China (Singapore)
    _p(
        "Rick Waters",
        E,
        CHINA,
        "Managing Director",
        CHINA,
        ["Foreign Policy", "Trade", "Geopolitics"],
        ["China", "United States"],
        "English, Mandarin",
        generate=False,
        bio="Rick Waters is the managing director of Carnegie China. He previously served as a U.S. diplomat "
        "and worked on China policy at the State Department for many years.",
    ),
    _p(
        "Sheena Chestnut Greitens",
        E,
        CHINA,
        "Nonresident Scholar",
        CHINA,
        ["Security", "Foreign Policy", "Geopolitics"],
        ["China", "Korean Peninsula"],
        "English",
        generate=False,
        bio="Sheena Chestnut Greitens is a nonresident scholar at Carnegie China. Her research focuses on "
        "China’s domestic and foreign security policy and on East Asian security.",
    ),
    _p(
        "Pongphisoot (Paul) Busbarat",
        E,
        CHINA,
        "Nonresident Scholar",
        CHINA,
        ["Foreign Policy", "Geopolitics"],
        ["Southeast Asia"],
        "Thai, English",
        generate=False,
        sort="Busbarat, Pongphisoot (Paul)",
        ref="Busbarat",
        bio="Pongphisoot (Paul) Busbarat is a nonresident scholar at Carnegie China. His work focuses on Thai "
        "foreign policy and Southeast Asia’s relations with China.",
    ),
    _p(
        "Nguyễn Khắc Giang",
        C,
        None,
        "Visiting Fellow",
        "ISEAS–Yusof Ishak Institute",
        ["Foreign Policy", "Political Reform"],
        ["Southeast Asia"],
        "Vietnamese, English",
        generate=False,
        sort="Nguyễn Khắc Giang",
        ref="Giang",
        bio="Nguyễn Khắc Giang is a visiting fellow at the ISEAS–Yusof Ishak Institute in Singapore. "
        "He writes on Vietnamese politics and foreign policy.",
    ),
    _p(
        "Tan Shu Hui",
        E,
        CHINA,
        "Fellow",
        CHINA,
        ["Trade", "Economy", "Technology"],
        ["Southeast Asia", "China"],
        "English, Mandarin, Malay",
        sort="Tan Shu Hui",
        ref="Tan",
    ),
    _p(
        "Zhou Yiran",
        E,
        CHINA,
        "Fellow",
        CHINA,
        ["Foreign Policy", "Security", "Geopolitics"],
        ["China", "East Asia"],
        "Mandarin, English",
        sort="Zhou Yiran",
        ref="Zhou",
        second=("Nonresident Scholar", "Asia Program", GLOBAL),
    ),
    _p(
        "Arief Wicaksono",
        E,
        CHINA,
        "Nonresident Scholar",
        CHINA,
        ["Democracy", "Religion", "Foreign Policy"],
        ["Southeast Asia"],
        "Indonesian, English, Javanese",
    ),
    _p(
        "Maria Consuelo Dizon",
        E,
        CHINA,
        "Nonresident Scholar",
        CHINA,
        ["Security", "Foreign Policy", "Military"],
        ["Southeast Asia"],
        "Filipino, English",
        ref="Dizon",
    ),
    _p(
        "王海燕",
        C,
        None,
        "Independent Scholar",
        "",
        ["Trade", "Economy"],
        ["China"],
        "Mandarin, English",
        ref="Wang",
        intro="an independent scholar based in Shanghai",
    ),
    # Carnegie Russia Eurasia Center (Berlin)
    _p(
        "Mikhail Zarubin",
        E,
        RUSSIA,
        "Senior Fellow",
        RUSSIA,
        ["Foreign Policy", "Military", "Security"],
        ["Russia", "Ukraine"],
        "Russian, English, German",
        second=("Editor", "Carnegie Politika", RUSSIA),
    ),
    _p(
        "Ekaterina Belyaeva",
        E,
        RUSSIA,
        "Fellow",
        RUSSIA,
        ["Economy", "Energy", "Trade"],
        ["Russia", "Central Asia"],
        "Russian, English",
    ),
    _p(
        "Nino Beridze",
        E,
        RUSSIA,
        "Nonresident Scholar",
        RUSSIA,
        ["Democracy", "EU", "Political Reform"],
        ["Caucasus"],
        "Georgian, Russian, English",
    ),
    _p(
        "Aigerim Seitkali",
        E,
        RUSSIA,
        "Fellow",
        RUSSIA,
        ["Economy", "Geopolitics", "Energy"],
        ["Central Asia"],
        "Kazakh, Russian, English",
    ),
    _p(
        "Oleksandra Hrytsenko",
        E,
        RUSSIA,
        "Nonresident Scholar",
        RUSSIA,
        ["Security", "Civil Society", "Rule of Law"],
        ["Ukraine"],
        "Ukrainian, English, Polish",
    ),
    _p(
        "Ксения Лаврентьева",
        C,
        None,
        "Journalist",
        "",
        ["Civil Society", "Human Rights"],
        ["Russia"],
        "Russian, English",
        ref="Lavrentyeva",
        intro="a journalist who covers Russian domestic politics",
    ),
    _p(
        "Artur Hovhannisyan",
        C,
        None,
        "Political Analyst",
        "",
        ["Foreign Policy", "Security"],
        ["Caucasus"],
        "Armenian, Russian, English",
        intro="a political analyst based in Yerevan",
    ),
    # Carnegie India (New Delhi)
    _p(
        "Rohan Mehrotra",
        E,
        INDIA,
        "Senior Fellow",
        INDIA,
        ["Security", "Foreign Policy", "Military"],
        ["India", "South Asia"],
        "English, Hindi, Punjabi",
    ),
    _p(
        "Ananya Krishnamurthy",
        E,
        INDIA,
        "Fellow",
        INDIA,
        ["Technology", "Artificial Intelligence", "Economy"],
        ["India"],
        "English, Kannada, Hindi",
    ),
    _p(
        "Farah Siddiqui",
        E,
        INDIA,
        "Associate Fellow",
        INDIA,
        ["Trade", "Economy", "Foreign Policy"],
        ["South Asia", "Gulf"],
        "English, Urdu, Hindi",
    ),
    _p(
        "Sanjana Bhattacharya",
        E,
        INDIA,
        "Research Analyst",
        INDIA,
        ["Climate", "Energy"],
        ["India"],
        "English, Bengali, Hindi",
    ),
    _p(
        "Harpreet Kaur Sandhu",
        E,
        INDIA,
        "Nonresident Scholar",
        INDIA,
        ["Migration", "Economy"],
        ["South Asia"],
        "English, Punjabi",
        alumni_until=2020,
    ),
    # Malcolm H. Kerr Carnegie Middle East Center (Beirut)
    _p(
        "Yasmine Tabbara",
        E,
        MIDDLE_EAST,
        "Senior Fellow",
        MIDDLE_EAST,
        ["Political Reform", "Economy", "Civil Society"],
        ["Levant"],
        "Arabic, French, English",
        second=("Editor", "Diwan", MIDDLE_EAST),
    ),
    _p(
        "Nadim Sfeir",
        E,
        MIDDLE_EAST,
        "Fellow",
        MIDDLE_EAST,
        ["Security", "Conflict and Peacebuilding", "Religion"],
        ["Levant", "Gulf"],
        "Arabic, English, French",
    ),
    _p(
        "Salma Benjelloun",
        E,
        MIDDLE_EAST,
        "Nonresident Scholar",
        MIDDLE_EAST,
        ["Migration", "Political Reform", "Civil Society"],
        ["North Africa"],
        "Arabic, French, English, Spanish",
    ),
    _p(
        "Tarek Mansour",
        E,
        MIDDLE_EAST,
        "Nonresident Scholar",
        MIDDLE_EAST,
        ["Energy", "Economy", "Foreign Policy"],
        ["Gulf"],
        "Arabic, English",
    ),
    _p(
        "Dalia Abdelrahman",
        E,
        MIDDLE_EAST,
        "Fellow",
        MIDDLE_EAST,
        ["Human Rights", "Civil Society", "Democracy"],
        ["North Africa"],
        "Arabic, English",
        alumni_until=2017,
    ),
    _p(
        "Omar Al-Khatib",
        C,
        None,
        "Journalist",
        "",
        ["Conflict and Peacebuilding", "Human Rights"],
        ["Levant"],
        "Arabic, English",
        intro="a journalist based in Amman",
        has_profile=False,
    ),
    # Carnegie California
    _p(
        "Megan Castellanos",
        E,
        CALIFORNIA,
        "Fellow",
        CALIFORNIA,
        ["Climate", "Trade", "Migration"],
        ["United States", "Latin America"],
        "English, Spanish",
    ),
    _p(
        "Caleb Ishikawa",
        E,
        CALIFORNIA,
        "Senior Fellow",
        CALIFORNIA,
        ["Technology", "Artificial Intelligence", "Trade"],
        ["United States", "East Asia"],
        "English, Japanese",
        second=("Nonresident Scholar", "Technology and International Affairs Program", GLOBAL),
    ),
    _p(
        "Kai Kahananui",
        E,
        CALIFORNIA,
        "Nonresident Scholar",
        CALIFORNIA,
        ["Climate", "Economy"],
        ["United States"],
        "English, Hawaiian",
    ),
    # Outside contributors
    _p(
        "Helena Nováková",
        C,
        None,
        "Journalist",
        "",
        ["Democracy", "Rule of Law"],
        ["Central Europe"],
        "Czech, English, German",
        intro="a journalist based in Prague",
    ),
    _p(
        "Matías Fernández Olmos",
        C,
        None,
        "Associate Professor of International Relations",
        "",
        ["Trade", "Economy"],
        ["Latin America"],
        "Spanish, English, Portuguese",
        sort="Fernández Olmos, Matías",
        ref="Fernández Olmos",
        intro="an associate professor of international relations in Buenos Aires",
    ),
    _p(
        "Jean-Baptiste Kouassi",
        C,
        None,
        "Political Economist",
        "",
        ["Economy", "Conflict and Peacebuilding"],
        ["Sahel"],
        "French, English",
        intro="a political economist based in Abidjan",
    ),
    _p(
        "Søren Kjærgaard",
        C,
        None,
        "Former Diplomat",
        "",
        ["Foreign Policy", "EU"],
        ["Western Europe", "Russia"],
        "Danish, English, Russian",
        # cms.kit.slugs.base_slug drops letters that do not decompose (ø, æ, đ, ł): "sren-kjrgaard".
        slug="soren-kjaergaard",
        intro="a former Danish diplomat who served in Brussels and Moscow",
    ),
    # Translators of the demo's editions (publications/demo/editions.py): credited with the role
    # "translator", never picked as authors of generated pieces.
    _p(
        "Rania Haddad",
        C,
        None,
        "Translator",
        "",
        ["Political Reform", "Economy"],
        ["Levant"],
        "Arabic, English, French",
        generate=False,
        bio="Rania Haddad is a translator based in Beirut who translates Carnegie’s work from English and "
        "French into Arabic. She has translated for regional newspapers and United Nations agencies.",
    ),
    _p(
        "Karim Azar",
        C,
        None,
        "Translator",
        "",
        ["Conflict and Peacebuilding", "Energy"],
        ["Levant", "Gulf"],
        "Arabic, English",
        generate=False,
        bio="Karim Azar is a translator and editor in Beirut who works between Arabic and English, "
        "including on the Malcolm H. Kerr Carnegie Middle East Center’s Arabic-language originals.",
    ),
    _p(
        "Chen Wanru",
        C,
        None,
        "Translator",
        "",
        ["Foreign Policy", "Trade"],
        ["China", "Southeast Asia"],
        "Mandarin, English, Malay",
        generate=False,
        sort="Chen Wanru",
        bio="Chen Wanru is a translator based in Singapore who translates analysis of Asian security and "
        "trade from English into Chinese.",
    ),
    _p(
        "Liu Mingyang",
        C,
        None,
        "Translator",
        "",
        ["Technology", "Nuclear Policy"],
        ["China"],
        "Mandarin, English",
        generate=False,
        sort="Liu Mingyang",
        bio="Liu Mingyang is a translator in Beijing specializing in technology, arms control and climate "
        "policy, translating from English into Chinese.",
    ),
    _p(
        "Olga Vetrova",
        C,
        None,
        "Translator",
        "",
        ["Foreign Policy", "Economy"],
        ["Russia"],
        "Russian, English, German",
        generate=False,
        bio="Olga Vetrova is a translator based in Berlin who translates for Carnegie Politika from English "
        "and German into Russian.",
    ),
    _p(
        "Anton Shirokov",
        C,
        None,
        "Translator",
        "",
        ["Security", "Military"],
        ["Russia", "Caucasus"],
        "Russian, English",
        generate=False,
        bio="Anton Shirokov is a translator and editor in Riga who translates analysis of security and the "
        "South Caucasus into Russian.",
    ),
]

# --------------------------------------------------------------------------------------------
# Hand-written pieces: the seed page's article, the pieces its rails link to, and the originals
# of a few translated works. Bodies other than the seed article's are demo text, not the real
# pieces. The demo's editions, and more works written for them, are in editions.py.
# --------------------------------------------------------------------------------------------

SEED_LEGACY_ID = "9b75ff939e830440"
SEED_BODY_FILE = DEMO_DIR / f"seed_{SEED_LEGACY_ID}.txt"

SEED_ARTICLE = {
    "legacy_id": SEED_LEGACY_ID,
    "title": "Global Insider: Envoy Exchange Part of Promising Shift in Serbia-Kosovo Relations",
    "dek": (
        "Serbia and Kosovo agreed last month to exchange envoys for the first time in response to a "
        "broader European Union push for the two to improve relations."
    ),
    "body_file": SEED_BODY_FILE,
    "type": "legacyinthemedia",
    "date": datetime.date(2013, 5, 8),
    "primary_center": EUROPE,
    "centers": [GLOBAL, EUROPE],
    "collections": ["Europe’s Eastern Neighborhood", "EU Integration and Enlargement"],
    "regions": ["Europe", "Eastern Europe", "Western Europe"],
    "topics": ["Foreign Policy", "EU", "Political Reform"],
    "authors": [("Stefan Lehne", "author", "Senior Fellow, Carnegie Europe")],
    "source_name": "World Politics Review",
    "source_url": (
        "https://www.worldpoliticsreview.com/trend-lines/12951/"
        "global-insider-envoy-exchange-part-of-promising-shift-in-serbia-kosovo-relations"
    ),
    "lead_image_credit": "Source: Getty",
}

CURATED = [
    SEED_ARTICLE,
    {
        "legacy_id": "demo-lehne-eu-trump-2-0",
        "title": "What Can the EU Do About Trump 2.0?",
        "dek": (
            "Donald Trump’s return confronts the EU with pressure on trade, security and Ukraine at the same "
            "time. Europeans can limit the damage only by acting together and investing in their own strength."
        ),
        "type": "legacyarticle",
        "date": datetime.date(2025, 3, 20),
        "primary_center": EUROPE,
        "centers": [GLOBAL, EUROPE],
        "regions": ["Western Europe", "United States"],
        "topics": ["Foreign Policy", "EU", "Trade"],
        "programs": ["Europe Program"],
        "projects": ["Strategic Europe"],
        "newsletters": ["Strategic Europe Newsletter", "Carnegie Global Briefing"],
        "authors": [("Stefan Lehne", "author", "Senior Fellow, Carnegie Europe")],
        "lead_image_credit": "Source: Getty",
        "paragraphs": [
            ("h2", "A Different Kind of Partner"),
            "For seventy years, European foreign policy rested on the assumption that the United States would "
            "remain a reliable, if sometimes difficult, ally. The second Trump administration has made that "
            "assumption hard to sustain.",
            "Tariff threats, doubts about U.S. commitments to NATO and a transactional approach to the war in "
            "Ukraine have arrived at once. Each of these would test the EU on its own; together they test "
            "whether its member states can still agree on what matters most.",
            ("h2", "Where the EU Has Leverage"),
            "The union is not without means. Its single market remains one of the largest in the world, and "
            "trade policy is an exclusive EU competence. Used with discipline, these assets give Brussels real "
            "weight in negotiations with Washington.",
            "Security is a different story. Here the EU depends on national capabilities and on decisions taken "
            "by unanimity, which gives every government a veto and every skeptic an audience.",
            ("h2", "What Europeans Should Do"),
            "The priority should be to keep Ukraine supplied and to build up Europe’s defense industry, while "
            "keeping channels to Washington open. Europeans will not change Trump’s instincts, but they can "
            "reduce their exposure to them.",
        ],
    },
    {
        "legacy_id": "demo-lehne-eu-trump-moment",
        "title": "Can the EU Meet the Trump Moment?",
        "dek": (
            "The new U.S. administration is testing Europe’s unity and its capacity to act. How the EU responds "
            "will show whether it can become a serious geopolitical player."
        ),
        "type": "legacycommentary",
        "date": datetime.date(2025, 1, 23),
        "primary_center": EUROPE,
        "centers": [EUROPE],
        "regions": ["Western Europe", "United States"],
        "topics": ["Foreign Policy", "EU", "Security"],
        "projects": ["Strategic Europe"],
        "newsletters": ["Strategic Europe Newsletter"],
        "authors": [("Stefan Lehne", "author", "Senior Fellow, Carnegie Europe")],
        "paragraphs": [
            "Europe has spent years debating strategic autonomy. The return of Donald Trump turns that debate "
            "into a practical question: what can the EU do on its own, and how quickly?",
            "The answer depends less on new institutions than on political will in the capitals. The treaties "
            "already allow closer cooperation on defense procurement and joint financing, if governments choose "
            "to use them.",
            "Divisions among member states remain the main obstacle. Some governments will seek bilateral deals "
            "with Washington; others will push for a common line. The EU’s credibility depends on preventing "
            "the first instinct from undermining the second.",
            "None of this is easy, but the alternative is to let others decide Europe’s future. That would be "
            "the worst outcome of all.",
        ],
    },
    {
        "legacy_id": "demo-china-malaysia-asean-chair",
        "title": "Malaysia’s Year as ASEAN Chair: Managing Disorder",
        "dek": (
            "Malaysia’s chairmanship sought to fend off short-term challenges while laying the groundwork for "
            "minimizing ASEAN’s longer-term exposure to external stresses."
        ),
        "type": "legacycommentary",
        "date": datetime.date(2025, 12, 16),
        "primary_center": CHINA,
        "centers": [CHINA],
        "collections": ["China and Southeast Asia"],
        "regions": ["Southeast Asia"],
        "topics": ["Foreign Policy", "Geopolitics", "Global Governance"],
        "authors": [("Elina Noor", "author", "Senior Fellow, Asia Program")],
        "lead_image_credit": "Source: Getty",
        "paragraphs": [
            "Malaysia took the ASEAN chair at a moment of unusual strain: tariffs, a border conflict between two "
            "members and a great-power rivalry that leaves little room for neutrality.",
            "Kuala Lumpur’s approach was to keep the association working rather than to promise breakthroughs. "
            "It kept meetings on schedule, kept difficult issues on the agenda and kept partners at the table.",
            "The more lasting contribution may lie in the groundwork for reducing ASEAN’s exposure to outside "
            "shocks, from supply chains to regional financing arrangements.",
            "Managing disorder is not the same as resolving it. But in the current environment, it is no small "
            "achievement.",
        ],
    },
    {
        "legacy_id": "demo-china-malaysia-nonpartisan",
        "title": "When It Comes to Superpower Geopolitics, Malaysia Is Staunchly Nonpartisan",
        "dek": "For Malaysia, the conjunction that works is “and” not “or” when it comes to the United States and China.",
        "type": "legacycommentary",
        "date": datetime.date(2025, 11, 4),
        "primary_center": CHINA,
        "centers": [CHINA],
        "collections": ["China and Southeast Asia"],
        "regions": ["Southeast Asia"],
        "topics": ["Foreign Policy", "Geopolitics"],
        "authors": [("Elina Noor", "author", "Senior Fellow, Asia Program")],
        "paragraphs": [
            "Malaysia’s foreign policy is often described as hedging. Malaysian officials prefer a simpler word: "
            "independence.",
            "The country trades heavily with China and hosts significant American investment. It sees no reason "
            "to choose between the two, and considerable risk in doing so.",
            "That stance is sometimes read in Washington and Beijing as fence-sitting. In Kuala Lumpur it is "
            "seen as the only sensible course for a trading nation in a contested region.",
            "The challenge is to keep that balance as both powers ask for more.",
        ],
    },
    {
        "legacy_id": "demo-china-vietnam-army-drill",
        "title": "Neither Comrade nor Ally: Decoding Vietnam’s First Army Drill with China",
        "dek": (
            "In July 2025, Vietnam and China held their first joint army drill, a modest but symbolic move "
            "reflecting Hanoi’s strategic hedging amid U.S.–China rivalry."
        ),
        "type": "legacycommentary",
        "date": datetime.date(2025, 8, 21),
        "primary_center": CHINA,
        "centers": [CHINA],
        "collections": ["China and Southeast Asia"],
        "regions": ["Southeast Asia", "China"],
        "topics": ["Security", "Military", "Foreign Policy"],
        "authors": [("Nguyễn Khắc Giang", "author", "Visiting Fellow, ISEAS–Yusof Ishak Institute")],
        "lead_image_credit": "Source: Getty",
        "paragraphs": [
            "The drill was small, but its symbolism was not lost on observers in Hanoi, Beijing or Washington.",
            "Vietnam’s leaders have long balanced party-to-party ties with China against deep wariness of their "
            "northern neighbor, sharpened by disputes in the South China Sea.",
            "Seen in that light, the exercise is less a shift in alignment than another instance of Hanoi’s "
            "habit of engaging every major power at once.",
            "The limits of the relationship remain clear: Vietnam is neither China’s comrade in arms nor its ally.",
        ],
    },
    {
        "legacy_id": "demo-china-thailand-cambodia-mediation",
        "title": (
            "China’s Mediation Offer in the Thailand-Cambodia Border Dispute Sheds Light on Beijing’s Security "
            "Role in Southeast Asia"
        ),
        "dek": (
            "The Thai-Cambodian conflict highlights the limits to China's peacemaker ambition and the "
            "significance of this role on Southeast Asia’s balance of power."
        ),
        "type": "legacycommentary",
        "date": datetime.date(2025, 8, 7),
        "primary_center": CHINA,
        "centers": [CHINA],
        "collections": ["China and Southeast Asia"],
        "regions": ["Southeast Asia", "China"],
        "topics": ["Conflict and Peacebuilding", "Security", "Foreign Policy"],
        "authors": [("Pongphisoot (Paul) Busbarat", "author", "Nonresident Scholar, Carnegie China")],
        "paragraphs": [
            "When fighting broke out along the Thai-Cambodian border, Beijing was quick to offer its good offices.",
            "China has close ties with both capitals, and a stable neighborhood serves its economic interests. "
            "Yet the offer met a cautious response, especially in Bangkok.",
            "The episode shows both the reach and the limits of China’s ambition to act as a regional peacemaker.",
            "How Southeast Asian states respond to such offers will shape the region’s balance of power for "
            "years to come.",
        ],
    },
    {
        "legacy_id": "demo-china-firm-against-trump",
        "title": "China Is Determined to Hold Firm Against Trump’s Pressure",
        "dek": (
            "Beijing believes that Washington is overestimating its own leverage and its ability to handle the "
            "trade war’s impacts."
        ),
        "type": "legacycommentary",
        "date": datetime.date(2025, 4, 17),
        "primary_center": CHINA,
        "centers": [CHINA],
        "regions": ["China", "United States"],
        "topics": ["Trade", "Foreign Policy", "Geopolitics"],
        "authors": [
            ("Rick Waters", "author", "Managing Director, Carnegie China"),
            ("Sheena Chestnut Greitens", "author", "Nonresident Scholar, Carnegie China"),
        ],
        "lead_image_credit": "Source: Getty",
        "paragraphs": [
            "Chinese officials have watched the escalation of U.S. tariffs with a mixture of concern and confidence.",
            "Their reading is that Washington has overestimated its leverage and underestimated the costs a "
            "trade war will impose on American consumers and companies.",
            "Beijing has prepared for this moment for years, diversifying export markets and building tools to "
            "respond in kind.",
            "That does not make a deal impossible, but it does mean China is unlikely to make quick concessions.",
        ],
    },
    # Originals of the first translated works; their editions, and the demo's other works in
    # several languages, are in publications/demo/editions.py.
    {
        "legacy_id": "demo-russia-long-war",
        "title": "Why the Kremlin Is Betting on a Long War",
        "dek": "Moscow believes time is on its side. That belief shapes its military planning and its diplomacy.",
        "type": "legacycommentary",
        "date": datetime.date(2024, 6, 12),
        "primary_center": RUSSIA,
        "centers": [RUSSIA, GLOBAL],
        "collections": ["The War in Ukraine"],
        "regions": ["Russia", "Ukraine"],
        "topics": ["Military", "Foreign Policy", "Conflict and Peacebuilding"],
        "projects": ["Carnegie Politika"],
        "authors": [("Mikhail Zarubin", "author", None)],
        "paragraphs": [
            "The Kremlin no longer talks about a quick victory. It talks about endurance.",
            "Russian planners assume that Western support for Ukraine will erode before Russia’s own capacity "
            "to wage war does.",
            "That assumption shapes everything from defense budgets to the tone of Russian diplomacy.",
            "Whether it is correct depends above all on choices made in Europe and the United States.",
        ],
    },
    {
        "legacy_id": "demo-russia-war-economy",
        "title": "Russia’s War Economy Is Running on Borrowed Time",
        "dek": "Military spending has kept Russia’s economy growing, but the costs are mounting and the buffers are thinning.",
        "type": "legacyarticle",
        "date": datetime.date(2026, 2, 10),
        "primary_center": RUSSIA,
        "centers": [RUSSIA, GLOBAL],
        "regions": ["Russia"],
        "topics": ["Economy", "Energy", "Military"],
        "projects": ["Carnegie Politika"],
        "authors": [("Ekaterina Belyaeva", "author", None)],
        "paragraphs": [
            "Russia’s economy has proved more resilient than many expected when the war began.",
            "Much of that resilience comes from state spending on the military, which has pushed up wages and "
            "output in the defense sector.",
            "But inflation remains high, interest rates are punishing for civilian businesses and the budget "
            "depends on energy revenues that are increasingly uncertain.",
            "The model can continue for some time. It cannot continue indefinitely.",
        ],
    },
    {
        "legacy_id": "demo-lebanon-reform-window",
        "title": "Lebanon’s Reform Window Is Closing",
        "dek": "A new government promised to tackle the financial collapse. Time is running out to show results.",
        "type": "legacycommentary",
        "date": datetime.date(2026, 5, 19),
        "primary_center": MIDDLE_EAST,
        "centers": [MIDDLE_EAST],
        "regions": ["Levant"],
        "topics": ["Political Reform", "Economy"],
        "projects": ["Diwan"],
        "authors": [("Yasmine Tabbara", "author", None)],
        "paragraphs": [
            "Lebanon’s leaders came to office promising to confront the financial collapse that began in 2019.",
            "Some steps have been taken, from banking legislation to talks with international lenders.",
            "But the hardest decisions, on how losses will be shared, keep being postponed.",
            "If the window for reform closes, the cost will again fall on ordinary Lebanese.",
            # Added after the Arabic edition was translated (editions.EDITIONS_BEHIND).
            "Update: parliament has since passed a bank-resolution law; applying it is the next test.",
        ],
    },
    {
        "legacy_id": "demo-beijing-hedging",
        "title": "How Beijing Reads Southeast Asia’s Hedging",
        "dek": "Chinese analysts see the region’s balancing act as an opportunity as much as a challenge.",
        "type": "legacycommentary",
        "date": datetime.date(2024, 10, 8),
        "primary_center": CHINA,
        "centers": [CHINA],
        "collections": ["China and Southeast Asia"],
        "regions": ["China", "Southeast Asia"],
        "topics": ["Foreign Policy", "Geopolitics"],
        "authors": [("Zhou Yiran", "author", None)],
        "paragraphs": [
            "Southeast Asian governments insist they will not choose between China and the United States.",
            "In Beijing, that insistence is read with some satisfaction: a region that refuses to choose is a "
            "region that has not chosen Washington.",
            "Yet Chinese analysts also recognize that hedging cuts both ways, and that pressure can push "
            "neighbors closer to the United States.",
            "The result is a policy that mixes economic incentives with careful signaling.",
        ],
    },
]

# The hand-written Carnegie China pieces above are the newest of that center (they fill the seed
# page's "More Work from Carnegie China" rail): generated Carnegie China pieces, and the works and
# editions of publications/demo/editions.py that carry the center, stay older than this date.
CHINA_RAIL_CUTOFF = datetime.date(2025, 3, 31)

# The authors of the seed page: real people, so no invented links or e-mail addresses.
REAL_PEOPLE = {
    "Stefan Lehne",
    "Elina Noor",
    "Rick Waters",
    "Sheena Chestnut Greitens",
    "Pongphisoot (Paul) Busbarat",
    "Nguyễn Khắc Giang",
}

USERS = [
    # username, password, is_staff, is_superuser
    ("admin", "admin", True, True),
    ("editor", "editor", True, False),
    ("manager", "manager", True, False),
]
USER_ROLES = {"editor": "Editor", "manager": "Manager"}
