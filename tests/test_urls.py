import pytest

from tests.factories import PersonFactory, PublicationFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/publications/%00/", "/experts/%00/", "/topics/%00/", "/feeds/topics/%00/rss/", "/publications/a%2Fb/"]
)
def test_addresses_that_cannot_be_slugs_are_404_not_500(client, url):
    assert client.get(url).status_code == 404


def test_slugs_in_other_scripts_resolve(client):
    person = PersonFactory(name="Дмитрий Тренин")
    piece = PublicationFactory(published=True, title="中国与东盟", authors=[person])
    topic = TopicFactory(name="Безопасность")

    assert client.get(person.get_absolute_url()).status_code == 200
    assert client.get(piece.get_absolute_url()).status_code == 200
    assert client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("page", ["²", "¹", "٣", "0", "-1", "2.5", "abc", "9" * 30])
def test_page_numbers_that_are_not_plain_digits_are_404(client, page):
    assert client.get("/publications/", {"page": page}).status_code == 404
