"""Whole public pages from Django's cache, purged exactly when something they show changes.

How a page knows what it shows: while a page renders, every row of a watched model that is
loaded (a person in a byline, a topic in the footer, a center) is recorded as a *row tag*
("people.person:12"), and read functions declare the *sets* they list ("set:topics:7": the
public pieces tagged with topic 7; "publications.publication": any public piece, for the
home page and listings). The cached page keeps the version of each of its tags. A change
bumps the versions of the tags it touches, so every page holding one of them is a miss from
then on; nothing needs to find or delete the pages themselves. Bumping happens at once and
again after the transaction commits, so a page rendered from the old data in between cannot
survive the commit (and a page whose render overlapped any purge is not stored at all).

Time: `published()` depends on the clock (scheduled go-live, expiry). A page is stored with
`valid_until`, the next moment any piece goes live or expires (from functions registered with
`on_schedule`), checked against `timezone.now()` on every hit: a scheduled piece appears on
cached listings at its go-live time without any job running.

Never cached: anything but GET/HEAD, requests carrying the session or messages cookie (staff,
previews, anyone logged in), requests with credentials, responses that set a cookie (a CSRF
token, a session), that use a CSP nonce, that say private/no-store/no-cache, or that are not
200. `PAGE_CACHE=off` turns the whole thing off.

Redis (REDIS_URL) shares pages and tag versions between workers. The local-memory cache is
per process: fine for tests and a single process, wrong for several workers (a purge would
reach one of them), which `make serve` refuses.

Why one module of ~520 lines: recording, purging and serving are one protocol over the same tag
versions, counter and schedule; split, each half would reach into the other's private state.
"""

import hashlib
import logging
import random
import time
import uuid
from collections import OrderedDict
from contextvars import ContextVar
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import set_response_etag
from django.utils.http import split_directive_names

logger = logging.getLogger(__name__)

PREFIX = "pagecache"
EVERYTHING = "site"  # every page holds it: purge_everything() after bulk loads
MAX_ROWS_PER_MODEL = 32  # more rows of one model than this: the page holds the model tag instead
UNCACHEABLE_DIRECTIVES = {"private", "no-store", "no-cache"}
COUNTER_KEY = f"{PREFIX}:purges"
# The query parameters public pages read (filters, search, pagination, the sitemap's page).
# A request with any other parameter is answered without the cache, so that made-up query
# strings cannot fill it; marketing tags (utm_source, fbclid…) of a shared link are read from
# the page stored for the plain address, but what such a request renders is not stored.
PAGE_PARAMETERS = frozenset(
    {
        "q",
        "page",
        "p",
        "type",
        "center",
        "topic",
        "region",
        "program",
        "project",
        "year",
        "language",
        "alumni",
        "contributors",
        "letter",
    }
)
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref"})
MAX_PARAMETER_LENGTH = 200
SCHEDULE_KEY = f"{PREFIX}:schedule"
RETRY_DELAY = timedelta(seconds=5)


# -- tags --------------------------------------------------------------------------------------


def model_tag(model) -> str:
    """Any row of `model` changed, was added or was removed."""
    return model._meta.label_lower


def row_tag(model, pk) -> str:
    """This one row changed."""
    return f"{model._meta.label_lower}:{pk}"


def set_tag(name: str, pk) -> str:
    """The public pieces linked to object `pk` through `name` changed (joined, left or edited)."""
    return f"set:{name}:{pk}"


class _Recording:
    def __init__(self):
        self.tags: set[str] = {EVERYTHING}
        self.rows: dict[type, set] = {}

    def all_tags(self) -> set[str]:
        tags = set(self.tags)
        for model, pks in self.rows.items():
            if model_tag(model) in tags:
                continue  # the page already depends on every row of this model
            if len(pks) > MAX_ROWS_PER_MODEL:
                tags.add(model_tag(model))
            else:
                tags.update(row_tag(model, pk) for pk in pks)
        return tags


_recording: ContextVar[_Recording | None] = ContextVar("pagecache_recording", default=None)


def depends_on(*tags: str) -> None:
    """Declare that the page being rendered shows what `tags` name (no-op outside a cached render)."""
    recording = _recording.get()
    if recording is not None:
        recording.tags.update(tags)


def _row_loaded(sender, instance, **kwargs):
    recording = _recording.get()
    if recording is not None:
        pk = instance.__dict__.get(instance._meta.pk.attname)
        if pk is not None:
            recording.rows.setdefault(sender, set()).add(pk)


def _row_changed(sender, instance, **kwargs):
    purge(row_tag(sender, instance.pk), model_tag(sender))


