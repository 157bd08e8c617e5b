"""The publish gate: what must be fixed before a piece may go live (read only)."""

import re

from django.utils.translation import gettext as _

from cms.richtext.rendering import body_problems, readable_text
from publications.models import Publication
from publications.queries.publication_page import disclaimer_for

PLACEHOLDER_PATTERNS = [
    (re.compile(r"\bTK\b"), "TK"),
    (re.compile(r"REQUIRED IMAGE", re.IGNORECASE), "REQUIRED IMAGE"),
    (re.compile(r"lorem ipsum", re.IGNORECASE), "lorem ipsum"),
    (re.compile(r"\bXXX+\b"), "XXX"),
    (re.compile(r"\[(?:placeholder|insert[^\]]*|tbd|tbc)\]", re.IGNORECASE), "[placeholder]"),
]


def publish_gate_problems(
    publication: Publication, *, has_author: bool | None = None, has_disclaimer: bool | None = None
) -> list[str]:
    """Return what must be fixed before `publication` may be published (empty when it may).

    The editor's writing aids run it on the unsaved form (publications/desk.py), passing
    `has_author` from the form's byline; otherwise the saved byline is read. The legacy
    import passes both from what it knows, so the gate costs it no query. 0–3 queries.
    """
    problems = []
    # The body's text only: a file name or an address in its markup ("TK.jpg") is not a placeholder.
    body_text = readable_text(publication.body)
    for still_there, text in [
        (_("The title still contains placeholder text (%(placeholder)s)."), publication.title),
        (_("The dek still contains placeholder text (%(placeholder)s)."), publication.dek),
        (_("The body still contains placeholder text (%(placeholder)s)."), body_text),
    ]:
        for pattern, label in PLACEHOLDER_PATTERNS:
            if pattern.search(text or ""):
                problems.append(still_there % {"placeholder": label})
    if publication.lead_image_id:
        if not publication.image_credit:
            problems.append(_("The lead image has no credit."))
        if not publication.image_alt:
            problems.append(_("The lead image has no alt text."))
    if not publication.primary_center_id:
        problems.append(_("Choose a primary center."))
    if has_author is None:
        has_author = publication.authorships.filter(role="author").exists()
    if not has_author:
        problems.append(_("Add at least one author."))
    if not publication.slug:
        problems.append(_("The publication has no slug."))
    if has_disclaimer is None:
        has_disclaimer = bool(disclaimer_for(publication))
    if not has_disclaimer:
        problems.append(_("No disclaimer applies: add a site default disclaimer or an override."))
    # Heading order, links without address or text, body images without alt text or credit.
    problems.extend(body_problems(publication.body))
    if publication.translation_of_id:
        problems.extend(untranslated_problems(publication))
    return problems


TRANSLATION_MARK = re.compile(r"\[[\w-]+\]\s")


def untranslated_problems(edition: Publication) -> list[str]:
    """What an edition still shares with its original: made by `create_edition`, it starts as its copy. 1 query."""
    problems = []
    if TRANSLATION_MARK.match(edition.title):
        problems.append(
            _("The title still starts with the language mark of a new edition: write the translated title.")
        )
    original = Publication.objects.filter(pk=edition.translation_of_id).only("dek", "body").first()
    if original is not None:
        if edition.dek and edition.dek == original.dek:
            problems.append(_("The dek is still the original's: translate it."))
        if readable_text(edition.body) and edition.body == original.body:
            problems.append(_("The body is still the original's text: translate it."))
    # Undated legacy pages may go live undated (the old site did not record every date); a new
    # edition gets its own date, which is not its original's.
    if not edition.publication_date and not edition.legacy_id:
        problems.append(_("Give the edition its publication date."))
    return problems
