"""Which cached pages a change to a publication touches (the mechanism is cms/pagecache/cache.py).

A public piece shows on its own page, on the lists of every set it belongs to (its centers,
primary one included, topics, regions, programs, projects, newsletters, collections and
contributors: taxonomy pages, expert pages, feeds, the rails of other pieces) and on the home
page, listings and search (`model_tag(Publication)`), and on the pages of the other editions of
its work (`set:editions:<original's id>`). A change to a piece that is or was
published purges exactly those tags, before and after the change, so a piece leaving a topic
disappears from that topic's page too. Changes to drafts purge nothing: no public page shows
them. Going live or expiring on schedule needs no purge (see `next_visibility_change`).

Connected to model signals rather than called from services: the workflow, admin inlines,
restores, the importer and the shell all write through the models, and a purge that one of
them forgot would be a stale page. Bulk writes that bypass signals (bulk_create,
QuerySet.update) call `purge_publications` or `pagecache.purge_everything` themselves.
"""

from django.db.models import IntegerField, Min, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from cms.pagecache.cache import model_tag, on_schedule, purge, row_tag, set_tag
from publications.models import Authorship, CollectionItem, Publication, Status

RELATIONS = ["centers", "topics", "regions", "programs", "projects", "newsletters"]
THROUGH_RELATIONS = {getattr(Publication, relation).through: relation for relation in RELATIONS}


def publication_tags(pk: int) -> set[str]:
    """Every tag a public piece's pages hold: its own, the home/listing tag and its sets. 1 query."""
    links = [
        through.objects.filter(publication_id=pk)
        .order_by()
        .annotate(relation=Value(index, output_field=IntegerField()))
        .values_list("relation", through._meta.get_field(relation[:-1]).attname)
        for index, (through, relation) in enumerate(THROUGH_RELATIONS.items())
    ]
    names = list(THROUGH_RELATIONS.values()) + ["contributors", "collections", "centers", "editions"]
    links.append(
        Authorship.objects.filter(publication_id=pk)
        .order_by()
        .annotate(relation=Value(len(RELATIONS), output_field=IntegerField()))
        .values_list("relation", "person_id")
    )
    links.append(
        CollectionItem.objects.filter(publication_id=pk)
        .order_by()
        .annotate(relation=Value(len(RELATIONS) + 1, output_field=IntegerField()))
        .values_list("relation", "collection_id")
    )
    links.append(
        Publication.objects.filter(pk=pk, primary_center__isnull=False)
        .order_by()
        .annotate(relation=Value(len(RELATIONS) + 2, output_field=IntegerField()))
        .values_list("relation", "primary_center_id")
    )
    # Its work (an original and its editions: publications/editions.py), whose pages show one another.
    links.append(
        Publication.objects.filter(pk=pk)
        .order_by()
        .annotate(relation=Value(len(RELATIONS) + 3, output_field=IntegerField()))
        .values_list("relation", Coalesce("translation_of_id", "id"))
    )
    tags = {row_tag(Publication, pk), model_tag(Publication)}
    tags.update(set_tag(names[relation], target) for relation, target in links[0].union(*links[1:], all=True))
    return tags


def purge_publications(pks, *, extra=()) -> None:
    """Purge the pages of these pieces (call after bulk writes that send no signals). 1 query each."""
    tags = set(extra)
    for pk in pks:
        tags |= publication_tags(pk)
    purge(*tags)


def _published(pk) -> bool:
    return Publication.objects.filter(pk=pk, status=Status.PUBLISHED).exists()


def next_visibility_change(now):
    """The next moment after `now` when a published piece goes live or expires, or None. 1 query."""
    found = Publication.objects.filter(Q(go_live_at__gt=now) | Q(expire_at__gt=now), status=Status.PUBLISHED).aggregate(
        go_live=Min("go_live_at", filter=Q(go_live_at__gt=now)), expiry=Min("expire_at", filter=Q(expire_at__gt=now))
    )
    return min((moment for moment in found.values() if moment is not None), default=None)


# -- signal receivers --------------------------------------------------------------------------


def _before_save(sender, instance, **kwargs):
    if instance.pk is not None and not kwargs.get("raw"):
        instance._published_before = _published(instance.pk)
        instance._tags_before = publication_tags(instance.pk) if instance._published_before else set()


def _after_save(sender, instance, **kwargs):
    before = instance.__dict__.pop("_tags_before", set())
    if instance.__dict__.pop("_published_before", False) or instance.status == Status.PUBLISHED:
        purge(*before, *publication_tags(instance.pk))


def _before_delete(sender, instance, **kwargs):
    instance._tags_before = publication_tags(instance.pk) if _published(instance.pk) else set()


def _after_delete(sender, instance, **kwargs):
    purge(*instance.__dict__.pop("_tags_before", set()))


def _relation_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    relation = THROUGH_RELATIONS[sender]
    target_field = sender._meta.get_field(relation[:-1]).attname
    if not reverse:
        if instance.status != Status.PUBLISHED and not _published(instance.pk):
            return
        targets = (
            pk_set
            if pk_set is not None
            else set(sender.objects.filter(publication_id=instance.pk).values_list(target_field, flat=True))
        )
        purge_publications([instance.pk], extra=[set_tag(relation, target) for target in targets])
    else:
        pieces = (
            pk_set
            if pk_set is not None
            else set(sender.objects.filter(**{target_field: instance.pk}).values_list("publication_id", flat=True))
        )
        public = Publication.objects.filter(pk__in=pieces, status=Status.PUBLISHED).values_list("pk", flat=True)
        purge_publications(list(public), extra=[set_tag(relation, instance.pk)])


def _link_before_save(sender, instance, **kwargs):
    if instance.pk is not None and not kwargs.get("raw"):
        instance._before = sender.objects.filter(pk=instance.pk).values().first()


def _link_changed(sender, instance, **kwargs):
    """A byline or collection entry changed: the piece's pages, and the old and new person's or collection's."""
    before = instance.__dict__.pop("_before", None) or {}
    field, name = ("person_id", "contributors") if sender is Authorship else ("collection_id", "collections")
    for publication_id in {instance.publication_id, before.get("publication_id")} - {None}:
        if _published(publication_id):
            purge_publications(
                [publication_id],
                extra=[set_tag(name, target) for target in {getattr(instance, field), before.get(field)} - {None}],
            )


def connect() -> None:
    """Connect the receivers (from PublicationsConfig.ready)."""
    pre_save.connect(_before_save, sender=Publication, dispatch_uid="purge-publication-before")
    post_save.connect(_after_save, sender=Publication, dispatch_uid="purge-publication-after")
    pre_delete.connect(_before_delete, sender=Publication, dispatch_uid="purge-publication-before-delete")
    post_delete.connect(_after_delete, sender=Publication, dispatch_uid="purge-publication-after-delete")
    for through in THROUGH_RELATIONS:
        m2m_changed.connect(_relation_changed, sender=through, dispatch_uid=f"purge-{through._meta.label_lower}")
    for model in (Authorship, CollectionItem):
        pre_save.connect(_link_before_save, sender=model, dispatch_uid=f"purge-{model._meta.label_lower}-before")
        post_save.connect(_link_changed, sender=model, dispatch_uid=f"purge-{model._meta.label_lower}-after")
        post_delete.connect(_link_changed, sender=model, dispatch_uid=f"purge-{model._meta.label_lower}-delete")
    # Pages that show pieces hold the model tag, a set tag or a piece's own tag.
    on_schedule(next_visibility_change, changed_by=model_tag(Publication), pages=(model_tag(Publication), "set:"))
