"""Search per language: the trigger parses each piece with its language's text-search configuration.

The configurations are PostgreSQL's own (snowball stemmers); languages without one get
'simple' (lower-cased words, no stemming). Chinese is cut into words in Python
(publications/segmentation.py) and stored in `search_words`; the trigger builds a 'simple'
vector from those words. Every vector also holds the piece's language as a lexeme ('lang ru'),
which search ANDs with each language's parse. The mapping is frozen here as migrations must be; a test checks
that it agrees with publications.search.SEARCH_CONFIGS for every content language.
"""

from django.db import migrations

import publications.segmentation

CONFIGS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "ru": "russian",
    "tr": "turkish",
    "ar": "arabic",
}
SEGMENTED = ["zh-hans"]

_CASE = " ".join(f"WHEN '{code}' THEN 'pg_catalog.{config}'" for code, config in CONFIGS.items())
_SEGMENTED = ", ".join(f"'{code}'" for code in SEGMENTED)

CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION publications_publication_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    config regconfig := (CASE NEW.language {_CASE} ELSE 'pg_catalog.simple' END)::regconfig;
BEGIN
    IF NEW.language IN ({_SEGMENTED}) AND coalesce(NEW.search_words, '') <> '' THEN
        NEW.search_vector :=
            setweight(to_tsvector('pg_catalog.simple', split_part(NEW.search_words, chr(30), 1)), 'A')
            || setweight(to_tsvector('pg_catalog.simple', split_part(NEW.search_words, chr(30), 2)), 'B')
            || setweight(to_tsvector('pg_catalog.simple', split_part(NEW.search_words, chr(30), 3)), 'C');
    ELSE
        NEW.search_vector :=
            setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(config, coalesce(NEW.dek, '')), 'B')
            || setweight(to_tsvector(config, coalesce(NEW.body, '')), 'C');
    END IF;
    -- The piece's language as a lexeme no reader's query can produce (it has a space), so that
    -- one GIN scan answers "this language's parse, in this language's pieces" (publications/search.py).
    NEW.search_vector := NEW.search_vector || array_to_tsvector(ARRAY['lang ' || NEW.language]);
    RETURN NEW;
END
$$;
"""

# As migration 0002 left it: every language parsed as English.
RESTORE_FUNCTION = """
CREATE OR REPLACE FUNCTION publications_publication_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.dek, '')), 'B')
        || setweight(to_tsvector('pg_catalog.english', coalesce(NEW.body, '')), 'C');
    RETURN NEW;
END
$$;
"""

# Every row gets its language lexeme; the trigger computes the vector.
REBUILD = "UPDATE publications_publication SET search_vector = NULL"


def fill_search_words(apps, schema_editor):
    Publication = apps.get_model("publications", "Publication")
    rows = list(Publication.objects.filter(language__in=SEGMENTED).only("pk", "language", "title", "dek", "body"))
    for row in rows:
        row.search_words = publications.segmentation.search_words(
            language=row.language, title=row.title, dek=row.dek, body=row.body
        )
    Publication.objects.bulk_update(rows, ["search_words"], batch_size=500)


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FUNCTION, params=None)
        schema_editor.execute(REBUILD, params=None)


def restore_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(RESTORE_FUNCTION, params=None)
        schema_editor.execute(REBUILD, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0010_editions"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="search_words",
            field=publications.segmentation.SearchWordsField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_words, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_function, restore_function, elidable=False),
    ]
