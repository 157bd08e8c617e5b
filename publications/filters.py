"""The publications listing's filter form: GET parameters by slug, checked against loaded choices.

Every choice comes from `publication_filter_options()`, so validating a parameter runs no query
and an unknown slug is a form error, never a database lookup with reader input.
"""

from django import forms
from django.conf import settings

from publications.queries.listings import FilterOptions, ListingFilters

# Options are indented with no-break spaces: screen readers skip them, browsers keep them.
INDENT = "\u00a0\u00a0\u00a0"


def first_value(query, key: str) -> str | None:
    """Return the first value of a repeated GET parameter (`?page=2&page=3` → "2"), or None."""
    values = query.getlist(key)
    return values[0] if values else None


class SlugChoiceField(forms.ChoiceField):
    """A choice among loaded rows, offered and submitted by slug; cleans to the row itself."""

    def __init__(self, *, blank_label: str, **kwargs):
        self.blank_label = blank_label
        self.rows_by_slug = {}
        # The message never repeats the reader's value: a crafted link must not put words on our page.
        label = kwargs["label"].lower()
        super().__init__(
            required=False, error_messages={"invalid_choice": f"Choose a {label} from the list."}, **kwargs
        )

    def set_rows(self, rows, *, label=str):
        self.rows_by_slug = {row.slug: row for row in rows}
        self.choices = [("", self.blank_label), *((row.slug, label(row)) for row in rows)]

    def clean(self, value):
        return self.rows_by_slug.get(super().clean(value))


class PublicationFilterForm(forms.Form):
    """Narrow the publications listing by type, center, topic, region, program, project and year."""

    type = SlugChoiceField(label="Type", blank_label="All types")
    center = SlugChoiceField(label="Center", blank_label="All centers")
    topic = SlugChoiceField(label="Topic", blank_label="All topics")
    region = SlugChoiceField(label="Region", blank_label="All regions")
    program = SlugChoiceField(label="Program", blank_label="All programs")
    project = SlugChoiceField(label="Project", blank_label="All projects")
    year = forms.TypedChoiceField(
        label="Year",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Choose a year from the list."},
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
            label=lambda region: INDENT * depths[region.pk] + region.name,
        )
        self.fields["program"].set_rows(options.programs)
        self.fields["project"].set_rows(options.projects)
        self.fields["year"].choices = [("", "All years"), *((str(year), str(year)) for year in options.years)]

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
        label="Language",
        required=False,
        choices=[("", "All languages"), *settings.CONTENT_LANGUAGES],
        error_messages={"invalid_choice": "Choose a language from the list."},
    )

    def search_language(self) -> str | None:
        """The language code to search in, or None for every language (or filters that did not validate)."""
        return (self.cleaned_data.get("language") or None) if self.is_valid() else None
