"""What a live page shows changes only with a manager, and only on the desk it belongs to (issue 13.1).

A person belongs to the centers of their affiliations, an image to the desks of the pieces and
people that use it; a person on the public site (profile page or live byline) and an image a
public page shows are changed by managers only. Editors still read them all and name anyone in
a byline.
"""

import html
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from people.models import Person
from publications.models import CollectionItem, Disclaimer, Status
from publications.scope import IMAGE_OFF_DESK, IMAGE_PUBLIC, PERSON_OFF_DESK, PERSON_PUBLIC
from tests.factories import (
    AffiliationFactory,
    CollectionFactory,
    CollectionItemFactory,
    DisclaimerFactory,
    ImageFactory,
    PersonFactory,
    PublicationFactory,
    signed_in,
)
from tests.publications.test_workflow_admin import change_form_data, change_url, inline_management

pytestmark = pytest.mark.django_db

NEW_BIO = "<p>Rewritten by someone on another desk.</p>"


@pytest.fixture(autouse=True)
def site_default_disclaimer():
    return DisclaimerFactory(name="Site default")


def affiliated(center, **fields) -> Person:
    person = PersonFactory(**fields)
    AffiliationFactory(person=person, center=center, title_line=f"Fellow, {center.name}", position=0)
    return person


def person_url(person):
    return reverse("admin:people_person_change", args=[person.pk])


def person_form(person, **overrides):
    """What the person change form posts for `person`, with its affiliations and no links."""
    rows = list(person.affiliations.order_by("position"))
    data = {
        "name": person.name,
        "sort_name": person.sort_name,
        "slug": person.slug,
        "kind": person.kind,
        "is_current": "on",
        "short_bio": person.short_bio,
        "bio": person.bio,
        "languages": person.languages,
        "email": person.email,
        **inline_management("affiliations", len(rows), len(rows)),
        **inline_management("links", 0),
    }
    if person.has_profile:
        data["has_profile"] = "on"
    for index, row in enumerate(rows):
        data.update(
            {
                f"affiliations-{index}-id": row.pk,
                f"affiliations-{index}-person": person.pk,
                f"affiliations-{index}-title_line": row.title_line,
                f"affiliations-{index}-center": row.center_id or "",
                f"affiliations-{index}-position": row.position,
            }
        )
    data.update(overrides)
    return data


def with_outside_link(data, url="https://evil.example/"):
    return {
        **data,
        **inline_management("links", 1),
        "links-0-label": "Website",
        "links-0-url": url,
        "links-0-position": "0",
    }


def form_errors(response) -> str:
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S))


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (30, 20), (10, 200, 10)).save(buffer, "PNG")
    return SimpleUploadedFile("replacement.png", buffer.getvalue(), content_type="image/png")


def image_url(image):
    return reverse("admin:media_image_change", args=[image.pk])


def replace_file(client, image):
    return client.post(
        image_url(image),
        {"title": image.title, "file": png(), "alt_text": image.alt_text, "credit": image.credit, "tags": ""},
    )


# --- People ---


def test_an_editor_cannot_change_another_centers_expert(europe_editor, beirut):
    expert = affiliated(beirut, has_profile=False)
    client = signed_in(europe_editor)

    page = client.get(person_url(expert))
    response = client.post(person_url(expert), person_form(expert, bio=NEW_BIO))

    assert page.status_code == 200
    assert PERSON_OFF_DESK in html.unescape(page.content.decode())
    assert 'name="bio"' not in page.content.decode()  # read-only
    assert response.status_code == 403
    assert PERSON_OFF_DESK in html.unescape(response.content.decode())
    expert.refresh_from_db()
    assert expert.bio != NEW_BIO


def test_a_centers_manager_cannot_change_another_centers_expert_either(europe_manager, beirut):
    expert = affiliated(beirut)

    response = signed_in(europe_manager).post(person_url(expert), with_outside_link(person_form(expert)))

    assert response.status_code == 403
    assert not expert.links.exists()


def test_an_editor_cannot_change_a_public_expert_of_their_own_center(europe_editor, europe):
    expert = affiliated(europe, has_profile=True)
    client = signed_in(europe_editor)

    page = client.get(person_url(expert)).content.decode()
    bio = client.post(person_url(expert), person_form(expert, bio=NEW_BIO))
    link = client.post(person_url(expert), with_outside_link(person_form(expert)))

    assert PERSON_PUBLIC in html.unescape(page)
    assert bio.status_code == 403 and link.status_code == 403
    expert.refresh_from_db()
    assert expert.bio != NEW_BIO and not expert.links.exists()


