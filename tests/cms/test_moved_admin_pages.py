"""Admin addresses of the records that left the `cms` app keep working: bookmarks and old links redirect."""

import pytest

from tests.factories import CenterFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/cms/center/", "/admin/taxonomies/center/"),
        ("/admin/cms/image/add/", "/admin/media/image/add/"),
        ("/admin/cms/auditentry/?action__exact=publish", "/admin/audit/auditentry/?action__exact=publish"),
        ("/admin/cms/publicationtype/", "/admin/publications/publicationtype/"),
        ("/admin/cms/disclaimer/3/change/", "/admin/publications/disclaimer/3/change/"),
        ("/admin/cms/", "/admin/taxonomies/"),
    ],
)
def test_an_old_admin_address_redirects_permanently_to_the_new_one(client, old, new):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_a_bookmarked_change_page_opens_the_record_for_its_editor(admin_client):
    center = CenterFactory(name="Carnegie Europe")

    response = admin_client.get(f"/admin/cms/center/{center.pk}/change/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"/admin/taxonomies/center/{center.pk}/change/"
    assert "Carnegie Europe" in response.content.decode()


def test_a_form_posted_to_an_old_address_is_redirected_with_its_method_kept(client):
    response = client.post("/admin/cms/topic/add/", {"name": "Democracy"})

    assert response.status_code == 308
    assert response["Location"] == "/admin/taxonomies/topic/add/"


def test_an_unknown_model_under_the_old_prefix_is_not_found(client):
    assert client.get("/admin/cms/nosuchthing/").status_code == 404


def test_a_crafted_old_address_never_redirects_off_the_site(client):
    response = client.get("/admin/cms/center//evil.example/")

    assert response["Location"] == "/admin/taxonomies/center//evil.example/"
