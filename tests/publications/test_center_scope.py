"""A center's staff work on their center's pieces only (SECURITY-CASES 26, publications/scope.py)."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from cms.taxonomies.models import Center
from publications import revisions, snapshots
from publications.models import Publication, Revision, Status
from publications.workflow import publishing, review
from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    UserFactory,
    signed_in,
)
from tests.publications.test_workflow_admin import change_form_data, change_url, inline_management, workflow

pytestmark = pytest.mark.django_db

OWN_TITLE = "Envoys in the Balkans"
OTHER_TITLE = "Beirut’s port, five years on"


@pytest.fixture(autouse=True)
def site_default_disclaimer():
    return DisclaimerFactory(name="Site default")


@pytest.fixture
def own_piece(europe):
    return PublicationFactory(
        title=OWN_TITLE, primary_center=europe, status=Status.IN_REVIEW, authors=[PersonFactory()]
    )


@pytest.fixture
def other_piece(beirut):
    return PublicationFactory(
        title=OTHER_TITLE, primary_center=beirut, status=Status.IN_REVIEW, authors=[PersonFactory()]
    )


def test_a_centers_editor_lists_only_their_centers_pieces(europe_editor, own_piece, other_piece):
    page = signed_in(europe_editor).get(reverse("admin:publications_publication_changelist")).content.decode()

    assert OWN_TITLE in page
    assert "five years on" not in page


@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_another_centers_piece_opened_by_id_is_refused_without_its_title(europe_editor, other_piece, view):
    response = signed_in(europe_editor).get(reverse(f"admin:publications_publication_{view}", args=[other_piece.pk]))

    assert response.status_code == 403
    assert "five years on" not in response.content.decode()


def test_an_unknown_id_is_still_reported_as_missing(europe_editor):
    response = signed_in(europe_editor).get(reverse("admin:publications_publication_change", args=[987654]))

    assert response.status_code == 302  # the admin's own "does not exist" message


@pytest.mark.parametrize("url_name", ["admin:publications_publication_revisions", "publications:preview"])
def test_another_centers_revisions_and_preview_are_closed(europe_editor, other_piece, url_name):
    response = signed_in(europe_editor).get(reverse(url_name, args=[other_piece.pk]))

    assert response.status_code in (403, 404)
    assert "five years on" not in response.content.decode()


def test_a_forged_workflow_post_on_another_centers_piece_changes_nothing(europe_manager, other_piece):
    client = signed_in(europe_manager)

    for action in ("approve", "request-changes", "publish", "share"):
        assert workflow(client, other_piece, action, comment="Cut it.").status_code == 404

    other_piece.refresh_from_db()
    assert other_piece.status == Status.IN_REVIEW and other_piece.version == 1


def test_the_workflow_services_refuse_another_centers_piece(europe_editor, europe_manager, other_piece):
    with pytest.raises(PermissionDenied, match="another center"):
        review.approve_publication(publication=other_piece, by=europe_manager)
    with pytest.raises(PermissionDenied, match="another center"):
        revisions.autosave_draft(publication=other_piece, by=europe_editor, expected_version=1, fields={"title": "x"})

    other_piece.refresh_from_db()
    assert other_piece.status == Status.IN_REVIEW
    assert not Revision.objects.filter(publication=other_piece, kind=Revision.Kind.AUTOSAVE).exists()


def test_autosave_on_another_centers_piece_is_refused(europe_editor, beirut):
    draft = PublicationFactory(title=OTHER_TITLE, primary_center=beirut, authors=[PersonFactory()])

    response = signed_in(europe_editor).post(
        reverse("admin:publications_publication_autosave", args=[draft.pk]),
        {"expected_version": 1, "fields": {"title": "Taken over"}},
        content_type="application/json",
    )

    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.title == OTHER_TITLE and not draft.revisions.filter(kind=Revision.Kind.AUTOSAVE).exists()


def test_an_editor_cannot_move_a_piece_to_another_center(europe_editor, europe, beirut):
    draft = PublicationFactory(title=OWN_TITLE, primary_center=europe, authors=[PersonFactory()])

    response = signed_in(europe_editor).post(change_url(draft), change_form_data(draft, primary_center=beirut.pk))

    assert response.status_code == 200
    assert "You work for Carnegie Europe: choose one of your centers." in response.content.decode()
    draft.refresh_from_db()
    assert draft.primary_center == europe and draft.version == 1


def test_an_editor_cannot_file_a_new_piece_under_another_center(europe_editor, beirut):
    kind = PublicationTypeFactory()

    response = signed_in(europe_editor).post(
        reverse("admin:publications_publication_add"),
        {
            "title": OTHER_TITLE,
            "slug": "beirut-port",
            "publication_type": kind.pk,
            "language": "en",
            "body": "<p>Text</p>",
            "primary_center": beirut.pk,
            **inline_management("authorships", 0),
            **inline_management("collection_items", 0),
        },
    )

    assert response.status_code == 200
    assert "choose one of your centers" in response.content.decode()
    assert not Publication.objects.filter(slug="beirut-port").exists()


def test_primary_center_suggestions_are_the_editors_own_centers(europe_editor, europe, beirut):
    response = signed_in(europe_editor).get(
        reverse("admin:autocomplete"),
        {
            "app_label": "publications",
            "model_name": "publication",
            "field_name": "primary_center",
            "term": "",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == ["Carnegie Europe"]


def test_a_centers_manager_reviews_and_counts_their_centers_pieces(europe_manager, own_piece, other_piece):
    client = signed_in(europe_manager)

    queue = client.get(reverse("admin:publications_publication_review_queue")).content.decode()
    dashboard = client.get(reverse("admin:index")).content.decode()

    assert OWN_TITLE in queue and "five years on" not in queue
    assert "<strong>1</strong> awaiting review" in dashboard


def test_staff_of_no_center_and_superusers_work_across_centers(editor, own_piece, other_piece):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)

    for user in (editor, superuser):
        client = signed_in(user)
        listing = client.get(reverse("admin:publications_publication_changelist")).content.decode()
        assert OWN_TITLE in listing and "five years on" in listing
        assert client.get(change_url(other_piece)).status_code == 200


def test_a_draft_without_a_primary_center_is_open_to_every_desk(europe_editor):
    draft = PublicationFactory(title="Untitled notes", primary_center=None)

    assert signed_in(europe_editor).get(change_url(draft)).status_code == 200


def test_only_those_who_manage_accounts_change_who_works_for_a_center(europe_manager, europe, beirut):
    url = reverse("admin:taxonomies_center_change", args=[beirut.pk])
    joining_beirut = {
        "name": beirut.name,
        "slug": beirut.slug,
        "order": 0,
        "description": "",
        "staff": [europe_manager.pk],
    }

    signed_in(europe_manager).post(url, joining_beirut)

    assert not beirut.staff.exists()
    europe_manager.user_permissions.add(Permission.objects.get(codename="change_user"))
    response = signed_in(europe_manager).post(url, joining_beirut)
    assert response.status_code == 302
    assert list(beirut.staff.all()) == [europe_manager]


def test_a_bulk_action_forged_with_another_centers_piece_leaves_it_alone(europe_editor, europe, beirut):
    europe_editor.user_permissions.add(Permission.objects.get(codename="delete_publication"))
    own = PublicationFactory(title=OWN_TITLE, primary_center=europe)
    other = PublicationFactory(title=OTHER_TITLE, primary_center=beirut)

    signed_in(europe_editor).post(
        reverse("admin:publications_publication_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [own.pk, other.pk],
            "post": "yes",
        },
    )

    assert not Publication.objects.filter(pk=own.pk).exists()
    assert Publication.objects.filter(pk=other.pk).exists()


def test_a_pending_change_stays_on_its_live_pieces_desk(europe_editor, europe_manager, beirut, europe):
    live = PublicationFactory(title=OTHER_TITLE, primary_center=beirut, published=True, authors=[PersonFactory()])
    change = review.start_change(publication=live, by=UserFactory(username="root", is_staff=True, is_superuser=True))
    # Even refiled under Europe by someone who may, the copy is still Beirut's live piece.
    Publication.objects.filter(pk=change.pk).update(primary_center=europe, status=Status.APPROVED)
    change.refresh_from_db()

    assert signed_in(europe_editor).get(change_url(change)).status_code == 403
    with pytest.raises(PermissionDenied):
        publishing.publish_publication(publication=change, by=europe_manager)
    live.refresh_from_db()
    assert live.title == OTHER_TITLE and live.primary_center == beirut


def test_a_centers_editor_cannot_clear_the_primary_center(europe_editor, europe):
    draft = PublicationFactory(title=OWN_TITLE, primary_center=europe, authors=[PersonFactory()])

    response = signed_in(europe_editor).post(change_url(draft), change_form_data(draft, primary_center=""))

    assert "choose one of your centers" in response.content.decode()
    draft.refresh_from_db()
    assert draft.primary_center == europe


def test_the_audit_log_shows_a_centers_manager_their_desks_history(europe_manager, own_piece, other_piece):
    for piece in (own_piece, other_piece):
        record_audit(actor=None, action=AuditEntry.Action.SUBMIT, obj=piece)

    page = signed_in(europe_manager).get(reverse("admin:audit_auditentry_changelist")).content.decode()

    assert OWN_TITLE in page and "five years on" not in page


def test_a_collection_shows_another_centers_drafts_to_no_other_desk(europe_manager, beirut):
    collection = CollectionFactory(name="Ports")
    CollectionItemFactory(
        collection=collection, publication=PublicationFactory(title=OTHER_TITLE, primary_center=beirut), position=1
    )
    public = PublicationFactory(title="Beirut’s public piece", primary_center=beirut, published=True)
    client = signed_in(europe_manager)

    page = client.get(reverse("admin:taxonomies_collection_change", args=[collection.pk])).content.decode()
    assert "five years on" not in page

    def add(piece):
        return client.post(
            reverse("admin:taxonomies_collection_change", args=[collection.pk]),
            {
                "name": collection.name,
                "slug": collection.slug,
                "description": "",
                **inline_management("items", 1),
                "items-0-position": "5",
                "items-0-publication": piece.pk,
            },
        )

    # Beirut's collection is not on the Europe desk at all (test_people_and_images_on_desks.py).
    draft = PublicationFactory(title="Beirut’s other draft", primary_center=beirut)
    assert add(draft).status_code == 403 and add(public).status_code == 403
    assert list(collection.items.values_list("publication__title", flat=True)) == [OTHER_TITLE]


def test_a_translation_links_to_a_public_piece_of_any_center_but_not_to_another_centers_draft(
    europe_editor, europe, beirut
):
    # In another language than its original: an edition always is (publications/models/editions.py).
    translation = PublicationFactory(title=OWN_TITLE, primary_center=europe, authors=[PersonFactory()], language="fr")
    draft = PublicationFactory(title=OTHER_TITLE, primary_center=beirut)
    original = PublicationFactory(title="Beirut’s public piece", primary_center=beirut, published=True)
    client = signed_in(europe_editor)

    refused = client.post(change_url(translation), change_form_data(translation, translation_of=draft.pk))
    assert refused.status_code == 200 and "five years on" not in refused.content.decode()
    translation.refresh_from_db()
    assert translation.translation_of is None
    accepted = client.post(change_url(translation), change_form_data(translation, translation_of=original.pk))
    assert accepted.status_code == 302
    translation.refresh_from_db()
    assert translation.translation_of == original


def test_a_centers_manager_cannot_delete_a_center(europe_manager, beirut):
    # Not even one nobody works for: deleting their own last center would open every desk to them.
    response = signed_in(europe_manager).post(
        reverse("admin:taxonomies_center_delete", args=[beirut.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Center.objects.filter(pk=beirut.pk).exists()


def test_only_the_pieces_desk_and_managers_of_every_center_hear_of_a_review(
    europe_manager, beirut, django_capture_on_commit_callbacks
):
    europe_manager.email = "manny@example.org"
    europe_manager.save()
    beirut_manager = UserFactory(username="maha", email="maha@example.org", role="Manager")
    beirut.staff.add(beirut_manager)
    UserFactory(username="global", email="global@example.org", role="Manager")
    draft = PublicationFactory(title=OTHER_TITLE, primary_center=beirut, authors=[PersonFactory()])

    with django_capture_on_commit_callbacks(execute=True):
        review.submit_for_review(publication=draft, by=UserFactory(username="beirut-editor", role="Editor"))

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "global@example.org",
        "maha@example.org",
    ]


def test_a_translation_keeps_its_original_when_that_is_no_longer_public(europe_editor, europe, beirut):
    original = PublicationFactory(title=OTHER_TITLE, primary_center=beirut, status=Status.UNPUBLISHED)
    translation = PublicationFactory(
        title=OWN_TITLE, primary_center=europe, translation_of=original, authors=[PersonFactory()], language="fr"
    )

    response = signed_in(europe_editor).post(
        change_url(translation), change_form_data(translation, translation_of=original.pk, dek="New dek")
    )

    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.translation_of == original and translation.dek == "New dek"


def test_restoring_a_revision_filed_under_another_center_is_refused(europe_editor, europe, beirut):
    piece = PublicationFactory(title=OWN_TITLE, primary_center=beirut, authors=[PersonFactory()])
    old = snapshots.record_revision(publication=piece, by=None)
    Publication.objects.filter(pk=piece.pk).update(primary_center=europe)
    piece.refresh_from_db()

    with pytest.raises(ValidationError, match="off your desk"):
        revisions.restore_revision(revision=old, by=europe_editor)

    piece.refresh_from_db()
    assert piece.primary_center == europe and piece.version == 1


def test_the_schedule_leaves_out_another_centers_pending_change(europe_manager, europe, beirut):
    live = PublicationFactory(title=OTHER_TITLE, primary_center=beirut, published=True)
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    change = review.start_change(publication=live, by=superuser)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    Publication.objects.filter(pk=change.pk).update(
        primary_center=europe, status=Status.PUBLISHED, go_live_at=tomorrow, title="Refiled copy"
    )

    page = signed_in(europe_manager).get(reverse("admin:publications_publication_schedule")).content.decode()
    everyone = signed_in(superuser).get(reverse("admin:publications_publication_schedule")).content.decode()

    assert "Refiled copy" in everyone
    assert "Refiled copy" not in page


def test_a_collection_holding_pieces_a_desk_cannot_see_cannot_be_deleted_by_it(europe_manager, beirut):
    collection = CollectionFactory(name="Ports")
    CollectionItemFactory(
        collection=collection, publication=PublicationFactory(title=OTHER_TITLE, primary_center=beirut)
    )

    response = signed_in(europe_manager).get(reverse("admin:taxonomies_collection_delete", args=[collection.pk]))

    assert response.status_code == 403
    assert "five years on" not in response.content.decode()
