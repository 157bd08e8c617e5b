"""Writing the old site's pages into the CMS: one `LegacyPage` (publications/legacy/format.py) per transaction.

`manage.py import_legacy` hands a batch to a `LegacyImporter`, which reads each file through
`format.read`, keeps the batch's lookup cache (`LegacyCatalog`) and decides when the page
cache is purged; `import_legacy_file` imports one file's bytes on its own (tests, scripts).

Over 400 lines on purpose: what the import decides from a page (people by name, terms, the
publish gate, held pages people changed, language, audit) is one set of rules over one
catalog, each rule reading what the others wrote in the same transaction; split into modules
they would all import each other's private helpers.
"""

import hashlib
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from cms.kit.slugs import unique_slug
from cms.pagecache.cache import purge_everything
from cms.richtext.sanitizer import paragraphs_to_html, sanitize_html
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from people.models import Affiliation, Person
from publications.languages import MIN_CONFIDENCE, detect_language, site_language, site_languages
from publications.legacy.catalog import LegacyCatalog, PersonState
from publications.legacy.format import (
    KNOWN_TYPES,
    LegacyFormatError,
    LegacyPage,
    name_key,
    normalize_text,
    page_digest,
    parse,
    read,
)
from publications.models import Authorship, CollectionItem, Disclaimer, Publication, PublicationType, Revision, Status
from publications.models.editions import edition_problems
from publications.models.publication import SEARCHED_FIELDS
from publications.segmentation import search_words_of
from publications.workflow.gate import publish_gate_problems

LEGACY_RELATIONS = {
    # relation on Publication: its through table's column for the taxonomy term
    "centers": "center_id",
    "regions": "region_id",
    "topics": "topic_id",
    "programs": "program_id",
    "projects": "project_id",
    "newsletters": "newsletter_id",
}


@dataclass
class LegacyImportResult:
    """What importing one file did, for the summary and the JSON report."""

    path: str
    # "created", "updated", "unchanged", "held" (stored as a draft: the publish gate refused it) or "failed"
    status: str = "failed"
    url: str | None = None  # the public page; for a held page, its admin page
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    legacy_id: str | None = None
    held: list[str] = field(default_factory=list)  # the publish gate's reasons
    language: str | None = None
    # "metadata", "detected", "default", or "cms": kept as editors set it (a re-import)
    language_source: str = ""
    people_created: list[dict] = field(default_factory=list)  # {"name", "kind", "why"}

    def as_report(self) -> dict:
        return {
            "path": self.path,
            "status": self.status,
            "url": self.url,
            "errors": self.errors,
            "warnings": self.warnings,
            "held": self.held,
            "language": {"code": self.language, "from": self.language_source} if self.language else None,
            "people_created": self.people_created,
        }


class LegacyImportRefused(Exception):
    """A page that parses but cannot be stored as it is; the message says why."""


def survey_legacy_file(*, path: str, content: bytes | str, catalog: LegacyCatalog) -> None:
    """Note which page a file of a batch is, before the batch is imported; see `survey_legacy_page`."""
    try:
        page = parse(content, path=path)
    except LegacyFormatError:
        return
    survey_legacy_page(page, path=path, catalog=catalog)


def survey_legacy_page(page: LegacyPage, *, path: str, catalog: LegacyCatalog) -> None:
    """Note which page a file of a batch is, before the batch is imported.

    A batch calls this for every file first, so that the import refuses every file of a set
    that claims one legacy id with different content, whichever order they come in; files
    that say the same are imported once. A file that cannot be read is left for the import
    to report.
    """
    catalog.batch.setdefault(page.legacy_id, {})[path] = page_digest(page)


def import_legacy_file(
    *,
    path: str,
    content: bytes | str,
    dry_run: bool = False,
    catalog: LegacyCatalog | None = None,
    purge_cache: bool = True,
    people_kinds: dict[str, str] | None = None,
) -> LegacyImportResult:
    """Import one page file of the old site as a published publication, or bring it up to date.

    `content` is the file's bytes. The page's authors (matched by name, created when new),
    content type and taxonomy terms (created as needed), the publication and its relations
    are written in one transaction, so a file that fails leaves nothing behind; with
    `dry_run` everything is checked and then rolled back. The same page imported again is
    matched by its legacy id and changes nothing. Operators run this from
    `manage.py import_legacy`, so there is no user to check; the audit log shows the system.
    Pass one `catalog` for a whole batch, and `purge_cache=False` when the caller purges the
    page cache itself (the batch command does, once a second rather than once a file).
    A page that fails the publish gate (`publish_gate_problems`) is stored as a draft with the
    gate's reasons in `import_held_reasons`, and reported as "held". `people_kinds` is the
    editors' choice of kind for new people, {name: Person.Kind}; without one, a new author is
    an expert when the title line names a center or programme of the site.
    A page imported before that people have since taken over (changed a held draft, moved it
    into the workflow) is left as it is, with a warning. People and terms the import creates
    get a CREATE audit entry by the system, in the same transaction.
    Returns the outcome; never raises for a bad file. Budget with a warm catalog: 2 queries
    for an unchanged file (3 for a held one), about 9 for a new one (one more when it creates
    people or terms, for their audit entries), plus the page cache's purge.
    """
    catalog = catalog or LegacyCatalog()
    catalog.discard()
    catalog.load()
    try:
        page = parse(content, path=path)
    except LegacyFormatError as error:
        return LegacyImportResult(path=path, errors=[str(error)])
    return import_legacy_page(
        page, path=path, dry_run=dry_run, catalog=catalog, purge_cache=purge_cache, people_kinds=people_kinds
    )


