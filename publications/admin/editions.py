"""Editions on the desk: the panel of a work on each piece's page, "Translate into …", and the tracker's queue.

Plain functions of the publication's model admin, bound in `PublicationAdmin.get_urls`; each
write calls one service of publications/workflow/editions.py. The queue
(`admin:publications_publication_editions_behind`) lists the editions whose original changed
since they were translated, with the paragraphs that changed, and is counted on the dashboard.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.kit.pagination import paginate
from publications.admin.desk_views import publication_or_404
from publications.editions import behind_with_changes, editions_behind, work_panel
from publications.models import Publication
from publications.workflow.editions import create_edition, mark_edition_up_to_date

QUEUE_PAGE = 20
REVIEW = "publications.review_publication"


def editions_context(request, publication: Publication) -> dict:
    """The editions panel of `publication`'s change page (none for a pending change)."""
    panel = work_panel(publication)
    if panel is None:
        return {}
    user = request.user
    return {
        "editions": {
            "panel": panel,
            "can_translate": panel.is_original and user.has_perm("publications.add_publication"),
            "can_mark": user.has_perm(REVIEW),
        }
    }


def translate_view(model_admin, request, pk):
    """ "Translate into <language>": make the draft edition and open it, or say why not."""
    if request.method != "POST":
        raise Http404
    original = publication_or_404(model_admin, request, pk)
    try:
        edition = create_edition(original=original, language=request.POST.get("language", ""), actor=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return HttpResponseRedirect(reverse("admin:publications_publication_change", args=[original.pk]))
    messages.success(
        request,
        _(
            "A draft edition with the original's text, to be translated: replace the title, dek and body. "
            "The byline and filing are the original's; add the translator to the byline."
        ),
    )
    return HttpResponseRedirect(reverse("admin:publications_publication_change", args=[edition.pk]))


def mark_up_to_date_view(model_admin, request, pk):
    """ "Mark as up to date" from the queue or the edition's page; back where it was pressed."""
    if request.method != "POST":
        raise Http404
    edition = publication_or_404(model_admin, request, pk)
    raw_version = request.POST.get("expected_version", "")
    try:
        mark_edition_up_to_date(
            edition=edition,
            actor=request.user,
            expected_version=int(raw_version) if raw_version.isascii() and raw_version.isdigit() else None,
        )
        messages.success(request, _("“%(title)s” is marked up to date with its original.") % {"title": edition.title})
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    if request.POST.get("from") == "editions-behind":
        return HttpResponseRedirect(reverse("admin:publications_publication_editions_behind"))
    return HttpResponseRedirect(reverse("admin:publications_publication_change", args=[edition.pk]))


def editions_behind_view(model_admin, request):
    """The managers' queue of editions behind their original, each with what changed since."""
    if not request.user.has_perm(REVIEW):
        raise PermissionDenied
    page = paginate(editions_behind(request.user), page=request.GET.get("page"), per_page=QUEUE_PAGE)
    return TemplateResponse(
        request,
        "admin/publications/publication/editions_behind.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Editions behind their original"),
            "opts": model_admin.model._meta,
            "page": page,
            "behind": behind_with_changes(page.object_list),
        },
    )


def editions_behind_panel(request) -> dict | None:
    """The dashboard's count of editions behind their original, for managers. 1 query."""
    if not request.user.has_perm(REVIEW):
        return None
    return {"behind": editions_behind(request.user).count()}


admin.site.register_dashboard_panel("admin/publications/editions_panel.html", editions_behind_panel)
