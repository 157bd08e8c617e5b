"""Create the Editor and Manager groups with exactly the permissions their work needs."""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

VIEW = ["view"]
EDIT = ["add", "change", "view"]
FULL = ["add", "change", "delete", "view"]

EDITOR = {
    ("publications", "publication"): EDIT + ["submit_publication"],
    ("publications", "authorship"): FULL,
    ("publications", "collectionitem"): FULL,
    ("publications", "revision"): VIEW,
    ("people", "person"): EDIT,
    ("people", "affiliation"): FULL,
    ("people", "personlink"): FULL,
    ("media", "image"): EDIT,
    ("taxonomies", "center"): VIEW,
    ("taxonomies", "topic"): VIEW,
    ("taxonomies", "region"): VIEW,
    ("taxonomies", "program"): VIEW,
    ("taxonomies", "project"): VIEW,
    ("taxonomies", "collection"): VIEW,
    ("taxonomies", "newsletter"): VIEW,
    ("publications", "publicationtype"): VIEW,
    ("publications", "disclaimer"): VIEW,
    ("taggit", "tag"): VIEW,
}

MANAGER = {
    **EDITOR,
    ("publications", "publication"): FULL + ["submit_publication", "review_publication", "publish_publication"],
    ("people", "person"): FULL,
    ("media", "image"): FULL,
    ("taxonomies", "center"): FULL,
    ("taxonomies", "topic"): FULL,
    ("taxonomies", "region"): FULL,
    ("taxonomies", "program"): FULL,
    ("taxonomies", "project"): FULL,
    ("taxonomies", "collection"): FULL,
    ("taxonomies", "newsletter"): FULL,
    ("publications", "publicationtype"): FULL,
    ("publications", "disclaimer"): FULL,
    ("audit", "auditentry"): VIEW,
    # One row, neither added nor deleted (cms/sitesettings/admin.py).
    ("sitesettings", "sitesettings"): ["change", "view"],
    ("taggit", "tag"): FULL,
}

ROLES = {"Editor": EDITOR, "Manager": MANAGER}


def permissions_for(spec) -> list[Permission]:
    wanted = []
    for (app_label, model), actions in spec.items():
        for action in actions:
            codename = action if "_" in action else f"{action}_{model}"
            wanted.append((app_label, codename))
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in=[codename for _, codename in wanted]
        )
    }
    missing = [f"{app}.{codename}" for app, codename in wanted if (app, codename) not in found]
    if missing:
        raise LookupError(f"unknown permissions (run migrate first?): {', '.join(missing)}")
    return [found[key] for key in wanted]


class Command(BaseCommand):
    help = "Create or update the Editor and Manager groups with exactly their permissions (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        for name, spec in ROLES.items():
            group, created = Group.objects.get_or_create(name=name)
            permissions = permissions_for(spec)
            group.permissions.set(permissions)
            self.stdout.write(f"{name}: {'created' if created else 'updated'}, {len(permissions)} permissions")
