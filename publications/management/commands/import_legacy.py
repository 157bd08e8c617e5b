"""Import the old site's exported pages as published publications.

    python manage.py import_legacy PATH... [--dry-run] [--report FILE]
        [--expert NAME]... [--contributor NAME]... [--kinds FILE]

Each PATH is a page file or a folder searched recursively for `*.txt` files. Every file is
imported in its own transaction (publications/legacy/importer.py: LegacyImporter): a bad file is
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
from django.db import reset_queries

from people.models import Person
from publications.legacy.format import iter_legacy_paths, name_key
from publications.legacy.importer import LegacyImporter
from publications.management.progress import ProgressBar

STATUSES = ("created", "updated", "unchanged", "failed", "held")


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
        importer = LegacyImporter(dry_run=dry_run, people_kinds=people_kinds)
        try:
            with importer:
                importer.survey(path for path, problem in iter_legacy_paths(paths) if not problem)
                for done, (path, problem) in enumerate(iter_legacy_paths(paths), start=1):
                    result = importer.import_path(path, problem=problem)
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
                        report_file.write(
                            ("" if done == 1 else ",\n") + json.dumps(result.as_report(), ensure_ascii=False)
                        )
                    # With DEBUG on, Django keeps every query; a long batch must not.
                    reset_queries()
                    bar.update(done, failed=counts["failed"])
        finally:
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
