"""Rewrite links stored before saves made them explicit: "//evil.example/x" and "/\\evil.example/x"
looked like pages of the site but led off it. They become "https://evil.example/x" (issue 13)."""

from django.db import migrations

from cms.richtext.fields import make_app_links_explicit


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0007_legacy_import_written_state"),
    ]

    operations = [
        migrations.RunPython(make_app_links_explicit("publications"), migrations.RunPython.noop, elidable=True),
    ]
