"""Links stored before saves made them explicit are rewritten by a data migration (issue 13, item 8).

"//evil.example/x" and "/\\evil.example/x" look like pages of the site but lead off it; a save has
written them as "https://evil.example/x" since the fix, and the migrations rewrite what was stored
before. The migration function is called directly, on rows stored as they were before the fix.
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.db.models import TextField, Value

from cms.richtext.fields import RichTextField, make_app_links_explicit
from tests.factories import (
    CenterFactory,
    CollectionFactory,
    DisclaimerFactory,
    NewsletterFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

FACTORIES = [
    CenterFactory,
    CollectionFactory,
    DisclaimerFactory,
    NewsletterFactory,
    PersonFactory,
    ProgramFactory,
    ProjectFactory,
    PublicationFactory,
    RegionFactory,
    TopicFactory,
]
RICH_TEXT_COLUMNS = [
    (model, field.name)
    for model in apps.get_models()
    for field in model._meta.local_fields
    if isinstance(field, RichTextField)
]
DISGUISED = (
    '<p><a href="//evil.example/a" rel="noopener noreferrer">one</a> '
    '<a href="/\\evil.example/b?q=1&amp;r=\\2" rel="noopener noreferrer">two</a> '
    '<a href="/\t/evil.example/c" rel="noopener noreferrer">three</a> '
    '<a href=" //evil.example/d" rel="noopener noreferrer">four</a></p>'
)
EXPLICIT = (
    '<p><a href="https://evil.example/a" rel="noopener noreferrer">one</a> '
    '<a href="https://evil.example/b?q=1&amp;r=\\2" rel="noopener noreferrer">two</a> '
    '<a href="https://evil.example/c" rel="noopener noreferrer">three</a> '
    '<a href="https://evil.example/d" rel="noopener noreferrer">four</a></p>'
)
ORDINARY = (
    '<p><a href="/publications/a-piece?x=1&amp;y=2" rel="noopener noreferrer">ours</a>, '
    '<a href="https://example.org/" rel="noopener noreferrer">theirs</a>, a backslash \\ in the text '
    'and an address written out: href="//evil.example/x".</p>'
)


def store_as_before_the_fix(instance, name, html):
    """Write `html` as it was stored before saves made links explicit (past today's sanitizer)."""
    type(instance)._base_manager.filter(pk=instance.pk).update(**{name: Value(html, output_field=TextField())})


def run_migrations():
    for app_label in sorted({model._meta.app_label for model, _ in RICH_TEXT_COLUMNS}):
        make_app_links_explicit(app_label)(apps, None)


def stored(instance, name):
    return type(instance)._base_manager.values_list(name, flat=True).get(pk=instance.pk)


def test_every_rich_text_column_has_a_factory_here():
    covered = {factory._meta.model for factory in FACTORIES}
    assert {model for model, _ in RICH_TEXT_COLUMNS} <= covered


@pytest.mark.parametrize(
    ("model", "name"), RICH_TEXT_COLUMNS, ids=[f"{model._meta.label}.{name}" for model, name in RICH_TEXT_COLUMNS]
)
def test_a_disguised_link_stored_before_the_fix_becomes_the_external_address_it_is(model, name):
    factory = next(factory for factory in FACTORIES if factory._meta.model is model)
    instance = factory()
    store_as_before_the_fix(instance, name, DISGUISED)

    run_migrations()

    assert stored(instance, name) == EXPLICIT


def test_ordinary_links_and_text_are_left_exactly_as_stored():
    person = PersonFactory()
    store_as_before_the_fix(person, "bio", ORDINARY)

    run_migrations()

    assert stored(person, "bio") == ORDINARY


def test_an_image_address_that_leaves_the_site_is_rewritten_too():
    piece = PublicationFactory()
    store_as_before_the_fix(piece, "body", '<figure><img src="//evil.example/pixel.png" alt="A chart"></figure>')

    run_migrations()

    assert stored(piece, "body") == '<figure><img src="https://evil.example/pixel.png" alt="A chart"></figure>'


def test_readers_see_the_external_address_on_the_public_page_after_the_migration(client):
    person = PersonFactory(has_profile=True)
    store_as_before_the_fix(person, "bio", DISGUISED)

    run_migrations()

    page = client.get(person.get_absolute_url()).content.decode()
    assert 'href="https://evil.example/a"' in page and 'href="//evil.example' not in page


def app_when_the_migration_ran(model) -> str:
    # The platform's models left the `cms` app after its migration had rewritten their columns; their
    # tables kept the `cms_` names.
    return "cms" if model._meta.db_table.startswith("cms_") else model._meta.app_label


@pytest.mark.parametrize("app_label", sorted({app_when_the_migration_ran(model) for model, _ in RICH_TEXT_COLUMNS}))
def test_each_app_with_rich_text_columns_has_the_migration(app_label):
    folder = Path(apps.get_app_config(app_label).path) / "migrations"
    migration = next(folder.glob("*_explicit_offsite_links.py"))
    assert f'make_app_links_explicit("{app_label}")' in migration.read_text()
