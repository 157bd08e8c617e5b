from django.http import Http404
from django.shortcuts import render

from publications.queries import publication_page
from publications.seo import publication_structured_data


def publication_detail(request, slug):
    page = publication_page(slug=slug)
    canonical_url = request.build_absolute_uri(page.publication.get_absolute_url())
    lead = page.publication.lead_image
    return render(
        request,
        "publications/publication_detail.html",
        {
            "page": page,
            "canonical_url": canonical_url,
            "og_image": request.build_absolute_uri(lead.file.url) if lead and lead.file else "",
            "structured_data": publication_structured_data(
                page, canonical_url=canonical_url, absolute=request.build_absolute_uri
            ),
        },
    )


# Placeholders being replaced in this change; each raises 404 until its page is built.
def home(request):
    raise Http404


def publication_list(request):
    raise Http404


def search(request):
    raise Http404


def expert_detail(request, slug):
    raise Http404
