"""A row's texts in the other interface languages: the JSON column, its checks, and its admin fields.

`TranslationsField` holds `{"ar": {"name": "…", "description": "<p>…</p>"}, "ru": {…}}`: one
entry per language of settings.LANGUAGES other than English (`cms.kit.translations`), each with
the keys the model declares. Rich-text keys are sanitized on every save with the profile of the
English column (the same allow-list, the same nesting guard), so a translated bio is exactly as
safe as the English one. Reading is `cms.kit.translations.localized`.

`TranslationsFormMixin` gives a ModelForm one field per language and key, read from and written
to the JSON, and `translation_fieldsets` one collapsed fieldset per language for its admin: a
language added to settings.LANGUAGES gets its fieldset with no code.
"""

from __future__ import annotations

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import models

from cms.kit.translations import translation_languages
from cms.richtext.editor import BASIC, RichTextWidget
from cms.richtext.sanitizer import NESTED_TOO_DEEPLY, sanitize_html, too_deeply_nested


class TranslationsField(models.JSONField):
    """Per-language texts of a row (see the module's docstring); `{}` when there are none.

    `fields`: the translatable keys with their form field labels and maximum lengths
    (`{"name": 200, "description": None}`); `rich_fields`: those holding rich text, sanitized
    with `profile`. Neither is in migrations: they change no column.
    """

    def __init__(self, *args, fields=None, rich_fields=(), profile: str = BASIC, **kwargs):
        self.fields = dict(fields or {})
        self.rich_fields = tuple(rich_fields)
        self.profile = profile
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def sanitized(self, value):
        """The value with its rich-text keys sanitized and empty texts dropped (a non-dict is left alone)."""
        if not isinstance(value, dict):
            return value
        cleaned = {}
        for language, entry in value.items():
            if not isinstance(entry, dict):
                cleaned[language] = entry
                continue
            texts = {}
            for key, text in entry.items():
                if isinstance(text, str):
                    text = sanitize_html(text, profile=self.profile) if key in self.rich_fields else text.strip()
                    if not text:
                        continue
                texts[key] = text
            if texts:
                cleaned[language] = texts
        return cleaned

    def pre_save(self, model_instance, add):
        value = self.sanitized(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        # update() and bulk_update() skip pre_save; every write passes here (as RichTextField does).
        return super().get_db_prep_save(self.sanitized(value), connection)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        problems = translation_problems(value, fields=self.fields, rich_fields=self.rich_fields)
        if problems:
            raise ValidationError(problems, code="invalid_translations")


def translation_problems(value, *, fields: dict, rich_fields=()) -> list[str]:
    """Why `value` cannot be stored as a row's translations, one sentence each ([] when it can)."""
    if value in (None, ""):
        return []
    if not isinstance(value, dict):
        return ['Translations must be an object keyed by language code, e.g. {"ar": {"name": "…"}}.']
    known = dict(translation_languages())
    offered = ", ".join(f"{name} ({code})" for code, name in known.items())
    problems = []
    for language, entry in value.items():
        if language not in known:
            problems.append(f"“{language}” is not a language of the site; translations can be given in {offered}.")
            continue
        where = f"the {known[language]} translation"
        if not isinstance(entry, dict):
            problems.append(f'{where.capitalize()} must be an object of texts, e.g. {{"name": "…"}}.')
            continue
        for key, text in entry.items():
            if key not in fields:
                problems.append(
                    f"“{key}” cannot be translated ({where}); the translated texts are {', '.join(fields)}."
                )
            elif not isinstance(text, str):
                problems.append(f"The {key} of {where} must be text.")
            elif fields[key] and len(text.strip()) > fields[key]:
                problems.append(
                    f"The {key} of {where} is {len(text.strip())} characters long; at most {fields[key]} fit."
                )
            elif key in rich_fields and too_deeply_nested(text):
                problems.append(f"The {key} of {where}: {NESTED_TOO_DEEPLY}")
    return problems


def form_field_name(language: str, key: str) -> str:
    return f"translation_{language.replace('-', '_')}_{key}"


class TranslationsFormMixin:
    """ModelForm fields for each language × translated key, read from and written to `translations`.

    `translation_labels` names the keys for editors (`{"name": "Name", "bio": "Full bio"}`);
    `translation_help` optionally explains one. A key's field is a rich-text editor when the
    model field says it holds rich text, a textarea for `translation_textareas`, else one line.
    Errors land on the field they are about, and the form keeps what the editor typed.
    """

    translation_labels: dict[str, str] = {}
    translation_help: dict[str, str] = {}
    translation_textareas: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model_field = self._meta.model._meta.get_field("translations")
        stored = self.instance.translations if isinstance(self.instance.translations, dict) else {}
        for language, name in translation_languages():
            for key, max_length in model_field.fields.items():
                label = f"{self.translation_labels.get(key, key.replace('_', ' ').capitalize())} ({name})"
                if key in model_field.rich_fields:
                    field = forms.CharField(
                        label=label, required=False, widget=RichTextWidget(profile=model_field.profile)
                    )
                else:
                    widget = forms.Textarea(attrs={"rows": 3}) if key in self.translation_textareas else None
                    field = forms.CharField(label=label, required=False, max_length=max_length, widget=widget)
                field.help_text = self.translation_help.get(key, "")
                entry = stored.get(language)
                field.initial = entry.get(key, "") if isinstance(entry, dict) else ""
                self.fields[form_field_name(language, key)] = field

    def clean(self):
        cleaned = super().clean()
        model_field = self._meta.model._meta.get_field("translations")
        translations = {}
        for language, _name in translation_languages():
            entry = {}
            for key in model_field.fields:
                name = form_field_name(language, key)
                text = (self.cleaned_data.get(name) or "").strip()
                if key in model_field.rich_fields and too_deeply_nested(text):
                    self.add_error(name, NESTED_TOO_DEEPLY)
                    continue
                if text:
                    entry[key] = text
            if entry:
                translations[language] = entry
        # Languages no longer in settings.LANGUAGES have no fields: their texts go with this save.
        self.translations = model_field.sanitized(translations)
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if hasattr(self, "translations"):
            self.instance.translations = self.translations


def translation_fieldsets(model) -> list[tuple[str, dict]]:
    """One collapsed admin fieldset per translation language, with that language's fields."""
    keys = list(model._meta.get_field("translations").fields)
    return [
        (
            f"In {name}",
            {
                "classes": ["collapse"],
                "description": (
                    f"What readers of the {name} pages see. Leave a text blank to show the English one, "
                    "marked as English."
                ),
                "fields": [form_field_name(code, key) for key in keys],
            },
        )
        for code, name in translation_languages()
    ]


def is_translation_field(name: str) -> bool:
    return name.startswith("translation_")


class TranslationsAdminMixin:
    """A ModelAdmin whose form mixes in TranslationsFormMixin: its fieldsets end with one per language.

    The per-language fields are made by the form itself, so they are kept out of the field list
    handed to Django's form factory (which knows only the model's and the declared fields).
    """

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), *translation_fieldsets(self.model)]

    def __getattr__(self, name):
        # A read-only page (no change permission) shows each per-language field through the
        # admin: Django looks a read-only name up on the model admin when the model lacks it.
        if is_translation_field(name):
            keys = self.model._meta.get_field("translations").fields
            for code, _name in translation_languages():
                for key in keys:
                    if form_field_name(code, key) == name:
                        return lambda obj: ((obj.translations or {}).get(code) or {}).get(key, "")
        raise AttributeError(name)

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The change view passes the flattened fieldsets, ours included; other callers pass none.
        fields = kwargs["fields"] if "fields" in kwargs else flatten_fieldsets(super().get_fieldsets(request, obj))
        if fields is not None:
            kwargs["fields"] = [name for name in fields if not is_translation_field(name)]
        return super().get_form(request, obj, change, **kwargs)