def watch(*models) -> None:
    """Record rows of `models` that pages load, and purge those pages when a row is saved or deleted."""
    for model in models:
        post_init.connect(_row_loaded, sender=model, dispatch_uid=f"pagecache-row-{model_tag(model)}")
        post_save.connect(_row_changed, sender=model, dispatch_uid=f"pagecache-save-{model_tag(model)}")
        post_delete.connect(_row_changed, sender=model, dispatch_uid=f"pagecache-delete-{model_tag(model)}")


# -- purging -----------------------------------------------------------------------------------


_schedules: list = []  # (function(now) -> datetime | None, tag whose purge changes its answer)
_timed_tags: list[str] = []  # prefixes of the tags of pages whose content depends on the clock


def on_schedule(next_change, *, changed_by: str, pages: tuple[str, ...]) -> None:
    """Register `next_change(now)`: the next moment after `now` when what pages show changes by itself.

    Only pages holding a tag that starts with one of `pages` expire then. The answer is kept in
    the cache and asked again after every purge of `changed_by`, so pages need no query for it.
    """
    _schedules.append((next_change, changed_by))
    _timed_tags.extend(pages)


def purge(*tags: str) -> None:
    """Make every cached page holding any of `tags` a miss, now and again after the commit."""
    tags = set(tags)
    if not tags or not settings.PAGE_CACHE:
        return
    _bump(tags)
    transaction.on_commit(lambda: _bump(tags), robust=True)


def purge_everything() -> None:
    """Make every cached page a miss (after bulk loads and imports that bypass the models)."""
    purge(EVERYTHING)


def _bump(tags: set[str]) -> None:
    try:
        _bump_or_raise(tags)
    except Exception as error:  # a purge that fails must not undo the editor's change: it is kept
        logger.exception("Page cache purge failed for %s: kept for retry, no cached page is served", sorted(tags))
        _keep_failed_purge(tags, error)


def _bump_or_raise(tags: set[str]) -> None:
    token = uuid.uuid4().hex
    cache.set_many({_tag_key(tag): token for tag in tags}, timeout=None)
    try:
        cache.incr(COUNTER_KEY)
    except ValueError:
        # Start anywhere: a counter that was evicted must not come back with an old value.
        cache.add(COUNTER_KEY, random.getrandbits(48), timeout=None)
        cache.incr(COUNTER_KEY)
    if any(changed_by in tags or EVERYTHING in tags for _, changed_by in _schedules):
        _store_schedule(timezone.now())


# -- purges that failed ------------------------------------------------------------------------
# A worker that cannot reach the cache cannot tell the other workers to stop serving what it
# meant to purge; the database can. The failed tags are kept as a PendingPurge row (in the
# transaction of the change when the purge before the commit failed, so both commit together)
# and while any row exists no worker serves a cached page. Each worker looks for rows before a
# hit at most every PAGE_CACHE_PENDING_CHECK_SECONDS (one small query, not one per hit); the
# worker that failed stops at once. Whoever finds rows and reaches the cache retries them, and a
# task retries them on the worker even when no reader comes.

_pending: dict = {"checked_at": None, "pending": False}


def _keep_failed_purge(tags: set[str], error: Exception) -> None:
    from cms.pagecache.models import PendingPurge
    from cms.pagecache.tasks import retry_failed_purges

    _pending.update(checked_at=time.monotonic(), pending=True)
    try:
        with transaction.atomic():
            PendingPurge.objects.create(tags=sorted(tags), last_error=f"{type(error).__name__}: {error}"[:1000])
            retry_failed_purges.using(run_after=timezone.now() + RETRY_DELAY).enqueue()
    except Exception:
        logger.exception("Could not keep the failed page cache purge of %s", sorted(tags))


def retry_pending_purges() -> bool:
    """Purge the tags of every failed purge again; return True when none is left pending."""
    from cms.pagecache.models import PendingPurge

    rows = list(PendingPurge.objects.order_by("pk"))
    if not rows:
        return True
    tags = set().union(*(row.tags for row in rows))
    try:
        _bump_or_raise(tags)
    except Exception as error:
        PendingPurge.objects.filter(pk__in=[row.pk for row in rows]).update(
            attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:1000]
        )
        logger.warning("Page cache purge retry failed for %d kept purge(s)", len(rows))
        return False
    PendingPurge.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return not PendingPurge.objects.exists()


def purges_pending() -> bool:
    """Whether a failed purge is still waiting (checked at most every few seconds per worker)."""
    from cms.pagecache.models import PendingPurge

    now = time.monotonic()
    checked_at = _pending["checked_at"]
    if checked_at is not None and now - checked_at < settings.PAGE_CACHE_PENDING_CHECK_SECONDS:
        return _pending["pending"]
    try:
        pending = PendingPurge.objects.exists() and not retry_pending_purges()
    except Exception:
        # Without the database no change can have been made (or kept) since the last look.
        logger.exception("Could not look for failed page cache purges")
        pending = _pending["pending"]
    _pending.update(checked_at=now, pending=pending)
    return pending


