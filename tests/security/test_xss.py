"""Every payload in every text field, on every surface: nothing renders as live markup.

For each payload of tests/security/payloads.py, build_world puts it into every text field
(TEXT_FIELDS), then every public page, feed, the sitemap, the admin screens and the workflow
email are fetched and parsed as a browser or feed reader would. A payload may show as text;
it may never become an element, an event handler, an inline style or an executable URL.
"""

import pytest
from django.core import mail

from publications import notifications
from publications.models import Publication
from tests.factories import PublicationFactory, UserFactory
from tests.security.checks import feed_problems, live_markup, response_nonce, structured_data, text_of
from tests.security.payloads import PAYLOADS
from tests.security.world import (
    TEXT_FIELDS,
    add_revisions,
    admin_surfaces,
    build_world,
    feed_surfaces,
    public_surfaces,
)

pytestmark = pytest.mark.django_db

ids = [f"payload{n:02d}" for n in range(len(PAYLOADS))]


def test_the_catalogue_is_large_enough_to_mean_something():
    assert len(PAYLOADS) >= 30
    assert len(TEXT_FIELDS) >= 30


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_no_payload_comes_alive_on_any_public_page_or_feed(client, payload):
    world = build_world(payload)
    problems, pages = {}, {}
    for name, url in public_surfaces(world, payload).items():
        response = client.get(url)
        assert response.status_code in (200, 404), f"{name}: {response.status_code}"
        pages[name] = response.content.decode()
        found = live_markup(pages[name])
        if found:
            problems[name] = found
    for name, url in feed_surfaces(world).items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        found = feed_problems(response.content)
        if found:
            problems[name] = found
    assert problems == {}

    # Escaped, not mangled: readers and search engines get the text exactly as written.
    title = Publication.objects.get(pk=world.publication.pk).title
    assert text_of(pages["publication"], "publication-title") == title
    [article] = structured_data(pages["publication"])
    assert article["headline"] == title and article["description"] == world.publication.dek
    assert {author["name"] for author in article["author"]} == {world.author.name}
    assert text_of(pages["expert"], "profile-name") == world.author.name
    [person] = structured_data(pages["expert"])
    assert person["name"] == world.author.name
    assert all(url.startswith("http") for url in person.get("sameAs", []))


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_no_payload_comes_alive_in_the_admin(manager_client, manager, payload):
    world = build_world(payload)
    revisions = add_revisions(world, by=manager)
    problems = {}
    for name, url in admin_surfaces(world, revisions).items():
        response = manager_client.get(url)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        # The admin draws its own icons as inline <svg>; a payload's svg would still be caught
        # by its event handler or javascript: link.
        found = live_markup(response.content.decode(), nonce=response_nonce(response), allowed={"svg"})
        if found:
            problems[name] = found
    assert problems == {}


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids)
def test_workflow_email_is_plain_text_with_one_line_subjects(payload):
    editor = UserFactory(username="writer", email="writer@example.org", role="Editor")
    manager = UserFactory(username="boss", email="boss@example.org", role="Manager")
    piece = PublicationFactory(title=f"{payload}\nBcc: victim@example.org", created_by=editor, submitted_by=editor)

    notifications.review_requested(piece)
    notifications.changes_requested(piece, by=manager, comment=payload)
    notifications.approved(piece, by=manager)
    notifications.published(piece, by=manager, scheduled=False)

    assert len(mail.outbox) == 4
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
        header_names = [name.lower() for name in message.message()]
        assert "bcc" not in header_names
        assert message.recipients() in (["boss@example.org"], ["writer@example.org"])
