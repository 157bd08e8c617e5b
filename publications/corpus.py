"""Specifications of a large, realistic archive for measuring the site at a think tank's size.

`generate_corpus` turns these into rows. Everything here is pure Python: no database, no clock,
so a seed gives the same archive every time. The text machinery (titles, deks, paragraphs
about real regions and topics) is the demo generator's; this module adds what a big archive
has and the demo does not: thousands of people with a long tail of occasional co-authors,
bodies of realistic length (a commentary runs about 1,000 words, a research paper 5,000+),
translations, undated legacy pieces, drafts, expired and scheduled pieces, and rare words
(places and names that only a handful of pieces mention) for search to find.
"""

import datetime
import itertools
import random
from dataclasses import dataclass, field

from publications.demo import data, vocab
from publications.demo.generator import (
    CENTER_NAMES,
    Generator,
    region_ancestors,
    region_root,
    render,
    sample_weighted,
    weighted,
)

FIRST_NAMES = """
Aaron Abena Adaeze Adam Aditi Adriana Ahmed Aiko Aisha Akira Alejandro Aleksandr Alice Amara Amir Ana Anders
Andrea Andrei Anika Anna Ariel Arjun Astrid Ayesha Bao Beatriz Benjamin Bilal Bogdan Camila Carlos Catherine
Chen Chiara Chidi Claire Daniel Daria Dawit Diego Dmitri Elena Elif Emeka Emily Emma Erik Esra Fatima Felipe
Femi Fernando Fiona Gabriel Giulia Hana Hannah Hassan Helena Hiroshi Ibrahim Ines Ingrid Irina Isabel Ivan
Jakub James Jana Javier Jin Jonas Jorge Julia Julien Kamal Karim Katarzyna Kavya Kenji Kofi Laila Lars Layla
Leila Lena Liang Lina Lucas Lucia Maja Malik Marco Maria Marta Mateo Mei Mikhail Min-jun Miriam Mohammed
Nadia Naledi Nikolai Nina Noor Olga Omar Oscar Paolo Pedro Priya Rahul Ravi Rosa Rustam Sakura Samir Sara
Sebastian Sergei Shira Simone Sofia Sunita Tamar Tariq Thabo Thomas Tomas Valentina Vikram Wei Yara Yasmin
Yuki Yusuf Zainab Zeynep Zhang Zofia
""".split()

LAST_NAMES = """
Abbas Adeyemi Ahmadi Akhtar Alvarez Andersen Antonelli Aoki Arslan Asante Bakker Banerjee Barros Becker
Bianchi Bose Brennan Carvalho Castillo Chaudhry Chen Cohen Costa Dahl Das Demir Dubois Duarte Eriksson Farouk
Ferrari Fischer Fontaine Fujita Garcia Ghosh Gonzalez Gupta Haddad Hansen Hashemi Hoffmann Horvat Hosseini
Huang Ibrahim Ivanova Iyer Jankowski Jensen Kaplan Karimi Kato Kaur Kim Kovac Kowalski Kumar Laurent Lee
Lindqvist Lopez Mahmoud Malhotra Mansour Markovic Martin Mehta Mendes Meyer Mishra Moreau Morozov Mukherjee
Murphy Nakamura Nasser Nguyen Novak Novikova Nowak Obi Okafor Okonkwo Olsen Ortiz Osei Ozturk Park Patel
Pereira Petrov Popescu Qureshi Rahman Rao Reddy Reyes Richter Rossi Saleh Santos Sato Schmidt Sen Shah
Sharma Silva Singh Sokolov Suzuki Takahashi Tanaka Tran Usman Vargas Volkov Wagner Wang Weber Wiśniewski Wu
Yamamoto Yang Yildiz Yilmaz Zhang Zhou Zielinski
""".split()

# Places and institutions that few pieces mention: the long tail a search for a rare word finds.
RARE_PLACES = """
Aktobe Ambon Arusha Asmara Batumi Bishkek Bukhara Chernihiv Chittagong Cotonou Dushanbe Erbil Gagauzia Gwadar
Gyumri Hargeisa Herat Hodeidah Jaffna Kandahar Karakalpakstan Kashgar Khujand Kirkuk Kutaisi Lamu Mandalay
Mindanao Mosul Naypyidaw Nukus Osh Palawan Qamishli Quetta Sittwe Sokhumi Sumy Tskhinvali Tuzla Zaporizhzhia
Zinder Kherson Mariupol Transnistria Svalbard Zanzibar Galle Hambantota Djibouti Tartus Latakia Benghazi Misrata
""".split()