def reset_pending_check() -> None:
    """Count from now as a look that found no failed purge (a test's start, with an empty database)."""
    _pending.update(checked_at=time.monotonic(), pending=False)


def _tag_key(tag: str) -> str:
    return f"{PREFIX}:tag:{tag}"


def _schedule_versions(*, create: bool = False) -> list:
    keys = [_tag_key(changed_by) for _, changed_by in _schedules]
    found = cache.get_many(keys)
    if create and len(found) < len(keys):
        for key in set(keys) - found.keys():
            cache.add(key, uuid.uuid4().hex, timeout=None)
        found = cache.get_many(keys)
    return [found.get(key) for key in keys]


def _store_schedule(now: datetime) -> datetime | None:
    """Ask the registered functions for the next change after `now` and keep the answer.

    It is kept with the versions of the tags that change it: any purge of those makes it stale.
    """
    versions = _schedule_versions(create=True)
    changes = [change for change in (function(now) for function, _ in _schedules) if change is not None]
    next_change = min(changes, default=None)
    if None not in versions:
        cache.set(SCHEDULE_KEY, (now, next_change, versions), timeout=None)
    return next_change


def _valid_until(started: datetime) -> datetime | None:
    """The next scheduled change after `started`, from the cache when it is still right, else asked."""
    known = cache.get(SCHEDULE_KEY)
    if known is not None:
        computed_at, next_change, versions = known
        if (
            computed_at <= started
            and (next_change is None or started < next_change)
            and versions == _schedule_versions()
        ):
            return next_change
    return _store_schedule(started)


# -- the middleware ----------------------------------------------------------------------------

# Tag versions this process has read, valid while the purge counter keeps the value they were
# read under: every purge bumps the counter after the tags, so a hit needs one round trip to
# the cache (the page and the counter) instead of two. Versions read after the counter can only
# be newer, which can only cause a miss.
_remembered: dict = {"counter": None, "versions": {}}


def _tag_versions(tags: list[str], counter) -> dict:
    if counter is None:  # not counting yet (a fresh or flushed cache): ask every time
        found = cache.get_many([_tag_key(tag) for tag in tags])
        return {tag: found.get(_tag_key(tag)) for tag in tags}
    if _remembered["counter"] != counter or len(_remembered["versions"]) > 100_000:
        _remembered.update(counter=counter, versions={})
    versions = _remembered["versions"]
    unknown = [tag for tag in tags if tag not in versions]
    if unknown:
        found = cache.get_many([_tag_key(tag) for tag in unknown])
        versions.update({tag: found[_tag_key(tag)] for tag in unknown if _tag_key(tag) in found})
    return versions


# Pages this worker served lately, each with the purge counter it was valid at (see lookup).
LOCAL_PAGES = 256
_local_pages: OrderedDict[str, tuple[int, dict]] = OrderedDict()


def _remember_page(key: str, entry: dict, counter: int) -> None:
    _local_pages[key] = (counter, entry)
    _local_pages.move_to_end(key)
    while len(_local_pages) > LOCAL_PAGES:
        _local_pages.popitem(last=False)


CODE_PACKAGES = ("cms", "publications", "people")


