"""The rich-text model field: edited with the admin's editor, sanitized whenever it is saved."""

from django import forms
from django.db import models

from cms.richtext.editor import BASIC, RichTextWidget
from cms.richtext.sanitizer import make_stored_links_explicit, sanitize_html, validate_nesting


class RichTextFormField(forms.CharField):
    """A rich-text field's form field: its HTML is checked for nesting before a save sanitizes it."""

    default_validators = (validate_nesting,)


class RichTextField(models.TextField):
    """A TextField of HTML, edited with the admin's editor and sanitized whenever it is saved.

    `profile` (cms.richtext.editor.FULL or BASIC) decides both the editor's toolbar and what is kept.
    It is left out of migrations: it changes no column.
    """

    def __init__(self, *args, profile: str = BASIC, **kwargs):
        self.profile = profile
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # The admin passes its plain textarea for every TextField; editors get the editor instead.
        if not isinstance(kwargs.get("widget"), RichTextWidget):
            kwargs["widget"] = RichTextWidget(profile=self.profile)
        # Every form that edits rich text (admin change forms, inlines) refuses markup nested
        # past what the sanitizer parses quickly: the save would sanitize it for minutes.
        kwargs.setdefault("form_class", RichTextFormField)
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        cleaned = sanitize_html(getattr(model_instance, self.attname) or "", profile=self.profile)
        setattr(model_instance, self.attname, cleaned)
        return cleaned

    def get_db_prep_save(self, value, connection):
        # QuerySet.update() and bulk_update() never call pre_save, but every write passes
        # here, so no write path (importer, script, data migration) can store unsafe HTML.
        if isinstance(value, str):
            value = sanitize_html(value, profile=self.profile)
        return super().get_db_prep_save(value, connection)


def make_app_links_explicit(app_label: str):
    """A RunPython function rewriting disguised links in every rich-text column of `app_label`."""

    def migrate(apps, schema_editor):
        for model in apps.get_app_config(app_label).get_models():
            names = [field.name for field in model._meta.local_fields if isinstance(field, RichTextField)]
            if names:
                make_stored_links_explicit(model, names)

    return migrate
