"""Purge cached pages when a person or anything shown with them changes (mechanism: cms/pagecache/cache.py).

A person's row tag is held by every page that loaded them (bylines, bios, cards, their own
page); the model tag by pages listing people (the directory, experts on taxonomy pages,
search). Titles, links and expertise are edited as inlines and m2m of the person, so their
changes purge the person's tags too.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from cms.pagecache.cache import model_tag, purge, row_tag, watch
from people.models import Affiliation, Person, PersonLink


def _part_changed(sender, instance, **kwargs):
    purge(row_tag(Person, instance.person_id), model_tag(Person))


def _expertise_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if not reverse:
        people = [instance.pk]
    elif pk_set is not None:
        people = pk_set
    else:  # a topic or region losing all its experts
        target = "topic_id" if sender is Person.topics.through else "region_id"
        people = sender.objects.filter(**{target: instance.pk}).values_list("person_id", flat=True)
    purge(model_tag(Person), *(row_tag(Person, pk) for pk in people))


def connect() -> None:
    """Connect the receivers (from PeopleConfig.ready)."""
    watch(Person)
    for model in (Affiliation, PersonLink):
        post_save.connect(_part_changed, sender=model, dispatch_uid=f"purge-{model._meta.label_lower}-save")
        post_delete.connect(_part_changed, sender=model, dispatch_uid=f"purge-{model._meta.label_lower}-delete")
    for through in (Person.topics.through, Person.regions.through):
        m2m_changed.connect(_expertise_changed, sender=through, dispatch_uid=f"purge-{through._meta.label_lower}")
