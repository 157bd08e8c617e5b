"""Background work of the page cache, run by the task worker (`manage.py db_worker`)."""

from datetime import timedelta

from django.tasks import task
from django.utils import timezone

RETRY_AGAIN_AFTER = timedelta(seconds=30)


@task
def retry_failed_purges() -> bool:
    """Retry page-cache purges that failed; while any stays failed, try again later."""
    from cms.pagecache.cache import retry_pending_purges

    done = retry_pending_purges()
    if not done:
        retry_failed_purges.using(run_after=timezone.now() + RETRY_AGAIN_AFTER).enqueue()
    return done
