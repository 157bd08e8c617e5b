"""Import the old site's exported pages as published publications.

    python manage.py import_legacy PATH... [--dry-run] [--report FILE]

Each PATH is a page file or a folder searched recursively for `*.txt` files. Every file is
imported in its own transaction (publications.services.import_legacy_file): a bad file is
reported as `path: reason`, leaves nothing behind, and the batch goes on. The exit status
is 1 when any file failed.
"""

import json
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries

from cms.pagecache import purge_everything
from publications.legacy import LegacyFormatError, iter_legacy_paths, read_legacy_file
from publications.management.progress import ProgressBar
from publications.services import LegacyCatalog, LegacyImportResult, import_legacy_file, survey_legacy_file

STATUSES = ("created", "updated", "unchanged", "failed")
PURGE_EVERY = 1.0  # seconds


class Command(BaseCommand):
    help = "Import page files exported by the old site as published publications. Exit status 1 if any file failed."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="A page file, or a folder searched recursively for *.txt files."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every file and report what would change; write nothing."
        )
        parser.add_argument(
            "--report",
            metavar="FILE",
            help="Write a JSON list with one object per file: path, status, url, errors and warnings.",
        )

    def handle(self, *args, paths, dry_run, report, verbosity, **options):
        started = time.monotonic()
        # A first walk only counts, so the progress bar knows the total without holding every path.
        total = sum(1 for _ in iter_legacy_paths(paths))
        report_file = self.open_report(report)
        bar = ProgressBar(getattr(self.stderr, "_out", self.stderr), total)
        counts, warnings = Counter(), 0
        catalog = LegacyCatalog()
        self.survey(paths, catalog)
        self.commit_without_waiting(True)
        purged_at = self.purge(dry_run)
        try:
            for done, (path, problem) in enumerate(iter_legacy_paths(paths), start=1):
                result = self.import_one(path, problem, dry_run=dry_run, catalog=catalog)
                if time.monotonic() - purged_at > PURGE_EVERY:
                    purged_at = self.purge(dry_run)
                counts[result.status] += 1
                warnings += len(result.warnings)
                if result.errors or (result.warnings and verbosity >= 2):
                    bar.clear()
                    for error in result.errors:
                        self.stderr.write(f"{path}: {error}")
                    if verbosity >= 2:
                        for warning in result.warnings:
                            self.stderr.write(f"{path}: warning: {warning}")
                if report_file:
                    report_file.write(("" if done == 1 else ",\n") + json.dumps(result.as_report(), ensure_ascii=False))
                # With DEBUG on, Django keeps every query; a long batch must not.
                reset_queries()
                bar.update(done, failed=counts["failed"])
        finally:
            self.purge(dry_run)
            self.commit_without_waiting(False)
            bar.clear()
            if report_file:
                report_file.write("\n]\n")
                report_file.close()
        self.summarize(counts, total, warnings, dry_run=dry_run, seconds=time.monotonic() - started)
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} of {total} files failed; each is listed above as “path: reason”.", returncode=1)

    def survey(self, paths, catalog) -> None:
        """Note which page each file is before importing any, through `survey_legacy_file`.

        So two files that claim one page with different content are both refused, whichever
        the walk meets first. Only ids and digests are kept, not the files.
        """
        for path, problem in iter_legacy_paths(paths):
            if problem:
                continue
            try:
                survey_legacy_file(path=path, content=read_legacy_file(path), catalog=catalog)
            except Exception:  # noqa: BLE001, S112 — the import itself reports the file
                continue

    def purge(self, dry_run) -> float:
        """Purge the page cache: at the start, once a second and at the end of a run.

        Purging after every file would cost more than importing it. Pages cached before a
        run that is killed halfway are purged when the import is run again.
        """
        if not dry_run:
            purge_everything()
        return time.monotonic()

    def commit_without_waiting(self, enabled: bool) -> None:
        """On PostgreSQL, commit each file without waiting for its WAL flush (a bulk-load setting).

        Each file stays atomic; a database crash could lose only the last moment's commits,
        which running the idempotent import again restores. A killed command loses nothing.
        """
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF" if enabled else "RESET synchronous_commit")

    def import_one(self, path, problem, *, dry_run, catalog) -> LegacyImportResult:
        if problem:
            return LegacyImportResult(path=path, errors=[problem])
        try:
            content = read_legacy_file(path)
        except LegacyFormatError as error:
            return LegacyImportResult(path=path, errors=[str(error)])
        try:
            return import_legacy_file(path=path, content=content, dry_run=dry_run, catalog=catalog, purge_cache=False)
        except Exception as error:  # noqa: BLE001 — one broken file must not stop a batch of thousands
            catalog.discard()
            return LegacyImportResult(path=path, errors=[f"unexpected error ({type(error).__name__}: {error})"])

    def open_report(self, report):
        if not report:
            return None
        try:
            handle = open(report, "w", encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{report}: cannot write the report ({error.strerror}); nothing was imported.") from None
        handle.write("[\n")
        return handle

    def summarize(self, counts, total, warnings, *, dry_run, seconds):
        figures = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        if dry_run:
            message = f"Dry run, nothing written: {total} files checked in {seconds:.1f} s; would be {figures}."
        else:
            message = f"Imported {total} files in {seconds:.1f} s: {figures}."
        self.stdout.write(self.style.ERROR(message) if counts["failed"] else self.style.SUCCESS(message))
        if warnings:
            self.stdout.write(f"{warnings} warnings: see the report (--report) or run with -v 2.")