def import_legacy_page(
    page: LegacyPage,
    *,
    path: str,
    dry_run: bool = False,
    catalog: LegacyCatalog | None = None,
    purge_cache: bool = True,
    people_kinds: dict[str, str] | None = None,
) -> LegacyImportResult:
    """Import one parsed page file (`path` names it in the report); see `import_legacy_file`."""
    catalog = catalog or LegacyCatalog()
    catalog.discard()
    catalog.load()
    result = LegacyImportResult(path=path)
    try:
        # The page as the file says it, like `survey_legacy_page`, before reading it against the site.
        digest = page_digest(page)
        _split_old_joined_newsletters(page, catalog)
        _check_legacy_lengths(page)
    except LegacyFormatError as error:
        result.errors.append(str(error))
        return result
    result.legacy_id = page.legacy_id
    result.warnings.extend(page.warnings)
    catalog.digests[path] = digest
    clashing = catalog.clashing_files(page.legacy_id, path=path, digest=digest)
    if clashing:
        result.errors.append(
            f"the same page (legacy id {page.legacy_id}) as {', '.join(clashing)}, with different content: "
            "none of these files is imported, whatever their order; keep one of them"
        )
        return result
    earlier = catalog.legacy_ids.get(page.legacy_id)
    if earlier is not None and earlier != path:
        if catalog.digests.get(earlier) != digest:
            # Only a caller that did not survey the batch first gets here: the earlier file stays.
            result.errors.append(f"the same page as {earlier} (legacy id {page.legacy_id}), which this run imported")
            return result
        result.warnings.append(f"the same page as {earlier} (legacy id {page.legacy_id}), word for word: imported once")
    try:
        with transaction.atomic():
            status, publication = _write_legacy_page(
                page, path=path, catalog=catalog, warnings=result.warnings, result=result, people_kinds=people_kinds
            )
            linked = 0
            if catalog.is_awaited(page.legacy_id):
                linked = _link_awaiting_editions(publication, path=path, warnings=result.warnings)
            if publication.awaited_original:
                catalog.await_original(publication.awaited_original)
            _audit_created_rows(catalog.take_created(), path=path)
            if dry_run:
                transaction.set_rollback(True)
            elif purge_cache and (status != "unchanged" or linked):
                purge_everything()
    except LegacyImportRefused as error:
        catalog.discard()
        result.errors.append(str(error))
        return result
    except (ValidationError, DatabaseError) as error:
        catalog.discard()
        if isinstance(error, ValidationError):
            message = "; ".join(error.messages)
        else:
            message = (str(error).strip().splitlines() or [type(error).__name__])[0]
        result.errors.append(f"the database refused the page: {message}")
        return result
    if dry_run:
        catalog.discard()
    else:
        catalog.commit()
    catalog.legacy_ids[page.legacy_id] = path
    result.status = status
    if status == "held" or publication.status != Status.PUBLISHED:
        # Held pages and drafts are not public: the report points managers to the admin page instead.
        result.url = None if dry_run else reverse("admin:publications_publication_change", args=[publication.pk])
    else:
        result.url = None if dry_run and status == "created" else publication.get_absolute_url()
    return result


def _legacy_original(page: LegacyPage, warnings: list[str]) -> dict:
    """The columns that link a page to the original its metadata names ("translationOf"); 1 query when it names one.

    The original is looked up by its legacy id; while it is not in the CMS the page waits for it
    (`awaited_original`) and is linked when that page is imported, in this batch or a later
    one, so files can come in any order. Without the key the link stays as editors left it.
    """
    if not page.translation_of:
        return {"awaited_original": ""}
    if page.translation_of == page.legacy_id:
        raise LegacyImportRefused(
            f"“translationOf” names the page itself (legacy id {page.legacy_id}): a page cannot be a translation "
            "of itself; remove the key or name the original's id"
        )
    original_pk = (
        Publication.objects.filter(legacy_id=page.translation_of, draft_of__isnull=True)
        .values_list("pk", flat=True)
        .first()
    )
    if original_pk is None:
        warnings.append(
            f"its original (legacy id {page.translation_of}) is not in the CMS yet: the two are linked as "
            "editions of one work when that page is imported"
        )
        return {"awaited_original": page.translation_of}
    return {"translation_of_id": original_pk, "awaited_original": ""}


def _check_edition(page: LegacyPage, publication: Publication) -> None:
    """Refuse the file when the original its metadata names cannot take it as an edition (1–3 queries)."""
    if publication.translation_of_id is None or not page.translation_of:
        return
    problems = edition_problems(publication)
    if problems:
        raise LegacyImportRefused(
            f"“translationOf” names the page with legacy id {page.translation_of}, which cannot take this page "
            f"as an edition: {' '.join(problems)}"
        )