def test_a_contributor_in_a_live_byline_is_changed_by_managers_only(europe_editor, europe):
    contributor = affiliated(europe, has_profile=False, kind=Person.Kind.CONTRIBUTOR)
    PublicationFactory(primary_center=europe, status=Status.PUBLISHED, authors=[contributor])

    response = signed_in(europe_editor).post(person_url(contributor), person_form(contributor, short_bio="Changed."))

    assert response.status_code == 403
    assert PERSON_PUBLIC in html.unescape(response.content.decode())


def test_an_editor_changes_a_person_of_their_desk_who_is_not_public_yet(europe_editor, europe):
    draft_author = affiliated(europe, has_profile=False)
    PublicationFactory(primary_center=europe, status=Status.DRAFT, authors=[draft_author])

    response = signed_in(europe_editor).post(
        person_url(draft_author), with_outside_link(person_form(draft_author, bio=NEW_BIO), "https://example.org/")
    )

    assert response.status_code == 302, form_errors(response)
    draft_author.refresh_from_db()
    assert draft_author.bio == NEW_BIO and draft_author.links.count() == 1


def test_an_editor_changes_a_person_named_only_on_a_piece_sent_back_for_changes(europe_editor, europe):
    author = affiliated(europe, has_profile=False)
    PublicationFactory(primary_center=europe, status=Status.CHANGES_REQUESTED, authors=[author])

    response = signed_in(europe_editor).post(person_url(author), person_form(author, bio=NEW_BIO))

    assert response.status_code == 302, form_errors(response)
    author.refresh_from_db()
    assert author.bio == NEW_BIO


def piece_on_its_way(status, *, center, author):
    """A piece past its editors' hands naming `author`: in review, approved, unpublished, or a pending change."""
    if status == "pending change":
        live = PublicationFactory(primary_center=center, status=Status.PUBLISHED)
        return PublicationFactory(primary_center=center, status=Status.DRAFT, draft_of=live, authors=[author])
    return PublicationFactory(primary_center=center, status=status, authors=[author])


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.APPROVED, Status.UNPUBLISHED, "pending change"])
def test_a_person_in_the_byline_of_a_piece_on_its_way_to_readers_is_changed_by_managers_only(
    europe_editor, europe, status
):
    # Otherwise an editor rewrites the bio after (or before) naming them in a pending change, and
    # the manager's approval of the piece puts the bio live: the piece's diff never shows it.
    author = affiliated(europe, has_profile=False, short_bio="Before.")
    piece_on_its_way(status, center=europe, author=author)
    client = signed_in(europe_editor)

    bio = client.post(person_url(author), person_form(author, short_bio="Rewritten.", bio=NEW_BIO))
    link = client.post(person_url(author), with_outside_link(person_form(author)))

    assert bio.status_code == 403 and link.status_code == 403
    assert PERSON_PUBLIC in html.unescape(bio.content.decode())
    author.refresh_from_db()
    assert author.short_bio == "Before." and author.bio != NEW_BIO and not author.links.exists()


def test_a_manager_reviewing_a_piece_sees_the_bios_of_its_byline_in_the_preview(europe_manager, europe):
    author = affiliated(europe, has_profile=False, short_bio="Writes on the Western Balkans.")
    piece = PublicationFactory(primary_center=europe, status=Status.IN_REVIEW, authors=[author])

    page = signed_in(europe_manager).get(reverse("publications:preview", args=[piece.pk]))

    assert page.status_code == 200
    assert author.name in page.content.decode() and "Writes on the Western Balkans." in page.content.decode()


def test_an_editor_creates_people_without_a_public_profile(europe_editor, europe):
    client = signed_in(europe_editor)
    new = {
        "name": "Rym Momtaz",
        "kind": "expert",
        "is_current": "on",
        "short_bio": "",
        "bio": "",
        "languages": "",
        "email": "",
        **inline_management("affiliations", 0),
        **inline_management("links", 0),
    }

    form = client.get(reverse("admin:people_person_add")).content.decode()
    refused = client.post(reverse("admin:people_person_add"), {**new, "has_profile": "on"})
    created = client.post(reverse("admin:people_person_add"), with_outside_link(new, "https://example.org/"))

    assert re.search(r'<input type="checkbox" name="has_profile"(?![^>]*checked)', form)
    assert refused.status_code == 200 and "Only a manager can give a person a public profile page" in form_errors(
        refused
    )
    assert created.status_code == 302, form_errors(created)
    person = Person.objects.get()
    assert person.has_profile is False and person not in Person.objects.public()


