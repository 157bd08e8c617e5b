"""Make the renditions of library images (cms/media/renditions.py) on demand.

    python manage.py make_renditions [--missing | --all] [IMAGE_ID...]

`--missing` (the default) makes them for images lacking some spec's renditions: images uploaded
while no worker ran, or before a spec was added or changed. `--all` makes every one again (after a
change of encoding). Progress goes to stdout as `12/340 images`; each image that failed is one
`path: reason` line on stderr (the image's file name), and the exit status is 1 when any failed.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import reset_queries

from cms.media.models import Image
from cms.media.renditions import make_renditions, missing_specs
from cms.pagecache.cache import model_tag, purge, row_tag

PROGRESS_EVERY = 50  # images between progress lines (and the last one)


class Command(BaseCommand):
    help = (
        "Make the renditions of library images: those lacking some (--missing, the default) or all of them again "
        "(--all). Exit status 1 if any image failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, metavar="IMAGE_ID", help="Only these images (by id).")
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--missing",
            action="store_const",
            const="missing",
            dest="which",
            help="Only images lacking some spec's renditions (the default).",
        )
        which.add_argument(
            "--all", action="store_const", const="all", dest="which", help="Make every image's renditions again."
        )

    def handle(self, *args, ids, which, verbosity, **options):
        remake = which == "all"
        images = Image.objects.exclude(file="").only("pk", "file", "width", "height", "focal_x", "focal_y")
        unknown = []
        if ids:
            images = images.filter(pk__in=ids)
            unknown = sorted(set(ids) - set(images.values_list("pk", flat=True)))
            for pk in unknown:
                self.stderr.write(f"{pk}: there is no image with this id, or it has no file")
        images = images.order_by("pk")
        # Only the manifests are read to choose: no picture is opened for an image that is done.
        todo = list(images) if remake else [image for image in images.iterator() if missing_specs(image)]
        total = len(todo)
        made, failed = [], 0
        for done, image in enumerate(todo, start=1):
            reasons = make_renditions(image, remake=remake)
            if reasons:
                self.stderr.write(f"{image.file.name}: {'; '.join(reasons)}")
                failed += 1
            made.append(image.pk)
            reset_queries()  # with DEBUG on, Django keeps every query; a long run must not
            if verbosity >= 1 and (done % PROGRESS_EVERY == 0 or done == total):
                self.stdout.write(f"{done}/{total} images")
        if made:
            # Pages cached while they showed the original file are rendered again with the renditions.
            purge(model_tag(Image), *(row_tag(Image, pk) for pk in made))
        if verbosity >= 1:
            message = f"Made the renditions of {total - failed} of {total} images."
            self.stdout.write(self.style.ERROR(message) if failed else self.style.SUCCESS(message))
        if failed or unknown:
            raise CommandError(
                f"{failed + len(unknown)} images failed; each is listed above as “path: reason”.", returncode=1
            )
