"""Editions: translate a piece into another language, and mark an edition up to date with its original.

Each function checks permission and desk first (publications/guards.py), runs in one
transaction and writes its audit entry there. What a work may look like is
publications/models/editions.py; what the tracker reads is publications/editions.py.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from cms.kit.slugs import unique_slug
from publications.editions import TEXT_FIELDS, language_name
from publications.guards import locked, require_perm, require_version
from publications.models import Authorship, Publication, Revision, Status
from publications.snapshots import MANY_TO_MANY, record_revision

# Copied from the original into a new edition: the structure and what is filed, not the words.
COPIED_FIELDS = [
    "publication_type_id",
    "primary_center_id",
    "lead_image_id",
    "lead_image_credit",
    "lead_image_alt",
    "source_name",
    "source_url",
]


def marked_title(title: str, language: str) -> str:
    """A new edition's title until the translator writes theirs: the original's, marked with the language.

    The publish gate refuses an edition whose title still carries the mark (workflow/gate.py).
    """
    return f"[{language}] {title}"[: Publication._meta.get_field("title").max_length]


def source_revision_of(original: Publication, *, by) -> Revision:
    """The original's revision that holds its text as it is now; recorded when none does. 1–3 queries.

    Usually the newest saved or published revision. A piece written without one (the legacy
    import, the demo seed, a bulk insert) or changed since by such a write gets a new revision,
    so an edition always points at the text it was really translated from.
    """
    latest = original.revisions.exclude(kind=Revision.Kind.AUTOSAVE).order_by("-created_at", "-pk").first()
    if latest is not None and all(latest.data.get(name) == getattr(original, name) for name in TEXT_FIELDS):
        return latest
    return record_revision(publication=original, by=by, note="Recorded as the source of an edition")


@transaction.atomic
def create_edition(*, original: Publication, language: str, actor) -> Publication:
    """Make a draft edition of `original` in `language` and return it; the translator writes its text.

    The edition copies the original's content type, centers (primary included), programs,
    projects, regions, topics, newsletters, keywords, lead image with its credit and alt text,
    source outlet and byline (each contributor with their title at publication). Its title starts
    as the original's marked "[ar] …", its dek and body as the original's, so the translator
    works over the original's paragraphs, headings, notes and images instead of rebuilding
    them; the publish gate refuses the edition while any of the three is still the original's.
    It has no publication date until an editor gives it its own. It records the original's
    current revision as its source (the edition tracker). Editors and managers (add
    permission), for an original on their desk.
    """
    require_perm(actor, "add_publication", _("You are not allowed to add publications."), publication=original)
    original = locked(original)
    if language not in dict(settings.CONTENT_LANGUAGES):
        raise ValidationError(_("“%(language)s” is not one of the site's languages.") % {"language": language})
    name = language_name(language)
    if original.draft_of_id:
        raise ValidationError(_("This is a pending change of a live piece: translate the live piece."))
    if original.translation_of_id:
        raise ValidationError(
            _("“%(title)s” is itself an edition: translate its original instead.") % {"title": original.title}
        )
    if original.language == language:
        raise ValidationError(
            _("“%(title)s” is in %(language)s already.") % {"title": original.title, "language": name}
        )
    if Publication.objects.filter(translation_of=original, language=language, draft_of__isnull=True).exists():
        raise ValidationError(
            _("“%(title)s” already has an edition in %(language)s.") % {"title": original.title, "language": name}
        )

    edition = Publication(
        title=marked_title(original.title, language),
        slug=unique_slug(Publication(pk=None), f"{original.slug} {language}"),
        dek=original.dek,
        body=original.body,
        language=language,
        translation_of=original,
        source_revision=source_revision_of(original, by=actor),
        status=Status.DRAFT,
        created_by=actor,
        **{name: getattr(original, name) for name in COPIED_FIELDS},
    )
    edition.full_clean()
    edition.save()
    for relation in MANY_TO_MANY:
        getattr(edition, relation).set(getattr(original, relation).values_list("pk", flat=True))
    if edition.primary_center_id:
        edition.centers.add(edition.primary_center_id)
    edition.keywords.set(original.keywords.names())
    # The same people, with the titles they held when the original appeared; the original's
    # own translators (a work translated into its original language) are not this edition's.
    Authorship.objects.bulk_create(
        Authorship(
            publication=edition,
            person_id=row.person_id,
            role=row.role,
            position=row.position,
            title_line=row.title_line,
        )
        for row in original.authorships.exclude(role=Authorship.Role.TRANSLATOR).order_by("position", "pk")
    )
    record_audit(
        actor=actor, action=AuditEntry.Action.CREATE, obj=edition, message=f"{name} edition of “{original.title}”"
    )
    record_revision(publication=edition, by=actor, note=f"Created as the {name} edition of “{original.title}”")
    return edition


@transaction.atomic
def mark_edition_up_to_date(*, edition: Publication, actor, expected_version=None) -> Publication:
    """Record that `edition` now follows its original as it is, so it leaves the tracker's queue.

    `expected_version` is the original's version the manager compared against: an original
    changed since is refused, so nobody marks up to date a text they have not seen. Managers
    only (review permission), for an edition on their desk. The edition's content and status
    are not touched, so a live edition changes at once: its readers no longer see the note that
    the original changed.
    """
    require_perm(actor, "review_publication", _("Only managers can mark an edition up to date."), publication=edition)
    edition = locked(edition)
    if not edition.translation_of_id or edition.draft_of_id:
        raise ValidationError(f"“{edition.title}” is not an edition of another piece.")
    original = locked(edition.translation_of)
    require_version(original, expected_version)
    source = source_revision_of(original, by=actor)
    if edition.source_revision_id == source.pk:
        return edition
    edition.source_revision = source
    edition.save(update_fields=["source_revision", "updated_at"])
    record_audit(
        actor=actor,
        action=AuditEntry.Action.EDIT,
        obj=edition,
        message=f"Marked up to date with the original as revised on {source.created_at:%Y-%m-%d %H:%M}",
    )
    return edition
