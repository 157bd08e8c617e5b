"""Public pages of centers, topics, regions, programs, projects, collections and newsletters."""

import html

from django.shortcuts import render
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.kit.translations import localized
from cms.sitesettings.models import current as site_settings
from publications.filters import first_value
from publications.queries.taxonomy import (
    TaxonomyPage,
    center_listing,
    center_page,
    collection_page,
    newsletter_page,
    program_page,
    project_page,
    region_listing,
    region_page,
    topic_listing,
    topic_page,
)


def summary_of(rich_text: str) -> str:
    """Plain text for meta descriptions: tags stripped, entities decoded, at most 300 characters."""
    return Truncator(" ".join(html.unescape(strip_tags(rich_text)).split())).chars(300)


def canonical_url(request, path: str, page: TaxonomyPage | None = None) -> str:
    """The page's address without stray parameters; later pages keep their number."""
    if page is not None and page.work.number > 1:
        path = f"{path}?page={page.work.number}"
    return request.build_absolute_uri(path)


# The kind stays English for the templates' logic ("Project" shows its program); readers see its label.
KINDS = {
    "Center": gettext_lazy("Center"),
    "Topic": gettext_lazy("Topic"),
    "Region": gettext_lazy("Region"),
    "Program": gettext_lazy("Program"),
    "Project": gettext_lazy("Project"),
    "Collection": gettext_lazy("Collection"),
    "Newsletter": gettext_lazy("Newsletter"),
}
EXPERTS = gettext_lazy("Experts")
LATEST_WORK = gettext_lazy("Latest work")
CONTRIBUTORS = gettext_lazy("Contributors")


def render_detail(
    request,
    template: str,
    page: TaxonomyPage,
    *,
    kind: str,
    feeds: str = "",
    experts_heading: str = EXPERTS,
    work_heading: str = LATEST_WORK,
):
    kind_label = KINDS[kind]
    return render(
        request,
        template,
        {
            "page": page,
            "kind": kind,
            "kind_label": kind_label,
            "canonical_url": canonical_url(request, page.item.get_absolute_url(), page),
            "description": summary_of(localized(page.item, "description").as_text())
            or _("%(kind)s: %(name)s. Publications and experts from the %(site)s.")
            % {"kind": kind_label, "name": localized(page.item, "name").as_text(), "site": site_settings().site_name},
            "feed_rss": f"feeds:{feeds}_rss" if feeds else "",
            "feed_atom": f"feeds:{feeds}_atom" if feeds else "",
            "experts_heading": experts_heading,
            "work_heading": work_heading,
        },
    )


def render_index(request, template: str, **context):
    return render(request, template, {"canonical_url": request.build_absolute_uri(request.path), **context})


def center_index(request):
    return render_index(request, "publications/taxonomy/center_index.html", centers=center_listing())


def center_detail(request, slug):
    page = center_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(request, "publications/taxonomy/center_detail.html", page, kind="Center", feeds="center")


def topic_index(request):
    return render_index(request, "publications/taxonomy/topic_index.html", topics=topic_listing())


def topic_detail(request, slug):
    page = topic_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(request, "publications/taxonomy/taxonomy_detail.html", page, kind="Topic", feeds="topic")


def region_index(request):
    return render_index(request, "publications/taxonomy/region_index.html", regions=region_listing())


def region_detail(request, slug):
    page = region_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(request, "publications/taxonomy/region_detail.html", page, kind="Region", feeds="region")


def program_detail(request, slug):
    page = program_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(
        request, "publications/taxonomy/taxonomy_detail.html", page, kind="Program", experts_heading=CONTRIBUTORS
    )


def project_detail(request, slug):
    page = project_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(
        request, "publications/taxonomy/taxonomy_detail.html", page, kind="Project", experts_heading=CONTRIBUTORS
    )


def collection_detail(request, slug):
    page = collection_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(
        request,
        "publications/taxonomy/collection_detail.html",
        page,
        kind="Collection",
        experts_heading=CONTRIBUTORS,
        work_heading=gettext_lazy("In this collection"),
    )


def newsletter_detail(request, slug):
    page = newsletter_page(slug=slug, page=first_value(request.GET, "page"), language=request.LANGUAGE_CODE)
    return render_detail(
        request, "publications/taxonomy/taxonomy_detail.html", page, kind="Newsletter", experts_heading=CONTRIBUTORS
    )
