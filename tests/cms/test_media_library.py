"""The media library: a focal point that crops respect, search by title, credit and tag."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image as PILImage

from cms.media.renditions import crop_centering, find_renditions, make_renditions
from tests.factories import ImageFactory, UserFactory

pytestmark = pytest.mark.django_db

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"
    return tmp_path


def panorama(**kwargs):
    """A 1200×400 picture: red on the left third, green in the middle, blue on the right."""
    picture = PILImage.new("RGB", (1200, 400), GREEN)
    picture.paste(RED, (0, 0, 400, 400))
    picture.paste(BLUE, (800, 0, 1200, 400))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return ImageFactory(file=ContentFile(buffer.getvalue(), name="panorama.png"), **kwargs)


def middle_colour(rendition):
    path = Path(default_storage.path(rendition.url.removeprefix("/media/")))
    with PILImage.open(path) as picture:
        picture = picture.convert("RGB")
        return picture.getpixel((picture.width // 2, picture.height // 2))


def made(image, spec):
    """Make the spec's renditions for the image as it is now (the write path), then look them up."""
    assert make_renditions(image, specs=[spec]) == []
    return find_renditions(image, spec)


def near(colour, expected):
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=True))


def test_the_focal_point_moves_the_crop():
    image = panorama()
    assert near(middle_colour(made(image, "headshot").largest), GREEN)  # unset: the middle

    image.focal_x, image.focal_y = 0.1, 0.5
    assert near(middle_colour(made(image, "headshot").largest), RED)

    image.focal_x = 0.95
    assert near(middle_colour(made(image, "headshot").largest), BLUE)


def test_moving_the_focal_point_renames_cropped_renditions_but_not_uncropped_ones():
    image = panorama(focal_x=0.2, focal_y=0.5)
    card, lead = made(image, "card").src, made(image, "lead").src

    image.focal_x = 0.8
    assert made(image, "card").src != card  # a new file: old URLs never change content
    assert made(image, "lead").src == lead  # the lead image is not cropped

    image.focal_x = 0.2
    assert made(image, "card").src == card  # the same point finds the same files


@pytest.mark.parametrize(
    ("focal", "expected"),
    [
        ((0.5, 0.5), (0.5, 0.5)),
        ((0.0, 0.0), (0.0, 0.5)),  # a square crop of a wide picture cannot move vertically
        ((1.0, 0.5), (1.0, 0.5)),
        ((0.25, 0.5), (0.125, 0.5)),  # the crop is centred on the point: 300 − 200 = 100 of 800 spare
    ],
)
def test_the_crop_centres_on_the_focal_point_as_far_as_the_edges_allow(focal, expected):
    assert crop_centering(focal, (1200, 400), (100, 100)) == pytest.approx(expected)


def test_editors_set_the_focal_point_in_the_image_form(admin_client):
    image = panorama(title="Aktau")
    url = reverse("admin:media_image_change", args=[image.pk])

    page = admin_client.get(url).content.decode()
    assert "data-focal-picker" in page and "js/desk/focal-point.js" in page

    response = admin_client.post(
        url,
        {
            "title": "Aktau",
            "alt_text": "Port",
            "credit": "Reuters",
            "tags": "port, caspian",
            "focal_x": "0.25",
            "focal_y": "0.6",
        },
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (0.25, 0.6)

    response = admin_client.post(url, {"title": "Aktau", "tags": "", "focal_x": "1.5", "focal_y": "0.6"})
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 1.0." in response.content.decode()


class TestLibrarySearch:
    url = "/admin/desk/images/"

    @pytest.fixture
    def library(self):
        port = ImageFactory(title="Aktau port at dawn", credit="Photo: Reuters")
        port.tags.add("caspian", "shipping")
        bridge = ImageFactory(title="Ibar bridge", credit="Photo: Ana Petrović")
        minister = ImageFactory(title="Foreign minister", credit="Getty")
        minister.tags.add("portraits")
        return {"port": port, "bridge": bridge, "minister": minister}

    def titles(self, client, q):
        response = client.get(self.url, {"q": q})
        assert response.status_code == 200
        return [row["title"] for row in response.json()["results"]]

    def test_editors_find_images_by_title_credit_or_tag(self, editor_client, library):
        assert self.titles(editor_client, "aktau") == ["Aktau port at dawn"]
        assert self.titles(editor_client, "petrović") == ["Ibar bridge"]
        assert self.titles(editor_client, "caspian") == ["Aktau port at dawn"]
        assert self.titles(editor_client, "port") == ["Foreign minister", "Aktau port at dawn"]  # newest first
        assert self.titles(editor_client, "port reuters") == ["Aktau port at dawn"]  # every word must match
        assert len(self.titles(editor_client, "")) == 3

    def test_results_carry_what_the_editor_needs(self, editor_client, library):
        (row,) = editor_client.get(self.url, {"q": "ibar"}).json()["results"]

        image = library["bridge"]
        assert row["id"] == image.pk and row["src"] == image.file.url
        assert (row["alt"], row["credit"], row["width"], row["height"]) == (image.alt_text, image.credit, 64, 48)
        assert row["thumbnail"].startswith("/media/renditions/")

    def test_an_image_whose_renditions_are_not_made_offers_its_original_as_the_thumbnail(self, editor_client):
        image = ImageFactory(title="Fresh upload", renditions=False)

        (row,) = editor_client.get(self.url, {"q": "fresh"}).json()["results"]

        assert row["thumbnail"] == image.file.url

    def test_the_search_is_one_query(self, editor_client, library, django_assert_max_num_queries):
        editor_client.get(self.url, {"q": "port"})
        with django_assert_max_num_queries(5):  # session, user, two for permissions, then the images
            editor_client.get(self.url, {"q": "port caspian"})

    def test_only_staff_who_may_see_the_library_can_search_it(self, client, library):
        assert client.get(self.url).status_code == 403
        client.force_login(UserFactory(username="outsider", is_staff=True))
        assert client.get(self.url).status_code == 403
