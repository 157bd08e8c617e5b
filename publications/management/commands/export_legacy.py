"""Write the public publications back out in the old site's page format.

    python manage.py export_legacy OUTDIR

One file per public piece, named `<counter>_<legacy id>.txt`, with its id in the metadata,
so that importing the files again (manage.py import_legacy) changes nothing.
"""

import os
import re
import time

from django.core.management.base import BaseCommand, CommandError

from publications.legacy.exporter import legacy_export_pages
from publications.legacy.format import format_legacy_page
from publications.management.progress import ProgressBar
from publications.models import Publication

UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(counter: int, legacy_id: str) -> str:
    """A file name inside OUTDIR whatever the id holds: no separators, no leading dot."""
    safe = UNSAFE.sub("-", legacy_id).strip(".-")[:120] or "page"
    return f"{counter:03d}_{safe}.txt"


class Command(BaseCommand):
    help = "Write every public publication into OUTDIR as a page file of the old site's export format."

    def add_arguments(self, parser):
        parser.add_argument("outdir", metavar="OUTDIR", help="Folder to write into; created if missing.")

    def handle(self, *args, outdir, **options):
        started = time.monotonic()
        try:
            os.makedirs(outdir, exist_ok=True)
        except OSError as error:
            raise CommandError(f"{outdir}: cannot create the folder ({error.strerror}).") from None
        if not os.path.isdir(outdir):
            raise CommandError(f"{outdir}: not a folder.")
        bar = ProgressBar(
            getattr(self.stderr, "_out", self.stderr), Publication.objects.published().count(), label="pages"
        )
        written = 0
        try:
            for written, page in enumerate(legacy_export_pages(), start=1):
                path = os.path.join(outdir, file_name(written - 1, page.legacy_id))
                self.write(path, format_legacy_page(page, include_id=True))
                bar.update(written)
        finally:
            bar.clear()
        self.stdout.write(
            self.style.SUCCESS(f"Exported {written} publications to {outdir} in {time.monotonic() - started:.1f} s.")
        )

    def write(self, path, text):
        # O_NOFOLLOW: a link planted in OUTDIR cannot redirect a write elsewhere.
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as error:
            raise CommandError(f"{path}: cannot write ({error.strerror}).") from None
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
