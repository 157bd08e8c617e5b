"""Share links: a signed token that lets someone without an account read one draft."""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from publications.guards import require_perm
from publications.models import Publication, Status

PREVIEW_SALT = "publications.preview"


def create_preview_link_token(*, publication: Publication, by) -> str:
    """Return a signed token for reading this one draft without an account (expiry: settings)."""
    require_perm(by, "change_publication", _("You are not allowed to share previews."), publication=publication)
    if publication.status == Status.UNPUBLISHED:
        raise ValidationError(_("This piece was taken down: share links are not made for it."), code="unpublished")
    if publication.expire_at is not None and publication.expire_at <= timezone.now():
        raise ValidationError(
            _("This piece has expired: share links are not made for it. Clear or move its expiry first."),
            code="expired",
        )
    with transaction.atomic():
        record_audit(actor=by, action=AuditEntry.Action.SHARE_PREVIEW, obj=publication)
    return signing.TimestampSigner(salt=PREVIEW_SALT).sign(str(publication.pk))


def publication_id_from_preview_token(token: str) -> int | None:
    """Return the publication id a valid, unexpired token grants, or None.

    A piece that was taken down (unpublished) or whose expiry has passed is no longer shown
    through old links; drafts and pieces in review are (that is what the links are for).
    """
    try:
        value = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(token, max_age=settings.PREVIEW_LINK_MAX_AGE)
    except (signing.BadSignature, ValueError):
        # ValueError: correctly signed but without a timestamp (a token made for another use).
        return None
    if not (value.isascii() and value.isdigit()):
        return None
    shareable = (
        Publication.objects.filter(pk=int(value))
        .exclude(status=Status.UNPUBLISHED)
        .exclude(expire_at__lte=timezone.now())
    )
    if not shareable.exists():
        return None
    return int(value)
