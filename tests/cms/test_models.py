import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cms.taxonomies.models import Region, Topic, descendant_region_ids
from publications.models import Disclaimer, most_specific_disclaimer
from tests.factories import (
    CenterFactory,
    DisclaimerFactory,
    PersonFactory,
    PublicationFactory,
    PublicationTypeFactory,
    RegionFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def test_two_topics_with_the_same_name_get_different_slugs():
    first = TopicFactory(name="Foreign Policy")
    second = TopicFactory(name="Foreign Policy")

    assert first.slug == "foreign-policy"
    assert second.slug == "foreign-policy-2"


def test_a_taken_slug_typed_by_an_editor_is_refused_by_validation():
    TopicFactory(name="EU", slug="eu")
    duplicate = Topic(name="European Union", slug="eu")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "slug" in error.value.message_dict


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nguyễn Khắc Giang", "nguyen-khac-giang"),
        ("Дмитрий Тренин", "дмитрий-тренин"),
        ("王缉思", "王缉思"),
        ("🚀", "item"),
    ],
)
def test_names_in_any_script_get_a_non_empty_slug(name, expected):
    person = PersonFactory(name=name)

    assert person.slug == expected


def test_slugs_of_different_models_do_not_collide_with_each_other():
    TopicFactory(name="Europe")
    region = RegionFactory(name="Europe")

    assert region.slug == "europe"


def test_a_piece_tagged_eastern_europe_is_found_under_europe():
    europe = RegionFactory(name="Europe")
    eastern = RegionFactory(name="Eastern Europe", parent=europe)
    balkans = RegionFactory(name="Balkans", parent=eastern)
    asia = RegionFactory(name="Asia")
    piece = PublicationFactory(published=True)
    piece.regions.add(balkans)

    under_europe = descendant_region_ids([europe.pk])

    assert under_europe == {europe.pk, eastern.pk, balkans.pk}
    assert asia.pk not in under_europe
    assert list(piece.__class__.objects.filter(regions__in=under_europe)) == [piece]


def test_a_region_cannot_be_placed_inside_its_own_sub_region():
    europe = RegionFactory(name="Europe")
    eastern = RegionFactory(name="Eastern Europe", parent=europe)
    europe.parent = eastern

    with pytest.raises(ValidationError) as error:
        europe.full_clean()

    assert "parent" in error.value.message_dict
    assert Region.objects.get(pk=europe.pk).parent is None


def test_only_one_center_can_be_the_global_center():
    CenterFactory(name="Carnegie Endowment for International Peace", is_global=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        CenterFactory(name="Carnegie Europe", is_global=True)


class TestDisclaimerResolution:
    def resolve(self, center, publication_type):
        candidates = Disclaimer.objects.applicable_to(center_id=center.pk, publication_type_id=publication_type.pk)
        return most_specific_disclaimer(candidates)

    def test_the_site_default_applies_when_nothing_narrower_exists(self):
        default = DisclaimerFactory(name="Site default")
        other_center = CenterFactory(name="Carnegie China")
        DisclaimerFactory(name="China", center=other_center)

        assert self.resolve(CenterFactory(name="Carnegie Europe"), PublicationTypeFactory()) == default

    def test_a_type_disclaimer_beats_the_site_default(self):
        DisclaimerFactory(name="Site default")
        press = PublicationTypeFactory(label="Press Release")
        press_disclaimer = DisclaimerFactory(name="Press", publication_type=press)

        assert self.resolve(CenterFactory(), press) == press_disclaimer

    def test_a_center_disclaimer_beats_a_type_disclaimer(self):
        russia = CenterFactory(name="Carnegie Russia Eurasia Center")
        press = PublicationTypeFactory(label="Press Release")
        DisclaimerFactory(name="Site default")
        DisclaimerFactory(name="Press", publication_type=press)
        center_disclaimer = DisclaimerFactory(name="Russia", center=russia)

        assert self.resolve(russia, press) == center_disclaimer

    def test_center_and_type_together_is_the_narrowest(self):
        russia = CenterFactory(name="Carnegie Russia Eurasia Center")
        press = PublicationTypeFactory(label="Press Release")
        DisclaimerFactory(name="Russia", center=russia)
        DisclaimerFactory(name="Press", publication_type=press)
        both = DisclaimerFactory(name="Russia press", center=russia, publication_type=press)

        assert self.resolve(russia, press) == both

    def test_no_disclaimer_at_all_resolves_to_none(self):
        assert self.resolve(CenterFactory(), PublicationTypeFactory()) is None

    def test_a_second_disclaimer_for_the_same_scope_is_a_validation_error(self):
        center = CenterFactory()
        DisclaimerFactory(name="First", center=center)
        second = Disclaimer(name="Second", text="<p>x</p>", center=center)

        with pytest.raises(ValidationError, match="already exists"):
            second.full_clean()

    def test_a_second_site_default_is_refused_by_the_database(self):
        DisclaimerFactory(name="First")

        with pytest.raises(IntegrityError), transaction.atomic():
            DisclaimerFactory(name="Second")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Søren Kjærgaard", "soren-kjaergaard"),
        ("Đặng Hoàng Giang", "dang-hoang-giang"),
        ("Łukasz Kulesa", "lukasz-kulesa"),
    ],
)
def test_latin_letters_without_accents_to_strip_keep_a_readable_slug(name, expected):
    assert PersonFactory(name=name).slug == expected


@pytest.mark.parametrize(
    ("label", "plural"),
    [
        ("Article", "Articles"),
        ("Commentary", "Commentaries"),
        ("In the Media", "In the Media"),
        ("Q&A", "Q&A"),
        ("Essays", "Essays"),
        ("Multimedia", "Multimedia"),
        ("Testimony", "Testimonies"),
    ],
)
def test_content_types_get_a_sensible_plural_heading_by_default(label, plural):
    assert PublicationTypeFactory(label=label).plural_label == plural


@pytest.mark.parametrize(
    ("factory", "source"),
    [(TopicFactory, "name"), (PublicationTypeFactory, "label"), (PersonFactory, "name"), (PublicationFactory, "title")],
)
def test_every_slugged_kind_gets_its_slug_on_first_save_and_keeps_it(factory, source):
    """Terms, content types, people and pieces share one rule (cms/slugs.py:SlugOnFirstSave)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as created:
        first = factory(**{source: "  Arms Control Today ", "slug": ""})
    assert [query for query in created.captured_queries if '"slug"' in query["sql"] and " LIKE " in query["sql"]]
    twin = factory(**{source: "Arms Control Today", "slug": ""})
    assert (first.slug, twin.slug) == ("arms-control-today", "arms-control-today-2")

    setattr(first, source, "Arms Control Tomorrow")
    with CaptureQueriesContext(connection) as saved:
        first.save()

    first.refresh_from_db()
    assert first.slug == "arms-control-today"
    # No unique-slug lookup once the row has its slug (a piece's save has queries of its own).
    assert not [query for query in saved.captured_queries if '"slug"' in query["sql"] and " LIKE " in query["sql"]]
