"""Editions of one work: "Translate into …", the shape of a work, the editions panel, translators, structured data."""

import json
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from cms.audit.models import AuditEntry
from publications.models import Authorship, Publication, Revision, Status
from publications.workflow.editions import create_edition
from publications.workflow.gate import publish_gate_problems
from tests.factories import (
    AuthorshipFactory,
    CenterFactory,
    DisclaimerFactory,
    EditionFactory,
    ImageFactory,
    NewsletterFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def change_url(publication):
    return reverse("admin:publications_publication_change", args=[publication.pk])


def structured_data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.fixture
def original():
    center = CenterFactory(name="Malcolm H. Kerr Carnegie Middle East Center")
    piece = PublicationFactory(
        published=True,
        title="Lebanon’s Reform Window",
        dek="A narrow opening for reform.",
        body="<h2>Why now</h2><p>The window is narrow.</p>",
        primary_center=center,
        lead_image=ImageFactory(renditions=False),
        lead_image_credit="Source: Getty",
        source_name="Diwan",
    )
    piece.centers.set([center, CenterFactory()])
    piece.topics.set([TopicFactory()])
    piece.regions.set([RegionFactory()])
    piece.programs.set([ProgramFactory()])
    piece.projects.set([ProjectFactory()])
    piece.newsletters.set([NewsletterFactory()])
    piece.keywords.set(["reform", "banks"])
    AuthorshipFactory(publication=piece, person=PersonFactory(name="Maha Yahya"), position=0, title_line="Director")
    AuthorshipFactory(publication=piece, person=PersonFactory(name="Sam Editor"), position=1, role="editor")
    return piece


# -- create_edition ---------------------------------------------------------------------------


def test_translating_copies_the_structure_and_filing_and_leaves_the_text_to_translate(original, editor):
    edition = create_edition(original=original, language="ar", actor=editor)

    assert edition.status == Status.DRAFT and edition.language == "ar" and edition.translation_of == original
    assert edition.title == "[ar] Lebanon’s Reform Window"
    assert edition.slug == f"{original.slug}-ar"
    assert (edition.dek, edition.body) == (original.dek, original.body)
    assert edition.publication_date is None
    for name in ["publication_type_id", "primary_center_id", "lead_image_id", "lead_image_credit", "source_name"]:
        assert getattr(edition, name) == getattr(original, name), name
    for relation in ["centers", "topics", "regions", "programs", "projects", "newsletters"]:
        assert set(getattr(edition, relation).all()) == set(getattr(original, relation).all()), relation
    assert sorted(edition.keywords.names()) == ["banks", "reform"]
    assert [(row.person.name, row.role, row.title_line) for row in edition.authorships.order_by("position")] == [
        ("Maha Yahya", "author", "Director"),
        ("Sam Editor", "editor", ""),
    ]
    assert edition.created_by == editor


def test_the_edition_records_the_revision_it_was_translated_from_with_an_audit_entry(original, editor):
    edition = create_edition(original=original, language="ar", actor=editor)

    # The factory's original had no revision: one is recorded with its text as it is.
    source = edition.source_revision
    assert source.publication == original and source.data["body"] == original.body
    entry = AuditEntry.objects.get(object_id=str(edition.pk), action=AuditEntry.Action.CREATE)
    assert entry.message == "Arabic edition of “Lebanon’s Reform Window”" and entry.actor == editor
    assert edition.revisions.get().note == "Created as the Arabic edition of “Lebanon’s Reform Window”"


def test_an_existing_revision_with_the_same_text_is_the_source(original, editor):
    own = Revision.objects.create(
        publication=original, version=1, data={"title": original.title, "dek": original.dek, "body": original.body}
    )

    edition = create_edition(original=original, language="ru", actor=editor)

    assert edition.source_revision == own
    assert original.revisions.count() == 1


def test_a_second_edition_in_one_language_is_refused(original, editor):
    EditionFactory(translation_of=original, language="ar")

    with pytest.raises(ValidationError, match="already has an edition in Arabic"):
        create_edition(original=original, language="ar", actor=editor)

    assert Publication.objects.filter(translation_of=original).count() == 1


def test_a_work_has_one_edition_in_each_language_it_is_translated_into(original, editor):
    create_edition(original=original, language="ar", actor=editor)
    create_edition(original=original, language="zh-hans", actor=editor)

    assert sorted(Publication.objects.filter(translation_of=original).values_list("language", flat=True)) == [
        "ar",
        "zh-hans",
    ]


def test_no_edition_of_an_edition_none_in_the_originals_language_and_none_of_a_pending_change(original, editor):
    edition = EditionFactory(translation_of=original, language="ar")
    change = PublicationFactory(draft_of=original)

    with pytest.raises(ValidationError, match="itself an edition"):
        create_edition(original=edition, language="ru", actor=editor)
    with pytest.raises(ValidationError, match="in English already"):
        create_edition(original=original, language="en", actor=editor)
    with pytest.raises(ValidationError, match="pending change"):
        create_edition(original=change, language="ru", actor=editor)
    with pytest.raises(ValidationError, match="not one of the site's languages"):
        create_edition(original=original, language="xx", actor=editor)


def test_translating_needs_the_add_permission_and_the_originals_desk(original, editor, django_user_model):
    CenterFactory(name="Carnegie Europe").staff.add(editor)
    reader = django_user_model.objects.create_user("reader", is_staff=True)

    with pytest.raises(PermissionDenied):
        create_edition(original=original, language="ar", actor=editor)  # another center's piece
    with pytest.raises(PermissionDenied):
        create_edition(original=original, language="ar", actor=reader)
    assert not Publication.objects.filter(translation_of=original).exists()


def test_a_new_edition_cannot_be_published_until_it_is_translated(original, editor):
    DisclaimerFactory()
    edition = create_edition(original=original, language="ar", actor=editor)

    problems = publish_gate_problems(edition)

    assert "The title still starts with the language mark of a new edition: write the translated title." in problems
    assert "The dek is still the original's: translate it." in problems
    assert "The body is still the original's text: translate it." in problems
    assert "Give the edition its publication date." in problems

    edition.title, edition.dek, edition.body = "نافذة الإصلاح في لبنان", "فرصة ضيقة.", "<p>النافذة ضيقة.</p>"
    edition.publication_date = original.publication_date
    assert publish_gate_problems(edition) == []


# -- the shape of a work, whoever writes it ----------------------------------------------------


def test_the_form_refuses_chains_and_a_second_edition_in_one_language(original):
    arabic = EditionFactory(translation_of=original, language="ar")

    shared = {"publication_type": original.publication_type, "primary_center": original.primary_center}
    chained = PublicationFactory.build(translation_of=arabic, language="ru", **shared)
    with pytest.raises(ValidationError, match="itself an edition of another piece"):
        chained.full_clean()
    second = PublicationFactory.build(translation_of=original, language="ar", **shared)
    with pytest.raises(ValidationError, match="already has an edition in Arabic"):
        second.full_clean()
    original.translation_of = PublicationFactory(language="fr")
    with pytest.raises(ValidationError, match="has editions of its own"):
        original.full_clean()


def test_the_database_keeps_one_edition_per_language_whatever_writes_the_row(original):
    EditionFactory(translation_of=original, language="ar")

    with pytest.raises(IntegrityError), transaction.atomic():
        EditionFactory(translation_of=original, language="ar")


def test_a_pending_change_of_an_edition_is_not_a_second_edition(original, editor):
    from publications.workflow.review import start_change

    edition = EditionFactory(translation_of=original, language="ar", published=True)

    copy = start_change(publication=edition, by=editor)

    assert copy.translation_of == original and copy.language == "ar"
    copy.full_clean()


# -- the admin ----------------------------------------------------------------------------------


def test_the_originals_page_lists_every_edition_and_offers_the_missing_languages(original, editor_client):
    arabic = EditionFactory(translation_of=original, language="ar", title="نافذة الإصلاح", published=True)
    russian = EditionFactory(translation_of=original, language="ru", title="Окно реформ")

    html = editor_client.get(change_url(original)).content.decode()

    assert 'id="editions-heading">Editions<' in html
    assert "This is the original (English)." in html
    for edition, language, status in [(arabic, "Arabic", "Published"), (russian, "Russian", "Draft")]:
        assert f'<a href="{change_url(edition)}" dir="auto">{edition.title}</a>' in html
        assert f"<td>{language}</td>" in html and f"<td>{status}</td>" in html
    translate = reverse("admin:publications_publication_translate", args=[original.pk])
    assert f'action="{translate}"' in html
    assert "Translate into Chinese (Simplified)</button>" in html and "Translate into French</button>" in html
    assert "Translate into Arabic" not in html and "Translate into Russian" not in html
    assert "Translate into English" not in html


def test_translate_into_makes_the_draft_and_opens_it(original, editor_client):
    response = editor_client.post(
        reverse("admin:publications_publication_translate", args=[original.pk]), {"language": "zh-hans"}
    )

    edition = Publication.objects.get(translation_of=original)
    assert response.status_code == 302 and response["Location"] == change_url(edition)
    assert edition.language == "zh-hans" and edition.title.startswith("[zh-hans] ")


def test_translate_into_a_language_that_has_an_edition_says_so(original, editor_client):
    EditionFactory(translation_of=original, language="ar")

    response = editor_client.post(
        reverse("admin:publications_publication_translate", args=[original.pk]), {"language": "ar"}, follow=True
    )

    assert "already has an edition in Arabic" in response.content.decode()
    assert Publication.objects.filter(translation_of=original).count() == 1


def test_an_editions_page_links_back_to_its_original_and_its_siblings(original, editor_client):
    arabic = EditionFactory(translation_of=original, language="ar", title="نافذة الإصلاح")
    russian = EditionFactory(translation_of=original, language="ru", title="Окно реформ")

    html = editor_client.get(change_url(arabic)).content.decode()

    assert (
        f'This is the Arabic edition of <a href="{change_url(original)}" dir="auto">“Lebanon’s Reform Window”</a>'
        in html
    )
    assert f'<a href="{change_url(russian)}" dir="auto">Окно реформ</a>' in html
    assert "نافذة الإصلاح</span> (this page)" in html
    assert "Translate into" not in html  # an edition is not translated further


# -- the public page ----------------------------------------------------------------------------


def test_translators_are_credited_after_the_byline(client, original):
    edition = EditionFactory(
        translation_of=original, language="ar", published=True, authors=[PersonFactory(name="Mohanad Hage Ali")]
    )
    AuthorshipFactory(
        publication=edition, person=PersonFactory(name="Rami Translator"), role=Authorship.Role.TRANSLATOR, position=5
    )

    html = client.get(edition.get_absolute_url()).content.decode()

    assert re.search(
        r'<p class="byline">By\s*<a href="/experts/mohanad-hage-ali/" dir="auto">Mohanad Hage Ali</a>\s*</p>', html
    )
    assert re.search(
        r'<p class="byline byline--translators">Translated by\s*'
        r'<a href="/experts/rami-translator/" dir="auto">Rami Translator</a>\s*</p>',
        html,
    )


def test_a_piece_without_translators_has_no_translated_by_line(client):
    piece = PublicationFactory(published=True, authors=[PersonFactory(name="Maha Yahya")])

    html = client.get(piece.get_absolute_url()).content.decode()

    assert "Translated by" not in html
    assert re.search(r'<p class="byline">By\s*<a href="/experts/maha-yahya/" dir="auto">Maha Yahya</a>\s*</p>', html)


def test_the_originals_structured_data_lists_its_public_editions_only(client, original):
    arabic = EditionFactory(translation_of=original, language="ar", title="نافذة الإصلاح", published=True)
    EditionFactory(translation_of=original, language="ru", title="Черновик перевода")  # a draft

    data = structured_data(client.get(original.get_absolute_url()).content.decode())

    assert data["inLanguage"] == "en"
    assert data["workTranslation"] == [
        {
            "@type": "CreativeWork",
            "name": "نافذة الإصلاح",
            "url": f"http://testserver/ar{arabic.get_absolute_url()}",  # its own language's address
            "inLanguage": "ar",
        }
    ]
    assert "translationOfWork" not in data


def test_an_editions_structured_data_names_its_public_original(client, original):
    edition = EditionFactory(translation_of=original, language="ar", published=True)

    data = structured_data(client.get(edition.get_absolute_url()).content.decode())

    assert data["inLanguage"] == "ar"
    assert data["translationOfWork"] == {
        "@type": "CreativeWork",
        "name": "Lebanon’s Reform Window",
        "url": f"http://testserver{original.get_absolute_url()}",
        "inLanguage": "en",
    }
    assert "workTranslation" not in data


def test_structured_data_names_languages_as_bcp47_tags(client, original):
    chinese = EditionFactory(translation_of=original, language="zh-hans", published=True)

    data = structured_data(client.get(f"/zh-hans/publications/{chinese.slug}/").content.decode())

    assert data["inLanguage"] == "zh-Hans"
    assert data["translationOfWork"]["url"] == f"http://testserver/publications/{original.slug}/"


def test_an_edition_of_an_unpublished_original_never_names_it(client, original, manager):
    from publications.workflow.publishing import unpublish_publication

    edition = EditionFactory(translation_of=original, language="ar", published=True, tracked=True)
    original.body = "<p>A new paragraph the public never saw.</p>"
    original.save()
    unpublish_publication(publication=original, by=manager)

    html = client.get(edition.get_absolute_url()).content.decode()

    assert "translationOfWork" not in html and "workTranslation" not in html
    assert original.slug not in html and "Lebanon’s Reform Window" not in html
    assert "edition-note" not in html


def test_a_piece_alone_keeps_its_budget_and_an_edition_with_three_editions_costs_one_query_more(
    client, django_assert_max_num_queries, original
):
    DisclaimerFactory()
    people = [PersonFactory() for _ in range(3)]
    arabic = EditionFactory(translation_of=original, language="ar", published=True, authors=people, tracked=True)
    EditionFactory(translation_of=original, language="ru", published=True)
    EditionFactory(translation_of=original, language="zh-hans", published=True)
    original.body = "<p>The window is narrower.</p>"
    original.save()

    with django_assert_max_num_queries(12):
        response = client.get(arabic.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200 and "edition-note" in html
    assert structured_data(html)["translationOfWork"]["name"] == "Lebanon’s Reform Window"
