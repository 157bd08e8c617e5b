"""The audit log: who did what to which object, and when.

The table keeps its `cms_auditentry` name: the model moved here from the `cms` app without moving data."""

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """Who did what to which object, and when. Written by services in the same transaction (cms/audit/services.py)."""

    class Action(models.TextChoices):
        CREATE = "create", "Created"
        EDIT = "edit", "Edited"
        SUBMIT = "submit", "Submitted for review"
        REQUEST_CHANGES = "request_changes", "Requested changes"
        APPROVE = "approve", "Approved"
        PUBLISH = "publish", "Published"
        SCHEDULE = "schedule", "Scheduled"
        UNPUBLISH = "unpublish", "Unpublished"
        RESTORE = "restore", "Restored a revision"
        SHARE_PREVIEW = "share_preview", "Shared a preview link"
        WENT_LIVE = "went_live", "Went live on schedule"
        DELETE = "delete", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_entries"
    )
    actor_name = models.CharField(max_length=150, blank=True, help_text="Kept if the account is deleted.")
    action = models.CharField(max_length=30, choices=Action, db_index=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=300)
    message = models.TextField(blank=True)

    class Meta:
        db_table = "cms_auditentry"  # the table the `cms` app created; moved without moving data
        ordering = ["-at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_object_idx")]

    def __str__(self):
        return f"{self.actor_name or 'system'} · {self.get_action_display()} · {self.object_repr}"
