from django.contrib import admin
from django.db.models import Prefetch

from cms.models import Collection, Region, descendant_region_ids
from publications.models import Authorship, CollectionItem, Publication


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    min_num = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person", "role", "title_line"]
    verbose_name = "contributor"
    verbose_name_plural = "contributors (byline order: lowest position first)"


class PublicationCollectionInline(admin.TabularInline):
    model = CollectionItem
    extra = 0
    autocomplete_fields = ["collection"]
    fields = ["collection", "position"]
    verbose_name = "collection"
    verbose_name_plural = "collections"


class RegionWithSubregionsFilter(admin.SimpleListFilter):
    """Filter by region the way readers find pieces: Europe includes Eastern Europe."""

    title = "region (with sub-regions)"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Region.objects.order_by("name").values_list("pk", "name")]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            region_id = int(self.value())
        except ValueError:
            return queryset.none()
        return queryset.filter(regions__in=descendant_region_ids([region_id])).distinct()


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "byline", "publication_type", "primary_center", "status", "publication_date", "updated_at"]
    list_filter = [
        "status",
        "publication_type",
        "primary_center",
        "centers",
        "topics",
        RegionWithSubregionsFilter,
        "language",
        "is_featured",
        "publication_date",
    ]
    list_select_related = ["publication_type", "primary_center"]
    search_fields = ["title", "dek", "slug", "authorships__person__name", "legacy_id"]
    search_help_text = "Search by title, dek, slug, author name or legacy id."
    date_hierarchy = "publication_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "publication_type",
        "primary_center",
        "centers",
        "programs",
        "projects",
        "regions",
        "topics",
        "newsletters",
        "lead_image",
        "translation_of",
    ]
    inlines = [AuthorshipInline, PublicationCollectionInline]
    readonly_fields = ["legacy_id", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "publication_type", "publication_date", "language", "status"]}),
        ("Body", {"fields": ["body"]}),
        ("Centers and taxonomies", {
            "fields": ["primary_center", "centers", "programs", "projects", "regions", "topics", "keywords"],
        }),
        ("Lead image", {"fields": ["lead_image", "lead_image_credit", "lead_image_alt"]}),
        ("Original source (for pieces that first appeared elsewhere)", {"fields": ["source_name", "source_url"]}),
        ("Home page, newsletters and translations", {
            "fields": ["is_featured", "newsletters", "translation_of"],
            "classes": ["collapse"],
        }),
        ("Scheduling", {"fields": ["go_live_at", "expire_at"], "classes": ["collapse"]}),
        ("Disclaimer", {"fields": ["disclaimer_override"], "classes": ["collapse"]}),
        ("Record", {"fields": ["legacy_id", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            Prefetch(
                "authorships",
                queryset=Authorship.objects.select_related("person").order_by("position", "pk"),
                to_attr="byline_rows",
            )
        )

    @admin.display(description="authors")
    def byline(self, publication):
        return ", ".join(row.person.name for row in getattr(publication, "byline_rows", []))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        publication = form.instance
        # Listings filter on `centers` alone, so the primary center must always be one of them.
        if publication.primary_center_id:
            publication.centers.add(publication.primary_center_id)


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    """Registered here, not in cms/, because its ordered items are publications."""

    class ItemInline(admin.TabularInline):
        model = CollectionItem
        extra = 0
        autocomplete_fields = ["publication"]
        fields = ["position", "publication"]
        verbose_name = "publication"
        verbose_name_plural = "publications (in curated order: lowest position first)"

    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]
    inlines = [ItemInline]
