"""The checks every state change of a piece starts with: permission and desk, row lock, version read, status.

Shared by the workflow services (publications/workflow/), the revision services
(publications/revisions.py) and share links (publications/previews.py).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from publications.models import Publication
from publications.scope import OFF_DESK, within_scope


def require_perm(user, perm: str, message: str, *, publication: Publication | None = None) -> None:
    """Refuse `user` without `perm`, or outside `publication`'s center desk (publications/scope.py)."""
    if not (user and user.is_active and user.is_staff and user.has_perm(f"publications.{perm}")):
        raise PermissionDenied(message)
    if publication is not None and not within_scope(user, publication):
        raise PermissionDenied(_(OFF_DESK))


def locked(publication: Publication) -> Publication:
    """Re-read the row under a lock, so that two clicks or two managers cannot both act on it."""
    current = Publication.objects.select_for_update().filter(pk=publication.pk).first()
    if current is None:
        # A double-clicked publish of a pending change: the first click merged and removed it.
        raise ValidationError(_("This publication no longer exists; it may have just been published or deleted."))
    return current


def require_version(publication: Publication, expected_version) -> None:
    """Refuse to act on content the user has not seen: someone saved it after they opened it."""
    if expected_version is not None and int(expected_version) != publication.version:
        raise ValidationError(
            _(
                "This publication was changed after you opened it. Reload the page and look at the "
                "new version before you act on it."
            )
        )


def require_state(publication: Publication, allowed, action: str) -> None:
    """Refuse a step the piece's status does not allow; `action` (translatable) completes "it cannot be … now"."""
    if publication.status not in allowed:
        raise ValidationError(
            # Translators: action is what cannot happen, e.g. "approved", "submitted for review".
            _("“%(title)s” is %(status)s; it cannot be %(action)s now.")
            % {"title": publication.title, "status": publication.get_status_display().lower(), "action": action}
        )
