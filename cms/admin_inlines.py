"""Inline formsets for the admin that screen readers can use."""

from django.contrib import admin
from django.utils.text import capfirst


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
