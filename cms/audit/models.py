"""The audit log: who did what to which object, and when.

The table keeps its `cms_auditentry` name: the model moved here from the `cms` app without moving data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditEntry(models.Model):
    """Who did what to which object, and when. Written by services in the same transaction (cms/audit/services.py)."""

    class Action(models.TextChoices):
        CREATE = "create", pgettext_lazy("audit log action", "Created")
        EDIT = "edit", pgettext_lazy("audit log action", "Edited")
        SUBMIT = "submit", pgettext_lazy("audit log action", "Submitted for review")
        REQUEST_CHANGES = "request_changes", pgettext_lazy("audit log action", "Requested changes")
        APPROVE = "approve", pgettext_lazy("audit log action", "Approved")
        PUBLISH = "publish", pgettext_lazy("audit log action", "Published")
        SCHEDULE = "schedule", pgettext_lazy("audit log action", "Scheduled")
        UNPUBLISH = "unpublish", pgettext_lazy("audit log action", "Unpublished")
        RESTORE = "restore", pgettext_lazy("audit log action", "Restored a revision")
        SHARE_PREVIEW = "share_preview", pgettext_lazy("audit log action", "Shared a preview link")
        WENT_LIVE = "went_live", pgettext_lazy("audit log action", "Went live on schedule")
        DELETE = "delete", pgettext_lazy("audit log action", "Deleted")

    at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("at"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
        verbose_name=_("actor"),
    )
    actor_name = models.CharField(
        max_length=150, blank=True, help_text=_("Kept if the account is deleted."), verbose_name=_("actor name")
    )
    action = models.CharField(max_length=30, choices=Action, db_index=True, verbose_name=_("action"))
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.PROTECT, related_name="+", verbose_name=_("content type")
    )
    object_id = models.CharField(max_length=64, db_index=True, verbose_name=_("object id"))
    object_repr = models.CharField(max_length=300, verbose_name=_("object repr"))
    message = models.TextField(blank=True, verbose_name=_("message"))

    class Meta:
        db_table = "cms_auditentry"  # the table the `cms` app created; moved without moving data
        ordering = ["-at", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_idx")]

    def __str__(self):
        return f"{self.actor_name or 'system'} · {self.get_action_display()} · {self.object_repr}"
