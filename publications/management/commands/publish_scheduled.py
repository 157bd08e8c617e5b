"""Run the go-live work that is due now and queue it for every later scheduled time."""

from django.core.management.base import BaseCommand

from publications.tasks import enqueue_all_scheduled_work
from publications.workflow.publishing import handle_went_live


class Command(BaseCommand):
    help = (
        "Handle pieces whose scheduled time has passed (a scheduled change written onto its live "
        "piece, audit entry, email) and queue the task worker for every later scheduled time. "
        "The worker start in `make run` and `make serve` runs it; safe to run twice or concurrently."
    )

    def handle(self, *args, **options):
        handled = handle_went_live()
        queued = enqueue_all_scheduled_work()
        if options["verbosity"] > 0:
            for publication in handled:
                self.stdout.write(f"went live: {publication.title}")
            self.stdout.write(f"{len(handled)} piece(s) handled")
            self.stdout.write(f"{queued} later go-live time(s) queued for the task worker")
