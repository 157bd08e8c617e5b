"""Snapshots of a publication, one per save (publications/revisions.py takes and restores them)."""

from django.conf import settings
from django.db import models

from publications.models.publication import Publication


class Revision(models.Model):
    """A snapshot of a publication after a save: every field, its contributors and taxonomies.

    Revisions are only ever added: restoring an old one writes a new revision.
    """

    class Kind(models.TextChoices):
        SAVE = "save", "Saved"
        AUTOSAVE = "autosave", "Autosaved"
        RESTORE = "restore", "Restored"
        PUBLISH = "publish", "Published"

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="revisions")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.SAVE)
    version = models.PositiveIntegerField(help_text="The publication's version this snapshot was taken at.")
    data = models.JSONField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["publication", "-created_at"], name="revision_pub_idx")]

    def __str__(self):
        return f"{self.publication} · {self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"