def _link_awaiting_editions(original: Publication, *, path: str, warnings: list[str]) -> int:
    """Link the pages imported before this one that name it as their original ("translationOf"); return how many.

    An edition that cannot be linked (another edition in its language, the same language as
    this page, this page an edition itself) keeps waiting, with a warning naming it.
    """
    waiting = list(
        Publication.objects.filter(awaited_original=original.legacy_id, draft_of__isnull=True)
        .exclude(pk=original.pk)
        .select_for_update()
        .order_by("pk")
    )
    name = os.path.basename(path)
    linked = 0
    for edition in waiting:
        edition.translation_of_id = original.pk
        problems = edition_problems(edition)
        if problems:
            warnings.append(
                f"the page with legacy id {edition.legacy_id} names this page as its original but stays "
                f"unlinked: {' '.join(problems)}"
            )
            continue
        # The link is the import's own write: a page the import still controls stays so.
        still_imported = edition.import_version == edition.version
        edition.version += 1
        Publication.objects.filter(pk=edition.pk).update(
            translation_of_id=original.pk,
            awaited_original="",
            version=edition.version,
            import_version=edition.version if still_imported else edition.import_version,
            updated_at=timezone.now(),
        )
        record_audit(
            actor=None,
            action=AuditEntry.Action.EDIT,
            obj=edition,
            message=f"Linked by the legacy import of {name} as the {edition.get_language_display()} edition of "
            f"“{original.title}”",
        )
        warnings.append(
            f"linked the page with legacy id {edition.legacy_id} to this page as its "
            f"{edition.get_language_display()} edition"
        )
        linked += 1
    return linked


def _audit_created_rows(rows: list, *, path: str) -> None:
    """One CREATE audit entry for each person and term the import created, in the file's transaction.

    Written in one insert, as `record_audit` would write them one by one: the import has no
    user, so the entries name the system.
    """
    if not rows:
        return
    message = f"Created by the legacy import from {path}"
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                actor=None,
                actor_name="system",
                action=AuditEntry.Action.CREATE,
                content_type=ContentType.objects.get_for_model(row),
                object_id=str(row.pk),
                object_repr=str(row)[:300],
                message=message,
            )
            for row in rows
        ]
    )


def _write_legacy_page(
    page: LegacyPage, *, path: str, catalog: LegacyCatalog, warnings: list[str], result, people_kinds=None
):
    type_id = _legacy_type_id(page, catalog, warnings)
    primary_id = catalog.ids(Center, [page.primary_center])[0] if page.primary_center else None
    result.language, result.language_source = _legacy_language(page, warnings)

    fields = {
        "title": page.title,
        "dek": page.dek,
        "body": sanitize_html(paragraphs_to_html("\n".join(page.paragraphs))),
        "publication_type_id": type_id,
        "primary_center_id": primary_id,
        "lead_image_credit": page.image_credit,
        "source_name": page.source,
        "disclaimer_override": _legacy_disclaimer_override(page, catalog, primary_id, type_id, warnings),
        "language": result.language,
        "imported_language": result.language,
    }
    if page.date is not None:
        # Without a date key the date stays unknown (or as editors set it), never invented.
        fields["publication_date"] = page.date
    fields.update(_legacy_original(page, warnings))

    publication = _imported_before(page.legacy_id, fields)
    created = publication is None
    if not created:
        left_to_people = _left_to_people(publication)
        if left_to_people:
            # The file would undo people's fixes, or publish over their unsaved work.
            warnings.append(left_to_people)
            result.language, result.language_source = publication.language, "cms"
            return "unchanged", publication
        _keep_editors_language(publication, fields, result, warnings)

    for name in page.other_newsletters:
        if catalog.find(Newsletter, name_key(name)) is None:
            warnings.append(f"created the newsletter “{name}”: choose its language in the admin")
    for name in [*page.newsletters, *page.other_newsletters]:
        if catalog.find(Newsletter, name_key(name)) is None and any(
            sep.search(name) for sep in OLD_NEWSLETTER_SEPARATORS
        ):
            warnings.append(
                f"created the newsletter “{name}” as one name: if it is several newsletters joined, as older "
                "exports did, create them in the admin and import the page again"
            )
    relations = {
        "centers": catalog.ids(Center, page.centers),
        "regions": catalog.ids(Region, page.regions),
        "topics": catalog.ids(Topic, page.topics),
        "programs": catalog.ids(Program, page.programs),
        "projects": catalog.ids(Project, page.projects),
        # Newsletters in other languages: the file does not say which, so editors choose.
        "newsletters": list(
            dict.fromkeys(
                catalog.ids(Newsletter, page.newsletters, language="en")
                + catalog.ids(Newsletter, page.other_newsletters, language="")
            )
        ),
        "collections": catalog.ids(Collection, page.collections),
    }
    if primary_id and primary_id not in relations["centers"]:
        relations["centers"].insert(0, primary_id)
    byline, people_changed = _legacy_people(
        page, catalog, warnings, people_kinds=people_kinds, created=result.people_created
    )

    has_disclaimer = bool(fields["disclaimer_override"]) or (
        catalog.disclaimer(center_id=primary_id, type_id=type_id) is not None
    )

    def gate(publication) -> list[str]:
        # The gate managers publish through: an imported page is no exception (issue 13, item 14).
        return publish_gate_problems(publication, has_author=bool(byline), has_disclaimer=has_disclaimer)

    changed_fields = []
    held: list[str] = []
    gate_change = ""
    # Rows are written in bulk, without model signals: per-row cache purges would cost more than
    # the import itself, so the page cache is purged as a whole instead (import_legacy_file).
    if created:
        now = timezone.now()
        publication = Publication(legacy_id=page.legacy_id, import_language_source=result.language_source, **fields)
        publication.slug = unique_slug(publication, publication.title)
        _check_edition(page, publication)
        held = gate(publication)
        if held:
            publication.status = Status.DRAFT
            publication.import_held_reasons = "\n".join(held)
        else:
            publication.status = Status.PUBLISHED
            publication.first_published_at = publication.went_live_handled_at = now
        for name, value in _written_by_import(publication).items():
            setattr(publication, name, value)
        Publication.objects.bulk_create([publication])
    else:
        changed_fields = [name for name, value in fields.items() if getattr(publication, name) != value]
        if "language" in changed_fields:
            # Where the language came from is recorded with it; the same language found another way is no change.
            fields["import_language_source"] = result.language_source
            changed_fields.append("import_language_source")
        if changed_fields:
            for name in changed_fields:
                setattr(publication, name, fields[name])
            if "translation_of_id" in changed_fields or "language" in changed_fields:
                _check_edition(page, publication)
            publication.version += 1
            publication.updated_at = timezone.now()
            searched = {}
            if SEARCHED_FIELDS.intersection(changed_fields):
                # update() skips the field's pre_save: the segmented words are written here.
                publication.search_words = searched["search_words"] = search_words_of(publication)
            Publication.objects.filter(pk=publication.pk).update(
                **{name: fields[name] for name in changed_fields},
                **searched,
                **_written_by_import(publication),
                version=publication.version,
                updated_at=publication.updated_at,
            )
        held, gate_change = _legacy_gate_outcome(publication, gate(publication))
    links_changed = _sync_legacy_links(publication, relations, byline, catalog=catalog, created=created)
    result.held = held

    if created:
        status = "created"
    elif changed_fields or links_changed or people_changed:
        status = "updated"
    elif not gate_change:
        return ("held" if held else "unchanged"), publication
    name = os.path.basename(path)
    if created:
        action, message = AuditEntry.Action.CREATE, f"Imported from the legacy site: {name}"
    elif gate_change == "held":
        action, message = AuditEntry.Action.UNPUBLISH, f"Taken off the site by the legacy import of {name}"
    elif gate_change == "released":
        action, message = (
            AuditEntry.Action.PUBLISH,
            f"Published by the legacy import of {name}: it now passes the publish check",
        )
    else:
        action, message = AuditEntry.Action.EDIT, f"Imported from the legacy site: {name}"
    if held:
        message += " — held as a draft: " + " ".join(held)
    record_audit(actor=None, action=action, obj=publication, message=message)
    return ("held" if held else status), publication


