"""Snapshots of a publication, one per save (publications/revisions.py takes and restores them)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from publications.models.publication import Publication


class Revision(models.Model):
    """A snapshot of a publication after a save: every field, its contributors and taxonomies.

    Revisions are only ever added: restoring an old one writes a new revision.
    """

    class Kind(models.TextChoices):
        SAVE = "save", pgettext_lazy("revision", "Saved")
        AUTOSAVE = "autosave", pgettext_lazy("revision", "Autosaved")
        RESTORE = "restore", pgettext_lazy("revision", "Restored")
        PUBLISH = "publish", pgettext_lazy("revision", "Published")

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("publication")
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.SAVE, verbose_name=_("kind"))
    version = models.PositiveIntegerField(
        help_text=_("The publication's version this snapshot was taken at."), verbose_name=_("version")
    )
    data = models.JSONField()
    note = models.CharField(max_length=300, blank=True, verbose_name=_("note"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        indexes = [models.Index(fields=["publication", "-created_at"], name="revision_pub_idx")]

    def __str__(self):
        return f"{self.publication} · {self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"
