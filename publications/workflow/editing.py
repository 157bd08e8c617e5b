"""Saving and deleting a piece: the one way its content and its existence change.

Every function checks the user's permission and desk first, runs in one transaction with the
row locked, and writes its audit entry in that transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from publications.guards import locked, require_perm
from publications.models import Publication, Revision, Status
from publications.snapshots import record_revision


def check_publication_version(*, publication: Publication, expected_version) -> int | None:
    """Lock the piece's row and refuse a save of a version the editor did not open; return the version.

    Raises a ValidationError of code "stale" when someone saved the piece after
    `expected_version`. Call it inside the save's transaction: the lock holds until the save
    commits, so two editors cannot both pass with the same version. `PublicationAdminForm.clean`
    calls it too, to show the refusal as a form error with the editor's text kept. 1 query.
    """
    current = (
        Publication.objects.select_for_update().filter(pk=publication.pk).values_list("version", flat=True).first()
    )
    if expected_version != current:
        changes_url = reverse("admin:publications_publication_revisions", args=[publication.pk])
        raise ValidationError(
            format_html(
                _(
                    "Someone else saved this publication while you were editing it, so your changes "
                    'were not saved. <a href="{}">See what changed</a>, then reload the page and make '
                    "your changes again (your text is still in the form below)."
                ),
                changes_url,
            ),
            code="stale",
        )
    return current


# The many-to-many fields a save may set whole (`relations` of save_publication).
SAVED_RELATIONS = frozenset({"centers", "programs", "projects", "regions", "topics", "newsletters", "keywords"})


@transaction.atomic
def save_publication(
    *,
    publication: Publication,
    by,
    expected_version: int | None = None,
    relations: dict | None = None,
    save_related=None,
    validate: bool = True,
) -> Revision:
    """Save an editor's changes to `publication`, a new piece when it was never saved; return its revision.

    The one way a piece's content is saved, by the admin and by scripts alike. In one
    transaction: refuses a user who may not add or edit publications, or an existing piece off
    their desk (PermissionDenied); validates the fields unless the caller's ModelForm already
    did (`validate=False`); refuses a stale save (`check_publication_version`, code "stale")
    when someone saved the piece after `expected_version`; bumps the version of an existing
    piece, or records `by` as the creator of a new one; saves the row; sets the many-to-many
    `relations` given ({"topics": [...], ...}, each set whole), or calls `save_related()`, which
    writes them and the inlines (the admin's form.save_m2m and formsets); keeps the primary
    center among `centers`, which listings filter on alone; then `record_edit` (back to draft
    if it was in review or beyond, the audit entry, the revision). No fixed budget: the
    relations and inlines given decide. Measured: the admin's save of an edited piece with two
    authors is 67 queries, purging included, 3 more than before this service (its own savepoint
    and its own lock of the row, which the form's check had already locked).
    """
    created = publication._state.adding
    if created:
        require_perm(by, "add_publication", _("You are not allowed to add publications."))
    else:
        require_perm(by, "change_publication", _("You are not allowed to edit publications."), publication=publication)
    unknown = set(relations or {}) - SAVED_RELATIONS
    if unknown:
        raise ValueError(f"save_publication sets only {sorted(SAVED_RELATIONS)}, not {sorted(unknown)}.")
    if validate:
        publication.full_clean()
    if created:
        publication.created_by = by
    else:
        current = check_publication_version(publication=publication, expected_version=expected_version)
        if current is None:
            raise ValidationError(_("This publication no longer exists; it may have just been published or deleted."))
        publication.version = current + 1
    publication.save()
    if save_related is not None:
        save_related()
    for name, values in (relations or {}).items():
        getattr(publication, name).set(values)
    if publication.primary_center_id:
        publication.centers.add(publication.primary_center_id)
    return record_edit(publication=publication, by=by, created=created)


@transaction.atomic
def record_edit(*, publication: Publication, by, created: bool) -> Revision:
    """Record an editor's save: a revision, an audit entry, and the status the edit implies.

    An approved, unpublished or in-review piece, or one with changes requested, goes back to
    draft when edited, so that nothing unreviewed is published.
    """
    require_perm(by, "change_publication", _("You are not allowed to edit publications."), publication=publication)
    publication = locked(publication)
    scheduled_change = publication.draft_of_id and publication.status == Status.PUBLISHED
    if scheduled_change or publication.status in {
        Status.APPROVED,
        Status.CHANGES_REQUESTED,
        Status.IN_REVIEW,
        Status.UNPUBLISHED,
    }:
        publication.status = Status.DRAFT
        publication.save(update_fields=["status", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.CREATE if created else AuditEntry.Action.EDIT, obj=publication)
    return record_revision(publication=publication, by=by)


def delete_publication(*, publication: Publication, by) -> None:
    """Delete one piece with its DELETE audit entry; see `delete_publications`."""
    delete_publications(publications=[publication], by=by)


@transaction.atomic
def delete_publications(*, publications, by) -> None:
    """Delete pieces (a queryset or a list), each with a DELETE audit entry, in one transaction.

    Refuses, before anything is deleted, a user without the delete permission, a piece off
    their desk (PermissionDenied) and a live piece (ValidationError: unpublish it first; a
    pending change of it may be deleted). The pages that showed a deleted piece are purged by
    publications/purging.py. Budget: 2 queries a piece, then the delete's cascade.
    """
    pieces = list(publications)
    for piece in pieces:
        require_perm(by, "delete_publication", _("You are not allowed to delete publications."), publication=piece)
        if piece.status == Status.PUBLISHED and not piece.draft_of_id:
            raise ValidationError(f"“{piece.title}” is live: unpublish it before deleting it.")
    for piece in pieces:
        record_audit(actor=by, action=AuditEntry.Action.DELETE, obj=piece)
    if len(pieces) == 1:
        pieces[0].delete()
    elif pieces:
        # Exactly the rows checked above, in one collector run as the admin's "delete selected" does.
        Publication.objects.filter(pk__in=[piece.pk for piece in pieces]).delete()
