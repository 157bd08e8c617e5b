import io
import os
import threading
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from PIL import ExifTags
from PIL import Image as PILImage

from cms.media.renditions import find_renditions, make_renditions
from tests.factories import ImageFactory, PublicationFactory

pytestmark = pytest.mark.django_db

PICTURE = "components/images.html#picture"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test gets an empty media directory, so files it finds are files it made."""
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"
    return tmp_path


def encode(picture, fmt, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def library_image(data: bytes, name: str, **kwargs):
    """An image whose renditions are not made yet: each test makes the specs it looks at."""
    return ImageFactory(file=ContentFile(data, name=name), renditions=False, **kwargs)


def photo(width, height, *, fmt="JPEG", **options):
    """A two-tone photo: red on the left half, blue on the right half."""
    picture = PILImage.new("RGB", (width, height), (200, 30, 30))
    picture.paste((30, 30, 200), (width // 2, 0, width, height))
    return library_image(encode(picture, fmt, **options), f"photo.{fmt.lower()}")


def opened(rendition):
    path = Path(default_storage.path(rendition.url.removeprefix("/media/")))
    picture = PILImage.open(path)
    picture.load()
    return picture


def rendition_files(media_root):
    folder = media_root / "renditions"
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()} if folder.exists() else {}


def made(image, spec):
    """Make the spec's renditions (the write path), then look them up as a page does."""
    assert make_renditions(image, specs=[spec]) == []
    return find_renditions(image, spec)


def picture_html(image, spec="card", alt="A delegate speaks", **extra):
    return render_to_string(PICTURE, {"image": image, "spec": spec, "alt": alt, **extra})


def test_card_renditions_are_16_by_9_jpeg_and_webp_at_400_and_800():
    image = photo(1200, 900)

    renditions = made(image, "card")

    assert [(r.width, r.height) for r in renditions.fallback] == [(400, 225), (800, 450)]
    assert [(r.width, r.height) for r in renditions.webp] == [(400, 225), (800, 450)]
    for rendition in renditions.fallback:
        picture = opened(rendition)
        assert (picture.format, picture.mode, picture.size) == ("JPEG", "RGB", (rendition.width, rendition.height))
    for rendition in renditions.webp:
        picture = opened(rendition)
        assert (picture.format, picture.size) == ("WEBP", (rendition.width, rendition.height))
    assert renditions.fallback[1].url.startswith(f"/media/renditions/{image.pk}-")
    assert renditions.fallback[1].url.endswith("-card-800.jpg")


def test_lead_renditions_keep_the_source_shape_at_three_widths():
    image = photo(2000, 1000)

    renditions = made(image, "lead")

    assert [(r.width, r.height) for r in renditions.fallback] == [(800, 400), (1200, 600), (1600, 800)]
    assert [opened(r).size for r in renditions.webp] == [(800, 400), (1200, 600), (1600, 800)]


def test_headshot_is_a_square_crop_of_a_portrait():
    image = photo(400, 600)

    renditions = made(image, "headshot")

    assert [opened(r).size for r in renditions.fallback] == [(160, 160), (320, 320)]
    assert [opened(r).size for r in renditions.webp] == [(160, 160), (320, 320)]


def test_a_small_source_is_never_upscaled():
    image = photo(640, 480)

    lead = made(image, "lead")
    headshot = made(image, "headshot")

    assert [(r.width, r.height) for r in lead.fallback] == [(640, 480)]
    assert opened(lead.fallback[0]).size == (640, 480)
    assert [(r.width, r.height) for r in headshot.fallback] == [(160, 160), (320, 320)]
    tiny = find_renditions(ImageFactory(), "headshot")  # the factory's 64×48 image, made as an upload's
    assert [(r.width, r.height) for r in tiny.fallback] == [(48, 48)]


def test_the_crop_keeps_the_middle_of_a_wide_photo():
    image = photo(1600, 600)  # red left half, blue right half

    rendition = made(image, "headshot").fallback[-1]
    picture = opened(rendition)

    red, _, blue = picture.getpixel((10, 160))
    assert red > 150 and blue < 80
    red, _, blue = picture.getpixel((310, 160))
    assert blue > 150 and red < 80


