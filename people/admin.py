from django.contrib import admin
from django.db.models import Prefetch

from cms.admin_inlines import LabelledTabularInline
from people.models import Affiliation, Person, PersonLink


class AffiliationInline(LabelledTabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["center"]
    fields = ["title_line", "center", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("center")


class PersonLinkInline(LabelledTabularInline):
    model = PersonLink
    extra = 0
    fields = ["label", "url", "position"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "main_title", "kind", "is_current", "has_profile", "updated_at"]
    list_filter = ["kind", "is_current", "has_profile", "affiliations__center", "topics", "regions"]
    search_fields = ["name", "sort_name", "slug", "affiliations__title_line"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["headshot", "topics", "regions"]
    inlines = [AffiliationInline, PersonLinkInline]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "kind", "is_current", "has_profile"]}),
        ("Biography", {"fields": ["short_bio", "bio"]}),
        ("Headshot", {"fields": ["headshot", "headshot_credit", "headshot_alt"]}),
        ("Expertise", {"fields": ["topics", "regions", "languages"]}),
        ("Contact (not public)", {"fields": ["email"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(
            Prefetch("affiliations", queryset=Affiliation.objects.order_by("position", "pk"))
        )

    @admin.display(description="title")
    def main_title(self, person):
        return person.title_line
