"""One of everything the public site shows, with one payload in every text field."""

from dataclasses import dataclass

from django.urls import reverse

from people.models import Person
from publications.models import Authorship, Publication, Status
from publications.snapshots import record_revision
from tests.factories import (
    AffiliationFactory,
    CenterFactory,
    CollectionFactory,
    CollectionItemFactory,
    DisclaimerFactory,
    ImageFactory,
    NewsletterFactory,
    PersonFactory,
    PersonLinkFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

# Every text field an editor (or the importer) can fill, as "model.field".
TEXT_FIELDS = [
    "Publication.title",
    "Publication.dek",
    "Publication.body",
    "Publication.source_name",
    "Publication.source_url",
    "Publication.lead_image_credit",
    "Publication.lead_image_alt",
    "Publication.disclaimer_override",
    "Publication.keywords",
    "Authorship.title_line",
    "Person.name",
    "Person.short_bio",
    "Person.bio",
    "Person.headshot_credit",
    "Person.headshot_alt",
    "Person.languages",
    "Affiliation.title_line",
    "PersonLink.label",
    "PersonLink.url",
    "Image.title",
    "Image.alt_text",
    "Image.credit",
    "Center.name",
    "Center.short_name",
    "Center.city",
    "Center.description",
    "Topic.name",
    "Topic.description",
    "Region.name",
    "Region.description",
    "Program.name",
    "Program.description",
    "Project.name",
    "Project.description",
    "Collection.name",
    "Collection.description",
    "Newsletter.name",
    "Newsletter.description",
    "PublicationType.label",
    "PublicationType.plural_label",
    "Disclaimer.text",
]


@dataclass
class World:
    publication: Publication  # published, every field carrying the payload
    related: Publication  # published, same author and topics: fills the rails
    in_review: Publication  # for the manager's review queue, history and revision compare
    author: Person  # short bio shown under bylines
    bio_author: Person  # no short bio: the full bio is shown
    slugs: dict[str, str]


def build_world(payload: str) -> World:
    image = ImageFactory(title=payload, alt_text=payload, credit=payload)
    center = CenterFactory(
        slug="payload-center", name=payload, short_name=payload[:80], city=payload[:100], description=payload
    )
    kind = PublicationTypeFactory(label=payload, plural_label=payload)
    parent = RegionFactory(name=payload, description=payload)
    region = RegionFactory(name=payload, description=payload, parent=parent)
    topic = TopicFactory(name=payload, description=payload)
    program = ProgramFactory(name=payload, description=payload)
    project = ProjectFactory(name=payload, description=payload, program=program)
    collection = CollectionFactory(name=payload, description=payload)
    newsletter = NewsletterFactory(name=payload, description=payload)
    DisclaimerFactory(text=payload)  # the site default

    author = PersonFactory(
        name=payload,
        short_bio=payload,
        bio=payload,
        headshot=image,
        headshot_credit=payload,
        headshot_alt=payload,
        languages=payload,
    )
    AffiliationFactory(person=author, title_line=payload, center=center)
    # Written past the admin's URL validation, as an importer or a script could.
    PersonLinkFactory(person=author, label=payload, url=payload)
    author.topics.add(topic)
    author.regions.add(region)
    bio_author = PersonFactory(name=payload, short_bio="", bio=payload)

    def tagged(publication):
        publication.centers.add(center)
        publication.topics.add(topic)
        publication.regions.add(region)
        publication.programs.add(program)
        publication.projects.add(project)
        publication.newsletters.add(newsletter)
        return publication

    publication = tagged(
        PublicationFactory(
            published=True,
            title=payload,
            dek=payload,
            body=payload,
            publication_type=kind,
            primary_center=center,
            source_name=payload,
            source_url=payload,
            lead_image=image,
            lead_image_credit=payload,
            lead_image_alt=payload,
            disclaimer_override=payload,
            is_featured=True,
            authors=[author, bio_author],
        )
    )
    publication.keywords.add(payload)
    Authorship.objects.filter(publication=publication).update(title_line=payload)
    CollectionItemFactory(collection=collection, publication=publication)
    related = tagged(
        PublicationFactory(
            published=True,
            title=payload,
            dek=payload,
            body=payload,
            publication_type=kind,
            primary_center=center,
            authors=[author],
        )
    )
    in_review = PublicationFactory(
        status=Status.IN_REVIEW,
        title=payload,
        dek=payload,
        body=payload,
        publication_type=kind,
        primary_center=center,
        authors=[author],
    )
    slugs = {
        "center": center.slug,
        "topic": topic.slug,
        "region": region.slug,
        "parent_region": parent.slug,
        "program": program.slug,
        "project": project.slug,
        "collection": collection.slug,
        "newsletter": newsletter.slug,
    }
    return World(publication, related, in_review, author, bio_author, slugs)


def add_revisions(world: World, *, by) -> tuple[int, int]:
    """Give the piece in review two revisions that differ, for the compare screen."""
    first = record_revision(publication=world.in_review, by=by)
    Publication.objects.filter(pk=world.in_review.pk).update(dek=world.in_review.dek + " (changed)")
    world.in_review.refresh_from_db()
    second = record_revision(publication=world.in_review, by=by)
    return first.pk, second.pk


def public_surfaces(world: World, payload: str) -> dict[str, str]:
    """Every public HTML page that shows one of the world's texts, plus reflected input."""
    s = world.slugs
    pub, author = world.publication, world.author
    return {
        "home": reverse("home"),
        "publication": pub.get_absolute_url(),
        "listing": reverse("publications:list"),
        "search": reverse("search") + "?" + _query(q=payload),
        "expert": author.get_absolute_url(),
        "expert with full bio": world.bio_author.get_absolute_url(),
        "expert directory": reverse("people:list"),
        "expert directory filtered": reverse("people:list") + f"?center={s['center']}&alumni=1&contributors=1",
        "centers": reverse("taxonomy:centers"),
        "center": reverse("taxonomy:center", args=[s["center"]]),
        "topics": reverse("taxonomy:topics"),
        "topic": reverse("taxonomy:topic", args=[s["topic"]]),
        "regions": reverse("taxonomy:regions"),
        "region": reverse("taxonomy:region", args=[s["region"]]),
        "program": reverse("taxonomy:program", args=[s["program"]]),
        "project": reverse("taxonomy:project", args=[s["project"]]),
        "collection": reverse("taxonomy:collection", args=[s["collection"]]),
        "newsletter": reverse("taxonomy:newsletter", args=[s["newsletter"]]),
        "not found": "/publications/" + _quote(payload) + "/",
        "listing with bad filter": reverse("publications:list") + "?" + _query(topic=payload, year=payload),
    }


def feed_surfaces(world: World) -> dict[str, str]:
    s = world.slugs
    slug = world.author.slug
    urls = {
        "latest rss": reverse("feeds:latest_rss"),
        "latest atom": reverse("feeds:latest_atom"),
        "sitemap": reverse("sitemap"),
    }
    for kind, value in [
        ("expert", slug),
        ("topic", s["topic"]),
        ("region", s["parent_region"]),
        ("center", s["center"]),
    ]:
        for flavour in ("rss", "atom"):
            urls[f"{kind} {flavour}"] = reverse(f"feeds:{kind}_{flavour}", args=[value])
    return urls


def admin_surfaces(world: World, revision_ids: tuple[int, int]) -> dict[str, str]:
    piece = world.in_review
    a, b = revision_ids
    return {
        "admin index": reverse("admin:index"),
        "publication list": reverse("admin:publications_publication_changelist") + "?" + _query(q=piece.title),
        "publication form": reverse("admin:publications_publication_change", args=[piece.pk]),
        "review queue": reverse("admin:publications_publication_review_queue"),
        "revisions compare": reverse("admin:publications_publication_revisions", args=[piece.pk]) + f"?a={a}&b={b}",
        "preview": reverse("publications:preview", args=[piece.pk]),
        "audit log": reverse("admin:audit_auditentry_changelist"),
        "person form": reverse("admin:people_person_change", args=[world.author.pk]),
        "image library": reverse("admin:media_image_changelist"),
    }


def _query(**params) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")
