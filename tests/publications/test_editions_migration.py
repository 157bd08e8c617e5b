"""Migration 0010 brings translation links made before the rules of a work into line, then adds the constraint."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from publications.models import Publication

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("publications", "0009_platform_apps")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_chains_are_straightened_and_a_second_edition_in_one_language_is_unlinked(capsys):
    old = migrate(BEFORE)
    OldPublication = old.get_model("publications", "Publication")
    kind = old.get_model("publications", "PublicationType").objects.create(label="Commentary", slug="commentary")

    def piece(slug, language, original=None):
        return OldPublication.objects.create(
            title=slug, slug=slug, publication_type=kind, language=language, translation_of=original
        )

    original = piece("original", "en")
    arabic = piece("arabic", "ar", original)
    french_of_arabic = piece("french", "fr", arabic)  # a chain
    second_arabic = piece("arabic-again", "ar", original)  # a second Arabic edition
    english = piece("english", "en", original)  # in its original's language

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    links = dict(Publication.objects.values_list("slug", "translation_of__slug"))
    assert links == {
        "original": None,
        "arabic": "original",
        "french": "original",
        "arabic-again": None,
        "english": None,
    }
    printed = capsys.readouterr().out
    assert (
        f"publications {french_of_arabic.pk}: was an edition of an edition; now an edition of {original.pk}" in printed
    )
    assert f"publications {second_arabic.pk}: a second edition in ar of {original.pk}; unlinked" in printed
    assert f"publications {english.pk}: in its original's language; unlinked" in printed
    assert Publication.objects.get(pk=arabic.pk).source_revision is None
