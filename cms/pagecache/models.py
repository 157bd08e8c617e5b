"""Purges the page cache could not make yet."""

from django.db import models


class PendingPurge(models.Model):
    """Page-cache tags whose purge failed (the cache was unreachable), kept until a retry succeeds.

    Kept in the database, which every worker shares, because the worker that failed to reach the
    cache cannot tell the others; while any row exists no worker serves a cached page
    (cms/pagecache/cache.py), so a takedown is never lost.
    """

    tags = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=1)
    last_error = models.TextField(blank=True)

    class Meta:
        db_table = "cms_pendingpurge"  # the table the `cms` app created; moved without moving data
        ordering = ["pk"]

    def __str__(self):
        return f"{len(self.tags)} tag(s) since {self.created_at:%Y-%m-%d %H:%M:%S}"
