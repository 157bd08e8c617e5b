"""Full-text search: a stored, weighted search vector on publications, kept current by a trigger.

A trigger rather than a GeneratedField so that the weights can differ per field and later
changes (another language config, more fields) need only a new function body, not a rebuilt
column. On SQLite the column exists but stays NULL; search falls back to LIKE there.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

VECTOR = """
    setweight(to_tsvector('pg_catalog.english', coalesce({row}title, '')), 'A')
    || setweight(to_tsvector('pg_catalog.english', coalesce({row}dek, '')), 'B')
    || setweight(to_tsvector('pg_catalog.english', coalesce({row}body, '')), 'C')
"""

CREATE_TRIGGER = f"""
CREATE FUNCTION publications_publication_search_vector_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {VECTOR.format(row="NEW.")};
    RETURN NEW;
END
$$;

CREATE TRIGGER publications_publication_search_vector
BEFORE INSERT OR UPDATE ON publications_publication
FOR EACH ROW EXECUTE FUNCTION publications_publication_search_vector_update();

UPDATE publications_publication SET search_vector = {VECTOR.format(row="")};
"""

DROP_TRIGGER = """
DROP TRIGGER IF EXISTS publications_publication_search_vector ON publications_publication;
DROP FUNCTION IF EXISTS publications_publication_search_vector_update();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("publications", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="pub_search_vector_idx"),
        ),
        migrations.RunPython(create_trigger, drop_trigger, elidable=False),
    ]
