"""Collections' admin: registered in publications, not in cms/, because its ordered items are publications."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cms.audit.admin import AuditedAdminMixin
from cms.kit.admin import LabelledTabularInline, RefusesChangesMixin
from cms.richtext.translations import TranslationsAdminMixin
from cms.taxonomies.admin import TaxonomyAdminForm
from cms.taxonomies.models import Collection
from cms.taxonomies.scope import EVERY_CENTER, center_scope
from publications.models import CollectionItem, Publication
from publications.scope import collection_center_ids, covers, referable

COLLECTION_OFF_DESK = _(
    "This collection holds pieces of other centers, so it is on their desks as well as yours: only "
    "someone who works across centers can change it."
)


@admin.register(Collection)
class CollectionAdmin(TranslationsAdminMixin, AuditedAdminMixin, RefusesChangesMixin, admin.ModelAdmin):
    """Registered here, not in cms/, because its ordered items are publications.

    A collection is on the desks of its pieces (scope.collection_center_ids), as it is when a
    piece is put into it from the piece's page: a center's staff, managers included, change only
    collections on their desk, or the other door would let a center's manager curate another's.
    """

    class ItemInline(LabelledTabularInline):
        model = CollectionItem
        extra = 0
        autocomplete_fields = ["publication"]
        fields = ["position", "publication"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications (in curated order: lowest position first)")

        def get_queryset(self, request):
            items = super().get_queryset(request).select_related("publication", "collection")
            if center_scope(request.user) is EVERY_CENTER:
                return items
            # Another center's unpublished pieces stay out of sight; saving leaves them in place.
            return items.filter(publication__in=referable(Publication.objects.all(), request.user))

        def formfield_for_foreignkey(self, db_field, request, **kwargs):
            if db_field.name == "publication":
                kwargs["queryset"] = referable(Publication.objects.all(), request.user)
            return super().formfield_for_foreignkey(db_field, request, **kwargs)

    list_display = ["name", "slug"]
    form = TaxonomyAdminForm
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]
    inlines = [ItemInline]

    def change_refusal(self, request, obj):
        return None if covers(request.user, collection_center_ids(obj)) else str(COLLECTION_OFF_DESK)

    def has_delete_permission(self, request, obj=None):
        # The confirmation page lists every item: not for a desk that may not see them all.
        if obj is not None and center_scope(request.user) is not EVERY_CENTER:
            hidden = obj.items.exclude(publication__in=referable(Publication.objects.all(), request.user))
            if hidden.exists():
                return False
        return super().has_delete_permission(request, obj)