RARE_SENTENCES = [
    "Officials in {place} describe the same pressures in starker terms.",
    "The experience of {place} is instructive here.",
    "Local reporting from {place} suggests the picture is more complicated.",
    "A visit to {place} last year made the stakes plain.",
]

# Words per body, roughly, by content type (a commentary is about 1,000 words).
BODY_SECTIONS = {
    "legacycommentary": (3, 5),
    "legacyarticle": (5, 9),
    "legacyresearchpaper": (16, 26),
    "legacyinthemedia": (2, 4),
    "legacyqa": (3, 5),
    "legacyevent": (1, 2),
    "legacypodcast": (1, 2),
    "legacymultimedia": (1, 1),
    "legacybook": (2, 3),
    "legacytestimony": (8, 12),
    "legacypressrelease": (1, 2),
}

TRANSLATION_LANGUAGES = {
    data.EUROPE: [("fr", "version française"), ("de", "deutsche Fassung")],
    data.RUSSIA: [("ru", "русская версия"), ("uk", "українська версія")],
    data.CHINA: [("zh-hans", "中文版")],
    data.MIDDLE_EAST: [("ar", "النسخة العربية")],
    data.INDIA: [("hi", "हिंदी संस्करण")],
}

# Shares of the archive (the rest is published and live).
UNDATED_SHARE = 0.02
NOT_PUBLISHED_SHARE = {"draft": 0.006, "in_review": 0.002, "unpublished": 0.003}
EXPIRED_SHARE = 0.002
SCHEDULED_SHARE = 0.001
TRANSLATED_SHARE = 0.06  # of pieces from centers that translate
SCHEDULED_AT = datetime.datetime(2031, 1, 5, 9, 0, tzinfo=datetime.UTC)
EXPIRED_AT = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


@dataclass
class CorpusPerson:
    name: str
    sort_name: str
    kind: str  # "expert" or "contributor"
    is_current: bool
    has_profile: bool
    short_bio: str
    bio: str
    centers: list  # center names, first = main affiliation
    title_line: str
    topics: list
    regions: list
    weight: float  # how prolific, relative to others


@dataclass
class CorpusPiece:
    index: int
    title: str
    dek: str
    body: str
    type: str
    date: datetime.date | None
    language: str
    translation_of: int | None  # index of the original piece
    primary_center: str
    centers: list
    regions: list
    topics: list
    programs: list
    projects: list
    newsletters: list
    keywords: list
    authors: list  # (person index, role)
    status: str = "published"
    go_live_at: datetime.datetime | None = None
    expire_at: datetime.datetime | None = None
    is_featured: bool = False
    source_name: str = ""
    lead_image_credit: str = ""
    extra: dict = field(default_factory=dict)


