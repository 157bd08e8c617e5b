# The house redesign: the platform's models moved to small apps under cms/ (taxonomies, media,
# audit, pagecache) and content types and disclaimers to publications. No table moves: the new
# apps' first migrations take the existing `cms_*` tables over in Django's state only, and this
# one drops the old models from the `cms` app's state. Content types are renamed (same ids), so
# permissions, groups' rights, keywords on images, admin history and audit entries follow.

from django.db import migrations

MOVED = {
    "center": "taxonomies",
    "topic": "taxonomies",
    "region": "taxonomies",
    "program": "taxonomies",
    "project": "taxonomies",
    "collection": "taxonomies",
    "newsletter": "taxonomies",
    "image": "media",
    "auditentry": "audit",
    "pendingpurge": "pagecache",
    "publicationtype": "publications",
    "disclaimer": "publications",
}


def _relabel(apps, moves):
    from django.contrib.contenttypes.models import ContentType as LiveContentType

    ContentType = apps.get_model("contenttypes", "ContentType")
    for model, (old_label, new_label) in moves.items():
        if ContentType.objects.filter(app_label=new_label, model=model).exists():
            continue  # already there (created by hand or by an earlier run): keep it, leave the old one
        ContentType.objects.filter(app_label=old_label, model=model).update(app_label=new_label)
    LiveContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _relabel(apps, {model: ("cms", label) for model, label in MOVED.items()})


def backwards(apps, schema_editor):
    _relabel(apps, {model: (label, "cms") for model, label in MOVED.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cms', '0007_explicit_offsite_links'),
        ('taxonomies', '0001_initial'),
        ('media', '0001_initial'),
        ('audit', '0001_initial'),
        ('pagecache', '0001_initial'),
        ('publications', '0009_platform_apps'),
        ('people', '0004_platform_apps'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Disclaimer'),
                migrations.DeleteModel(name='AuditEntry'),
                migrations.DeleteModel(name='Image'),
                migrations.DeleteModel(name='Project'),
                migrations.DeleteModel(name='Region'),
                migrations.DeleteModel(name='Center'),
                migrations.DeleteModel(name='Topic'),
                migrations.DeleteModel(name='Program'),
                migrations.DeleteModel(name='Collection'),
                migrations.DeleteModel(name='Newsletter'),
                migrations.DeleteModel(name='PublicationType'),
                migrations.DeleteModel(name='PendingPurge'),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
