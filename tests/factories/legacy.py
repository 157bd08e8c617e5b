"""Page files in the old site's export format (the seed page, or the seed page with changes), and
the helpers the import tests share: running the command, and a snapshot of what it may write."""

import dataclasses
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command

from cms.audit.models import AuditEntry
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Region, Topic
from people.models import Affiliation, Person
from publications.legacy.format import LegacyAuthor, LegacyPage, format_legacy_page, parse_legacy_page
from publications.models import Authorship, CollectionItem, Disclaimer, Publication, PublicationType

SEED_FILE = Path(__file__).resolve().parent.parent / "publications" / "legacy_files" / "000_9b75ff939e830440.txt"
SEED_LEGACY_ID = "9b75ff939e830440"


def seed_text() -> str:
    """The real page the old site exported, byte for byte (tests/publications/legacy_files/)."""
    return SEED_FILE.read_text(encoding="utf-8")


def seed_page() -> LegacyPage:
    return parse_legacy_page(seed_text(), file_name=SEED_FILE.name)


def legacy_page_text(*, page_id: str | None = None, authors=None, **changes) -> str:
    """Return the seed page's file with `changes` (LegacyPage fields) applied.

    `authors` is a list of (name, title line, bio) tuples; `page_id` puts an "id" key in the
    metadata. Without one, a file not named like the exporter's gets a hash of type, title and
    authors as its legacy id, so pages with different titles are different pages.
    """
    page = seed_page()
    if authors is not None:
        changes["authors"] = [LegacyAuthor(name=name, title_line=title, bio=bio) for name, title, bio in authors]
    if page_id is not None:
        changes.update(legacy_id=page_id, id_in_metadata=True)
    return format_legacy_page(dataclasses.replace(page, **changes))


def run_import(*args):
    """Run the command; return (stdout, stderr, exit status)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_legacy", *[str(arg) for arg in args], stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def database_state():
    """Every row the importer may write, with timestamps and versions, to compare two moments."""
    through = [
        Publication.centers.through,
        Publication.regions.through,
        Publication.topics.through,
        Publication.programs.through,
        Publication.projects.through,
        Publication.newsletters.through,
    ]
    models = [
        Publication,
        Authorship,
        Person,
        Affiliation,
        PublicationType,
        Disclaimer,
        CollectionItem,
        Center,
        Region,
        Topic,
        Program,
        Collection,
        Newsletter,
        AuditEntry,
        *through,
    ]
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in models}


def publication_audit():
    """The audit entries about publications, leaving out the people and terms an import created."""
    from django.contrib.contenttypes.models import ContentType

    return AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Publication))
