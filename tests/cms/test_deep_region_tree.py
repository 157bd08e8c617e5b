"""A region tree is at most REGION_MAX_DEPTH levels deep, and deeper data from before the cap
still renders every page that lists regions."""

import pytest

from cms.taxonomies.models import REGION_MAX_DEPTH, Region
from tests.factories import PublicationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def chain(length: int) -> list[Region]:
    """Build a chain of nested regions in bulk, bypassing validation like data from before the cap."""
    regions = Region.objects.bulk_create(
        Region(name=f"Level {n:04}", slug=f"level-{n:04}") for n in range(1, length + 1)
    )
    for parent, child in zip(regions, regions[1:], strict=False):
        child.parent = parent
    Region.objects.bulk_update(regions[1:], ["parent"], batch_size=500)
    return regions


@pytest.mark.parametrize("url", ["/publications/", "/search/?q=deep", "/experts/", "/regions/"])
def test_a_thousand_nested_regions_do_not_take_down_the_pages_that_list_regions(client, url):
    regions = chain(1000)
    piece = PublicationFactory(published=True, title="Deep down")
    piece.regions.add(regions[-1])

    response = client.get(url)

    assert response.status_code == 200
    assert "Level 1000" in response.content.decode()


def test_the_region_index_nests_no_deeper_than_the_cap(client):
    chain(20)

    html = client.get("/regions/").content.decode()

    assert html.count('<ul class="region-tree">') == REGION_MAX_DEPTH
    assert "Level 0020" in html


def test_filtering_by_the_top_of_a_thousand_nested_regions_finds_the_piece_at_the_bottom(client):
    regions = chain(1000)
    piece = PublicationFactory(published=True, title="Deep down")
    piece.regions.add(regions[-1])

    response = client.get("/publications/", {"region": regions[0].slug})

    assert response.status_code == 200
    assert "Deep down" in response.content.decode()


def test_a_ninth_level_region_is_refused_in_the_admin(manager_client):
    regions = chain(REGION_MAX_DEPTH)

    response = manager_client.post(
        "/admin/taxonomies/region/add/", {"name": "Too deep", "slug": "", "parent": regions[-1].pk, "description": ""}
    )

    assert response.status_code == 200
    assert f"at most {REGION_MAX_DEPTH} levels deep" in response.content.decode()
    assert not Region.objects.filter(name="Too deep").exists()


def test_an_eighth_level_region_can_be_added_in_the_admin(manager_client):
    regions = chain(REGION_MAX_DEPTH - 1)

    response = manager_client.post(
        "/admin/taxonomies/region/add/",
        {"name": "Deep enough", "slug": "", "parent": regions[-1].pk, "description": ""},
    )

    assert response.status_code == 302
    assert Region.objects.get(name="Deep enough").parent == regions[-1]


def test_moving_a_subtree_where_it_would_end_deeper_than_the_cap_is_refused_in_the_admin(manager_client):
    trunk = chain(6)
    branch = RegionFactory(name="Branch")
    twig = RegionFactory(name="Twig", parent=branch)
    RegionFactory(name="Leaf", parent=twig)
    RegionFactory(name="Bud", parent=RegionFactory(name="Other twig", parent=branch))

    response = manager_client.post(
        f"/admin/taxonomies/region/{branch.pk}/change/",
        {"name": "Branch", "slug": branch.slug, "parent": trunk[-1].pk, "description": ""},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert f"at most {REGION_MAX_DEPTH} levels deep" in content
    assert "2 levels of sub-regions below it" in content
    branch.refresh_from_db()
    assert branch.parent is None


def test_moving_a_subtree_that_still_fits_under_the_cap_is_allowed_in_the_admin(manager_client):
    trunk = chain(5)
    branch = RegionFactory(name="Branch")
    RegionFactory(name="Leaf", parent=RegionFactory(name="Twig", parent=branch))

    response = manager_client.post(
        f"/admin/taxonomies/region/{branch.pk}/change/",
        {"name": "Branch", "slug": branch.slug, "parent": trunk[-1].pk, "description": ""},
    )

    assert response.status_code == 302
    branch.refresh_from_db()
    assert branch.parent == trunk[-1]