# The publication's own columns the import writes or the publish gate reads: what
# `import_digest` covers, so that a change made in the CMS by any path shows.
DIGESTED_FIELDS = (
    "title",
    "dek",
    "body",
    "publication_type_id",
    "primary_center_id",
    "lead_image_credit",
    "source_name",
    "disclaimer_override",
    "language",
    "publication_date",
    "lead_image_id",
    "lead_image_alt",
)


def _content_digest(publication: Publication) -> str:
    values = ["" if getattr(publication, name) is None else str(getattr(publication, name)) for name in DIGESTED_FIELDS]
    return hashlib.sha256("\x1f".join(values).encode()).hexdigest()


def _written_by_import(publication: Publication) -> dict:
    """The columns that remember what the import wrote; call after changing the instance and its version."""
    return {"import_version": publication.version, "import_digest": _content_digest(publication)}


def _left_to_people(publication: Publication) -> str:
    """Why the import must leave a page it imported before as it is, or "" when the import still controls it.

    The import controls live pages and the drafts it held that nobody changed since. Any other
    state (in review, approved, unpublished, a draft people work on) is the workflow's.

    The import's own write to a held draft is known by its version and a digest of its content; a save in the
    CMS moves the version on, a change by any other path changes the digest, and an editor's
    autosave or save leaves a revision. Pages imported before the import remembered its writes
    count as changed once people saved a revision of them.
    """
    if publication.status == Status.PUBLISHED:
        return ""
    if not (publication.status == Status.DRAFT and publication.import_held_reasons):
        return (
            f"the publication is {publication.get_status_display().lower()} in the CMS: left as it is, "
            "without this file's content"
        )
    revisions = Revision.objects.filter(publication_id=publication.pk, created_by__isnull=False)
    moved = False
    if publication.import_version is not None:
        revisions = revisions.filter(version__gte=publication.import_version)
        moved = (
            publication.version != publication.import_version
            or _content_digest(publication) != publication.import_digest
        )
    if not moved and not revisions.exists():
        return ""
    return (
        "held as a draft and changed in the CMS since the import wrote it: left as it is, without this "
        "file's content, so that the changes are kept; publish it through the usual workflow"
    )


