"""Turn the fixed demo data into plain specifications of people and publications.

Everything here is pure Python: no database access and no clock. The same seed gives the same
site, byte for byte, which is what makes `seed_demo` idempotent and its output reproducible.

Over 400 lines on purpose: one seeded random source feeds every step in a fixed order; split
over modules, the order of draws (and so the site, byte for byte) would be easy to change by accident.
"""

import datetime
import html
import random
import re
from dataclasses import dataclass, field

from cms.kit.slugs import base_slug

from . import data, editions, vocab
from .data import CHINA, GLOBAL

SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "in",
    "nor",
    "of",
    "on",
    "or",
    "the",
    "to",
    "vs",
    "with",
}


# ---------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------


def cap_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def titlecase(phrase: str) -> str:
    """Title-case a lower-case phrase, keeping acronyms ("AI", "EU") and small words."""

    def word(w: str, first: bool) -> str:
        parts = w.split("-")
        out = []
        for i, part in enumerate(parts):
            if part[:1].isupper() or (part in SMALL_WORDS and not (first and i == 0)):
                out.append(part)
            else:
                out.append(cap_first(part))
        return "-".join(out)

    return " ".join(word(w, i == 0) for i, w in enumerate(phrase.split()))


def fix_possessives(text: str) -> str:
    # "the Baltic States’s" → "the Baltic States’", "the Philippines’s" → "the Philippines’"
    return re.sub(r"(\w)s’s\b", r"\1s’", text)


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def join_words(items: list[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return f"{', '.join(items[:-1])}, and {items[-1]}"


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def render(blocks) -> str:
    """Blocks are strings (paragraphs) or ("h2", text) pairs; text is escaped like paragraphs_to_html."""
    out = []
    for block in blocks:
        tag, text = block if isinstance(block, tuple) else ("p", block)
        out.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
    return "\n".join(out)


def weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def sample_weighted(rng: random.Random, weights: dict, k: int) -> list:
    pool = dict(weights)
    picked = []
    while pool and len(picked) < k:
        key = weighted(rng, pool)
        picked.append(key)
        del pool[key]
    return picked


# ---------------------------------------------------------------------------------------------
# Taxonomy lookups
# ---------------------------------------------------------------------------------------------

REGION_PARENT = {name: parent for name, parent, _phrase, _desc in data.REGIONS}
REGION_PHRASE = {name: phrase for name, _parent, phrase, _desc in data.REGIONS}
TOPIC_BIO = {name: bio for name, bio, _phrases in data.TOPICS}
TOPIC_PHRASES = {name: phrases for name, _bio, phrases in data.TOPICS}
CENTER_NAMES = [c[0] for c in data.CENTERS]
CENTER_SHORT = {c[0]: c[1] or c[0] for c in data.CENTERS}
CENTER_ABOUT = {c[0]: c[4] for c in data.CENTERS}


def region_root(name: str) -> str:
    while REGION_PARENT.get(name):
        name = REGION_PARENT[name]
    return name


def region_ancestors(name: str) -> list[str]:
    out = [name]
    while REGION_PARENT.get(out[-1]):
        out.append(REGION_PARENT[out[-1]])
    return out


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


@dataclass
class PersonSpec:
    name: str
    slug: str
    sort_name: str
    kind: str
    is_current: bool
    has_profile: bool
    short_bio: str
    bio: str
    languages: str
    email: str
    topics: list
    regions: list
    affiliations: list  # (title_line, center name or None)
    links: list  # (label, url)
    # For the generator only:
    centers: set = field(default_factory=set)
    byline_title: str = ""  # the title shown on bylines of pieces written while on staff
    generate: bool = True
    until: datetime.date | None = None


UNIQUE_ROLES = {"Director", "Managing Director", "Vice President for Studies"}


def _title(role: str, unit: str) -> str:
    return f"{role}, {unit}" if unit else role


def _location(p: dict) -> str:
    if p["unit"] in data.CENTER_BIO_LOCATION:
        return data.CENTER_BIO_LOCATION[p["unit"]]
    return f"in the {p['unit']} at the Carnegie Endowment for International Peace"


def build_people() -> list[PersonSpec]:
    rng = random.Random(data.SEED + 1)
    people = []
    for p in data.PEOPLE:
        name = p["name"]
        slug = p.get("slug") or base_slug(name)
        ref = p.get("ref") or name.split()[-1]
        alumni_until = p.get("alumni_until")
        title = _title(p["role"], p["unit"])
        first_title = f"Former {title}" if alumni_until else title
        affiliations = [(first_title, p["center"])]
        if p.get("second") and not alumni_until:
            role, unit, center = p["second"]
            affiliations.append((_title(role, unit), center))

        topics_phrase = join_words([TOPIC_BIO[t] for t in p["topics"]])
        regions_phrase = join_words([REGION_PHRASE[r] for r in p["regions"]])
        if p["kind"] == "expert":
            role_lc = p["role"].lower()
            the = "the" if p["role"] in UNIQUE_ROLES else article(role_lc)
            intro = f"{the} {role_lc} {_location(p)}"
        else:
            intro = p["intro"] if p.get("intro") else f"{article(p['role'])} {p['role'].lower()}, {p['unit']}"
        verb = "was" if alumni_until else "is"
        first_sentence = f"{name} {verb} {intro}"
        short_bio = (
            p.get("short_bio")
            or p.get("bio")
            or (f"{first_sentence}, focusing on {join_words([TOPIC_BIO[t] for t in p['topics'][:2]])}.")
        )
        if p.get("bio"):
            bio = render([p["bio"]])
        else:
            focus = rng.choice(
                [
                    f"{possessive(ref)} research focuses on {topics_phrase} in {regions_phrase}.",
                    f"{ref} works on {topics_phrase}, with a focus on {regions_phrase}.",
                    f"{possessive(ref)} work examines {topics_phrase}, particularly in {regions_phrase}.",
                ]
                if p["kind"] == "expert"
                else [f"{ref} writes about {topics_phrase} in {regions_phrase}."]
            )
            prior = rng.choice(vocab.PRIOR_CAREERS).format(
                region=REGION_PHRASE[p["regions"][0]], topic=TOPIC_BIO[p["topics"][0]]
            )
            if p["kind"] == "expert":
                third = f"Before joining Carnegie, {ref} {prior}."
                if alumni_until:
                    third += f" {ref} left Carnegie in {alumni_until}."
            else:
                third = rng.choice(vocab.CONTRIBUTOR_CAREERS).format(
                    ref=ref, region=REGION_PHRASE[p["regions"][0]], topic=TOPIC_BIO[p["topics"][0]]
                )
                third = third.replace(f"{ref}’s", possessive(ref))
            bio = render([f"{first_sentence}. {focus}", third])

        links = []
        ascii_slug = slug if slug.isascii() else ""
        if name not in data.REAL_PEOPLE and ascii_slug:
            count = rng.choice([0, 0, 1, 1, 1, 2])
            options = [
                ("Bluesky", f"https://bsky.app/profile/{ascii_slug}.example.net"),
                ("Personal website", f"https://{ascii_slug.replace('-', '')}.example.net/"),
            ]
            links = options[:count] if rng.random() < 0.5 else list(reversed(options))[:count]
        email = (
            f"{ascii_slug}@example.org" if ascii_slug and p["kind"] == "expert" and name not in data.REAL_PEOPLE else ""
        )

        centers = {c for _t, c in affiliations if c}
        until = p.get("until")
        if alumni_until:
            until = datetime.date(alumni_until, 12, 31)
        people.append(
            PersonSpec(
                name=name,
                slug=slug,
                sort_name=p.get("sort") or "",
                kind=p["kind"],
                is_current=not alumni_until,
                has_profile=p.get("has_profile", True),
                short_bio=short_bio,
                bio=bio,
                languages=p["languages"],
                email=email,
                topics=list(p["topics"]),
                regions=list(p["regions"]),
                affiliations=affiliations,
                links=links,
                centers=centers,
                byline_title=title,
                generate=p.get("generate", True),
                until=until,
            )
        )
    return people


# ---------------------------------------------------------------------------------------------
# Publications
# ---------------------------------------------------------------------------------------------

N_GENERATED = 520
STATUS_COUNTS = {"draft": 10, "in_review": 8, "changes_requested": 3, "approved": 3, "unpublished": 2}


@dataclass
class PubSpec:
    legacy_id: str
    title: str
    dek: str
    body: str
    type: str
    date: datetime.date | None
    primary_center: str
    centers: list
    regions: list
    topics: list
    authors: list  # (person slug, role, title_line)
    language: str = "en"
    translation_of: str | None = None
    programs: list = field(default_factory=list)
    projects: list = field(default_factory=list)
    newsletters: list = field(default_factory=list)
    collections: list = field(default_factory=list)
    keywords: list = field(default_factory=list)
    lead_image_credit: str = ""
    source_name: str = ""
    source_url: str = ""
    is_featured: bool = False
    status: str = "published"
    go_live_at: datetime.datetime | None = None
    disclaimer_override: str = ""


def _random_date(rng, start: datetime.date, end: datetime.date, skew: float = 0.75) -> datetime.date:
    span = (end - start).days
    return start + datetime.timedelta(days=int((rng.random() ** skew) * span))


class Generator:
    def __init__(self, people: list[PersonSpec]):
        self.rng = random.Random(data.SEED)
        self.people = people
        self.by_name = {p.name: p for p in people}
        self.titles: set[str] = set()

    # -- authors ---------------------------------------------------------------------------

    def _active(self, person: PersonSpec, date: datetime.date) -> bool:
        return person.generate and (person.until is None or date <= person.until)

    def pick_authors(self, center, leaf, topics, date, count, *, contributor_chance=0.12):
        rng = self.rng
        weights = {}
        for person in self.people:
            if person.kind != "expert" or not self._active(person, date) or center not in person.centers:
                continue
            w = 1
            if set(region_ancestors(leaf)) & set(person.regions):
                w += 4
            w += 2 * len(set(topics) & set(person.topics))
            weights[person.name] = w
        if len(weights) < count:
            # Fall back on experts of the global center, then any active expert.
            for person in self.people:
                if person.kind == "expert" and self._active(person, date) and person.name not in weights:
                    weights[person.name] = 2 if GLOBAL in person.centers else 1
        names = sample_weighted(rng, weights, count)
        if rng.random() < contributor_chance:
            outside = [
                p.name
                for p in self.people
                if p.kind == "contributor" and self._active(p, date) and set(region_ancestors(leaf)) & set(p.regions)
            ]
            if outside:
                choice = rng.choice(outside)
                if len(names) > 1:
                    names[-1] = choice  # an outside co-author
                elif rng.random() < 0.6:
                    names = [choice]  # a guest piece
                else:
                    names.append(choice)
        return [self.by_name[n] for n in names]

    # -- text ------------------------------------------------------------------------------

    def context(self, center, leaf, topics, date, authors):
        rng = self.rng
        actors = vocab.ACTORS[leaf]
        a = rng.choice(actors)
        same = next((group for group in vocab.SYNONYMS if a in group), {a})
        siblings = [x for x in actors if x not in same]
        if not siblings or rng.random() < 0.3:
            parent = REGION_PARENT.get(leaf)
            cousins = [x for r, xs in vocab.ACTORS.items() if REGION_PARENT.get(r) == parent and r != leaf for x in xs]
            siblings = siblings + [x for x in cousins if x not in same]
        a2 = rng.choice(siblings) if siblings else a
        taken = same | {a2}
        outside = [o for o in vocab.OUTSIDE[region_root(leaf)] if o not in taken]
        o = rng.choice(outside)

        def phrase(topic):
            if topic == "EU":
                if a in vocab.EU_CANDIDATES:
                    return rng.choice(vocab.EU_PHRASES_CANDIDATE)
                if a in vocab.EU_MEMBERS:
                    return rng.choice(vocab.EU_PHRASES_MEMBER)
            return rng.choice(TOPIC_PHRASES[topic])

        p = phrase(topics[0])
        p2 = phrase(topics[1]) if len(topics) > 1 else phrase(weighted(rng, vocab.CENTER_TOPICS[center]))
        if p2 == p:
            p2 = next(x for x in TOPIC_PHRASES["Economy"] if x != p)
        year = date.year
        return {
            "A": a,
            "A2": a2,
            "O": o,
            "R": vocab.WIDER_REGION.get(leaf, REGION_PHRASE[leaf]),
            "p": p,
            "p2": p2,
            "P": titlecase(p),
            "Y": year,
            "Y1": year - rng.randint(2, 9),
            "n": rng.randint(3, 12),
            "S": join_words([x.name for x in authors]),
            "v_s": "s" if len(authors) == 1 else "",
            "v_es": "es" if len(authors) == 1 else "",
            "show": vocab.PODCASTS[center],
            "committee": rng.choice(vocab.COMMITTEES[center]),
            "center": center,
            "the_center": data.CENTER_IN_TEXT.get(center, center),
            "The_center": cap_first(data.CENTER_IN_TEXT.get(center, center)),
            "center_short": CENTER_SHORT[center],
            "CITY": vocab.CENTER_CITY[center],
            "main": rng.choice(vocab.BOOK_MAINS),
        }

    @staticmethod
    def fill(template: str, ctx: dict) -> str:
        return cap_first(fix_possessives(template.format(**ctx)))

    def title(self, ptype, ctx, outlet):
        rng = self.rng
        pools = {
            "legacyresearchpaper": vocab.RESEARCH_TITLES,
            "legacyqa": vocab.QA_TITLES,
            "legacyevent": vocab.EVENT_TITLES,
            "legacypodcast": vocab.PODCAST_TITLES,
            "legacymultimedia": vocab.MULTIMEDIA_TITLES,
            "legacybook": vocab.BOOK_TITLES,
            "legacytestimony": vocab.TESTIMONY_TITLES,
            "legacypressrelease": vocab.PRESS_TITLES,
        }
        pool = pools.get(ptype, vocab.TITLES)
        if outlet == "World Politics Review" and rng.random() < 0.6:
            pool = vocab.GLOBAL_INSIDER_TITLES
        for _attempt in range(12):
            text = self.fill(rng.choice(pool), ctx)
            if text.lower() not in self.titles:
                self.titles.add(text.lower())
                return text
            # Try another phrase for the same topic before giving up on this template.
            ctx = {**ctx, "P": titlecase(rng.choice(sum(TOPIC_PHRASES.values(), [])))}
        text = f"{self.fill(rng.choice(vocab.TITLES), ctx)} ({ctx['Y']})"
        suffix = 2
        while text.lower() in self.titles:
            text = f"{text} {suffix}"
            suffix += 1
        self.titles.add(text.lower())
        return text

    def dek(self, ptype, ctx):
        pool = {
            "legacyevent": vocab.EVENT_DEKS,
            "legacypodcast": vocab.PODCAST_DEKS,
            "legacypressrelease": vocab.PRESS_DEKS,
            "legacybook": vocab.BOOK_DEKS,
        }.get(ptype, vocab.DEKS)
        return self.fill(self.rng.choice(pool), ctx)

    def sentences(self, pool, ctx, k, used):
        fresh = [s for s in pool if s not in used] or list(pool)
        chosen = self.rng.sample(fresh, min(k, len(fresh)))
        used.update(chosen)
        return " ".join(self.fill(s, ctx) for s in chosen)

    def body(self, ptype, ctx, authors, interviewer=None, qa_prefix=None):
        rng = self.rng
        used: set = set()
        if ptype == "legacyqa" or qa_prefix:
            asker = qa_prefix or (interviewer.name if interviewer else "Carnegie")
            answerer = authors[0].name
            questions = rng.sample(vocab.QUESTIONS, rng.randint(2, 4))
            blocks = []
            for q in questions:
                blocks.append(f"{asker}: {self.fill(q, ctx)}")
                pools = [vocab.LEADS, vocab.ANALYSIS, vocab.STAKES, vocab.OUTLOOK]
                blocks.append(f"{answerer}: {self.sentences(rng.choice(pools), ctx, rng.randint(3, 4), used)}")
            return render(blocks)

        lengths = {
            "legacycommentary": (4, 7),
            "legacyarticle": (5, 9),
            "legacyresearchpaper": (7, 10),
            "legacyinthemedia": (4, 7),
            "legacybook": (4, 5),
            "legacytestimony": (6, 9),
        }
        low, high = lengths.get(ptype, (4, 6))
        n = rng.randint(low, high)
        openers = {
            "legacyevent": vocab.EVENT_OPENERS,
            "legacypodcast": vocab.PODCAST_OPENERS,
            "legacypressrelease": vocab.PRESS_OPENERS,
            "legacytestimony": vocab.TESTIMONY_OPENERS,
            "legacybook": vocab.BOOK_OPENERS,
            "legacymultimedia": vocab.MULTIMEDIA_OPENERS,
        }
        paragraphs = []
        lead = (
            self.fill(rng.choice(openers[ptype]), ctx)
            if ptype in openers
            else self.sentences(vocab.LEADS, ctx, 1, used)
        )
        paragraphs.append(f"{lead} {self.sentences(vocab.CONTEXT, ctx, rng.randint(1, 2), used)}")
        for _ in range(n - 2):
            pool = vocab.ANALYSIS if rng.random() < 0.7 else vocab.STAKES
            paragraphs.append(self.sentences(pool, ctx, rng.randint(2, 4), used))
        paragraphs.append(self.sentences(vocab.OUTLOOK, ctx, rng.randint(2, 3), used))

        if ptype == "legacypressrelease":
            paragraphs[-1] = f"About {ctx['center_short']}: {CENTER_ABOUT[ctx['center']]}"
        blocks: list = list(paragraphs)
        if ptype in ("legacyresearchpaper", "legacytestimony") or (
            ptype == "legacyarticle" and n >= 6 and rng.random() < 0.6
        ):
            headings = [self.fill(h, ctx) for h in rng.sample(vocab.HEADINGS, 3)]
            spots = sorted({1, n // 2, n - 1})
            for offset, spot in enumerate(spots):
                blocks.insert(spot + offset, ("h2", headings[offset]))
        return render(blocks)

    # -- one publication -------------------------------------------------------------------

    def publication(self, index: int, status: str) -> PubSpec:
        rng = self.rng
        center = weighted(rng, vocab.CENTER_WEIGHTS)
        ptype = weighted(rng, vocab.TYPE_WEIGHTS)
        if ptype == "legacypressrelease" and rng.random() < 0.6:
            center = GLOBAL
        leaf = weighted(rng, vocab.CENTER_REGIONS[center])
        regions = [leaf]
        if rng.random() < 0.2:
            other = weighted(rng, vocab.CENTER_REGIONS[center])
            if other != leaf and other not in region_ancestors(leaf):
                regions.append(other)
        topics = sample_weighted(rng, vocab.CENTER_TOPICS[center], weighted(rng, {1: 3, 2: 5, 3: 3}))

        centers = [center]
        if center != GLOBAL and rng.random() < 0.45:
            centers.append(GLOBAL)
        if rng.random() < 0.06:
            extra = rng.choice([c for c in CENTER_NAMES if c not in centers])
            centers.append(extra)

        if status == "published":
            end = data.CHINA_RAIL_CUTOFF if CHINA in centers else data.REFERENCE_DATE
            date = _random_date(rng, data.FIRST_DATE, end)
        elif status == "unpublished":
            date = _random_date(rng, data.FIRST_DATE, data.CHINA_RAIL_CUTOFF)
        else:
            date = data.REFERENCE_DATE - datetime.timedelta(days=rng.randint(0, 45))

        count = {
            "legacyevent": weighted(rng, {2: 3, 3: 3, 4: 1}),
            "legacybook": weighted(rng, {1: 3, 2: 2, 3: 1}),
            "legacypodcast": weighted(rng, {1: 3, 2: 1}),
            "legacypressrelease": 1,
            "legacyqa": 1,
            "legacyinthemedia": weighted(rng, {1: 8, 2: 2}),
            "legacytestimony": 1,
        }.get(ptype) or weighted(rng, {1: 70, 2: 20, 3: 7, 4: 3})
        contributor_chance = 0.15 if ptype in ("legacycommentary", "legacyarticle", "legacyevent") else 0.0
        people = self.pick_authors(center, leaf, topics, date, count, contributor_chance=contributor_chance)
        role = "author"
        if ptype == "legacybook" and len(people) > 1 and rng.random() < 0.5:
            role = "editor"
        authors = [(p.slug, role, self._byline_title(p)) for p in people]
        interviewer = None
        if ptype == "legacyqa" and rng.random() < 0.5:
            options = [
                p
                for p in self.people
                if p.generate
                and p not in people
                and self._active(p, date)
                and (center in p.centers or p.kind == "contributor")
            ]
            if options:
                interviewer = rng.choice(options)
                authors.append((interviewer.slug, "interviewer", self._byline_title(interviewer)))

        outlet = rng.choice(vocab.OUTLETS[center]) if ptype == "legacyinthemedia" else ""
        ctx = self.context(center, leaf, topics, date, people)
        title = self.title(ptype, ctx, outlet)
        dek = self.dek(ptype, ctx)
        qa_prefix = "WPR" if title.startswith("Global Insider:") else None
        body = self.body(ptype, ctx, people, interviewer, qa_prefix)

        spec = PubSpec(
            legacy_id=f"demo-{index:04d}",
            title=title,
            dek=dek,
            body=body,
            type=ptype,
            date=date,
            primary_center=center,
            centers=centers,
            regions=regions,
            topics=topics,
            authors=authors,
            status=status,
        )
        if outlet:
            spec.source_name = outlet
            spec.source_url = f"https://example.org/{base_slug(outlet)}/{date.year}/{base_slug(title)[:80].strip('-')}"
        if ptype not in ("legacypodcast", "legacyevent", "legacypressrelease") and rng.random() < 0.45:
            spec.lead_image_credit = rng.choice(vocab.IMAGE_CREDITS)
        if status == "approved":
            spec.go_live_at = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC) + datetime.timedelta(
                days=index % 7
            )

        # Programs and projects.
        program_chance = 0.7 if center == GLOBAL else 0.15
        if rng.random() < program_chance:
            options = [vocab.PROGRAM_FOR_TOPIC[t] for t in topics if t in vocab.PROGRAM_FOR_TOPIC]
            root_program = vocab.PROGRAM_FOR_REGION_PARENT.get(region_root(leaf))
            if root_program:
                options.append(root_program)
            if options:
                spec.programs = sorted(set(rng.sample(options, min(len(options), rng.choice([1, 1, 2])))))
        projects = []
        if center in vocab.PROJECT_FOR_CENTER and ptype == "legacycommentary" and rng.random() < 0.5:
            projects.append(vocab.PROJECT_FOR_CENTER[center])
        for t in topics:
            if t in vocab.PROJECT_FOR_TOPIC and rng.random() < 0.25:
                projects.append(vocab.PROJECT_FOR_TOPIC[t])
        if center == GLOBAL and region_root(leaf) == "Asia" and rng.random() < 0.3:
            projects.append("China Local/Global")
        spec.projects = sorted(set(projects))

        # Newsletters go out with recent pieces.
        if status == "published":
            if GLOBAL in centers and date >= datetime.date(2023, 1, 1) and rng.random() < 0.35:
                spec.newsletters.append("Carnegie Global Briefing")
            if center == data.EUROPE and date >= datetime.date(2022, 1, 1) and rng.random() < 0.5:
                spec.newsletters.append("Strategic Europe Newsletter")

        if rng.random() < 0.4:
            words = [w for t in topics for w in vocab.KEYWORDS_FOR_TOPIC.get(t, [])]
            keywords = rng.sample(words, min(len(words), rng.randint(1, 3)))
            if not ctx["A"].startswith("the ") and rng.random() < 0.6:
                keywords.append(ctx["A"])
            spec.keywords = sorted(set(keywords), key=str.lower)
        return spec

    def _byline_title(self, person: PersonSpec) -> str:
        return person.byline_title if person.is_current is False else person.affiliations[0][0]

    # -- everything --------------------------------------------------------------------------

    def curated(self) -> list[PubSpec]:
        specs = []
        for item in [*data.CURATED, *editions.PIECES]:
            authors = []
            for name, role, title in item["authors"]:
                person = self.by_name[name]
                authors.append((person.slug, role, title or self._byline_title(person)))
            # A body_file is read and converted by the command with cms.richtext.sanitizer.paragraphs_to_html.
            body = None if "body_file" in item else render(item["paragraphs"])
            specs.append(
                PubSpec(
                    legacy_id=item["legacy_id"],
                    title=item["title"],
                    dek=item["dek"],
                    body=body,
                    type=item["type"],
                    date=item["date"],
                    primary_center=item["primary_center"],
                    centers=list(item["centers"]),
                    regions=list(item["regions"]),
                    topics=list(item["topics"]),
                    authors=authors,
                    language=item.get("language", "en"),
                    translation_of=item.get("translation_of"),
                    programs=list(item.get("programs", [])),
                    projects=list(item.get("projects", [])),
                    newsletters=list(item.get("newsletters", [])),
                    collections=list(item.get("collections", [])),
                    lead_image_credit=item.get("lead_image_credit", ""),
                    source_name=item.get("source_name", ""),
                    source_url=item.get("source_url", ""),
                )
            )
        return specs

    def generated(self) -> list[PubSpec]:
        rng = self.rng
        statuses = ["published"] * N_GENERATED
        indices = rng.sample(range(N_GENERATED), sum(STATUS_COUNTS.values()))
        cursor = 0
        for status, count in STATUS_COUNTS.items():
            for i in indices[cursor : cursor + count]:
                statuses[i] = status
            cursor += count
        specs = [self.publication(i + 1, statuses[i]) for i in range(N_GENERATED)]

        # A few co-published research papers carry their own disclaimer.
        overrides = 0
        for spec in specs:
            if spec.type == "legacyresearchpaper" and len(spec.centers) > 1 and overrides < 3:
                spec.disclaimer_override = render(
                    [
                        f"This paper is a joint publication of {join_words(spec.centers)}. The views expressed "
                        "are those of the authors alone."
                    ]
                )
                overrides += 1

        # Featured: the newest published pieces, at most two per center.
        per_center: dict[str, int] = {}
        featured = 0
        for spec in sorted(specs, key=lambda s: (s.date, s.legacy_id), reverse=True):
            if featured >= 10:
                break
            if spec.status != "published" or spec.type in ("legacypressrelease", "legacyevent"):
                continue
            if per_center.get(spec.primary_center, 0) >= 2:
                continue
            spec.is_featured = True
            per_center[spec.primary_center] = per_center.get(spec.primary_center, 0) + 1
            featured += 1
        return specs


def fill_collections(specs: list[PubSpec], rng: random.Random) -> dict[str, list[str]]:
    """Return collection name → legacy ids in curated order (hand-picked pieces first in their spot)."""
    eastern = {"Eastern Europe", "Ukraine", "Belarus", "Caucasus", "Balkans"}
    criteria = {
        "Europe’s Eastern Neighborhood": lambda s: bool(eastern & set(s.regions)),
        "EU Integration and Enlargement": lambda s: "EU" in s.topics,
        "The War in Ukraine": lambda s: "Ukraine" in s.regions and s.date >= datetime.date(2022, 2, 24),
        "China and Southeast Asia": lambda s: bool({"China", "Southeast Asia"} & set(s.regions)) and CHINA in s.centers,
        "Governing Artificial Intelligence": lambda s: "Artificial Intelligence" in s.topics,
        "The Future of Arms Control": lambda s: "Nuclear Policy" in s.topics,
    }
    result = {}
    for name, _description, size in data.COLLECTIONS:
        chosen = [s for s in specs if name in s.collections]
        candidates = [
            s for s in specs if s.status == "published" and s.language == "en" and s not in chosen and criteria[name](s)
        ]
        chosen += rng.sample(candidates, min(len(candidates), size - len(chosen)))
        # Editors put the newest first; a hand-picked classic keeps its place by date.
        chosen.sort(key=lambda s: (s.date, s.legacy_id), reverse=True)
        result[name] = [s.legacy_id for s in chosen]
        for s in chosen:
            if name not in s.collections:
                s.collections.append(name)
    return result


def build() -> tuple[list[PersonSpec], list[PubSpec], dict[str, list[str]]]:
    people = build_people()
    generator = Generator(people)
    curated = generator.curated()
    for spec in curated:
        generator.titles.add(spec.title.lower())
    generated = generator.generated()
    specs = curated + generated
    collections = fill_collections(specs, random.Random(data.SEED + 2))
    return people, specs, collections
