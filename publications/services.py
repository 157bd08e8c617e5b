"""State changes of publications: the editorial workflow, revisions and pending changes.

Every function checks the user's permission and the current state first, runs in one
transaction with the row locked, writes its audit entry in that transaction, and sends email
only after commit. Nothing else changes `Publication.status`.
"""

import re

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cms.models import AuditEntry, record_audit
from cms.slugs import unique_slug
from publications import notifications
from publications.models import Publication, Revision, Status
from publications.queries import disclaimer_for
from publications.snapshots import apply_snapshot, take_snapshot

EDITABLE_STATES = {Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED, Status.UNPUBLISHED}
PLACEHOLDER_PATTERNS = [
    (re.compile(r"\bTK\b"), "TK"),
    (re.compile(r"REQUIRED IMAGE", re.IGNORECASE), "REQUIRED IMAGE"),
    (re.compile(r"lorem ipsum", re.IGNORECASE), "lorem ipsum"),
    (re.compile(r"\bXXX+\b"), "XXX"),
    (re.compile(r"\[(?:placeholder|insert[^\]]*|tbd|tbc)\]", re.IGNORECASE), "[placeholder]"),
]
PREVIEW_SALT = "publications.preview"


def _require_perm(user, perm: str, message: str) -> None:
    if not (user and user.is_active and user.is_staff and user.has_perm(f"publications.{perm}")):
        raise PermissionDenied(message)


def _locked(publication: Publication) -> Publication:
    """Re-read the row under a lock, so that two clicks or two managers cannot both act on it."""
    current = Publication.objects.select_for_update().filter(pk=publication.pk).first()
    if current is None:
        # A double-clicked publish of a pending change: the first click merged and removed it.
        raise ValidationError("This publication no longer exists; it may have just been published or deleted.")
    return current


def _require_version(publication: Publication, expected_version) -> None:
    """Refuse to act on content the user has not seen: someone saved it after they opened it."""
    if expected_version is not None and int(expected_version) != publication.version:
        raise ValidationError(
            "This publication was changed after you opened it. Reload the page and look at the "
            "new version before you act on it."
        )


def _require_state(publication: Publication, allowed, action: str) -> None:
    if publication.status not in allowed:
        raise ValidationError(
            f"“{publication.title}” is {publication.get_status_display().lower()}; it cannot be {action} now."
        )


def record_revision(*, publication: Publication, by, kind: str = Revision.Kind.SAVE, note: str = "") -> Revision:
    """Record a snapshot of `publication` as it is now in the database. Call inside the save's transaction."""
    return Revision.objects.create(
        publication=publication,
        created_by=by if getattr(by, "pk", None) else None,
        kind=kind,
        version=publication.version,
        data=take_snapshot(publication),
        note=note[:300],
    )


