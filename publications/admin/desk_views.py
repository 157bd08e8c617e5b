"""The publication desk's own views: workflow buttons, autosave, writing aids, revisions and restore.

Plain functions that take the publication's model admin first (its permissions, desk scope and
admin site), wired by `PublicationAdmin.get_urls`. Each calls one service or read function.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.richtext.desk import BadBody, read_desk_body
from publications import desk, previews
from publications.models import Publication, Revision
from publications.revisions import autosave_draft, compare_revisions, restore_revision
from publications.scope import scoped
from publications.workflow import publishing, review


def publication_or_404(model_admin, request, pk) -> Publication:
    """The piece on the user's desk: 403 for staff who may not read publications, 404 off their desk."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    return get_object_or_404(scoped(Publication.objects.all(), request.user), pk=pk)


def workflow_view(model_admin, request, pk, action):
    """Run one workflow step through its service: a role refusal is a 403, a state conflict a message."""
    if request.method != "POST":
        raise Http404
    publication = publication_or_404(model_admin, request, pk)
    change_url = reverse("admin:publications_publication_change", args=[publication.pk])
    user = request.user
    raw_version = request.POST.get("expected_version", "")
    expected_version = int(raw_version) if raw_version.isascii() and raw_version.isdigit() else None
    try:
        if action == "submit":
            review.submit_for_review(publication=publication, by=user)
            messages.success(request, _("Submitted for review. Managers have been told."))
        elif action == "approve":
            review.approve_publication(publication=publication, by=user, expected_version=expected_version)
            messages.success(request, _("Approved. It can now be published."))
        elif action == "request-changes":
            review.request_changes(
                publication=publication,
                by=user,
                comment=request.POST.get("comment", ""),
                expected_version=expected_version,
            )
            messages.success(request, _("Sent back to the editor with your comment."))
        elif action == "publish":
            go_live_at, expire_at = schedule_from(request)
            target = publishing.publish_publication(
                publication=publication,
                by=user,
                go_live_at=go_live_at,
                expire_at=expire_at,
                expected_version=expected_version,
            )
            change_url = reverse("admin:publications_publication_change", args=[target.pk])
            if target.go_live_at:
                when = date_format(timezone.localtime(target.go_live_at), "SHORT_DATETIME_FORMAT")
                messages.success(request, _("Scheduled: it goes live %(when)s.") % {"when": when})
            else:
                messages.success(request, _("Published. It is live now."))
        elif action == "unpublish":
            publishing.unpublish_publication(publication=publication, by=user)
            messages.success(request, _("Unpublished. Readers no longer see it."))
        elif action == "start-change":
            copy = review.start_change(publication=publication, by=user)
            messages.success(
                request,
                _("This is a pending change: readers keep seeing the live piece until a manager publishes it."),
            )
            change_url = reverse("admin:publications_publication_change", args=[copy.pk])
        elif action == "share":
            token = previews.create_preview_link_token(publication=publication, by=user)
            link = request.build_absolute_uri(reverse("publications:preview_share", args=[token]))
            days = max(settings.PREVIEW_LINK_MAX_AGE // 86400, 1)
            messages.success(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    ngettext(
                        "Share link (read-only, valid for %(days)d day):",
                        "Share link (read-only, valid for %(days)d days):",
                        days,
                    )
                    % {"days": days},
                    link,
                    link,
                ),
            )
        else:
            raise Http404
    # PermissionDenied is not caught: the buttons are only shown to those who may use them,
    # so a refusal means a forged or stale request, answered with the 403 page and its reason.
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    # The review queue's row actions come back to the queue, so a manager works down it.
    if request.POST.get("from") == "review-queue" and action in {"approve", "request-changes"}:
        return HttpResponseRedirect(reverse("admin:publications_publication_review_queue"))
    return HttpResponseRedirect(change_url)