def test_renditions_are_made_once_and_reused(media_root):
    image = photo(1200, 900)
    made(image, "card")
    first = rendition_files(media_root)

    made(image, "card")
    picture_html(image)
    picture_html(image, spec="card", alt="Again")

    assert first == rendition_files(media_root)  # same files, not rewritten: inode and mtime unchanged
    assert sorted(name.split("-", 2)[2] for name in first) == [
        "card-400.jpg",
        "card-400.webp",
        "card-800.jpg",
        "card-800.webp",
        "card.json",
    ]


def test_checking_for_renditions_runs_no_query(django_assert_num_queries):
    image = photo(1200, 900)
    made(image, "card")

    with django_assert_num_queries(0):
        html = picture_html(image)

    assert "<picture>" in html


def test_replacing_the_file_makes_new_renditions():
    image = photo(1200, 900)
    before = made(image, "card")

    image.file = ContentFile(encode(PILImage.new("RGB", (1000, 1000), "green"), "JPEG"), name="replacement.jpg")
    image.save()
    after = made(image, "card")

    assert before.src != after.src
    assert opened(after.fallback[-1]).getpixel((400, 200))[1] > 100  # green


def test_the_picture_offers_webp_with_a_jpeg_fallback():
    image = photo(1200, 900)

    renditions = made(image, "card")

    html = picture_html(image, css_class="card__image")

    webp_400, webp_800 = (r.url for r in renditions.webp)
    jpeg_400, jpeg_800 = (r.url for r in renditions.fallback)
    assert f'<source type="image/webp" srcset="{webp_400} 400w, {webp_800} 800w" sizes="' in html
    assert f'src="{jpeg_800}" srcset="{jpeg_400} 400w, {jpeg_800} 800w"' in html
    assert 'width="800" height="450"' in html
    assert 'class="card__image"' in html
    assert 'loading="lazy"' in html
    assert html.index("<source") < html.index("<img")


def test_the_lead_image_loads_at_once_and_a_caller_may_set_sizes():
    image = photo(2000, 1000)
    made(image, "lead"), made(image, "headshot")

    lead = picture_html(image, spec="lead")
    profile = picture_html(image, spec="headshot", sizes="12rem")

    assert 'fetchpriority="high"' in lead and 'loading="lazy"' not in lead
    assert 'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"' in lead
    assert profile.count('sizes="12rem"') == 2


def test_a_cmyk_jpeg_becomes_an_rgb_rendition():
    cmyk = PILImage.new("CMYK", (800, 600), (0, 255, 255, 0))  # pure red in print colours
    image = library_image(encode(cmyk, "JPEG"), "print.jpg")

    renditions = made(image, "card")

    for rendition in renditions.fallback + renditions.webp:
        picture = opened(rendition)
        assert picture.mode == "RGB"
        red, green, blue = picture.getpixel((100, 100))
        assert red > 200 and green < 60 and blue < 60


def test_a_transparent_palette_png_keeps_its_transparency_as_png_and_webp():
    logo = PILImage.new("P", (500, 500), 0)
    logo.putpalette([255, 255, 255, 140, 29, 24] + [0] * 762)
    logo.paste(1, (100, 100, 400, 400))
    image = library_image(encode(logo, "PNG", transparency=0), "logo.png")

    renditions = made(image, "headshot")

    png, webp = opened(renditions.fallback[-1]), opened(renditions.webp[-1])
    assert renditions.src.endswith(".png")
    assert (png.format, png.mode) == ("PNG", "RGBA")
    assert webp.mode == "RGBA"
    for picture in (png, webp):
        assert picture.getpixel((2, 2))[3] == 0  # the corner stays see-through
        assert picture.getpixel((160, 160))[3] == 255


def test_an_opaque_png_becomes_a_jpeg():
    image = library_image(encode(PILImage.new("RGBA", (500, 500), (10, 20, 30, 255)), "PNG"), "opaque.png")

    assert made(image, "card").src.endswith(".jpg")


def test_sixteen_bit_and_greyscale_alpha_sources_work():
    grey16 = PILImage.new("I;16", (400, 400), 32896)  # mid grey in 16 bits
    grey16_image = library_image(encode(grey16, "PNG"), "scan.png")
    la_image = library_image(encode(PILImage.new("LA", (400, 400), (90, 128)), "PNG"), "shadow.png")

    grey = opened(made(grey16_image, "headshot").fallback[-1])
    shadow = opened(made(la_image, "headshot").fallback[-1])

    assert grey.mode == "RGB" and 120 <= grey.getpixel((10, 10))[0] <= 136  # not clipped to white
    assert shadow.mode == "RGBA" and shadow.getpixel((10, 10))[3] == 128


