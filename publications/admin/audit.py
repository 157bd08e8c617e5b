"""The audit log admin, registered in publications so a center's staff read only their own desk's pieces."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from cms.audit.admin import AuditEntryAdmin
from cms.audit.models import AuditEntry
from cms.taxonomies.scope import EVERY_CENTER, center_scope
from publications.models import Publication
from publications.scope import scoped


@admin.register(AuditEntry)
class AuditLogOnDeskAdmin(AuditEntryAdmin):
    """The audit log narrowed to the reader's desk: registered here because entries name pieces."""

    def get_queryset(self, request):
        entries = super().get_queryset(request)
        if center_scope(request.user) is EVERY_CENTER:
            return entries
        # A center's staff read the history of their own desk's pieces, not other centers' titles.
        visible = scoped(Publication.objects.all(), request.user).annotate(key=Cast("pk", CharField())).values("key")
        publication_type = ContentType.objects.get_for_model(Publication)
        return entries.filter(~Q(content_type=publication_type) | Q(object_id__in=visible))
