"""Word lists and sentence templates for the generated publications.

Placeholders: {A} the main actor (a country or institution), {A2} a second actor from the same
region, {O} an outside power, {R} the region as written in running text, {p}/{p2} topic phrases
(lower case), {P} the topic phrase in title case, {Y} the publication year, {Y1} an earlier year,
{n} a small number of years, {S} a speaker or author name, {show} a podcast, {committee} a
legislative committee, {center} the primary center, {city} its city.

Over 400 lines on purpose: this is data (word lists), not code.
"""

from .data import CALIFORNIA, CHINA, EUROPE, GLOBAL, INDIA, MIDDLE_EAST, RUSSIA

# Actors per leaf region (and for the few non-leaf regions a piece can be tagged with).
ACTORS = {
    "Western Europe": ["France", "Germany", "Italy", "Spain", "the Netherlands", "Belgium", "Austria", "Greece"],
    "Central Europe": ["Poland", "Hungary", "Czechia", "Slovakia", "Slovenia"],
    "Eastern Europe": ["Moldova", "Romania", "Bulgaria", "Estonia", "Latvia", "Lithuania"],
    "Balkans": ["Serbia", "Kosovo", "Bosnia and Herzegovina", "North Macedonia", "Albania", "Montenegro"],
    "Türkiye": ["Türkiye", "Ankara"],
    "East Asia": ["Japan", "Taiwan", "Mongolia", "South Korea"],
    "China": ["China", "Beijing"],
    "Korean Peninsula": ["South Korea", "North Korea", "Seoul", "Pyongyang"],
    "South Asia": ["Pakistan", "Bangladesh", "Sri Lanka", "Nepal", "Afghanistan", "the Maldives"],
    "India": ["India", "New Delhi"],
    "Southeast Asia": [
        "Indonesia",
        "Vietnam",
        "Malaysia",
        "Thailand",
        "the Philippines",
        "Cambodia",
        "Myanmar",
        "ASEAN",
    ],
    "Central Asia": ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan"],
    "Gulf": ["Saudi Arabia", "the United Arab Emirates", "Qatar", "Oman", "Kuwait", "Iran", "Bahrain"],
    "Levant": ["Lebanon", "Syria", "Jordan", "Iraq", "Israel"],
    "North Africa": ["Egypt", "Tunisia", "Morocco", "Algeria", "Libya"],
    "Russia": ["Russia", "the Kremlin", "Moscow"],
    "Ukraine": ["Ukraine", "Kyiv"],
    "Belarus": ["Belarus", "Minsk"],
    "Caucasus": ["Georgia", "Armenia", "Azerbaijan"],
    "Sahel": ["Mali", "Niger", "Burkina Faso", "Chad", "Senegal"],
    "East Africa": ["Ethiopia", "Kenya", "Sudan", "Somalia", "Tanzania"],
    "Southern Africa": ["South Africa", "Zimbabwe", "Mozambique", "Angola", "Zambia"],
    "United States": ["the United States", "Washington"],
    "Latin America": ["Brazil", "Mexico", "Colombia", "Venezuela", "Argentina", "Chile", "Peru"],
}

# Names that stand for the same country: never set against each other in one sentence.
SYNONYMS = [
    {"China", "Beijing"},
    {"India", "New Delhi"},
    {"Russia", "the Kremlin", "Moscow"},
    {"Ukraine", "Kyiv"},
    {"Belarus", "Minsk"},
    {"Türkiye", "Ankara"},
    {"the United States", "Washington"},
    {"South Korea", "Seoul"},
    {"North Korea", "Pyongyang"},
]

# Regions that are a single country are written as their wider neighborhood in running text,
# so that "Belarus" is not said to be at the center of the debate in Belarus.
WIDER_REGION = {
    "China": "Asia",
    "India": "South Asia",
    "Russia": "Eurasia",
    "Ukraine": "Europe",
    "Belarus": "Eastern Europe",
    "Türkiye": "the Middle East",
    "United States": "the Americas",
}

