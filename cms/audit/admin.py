"""The audit log for what staff change through the admin: people, images, terms, users and groups.

Publications are audited by their services (publications/workflow/ and the revision and share-link services); every other model that
changes what the site shows, or who may change it, is audited here. Django calls `log_addition`
and `log_change` inside the save's transaction; deletes go through `cms/audit/services.py:delete_audited`,
which writes the entries and deletes in one transaction, so an entry is never written for a
change that did not happen, nor the reverse.
"""

import json

from django.contrib import admin
from django.contrib.admin.models import LogEntry

from cms.audit.models import AuditEntry
from cms.audit.services import delete_audited, record_audit


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
        delete_audited(objects=[obj], by=request.user)

    def delete_queryset(self, request, queryset):
        # The "delete selected" action runs outside a transaction of its own: the service opens one.
        delete_audited(objects=queryset, by=request.user)


class AuditEntryAdmin(admin.ModelAdmin):
    """The audit log is read-only: entries are written by services, never by hand.

    Entries name pieces, and a center's staff read only their own desk's: publications/admin/audit.py
    registers a subclass that narrows the list (imports point down).
    """

    list_display = ["at", "actor_name", "action", "content_type", "object_repr", "message"]
    list_filter = ["action", ("actor", admin.RelatedOnlyFieldListFilter), "content_type", "at"]
    date_hierarchy = "at"
    search_fields = ["object_repr", "message", "actor_name"]
    list_select_related = ["content_type"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