def _keep_editors_language(publication: Publication, fields: dict, result, warnings: list[str]) -> None:
    """Keep a language editors set in the CMS, unless the page's metadata names one.

    Detection and the default are guesses the import made; an editor who corrected one knows better.
    """
    if result.language_source == "metadata" or publication.language == fields["language"]:
        return
    if publication.language == publication.imported_language:
        return
    languages = site_languages()
    found = {"detected": "detected from the text", "default": "the default"}.get(
        result.language_source, result.language_source
    )
    warnings.append(
        f"kept the language editors set in the CMS, {languages.get(publication.language, publication.language)}, "
        f"rather than {languages.get(fields['language'], fields['language'])} ({found}); "
        "a “language” key in the metadata would decide"
    )
    fields["language"] = publication.language
    fields.pop("imported_language")
    result.language, result.language_source = publication.language, "cms"


def _legacy_gate_outcome(publication: Publication, problems: list[str]) -> tuple[list[str], str]:
    """Hold or release a page imported before, by the publish gate; return its reasons and what changed.

    Called only for pages the import controls (`_left_to_people`): a live one (which the gate now
    takes off the site, like any page whose new version would fail it) and one it held itself,
    still a draft nobody changed (which goes live once a later import passes the gate). What
    changed is "held", "released" or "".
    """
    reasons = "\n".join(problems)
    held_by_import = publication.status == Status.DRAFT and bool(publication.import_held_reasons)
    updates: dict = {}
    change = ""
    if publication.status == Status.PUBLISHED and problems:
        updates = {"status": Status.DRAFT, "import_held_reasons": reasons, "go_live_at": None}
        change = "held"
    elif held_by_import and not problems:
        now = timezone.now()
        updates = {
            "status": Status.PUBLISHED,
            "import_held_reasons": "",
            "first_published_at": publication.first_published_at or now,
            "went_live_handled_at": now,
        }
        change = "released"
    elif held_by_import and reasons != publication.import_held_reasons:
        updates = {"import_held_reasons": reasons}
    if updates:
        for name, value in updates.items():
            setattr(publication, name, value)
        publication.version += 1
        publication.updated_at = timezone.now()
        Publication.objects.filter(pk=publication.pk).update(
            **updates, **_written_by_import(publication), version=publication.version, updated_at=publication.updated_at
        )
    return (problems if publication.status == Status.DRAFT else []), change


def _imported_before(legacy_id: str, fields: dict):
    """The publication this legacy id was imported as, locked, with the fields the import compares.

    A raw query because it runs once a file, and building it with the ORM costs more than
    running it.
    """
    qn = connection.ops.quote_name
    # With what the publish gate reads, so that checking an imported page costs no query.
    gate_columns = ["import_held_reasons", "first_published_at", "lead_image_id", "lead_image_alt"]
    # And what the import last wrote, to tell the import's writes from people's.
    written = ["import_version", "import_digest", "import_language_source", "imported_language", *DIGESTED_FIELDS]
    names = dict.fromkeys(["id", "slug", "status", "version", *gate_columns, *written, *fields])
    columns = ", ".join(qn(name) for name in names)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    found = Publication.objects.raw(
        f"SELECT {columns} FROM {qn(Publication._meta.db_table)} WHERE {qn('legacy_id')} = %s{lock}", [legacy_id]
    )
    return next(iter(found), None)


# How exports made before issue 13 joined several names in one newsletter key.
OLD_NEWSLETTER_SEPARATORS = (re.compile(r"\s*,\s+"), re.compile(r"\s*\|\s*"))


def _split_old_joined_newsletters(page: LegacyPage, catalog: LegacyCatalog) -> None:
    """Read the newsletter keys of exports made before names could hold commas.

    The old exporter joined a page's newsletters with ", " and "|" used to separate them too, so
    "Strategic Europe, Diwan" is two newsletters when the site knows both and not the whole.
    Otherwise the value stays one name: a newsletter may hold a comma.
    """
    for key in ("newsletters", "other_newsletters"):
        names: list[str] = []
        for name in getattr(page, key):
            parts = [] if catalog.find(Newsletter, name_key(name)) else _known_parts(name, catalog)
            if parts:
                page.warnings.append(
                    f"read the newsletters “{name}” as {', '.join(f'“{part}”' for part in parts)}, "
                    "the site's newsletters of those names, as older exports joined them"
                )
            names.extend(parts or [name])
        setattr(page, key, list(dict.fromkeys(names)))


def _known_parts(name: str, catalog: LegacyCatalog) -> list[str]:
    for separator in OLD_NEWSLETTER_SEPARATORS:
        parts = [part.strip() for part in separator.split(name) if part.strip()]
        if len(parts) > 1 and all(catalog.find(Newsletter, name_key(part)) for part in parts):
            return parts
    return []


