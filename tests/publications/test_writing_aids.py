"""Writing aids beside the publication form, and the publish gate's checks of the body."""

import json
import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from publications.workflow import publishing, review
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    ImageFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
)

pytestmark = pytest.mark.django_db

URL = "/admin/publications/publication/aids/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"


@pytest.fixture
def form():
    """What an editor has typed into a new publication's form, not saved yet."""
    DisclaimerFactory()
    return {
        "title": "The Middle Corridor, explained",
        "slug": "",
        "dek": "Why freight across the Caspian tripled.",
        "body": "<p>" + " ".join(["word"] * 500) + "</p>",
        "publication_type": str(PublicationTypeFactory().pk),
        "primary_center": str(CenterFactory().pk),
        "lead_image": "",
        "lead_image_credit": "",
        "lead_image_alt": "",
    }


def aids(client, fields, **extra):
    response = client.post(URL, json.dumps({"fields": fields, **extra}), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_aids_count_words_and_reading_time_and_preview_the_address(editor_client, form):
    result = aids(editor_client, form, has_author=True)

    assert (result["words"], result["reading_minutes"]) == (500, 3)
    assert result["url"] == "http://testserver/publications/the-middle-corridor-explained/"
    assert result["is_live"] is False
    assert result["search"] == {
        "title": "The Middle Corridor, explained",
        "url": "http://testserver/publications/the-middle-corridor-explained/",
        "description": "Why freight across the Caspian tripled.",
    }
    assert result["card"]["title"] == "The Middle Corridor, explained"
    assert result["problems"] == []


def test_a_pending_change_previews_the_live_address_it_will_be_published_at(editor, editor_client, form):
    live = PublicationFactory(status="published", slug="caspian-ferries", authors=[PersonFactory()])
    change = review.start_change(publication=live, by=editor)
    assert change.slug != live.slug

    result = aids(editor_client, {**form, "slug": change.slug}, publication=change.pk, has_author=True)

    assert result["url"] == "http://testserver/publications/caspian-ferries/"
    assert result["is_live"] is True


def test_the_search_preview_shortens_like_a_search_engine_and_falls_back_to_the_text(editor_client, form):
    result = aids(editor_client, {**form, "title": "A" * 80, "dek": ""}, has_author=True)

    assert len(result["search"]["title"]) == 60 and result["search"]["title"].endswith("…")
    assert result["search"]["description"].startswith("word word") and len(result["search"]["description"]) == 160


def test_the_social_card_shows_the_lead_image_with_its_alt_text(editor_client, form):
    image = ImageFactory(alt_text="Cranes at Aktau", credit="Reuters")

    card = aids(editor_client, {**form, "lead_image": str(image.pk)}, has_author=True)["card"]

    assert card["image"].startswith("/media/renditions/") and "-card-" in card["image"]
    assert card["image_alt"] == "Cranes at Aktau"


def test_the_social_card_shows_the_original_until_the_renditions_are_made(editor_client, form):
    image = ImageFactory(renditions=False)  # uploaded, the worker has not run yet

    card = aids(editor_client, {**form, "lead_image": str(image.pk)}, has_author=True)["card"]

    assert card["image"] == image.file.url


def test_placeholders_are_looked_for_in_the_text_and_notes_not_in_addresses(editor_client, form):
    clean = '<p>See <a href="https://example.org/TK-XXX">the report</a>.<sup data-note="Source: interview."></sup></p>'
    noted = '<p>See the report.<sup data-note="Page TK."></sup></p>'

    assert aids(editor_client, {**form, "body": clean}, has_author=True)["problems"] == []
    assert aids(editor_client, {**form, "body": noted}, has_author=True)["problems"] == [
        "The body still contains placeholder text (TK)."
    ]


def test_the_publish_gates_checks_run_on_what_is_typed(editor_client, form):
    image = ImageFactory(credit="", alt_text="")
    result = aids(
        editor_client,
        {
            **form,
            "title": "TK title",
            "body": '<h3>Skipped</h3><p><a href="https://example.org/"></a>lorem ipsum</p>',
            "lead_image": str(image.pk),
            "primary_center": "",
        },
        has_author=False,
    )

    assert result["problems"] == [
        "The title still contains placeholder text (TK).",
        "The body still contains placeholder text (lorem ipsum).",
        "The lead image has no credit.",
        "The lead image has no alt text.",
        "Choose a primary center.",
        "Add at least one author.",
        "The heading “Skipped” is level 3 but follows level 1: use level 2, so that screen readers can follow the outline.",
        "A link to https://example.org/ has no text to click.",
    ]


def test_a_saved_piece_without_a_byline_in_the_form_reads_its_saved_byline(editor_client, form):
    piece = PublicationFactory(authors=[PersonFactory()])

    result = aids(editor_client, form, publication=piece.pk)

    assert "Add at least one author." not in result["problems"]


def test_the_aids_take_a_fixed_number_of_queries(editor_client, form, django_assert_max_num_queries):
    form["lead_image"] = str(ImageFactory().pk)
    piece = PublicationFactory()
    aids(editor_client, form, has_author=True)  # a first request; the renditions are only looked up
    with django_assert_max_num_queries(8):  # session, user, 2 × permissions, publication, image, disclaimer ×2
        aids(editor_client, form, has_author=True, publication=piece.pk)


@pytest.mark.parametrize(
    "payload",
    ["nonsense", "[]", '{"fields": 3}', '{"fields": {"lead_image": "1; drop", "primary_center": "x", "slug": "a b"}}'],
)
def test_bad_input_is_never_a_500(editor_client, payload):
    DisclaimerFactory()
    response = editor_client.post(URL, payload, content_type="application/json")

    assert response.status_code in {200, 400}
    if response.status_code == 200:
        assert "The slug may only hold letters, digits, hyphens and underscores." in response.json()["problems"]


def test_people_without_publication_rights_get_no_aids(client, form):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="outsider", is_staff=True))
    assert client.post(URL, json.dumps({"fields": form}), content_type="application/json").status_code == 403


