"""Scheduled work happens at its time on its own: the task queue and its worker (issue 13, item 15)."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from publications.models import Publication, Status
from publications.tasks import enqueue_all_scheduled_work, run_scheduled_work
from publications.workflow import publishing, review
from tests.factories import DisclaimerFactory, PersonFactory, PublicationFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]


def queued_runs():
    return list(
        DBTaskResult.objects.filter(task_path=run_scheduled_work.module_path, status="READY")
        .order_by("run_after")
        .values_list("run_after", flat=True)
    )


def scheduled_change(*, editor, manager, go_live, title="Scheduled title"):
    """A live piece and an approved change of it, scheduled for `go_live`."""
    live = PublicationFactory(title="Live title", status=Status.PUBLISHED, authors=[PersonFactory()], created_by=editor)
    change = review.start_change(publication=live, by=editor)
    change.title = title
    change.save()
    review.submit_for_review(publication=change, by=editor)
    review.approve_publication(publication=change, by=manager)
    publishing.publish_publication(publication=change, by=manager, go_live_at=go_live)
    return live, change


@pytest.fixture
def people(transactional_db):
    DisclaimerFactory(name="Site default")
    editor = UserFactory(username="edna", role="Editor", email="edna@example.org")
    manager = UserFactory(username="manny", role="Manager")
    return editor, manager


def run_worker_once():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_scheduling_a_piece_queues_its_go_live_for_the_worker(people):
    editor, manager = people
    go_live = timezone.now() + datetime.timedelta(hours=2)

    scheduled_change(editor=editor, manager=manager, go_live=go_live)

    assert queued_runs() == [go_live]


def test_the_worker_writes_a_scheduled_change_onto_its_live_piece_at_its_time(people, frozen_clock):
    editor, manager = people
    go_live = timezone.now() + datetime.timedelta(hours=2)
    live, change = scheduled_change(editor=editor, manager=manager, go_live=go_live)

    frozen_clock(go_live - datetime.timedelta(seconds=1))
    run_worker_once()
    live.refresh_from_db()
    assert live.title == "Live title"
    assert queued_runs() == [go_live]

    frozen_clock(go_live + datetime.timedelta(seconds=1))
    run_worker_once()
    live.refresh_from_db()
    assert live.title == "Scheduled title"
    assert not Publication.objects.filter(pk=change.pk).exists()
    assert queued_runs() == []
    assert mail.outbox[-1].subject == "Now live: Scheduled title"


def test_a_go_live_run_that_fails_is_retried_a_minute_later_and_then_publishes(people, frozen_clock, monkeypatch):
    editor, manager = people
    go_live = timezone.now() + datetime.timedelta(hours=2)
    live, change = scheduled_change(editor=editor, manager=manager, go_live=go_live)
    real_handle_went_live = publishing.handle_went_live
    calls = []

    def fails_the_first_time(**kwargs):
        calls.append(timezone.now())
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real_handle_went_live(**kwargs)

    monkeypatch.setattr(publishing, "handle_went_live", fails_the_first_time)

    failed_at = go_live + datetime.timedelta(seconds=1)
    frozen_clock(failed_at)
    run_worker_once()
    live.refresh_from_db()
    assert live.title == "Live title"
    assert DBTaskResult.objects.filter(task_path=run_scheduled_work.module_path, status="FAILED").count() == 1
    assert queued_runs() == [failed_at + datetime.timedelta(seconds=60)]

    frozen_clock(failed_at + datetime.timedelta(seconds=61))
    run_worker_once()
    live.refresh_from_db()
    assert live.title == "Scheduled title"
    assert not Publication.objects.filter(pk=change.pk).exists()
    assert len(calls) == 2 and queued_runs() == []


def test_pieces_scheduled_while_no_worker_ran_are_queued_when_it_starts(people):
    editor, manager = people
    go_live = timezone.now() + datetime.timedelta(hours=2)
    scheduled_change(editor=editor, manager=manager, go_live=go_live)
    DBTaskResult.objects.all().delete()

    assert enqueue_all_scheduled_work() == 1
    assert enqueue_all_scheduled_work() == 0
    assert queued_runs() == [go_live]


def test_the_scheduled_email_links_to_the_live_piece_not_the_draft_copy(people, django_capture_on_commit_callbacks):
    editor, manager = people
    live = PublicationFactory(title="Live title", status=Status.PUBLISHED, authors=[PersonFactory()], created_by=editor)
    change = review.start_change(publication=live, by=editor)
    review.submit_for_review(publication=change, by=editor)
    review.approve_publication(publication=change, by=manager)

    with django_capture_on_commit_callbacks(execute=True):
        publishing.publish_publication(
            publication=change, by=manager, go_live_at=timezone.now() + datetime.timedelta(hours=1)
        )

    scheduled = [message for message in mail.outbox if message.subject.startswith("Scheduled:")]
    assert scheduled, [message.subject for message in mail.outbox]
    assert settings.SITE_URL + live.get_absolute_url() in scheduled[-1].body
    assert change.get_absolute_url() not in scheduled[-1].body


def worker_environment():
    """The environment of a worker process that reads this test's database."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{database['NAME']}"
    else:
        url = f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"
    return {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "tests.settings"}


def test_a_running_worker_publishes_a_scheduled_change_on_its_own(people):
    editor, manager = people
    go_live = timezone.now() + datetime.timedelta(seconds=2)
    live, change = scheduled_change(editor=editor, manager=manager, go_live=go_live)

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=worker_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and Publication.objects.filter(pk=change.pk).exists():
            assert worker.poll() is None, worker.stderr.read().decode()
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    live.refresh_from_db()
    assert live.title == "Scheduled title"
    assert not Publication.objects.filter(pk=change.pk).exists()