def _check_legacy_lengths(page: LegacyPage) -> None:
    """Refuse a value longer than its column, naming the field and its line, before any row is built.

    The database's own message ("value too long for type character varying(300)") names
    neither, and SQLite would store the value whole.
    """
    text = normalize_text(page.source_text)

    def line_of(value: str, key: str | None = None) -> int | None:
        # The first place the file spells the value; a metadata value whose spacing the parser
        # folded is found by its key instead.
        at = text.find(value)
        if at == -1 and key:
            at = text.find(f'"{key}"')
        return text.count("\n", 0, at) + 1 if at != -1 else None

    def check(value: str, model, column: str, what: str, key: str | None = None):
        limit = model._meta.get_field(column).max_length
        if len(value) > limit:
            raise LegacyFormatError(
                f"field {what} is {len(value)} characters, at most {limit}", line=line_of(value, key)
            )

    check(page.title, Publication, "title", "title")
    check(page.image_credit, Publication, "lead_image_credit", "image credit")
    check(page.source, Publication, "source_name", "source")
    check(page.type_key, PublicationType, "legacy_key", "type", "type")
    check(page.primary_center, Center, "name", "primaryCenter", "primaryCenter")
    terms = {
        "centers": Center,
        "collections": Collection,
        "regions": Region,
        "topics": Topic,
        "programs": Program,
        "projects": Project,
        "newsletters": Newsletter,
        "other_newsletters": Newsletter,
    }
    for key, model in terms.items():
        for name in getattr(page, key):
            check(name, model, "name", key, key)
    for author in page.authors:
        check(author.name, Person, "name", "authors", "authors")
        check(author.title_line, Authorship, "title_line", f"title line of {author.name[:40]}")


def _legacy_type_id(page: LegacyPage, catalog: LegacyCatalog, warnings: list[str]) -> int:
    """Map the old site's type name to a content type: by legacy key, then by label; else create it."""
    key = name_key(page.type_key)
    label, shows_source = KNOWN_TYPES.get(key, (_label_from_legacy_key(page.type_key), bool(page.source)))
    for candidate in (f"legacy:{key}", key, name_key(label)):
        pk = catalog.find(PublicationType, candidate)
        if pk:
            return pk
    created = PublicationType.objects.create(label=label, legacy_key=page.type_key, shows_source=shows_source)
    catalog.note_created(created)
    catalog.add(PublicationType, f"legacy:{key}", created.pk)
    catalog.add(PublicationType, name_key(label), created.pk)
    if key in KNOWN_TYPES:
        warnings.append(f"created the content type “{label}” for the old site's “{page.type_key}”")
    else:
        warnings.append(f"unknown type “{page.type_key}”: created the content type “{label}”; rename it in the admin")
    return created.pk


def _label_from_legacy_key(type_key: str) -> str:
    """A first label for an unknown legacy type: "legacyoped" → "Oped", "legacy-op-ed" → "Op ed"."""
    words = type_key.removeprefix("legacy").replace("-", " ").replace("_", " ").split()
    label = " ".join(words) or type_key
    return (label[:1].upper() + label[1:])[: PublicationType._meta.get_field("label").max_length]


def _legacy_language(page: LegacyPage, warnings: list[str]) -> tuple[str, str]:
    """The page's language and where it came from: the metadata, detection from the text, or the default."""
    if page.language:
        code = site_language(page.language)
        if code:
            return code, "metadata"
        warnings.append(
            f"the metadata's language “{page.language}” is not one of the site's languages; detected it from the text"
        )
    text = "\n".join([page.title, page.dek, *page.paragraphs])
    detection = detect_language(text)
    if detection.language:
        return detection.language, "detected"
    default = Publication._meta.get_field("language").default
    if detection.detected:
        found = (
            f"looks like {detection.describe()}, which is not one of the site's languages"
            if detection.confidence >= MIN_CONFIDENCE
            else f"could not be told reliably (best guess {detection.describe()})"
        )
    else:
        found = "is too short to tell"
    warnings.append(f"the page's language {found}: set to {site_languages()[default]}; check it in the admin")
    return default, "default"


def _legacy_person_kind(author, catalog: LegacyCatalog, people_kinds: dict[str, str]) -> tuple[str, str]:
    """The kind of person a new author is, and why: the editors' choice, else what the title line names."""
    chosen = people_kinds.get(name_key(author.name))
    if chosen:
        return chosen, "chosen by the editors (import option)"
    named = catalog.site_unit_in_title(author.title_line)
    if named:
        what, name, _pk = named
        return Person.Kind.EXPERT, f"the title line names the site's {what} “{name}”"
    return Person.Kind.CONTRIBUTOR, "the title line names no center or programme of the site"