def test_exif_orientation_turns_a_sideways_photo_upright():
    stored = PILImage.new("RGB", (600, 400), "white")  # stored wide, shot tall
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = 6
    image = library_image(encode(stored, "JPEG", exif=exif), "tall.jpg")

    renditions = made(image, "lead")
    html = picture_html(image, spec="lead")

    assert [(r.width, r.height) for r in renditions.fallback] == [(400, 600)]
    assert opened(renditions.fallback[0]).size == (400, 600)
    assert opened(renditions.webp[0]).size == (400, 600)
    assert 'width="400" height="600"' in html


def test_renditions_carry_no_location_or_camera_metadata():
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Orientation] = 1
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (55.0, 45.0, 0.0)}
    )
    source = encode(PILImage.new("RGB", (900, 600), "gray"), "JPEG", exif=exif, comment=b"taken at the embassy")
    assert b"Canon" in source and PILImage.open(io.BytesIO(source)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    image = library_image(source, "embassy.jpg")

    renditions = made(image, "card")

    for rendition in renditions.fallback + renditions.webp:
        picture = opened(rendition)
        assert len(picture.getexif()) == 0
        assert not {"exif", "comment", "xmp", "icc_profile"} & set(picture.info)
        raw = Path(default_storage.path(rendition.url.removeprefix("/media/"))).read_bytes()
        assert b"Canon" not in raw and b"embassy" not in raw


def test_a_missing_source_file_is_a_failure_and_the_page_shows_the_original(media_root):
    image = photo(1200, 900)
    default_storage.delete(image.file.name)

    assert make_renditions(image) == ["the file is missing from the media storage"]
    assert rendition_files(media_root) == {}
    assert find_renditions(image, "card").made is False
    html = picture_html(image)
    assert f'<img src="{image.file.url}" srcset="{image.file.url} 1200w"' in html and "renditions/" not in html


def test_an_unreadable_source_file_is_a_failure_and_the_page_shows_the_original(media_root):
    image = photo(1200, 900)
    with default_storage.open(image.file.name, "wb") as fh:
        fh.write(b"not an image at all")

    assert make_renditions(image) == ["the file is not an image Pillow can read"]
    assert rendition_files(media_root) == {}
    assert f'<img src="{image.file.url}"' in picture_html(image)


def test_a_publication_whose_lead_image_file_is_gone_still_renders(client):
    lead = photo(1200, 900)
    publication = PublicationFactory(published=True, lead_image=lead)
    default_storage.delete(lead.file.name)

    response = client.get(publication.get_absolute_url())

    assert response.status_code == 200
    assert "renditions/" not in response.content.decode()
    assert f'<img src="{lead.file.url}"' in response.content.decode()


def test_a_publication_page_shows_the_lead_image_renditions(client):
    lead = photo(2000, 1000)
    make_renditions(lead)  # as the upload's task does
    publication = PublicationFactory(published=True, lead_image=lead)

    html = client.get(publication.get_absolute_url()).content.decode()

    assert '<source type="image/webp"' in html
    assert "-lead-1600.webp 1600w" in html


def test_no_image_renders_nothing():
    assert picture_html(None).strip() == ""
    assert picture_html(ImageFactory.build(file=None)).strip() == ""


def test_alt_text_is_escaped():
    html = picture_html(photo(1200, 900), alt='"><script>alert(1)</script>')

    assert "<script>" not in html
    assert 'alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_writers_racing_for_the_same_renditions_all_get_whole_files(media_root):
    """The upload's task and a `make_renditions` run may make the same image's renditions at once."""
    image = photo(2400, 1600)
    results, errors = [], []

    def render():
        try:
            results.append(made(image, "lead"))
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=render) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert len({r.srcset for r in results}) == 1 and None not in results
    leftovers = [name for name in os.listdir(media_root / "renditions") if name.startswith(".tmp-")]
    assert leftovers == []
    assert [opened(r).size for r in results[0].webp] == [(800, 533), (1200, 800), (1600, 1067)]


def test_rendition_files_are_readable_by_the_web_server(media_root):
    renditions = made(photo(1200, 900), "card")

    mode = os.stat(default_storage.path(renditions.src.removeprefix("/media/"))).st_mode & 0o777
    assert mode & 0o044 == 0o044
