from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from cms.audit.admin import AuditedAdminMixin
from cms.kit.admin import LabelledTabularInline, RefusesChangesMixin
from cms.richtext.translations import TranslationsAdminMixin, TranslationsFormMixin
from people.models import Affiliation, Person, PersonLink

PROFILE_NEEDS_MANAGER = (
    "Only a manager can give a person a public profile page. Leave “public profile” unticked; "
    "a manager of your center ticks it when the profile is ready."
)


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


class PersonAdminForm(TranslationsFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = "__all__"

    translation_labels = {
        "name": "Name",
        "title_line": "Main title line",
        "short_bio": "Short bio",
        "bio": "Full bio",
    }
    translation_help = {
        "name": "In the language's own script, e.g. “Александр Баунов”. Sorting keeps the Latin sort name.",
        "title_line": "The first title line in this language, e.g. “Старший научный сотрудник, Центр Карнеги”.",
    }
    translation_textareas = ("short_bio",)

    may_make_public = True  # set per request by PersonAdmin.get_form

    def clean_has_profile(self):
        wanted = self.cleaned_data.get("has_profile")
        # clean_<field> runs before the form writes onto the instance: this is the stored value.
        already_public = self.instance.pk is not None and self.instance.has_profile
        if wanted and not already_public and not self.may_make_public:
            raise ValidationError(PROFILE_NEEDS_MANAGER)
        return wanted


class PersonAdmin(TranslationsAdminMixin, AuditedAdminMixin, RefusesChangesMixin, admin.ModelAdmin):
    form = PersonAdminForm
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
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("affiliations", queryset=Affiliation.objects.order_by("position", "pk")))
        )

    # Whether a person is on the public site, and on whose desk, depends on the pieces that name
    # them: publications/admin/people_and_images.py registers a subclass that decides both (imports point down).
    def change_refusal(self, request, obj) -> str | None:
        return None

    def may_make_public(self, request) -> bool:
        return True

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"may_make_public": self.may_make_public(request)})

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if not self.may_make_public(request):
            # An editor's new person has no public page until a manager gives them one.
            initial.setdefault("has_profile", False)
        return initial

    @admin.display(description="title")
    def main_title(self, person):
        return person.title_line
