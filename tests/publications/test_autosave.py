"""Autosave: a draft's text kept in the background, never changing it and never over a newer save."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from publications import revisions
from publications.desk import autosave_to_offer, revision_rows
from publications.models import Publication, Revision, Status
from publications.workflow import editing
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

TYPED = {"title": "Caspian ferries, revised", "body": "<p>First.</p><p>Second, typed but not saved.</p>"}


@pytest.fixture
def draft(editor):
    piece = PublicationFactory(title="Caspian ferries", body="<p>First.</p>", created_by=editor)
    editing.record_edit(publication=piece, by=editor, created=True)
    return Publication.objects.get(pk=piece.pk)


def autosaves(publication):
    return list(Revision.objects.filter(publication=publication, kind=Revision.Kind.AUTOSAVE))


def test_an_autosave_keeps_the_text_as_a_revision_and_leaves_the_piece_alone(draft, editor):
    before = Publication.objects.filter(pk=draft.pk).values().get()

    revision = revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)

    assert Publication.objects.filter(pk=draft.pk).values().get() == before  # status, version, text, updated_at
    assert revision.kind == Revision.Kind.AUTOSAVE and revision.version == draft.version
    assert (revision.data["title"], revision.data["body"]) == (TYPED["title"], TYPED["body"])
    assert revision.data["dek"] == draft.dek  # what was not sent is the saved value
    assert revision.created_by == editor


def test_an_autosave_never_takes_in_a_colleagues_unsaved_text(draft, editor, manager):
    revisions.autosave_draft(
        publication=draft, by=manager, expected_version=draft.version, fields={"dek": "Manager's idea."}
    )

    mine = revisions.autosave_draft(
        publication=draft, by=editor, expected_version=draft.version, fields={"title": "Mine"}
    )

    assert (mine.data["title"], mine.data["dek"]) == ("Mine", draft.dek)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED])
def test_an_autosave_never_changes_the_status(editor, status):
    piece = PublicationFactory(status=status)

    revisions.autosave_draft(publication=piece, by=editor, expected_version=piece.version, fields=TYPED)

    assert Publication.objects.get(pk=piece.pk).status == status


def test_an_autosave_based_on_an_older_version_is_refused_and_writes_nothing(draft, editor, manager):
    opened_at = draft.version
    Publication.objects.filter(pk=draft.pk).update(version=opened_at + 1, body="<p>The manager's newer text.</p>")

    with pytest.raises(ValidationError) as refusal:
        revisions.autosave_draft(publication=draft, by=editor, expected_version=opened_at, fields=TYPED)

    assert refusal.value.code == "stale"
    assert autosaves(draft) == []
    assert Publication.objects.get(pk=draft.pk).body == "<p>The manager's newer text.</p>"


def test_an_autosave_without_a_version_is_refused(draft, editor):
    with pytest.raises(ValidationError):
        revisions.autosave_draft(publication=draft, by=editor, expected_version=None, fields=TYPED)


def test_live_pieces_and_people_who_cannot_edit_get_no_autosave(editor):
    live = PublicationFactory(published=True)
    with pytest.raises(ValidationError):
        revisions.autosave_draft(publication=live, by=editor, expected_version=live.version, fields=TYPED)
    with pytest.raises(PermissionDenied):
        revisions.autosave_draft(
            publication=live, by=UserFactory(username="visitor", is_staff=True), expected_version=1, fields=TYPED
        )


def test_repeated_autosaves_update_one_revision_then_start_another_after_ten_minutes(draft, editor, frozen_clock):
    start = timezone.now()
    for minute, text in [(0, "one"), (1, "two"), (9, "three")]:
        frozen_clock(start + datetime.timedelta(minutes=minute))
        revisions.autosave_draft(
            publication=draft, by=editor, expected_version=draft.version, fields={"body": f"<p>{text}</p>"}
        )
    assert [(r.data["body"], r.created_at) for r in autosaves(draft)] == [
        ("<p>three</p>", start + datetime.timedelta(minutes=9))
    ]

    frozen_clock(start + datetime.timedelta(minutes=20))
    revisions.autosave_draft(
        publication=draft, by=editor, expected_version=draft.version, fields={"body": "<p>four</p>"}
    )

    assert [r.data["body"] for r in autosaves(draft)] == ["<p>four</p>", "<p>three</p>"]


def test_the_autosaved_body_is_sanitized_and_fields_are_cut_to_size(draft, editor):
    revision = revisions.autosave_draft(
        publication=draft,
        by=editor,
        expected_version=draft.version,
        fields={"body": '<p onclick="x()">Hi<script>alert(1)</script></p>', "title": "T" * 500, "status": "published"},
    )

    assert revision.data["body"] == "<p>Hi</p>"
    assert len(revision.data["title"]) == 300
    assert revision.data["status"] == Status.DRAFT


def test_an_autosave_takes_three_queries_while_an_editor_types(draft, editor, django_assert_max_num_queries):
    revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)

    with django_assert_max_num_queries(5):  # lock, newest revision, update, and a savepoint pair
        revisions.autosave_draft(
            publication=draft, by=editor, expected_version=draft.version, fields={"body": "<p>More.</p>"}
        )


class TestOffer:
    def test_the_editor_is_offered_their_newest_autosave_after_a_crash(self, draft, editor):
        revision = revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)

        offer = autosave_to_offer(publication=draft, user=editor)

        assert offer.revision == revision
        assert offer.fields["body"] == TYPED["body"] and offer.fields["title"] == TYPED["title"]

    def test_nothing_is_offered_once_the_text_was_saved(self, draft, editor):
        revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)
        Publication.objects.filter(pk=draft.pk).update(version=draft.version + 1)  # a save
        draft.refresh_from_db()

        assert autosave_to_offer(publication=draft, user=editor) is None

    def test_nothing_is_offered_to_someone_else_or_when_nothing_changed(self, draft, editor, manager):
        revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)
        assert autosave_to_offer(publication=draft, user=manager) is None

        other = PublicationFactory(body="<p>Same.</p>")
        revisions.autosave_draft(
            publication=other, by=editor, expected_version=other.version, fields={"body": "<p>Same.</p>"}
        )
        assert autosave_to_offer(publication=other, user=editor) is None


class TestAdmin:
    def url(self, draft):
        return reverse("admin:publications_publication_autosave", args=[draft.pk])

    def post(self, client, draft, payload):
        return client.post(self.url(draft), json.dumps(payload), content_type="application/json")

    def test_the_endpoint_answers_with_the_time_it_kept_the_text(self, draft, editor_client):
        response = self.post(editor_client, draft, {"expected_version": draft.version, "fields": TYPED})

        assert response.status_code == 200
        assert response.json()["label"].startswith("Autosaved at ")
        assert len(autosaves(draft)) == 1

    def test_a_newer_save_is_a_409_with_a_message_for_the_editor(self, draft, editor_client):
        response = self.post(editor_client, draft, {"expected_version": draft.version - 1, "fields": TYPED})

        assert response.status_code == 409
        assert "Someone else saved this piece" in response.json()["error"]

    @pytest.mark.parametrize("payload", [{}, {"fields": "x"}, {"expected_version": "1; drop", "fields": {}}, []])
    def test_bad_input_is_a_4xx(self, draft, editor_client, payload):
        assert self.post(editor_client, draft, payload).status_code in {400, 409}

    def test_live_pieces_anonymous_visitors_and_forged_posts_are_refused(self, editor, editor_client):
        live = PublicationFactory(published=True)
        assert self.post(editor_client, live, {"expected_version": live.version, "fields": TYPED}).status_code == 403
        draft = PublicationFactory()
        assert self.post(Client(), draft, {"expected_version": draft.version, "fields": TYPED}).status_code == 302
        forged = Client(enforce_csrf_checks=True)
        forged.force_login(editor)
        assert self.post(forged, draft, {"expected_version": draft.version, "fields": TYPED}).status_code == 403
        assert not Revision.objects.filter(kind=Revision.Kind.AUTOSAVE).exists()

    def test_the_change_form_offers_the_autosave_back(self, draft, editor, editor_client):
        revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)

        page = editor_client.get(reverse("admin:publications_publication_change", args=[draft.pk])).content.decode()

        assert 'id="desk-restore"' in page and "Restore my text" in page
        assert '<script id="desk-autosave-data" type="application/json">' in page
        assert "Second, typed but not saved." in page

    def test_the_revision_history_folds_autosaves_together(self, draft, editor, editor_client, frozen_clock):
        start = timezone.now()
        for minutes in [1, 12, 24]:  # three autosave revisions in a row
            frozen_clock(start + datetime.timedelta(minutes=minutes))
            revisions.autosave_draft(
                publication=draft, by=editor, expected_version=draft.version, fields={"body": f"<p>{minutes}</p>"}
            )
        rows = revision_rows(list(draft.revisions.order_by("-created_at", "-pk")))
        assert [(row.revision.kind, row.autosave_count) for row in rows] == [("autosave", 3), ("save", 0)]

        page = editor_client.get(reverse("admin:publications_publication_revisions", args=[draft.pk])).content.decode()
        assert "3 autosaves in a row; 2 earlier" in page
        assert page.count('<tr class="revision--autosave">') == 1


def test_restoring_an_autosave_from_the_history_writes_its_text(draft, editor):
    DisclaimerFactory()
    draft.authorships.create(person=PersonFactory())
    revision = revisions.autosave_draft(publication=draft, by=editor, expected_version=draft.version, fields=TYPED)

    restored = revisions.restore_revision(revision=revision, by=editor)

    assert restored.body == TYPED["body"] and restored.status == Status.DRAFT


class TestAbsurdBodies:
    url = TestAdmin.url

    def test_json_nested_100000_deep_is_a_400_not_a_500(self, draft, editor_client):
        payload = '{"fields": ' + "[" * 100_000 + "]" * 100_000 + "}"
        response = editor_client.post(self.url(draft), payload, content_type="application/json")

        assert response.status_code == 400
        assert not autosaves(draft)

    def test_a_body_too_long_for_the_aids_is_still_autosaved(self, draft, editor_client):
        body = "<p>" + "word " * 210_000 + "</p>"  # over the aids' 600 KB, under Django's 2.5 MB
        payload = {"expected_version": draft.version, "fields": {"body": body}}
        response = editor_client.post(self.url(draft), json.dumps(payload), content_type="application/json")

        assert response.status_code == 200
        assert autosaves(draft)[0].data["body"].startswith("<p>word word")

    def test_a_body_over_what_django_reads_is_a_413_telling_the_editor_to_save(self, draft, editor_client, settings):
        settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
        payload = {"expected_version": draft.version, "fields": {"body": "<p>" + "word " * 500 + "</p>"}}
        response = editor_client.post(self.url(draft), json.dumps(payload), content_type="application/json")

        assert response.status_code == 413
        assert "Save the form" in response.json()["error"]
        assert not autosaves(draft)

    def test_html_nested_too_deep_is_a_400_telling_the_editor_to_save(self, draft, editor_client):
        payload = {"expected_version": draft.version, "fields": {"body": "<div>" * 40_000 + "x"}}
        response = editor_client.post(self.url(draft), json.dumps(payload), content_type="application/json")

        assert response.status_code == 400
        assert "Save the form" in response.json()["error"]
