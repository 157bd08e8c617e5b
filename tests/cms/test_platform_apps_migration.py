"""A database built before the house redesign migrates to the platform apps with every row in place.

The platform's models left the `cms` app for cms/taxonomies, cms/media, cms/audit and cms/pagecache
(content types and disclaimers for publications) in Django's state only: the tables keep their names
and no row moves. This builds the schema as it was at the last migrations before the move, writes
rows through the models of that time, migrates forward and reads everything back through today's
models: rows, relations, keywords on images, permissions granted to groups and the audit trail.
"""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.audit.models import AuditEntry
from cms.media.models import Image
from cms.pagecache.models import PendingPurge
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Person
from publications.models import Disclaimer, Publication, PublicationType

BEFORE_THE_MOVE = [
    ("cms", "0007_explicit_offsite_links"),
    ("people", "0003_explicit_offsite_links"),
    ("publications", "0008_explicit_offsite_links"),
    ("taxonomies", None),
    ("media", None),
    ("audit", None),
    ("pagecache", None),
]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1] is not None]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def write_rows_as_before_the_move(old):
    User = old.get_model("auth", "User")
    OldGroup = old.get_model("auth", "Group")
    Permission = old.get_model("auth", "Permission")
    OldContentType = old.get_model("contenttypes", "ContentType")
    Tag = old.get_model("taggit", "Tag")
    TaggedItem = old.get_model("taggit", "TaggedItem")

    def cms(name):
        return old.get_model("cms", name)

    editor = User.objects.create(username="brussels-editor", is_staff=True)
    center = cms("Center").objects.create(name="Carnegie Europe", slug="europe", city="Brussels")
    center.staff.add(editor)
    topic = cms("Topic").objects.create(name="Democracy", slug="democracy")
    europe = cms("Region").objects.create(name="Europe", slug="europe")
    cms("Region").objects.create(name="Eastern Europe", slug="eastern-europe", parent=europe)
    program = cms("Program").objects.create(name="Europe Program", slug="europe-program")
    cms("Project").objects.create(name="Balkans Watch", slug="balkans-watch", program=program)
    collection = cms("Collection").objects.create(name="Elections 2026", slug="elections-2026")
    newsletter = cms("Newsletter").objects.create(name="Strategic Europe", slug="strategic-europe")
    kind = cms("PublicationType").objects.create(label="Commentary", slug="commentary", plural_label="Commentaries")
    cms("Disclaimer").objects.create(name="Europe legal", text="<p>Brussels wording.</p>", center=center)
    image = cms("Image").objects.create(title="Parliament", file="images/parliament.jpg", width=1200, height=800)
    image_type = OldContentType.objects.get(app_label="cms", model="image")
    TaggedItem.objects.create(
        tag=Tag.objects.create(name="parliament", slug="parliament"), content_type=image_type, object_id=image.pk
    )
    center_type = OldContentType.objects.get(app_label="cms", model="center")
    cms("AuditEntry").objects.create(
        actor=editor,
        actor_name="brussels-editor",
        action="edit",
        content_type=center_type,
        object_id=str(center.pk),
        object_repr="Carnegie Europe",
    )
    cms("PendingPurge").objects.create(tags=["taxonomies.center:1"], last_error="cache unreachable")
    librarians = OldGroup.objects.create(name="Librarians")
    librarians.permissions.add(Permission.objects.get(content_type=image_type, codename="view_image"))

    person = old.get_model("people", "Person").objects.create(name="Rosa Balfour", slug="rosa-balfour", headshot=image)
    person.topics.add(topic)
    piece = old.get_model("publications", "Publication").objects.create(
        title="Europe votes", slug="europe-votes", publication_type=kind, primary_center=center, lead_image=image
    )
    piece.centers.add(center)
    piece.topics.add(topic)
    piece.regions.add(europe)
    piece.newsletters.add(newsletter)
    old.get_model("publications", "CollectionItem").objects.create(collection=collection, publication=piece, position=1)


def test_a_database_built_before_the_move_keeps_every_row_and_relation():
    old = migrate(BEFORE_THE_MOVE)
    write_rows_as_before_the_move(old)

    migrate(latest())
    ContentType.objects.clear_cache()

    center = Center.objects.get(slug="europe")
    assert [user.username for user in center.staff.all()] == ["brussels-editor"]
    assert Region.objects.get(slug="eastern-europe").parent.name == "Europe"
    assert Project.objects.get().program == Program.objects.get()
    assert Disclaimer.objects.get().center == center
    piece = Publication.objects.get(slug="europe-votes")
    assert piece.publication_type == PublicationType.objects.get(label="Commentary")
    assert piece.primary_center == center and list(piece.centers.all()) == [center]
    assert list(piece.topics.all()) == [Topic.objects.get()]
    assert list(piece.regions.all()) == [Region.objects.get(slug="europe")]
    assert list(piece.newsletters.all()) == [Newsletter.objects.get()]
    assert list(piece.collections.all()) == [Collection.objects.get()]
    image = Image.objects.get()
    assert piece.lead_image == image and Person.objects.get().headshot == image
    assert list(Person.objects.get().topics.all()) == [Topic.objects.get()]
    assert list(image.tags.names()) == ["parliament"]
    assert PendingPurge.objects.get().last_error == "cache unreachable"


def test_permissions_and_the_audit_trail_follow_the_models_to_their_new_apps():
    old = migrate(BEFORE_THE_MOVE)
    write_rows_as_before_the_move(old)

    migrate(latest())
    ContentType.objects.clear_cache()

    assert not ContentType.objects.filter(app_label="cms").exists()
    librarians = Group.objects.get(name="Librarians")
    assert [f"{p.content_type.app_label}.{p.codename}" for p in librarians.permissions.all()] == ["media.view_image"]
    entry = AuditEntry.objects.get()
    assert entry.content_type.model_class() is Center
    assert entry.content_type.get_object_for_this_type(pk=entry.object_id).name == "Carnegie Europe"


def test_the_move_can_be_undone():
    migrate(BEFORE_THE_MOVE)
    ContentType.objects.clear_cache()

    assert ContentType.objects.filter(app_label="cms", model="center").exists()
    assert not ContentType.objects.filter(app_label="taxonomies").exists()

    migrate(latest())
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Center).app_label == "taxonomies"
