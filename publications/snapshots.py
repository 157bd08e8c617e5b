"""Serialize a publication with its contributors and taxonomies, and write such a snapshot back.

Revisions store these snapshots; restoring a revision and publishing a pending change both
write one back with `apply_snapshot`.
"""

import datetime
from decimal import Decimal

from django.db import models

from publications.models import Authorship, CollectionItem, Publication, Revision

# Fields that describe the piece itself. Workflow and bookkeeping fields (status, schedule,
# version, who submitted) are recorded but never written back by a restore.
CONTENT_FIELDS = [
    "title",
    "dek",
    "body",
    "publication_type",
    "publication_date",
    "language",
    "translation_of",
    "primary_center",
    "lead_image",
    "lead_image_credit",
    "lead_image_alt",
    "source_name",
    "source_url",
    "disclaimer_override",
    "is_featured",
]
RECORDED_FIELDS = CONTENT_FIELDS + ["slug", "status", "go_live_at", "expire_at"]
MANY_TO_MANY = ["centers", "programs", "projects", "regions", "topics", "newsletters"]


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def take_snapshot(publication: Publication) -> dict:
    """Return a JSON-ready dict of every recorded field, relation, contributor and keyword."""
    data = {}
    for name in RECORDED_FIELDS:
        field = Publication._meta.get_field(name)
        data[name] = _plain(getattr(publication, field.attname))
    for name in MANY_TO_MANY:
        data[name] = sorted(getattr(publication, name).values_list("pk", flat=True))
    data["keywords"] = sorted(publication.keywords.names())
    data["contributors"] = [
        {"person": row.person_id, "role": row.role, "position": row.position, "title_line": row.title_line}
        for row in publication.authorships.order_by("position", "pk")
    ]
    data["collections"] = [
        {"collection": row.collection_id, "position": row.position}
        for row in publication.collection_items.order_by("collection_id")
    ]
    return data


def apply_snapshot(publication: Publication, data: dict) -> None:
    """Write a snapshot's content, relations and contributors onto `publication` (no status change).

    The caller runs this inside its transaction and saves workflow fields itself.
    """
    for name in CONTENT_FIELDS:
        if name not in data:
            continue
        field = Publication._meta.get_field(name)
        value = data[name]
        if field.is_relation and value is not None and not _existing(field.related_model, [value]):
            # The row was deleted since the snapshot: keep what the piece has now.
            continue
        if value is not None and isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            value = datetime.date.fromisoformat(value)
        setattr(publication, field.attname, value)
    publication.save()
    for name in MANY_TO_MANY:
        related_model = Publication._meta.get_field(name).related_model
        getattr(publication, name).set(_existing(related_model, data.get(name, [])))
    publication.keywords.set(data.get("keywords", []))

    contributors = data.get("contributors", [])
    people = _existing(Authorship._meta.get_field("person").related_model, [row["person"] for row in contributors])
    publication.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(
            publication=publication,
            person_id=row["person"],
            role=row["role"],
            position=row["position"],
            title_line=row["title_line"],
        )
        for row in contributors
        if row["person"] in people
    )
    collections = data.get("collections", [])
    kept = _existing(
        CollectionItem._meta.get_field("collection").related_model, [row["collection"] for row in collections]
    )
    publication.collection_items.all().delete()
    CollectionItem.objects.bulk_create(
        CollectionItem(publication=publication, collection_id=row["collection"], position=row["position"])
        for row in collections
        if row["collection"] in kept
    )


def _existing(model, ids) -> set:
    """The subset of `ids` that still exist as rows of `model`."""
    return set(model._default_manager.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def record_revision(*, publication: Publication, by, kind: str = Revision.Kind.SAVE, note: str = "") -> Revision:
    """Record a snapshot of `publication` as it is now in the database. Call inside the save's transaction."""
    return Revision.objects.create(
        publication=publication,
        created_by=by if getattr(by, "pk", None) else None,
        kind=kind,
        version=publication.version,
        data=take_snapshot(publication),
        note=note[:300],
    )
