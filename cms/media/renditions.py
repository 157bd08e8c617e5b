"""Resized copies of library images ("renditions") at the sizes each place on the site needs.

Reads never render and templates never write. `make_renditions(image)` is the write path: it
opens the source with Pillow and stores every spec's renditions through the default storage
under `renditions/`, and runs when an image is uploaded or replaced or its focal point moves
(the task `cms/media/tasks.py:make_image_renditions`, queued by the admin's save), from the
`make_renditions` command, and in test factories; never from `Image.save()`. Pages and the desk
call `find_renditions(image, spec)`, which only reads a small manifest and, until the renditions
exist, gives the original file instead (see its docstring).

Names are deterministic: `renditions/<image id>-<version>-<spec>-<width>.<ext>`, where the
version is a short hash of the source file name, the spec and (for cropped specs) the image's
focal point, so replacing an image's file, moving its focal point or changing a spec makes new
renditions (old URLs never change content, so they can be cached for ever) and nothing needs
the database to find them.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import tempfile
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import ExifTags, ImageCms, ImageOps
from PIL import Image as PILImage

logger = logging.getLogger(__name__)

DIRECTORY = "renditions"

# Bump when the encoding below changes: every rendition then gets a new name.
ENCODING_VERSION = 1
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
WEBP_OPTIONS = {"quality": 80, "method": 4}
PNG_OPTIONS = {"optimize": True}

# EXIF orientations 5 to 8 are stored on their side: width and height swap when displayed.
_SIDEWAYS = {5, 6, 7, 8}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


@dataclass(frozen=True)
class Spec:
    """How one place on the site shows an image."""

    name: str
    widths: tuple[int, ...]
    aspect: tuple[int, int] | None  # width:height to crop to; None keeps the source's shape
    sizes: str  # the <img sizes> attribute: how wide the image is drawn, in CSS units
    centering: tuple[float, float] = (0.5, 0.5)
    eager: bool = False  # above the fold: load at once rather than lazily

    @property
    def signature(self) -> str:
        return repr((self.widths, self.aspect, self.centering, ENCODING_VERSION))


SPECS = {
    spec.name: spec
    for spec in [
        # Drawn at 4–5rem in bylines and lists; a profile page passes its own `sizes`.
        # Faces sit in the upper part of a portrait, so a square crop keeps the top third.
        Spec("headshot", widths=(160, 320), aspect=(1, 1), sizes="5rem", centering=(0.5, 0.3)),
        Spec("card", widths=(400, 800), aspect=(16, 9), sizes="(min-width: 40rem) 25rem, 100vw"),
        # Images editors place in a body (cms/richtext/rendering.py): the reading column, below the fold.
        Spec("inline", widths=(800, 1200, 1600), aspect=None, sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"),
        # The media library's picker in the editor (cms/richtext/views.py).
        Spec("thumbnail", widths=(240,), aspect=None, sizes="8rem"),
        # The lead image fills the reading column (42rem) and is the page's largest paint.
        Spec(
            "lead",
            widths=(800, 1200, 1600),
            aspect=None,
            sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)",
            eager=True,
        ),
    ]
}


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int | None  # None only for an original whose size the library does not know
    height: int | None


@dataclass(frozen=True)
class RenditionSet:
    """Everything a <picture> element needs for one image at one spec."""

    fallback: list[Rendition]  # JPEG, or PNG when the source has transparency; narrowest first
    webp: list[Rendition]
    sizes: str
    eager: bool = False
    made: bool = True  # False: the renditions are missing and `fallback` is the original file

    @property
    def srcset(self) -> str:
        return _srcset(self.fallback)

    @property
    def webp_srcset(self) -> str:
        return _srcset(self.webp)

    @property
    def largest(self) -> Rendition:
        return self.fallback[-1]

    @property
    def src(self) -> str:
        return self.largest.url

    @property
    def width(self) -> int:
        return self.largest.width

    @property
    def height(self) -> int:
        return self.largest.height


def _srcset(renditions: list[Rendition]) -> str:
    # An original of unknown width gets no srcset: a width descriptor would be a guess.
    return ", ".join(f"{r.url} {r.width}w" for r in renditions if r.width)


def find_renditions(image, spec_name: str, *, storage=None) -> RenditionSet | None:
    """Return what a page shows of `image` at a spec: its renditions, or else its original file.

    Lookup only, for templates and every read: reads one small manifest file, never writes and
    never queries. When the renditions are not made yet (the upload's task has not run) or could
    not be made (a broken source), returns the original file at the image's stored size
    (`made` is False), so a page still shows the picture. None when there is no image or file.
    """
    spec = SPECS[spec_name]  # an unknown spec is a programming error: fail loudly in tests
    if image is None or not image.file:
        return None
    storage = storage or default_storage
    manifest = _read_manifest(storage, f"{_prefix(image, spec)}.json")
    if manifest is None:
        original = Rendition(image.file.url, getattr(image, "width", None), getattr(image, "height", None))
        return RenditionSet(fallback=[original], webp=[], sizes=spec.sizes, eager=spec.eager, made=False)
    return RenditionSet(
        fallback=[Rendition(storage.url(name), w, h) for name, w, h in manifest["fallback"]],
        webp=[Rendition(storage.url(name), w, h) for name, w, h in manifest["webp"]],
        sizes=spec.sizes,
        eager=spec.eager,
    )


def missing_specs(image, *, storage=None) -> list[str]:
    """Return the names of the specs whose renditions of `image` are not made (no query)."""
    if image is None or not image.file:
        return []
    storage = storage or default_storage
    return [name for name, spec in SPECS.items() if _read_manifest(storage, f"{_prefix(image, spec)}.json") is None]


def make_renditions(image, *, specs=None, storage=None, remake: bool = False) -> list[str]:
    """Write the renditions of `image` for every spec (or the given names); return what failed.

    The write path: the upload's task (cms/media/tasks.py), the `make_renditions` command and test
    factories call it, never a template or a read. Specs whose manifest exists are skipped unless
    `remake`. Returns the reason it stopped (["the file is missing from the media storage"]), or
    [] when every spec is made; a broken source never raises. No query.
    """
    if image is None or not image.file:
        return []
    storage = storage or default_storage
    for name in specs or SPECS:
        spec = SPECS[name]
        prefix = _prefix(image, spec)
        if not remake and _read_manifest(storage, f"{prefix}.json") is not None:
            continue
        try:
            _make_renditions(storage, image.file.name, prefix, spec, focal_point(image) if spec.aspect else None)
        except Exception as error:
            # Pillow raises many exception types (OSError, ValueError, SyntaxError,
            # DecompressionBombError…) for missing, truncated or hostile files. A broken file is
            # an operator's problem to read about in one line, not a traceback (that is at DEBUG).
            reason = failure_reason(error)
            logger.warning("Could not make the renditions of image %s (%s): %s", image.pk, image.file.name, reason)
            logger.debug("Making the %s renditions of image %s failed", spec.name, image.pk, exc_info=True)
            # The other specs read the same source: they would fail the same way.
            return [reason]
    return []


def failure_reason(error: Exception) -> str:
    """A line for an editor or an operator saying why an image's renditions could not be made."""
    if isinstance(error, FileNotFoundError):
        return "the file is missing from the media storage"
    if isinstance(error, PILImage.DecompressionBombError):
        return "the picture has too many pixels to resize"
    if isinstance(error, PILImage.UnidentifiedImageError):
        return "the file is not an image Pillow can read"
    return f"the picture could not be read ({type(error).__name__}: {error})"


def _prefix(image, spec: Spec) -> str:
    focal = focal_point(image) if spec.aspect else None
    return f"{DIRECTORY}/{image.pk}-{_version(image.file.name, spec, focal)}-{spec.name}"


def focal_point(image) -> tuple[float, float] | None:
    """Return the image's focal point as fractions of its width and height, or None if unset."""
    x, y = getattr(image, "focal_x", None), getattr(image, "focal_y", None)
    if x is None or y is None:
        return None
    return (min(max(float(x), 0.0), 1.0), min(max(float(y), 0.0), 1.0))


def crop_centering(focal: tuple[float, float], size: tuple[int, int], target: tuple[int, int]) -> tuple[float, float]:
    """Return ImageOps.fit's `centering` that puts `focal` as near the crop's middle as the edges allow."""
    (fx, fy), (width, height), (target_w, target_h) = focal, size, target
    ratio = target_w / target_h
    crop_w, crop_h = (height * ratio, height) if width / height > ratio else (width, width / ratio)

    def axis(fraction, full, crop):
        spare = full - crop
        if spare <= 0:
            return 0.5
        return min(max(fraction * full - crop / 2, 0.0), spare) / spare

    return axis(fx, width, crop_w), axis(fy, height, crop_h)


def _version(file_name: str, spec: Spec, focal: tuple[float, float] | None = None) -> str:
    # The focal point is part of the name only where it changes the pixels (cropped specs).
    focus = "" if focal is None else f"\n{focal[0]:.4f},{focal[1]:.4f}"
    return hashlib.sha256(f"{file_name}\n{spec.signature}{focus}".encode()).hexdigest()[:6]


def _read_manifest(storage, name: str) -> dict | None:
    try:
        with storage.open(name, "rb") as fh:
            manifest = json.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        logger.warning("Unreadable rendition manifest %s (%s): treated as not made", name, error)
        return None
    if not isinstance(manifest, dict) or not manifest.get("fallback") or "webp" not in manifest:
        logger.warning("Malformed rendition manifest %s: treated as not made", name)
        return None
    return manifest


def _make_renditions(storage, source_name: str, prefix: str, spec: Spec, focal=None) -> dict:
    with storage.open(source_name, "rb") as fh:
        source = PILImage.open(fh)
        width, height = source.size
        if source.getexif().get(ExifTags.Base.Orientation) in _SIDEWAYS:
            width, height = height, width
        plan = _plan(spec, width, height)
        # Let the JPEG decoder scale down by 1/2–1/8 while every side stays at least as large
        # as the widest rendition (square request: correct whatever the orientation or crop).
        largest = plan[-1][0]
        source.draft(None, (largest, largest))
        source.load()
        picture = _to_rgb(ImageOps.exif_transpose(source))

    fallback_ext, fallback_format, fallback_options = (
        ("png", "PNG", PNG_OPTIONS) if picture.mode == "RGBA" else ("jpg", "JPEG", JPEG_OPTIONS)
    )
    manifest = {"fallback": [], "webp": []}
    for w, h in plan:
        if spec.aspect:
            centering = crop_centering(focal, picture.size, (w, h)) if focal else spec.centering
            resized = ImageOps.fit(picture, (w, h), PILImage.Resampling.LANCZOS, centering=centering)
        else:
            resized = picture.resize((w, h), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
        # Renditions carry no EXIF (GPS, camera), XMP, comments or colour profile: the pixels
        # are already sRGB and the page should not publish where a photo was taken.
        resized.info = {}
        for key, ext, fmt, options in [
            ("fallback", fallback_ext, fallback_format, fallback_options),
            ("webp", "webp", "WEBP", WEBP_OPTIONS),
        ]:
            name = f"{prefix}-{w}.{ext}"
            buffer = io.BytesIO()
            resized.save(buffer, fmt, **options)
            _write(storage, name, buffer.getvalue())
            manifest[key].append([name, w, h])
    # The manifest goes last: once it exists, every file it lists exists too.
    _write(storage, f"{prefix}.json", json.dumps(manifest).encode())
    return manifest


def _plan(spec: Spec, width: int, height: int) -> list[tuple[int, int]]:
    """Return the (width, height) of each rendition, narrowest first, never wider than the source."""
    if spec.aspect:
        aw, ah = spec.aspect
        widest = min(width, height * aw // ah)
        size_for = lambda w: (w, max(1, round(w * ah / aw)))  # noqa: E731
    else:
        widest = width
        size_for = lambda w: (w, max(1, round(w * height / width)))  # noqa: E731
    widths = sorted({min(w, widest) for w in spec.widths})
    return [size_for(w) for w in widths if w > 0]


def _to_rgb(picture: PILImage.Image) -> PILImage.Image:
    """Return the picture in sRGB, as RGB, or RGBA when any pixel is see-through."""
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        # 16-bit greyscale: scale to 8 bits; a plain convert clips everything above 255 to white.
        picture = picture.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif picture.mode == "F":
        picture = picture.convert("L")
    icc = picture.info.get("icc_profile")
    if icc and picture.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            picture = ImageCms.profileToProfile(
                picture,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                _SRGB,
                outputMode="RGBA" if picture.mode == "RGBA" else "RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            logger.info("Ignoring an unusable colour profile", exc_info=True)
    if picture.mode in ("RGBA", "LA", "La", "PA", "RGBa") or "transparency" in picture.info:
        picture = picture.convert("RGBA")
        if picture.getchannel("A").getextrema()[0] < 255:
            return picture
    return picture.convert("RGB")


def _write(storage, name: str, content: bytes) -> None:
    """Store `content` under exactly `name`; a concurrent writer of the same bytes is harmless."""
    try:
        path = storage.path(name)
    except NotImplementedError:
        path = None
    if path is None:
        # Remote storages: if another request saved first, the storage may pick a free name for
        # ours; drop that duplicate and keep the first (same name, so same content).
        saved = storage.save(name, ContentFile(content))
        if saved != name:
            storage.delete(saved)
        return
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    # Write to a temporary file beside the target, then rename: readers never see half a file.
    fd, temp_path = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.splitext(name)[1])
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        # mkstemp makes the file private (0600); the web server that serves media must read it.
        os.chmod(temp_path, storage.file_permissions_mode or 0o644)
        os.replace(temp_path, path)
    except BaseException:
        if os.path.exists(temp_path):
            os.unlink(temp_path)
        raise
