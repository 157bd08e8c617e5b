"""Every change to a person, an image, a term, a disclaimer, a user or a group is in the audit log (issue 13.1).

Each entry names who did it and which fields or rows changed, and is written in the change's
own transaction.
"""

import html
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from taggit.models import Tag

from cms.audit.models import AuditEntry
from cms.audit.services import delete_audited
from cms.taxonomies.models import Center, Topic
from people.models import Person
from publications.models import Disclaimer
from publications.scope import PERSON_PUBLIC
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    ImageFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    signed_in,
)
from tests.publications.test_workflow_admin import inline_management

pytestmark = pytest.mark.django_db


def entries_for(obj):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("at", "pk")


def only_entry(obj) -> AuditEntry:
    (entry,) = entries_for(obj)
    return entry


def test_a_managers_change_to_an_expert_is_audited_with_the_fields_and_links_changed(manager):
    expert = PersonFactory(name="Stefan Lehne")

    response = signed_in(manager).post(
        reverse("admin:people_person_change", args=[expert.pk]),
        {
            "name": expert.name,
            "sort_name": expert.sort_name,
            "slug": expert.slug,
            "kind": "expert",
            "is_current": "on",
            "has_profile": "on",
            "short_bio": expert.short_bio,
            "bio": "<p>A new bio.</p>",
            "languages": "",
            "email": "",
            **inline_management("affiliations", 0),
            **inline_management("links", 1),
            "links-0-label": "Bluesky",
            "links-0-url": "https://bsky.app/x",
            "links-0-position": "0",
        },
    )

    assert response.status_code == 302
    entry = only_entry(expert)
    assert entry.action == AuditEntry.Action.EDIT and entry.actor == manager and entry.actor_name == "manny"
    assert "Full bio" in entry.message and "Bluesky" in entry.message


def test_adding_a_person_is_audited(editor):
    response = signed_in(editor).post(
        reverse("admin:people_person_add"),
        {
            "name": "Rym Momtaz",
            "kind": "expert",
            "is_current": "on",
            "short_bio": "",
            "bio": "",
            "languages": "",
            "email": "",
            **inline_management("affiliations", 0),
            **inline_management("links", 0),
        },
    )

    assert response.status_code == 302
    entry = only_entry(Person.objects.get(name="Rym Momtaz"))
    assert entry.action == AuditEntry.Action.CREATE and entry.actor == editor


def test_changing_an_image_is_audited_with_the_fields_changed(manager):
    image = ImageFactory(title="Summit")
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), (10, 200, 10)).save(buffer, "PNG")

    response = signed_in(manager).post(
        reverse("admin:media_image_change", args=[image.pk]),
        {
            "title": "Summit",
            "alt_text": "Ministers at a table",
            "credit": image.credit,
            "tags": "",
            "file": SimpleUploadedFile("new.png", buffer.getvalue(), content_type="image/png"),
        },
    )

    assert response.status_code == 302
    entry = only_entry(image)
    assert entry.action == AuditEntry.Action.EDIT and entry.actor == manager
    assert entry.message == "Changed Image file and Alt text."


def test_adding_changing_and_deleting_a_topic_are_audited(manager):
    client = signed_in(manager)

    client.post(reverse("admin:taxonomies_topic_add"), {"name": "Climate", "slug": "climate", "description": ""})
    topic = Topic.objects.get(slug="climate")
    client.post(
        reverse("admin:taxonomies_topic_change", args=[topic.pk]),
        {"name": "Climate change", "slug": "climate", "description": ""},
    )
    client.post(reverse("admin:taxonomies_topic_delete", args=[topic.pk]), {"post": "yes"})

    assert not Topic.objects.exists()
    actions = [(entry.action, entry.actor_name) for entry in entries_for(topic)]
    assert actions == [("create", "manny"), ("edit", "manny"), ("delete", "manny")]
    assert "Name" in entries_for(topic)[1].message


