"""The managers' review queue: who submitted what and when, and approving or sending back from the row."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from cms.sitesettings.models import current as site_settings
from publications.models import Publication, Status
from tests.factories import CenterFactory, DisclaimerFactory, PersonFactory, PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "admin:publications_publication_review_queue"


@pytest.fixture(autouse=True)
def site_default_disclaimer():
    return DisclaimerFactory(name="Site default")


def submitted_piece(editor, **fields):
    from publications.workflow import review

    piece = PublicationFactory(authors=[PersonFactory()], **fields)
    return review.submit_for_review(publication=piece, by=editor)


def workflow(client, publication, action, **data):
    return client.post(
        reverse("admin:publications_publication_workflow", args=[publication.pk, action]),
        {"expected_version": publication.version, "from": "review-queue", **data},
    )


def test_the_queue_shows_who_submitted_each_piece_and_when(editor, manager_client):
    piece = submitted_piece(editor, title="Envoys in the Balkans")

    html = manager_client.get(reverse(QUEUE)).content.decode()

    assert "Envoys in the Balkans" in html
    assert "<td>edna</td>" in html
    # The admin's language decides the format (English here: "12/06/2026 9:05 p.m.").
    assert date_format(timezone.localtime(piece.submitted_at), "SHORT_DATETIME_FORMAT") in html
    assert "minutes ago)" in html
    assert "( ago)" not in html and "<td>—</td>" not in html


def test_a_piece_in_review_with_no_recorded_submission_says_unknown_rather_than_blank(manager_client):
    PublicationFactory(title="From before submissions were recorded", status=Status.IN_REVIEW)

    html = manager_client.get(reverse(QUEUE)).content.decode()

    assert "From before submissions were recorded" in html
    assert html.count('<span class="help">unknown</span>') == 2
    assert "( ago)" not in html


def test_each_row_offers_open_approve_and_request_changes(editor, manager_client):
    piece = submitted_piece(editor)

    html = manager_client.get(reverse(QUEUE)).content.decode()

    assert f'href="{reverse("admin:publications_publication_change", args=[piece.pk])}"' in html
    for action in ("approve", "request-changes"):
        url = reverse("admin:publications_publication_workflow", args=[piece.pk, action])
        assert f'<form method="post" action="{url}">' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 2
    assert f'name="expected_version" value="{piece.version}"' in html
    assert '<textarea id="review-comment-' in html and "required" in html


def test_a_manager_approves_from_the_queue_and_comes_back_to_it(editor, manager_client):
    piece = submitted_piece(editor, title="Envoys in the Balkans")

    response = workflow(manager_client, piece, "approve")

    assert response.status_code == 302 and response["Location"] == reverse(QUEUE)
    piece.refresh_from_db()
    assert piece.status == Status.APPROVED
    html = manager_client.get(response["Location"]).content.decode()
    assert "Approved. It can now be published." in html
    assert "Nothing is waiting for review." in html


def test_a_manager_sends_a_piece_back_from_the_queue_with_a_comment(editor, manager_client):
    piece = submitted_piece(editor)

    response = workflow(manager_client, piece, "request-changes", comment="Add the EU's position.")

    assert response["Location"] == reverse(QUEUE)
    piece.refresh_from_db()
    assert piece.status == Status.CHANGES_REQUESTED and piece.review_comment == "Add the EU's position."


def test_sending_back_from_the_queue_without_a_comment_is_refused_with_a_reason(editor, manager_client):
    piece = submitted_piece(editor)

    response = workflow(manager_client, piece, "request-changes", comment="  ")

    piece.refresh_from_db()
    assert piece.status == Status.IN_REVIEW
    assert "Say what needs to change" in manager_client.get(response["Location"]).content.decode()


def test_approving_from_the_queue_a_piece_edited_since_the_queue_was_read_is_refused(editor, manager_client):
    piece = submitted_piece(editor)
    stale_version = piece.version
    Publication.objects.filter(pk=piece.pk).update(version=stale_version + 1)

    response = workflow(manager_client, piece, "approve")

    piece.refresh_from_db()
    assert piece.status == Status.IN_REVIEW
    assert response["Location"] == reverse(QUEUE)


def test_an_editor_can_neither_see_the_queue_nor_approve_with_a_forged_row_form(editor):
    piece = submitted_piece(editor)
    client = Client()
    client.force_login(editor)

    assert client.get(reverse(QUEUE)).status_code == 403
    assert workflow(client, piece, "approve").status_code == 403
    piece.refresh_from_db()
    assert piece.status == Status.IN_REVIEW


def test_a_centers_manager_sees_and_approves_only_their_centers_pieces_from_the_queue(editor):
    europe, beirut = CenterFactory(name="Carnegie Europe"), CenterFactory(name="Carnegie Middle East Center")
    own = submitted_piece(editor, title="Envoys in the Balkans", primary_center=europe)
    other = submitted_piece(editor, title="Lebanon's banks", primary_center=beirut)
    europe_manager = UserFactory(username="maria", role="Manager")
    europe.staff.add(europe_manager)
    client = Client()
    client.force_login(europe_manager)

    html = client.get(reverse(QUEUE)).content.decode()
    forged = workflow(client, other, "approve")

    assert "Envoys in the Balkans" in html and "Lebanon" not in html
    assert forged.status_code == 404
    other.refresh_from_db()
    assert other.status == Status.IN_REVIEW
    assert workflow(client, own, "approve")["Location"] == reverse(QUEUE)


def test_the_queue_costs_the_same_queries_for_one_piece_or_ten(editor, manager_client):
    # The admin header reads the site settings once per cache life; production keeps them warm.
    site_settings()
    submitted_piece(editor)
    with CaptureQueriesContext(connection) as one:
        manager_client.get(reverse(QUEUE))
    for _ in range(9):
        submitted_piece(UserFactory(role="Editor"))
    with CaptureQueriesContext(connection) as ten:
        html = manager_client.get(reverse(QUEUE)).content.decode()

    assert html.count('<td class="review-queue-actions">') == 10
    assert len(ten) == len(one)


def test_demo_pieces_in_review_name_the_demo_editor_as_their_submitter():
    call_command("seed_demo", stdout=StringIO())

    waiting = Publication.objects.filter(status=Status.IN_REVIEW).select_related("submitted_by")

    assert waiting.exists()
    assert all(piece.submitted_by.username == "editor" and piece.submitted_at for piece in waiting)