def _legacy_people(page: LegacyPage, catalog: LegacyCatalog, warnings: list[str], *, people_kinds=None, created=None):
    """Return the byline as [(person id, title line)], creating new people; and whether people changed.

    A bio is (re)written only while it still equals what the importer last wrote, so a bio
    editors have changed in the CMS stays as they left it. Each person created is added to
    `created` with the kind chosen and why.
    """
    people_kinds = {name_key(name): kind for name, kind in (people_kinds or {}).items()}
    created = created if created is not None else []
    byline, changed = [], False
    for author in page.authors:
        key = name_key(author.name)
        bio = sanitize_html(paragraphs_to_html(author.bio)) if author.bio else ""
        pk = catalog.find(Person, key)
        if pk is None:
            # Outside contributors stay out of the expert directory until editors decide.
            kind, why = _legacy_person_kind(author, catalog, people_kinds)
            person = Person(name=author.name, kind=kind, bio=bio, imported_bio=bio)
            person.save()
            catalog.note_created(person)
            created.append({"name": author.name, "kind": str(kind), "why": why})
            pk = person.pk
            catalog.add(Person, key, pk)
            if author.title_line:
                Affiliation.objects.create(
                    person=person, title_line=author.title_line, center_id=catalog.center_in_title(author.title_line)
                )
            state = PersonState(pk, bio, True, has_affiliation=bool(author.title_line))
            changed = True
        else:
            state = catalog.person(pk)
            chosen = people_kinds.get(key)
            if chosen and pk not in catalog.reported_kinds:
                catalog.reported_kinds.add(pk)
                warnings.append(
                    f"{author.name} already exists in the CMS; the kind chosen for them ({chosen}) applies only to "
                    "people the import creates: change it in the admin if it should change"
                )
            if catalog.shares_name(key) and pk not in catalog.reported_people:
                catalog.reported_people.add(pk)
                warnings.append(f"several people are called {author.name}; the byline uses the first one (id {pk})")
            if bio and bio != state.imported_bio:
                state, refreshed = _refresh_imported_bio(state, bio)
                changed |= refreshed
                if not refreshed and pk not in catalog.kept_bios:
                    catalog.kept_bios.add(pk)
                    warnings.append(f"kept {author.name}'s bio as it is in the CMS, where it was written or changed")
        if author.title_line and not state.has_affiliation:
            if not Affiliation.objects.filter(person_id=pk).exists():
                Affiliation.objects.create(
                    person_id=pk, title_line=author.title_line, center_id=catalog.center_in_title(author.title_line)
                )
                changed = True
            state = PersonState(pk, state.imported_bio, state.bio_untouched, has_affiliation=True)
        catalog.set_person(state)
        byline.append((pk, author.title_line))
    return byline, changed


def _refresh_imported_bio(state: PersonState, bio: str) -> tuple[PersonState, bool]:
    """Write a newer bio from the old site unless editors changed the bio; decided by the database."""
    if state.bio_untouched:
        person = Person.objects.select_for_update().get(pk=state.pk)
        if person.bio == person.imported_bio:
            person.bio = person.imported_bio = bio
            person.save(update_fields=["bio", "imported_bio", "updated_at"])
            return PersonState(state.pk, bio, True, state.has_affiliation), True
    return PersonState(state.pk, state.imported_bio, False, state.has_affiliation), False


def _legacy_disclaimer_override(page: LegacyPage, catalog: LegacyCatalog, center_id, type_id, warnings) -> str:
    """Keep a file's disclaimer only where it differs from the one the site would show.

    A site with no disclaimer at all gets the file's as its site default, so that imported
    pages show one.
    """
    if not page.disclaimer:
        return ""
    applicable = catalog.disclaimer(center_id=center_id, type_id=type_id)
    text = sanitize_html(paragraphs_to_html(page.disclaimer))
    if applicable is None:
        catalog.note_created(Disclaimer.objects.create(name="Site default (from the legacy import)", text=text))
        catalog.add_disclaimer(text)
        warnings.append("no disclaimer applied: made this file's disclaimer the site default")
        return ""
    if applicable == " ".join(page.disclaimer.split()):
        return ""
    return text


def _legacy_links_sql() -> str:
    """One query for everything a publication links to: byline rows, then taxonomy terms.

    Raw SQL because it runs once per imported file and Django compiles a seven-part UNION
    more slowly than the database answers it.
    """
    qn = connection.ops.quote_name
    where = f"WHERE {qn('publication_id')} = %s"
    parts = [
        f"SELECT 'authors', {qn('person_id')}, {qn('position')}, {qn('title_line')}, {qn('id')} "
        f"FROM {qn(Authorship._meta.db_table)} {where}",
        f"SELECT 'collections', {qn('collection_id')}, NULL, NULL, NULL FROM {qn(CollectionItem._meta.db_table)} {where}",
    ]
    for name, column in LEGACY_RELATIONS.items():
        table = Publication._meta.get_field(name).remote_field.through._meta.db_table
        parts.append(f"SELECT '{name}', {qn(column)}, NULL, NULL, NULL FROM {qn(table)} {where}")
    return " UNION ALL ".join(parts)


def _insert_rows(inserts: list[tuple]) -> None:
    """Insert plain rows into link tables: `inserts` is [(model, columns, rows)].

    Raw SQL, in one statement on PostgreSQL (data-modifying WITH clauses), because an import
    fills up to five such tables per file and round trips and the ORM's bulk_create cost more
    than the rows. Link rows have no signals and no defaults to compute.
    """
    qn = connection.ops.quote_name
    statements, params = [], []
    for model, columns, rows in inserts:
        if rows:
            values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
            statements.append(f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(map(qn, columns))}) VALUES {values}")
            params.append([value for row in rows for value in row])
    if not statements:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            heads = [f"i{n} AS ({statement})" for n, statement in enumerate(statements[:-1])]
            cursor.execute(
                (f"WITH {', '.join(heads)} " if heads else "") + statements[-1],
                [value for part in params for value in part],
            )
        else:
            for statement, values in zip(statements, params, strict=True):
                cursor.execute(statement, values)


