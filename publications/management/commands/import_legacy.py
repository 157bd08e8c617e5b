"""Import the old site's exported pages as published publications.

    python manage.py import_legacy PATH... [--dry-run] [--report FILE]
        [--expert NAME]... [--contributor NAME]... [--kinds FILE]

Each PATH is a page file or a folder searched recursively for `*.txt` files. Every file is
imported in its own transaction (publications.services.import_legacy_file): a bad file is
reported as `path: reason`, leaves nothing behind, and the batch goes on. The exit status
is 1 when any file failed. A page that fails the publish gate is stored as a draft for
managers ("held", listed as `path: held: reason`); it does not fail the run.

New authors are experts when their title line names a center or programme of the site;
`--expert`, `--contributor` and `--kinds` (a file of `expert: Name` / `contributor: Name`
lines) let editors decide instead.
"""

import json
import time
from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries

from cms.pagecache import purge_everything
from people.models import Person
from publications.legacy import LegacyFormatError, iter_legacy_paths, name_key, read_legacy_file
from publications.management.progress import ProgressBar
from publications.services import LegacyCatalog, LegacyImportResult, import_legacy_file, survey_legacy_file

STATUSES = ("created", "updated", "unchanged", "failed", "held")
PURGE_EVERY = 1.0  # seconds


class Command(BaseCommand):
    help = (
        "Import page files exported by the old site as published publications; pages that fail the publish "
        "check are kept as drafts for managers (held). Exit status 1 if any file failed."
    )

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
            help=(
                "Write a JSON list with one object per file: path, status, url, errors, warnings, held "
                "(the publish gate's reasons), language (code and where it came from: metadata, detected, default, "
                "or cms when editors' choice was kept) and people_created."
            ),
        )
        parser.add_argument(
            "--expert",
            action="append",
            default=[],
            metavar="NAME",
            help="A new author to create as an expert of the site, whatever the title line says. Repeatable.",
        )
        parser.add_argument(
            "--contributor",
            action="append",
            default=[],
            metavar="NAME",
            help="A new author to create as an outside contributor, whatever the title line says. Repeatable.",
        )
        parser.add_argument(
            "--kinds",
            metavar="FILE",
            help="A text file of editors' choices, one a line: “expert: Name” or “contributor: Name”; # starts a comment.",
        )

    def handle(self, *args, paths, dry_run, report, verbosity, expert, contributor, kinds, **options):
        started = time.monotonic()
        people_kinds = self.people_kinds(expert, contributor, kinds)
        # A first walk only counts, so the progress bar knows the total without holding every path.
        total = sum(1 for _ in iter_legacy_paths(paths))
        report_file = self.open_report(report)
        bar = ProgressBar(getattr(self.stderr, "_out", self.stderr), total)
        counts, warnings, kinds = Counter(), 0, Counter()
        catalog = LegacyCatalog()
        self.survey(paths, catalog)
        self.commit_without_waiting(True)
        purged_at = self.purge(dry_run)
        try:
            for done, (path, problem) in enumerate(iter_legacy_paths(paths), start=1):
                result = self.import_one(path, problem, dry_run=dry_run, catalog=catalog, people_kinds=people_kinds)
                if time.monotonic() - purged_at > PURGE_EVERY:
                    purged_at = self.purge(dry_run)
                counts[result.status] += 1
                kinds.update(person["kind"] for person in result.people_created)
                warnings += len(result.warnings)
                if result.errors or result.held or (result.warnings and verbosity >= 2):
                    bar.clear()
                    for error in result.errors:
                        self.stderr.write(f"{path}: {error}")
                    for reason in result.held:
                        self.stderr.write(f"{path}: held as a draft, not public: {reason}")
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
        if kinds:
            self.stdout.write(
                f"{'Would create' if dry_run else 'Created'} {kinds['expert']} experts and {kinds['contributor']} outside "
                "contributors: the report (--report) lists each with the reason for the kind."
            )
        if counts["failed"]:
            raise CommandError(
                f"{counts['failed']} of {total} files failed; each is listed above as “path: reason”.", returncode=1
            )

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

    def people_kinds(self, experts, contributors, kinds_file) -> dict[str, str]:
        """The editors' choice of kind for new people, by name; a contradiction stops the run."""
        choices: list[tuple[str, str, str]] = []  # (name, kind, where it was given)
        choices += [(name, Person.Kind.EXPERT, "--expert") for name in experts]
        choices += [(name, Person.Kind.CONTRIBUTOR, "--contributor") for name in contributors]
        if kinds_file:
            try:
                with open(kinds_file, encoding="utf-8") as handle:
                    lines = handle.read().splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise CommandError(f"{kinds_file}: cannot be read ({error}); nothing was imported.") from None
            for number, line in enumerate(lines, start=1):
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                kind, _colon, name = line.partition(":")
                kind = kind.strip().casefold()
                if kind not in Person.Kind.values or not name.strip():
                    raise CommandError(
                        f"{kinds_file}:{number}: expected “expert: Name” or “contributor: Name”; nothing was imported."
                    )
                choices.append((name.strip(), kind, f"{kinds_file}:{number}"))
        chosen: dict[str, tuple[str, str, str]] = {}
        for name, kind, where in choices:
            earlier = chosen.get(name_key(name))
            if earlier and earlier[1] != kind:
                raise CommandError(
                    f"{earlier[0]} is chosen as {earlier[1]} ({earlier[2]}) and as {kind} ({where}); nothing was imported."
                )
            chosen[name_key(name)] = (name, kind, where)
        return {name: kind for name, kind, _where in chosen.values()}

    def import_one(self, path, problem, *, dry_run, catalog, people_kinds=None) -> LegacyImportResult:
        if problem:
            return LegacyImportResult(path=path, errors=[problem])
        try:
            content = read_legacy_file(path)
        except LegacyFormatError as error:
            return LegacyImportResult(path=path, errors=[str(error)])
        try:
            return import_legacy_file(
                path=path,
                content=content,
                dry_run=dry_run,
                catalog=catalog,
                purge_cache=False,
                people_kinds=people_kinds,
            )
        except Exception as error:  # noqa: BLE001 — one broken file must not stop a batch of thousands
            catalog.discard()
            return LegacyImportResult(path=path, errors=[f"unexpected error ({type(error).__name__}: {error})"])

    def open_report(self, report):
        if not report:
            return None
        try:
            # One entry per file as the import goes: handle() writes it and closes it in its `finally`.
            handle = open(report, "w", encoding="utf-8")  # noqa: SIM115
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