# Outside powers that comment on, court or pressure a region.
OUTSIDE = {
    "Europe": ["the EU", "the United States", "Russia", "China", "NATO"],
    "Asia": ["the United States", "China", "Japan", "India", "the EU"],
    "Middle East and North Africa": ["the United States", "the EU", "China", "Russia", "the Gulf states"],
    "Russia and Eurasia": ["the EU", "the United States", "China", "Türkiye", "NATO"],
    "Africa": ["the EU", "China", "Russia", "the United States", "the Gulf states"],
    "Americas": ["China", "the EU", "Mexico", "Canada", "Brazil"],
}

# Leaf regions a center writes about, with weights.
CENTER_REGIONS = {
    GLOBAL: {
        "United States": 4,
        "China": 3,
        "Ukraine": 2,
        "Russia": 2,
        "Gulf": 2,
        "Korean Peninsula": 2,
        "India": 2,
        "Latin America": 2,
        "Sahel": 2,
        "East Africa": 1,
        "Southern Africa": 1,
        "Western Europe": 1,
        "Southeast Asia": 1,
        "Türkiye": 1,
        "Levant": 1,
        "East Asia": 1,
    },
    EUROPE: {
        "Western Europe": 4,
        "Central Europe": 3,
        "Eastern Europe": 3,
        "Balkans": 3,
        "Ukraine": 2,
        "Türkiye": 1,
        "Belarus": 1,
        "Caucasus": 1,
        "North Africa": 1,
    },
    CHINA: {"China": 5, "Southeast Asia": 4, "East Asia": 2, "Korean Peninsula": 1, "South Asia": 1},
    RUSSIA: {"Russia": 5, "Ukraine": 4, "Caucasus": 2, "Central Asia": 2, "Belarus": 2},
    INDIA: {"India": 6, "South Asia": 3, "Southeast Asia": 1, "Gulf": 1},
    MIDDLE_EAST: {"Levant": 4, "Gulf": 4, "North Africa": 3},
    CALIFORNIA: {"United States": 5, "Latin America": 2, "East Asia": 2, "China": 1},
}

# Topics a center writes about, with weights.
CENTER_TOPICS = {
    GLOBAL: {
        "Foreign Policy": 4,
        "Nuclear Policy": 3,
        "Democracy": 3,
        "Security": 3,
        "Technology": 2,
        "Artificial Intelligence": 2,
        "Climate": 2,
        "Trade": 2,
        "Economy": 2,
        "Global Governance": 2,
        "Geopolitics": 2,
        "Military": 1,
        "Human Rights": 1,
        "Conflict and Peacebuilding": 1,
        "Civil Society": 1,
    },
    EUROPE: {
        "EU": 5,
        "Foreign Policy": 4,
        "Security": 3,
        "Democracy": 2,
        "Rule of Law": 2,
        "Political Reform": 2,
        "Migration": 2,
        "Energy": 2,
        "Trade": 1,
        "Military": 1,
        "Climate": 1,
    },
    CHINA: {
        "Foreign Policy": 4,
        "Trade": 3,
        "Security": 3,
        "Geopolitics": 3,
        "Technology": 2,
        "Economy": 2,
        "Military": 1,
        "Climate": 1,
    },
    RUSSIA: {
        "Foreign Policy": 4,
        "Military": 3,
        "Security": 3,
        "Economy": 2,
        "Energy": 2,
        "Civil Society": 2,
        "Human Rights": 1,
        "Democracy": 1,
        "Conflict and Peacebuilding": 2,
    },
    INDIA: {
        "Foreign Policy": 3,
        "Technology": 3,
        "Security": 3,
        "Economy": 2,
        "Trade": 2,
        "Climate": 2,
        "Artificial Intelligence": 2,
        "Energy": 1,
    },
    MIDDLE_EAST: {
        "Political Reform": 3,
        "Security": 3,
        "Conflict and Peacebuilding": 3,
        "Economy": 2,
        "Energy": 2,
        "Religion": 2,
        "Civil Society": 2,
        "Migration": 1,
        "Human Rights": 1,
        "Foreign Policy": 2,
    },
    CALIFORNIA: {
        "Technology": 4,
        "Artificial Intelligence": 3,
        "Climate": 3,
        "Trade": 3,
        "Economy": 2,
        "Migration": 1,
        "Cyberspace": 2,
    },
}

