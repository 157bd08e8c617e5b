"""Structured data (schema.org JSON-LD) for publication pages, built from loaded objects only."""

from cms.kit.languages import language_tag
from cms.sitesettings.models import current as site_settings
from publications.editions import edition_path
from publications.queries.publication_page import PublicationPage

SCHOLARLY_TYPES = {"research-paper", "book", "working-paper"}


def publication_structured_data(page: PublicationPage, *, canonical_url: str, absolute) -> dict:
    """Return the JSON-LD dict for a publication page; `absolute` turns a path into a full URL."""
    publication = page.publication
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle" if publication.publication_type.slug in SCHOLARLY_TYPES else "Article",
        "headline": publication.title,
        "description": publication.dek,
        "url": canonical_url,
        "mainEntityOfPage": canonical_url,
        "inLanguage": language_tag(publication.language),  # BCP 47: "zh-Hans"
        "author": [
            {
                "@type": "Person",
                "name": contributor.person.name,
                **({"url": absolute(contributor.person.get_absolute_url())} if contributor.person.has_profile else {}),
                **({"jobTitle": contributor.title_line} if contributor.title_line else {}),
            }
            for contributor in page.contributors
        ],
        "publisher": {"@type": "Organization", "name": site_settings().site_name},
        "about": [topic.name for topic in publication.topics.all()],
    }
    if publication.publication_date:
        data["datePublished"] = publication.publication_date.isoformat()
    if publication.lead_image and publication.lead_image.file:
        data["image"] = absolute(publication.lead_image.file.url)
    # The work's other editions, public ones only (page.work never holds any other).
    if publication.translation_of_id:
        if page.work.original is not None:
            data["translationOfWork"] = _work_reference(page.work.original, absolute)
    elif page.work.others:
        data["workTranslation"] = [_work_reference(edition, absolute) for edition in page.work.others]
    return data


def _work_reference(publication, absolute) -> dict:
    # At the address of its own language, as the page's hreflang links name it.
    return {
        "@type": "CreativeWork",
        "name": publication.title,
        "url": absolute(edition_path(publication)),
        "inLanguage": language_tag(publication.language),
    }
