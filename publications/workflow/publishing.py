"""Publishing: publish now or schedule, write a pending change onto its live piece, unpublish, go-live work.

Every function checks the user's permission and the current state first, runs in one
transaction with the row locked, writes its audit entry in that transaction, and sends email
only after commit.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from publications import notifications
from publications.guards import locked, require_perm, require_state, require_version
from publications.models import Publication, Revision, Status
from publications.snapshots import apply_snapshot, record_revision, take_snapshot
from publications.tasks import enqueue_scheduled_work
from publications.workflow.gate import publish_gate_problems


@transaction.atomic
def publish_publication(
    *, publication: Publication, by, go_live_at=None, expire_at=None, expected_version=None
) -> Publication:
    """Publish an approved piece now, or schedule it for `go_live_at`. Managers only.

    A pending change of a live piece published now is written onto the live piece, which keeps
    its address, schedule and (unless a new one is given) expiry; the copy is removed and its
    revisions move to the live piece. A pending change scheduled for later stays a copy until
    `publish_scheduled` writes it onto the live piece at that time; readers see the live
    version until then.
    """
    require_perm(by, "publish_publication", _("Only managers can publish."), publication=publication)
    publication = locked(publication)
    require_state(publication, {Status.APPROVED, Status.UNPUBLISHED}, gettext_lazy("published"))
    require_version(publication, expected_version)
    problems = publish_gate_problems(publication)
    if expire_at and expire_at <= (go_live_at or timezone.now()):
        problems.append(_("The expiry must be after the time the piece goes live."))
    if problems:
        raise ValidationError(problems)

    now = timezone.now()
    scheduled = bool(go_live_at and go_live_at > now)
    if publication.draft_of_id and not scheduled:
        target = merge_pending_change(change=publication, by=by, expire_at=expire_at)
    else:
        target = publication
        target.status = Status.PUBLISHED
        target.go_live_at = go_live_at if scheduled else None
        target.expire_at = expire_at
        if not target.draft_of_id:
            target.first_published_at = target.first_published_at or (go_live_at if scheduled else now)
        target.went_live_handled_at = None if scheduled else now
        target.review_comment = ""
        target.import_held_reasons = ""
        target.version += 1
        target.save()
        record_revision(publication=target, by=by, kind=Revision.Kind.PUBLISH)
    action = AuditEntry.Action.SCHEDULE if scheduled else AuditEntry.Action.PUBLISH
    message = f"Goes live {go_live_at:%Y-%m-%d %H:%M %Z}" if scheduled else ""
    record_audit(actor=by, action=action, obj=target, message=message)
    if scheduled:
        enqueue_scheduled_work(at=go_live_at)
    transaction.on_commit(lambda: notifications.published(target, by=by, scheduled=scheduled), robust=True)
    return target


def merge_pending_change(*, change: Publication, by, expire_at=None) -> Publication:
    """Write a pending change onto its live piece and remove the copy. Call inside a transaction."""
    live = locked(change.draft_of)
    apply_snapshot(live, take_snapshot(change))
    Revision.objects.filter(publication=change).update(publication=live)
    change.delete()
    if expire_at:
        live.expire_at = expire_at
    live.version += 1
    live.save()
    record_revision(publication=live, by=by, kind=Revision.Kind.PUBLISH, note="Published a pending change")
    return live


@transaction.atomic
def unpublish_publication(*, publication: Publication, by) -> Publication:
    """Take a published (or scheduled) piece off the site. Managers only."""
    require_perm(by, "publish_publication", _("Only managers can unpublish."), publication=publication)
    publication = locked(publication)
    require_state(publication, {Status.PUBLISHED}, gettext_lazy("unpublished"))
    publication.status = Status.UNPUBLISHED
    publication.version += 1
    publication.save(update_fields=["status", "version", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.UNPUBLISH, obj=publication)
    return publication


def handle_went_live(*, now=None) -> list[Publication]:
    """Run the go-live work for scheduled pieces whose time has come; safe to run twice.

    New pieces are already visible (visibility is decided in the query); for them this only
    records the event and notifies. A scheduled change of a live piece is written onto the live
    piece here. Each row is claimed under a lock that other runs skip and marked as handled in
    the same transaction, so concurrent runs never handle a piece twice.
    """
    now = now or timezone.now()
    handled = []
    with transaction.atomic():
        due = (
            Publication.objects.select_for_update(skip_locked=True)
            .filter(status=Status.PUBLISHED, went_live_handled_at__isnull=True, go_live_at__lte=now)
            .order_by("go_live_at")
        )
        for publication in due:
            if publication.draft_of_id:
                publication = merge_pending_change(change=publication, by=None)
            else:
                publication.went_live_handled_at = now
                publication.save(update_fields=["went_live_handled_at"])
            record_audit(actor=None, action=AuditEntry.Action.WENT_LIVE, obj=publication)
            handled.append(publication)
        for publication in handled:
            transaction.on_commit(lambda p=publication: notifications.went_live(p), robust=True)
    return handled