def autosave_view(model_admin, request, pk):
    """Keep the form's text as an autosave revision (JSON in, JSON out); see publications/revisions.py:autosave_draft."""
    if request.method != "POST":
        return JsonResponse({"error": _("POST the form's text.")}, status=405)
    publication = publication_or_404(model_admin, request, pk)
    if not model_admin.has_change_permission(request, publication):
        return JsonResponse({"error": _("You cannot edit this piece.")}, status=403)
    try:
        # Autosave takes what Django reads at all (2.5 MB, several times the longest report),
        # so it keeps bodies the writing aids refuse; over it, the editor is told, not dropped.
        data = read_desk_body(
            request,
            limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
            too_long=_("This text is too long to autosave. Save the form to keep it."),
            key="fields",
            kind=dict,
            expected='Send {"expected_version": n, "fields": {…}}.',
            html_of=lambda data: [str(data["fields"].get("body") or "")],
            too_deep=_("The body nests too deeply to autosave. Save the form to keep it."),
        )
    except BadBody as refusal:
        return refusal.response
    raw_version = str(data.get("expected_version", ""))
    try:
        revision = autosave_draft(
            publication=publication,
            by=request.user,
            expected_version=int(raw_version) if raw_version.isascii() and raw_version.isdigit() else None,
            fields=data["fields"],
        )
    except PermissionDenied as refusal:
        return JsonResponse({"error": str(refusal)}, status=403)
    except ValidationError as refusal:
        return JsonResponse({"error": " ".join(refusal.messages), "code": refusal.code}, status=409)
    saved_at = timezone.localtime(revision.created_at)
    return JsonResponse(
        {
            "revision": revision.pk,
            "saved_at": saved_at.isoformat(),
            "label": _("Autosaved at %(time)s") % {"time": date_format(saved_at, "TIME_FORMAT")},
        }
    )


def aids_view(model_admin, request):
    """Word count, reading time, previews and the publish gate for the form's current values."""
    if request.method != "POST":
        return JsonResponse({"error": _("POST the form's values.")}, status=405)
    if not model_admin.has_change_permission(request) and not model_admin.has_add_permission(request):
        return JsonResponse({"error": _("You cannot edit publications.")}, status=403)
    try:
        data = read_desk_body(
            request,
            limit=desk.AIDS_MAX_BYTES,
            too_long=_("This text is too long for the writing aids (over 600 KB); autosave still keeps it."),
            key="fields",
            kind=dict,
            expected='Send {"fields": {…}}.',
            html_of=lambda data: [str(data["fields"].get(name) or "") for name in ("body", "disclaimer_override")],
            too_deep=_("The writing aids pause: the body nests too deeply to read."),
        )
    except BadBody as refusal:
        return refusal.response
    publication_id = data.get("publication")
    publication = (
        scoped(Publication.objects.select_related("draft_of"), request.user).filter(pk=publication_id).first()
        if isinstance(publication_id, int) and 0 < publication_id < 2**63
        else None
    )
    has_author = data.get("has_author")
    aids = desk.writing_aids(
        fields=data["fields"],
        publication=publication,
        has_author=has_author if isinstance(has_author, bool) else None,
        site_url=request.build_absolute_uri("/"),
    )
    return JsonResponse(aids.as_json())


def schedule_from(request):
    def parse(name):
        raw = (request.POST.get(name) or "").strip()
        if not raw:
            return None
        try:
            moment = parse_datetime(raw)
        except ValueError:
            moment = None
        if moment is None:
            raise ValidationError(
                _("“%(value)s” is not a date and time (use the picker or YYYY-MM-DD HH:MM).") % {"value": raw}
            )
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    return parse("go_live_at"), parse("expire_at")


def revisions_view(model_admin, request, pk):
    """The revision history, and a field-by-field comparison of two revisions (?a=&b=)."""
    publication = publication_or_404(model_admin, request, pk)
    # Snapshots hold whole bodies: load only the two being compared.
    revisions = list(publication.revisions.select_related("created_by").defer("data").order_by("-created_at", "-pk"))
    by_id = {revision.pk: revision for revision in revisions}
    comparison, older, newer = None, None, None
    try:
        a, b = int(request.GET.get("a", 0)), int(request.GET.get("b", 0))
    except ValueError:
        a = b = 0
    if a in by_id and b in by_id:
        pair = Revision.objects.in_bulk([a, b])
        older, newer = sorted([pair[a], pair[b]], key=lambda r: (r.created_at, r.pk))
        comparison = compare_revisions(older.data, newer.data)
    return TemplateResponse(
        request,
        "admin/publications/publication/revisions.html",
        {
            **model_admin.admin_site.each_context(request),
            "title": _("Revisions of “%(title)s”") % {"title": publication.title},
            "opts": model_admin.model._meta,
            "publication": publication,
            "revisions": revisions,
            "rows": desk.revision_rows(revisions),
            "comparison": comparison,
            "older": older,
            "newer": newer,
            "can_restore": request.user.has_perm("publications.change_publication"),
        },
    )


def restore_view(model_admin, request, pk, revision_id):
    if request.method != "POST":
        raise Http404
    publication = publication_or_404(model_admin, request, pk)
    revision = get_object_or_404(Revision, pk=revision_id, publication=publication)
    try:
        restored = restore_revision(revision=revision, by=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return HttpResponseRedirect(reverse("admin:publications_publication_revisions", args=[pk]))
    messages.success(request, _("Restored as a new draft revision. Earlier revisions are kept."))
    return HttpResponseRedirect(reverse("admin:publications_publication_change", args=[restored.pk]))