class Corpus:
    """A deterministic archive: `people(n)` first, then `pieces(n)` yields publications in order."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.text = Generator(people=[])
        self.text.rng = random.Random(seed + 1)
        self.persons: list[CorpusPerson] = []
        self.pools: dict[str, tuple[list[int], list[float]]] = {}

    # -- people -------------------------------------------------------------------------------

    def people(self, count: int, *, taken_names: set[str]) -> list[CorpusPerson]:
        rng = self.rng
        names = [f"{first} {last}" for first, last in itertools.product(FIRST_NAMES, LAST_NAMES)]
        rng.shuffle(names)
        names = [name for name in names if name not in taken_names]
        if count > len(names):
            initials = [
                f"{first} {chr(65 + i % 26)}. {last}"
                for i, (first, last) in enumerate(itertools.product(FIRST_NAMES, LAST_NAMES))
            ]
            names += [name for name in initials if name not in taken_names]
        experts = max(1, count // 8)
        topics = [name for name, _bio, _phrases in data.TOPICS]
        for i, name in enumerate(names[:count]):
            is_expert = i < experts
            center = weighted(rng, vocab.CENTER_WEIGHTS) if is_expert else None
            leafs = list(vocab.CENTER_REGIONS[center]) if center else [name for name, *_ in data.REGIONS]
            person_topics = rng.sample(list(vocab.CENTER_TOPICS[center]) if center else topics, 2)
            person_regions = rng.sample(leafs, min(2, len(leafs)))
            role = (
                rng.choice(["Senior Fellow", "Fellow", "Nonresident Scholar", "Senior Fellow", "Director"])
                if is_expert
                else rng.choice(["Journalist", "Professor", "Researcher", "Former Diplomat", "Analyst"])
            )
            current = not is_expert or rng.random() > 0.25
            title_line = f"{role}, {center}" if center else role
            if center and not current:
                title_line = f"Former {title_line}"
            short_bio = (
                f"{name} {'is' if current else 'was'} a {role.lower()} "
                f"{'at ' + data.CENTER_IN_TEXT.get(center, center) if center else 'writing'} on "
                f"{person_topics[0].lower()} and {person_topics[1].lower()}."
            )
            self.persons.append(
                CorpusPerson(
                    name=name,
                    sort_name=f"{name.split()[-1]}, {' '.join(name.split()[:-1])}",
                    kind="expert" if is_expert else "contributor",
                    is_current=current,
                    has_profile=is_expert or rng.random() < 0.7,
                    short_bio=short_bio,
                    bio=render([short_bio, f"Their work covers {', '.join(person_regions)}."]),
                    centers=[center] if center else [],
                    title_line=title_line,
                    topics=person_topics,
                    regions=person_regions,
                    # A few people write a great deal; most write a little (Zipf-like).
                    weight=1.0 / (1 + i % 97) ** 0.9 if is_expert else 1.0 / (1 + (i - experts)) ** 0.6,
                )
            )
        for center in CENTER_NAMES:
            members = [i for i, p in enumerate(self.persons) if center in p.centers]
            self.pools[center] = (members, list(itertools.accumulate(self.persons[i].weight for i in members)))
        contributors = [i for i, p in enumerate(self.persons) if p.kind == "contributor"]
        self.pools["contributors"] = (
            contributors,
            list(itertools.accumulate(self.persons[i].weight for i in contributors)),
        )
        return self.persons

    def _pick(self, pool: str, k: int) -> list[int]:
        members, cumulative = self.pools[pool]
        if not members:
            return []
        picked: list[int] = []
        for _ in range(k * 3):
            (choice,) = self.rng.choices(members, cum_weights=cumulative, k=1)
            if choice not in picked:
                picked.append(choice)
            if len(picked) == k:
                break
        return picked

    # -- publications -------------------------------------------------------------------------

    def pieces(self, count: int):
        """Yield `count` CorpusPiece in order; translations follow their original closely."""
        rng = self.rng
        originals: dict[str, list[CorpusPiece]] = {}
        index = 0
        while index < count:
            translatable = [p for p in originals.get("pending", []) if p.index < index]
            if translatable and rng.random() < 0.5:
                original = translatable.pop(0)
                originals["pending"].remove(original)
                yield self.translation(index, original)
            else:
                piece = self.piece(index)
                if (
                    piece.primary_center in TRANSLATION_LANGUAGES
                    and piece.status == "published"
                    and piece.date
                    and rng.random() < TRANSLATED_SHARE
                ):
                    originals.setdefault("pending", []).append(piece)
                yield piece
            index += 1

    def piece(self, index: int) -> CorpusPiece:
        rng = self.rng
        center = weighted(rng, vocab.CENTER_WEIGHTS)
        ptype = weighted(rng, vocab.TYPE_WEIGHTS)
        leaf = weighted(rng, vocab.CENTER_REGIONS[center])
        regions = [leaf]
        if rng.random() < 0.25:
            other = weighted(rng, vocab.CENTER_REGIONS[center])
            if other not in region_ancestors(leaf):
                regions.append(other)
        topics = sample_weighted(rng, vocab.CENTER_TOPICS[center], weighted(rng, {1: 3, 2: 5, 3: 3}))
        centers = [center]
        if center != data.GLOBAL and rng.random() < 0.45:
            centers.append(data.GLOBAL)
        if rng.random() < 0.06:
            centers.append(rng.choice([c for c in CENTER_NAMES if c not in centers]))

        date = (
            None
            if rng.random() < UNDATED_SHARE
            else data.FIRST_DATE
            + datetime.timedelta(days=int((rng.random() ** 0.7) * (data.REFERENCE_DATE - data.FIRST_DATE).days))
        )
        count = weighted(rng, {1: 52, 2: 26, 3: 13, 4: 6, 5: 3})
        if ptype in ("legacypressrelease", "legacytestimony"):
            count = 1
        authors = self._pick(center, count)
        if rng.random() < 0.18 or not authors:
            authors += self._pick("contributors", 1)
        role = "editor" if ptype == "legacybook" and len(authors) > 1 and rng.random() < 0.5 else "author"
        names = [self.persons[i] for i in authors]

        ctx = self.text.context(center, leaf, topics, date or data.REFERENCE_DATE, names)
        outlet = rng.choice(vocab.OUTLETS[center]) if ptype == "legacyinthemedia" else ""
        title = self.text.title(ptype, ctx, outlet)
        dek = self.text.dek(ptype, ctx)
        body = self.body(ptype, ctx, names)

        status, go_live_at, expire_at = "published", None, None
        roll = rng.random()
        for candidate, share in NOT_PUBLISHED_SHARE.items():
            if roll < share:
                status = candidate
                break
            roll -= share
        else:
            if roll < EXPIRED_SHARE:
                expire_at = EXPIRED_AT
            elif roll < EXPIRED_SHARE + SCHEDULED_SHARE:
                go_live_at = SCHEDULED_AT

        programs = []
        if rng.random() < (0.6 if center == data.GLOBAL else 0.15):
            options = [vocab.PROGRAM_FOR_TOPIC[t] for t in topics if t in vocab.PROGRAM_FOR_TOPIC]
            root_program = vocab.PROGRAM_FOR_REGION_PARENT.get(region_root(leaf))
            options += [root_program] if root_program else []
            programs = sorted(set(rng.sample(options, min(len(options), 1)))) if options else []
        projects = []
        if center in vocab.PROJECT_FOR_CENTER and ptype == "legacycommentary" and rng.random() < 0.5:
            projects.append(vocab.PROJECT_FOR_CENTER[center])
        newsletters = []
        if date and data.GLOBAL in centers and date.year >= 2023 and rng.random() < 0.3:
            newsletters.append("Carnegie Global Briefing")
        keywords = []
        if rng.random() < 0.4:
            words = [w for t in topics for w in vocab.KEYWORDS_FOR_TOPIC.get(t, [])]
            keywords = sorted(set(rng.sample(words, min(len(words), rng.randint(1, 3)))), key=str.lower)
        return CorpusPiece(
            index=index,
            title=title,
            dek=dek,
            body=body,
            type=ptype,
            date=date,
            language="en",
            translation_of=None,
            primary_center=center,
            centers=centers,
            regions=regions,
            topics=topics,
            programs=programs,
            projects=projects,
            newsletters=newsletters,
            keywords=keywords,
            authors=[(i, role) for i in authors],
            status=status,
            go_live_at=go_live_at,
            expire_at=expire_at,
            is_featured=status == "published" and rng.random() < 0.002,
            source_name=outlet,
            lead_image_credit=rng.choice(vocab.IMAGE_CREDITS) if rng.random() < 0.3 else "",
        )

    def body(self, ptype: str, ctx: dict, authors) -> str:
        """Sections of the demo generator's paragraphs under headings, to a realistic length."""
        rng = self.rng
        low, high = BODY_SECTIONS[ptype]
        sections = []
        for number in range(rng.randint(low, high)):
            if number:
                sections.append(render([("h2", self.text.fill(rng.choice(vocab.HEADINGS), ctx))]))
            sections.append(self.text.body(ptype if number == 0 else "legacyarticle", ctx, authors))
        if rng.random() < 0.3:
            # Zipf-like: the first places are mentioned far more often than the last.
            place = RARE_PLACES[min(int(rng.paretovariate(1.2)) - 1, len(RARE_PLACES) - 1)]
            sections.append(render([rng.choice(RARE_SENTENCES).format(place=place)]))
        return "\n".join(sections)

    def translation(self, index: int, original: CorpusPiece) -> CorpusPiece:
        language, label = self.rng.choice(TRANSLATION_LANGUAGES[original.primary_center])
        return CorpusPiece(
            index=index,
            title=f"{original.title} ({label})",
            dek=original.dek,
            body=original.body,
            type=original.type,
            date=original.date + datetime.timedelta(days=self.rng.randint(0, 6)),
            language=language,
            translation_of=original.index,
            primary_center=original.primary_center,
            centers=list(original.centers),
            regions=list(original.regions),
            topics=list(original.topics),
            programs=list(original.programs),
            projects=list(original.projects),
            newsletters=[],
            keywords=list(original.keywords),
            authors=list(original.authors)
            + [(i, "translator") for i in self._pick("contributors", 1) if i not in {a for a, _ in original.authors}],
        )
