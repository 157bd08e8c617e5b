"""The editorial workflow's rules, through the service functions the admin buttons call."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cms.audit.models import AuditEntry
from publications import previews, revisions, snapshots
from publications.models import Publication, Revision, Status
from publications.workflow import editing, gate, publishing, review
from tests.factories import (
    DisclaimerFactory,
    ImageFactory,
    PersonFactory,
    PublicationFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_default_disclaimer():
    return DisclaimerFactory(name="Site default")


def ready_piece(**kwargs):
    """A draft that passes the publish gate: an author, a primary center, a disclaimer."""
    return PublicationFactory(authors=[PersonFactory()], **kwargs)


def actions(publication):
    return list(
        AuditEntry.objects.filter(object_id=str(publication.pk), content_type__model="publication")
        .order_by("at", "pk")
        .values_list("action", flat=True)
    )


def test_the_whole_cycle_from_draft_to_published(editor, manager, django_capture_on_commit_callbacks):
    manager.email = "manny@example.org"
    manager.save()
    piece = ready_piece(created_by=editor)

    with django_capture_on_commit_callbacks(execute=True):
        review.submit_for_review(publication=piece, by=editor)
    assert Publication.objects.get(pk=piece.pk).status == Status.IN_REVIEW
    assert [message.to for message in mail.outbox] == [["manny@example.org"]]

    with django_capture_on_commit_callbacks(execute=True):
        review.request_changes(publication=piece, by=manager, comment="Cite the EU statement.")
    piece.refresh_from_db()
    assert piece.status == Status.CHANGES_REQUESTED
    assert piece.review_comment == "Cite the EU statement."
    assert "Cite the EU statement." in mail.outbox[-1].body
    assert mail.outbox[-1].to == [editor.email]

    review.submit_for_review(publication=piece, by=editor)
    review.approve_publication(publication=piece, by=manager)
    publishing.publish_publication(publication=piece, by=manager)

    piece.refresh_from_db()
    assert piece.status == Status.PUBLISHED and piece.is_public
    assert piece.review_comment == ""
    assert actions(piece) == ["submit", "request_changes", "submit", "approve", "publish"]


@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("approve", Status.DRAFT),
        ("publish", Status.DRAFT),
        ("publish", Status.IN_REVIEW),
        ("unpublish", Status.DRAFT),
        ("submit", Status.PUBLISHED),
        ("submit", Status.IN_REVIEW),
    ],
)
def test_a_transition_the_state_does_not_allow_is_refused_and_changes_nothing(manager, action, state):
    piece = ready_piece(status=state)
    run = {
        "approve": lambda: review.approve_publication(publication=piece, by=manager),
        "publish": lambda: publishing.publish_publication(publication=piece, by=manager),
        "unpublish": lambda: publishing.unpublish_publication(publication=piece, by=manager),
        "submit": lambda: review.submit_for_review(publication=piece, by=manager),
    }[action]

    with pytest.raises(ValidationError):
        run()

    assert Publication.objects.get(pk=piece.pk).status == state
    assert actions(piece) == []


@pytest.mark.parametrize(
    "attempt",
    [
        lambda piece, user: review.approve_publication(publication=piece, by=user),
        lambda piece, user: review.request_changes(publication=piece, by=user, comment="no"),
        lambda piece, user: publishing.publish_publication(publication=piece, by=user),
    ],
)
def test_an_editor_cannot_approve_or_publish(editor, attempt):
    piece = ready_piece(status=Status.IN_REVIEW)

    with pytest.raises(PermissionDenied):
        attempt(piece, editor)

    assert Publication.objects.get(pk=piece.pk).status == Status.IN_REVIEW


def test_an_editor_cannot_publish_an_approved_piece_either(editor):
    piece = ready_piece(status=Status.APPROVED)

    with pytest.raises(PermissionDenied):
        publishing.publish_publication(publication=piece, by=editor)


def test_requesting_changes_needs_a_comment(manager):
    piece = ready_piece(status=Status.IN_REVIEW)

    with pytest.raises(ValidationError, match="comment"):
        review.request_changes(publication=piece, by=manager, comment="   ")

    assert Publication.objects.get(pk=piece.pk).status == Status.IN_REVIEW


def test_a_double_clicked_publish_publishes_once(manager):
    piece = ready_piece(status=Status.APPROVED)
    publishing.publish_publication(publication=piece, by=manager)

    with pytest.raises(ValidationError):
        publishing.publish_publication(publication=piece, by=manager)

    assert actions(piece) == ["publish"]
    assert piece.revisions.filter(kind=Revision.Kind.PUBLISH).count() == 1


class TestPublishGate:
    def test_placeholder_text_blocks_publishing(self, manager):
        piece = ready_piece(status=Status.APPROVED, body="<p>Growth was TK percent. REQUIRED IMAGE</p>")

        with pytest.raises(ValidationError) as refusal:
            publishing.publish_publication(publication=piece, by=manager)

        assert any("TK" in message for message in refusal.value.messages)
        assert any("REQUIRED IMAGE" in message for message in refusal.value.messages)
        assert Publication.objects.get(pk=piece.pk).status == Status.APPROVED

    def test_a_lead_image_needs_credit_and_alt_text(self, manager):
        image = ImageFactory(credit="", alt_text="")
        piece = ready_piece(status=Status.APPROVED, lead_image=image)

        problems = gate.publish_gate_problems(piece)

        assert "The lead image has no credit." in problems
        assert "The lead image has no alt text." in problems

    def test_no_primary_center_no_author_no_disclaimer_are_all_listed(self, manager, site_default_disclaimer):
        site_default_disclaimer.delete()
        piece = PublicationFactory(status=Status.APPROVED, primary_center=None)

        problems = gate.publish_gate_problems(piece)

        assert problems == [
            "Choose a primary center.",
            "Add at least one author.",
            "No disclaimer applies: add a site default disclaimer or an override.",
        ]

    def test_words_that_merely_contain_tk_are_fine(self):
        piece = ready_piece(title="Tkachenko on Ukraine", body="<p>Atkinson and TKO</p>")

        assert gate.publish_gate_problems(piece) == []


class TestScheduling:
    def test_a_scheduled_piece_appears_at_its_time_with_no_job(self, manager, client, frozen_clock):
        piece = ready_piece(status=Status.APPROVED)
        go_live = timezone.now() + datetime.timedelta(hours=2)
        publishing.publish_publication(publication=piece, by=manager, go_live_at=go_live)
        assert actions(piece) == ["schedule"]

        frozen_clock(go_live - datetime.timedelta(seconds=1))
        assert client.get(piece.get_absolute_url()).status_code == 404
        assert piece.title not in client.get("/publications/").content.decode()

        frozen_clock(go_live + datetime.timedelta(seconds=1))
        assert client.get(piece.get_absolute_url()).status_code == 200
        assert piece.title in client.get("/publications/").content.decode()

    def test_an_expired_piece_disappears_at_its_time(self, manager, client, frozen_clock):
        piece = ready_piece(status=Status.APPROVED)
        expire = timezone.now() + datetime.timedelta(days=1)
        publishing.publish_publication(publication=piece, by=manager, expire_at=expire)

        frozen_clock(expire - datetime.timedelta(seconds=1))
        assert client.get(piece.get_absolute_url()).status_code == 200
        frozen_clock(expire)
        assert client.get(piece.get_absolute_url()).status_code == 404

    def test_expiry_hides_a_piece(self, manager):
        piece = ready_piece(status=Status.APPROVED)
        expire = timezone.now() + datetime.timedelta(days=1)
        publishing.publish_publication(publication=piece, by=manager, expire_at=expire)

        assert Publication.objects.published().filter(pk=piece.pk).exists()
        Publication.objects.filter(pk=piece.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
        assert not Publication.objects.published().filter(pk=piece.pk).exists()

    def test_an_expiry_before_going_live_is_refused(self, manager):
        piece = ready_piece(status=Status.APPROVED)
        go_live = timezone.now() + datetime.timedelta(days=2)

        with pytest.raises(ValidationError, match="expiry"):
            publishing.publish_publication(
                publication=piece, by=manager, go_live_at=go_live, expire_at=go_live - datetime.timedelta(hours=1)
            )

    def test_publish_scheduled_handles_each_piece_once(self, manager, django_capture_on_commit_callbacks):
        piece = ready_piece(status=Status.APPROVED, created_by=manager)
        publishing.publish_publication(
            publication=piece, by=manager, go_live_at=timezone.now() + datetime.timedelta(minutes=5)
        )
        assert publishing.handle_went_live() == []

        later = timezone.now() + datetime.timedelta(minutes=6)
        with django_capture_on_commit_callbacks(execute=True):
            first = publishing.handle_went_live(now=later)
        second = publishing.handle_went_live(now=later)

        assert [p.pk for p in first] == [piece.pk] and second == []
        assert actions(piece) == ["schedule", "went_live"]
        assert mail.outbox[-1].subject == f"Now live: {piece.title}"


class TestLiveChanges:
    def test_a_change_to_a_live_piece_stays_invisible_until_published(self, editor, manager, client):
        live = ready_piece(title="Original title", status=Status.PUBLISHED)
        copy = review.start_change(publication=live, by=editor)
        copy.title = "Changed title"
        copy.save()
        copy.topics.set([TopicFactory(name="Security")])

        html = client.get(live.get_absolute_url()).content.decode()
        assert "Original title" in html and "Changed title" not in html
        assert copy.status == Status.DRAFT and not copy.is_public

        review.submit_for_review(publication=copy, by=editor)
        review.approve_publication(publication=copy, by=manager)
        publishing.publish_publication(publication=copy, by=manager)

        live.refresh_from_db()
        assert live.title == "Changed title"
        assert [t.name for t in live.topics.all()] == ["Security"]
        assert not Publication.objects.filter(pk=copy.pk).exists()
        assert "Changed title" in client.get(live.get_absolute_url()).content.decode()

    def test_a_second_start_returns_the_same_pending_change(self, editor):
        live = ready_piece(status=Status.PUBLISHED)

        first = review.start_change(publication=live, by=editor)
        second = review.start_change(publication=live, by=editor)

        assert first.pk == second.pk
        assert list(first.authorships.values_list("person_id", flat=True)) == list(
            live.authorships.values_list("person_id", flat=True)
        )


class TestRevisions:
    def test_restoring_makes_a_new_draft_revision_and_keeps_history(self, editor):
        piece = ready_piece(title="First title")
        first = snapshots.record_revision(publication=piece, by=editor)
        piece.title = "Second title"
        piece.save()
        snapshots.record_revision(publication=piece, by=editor)

        restored = revisions.restore_revision(revision=first, by=editor)

        assert restored.title == "First title"
        assert restored.status == Status.DRAFT
        kinds = list(piece.revisions.order_by("created_at", "pk").values_list("kind", flat=True))
        assert kinds == ["save", "save", "restore"]
        assert piece.revisions.order_by("created_at", "pk").first().data["title"] == "First title"

    def test_restoring_onto_a_live_piece_goes_into_its_pending_change(self, editor):
        live = ready_piece(title="Live title", status=Status.PUBLISHED)
        live.title = "Older title"
        revision = snapshots.record_revision(publication=live, by=editor)
        Publication.objects.filter(pk=live.pk).update(title="Live title")

        copy = revisions.restore_revision(revision=revision, by=editor)

        assert copy.draft_of_id == live.pk and copy.title == "Older title"
        assert Publication.objects.get(pk=live.pk).title == "Live title"

    def test_a_revision_records_contributors_and_taxonomies(self, editor):
        author = PersonFactory(name="Stefan Lehne")
        piece = PublicationFactory(authors=[author])
        piece.topics.set([TopicFactory(name="EU")])

        revision = snapshots.record_revision(publication=piece, by=editor)

        assert revision.data["contributors"][0]["person"] == author.pk
        assert revision.data["topics"] == [piece.topics.get().pk]


class TestPreviewLinks:
    def test_a_token_names_its_piece(self, editor):
        piece = ready_piece()
        token = previews.create_preview_link_token(publication=piece, by=editor)

        assert previews.publication_id_from_preview_token(token) == piece.pk

    def test_a_tampered_token_is_worthless(self, editor):
        piece = ready_piece()
        token = previews.create_preview_link_token(publication=piece, by=editor)
        other = str(piece.pk + 1) + token[len(str(piece.pk)) :]

        assert previews.publication_id_from_preview_token(other) is None
        assert previews.publication_id_from_preview_token("garbage") is None

    def test_staff_without_rights_cannot_make_one(self):
        nobody = UserFactory(is_staff=True)

        with pytest.raises(PermissionDenied):
            previews.create_preview_link_token(publication=ready_piece(), by=nobody)

    def test_an_expired_piece_gets_no_share_link(self, editor):
        piece = ready_piece(status=Status.PUBLISHED, expire_at=timezone.now() - datetime.timedelta(hours=1))

        with pytest.raises(ValidationError, match="expired"):
            previews.create_preview_link_token(publication=piece, by=editor)

    def test_an_unpublished_piece_gets_no_share_link(self, editor):
        piece = ready_piece(status=Status.UNPUBLISHED)

        with pytest.raises(ValidationError, match="taken down"):
            previews.create_preview_link_token(publication=piece, by=editor)

    def test_a_draft_and_a_piece_in_review_still_get_share_links(self, editor):
        for status in (Status.DRAFT, Status.IN_REVIEW):
            piece = ready_piece(status=status, expire_at=timezone.now() + datetime.timedelta(days=3))
            token = previews.create_preview_link_token(publication=piece, by=editor)

            assert previews.publication_id_from_preview_token(token) == piece.pk

    def test_a_share_link_stops_working_once_the_expiry_passes(self, editor):
        piece = ready_piece(status=Status.PUBLISHED, expire_at=timezone.now() + datetime.timedelta(days=1))
        token = previews.create_preview_link_token(publication=piece, by=editor)

        Publication.objects.filter(pk=piece.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))

        assert previews.publication_id_from_preview_token(token) is None


class BrokenMailBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


def test_a_mail_failure_does_not_undo_or_break_the_step(editor, manager, settings, django_capture_on_commit_callbacks):
    settings.MAILERS = {"default": {"BACKEND": "tests.publications.test_workflow.BrokenMailBackend"}}
    manager.email = "manny@example.org"
    manager.save()
    piece = ready_piece()

    with django_capture_on_commit_callbacks(execute=True):
        review.submit_for_review(publication=piece, by=editor)

    assert Publication.objects.get(pk=piece.pk).status == Status.IN_REVIEW


class TestReviewedVersionIsWhatGetsPublished:
    def test_an_edit_during_review_sends_the_piece_back_to_draft(self, editor):
        piece = ready_piece(status=Status.IN_REVIEW)

        editing.record_edit(publication=piece, by=editor, created=False)

        assert Publication.objects.get(pk=piece.pk).status == Status.DRAFT

    def test_approving_a_version_other_than_the_one_read_is_refused(self, manager):
        piece = ready_piece(status=Status.IN_REVIEW)
        read_version = piece.version
        Publication.objects.filter(pk=piece.pk).update(version=read_version + 1, body="<p>Edited meanwhile</p>")

        with pytest.raises(ValidationError, match="changed after you opened it"):
            review.approve_publication(publication=piece, by=manager, expected_version=read_version)

        assert Publication.objects.get(pk=piece.pk).status == Status.IN_REVIEW

    def test_an_edited_unpublished_piece_needs_review_again(self, editor, manager):
        piece = ready_piece(status=Status.UNPUBLISHED)

        editing.record_edit(publication=piece, by=editor, created=False)

        with pytest.raises(ValidationError):
            publishing.publish_publication(publication=piece, by=manager)


class TestScheduledChangesOfLivePieces:
    def test_the_live_piece_stays_up_with_its_text_until_the_change_goes_live(
        self, editor, manager, client, frozen_clock
    ):
        live = ready_piece(title="Live title", status=Status.PUBLISHED)
        change = review.start_change(publication=live, by=editor)
        change.title = "Scheduled title"
        change.save()
        review.submit_for_review(publication=change, by=editor)
        review.approve_publication(publication=change, by=manager)
        go_live = timezone.now() + datetime.timedelta(hours=3)

        publishing.publish_publication(publication=change, by=manager, go_live_at=go_live)

        html = client.get(live.get_absolute_url()).content.decode()
        assert "Live title" in html and "Scheduled title" not in html
        assert client.get(Publication.objects.get(pk=change.pk).get_absolute_url()).status_code == 404

        frozen_clock(go_live + datetime.timedelta(seconds=1))
        publishing.handle_went_live()

        live.refresh_from_db()
        assert live.title == "Scheduled title" and live.is_public
        assert not Publication.objects.filter(pk=change.pk).exists()

    def test_publishing_a_change_now_keeps_the_live_pieces_expiry(self, editor, manager):
        expiry = timezone.now() + datetime.timedelta(days=30)
        live = ready_piece(status=Status.PUBLISHED, expire_at=expiry)
        change = review.start_change(publication=live, by=editor)
        Publication.objects.filter(pk=change.pk).update(status=Status.APPROVED)

        publishing.publish_publication(publication=change, by=manager)

        live.refresh_from_db()
        assert live.expire_at == expiry and live.is_public

    def test_a_double_clicked_publish_of_a_change_is_refused_not_a_crash(self, editor, manager):
        live = ready_piece(status=Status.PUBLISHED)
        change = review.start_change(publication=live, by=editor)
        Publication.objects.filter(pk=change.pk).update(status=Status.APPROVED)
        stale_copy = Publication.objects.get(pk=change.pk)
        publishing.publish_publication(publication=change, by=manager)

        with pytest.raises(ValidationError, match="no longer exists"):
            publishing.publish_publication(publication=stale_copy, by=manager)

    def test_a_change_of_a_piece_with_a_very_long_slug_gets_its_own_slug(self, editor):
        live = ready_piece(status=Status.PUBLISHED, slug="a" * 200)
        review.start_change(publication=live, by=editor)
        other = ready_piece(status=Status.PUBLISHED, slug="b" * 200)

        change = review.start_change(publication=other, by=editor)

        assert change.slug != other.slug and len(change.slug) <= 200


def test_a_share_link_stops_working_once_the_piece_is_taken_down(editor, manager):
    piece = ready_piece(status=Status.PUBLISHED)
    token = previews.create_preview_link_token(publication=piece, by=editor)

    publishing.unpublish_publication(publication=piece, by=manager)

    assert previews.publication_id_from_preview_token(token) is None


def test_submitting_without_an_author_is_refused(editor):
    piece = PublicationFactory()

    with pytest.raises(ValidationError, match="author"):
        review.submit_for_review(publication=piece, by=editor)
