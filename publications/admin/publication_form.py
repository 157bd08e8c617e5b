"""The publication's form and its inlines: the byline and the collections a piece is in.

The form limits a center's staff to their own centers and runs the version check inside the
save's transaction (editing.check_publication_version), so a stale save is a form error.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.kit.admin import LabelledTabularInline
from cms.taxonomies.models import Center
from cms.taxonomies.scope import EVERY_CENTER, center_scope
from publications.editions import language_name
from publications.models import Authorship, CollectionItem, Publication
from publications.scope import collection_center_ids, referable
from publications.workflow import editing


class BylineFormSet(BaseInlineFormSet):
    """The byline rows: a title at publication left blank is filled from the person's profile."""

    def save_new(self, form, commit=True):
        form.instance.fill_title_line()
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        obj.fill_title_line()
        return super().save_existing(form, obj, commit)


class AuthorshipInline(LabelledTabularInline):
    model = Authorship
    formset = BylineFormSet
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person", "role", "title_line"]
    verbose_name = gettext_lazy("contributor")
    verbose_name_plural = gettext_lazy("contributors (byline order: lowest position first)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class DeskCollectionFormSet(BaseInlineFormSet):
    """A center's staff, managers included, put their piece only into collections of their own desk.

    A collection has no center of its own: it belongs to the desks of the pieces in it (an empty
    one to every desk). Placing a piece in a collection that shows other centers' pieces is
    curating those centers' page, which staff of every center those pieces come from, or who
    work across centers, do.
    """

    user = None

    def clean(self):
        super().clean()
        scope = center_scope(self.user) if self.user is not None else EVERY_CENTER
        if scope is EVERY_CENTER:
            return
        own_pieces = {self.instance.pk, self.instance.draft_of_id} - {None}
        for form in self.forms:
            collection = getattr(form, "cleaned_data", {}).get("collection")
            if collection is None or self._should_delete_form(form) or "collection" not in form.changed_data:
                continue
            other_centers = collection_center_ids(collection, leaving_out=own_pieces) - scope
            if other_centers:
                names = ", ".join(Center.objects.filter(pk__in=other_centers).values_list("name", flat=True))
                form.add_error(
                    "collection",
                    _(
                        "“%(collection)s” also holds pieces of %(centers)s: only their desk or someone who works "
                        "across centers can add a piece to it. Ask them, or choose a collection of your own center."
                    )
                    % {"collection": collection, "centers": names},
                )


class PublicationCollectionInline(LabelledTabularInline):
    model = CollectionItem
    formset = DeskCollectionFormSet
    extra = 0
    autocomplete_fields = ["collection"]
    fields = ["collection", "position"]
    verbose_name = gettext_lazy("collection")
    verbose_name_plural = gettext_lazy("collections")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("collection")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (formset,), {"user": request.user})


# django-taggit stores a keyword in 100 characters and, when two keywords slugify alike,
# appends "_1", "_2"… to the slug with no room left for it: a database error, not a form error.
MAX_KEYWORD_LENGTH = 90


class PublicationAdminForm(forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Publication
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version
        user = getattr(self, "user", None)
        scope = center_scope(user) if user is not None else EVERY_CENTER
        primary_center = self.fields.get("primary_center")
        if primary_center is not None and scope is not EVERY_CENTER:
            # A center's staff file every piece under one of their centers: they cannot move it
            # to another desk, nor clear the center and leave it open to every desk.
            primary_center.queryset = primary_center.queryset.filter(pk__in=scope)
            primary_center.required = True
            names = ", ".join(primary_center.queryset.values_list("name", flat=True))
            message = _(
                "You work for %(centers)s: choose one of your centers. A manager of another center can take the piece over."
            ) % {"centers": names}
            primary_center.error_messages["invalid_choice"] = primary_center.error_messages["required"] = message
        language = self.fields.get("language")
        if language is not None:
            # The languages by their names in the editor's language (the setting names them in English).
            language.choices = [(code, language_name(code) if code else label) for code, label in language.choices]
        translation_of = self.fields.get("translation_of")
        if translation_of is not None and user is not None and scope is not EVERY_CENTER:
            # The current original stays choosable even if it is no longer public: the box would
            # otherwise show empty and the save would drop the link.
            current = translation_of.queryset.filter(pk=self.instance.translation_of_id)
            translation_of.queryset = referable(translation_of.queryset, user) | current

    def clean_keywords(self):
        keywords = self.cleaned_data.get("keywords") or []
        for keyword in keywords:
            if len(keyword) > MAX_KEYWORD_LENGTH:
                raise ValidationError(
                    _(
                        "A keyword is at most %(limit)d characters; “%(keyword)s…” has %(length)d. "
                        "Separate keywords with commas."
                    )
                    % {"limit": MAX_KEYWORD_LENGTH, "keyword": keyword[:40], "length": len(keyword)}
                )
        return keywords

    def clean(self):
        cleaned = super().clean()
        self._check_added_centers(cleaned.get("centers"))
        if self.instance.pk:
            # The admin validates inside the save's transaction, so the service's lock holds until
            # the save commits; refused here, the stale save is a form error that keeps the text.
            editing.check_publication_version(
                publication=self.instance, expected_version=cleaned.get("expected_version")
            )
        return cleaned

    def _check_added_centers(self, centers):
        """A center's staff add only their own centers; other centers' listings are those centers' to fill."""
        user = getattr(self, "user", None)
        scope = center_scope(user) if user is not None else EVERY_CENTER
        if centers is None or scope is EVERY_CENTER:
            return
        # Centers already on the piece stay: a pending change keeps its live piece's centers.
        already = set(self.instance.centers.values_list("pk", flat=True)) if self.instance.pk else set()
        added_elsewhere = [center for center in centers if center.pk not in scope and center.pk not in already]
        if added_elsewhere:
            own = ", ".join(Center.objects.filter(pk__in=scope).values_list("name", flat=True))
            others = ", ".join(center.name for center in added_elsewhere)
            self.add_error(
                "centers",
                _(
                    "You work for %(own)s: you can add only your own centers, not %(others)s. "
                    "Ask a manager who works across centers to add another center's listing."
                )
                % {"own": own, "others": others},
            )
