"""The publications listing's filter form: GET parameters by slug, checked against loaded choices.

Every choice comes from `publication_filter_options()`, so validating a parameter runs no query
and an unknown slug is a form error, never a database lookup with reader input.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.kit.translations import localized
from publications.queries.listings import FilterOptions, ListingFilters

# Options are indented with no-break spaces: screen readers skip them, browsers keep them.
INDENT = "\u00a0\u00a0\u00a0"


def name_in_language(row) -> str:
    """A term's name in the page's language for an <option>; an English one ends with the marker."""
    return localized(row, "name").as_text()


def first_value(query, key: str) -> str | None:
    """Return the first value of a repeated GET parameter (`?page=2&page=3` → "2"), or None."""
    values = query.getlist(key)
    return values[0] if values else None


class SlugChoiceField(forms.ChoiceField):
    """A choice among loaded rows, offered and submitted by slug; cleans to the row itself."""

    def __init__(self, *, blank_label: str, invalid_message: str, **kwargs):
        self.blank_label = blank_label
        self.rows_by_slug = {}
        # The message never repeats the reader's value: a crafted link must not put words on our page.
        # One whole sentence per field, not a label inside a sentence: other languages inflect the label.
        super().__init__(required=False, error_messages={"invalid_choice": invalid_message}, **kwargs)

    def set_rows(self, rows, *, label=name_in_language):
        self.rows_by_slug = {row.slug: row for row in rows}
        self.choices = [("", self.blank_label), *((row.slug, label(row)) for row in rows)]

    def clean(self, value):
        return self.rows_by_slug.get(super().clean(value))


class PublicationFilterForm(forms.Form):
    """Narrow the publications listing by type, center, topic, region, program, project and year."""

    type = SlugChoiceField(
        label=_("Type"), blank_label=_("All types"), invalid_message=_("Choose a type from the list.")
    )
    center = SlugChoiceField(
        label=_("Center"), blank_label=_("All centers"), invalid_message=_("Choose a center from the list.")
    )
    topic = SlugChoiceField(
        label=_("Topic"), blank_label=_("All topics"), invalid_message=_("Choose a topic from the list.")
    )
    region = SlugChoiceField(
        label=_("Region"), blank_label=_("All regions"), invalid_message=_("Choose a region from the list.")
    )
    program = SlugChoiceField(
        label=_("Program"), blank_label=_("All programs"), invalid_message=_("Choose a program from the list.")
    )
    project = SlugChoiceField(
        label=_("Project"), blank_label=_("All projects"), invalid_message=_("Choose a project from the list.")
    )
    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose a year from the list.")},
    )

    def __init__(self, query, *, options: FilterOptions):
        # Take the first of repeated parameters (`?type=a&type=b`): a form field reads the last.
        data = {name: first_value(query, name) for name in self.base_fields if name in query}
        super().__init__(data, auto_id="filter-%s")
        self.fields["type"].set_rows(options.types, label=lambda row: row.label)
        self.fields["center"].set_rows(options.centers)
        self.fields["topic"].set_rows(options.topics)
        depths = {node.region.pk: node.depth for node in options.regions}
        self.fields["region"].set_rows(
            [node.region for node in options.regions],
            label=lambda region: INDENT * depths[region.pk] + name_in_language(region),
        )
        self.fields["program"].set_rows(options.programs)
        self.fields["project"].set_rows(options.projects)
        self.fields["year"].choices = [("", _("All years")), *((str(year), str(year)) for year in options.years)]

    def listing_filters(self) -> ListingFilters | None:
        """Return the filters to apply, or None when a parameter names nothing we have."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return ListingFilters(
            publication_type=data["type"],
            center=data["center"],
            topic=data["topic"],
            region=data["region"],
            program=data["program"],
            project=data["project"],
            year=data["year"],
        )


class SearchFilterForm(PublicationFilterForm):
    """The search page's filters: the listing's, and the language of the pieces (default: all)."""

    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        # Language names go through Django's own catalogue, which translates them ("Arabic" → "العربية").
        choices=lambda: [("", _("All languages")), *((code, _(name)) for code, name in settings.CONTENT_LANGUAGES)],
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )

    def search_language(self) -> str | None:
        """The language code to search in, or None for every language (or filters that did not validate)."""
        return (self.cleaned_data.get("language") or None) if self.is_valid() else None