def test_the_form_has_the_aids_panel_beside_it(editor_client):
    page = editor_client.get(reverse("admin:publications_publication_add")).content.decode()

    assert 'id="desk-aids"' in page and f'data-aids-url="{URL}"' in page
    assert (
        "js/desk/desk.js" in page and "Until the piece is first saved, what you type is kept in this browser." in page
    )


def test_publishing_is_refused_while_the_body_has_problems(editor, manager):
    DisclaimerFactory()
    piece = PublicationFactory(authors=[PersonFactory()], body="<h4>Too deep</h4><p>Text.</p>")
    review.submit_for_review(publication=piece, by=editor)
    review.approve_publication(publication=piece, by=manager)

    with pytest.raises(ValidationError) as refusal:
        publishing.publish_publication(publication=piece, by=manager)

    assert "is level 4 but follows level 1" in " ".join(refusal.value.messages)


DEEP_JSON = '{"fields": ' + "[" * 100_000 + "]" * 100_000 + "}"


def test_json_nested_100000_deep_is_a_400_not_a_500(editor_client):
    assert editor_client.post(URL, DEEP_JSON, content_type="application/json").status_code == 400


def test_a_body_over_the_aids_cap_is_a_413_with_a_reason(editor_client, form):
    payload = json.dumps({"fields": {**form, "body": "<p>" + "word " * 210_000 + "</p>"}})
    response = editor_client.post(URL, payload, content_type="application/json")

    assert response.status_code == 413
    assert "too long" in response.json()["error"]


def test_html_nested_too_deep_is_a_400_with_a_reason(editor_client, form):
    payload = json.dumps({"fields": {**form, "body": "<div>" * 40_000 + "x"}})
    response = editor_client.post(URL, payload, content_type="application/json")

    assert response.status_code == 400
    assert "nests too deeply" in response.json()["error"]


def test_html_nested_deep_but_under_the_limit_gets_aids(editor_client, form):
    body = ("<blockquote>" * 150 + "<p>Deep words here.</p>" + "</blockquote>" * 150) * 20
    assert aids(editor_client, {**form, "body": body})["words"] == 60


@pytest.mark.parametrize("tag", ["div", "span", "blockquote"])
def test_html_nested_with_self_closed_ordinary_tags_is_a_400_not_a_long_wait(editor_client, form, tag):
    # HTML ignores the "/" of <div/>: 40,000 of them (up to 520 KB) are 40,000 nested elements.
    payload = json.dumps({"fields": {**form, "body": f"<{tag}/>" * 40_000}})
    started = time.perf_counter()
    response = editor_client.post(URL, payload, content_type="application/json")

    assert response.status_code == 400
    assert "nests too deeply" in response.json()["error"]
    assert time.perf_counter() - started < 1