# Share of each center in the generated publications.
CENTER_WEIGHTS = {GLOBAL: 30, EUROPE: 16, CHINA: 11, RUSSIA: 13, INDIA: 10, MIDDLE_EAST: 12, CALIFORNIA: 8}

TYPE_WEIGHTS = {
    "legacycommentary": 32,
    "legacyarticle": 20,
    "legacyinthemedia": 12,
    "legacyresearchpaper": 8,
    "legacyqa": 5,
    "legacyevent": 7,
    "legacypodcast": 5,
    "legacymultimedia": 3,
    "legacybook": 2,
    "legacytestimony": 2,
    "legacypressrelease": 4,
}

PROGRAM_FOR_REGION_PARENT = {
    "Europe": "Europe Program",
    "Asia": "Asia Program",
    "Africa": "Africa Program",
    "Americas": "American Statecraft Program",
}
PROGRAM_FOR_TOPIC = {
    "Democracy": "Democracy, Conflict, and Governance Program",
    "Civil Society": "Democracy, Conflict, and Governance Program",
    "Rule of Law": "Democracy, Conflict, and Governance Program",
    "Conflict and Peacebuilding": "Democracy, Conflict, and Governance Program",
    "Nuclear Policy": "Nuclear Policy Program",
    "Technology": "Technology and International Affairs Program",
    "Artificial Intelligence": "Technology and International Affairs Program",
    "Cyberspace": "Technology and International Affairs Program",
    "Climate": "Sustainability, Climate, and Geopolitics Program",
    "Energy": "Sustainability, Climate, and Geopolitics Program",
}
PROJECT_FOR_CENTER = {EUROPE: "Strategic Europe", RUSSIA: "Carnegie Politika", MIDDLE_EAST: "Diwan"}
PROJECT_FOR_TOPIC = {
    "Civil Society": "Global Protest Tracker",
    "Democracy": "Global Protest Tracker",
    "Nuclear Policy": "Nuclear Risk Reduction Initiative",
    "Artificial Intelligence": "Digital Democracy Network",
    "Cyberspace": "Digital Democracy Network",
}

OUTLETS = {
    GLOBAL: [
        "Foreign Affairs",
        "Foreign Policy",
        "The Washington Post",
        "The New York Times",
        "World Politics Review",
        "Financial Times",
        "The Atlantic",
    ],
    EUROPE: [
        "Financial Times",
        "Politico Europe",
        "World Politics Review",
        "Le Monde",
        "Project Syndicate",
        "Internationale Politik Quarterly",
    ],
    CHINA: ["South China Morning Post", "Nikkei Asia", "The Diplomat", "Foreign Affairs", "The Straits Times"],
    RUSSIA: ["Foreign Affairs", "Financial Times", "The Moscow Times", "Meduza", "Project Syndicate"],
    INDIA: ["The Hindu", "Hindustan Times", "The Indian Express", "Foreign Policy", "Mint"],
    MIDDLE_EAST: ["Al Jazeera", "L’Orient-Le Jour", "Foreign Policy", "The National", "World Politics Review"],
    CALIFORNIA: ["Los Angeles Times", "San Francisco Chronicle", "CalMatters", "Foreign Policy"],
}

PODCASTS = {
    GLOBAL: "The World Unpacked",
    EUROPE: "Strategic Europe Podcast",
    CHINA: "China in the World",
    RUSSIA: "Carnegie Politika Podcast",
    INDIA: "Interpreting India",
    MIDDLE_EAST: "Diwan Podcast",
    CALIFORNIA: "California and the World",
}

