"""Who may do what: every role against every action, in one table."""

import pytest
from django.test import Client
from django.urls import reverse

from cms.audit.models import AuditEntry
from cms.sitesettings.models import SiteSettings
from publications.models import Publication, Status
from publications.snapshots import record_revision
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "non_staff", "staff_without_role", "editor", "manager", "superuser"]


def client_for(role) -> Client:
    client = Client()
    users = {
        "non_staff": lambda: UserFactory(username="reader"),
        "staff_without_role": lambda: UserFactory(username="intern", is_staff=True),
        "editor": lambda: UserFactory(username="edna", role="Editor"),
        "manager": lambda: UserFactory(username="manny", role="Manager"),
        "superuser": lambda: UserFactory(username="root", is_staff=True, is_superuser=True),
    }
    if role in users:
        client.force_login(users[role]())
    return client


def piece(status):
    return PublicationFactory(status=status, authors=[PersonFactory()])


def status_after(client, action, status):
    target = piece(status)
    client.post(reverse("admin:publications_publication_workflow", args=[target.pk, action]), {"comment": "Fix it"})
    return Publication.objects.filter(pk=target.pk).values_list("status", flat=True).first()


def opens(client, url) -> bool:
    return client.get(url).status_code == 200


ACTIONS = {
    "list publications": lambda c: opens(c, reverse("admin:publications_publication_changelist")),
    "open add form": lambda c: opens(c, reverse("admin:publications_publication_add")),
    "edit a draft": lambda c: opens(c, reverse("admin:publications_publication_change", args=[piece(Status.DRAFT).pk])),
    "submit": lambda c: status_after(c, "submit", Status.DRAFT) == Status.IN_REVIEW,
    "approve": lambda c: status_after(c, "approve", Status.IN_REVIEW) == Status.APPROVED,
    "request changes": lambda c: status_after(c, "request-changes", Status.IN_REVIEW) == Status.CHANGES_REQUESTED,
    "publish": lambda c: status_after(c, "publish", Status.APPROVED) == Status.PUBLISHED,
    "unpublish": lambda c: status_after(c, "unpublish", Status.PUBLISHED) == Status.UNPUBLISHED,
    "delete a draft": lambda c: (
        lambda target: (
            c.post(reverse("admin:publications_publication_delete", args=[target.pk]), {"post": "yes"})
            and not Publication.objects.filter(pk=target.pk).exists()
        )
    )(piece(Status.DRAFT)),
    "preview a draft": lambda c: opens(c, reverse("publications:preview", args=[piece(Status.DRAFT).pk])),
    "review queue": lambda c: opens(c, reverse("admin:publications_publication_review_queue")),
    "schedule overview": lambda c: opens(c, reverse("admin:publications_publication_schedule")),
    "audit log": lambda c: opens(c, reverse("admin:audit_auditentry_changelist")),
    "add an expert": lambda c: opens(c, reverse("admin:people_person_add")),
    "add a topic": lambda c: opens(c, reverse("admin:taxonomies_topic_add")),
    "upload an image": lambda c: opens(c, reverse("admin:media_image_add")),
    "rename the site": lambda c: (
        c.post(
            reverse("admin:sitesettings_sitesettings_change", args=[1]),
            {"site_name": "Renamed", "short_name": "R", "description": "D", "footer_locations": ""},
        ).status_code
        == 302
        and SiteSettings.objects.filter(site_name="Renamed").exists()
    ),
    "manage users": lambda c: opens(c, reverse("admin:auth_user_changelist")),
    "start a change of a live piece": lambda c: (
        lambda live: (
            c.post(reverse("admin:publications_publication_workflow", args=[live.pk, "start-change"]))
            and Publication.objects.filter(draft_of=live).exists()
        )
    )(piece(Status.PUBLISHED)),
    "edit a live piece directly": lambda c: (
        lambda live: (
            c.get(reverse("admin:publications_publication_change", args=[live.pk])).status_code == 200
            and c.post(reverse("admin:publications_publication_change", args=[live.pk]), {"title": "x"}).status_code
            != 403
        )
    )(piece(Status.PUBLISHED)),
    "share a preview link": lambda c: (
        lambda target: (
            c.post(reverse("admin:publications_publication_workflow", args=[target.pk, "share"]))
            and AuditEntry.objects.filter(action="share_preview", object_id=str(target.pk)).exists()
        )
    )(piece(Status.DRAFT)),
    "view revisions": lambda c: opens(
        c, reverse("admin:publications_publication_revisions", args=[piece(Status.DRAFT).pk])
    ),
    "restore a revision": lambda c: (
        lambda target: (
            lambda revision: (
                c.post(reverse("admin:publications_publication_restore", args=[target.pk, revision.pk]))
                and target.revisions.filter(kind="restore").exists()
            )
        )(record_revision(publication=target, by=None))
    )(piece(Status.DRAFT)),
    "schedule a piece": lambda c: (
        lambda target: (
            c.post(
                reverse("admin:publications_publication_workflow", args=[target.pk, "publish"]),
                {"go_live_at": "2099-01-01T09:00"},
            )
            and Publication.objects.filter(pk=target.pk, status=Status.PUBLISHED, go_live_at__isnull=False).exists()
        )
    )(piece(Status.APPROVED)),
}

EDITOR = {
    "list publications",
    "open add form",
    "edit a draft",
    "submit",
    "preview a draft",
    "schedule overview",
    "add an expert",
    "upload an image",
    "start a change of a live piece",
    "share a preview link",
    "view revisions",
    "restore a revision",
}
MANAGER = EDITOR | {
    "approve",
    "request changes",
    "publish",
    "unpublish",
    "delete a draft",
    "review queue",
    "audit log",
    "add a topic",
    "schedule a piece",
    "rename the site",
}
ALLOWED = {
    "anonymous": set(),
    "non_staff": set(),
    "staff_without_role": set(),
    "editor": EDITOR,
    "manager": MANAGER,
    # Nobody edits a live piece in place: changes go through a pending copy.
    "superuser": set(ACTIONS) - {"edit a live piece directly"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(role, action):
    DisclaimerFactory()
    client = client_for(role)

    allowed = bool(ACTIONS[action](client))

    assert allowed == (action in ALLOWED[role]), f"{role} {'could' if allowed else 'could not'} {action}"
