"""Image uploads: only real JPEG, PNG, GIF and WebP get in, re-encoded, upright and without metadata."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from cms.media.models import Image
from cms.media.uploads import clean_image_upload

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def picture(fmt="JPEG", size=(60, 40), mode="RGB", color=(200, 30, 30), **save) -> bytes:
    image = PILImage.new(mode, size, color)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **save)
    return buffer.getvalue()


def photo_with_exif(orientation: int) -> bytes:
    """A 60×40 JPEG, left half red, with a camera orientation and a GPS position."""
    image = PILImage.new("RGB", (60, 40), (255, 255, 255))
    image.paste((255, 0, 0), (0, 0, 30, 40))
    exif = PILImage.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A valid PNG header claiming a huge canvas, with a tiny compressed body: a pixel flood."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def gif_header_only(width: int, height: int) -> bytes:
    return (
        b"GIF89a"
        + struct.pack("<HH", width, height)
        + b"\x00\x00\x00"
        + b"\x2c"
        + struct.pack("<HHHH", 0, 0, width, height)
        + b"\x00\x02\x02\x44\x01\x00\x3b"
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_upload(client, name, content, **fields):
    return client.post(
        reverse("admin:media_image_add"),
        {
            "title": "Summit",
            "alt_text": "Delegates",
            "credit": "Source: Getty",
            "tags": "",
            "file": upload(name, content),
            **fields,
        },
    )


def form_errors(response) -> str:
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S))


# --- Accepted uploads ---


@pytest.mark.parametrize("orientation, upright_size", [(6, (40, 60)), (8, (40, 60)), (3, (60, 40)), (1, (60, 40))])
def test_a_phone_photo_is_stored_upright_without_exif_or_gps(admin_client, orientation, upright_size):
    response = post_upload(admin_client, "IMG_2041 Paris trip.JPG", photo_with_exif(orientation))

    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get()
    assert re.fullmatch(r"images/[0-9a-f]{32}\.jpg", image.file.name)
    with image.file.open("rb") as fh:
        stored = PILImage.open(fh)
        stored.load()
    assert stored.size == upright_size and (image.width, image.height) == upright_size
    exif = stored.getexif()
    assert not exif and not exif.get_ifd(GPS_IFD) and "exif" not in stored.info


def test_the_stored_file_is_a_fresh_encoding_not_the_uploaded_bytes():
    original = picture("JPEG", quality=100) + b"<html><script>alert(1)</script></html>"

    cleaned = clean_image_upload(upload("cover.jpg", original))

    assert cleaned.read() != original and b"<script>" not in cleaned.read()
    assert cleaned.name.endswith(".jpg") and "cover" not in cleaned.name


@pytest.mark.parametrize(
    "name, content, mode_after",
    [
        ("cmyk.jpg", picture("JPEG", mode="CMYK", color=(0, 100, 100, 0)), "CMYK"),
        ("deep.png", picture("PNG", mode="I;16", color=40000), "I;16"),
        ("palette.png", None, "P"),
        ("anim.gif", picture("GIF", mode="P", color=3), "RGB"),
        ("photo.webp", picture("WEBP"), "RGB"),
        ("photo.jpeg", picture("JPEG"), "RGB"),
    ],
)
def test_unusual_but_real_pictures_are_accepted_and_render(client, name, content, mode_after):
    from cms.media.renditions import find_renditions, make_renditions

    if content is None:
        paletted = PILImage.new("P", (30, 30), 1)
        paletted.putpalette([0, 0, 0, 255, 0, 0] * 128)
        buffer = io.BytesIO()
        paletted.save(buffer, "PNG", transparency=0)
        content = buffer.getvalue()
    cleaned = clean_image_upload(upload(name, content))
    image = Image.objects.create(title=name, file=cleaned)

    with image.file.open("rb") as fh:
        assert PILImage.open(fh).mode in {mode_after, "RGBA", "P", "L"}
    assert make_renditions(image) == []
    renditions = find_renditions(image, "card")
    assert renditions.made and renditions.width > 0


# --- Refused uploads: a clear form error, nothing stored ---

REFUSALS = [
    (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>',
        "SVG files are not accepted",
    ),
    ("logo.SVGZ", b"\x1f\x8b\x08\x00", "SVG files are not accepted"),
    ("photo.jpg", picture("PNG"), "is a PNG image but its name ends in “.jpg”"),
    ("photo.png", picture("JPEG"), "is a JPEG image but its name ends in “.png”"),
    (
        "page.jpg",
        b"<!doctype html><html><script>alert(document.cookie)</script></html>",
        "is not a JPEG, PNG, GIF or WebP image",
    ),
    ("polyglot.gif", b"GIF89a/*<script>alert(1)</script>*/", "is not a JPEG, PNG, GIF or WebP image"),
    ("scan.tiff", picture("TIFF"), "Files ending in “.tiff” are not accepted"),
    ("scan.jpg", picture("TIFF"), "is not a JPEG, PNG, GIF or WebP image"),
    ("chart.eps", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "Files ending in “.eps” are not accepted"),
    ("chart.jpg", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "is not a JPEG, PNG, GIF or WebP image"),
    ("space.jpg", b"SIMPLE  =                    T" + b" " * 2850, "is not a JPEG, PNG, GIF or WebP image"),
    ("report.jpg", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "is not a JPEG, PNG, GIF or WebP image"),
    ("noextension", picture("JPEG"), "Files ending in “(no extension)” are not accepted"),
    ("cut-header.jpg", picture("JPEG", size=(400, 300))[:300], "or it is damaged"),
    ("truncated.jpg", None, "damaged or incomplete"),
    ("empty.png", b"", "The submitted file is empty"),
    ("flood.png", png_header_only(30_000, 30_000), "This image is too large"),
    ("flood.gif", gif_header_only(65_535, 65_535), "This image is too large"),
    (
        "wide.png",
        png_header_only(100_000, 600),
        "This image is too large (100000 × 600 pixels): the limit is 50 megapixels",
    ),
]


@pytest.mark.parametrize("name, content, message", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_refused_upload_is_a_clear_form_error_and_stores_nothing(admin_client, name, content, message):
    if content is None:  # a photo cut off part-way through its pixels
        noisy = PILImage.effect_noise((400, 300), 80).convert("RGB")
        buffer = io.BytesIO()
        noisy.save(buffer, "JPEG", quality=95)
        content = buffer.getvalue()[: len(buffer.getvalue()) * 2 // 3]
    response = post_upload(admin_client, name, content)

    assert response.status_code == 200
    assert message in form_errors(response).replace("&ldquo;", "“").replace("&rdquo;", "”").replace("&#x27;", "'")
    assert Image.objects.count() == 0


def test_a_webp_pixel_flood_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1_000
    with pytest.raises(Exception) as refusal:
        clean_image_upload(upload("big.webp", picture("WEBP", size=(100, 100))))

    assert "too large (100 × 100 pixels)" in str(refusal.value)


def test_an_oversize_file_is_dropped_while_it_arrives(admin_client, settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 20_000
    big = picture("PNG", size=(400, 400)) + b"\x00" * 100_000  # trailing bytes after IEND

    response = post_upload(admin_client, "huge.png", big)

    assert response.status_code == 200
    assert "This file is larger than 19.5" in form_errors(response)
    assert Image.objects.count() == 0


def test_editing_an_image_without_a_new_file_keeps_the_file(admin_client):
    image = Image.objects.create(title="Kept", file=clean_image_upload(upload("a.png", picture("PNG"))))
    name = image.file.name

    response = admin_client.post(
        reverse("admin:media_image_change", args=[image.pk]),
        {"title": "Renamed", "alt_text": "Delegates", "credit": "", "tags": ""},
    )

    assert response.status_code == 302, form_errors(response)
    image.refresh_from_db()
    assert image.title == "Renamed" and image.file.name == name