COMMITTEES = {
    GLOBAL: [
        "Senate Foreign Relations Committee",
        "House Foreign Affairs Committee",
        "Senate Armed Services Committee",
        "U.S.-China Economic and Security Review Commission",
        "House Armed Services Committee",
    ],
    EUROPE: [
        "European Parliament’s Committee on Foreign Affairs",
        "European Parliament’s Subcommittee on Security and Defence",
    ],
    CHINA: ["U.S.-China Economic and Security Review Commission"],
    RUSSIA: ["European Parliament’s Committee on Foreign Affairs", "Senate Foreign Relations Committee"],
    INDIA: ["House Foreign Affairs Committee"],
    MIDDLE_EAST: ["House Foreign Affairs Committee", "European Parliament’s Committee on Foreign Affairs"],
    CALIFORNIA: [
        "California State Assembly Select Committee on Trade",
        "House Science, Space, and Technology Committee",
    ],
}

IMAGE_CREDITS = ["Source: Getty"] * 6 + ["Source: Reuters", "Source: AP Photo", "Source: AFP via Getty Images"]

KEYWORDS_FOR_TOPIC = {
    "Foreign Policy": ["diplomacy", "summits"],
    "EU": ["EU enlargement", "European Commission", "Council of the EU"],
    "Political Reform": ["constitutions", "decentralization"],
    "Democracy": ["elections", "populism", "democratic backsliding"],
    "Security": ["NATO", "terrorism", "border security"],
    "Military": ["defense budgets", "arms transfers"],
    "Nuclear Policy": ["deterrence", "nonproliferation", "IAEA"],
    "Technology": ["semiconductors", "5G", "data protection"],
    "Artificial Intelligence": ["AI regulation", "AI safety"],
    "Cyberspace": ["cybersecurity", "disinformation"],
    "Climate": ["COP", "carbon pricing", "climate finance"],
    "Energy": ["natural gas", "oil", "renewables"],
    "Economy": ["IMF", "inflation", "sovereign debt"],
    "Trade": ["tariffs", "sanctions", "WTO", "supply chains"],
    "Migration": ["refugees", "asylum"],
    "Human Rights": ["political prisoners", "press freedom"],
    "Civil Society": ["protests", "NGOs"],
    "Rule of Law": ["corruption", "courts"],
    "Geopolitics": ["BRICS", "great power competition"],
    "Global Governance": ["United Nations", "G20"],
    "Religion": ["Islam", "sectarianism"],
    "Conflict and Peacebuilding": ["ceasefires", "peacekeeping", "mediation"],
}

# ---------------------------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------------------------

