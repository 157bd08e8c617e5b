"""A changelist address whose filter value overflows gets the admin's "?e=1" redirect, never a 500."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cms.audit.models import AuditEntry
from cms.audit.services import record_audit
from publications.models import Publication
from tests.factories import ImageFactory, PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999"
HUGER = "99999999999999999999"


@pytest.fixture
def manager_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    publication = PublicationFactory()
    ImageFactory()
    record_audit(actor=None, action=AuditEntry.Action.EDIT, obj=publication)
    return client


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


DRILL_DOWNS = [
    (model, model_admin.date_hierarchy)
    for model, model_admin in admin.site._registry.items()
    if model_admin.date_hierarchy
]


def drill_down_queries(field):
    return [
        f"{field}__year={HUGE}",
        f"{field}__year=2024&{field}__month={HUGE}",
        f"{field}__year=2024&{field}__month=1&{field}__day={HUGE}",
        # The last day there is: the drill-down's "up to the next day" would overflow.
        f"{field}__year=9999&{field}__month=12&{field}__day=31",
        f"{field}__year=9999&{field}__month=12",
    ]


@pytest.mark.parametrize(
    ("model", "query"),
    [(model, query) for model, field in DRILL_DOWNS for query in drill_down_queries(field)],
    ids=lambda value: value if isinstance(value, str) else value._meta.label,
)
def test_a_date_drill_down_past_the_calendar_redirects_to_the_changelist_with_the_error_flag(
    manager_client, model, query
):
    url = changelist(model)

    response = manager_client.get(f"{url}?{query}")

    assert response.status_code == 302
    assert response["Location"] == f"{url}?e=1"
    assert manager_client.get(response["Location"]).status_code == 200


def test_every_changelist_with_a_date_drill_down_is_covered():
    labels = {model._meta.label for model, _ in DRILL_DOWNS}
    assert {"publications.Publication", "audit.AuditEntry"} <= labels


@pytest.mark.parametrize(
    "query",
    [
        f"id__in=1,{HUGER}",
        f"id__gt={HUGER}",
        f"primary_center={HUGER}",
        f"primary_center__id__exact={HUGER}",
        "publication_date__gte=99999999-01-01",
    ],
)
def test_an_overflowing_number_or_date_in_a_publication_filter_never_gives_a_500(manager_client, query):
    url = changelist(Publication)

    response = manager_client.get(f"{url}?{query}")

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == f"{url}?e=1"


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/media/image/?uploaded_at__year={HUGE}",
        f"/admin/media/image/?id__in=1,{HUGER}",
        f"/admin/people/person/?id__in=1,{HUGER}",
        f"/admin/auth/user/?id__in=1,{HUGER}",
        f"/admin/audit/auditentry/?at__year={HUGE}",
    ],
)
def test_other_changelists_answer_an_overflowing_filter_with_the_error_flag_or_the_list(manager_client, url):
    response = manager_client.get(url)

    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response["Location"] == url.split("?")[0] + "?e=1"


def test_an_overflowing_filter_that_already_carries_the_error_flag_is_a_bad_request(manager_client):
    url = changelist(AuditEntry)

    response = manager_client.get(f"{url}?e=1&at__year={HUGE}")

    assert response.status_code == 400
