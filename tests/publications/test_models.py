import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from publications.models import Publication, Status
from tests.factories import AffiliationFactory, AuthorshipFactory, PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_byline_follows_position_not_creation_order():
    publication = PublicationFactory(published=True)
    AuthorshipFactory(publication=publication, position=1, person__name="Zoe Adams")
    AuthorshipFactory(publication=publication, position=0, person__name="Yuri Baker")

    shaped = Publication.objects.for_cards().get(pk=publication.pk)

    assert [row.person.name for row in shaped.byline] == ["Yuri Baker", "Zoe Adams"]


def test_a_person_appears_only_once_in_a_byline():
    publication = PublicationFactory()
    person = PersonFactory()
    AuthorshipFactory(publication=publication, person=person, position=0)

    with pytest.raises(IntegrityError), transaction.atomic():
        AuthorshipFactory(publication=publication, person=person, position=1)


def test_the_title_at_publication_is_kept_when_the_person_is_promoted():
    person = PersonFactory(name="Stefan Lehne", title_line="Visiting Scholar, Carnegie Europe")
    authorship = AuthorshipFactory(person=person)

    affiliation = person.affiliations.get()
    affiliation.title_line = "Senior Fellow, Carnegie Europe"
    affiliation.save()
    AuthorshipFactory(person=person, publication=PublicationFactory())

    authorship.refresh_from_db()
    assert authorship.title_line == "Visiting Scholar, Carnegie Europe"
    assert person.authorships.order_by("pk").last().title_line == "Senior Fellow, Carnegie Europe"


def test_the_first_affiliation_is_the_main_title_line():
    person = PersonFactory()
    AffiliationFactory(person=person, title_line="Nonresident Scholar, Carnegie China", position=1)
    AffiliationFactory(person=person, title_line="Director, Carnegie China", position=0)

    assert person.title_line == "Director, Carnegie China"


class TestOnlyPublishedIsPublic:
    def test_drafts_reviews_and_unpublished_pieces_are_not_public(self):
        for status in [Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED, Status.UNPUBLISHED]:
            PublicationFactory(status=status)
        live = PublicationFactory(published=True)

        assert list(Publication.objects.published()) == [live]
        assert live.is_public

    def test_a_scheduled_piece_is_hidden_until_its_time(self):
        later = PublicationFactory(published=True, go_live_at=timezone.now() + datetime.timedelta(hours=1))

        assert not Publication.objects.published().filter(pk=later.pk).exists()
        assert not later.is_public

    def test_an_expired_piece_is_hidden(self):
        expired = PublicationFactory(published=True, expire_at=timezone.now() - datetime.timedelta(minutes=1))

        assert not Publication.objects.published().filter(pk=expired.pk).exists()


def test_undated_legacy_pieces_sort_after_dated_ones():
    undated = PublicationFactory(published=True, publication_date=None)
    old = PublicationFactory(published=True, publication_date=datetime.date(2012, 5, 1))
    new = PublicationFactory(published=True, publication_date=datetime.date(2025, 5, 1))

    assert list(Publication.objects.published().newest_first()) == [new, old, undated]


def test_two_pieces_with_the_same_title_get_unique_slugs():
    first = PublicationFactory(title="Can the EU Meet the Trump Moment?")
    second = PublicationFactory(title="Can the EU Meet the Trump Moment?")

    assert first.slug == "can-the-eu-meet-the-trump-moment"
    assert second.slug == "can-the-eu-meet-the-trump-moment-2"
