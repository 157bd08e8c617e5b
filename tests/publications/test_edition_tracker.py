"""The edition tracker: editions behind their original, the paragraphs that changed, "Mark as up to date", the readers' note."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cms.audit.models import AuditEntry
from publications.editions import changed_paragraphs, editions_behind
from publications.models import Revision, Status
from publications.snapshots import record_revision
from publications.workflow import editing, publishing, review
from publications.workflow.editions import create_edition, mark_edition_up_to_date
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    EditionFactory,
    PersonFactory,
    PublicationFactory,
    signed_in,
)

pytestmark = pytest.mark.django_db

QUEUE = "admin:publications_publication_editions_behind"
BODY = "<h2>Why now</h2><p>The window is narrow.</p><p>Banks resist.</p><p>Donors wait.</p>"


@pytest.fixture
def original():
    return PublicationFactory(
        published=True, title="Lebanon’s Reform Window", body=BODY, authors=[PersonFactory(name="Maha Yahya")]
    )


def revise(original, *, body, by, when=None):
    """Change a live original's text as publishing a pending change does: the row and a PUBLISH revision."""
    original.body = body
    original.version += 1
    original.save()
    revision = record_revision(publication=original, by=by, kind=Revision.Kind.PUBLISH)
    if when:
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
    return revision


def mark_url(edition):
    return reverse("admin:publications_publication_mark_up_to_date", args=[edition.pk])


# -- the paragraph diff -------------------------------------------------------------------------


def test_the_diff_names_each_changed_added_and_removed_paragraph():
    before = "<p>One.</p><p>Two.</p><p>Three.</p><ul><li>Four.</li></ul>"
    after = "<p>One.</p><p>Two, revised.</p><ul><li>Four.</li></ul><p>Five &amp; six.</p>"

    changes = [(change.kind, change.before, change.after) for change in changed_paragraphs(before, after)]

    assert changes == [
        ("paragraph changed", "Two.", "Two, revised."),
        ("paragraph removed", "Three.", ""),
        ("paragraph added", "", "Five & six."),
    ]


def test_a_body_with_the_same_paragraphs_has_no_changes():
    assert changed_paragraphs("<p>One.</p>\n<p>Two.</p>", "<p>One.</p><p>Two.</p>") == []


# -- behind or not ------------------------------------------------------------------------------


def test_an_edition_is_behind_once_its_originals_text_changes(original, editor, manager):
    edition = create_edition(original=original, language="ar", actor=editor)
    assert not editions_behind(manager).exists()

    revise(original, body=BODY.replace("Banks resist.", "Banks resist, and the IMF waits."), by=manager)

    assert list(editions_behind(manager)) == [edition]


def test_publishing_or_unpublishing_an_unchanged_original_leaves_its_editions_up_to_date(editor, manager):
    DisclaimerFactory()
    draft = PublicationFactory(body=BODY, authors=[PersonFactory()])
    editing.record_edit(publication=draft, by=editor, created=True)
    create_edition(original=draft, language="ru", actor=editor)

    review.submit_for_review(publication=draft, by=editor)
    review.approve_publication(publication=draft, by=manager)
    live = publishing.publish_publication(publication=draft, by=manager)
    publishing.unpublish_publication(publication=live, by=manager)

    assert not editions_behind(manager).exists()


def test_a_change_published_through_the_workflow_puts_the_edition_behind(original, editor, manager):
    DisclaimerFactory()
    edition = create_edition(original=original, language="ar", actor=editor)
    change = review.start_change(publication=original, by=editor)
    change.body = BODY + "<p>A late paragraph.</p>"
    editing.save_publication(publication=change, by=editor, expected_version=change.version)
    review.submit_for_review(publication=change, by=editor)
    review.approve_publication(publication=change, by=manager)

    assert not editions_behind(manager).exists()  # readers still see the text it was translated from
    publishing.publish_publication(publication=change, by=manager)

    assert list(editions_behind(manager)) == [edition]


def test_editions_made_before_the_tracker_are_not_in_the_queue(original, manager):
    EditionFactory(translation_of=original, language="ar")  # no source revision recorded
    revise(original, body="<p>All new.</p>", by=manager)

    assert not editions_behind(manager).exists()


# -- the queue ----------------------------------------------------------------------------------


def test_the_queue_shows_each_edition_behind_with_the_paragraphs_that_changed(
    original, editor, manager_client, manager
):
    edition = create_edition(original=original, language="ar", actor=editor)
    create_edition(original=original, language="ru", actor=editor)
    revise(
        original,
        body=BODY.replace("Banks resist.", "Banks resist, and the IMF waits.") + "<p>Elections loom.</p>",
        by=manager,
    )
    EditionFactory(translation_of=PublicationFactory(published=True), language="ar", tracked=True)  # up to date

    html = manager_client.get(reverse(QUEUE)).content.decode()

    assert "2 editions behind their original, longest waiting first" in html
    assert f'href="{reverse("admin:publications_publication_change", args=[edition.pk])}"' in html
    assert "<strong>Paragraph changed</strong>" in html
    assert '<del dir="auto">Banks resist.</del>' in html
    assert '<ins dir="auto">Banks resist, and the IMF waits.</ins>' in html
    assert "<strong>Paragraph added</strong>" in html and '<ins dir="auto">Elections loom.</ins>' in html
    assert "The window is narrow." not in html  # unchanged paragraphs are not listed
    assert f'action="{mark_url(edition)}"' in html
    assert f'name="expected_version" value="{original.version}"' in html