TITLES = [
    "{A}’s {P} Is Running Out of Road",
    "What {A}’s {P} Means for {O}",
    "Why {A} Is Rethinking Its {P}",
    "The Limits of {A}’s {P}",
    "Can {A} Salvage Its {P}?",
    "The Hidden Costs of {A}’s {P}",
    "{R}’s {P} Problem",
    "Rethinking {P} in {R}",
    "How {O} Should Respond to {A}’s {P}",
    "{A}’s {P}: Between Ambition and Reality",
    "Is {A}’s {P} Sustainable?",
    "The Politics Behind {A}’s {P}",
    "Understanding {A}’s New {P}",
    "Five Takeaways From {A}’s {P}",
    "The Quiet Transformation of {A}’s {P}",
    "A New Chapter for {A}’s {P}?",
    "Why {O} Misreads {A}’s {P}",
    "{A}’s {P} Enters a Dangerous Phase",
    "Lessons From {A}’s {P}",
    "The Geopolitics of {A}’s {P}",
    "What Comes Next for {A}’s {P}",
    "Why {A}’s {P} Matters More Than Ever",
    "The Unraveling of {A}’s {P}",
    "Getting {A}’s {P} Right",
    "Reading the Signals in {A}’s {P}",
    "{A} and {A2}: Competing Visions of {P}",
    "How {A} Turned Its {P} Into a Political Weapon",
    "{A}’s Gamble on {P}",
    "The Myth of {A}’s {P}",
    "Don’t Underestimate {A}’s {P}",
]
RESEARCH_TITLES = [
    "{P} in {R}: Trends, Risks, and Policy Options",
    "{A}’s {P}: A Strategy for {O}",
    "Beyond {P}: Rethinking {O}’s Approach to {A}",
    "{A} at a Crossroads: {P} and the Future of {R}",
    "Managing {P} in {R}: Lessons for Policymakers",
    "The Political Economy of {A}’s {P}",
]
QA_TITLES = [
    "Five Questions on {A}’s {P}",
    "Q&A: Making Sense of {A}’s {P}",
    "{S} on {A}’s {P}",
    "Unpacking {A}’s {P}",
]
EVENT_TITLES = [
    "{A} at a Crossroads: A Conversation on {P}",
    "Panel Discussion: {A}’s {P} and the Future of {R}",
    "{R} in {Y}: What Next for {P}?",
    "A Conversation With {S} on {A}’s {P}",
    "Roundtable: {P} in {R}",
]
PODCAST_TITLES = [
    "{show}: {A}’s {P}, Explained",
    "{show}: Is {A}’s {P} Working?",
    "{show}: Inside {A}’s {P}",
    "{show}: {R} and the Politics of {P}",
]
MULTIMEDIA_TITLES = [
    "Mapping {A}’s {P}",
    "Interactive: Tracking {P} in {R}",
    "Video: {A}’s {P} in Three Minutes",
    "Data Visualization: {R}’s {P} Since {Y1}",
]
BOOK_MAINS = [
    "Rivals and Partners",
    "The Long Game",
    "Hedging Bets",
    "Unfinished Transitions",
    "The New Frontline",
    "Power Without Consensus",
    "Borrowed Time",
    "Fault Lines",
    "The Uneasy Neighborhood",
    "Contested Ground",
]
BOOK_TITLES = ["{main}: {P} and Power in {R}", "{main}: {A} and the Politics of {P}"]
TESTIMONY_TITLES = ["Testimony Before the {committee}: {A}’s {P}", "{A}’s {P}: Testimony Before the {committee}"]
PRESS_TITLES = [
    "Carnegie Launches New Initiative on {P} in {R}",
    "{center_short} Releases New Report on {A}’s {P}",
    "{S} to Lead New Carnegie Work on {P}",
    "Carnegie Experts Available to Comment on {A}’s {P}",
]
GLOBAL_INSIDER_TITLES = [
    "Global Insider: {A}’s {P} Faces New Test",
    "Global Insider: Behind {A}’s {P}",
    "Global Insider: {A}’s {P} Signals Shift in {R}",
]

EU_CANDIDATES = {
    "Serbia",
    "Kosovo",
    "Bosnia and Herzegovina",
    "North Macedonia",
    "Albania",
    "Montenegro",
    "Moldova",
    "Ukraine",
    "Kyiv",
    "Georgia",
    "Türkiye",
    "Ankara",
}
EU_MEMBERS = {
    "France",
    "Germany",
    "Italy",
    "Spain",
    "the Netherlands",
    "Belgium",
    "Austria",
    "Greece",
    "Poland",
    "Hungary",
    "Czechia",
    "Slovakia",
    "Slovenia",
    "Romania",
    "the Baltic States",
    "Bulgaria",
    "Estonia",
    "Lithuania",
}
EU_PHRASES_CANDIDATE = ["EU accession bid", "EU membership bid", "road to Brussels", "accession process"]
EU_PHRASES_MEMBER = ["use of EU funds", "relationship with Brussels", "stance on EU reform", "EU policy"]

CENTER_CITY = {
    GLOBAL: "WASHINGTON",
    EUROPE: "BRUSSELS",
    CHINA: "SINGAPORE",
    RUSSIA: "BERLIN",
    INDIA: "NEW DELHI",
    MIDDLE_EAST: "BEIRUT",
    CALIFORNIA: "SACRAMENTO",
}

CONTRIBUTOR_CAREERS = [
    "{ref}’s writing has appeared in international and regional media.",
    "{ref} is a frequent commentator on {region} in international media.",
    "{ref} has contributed to several edited volumes on {topic}.",
]

