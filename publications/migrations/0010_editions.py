"""Editions of one work (issue 15): the source revision the tracker reads, and one edition per language.

Links made before these rules may break them, and the constraint cannot be added over them:
first an edition of an edition is relinked to the original at the top of its chain, then,
of two or more editions of one original in one language, the oldest keeps the link and the
others lose it (they stay as pieces of their own, nothing is deleted), and a piece in its
original's language loses it too. What was changed is printed, one `pk: reason` line each.
"""

import django.db.models.deletion
from django.db import migrations, models


def straighten_works(apps, schema_editor):
    Publication = apps.get_model("publications", "Publication")
    links = dict(Publication.objects.filter(translation_of__isnull=False).values_list("pk", "translation_of_id"))
    if not links:
        return
    notes = []
    for pk, target in sorted(links.items()):
        seen = {pk}
        while target in links and target not in seen:
            seen.add(target)
            target = links[target]
        if target in seen:  # a loop: nothing in it is an original
            Publication.objects.filter(pk=pk).update(translation_of=None)
            notes.append(f"{pk}: its translation links form a loop; unlinked")
        elif target != links[pk]:
            Publication.objects.filter(pk=pk).update(translation_of=target)
            notes.append(f"{pk}: was an edition of an edition; now an edition of {target}")
    editions = (
        Publication.objects.filter(translation_of__isnull=False, draft_of__isnull=True)
        .select_related("translation_of")
        .order_by("translation_of_id", "language", "created_at", "pk")
    )
    kept = set()
    for edition in editions:
        key = (edition.translation_of_id, edition.language)
        if edition.language == edition.translation_of.language:
            reason = "in its original's language"
        elif key in kept:
            reason = f"a second edition in {edition.language} of {edition.translation_of_id}"
        else:
            kept.add(key)
            continue
        Publication.objects.filter(pk=edition.pk).update(translation_of=None)
        notes.append(f"{edition.pk}: {reason}; unlinked")
    for note in notes:
        print(f"\n  publications {note}", end="")
    if notes and schema_editor.connection.vendor == "postgresql":
        # The updates left foreign-key checks pending, and PostgreSQL alters no table with
        # checks pending (the constraint below, the new column's key): run them now.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        schema_editor.execute("SET CONSTRAINTS ALL DEFERRED")


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0009_platform_apps"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="source_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="The revision of the original this edition was translated from.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="publications.revision",
            ),
        ),
        migrations.RunPython(straighten_works, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="publication",
            constraint=models.UniqueConstraint(
                condition=models.Q(("draft_of__isnull", True), ("translation_of__isnull", False)),
                fields=("translation_of", "language"),
                name="one_edition_per_language",
            ),
        ),
    ]
