"""Admin screens whose records some staff may read but not change, with the reason on screen."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.utils.text import capfirst


class RefusesChangesMixin:
    """Mix into a ModelAdmin (before it): `change_refusal` says why a user may not change a record.

    A refused record opens read-only with the reason above the form (Django then also shows its
    inlines read-only); a POST to its change or delete page is answered 403 with the reason.
    """

    def change_refusal(self, request, obj) -> str | None:
        raise NotImplementedError

    def cached_change_refusal(self, request, obj) -> str | None:
        # The admin asks several times per page (buttons, inlines, the save) and the answer costs queries.
        cache = request.__dict__.setdefault("_change_refusals", {})
        key = (obj._meta.label, obj.pk)
        if key not in cache:
            cache[key] = self.change_refusal(request, obj)
        return cache[key]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.pk is not None and self.cached_change_refusal(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.pk is not None and self.cached_change_refusal(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_deleted_objects(self, objs, request):
        # The "delete selected" action asks for no single record's permission: refuse it here.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if any(self.cached_change_refusal(request, obj) for obj in objs):
            perms_needed = {*perms_needed, str(self.model._meta.verbose_name)}
        return deleted, counts, perms_needed, protected

    def _refuse_or_explain(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        refusal = self.cached_change_refusal(request, obj) if obj is not None else None
        if refusal and request.method == "POST":
            raise PermissionDenied(refusal)
        return refusal

    def change_view(self, request, object_id, form_url="", extra_context=None):
        refusal = self._refuse_or_explain(request, object_id)
        if refusal:
            self.message_user(request, refusal, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        refusal = self._refuse_or_explain(request, object_id)
        if refusal:
            raise PermissionDenied(refusal)
        return super().delete_view(request, object_id, extra_context)


class LabelledTabularInline(admin.TabularInline):
    """A tabular inline whose inputs carry their column's label.

    Django shows a tabular inline's labels only as column headings, which assistive technology
    does not tie to the inputs below them: a screen reader announced the contributor's role and
    the delete box as unnamed controls (axe: select-name, label, label-title-only). Each input,
    the delete box included, is named after its column.
    """

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class LabelledFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                for field in form.fields.values():
                    if field.label:
                        field.widget.attrs.setdefault("aria-label", capfirst(field.label))

        LabelledFormSet.__name__ = formset.__name__
        return LabelledFormSet