def test_an_editor_cannot_give_a_person_of_their_desk_a_public_profile(europe_editor, europe):
    person = affiliated(europe, has_profile=False)

    response = signed_in(europe_editor).post(person_url(person), person_form(person, has_profile="on"))

    assert response.status_code == 200
    assert "Only a manager can give a person a public profile page" in form_errors(response)
    person.refresh_from_db()
    assert person.has_profile is False


def test_a_manager_gives_a_profile_and_an_outside_link_to_their_centers_expert(europe_manager, europe):
    expert = affiliated(europe, has_profile=False)

    response = signed_in(europe_manager).post(
        person_url(expert),
        with_outside_link(person_form(expert, has_profile="on", bio=NEW_BIO), "https://example.org/"),
    )

    assert response.status_code == 302, form_errors(response)
    expert.refresh_from_db()
    assert expert.has_profile and expert.bio == NEW_BIO and expert.links.count() == 1


def test_editors_still_see_and_pick_every_expert(europe_editor, beirut):
    expert = affiliated(beirut, name="Maha Yahya")
    client = signed_in(europe_editor)

    listing = client.get(reverse("admin:people_person_changelist")).content.decode()
    picker = client.get(
        reverse("admin:autocomplete"),
        {"term": "Maha", "app_label": "publications", "model_name": "authorship", "field_name": "person"},
    ).json()

    assert "Maha Yahya" in listing
    assert [row["text"] for row in picker["results"]] == ["Maha Yahya"]
    assert expert.pk


# --- Images ---


def test_an_editor_cannot_replace_the_lead_image_of_another_centers_live_piece(europe_editor, beirut):
    image = ImageFactory()
    PublicationFactory(primary_center=beirut, status=Status.PUBLISHED, lead_image=image)
    name = image.file.name

    response = replace_file(signed_in(europe_editor), image)

    assert response.status_code == 403
    assert IMAGE_OFF_DESK in html.unescape(response.content.decode())
    image.refresh_from_db()
    assert image.file.name == name


def test_an_image_in_the_body_of_another_centers_draft_is_on_that_desk(europe_editor, beirut):
    image = ImageFactory()
    PublicationFactory(
        primary_center=beirut,
        status=Status.DRAFT,
        body=f'<figure class="inline-image" data-image="{image.pk}"><img src="/x.png" alt=""></figure>',
    )

    assert replace_file(signed_in(europe_editor), image).status_code == 403


def test_an_editor_cannot_replace_the_image_of_their_own_live_piece_without_a_manager(europe_editor, europe):
    image = ImageFactory()
    PublicationFactory(primary_center=europe, status=Status.PUBLISHED, lead_image=image)
    client = signed_in(europe_editor)
    name = image.file.name

    page = client.get(image_url(image)).content.decode()
    response = replace_file(client, image)

    assert IMAGE_PUBLIC in html.unescape(page) and 'type="file"' not in page
    assert response.status_code == 403
    image.refresh_from_db()
    assert image.file.name == name


@pytest.mark.parametrize("status", [Status.IN_REVIEW, Status.APPROVED, "pending change"])
def test_an_editor_cannot_replace_the_image_of_a_piece_on_its_way_to_readers(europe_editor, europe, status):
    image = ImageFactory()
    piece = piece_on_its_way(status, center=europe, author=affiliated(europe))
    piece.lead_image = image
    piece.save()
    name = image.file.name

    response = replace_file(signed_in(europe_editor), image)

    assert response.status_code == 403
    image.refresh_from_db()
    assert image.file.name == name


def test_the_headshot_of_a_public_expert_is_changed_by_managers_only(europe_editor, europe):
    image = ImageFactory()
    affiliated(europe, has_profile=True, headshot=image)

    assert replace_file(signed_in(europe_editor), image).status_code == 403


def test_a_manager_replaces_the_image_of_their_centers_live_piece(europe_manager, europe):
    image = ImageFactory()
    PublicationFactory(primary_center=europe, status=Status.PUBLISHED, lead_image=image)
    name = image.file.name

    response = replace_file(signed_in(europe_manager), image)

    assert response.status_code == 302, form_errors(response)
    image.refresh_from_db()
    assert image.file.name != name


