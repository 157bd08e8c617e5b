"""Admins of content types and disclaimers.

A disclaimer names its center itself, so its desk is decided here from `Center.staff` alone."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.audit.admin import AuditedAdminMixin
from cms.kit.admin import RefusesChangesMixin
from cms.taxonomies.models import Center
from cms.taxonomies.scope import EVERY_CENTER, center_scope
from publications.models import Disclaimer, PublicationType

DISCLAIMER_OFF_DESK = gettext_lazy(
    "This disclaimer covers pieces beyond your centers (another center's, or every center's), so only "
    "someone who works across centers, or a manager of that center, can change it."
)


def disclaimer_change_refusal(user, disclaimer) -> str | None:
    """A disclaimer is on its center's desk; one for every center is on no single desk."""
    scope = center_scope(user)
    if scope is EVERY_CENTER or (disclaimer.center_id is not None and disclaimer.center_id in scope):
        return None
    return str(DISCLAIMER_OFF_DESK)


@admin.register(PublicationType)
class PublicationTypeAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ["label", "plural_label", "slug", "order", "shows_source", "legacy_key"]
    list_editable = ["order"]
    search_fields = ["label", "slug", "legacy_key"]
    prepopulated_fields = {"slug": ["label"]}


class DisclaimerForm(forms.ModelForm):
    user = None  # set per request by DisclaimerAdmin.get_form

    class Meta:
        model = Disclaimer
        fields = "__all__"

    def clean_center(self):
        center = self.cleaned_data.get("center")
        scope = center_scope(self.user) if self.user is not None else EVERY_CENTER
        if scope is not EVERY_CENTER and (center is None or center.pk not in scope):
            names = ", ".join(Center.objects.filter(pk__in=scope).values_list("name", flat=True))
            raise ValidationError(
                _(
                    "You work for %(centers)s: a disclaimer you write covers one of your centers. "
                    "One for another center, or for every center, is written by someone who works across centers."
                )
                % {"centers": names}
            )
        return center


@admin.register(Disclaimer)
class DisclaimerAdmin(AuditedAdminMixin, RefusesChangesMixin, admin.ModelAdmin):
    form = DisclaimerForm
    list_display = ["name", "scope", "center", "publication_type"]
    list_filter = ["center", "publication_type"]
    list_select_related = ["center", "publication_type"]
    search_fields = ["name", "text"]
    autocomplete_fields = ["center", "publication_type"]

    def change_refusal(self, request, obj):
        # Legal wording on another center's pieces (or on every piece) is not one desk's to change.
        return disclaimer_change_refusal(request.user, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    @admin.display(description=gettext_lazy("covers"))
    def scope(self, disclaimer):
        return disclaimer.scope_label