PRIOR_CAREERS = [
    "taught international relations and comparative politics at the university level",
    "worked as a correspondent covering {region}",
    "served as a government adviser on {topic}",
    "led a research program on {topic} at an independent policy institute",
    "worked on {topic} at an international organization",
    "advised parliamentarians and civil society groups on {topic}",
]

# ---------------------------------------------------------------------------------------------
# Deks
# ---------------------------------------------------------------------------------------------

DEKS = [
    "As {A} doubles down on its {p}, {O} will need a more coherent strategy.",
    "{A}’s {p} reflects domestic pressures as much as strategic calculation, and its neighbors are taking note.",
    "The debate over {p} in {R} is shifting, and {A} is at the center of it.",
    "{A} has tried to balance its {p} with its {p2}, but the trade-offs are becoming harder to manage.",
    "A closer look at {A}’s {p} reveals more continuity, and more risk, than the headlines suggest.",
    "Without a clearer plan for its {p}, {A} risks losing ground to {A2}.",
    "{O} has a narrow window to shape {A}’s {p} before the choices harden.",
    "Recent developments in {A} show why {p} and {p2} can no longer be treated separately.",
    "The costs of {A}’s {p} are mounting, but its leaders see few alternatives.",
    "Policymakers in {O} should resist easy conclusions about {A}’s {p}.",
    "{A}’s leaders present their {p} as a success. The record is more mixed.",
    "What happens to {A}’s {p} will matter well beyond {R}.",
]
EVENT_DEKS = [
    "Experts discuss {A}’s {p} and what it means for {R}.",
    "A discussion of {A}’s {p} and the choices facing {O}.",
    "Carnegie scholars and guests assess the state of {p} in {R}.",
]
PODCAST_DEKS = [
    "{S} on what is driving {A}’s {p} and why it matters for {O}.",
    "In this episode: {S} on {A}’s {p} and the politics behind it.",
]
PRESS_DEKS = [
    "The new work will examine {p} across {R} and its implications for {O}.",
    "Carnegie’s experts will analyze {A}’s {p} in the months ahead.",
]
BOOK_DEKS = [
    "A new book examines how {A}’s {p} is reshaping {R}, and what {O} should do about it.",
    "Drawing on years of research, this book traces the politics of {p} in {R}.",
]

# ---------------------------------------------------------------------------------------------
# Body sentences
# ---------------------------------------------------------------------------------------------