def code_version() -> str:
    """A hash of the templates, Python code and translations: a deploy must not serve pages made by the old code."""
    if not hasattr(code_version, "value"):
        digest = hashlib.md5(settings.PAGE_CACHE_VERSION.encode(), usedforsecurity=False)
        base = Path(settings.BASE_DIR)
        # Every module of the apps at any depth: the platform apps and the wings of publications are packages.
        code = sorted(path for package in CODE_PACKAGES for path in (base / package).rglob("*.py"))
        translations = sorted(base.glob("locale/*/LC_MESSAGES/*.po"))
        for path in sorted(base.glob("templates/**/*.html")) + code + translations:
            digest.update(path.read_bytes())
        code_version.value = digest.hexdigest()[:12]
    return code_version.value


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache; store what may be stored.

    Sits above the session, CSRF, auth and messages middleware, so a hit skips all of them,
    and sees the cookies they set before deciding whether to store.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.exempt_prefixes = None

    def __call__(self, request):
        if not self.applies(request):
            return self.get_response(request)
        query = self.page_query(request)
        if query is None:
            return self.get_response(request)
        parameters, tracked = query
        key = self.key(request, parameters)
        try:
            hit, found = self.lookup(key)
        except Exception:
            logger.exception("Page cache unavailable; serving without it")
            return self.get_response(request)
        if hit is not None:
            return hit
        if request.method != "GET":
            return self.get_response(request)
        started = timezone.now()
        recording = _Recording()
        token = _recording.set(recording)
        try:
            response = self.get_response(request)
        finally:
            _recording.reset(token)
        if not tracked and self.storable(request, response):
            try:
                self.store(key, response, recording, started=started, counter=found.get(COUNTER_KEY))
            except Exception:
                logger.exception("Page cache store failed")
        return response

    def applies(self, request) -> bool:
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META:
            return False
        if self.exempt_prefixes is None:
            # Not the admin, and not the floor the benchmark measures against.
            self.exempt_prefixes = (reverse("admin:index"), reverse("robots"))
        return not request.path.startswith(self.exempt_prefixes)

    @staticmethod
    def page_query(request) -> tuple[list[tuple[str, str]], bool] | None:
        """The page's own parameters, sorted, and whether marketing tags came along; None: bypass.

        None when a parameter is unknown, repeated or longer than any filter or search.
        """
        parameters, tracked = [], False
        for name, values in request.GET.lists():
            if name in TRACKING_PARAMETERS or name.startswith("utm_"):
                tracked = True
                continue
            if name not in PAGE_PARAMETERS or len(values) != 1 or len(values[0]) > MAX_PARAMETER_LENGTH:
                return None
            parameters.append((name, values[0]))
        return sorted(parameters), tracked

    def key(self, request, parameters: list[tuple[str, str]]) -> str:
        address = "\n".join([request.get_host(), request.path, *(f"{name}={value}" for name, value in parameters)])
        digest = hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()
        return f"{PREFIX}:page:{code_version()}:{digest}"

    def lookup(self, key) -> tuple[HttpResponse | None, dict]:
        """The cached response for `key` (or None) and what was read with it (the purge counter).

        A page this worker served before is kept in its memory with the purge counter of that
        moment: while the counter has not moved, nothing was purged, so the page is still good
        and only the counter crosses the network (not the whole page, then unpickled).
        """
        if purges_pending():
            return None, {}
        remembered = _local_pages.get(key)
        if remembered is not None:
            counter = cache.get(COUNTER_KEY)
            if counter is not None and remembered[0] == counter:
                _local_pages.move_to_end(key)
                return self.response_from(remembered[1]), {COUNTER_KEY: counter}
            del _local_pages[key]
        found = cache.get_many([key, COUNTER_KEY])
        counter = found.get(COUNTER_KEY)
        hit = self.valid(found.get(key), counter)
        if hit is not None and counter is not None:
            _remember_page(key, found[key], counter)
        return hit, found

    def valid(self, entry, counter) -> HttpResponse | None:
        if entry is None:
            return None
        versions = entry["tags"]
        current = _tag_versions(list(versions), counter)
        for tag, version in versions.items():
            if current.get(tag) != version:
                return None
        return self.response_from(entry)

    @staticmethod
    def response_from(entry) -> HttpResponse | None:
        """The stored page as a response, or None once a scheduled go-live or expiry has passed."""
        valid_until = entry["valid_until"]
        if valid_until is not None and timezone.now() >= valid_until:
            return None
        response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            response[header] = value
        return response

    def storable(self, request, response) -> bool:
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            # A nonce must differ on every response; a stored page would reuse it.
            and not getattr(request, "_csp_nonce", None)
            and not (set(split_directive_names(response.get("Cache-Control", ""))) & UNCACHEABLE_DIRECTIVES)
        )

    def store(self, key, response, recording: _Recording, *, started: datetime, counter) -> None:
        tags = recording.all_tags()
        keys = [_tag_key(tag) for tag in tags]
        current = cache.get_many(keys + [COUNTER_KEY])
        if current.get(COUNTER_KEY) != counter:
            return  # something was purged while this page rendered: it may show the old data
        if counter is None:
            # Start counting (after a flush): hits can then trust the tag versions they remember.
            cache.add(COUNTER_KEY, random.getrandbits(48), timeout=None)
        missing = {key_: uuid.uuid4().hex for key_ in keys if key_ not in current}
        if missing:
            # First use (or evicted): a fresh version that no stored page can hold.
            for key_, version in missing.items():
                cache.add(key_, version, timeout=None)
            current.update(cache.get_many(list(missing)))
            if any(key_ not in current for key_ in keys):
                return  # the cache is dropping keys as fast as they come: do not store
        timed = any(tag.startswith(tuple(_timed_tags)) for tag in tags) if _timed_tags else False
        valid_until = _valid_until(started) if timed else None
        timeout = settings.PAGE_CACHE_SECONDS
        if valid_until is not None:
            timeout = min(timeout, max(1, int((valid_until - timezone.now()).total_seconds()) + 1))
        if not response.has_header("ETag"):
            set_response_etag(response)
        cache.set(
            key,
            {
                "status": response.status_code,
                "content": response.content,
                "headers": list(response.items()),
                "tags": {tag: current.get(_tag_key(tag)) for tag in tags},
                "valid_until": valid_until,
            },
            timeout=timeout,
        )
