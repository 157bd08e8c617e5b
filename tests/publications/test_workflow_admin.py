"""The workflow as editors and managers use it: through the admin, with the test client."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.audit.models import AuditEntry
from publications import previews
from publications.models import Publication, Status
from publications.workflow import publishing, review
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_default_disclaimer():
    return DisclaimerFactory(name="Site default")


def inline_management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def change_form_data(publication, **overrides):
    """What the admin change form posts for `publication`, with its byline rows."""
    rows = list(publication.authorships.order_by("position"))
    data = {
        "title": publication.title,
        "slug": publication.slug,
        "dek": publication.dek,
        "publication_type": publication.publication_type_id,
        "language": publication.language,
        "body": publication.body,
        "primary_center": publication.primary_center_id or "",
        "centers": [c.pk for c in publication.centers.all()],
        "expected_version": publication.version,
        **inline_management("authorships", len(rows), len(rows)),
        **inline_management("collection_items", 0),
    }
    for index, row in enumerate(rows):
        data.update(
            {
                f"authorships-{index}-id": row.pk,
                f"authorships-{index}-publication": publication.pk,
                f"authorships-{index}-position": row.position,
                f"authorships-{index}-person": row.person_id,
                f"authorships-{index}-role": row.role,
                f"authorships-{index}-title_line": row.title_line,
            }
        )
    data.update(overrides)
    return data


def workflow(client, publication, action, **data):
    return client.post(reverse("admin:publications_publication_workflow", args=[publication.pk, action]), data)


def change_url(publication):
    return reverse("admin:publications_publication_change", args=[publication.pk])


def test_the_whole_cycle_through_the_admin(editor, manager):
    editor_client, manager_client = Client(), Client()
    editor_client.force_login(editor)
    manager_client.force_login(manager)
    center, kind = CenterFactory(name="Carnegie Europe"), PublicationTypeFactory(label="Commentary")
    lehne, noor = PersonFactory(name="Stefan Lehne"), PersonFactory(name="Elina Noor")

    response = editor_client.post(
        reverse("admin:publications_publication_add"),
        {
            "title": "Envoys in the Balkans",
            "slug": "envoys-in-the-balkans",
            "publication_type": kind.pk,
            "language": "en",
            "body": "<p>Text</p>",
            "primary_center": center.pk,
            **inline_management("authorships", 2),
            "authorships-0-position": "0",
            "authorships-0-person": lehne.pk,
            "authorships-0-role": "author",
            "authorships-1-position": "1",
            "authorships-1-person": noor.pk,
            "authorships-1-role": "author",
            **inline_management("collection_items", 0),
        },
    )
    assert response.status_code == 302
    piece = Publication.objects.get(slug="envoys-in-the-balkans")
    assert piece.status == Status.DRAFT and piece.revisions.count() == 1

    workflow(editor_client, piece, "submit")
    queue = manager_client.get(reverse("admin:publications_publication_review_queue")).content.decode()
    assert "Envoys in the Balkans" in queue and "edna" in queue

    workflow(manager_client, piece, "request-changes", comment="Add the EU's position.")
    page = editor_client.get(change_url(piece)).content.decode()
    assert "Changes requested:" in page and "Add the EU&#x27;s position." in page

    piece.refresh_from_db()
    response = editor_client.post(change_url(piece), change_form_data(piece, title="Envoys in the Western Balkans"))
    assert response.status_code == 302
    workflow(editor_client, piece, "submit")
    workflow(manager_client, piece, "approve")
    response = workflow(manager_client, piece, "publish")

    assert response.status_code == 302
    piece.refresh_from_db()
    assert piece.status == Status.PUBLISHED and piece.title == "Envoys in the Western Balkans"
    assert Client().get(piece.get_absolute_url()).status_code == 200


def test_an_editor_forging_a_publish_post_gets_nothing_published(editor_client):
    piece = PublicationFactory(status=Status.APPROVED, authors=[PersonFactory()])

    response = workflow(editor_client, piece, "publish")

    assert response.status_code == 403
    assert "Only managers can publish." in response.content.decode()
    assert Publication.objects.get(pk=piece.pk).status == Status.APPROVED


def test_the_status_field_cannot_be_set_through_the_form(editor_client):
    piece = PublicationFactory(authors=[PersonFactory()])

    editor_client.post(change_url(piece), change_form_data(piece, status="published"))

    assert Publication.objects.get(pk=piece.pk).status == Status.DRAFT


def test_a_save_based_on_an_older_version_is_refused_with_a_link_to_the_changes(editor):
    piece = PublicationFactory(title="Original", authors=[PersonFactory()])
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(UserFactory(username="other", role="Editor"))
    stale = change_form_data(piece)  # both opened the form at the same version

    assert first.post(change_url(piece), {**stale, "title": "First editor's title"}).status_code == 302
    response = second.post(change_url(piece), {**stale, "title": "Second editor's title"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this publication while you were editing it" in html
    assert reverse("admin:publications_publication_revisions", args=[piece.pk]) in html
    assert Publication.objects.get(pk=piece.pk).title == "First editor's title"


def test_a_live_piece_is_read_only_and_changes_go_through_a_pending_copy(editor_client, manager):
    live = PublicationFactory(title="Live title", status=Status.PUBLISHED, authors=[PersonFactory()])

    response = editor_client.post(change_url(live), change_form_data(live, title="Sneaky edit"))
    assert response.status_code == 403
    assert Publication.objects.get(pk=live.pk).title == "Live title"

    response = workflow(editor_client, live, "start-change")
    copy = Publication.objects.get(draft_of=live)
    assert response["Location"] == change_url(copy)
    editor_client.post(change_url(copy), change_form_data(copy, title="Better title"))

    assert Client().get(live.get_absolute_url()).content.decode().count("Live title") >= 1
    assert "A change to this live piece is pending" in editor_client.get(change_url(live)).content.decode()


def test_save_without_a_title_type_or_slug_gives_form_errors(editor_client):
    piece = PublicationFactory(authors=[PersonFactory()])

    response = editor_client.post(change_url(piece), change_form_data(piece, title="", publication_type=""))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "title" in errors and "publication_type" in errors


class TestPreview:
    def test_staff_see_a_draft_with_a_banner_noindex_and_no_cache(self, editor_client):
        draft = PublicationFactory(title="Confidential draft", authors=[PersonFactory()])

        response = editor_client.get(reverse("publications:preview", args=[draft.pk]))

        assert response.status_code == 200
        html = response.content.decode()
        assert "Draft preview" in html and "Confidential draft" in html
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    def test_anonymous_readers_get_a_404_for_the_staff_preview(self, client):
        draft = PublicationFactory(title="Confidential draft")

        response = client.get(reverse("publications:preview", args=[draft.pk]))

        assert response.status_code == 404
        assert "Confidential" not in response.content.decode()

    def test_staff_without_publication_rights_are_refused(self, client):
        client.force_login(UserFactory(is_staff=True))
        draft = PublicationFactory()

        assert client.get(reverse("publications:preview", args=[draft.pk])).status_code == 403

    def test_a_share_link_works_without_an_account_until_it_expires(self, editor, client, settings):
        draft = PublicationFactory(title="Shared draft")
        token = previews.create_preview_link_token(publication=draft, by=editor)
        url = reverse("publications:preview_share", args=[token])

        response = client.get(url)
        assert response.status_code == 200 and "Shared draft" in response.content.decode()
        assert "no-store" in response["Cache-Control"]

        settings.PREVIEW_LINK_MAX_AGE = -1
        expired = client.get(url)
        assert expired.status_code == 404 and "Shared draft" not in expired.content.decode()

    def test_a_tampered_share_link_reveals_nothing(self, editor, client):
        draft = PublicationFactory(title="Shared draft")
        other = PublicationFactory(title="Other secret draft")
        token = previews.create_preview_link_token(publication=draft, by=editor)
        forged = token.replace(str(draft.pk), str(other.pk), 1)

        for url in [
            reverse("publications:preview_share", args=[forged]),
            reverse("publications:preview_share", args=["x"]),
        ]:
            response = client.get(url)
            assert response.status_code == 404
            assert "secret" not in response.content.decode()

    def test_the_share_button_gives_the_link_and_is_audited(self, editor_client):
        draft = PublicationFactory()

        response = workflow(editor_client, draft, "share")

        message = str(list(response.wsgi_request._messages)[0])
        assert "/publications/preview/share/" in message
        assert AuditEntry.objects.filter(action="share_preview", object_id=str(draft.pk)).exists()

    def test_a_share_link_stops_opening_once_the_piece_expires(self, editor, client):
        piece = PublicationFactory(
            title="Expiring piece", status=Status.PUBLISHED, expire_at=timezone.now() + datetime.timedelta(days=1)
        )
        token = previews.create_preview_link_token(publication=piece, by=editor)
        url = reverse("publications:preview_share", args=[token])
        assert client.get(url).status_code == 200

        Publication.objects.filter(pk=piece.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))

        response = client.get(url)
        assert response.status_code == 404 and "Expiring piece" not in response.content.decode()

    def test_the_share_button_refuses_an_expired_piece_with_the_reason(self, editor_client):
        piece = PublicationFactory(status=Status.PUBLISHED, expire_at=timezone.now() - datetime.timedelta(days=1))

        response = workflow(editor_client, piece, "share")

        assert response.status_code == 302
        assert [str(m) for m in response.wsgi_request._messages] == [
            "This piece has expired: share links are not made for it. Clear or move its expiry first."
        ]
        assert not AuditEntry.objects.filter(action="share_preview", object_id=str(piece.pk)).exists()


def test_revisions_compare_field_by_field_and_restore(editor_client):
    piece = PublicationFactory(title="First title", authors=[PersonFactory()])
    editor_client.post(change_url(piece), change_form_data(piece))
    piece.refresh_from_db()
    editor_client.post(change_url(piece), change_form_data(piece, title="Second title"))
    older, newer = piece.revisions.order_by("created_at", "pk")

    page = editor_client.get(
        reverse("admin:publications_publication_revisions", args=[piece.pk]), {"a": older.pk, "b": newer.pk}
    ).content.decode()
    assert "First title" in page and "Second title" in page

    response = editor_client.post(reverse("admin:publications_publication_restore", args=[piece.pk, older.pk]))
    assert response.status_code == 302
    piece.refresh_from_db()
    assert piece.title == "First title"
    assert piece.revisions.count() == 3


def test_the_admin_index_counts_what_awaits_review(manager_client):
    PublicationFactory(status=Status.IN_REVIEW)
    PublicationFactory(status=Status.IN_REVIEW)

    html = manager_client.get(reverse("admin:index")).content.decode()

    assert "<strong>2</strong> awaiting review" in html


def test_the_schedule_lists_what_goes_live_and_expires_by_day(manager_client, manager):
    europe = CenterFactory(name="Carnegie Europe", slug="europe")
    soon = PublicationFactory(
        title="Goes live soon", status=Status.APPROVED, primary_center=europe, authors=[PersonFactory()]
    )
    publishing.publish_publication(publication=soon, by=manager, go_live_at=timezone.now() + datetime.timedelta(days=2))
    PublicationFactory(
        title="Other center", status=Status.PUBLISHED, go_live_at=timezone.now() + datetime.timedelta(days=3)
    )

    everything = manager_client.get(reverse("admin:publications_publication_schedule")).content.decode()
    europe_only = manager_client.get(
        reverse("admin:publications_publication_schedule"), {"center": "europe"}
    ).content.decode()

    assert "Goes live soon" in everything and "Other center" in everything
    assert "Goes live soon" in europe_only and "Other center" not in europe_only


def test_the_audit_log_filters_by_user_and_action(manager, client):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(superuser)
    piece = PublicationFactory(status=Status.IN_REVIEW, authors=[PersonFactory()])
    review.approve_publication(publication=piece, by=manager)

    response = client.get(reverse("admin:audit_auditentry_changelist"), {"action__exact": "approve"})

    assert response.status_code == 200
    assert piece.title in response.content.decode()
    assert (
        client.get(reverse("admin:audit_auditentry_changelist"), {"action__exact": "publish"})
        .context["cl"]
        .result_count
        == 0
    )


def test_an_impossible_go_live_date_is_a_message_not_a_crash(manager_client):
    piece = PublicationFactory(status=Status.APPROVED, authors=[PersonFactory()])

    response = workflow(manager_client, piece, "publish", go_live_at="2030-02-30T10:00")

    assert response.status_code == 302
    assert "is not a date and time" in str(list(response.wsgi_request._messages)[0])
    assert Publication.objects.get(pk=piece.pk).status == Status.APPROVED


def test_deleting_a_draft_is_in_the_audit_log(manager_client):
    piece = PublicationFactory(title="Doomed draft")

    manager_client.post(reverse("admin:publications_publication_delete", args=[piece.pk]), {"post": "yes"})

    assert AuditEntry.objects.filter(action="delete", object_repr="Doomed draft").exists()


def test_view_on_site_opens_the_preview_for_a_draft(editor_client):
    piece = PublicationFactory()

    response = editor_client.get(change_url(piece))

    assert reverse("publications:preview", args=[piece.pk]) in response.content.decode()
