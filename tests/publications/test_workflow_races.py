"""Two people acting on one piece at the same moment, each in a connection of their own (SECURITY-CASES 56)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from publications.models import Publication, Revision, Status
from publications.workflow import publishing
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory, UserFactory
from tests.publications.test_workflow_admin import change_form_data, change_url, workflow

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(*steps):
    """Run each step in its own thread and database connection, released together; return what each
    returned or raised."""
    start = threading.Barrier(len(steps))
    outcomes = [None] * len(steps)

    def run(index, step):
        try:
            start.wait()
            outcomes[index] = step()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test inspects
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, step)) for index, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_two_managers_publishing_at_the_same_moment_publish_once():
    DisclaimerFactory(name="Site default")
    piece = PublicationFactory(status=Status.APPROVED, authors=[PersonFactory()])
    managers = [UserFactory(username=name, role="Manager") for name in ("manny", "mona")]

    def publish_as(manager):
        return lambda: publishing.publish_publication(publication=Publication.objects.get(pk=piece.pk), by=manager)

    outcomes = at_once(*(publish_as(manager) for manager in managers))

    published = [outcome for outcome in outcomes if isinstance(outcome, Publication)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(published) == 1 and len(refused) == 1, outcomes
    assert "cannot be published now" in refused[0].messages[0]
    piece.refresh_from_db()
    assert piece.status == Status.PUBLISHED and piece.version == 2
    assert piece.revisions.filter(kind=Revision.Kind.PUBLISH).count() == 1


def test_a_publish_racing_an_editors_save_publishes_only_what_the_manager_saw():
    DisclaimerFactory(name="Site default")
    piece = PublicationFactory(status=Status.APPROVED, authors=[PersonFactory()], body="<p>Seen by the manager.</p>")
    manager, editor = UserFactory(username="manny", role="Manager"), UserFactory(username="edna", role="Editor")
    manager_client, editor_client = Client(), Client()
    manager_client.force_login(manager)
    editor_client.force_login(editor)
    seen = piece.version
    editors_form = change_form_data(piece, body="<p>Written after the manager looked.</p>")

    outcomes = at_once(
        lambda: workflow(manager_client, piece, "publish", expected_version=seen),
        lambda: editor_client.post(change_url(piece), editors_form),
    )

    assert all(outcome.status_code in (200, 302, 403) for outcome in outcomes), outcomes
    piece.refresh_from_db()
    if piece.status == Status.PUBLISHED:
        assert piece.body == "<p>Seen by the manager.</p>"
    else:
        # The editor's save won: the manager's stale publish was refused, and the edit voided the
        # approval (record_edit), so the unreviewed text waits for review instead of going live.
        assert piece.body == "<p>Written after the manager looked.</p>" and piece.status == Status.DRAFT