# Sentences that can open a piece.
LEADS = [
    "Over the past {n} years, {A}’s {p} has moved from the margins of political debate to its center.",
    "When {A}’s leaders first set out their {p} in {Y1}, few observers expected it to last.",
    "Officials in {A} describe their {p} as a matter of necessity rather than choice.",
    "Much of the recent debate in {R} has focused on {p}, but the underlying drivers are older.",
    "Few issues have divided opinion in {A} as sharply as its {p}.",
    "{A}’s {p} has rarely been the subject of sustained international attention. That is starting to change.",
    "For much of the past decade, {O} treated {A}’s {p} as a secondary concern.",
]
CONTEXT = [
    "The backdrop is familiar: slow growth, polarized politics and a neighborhood in flux.",
    "{A}’s position has been shaped by geography, history and a political class wary of outside pressure.",
    "The shift did not happen overnight.",
    "To understand where {A} is heading, it helps to recall where it started.",
    "Earlier attempts at change stalled in the face of bureaucratic resistance and competing priorities.",
    "Domestic debates have often been driven by events rather than strategy.",
]
ANALYSIS = [
    "Two factors explain the change. The first is domestic politics: governing coalitions in {A} have discovered "
    "that {p} plays well with voters. The second is economic: the costs of {p2} have risen sharply since {Y1}.",
    "At the same time, {A2} has been watching closely and adjusting its own approach.",
    "Critics argue that the policy is more about signaling than substance. Supporters counter that incremental "
    "progress is still progress.",
    "The evidence so far is mixed.",
    "What is clear is that {p} is now entangled with {p2} in ways that make quick fixes unlikely.",
    "Interviews with officials and experts in {A} suggest a more cautious picture than public statements imply. "
    "Budget figures point in the same direction.",
    "None of this means a dramatic rupture is imminent.",
    "The institutional capacity to implement these commitments remains thin.",
    "Local actors have their own agendas, and they rarely align neatly with those of {O}.",
    "Public opinion has shifted as well, though less dramatically than some polls suggest.",
    "The gap between rhetoric and implementation is wide, and it is growing.",
    "Much depends on a small circle of decision-makers whose priorities are not always transparent.",
    "Regional rivalries complicate matters further.",
    "{A2}’s experience offers a useful, if imperfect, comparison.",
    "Economic interests and security concerns are pulling in different directions.",
]
STAKES = [
    "The stakes extend well beyond {A}.",
    "For {O}, the question is whether to engage, to apply pressure or to wait.",
    "Neighbors such as {A2} will draw their own conclusions from how this plays out.",
    "A failure here would reinforce the perception that {R} is drifting.",
    "Success, on the other hand, could offer a template for others in {R}.",
    "Investors, too, are paying attention.",
    "The humanitarian and economic costs of getting this wrong would be considerable.",
    "How {A} handles its {p} will also shape its standing with {O}.",
]
OUTLOOK = [
    "{O} should focus on a small number of achievable goals rather than a long list of demands.",
    "A more effective approach would pair political engagement with targeted economic support.",
    "Policymakers should also invest in the expertise needed to follow developments on the ground.",
    "Above all, consistency matters: mixed signals have undermined past efforts.",
    "The next twelve months will be decisive.",
    "The choices made now will shape {A}’s trajectory for years to come.",
    "There are no easy answers, but there are better and worse options.",
    "Whatever happens, {p} will remain a defining issue for {R} for the foreseeable future.",
    "Patience will be required, and so will a willingness to revisit old assumptions.",
    "The worst outcome would be to mistake short-term calm for lasting stability.",
]
HEADINGS = [
    "How We Got Here",
    "What Has Changed",
    "The Domestic Drivers",
    "The View From {O}",
    "Why It Matters for {R}",
    "What Comes Next",
    "Recommendations",
    "Three Scenarios",
    "The Regional Picture",
    "Risks Ahead",
    "The Economic Dimension",
    "A Closer Look at {A}",
]
QUESTIONS = [
    "What is driving {A}’s {p}?",
    "How has {O} responded?",
    "What are the risks for {R}?",
    "What should policymakers watch for in the coming months?",
    "Is this a lasting shift or a temporary adjustment?",
    "How does {A2} see these developments?",
    "What would a better policy look like?",
]
EVENT_OPENERS = [
    "Carnegie hosted a discussion with {S} on {A}’s {p} and its implications for {R}.",
    "Experts gathered at {the_center} to assess {A}’s {p} and the choices facing {O}.",
]
PODCAST_OPENERS = [
    "In this episode of {show}, {S} discuss{v_es} {A}’s {p} and what it means for {O}.",
    "On this episode of {show}, {S} explain{v_s} the politics behind {A}’s {p}.",
]
PRESS_OPENERS = [
    "{CITY}—{The_center} today announced new work on {p} in {R}, led by {S}.",
    "{CITY}—{The_center} today published new analysis of {A}’s {p} by {S}.",
]
TESTIMONY_OPENERS = [
    "Chair, Ranking Member and members of the committee, thank you for the opportunity to testify today on "
    "{A}’s {p}. The views I express are my own.",
]
BOOK_OPENERS = [
    "In this book, {S} examine{v_s} how {A}’s {p} took shape and why it matters for {R}.",
    "Drawing on years of fieldwork, {S} trace{v_s} the politics of {p} in {R}, from {Y1} to the present.",
]
MULTIMEDIA_OPENERS = [
    "This interactive feature tracks {A}’s {p} and its effects across {R}.",
    "This short video explains {A}’s {p} and the debate it has provoked.",
]