def test_an_editor_replaces_an_image_only_their_draft_uses(europe_editor, europe):
    image = ImageFactory()
    PublicationFactory(primary_center=europe, status=Status.DRAFT, lead_image=image)
    name = image.file.name

    response = replace_file(signed_in(europe_editor), image)

    assert response.status_code == 302, form_errors(response)
    image.refresh_from_db()
    assert image.file.name != name


# --- A piece's centers and collections ---


def test_an_editor_adding_another_center_to_centers_gets_a_form_error(europe_editor, europe, beirut):
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)
    piece.centers.add(europe)

    response = signed_in(europe_editor).post(change_url(piece), change_form_data(piece, centers=[europe.pk, beirut.pk]))

    assert response.status_code == 200
    errors = form_errors(response)
    assert "you can add only your own centers" in errors and beirut.name in errors
    assert list(piece.centers.all()) == [europe]


def test_an_editor_is_offered_only_their_own_centers_to_add(europe_editor, europe, beirut):
    found = (
        signed_in(europe_editor)
        .get(
            reverse("admin:autocomplete"),
            {"term": "Carnegie", "app_label": "publications", "model_name": "publication", "field_name": "centers"},
        )
        .json()
    )

    assert [row["text"] for row in found["results"]] == [europe.name]


def test_centers_already_on_a_piece_stay_when_its_editor_saves(europe_editor, europe, beirut):
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)
    piece.centers.add(europe, beirut)

    response = signed_in(europe_editor).post(change_url(piece), change_form_data(piece, title="Retitled"))

    assert response.status_code == 302, form_errors(response)
    assert set(piece.centers.all()) == {europe, beirut}


def with_collection(data, collection):
    return {
        **data,
        **inline_management("collection_items", 1),
        "collection_items-0-collection": collection.pk,
        "collection_items-0-position": "0",
    }


def test_an_editor_cannot_put_their_piece_into_a_collection_of_other_centers(europe_editor, europe, beirut):
    shared = CollectionFactory(name="Lebanon in crisis")
    CollectionItemFactory(
        collection=shared, publication=PublicationFactory(primary_center=beirut, status=Status.PUBLISHED)
    )
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)

    response = signed_in(europe_editor).post(change_url(piece), with_collection(change_form_data(piece), shared))

    assert response.status_code == 200
    assert "only their desk or someone who works across centers can add a piece to it" in form_errors(response)
    assert not CollectionItem.objects.filter(publication=piece).exists()


def test_an_editor_puts_their_piece_into_a_collection_of_their_desk(europe_editor, europe):
    own = CollectionFactory(name="Balkans")
    CollectionItemFactory(
        collection=own, publication=PublicationFactory(primary_center=europe, status=Status.PUBLISHED)
    )
    empty = CollectionFactory(name="New series")
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)
    client = signed_in(europe_editor)

    first = client.post(change_url(piece), with_collection(change_form_data(piece), own))
    piece.refresh_from_db()
    data = change_form_data(piece)
    second = client.post(
        change_url(piece),
        {
            **data,
            **inline_management("collection_items", 2, 1),
            "collection_items-0-id": CollectionItem.objects.get(publication=piece).pk,
            "collection_items-0-publication": piece.pk,
            "collection_items-0-collection": own.pk,
            "collection_items-0-position": "0",
            "collection_items-1-collection": empty.pk,
            "collection_items-1-position": "1",
        },
    )

    assert first.status_code == 302, form_errors(first)
    assert second.status_code == 302, form_errors(second)
    assert set(CollectionItem.objects.filter(publication=piece).values_list("collection__name", flat=True)) == {
        "Balkans",
        "New series",
    }


def test_a_centers_manager_cannot_put_their_piece_into_a_collection_of_other_centers(europe_manager, europe, beirut):
    shared = CollectionFactory(name="Lebanon in crisis")
    CollectionItemFactory(
        collection=shared, publication=PublicationFactory(primary_center=beirut, status=Status.PUBLISHED)
    )
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)

    response = signed_in(europe_manager).post(change_url(piece), with_collection(change_form_data(piece), shared))

    assert response.status_code == 200
    errors = form_errors(response)
    assert (
        "only their desk or someone who works across centers can add a piece to it" in errors and beirut.name in errors
    )
    assert not CollectionItem.objects.filter(publication=piece).exists()


