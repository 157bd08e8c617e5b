"""Saving and deleting a piece through its services: the rules a script gets as well as the admin."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.audit.models import AuditEntry
from publications.models import Authorship, Publication, Revision, Status
from publications.workflow import editing
from tests.factories import (
    AuthorshipFactory,
    CenterFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def entries(publication, action):
    return AuditEntry.objects.filter(
        content_type__app_label="publications", object_id=str(publication.pk), action=action
    )


class TestSavingThroughTheService:
    def test_a_script_creating_a_piece_keeps_its_primary_center_among_its_centers_with_a_revision_and_an_audit_entry(
        self, editor
    ):
        europe, beirut = (
            CenterFactory(name="Carnegie Europe"),
            CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center"),
        )
        topic = TopicFactory(name="Democracy")
        piece = Publication(
            title="Envoys in the Balkans",
            publication_type=PublicationTypeFactory(),
            primary_center=europe,
            language="en",
        )

        editing.save_publication(publication=piece, by=editor, relations={"centers": [beirut], "topics": [topic]})

        piece = Publication.objects.get(pk=piece.pk)
        assert set(piece.centers.all()) == {europe, beirut}
        assert list(piece.topics.all()) == [topic]
        assert piece.created_by == editor and piece.status == Status.DRAFT
        assert piece.revisions.count() == 1
        assert entries(piece, AuditEntry.Action.CREATE).get().actor == editor

    def test_a_script_moving_a_piece_to_another_center_keeps_the_new_one_among_its_centers(self, editor):
        europe, china = CenterFactory(name="Carnegie Europe"), CenterFactory(name="Carnegie China")
        piece = PublicationFactory(primary_center=europe)
        piece.centers.add(europe)
        read_version = piece.version

        piece.primary_center = china
        editing.save_publication(
            publication=piece, by=editor, expected_version=read_version, relations={"centers": [europe]}
        )

        piece = Publication.objects.get(pk=piece.pk)
        assert set(piece.centers.all()) == {europe, china}
        assert piece.version == read_version + 1
        assert piece.revisions.get().version == read_version + 1
        assert entries(piece, AuditEntry.Action.EDIT).get().actor == editor

    def test_a_stale_save_through_the_service_is_refused_with_the_forms_message_and_changes_nothing(self, editor):
        piece = PublicationFactory(title="Before")
        read_version = piece.version
        Publication.objects.filter(pk=piece.pk).update(version=read_version + 1)

        piece.title = "Mine"
        with pytest.raises(ValidationError) as refusal:
            editing.save_publication(publication=piece, by=editor, expected_version=read_version)

        assert refusal.value.code == "stale"
        assert "Someone else saved this publication while you were editing it" in refusal.value.messages[0]
        assert Publication.objects.get(pk=piece.pk).title == "Before"
        assert not Revision.objects.filter(publication=piece).exists()
        assert not AuditEntry.objects.exists()

    def test_a_save_without_the_version_read_is_refused_as_stale(self, editor):
        piece = PublicationFactory()

        with pytest.raises(ValidationError) as refusal:
            editing.save_publication(publication=piece, by=editor)

        assert refusal.value.code == "stale"

    def test_someone_who_may_not_edit_cannot_save_through_the_service(self):
        reader = UserFactory()
        piece = Publication(title="Not mine to write", publication_type=PublicationTypeFactory(), language="en")

        with pytest.raises(PermissionDenied):
            editing.save_publication(publication=piece, by=reader)

        assert not Publication.objects.filter(title="Not mine to write").exists()

    def test_a_script_gets_a_clear_error_for_a_field_the_form_would_refuse(self, editor):
        piece = Publication(title="", publication_type=PublicationTypeFactory(), language="en")

        with pytest.raises(ValidationError) as refusal:
            editing.save_publication(publication=piece, by=editor)

        assert "title" in refusal.value.message_dict
        assert not Publication.objects.exists()


class TestDeletingThroughTheService:
    def test_a_deleted_piece_leaves_an_audit_entry_naming_who_deleted_it(self, manager):
        piece = PublicationFactory(title="Withdrawn draft")
        pk = piece.pk

        editing.delete_publication(publication=piece, by=manager)

        assert not Publication.objects.filter(pk=pk).exists()
        entry = AuditEntry.objects.get(object_id=str(pk), action=AuditEntry.Action.DELETE)
        assert entry.actor == manager and entry.object_repr == "Withdrawn draft"

    def test_an_editor_without_the_delete_permission_deletes_nothing_and_leaves_no_entry(self, editor):
        piece = PublicationFactory()

        with pytest.raises(PermissionDenied):
            editing.delete_publication(publication=piece, by=editor)

        assert Publication.objects.filter(pk=piece.pk).exists()
        assert not AuditEntry.objects.exists()

    def test_a_live_piece_is_unpublished_before_it_is_deleted(self, manager):
        piece = PublicationFactory(published=True)

        with pytest.raises(ValidationError, match="unpublish it"):
            editing.delete_publication(publication=piece, by=manager)

        assert Publication.objects.filter(pk=piece.pk).exists()
        assert not AuditEntry.objects.exists()

    def test_a_selection_with_one_piece_off_the_desk_deletes_none_of_them(self, manager):
        europe, china = CenterFactory(name="Carnegie Europe"), CenterFactory(name="Carnegie China")
        europe.staff.add(manager)
        mine, theirs = PublicationFactory(primary_center=europe), PublicationFactory(primary_center=china)

        with pytest.raises(PermissionDenied):
            editing.delete_publications(publications=Publication.objects.all(), by=manager)

        assert set(Publication.objects.all()) == {mine, theirs}
        assert not AuditEntry.objects.exists()

    def test_deleting_a_draft_in_the_admin_is_audited(self, manager_client, manager):
        piece = PublicationFactory(title="Withdrawn draft")

        response = manager_client.post(
            reverse("admin:publications_publication_delete", args=[piece.pk]), {"post": "yes"}
        )

        assert response.status_code == 302
        assert not Publication.objects.filter(pk=piece.pk).exists()
        assert entries(piece, AuditEntry.Action.DELETE).get().actor == manager

    def test_deleting_drafts_with_the_list_action_audits_each(self, manager_client):
        pieces = [PublicationFactory(title="First draft"), PublicationFactory(title="Second draft")]

        response = manager_client.post(
            reverse("admin:publications_publication_changelist"),
            {
                "action": "delete_selected",
                "post": "yes",
                "_selected_action": [piece.pk for piece in pieces],
            },
        )

        assert response.status_code == 302
        assert not Publication.objects.exists()
        deleted = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).values_list("object_repr", flat=True)
        assert sorted(deleted) == ["First draft", "Second draft"]


class TestTitleAtPublication:
    def test_saving_a_byline_row_reads_no_profile(self):
        authorship = AuthorshipFactory(person=PersonFactory(title_line="Senior Fellow"), title_line="")
        row = Authorship.objects.get(pk=authorship.pk)
        row.title_line = ""

        with CaptureQueriesContext(connection) as queries:
            row.save(update_fields=["title_line"])

        assert not [q["sql"] for q in queries if "people_" in q["sql"]]
        assert Authorship.objects.get(pk=row.pk).title_line == ""

    def test_a_contributor_added_in_the_admin_gets_their_title_at_publication(self, editor_client):
        lehne = PersonFactory(name="Stefan Lehne", title_line="Visiting Scholar, Carnegie Europe")
        center, kind = CenterFactory(), PublicationTypeFactory()

        response = editor_client.post(
            reverse("admin:publications_publication_add"),
            {
                "title": "Envoys",
                "slug": "envoys",
                "publication_type": kind.pk,
                "language": "en",
                "body": "<p>Text</p>",
                "primary_center": center.pk,
                "authorships-TOTAL_FORMS": "1",
                "authorships-INITIAL_FORMS": "0",
                "authorships-0-position": "0",
                "authorships-0-person": lehne.pk,
                "authorships-0-role": "author",
                "collection_items-TOTAL_FORMS": "0",
                "collection_items-INITIAL_FORMS": "0",
            },
        )

        assert response.status_code == 302
        assert Authorship.objects.get(person=lehne).title_line == "Visiting Scholar, Carnegie Europe"