@transaction.atomic
def record_edit(*, publication: Publication, by, created: bool) -> Revision:
    """Record an editor's save: a revision, an audit entry, and the status the edit implies.

    An approved, unpublished or in-review piece, or one with changes requested, goes back to
    draft when edited, so that nothing unreviewed is published.
    """
    _require_perm(by, "change_publication", "You are not allowed to edit publications.")
    publication = _locked(publication)
    scheduled_change = publication.draft_of_id and publication.status == Status.PUBLISHED
    if scheduled_change or publication.status in {
        Status.APPROVED, Status.CHANGES_REQUESTED, Status.IN_REVIEW, Status.UNPUBLISHED
    }:
        publication.status = Status.DRAFT
        publication.save(update_fields=["status", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.CREATE if created else AuditEntry.Action.EDIT, obj=publication)
    return record_revision(publication=publication, by=by)


@transaction.atomic
def submit_for_review(*, publication: Publication, by) -> Publication:
    """Send a draft to the managers' review queue. Editors and managers may submit."""
    _require_perm(by, "submit_publication", "You are not allowed to submit publications for review.")
    publication = _locked(publication)
    _require_state(publication, {Status.DRAFT, Status.CHANGES_REQUESTED}, "submitted for review")
    if not publication.authorships.filter(role="author").exists():
        raise ValidationError("Add at least one author before submitting for review.")
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
    _require_perm(by, "review_publication", "Only managers can request changes.")
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError("Say what needs to change: the comment is what the editor will see.")
    publication = _locked(publication)
    _require_state(publication, {Status.IN_REVIEW}, "sent back for changes")
    _require_version(publication, expected_version)
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
    _require_perm(by, "review_publication", "Only managers can approve publications.")
    publication = _locked(publication)
    _require_state(publication, {Status.IN_REVIEW}, "approved")
    _require_version(publication, expected_version)
    publication.status = Status.APPROVED
    publication.review_comment = ""
    publication.save(update_fields=["status", "review_comment", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.APPROVE, obj=publication)
    transaction.on_commit(lambda: notifications.approved(publication, by=by), robust=True)
    return publication


def publish_gate_problems(publication: Publication) -> list[str]:
    """Return what must be fixed before `publication` may be published (empty when it may)."""
    problems = []
    for field_name, text in [("title", publication.title), ("dek", publication.dek), ("body", publication.body)]:
        for pattern, label in PLACEHOLDER_PATTERNS:
            if pattern.search(text or ""):
                problems.append(f"The {field_name} still contains placeholder text ({label}).")
    if publication.lead_image_id:
        if not publication.image_credit:
            problems.append("The lead image has no credit.")
        if not publication.image_alt:
            problems.append("The lead image has no alt text.")
    if not publication.primary_center_id:
        problems.append("Choose a primary center.")
    if not publication.authorships.filter(role="author").exists():
        problems.append("Add at least one author.")
    if not publication.slug:
        problems.append("The publication has no slug.")
    if not disclaimer_for(publication):
        problems.append("No disclaimer applies: add a site default disclaimer or an override.")
    return problems


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
    _require_perm(by, "publish_publication", "Only managers can publish.")
    publication = _locked(publication)
    _require_state(publication, {Status.APPROVED, Status.UNPUBLISHED}, "published")
    _require_version(publication, expected_version)
    problems = publish_gate_problems(publication)
    if expire_at and expire_at <= (go_live_at or timezone.now()):
        problems.append("The expiry must be after the time the piece goes live.")
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
        target.version += 1
        target.save()
        record_revision(publication=target, by=by, kind=Revision.Kind.PUBLISH)
    action = AuditEntry.Action.SCHEDULE if scheduled else AuditEntry.Action.PUBLISH
    message = f"Goes live {go_live_at:%Y-%m-%d %H:%M %Z}" if scheduled else ""
    record_audit(actor=by, action=action, obj=target, message=message)
    transaction.on_commit(lambda: notifications.published(target, by=by, scheduled=scheduled), robust=True)
    return target


def merge_pending_change(*, change: Publication, by, expire_at=None) -> Publication:
    """Write a pending change onto its live piece and remove the copy. Call inside a transaction."""
    live = _locked(change.draft_of)
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
    _require_perm(by, "publish_publication", "Only managers can unpublish.")
    publication = _locked(publication)
    _require_state(publication, {Status.PUBLISHED}, "unpublished")
    publication.status = Status.UNPUBLISHED
    publication.version += 1
    publication.save(update_fields=["status", "version", "updated_at"])
    record_audit(actor=by, action=AuditEntry.Action.UNPUBLISH, obj=publication)
    return publication


@transaction.atomic
def start_change(*, publication: Publication, by) -> Publication:
    """Return the pending change of a live piece, creating it as a draft copy if there is none.

    Readers keep seeing the live piece until a manager publishes the change.
    """
    _require_perm(by, "change_publication", "You are not allowed to edit publications.")
    live = _locked(publication)
    if live.draft_of_id:
        raise ValidationError("This is already a pending change.")
    if live.status != Status.PUBLISHED:
        raise ValidationError("Only published pieces need a pending change; edit this one directly.")
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


@transaction.atomic
def restore_revision(*, revision: Revision, by) -> Publication:
    """Write an old revision's content back as a new draft revision; history is never rewritten.

    A live piece is not touched: the revision goes into its pending change.
    """
    _require_perm(by, "change_publication", "You are not allowed to edit publications.")
    publication = _locked(revision.publication)
    if publication.status == Status.PUBLISHED and not publication.draft_of_id:
        publication = start_change(publication=publication, by=by)
    _require_state(publication, EDITABLE_STATES, "restored")
    apply_snapshot(publication, revision.data)
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
        publication=publication, by=by, kind=Revision.Kind.RESTORE,
        note=f"Restored the revision of {revision.created_at:%Y-%m-%d %H:%M}",
    )
    return publication


def create_preview_link_token(*, publication: Publication, by) -> str:
    """Return a signed token for reading this one draft without an account (expiry: settings)."""
    _require_perm(by, "change_publication", "You are not allowed to share previews.")
    with transaction.atomic():
        record_audit(actor=by, action=AuditEntry.Action.SHARE_PREVIEW, obj=publication)
    return signing.TimestampSigner(salt=PREVIEW_SALT).sign(str(publication.pk))


def publication_id_from_preview_token(token: str) -> int | None:
    """Return the publication id a valid, unexpired token grants, or None.

    A piece that was taken down (unpublished) is no longer shown through old links.
    """
    try:
        value = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    if not Publication.objects.filter(pk=int(value)).exclude(status=Status.UNPUBLISHED).exists():
        return None
    return int(value)


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
