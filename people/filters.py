"""The expert directory's filter form: turns any query string into validated criteria, never an error."""

from string import ascii_uppercase

from django import forms
from django.utils.translation import gettext_lazy as _

from people.queries import OTHER_LETTER, DirectoryOptions, ExpertCriteria


class LenientChoiceField(forms.ChoiceField):
    """A filter select where an unknown value means "no filter": old or mistyped links still show a page."""

    def validate(self, value):
        pass

    def clean(self, value):
        value = super().clean(value)
        return value if self.valid_value(value) else ""


class LetterField(LenientChoiceField):
    def to_python(self, value):
        value = super().to_python(value).strip()
        return value.upper() if len(value) == 1 else value.lower()


class ExpertFilterForm(forms.Form):
    center = LenientChoiceField(required=False, label=_("Center"))
    topic = LenientChoiceField(required=False, label=_("Topic"))
    region = LenientChoiceField(required=False, label=_("Region"), help_text=_("Includes the region's sub-regions."))
    alumni = forms.BooleanField(required=False, label=_("Include former experts"))
    contributors = forms.BooleanField(required=False, label=_("Include outside contributors"))
    letter = LetterField(
        required=False,
        choices=[(letter, letter) for letter in ascii_uppercase] + [(OTHER_LETTER, "#")],
        widget=forms.HiddenInput,
    )

    def __init__(self, data, *, options: DirectoryOptions):
        super().__init__(data, label_suffix="")
        self._ids = {}
        for name, empty_label, choices in [
            ("center", _("All centers"), options.centers),
            ("topic", _("All topics"), options.topics),
            ("region", _("All regions"), options.regions),
        ]:
            self.fields[name].choices = [("", empty_label), *[(option.slug, option.label) for option in choices]]
            self._ids[name] = {option.slug: option.pk for option in choices}

    def criteria(self) -> ExpertCriteria:
        """Return what the query string asks for; values that are not valid choices are ignored."""
        self.is_valid()
        data = self.cleaned_data
        return ExpertCriteria(
            center_id=self._id("center", data.get("center")),
            topic_id=self._id("topic", data.get("topic")),
            region_id=self._id("region", data.get("region")),
            letter=data.get("letter", ""),
            include_alumni=bool(data.get("alumni")),
            include_contributors=bool(data.get("contributors")),
        )

    def _id(self, name: str, slug: str | None) -> int | None:
        return self._ids[name].get(slug) if slug else None
