"""Checking and cleaning image uploads before they enter the media library.

An upload is only ever stored as a fresh encoding made here with Pillow: the real format must
be one we accept and must match the file's extension, its pixel count is checked from the
header before a single pixel is decoded (decompression bombs), the EXIF orientation is applied
to the pixels, and everything else the file carried (EXIF with GPS, XMP, comments, appended
bytes, polyglot HTML) is left behind. The stored name is generated, never the uploader's.

Every refusal is a `ValidationError` whose message tells the editor what to do.
"""

from __future__ import annotations

import io
import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image as PILImage
from PIL import ImageOps

# Extension → the formats Pillow may report for it. Phone cameras write JPEGs with a second
# picture inside, which Pillow reports as MPO.
EXTENSION_FORMATS = {
    ".jpg": {"JPEG", "MPO"},
    ".jpeg": {"JPEG", "MPO"},
    ".png": {"PNG"},
    ".gif": {"GIF"},
    ".webp": {"WEBP"},
}
ACCEPTED = gettext_lazy("JPEG, PNG, GIF or WebP")
# Only these decoders are ever run on an upload: FITS, EPS, PSD, TIFF and the rest are not
# even tried, so their parsers cannot be reached through the admin.
PILLOW_FORMATS = ["JPEG", "PNG", "GIF", "WEBP"]
FORMAT_NAMES = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}

# Format of the stored master → (extension, Pillow format, options). GIFs are stored as PNG
# (first frame): the library holds still pictures for pages, not animations.
OUTPUT = {
    "JPEG": (".jpg", "JPEG", {"quality": 90}),
    "MPO": (".jpg", "JPEG", {"quality": 90}),
    "PNG": (".png", "PNG", {}),
    "GIF": (".png", "PNG", {}),
    "WEBP": (".webp", "WEBP", {"quality": 90}),
}
_MODES = {
    "JPEG": {"L", "RGB", "CMYK"},
    "PNG": {"1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"},
    "WEBP": {"RGB", "RGBA"},
}


class RefusedUpload(UploadedFile):
    """Stands in for a file that was too large: its bytes were dropped as they arrived."""

    def __init__(self, *, name, content_type, size):
        super().__init__(io.BytesIO(), name=name, content_type=content_type, size=size)
        self.too_large = True


class LimitedImageUploadHandler(FileUploadHandler):
    """Stop keeping an uploaded file once it passes IMAGE_MAX_UPLOAD_BYTES.

    The handlers after this one (memory, then temporary file) only ever see the allowed part,
    so an oversized upload never fills memory or disk; the form then reports it as too large.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.refused = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.IMAGE_MAX_UPLOAD_BYTES:
            self.refused = True
        return None if self.refused else raw_data

    def file_complete(self, file_size):
        if self.refused:
            return RefusedUpload(name=self.file_name, content_type=self.content_type, size=self.received)
        return None


def clean_image_upload(upload) -> ContentFile:
    """Return a re-encoded copy of an uploaded image under a generated name, or refuse it.

    Raises ValidationError with a message for the editor when the file is too large, not an
    image in an accepted format, named for another format, too many pixels, or unreadable.
    """
    limit = settings.IMAGE_MAX_UPLOAD_BYTES
    if getattr(upload, "too_large", False) or (upload.size or 0) > limit:
        raise ValidationError(
            _("This file is larger than %(limit)s. Save a smaller version and upload that.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension == ".svg" or extension == ".svgz":
        raise ValidationError(
            _("SVG files are not accepted: they can carry scripts. Export the picture as %(formats)s and upload that.")
            % {"formats": ACCEPTED},
            code="svg",
        )
    if extension not in EXTENSION_FORMATS:
        raise ValidationError(
            _("Files ending in “%(extension)s” are not accepted. Upload a %(formats)s image.")
            % {"extension": extension or _("(no extension)"), "formats": ACCEPTED},
            code="extension",
        )

    upload.seek(0)
    try:
        source = PILImage.open(upload, formats=PILLOW_FORMATS)
    except PILImage.DecompressionBombError:
        raise _too_many_pixels(None) from None
    except Exception:
        # Not an image Pillow recognises among the accepted formats: HTML, SVG, PDF, EPS, a
        # truncated header… Pillow raises several exception types for these.
        raise ValidationError(
            _(
                "This file is not a %(formats)s image, or it is damaged. Open it in an image editor, "
                "export it again and upload the new file."
            )
            % {"formats": ACCEPTED},
            code="not_an_image",
        ) from None

    with source:
        real_format = source.format
        if real_format not in EXTENSION_FORMATS[extension]:
            real = FORMAT_NAMES.get(real_format, real_format)
            raise ValidationError(
                _(
                    "This file is a %(format)s image but its name ends in “%(extension)s”. Rename it to end in "
                    "“%(expected)s” or export it again as %(named)s."
                )
                % {
                    "format": real,
                    "extension": extension,
                    "expected": OUTPUT[real_format][0],
                    "named": extension.lstrip(".").upper(),
                },
                code="format_mismatch",
            )
        width, height = source.size
        if width * height > settings.IMAGE_MAX_PIXELS or width <= 0 or height <= 0:
            raise _too_many_pixels((width, height))
        try:
            source.load()
            picture = ImageOps.exif_transpose(source)
            return _encode(picture, real_format, icc=source.info.get("icc_profile"))
        except PILImage.DecompressionBombError:
            raise _too_many_pixels((width, height)) from None
        except Exception:
            raise ValidationError(
                _(
                    "This image is damaged or incomplete (it could not be read to the end). "
                    "Export it again and upload the new file."
                ),
                code="damaged",
            ) from None


def _too_many_pixels(size) -> ValidationError:
    limit_mp = settings.IMAGE_MAX_PIXELS // 1_000_000
    if size:
        message = _(
            "This image is too large (%(width)d × %(height)d pixels): the limit is %(limit)d megapixels. "
            "Resize it (3000 pixels wide is plenty for the site) and upload again."
        ) % {"width": size[0], "height": size[1], "limit": limit_mp}
    else:
        message = _(
            "This image is too large: the limit is %(limit)d megapixels. "
            "Resize it (3000 pixels wide is plenty for the site) and upload again."
        ) % {"limit": limit_mp}
    return ValidationError(
        message,
        code="too_many_pixels",
    )


def _encode(picture: PILImage.Image, real_format: str, *, icc: bytes | None) -> ContentFile:
    extension, pillow_format, options = OUTPUT[real_format]
    has_alpha = picture.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in picture.info
    if picture.mode not in _MODES[pillow_format]:
        picture = picture.convert("RGBA" if has_alpha and pillow_format != "JPEG" else "RGB")
    # Keep only what the pixels need (transparency, colour profile); leave EXIF, GPS, XMP and
    # comments behind. exif_transpose has already turned the pixels upright.
    kept = {key: picture.info[key] for key in ("transparency",) if key in picture.info}
    picture.info = kept
    if icc:
        options = {**options, "icc_profile": icc}
    buffer = io.BytesIO()
    picture.save(buffer, pillow_format, **options)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}{extension}")