def test_deleting_terms_with_the_list_action_is_audited(manager):
    regions = [RegionFactory(name="Arctic"), RegionFactory(name="Sahel")]

    response = signed_in(manager).post(
        reverse("admin:taxonomies_region_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [region.pk for region in regions],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    deleted = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE, actor=manager)
    assert sorted(deleted.values_list("object_repr", flat=True)) == ["Arctic", "Sahel"]


def test_reordering_centers_in_the_list_is_audited(manager):
    center = CenterFactory(name="Carnegie Europe")

    response = signed_in(manager).post(
        reverse("admin:taxonomies_center_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": center.pk,
            "form-0-order": "7",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    Center.objects.get(pk=center.pk, order=7)
    assert "Order" in only_entry(center).message


def test_changing_a_content_type_is_audited(manager):
    kind = PublicationTypeFactory(label="Commentary")

    signed_in(manager).post(
        reverse("admin:publications_publicationtype_change", args=[kind.pk]),
        {
            "label": "Commentary",
            "plural_label": "Commentaries",
            "slug": kind.slug,
            "order": "3",
            "legacy_key": "",
        },
    )

    assert "Order" in only_entry(kind).message


def test_changing_a_disclaimer_is_audited(manager):
    disclaimer = DisclaimerFactory(name="Site default")

    response = signed_in(manager).post(
        reverse("admin:publications_disclaimer_change", args=[disclaimer.pk]),
        {
            "name": "Site default",
            "text": "<p>New wording.</p>",
            "center": "",
            "publication_type": "",
        },
    )

    assert response.status_code == 302
    Disclaimer.objects.get(pk=disclaimer.pk, text__contains="New wording")
    entry = only_entry(disclaimer)
    assert entry.action == AuditEntry.Action.EDIT and entry.actor_name == "manny" and "Text" in entry.message


def test_adding_a_user_and_setting_their_password_are_audited(admin_user):
    client = signed_in(admin_user)

    client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newcomer",
            "usable_password": "true",
            "password1": "a long and unusual passphrase",
            "password2": "a long and unusual passphrase",
        },
    )
    newcomer = get_user_model().objects.get(username="newcomer")
    client.post(
        reverse("admin:auth_user_password_change", args=[newcomer.pk]),
        {
            "password1": "another long passphrase 42",
            "password2": "another long passphrase 42",
            "usable_password": "true",
        },
    )

    created, changed = entries_for(newcomer)
    assert created.action == AuditEntry.Action.CREATE and created.actor == admin_user
    assert changed.action == AuditEntry.Action.EDIT and "password" in changed.message.lower()
    assert "passphrase" not in created.message + changed.message


def test_changing_a_groups_permissions_is_audited(admin_user):
    group = Group.objects.create(name="Interns")
    permission = Permission.objects.get(codename="view_person")

    response = signed_in(admin_user).post(
        reverse("admin:auth_group_change", args=[group.pk]), {"name": "Interns", "permissions": [permission.pk]}
    )

    assert response.status_code == 302
    entry = only_entry(group)
    assert entry.action == AuditEntry.Action.EDIT and entry.actor == admin_user and "Permissions" in entry.message


def test_a_change_refused_for_its_reason_writes_no_audit_entry(editor):
    # Editors may change people in general, so the 403 is the desk's refusal (only a manager
    # changes a public person), not Django's permission check.
    assert editor.has_perm("people.change_person")
    expert = PersonFactory(name="Stefan Lehne", has_profile=True, bio="<p>The bio readers see.</p>")

    response = signed_in(editor).post(
        reverse("admin:people_person_change", args=[expert.pk]),
        {
            "name": expert.name,
            "sort_name": expert.sort_name,
            "slug": expert.slug,
            "kind": "expert",
            "is_current": "on",
            "has_profile": "on",
            "short_bio": expert.short_bio,
            "bio": "<p>Rewritten.</p>",
            "languages": "",
            "email": "",
            **inline_management("affiliations", 0),
            **inline_management("links", 0),
        },
    )

    assert response.status_code == 403
    assert PERSON_PUBLIC in html.unescape(response.content.decode())
    assert not entries_for(expert).exists()
    expert.refresh_from_db()
    assert expert.bio == "<p>The bio readers see.</p>"


# --- Keywords (django-taggit's tags) ---


def test_renaming_and_deleting_a_keyword_are_audited(manager):
    keyword = Tag.objects.create(name="sanctions", slug="sanctions")
    client = signed_in(manager)

    renamed = client.post(
        reverse("admin:taggit_tag_change", args=[keyword.pk]),
        {
            "name": "Sanctions policy",
            "slug": "sanctions",
            "taggit-taggeditem-content_type-object_id-TOTAL_FORMS": "0",
            "taggit-taggeditem-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    deleted = client.post(reverse("admin:taggit_tag_delete", args=[keyword.pk]), {"post": "yes"})

    assert renamed.status_code == 302 and deleted.status_code == 302
    assert not Tag.objects.exists()
    (edit, delete) = entries_for(keyword)
    assert (edit.action, edit.actor, delete.action, delete.actor) == (
        AuditEntry.Action.EDIT,
        manager,
        AuditEntry.Action.DELETE,
        manager,
    )
    assert "Name" in edit.message and delete.object_repr == "Sanctions policy"


def test_merging_keywords_is_audited_and_still_merges(manager):
    old, other = Tag.objects.create(name="EU", slug="eu"), Tag.objects.create(name="E.U.", slug="e-u")
    piece = PublicationFactory()
    piece.keywords.add(old, other)
    client = signed_in(manager)

    chosen = client.post(
        reverse("admin:taggit_tag_changelist"),
        {
            "action": "render_tag_form",
            "_selected_action": [old.pk, other.pk],
        },
    )
    merged = client.post(reverse("admin:taggit_tag_merge_tags"), {"new_tag_name": "European Union"})

    assert chosen.status_code == 302 and merged.status_code == 302
    assert list(piece.keywords.names()) == ["European Union"]
    entry = only_entry(Tag.objects.get(name="European Union"))
    assert entry.action == AuditEntry.Action.EDIT and entry.actor == manager
    assert entry.message == "Merged E.U., EU into it."


def test_a_script_deleting_terms_without_the_permission_deletes_nothing_and_writes_no_entry(editor):
    Topic.objects.create(name="Democracy"), Topic.objects.create(name="Trade")

    with pytest.raises(PermissionDenied):
        delete_audited(objects=Topic.objects.all(), by=editor)

    assert Topic.objects.count() == 2
    assert not AuditEntry.objects.exists()


def test_a_script_deleting_terms_through_the_audit_service_leaves_an_entry_for_each(manager):
    Topic.objects.create(name="Democracy"), Topic.objects.create(name="Trade")

    delete_audited(objects=Topic.objects.all(), by=manager)

    assert not Topic.objects.exists()
    deleted = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).values_list("object_repr", flat=True)
    assert sorted(deleted) == ["Democracy", "Trade"]
