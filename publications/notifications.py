"""Email to the people a workflow step concerns. Plain text, sent after the change commits."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse

from publications.scope import within_scope


def _admin_url(publication) -> str:
    return settings.SITE_URL + reverse("admin:publications_publication_change", args=[publication.pk])


def _public_url(publication) -> str:
    # A pending change has an address of its own that readers never see; it will be published
    # at its live piece's address.
    live = publication.draft_of if publication.draft_of_id else publication
    return settings.SITE_URL + live.get_absolute_url()


def _addresses(users) -> list[str]:
    return sorted({user.email for user in users if user is not None and user.email and user.is_active})


def _send(subject: str, body: str, recipients: list[str]) -> None:
    if recipients:
        # A title is typed by an editor and may hold a line break; in a header that would be
        # refused (BadHeaderError) after the change committed, so it is folded to one line.
        send_mail(" ".join(subject.split()), body, None, recipients)


def _editors_of(publication) -> list[str]:
    return _addresses([publication.submitted_by, publication.created_by])


def review_requested(publication) -> None:
    managers = get_user_model().objects.with_perm(
        "publications.review_publication",
        include_superusers=False,
        # Named because django-axes adds a second backend; ModelBackend is the one holding roles.
        backend="django.contrib.auth.backends.ModelBackend",
    )
    # Only the managers of the piece's desk hear of it (publications/scope.py).
    managers = [
        manager for manager in managers.prefetch_related("staffed_centers") if within_scope(manager, publication)
    ]
    submitter = publication.submitted_by.get_username() if publication.submitted_by else "An editor"
    _send(
        f"For review: {publication.title}",
        f"{submitter} submitted “{publication.title}” for review.\n\nReview it: {_admin_url(publication)}\n",
        _addresses(managers),
    )


def changes_requested(publication, *, by, comment: str) -> None:
    _send(
        f"Changes requested: {publication.title}",
        f"{by.get_username()} asked for changes to “{publication.title}”:\n\n{comment}\n\n"
        f"Edit it: {_admin_url(publication)}\n",
        _editors_of(publication),
    )


def approved(publication, *, by) -> None:
    _send(
        f"Approved: {publication.title}",
        f"{by.get_username()} approved “{publication.title}”.\n",
        _editors_of(publication),
    )


def published(publication, *, by, scheduled: bool) -> None:
    when = f"will go live on {publication.go_live_at:%Y-%m-%d %H:%M %Z}" if scheduled else "is now live"
    _send(
        f"{'Scheduled' if scheduled else 'Published'}: {publication.title}",
        f"“{publication.title}” {when}: {_public_url(publication)}\n",
        _editors_of(publication),
    )


def went_live(publication) -> None:
    _send(
        f"Now live: {publication.title}",
        f"“{publication.title}” went live as scheduled: {_public_url(publication)}\n",
        _editors_of(publication),
    )
