"""The publication page, and the staff preview and share link that show a piece with the same template."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from publications.previews import publication_id_from_preview_token
from publications.queries.publication_page import preview_page, publication_page
from publications.scope import OFF_DESK, within_scope
from publications.seo import publication_structured_data


def publication_detail(request, slug):
    return render_publication_page(request, publication_page(slug=slug))


def render_publication_page(request, page, *, preview: bool = False):
    canonical_url = request.build_absolute_uri(page.publication.get_absolute_url())
    lead = page.publication.lead_image
    response = render(
        request,
        "publications/publication_detail.html",
        {
            "page": page,
            "preview": preview,
            "canonical_url": canonical_url,
            "og_image": request.build_absolute_uri(lead.file.url) if lead and lead.file else "",
            "structured_data": publication_structured_data(
                page, canonical_url=canonical_url, absolute=request.build_absolute_uri
            ),
        },
    )
    if preview:
        # A preview must never be cached by a browser or proxy, nor indexed.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def publication_preview(request, pk):
    """Staff see any piece, whatever its status, rendered with the public template."""
    user = request.user
    if not (user.is_active and user.is_staff):
        raise Http404
    if not user.has_perm("publications.view_publication"):
        raise PermissionDenied
    page = preview_page(pk=pk)
    if not within_scope(user, page.publication):
        raise PermissionDenied(OFF_DESK)
    return render_publication_page(request, page, preview=True)


def publication_preview_share(request, token):
    """An outside reviewer reads one draft through a signed, expiring link; anything else is a 404."""
    publication_id = publication_id_from_preview_token(token)
    if publication_id is None:
        raise Http404
    return render_publication_page(request, preview_page(pk=publication_id), preview=True)
