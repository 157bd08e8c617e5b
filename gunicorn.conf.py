"""gunicorn settings for `make serve` and `make bench` (gunicorn reads this file from the working directory).

Everything else comes from the environment, like the Django settings (README, .env.example).
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# gunicorn's rule of thumb: two workers per core plus one, so a worker waiting on PostgreSQL
# does not leave a core idle. WEB_CONCURRENCY overrides it.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Load the application once, before forking: workers share its memory until they write to it.
preload_app = True
# Restart a worker after this many requests, so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10
timeout = 30
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"


def on_starting(server):
    """Refuse a per-process page cache with several workers: a purge would reach only one of them."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PAGE_CACHE and backend.endswith("LocMemCache") and server.cfg.workers > 1:
        raise SystemExit(
            "The page cache is on but the cache is per process (no REDIS_URL): with "
            f"{server.cfg.workers} workers a purge would reach only one of them and readers could "
            "see stale pages. Set REDIS_URL, or PAGE_CACHE=off, or WEB_CONCURRENCY=1."
        )