def test_a_manager_across_centers_puts_a_piece_into_a_collection_of_other_centers(manager, europe, beirut):
    shared = CollectionFactory(name="Lebanon in crisis")
    CollectionItemFactory(
        collection=shared, publication=PublicationFactory(primary_center=beirut, status=Status.PUBLISHED)
    )
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)

    response = signed_in(manager).post(change_url(piece), with_collection(change_form_data(piece), shared))

    assert response.status_code == 302, form_errors(response)
    assert CollectionItem.objects.filter(publication=piece, collection=shared).exists()


def collection_form(collection, *pieces):
    rows = list(collection.items.order_by("position")) + [None] * len(pieces)
    data = {
        "name": collection.name,
        "slug": collection.slug,
        "description": "",
        **inline_management("items", len(rows), collection.items.count()),
    }
    for index, row in enumerate(rows):
        if row is not None:
            data.update(
                {
                    f"items-{index}-id": row.pk,
                    f"items-{index}-collection": collection.pk,
                    f"items-{index}-publication": row.publication_id,
                    f"items-{index}-position": row.position,
                }
            )
    for index, piece in enumerate(pieces, start=len(rows) - len(pieces)):
        data.update({f"items-{index}-publication": piece.pk, f"items-{index}-position": str(index + 10)})
    return data


def test_a_centers_manager_cannot_change_another_centers_collection_from_its_own_page(europe_manager, europe, beirut):
    shared = CollectionFactory(name="Lebanon in crisis")
    CollectionItemFactory(
        collection=shared, publication=PublicationFactory(primary_center=beirut, status=Status.PUBLISHED)
    )
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)
    client = signed_in(europe_manager)
    url = reverse("admin:taxonomies_collection_change", args=[shared.pk])

    page = client.get(url)
    response = client.post(url, collection_form(shared, piece))

    assert "only someone who works across centers can change it" in html.unescape(page.content.decode())
    assert response.status_code == 403
    assert not CollectionItem.objects.filter(publication=piece).exists()


def test_a_centers_manager_curates_a_collection_of_their_desk(europe_manager, europe):
    own = CollectionFactory(name="Balkans")
    CollectionItemFactory(
        collection=own, publication=PublicationFactory(primary_center=europe, status=Status.PUBLISHED)
    )
    piece = PublicationFactory(primary_center=europe, status=Status.DRAFT)

    response = signed_in(europe_manager).post(
        reverse("admin:taxonomies_collection_change", args=[own.pk]), collection_form(own, piece)
    )

    assert response.status_code == 302, form_errors(response)
    assert CollectionItem.objects.filter(publication=piece, collection=own).exists()


# --- Disclaimers ---


def disclaimer_form(disclaimer, **overrides):
    return {
        "name": disclaimer.name,
        "text": disclaimer.text,
        "center": disclaimer.center_id or "",
        "publication_type": "",
        **overrides,
    }


def test_a_centers_manager_cannot_change_another_centers_disclaimer_or_the_site_default(
    europe_manager, beirut, site_default_disclaimer
):
    beirut_legal = DisclaimerFactory(name="Beirut legal", center=beirut)
    client = signed_in(europe_manager)

    for disclaimer in (beirut_legal, site_default_disclaimer):
        response = client.post(
            reverse("admin:publications_disclaimer_change", args=[disclaimer.pk]),
            disclaimer_form(disclaimer, text="<p>Changed.</p>"),
        )
        assert response.status_code == 403
        disclaimer.refresh_from_db()
        assert "Changed." not in disclaimer.text


def test_a_centers_manager_writes_the_disclaimer_of_their_center_only(europe_manager, europe, beirut):
    client = signed_in(europe_manager)
    new = {"name": "Legal", "text": "<p>Wording.</p>", "publication_type": ""}

    elsewhere = client.post(reverse("admin:publications_disclaimer_add"), {**new, "center": beirut.pk})
    own = client.post(reverse("admin:publications_disclaimer_add"), {**new, "center": europe.pk})

    assert elsewhere.status_code == 200 and "a disclaimer you write covers one of your centers" in form_errors(
        elsewhere
    )
    assert own.status_code == 302, form_errors(own)
    legal = Disclaimer.objects.get(name="Legal")
    assert legal.center == europe
    edited = client.post(
        reverse("admin:publications_disclaimer_change", args=[legal.pk]), disclaimer_form(legal, text="<p>New.</p>")
    )
    assert edited.status_code == 302, form_errors(edited)
