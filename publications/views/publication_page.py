"""The publication page, and the staff preview and share link that show a piece with the same template."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from cms.kit.languages import Alternate, alternates_for, path_in_language
from publications.editions import edition_links
from publications.previews import publication_id_from_preview_token
from publications.queries.publication_page import preview_page, publication_page
from publications.scope import OFF_DESK, within_scope
from publications.seo import publication_structured_data


def publication_detail(request, slug):
    return render_publication_page(request, publication_page(slug=slug, language=request.LANGUAGE_CODE))


def work_alternates(request, page) -> tuple[list[Alternate], list[tuple[str, str]]]:
    """The switcher's entries and the page's hreflang links, for a piece with public editions.

    The switcher leads to the work's edition in that language when there is one (at that language's
    address), else to this page in that language. The hreflang links are `edition_links`, which the
    sitemap writes too. No query: `page.work` holds the public editions.
    """
    editions = {piece.language: piece for piece in page.work.others}
    editions.setdefault(page.publication.language, page.publication)
    switcher = []
    for alternate in alternates_for(request.path_info):
        edition = editions.get(alternate.code)
        if edition is not None and edition.pk != page.publication.pk:
            alternate = alternate._replace(url=path_in_language(edition.get_absolute_url(), alternate.code))
        switcher.append(alternate)
    links = [(language, request.build_absolute_uri(path)) for language, path in edition_links(editions.values())]
    return switcher, links


def render_publication_page(request, page, *, preview: bool = False):
    canonical_url = request.build_absolute_uri(page.publication.get_absolute_url())
    extra = {}
    if page.work.others and not preview:
        extra["language_alternates"], extra["hreflang_links"] = work_alternates(request, page)
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
            **extra,
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
    page = preview_page(pk=pk, language=request.LANGUAGE_CODE)
    if not within_scope(user, page.publication):
        raise PermissionDenied(OFF_DESK)
    return render_publication_page(request, page, preview=True)


def publication_preview_share(request, token):
    """An outside reviewer reads one draft through a signed, expiring link; anything else is a 404."""
    publication_id = publication_id_from_preview_token(token)
    if publication_id is None:
        raise Http404
    return render_publication_page(
        request, preview_page(pk=publication_id, language=request.LANGUAGE_CODE), preview=True
    )
