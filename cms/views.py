from django.db import connection
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe
from django.views.i18n import set_language

from cms.middleware import DATABASE_FAULTS, current_database_fault, database_unavailable_response


@require_safe
def robots_txt(request):
    """Keep crawlers out of the admin and the endless search result pages; point them at the sitemap."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('search')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request):
    """Tell a load balancer whether this instance can serve: 200 with the database up, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DATABASE_FAULTS:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """The 500 handler: a database fault outside any view still gets the 503 page."""
    if current_database_fault() is not None:
        return database_unavailable_response()
    return defaults.server_error(request)


# Admin pages of the records the platform apps took over from the `cms` app (the house redesign):
# bookmarks, links in old emails and the audit trail's links to /admin/cms/… keep working.
MOVED_ADMIN_MODELS = {
    "center": "taxonomies",
    "topic": "taxonomies",
    "region": "taxonomies",
    "program": "taxonomies",
    "project": "taxonomies",
    "collection": "taxonomies",
    "newsletter": "taxonomies",
    "image": "media",
    "auditentry": "audit",
    "pendingpurge": "pagecache",
    "publicationtype": "publications",
    "disclaimer": "publications",
}


def moved_admin_page(request, model: str = "", rest: str = ""):
    """Send /admin/cms/<model>/<rest> to the page's new address: 301 for reads, 308 (keeps the method) for writes."""
    if model and model not in MOVED_ADMIN_MODELS:
        raise Http404("No such admin page.")
    prefix = reverse("admin:index")  # "/admin/": the target always stays on this site
    target = f"{prefix}{MOVED_ADMIN_MODELS[model]}/{model}/{rest}" if model else f"{prefix}taxonomies/"
    if request.META.get("QUERY_STRING"):
        target = f"{target}?{request.META['QUERY_STRING']}"
    response = HttpResponsePermanentRedirect(target)
    if request.method not in ("GET", "HEAD"):
        response.status_code = 308
    return response


@require_POST
def admin_language(request):
    """The admin header's language selector: Django's set_language, back to an admin page of this site.

    A `next` that leaves the admin, the site or its scheme (`//evil.example/`, `https://…`) is
    replaced by the admin's home page rather than followed, or than Django's fallback to the
    Referer and the public home page. The language cookie's path is the admin's (settings), so the
    choice never touches public pages, whose address alone says their language.
    """
    home = reverse("admin:index")
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not (safe and target.startswith(home)):
        request.POST = request.POST.copy()
        request.POST["next"] = home
    return set_language(request)