def _sync_legacy_links(publication, relations: dict[str, list[int]], byline, *, catalog, created: bool) -> bool:
    """Make the publication's authors and taxonomy links match the file; return whether anything changed.

    Authors keep the role editors gave them; their order and title at publication follow the file.
    """
    current: dict[str, set[int]] = {name: set() for name in relations}
    authorships: dict[int, tuple[int, str, int]] = {}  # person id -> (position, title line, row id)
    if not created:
        with connection.cursor() as cursor:
            cursor.execute(_legacy_links_sql(), [publication.pk] * (len(LEGACY_RELATIONS) + 2))
            for name, target, position, title_line, row_id in cursor.fetchall():
                if name == "authors":
                    authorships[target] = (position, title_line, row_id)
                else:
                    current[name].add(target)
    changed, inserts = False, []
    for name, wanted in relations.items():
        missing = [pk for pk in wanted if pk not in current[name]]
        surplus = current[name] - set(wanted)
        if not missing and not surplus:
            continue
        changed = True
        if name == "collections":
            if surplus:
                CollectionItem.objects.filter(publication_id=publication.pk, collection_id__in=surplus).delete()
            inserts.append(
                (
                    CollectionItem,
                    ["collection_id", "publication_id", "position"],
                    [(pk, publication.pk, catalog.next_position(pk)) for pk in missing],
                )
            )
            continue
        column = LEGACY_RELATIONS[name]
        through = Publication._meta.get_field(name).remote_field.through
        if surplus:
            through.objects.filter(publication_id=publication.pk, **{f"{column}__in": surplus}).delete()
        inserts.append((through, ["publication_id", column], [(publication.pk, pk) for pk in missing]))

    wanted_byline = {person_id: (position, title_line) for position, (person_id, title_line) in enumerate(byline)}
    surplus = [row_id for person_id, (_p, _t, row_id) in authorships.items() if person_id not in wanted_byline]
    new, moved = [], []
    for person_id, (position, title_line) in wanted_byline.items():
        row = authorships.get(person_id)
        if row is None:
            new.append((person_id, position, title_line))
        elif row[:2] != (position, title_line):
            moved.append(Authorship(pk=row[2], position=position, title_line=title_line))
    if surplus:
        Authorship.objects.filter(pk__in=surplus).delete()
    if moved:
        Authorship.objects.bulk_update(moved, ["position", "title_line"])
    # Not Authorship.objects.create(), which would replace a blank title with today's.
    inserts.append(
        (
            Authorship,
            ["publication_id", "person_id", "role", "position", "title_line"],
            [
                (publication.pk, person_id, Authorship.Role.AUTHOR.value, position, title)
                for person_id, position, title in new
            ],
        )
    )
    _insert_rows(inserts)
    return changed or bool(surplus or moved or new)


class LegacyImporter:
    """One batch of page files: reads each through `format.read`, keeps the batch's catalog, purges.

    Use it as a context manager around the batch. Purging the page cache after every file
    would cost more than importing it, so the importer purges at the start, at most once every
    `purge_every` seconds and at the end (never in a dry run). Pages cached before a run that
    is killed halfway are purged when the import is run again. On PostgreSQL each file is
    committed without waiting for its WAL flush (a bulk-load setting): each file stays atomic;
    a database crash could lose only the last moment's commits, which running the idempotent
    import again restores. A killed run loses nothing.
    """

    def __init__(self, *, dry_run: bool = False, people_kinds: dict[str, str] | None = None, purge_every=1.0):
        self.dry_run = dry_run
        self.people_kinds = people_kinds
        self.purge_every = purge_every
        self.catalog = LegacyCatalog()
        self._purged_at = 0.0

    def __enter__(self) -> "LegacyImporter":
        self._commit_without_waiting(True)
        self._purge()
        return self

    def __exit__(self, *exc_info) -> None:
        self._purge()
        self._commit_without_waiting(False)

    def survey(self, paths: Iterable[str]) -> None:
        """Note which page each file is before importing any, so the outcome never depends on their order.

        Only ids and digests are kept, not the files; a file that cannot be read is left for
        `import_path` to report.
        """
        for path in paths:
            try:
                page = read(path)
            except Exception:  # noqa: BLE001, S112 — the import itself reports the file
                continue
            survey_legacy_page(page, path=path, catalog=self.catalog)

    def import_path(self, path: str, *, problem: str | None = None) -> LegacyImportResult:
        """Import one file of the batch (`problem`: why the walk could not read it); never raises for a bad file."""
        result = self._import(path, problem)
        if time.monotonic() - self._purged_at > self.purge_every:
            self._purge()
        return result

    def _import(self, path: str, problem: str | None) -> LegacyImportResult:
        if problem:
            return LegacyImportResult(path=path, errors=[problem])
        try:
            page = read(path)
        except LegacyFormatError as error:
            return LegacyImportResult(path=path, errors=[str(error)])
        except Exception as error:  # noqa: BLE001 — one broken file must not stop a batch of thousands
            return LegacyImportResult(path=path, errors=[f"unexpected error ({type(error).__name__}: {error})"])
        try:
            return import_legacy_page(
                page,
                path=path,
                dry_run=self.dry_run,
                catalog=self.catalog,
                purge_cache=False,
                people_kinds=self.people_kinds,
            )
        except Exception as error:  # noqa: BLE001 — one broken file must not stop a batch of thousands
            self.catalog.discard()
            return LegacyImportResult(path=path, errors=[f"unexpected error ({type(error).__name__}: {error})"])

    def _purge(self) -> None:
        if not self.dry_run:
            purge_everything()
        self._purged_at = time.monotonic()

    def _commit_without_waiting(self, enabled: bool) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF" if enabled else "RESET synchronous_commit")
