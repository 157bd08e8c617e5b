"""Names and descriptions per language: what can be stored, how it is cleaned, and how editors give it (issue 15)."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from cms.kit.translations import localized
from cms.taxonomies.models import Center, Topic
from people.models import Person
from tests.factories import CenterFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def messages_of(error: ValidationError) -> str:
    return " ".join(message for messages in error.message_dict.values() for message in messages)


def test_a_translation_in_a_language_the_site_does_not_speak_is_refused_naming_those_it_does():
    center = CenterFactory(translations={"fr": {"name": "Carnegie Europe"}})

    with pytest.raises(ValidationError) as refused:
        center.full_clean()

    message = messages_of(refused.value)
    assert "“fr” is not a language of the site" in message
    assert "Arabic (ar)" in message and "Chinese (Simplified) (zh-hans)" in message and "Russian (ru)" in message


def test_a_text_that_cannot_be_translated_is_refused_naming_those_that_can():
    topic = TopicFactory(translations={"ar": {"title": "الأمن"}})

    with pytest.raises(ValidationError) as refused:
        topic.full_clean()

    assert "“title” cannot be translated (the Arabic translation); the translated texts are name, description" in (
        messages_of(refused.value)
    )


def test_a_translated_name_longer_than_the_column_is_refused():
    person = PersonFactory(translations={"ru": {"name": "Я" * 201}})

    with pytest.raises(ValidationError) as refused:
        person.full_clean()

    assert "The name of the Russian translation is 201 characters long; at most 200 fit." in messages_of(refused.value)


def test_a_translated_bio_is_sanitized_like_the_english_one_on_every_write():
    person = PersonFactory(
        translations={"ar": {"bio": '<p onclick="steal()">سيرة<script>alert(1)</script></p>', "name": "  اسم  "}}
    )
    person.refresh_from_db()
    assert person.translations == {"ar": {"bio": "<p>سيرة</p>", "name": "اسم"}}

    # update() never calls save(): the column sanitizes on its way to the database all the same.
    Person.objects.filter(pk=person.pk).update(translations={"ru": {"bio": "<p>Био<script>x</script></p>"}})
    person.refresh_from_db()
    assert person.translations == {"ru": {"bio": "<p>Био</p>"}}


def test_a_translated_description_keeps_the_formatting_the_english_one_may_have():
    center = CenterFactory(translations={"ar": {"description": '<p>مركز <a href="https://example.org/">أبحاث</a></p>'}})
    center.refresh_from_db()

    assert (
        '<a href="https://example.org/" rel="noopener noreferrer">أبحاث</a>' in center.translations["ar"]["description"]
    )


def test_the_value_is_the_languages_own_else_the_english_one_marked():
    center = CenterFactory(name="Carnegie Europe", translations={"ar": {"name": "كارنيغي أوروبا"}})

    with translation.override("ar"):
        arabic = localized(center, "name")
    with translation.override("ru"):
        russian = localized(center, "name")
    with translation.override("en"):
        english = localized(center, "name")

    assert (arabic.value, arabic.fallback) == ("كارنيغي أوروبا", False)
    assert (russian.value, russian.fallback) == ("Carnegie Europe", True)
    assert '<span lang="en" dir="ltr">Carnegie Europe</span>' in russian.as_html()
    assert (english.value, english.fallback) == ("Carnegie Europe", False)
    assert english.as_html() == "Carnegie Europe"


def test_an_english_fallback_of_rich_text_is_a_block_of_its_own():
    center = CenterFactory(description="<p>Research <em>centers</em></p>")

    with translation.override("zh-hans"):
        html = localized(center, "description").as_html()

    assert html.startswith('<div class="lang-fallback" lang="en" dir="ltr"><p>Research <em>centers</em></p></div>')
    assert '<p class="lang-fallback__mark">' in html


def test_nothing_in_english_is_not_a_fallback():
    topic = TopicFactory(description="")

    with translation.override("ar"):
        value = localized(topic, "description")

    assert not value and not value.fallback and value.as_html() == ""


# -- the admin -------------------------------------------------------------------------------


def change_data(center: Center, **changes) -> dict:
    data = {
        "name": center.name,
        "short_name": center.short_name,
        "other_names": center.other_names,
        "slug": center.slug,
        "city": center.city,
        "order": center.order,
        "description": center.description,
    }
    data.update(changes)
    return data


def test_the_admin_has_a_collapsed_fieldset_per_language(admin_client):
    center = CenterFactory()

    response = admin_client.get(f"/admin/taxonomies/center/{center.pk}/change/")

    page = response.content.decode()
    for language in ("Arabic", "Chinese (Simplified)", "Russian"):
        assert f"In {language}" in page
        assert f"Name ({language})" in page and f"Description ({language})" in page
    assert 'name="translation_zh_hans_name"' in page
    assert 'class="module collapse' in page or "collapse" in page


@override_settings(LANGUAGES=[("en", "English"), ("ar", "Arabic"), ("fr", "French")])
def test_a_language_added_to_the_settings_gets_its_fieldset_without_code(admin_client):
    center = CenterFactory()

    page = admin_client.get(f"/admin/taxonomies/center/{center.pk}/change/").content.decode()

    assert "In French" in page and 'name="translation_fr_name"' in page
    assert "In Russian" not in page


def test_the_admin_saves_a_translation_into_the_json(admin_client):
    center = CenterFactory(name="Carnegie Europe", translations={"ru": {"name": "Карнеги Европа"}})

    response = admin_client.post(
        f"/admin/taxonomies/center/{center.pk}/change/",
        change_data(
            center,
            translation_ar_name="كارنيغي أوروبا",
            translation_ar_description="<p>تحليل <em>السياسات</em></p>",
            translation_ru_name="Карнеги Европа",
        ),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    center.refresh_from_db()
    assert set(center.translations) == {"ar", "ru"}
    assert center.translations["ar"]["name"] == "كارنيغي أوروبا"
    assert center.translations["ar"]["description"] == "<p>تحليل <em>السياسات</em></p>"
    assert center.translations["ru"] == {"name": "Карнеги Европа"}


def test_the_admin_shows_the_stored_translation_and_clears_one_left_blank(admin_client):
    topic = TopicFactory(name="Security", translations={"ar": {"name": "الأمن"}, "ru": {"name": "Безопасность"}})

    page = admin_client.get(f"/admin/taxonomies/topic/{topic.pk}/change/").content.decode()
    assert 'value="الأمن"' in page

    admin_client.post(
        f"/admin/taxonomies/topic/{topic.pk}/change/",
        {"name": "Security", "slug": topic.slug, "description": "", "translation_ru_name": "Безопасность"},
    )
    topic.refresh_from_db()
    assert topic.translations == {"ru": {"name": "Безопасность"}}


def test_the_admin_refuses_a_bio_nested_too_deeply_and_keeps_what_was_typed(admin_client):
    person = PersonFactory(name="Mikhail Zarubin")
    deep = "<div>" * 250 + "Био" + "</div>" * 250

    response = admin_client.post(
        f"/admin/people/person/{person.pk}/change/",
        {
            "name": person.name,
            "sort_name": person.sort_name,
            "slug": person.slug,
            "kind": "expert",
            "is_current": "on",
            "has_profile": "on",
            "translation_ru_name": "Михаил Зарубин",
            "translation_ru_bio": deep,
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "nests too deeply" in " ".join(form.errors["translation_ru_bio"])
    assert 'value="Михаил Зарубин"' in response.content.decode()
    person.refresh_from_db()
    assert person.translations == {}


def test_the_admin_saves_a_persons_name_title_line_and_bios_per_language(admin_client):
    person = PersonFactory(name="Mikhail Zarubin")

    response = admin_client.post(
        f"/admin/people/person/{person.pk}/change/",
        {
            "name": person.name,
            "sort_name": person.sort_name,
            "slug": person.slug,
            "kind": "expert",
            "is_current": "on",
            "has_profile": "on",
            "translation_ru_name": "Михаил Зарубин",
            "translation_ru_title_line": "Старший научный сотрудник",
            "translation_ru_short_bio": "Исследует внешнюю политику.",
            "translation_ru_bio": "<p>Исследует <script>x</script>внешнюю политику.</p>",
            "affiliations-TOTAL_FORMS": "0",
            "affiliations-INITIAL_FORMS": "0",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    person.refresh_from_db()
    assert person.translations == {
        "ru": {
            "name": "Михаил Зарубин",
            "title_line": "Старший научный сотрудник",
            "short_bio": "Исследует внешнюю политику.",
            "bio": "<p>Исследует внешнюю политику.</p>",
        }
    }


def test_a_name_only_in_another_script_needs_a_latin_sort_name():
    person = Person(name="Мария Липман", slug="maria-lipman")

    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "Give the name in Latin letters for A–Z lists" in " ".join(refused.value.message_dict["sort_name"])

    person.sort_name = "Lipman, Maria"
    person.full_clean()


def test_rows_without_translations_store_an_empty_object():
    assert Topic.objects.create(name="Climate").translations == {}


def test_a_person_an_editor_may_not_change_shows_the_translations_read_only(editor_client):
    person = PersonFactory(name="Yasmine Tabbara", has_profile=True, translations={"ar": {"name": "ياسمين طبارة"}})

    page = editor_client.get(f"/admin/people/person/{person.pk}/change/").content.decode()

    assert "ياسمين طبارة" in page
    assert 'name="translation_ar_name"' not in page
