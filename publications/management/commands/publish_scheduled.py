"""Run the side effects of scheduled pieces that have gone live (visibility needs no job)."""

from django.core.management.base import BaseCommand

from publications.services import handle_went_live


class Command(BaseCommand):
    help = (
        "Handle pieces whose scheduled time has passed: audit entry and notifications. "
        "Readers see them on time without this command; it is safe to run twice or concurrently."
    )

    def handle(self, *args, **options):
        handled = handle_went_live()
        for publication in handled:
            self.stdout.write(f"went live: {publication.title}")
        self.stdout.write(f"{len(handled)} piece(s) handled")
