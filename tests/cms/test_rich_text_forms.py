"""Every form that edits rich text refuses markup nested too deep to sanitize, before a save sanitizes it."""

import time

import pytest
from django.apps import apps
from django.forms import modelform_factory
from django.urls import reverse

from cms.richtext.fields import RichTextField
from publications.models import Publication
from tests.factories import DisclaimerFactory, PublicationFactory
from tests.publications.test_workflow_admin import change_form_data

pytestmark = pytest.mark.django_db

DEEP = "<div>" * 200_000  # 1 MB; the sanitizer would take a minute and a half over it

RICH_TEXT_FIELDS = [
    (model, field.name)
    for model in apps.get_models()
    for field in model._meta.get_fields()
    if isinstance(field, RichTextField)
]


@pytest.mark.parametrize(
    ("model", "name"), RICH_TEXT_FIELDS, ids=[f"{model._meta.label}.{name}" for model, name in RICH_TEXT_FIELDS]
)
def test_every_rich_text_form_field_refuses_html_nested_too_deep_with_a_reason(model, name):
    form = modelform_factory(model, fields=[name])(data={name: DEEP})

    started = time.perf_counter()
    assert not form.is_valid()
    assert time.perf_counter() - started < 2
    assert "nests too deeply" in " ".join(form.errors[name])


def test_self_closed_divs_are_refused_by_the_form_too():
    form = modelform_factory(Publication, fields=["body"])(data={"body": "<div/>" * 200_000})

    assert not form.is_valid() and "nests too deeply" in " ".join(form.errors["body"])


def test_ordinary_rich_text_passes_the_form():
    body = "<blockquote><p>A quote with <strong>bold</strong> words.</p></blockquote>" * 1_000
    form = modelform_factory(Publication, fields=["body"])(data={"body": body})

    assert form.is_valid(), form.errors


def test_saving_a_deeply_nested_body_in_the_admin_shows_a_form_error_and_keeps_the_text(admin_client):
    DisclaimerFactory(name="Site default")
    piece = PublicationFactory(body="<p>The text before.</p>")

    started = time.perf_counter()
    response = admin_client.post(
        reverse("admin:publications_publication_change", args=[piece.pk]), change_form_data(piece, body=DEEP)
    )

    assert time.perf_counter() - started < 5
    assert response.status_code == 200  # the form again, not a redirect
    assert "nests too deeply" in response.content.decode()
    assert response.context["adminform"].form["body"].value() == DEEP  # the editor gets the text back
    piece.refresh_from_db()
    assert piece.body == "<p>The text before.</p>"
