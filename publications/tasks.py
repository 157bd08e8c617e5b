"""Background work of publications, run by the task worker (`manage.py db_worker`).

Visibility never waits for a task (`published()` decides it in the query); what waits is the work
done at go-live time: writing a scheduled change onto its live piece, the audit entry and email.
"""

import logging
from datetime import timedelta

from django.tasks import TaskResultStatus, task
from django.utils import timezone

from publications.models import Publication, Status

logger = logging.getLogger(__name__)

RETRY_FAILED_RUN_AFTER = timedelta(seconds=60)


@task
def run_scheduled_work() -> int:
    """Handle every scheduled piece whose time has come; return how many. Safe to run twice.

    A run that fails (the database went away, one piece's merge raised) queues another a minute
    later before it fails: the run was the only one queued for that time, so without it the
    go-live would wait for the worker's next start. Its work was rolled back, so the retry does
    all of it again.
    """
    from publications.workflow.publishing import handle_went_live

    try:
        return len(handle_went_live())
    except Exception:
        try:
            run_scheduled_work.using(run_after=timezone.now() + RETRY_FAILED_RUN_AFTER).enqueue()
        except Exception:
            # The queue is in the same database: when that is down too, the worker's next start
            # (publish_scheduled) is what picks the overdue pieces up.
            logger.exception("Could not queue a retry of the scheduled go-live work")
        raise


def enqueue_scheduled_work(*, at) -> None:
    """Queue the go-live work for `at` inside the current transaction.

    The queue is a table of the same database, so the run is committed together with the
    schedule or not at all (after commit, a failed enqueue would lose the go-live). A queued run
    at a time nothing is due any more (the piece was unscheduled or moved) handles nothing, so
    no run is ever cancelled.
    """
    run_scheduled_work.using(run_after=at).enqueue()


def enqueue_all_scheduled_work() -> int:
    """Queue a run for every future go-live time that has none queued; return how many were queued.

    The worker's start runs this (via `publish_scheduled`), so pieces scheduled while no worker ran,
    or before the queue existed, still go live at their time.
    """
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    due_times = set(
        Publication.objects.filter(status=Status.PUBLISHED, went_live_handled_at__isnull=True, go_live_at__gt=now)
        .values_list("go_live_at", flat=True)
        .distinct()
    )
    queued = set(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=run_scheduled_work.module_path, run_after__in=due_times
        ).values_list("run_after", flat=True)
    )
    for moment in sorted(due_times - queued):
        run_scheduled_work.using(run_after=moment).enqueue()
    return len(due_times - queued)
