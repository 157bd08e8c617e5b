"""Revisions: the autosave and restore services, and the field-by-field comparison of two snapshots.

Recording a revision is `publications/snapshots.py:record_revision`, next to what it stores.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from cms.media.models import Image
from cms.richtext.editor import FULL
from cms.richtext.sanitizer import sanitize_html
from cms.taxonomies.models import Center, Collection, Newsletter, Program, Project, Region, Topic
from cms.taxonomies.scope import EVERY_CENTER, center_scope
from people.models import Person
from publications.guards import locked, require_perm, require_state
from publications.models import Publication, PublicationType, Revision, Status
from publications.scope import within_scope
from publications.snapshots import MANY_TO_MANY, RECORDED_FIELDS, apply_snapshot, record_revision, take_snapshot
from publications.workflow.review import start_change

RELATED_MODELS = {
    "publication_type": PublicationType,
    "primary_center": Center,
    "lead_image": Image,
    "translation_of": Publication,
    "centers": Center,
    "programs": Program,
    "projects": Project,
    "regions": Region,
    "topics": Topic,
    "newsletters": Newsletter,
}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def _names(model, ids) -> dict:
    return {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)} if ids else {}


def _describe(name: str, value) -> str:
    if value in (None, "", []):
        return "—"
    model = RELATED_MODELS.get(name)
    if model is not None:
        ids = value if isinstance(value, list) else [value]
        names = _names(model, ids)
        return ", ".join(names.get(pk, f"(deleted #{pk})") for pk in ids)
    if name in {"body", "disclaimer_override"}:
        return strip_tags(value)
    return str(value)


def _describe_contributors(rows) -> str:
    names = _names(Person, [row["person"] for row in rows])
    ordered = sorted(rows, key=lambda row: row["position"])
    return (
        "; ".join(
            f"{names.get(row['person'], '(deleted person)')} ({row['role']}{', ' + row['title_line'] if row['title_line'] else ''})"
            for row in ordered
        )
        or "—"
    )


def _describe_collections(rows) -> str:
    names = _names(Collection, [row["collection"] for row in rows])
    return ", ".join(f"{names.get(row['collection'], '(deleted)')} #{row['position']}" for row in rows) or "—"


def compare_revisions(older: dict, newer: dict) -> list[FieldChange]:
    """Return the fields that differ between two snapshots, labelled and described for editors."""
    changes = []
    for name in RECORDED_FIELDS + MANY_TO_MANY:
        if older.get(name) != newer.get(name):
            label = Publication._meta.get_field(name).verbose_name
            changes.append(
                FieldChange(str(label).capitalize(), _describe(name, older.get(name)), _describe(name, newer.get(name)))
            )
    if older.get("keywords") != newer.get("keywords"):
        changes.append(
            FieldChange(
                _("Keywords"), ", ".join(older.get("keywords", [])) or "—", ", ".join(newer.get("keywords", [])) or "—"
            )
        )
    if older.get("contributors") != newer.get("contributors"):
        changes.append(
            FieldChange(
                _("Contributors"),
                _describe_contributors(older.get("contributors", [])),
                _describe_contributors(newer.get("contributors", [])),
            )
        )
    if older.get("collections") != newer.get("collections"):
        changes.append(
            FieldChange(
                _("Collections"),
                _describe_collections(older.get("collections", [])),
                _describe_collections(newer.get("collections", [])),
            )
        )
    return changes


EDITABLE_STATES = {Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED, Status.UNPUBLISHED}

AUTOSAVE_FIELDS = ["title", "dek", "body", "lead_image_credit", "lead_image_alt", "source_name", "source_url"]
# One autosave revision per editor and version for this long; then a new one, so that the
# history keeps a trail through a long session without a row every few seconds.
AUTOSAVE_REFRESH = datetime.timedelta(minutes=10)


@transaction.atomic
def autosave_draft(*, publication: Publication, by, expected_version, fields: dict) -> Revision:
    """Keep what an editor is typing as an autosave revision, without changing the piece.

    The publication's row, status and version stay as they are: an autosave is only a revision
    of kind AUTOSAVE, offered back to its author when they open the piece again (see
    `publications.desk.autosave_to_offer`). It is refused like a save, with a ValidationError
    of code "stale", when someone saved the piece after `expected_version`, so an autosave never
    stands in for a newer save. Editors and managers; not for live pieces, which change through
    a pending copy. Repeated autosaves by one editor on one version update the same revision for
    AUTOSAVE_REFRESH. Budget: 3 queries, 10 when it starts a new autosave revision.
    """
    require_perm(by, "change_publication", _("You are not allowed to edit publications."), publication=publication)
    publication = locked(publication)
    if publication.status == Status.PUBLISHED and not publication.draft_of_id:
        raise ValidationError(_("This piece is live: start a change to edit it."), code="live")
    if expected_version is None or int(expected_version) != publication.version:
        raise ValidationError(
            _(
                "Someone else saved this piece after you opened it, so it is no longer autosaved. "
                "Copy your latest text somewhere safe, then reload the page."
            ),
            code="stale",
        )
    latest = publication.revisions.order_by("-created_at", "-pk").first()
    same_session = (
        latest is not None
        and latest.kind == Revision.Kind.AUTOSAVE
        and latest.created_by_id == by.pk
        and latest.version == publication.version
        and timezone.now() - latest.created_at < AUTOSAVE_REFRESH
    )
    # The saved state, from the newest revision when it was taken at this version: a save, or
    # this editor's own autosave; never a colleague's autosave, whose unsaved text is theirs.
    reusable = (
        latest is not None
        and latest.version == publication.version
        and (same_session or latest.kind != Revision.Kind.AUTOSAVE)
    )
    base = latest.data if reusable else take_snapshot(publication)
    data = {**base, **_autosaved_values(fields)}
    if same_session:
        if latest.data != data:
            latest.data = data
            latest.created_at = timezone.now()
            latest.save(update_fields=["data", "created_at"])
        return latest
    return Revision.objects.create(
        publication=publication, created_by=by, kind=Revision.Kind.AUTOSAVE, version=publication.version, data=data
    )


def _autosaved_values(fields: dict) -> dict:
    """The typed text fields, cut to what the columns hold and the body sanitized, as a save would."""
    values = {}
    for name in AUTOSAVE_FIELDS:
        value = fields.get(name)
        if not isinstance(value, str):
            continue
        value = value.replace("\x00", "")
        if name == "body":
            value = sanitize_html(value, profile=FULL)
        limit = Publication._meta.get_field(name).max_length
        values[name] = value[:limit] if limit else value
    return values


@transaction.atomic
def restore_revision(*, revision: Revision, by) -> Publication:
    """Write an old revision's content back as a new draft revision; history is never rewritten.

    A live piece is not touched: the revision goes into its pending change.
    """
    require_perm(
        by, "change_publication", _("You are not allowed to edit publications."), publication=revision.publication
    )
    publication = locked(revision.publication)
    if publication.status == Status.PUBLISHED and not publication.draft_of_id:
        publication = start_change(publication=publication, by=by)
    require_state(publication, EDITABLE_STATES, gettext_lazy("restored"))
    apply_snapshot(publication, revision.data)
    if center_scope(by) is not EVERY_CENTER and (
        publication.primary_center_id is None or not within_scope(by, publication)
    ):
        # The transaction rolls the snapshot back: a center's staff keep every piece on their desk.
        raise ValidationError(
            _(
                "That revision was filed under another center or none, so restoring it would take the piece "
                "off your desk. Ask a manager who works across centers."
            )
        )
    publication.status = Status.DRAFT
    publication.version += 1
    publication.save(update_fields=["status", "version", "updated_at"])
    record_audit(
        actor=by,
        action=AuditEntry.Action.RESTORE,
        obj=publication,
        message=f"Restored the revision of {revision.created_at:%Y-%m-%d %H:%M}",
    )
    record_revision(
        publication=publication,
        by=by,
        kind=Revision.Kind.RESTORE,
        note=f"Restored the revision of {revision.created_at:%Y-%m-%d %H:%M}",
    )
    return publication