def test_the_queue_is_for_managers_and_shows_their_desk_only(original, editor, manager):
    create_edition(original=original, language="ar", actor=editor)
    revise(original, body="<p>All new.</p>", by=manager)
    CenterFactory(name="Carnegie Europe").staff.add(manager)

    assert signed_in(editor).get(reverse(QUEUE)).status_code == 403
    html = signed_in(manager).get(reverse(QUEUE)).content.decode()
    assert "Every tracked edition is up to date with its original." in html


def test_the_dashboard_counts_editions_behind_for_managers(original, editor, manager):
    create_edition(original=original, language="ar", actor=editor)
    revise(original, body="<p>All new.</p>", by=manager)

    html = signed_in(manager).get(reverse("admin:index")).content.decode()

    assert f'<a href="{reverse(QUEUE)}"><strong>1</strong> edition behind its original</a>' in html
    assert reverse(QUEUE) not in signed_in(editor).get(reverse("admin:index")).content.decode()


# -- mark as up to date -------------------------------------------------------------------------


def test_marking_up_to_date_takes_the_edition_out_of_the_queue_with_an_audit_entry(original, editor, manager):
    edition = create_edition(original=original, language="ar", actor=editor)
    latest = revise(original, body="<p>All new.</p>", by=manager)

    mark_edition_up_to_date(edition=edition, actor=manager, expected_version=original.version)

    edition.refresh_from_db()
    assert edition.source_revision == latest and edition.status == Status.DRAFT
    assert not editions_behind(manager).exists()
    entry = AuditEntry.objects.filter(object_id=str(edition.pk), action=AuditEntry.Action.EDIT).get()
    assert entry.actor == manager and entry.message.startswith("Marked up to date with the original as revised on ")


def test_marking_up_to_date_is_refused_when_the_original_changed_since_the_manager_looked(original, editor, manager):
    edition = create_edition(original=original, language="ar", actor=editor)
    seen = original.version
    revise(original, body="<p>All new.</p>", by=manager)

    with pytest.raises(ValidationError, match="changed after you opened it"):
        mark_edition_up_to_date(edition=edition, actor=manager, expected_version=seen)


def test_only_managers_mark_editions_up_to_date(original, editor):
    edition = create_edition(original=original, language="ar", actor=editor)

    with pytest.raises(PermissionDenied):
        mark_edition_up_to_date(edition=edition, actor=editor)


def test_the_queues_button_marks_up_to_date_and_comes_back(original, editor, manager, manager_client):
    edition = create_edition(original=original, language="ar", actor=editor)
    revise(original, body="<p>All new.</p>", by=manager)

    response = manager_client.post(mark_url(edition), {"expected_version": original.version, "from": "editions-behind"})

    assert response.status_code == 302 and response["Location"] == reverse(QUEUE)
    assert not editions_behind(manager).exists()


def test_an_editions_page_says_it_is_behind_and_offers_managers_the_button(original, editor, manager, manager_client):
    edition = create_edition(original=original, language="ar", actor=editor)
    revise(original, body="<p>All new.</p>", by=manager)

    html = manager_client.get(reverse("admin:publications_publication_change", args=[edition.pk])).content.decode()

    assert "<strong>Behind its original:</strong>" in html
    assert f'action="{mark_url(edition)}"' in html


# -- the readers' note --------------------------------------------------------------------------


def test_readers_of_an_edition_behind_its_public_original_see_when_it_changed(client, original, editor, manager):
    edition = create_edition(original=original, language="ar", actor=editor)
    Revision.objects.filter(pk=edition.source_revision_id).update(
        created_at=datetime.datetime(2025, 3, 1, 9, 0, tzinfo=datetime.UTC)
    )
    edition.status, edition.publication_date = Status.PUBLISHED, datetime.date(2025, 3, 1)
    edition.save()
    revise(original, body="<p>All new.</p>", by=manager, when=datetime.datetime(2025, 3, 12, 9, 0, tzinfo=datetime.UTC))

    html = client.get(edition.get_absolute_url()).content.decode()

    assert (
        f'<p class="edition-note" role="note"><a href="{original.get_absolute_url()}" hreflang="en">The original</a> '
        'was updated on <time datetime="2025-03-12">12 March 2025</time> after this translation was made.</p>'
    ) in html


def test_the_note_goes_once_the_edition_is_marked_up_to_date(client, original, editor, manager):
    edition = create_edition(original=original, language="ar", actor=editor)
    edition.status = Status.PUBLISHED
    edition.save()
    revise(original, body="<p>All new.</p>", by=manager)
    assert "edition-note" in client.get(edition.get_absolute_url()).content.decode()  # now cached

    mark_edition_up_to_date(edition=edition, actor=manager, expected_version=original.version)

    assert "edition-note" not in client.get(edition.get_absolute_url()).content.decode()


def test_a_cached_edition_page_shows_the_note_once_its_original_changes(client, original, editor, manager):
    edition = create_edition(original=original, language="ar", actor=editor)
    edition.status = Status.PUBLISHED
    edition.save()
    assert "edition-note" not in client.get(edition.get_absolute_url()).content.decode()  # now cached

    revise(original, body="<p>All new.</p>", by=manager)

    assert "edition-note" in client.get(edition.get_absolute_url()).content.decode()


def test_an_up_to_date_edition_shows_no_note(client, original):
    edition = EditionFactory(translation_of=original, language="ar", published=True, tracked=True)

    assert "edition-note" not in client.get(edition.get_absolute_url()).content.decode()
