"""Review: submit, request changes, approve, and start a pending change of a live piece.

Every function checks the user's permission and the current state first, runs in one
transaction with the row locked, writes its audit entry in that transaction, and sends email
only after commit. Nothing outside publications/workflow/ changes `Publication.status`.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from cms.kit.slugs import unique_slug
from publications import notifications
from publications.guards import locked, require_perm, require_state, require_version
from publications.models import Publication, Status
from publications.snapshots import apply_snapshot, record_revision, take_snapshot


@transaction.atomic
def submit_for_review(*, publication: Publication, by) -> Publication:
    """Send a draft to the managers' review queue. Editors and managers may submit."""
    require_perm(
        by, "submit_publication", _("You are not allowed to submit publications for review."), publication=publication
    )
    publication = locked(publication)
    require_state(publication, {Status.DRAFT, Status.CHANGES_REQUESTED}, gettext_lazy("submitted for review"))
    if not publication.authorships.filter(role="author").exists():
        raise ValidationError(_("Add at least one author before submitting for review."))
    publication.status = Status.IN_REVIEW
    publication.submitted_by = by
    publication.submitted_at = timezone.now()
    publication.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.SUBMIT, obj=publication)
    transaction.on_commit(lambda: notifications.review_requested(publication), robust=True)
    return publication


@transaction.atomic
def request_changes(*, publication: Publication, by, comment: str, expected_version=None) -> Publication:
    """Send a piece in review back to its editor with a comment. Managers only."""
    require_perm(by, "review_publication", _("Only managers can request changes."), publication=publication)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say what needs to change: the comment is what the editor will see."))
    publication = locked(publication)
    require_state(publication, {Status.IN_REVIEW}, gettext_lazy("sent back for changes"))
    require_version(publication, expected_version)
    publication.status = Status.CHANGES_REQUESTED
    publication.review_comment = comment
    publication.save(update_fields=["status", "review_comment", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.REQUEST_CHANGES, obj=publication, message=comment)
    transaction.on_commit(lambda: notifications.changes_requested(publication, by=by, comment=comment), robust=True)
    return publication


@transaction.atomic
def approve_publication(*, publication: Publication, by, expected_version=None) -> Publication:
    """Approve a piece in review, so that a manager can publish it. Managers only.

    With `expected_version` (the version the manager read), a piece edited since is refused.
    """
    require_perm(by, "review_publication", _("Only managers can approve publications."), publication=publication)
    publication = locked(publication)
    require_state(publication, {Status.IN_REVIEW}, gettext_lazy("approved"))
    require_version(publication, expected_version)
    publication.status = Status.APPROVED
    publication.review_comment = ""
    publication.save(update_fields=["status", "review_comment", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.APPROVE, obj=publication)
    transaction.on_commit(lambda: notifications.approved(publication, by=by), robust=True)
    return publication


@transaction.atomic
def start_change(*, publication: Publication, by) -> Publication:
    """Return the pending change of a live piece, creating it as a draft copy if there is none.

    Readers keep seeing the live piece until a manager publishes the change.
    """
    require_perm(by, "change_publication", _("You are not allowed to edit publications."), publication=publication)
    live = locked(publication)
    if live.draft_of_id:
        raise ValidationError(_("This is already a pending change."))
    if live.status != Status.PUBLISHED:
        raise ValidationError(_("Only published pieces need a pending change; edit this one directly."))
    existing = Publication.objects.filter(draft_of=live).first()
    if existing:
        return existing
    copy = Publication(
        title=live.title,
        slug=unique_slug(Publication(pk=None), f"{live.slug} change"),
        publication_type_id=live.publication_type_id,
        status=Status.DRAFT,
        draft_of=live,
        created_by=by,
    )
    copy.save()
    apply_snapshot(copy, take_snapshot(live))
    record_audit(actor=by, action=AuditEntry.Action.CREATE, obj=copy, message=f"Pending change of “{live.title}”")
    record_revision(publication=copy, by=by, note="Started a change of the live piece")
    return copy
