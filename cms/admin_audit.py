"""The audit log for what staff change through the admin: people, images, terms, users and groups.

Publications are audited by their services (publications/services.py); every other model that
changes what the site shows, or who may change it, is audited here. Django calls `log_addition`
and `log_change` inside the save's transaction, and the deletes below open one around the entry
and the delete, so an entry is never written for a change that did not happen, nor the reverse.
"""

import json

from django.contrib.admin.models import LogEntry
from django.db import router, transaction

from cms.models import AuditEntry, record_audit


def change_text(message) -> str:
    """Django's change message (a JSON list naming the changed fields and inline rows) as a sentence."""
    if isinstance(message, list):
        message = json.dumps(message)
    return LogEntry(change_message=message or "").get_change_message() or "Saved without changes."


class AuditedAdminMixin:
    """Mix into a ModelAdmin (before it) to audit every add, change and delete made through it."""

    def log_addition(self, request, obj, message):
        record_audit(actor=request.user, action=AuditEntry.Action.CREATE, obj=obj, message=change_text(message))
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        record_audit(actor=request.user, action=AuditEntry.Action.EDIT, obj=obj, message=change_text(message))
        return super().log_change(request, obj, message)

    def delete_model(self, request, obj):
        with transaction.atomic(using=router.db_for_write(self.model)):
            record_audit(actor=request.user, action=AuditEntry.Action.DELETE, obj=obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        # The "delete selected" action runs outside a transaction of its own.
        with transaction.atomic(using=router.db_for_write(self.model)):
            for obj in queryset:
                record_audit(actor=request.user, action=AuditEntry.Action.DELETE, obj=obj)
            super().delete_queryset(request, queryset)
